"""The Hugo config handed to Pelican: what the config gives, as data
(``ConfigHandoff``), read from the site (``read_handoff``) and applied to
Pelican's settings (``apply``).

Every value the config gives lands in one of three places, by its name, so
that none is dropped: Pelican's own and the theme's settings (SITEURL,
MENUITEMS, CAMEO_DESCRIPTION ...), kept where the site's settings give their
own (any value other than Pelican's default); the plugin's ``HUGO_*``
settings, whose one source is the config; and the plugin's options
(``HUGO_FRONTMATTER``), where the site's options do not name them. Keys
with no counterpart are named in one warning.

Pelican has read its settings before plugins load; this runs at the
``initialized`` signal, when the generators have not yet read theirs.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG

from cameo_shared.contract import CAMEO_LANGUAGES
from cameo_shared.links import WEB_SCHEMES, is_safe_link
from cameo_shared.paths import display_path

from ..content import urls
from ..content.options import permalinks_problem
from ..content.source import TRANSLATION_KEY
from ..markdown import goldmark
from .errors import HugoConfigError, where
from .files import find_site, read_config
from .keys import OPTIONS, refuse_misshapen
from .kinds import refuse_taxonomy_outputs
from .languages import site_link, site_per_language
from .mounts import busiest_section, content_dirs, in_language_folders, is_whole
from .settings import hugo_settings

logger = logging.getLogger(__name__)

# The prefix of the plugin's own settings.
PLUGIN_PREFIX = "HUGO_"
_MISSING = object()


@dataclass
class ConfigHandoff:
    """What a Hugo site's config gives a Pelican build, by where it goes."""

    #: Pelican's own settings and the theme's: set where the site's
    #: settings keep Pelican's default.
    pelican: dict[str, Any]
    #: The plugin's HUGO_* settings: the config is their one source.
    plugin: dict[str, Any]
    #: The plugin's options: set where the site's HUGO_FRONTMATTER has none.
    options: dict[str, Any]
    #: The config's keys with no counterpart (dotted), named in one warning.
    unused: list[str]
    #: The config files read, in the order they were merged.
    files: list[str]
    #: The Hugo site's folder (its static folders and shortcodes are there).
    site_root: str

    @classmethod
    def sorted_out(
        cls,
        found: Mapping[str, Any],
        unused: list[str],
        files: list[str],
        site_root: str,
    ) -> ConfigHandoff:
        """The settings ``found`` for a config, each in its place by its
        name: no list of names decides, so a new one is never left out."""
        found = dict(found)
        options = dict(found.pop(OPTIONS, None) or {})
        plugin = {n: v for n, v in found.items() if n.startswith(PLUGIN_PREFIX)}
        pelican = {n: v for n, v in found.items() if n not in plugin}
        return cls(pelican, plugin, options, list(unused), files, site_root)


def read_handoff(given: str, content: str) -> ConfigHandoff:
    """What the Hugo config ``given`` names gives a build whose PATH is
    ``content``: its settings (``hugo_settings``), with what the site's
    folders add (``_site_layout``)."""
    content = os.path.abspath(content)
    site_root, files = find_site(given, content)
    config = read_config(files)
    refuse_misshapen(config, files)
    found, unused = hugo_settings(config)
    folders = content_dirs(
        found["HUGO_CONTENT_DIRS"], content, site_root, files, config
    )
    found["HUGO_CONTENT_DIRS"] = folders
    _site_layout(found, content, folders)
    refuse_taxonomy_outputs(config, files)
    return ConfigHandoff.sorted_out(found, unused, files, site_root)


def _site_layout(
    found: dict[str, Any], content: str, folders: Mapping[str, str]
) -> None:
    """Hugo's layout of the site's folders, into ``found``: mainSections
    (else the busiest section) are articles, the rest pages, each within
    the languages' content folders; content/_index.md is the home page
    (without one, Pelican's index lists the posts); no folder is a category;
    translations are linked by Hugo's key, the path without the language
    (``source.file_language``); Hugo's URLs are on."""
    # The default language's content: its own folder, or the whole.
    home_root = os.path.join(content, folders.get(found["DEFAULT_LANG"], ""))
    found.setdefault("HUGO_STATIC_DIRS", ["static"])
    found.setdefault("ARTICLE_PATHS", [busiest_section(home_root)])
    found["HUGO_TAXONOMY_FOLDERS"] = in_language_folders(
        found.get("HUGO_TAXONOMY_FOLDERS", []), folders, True
    )
    found.update(
        {
            "PAGE_PATHS": [""],
            "USE_FOLDER_AS_CATEGORY": False,
            "DISPLAY_CATEGORIES_ON_MENU": False,
            "DISPLAY_PAGES_ON_MENU": "MENUITEMS" not in found,
        }
    )
    if not is_whole(folders):
        # Hugo reads nothing outside its content folders.
        found["PAGE_PATHS"] = sorted(set(folders.values()))
    if not os.path.isfile(os.path.join(home_root, urls.HOME_PAGE_SOURCE)):
        # No home page of the site's own: Pelican's index lists the posts.
        found["DIRECT_TEMPLATES"] = ["index", *found["DIRECT_TEMPLATES"]]
    for name in ("ARTICLE_TRANSLATION_ID", "PAGE_TRANSLATION_ID"):
        found[name] = TRANSLATION_KEY
    found[OPTIONS] = {"hugo_urls": True, **found.get(OPTIONS, {})}


