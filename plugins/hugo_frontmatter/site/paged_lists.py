"""The home pages' and sections' lists, paged as Hugo pages them.

Pelican writes the home page and a section's list page as pages, which it
does not page; when the config pages lists (``paginate``), each lists what
Hugo's ``.Pages`` does, in Hugo's order, in its language: a section its
regular pages and its sub-sections, the home page the regular pages of the
main sections. Their paginators go into the context (``HUGO_PAGINATORS``,
for the theme), and their later pages (``<list>/page/N/``) and ``page/1/``
redirects are claimed like any other output.
"""

from __future__ import annotations

import os
import posixpath
from typing import Any

from pelican.contents import Page
from pelican.paginator import Paginator

from ..content.source import default_language, hugo_path
from . import pagination, state
from .clashes import Claims
from .order import hugo_order
from .outputs import Redirects, absolute_url

# Each paged list page with what it lists, in Hugo's order.
Lists = list[tuple[Page, list]]


def paged_lists(contents: list, path: str, settings: dict[str, Any]) -> Lists:
    """The home pages and sections' list pages, when lists are paged
    (DEFAULT_PAGINATION, the config's ``paginate``), each with what it
    lists in Hugo's order (``.Pages``), in its language: a section its
    regular pages and its sub-sections (a page in a folder of no
    ``_index`` is its nearest section's), the home page the regular
    pages of the main sections. ``path`` is the content folder."""
    if pagination.page_size(settings) is None:
        return []  # lists are not paged (no config's ``paginate``)
    published = [c for c in contents if getattr(c, "status", "") == "published"]
    default = default_language(settings)
    languages = settings.get("HUGO_LANGUAGES") or []

    def language(content) -> str:
        lang = str(getattr(content, "lang", "") or "").lower()
        return lang if lang in languages else default

    by_language: dict[str, list] = {}
    for content in sorted(published, key=hugo_order):
        by_language.setdefault(language(content), []).append(content)
    lists = []
    for items in by_language.values():
        sections = {
            _folder(item, path, settings): item
            for item in items
            if getattr(item, "hugo_kind", "") == "section"
        }
        entries: dict[str, list] = {folder: [] for folder in sections}
        for item in items:
            kind = getattr(item, "hugo_kind", "")
            if kind == "page":
                where = _folder(item, path, settings)
            elif kind == "section":
                where = posixpath.dirname(_folder(item, path, settings))
            else:
                continue
            while where and where not in sections:
                where = posixpath.dirname(where)
            if where:
                entries[where].append(item)
        lists.extend((page, entries[folder]) for folder, page in sections.items())
        lists.extend(
            (home, pagination.main_section_pages(items, settings))
            for home in items
            if getattr(home, "hugo_kind", "") == "home"
        )
    return lists


def _folder(content, path: str, settings: dict[str, Any]) -> str:
    """The folder in Hugo's content a list page stands for, or that holds
    a regular page (a leaf bundle's folder is the page itself)."""
    relative = os.path.relpath(os.path.abspath(content.source_path), path)
    inside, _ = hugo_path(relative.replace(os.sep, "/"), settings)
    folder, name = posixpath.split(inside)
    if name.startswith("index.") and getattr(content, "hugo_kind", "") == "page":
        folder = posixpath.dirname(folder)
    return folder


def paginators(lists: Lists, settings: dict[str, Any]) -> dict[str, Paginator]:
    """Each list page's save_as -> Pelican's paginator of what it lists."""
    return {
        page.save_as: pagination.paginator(page.save_as, page.url, entries, settings)
        for page, entries in lists
    }


def claim_later_pages(
    lists: Lists,
    pages_of: dict[str, Paginator],
    claims: Claims,
    redirects: Redirects,
    settings: dict[str, Any],
) -> None:
    """Claim each paged list's later pages (``pages_of``: its paginators)
    and its ``page/1/`` redirect."""
    for page, _ in lists:
        pages = pages_of[page.save_as]
        for later in pagination.later_pages(pages):
            path = posixpath.normpath(later.save_as)
            label = f"page {later.number} of the list /{page.url}"
            if path in claims.paths:  # a page's url: named first, as the one to move
                state.report(
                    f"{claims.paths[path]}: writes {path}, which {label} writes "
                    "too; give the page another url or slug"
                )
            else:
                claims.claim(path, label)
        location = pagination.page_one_location(page.url)
        if location not in claims.paths:
            claims.paths[location] = f"page 1 of the list /{page.url}"
            redirects[location] = (
                absolute_url(settings, page.url),
                getattr(page, "lang", ""),
            )
