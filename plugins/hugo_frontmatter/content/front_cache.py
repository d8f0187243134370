"""A content file's front matter, read from disk once per version of the file:
the reader, the section checks above a page, the cascade and ``ref`` each
ask for the same ``_index.md`` again and again.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from cameo_shared.paths import display_path

from .frontmatter import FrontMatter, decode, split


def read_front_matter(
    source_path: str, shown_path: str | None = None
) -> FrontMatter | None:
    """A file's front matter (None when it opens with none), named in errors
    by ``shown_path`` (its display path unless given)."""
    shown = display_path(source_path) if shown_path is None else shown_path
    return _read(source_path, shown, stamp(source_path))


@lru_cache(maxsize=16384)  # live reload keeps every page of a large site
def _read(source_path: str, shown_path: str, stamp: float) -> FrontMatter | None:
    """A file's front matter, read once per version of the file."""
    with open(source_path, "rb") as handle:
        text = decode(handle.read(), shown_path)
    return split(text, shown_path)


def front_fields(path: str) -> dict[str, Any] | None:
    """A file's front matter fields (for ``refs``: the terms pages name)."""
    front = read_front_matter(path)
    return front.fields if front else None


def stamp(path: str) -> float:
    """The version of a file: its modification time."""
    return os.stat(path).st_mtime_ns
