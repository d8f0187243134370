"""Hugo's ``merge`` (tpl/collections/merge.go): maps merged right to left,
a key the destination has in any case kept, maps within both merged too;
``maps.Params`` stay lower-cased."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from ...gotemplate import MISSING
from ..gocast import go_type, is_nil, map_item

logger = logging.getLogger(__name__)


def merge(maps: tuple) -> Any:
    """The last map with the keys of each map before it that it lacks."""
    if len(maps) < 2:
        raise ValueError("merge requires at least two parameters")
    result = maps[-1]
    for source in reversed(maps[:-1]):
        result = _merge(source, result)
    return result


def _merge(source: Any, target: Any) -> Any:
    """Hugo's merge: a copy of ``target`` with the keys of ``source`` it
    lacks (in any case), maps within both merged the same way."""
    if not isinstance(target, Mapping):
        raise ValueError(f"destination must be a map, got {go_type(target)}")
    if is_nil(source) or (isinstance(source, Mapping) and not source):
        return target
    if not isinstance(source, Mapping):
        raise ValueError(f"source must be a map, got {go_type(source)}")
    lower = type(target).__name__ == "Params"
    out = type(target)() if lower else {}
    for name in target:
        if lower:
            dict.__setitem__(out, name, map_item(target, name))
        else:
            out[name] = target[name]
    for name in source:
        value = map_item(source, name)
        found = _lookup_any_case(target, name)
        if found is not MISSING:
            if isinstance(found[1], Mapping) and isinstance(value, Mapping):
                merged = _merge(value, found[1])
                if lower:
                    dict.__setitem__(out, found[0], merged)
                else:
                    out[found[0]] = merged
            continue
        if lower:
            dict.__setitem__(out, str(name).lower(), value)
        else:
            out[name] = value
    return out


def _lookup_any_case(mapping: Mapping, name: Any) -> Any:
    keys = dict.keys(mapping) if isinstance(mapping, dict) else mapping.keys()
    if name in keys:
        return (name, map_item(mapping, name))
    for key in keys:
        if isinstance(key, str) and str(name).lower() == key.lower():
            return (key, map_item(mapping, key))
    return MISSING
