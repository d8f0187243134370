"""A site's Markdown render hooks, run on the Go template engine as Hugo 0.111 does.

A hook is ``layouts/<type>/_markup/render-KIND.html`` or
``layouts/_default/_markup/render-KIND.html`` (the site's, then its
theme's; ``TemplateLoader.render_hook`` finds it), KIND one of ``link``,
``image``, ``heading``, ``codeblock-LANG`` and ``codeblock``. Goldmark's
renderer (``goldmark.Renderer`` with ``hooks=``) hands each Markdown link
(bare and ``<...>`` ones too, not raw HTML), image, heading and fenced code
block of a page to the page's hook, whose output stands for the element.

The dots are Hugo's: ``.Text`` is the rendered inside as a plain string
(html/template escapes it unless piped to ``safeHTML``, as in Hugo 0.111),
``.PlainText`` the inside's text without markup."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..content.frontmatter import FrontMatterError
from .loader import Found, TemplateLoader, error_words
from .objects import Page, Position

logger = logging.getLogger(__name__)

KINDS = ("link", "image", "heading", "codeblock")
MARKUP = "_markup"
# What else a hook's output may read, whose change must reach the Markdown
# cache: the partials it calls, the site's data, translations and assets.
_INPUT_FOLDERS = (os.path.join("layouts", "partials"), "data", "i18n", "assets")


class RenderHookError(FrontMatterError):
    """A render hook that does not parse or fails, at its page's line."""


@dataclass
class Link:
    """A link hook's dot (Hugo's ``LinkContext``)."""

    Page: Any
    Destination: str
    Title: str
    Text: str
    PlainText: str


@dataclass
class Image(Link):
    """An image hook's dot: a link's, with Hugo 0.111's image additions (an
    image alone in a paragraph is a block only where the config's
    ``wrapStandAloneImageWithinParagraph`` is false)."""

    Ordinal: int = 0
    IsBlock: bool = False
    Attributes: dict[str, Any] = field(default_factory=dict)


@dataclass
class Heading:
    """A heading hook's dot (Hugo's ``HeadingContext``)."""

    Page: Any
    Level: int
    Anchor: str
    Text: str
    PlainText: str
    Attributes: dict[str, Any]


@dataclass
class CodeBlock:
    """A code block hook's dot (Hugo's ``CodeblockContext``)."""

    Page: Any
    Type: str
    Inner: str
    Options: dict[str, Any]
    Attributes: dict[str, Any]
    Ordinal: int
    Position: Position


@dataclass
class HookPage:
    """The page being rendered, as its hooks see it: its Go ``.Page``, the
    templates of its language, its type (the hooks of ``layouts/<type>/``),
    its file (as shown, and on disk) and the line of its body's first line;
    ``funcs`` are its page-bound functions (``page``, ``ref``, ``relref``)."""

    page: Page
    loader: TemplateLoader
    page_type: str
    shown_path: str
    filename: str
    body_line: int = 1
    funcs: Mapping[str, Callable[..., Any]] = field(default_factory=dict)
    facts: str = ""  # what of the page its hooks may read, for the cache
    source: bytes | None = None  # the file's bytes, read when a block asks


def _position(page: HookPage, inner: str) -> Position:
    """A code block's ``.Position`` as Hugo 0.111 finds it: where the
    block's code first occurs in the page's file (so an empty block, or one
    whose code is also earlier in the file, is placed there), a line up
    from it (the fence's); nowhere (0:0) if the code is not in the file as
    it is (a block in a list, its indentation taken off)."""
    if page.source is None:
        try:
            with open(page.filename, "rb") as handle:
                page.source = handle.read()
        except OSError:
            page.source = b""
    source = page.source
    offset = source.find(inner.encode("utf-8"))
    if offset < 0:
        return Position(page.filename, 0, 0)
    line = source.count(b"\n", 0, offset) + 1
    column = offset - source.rfind(b"\n", 0, offset)
    return Position(page.filename, line - 1, column)


