"""Hugo's ``where`` (tpl/collections/where.go): a value found by a dotted
key, as Hugo's evaluateSubElem finds it, tested by checkCondition's rules;
and ``in`` and ``intersect``, which its operators use."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from ...gotemplate import MISSING
from ...gotemplate.gofmt import format_value
from ..gocast import go_type, is_nil, is_number, is_slice, to_string
from .govalues import elem_type, normalize, same_slice

logger = logging.getLogger(__name__)

_EQ = ("", "=", "==", "eq")
_NE = ("!=", "<>", "ne")
_ORDER = {
    ">=": lambda a, b: a >= b,
    "ge": lambda a, b: a >= b,
    ">": lambda a, b: a > b,
    "gt": lambda a, b: a > b,
    "<=": lambda a, b: a <= b,
    "le": lambda a, b: a <= b,
    "<": lambda a, b: a < b,
    "lt": lambda a, b: a < b,
}


class ReflectPanic(ValueError):
    """What Go's reflect panics with: Hugo's template fails, never skips."""


def sub_element(value: Any, name: str, static: str = "interface {}") -> Any:
    """Hugo's evaluateSubElem: a method (called), field or map key of
    ``value`` (whose static Go type is ``static``); raises where Hugo
    returns an error, ``ReflectPanic`` where it panics."""
    if value is MISSING:
        raise ValueError("can't evaluate an invalid value")
    if value is None:
        raise ReflectPanic("reflect: call of reflect.Value.Type on zero Value")
    if isinstance(value, Mapping):
        if type(value).__name__ == "Params":
            return value.get(name, MISSING)
        if isinstance(value, dict):
            return dict.get(value, name, MISSING)
        return value[name] if name in value else MISSING
    attribute = MISSING if name.startswith("_") else getattr(value, name, MISSING)
    if attribute is MISSING:
        raise ValueError(
            f"{name} is neither a struct field, a method nor a map element "
            f"of type {static}"
        )
    return attribute() if callable(attribute) else attribute


def _path_value(item: Any, path: list[str], static: str) -> Any:
    """The value at a dotted key, as ``where`` finds it (case-insensitive
    once it reaches a Params map); MISSING where there is none."""
    value = item
    for i, name in enumerate(path):
        if type(value).__name__ == "Params":
            return get_nested(value, path[i:])
        try:
            value = sub_element(value, name, static if i == 0 else "interface {}")
        except ReflectPanic:
            raise
        except ValueError:
            value = MISSING
    return value


def get_nested(params: Mapping, path: list[str]) -> Any:
    """Hugo's Params.GetNested: each key in any case, through maps only."""
    value: Any = params
    for name in path:
        if not isinstance(value, Mapping):
            return MISSING
        value = value.get(name.lower().removeprefix("."), MISSING)
    return value


def contains(collection: Any, value: Any) -> bool:
    """Hugo's In: an element equal to ``value`` (numbers as float64), or
    else the one's text within the other's."""
    if is_nil(collection) or is_nil(value):
        return False
    if is_slice(collection):
        key = normalize(value)
        for item in collection:
            if not is_nil(item) and normalize(item) == key:
                return True
    try:
        whole, part = to_string(collection), to_string(value)
    except ValueError:
        return False
    return part in whole


def intersect(first: Any, second: Any) -> Any:
    """Hugo's Intersect: the first list's items found in the second."""
    if is_nil(first) or is_nil(second):
        return []
    for seq in (first, second):
        if not is_slice(seq):
            raise ValueError("can't iterate over " + go_type(seq))
    for seq in (first, second):
        if len(seq) and elem_type(seq).startswith(("[]", "map[")):
            raise ValueError(
                "intersect does not support slices or arrays of uncomparable types"
            )
    seen: set = set()
    result = []
    for a in first:
        for b in second:
            if _pair_matches(a, b):
                key = normalize(a)
                if key not in seen:
                    seen.add(key)
                    result.append(a)
    return same_slice(first, result)


