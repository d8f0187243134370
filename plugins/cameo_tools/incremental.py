"""Live reload's quick path: an edit to a page's text re-renders that page alone.

After each full build the live-reload process keeps that build's generators
(Pelican's ``all_generators_finalized`` signal hands them over). When the only
files that changed are pages it read, each is read again with its
generator's readers. If everything about the page that another output can
show is unchanged (its metadata, summary, address, status, template and
reading time), the new page object takes the old one's place in its
generator and only that page is rendered, with the generator's own template
and context, and written into the output folder in one step (a new file
renamed over the old). The lists other outputs show keep the old object,
whose every shown part is the same.

Anything else (a template, a setting, a static file, a new or removed page,
a draft, a change a list or a feed shows, a read that logs an error) is
answered with None, and the caller runs a full build, which is always right.
"""

from __future__ import annotations

import contextlib
import logging
import os
import posixpath
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

# The lists of a generator that hold the content objects it writes.
WRITTEN_LISTS = ("articles", "translations", "hidden_articles", "pages")
WRITTEN_LISTS += ("hidden_pages", "hidden_translations")
# What a page object gets after it is read (from its generator or a
# plugin), which a new read has too but empty: the old object's is kept.
SET_AFTER_READING = frozenset({"translations"})
# Feeds that carry each page's whole text: with one on, a text edit changes
# the feed too, and only a full build writes feeds.
WHOLE_TEXT_FEEDS = ("FEED_ATOM", "FEED_ALL_ATOM", "CATEGORY_FEED_ATOM")
WHOLE_TEXT_FEEDS += ("TAG_FEED_ATOM", "AUTHOR_FEED_ATOM", "TRANSLATION_FEED_ATOM")


class LiveSite:
    """What the last full build read, kept for quick rebuilds."""

    def __init__(self) -> None:
        self.generators: list[Any] = []

    @contextlib.contextmanager
    def remembering(self) -> Iterator[None]:
        """Keep the generators of the build run inside this block."""
        from pelican import signals

        def remember(generators) -> None:
            self.generators = list(generators)

        self.generators = []
        signals.all_generators_finalized.connect(remember)
        try:
            yield
        finally:
            signals.all_generators_finalized.disconnect(remember)

    def forget(self) -> None:
        """After a failed build: what was kept may not match the files."""
        self.generators = []

    def build(
        self,
        settings_file: str | os.PathLike,
        output: str | os.PathLike,
        overrides: dict[str, Any] | None = None,
        changed: Iterable[str] = (),
        remove_old_in_background: bool = False,
    ) -> int | Any:
        """The quick path for ``changed`` files when it can be taken (the
        number of files written), else a full build (its BuildResult),
        whose generators are kept for the next edit."""
        from . import build as builder

        written = self.rebuild(changed, output)
        if written is not None:
            return written
        try:
            with self.remembering():
                return builder.build(
                    settings_file, output, overrides, remove_old_in_background
                )
        except BaseException:
            self.forget()
            raise

    def rebuild(self, changed: Iterable[str], output: str | os.PathLike) -> int | None:
        """Re-render the pages whose text alone changed, into ``output``; the
        number of files written, or None when a full build is needed."""
        changed = {os.path.abspath(path) for path in changed}
        if not changed or not self.generators:
            return None
        known = self._pages_by_source()
        edits = []
        for path in sorted(changed):
            if path not in known or not os.path.isfile(path):
                return None  # a template, a setting, a new or removed file
            generator, page = known[path]
            if not _may_take_quick_path(page):
                return None
            new = _read_again(generator, page)
            if new is None or _shown_elsewhere(new) != _shown_elsewhere(page):
                return None
            edits.append((generator, page, new))
        for generator, page, new in edits:
            _take_place(generator, page, new)
        return _write(edits, Path(output))

    def _pages_by_source(self) -> dict[str, tuple[Any, Any]]:
        found = {}
        for generator in self.generators:
            for name in WRITTEN_LISTS:
                for page in getattr(generator, name, None) or []:
                    source = getattr(page, "source_path", None)
                    if source:
                        found[os.path.abspath(source)] = (generator, page)
        return found


