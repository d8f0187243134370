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

When a post's words changed (title, summary), the new object takes the old
one's place in every list, and its page and the lists and feeds holding it
are rendered (the lists path). When it moved in or between lists (a date, a
tag), the lists are worked out again first (``moves.py``, the moves path).

Anything else (a template, a setting, a static file, a new or removed page,
a draft, a new address, a read that logs an error) is answered with None,
and the caller runs a full build, which is always right.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import fnmatch
import functools
import logging
import os
import posixpath
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from cameo_shared.contract import LIVE_LISTS_RENDERED, LiveGenerator, LiveTermsGenerator

from . import moves
from .errors import ErrorCounter

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
        # Each page read, by its source's absolute path: (generator, page).
        self._sources: dict[str, tuple[Any, Any]] | None = None

    @contextlib.contextmanager
    def remembering(self) -> Iterator[None]:
        """Keep the generators of the build run inside this block."""
        from pelican import signals

        def remember(generators) -> None:
            self.generators = list(generators)

        self.forget()
        signals.all_generators_finalized.connect(remember)
        try:
            yield
        finally:
            signals.all_generators_finalized.disconnect(remember)

    def forget(self) -> None:
        """After a failed build: what was kept may not match the files."""
        self.generators = []
        self._sources = None

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

        try:
            written = self.rebuild(changed, output)
        except Exception as error:  # a template or plugin raises anything
            # What was kept may be half updated: build it all afresh, which
            # reports the problem if it is one.
            logger.debug("quick rebuild failed (%s); building everything", error)
            self.forget()
            written = None
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
        if not self.generators:
            return None
        if self._sources is None:
            self._sources = self._pages_by_source()
        known = self._sources
        changed = self._that_matter(changed, known)
        if not changed:
            return None
        edits = []
        lists_too = moved = False
        for path in sorted(changed):
            if path not in known or not os.path.isfile(path):
                return None  # a template, a setting, a new or removed file
            generator, page = known[path]
            if not _may_take_quick_path(page):
                return None
            new = _read_again(generator, page)
            if new is None or _card_changes(page, new):
                return None
            if _shown_elsewhere(new) != _shown_elsewhere(page):
                if self._only_its_words_changed(page, new):
                    lists_too = True
                elif moves.may_move(page, new, self._menu()):
                    moved = True
                else:
                    return None
            edits.append((generator, page, new))
        if moved:
            before = moves.list_sizes(self.generators)
        for generator, page, new in edits:
            _inherit(page, new)
            self._replace_everywhere(page, new)
            known[os.path.abspath(page.source_path)] = (generator, new)
        if moved:
            moves.relist(self.generators)
            after = moves.list_sizes(self.generators)
            if not moves.lists_kept(before, after, self.generators[0].settings):
                return None  # a page of a list goes: a full build removes it
            return _write_lists(self.generators, edits, Path(output), every=True)
        if lists_too:
            return _write_lists(self.generators, edits, Path(output))
        return _write(edits, Path(output))

    def _menu(self) -> list:
        return self.generators[0].context.get("CAMEO_MENU_PAGES") or []

    def _only_its_words_changed(self, old, new) -> bool:
        """Whether only what lists show of a post as words changed (its
        title, summary, description, reading time): then the lists and feeds
        are rendered again, and no other post's page. Anything that moves a
        post in a list or between lists (a date, a tag, a weight, an
        address) needs a full build; so does a page in the header menu,
        which every page shows."""
        from pelican.contents import Article

        if not isinstance(old, Article) or any(
            new is page or old is page for page in self._menu()
        ):
            return False
        if _structure(old) != _structure(new):
            return False
        if old.title == new.title:
            return True
        # Hugo orders posts of one date (and weight) by title, and a site
        # may order by title (ARTICLE_ORDER_BY): a new title must keep the
        # post's place among the posts it is ordered against.
        if old.settings.get("ARTICLE_ORDER_BY", "reversed-date") != "reversed-date":
            return False
        before, after = _title_key(old), _title_key(new)
        for generator in self.generators:
            for post in getattr(generator, "articles", None) or []:
                if post is old or _tie(post) != _tie(old):
                    continue
                other = _title_key(post)
                if (before < other) != (after < other) or other in (before, after):
                    return False
        return True

    def _replace_everywhere(self, old, new) -> None:
        """``new`` in every list and map the build keeps that holds ``old``
        (the context's lists, each generator's own, the lists of terms)."""
        seen: set[int] = set()
        roots = [self.generators[0].context, *(vars(g) for g in self.generators)]
        for root in roots:
            _replace_in(root, old, new, seen)

    def _that_matter(self, changed: Iterable[str], known: dict) -> set[str]:
        """The changed paths a build could see: not the files Pelican
        ignores (IGNORE_FILES, such as an editor's lock file), nor a file
        that is gone and that the build did not read (an editor's temporary
        file); anything else counts, and what is not a page makes the
        caller build everything."""
        settings = self.generators[0].settings
        ignored = settings.get("IGNORE_FILES") or []
        context = self.generators[0].context

        @functools.cache
        def read() -> set[str]:
            return {
                os.path.abspath(os.path.join(settings["PATH"], relative))
                for relative in [
                    *(context.get("generated_content") or {}),
                    *(context.get("static_content") or {}),
                ]
            }

        kept = set()
        for path in changed:
            path = os.path.abspath(path)
            name = os.path.basename(path)
            if any(fnmatch.fnmatch(name, pattern) for pattern in ignored):
                continue
            if os.path.exists(path) or path in known or path in read():
                kept.add(path)
        return kept

    def _pages_by_source(self) -> dict[str, tuple[Any, Any]]:
        found = {}
        for generator in self.generators:
            for name in WRITTEN_LISTS:
                for page in getattr(generator, name, None) or []:
                    source = getattr(page, "source_path", None)
                    if source:
                        found[os.path.abspath(source)] = (generator, page)
        return found


