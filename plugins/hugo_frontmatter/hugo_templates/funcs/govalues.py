"""Go's view of Python values, as Hugo's functions need it: a slice's element
type (Hugo's ``slice "a" "b"`` is a ``[]string``, not a ``[]interface {}``),
Go's dynamic types for ``reflect.DeepEqual``, ``strconv`` number parsing and
``spf13/cast`` conversions (``int "08"``, ``string 1.5``).

Shared by the ``collections``, ``compare``, ``math`` and ``cast`` modules.
"""

from __future__ import annotations

import logging
import math
import re
import struct
from collections.abc import Mapping, Sequence
from typing import Any

from ...gotemplate import MISSING
from ...gotemplate.gofmt import format_float, sprintf, type_name

logger = logging.getLogger(__name__)

INT64_MIN = -(1 << 63)
INT64_MAX = (1 << 63) - 1

# A decimal float as strconv.ParseFloat reads it: Go's literal syntax, "_"
# only between digits, no spaces; a hexadecimal one needs its "p" exponent.
_DIGITS = r"\d(?:_?\d)*"
_DECIMAL = re.compile(
    rf"[+-]?(?:{_DIGITS}(?:\.(?:{_DIGITS})?)?|\.{_DIGITS})(?:[eE][+-]?{_DIGITS})?\Z",
    re.ASCII,
)
_HEX_FLOAT = re.compile(
    r"[+-]?0[xX](?:_?[0-9a-fA-F])*\.?(?:[0-9a-fA-F]_?)*[pP][+-]?\d+\Z", re.ASCII
)
_SPECIAL = re.compile(r"[+-]?(?:inf|infinity|nan)\Z", re.IGNORECASE)
# An integer as strconv.ParseInt(s, 0, 64) reads it: base prefixes, a
# leading 0 for octal, "_" between digits.
_INT_FORMS = (
    (re.compile(r"0[xX](?:_?[0-9a-fA-F])+\Z"), 16),
    (re.compile(r"0[bB](?:_?[01])+\Z"), 2),
    (re.compile(r"0[oO](?:_?[0-7])+\Z"), 8),
    (re.compile(r"0(?:_?[0-7])+\Z"), 8),
    (re.compile(r"[1-9](?:_?[0-9])*\Z|0\Z"), 10),
)


class GoSlice(list):
    """A Go slice whose elements have one static type (``[]string``,
    ``[]int``), as Hugo's ``slice`` and ``seq`` make; a plain ``list`` is a
    ``[]interface {}``. Prints as a list does."""

    def __init__(self, items: Sequence[Any] = (), elem: str = "interface {}"):
        super().__init__(items)
        self.elem = elem

    @property
    def GO_TYPE(self) -> str:
        """The type gofmt's ``%T`` and ``%#v`` print."""
        return "[]" + self.elem


def elem_type(value: Sequence[Any]) -> str:
    """The element type of a slice: ``interface {}`` for a plain list."""
    return getattr(value, "elem", "interface {}")


def same_slice(like: Sequence[Any], items: Sequence[Any]) -> list:
    """``items`` as a slice of the same type as ``like`` (Go's
    ``reflect.MakeSlice(like.Type())`` then appends): a typed slice keeps
    its element type, a list class of its own (a page collection) its
    class where it can be made from a list."""
    if type(like) not in (list, tuple, GoSlice) and isinstance(like, list):
        try:
            return type(like)(items)
        except TypeError:
            pass
    elem = elem_type(like)
    return GoSlice(items, elem) if elem != "interface {}" else list(items)


def go_type(value: Any) -> str:
    """The dynamic Go type of a value, for DeepEqual and for messages."""
    if isinstance(value, GoSlice):
        return "[]" + value.elem
    if isinstance(value, Mapping) and type(value).__name__ == "Params":
        return "maps.Params"
    return type_name(value)


