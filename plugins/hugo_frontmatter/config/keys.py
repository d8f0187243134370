"""What each Hugo key becomes in Pelican's settings: one mapper a key.

A mapper takes the key's value and the list of unused keys (to which it adds
what it cannot use) and returns the settings it gives: Pelican's own
(``baseURL`` is SITEURL, ``menus.main`` is MENUITEMS ...), the theme's
(``params.description`` is CAMEO_DESCRIPTION), the plugin's ``HUGO_*``
settings, or the plugin's options under ``OPTIONS``. Keys of a whole kind
(taxonomies, outputs, languages, content folders) have modules of their own.
A key whose value has another shape than Hugo reads (``SHAPES``) is taken
out before any mapper sees it: listed as unused with what Hugo does instead
(``take_misshapen``), or, where Hugo 0.111 stops or writes no page, a
HugoConfigError at its line (``refuse_misshapen``).
"""

from __future__ import annotations

import copy
import os
import reprlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pelican.paginator import PaginationRule

from cameo_shared.contract import CAMEO_DESCRIPTION
from cameo_shared.links import FILTERED_URL, is_safe_link, safe_url

from ..content import urls
from ..content.gocast import go_bool, go_int
from .errors import HugoConfigError, where_key

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
    if not isinstance(entries, list):
        unused.append(
            f"menus.main ({_shape_of(entries)}, not a list of entries: {_IGNORED})"
        )
        entries = []
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
    """Hugo 0.111's ``paginate`` (10 when the config has none), read as Go's
    cast reads it (``"2"`` and ``2.5`` are 2, ``"010"`` is 8): a list's page
    size, for a theme that pages its lists. One that is not a whole number
    above 0 stops the build (``refuse_misshapen``). The ``pagination`` table
    of Hugo 0.128 and later is not read by 0.111, so it is not read here (it
    is named with the keys this build does not use)."""
    size = go_int(value)
    if size is None or size < 1:
        unused.append(f"paginate ({_shape_of(value)}, not a page size above 0)")
        return {}
    return {
        "DEFAULT_PAGINATION": size,
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


def _bool(value: Any) -> bool:
    """A switch as Hugo 0.111 reads it (Go's cast): ``"false"`` and ``"x"``
    are false, ``"t"`` true; a number is true unless 0 (YAML's rule: TOML
    and JSON numbers Hugo reads as false)."""
    return bool(go_bool(value))


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
    "enableemoji": lambda value, unused: {OPTIONS: {"enable_emoji": _bool(value)}},
    # Read by refs: what a ref to no page does (error, or warning and URL).
    "reflinkserrorlevel": lambda v, unused: {"HUGO_REF_LINKS_ERROR_LEVEL": v},
    "reflinksnotfoundurl": lambda v, unused: {"HUGO_REF_LINKS_NOT_FOUND_URL": v},
    "pluralizelisttitles": lambda v, unused: {"HUGO_PLURALIZE_LIST_TITLES": _bool(v)},
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


_TABLE = (dict,)
_NAMES = (str, list)
_TEXT = (str, int, float, bool)


@dataclass(frozen=True)
class Shape:
    """What a key's value must be (``kinds``, ``wanted`` in words), and what
    Hugo 0.111 does with a value of another shape (checked with ``hugo`` and
    ``hugo config``): it ignores it, the key then reading as ``instead``
    (``None``: left out, Hugo's default), or it stops or writes no page at
    all (``stops``), where cameo stops at the key's line."""

    kinds: tuple[type, ...]
    wanted: str
    hugo: str
    instead: Any = None
    stops: bool = False


_IGNORED = "ignored, as in Hugo 0.111"
SHAPES: dict[str, Shape] = {
    "title": Shape(_TEXT, "a text", "Hugo 0.111 reads it as no title", ""),
    "params": Shape(_TABLE, "a table", _IGNORED),
    "markup": Shape(_TABLE, "a table", f"{_IGNORED}: Goldmark's defaults"),
    "menus": Shape(_TABLE, "a table", f"{_IGNORED}: no menu"),
    "menu": Shape(_TABLE, "a table", f"{_IGNORED}: no menu"),
    "permalinks": Shape(_TABLE, "a table", _IGNORED),
    "imaging": Shape(_TABLE, "a table", _IGNORED),
    "taxonomies": Shape(
        _TABLE, "a table", "no taxonomies at all, as in Hugo 0.111", {}
    ),
    "staticdir": Shape(
        _NAMES, "a folder or a list of them", "no static files, as in Hugo 0.111", []
    ),
    "mainsections": Shape(_NAMES, "a section or a list of them", _IGNORED),
    "disablekinds": Shape(_NAMES, "a list of kinds", _IGNORED),
    "languages": Shape(
        _TABLE,
        "a table of languages, e.g. [languages.en] with its title",
        "Hugo 0.111 stops here too (a panic)",
        stops=True,
    ),
    "outputs": Shape(
        _TABLE,
        'a table of kinds, e.g. [outputs] home = ["HTML", "RSS"]',
        "Hugo 0.111 writes no page at all with it",
        stops=True,
    ),
}

# A language of the ``languages`` table: Hugo 0.111 stops on another shape.
LANGUAGE_SHAPE = Shape(
    _TABLE,
    'a table, e.g. [languages.en] title = "..."',
    "Hugo 0.111 stops here too ('Language config is not a map')",
    stops=True,
)


def _shape_of(value: Any) -> str:
    """A value's shape in the config's words."""
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return "a text" if isinstance(value, str) else "empty"


def take_misshapen(config: dict[str, Any], unused: list[str]) -> None:
    """Take out of ``config`` each key whose value has another shape than
    Hugo reads (``SHAPES``), naming it as unused with why; a key Hugo then
    reads as something (no taxonomies, no static folder) is given that."""
    for key, shape in SHAPES.items():
        if key in config and not isinstance(config[key], shape.kinds):
            value = config.pop(key)
            unused.append(
                f"{key} ({_shape_of(value)}, not {shape.wanted}: {shape.hugo})"
            )
            if shape.instead is not None:
                config[key] = copy.deepcopy(shape.instead)


def refuse_misshapen(config: Mapping[str, Any], files: list[str]) -> None:
    """Stop at the line of a key whose value Hugo 0.111 stops on, or builds
    no page with, when it has another shape than Hugo reads: ``languages``
    and each language in it, ``outputs``; and a ``paginate`` that is no
    page size, on which Hugo stops at the first list a layout pages."""
    languages = config.get("languages")
    found = [
        (key, config[key], shape)
        for key, shape in SHAPES.items()
        if shape.stops and key in config and not isinstance(config[key], shape.kinds)
    ]
    if isinstance(languages, dict):
        found.extend(
            (f"languages.{name}", value, LANGUAGE_SHAPE)
            for name, value in languages.items()
            if not isinstance(value, dict)
        )
    size = go_int(config.get("paginate", 1))
    if size is None or size < 1:
        raise HugoConfigError(
            *where_key(files, "paginate"),
            f"paginate is {_shape_of(config['paginate'])} "
            f"({reprlib.repr(config['paginate'])}), not a page size: Hugo 0.111 "
            "stops at the first list a layout pages ('paginate' configuration "
            "setting must be positive to paginate), and cameo's theme pages "
            "every list; write a whole number above 0, e.g. paginate = 10",
        )
    for key, value, shape in found[:1]:
        path, line = where_key(files, key)  # as a dotted key, else its table's
        raise HugoConfigError(
            *((path, line) if line else where_key(files, key.rpartition(".")[2])),
            f"{key} is {_shape_of(value)} ({reprlib.repr(value)}), and {shape.hugo}; "
            f"write {shape.wanted}, or leave {key} out",
        )
