"""Hugo's ``os`` namespace: ``readFile``/``os.ReadFile``,
``fileExists``/``os.FileExists``, ``readDir``/``os.ReadDir``,
``os.Stat`` and ``os.Getenv``, on files under the Hugo site's root (Hugo's working
folder). A path that leaves the site's root is refused: a template reads
the site, never the machine that builds it."""

from __future__ import annotations

import datetime
import logging
import os
import stat
from collections.abc import Callable
from typing import Any

from ...gotemplate.gofmt import go_quote
from ..bindings import SiteBindings
from ..go_time import GoTime
from ..gocast import to_string

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
            raise PermissionError(
                f"{go_quote(name)} is outside the site's folder; a template "
                "reads only the site's own files"
            )
        return path

    def ReadFile(self, value: Any) -> str:  # noqa: N802 (Go's name)
        """The file's text; ``""`` for a file that does not exist, as Hugo."""
        name = to_string(value)
        if name == "":
            raise ValueError("invalid filename")
        path = self._inside(name)
        if not os.path.isfile(path):
            return ""
        if os.path.getsize(path) > MAX_READ:
            raise ValueError(f"file {go_quote(name)} is too big")
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
                f"failed to read directory {go_quote(name)}: open {path}: "
                "no such file or directory"
            )
        entries = sorted(os.listdir(path))
        return [FileInfo(os.path.join(path, entry)) for entry in entries]

    def Stat(self, value: Any) -> FileInfo:  # noqa: N802 (Go's name)
        path = self._inside(to_string(value))
        if not os.path.exists(path):
            raise ValueError("file does not exist")
        return FileInfo(path)

    def Getenv(self, value: Any) -> str:  # noqa: N802 (Go's name)
        """Only ``HUGO_...`` and ``CI``, as Hugo's default security policy."""
        name = to_string(value)
        if not (name.startswith("HUGO_") or name == "CI"):
            raise PermissionError(
                f"access denied: {go_quote(name)} is not whitelisted in policy "
                '"security.funcs.getenv"'
            )
        return os.environ.get(name, "")


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
