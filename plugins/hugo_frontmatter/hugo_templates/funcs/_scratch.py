"""Hugo's ``maps.Scratch`` (common/maps/scratch.go), what ``newScratch``
makes: a map a template writes to."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from ...gotemplate import MISSING
from ..gocast import is_slice
from ._append import append_values
from .math import arithmetic

logger = logging.getLogger(__name__)


class Scratch:
    """Hugo's maps.Scratch, what ``newScratch`` makes: a map to write to
    from a template (``.Set``, ``.Add``, ``.SetInMap``)."""

    GO_TYPE = "*maps.Scratch"

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def Add(self, key: str, addend: Any) -> str:
        existing = self.values.get(key, MISSING)
        if existing is MISSING:
            self.values[key] = addend
        elif is_slice(existing):
            self.values[key] = append_values(existing, (addend,))
        else:
            self.values[key] = arithmetic(existing, addend, "+")
        return ""

    def Set(self, key: str, value: Any) -> str:
        self.values[key] = value
        return ""

    def Delete(self, key: str) -> str:
        self.values.pop(key, None)
        return ""

    def Get(self, key: str) -> Any:
        return self.values.get(key)

    def Values(self) -> dict[str, Any]:
        return self.values

    def SetInMap(self, key: str, map_key: str, value: Any) -> str:
        target = self.values.setdefault(key, {})
        if isinstance(target, dict):
            target[map_key] = value
        return ""

    def DeleteInMap(self, key: str, map_key: str) -> str:
        target = self.values.get(key)
        if isinstance(target, dict):
            target.pop(map_key, None)
        return ""

    def GetSortedMapValues(self, key: str) -> Any:
        target = self.values.get(key)
        if not isinstance(target, Mapping):
            return None
        return [target[name] for name in sorted(target)]
