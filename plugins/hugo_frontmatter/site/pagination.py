"""Hugo's paged lists: their page size, their entries and their ``page/1/``.

Hugo 0.111 writes every list a layout paginates at the list's own URL and,
from its second page on, at ``<list>/page/N/``; ``<list>/page/1/`` is then a
redirect to the list, so that a link made by counting pages still lands.
Pelican writes the pages (``PAGINATION_PATTERNS``, set from the config's
``paginate``) but not that redirect: ``write_page_one`` adds it for each
list Pelican's writer paginates (the posts' index, each term and each list
of terms), when the site follows Hugo's URLs; the list is told by the
context the writer renders it with (a ``*_page`` of number 1), from the
public ``content_written`` signal. The home page and the sections, which
Pelican writes as pages, are paged by ``paged_lists`` with the helpers here:
what a home page lists (the main sections) and in which order a taxonomy
lists its terms.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import Any

from pelican.paginator import Page, Paginator

from ..content.options import plugin_options
from .outputs import absolute_url, inside_output, write_redirect

# Pelican's writer hands a list's page N the pages beside it too.
_NEIGHBOURS = ("_previous_page", "_next_page")


def first_page(context: dict[str, Any]) -> Page | None:
    """The first page of the list a written file is, or None when the file
    is not the first page of a paginated list."""
    for key, value in context.items():
        shown = key.endswith("_page") and not key.endswith(_NEIGHBOURS)
        if shown and isinstance(value, Page) and value.number == 1:
            return value
    return None


def write_page_one(path: str, context: dict[str, Any]) -> None:
    """After Pelican writes a list's first page at ``path``: its
    ``page/1/index.html`` beside it, redirecting to it (Hugo's URLs only)."""
    settings = context  # Pelican's context holds the settings
    if "HUGO_FRONTMATTER" not in settings or not plugin_options(settings)["hugo_urls"]:
        return
    page = first_page(context)
    if page is None:
        return
    url = page.url.removesuffix("index.html")  # Pelican's index: the home page
    if url and not url.endswith("/"):
        return  # a list at a file name (blog_index.html): no Hugo URL
    # The folder written into (a build may write into a staging folder, not
    # OUTPUT_PATH): the file's path less the page's own.
    written = os.path.normpath(path).replace(os.sep, "/")
    if not written.endswith("/" + page.save_as):
        return
    output = written[: -len(page.save_as)]
    location = inside_output(output, page_one_location(url))
    if os.path.exists(location):
        return  # a page of the site is there: it wins, as over an alias
    lang = str(context.get("lang") or settings["DEFAULT_LANG"])
    write_redirect(location, absolute_url(settings, url), lang)


def page_size(settings: dict[str, Any]) -> int | None:
    """How many entries a page of a list holds (the config's ``paginate``:
    DEFAULT_PAGINATION); None when lists are not paged."""
    size = settings.get("DEFAULT_PAGINATION")
    return size if isinstance(size, int) and size > 0 else None


def paginator(
    save_as: str, url: str, entries: list, settings: dict[str, Any]
) -> Paginator:
    """Pelican's paginator of a list page at ``save_as`` (its pages at
    PAGINATION_PATTERNS); one page when lists are not paged."""
    return Paginator(save_as, url, entries, settings, page_size(settings))


def later_pages(pages: Paginator) -> list[Page]:
    """A list's pages from the second on, each written at its own path."""
    return [pages.page(number) for number in range(2, pages.num_pages + 1)]


def page_one_location(url: str) -> str:
    """Where Hugo writes the redirect of a list at ``url`` (``tags/``, or
    '' for the home page) to itself: ``tags/page/1/index.html``."""
    return f"{url}page/1/index.html"


def paged_outputs(pages: Paginator) -> list[str]:
    """The files a paged list writes besides its own: its later pages and
    its ``page/1/`` redirect (for the clash check)."""
    url = pages.url.removesuffix("index.html")
    return [page.save_as for page in later_pages(pages)] + [page_one_location(url)]


def term_order(pairs: list[tuple[Any, list]]) -> list[tuple[Any, list]]:
    """A list of terms in Hugo 0.111's order of a taxonomy's pages (what
    ``.Paginator`` pages through): a term's date is that of its newest page,
    newest first (a term without dated pages last), then by name."""

    def key(pair: tuple[Any, list]) -> tuple:
        term, items = pair
        stamps = [
            item.date.timestamp()
            for item in items
            if hasattr(getattr(item, "date", None), "timestamp")
            and not getattr(item, "hugo_undated", False)
        ]
        newest = max(stamps) if stamps else float("-inf")
        return (-newest, str(term).lower())

    return sorted(pairs, key=key)


def main_section_pages(contents: list, settings: dict[str, Any]) -> list:
    """What a home page lists (``where site.RegularPages "Type" "in"
    site.Params.mainSections``): the regular pages among ``contents`` (one
    language's, in Hugo's order) in the main sections, the config's
    ``mainSections`` or else the section of that language with the most
    pages (Hugo 0.111 picks any of those that tie; here the first by name)."""
    regular = [c for c in contents if getattr(c, "hugo_kind", "") == "page"]
    main = settings.get("HUGO_MAIN_SECTIONS")
    if main is None:
        counts = Counter(c.section for c in regular if getattr(c, "section", ""))
        most = max(counts.values(), default=0)
        main = sorted(name for name, count in counts.items() if count == most)[:1]
    return [c for c in regular if getattr(c, "section", None) in main]
