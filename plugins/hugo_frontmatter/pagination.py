"""A paginated list's ``page/1/``, as Hugo writes it: a redirect to the list.

Hugo 0.111 writes every list a layout paginates at the list's own URL and,
from its second page on, at ``<list>/page/N/``; ``<list>/page/1/`` is then a
redirect to the list, so that a link made by counting pages still lands.
Pelican writes the pages (``PAGINATION_PATTERNS``, set from the config's
``paginate``) but not that redirect: this adds it for each list Pelican
paginates (the posts' index and the tag, category and author pages), when
the site follows Hugo's URLs. The list is told by the context Pelican's
writer renders it with (a ``*_page`` of number 1), from the public
``content_written`` signal.
"""

from __future__ import annotations

import html
import os
from typing import Any

from pelican.paginator import Page

from .fields import plugin_options
from .site import REDIRECT_PAGE, inside_output


def first_page(context: dict[str, Any]) -> Page | None:
    """The first page of the list a written file is, or None when the file
    is not the first page of a paginated list."""
    for key, value in context.items():
        if key.endswith("_page") and isinstance(value, Page) and value.number == 1:
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
    url = page.url
    if url and not url.endswith("/"):
        return  # a list at a file name (blog_index.html): no Hugo URL
    # The folder written into (a build may write into a staging folder, not
    # OUTPUT_PATH): the file's path less the page's own.
    written = os.path.normpath(path).replace(os.sep, "/")
    if not written.endswith("/" + page.save_as):
        return
    output = written[: -len(page.save_as)]
    location = inside_output(output, f"{url}page/1/index.html")
    if os.path.exists(location):
        return  # a page of the site is there: it wins, as over an alias
    target = f"{settings.get('SITEURL', '')}/{url}"
    os.makedirs(os.path.dirname(location), exist_ok=True)
    with open(location, "w", encoding="utf-8") as handle:
        handle.write(
            REDIRECT_PAGE.format(
                lang=html.escape(str(context.get("lang") or settings["DEFAULT_LANG"])),
                target=html.escape(target),
            )
        )
