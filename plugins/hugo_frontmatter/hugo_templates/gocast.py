"""spf13/cast (v1.5, as Hugo 0.111 has it) and the strconv number parsing it
rests on: turning a template argument into the Go type a function wants
(``int "08"``, ``string 1.5``), with cast's words when it cannot.

The one home of these rules: every Hugo function module and the time and
URL helpers import them from here, so this module imports none of them.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..gotemplate import MISSING
from ..gotemplate.gofmt import format_float, sprintf, type_name

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


def is_nil(value: Any) -> bool:
    """Go's nil: None, or a missing map key's zero value."""
    return value is None or value is MISSING


def is_slice(value: Any) -> bool:
    """A Go slice or array (not a string, not a map)."""
    return isinstance(value, (list, tuple)) or (
        isinstance(value, Sequence) and not isinstance(value, (str, bytes))
    )


def is_number(value: Any) -> bool:
    """An int or float kind (a bool is neither in Go)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def go_type(value: Any) -> str:
    """The dynamic Go type of a value, for DeepEqual and for messages (a
    page's ``.Params`` is a ``maps.Params``)."""
    if isinstance(value, Mapping) and type(value).__name__ == "Params":
        return "maps.Params"
    return type_name(value)


def map_item(mapping: Mapping, key: Any) -> Any:
    """A map's own value for ``key`` (a dict subclass's ``__getitem__``,
    such as Params' case folding, is passed by)."""
    return dict.get(mapping, key) if isinstance(mapping, dict) else mapping[key]


def go_repr(value: Any, depth: int = 0) -> str:
    """Go's %#v, as cast's messages show a value (a Params map as
    ``maps.Params{...}``)."""
    if value is None and depth:
        return "interface {}(nil)"
    if isinstance(value, Mapping):
        items = ", ".join(
            f"{go_repr(key, depth + 1)}:{go_repr(map_item(value, key), depth + 1)}"
            for key in sorted(value, key=str)
        )
        return f"{go_type(value)}{{{items}}}"
    if is_slice(value):
        items = ", ".join(go_repr(item, depth + 1) for item in value)
        return f"{go_type(value)}{{{items}}}"
    return sprintf("%#v", value)


def cannot_cast(value: Any, target: str) -> ValueError:
    """cast's refusal: ``unable to cast []interface {}{1} of type
    []interface {} to int``."""
    return ValueError(
        f"unable to cast {go_repr(value)} of type {go_type(value)} to {target}"
    )


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


def _int_or_none(value: Any) -> int | None:
    """What cast's ToIntE and ToInt64E both accept (a float truncated, NaN
    and ±Inf as amd64 converts them), or None."""
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
        return parse_int(_trim_zero_decimal(value))
    return None


def to_int(value: Any) -> int:
    """cast.ToIntE (its message names int64 for a string, int for anything
    else)."""
    parsed = _int_or_none(value)
    if parsed is None:
        raise cannot_cast(value, "int64" if isinstance(value, str) else "int")
    return parsed


def to_int64(value: Any) -> int:
    """cast.ToInt64E (its message always names int64)."""
    parsed = _int_or_none(value)
    if parsed is None:
        raise cannot_cast(value, "int64")
    return parsed


def to_float(value: Any) -> float:
    """cast.ToFloat64E."""
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
    raise cannot_cast(value, "float64")


def to_string(value: Any) -> str:
    """cast.ToStringE: text, numbers (floats without an exponent), booleans,
    nil (``""``), bytes, a Stringer or an error; else cast's message."""
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
    raise cannot_cast(value, "string")
