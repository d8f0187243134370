"""Markdown as Hugo 0.111 renders it with Goldmark, built on markdown-it-py.

``GoldmarkOptions`` reads Hugo's ``markup`` config; ``Renderer`` turns a page
body into the HTML Hugo would write, with markdown-it set up by the rules of
``rules/`` (one rule or Goldmark extension to a module) that the options
turn on; ``rendering_modules`` names every module whose code decides that
HTML, for the Markdown cache's key.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token

from .heading_ids import ID_TYPES
from .line_ranges import LineRanges, read_line_ranges
from .rules import (
    attributes,
    code_fences,
    code_spans,
    dangerous_urls,
    definition_lists,
    footnotes,
    headings,
    linkify,
    math,
    raw_html,
    render_hooks,
    standalone_images,
    strikethrough,
    tables,
    task_lists,
    text_runs,
    typographer,
    whitespace,
)
from .rules.allowed_attributes import attribute_allowed
from .rules.emoji import emojify
from .rules.render_hooks import RenderHooks
from .rules.summary import split_summary

# isort: split

Plugin = Callable[[MarkdownIt], None]

# The libraries whose code decides the HTML besides this room's own modules.
_LIBRARIES = (
    "markdown_it",
    "mdit_py_plugins",
    "pygments",
    "emoji",
    "latex2mathml",
    "cameo_shared.math",
)
# This room's modules that decide no HTML.
_NOT_RENDERING = frozenset({"cache"})


def rendering_modules() -> list[str]:
    """The modules whose code decides a page's HTML, for the Markdown cache's
    key (``cache.renderer_key``): the libraries, then every module of this
    room but the cache, found on disk (a new rule module is in it with no
    list to keep), each imported so that its file is known."""
    room = __name__.rpartition(".")[0]
    found = [
        info.name
        for info in pkgutil.walk_packages(sys.modules[room].__path__, f"{room}.")
        if info.name.rpartition(".")[2] not in _NOT_RENDERING
    ]
    for name in found:
        importlib.import_module(name)
    return [*_LIBRARIES, *sorted(found)]


class GoldmarkConfigError(ValueError):
    """A ``markup`` setting Hugo would refuse; ``key`` is its own name (the
    last part of its dotted path), as a config file writes it."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


# -- options ---------------------------------------------------------------


def _lower_keys(value: Any) -> dict[str, Any]:
    return (
        {str(k).lower(): v for k, v in value.items()}
        if isinstance(value, Mapping)
        else {}
    )


def _get(section: Mapping[str, Any], *path: str) -> Any:
    """The value at ``path`` (keys compared without case), or None."""
    value: Any = section
    for key in path:
        value = _lower_keys(value).get(key.lower())
        if value is None:
            return None
    return value


def _flag(section: Mapping[str, Any], default: bool, *path: str) -> bool:
    value = _get(section, *path)
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in {"true", "false"}:
        return value.lower() == "true"
    raise GoldmarkConfigError(
        path[-1], f"markup.{'.'.join(path)} is {value!r}: write true or false"
    )


def _number(section: Mapping[str, Any], default: int, *path: str) -> int:
    value = _get(section, *path)
    if value is None:
        return default
    try:
        return int(value)
    except (TypeError, ValueError):
        raise GoldmarkConfigError(
            path[-1], f"markup.{'.'.join(path)} is {value!r}: write a whole number"
        ) from None


def parse_line_ranges(value: Any, strict: bool = True) -> LineRanges:
    """Hugo's ``hl_lines``: ``[2, "4-5"]``, ``"2 4-5"`` or ``3`` -> (2, 2), (4, 5).

    Kept as ranges, so that ``1-30000000`` costs what ``1`` does: a block's
    lines are picked out by ``line_ranges.lines_in``. Read as Hugo reads
    them (``line_ranges.read_line_ranges``). What is no range (``x``,
    ``-5``, ``2-``) is an error, or with ``strict=False`` what Hugo makes of
    it in a fence: a list's item is left out, a string highlights nothing."""
    ranges, bad = read_line_ranges(value)
    if bad and strict:
        raise GoldmarkConfigError(
            "hl_lines",
            f'hl_lines has {bad[0]!r}: write line numbers such as [2, "4-5"]',
        )
    return ranges


