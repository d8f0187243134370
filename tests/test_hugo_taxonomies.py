"""Hugo's taxonomies with ``hugo_config``: the site's own (``series``), a
post in several categories, and each other language's taxonomy, term and
home pages, at the paths Hugo 0.111 writes them."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from pelican.settings import DEFAULT_CONFIG

from .conftest import build_site, hugo_build, write_tree

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


def _feeds(root: Path) -> set[str]:
    """The RSS feeds a build wrote (Hugo's sitemaps are not feeds)."""
    return {
        path.relative_to(root).as_posix()
        for path in root.rglob("index.xml")
        if "sitemap" not in path.name
    }


# The feeds Hugo 0.111 writes for FILES (test_feeds_match_hugos checks it).
HUGO_FEEDS = {
    "index.xml",
    "posts/index.xml",
    "tags/index.xml",
    "tags/go/index.xml",
    "categories/index.xml",
    "categories/news/index.xml",
    "categories/deep-dive/index.xml",
    "series/index.xml",
    "series/themes-guide/index.xml",
    "pt-br/index.xml",
    "pt-br/posts/index.xml",
    "pt-br/etiquetas/index.xml",
    "pt-br/etiquetas/código-aberto/index.xml",
    "pt-br/series/index.xml",
    "pt-br/guia/temas/index.xml",
    "pt-br/series/guia-de-temas/index.xml",
}


def test_every_list_has_hugos_feed(output):
    assert _feeds(output) == HUGO_FEEDS
    section = ElementTree.parse(output / "pt-br" / "posts" / "index.xml")
    titles = [item.findtext("title") for item in section.iter("item")]
    assert titles == ["Só", "Um"]  # the language's posts, newest first
    terms = ElementTree.parse(output / "series" / "index.xml")
    assert [item.findtext("title") for item in terms.iter("item")] == ["Themes Guide"]
    assert [link.text for link in terms.iter("link")][1:] == [
        "https://example.org/series/themes-guide/"
    ]


def test_feeds_match_hugos(hugo, tmp_path):
    hugo_build(
        hugo,
        tmp_path,
        {
            "hugo.toml": HUGO_TOML,
            **FILES,
        },
    )
    assert _feeds(tmp_path / "hugo") == HUGO_FEEDS
