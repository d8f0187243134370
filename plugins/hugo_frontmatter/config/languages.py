"""A Hugo config's languages, as Hugo builds a site of each.

The default language's own keys (title, params, menus, mainSections,
author ...) win over the top's (``read_languages``); each other language's
title, menu and taxonomies are kept for its own pages, and every
language's code and name (``site.LanguageCode``, ``languageName``) for
the theme; they become the plugin's settings (``language_settings``) and
the theme's header of each language (``site_per_language``,
CAMEO_LANGUAGES).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..content.gocast import go_text
from .files import merge
from .keys import menus

# Keys of a language's table that are about the language, not its site.
LANGUAGE_ONLY_KEYS = frozenset(
    {
        "languagecode",
        "languagename",
        "languagedirection",
        "weight",
        "disabled",
        "contentdir",
        "taxonomies",
    }
)


@dataclass
class Languages:
    """The config's ``languages`` table, read (``read_languages``)."""

    #: The default language, as the config writes it.
    default: str
    #: The table itself ({} when the config has none).
    table: dict[str, Any] = field(default_factory=dict)
    #: Each language's own title (its home page), menu and taxonomies, by
    #: its lower-cased name.
    titles: dict[str, str] = field(default_factory=dict)
    menus: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    taxonomies: dict[str, dict[str, str]] = field(default_factory=dict)
    #: Each language's code and name as Hugo 0.111 gives a theme
    #: ``site.LanguageCode`` and ``site.Language.LanguageName``, where not
    #: empty (``_code_and_name``).
    codes: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)


def read_languages(config: dict[str, Any], unused: list[str]) -> Languages:
    """Take the ``languages`` table out of ``config`` and merge the default
    language's keys into it, as Hugo's site of that language (its params are
    not used yet for the others)."""
    default = str(
        config.get("defaultcontentlanguage") or config.get("languagecode") or "en"
    )
    table = config.pop("languages", {}) or {}
    if not isinstance(table, dict):
        unused.append("languages")
        table = {}
    if table:
        default = str(config.get("defaultcontentlanguage") or "en")
    languages = Languages(default, table)
    # Taken before the default language's own keys are merged into the top.
    top_code = config.get("languagecode")
    if not table:
        _code_and_name(languages, default, {}, top_code)
    for name, values in table.items():
        is_default = name.lower() == default.lower()
        if not isinstance(values, dict):
            # Hugo 0.111 stops here (handoff's keys.refuse_misshapen does).
            unused.append(f"languages.{name} (not a table: Hugo 0.111 stops on it)")
            continue
        _code_and_name(languages, name, values, top_code)
        for key, value in values.items():
            if is_default and key not in LANGUAGE_ONLY_KEYS:
                merge(config, {key: value})  # as Hugo's site of that language
            elif key == "taxonomies" and isinstance(value, dict):
                # That language's own taxonomies (its taxonomy and term pages).
                languages.taxonomies[str(name).lower()] = {
                    str(one): str(many) for one, many in value.items() if many
                }
            elif key == "title" and value:
                languages.titles[str(name).lower()] = str(value)  # its home page
            elif key in ("menus", "menu") and isinstance(value, dict):
                languages.menus[str(name).lower()] = menus(value, unused)["MENUITEMS"]
            elif key not in LANGUAGE_ONLY_KEYS:
                unused.append(f"languages.{name}.{key}")
    return languages


def _code_and_name(
    languages: Languages, name: str, values: Mapping[str, Any], top_code: Any
) -> None:
    """Keep the language ``name``'s code and name as Hugo 0.111 gives them:
    its own ``languageCode`` when its table has the key (even empty or
    null), else the top-level one, for every language; ``languageName``
    only from its own table (a top-level one reaches no language). Each is
    read as Go's cast reads text: a list or a map is empty. One difference:
    an inherited code that names another language (the top-level ``en`` of
    a ``pt-br`` without its own) is not kept: it would mark the Portuguese
    pages English (``<html lang>``, ``hreflang``), where the page's own
    language says better."""
    language = str(name).lower()
    if "languagecode" in values:
        code = go_text(values["languagecode"]) or ""
    else:
        code = go_text(top_code) or ""
        if _primary(code) != _primary(language):
            code = ""
    own_name = go_text(values.get("languagename")) or ""
    if code:
        languages.codes[language] = code
    if own_name:
        languages.names[language] = own_name


