"""Hugo's ``append`` (common/collections/append.go): values appended to a
slice, keeping its Go element type where they fit it."""

from __future__ import annotations

import logging
from typing import Any

from ..gocast import go_type, is_nil, is_slice
from .govalues import elem_type, make_slice, same_slice

logger = logging.getLogger(__name__)


def append_values(to: Any, values: tuple) -> Any:
    """Hugo's collections.Append: ``values`` appended to the slice ``to``;
    one slice of the same type is appended item by item."""
    to_nil = is_nil(to)
    elem = "interface {}"
    if not to_nil:
        if not is_slice(to):
            raise ValueError(f"expected a slice, got {go_type(to)}")
        elem = elem_type(to)
        to_nil = len(to) == 0
        if len(values) == 1 and is_slice(values[0]):
            if to_nil:
                return values[0]
            from_elem = elem_type(values[0])
            if elem == from_elem:
                return same_slice(to, [*to, *values[0]])
            if not _assignable(from_elem, elem):
                return [*to, *values[0]]
    if to_nil:
        return make_slice(values)
    for value in values:
        if value is None:
            raise ValueError("reflect: call of reflect.Value.Type on zero Value")
        if not _assignable(go_type(value), elem):
            return [*to, *values]
    return same_slice(to, [*to, *values])


def _assignable(type_: str, to: str) -> bool:
    return to == "interface {}" or type_ == to
