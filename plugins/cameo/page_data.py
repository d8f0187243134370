"""What the cameo templates get ready-made, so that they only lay it out:
whether a page is the home page, its sharing metadata (canonical address,
Open Graph, the person's JSON-LD), its other languages, the header in
its language, the avatar's
``<source>`` sets, a section's members (and which show a date) and the
header menu's pages."""

from __future__ import annotations

import os
import re
from functools import cached_property, lru_cache
from urllib.parse import urljoin, urlsplit

from markupsafe import Markup
from pelican.contents import Article

from cameo_shared.contract import CAMEO_DESCRIPTION, CAMEO_LANGUAGES
from cameo_shared.links import WEB_SCHEMES
from cameo_shared.math import math_as_tex

from . import images


def site_address(settings) -> str | None:
    """SITEURL when it is an absolute http(s) address, else None.

    A canonical link, og:url, og:image and a sitemap need absolute
    addresses; with SITEURL empty (a local build) they are left out."""
    site_url = str(settings.get("SITEURL") or "").rstrip("/")
    return site_url if _is_absolute(site_url) else None


def _is_absolute(address: str) -> bool:
    """An http(s) address with a host."""
    parts = urlsplit(address)
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.netloc)


def is_home(content) -> bool:
    """The page at the site's root (content/_index.md in a Hugo tree, or a
    page whose url is empty), or at the root of its language's folder (its
    translation, content/_index.zh.md at ``zh/``; the default language's,
    under Hugo's defaultContentLanguageInSubdir). Templates read it as
    ``page.is_home``."""
    url = getattr(content, "url", None)
    lang = str(getattr(content, "lang", "") or "")
    return url == "" or (bool(lang) and url == f"{lang}/")


def _language_entry(settings, lang: str | None) -> dict:
    """CAMEO_LANGUAGES' entry for ``lang`` ({} when it has none)."""
    return (settings.get(CAMEO_LANGUAGES) or {}).get(lang or "") or {}


def language_code(settings, lang: str | None) -> str:
    """The BCP 47 code of a page's language, for ``<html lang>`` and
    ``hreflang``: CAMEO_LANGUAGES' ``code`` for it (``zh-Hans`` for a
    page whose lang is ``zh``), else the lang itself, else DEFAULT_LANG's."""
    lang = lang or str(settings.get("DEFAULT_LANG") or "en")
    return str(_language_entry(settings, lang).get("code") or lang)


# A languageName of emoji codes only (":brazil:", which a Hugo theme turns
# into a flag) names no language: the switch shows the language's name.
_EMOJI_CODES = re.compile(r"\s*(?::[\w+-]+:\s*)+")


def language_links(content) -> list[dict[str, str]]:
    """``content`` in its other languages (Pelican's ``translations``): each
    one's language code (``code``, BCP 47), the language's own name and the
    address, for the ``hreflang`` links and the language switch. Templates
    call it as ``language_links(page)``."""
    settings = content.settings
    site_url = settings.get("SITEURL", "")
    found = []
    for other in getattr(content, "translations", None) or []:
        code = language_code(settings, other.lang)
        given = _language_entry(settings, other.lang).get("language_name")
        found.append(
            {
                "lang": other.lang,
                "code": code,
                "name": _shown_name(given, code),
                "url": f"{site_url}/{other.url}",
            }
        )
    return found


def _shown_name(given: str | None, code: str) -> str:
    """The switch's name of a language: the one given, unless it is none or
    only emoji codes; else the language's own name (``language_name``)."""
    if given and not _EMOJI_CODES.fullmatch(given):
        return given
    return language_name(code)


def alternates(content) -> list[dict[str, str]]:
    """The ``<link rel="alternate" hreflang>`` of a page with translations:
    itself and each translation by its code, and ``x-default`` for the
    version in the site's language (DEFAULT_LANG), as search engines ask
    (each version lists every version, itself included). Empty for a page
    in one language, and without an absolute SITEURL: an ``hreflang``
    address must be absolute (as a canonical one), or search engines (and
    Lighthouse's SEO audit) reject it; the visible switch needs none."""
    settings = content.settings
    if site_address(settings) is None:
        return []
    others = language_links(content)
    if not others:
        return []
    site_url = settings.get("SITEURL", "")
    own = {
        "lang": content.lang,
        "code": language_code(settings, content.lang),
        "url": f"{site_url}/{content.url}",
    }
    links = [{"hreflang": one["code"], "href": one["url"]} for one in [own, *others]]
    default = str(settings.get("DEFAULT_LANG") or "")
    for one in [own, *others]:
        if one["lang"] == default:
            links.append({"hreflang": "x-default", "href": one["url"]})
    return links


