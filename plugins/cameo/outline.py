"""A Markdown extension that keeps a page's headings in a valid outline.

The theme gives every page one ``h1``, its title. Content often starts its own
headings lower (the owner's page jumps straight to ``###``) or higher (``#``).
This renumbers the levels a document uses, in order, from ``h2`` down, so the
outline has no gaps: a page using ``###`` and ``#####`` gets ``h2`` and ``h3``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
TOP_LEVEL = 2  # the level right under the page's title


class OutlineProcessor(Treeprocessor):
    def run(self, root: ElementTree.Element) -> None:
        headings = [element for element in root.iter() if element.tag in HEADINGS]
        levels = sorted({int(element.tag[1]) for element in headings})
        new_level = {
            level: min(TOP_LEVEL + rank, 6) for rank, level in enumerate(levels)
        }
        for element in headings:
            element.tag = f"h{new_level[int(element.tag[1])]}"


class OutlineExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        # Before the toc extension (priority 5), so a table of contents sees
        # the final levels.
        md.treeprocessors.register(OutlineProcessor(md), "cameo_outline", 7)


def makeExtension(**kwargs) -> OutlineExtension:  # noqa: N802 (Markdown's API)
    return OutlineExtension(**kwargs)
