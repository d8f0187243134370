"""Hugo's ``index`` (tpl/collections/index.go): an element of a slice, a
string's byte or a map's value, through several keys; nil where Go's own
index would fail on a missing key or an index out of range."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from ...gotemplate import MISSING
from ...gotemplate.gofmt import format_value
from ..gocast import go_type, is_nil, is_slice, to_string
from ._where import get_nested

logger = logging.getLogger(__name__)


def index_value(item: Any, indexes: tuple) -> Any:
    """Hugo's index: a missing map key or an index out of range is nil,
    not an error; one slice argument is the list of keys."""
    if is_nil(item):
        return None
    keys: Any = indexes
    if len(indexes) == 1 and is_slice(indexes[0]):
        keys = list(indexes[0])
    if type(item).__name__ == "Params":  # maps.Params: keys in any case
        if not keys:
            return None
        value = get_nested(item, [_string_or_empty(key) for key in keys])
        return None if value is MISSING else value
    try:
        return _index(item, keys)
    except ValueError as error:
        raise ValueError(
            f"index of type {go_type(item)} with args "
            f"{format_value(list(indexes))} failed: {error}"
        ) from None


def elements(value: Any) -> list[Any]:
    """The elements Go's reflect sees: bytes of a string, items of a slice."""
    if isinstance(value, str):
        return list(value.encode("utf-8"))
    return list(value)


def _string_or_empty(value: Any) -> str:
    """cast.ToString: the text, or "" where there is none."""
    try:
        return to_string(value)
    except ValueError:
        return ""


def _index(value: Any, keys: list[Any]) -> Any:
    for key in keys:
        if is_nil(value):
            return None
        if isinstance(value, str) or is_slice(value):
            if key is None:
                raise ValueError("cannot index slice/array with nil")
            if not isinstance(key, int) or isinstance(key, bool):
                raise ValueError(f"cannot index slice/array with type {go_type(key)}")
            items = elements(value)
            if key < 0 or key >= len(items):
                return None
            value = items[key]
        elif isinstance(value, Mapping):
            if key is None:
                raise ValueError("value is nil; should be of type string")
            if not isinstance(key, str):
                raise ValueError(f"value has type {go_type(key)}; should be string")
            value = dict.get(value, key) if isinstance(value, dict) else value.get(key)
        else:
            raise ValueError(f"can't index item of type {go_type(value)}")
    return value