def apply(settings: dict[str, Any], handoff: ConfigHandoff) -> None:
    """Set Pelican's ``settings`` from what the Hugo config gives: its
    settings where the site's own do not say otherwise, the plugin's always,
    its options where the site's options do not name them; then what
    follows from the settings together (``_settle``)."""
    explicit = {name for name in settings if _is_explicit(settings, name)}
    _refuse_unusable(handoff, explicit)
    old_site_url = settings.get("SITEURL", "")
    settings.update(
        {name: v for name, v in handoff.pelican.items() if name not in explicit}
    )
    settings.update(handoff.plugin)
    settings[OPTIONS] = _options(settings.get(OPTIONS), handoff)
    _settle(settings, handoff, explicit)
    if settings.get("FEED_DOMAIN") == old_site_url:
        # FEED_DOMAIN follows SITEURL, unless the site set it apart.
        settings["FEED_DOMAIN"] = settings.get("SITEURL", "")
    _report(handoff)


def _report(handoff: ConfigHandoff) -> None:
    """Name the files read, and in one warning the keys left unused, so
    that nothing of the config is dropped silently."""
    shown = ", ".join(display_path(path) for path in handoff.files)
    logger.info("Hugo config %s read", shown)
    if handoff.unused:
        logger.warning(
            "%s: these keys are not used by this build (no Pelican counterpart "
            "yet): %s",
            shown,
            ", ".join(handoff.unused),
        )


def _is_explicit(settings: Mapping[str, Any], name: str) -> bool:
    """Whether the user set ``name``: a value other than Pelican's default."""
    return settings.get(name, _MISSING) is not _MISSING and settings[
        name
    ] != DEFAULT_CONFIG.get(name, _MISSING)


def _refuse_unusable(handoff: ConfigHandoff, explicit: set[str]) -> None:
    """Stop before any setting changes at what the build cannot use, naming
    the config's line: a baseURL every link would start with that is no
    site's address (unless the site's SITEURL replaces it), permalinks
    Hugo calls ill-formed, a markup table Goldmark does not read."""
    files = handoff.files
    site_url = handoff.pelican.get("SITEURL")
    if site_url and "SITEURL" not in explicit and not _is_site_url(site_url):
        path, line = where(files, site_url)  # as written, or the key
        raise HugoConfigError(
            *((path, line) if line else where(files, "baseURL")),
            f"baseURL {site_url!r} is neither an http(s) URL nor a "
            "path, and every link of every page starts with it; write the "
            'address the site is served at, e.g. baseURL = "https://example.org/"',
        )
    permalinks = handoff.options.get("permalinks")
    problem = permalinks_problem(permalinks) if permalinks else None
    if problem:
        bad = next(
            pattern
            for pattern in permalinks.values()
            if not isinstance(pattern, str) or urls.permalink_problem(pattern)
        )
        raise HugoConfigError(
            *where(files, str(bad)),
            f"permalinks{problem} (Hugo stops here too: 'permalink ill-formed')",
        )
    if "markup" in handoff.options:
        try:
            goldmark.GoldmarkOptions.from_hugo_config(handoff.options["markup"])
        except goldmark.GoldmarkConfigError as error:
            raise HugoConfigError(*where(files, error.key), str(error)) from None


def _is_site_url(site_url: str) -> bool:
    """Whether a baseURL is one a page's links may start with: an http(s)
    URL with a host, or a path in the site (``is_safe_link``); Pelican
    puts it in front of every link, where Hugo filters its permalinks."""
    return is_safe_link(site_url + "/", WEB_SCHEMES)


