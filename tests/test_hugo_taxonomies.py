"""Hugo's taxonomies with ``hugo_config``: the site's own (``series``), a
post in several categories, and each other language's taxonomy, term and
home pages, at the paths Hugo 0.111 writes them."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican.settings import DEFAULT_CONFIG

from .conftest import build_site, write_tree

HUGO_TOML = """
baseURL = "https://example.org/"
title = "Site"
defaultContentLanguage = "en"
[taxonomies]
tag = "tags"
category = "categories"
series = "series"
[languages.en]
languageName = "English"
[languages.pt-br]
languageName = "Português"
title = "Sítio"
[languages.pt-br.taxonomies]
tag = "etiquetas"
series = "series"
"""

FILES = {
    "content/_index.md": "---\ntitle: Home\n---\nWelcome.\n",
    "content/posts/one.md": (
        "---\ntitle: One\ndate: 2024-01-01\ncategories: [News, Deep Dive]\n"
        "series: [Themes Guide]\ntags: [go]\n---\nOne.\n"
    ),
    "content/posts/two.md": (
        "---\ntitle: Two\ndate: 2024-02-01\ncategories: [Deep Dive]\n"
        "series: [Themes Guide]\n---\nTwo.\n"
    ),
    "content/posts/heavy.md": (
        "---\ntitle: Heavy\ndate: 2024-03-01\nweight: 1\n"
        "series: [Themes Guide]\n---\nFirst by weight.\n"
    ),
    "content/posts/one.pt-br.md": (
        "---\ntitle: Um\ndate: 2024-01-01\netiquetas: [Código Aberto]\n"
        "series: [Guia de Temas]\n---\nUm.\n"
    ),
    "content/posts/solo.pt-br.md": (
        "---\ntitle: Só\ndate: 2024-04-01\nseries: [Guia de Temas]\n---\nSó.\n"
    ),
    "content/series/themes-guide/_index.pt-br.md": (
        '---\ntitle: "Guia"\nurl: "guia/temas"\n---\n'
    ),
}


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _listed(path: Path) -> list[str]:
    return [a.get_text() for a in _soup(path).select(".article-list h2 a")]


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    root = tmp_path_factory.mktemp("taxonomies")
    write_tree(root, {"hugo.toml": HUGO_TOML, **FILES})
    out = root / "out"
    # Pelican's defaults (the repository's settings turn term pages off), so
    # that the config's taxonomies decide.
    defaults = {
        name: DEFAULT_CONFIG[name]
        for name in (
            "TAG_SAVE_AS",
            "CATEGORY_SAVE_AS",
            "AUTHOR_SAVE_AS",
            "DIRECT_TEMPLATES",
        )
    }
    build_site(
        root / "content",
        out,
        HUGO_FRONTMATTER={"hugo_config": str(root / "hugo.toml")},
        **defaults,
    )
    return out


def test_a_custom_taxonomy_has_its_list_and_term_pages(output):
    assert _listed(output / "series" / "themes-guide" / "index.html") == [
        "Heavy",  # weight first, then newest first
        "Two",
        "One",
    ]
    term = _soup(output / "series" / "themes-guide" / "index.html")
    assert term.h1.get_text() == "Themes Guide"
    listing = _soup(output / "series" / "index.html")
    assert [a.get_text() for a in listing.select(".term-list a")] == ["Themes Guide"]


def test_a_post_in_two_categories_is_on_both_pages(output):
    assert _listed(output / "categories" / "deep-dive" / "index.html") == [
        "Two",
        "One",
    ]
    assert _listed(output / "categories" / "news" / "index.html") == ["One"]
    listing = _soup(output / "categories" / "index.html")
    assert sorted(a.get_text() for a in listing.select(".term-list a")) == [
        "Deep Dive",
        "News",
    ]


def test_another_language_has_its_own_taxonomies(output):
    portuguese = output / "pt-br"
    # pt-br's own table: its tags are "etiquetas" (the front matter field
    # too), and it has no categories.
    assert _listed(portuguese / "etiquetas" / "código-aberto" / "index.html") == ["Um"]
    assert (portuguese / "etiquetas" / "index.html").is_file()
    assert not (portuguese / "categories").exists()
    assert not (portuguese / "tags").exists()
    assert _listed(portuguese / "series" / "guia-de-temas" / "index.html") == [
        "Só",
        "Um",
    ]
    # A term's own _index.pt-br.md: its title, at its url.
    assert (portuguese / "guia" / "temas" / "index.html").is_file()
    assert _soup(portuguese / "guia" / "temas" / "index.html").h1.get_text() == "Guia"
    # In Portuguese throughout: the page's language, the theme's texts and
    # the header (the language's title, its home).
    term = _soup(portuguese / "etiquetas" / "código-aberto" / "index.html")
    assert term.html["lang"] == "pt-br"
    assert term.select_one(".skip-link").get_text() == "Pular para o conteúdo"
    # English pages list no Portuguese post.
    assert "Um" not in _listed(output / "tags" / "go" / "index.html")


def test_another_language_has_a_home_page(output):
    home = _soup(output / "pt-br" / "index.html")
    assert home.h1.get_text() == "Sítio"
    assert [a.get_text() for a in home.select(".article-list h2 a")] == ["Só", "Um"]
    assert home.html["lang"] == "pt-br"
    assert home.select_one(".skip-link").get_text() == "Pular para o conteúdo"
