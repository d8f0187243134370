"""Headings: the attribute list at the end of a heading's title (with
``parser.attribute.title``), then its id, as Hugo's Goldmark makes it
(``heading_ids.py``), unless the attributes gave one; written ids are
reserved so that made ones do not repeat them."""

from __future__ import annotations

from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

from ..heading_ids import HeadingIds
from .attributes import split_trailing_attributes


def use(md: MarkdownIt, id_type: str, title_attributes: bool) -> None:
    """Give headings their attributes and ids right after the block parse,
    before a plugin moves their levels."""
    md.core.ruler.after(
        "block", "goldmark_heading_ids", _heading_ids(id_type, title_attributes)
    )


def _heading_ids(id_type: str, title_attributes: bool) -> Callable[[StateCore], None]:
    def rule(state: StateCore) -> None:
        ids = HeadingIds(id_type)
        tokens = state.tokens
        for index, token in enumerate(tokens):
            if token.type != "heading_open":
                continue
            inline = tokens[index + 1]
            if title_attributes:
                found = split_trailing_attributes(inline.content)
                if found:
                    inline.content, attrs = found
                    for name, value in attrs:
                        token.attrSet(name, value)
            given = token.attrGet("id")
            if given is not None:
                ids.put(str(given))
            else:
                token.attrSet("id", ids.generate(inline.content.rsplit("\n", 1)[-1]))

    return rule
