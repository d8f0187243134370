"""A Markdown extension: ``rel="noopener"`` on links to other sites, and
``tabindex="0"`` on code blocks (so keyboard users can scroll the wide ones),
both in Markdown's element tree and in the raw HTML Markdown keeps apart.

Done while Markdown still holds the pieces, and only to the raw HTML that
needs it (through :func:`theme_support.improve_content`), rather than by
parsing every finished page again: see docs/performance.md.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from urllib.parse import urlsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from . import theme_support


class LinkProcessor(Treeprocessor):
    def __init__(self, md: Markdown, own_host: str) -> None:
        super().__init__(md)
        self.own_host = own_host

    def run(self, root: ElementTree.Element) -> None:
        for element in root.iter():
            if element.tag == "pre":
                element.set("tabindex", element.get("tabindex", "0"))
            elif element.tag == "a" and theme_support.is_external(
                element.get("href", ""), self.own_host
            ):
                rel = element.get("rel", "").split()
                if "noopener" not in rel:
                    element.set("rel", " ".join([*rel, "noopener"]))


class RawHtmlProcessor(Postprocessor):
    """Runs before Markdown puts its stored raw HTML back into the page."""

    def __init__(self, md: Markdown, site_url: str, own_host: str) -> None:
        super().__init__(md)
        self.site_url, self.own_host = site_url, own_host

    def run(self, text: str) -> str:
        blocks = self.md.htmlStash.rawHtmlBlocks
        for number, block in enumerate(blocks):
            if not isinstance(block, str):
                continue
            if block.lstrip().startswith("<") and block.count("<") == 1:
                # One tag of inline HTML: a parser would add its end tag.
                blocks[number] = theme_support.improve_start_tag(block, self.own_host)
            else:
                blocks[number] = theme_support.improve_content(block, self.site_url)
        return text


class LinksExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {"site_url": ["", "the site's URL; other hosts are other sites"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        site_url = self.getConfig("site_url")
        own_host = urlsplit(site_url or "").netloc
        md.treeprocessors.register(LinkProcessor(md, own_host), "cameo_links", 6)
        # Markdown's RawHtmlPostprocessor has priority 30; higher runs first.
        raw = RawHtmlProcessor(md, site_url, own_host)
        md.postprocessors.register(raw, "cameo_raw", 35)


def makeExtension(**kwargs) -> LinksExtension:  # noqa: N802 (Markdown's API)
    return LinksExtension(**kwargs)
