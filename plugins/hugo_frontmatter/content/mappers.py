"""``FIELD_MAPPERS``: the mapper of each front matter field Hugo, Pelican or
the theme reads, and the mappers of the fields that need no module of their
own (weight, authors, terms, keywords, images, sitemap, icon ...). A mapper
checks the value's type and returns the Pelican metadata it stands for.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from typing import Any

from cameo_shared.links import WEB_SCHEMES, is_safe_link

from .cascade import cascade_field
from .dates import ALL_DATE_KEYS, date_field
from .field import Field, boolean, hugo_text, own_text
from .gocast import go_int, go_strings, go_text
from .locations import aliases_field, slug_field, url_field
from .status import (
    build_field,
    draft_field,
    newer_build_field,
    published_field,
    status_field,
)
from .summary import summary_field
from .templates import template_name_field

# Pelican's own metadata that Pelican reads as text.
_PELICAN_TEXT = (
    "date_format",
    "lang",
    "path",
    "save_as",
    "template",
    "translation",
)


def _flag(field: Field) -> dict[str, Any]:
    return {field.name: boolean(field)}


def _weight(field: Field) -> dict[str, Any]:
    weight = go_int(field.value)
    if weight is None:
        field.warn("Hugo reads as 0")
        weight = 0
    return {"weight": weight}


def _names(field: Field) -> dict[str, Any]:
    """``author`` or ``authors``: names, settled into Pelican's authors later.
    A name is kept whole (Pelican would split "Doe, Jane" at the comma); a
    list or map among them stays in ``page.params`` only."""
    value = field.value
    if not isinstance(value, list):
        value = [value]
    names = [go_text(item) for item in value if item is not None]
    return {field.name: [name.strip() for name in names if name and name.strip()]}


def _timezone(field: Field) -> dict[str, Any]:
    """Pelican's own ``timezone``: a zone name such as Europe/Paris."""
    name = (go_text(field.value) or "").strip()
    try:
        zoneinfo.ZoneInfo(name)
    except (ValueError, OSError, zoneinfo.ZoneInfoNotFoundError):
        field.warn("is kept in page.params (no time zone such as 'Europe/Paris')")
        return {}
    return {"timezone": name}


def _category(field: Field) -> dict[str, Any]:
    """Pelican's own ``category`` (Hugo's is ``categories``)."""
    name = (own_text(field).get(field.name) or "").strip()
    return {"category": field.process("category", name)} if name else {}


def _terms(field: Field) -> list[str]:
    """A taxonomy's terms as Hugo 0.111 reads them: a text is one term (not
    split), a list's items are terms (a list or map in it is none), a map
    is none; empty terms are left out."""
    value = field.value
    if isinstance(value, str):
        value = [value]
    names = go_strings(value)
    if names is None:
        field.warn("Hugo reads as no terms")
        names = []
    return [name for name in names if name.strip()]


def _tags(field: Field) -> dict[str, Any]:
    tags = field.process("tags", _terms(field))
    return {"tags": tags} if isinstance(tags, list) and tags else {}


def _categories(field: Field) -> dict[str, Any]:
    # Pelican gives an article one category: the first; all stay available.
    names = _terms(field)
    if not names:
        return {}
    return {"category": field.process("category", names[0]), "categories": names}


def _keywords(field: Field) -> dict[str, Any]:
    keywords = go_strings(field.value)
    if keywords is None:
        field.warn("Hugo reads as no keywords")
    return {"keywords": [word for word in keywords or [] if word]}


def _images(field: Field) -> dict[str, Any]:
    """``images`` is not Hugo's to read: a theme's own shape (a list of maps,
    ``- src: URL``) is kept as given in ``page.params``; the theme's sharing
    image takes the entries that are text. A text that is not a link the
    theme may print stops the build (docs/security.md)."""
    value = field.value
    entries = value if isinstance(value, list) else [value]
    images = [entry for entry in entries if isinstance(entry, str) and entry.strip()]
    for image in images:
        if not is_safe_link(image, WEB_SCHEMES):
            raise field.error("a list of image paths or http(s) URLs")
    return {"images": images}


def _sitemap(field: Field) -> dict[str, Any]:
    """Hugo's sitemap hints: ``changefreq`` as text, ``priority`` a number
    (else Hugo's 0); anything but a map is Hugo's defaults."""
    if not isinstance(field.value, dict):
        if field.value is not None:
            field.warn("Hugo reads as the site's sitemap defaults")
        return {}
    hints = {str(k).lower(): v for k, v in field.value.items()}
    if "changefreq" in hints:
        hints["changefreq"] = go_text(hints["changefreq"]) or ""
    if "priority" in hints:
        priority = hints["priority"]
        if isinstance(priority, str):
            try:
                priority = float(priority)
            except ValueError:
                priority = 0.0
        if isinstance(priority, bool) or not isinstance(priority, (int, float)):
            priority = 0.0
        hints["priority"] = priority
    return {"sitemap": hints}


def _icon(field: Field) -> dict[str, Any]:
    """cameo's ``icon``: a map with ``url`` and ``alt``, or the url alone;
    another shape is a param Hugo keeps, not the theme's image. A url the
    theme may not print stops the build (docs/security.md)."""
    value = field.value
    if isinstance(value, str):
        value = {"url": value}
    icon = (
        {str(key).lower(): item for key, item in value.items()}
        if isinstance(value, dict)
        else {}
    )
    url = icon.get("url")
    if not isinstance(url, str) or not url.strip():
        field.warn("is kept in page.params, not as the theme's image")
        return {}
    if not is_safe_link(url, WEB_SCHEMES):
        raise field.error("a mapping whose 'url' is a path or an http(s) URL")
    alt = icon.get("alt")
    icon["alt"] = alt if isinstance(alt, str) else go_text(alt) or ""
    return {"icon": icon}


FIELD_MAPPERS: dict[str, Callable[[Field], dict[str, Any]]] = {
    "title": hugo_text,
    "linktitle": hugo_text,
    "supertitle": own_text,
    "subtitle": own_text,
    "description": hugo_text,
    "summary": summary_field,
    "translationkey": hugo_text,
    "draft": draft_field,
    "headless": _flag,
    "iscjklanguage": _flag,
    "url": url_field,
    "slug": slug_field,
    "aliases": aliases_field,
    "weight": _weight,
    "tags": _tags,
    "categories": _categories,
    "keywords": _keywords,
    "images": _images,
    "sitemap": _sitemap,
    "build": newer_build_field,
    "_build": build_field,
    "cascade": cascade_field,
    "type": template_name_field,
    "layout": template_name_field,
    "icon": _icon,
    "author": _names,
    "authors": _names,
    # Not Hugo's, but read by Pelican itself, which expects text (or a
    # category): another type would stop Pelican far from the file.
    "category": _category,
    "status": status_field,
    "timezone": _timezone,
    **dict.fromkeys(_PELICAN_TEXT, own_text),
    **dict.fromkeys(sorted(ALL_DATE_KEYS), date_field),
    # true or false (a draft when false), else a date as publishDate
    "published": published_field,
}