def _may_take_quick_path(page) -> bool:
    settings = page.settings
    if any(settings.get(name) for name in WHOLE_TEXT_FEEDS):
        return False
    if not settings.get("RSS_FEED_SUMMARY_ONLY", True):
        return False
    # The avatar of a profile page is resized into the output while the page
    # is read: a full build puts those files in place.
    return not getattr(page, "icon", None) and page.status != "draft"


def _read_again(generator, page):
    """The page read afresh, as its generator read it; None when the read
    fails or logs an error (a full build then reports it)."""
    from pelican import signals
    from pelican.contents import Article

    if isinstance(page, Article):
        preread, context = (
            signals.article_generator_preread,
            signals.article_generator_context,
        )
    else:
        preread, context = (
            signals.page_generator_preread,
            signals.page_generator_context,
        )
    errors = _ErrorCount()
    logging.getLogger().addHandler(errors)
    try:
        new = generator.readers.read_file(
            base_path=generator.path,
            path=os.path.relpath(page.source_path, generator.path),
            content_class=type(page),
            context=generator.context,
            preread_signal=preread,
            preread_sender=generator,
            context_signal=context,
            context_sender=generator,
        )
        new.refresh_metadata_intersite_links()
    except Exception as error:  # a reader or plugin raises anything at all
        logger.debug("quick rebuild: %s could not be read: %s", page.source_path, error)
        return None
    finally:
        logging.getLogger().removeHandler(errors)
    return None if errors.count else new


def _shown_elsewhere(page) -> tuple:
    """What lists, feeds, menus and other pages can show of a page."""
    return (
        type(page),
        page.metadata,
        page.summary,
        page.url,
        page.save_as,
        page.status,
        page.template,
        getattr(page, "reading_time", None),
    )


def _take_place(generator, old, new) -> None:
    """``new`` where its generator keeps ``old`` (the lists it writes from,
    and the map of pages by source that links use), with what ``old`` was
    given after it was read. Pelican keeps a page's rendered text with the
    page object, so a new object, not an updated one, carries the new text."""
    for name, value in vars(old).items():
        if name in SET_AFTER_READING or not hasattr(new, name):
            setattr(new, name, value)
    for name in WRITTEN_LISTS:
        pages = getattr(generator, name, None) or []
        for index, page in enumerate(pages):
            if page is old:
                pages[index] = new
    by_source = generator.context.get("generated_content") or {}
    for key, page in by_source.items():
        if page is old:
            by_source[key] = new


def _write(edits: list[tuple[Any, Any, Any]], output: Path) -> int:
    """Render each edited page with its generator's template and context,
    and put it in ``output`` whole (written beside, then renamed over)."""
    from pelican.writers import Writer

    written = 0
    staging = Path(tempfile.mkdtemp(prefix=".quick-", dir=output))
    try:
        for generator, page, _ in edits:
            wanted = posixpath.normpath(page.save_as)
            writer = _OnePageWriter(Writer(str(staging), generator.settings), wanted)
            generator.generate_output(writer)
            if not writer.wrote:
                raise RuntimeError(f"{page.source_path}: its page was not rendered")
            target = output / wanted
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / wanted, target)
            written += 1
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return written


class _OnePageWriter:
    """A writer that renders one output path and nothing else: given to a
    generator's ``generate_output``, which then writes that page alone."""

    def __init__(self, writer, wanted: str) -> None:
        self.writer = writer
        self.wanted = wanted
        self.wrote = False

    def write_file(self, name, *args, **kwargs):
        if posixpath.normpath(name) == self.wanted:
            self.wrote = True
            return self.writer.write_file(name, *args, **kwargs)
        return None

    def write_feed(self, *args, **kwargs):
        return None


class _ErrorCount(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
