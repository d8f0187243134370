"""Go's view of Python values, as Hugo's functions need it: a slice's element
type (Hugo's ``slice "a" "b"`` is a ``[]string``, not a ``[]interface {}``),
``reflect.DeepEqual`` and the hashes Hugo keys lists and maps by.

Shared by the ``collections`` and ``compare`` modules; casting
(``spf13/cast``, ``strconv``) is ``hugo_templates.gocast``'s.
"""

from __future__ import annotations

import logging
import struct
from collections.abc import Mapping, Sequence
from typing import Any

from ..gocast import go_type, is_nil, is_number, is_slice, map_item, wrap_int64

logger = logging.getLogger(__name__)


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


def make_slice(args: Sequence[Any]) -> list:
    """Hugo's ``collections.Slice``: a typed slice when every argument has
    the type of the first, else a ``[]interface {}``."""
    if not args or args[0] is None:
        return list(args)
    first = go_type(args[0])
    if any(go_type(arg) != first for arg in args[1:]):
        return list(args)
    return GoSlice(args, first)


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
                structure_hash(key), structure_hash(map_item(value, key))
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
            and all(deep_equal(first[key], map_item(second, key)) for key in first)
        )
    if is_slice(first):
        return len(first) == len(second) and all(
            deep_equal(a, b) for a, b in zip(first, second, strict=True)
        )
    if isinstance(first, float):
        return first == second  # NaN is not equal to itself, as in Go
    return first is second or first == second
