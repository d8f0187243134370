"""Hugo's ``fmt`` namespace (tpl/fmt): ``print``, ``printf``, ``println``
(Go's fmt.Sprint, Sprintf, Sprintln), ``errorf``, ``erroridf`` and
``warnf``.

Hugo's ``errorf`` logs an ERROR and fails the build after it; here it raises
``TemplateErrorf`` whose message is the formatted text, so the build stops
at the template that said it (the engine reports it as ``error calling
errorf: TEXT`` with the template's file and line). ``warnf`` logs a warning
once per distinct text, as Hugo's does.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from ...gotemplate.gofmt import sprint, sprintf, sprintln
from ..bindings import SiteBindings

logger = logging.getLogger(__name__)


class TemplateErrorf(ValueError):
    """A template's own ``errorf``/``erroridf``: its text is the message."""


class Fmt:
    """The ``fmt`` namespace: Go-named methods."""

    GO_TYPE = "*fmt.Namespace"

    def __init__(self) -> None:
        self._warned: set[str] = set()

    def Print(self, *args: Any) -> str:
        return sprint(*args)

    def Printf(self, format: str, *args: Any) -> str:
        return sprintf(format, *args)

    Printf.go_arg_types = ("string",)  # type: ignore[attr-defined]

    def Println(self, *args: Any) -> str:
        return sprintln(*args)

    def Errorf(self, format: str, *args: Any) -> str:
        raise TemplateErrorf(sprintf(format, *args))

    Errorf.go_arg_types = ("string",)  # type: ignore[attr-defined]

    def Erroridf(self, id: str, format: str, *args: Any) -> str:
        """Hugo lets a site silence an id with ``ignoreErrors``; no site
        here does, so it is ``errorf``."""
        raise TemplateErrorf(sprintf(format, *args))

    Erroridf.go_arg_types = ("string", "string")  # type: ignore[attr-defined]

    def Warnf(self, format: str, *args: Any) -> str:
        message = sprintf(format, *args)
        if message not in self._warned:
            self._warned.add(message)
            logger.warning("%s", message)
        return ""

    Warnf.go_arg_types = ("string",)  # type: ignore[attr-defined]


def functions(bindings: SiteBindings) -> dict[str, Callable[..., Any]]:
    """The namespace and its short names, as tpl/fmt/init.go registers them."""
    namespace = Fmt()
    return {
        "fmt": lambda: namespace,
        "print": namespace.Print,
        "printf": namespace.Printf,
        "println": namespace.Println,
        "errorf": namespace.Errorf,
        "erroridf": namespace.Erroridf,
        "warnf": namespace.Warnf,
    }
