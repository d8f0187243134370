"""Blanks Goldmark's block parser takes off where markdown-it keeps them:
at the start of a paragraph's lines, and on a blank line of a fence in a
list item."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

_LINE_INDENT = re.compile(r"\n[ \t]+")
_BLANK_LINE = re.compile(r"(?m)^[ \t]+$")


def use(md: MarkdownIt) -> None:
    """Both right after the block parse (fences first, then paragraphs)."""
    md.core.ruler.after("block", "goldmark_paragraph_lines", _paragraph_lines)
    md.core.ruler.after("block", "goldmark_list_fences", _blank_lines_in_items)


def _paragraph_lines(state: StateCore) -> None:
    """Goldmark takes the blanks off the start of a paragraph's every line,
    which a code span across lines shows; markdown-it keeps those past the
    block's indent."""
    tokens = state.tokens
    for index in range(1, len(tokens)):
        token = tokens[index]
        if token.type == "inline" and tokens[index - 1].type == "paragraph_open":
            token.content = _LINE_INDENT.sub("\n", token.content)


def _blank_lines_in_items(state: StateCore) -> None:
    """A fence whose nearest container is a list item: Goldmark's list item
    reads a line of only blanks as an empty one before the fence sees it (a
    quote's marker keeps the line as it is)."""
    containers: list[str] = []
    for token in state.tokens:
        if token.nesting == 1:
            containers.append(token.type)
        elif token.nesting == -1 and containers:
            containers.pop()
        elif token.type == "fence" and containers[-1:] == ["list_item_open"]:
            token.content = _BLANK_LINE.sub("", token.content)
