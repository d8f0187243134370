"""What each Hugo key becomes in Pelican's settings: one mapper a key.

A mapper takes the key's value and the list of unused keys (to which it adds
what it cannot use) and returns the settings it gives: Pelican's own
(``baseURL`` is SITEURL, ``menus.main`` is MENUITEMS ...), the theme's
(``params.description`` is CAMEO_DESCRIPTION), the plugin's ``HUGO_*``
settings, or the plugin's options under ``OPTIONS``. Keys of a whole kind
(taxonomies, outputs, languages, content folders) have modules of their own.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any

from pelican.paginator import PaginationRule

from cameo_shared.contract import CAMEO_DESCRIPTION
from cameo_shared.links import FILTERED_URL, is_safe_link, safe_url

from ..content import urls

# The setting that holds the plugin's options: a mapper gives an option as
# {OPTIONS: {name: value}}; the site's own options win over the config's.
OPTIONS = "HUGO_FRONTMATTER"
# Keys that have no meaning for a Pelican build: the Hugo theme is replaced
# by this one, and Hugo's own error switches have no counterpart to miss.
IGNORED_KEYS = frozenset({"theme", "themesdir", "ignoreerrors"})
# Keys only the site's own Go templates read (shortcodes, partials, render
# hooks: shortcodes.py and hugo_templates read the config for them), so they
# are not named as unused.
TEMPLATE_KEYS = frozenset(
    {
        "enableinlineshortcodes",
        "enablemissingtranslationplaceholders",
        "imaging",
        "titlecasestyle",
    }
)
# Hugo 0.111's page size of a paginated list when the config gives none.
HUGO_PAGE_SIZE = 10
# What Hugo's configuration reads as true (Go's strconv.ParseBool).
TRUE = frozenset({"1", "t", "true"})

Mapper = Callable[[Any, list[str]], dict[str, Any]]


def _base_url(value: Any, unused: list[str]) -> dict[str, Any]:
    return {"SITEURL": str(value).rstrip("/")}


def _title(value: Any, unused: list[str]) -> dict[str, Any]:
    return {"SITENAME": str(value)}


def _author(value: Any, unused: list[str]) -> dict[str, Any]:
    if isinstance(value, dict):
        value = value.get("name")
    return {"AUTHOR": str(value)} if value else {}


def _description(value: Any, unused: list[str]) -> dict[str, Any]:
    return {CAMEO_DESCRIPTION: str(value)} if value else {}


def _social(value: Any, unused: list[str]) -> dict[str, Any]:
    """``params.social`` as a list of {name, url, weight} (hugo-coder and kin),
    each URL as a Hugo theme prints it (``_social_link``: ``javascript:`` is
    ``#ZgotmplZ``)."""
    entries = value if isinstance(value, list) else []
    links = [
        entry
        for entry in entries
        if isinstance(entry, dict) and entry.get("name") and entry.get("url")
    ]
    if len(links) != len(entries) or not links:
        unused.append("params.social")
        return {}
    links.sort(key=lambda entry: _weight(entry.get("weight")))
    return {
        "SOCIAL": [(str(entry["name"]), _social_link(entry["url"])) for entry in links]
    }


def _social_link(url: Any) -> str:
    """A social URL as a Hugo theme prints it (``safe_url``), and
    ``#ZgotmplZ`` too where the theme's stricter rule for ``SOCIAL``
    (``is_safe_link``, which also reads ``%5c`` as a backslash) would
    stop the build over a value of the Hugo config."""
    link = safe_url(url)
    return link if is_safe_link(link) else FILTERED_URL


def menus(value: Any, unused: list[str]) -> dict[str, Any]:
    """``menus.main`` (or ``menu.main``): the header menu, lightest first.
    Other menus, and entries under a ``parent``, are left out."""
    tables = value if isinstance(value, dict) else {}
    for name in tables:
        if name != "main":
            unused.append(f"menus.{name}")
    entries = tables.get("main") or []
    if isinstance(entries, dict):
        entries = [entries]
    items = []
    for entry in entries:
        if not isinstance(entry, dict) or entry.get("parent"):
            unused.append("menus.main (entries with a parent)")
            continue
        link = _menu_link(entry)
        if link is None:
            unused.append("menus.main (entries without url or pageRef)")
            continue
        title = entry.get("name") or entry.get("identifier") or link
        items.append((_weight(entry.get("weight")), str(title), link))
    items.sort(key=lambda item: item[0])
    return {"MENUITEMS": [(title, link) for _, title, link in items]}


def _menu_link(entry: Mapping[str, Any]) -> str | None:
    """A menu entry's link as the site's path (SITEURL is put in front when
    the settings are applied), a ``url`` from ``/`` made as Hugo makes it
    (``urls.menu_path``); a ``pageRef`` as Hugo's default URL of that file
    (a page's own ``url`` or ``slug`` is not looked at)."""
    if entry.get("url"):
        link = str(entry["url"])
        return urls.menu_path(link) if link.startswith("/") else link
    reference = str(entry.get("pageref") or "").strip().strip("/")
    if not entry.get("pageref"):
        return None
    stem, extension = os.path.splitext(reference)
    if extension.lower() in (".md", ".markdown", ".html"):
        reference = stem
    parts = [part for part in reference.split("/") if part]
    if parts and parts[-1] in ("_index", "index"):
        parts.pop()
    return "/" + "".join(f"{urls.sanitize(part)}/" for part in parts)


def _main_sections(value: Any, unused: list[str]) -> dict[str, Any]:
    sections = [value] if isinstance(value, str) else list(value or [])
    paths = [str(section).strip("/") for section in sections]
    # HUGO_MAIN_SECTIONS: given (else Hugo takes each language's busiest)
    return {"ARTICLE_PATHS": paths, "HUGO_MAIN_SECTIONS": paths}


def paginate(value: Any, unused: list[str]) -> dict[str, Any]:
    """Hugo 0.111's ``paginate`` (10 when the config has none): a list's
    page size, for a theme that pages its lists. The ``pagination`` table of
    Hugo 0.128 and later is not read by 0.111, so it is not read here (it is
    named with the keys this build does not use)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return {}
    return {
        "DEFAULT_PAGINATION": value,
        "PAGINATION_PATTERNS": [
            PaginationRule(1, "{url}", "{save_as}"),
            PaginationRule(
                2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"
            ),
        ],
    }


def _summary_length(value: Any, unused: list[str]) -> dict[str, Any]:
    if isinstance(value, bool) or not isinstance(value, int):
        unused.append("summaryLength")
        return {}
    return {"SUMMARY_MAX_LENGTH": value}


def _permalinks(value: Any, unused: list[str]) -> dict[str, Any]:
    """``[permalinks]``: a section's name -> the pattern of its pages' paths,
    the plugin's ``permalinks`` option (checked in ``handoff.apply``, where
    the config's files are known)."""
    if not isinstance(value, dict):
        unused.append("permalinks")
        return {}
    kept = {}
    for section, pattern in value.items():
        if isinstance(pattern, dict):
            # Hugo 0.112+: [permalinks.page] / [permalinks.section].
            unused.append(f"permalinks.{section}")
        else:
            kept[str(section).strip("/")] = pattern
    return {OPTIONS: {"permalinks": kept}} if kept else {}


def _markup(value: Any, unused: list[str]) -> dict[str, Any]:
    """``[markup]``: the plugin's ``markup`` option (Goldmark's and the
    highlighter's settings, checked in ``handoff.apply``)."""
    return {OPTIONS: {"markup": value}} if isinstance(value, dict) else {}


def _static_dir(value: Any, unused: list[str]) -> dict[str, Any]:
    folders = [value] if isinstance(value, str) else list(value or [])
    return {"HUGO_STATIC_DIRS": [str(folder) for folder in folders]}


def _weight(value: Any) -> float:
    """Hugo's menu order: weighted entries first, lightest first."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value:
        return value
    return float("inf")


KEY_MAPPERS: dict[str, Mapper] = {
    "baseurl": _base_url,
    "title": _title,
    "author": _author,
    "menus": menus,
    "menu": menus,
    "mainsections": _main_sections,
    "summarylength": _summary_length,
    "staticdir": _static_dir,
    "permalinks": _permalinks,
    "markup": _markup,
    "enableemoji": lambda value, unused: {OPTIONS: {"enable_emoji": bool(value)}},
    # Read by refs: what a ref to no page does (error, or warning and URL).
    "reflinkserrorlevel": lambda v, unused: {"HUGO_REF_LINKS_ERROR_LEVEL": v},
    "reflinksnotfoundurl": lambda v, unused: {"HUGO_REF_LINKS_NOT_FOUND_URL": v},
    "pluralizelisttitles": lambda v, unused: {"HUGO_PLURALIZE_LIST_TITLES": bool(v)},
    # Read in settings.hugo_settings itself.
    "contentdir": lambda value, unused: {},
    "languagecode": lambda value, unused: {},
    "defaultcontentlanguage": lambda value, unused: {},
    "defaultcontentlanguageinsubdir": lambda value, unused: {},
}
PARAM_MAPPERS: dict[str, Mapper] = {
    "author": _author,
    "description": _description,
    "social": _social,
}
# What the config gives for a key it leaves out: Hugo's default (None: the
# reader of the setting knows it), given all the same, so that the config
# stays the one source of these settings over any value of the site's own.
UNSAID: dict[str, Any] = {
    OPTIONS: {"enable_emoji": False},
    "HUGO_REF_LINKS_ERROR_LEVEL": None,
    "HUGO_REF_LINKS_NOT_FOUND_URL": None,
    "HUGO_PLURALIZE_LIST_TITLES": None,
    "HUGO_MAIN_SECTIONS": None,
}
