"""The pages of a build kept apart from everything else Pelican writes.

Pelican's writer (given through the ``get_writer`` signal) keeps the pages
and feeds in memory, noting what each is made from, with Pelican's rules
for a file written twice; Pelican writes the other files (static files,
theme assets, the sitemap) to its output path, a staging folder. The one
private name of Pelican used here is ``Writer._open_w`` (see _pages_writer).
"""

from __future__ import annotations

import contextlib
import io
import os
import posixpath
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cameo_shared.paths import display_path


@contextlib.contextmanager
def pages_apart(
    settings: dict[str, Any],
    pages: Path,
    kept: dict[str, str],
    origins: dict[str, list[str]],
) -> Iterator[Any]:
    """Pelican for ``settings``, whose writer keeps the pages (and feeds) apart
    from everything else, which goes to its output path: in ``kept`` (path ->
    text), or where that cannot be done, in the folder ``pages``.

    A receiver of the ``get_writer`` signal, for this Pelican alone, gives
    the writer. When a plugin brings a writer of its own, that one is used,
    and the pages go with everything else (two files at one path are then
    not caught here).
    """
    from pelican import Pelican, signals

    pelican = Pelican(settings)  # loads the plugins
    if signals.get_writer.has_receivers_for(pelican):
        yield pelican
        return
    writer = _pages_writer(pages, kept, origins)

    def give_writer(sender):
        return writer

    signals.get_writer.connect(give_writer, sender=pelican)
    try:
        yield pelican
    finally:
        signals.get_writer.disconnect(give_writer, sender=pelican)


def _pages_writer(
    pages: Path, kept: dict[str, str], origins: dict[str, list[str]]
) -> type:
    """A Writer class: Pelican's, with ``pages`` as its output path, noting
    in ``origins`` what each file it writes is made from (for errors that
    name the source files); and, while Pelican's Writer has the method
    ``_open_w`` through which it opens every file it writes (Pelican 4.11
    and 4.12), that method replaced to keep the text in ``kept`` instead.

    ``_open_w`` is the one private name of Pelican used here (see
    docs/development.md): writing the pages to disk instead costs 0.3 to
    0.5 s a rebuild of 1000 pages on an ordinary disk. Without it, the pages
    are written to ``pages`` and the build is as correct, only slower.
    """
    from pelican import writers
    from pelican.writers import Writer

    class PagesWriter(Writer):
        writing = ""  # what the file being written is made from

        def __init__(self, output_path, settings=None):
            super().__init__(str(pages), settings=settings)

        def write_file(self, name, template, context, *args, **kwargs):
            self.writing = _made_from(name, kwargs)
            origins.setdefault(posixpath.normpath(name), []).append(self.writing)
            try:
                return super().write_file(name, template, context, *args, **kwargs)
            finally:
                self.writing = ""

        def write_feed(self, elements, context, path=None, *args, **kwargs):
            self.writing = f"the feed {path}{_sources_of(elements)}"
            origins.setdefault(posixpath.normpath(str(path)), []).append(self.writing)
            try:
                return super().write_feed(elements, context, path, *args, **kwargs)
            finally:
                self.writing = ""

    if not callable(getattr(Writer, "_open_w", None)):
        return PagesWriter
    # Pelican 4.11.0 raises a plain RuntimeError; later versions a subclass.
    overwrite_error = getattr(writers, "FileOverwriteFailedError", RuntimeError)

    class KeepingWriter(PagesWriter):
        """Keeps each file's text, with Pelican's rules for a file written
        twice: an error, unless one (and only one) of the writes overrides;
        that one stands."""

        def __init__(self, output_path, settings=None):
            super().__init__(output_path, settings=settings)
            self.opened: dict[str, str] = {}  # path -> what it was made from
            self.overridden: set[str] = set()

        def _open_w(self, filename, encoding, override=False):
            if filename in self.overridden:
                if override:
                    raise overwrite_error(self._twice(filename))
                return io.StringIO()  # the first override stands
            if filename in self.opened and not override:
                raise overwrite_error(self._twice(filename))
            if override:
                self.overridden.add(filename)
            self.opened[filename] = self.writing
            return _KeptText(kept, filename)

        def _twice(self, filename: str) -> str:
            relative = os.path.relpath(filename, pages)
            first = self.opened.get(filename) or "another file"
            second = self.writing or "another file"
            return (
                f"{relative} would be written twice in this build, by "
                f"{first} and by {second}; give one of them another slug, "
                "url or name"
            )

    return KeepingWriter


def _made_from(name: str, kwargs: dict[str, Any]) -> str:
    """What a file Pelican's writer writes at ``name`` is made from, for a
    person: a page's source file, a list's name and its pages' files."""
    for key in ("article", "page"):
        content = kwargs.get(key)
        if getattr(content, "source_path", None):
            return display_path(content.source_path)
    for key in ("term", "tag", "category", "author"):
        if kwargs.get(key) is not None:
            sources = _sources_of(kwargs.get("articles") or [])
            return f'the {key} page {name} of "{kwargs[key]}"{sources}'
    template = kwargs.get("template_name")
    if template:
        return f"the theme's {template} page {name}"
    return f"the page {name}"


def _sources_of(contents: list[Any], most: int = 3) -> str:
    """`` (from a.md, b.md and 5 more)`` for the pages of a list or feed."""
    paths = [
        display_path(item.source_path)
        for item in contents
        if getattr(item, "source_path", None)
    ]
    if not paths:
        return ""
    more = f" and {len(paths) - most} more" if len(paths) > most else ""
    return f" (from {', '.join(paths[:most])}{more})"


class _KeptText(io.StringIO):
    def __init__(self, store: dict[str, str], key: str) -> None:
        super().__init__()
        self._store, self._key = store, key

    def close(self) -> None:
        if not self.closed:
            self._store[self._key] = self.getvalue()
        super().close()
