"""What the site's generators read in Pelican's context.

- The notes the reading receivers (``rules``) leave there for the site's and
  the taxonomies' generators: the homes Hugo does not build or write, and
  the pages it builds but does not render;
- every page and article of the context once (``each_content``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# The context's languages whose home page Hugo leaves out (a draft, future or
# expired content/_index.md): the whole tree hangs from it, so Hugo writes
# no list of terms there either, only 404.html and the sitemap.
UNBUILT_HOMES = "HUGO_UNBUILT_HOMES"
# Those whose home page is not written, built or not (_build: render never):
# neither the page nor its feed.
UNWRITTEN_HOMES = "HUGO_UNWRITTEN_HOMES"
# Pages Hugo builds but does not render (rules.note_unrendered): what their
# section and terms need of them (source_path, lang, params).
UNRENDERED = "HUGO_UNRENDERED"

_CONTEXT_LISTS = (
    "articles",
    "hidden_articles",
    "pages",
    "hidden_pages",
)


def each_content(context: dict[str, Any]) -> Iterable:
    """Every page and article once (Pelican lists two files with one slug as
    each other's translations, and both in the lists too)."""
    seen: set[int] = set()
    for key in _CONTEXT_LISTS:
        for content in context.get(key, []) or []:
            for item in [content, *getattr(content, "translations", [])]:
                if id(item) not in seen:
                    seen.add(id(item))
                    yield item
