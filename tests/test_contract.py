"""What crosses packages (``cameo_shared.contract``) is there in a real build.

A small Hugo site of two languages, with a config that pages its lists and
names a description, built by Pelican with both plugins: the Hugo plugin's
generators have the methods live reload calls (the Protocols), and every
setting the contract names is written where it says, by whom it says.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican import signals
from pelican.paginator import Paginator

from cameo_shared.contract import (
    CAMEO_DESCRIPTION,
    CAMEO_LANGUAGES,
    CAMEO_PAGE_LANG,
    HUGO_MARKDOWN_PLUGINS,
    HUGO_PAGINATORS,
    RESERVED_OUTPUTS,
    SETTINGS,
    LiveGenerator,
    LiveTermsGenerator,
)

from .conftest import MIGRATED_SETTINGS, build_site, write_tree

HUGO_TOML = """
baseURL = "https://example.org/"
title = "Site"
defaultContentLanguage = "en"
paginate = 1
[params]
description = "A site with a contract"
[languages.en]
weight = 1
[languages.fr]
weight = 2
title = "Le site"
"""

FILES = {
    "hugo.toml": HUGO_TOML,
    "cameoconf.py": MIGRATED_SETTINGS,
    "content/_index.md": "---\ntitle: Home\n---\nWelcome.\n",
    "content/posts/first.md": (
        "---\ntitle: First\ndate: 2024-01-02\ntags: [go]\n---\nHello.\n"
    ),
    "content/posts/second.md": (
        "---\ntitle: Second\ndate: 2024-01-03\ntags: [go]\n---\nAgain.\n"
    ),
    "content/posts/first.fr.md": (
        "---\ntitle: Premier\ndate: 2024-01-02\ntags: [go]\n---\nBonjour.\n"
    ),
}

_SEEN: list = []


def _keep_generators(generators) -> None:
    """Held at module level: Pelican's signals keep weak references."""
    _SEEN[:] = list(generators)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict[str, object]]:
    """The site's output folder and its generators by class name."""
    root = write_tree(tmp_path_factory.mktemp("contract"), FILES)
    signals.all_generators_finalized.connect(_keep_generators)
    try:
        build_site(root, root / "out", root / "cameoconf.py")
    finally:
        signals.all_generators_finalized.disconnect(_keep_generators)
    generators = {type(generator).__name__: generator for generator in _SEEN}
    _SEEN.clear()
    return root / "out", generators


def test_the_hugo_plugins_generators_have_what_live_reload_calls(built):
    _, generators = built
    sections = generators["HugoSiteGenerator"]
    taxonomies = generators["HugoTaxonomyGenerator"]
    assert isinstance(sections, LiveGenerator)
    assert isinstance(taxonomies, LiveTermsGenerator)
    # The lists live reload reads are the ones the generator plans from.
    planned = {page["save_as"] for page in taxonomies.planned}
    assert "fr/tags/go/index.html" in planned
    assert "fr/tags/go/index.xml" in {path for path, *_ in taxonomies.feeds}


def test_every_setting_of_the_contract_is_written_by_its_writer(built):
    output, generators = built
    settings = generators["HugoSiteGenerator"].settings
    context = generators["HugoSiteGenerator"].context
    taxonomies = generators["HugoTaxonomyGenerator"]

    def page_lang_of(save_as: str) -> str:
        planned = next(p for p in taxonomies.planned if p["save_as"] == save_as)
        page = BeautifulSoup((output / save_as).read_text("utf-8"), "html.parser")
        assert page.html["lang"] == planned["kwargs"][CAMEO_PAGE_LANG]
        return planned["kwargs"][CAMEO_PAGE_LANG]

    written = {
        # hugo_frontmatter's config: params.description, languages
        CAMEO_DESCRIPTION: settings[CAMEO_DESCRIPTION] == "A site with a contract",
        CAMEO_LANGUAGES: "fr" in settings[CAMEO_LANGUAGES],
        # hugo_frontmatter's taxonomies: a list page of another language
        CAMEO_PAGE_LANG: page_lang_of("fr/tags/index.html") == "fr",
        # hugo_frontmatter's site generator: every list Hugo pages
        HUGO_PAGINATORS: isinstance(
            context[HUGO_PAGINATORS].get("posts/index.html"), Paginator
        )
        and context[HUGO_PAGINATORS]["posts/index.html"].num_pages == 2,
        # cameo: its markdown-it plugins, for the Hugo plugin's renderer
        HUGO_MARKDOWN_PLUGINS: bool(settings[HUGO_MARKDOWN_PLUGINS]),
        # cameo (robots.txt) and the Hugo plugin's taxonomies (their pages)
        RESERVED_OUTPUTS: {"robots.txt", "fr/tags/index.html"}
        <= set(settings[RESERVED_OUTPUTS]),
    }
    assert written.keys() == SETTINGS.keys()  # a new one is checked here too
    assert [name for name, ok in written.items() if not ok] == []
