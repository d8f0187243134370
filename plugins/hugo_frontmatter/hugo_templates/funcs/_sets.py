"""Hugo's set operations on lists (tpl/collections: complement.go,
symdiff.go, ``union`` and ``uniq`` of collections.go): items compared by
their normalised value (``govalues.normalize``), the result of the first
list's Go type, an item converted as Hugo's convertValue does."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from ..gocast import go_type, is_nil, is_number, is_slice
from .govalues import comparable, elem_type, normalize, same_slice

logger = logging.getLogger(__name__)


def complement(seqs: tuple) -> Any:
    """Hugo's complement: the last list's items that are in none of the
    others."""
    if len(seqs) < 2:
        raise ValueError("complement needs at least two arguments")
    universe = seqs[-1]
    seen = _identities(seqs[:-1])
    if not is_slice(universe):
        raise ValueError("arguments to complement must be slices or arrays")
    kept = []
    for item in universe:
        if normalize(item) not in seen:
            kept.append(item)
    return same_slice(universe, kept)


def symdiff(second: Any, first: Any) -> Any:
    """Hugo's symdiff: the items in exactly one of the two lists, as
    elements of the first's type."""
    ids_first, ids_second = _identities([first]), _identities([second])
    result: list[Any] = []
    for seq in (first, second):
        if not is_slice(seq):
            raise ValueError("arguments to symdiff must be slices or arrays")
        for item in seq:
            key = normalize(item)
            if (key in ids_first) != (key in ids_second):
                result.append(_convert(item, elem_type(first)))
    return same_slice(first, result)


def union(first: Any, second: Any) -> Any:
    """Hugo's union: the first list's items, then the second's it lacks,
    converted as Hugo converts them to the first's kind."""
    if is_nil(first) and is_nil(second):
        return []
    if is_nil(first):
        return second
    if is_nil(second):
        return first
    for seq in (first, second):
        if not is_slice(seq):
            raise ValueError("can't iterate over " + go_type(seq))
    first_elem, second_elem = elem_type(first), elem_type(second)
    if (
        first_elem != second_elem
        and first_elem != "interface {}"
        and second_elem != "interface {}"
    ):
        return same_slice(first, [])
    seen: set = set()
    result: list[Any] = []

    def add(value: Any) -> None:
        key = normalize(value)
        if key not in seen:
            seen.add(key)
            result.append(value)

    kind = "none"
    for item in first:
        if not comparable(item):
            raise ValueError(
                "union does not support slices or arrays of uncomparable types"
            )
        kind = _kind(item)
        if not is_nil(item):
            add(item)
    if not len(first) and len(second):  # the second's first item decides
        kind = _kind(second[0]) if elem_type(second) != "interface {}" else ""
    for item in second:
        if kind == "string":
            if isinstance(item, str):
                add(item)
        elif kind == "int":
            if isinstance(item, int) and not isinstance(item, bool):
                add(item)
        elif kind == "float64":
            if is_number(item):
                add(float(item))
        elif kind == "" and not comparable(item):
            raise ValueError(f"runtime error: hash of unhashable type {go_type(item)}")
        elif kind == "" and first_elem != "interface {}":
            raise ValueError(
                "reflect.Set: value of type interface {} is not assignable "
                f"to type {first_elem}"
            )
        elif kind in ("", "other"):
            add(item)
    return same_slice(first, result)


def uniq(seq: Any) -> Any:
    """Hugo's uniq: each item once, in its first place."""
    if is_nil(seq):
        return []
    if not is_slice(seq):
        raise ValueError(f"type {go_type(seq)} not supported")
    seen: set = set()
    result = []
    for item in seq:
        key = normalize(item)
        if key not in seen:
            seen.add(key)
            result.append(item)
    return same_slice(seq, result)


def _convert(item: Any, elem: str) -> Any:
    """Hugo's convertValue: ``item`` as an element of a ``[]elem``."""
    if elem == "interface {}" or (item is not None and go_type(item) == elem):
        return item
    message = f"{go_type(item)} is not assignable to {elem}"
    if elem == "string":
        if isinstance(item, str):
            return item
        message = "unable to convert value to string"
    elif elem == "float64":
        if is_number(item):
            return float(item)
        message = "unable to convert value to float"
    elif elem == "int":
        if is_number(item) and isinstance(item, int):
            return item
        message = "unable to convert value to int"
    raise ValueError(f"symdiff: failed to convert value: {message}")


def _kind(value: Any) -> str:
    """The kind Union converts the second list's items to, from the first
    list's last item ("" for nil: any item goes)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, str):
        return "string"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float64"
    if is_slice(value) or isinstance(value, Mapping):
        return "none"
    return "other"


def _identities(seqs: Any) -> set:
    """Hugo's collectIdentities: every element's normalised value (a list
    or map fails here, though complement's last list may hold them)."""
    seen = set()
    for seq in seqs:
        if not is_slice(seq):
            raise ValueError("arguments must be slices or arrays")
        for item in seq:
            if not comparable(item):
                raise ValueError("elements must be comparable")
            seen.add(normalize(item))
    return seen
