"""Hugo's ``os`` namespace: ``readFile``/``os.ReadFile``,
``fileExists``/``os.FileExists``, ``readDir``/``os.ReadDir`` and
``os.Getenv``, on files under the Hugo site's root (Hugo's working
folder). A path that leaves the site's root is refused: a template reads
the site, never the machine that builds it."""

from __future__ import annotations

import datetime
import logging
import os
import stat
from collections.abc import Callable
from typing import Any

from ..bindings import SiteBindings
from ..gocast import to_string
from .time import GoTime

logger = logging.getLogger(__name__)

# Hugo refuses to read a file larger than this.
MAX_READ = 1_000_000


class FileInfo:
    """Go's os.FileInfo of one folder entry: ``Name``, ``Size``, ``IsDir``,
    ``ModTime``, ``Mode``."""

    GO_TYPE = "*hugofs.FileMeta"

    def __init__(self, path: str) -> None:
        self._path = path
        self._stat = os.stat(path)

    def Name(self) -> str:  # noqa: N802 (Go's name)
        return os.path.basename(self._path)

    def Size(self) -> int:  # noqa: N802 (Go's name)
        return self._stat.st_size

    def IsDir(self) -> bool:  # noqa: N802 (Go's name)
        return stat.S_ISDIR(self._stat.st_mode)

    def ModTime(self) -> GoTime:  # noqa: N802 (Go's name)
        moment = datetime.datetime.fromtimestamp(self._stat.st_mtime, datetime.UTC)
        return GoTime.from_python(moment)

    def Mode(self) -> str:  # noqa: N802 (Go's name)
        return stat.filemode(self._stat.st_mode)


class OSNamespace:
    """``os``: files of the site, read relative to its root."""

    GO_TYPE = "*os.Namespace"

    def __init__(self, bindings: SiteBindings) -> None:
        self._root = os.path.realpath(bindings.site_root)

    def _inside(self, name: str) -> str:
        """The real path of ``name`` under the site's root, or an error."""
        path = os.path.realpath(os.path.join(self._root, name.lstrip("/")))
        if path != self._root and not path.startswith(self._root + os.sep):
            raise ValueError(
                f"{name!r} is outside the site's folder; templates read only "
                "files of the site"
            )
        return path

    def ReadFile(self, value: Any) -> str:  # noqa: N802 (Go's name)
        name = to_string(value)
        if name == "":
            raise ValueError("readFile needs a filename")
        path = self._inside(name)
        if not os.path.exists(path):
            raise ValueError(f"file {name!r} does not exist")
        if os.path.isdir(path):
            raise ValueError(f"{name!r} is a folder, not a file")
        if os.path.getsize(path) > MAX_READ:
            raise ValueError(f"file {name!r} is too big")
        with open(path, "rb") as handle:
            return handle.read().decode("utf-8", "replace")

    def FileExists(self, value: Any) -> bool:  # noqa: N802 (Go's name)
        name = to_string(value)
        if name == "":
            raise ValueError("fileExists needs a path to a file")
        return os.path.exists(self._inside(name))

    def ReadDir(self, value: Any) -> list[FileInfo]:  # noqa: N802 (Go's name)
        name = to_string(value)
        path = self._inside(name)
        if not os.path.isdir(path):
            raise ValueError(
                f"Failed to read Directory {name} with error message "
                f"open {name}: no such file or directory"
            )
        return [
            FileInfo(os.path.join(path, entry)) for entry in sorted(os.listdir(path))
        ]

    def Getenv(self, value: Any) -> str:  # noqa: N802 (Go's name)
        """Hugo 0.111 reads any variable; cameo gives only ``HUGO_``-prefixed
        ones, so a template cannot print the builder's secrets."""
        name = to_string(value)
        return (
            os.environ.get(name, "") if name.startswith("HUGO_") or name == "CI" else ""
        )


def functions(bindings: SiteBindings) -> dict[str, Callable[..., Any]]:
    """``os`` and its short names, as in Hugo's tpl/os/init.go."""
    namespace = OSNamespace(bindings)
    return {
        "os": lambda: namespace,
        "readFile": namespace.ReadFile,
        "fileExists": namespace.FileExists,
        "readDir": namespace.ReadDir,
        "getenv": namespace.Getenv,
    }