def hook_files(roots: list[str]) -> list[str]:
    """Every render hook file of the site and its themes, sorted."""
    found = []
    for root in roots:
        layouts = os.path.join(root, "layouts")
        try:
            folders = sorted(os.listdir(layouts))
        except OSError:
            continue
        for folder in folders:
            markup = os.path.join(layouts, folder, MARKUP)
            try:
                names = sorted(os.listdir(markup))
            except OSError:
                continue
            found.extend(
                os.path.join(markup, name)
                for name in names
                if name.startswith("render-")
                and os.path.isfile(os.path.join(markup, name))
            )
    return found


def hooks_key(roots: list[str], content: str) -> str:
    """A hash of what a hook's output depends on besides the page's text:
    the hook files' contents, and the files (path, size, time) of the
    partials, data, i18n and assets folders and of the ``content`` folder
    (the pages a hook's ``ref`` or ``GetPage`` reads), so that the Markdown
    cache is not stale."""
    digest = hashlib.sha256()
    for path in hook_files(roots):
        digest.update(path.encode("utf-8"))
        with open(path, "rb") as handle:
            digest.update(handle.read())
    folders = [os.path.join(root, name) for root in roots for name in _INPUT_FOLDERS]
    for top in [*folders, content]:
        for where, _, names in sorted(os.walk(top)):
            for name in sorted(names):
                path = os.path.join(where, name)
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


class SiteHooks:
    """The render hooks of one site, for ``goldmark.Renderer``: it asks for
    the hooks of the page set by ``rendering``."""

    def __init__(self) -> None:
        self.page: HookPage | None = None

    @contextlib.contextmanager
    def rendering(self, page: HookPage) -> Iterator[None]:
        """Render with ``page``'s hooks (none outside)."""
        before, self.page = self.page, page
        try:
            yield
        finally:
            self.page = before

    def find(self, kind: str) -> Found | None:
        """The page's hook for ``kind``, or None."""
        if self.page is None:
            return None
        return self.page.loader.render_hook(kind, self.page.page_type)

    def render(self, found: Found, kind: str, facts: dict[str, Any], line: int) -> str:
        """Run a hook on an element at ``line`` of the page's Markdown."""
        page = self.page
        assert page is not None  # find gave a hook: a page is set
        dot = self._dot(kind, facts, page, line)
        try:
            return page.loader.execute(found, dot, page.funcs)
        except RenderHookError:
            raise
        except Exception as error:  # any error of a template, located
            raise self._error(error, found, page, line) from None

    @staticmethod
    def _dot(kind: str, facts: dict[str, Any], page: HookPage, line: int) -> Any:
        go_page = page.page
        if kind == "link":
            return Link(
                go_page,
                facts["destination"],
                facts["title"],
                facts["text"],
                facts["plain_text"],
            )
        if kind == "image":
            return Image(
                go_page,
                facts["destination"],
                facts["title"],
                facts["text"],
                facts["plain_text"],
                facts["ordinal"],
                facts["is_block"],
            )
        if kind == "heading":
            return Heading(
                go_page,
                facts["level"],
                facts["anchor"],
                facts["text"],
                facts["plain_text"],
                facts["attributes"],
            )
        return CodeBlock(
            go_page,
            facts["type"],
            facts["inner"],
            facts["options"],
            facts["attributes"],
            facts["ordinal"],
            _position(page, facts["inner"]),
        )

    @staticmethod
    def _error(
        error: Exception, found: Found, page: HookPage, line: int
    ) -> RenderHookError:
        """One line: the page's file:line, the hook's file:line:col and Go's
        (or Hugo's) words."""
        message = error_words(error, found, page.loader)
        hook = found.name.rsplit("/", 1)[-1]
        return RenderHookError(
            page.shown_path,
            page.body_line - 1 + max(line, 1),
            f'render hook "{hook}": {message}; fix the hook template',
        )
