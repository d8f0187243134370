"""Keeps a page's headings in an accessible outline under its title.

The theme gives every page one ``h1``, its title. Content often starts its own
headings lower (the owner's page jumps straight to ``###``) or higher (``#``).
:func:`heading_shift` moves all of a page's headings by one step so the
highest becomes ``h2``, unless that would push a level past ``h6``: then the
headings stay as written, for two levels are never merged into one. The
Python-Markdown extension here applies it; ``markdown_it_plugins`` does the
same for markdown-it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
TOP_LEVEL = 2  # the level right under the page's title
LOWEST_LEVEL = 6


def heading_shift(levels: Iterable[int]) -> int:
    """How many levels to add to each heading of a page using ``levels``
    (negative: move up), so the highest one becomes ``h2``; 0 when that
    would push a heading below ``h6`` (or the page has none)."""
    used = set(levels)
    if not used:
        return 0
    shift = TOP_LEVEL - min(used)
    return 0 if max(used) + shift > LOWEST_LEVEL else shift


class OutlineProcessor(Treeprocessor):
    def run(self, root: ElementTree.Element) -> None:
        headings = [element for element in root.iter() if element.tag in HEADINGS]
        shift = heading_shift(int(element.tag[1]) for element in headings)
        if shift:
            for element in headings:
                element.tag = f"h{int(element.tag[1]) + shift}"


class OutlineExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        # Before the toc extension (priority 5), so a table of contents sees
        # the final levels.
        md.treeprocessors.register(OutlineProcessor(md), "cameo_outline", 7)


def makeExtension(**kwargs) -> OutlineExtension:  # noqa: N802 (Markdown's API)
    return OutlineExtension(**kwargs)
