"""The Hugo config handed to Pelican (issue 24): every setting the config
gives reaches Pelican's settings or the plugin's options, none is left out
for want of a name on a list, and the site's own settings keep winning where
they did."""

from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace

from pelican.settings import read_settings

from pelican.plugins.hugo_frontmatter import hugo_frontmatter
from pelican.plugins.hugo_frontmatter.config import keys
from pelican.plugins.hugo_frontmatter.config.files import find_files, read_config
from pelican.plugins.hugo_frontmatter.config.settings import hugo_settings

from .conftest import write_tree

# A config that touches every kind of key: Pelican's settings, the theme's,
# the plugin's HUGO_* settings (languages, taxonomies, feeds, refs, static
# folders) and its options (permalinks, markup, enableEmoji).
HUGO_TOML = """
baseURL = "https://notes.example.org/"
title = "Notes"
defaultContentLanguage = "en"
mainSections = ["notes"]
paginate = 4
summaryLength = 30
enableEmoji = true
staticDir = ["static", "assets"]
refLinksErrorLevel = "WARNING"
refLinksNotFoundURL = "/missing/"
pluralizeListTitles = false
disableKinds = ["sitemap"]

[params]
description = "What I write down"
author = "Jane Roe"

[[params.social]]
name = "GitHub"
url = "https://github.com/jane"

[taxonomies]
tag = "tags"
series = "series"

[permalinks]
notes = "/:year/:slug/"

[markup.goldmark.renderer]
unsafe = true

[[menus.main]]
name = "Notes"
url = "/notes/"

[languages.en]
title = "Notes"
weight = 1

[languages.fr]
title = "Carnet"
weight = 2

[[languages.fr.menus.main]]
name = "Carnet"
url = "/fr/notes/"
"""

CONTENT = {
    "hugo.toml": HUGO_TOML,
    "content/_index.md": "---\ntitle: Home\n---\nWelcome.\n",
    "content/notes/first.md": "---\ntitle: First\ndate: 2024-01-02\n---\nOne.\n",
    "content/notes/first.fr.md": "---\ntitle: Premier\ndate: 2024-01-02\n---\nUn.\n",
    "static/css/extra.css": "body { margin: 0 }\n",
}


def _initialized(root: Path, **given) -> dict:
    """Pelican's settings for the site at ``root`` after the plugin's
    ``initialized`` step has applied its Hugo config."""
    options = {"hugo_config": ".", "markdown_cache": False}
    options.update(given.pop("HUGO_FRONTMATTER", {}))
    settings = read_settings(
        None,
        override={"PATH": str(root), "HUGO_FRONTMATTER": options, **given},
    )
    hugo_frontmatter.on_initialized(SimpleNamespace(settings=settings))
    return settings


def test_every_setting_the_config_gives_reaches_pelicans_settings(tmp_path):
    root = write_tree(tmp_path / "site", CONTENT)
    found, _ = hugo_settings(read_config(find_files(".", str(root))))
    settings = _initialized(root)
    options = found.pop(keys.OPTIONS)
    assert {"permalinks", "markup", "enable_emoji"} <= set(options)
    missing = sorted(name for name in found if name not in settings)
    assert missing == []
    for name, value in options.items():
        assert settings["HUGO_FRONTMATTER"][name] == value
    for name in ("HUGO_REF_LINKS_ERROR_LEVEL", "HUGO_PLURALIZE_LIST_TITLES"):
        assert settings[name] == found[name]


def test_a_new_hugo_value_of_the_config_is_not_dropped(tmp_path, monkeypatch, caplog):
    """A key given a mapper, and nothing else, reaches the settings."""
    monkeypatch.setitem(
        keys.KEY_MAPPERS, "newkey", lambda value, unused: {"HUGO_NEW_KEY": value}
    )
    root = write_tree(tmp_path / "site", {**CONTENT, "hugo.toml": 'newKey = "x"\n'})
    with caplog.at_level(logging.WARNING):
        settings = _initialized(root)
    assert settings["HUGO_NEW_KEY"] == "x"
    assert "newkey" not in caplog.text


def test_the_sites_own_settings_and_options_win_over_the_configs(tmp_path):
    root = write_tree(tmp_path / "site", CONTENT)
    settings = _initialized(
        root,
        SITENAME="Mine",
        HUGO_FRONTMATTER={"permalinks": {"notes": "/n/:slug/"}},
    )
    assert settings["SITENAME"] == "Mine"
    assert settings["HUGO_FRONTMATTER"]["permalinks"] == {"notes": "/n/:slug/"}
    # The config's, where the site's settings give none.
    assert settings["SITEURL"] == "https://notes.example.org"
    assert settings["HUGO_FRONTMATTER"]["enable_emoji"] is True
