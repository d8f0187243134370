"""Converted Markdown, kept between builds.

Converting the Markdown is most of what reading a page costs. The HTML it
gives depends only on the text, the renderer's options and plugins, and
their code, so it is kept in ``CACHE_PATH/hugo-markdown-*.json`` under a
hash of all of them, and used again while none has changed.

This is not Pelican's content cache (``CACHE_CONTENT``), which keeps a reader's
whole result and trusts the file's modification time: with it, a changed
``cascade`` in a section's ``_index.md`` or a changed setting would not reach
the pages below. Here the front matter, cascade, dates and URLs are worked out
afresh on every build; only the HTML of unchanged text is reused.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from collections.abc import Callable
from typing import Any

logger = logging.getLogger(__name__)

FORMAT = 1  # bump when what is stored changes


def renderer_key(description: Any, modules: list[str]) -> str:
    """A hash of what, besides the text, decides the HTML: ``description``
    (the renderer's options and plugins, by ``repr``), and the file of each
    module named in ``modules`` with its version (path and modification
    time, so an edited plugin is noticed). Call it once they are loaded."""
    parts: list[Any] = [repr(description)]
    for name in modules:
        module = sys.modules.get(name)
        path = getattr(module, "__file__", None)
        stamp = os.stat(path).st_mtime_ns if path and os.path.exists(path) else None
        parts.append((name, getattr(module, "__version__", None), path, stamp))
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


class MarkdownCache:
    """HTML by hash of text, one file per settings key: building with the
    publishing settings (another SITEURL) does not empty the cache of the
    development ones. A file keeps only what the last build with its key
    used; the newest few files are kept."""

    KEEP_FILES = 4

    def __init__(self, folder: str | None) -> None:
        self.folder = folder
        self.tables: dict[str, tuple[dict[str, str], dict[str, str]]] = {}

    def _path(self, key: str) -> str:
        return os.path.join(self.folder or "", f"hugo-markdown-{key[:24]}.json")

    def _load(self, key: str) -> dict[str, str]:
        if not self.folder:
            return {}
        try:
            with open(self._path(key), encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError):
            return {}  # none yet, or unreadable: it is only a cache
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def convert(self, key: str, text: str, convert: Callable[[str], str]) -> str:
        if key not in self.tables:
            self.tables[key] = (self._load(key), {})
        stored, used = self.tables[key]
        entry = hashlib.sha256(text.encode("utf-8")).hexdigest()
        html = used.get(entry)
        if html is None:
            html = stored.get(entry)
            if not isinstance(html, str):
                html = convert(text)
            used[entry] = html
        return html

    def missing(self, key: str, texts: list[str]) -> list[str]:
        """Those of ``texts`` not converted yet (in this build or before)."""
        if key not in self.tables:
            self.tables[key] = (self._load(key), {})
        stored, used = self.tables[key]
        found = []
        for text in texts:
            entry = hashlib.sha256(text.encode("utf-8")).hexdigest()
            if entry not in used and entry not in stored:
                found.append(text)
        return found

    def put(self, key: str, text: str, html: str) -> None:
        """Keep ``html`` as ``text``'s conversion, converted elsewhere."""
        if key not in self.tables:
            self.tables[key] = (self._load(key), {})
        entry = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self.tables[key][1][entry] = html

    def save(self) -> None:
        """Write what this build used where it differs from what was read."""
        if not self.folder:
            return
        try:
            for key, (stored, used) in self.tables.items():
                if used != stored:
                    self._write(self._path(key), used)
                    self.tables[key] = (dict(used), {})
                else:  # in use: newer than the files _prune removes
                    os.utime(self._path(key))
            self._prune()
        except OSError as error:
            logger.warning(
                "could not keep converted Markdown in %s (%s); the next build "
                "converts every page again",
                self.folder,
                error,
            )

    def _write(self, path: str, entries: dict[str, str]) -> None:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        temporary = f"{path}.{os.getpid()}.part"
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump({"format": FORMAT, "entries": entries}, handle)
        os.replace(temporary, path)

    def _prune(self) -> None:
        files = [
            entry
            for entry in os.scandir(self.folder)
            if entry.name.startswith("hugo-markdown-") and entry.name.endswith(".json")
        ]
        files.sort(key=lambda entry: entry.stat().st_mtime_ns, reverse=True)
        for entry in files[self.KEEP_FILES :]:
            os.remove(entry.path)


_current: MarkdownCache | None = None


def start(settings: dict[str, Any], enabled: bool) -> None:
    """Begin a run: load the cache from CACHE_PATH, or use none."""
    global _current
    _current = MarkdownCache(settings.get("CACHE_PATH") if enabled else None)


def current() -> MarkdownCache:
    global _current
    if _current is None:
        _current = MarkdownCache(None)
    return _current


def finish() -> None:
    if _current is not None:
        _current.save()