def _primary(code: str) -> str:
    """A language code's first part, lower-cased (``pt`` of ``pt-BR``)."""
    return code.replace("_", "-").split("-")[0].lower()


def language_settings(
    config: Mapping[str, Any], languages: Languages
) -> dict[str, Any]:
    """The plugin's settings of the languages: each other language's
    taxonomies, title and menu, each language's code and name, Hugo's
    languages (the table's, else the default one alone, whose name in a
    file, about.en.md, is the language's as in Hugo), and whether the
    default language's pages are under its folder too
    (defaultContentLanguageInSubdir)."""
    default = languages.default.lower()
    return {
        "HUGO_LANGUAGE_TAXONOMIES": languages.taxonomies,
        "HUGO_LANGUAGE_TITLES": languages.titles,
        "HUGO_LANGUAGE_MENUS": languages.menus,
        "HUGO_LANGUAGE_CODES": languages.codes,
        "HUGO_LANGUAGE_NAMES": languages.names,
        "DEFAULT_LANG": default,
        "HUGO_LANGUAGES": sorted(
            {str(name).lower() for name in languages.table} | {default}
        ),
        "HUGO_DEFAULT_IN_SUBDIR": bool(languages.table)
        and bool(config.get("defaultcontentlanguageinsubdir", False)),
    }


def site_per_language(
    plugin: Mapping[str, Any], site_url: str, default: str
) -> dict[str, dict[str, Any]]:
    """The theme's header for each language (CAMEO_LANGUAGES): its site
    name, its home page and its menu, whose relative links are within the
    language's folder, as Hugo makes them, for each other language with a
    title or a menu; and each language's code (``code``, Hugo's
    ``site.LanguageCode``) and name (``language_name``), where Hugo gives
    one, the ``default`` language's too (its home is the site's root, or
    its folder under defaultContentLanguageInSubdir). ``plugin`` holds the
    plugin's settings of the languages (``language_settings``)."""
    titles = plugin.get("HUGO_LANGUAGE_TITLES") or {}
    own_menus = plugin.get("HUGO_LANGUAGE_MENUS") or {}
    codes = plugin.get("HUGO_LANGUAGE_CODES") or {}
    names = plugin.get("HUGO_LANGUAGE_NAMES") or {}
    default = default.lower()
    header: dict[str, dict[str, Any]] = {}
    for language in sorted({*titles, *own_menus, *codes, *names}):
        within = f"{language}/"
        in_root = language == default and not plugin.get("HUGO_DEFAULT_IN_SUBDIR")
        header[language] = {
            "name": titles.get(language),
            "home": f"{site_url}/" if in_root else f"{site_url}/{within}",
            "menu": [
                (title, site_link(link, site_url, within))
                for title, link in own_menus.get(language, [])
            ],
        }
        if codes.get(language):
            header[language]["code"] = codes[language]
        if names.get(language):
            header[language]["language_name"] = names[language]
    return header


def site_link(link: str, site_url: str, within: str = "") -> str:
    """A menu link as a page prints it: a path in the site gets SITEURL; a
    relative one (``about/``) is taken from ``within``, a language's folder.
    The theme's header prints every menu link through the one check of a
    URL a page shows (``safe_url``: ``javascript:`` is ``#ZgotmplZ``)."""
    if link.startswith("/"):
        return f"{site_url}/{link.lstrip('/')}"
    if ":" in link.split("/")[0]:
        return link  # https://..., mailto:...
    return f"{site_url}/{within}{link}"