def make_slice(args: Sequence[Any]) -> list:
    """Hugo's ``collections.Slice``: a typed slice when every argument has
    the type of the first, else a ``[]interface {}``."""
    if not args or args[0] is None:
        return list(args)
    first = go_type(args[0])
    if any(go_type(arg) != first for arg in args[1:]):
        return list(args)
    return GoSlice(args, first)


def is_slice(value: Any) -> bool:
    """A Go slice or array (not a string, not a map)."""
    return isinstance(value, (list, tuple)) or (
        isinstance(value, Sequence) and not isinstance(value, (str, bytes))
    )


def is_number(value: Any) -> bool:
    """An int or float kind (a bool is neither in Go)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def is_nil(value: Any) -> bool:
    return value is None or value is MISSING


def normalize(value: Any) -> Any:
    """Hugo's ``normalize``: numbers compare as float64, lists and maps by
    their hashstructure hash (so ``[]`` is ``{}``), other values as
    themselves, keyed by their Go type so ``true`` is not ``1``."""
    if is_number(value):
        return ("number", float(value))
    if is_nil(value):
        return ("nil", None)
    if is_slice(value) or isinstance(value, Mapping):
        return ("hash", structure_hash(value))
    if isinstance(value, (str, bool)):
        return (go_type(value), value)
    return (go_type(value), _Identity(value))


class _Identity:
    """A value compared with DeepEqual, for sets keyed by Go identity."""

    __slots__ = ("value",)

    def __init__(self, value: Any):
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Identity) and deep_equal(self.value, other.value)

    def __hash__(self) -> int:
        return hash(go_type(self.value))


_FNV_OFFSET = 0xCBF29CE484222325
_FNV_PRIME = 0x100000001B3
_U64 = (1 << 64) - 1


def _fnv64a(data: bytes) -> int:
    value = _FNV_OFFSET
    for byte in data:
        value = ((value ^ byte) * _FNV_PRIME) & _U64
    return value


def _ordered(first: int, second: int) -> int:
    return _fnv64a(struct.pack("<QQ", first, second))


def structure_hash(value: Any) -> int:
    """mitchellh/hashstructure v1's Hash (FNV-64a), which Hugo uses to key
    lists and maps: nil hashes as int64 0, a list folds its items in order,
    a map XORs its key/value pairs."""
    if is_nil(value):
        return _fnv64a(struct.pack("<q", 0))
    if isinstance(value, bool):
        return _fnv64a(struct.pack("<b", int(value)))
    if isinstance(value, int):
        return _fnv64a(struct.pack("<q", wrap_int64(value)))
    if isinstance(value, float):
        return _fnv64a(struct.pack("<d", value))
    if isinstance(value, str):
        return _fnv64a(value.encode("utf-8"))
    if is_slice(value):
        folded = 0
        for item in value:
            folded = _ordered(folded, structure_hash(item))
        return folded
    if isinstance(value, Mapping):
        folded = 0
        for key in value:
            folded ^= _ordered(
                structure_hash(key), structure_hash(_raw_get(value, key))
            )
        return folded
    return _fnv64a(repr(value).encode("utf-8"))


def comparable(value: Any) -> bool:
    """Whether Go can use the value as a map key (no slices, no maps)."""
    return not (is_slice(value) or isinstance(value, Mapping))


def deep_equal(first: Any, second: Any) -> bool:
    """Go's reflect.DeepEqual over the values templates hold: same dynamic
    type, then same contents."""
    if is_nil(first) or is_nil(second):
        return is_nil(first) and is_nil(second)
    if go_type(first) != go_type(second):
        return False
    if isinstance(first, Mapping):
        return (
            len(first) == len(second)
            and all(
                dict.__contains__(second, key)
                if isinstance(second, dict)
                else key in second
                for key in first
            )
            and all(deep_equal(first[key], _raw_get(second, key)) for key in first)
        )
    if is_slice(first):
        return len(first) == len(second) and all(
            deep_equal(a, b) for a, b in zip(first, second, strict=True)
        )
    if isinstance(first, float):
        return first == second  # NaN is not equal to itself, as in Go
    return first is second or first == second


def _raw_get(mapping: Mapping, key: Any) -> Any:
    return dict.get(mapping, key) if isinstance(mapping, dict) else mapping[key]


def parse_float(text: str) -> tuple[float, bool]:
    """strconv.ParseFloat(text, 64): the value and whether it parsed. An
    out-of-range number is ±Inf and not parsed; a syntax error is 0."""
    if _DECIMAL.match(text) or _SPECIAL.match(text):
        value = float(text.replace("_", ""))
        if math.isinf(value) and not _SPECIAL.match(text):
            return value, False
        return value, True
    if _HEX_FLOAT.match(text):
        try:
            return float.fromhex(text.replace("_", "")), True
        except OverflowError:
            return (-math.inf if text.startswith("-") else math.inf), False
    return 0.0, False


def parse_int(text: str) -> int | None:
    """strconv.ParseInt(text, 0, 64), or None where it fails."""
    body = text[1:] if text[:1] in "+-" else text
    for pattern, base in _INT_FORMS:
        if pattern.match(body):
            digits = body.replace("_", "")
            if base != 10:
                digits = digits[2:] if digits[1:2].isalpha() else digits[1:]
            value = int(digits or "0", base)
            value = -value if text.startswith("-") else value
            return value if INT64_MIN <= value <= INT64_MAX else None
    return None


def wrap_int64(value: int) -> int:
    """An int as Go's int64 arithmetic leaves it (wrapping on overflow)."""
    return (value - INT64_MIN) % (1 << 64) + INT64_MIN