def site_header(settings, language: str | None) -> dict:
    """The header's site name, home address and menu for a page in
    ``language``: CAMEO_LANGUAGES' entry for it, else the site's own
    (SITENAME, SITEURL and MENUITEMS)."""
    own = _language_entry(settings, language)
    return {
        "name": own.get("name") or settings.get("SITENAME", ""),
        "home": own.get("home") or f"{settings.get('SITEURL', '')}/",
        "menu": own.get("menu") or settings.get("MENUITEMS") or (),
    }


@lru_cache(maxsize=64)
def language_name(code: str) -> str:
    """A language's name in that language ("Português (Brasil)" for pt-br),
    from Babel's data; the code itself for a language Babel does not know."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name() or ""
    except (ValueError, TypeError, UnknownLocaleError):
        return code
    return name[:1].upper() + name[1:] if name else code


def avatar_sources(url: str, width: int, site_url: str) -> list[dict[str, str]]:
    """``<source>`` attributes (type, srcset, sizes) of a site-root avatar
    ``width`` pixels wide, each address starting with ``site_url``."""
    return [
        {
            "type": media_type,
            "srcset": ", ".join(
                f"{site_url}{images.variant_url(url, size, extension)} {size}w"
                for size in images.variant_widths(width)
            ),
            "sizes": images.AVATAR_SIZES,
        }
        for extension, media_type, _ in images.VARIANT_FORMATS
    ]


class Sharing:
    """What search engines and link previews are told about one page.

    Worked out when a template first asks (the page is being written, so
    its summary is final), once per page."""

    def __init__(self, content) -> None:
        self._content = content
        self._settings = content.settings

    @cached_property
    def url(self) -> str | None:
        """The canonical (and og:url) address; None without an absolute SITEURL."""
        site = site_address(self._settings)
        return None if site is None else f"{site}/{self._content.url}"

    @cached_property
    def kind(self) -> str:
        """The Open Graph type."""
        if isinstance(self._content, Article):
            return "article"
        return "profile" if self._content.is_home else "website"

    @cached_property
    def description(self) -> str:
        """The page's description, else its summary, else CAMEO_DESCRIPTION;
        as plain text."""
        content = self._content
        text = getattr(content, "description", None) or content.summary
        text = text or self._settings.get(CAMEO_DESCRIPTION) or ""
        return _plain(text)

    @cached_property
    def _image_and_alt(self) -> tuple[str | None, str | None]:
        """The page's first ``images`` entry, else its social card
        (cards.py), else its avatar, else CAMEO_IMAGE: as an absolute
        address, or None when it cannot be one."""
        content = self._content
        icon = getattr(content, "icon", None)
        alt = None
        if getattr(content, "images", None):
            image = content.images[0]
        elif self.card:
            image, alt = f"/{self.card.path}", self.card.alt
        elif isinstance(icon, dict) and icon.get("url"):
            image, alt = icon["url"], icon.get("alt")
        else:
            image = self._settings.get("CAMEO_IMAGE")
        address = self._absolute(image)
        return (address, alt or None) if address else (None, None)

    def _absolute(self, image) -> str | None:
        """An image's address made absolute against the page's, or None
        when it cannot be (no image, or no absolute SITEURL)."""
        if not image:
            return None
        address = urljoin(self.url or "", str(image))
        return address if _is_absolute(address) else None

    @property
    def image(self) -> str | None:
        return self._image_and_alt[0]

    def _photo(self) -> str | None:
        """The page's avatar as an absolute address, else its image when
        that is no drawn card, else None."""
        icon = getattr(self._content, "icon", None)
        if isinstance(icon, dict) and icon.get("url"):
            return self._absolute(icon["url"])
        return self.image if self.card is None else None

    @property
    def card(self):
        """The page's social card (a ``cards.Card``), if it has one."""
        return getattr(self._content, "social_card", None)

    @property
    def image_alt(self) -> str | None:
        return self._image_and_alt[1]

    @cached_property
    def person(self) -> dict | None:
        """The schema.org Person the site is about, on the home page only."""
        content = self._content
        if not content.is_home:
            return None
        settings = self._settings
        name = (
            getattr(content, "supertitle", None)
            or settings.get("AUTHOR")
            or settings.get("SITENAME")
            or ""
        )
        person = {
            "@context": "https://schema.org",
            "@type": "Person",
            "name": _plain(name),
        }
        if self.url:
            person["url"] = self.url
        photo = self._photo()
        if photo:  # the avatar, not the drawn card that shows it
            person["image"] = photo
        if self.description:
            person["description"] = self.description
        same_as = [entry[1] for entry in settings.get("SOCIAL") or ()]
        if same_as:
            person["sameAs"] = same_as
        return person


