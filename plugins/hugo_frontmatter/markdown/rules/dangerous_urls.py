"""Links and images to script, file and data URLs (but images) keep their
place with an empty address, as Goldmark writes them unless ``unsafe``."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

_DANGEROUS_URL = re.compile(r"\s*(?:javascript|vbscript|file|data):", re.IGNORECASE)
_SAFE_DATA_URL = re.compile(r"\s*data:image/(?:png|gif|jpeg|webp);", re.IGNORECASE)


def use(md: MarkdownIt) -> None:
    """Empty dangerous addresses after the page is parsed."""
    md.core.ruler.push("goldmark_dangerous_urls", _blank_dangerous_urls)


def is_dangerous_url(url: str) -> bool:
    """Goldmark's test: script and file URLs, and data URLs but images."""
    return bool(_DANGEROUS_URL.match(url)) and not _SAFE_DATA_URL.match(url)


def _blank_dangerous_urls(state: StateCore) -> None:
    """Goldmark keeps a link to a dangerous URL but empties its address. It
    writes an autolink's (``<javascript:alert(1)>``) as it is, a live script
    from a page's text; that one is emptied too, as content is not trusted."""
    for block in state.tokens:
        for token in block.children or ():
            name = {"link_open": "href", "image": "src"}.get(token.type)
            if name is None:
                continue
            if is_dangerous_url(str(token.attrGet(name) or "")):
                token.attrSet(name, "")
