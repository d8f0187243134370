"""A Hugo site's merged config as Pelican settings: ``hugo_settings``.

Each key with a Pelican counterpart becomes that setting, by the key's mapper
(keys.py), or by the module of its kind: taxonomies and feeds (kinds.py),
languages (languages.py), content folders (mounts.py). The plugin's options
are given under ``HUGO_FRONTMATTER``, the plugin's own settings are named
``HUGO_*``. Keys with no counterpart are returned, to be named in one
warning. What the site's folders add, and how the result is applied to
Pelican's settings, is handoff.py's.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from .files import merge
from .keys import (
    HUGO_PAGE_SIZE,
    IGNORED_KEYS,
    KEY_MAPPERS,
    PARAM_MAPPERS,
    TEMPLATE_KEYS,
    TRUE,
    UNSAID,
    paginate,
    take_misshapen,
)
from .kinds import (
    DEFAULT_TAXONOMIES,
    disabled_kinds,
    feed_settings,
    new_kind_names,
    taxonomy_settings,
    taxonomy_tables,
)
from .languages import Languages, language_settings, read_languages
from .mounts import content_mounts

# The keys ``hugo_settings`` reads itself, with the modules of their kind,
# not by a mapper of keys.py (the rest of a language's keys are its own).
KIND_KEYS = frozenset(
    {
        "languages",
        "params",
        "taxonomies",
        "disablekinds",
        "outputs",
        "disablepathtolower",
        "paginate",
    }
)


def hugo_settings(config: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Pelican settings for a Hugo ``config`` (keys lower-cased), and the
    config's keys that have no counterpart (dotted: ``params.info``)."""
    config = copy.deepcopy(dict(config))
    unused: list[str] = []
    take_misshapen(config, unused)
    languages = read_languages(config, unused)
    take_misshapen(config, unused)  # the default language's own keys
    # The keys of a whole kind (KIND_KEYS) are taken out before the key
    # loop (``_map_keys``), which names the keys left without a mapper.
    params = dict(config.pop("params", {}) or {})
    taxonomies = config.pop("taxonomies", DEFAULT_TAXONOMIES) or {}
    disabled = set(new_kind_names(config.pop("disablekinds", []) or []))
    outputs = config.pop("outputs", None)
    # Hugo lower-cases the paths it makes (taxonomies, terms, file names)
    # unless disablePathToLower.
    lower = str(config.pop("disablepathtolower", False)).lower() not in TRUE
    page_size = config.pop("paginate", HUGO_PAGE_SIZE)
    settings: dict[str, Any] = copy.deepcopy(UNSAID)
    settings["HUGO_PATH_TO_LOWER"] = lower
    if not lower:
        settings["SLUGIFY_PRESERVE_CASE"] = True
    settings.update(paginate(page_size, unused))
    _map_keys(settings, config, unused)
    _map_params(settings, params, unused)
    settings.update(feed_settings(disabled, outputs, unused))
    settings.update(
        _taxonomy_pages(config, languages, taxonomies, disabled, lower, unused)
    )
    settings.update(language_settings(config, languages))
    settings.update(disabled_kinds(disabled, unused))
    # Each language's content folder, relative to the site's root (made
    # relative to Pelican's PATH in ``handoff.read_handoff``).
    settings["HUGO_CONTENT_DIRS"] = content_mounts(config, languages.table)
    if "404" in disabled or (
        languages.table and bool(config.get("defaultcontentlanguageinsubdir", False))
    ):
        # No 404 page, or each language's in its folder (taxonomies.py).
        settings["DIRECT_TEMPLATES"] = [
            name for name in settings["DIRECT_TEMPLATES"] if name != "404"
        ]
    return settings, sorted(set(unused))


def _map_keys(
    settings: dict[str, Any], config: Mapping[str, Any], unused: list[str]
) -> None:
    """Each top-level key by its mapper (keys.KEY_MAPPERS); a key without
    one is unused, unless it means nothing to a Pelican build or only the
    site's own Go templates read it. A mapper's options are merged with the
    others' (``merge``), not replaced."""
    for key, value in config.items():
        mapper = KEY_MAPPERS.get(key)
        if mapper:
            merge(settings, mapper(value, unused))
        elif key not in IGNORED_KEYS | TEMPLATE_KEYS | KIND_KEYS:
            unused.append(key)


def _map_params(
    settings: dict[str, Any], params: dict[str, Any], unused: list[str]
) -> None:
    """Every param is what a site's shortcodes see as site.params
    (``HUGO_PARAMS``); the author, description and social links are also
    Pelican's and the theme's settings. The others are unused here."""
    settings["HUGO_PARAMS"] = dict(params)
    for key in ("author", "description", "social"):
        if key in params:
            settings.update(PARAM_MAPPERS[key](params.pop(key), unused))
    unused.extend(f"params.{key}" for key in params)


def _taxonomy_pages(
    config: Mapping[str, Any],
    languages: Languages,
    taxonomies: Any,
    disabled: set[str],
    lower: bool,
    unused: list[str],
) -> dict[str, Any]:
    """Pelican's term pages, which are the default language's: its own
    taxonomies table, if it has one, replaces the site's (as in Hugo). With
    defaultContentLanguageInSubdir the default language's pages are under
    its folder (/en/tags/), as every other language's are. Then what the
    plugin's own taxonomy pages read (``taxonomy_tables``)."""
    own = languages.taxonomies.get(languages.default.lower())
    prefix = (
        f"{languages.default.lower()}/"
        if len(languages.table) > 1 and config.get("defaultcontentlanguageinsubdir")
        else ""
    )
    settings = taxonomy_settings(
        taxonomies if own is None else own,
        disabled,
        unused,
        lower=lower,
        prefix=prefix,
    )
    settings.update(taxonomy_tables(taxonomies, languages.taxonomies))
    return settings