def _pair_matches(a: Any, b: Any) -> bool:
    """Intersect's handleValuePair: strings with strings, numbers with
    numbers as float64, other objects by identity; bools, lists and maps
    never match."""
    if isinstance(a, str):
        return isinstance(b, str) and a == b
    if is_number(a):
        return is_number(b) and float(a) == float(b)
    if is_nil(a) or isinstance(a, bool) or is_slice(a) or isinstance(a, Mapping):
        return False
    return a is b or a == b


def where(seq: Any, key: Any, *args: Any) -> Any:
    """Hugo's where: the items of ``seq`` whose value at ``key`` (dotted)
    passes ``operator`` (default ``=``) with ``match``; a map keeps the keys
    whose lists keep an item."""
    if len(args) == 1:
        operator, match = "", args[0]
    elif len(args) == 2:
        if not isinstance(args[0], str):
            raise ValueError("operator argument must be string type")
        operator, match = args[0].strip().lower(), args[1]
    else:
        raise ValueError(
            "can't evaluate the array by no match argument or more than or "
            "equal to two arguments"
        )
    path = key.strip(".").split(".") if isinstance(key, str) else None
    if is_slice(seq):
        return _where_list(seq, key, path, match, operator)
    if isinstance(seq, Mapping):
        result = {}
        for name, value in seq.items():
            if is_slice(value) and _where_list(value, key, path, match, operator):
                result[name] = value
        return result
    raise ValueError(f"can't iterate over {format_value(seq)}")


def _where_list(
    seq: Any, key: Any, path: list[str] | None, match: Any, operator: str
) -> Any:
    """Hugo's checkWhereArray: the items that pass, in a slice of seq's type."""
    kept = []
    for item in seq:
        if path is not None:
            value = _path_value(item, path, elem_type(seq))
        elif isinstance(item, Mapping) and isinstance(key, str):
            value = item.get(key, MISSING)
        else:
            value = MISSING
        if _condition(value, match, operator):
            kept.append(item)
    return same_slice(seq, kept)


def _condition(value: Any, match: Any, operator: str) -> bool:
    """Hugo's checkCondition for one element's value."""
    value_nil, match_nil = is_nil(value), is_nil(match)
    if value_nil or match_nil:
        if operator in _EQ:
            return value_nil == match_nil
        if operator in _NE:
            return value_nil != match_nil
        return False
    if isinstance(value, bool) and isinstance(match, bool):
        if operator in _EQ:
            return value == match
        if operator in _NE:
            return value != match
        return False
    scalar: tuple[str, Any, Any] | None = None  # kind, value, match
    members: list[Any] = []
    lists: tuple[Any, Any] | None = None
    if go_type(value) == go_type(match):
        if isinstance(value, (int, float, str)):
            scalar = (go_type(value), value, match)
        elif is_slice(value):
            lists = (value, match)
    elif is_number(value) and is_number(match):  # an int and a float
        scalar = ("float64", float(value), float(match))
    else:
        if not is_slice(match) or not match:
            return False
        match_elem = elem_type(match)
        if (
            match_elem != "interface {}"
            and match_elem != go_type(value)
            and not is_slice(value)
        ):
            return False
        if isinstance(value, (int, float, str)):
            kind = go_type(value)
            scalar = (kind, value, None)
            members = [m for m in match if go_type(m) == kind]
        elif is_slice(value):
            lists = (value, match)
    if operator in _EQ or operator in _NE or operator in _ORDER:
        if scalar is None or scalar[2] is None:
            return False
        kind, a, b = scalar
        if kind == "string":
            a, b = a.encode("utf-8"), b.encode("utf-8")
        if operator in _EQ:
            return a == b
        if operator in _NE:
            return a != b
        return _ORDER[operator](a, b)
    if operator in ("in", "not in"):
        if scalar is None:
            return False
        kind, a, b = scalar
        if members:
            found = contains(members, a)
        elif kind == "string" and b is not None:
            found = contains(b, a)
        elif kind == "string":
            found = False
        else:
            return False
        return found if operator == "in" else not found
    if operator == "intersect":
        first, second = lists if lists is not None else (None, None)
        return bool(intersect(first, second))
    raise ValueError("no such operator")
