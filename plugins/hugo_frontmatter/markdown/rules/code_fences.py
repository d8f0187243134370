"""Fenced code blocks as Hugo writes them: highlighted by Pygments (in the
place of Chroma) with Hugo's ``markup.highlight`` options and each fence's
own (``linenos``, ``hl_lines``, ``linenostart``, ``anchorlinenos``), its
other attributes on the ``<div class="highlight">``; a block with no known
language, or with ``codeFences`` off, plain."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any, Protocol

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

from ..fence_info import (
    HIGHLIGHT_OPTIONS,
    FenceAttribute,
    highlight_options,
    list_value,
    next_fence_ordinal,
    split_fence_info,
)
from ..line_ranges import LineRanges, lenient_line_ranges, lines_in
from .tight_items import block_rule

_ANCHOR_NAME = re.compile(r' name="[^"]*"')


class HighlightOptions(Protocol):
    """The settings code is highlighted by (``goldmark.GoldmarkOptions``)."""

    code_fences: bool
    guess_syntax: bool
    line_nos: bool
    line_numbers_in_table: bool
    hl_lines: LineRanges
    line_no_start: int
    anchor_line_nos: bool


def use(md: MarkdownIt, options: HighlightOptions) -> None:
    """Write fences highlighted, by the page's options."""
    code = _CodeRenderer(options)
    md.add_render_rule(
        "fence", block_rule(lambda tokens, idx, env: code.fence(tokens[idx], env))
    )


def _highlight_div(attrs: Sequence[FenceAttribute]) -> str:
    """Hugo's ``<div class="highlight ...">`` for a fence's attributes: the
    classes after "highlight", the others as written (names in lower case,
    the last of a name winning), no event handler (``on*``)."""
    classes = ["highlight"]
    others: dict[str, str] = {}
    for attr in attrs:
        name = attr.name.lower()
        if name in HIGHLIGHT_OPTIONS or name.startswith("on"):
            continue
        if name == "class":
            classes.append(attr.printed)
        else:
            others[name] = attr.printed
    # Hugo writes values unescaped; a quote or angle bracket is escaped here
    # so that no value leaves its attribute.
    shown = "".join(
        f' {escapeHtml(name)}="{_attribute_text(value)}"'
        for name, value in others.items()
    )
    return f'<div class="{_attribute_text(" ".join(classes))}"{shown}>'


def _attribute_text(value: str) -> str:
    return value.replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


@functools.lru_cache(maxsize=256)
def _lexer(language: str) -> Any:
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        return get_lexer_by_name(language, stripnl=False, ensurenl=True)
    except ClassNotFound:
        return None


@functools.lru_cache(maxsize=256)
def _formatter(
    linenos: str | bool, hl_lines: tuple[int, ...], start: int, anchors: str
) -> Any:
    # Making a formatter builds its style sheet: more than a page's parse.
    from pygments.formatters import HtmlFormatter

    options: dict[str, Any] = {"wrapcode": True, "hl_lines": hl_lines}
    if linenos:
        options.update(linenos=linenos, linenostart=start)
    if anchors:
        options.update(lineanchors=anchors, anchorlinenos=True)
    return HtmlFormatter(**options)


def _truthy(value: str) -> bool:
    return value.strip("\"'").lower() not in {"false", "0", ""}


class _CodeRenderer:
    def __init__(self, options: HighlightOptions) -> None:
        self.options = options

    def fence(self, token: Token, env: dict[str, Any]) -> str:
        language, attrs = split_fence_info(token.info)
        fence_options = highlight_options(attrs)
        ordinal = next_fence_ordinal(env)
        # Hugo chomps the block's last line ends, then Chroma ends it with one.
        code = token.content.rstrip("\r\n")
        code = f"{code}\n" if code else ""
        lexer = None
        if self.options.code_fences:
            lexer = _lexer(language.lower()) if language else None
            if lexer is None and not language and self.options.guess_syntax:
                from pygments.lexers import guess_lexer

                lexer = guess_lexer(code)
        if lexer is None:
            return self._plain(code, language)
        html = self._highlight(code, language, lexer, fence_options, ordinal)
        return html.replace('<div class="highlight">', _highlight_div(attrs), 1)

    @staticmethod
    def _plain(code: str, language: str) -> str:
        attrs = ""
        if language:
            lang = escapeHtml(language)
            attrs = f' class="language-{lang}" data-lang="{lang}"'
        return f"<pre><code{attrs}>{escapeHtml(code)}</code></pre>\n"

    def _highlight(
        self,
        code: str,
        language: str,
        lexer: Any,
        fence_options: dict[str, str],
        ordinal: int,
    ) -> str:
        from pygments import highlight

        opts = self.options
        linenos: str | bool = False
        mode = fence_options.get("linenos")
        if mode is None:
            on = opts.line_nos
            mode = "true" if on else "false"
        mode = mode.strip("\"'").lower()
        if mode in {"table", "inline"}:
            linenos = mode
        elif _truthy(mode):
            linenos = "table" if opts.line_numbers_in_table else "inline"
        ranges = (
            lenient_line_ranges(list_value(fence_options["hl_lines"]))
            if "hl_lines" in fence_options
            else opts.hl_lines
        )
        hl_lines = lines_in(ranges, code.count("\n") + 1) if ranges else ()
        start = opts.line_no_start
        if "linenostart" in fence_options:
            try:
                start = int(fence_options["linenostart"].strip("\"'"))
            except ValueError:
                start = opts.line_no_start
        anchors = opts.anchor_line_nos
        if "anchorlinenos" in fence_options:
            anchors = _truthy(fence_options["anchorlinenos"])
        formatter = _formatter(
            linenos, hl_lines, start, f"hl-{ordinal}" if linenos and anchors else ""
        )
        lang = escapeHtml(language)
        if not code:  # Chroma numbers no line of an empty block (Pygments one)
            empty = f'<code class="language-{lang}" data-lang="{lang}"></code>'
            return f'<div class="highlight"><pre><span></span>{empty}</pre></div>\n'
        html = highlight(code, lexer, formatter)
        if linenos and anchors:
            html = _ANCHOR_NAME.sub("", html)
        return html.replace(
            "<code>", f'<code class="language-{lang}" data-lang="{lang}">', 1
        )
