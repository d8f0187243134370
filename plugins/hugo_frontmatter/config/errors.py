"""A Hugo config that cannot be used, and where in its files to look.

``HugoConfigError`` names the file and line and says what to do; ``where``
and ``where_key`` find the line of the config files where a value or a key
is written, for the checks that only see the merged config.
"""

from __future__ import annotations

import re

from cameo_shared.paths import display_path


class HugoConfigError(Exception):
    """A Hugo config that cannot be used, located so that the user can fix it."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


def where(files: list[str], text: str) -> tuple[str, int | None]:
    """The config file and line where ``text`` is written (the last file
    holding it wins, as it does when they are merged)."""
    for path in reversed(files):
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, 1):
                if text in line:
                    return display_path(path), number
    return ", ".join(display_path(path) for path in files), None


def where_key(files: list[str], key: str) -> tuple[str, int | None]:
    """The config file and line where ``key`` is set (in any case, as a
    TOML, YAML or JSON key), the last file first."""
    pattern = re.compile(rf"""(?i)^\s*["']?{re.escape(key)}["']?\s*[:=]""")
    for path in reversed(files):
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, 1):
                if pattern.search(line):
                    return display_path(path), number
    return ", ".join(display_path(path) for path in files), None