# Metadata a post's words are: lists and feeds show them, none orders or
# files the post. A change to any other metadata needs a full build.
WORDS = frozenset({"title", "summary", "description"})


def _tie(page) -> tuple:
    """What orders a post before its title (Hugo's weight, then date)."""
    return (getattr(page, "weight", 0) or 0, getattr(page, "date", None))


def _title_key(page) -> str:
    return str(getattr(page, "linktitle", None) or page.title).lower()


def _structure(page) -> tuple:
    """A post without its words: where it is, how it is ordered and filed."""
    metadata = {k: v for k, v in page.metadata.items() if k not in WORDS}
    params = metadata.pop("params", None) or {}
    params = {k: v for k, v in params.items() if k not in WORDS}
    return (
        type(page),
        metadata,
        params,
        page.url,
        page.save_as,
        page.status,
        page.template,
        moves.filed_by(page),
    )


def _replace_in(container: Any, old: Any, new: Any, seen: set[int]) -> None:
    if id(container) in seen:
        return
    seen.add(id(container))
    if isinstance(container, tuple):
        for item in container:  # a tuple's lists can change, not the tuple
            if type(item) in _CONTAINERS:
                _replace_in(item, old, new, seen)
        return
    items = container.items() if isinstance(container, dict) else enumerate(container)
    for key, item in items:
        if item is old:
            container[key] = new
        elif type(item) in _CONTAINERS:
            _replace_in(item, old, new, seen)
        elif hasattr(type(item), "__dataclass_fields__") and _holds(item, old):
            container[key] = _with(item, old, new)


_CONTAINERS = (list, dict, tuple)


def _holds(item: Any, old: Any) -> bool:
    """A dataclass (a plugin's record, such as a section's member) that has
    ``old`` in one of its fields."""
    return (
        dataclasses.is_dataclass(item)
        and not isinstance(item, type)
        and any(getattr(item, field.name) is old for field in dataclasses.fields(item))
    )


