"""Hugo's ``path`` namespace: Go's ``path`` package on ``/``-separated text
(``path.Base``, ``path.Dir``, ``path.Ext``, ``path.Join``, ``path.Split``,
``path.Clean``, ``path.BaseName``), which differs from Python's posixpath
on ``//a`` and on empty elements."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from ..bindings import SiteBindings
from ..gocast import to_string

logger = logging.getLogger(__name__)


def clean(path: str) -> str:
    """Go's path.Clean: the shortest equivalent path, ``.`` for nothing."""
    if path == "":
        return "."
    rooted = path.startswith("/")
    parts: list[str] = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if parts and parts[-1] != "..":
                parts.pop()
            elif not rooted:
                parts.append("..")
            continue
        parts.append(part)
    text = "/".join(parts)
    if rooted:
        return "/" + text
    return text or "."


def join(*elements: str) -> str:
    """Go's path.Join: the non-empty elements joined and cleaned, or ``""``."""
    kept = [element for element in elements if element]
    return clean("/".join(kept)) if kept else ""


def split(path: str) -> tuple[str, str]:
    """Go's path.Split: up to and including the last ``/``, and the rest."""
    cut = path.rfind("/") + 1
    return path[:cut], path[cut:]


def base(path: str) -> str:
    """Go's path.Base: the last element, ``.`` for nothing, ``/`` for root."""
    if path == "":
        return "."
    path = path.rstrip("/")
    if path == "":
        return "/"
    return path[path.rfind("/") + 1 :]


def dir_(path: str) -> str:
    """Go's path.Dir: all but the last element, cleaned."""
    return clean(split(path)[0])


def ext(path: str) -> str:
    """Go's path.Ext: from the last ``.`` of the last element, or ``""``."""
    for i in range(len(path) - 1, -1, -1):
        if path[i] == "/":
            break
        if path[i] == ".":
            return path[i:]
    return ""


class DirFile:
    """What ``path.Split`` returns: ``.Dir`` and ``.File``, printed ``dir|file``."""

    GO_TYPE = "path.DirFile"

    def __init__(self, dir: str, file: str) -> None:  # noqa: A002 (Go's name)
        self.Dir = dir
        self.File = file

    def String(self) -> str:  # noqa: N802 (Go's name)
        return f"{self.Dir}|{self.File}"


class PathNamespace:
    """``path``: Go's path functions, each casting its argument to text."""

    GO_TYPE = "*path.Namespace"

    def Base(self, value: Any) -> str:  # noqa: N802 (Go's name)
        return base(to_string(value))

    def BaseName(self, value: Any) -> str:  # noqa: N802 (Go's name)
        text = to_string(value)
        return base(text).removesuffix(ext(text))

    def Clean(self, value: Any) -> str:  # noqa: N802 (Go's name)
        return clean(to_string(value))

    def Dir(self, value: Any) -> str:  # noqa: N802 (Go's name)
        return dir_(to_string(value))

    def Ext(self, value: Any) -> str:  # noqa: N802 (Go's name)
        return ext(to_string(value))

    def Join(self, *elements: Any) -> str:  # noqa: N802 (Go's name)
        parts: list[str] = []
        for element in elements:
            if isinstance(element, Sequence) and not isinstance(element, str):
                parts.extend(to_string(item) for item in element)
            else:
                parts.append(to_string(element))
        return join(*parts)

    def Split(self, value: Any) -> DirFile:  # noqa: N802 (Go's name)
        return DirFile(*split(to_string(value)))


def functions(bindings: SiteBindings) -> dict[str, Callable[..., Any]]:
    """The ``path`` namespace (Hugo 0.111 gives it no short names)."""
    namespace = PathNamespace()
    return {"path": lambda: namespace}