def go_repr(value: Any, depth: int = 0) -> str:
    """Go's %#v, as cast's messages show a value (a Params map as
    ``maps.Params{...}``)."""
    if value is None and depth:
        return "interface {}(nil)"
    if isinstance(value, Mapping):
        items = ", ".join(
            f"{go_repr(key, depth + 1)}:{go_repr(_raw_get(value, key), depth + 1)}"
            for key in sorted(value, key=str)
        )
        return f"{go_type(value)}{{{items}}}"
    if is_slice(value):
        items = ", ".join(go_repr(item, depth + 1) for item in value)
        return f"{go_type(value)}{{{items}}}"
    return sprintf("%#v", value)


def _trim_zero_decimal(text: str) -> str:
    """cast's trimZeroDecimal: "2.00" is "2" (and "2." stays "2.")."""
    found_zero = False
    for i in range(len(text), 0, -1):
        char = text[i - 1]
        if char == ".":
            if found_zero:
                return text[: i - 1]
        elif char == "0":
            found_zero = True
        else:
            return text
    return text


def _stringer(value: Any) -> str | None:
    for name in ("String", "Error"):
        method = getattr(value, name, None)
        if callable(method):
            return str(method())
    return None


def to_int(value: Any) -> int:
    """spf13/cast's ToIntE (v1.5, as Hugo 0.111 has it; its message names
    int64 for a string, int for anything else)."""
    if is_nil(value):
        return 0
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return INT64_MIN
        return wrap_int64(int(value))
    if isinstance(value, str):
        parsed = parse_int(_trim_zero_decimal(value))
        if parsed is not None:
            return parsed
    target = "int64" if isinstance(value, str) else "int"
    raise ValueError(
        f"unable to cast {go_repr(value)} of type {go_type(value)} to {target}"
    )


def to_float(value: Any) -> float:
    """spf13/cast's ToFloat64E."""
    if is_nil(value):
        return 0.0
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        parsed, ok = parse_float(value)
        if ok:
            return parsed
    raise ValueError(
        f"unable to cast {go_repr(value)} of type {go_type(value)} to float64"
    )


def to_string(value: Any) -> str:
    """spf13/cast's ToStringE: floats without an exponent, nil as ""."""
    if is_nil(value):
        return ""
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format_float(value, "f", None)
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    shown = _stringer(value)
    if shown is not None:
        return shown
    raise ValueError(
        f"unable to cast {go_repr(value)} of type {go_type(value)} to string"
    )