def _with(item: Any, old: Any, new: Any) -> Any:
    changes = {
        field.name: new
        for field in dataclasses.fields(item)
        if getattr(item, field.name) is old
    }
    return dataclasses.replace(item, **changes)


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
    errors = ErrorCounter()
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
    return None if errors.messages else new


def _card_changes(old, new) -> bool:
    """Whether the page's social card (the theme's ``cards.py``, planned once
    every page is read) would show something else: its title or supertitle
    on a card it has, or another image of its own. A full build draws it."""

    def drawn(page) -> tuple:
        return (page.title, getattr(page, "supertitle", None))

    def own_image(page) -> tuple:
        return (getattr(page, "images", None), getattr(page, "icon", None))

    had_card = getattr(old, "social_card", None) is not None
    return (had_card and drawn(old) != drawn(new)) or own_image(old) != own_image(new)


def _shown_elsewhere(page) -> tuple:
    """What lists, feeds, menus and other pages can show of a page."""
    return (
        type(page),
        moves.filed_by(page),
        page.metadata,
        page.summary,
        page.url,
        page.save_as,
        page.status,
        page.template,
        getattr(page, "reading_time", None),
    )


def _inherit(old, new) -> None:
    """What ``old`` was given after it was read, on ``new``. Pelican keeps a
    page's rendered text with the page object, so a new object, not an
    updated one, carries the new text, and takes the old one's place. What
    came from the old metadata (such as ``tags``, which a post without tags
    does not have) is not given: the new read says what it is."""
    for name, value in vars(old).items():
        if name in SET_AFTER_READING or (
            not hasattr(new, name) and name not in old.metadata
        ):
            setattr(new, name, value)


def _write(edits: list[tuple[Any, Any, Any]], output: Path) -> int:
    """Render each edited page with its generator's template and context,
    into ``output``."""
    from pelican.generators import ArticlesGenerator
    from pelican.writers import Writer

    def render(staging: Path) -> None:
        for generator, page, _ in edits:
            wanted = posixpath.normpath(page.save_as)
            writer = _OnePageWriter(Writer(str(staging), generator.settings), wanted)
            if isinstance(generator, ArticlesGenerator):
                # Its posts' pages only: its other outputs (tag pages, whose
                # lists Pelican works out whether written or not) are lists.
                relative = generator.settings["RELATIVE_URLS"]
                generator.generate_articles(
                    functools.partial(writer.write_file, relative_urls=relative)
                )
            else:
                generator.generate_output(writer)
            if not writer.wrote:
                raise RuntimeError(f"{page.source_path}: its page was not rendered")

    return _rendered_into(output, render)


def _write_lists(generators, edits, output: Path, every: bool = False) -> int:
    """Render the edited posts, every page (a section's page lists posts),
    and every list and feed that holds an edited post (``every``: every list
    and feed), but no other post's page, into ``output``."""
    from pelican.generators import ArticlesGenerator, PagesGenerator
    from pelican.writers import Writer

    edited = {_normpath(new.save_as) for _, _, new in edits}
    others = {
        _normpath(post.save_as)
        for generator in generators
        if isinstance(generator, ArticlesGenerator)
        for name in WRITTEN_LISTS
        for post in getattr(generator, name, None) or []
        if post.save_as
    } - edited

    def render(staging: Path) -> None:
        settings = generators[0].settings
        posts = [new for _, _, new in edits]
        writer = _ListsWriter(
            Writer(str(staging), settings), others, None if every else posts
        )
        for generator in generators:
            if isinstance(generator, ArticlesGenerator):
                _holding(generator, None if every else posts).generate_output(writer)
            elif isinstance(generator, PagesGenerator):
                generator.generate_output(writer)
            elif isinstance(generator, LiveGenerator):
                # A plugin's generator of list pages (the Hugo plugin's
                # sections and taxonomies) takes part through this method.
                generator.write_pages(writer)
                if every and isinstance(generator, LiveTermsGenerator):
                    generator.write_term_feeds(str(staging))
        if every:
            LIVE_LISTS_RENDERED.send(generators, folder=str(staging), settings=settings)

    return _rendered_into(output, render)