@dataclass(frozen=True)
class GoldmarkOptions:
    """Hugo 0.111's Goldmark and highlight settings; the defaults are Hugo's."""

    typographer: bool = True
    linkify: bool = True
    table: bool = True
    strikethrough: bool = True
    task_list: bool = True
    definition_list: bool = True
    footnote: bool = True
    heading_id_type: str = "github"
    title_attributes: bool = True
    block_attributes: bool = False
    unsafe: bool = False
    emoji: bool = False
    code_fences: bool = True
    line_nos: bool = False
    line_numbers_in_table: bool = True
    hl_lines: tuple[tuple[int, int], ...] = ()
    line_no_start: int = 1
    anchor_line_nos: bool = False
    guess_syntax: bool = False
    wrap_standalone_image: bool = True
    # cameo's math (rules/math.py): ``$...$``, ``\(``, ``\[`` too, where a
    # page or the site turns math on; not a Goldmark setting.
    math: bool = False

    @classmethod
    def from_hugo_config(
        cls, markup: Mapping[str, Any] | None, enable_emoji: bool = False
    ) -> GoldmarkOptions:
        """Options from Hugo's ``markup`` mapping and its ``enableEmoji``.

        ``markup.highlight.noClasses`` is ignored: code is always marked up
        with the CSS classes the theme colours.
        """
        markup = markup or {}
        gm = ("goldmark",)
        ext = (*gm, "extensions")
        parser = (*gm, "parser")
        hl = ("highlight",)
        id_type = _get(markup, *parser, "autoHeadingIDType")
        id_type = "github" if id_type is None else str(id_type).lower()
        if id_type not in ID_TYPES:
            raise GoldmarkConfigError(
                "autoHeadingIDType",
                f"markup.goldmark.parser.autoHeadingIDType is {id_type!r}: "
                f"write one of {', '.join(ID_TYPES)}",
            )
        return cls(
            typographer=_flag(markup, True, *ext, "typographer"),
            linkify=_flag(markup, True, *ext, "linkify"),
            table=_flag(markup, True, *ext, "table"),
            strikethrough=_flag(markup, True, *ext, "strikethrough"),
            task_list=_flag(markup, True, *ext, "taskList"),
            definition_list=_flag(markup, True, *ext, "definitionList"),
            footnote=_flag(markup, True, *ext, "footnote"),
            heading_id_type=id_type,
            title_attributes=_flag(markup, True, *parser, "attribute", "title"),
            block_attributes=_flag(markup, False, *parser, "attribute", "block"),
            unsafe=_flag(markup, False, *gm, "renderer", "unsafe"),
            emoji=bool(enable_emoji),
            code_fences=_flag(markup, True, *hl, "codeFences"),
            line_nos=_flag(markup, False, *hl, "lineNos"),
            line_numbers_in_table=_flag(markup, True, *hl, "lineNumbersInTable"),
            hl_lines=parse_line_ranges(_get(markup, *hl, "hl_Lines")),
            line_no_start=_number(markup, 1, *hl, "lineNoStart"),
            anchor_line_nos=_flag(markup, False, *hl, "anchorLineNos"),
            guess_syntax=_flag(markup, False, *hl, "guessSyntax"),
            wrap_standalone_image=_flag(
                markup, True, *parser, "wrapStandAloneImageWithinParagraph"
            ),
        )


# -- the renderer ------------------------------------------------------------


class _GoldmarkHTML(RendererHTML):
    @staticmethod
    def renderAttrs(token: Token) -> str:  # noqa: N802 (markdown-it's name)
        # Every element's attributes pass here: one filter for all of them.
        return "".join(
            f' {escapeHtml(name)}="{escapeHtml(str(value))}"'
            for name, value in token.attrItems()
            if attribute_allowed(token.tag, name)
        )

    def renderInlineAsText(  # noqa: N802 (markdown-it's name)
        self, tokens: Sequence[Token] | None, options: Any, env: Any
    ) -> str:
        # Image alt text keeps the typographer's characters. (Hugo 0.111
        # writes them as escaped entity names, "&amp;rsquo;": not copied.)
        result = []
        for token in tokens or ():
            if token.type == typographer.TOKEN:
                result.append(token.content)
            else:
                result.append(super().renderInlineAsText([token], options, env))
        return "".join(result)


class Renderer:
    """One markdown-it set up as Hugo's Goldmark; ``render`` a page at a time."""

    def __init__(
        self,
        options: GoldmarkOptions | None = None,
        plugins: Sequence[Plugin] = (),
        hooks: RenderHooks | None = None,
    ):
        self.options = options or GoldmarkOptions()
        self.plugins = tuple(plugins)
        self.hooks = hooks
        self.md = self._build()
        for plugin in self.plugins:
            plugin(self.md)
        if hooks is not None:  # after the plugins: their tokens are hooked too
            render_hooks.use(self.md, hooks, self.options.code_fences)

    def render(self, text: str) -> str:
        """The page body's HTML; the ``<!--more-->`` divider leaves nothing."""
        _, body = split_summary(text)
        return self._render(body)

    def _render(self, text: str) -> str:
        # Hugo 0.111 replaces emoji codes in the Markdown itself, before
        # parsing: in code too, and heading ids are made from the result.
        if self.options.emoji:
            text = emojify(text)
        return self.md.render(text, {})

    def _build(self) -> MarkdownIt:
        """markdown-it with the rules the options turn on. The order counts:
        rules added "after block" run in the reverse of the order they are
        added in, the others in it."""
        opts = self.options
        md = MarkdownIt(
            "commonmark",
            {
                "html": True,
                "xhtmlOut": False,
                "linkify": False,  # Goldmark's own rule, rules/linkify.py
                "typographer": False,
            },
            renderer_cls=_GoldmarkHTML,
        )
        # Goldmark parses every link; it empties dangerous addresses instead.
        md.validateLink = lambda url: True
        if not opts.unsafe:
            dangerous_urls.use(md)
        if opts.table:
            tables.use(md)
        if opts.strikethrough:
            strikethrough.use(md)
        text_runs.use(md, opts.typographer, opts.linkify)
        code_spans.use(md)
        math.use(md, opts.math)
        if opts.linkify:
            linkify.use(md, opts.strikethrough)
        if opts.footnote:
            footnotes.use(md)
        if opts.definition_list:
            definition_lists.use(md)
        if opts.typographer:
            typographer.use(md)
        if opts.block_attributes:
            attributes.use(md)
        headings.use(md, opts.heading_id_type, opts.title_attributes)
        if opts.task_list:
            task_lists.use(md)
        raw_html.use(md, opts.unsafe)
        code_fences.use(md, opts)
        whitespace.use(md)
        if not opts.wrap_standalone_image:
            standalone_images.use(md)
        return md