def _options(given: Any, handoff: ConfigHandoff) -> dict[str, Any]:
    """The plugin's options: the site's, then the config's where the site's
    name none. The site's ``shortcodes`` folder is taken from the Hugo
    site's root, which PATH may be (the reader takes it from the folder
    above PATH)."""
    options = dict(given or {})
    if isinstance(options.get("shortcodes"), str) and options["shortcodes"]:
        options["shortcodes"] = os.path.join(handoff.site_root, options["shortcodes"])
    for name, value in handoff.options.items():
        options.setdefault(name, value)
    return options


def _settle(
    settings: dict[str, Any], handoff: ConfigHandoff, explicit: set[str]
) -> None:
    """What follows from the site's settings and the config's together: the
    article folders and the menus where they end up (each language's
    folder, SITEURL in front), the theme's header of each language, the
    folders each kind of content leaves out, and Hugo's static files."""
    folders = handoff.plugin["HUGO_CONTENT_DIRS"]
    # mainSections (or the user's ARTICLE_PATHS) name Hugo's sections, which
    # are in each language's folder.
    settings["ARTICLE_PATHS"] = in_language_folders(
        settings["ARTICLE_PATHS"], folders, is_whole(folders)
    )
    site_url = settings.get("SITEURL", "")
    if "MENUITEMS" in handoff.pelican and "MENUITEMS" not in explicit:
        settings["MENUITEMS"] = [
            (title, site_link(link, site_url))
            for title, link in handoff.pelican["MENUITEMS"]
        ]
    settings[CAMEO_LANGUAGES] = _own_languages_win(
        site_per_language(handoff.plugin, site_url, handoff.pelican["DEFAULT_LANG"]),
        settings.get(CAMEO_LANGUAGES) if CAMEO_LANGUAGES in explicit else None,
    )
    if "DEFAULT_CATEGORY" not in explicit and "category" not in getattr(
        Article, "mandatory_properties", ()
    ):
        # Hugo leaves a post without categories out of every category;
        # Pelican files it under DEFAULT_CATEGORY only when that is set.
        # Pelican 4.11 skips an article with no category at all, so there
        # the default category stays.
        settings.pop("DEFAULT_CATEGORY", None)
    _settle_excludes(settings, explicit, handoff.plugin["HUGO_TAXONOMY_FOLDERS"])
    if "STATIC_PATHS" not in explicit:
        _static_files(settings, handoff.site_root, handoff.plugin["HUGO_STATIC_DIRS"])


def _own_languages_win(config: dict[str, Any], own: Any) -> Any:
    """CAMEO_LANGUAGES: the config's entry of each language, with the
    site's own entries' keys over it (a site that names one language's
    code keeps the config's others); a site's value of another shape is
    kept as it is, for the theme to read."""
    if own is None:
        return config
    if not isinstance(own, Mapping):
        return own
    merged = dict(config)
    for language, entry in own.items():
        merged[language] = (
            {**config.get(language, {}), **entry}
            if isinstance(entry, Mapping)
            else entry
        )
    return merged


def _settle_excludes(
    settings: dict[str, Any], explicit: set[str], taxonomy_folders: list[str]
) -> None:
    """What Pelican's configure_settings did with the paths it read: each
    kind's folders are left out of the other kind; done again for the new
    ones. A taxonomy's folder (content/tags/) holds the content of its term
    pages, not pages: left out of both."""
    for kind, other in (("ARTICLE", "PAGE"), ("PAGE", "ARTICLE")):
        old = DEFAULT_CONFIG[f"{other}_PATHS"]
        excludes = [
            path
            for path in settings.get(f"{kind}_EXCLUDES", [])
            if f"{other}_PATHS" in explicit or path not in old
        ]
        for path in [*settings[f"{other}_PATHS"], *taxonomy_folders]:
            if path not in excludes:
                excludes.append(path)
        settings[f"{kind}_EXCLUDES"] = excludes


def _static_files(settings: dict[str, Any], site_root: str, folders: list[str]) -> None:
    """Hugo copies its static folders to the site's root: each file becomes a
    static path with its save_as at the root (Pelican's static paths are in
    the content folder; these are beside it)."""
    content = settings["PATH"]
    paths = []
    extra = dict(settings.get("EXTRA_PATH_METADATA") or {})
    for folder in folders:
        root = os.path.normpath(os.path.join(site_root, folder))
        if not os.path.isdir(root):
            continue
        relative_root = os.path.relpath(root, content).replace(os.sep, "/")
        paths.append(relative_root)
        for parent, _, files in os.walk(root):
            for name in files:
                full = os.path.join(parent, name)
                in_static = os.path.relpath(full, root).replace(os.sep, "/")
                key = f"{relative_root}/{in_static}"
                extra.setdefault(key, {"save_as": in_static, "url": in_static})
    settings["STATIC_PATHS"] = paths
    settings["EXTRA_PATH_METADATA"] = extra