def _holding(generator, posts: list | None) -> Any:
    """A shallow copy of an articles generator whose terms and period
    archives are only those that hold one of ``posts`` (None: all of them).
    Pelican works out each tag's, category's and author's list by scanning
    every post before it writes (or skips) its page; at thousands of posts
    that scan, not the writing, is most of a lists rebuild: here each
    term's posts answer that scan at once."""
    wanted = {id(post) for post in posts or []}

    def holds(listed) -> bool:
        return posts is None or any(id(post) in wanted for post in listed)

    narrowed = copy.copy(generator)
    narrowed.tags = {
        tag: _Posts(listed) for tag, listed in generator.tags.items() if holds(listed)
    }
    for name in ("categories", "authors"):
        terms = getattr(generator, name)
        setattr(
            narrowed,
            name,
            [(term, _Posts(listed)) for term, listed in terms if holds(listed)],
        )
    narrowed.period_archives = {
        granularity: [period for period in periods if holds(period["articles"])]
        for granularity, periods in generator.period_archives.items()
    }
    return narrowed


class _Posts(list):
    """A term's posts, which answer ``post in posts`` at once: Pelican picks
    a term's posts out of all posts by date with that test, one post at a
    time."""

    def __init__(self, posts) -> None:
        super().__init__(posts)
        self._ids = {id(post) for post in posts}

    def __contains__(self, post) -> bool:
        return id(post) in self._ids


def _rendered_into(output: Path, render: Callable[[Path], None]) -> int:
    """Call ``render`` with a new folder beside the output's files, then
    rename each file it wrote over its place in ``output`` (each file whole,
    none of them if rendering fails); the number of files."""
    staging = Path(tempfile.mkdtemp(prefix=".quick-", dir=output))
    try:
        render(staging)
        written = 0
        for path in sorted(staging.rglob("*")):
            if path.is_file():
                target = output / path.relative_to(staging)
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, target)
                written += 1
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)


# Each post's output path, as the writers compare them, once a process.
_normpath = functools.lru_cache(maxsize=1 << 16)(posixpath.normpath)


class _ListsWriter:
    """A writer that renders the outputs that may show the edited posts:
    not the paths in ``skipped`` (the other posts' pages), nor a list or
    feed whose own pages are given and do not hold an edited post (a tag
    page of another tag). A page given no list of its own (the home page's
    template reads the site's lists) is rendered."""

    def __init__(self, writer, skipped: set[str], edited: list | None) -> None:
        self.writer = writer
        self.skipped = skipped
        # None: every list is rendered (a post moved between lists)
        self.edited = None if edited is None else {id(post) for post in edited}

    def write_file(self, name, *args, **kwargs):
        if _normpath(name) in self.skipped:
            return None
        if self.edited is None:
            return self.writer.write_file(name, *args, **kwargs)
        given = [
            value
            for key, value in kwargs.items()
            if key in ("articles", "dates", "paginated", "terms")
        ]
        if given and not any(self._holds_edited(value) for value in given):
            return None
        return self.writer.write_file(name, *args, **kwargs)

    def write_feed(self, elements, *args, **kwargs):
        if self.edited is None or self._holds_edited(elements):
            return self.writer.write_feed(elements, *args, **kwargs)
        return None

    def _holds_edited(self, value: Any, depth: int = 0) -> bool:
        if id(value) in self.edited:
            return True
        if depth > 3 or not _is_collection(value):
            return False
        items = list(value.values() if isinstance(value, dict) else value)
        if not self.edited.isdisjoint(map(id, items)):
            return True
        return any(
            self._holds_edited(item, depth + 1)
            for item in items
            if _is_collection(item)
        )


def _is_collection(value: Any) -> bool:
    return isinstance(value, (list, tuple, set, dict)) or hasattr(value, "values")


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
