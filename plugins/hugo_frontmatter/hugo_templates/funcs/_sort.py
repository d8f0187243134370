"""Hugo's ``sort`` (tpl/collections/sort.go): a list or a map's values
ordered by the value, a map's key or a dotted field, as Hugo compares them
(``compare.less``) in Go's stable sort."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from ...gotemplate import MISSING
from ..gocast import go_type, is_nil, is_slice, to_string
from ._where import get_nested, sub_element
from .compare import less
from .gosort import stable_sort
from .govalues import GoSlice, elem_type, same_slice

logger = logging.getLogger(__name__)


def sort(seq: Any, args: tuple) -> Any:
    """Hugo's sort: a list or a map's values in order, by the value or a
    dotted field, ``"desc"`` reversed; stable, with Hugo's comparison."""
    if is_nil(seq):
        raise ValueError("sequence must be provided")
    field = ""
    descending = False
    for i, arg in enumerate(args[:2]):
        try:
            text = to_string(arg)
        except ValueError:
            text = None
        if i == 0:
            field = text or ""
        else:
            descending = text == "desc"
    path = field.strip(".").split(".")
    if is_slice(seq):
        elem = elem_type(seq)
        pairs = [
            (item if field in ("", "value") else _sort_key(item, path, elem), item)
            for item in seq
        ]
    elif isinstance(seq, Mapping):
        pairs = []
        for key in sorted(seq):
            value = seq[key]
            if field == "":
                pairs.append((key, value))
            elif field == "value":
                pairs.append((value, value))
            else:
                pairs.append((_sort_key(value, path), value))
        elem = "interface {}"
    else:
        raise ValueError("can't sort " + go_type(seq))

    def before(a: tuple, b: tuple) -> bool:
        if descending:
            a, b = b, a
        return less(_plain(a[0]), _plain(b[0]), collate=True)

    stable_sort(pairs, before)
    values = [value for _, value in pairs]
    if is_slice(seq):
        return same_slice(seq, values)
    return GoSlice(values, elem) if elem != "interface {}" else values


def _plain(value: Any) -> Any:
    return None if value is MISSING else value


def _sort_key(item: Any, path: list[str], static: str = "interface {}") -> Any:
    """The value ``sort`` orders ``item`` by; an error as Hugo's."""
    value = item
    for i, name in enumerate(path):
        value = sub_element(value, name, static if i == 0 else "interface {}")
        if value is MISSING:
            continue
        if type(value).__name__ == "Params":
            return get_nested(value, path[i + 1 :])
    return value