def _plain(text) -> str:
    """HTML as the text a reader sees (tags dropped, references decoded;
    math as its TeX)."""
    return Markup(math_as_tex(str(text))).striptags()


def shows_date(item) -> bool:
    """Whether a section's list shows an entry's date: a dated post (a
    page's date, or Hugo's zero date of an undated post, is not shown).
    Templates ask it as ``item is cameo_dated``."""
    return (
        isinstance(item, Article)
        and getattr(item, "hugo_kind", None) == "page"
        and getattr(item, "date", None) is not None
        and not getattr(item, "hugo_undated", False)
    )


def section_members(articles: list, pages: list) -> dict[tuple[str, str], list]:
    """Each Hugo section's pages in each language (section, lang), not its
    sub-sections: articles first in their order, then pages; worked out
    once a build, for a site whose lists are not paged."""
    members: dict[tuple[str, str], list] = {}
    seen: set[int] = set()
    for listed in (articles, pages):
        for found in listed:
            for item in [found, *(getattr(found, "translations", None) or [])]:
                section = getattr(item, "section", None)
                kind = getattr(item, "hugo_kind", None)
                if id(item) in seen or not isinstance(section, str):
                    continue
                seen.add(id(item))
                if kind != "section":
                    key = (section, getattr(item, "lang", None))
                    members.setdefault(key, []).append(item)
    return members


def menu_pages(pages: list, articles: list, settings) -> list:
    """The pages the header menu lists, worked out once a build.

    With DISPLAY_PAGES_ON_MENU: the pages at the top of the content (or of a
    PAGE_PATHS folder), and the sections and page bundles one folder down;
    not every page of the site, which would make each page's size grow with
    the site. Any page or article whose Hugo front matter says ``menu: main``
    is listed too.
    """
    roots = sorted(
        (root.strip("/") for root in settings.get("PAGE_PATHS", [])), key=len
    )
    chosen = []
    if settings.get("DISPLAY_PAGES_ON_MENU"):
        for page in pages:
            parts = _within(page.relative_source_path.replace(os.sep, "/"), roots)
            # a file at the top, or a section or page bundle one folder down
            top = len(parts) == 1 or (
                len(parts) == 2 and parts[1] in ("_index.md", "index.md")
            )
            # the home page is the site name's link
            if top and not getattr(page, "is_home", False):
                chosen.append(page)
    seen = {id(page) for page in chosen}
    for item in [*pages, *articles]:
        if id(item) not in seen and in_main_menu(getattr(item, "menu", None)):
            chosen.append(item)
            seen.add(id(item))
    return chosen


def _within(relative: str, roots: list[str]) -> list[str]:
    """The parts of ``relative`` below the deepest root that holds it."""
    for root in reversed(roots):
        if root and relative.startswith(root + "/"):
            return relative[len(root) + 1 :].split("/")
    return relative.split("/")


def in_main_menu(menu) -> bool:
    """Hugo's ``menu: main``, ``menu: [main, footer]`` or ``menu: {main: ...}``."""
    if isinstance(menu, str):
        return menu == "main"
    if isinstance(menu, (list, tuple, dict)):
        return "main" in menu
    return False
