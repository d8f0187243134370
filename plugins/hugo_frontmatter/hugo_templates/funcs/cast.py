"""Hugo's ``cast`` namespace (tpl/cast): ``int``, ``float`` and ``string``,
with spf13/cast's rules (``int "08"`` is an error, as Go reads a leading 0
as octal; ``int "2.0"`` is 2; ``string 1e6`` is ``1000000``)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from ..bindings import SiteBindings
from ..gocast import to_float, to_int, to_string

logger = logging.getLogger(__name__)


class Cast:
    """The ``cast`` namespace: Go-named methods."""

    GO_TYPE = "*cast.Namespace"

    def ToInt(self, value: Any) -> int:
        return to_int(_plain(value))

    def ToFloat(self, value: Any) -> float:
        return to_float(_plain(value))

    def ToString(self, value: Any) -> str:
        return to_string(value)


def _plain(value: Any) -> Any:
    """Hugo's convertTemplateToString: a trusted HTML (or other template
    type) value is its text."""
    if isinstance(value, str) and type(value) is not str:
        return str(value)
    return value


def functions(bindings: SiteBindings) -> dict[str, Callable[..., Any]]:
    """The namespace and its short names, as tpl/cast/init.go registers them."""
    namespace = Cast()
    return {
        "cast": lambda: namespace,
        "int": namespace.ToInt,
        "float": namespace.ToFloat,
        "string": namespace.ToString,
    }
