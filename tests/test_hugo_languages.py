"""Translation by file name, as Hugo 0.111 does it: ``name.<lang>.md`` is
that language's version of ``name.md`` when the config has the language."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican import signals

from cameo_tools.build import BuildError

from .conftest import build_site, write_tree

HUGO_TOML = """
baseURL = "https://example.org/"
title = "Site"
defaultContentLanguage = "en"
[languages.en]
languageName = "English"
weight = 1
[languages.pt-br]
languageName = "Português"
weight = 2
"""

FILES = {
    "content/_index.md": "---\ntitle: Home\n---\nWelcome.\n",
    "content/contact.md": "---\ntitle: Contact\n---\nWrite to us.\n",
    "content/contact.pt-br.md": (
        "---\ntitle: Contato\naliases: [fale-conosco]\n---\nEscreva-nos.\n"
    ),
    "content/posts/first.md": "---\ntitle: First\ndate: 2024-01-02\n---\nHello.\n",
    "content/posts/first.pt-br.md": (
        "---\ntitle: Primeiro\ndate: 2024-01-02\n---\nOlá.\n"
    ),
}


_SEEN: list = []


def _keep_generators(generators) -> None:
    """Held at module level: Pelican's signals keep weak references."""
    _SEEN[:] = list(generators)


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("languages")
    write_tree(root, {"hugo.toml": HUGO_TOML, **FILES})
    output = root / "out"
    signals.all_generators_finalized.connect(_keep_generators)
    try:
        build_site(
            root / "content",
            output,
            HUGO_FRONTMATTER={"hugo_config": str(root / "hugo.toml")},
        )
    finally:
        signals.all_generators_finalized.disconnect(_keep_generators)
    return output, list(_SEEN)


def test_each_language_is_written_at_its_place(built):
    output, _ = built
    english = _soup(output / "contact" / "index.html")
    assert english.html["lang"] == "en"
    assert "Write to us." in english.get_text()
    portuguese = _soup(output / "pt-br" / "contact" / "index.html")
    assert portuguese.html["lang"] == "pt-br"
    assert "Escreva-nos." in portuguese.get_text()
    assert (output / "posts" / "first" / "index.html").is_file()
    article = _soup(output / "pt-br" / "posts" / "first" / "index.html")
    assert article.html["lang"] == "pt-br"
    assert not (output / "contact.pt-br").exists()


def test_the_default_language_folder_redirects_home(built):
    output, _ = built
    text = (output / "en" / "index.html").read_text(encoding="utf-8")
    assert 'url=https://example.org/"' in text


def test_an_alias_of_a_translation_is_under_its_language(built):
    output, _ = built
    text = (output / "pt-br" / "fale-conosco" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "https://example.org/pt-br/contact/" in text
    assert 'lang="pt-br"' in text
    assert not (output / "fale-conosco").exists()


def test_translations_are_linked(built):
    _, generators = built
    pages = [
        page
        for generator in generators
        for page in [
            *getattr(generator, "pages", []),
            *getattr(generator, "articles", []),
        ]
    ]
    contact = next(page for page in pages if page.title == "Contact")
    assert [page.lang for page in contact.translations] == ["pt-br"]
    assert contact.translations[0].url == "pt-br/contact/"
    first = next(page for page in pages if page.title == "First")
    assert [page.title for page in first.translations] == ["Primeiro"]


def test_a_translation_without_the_language_in_the_config_stops(tmp_path):
    write_tree(tmp_path, FILES)
    with pytest.raises(BuildError) as raised:
        build_site(tmp_path / "content", tmp_path / "out")
    message = str(raised.value)
    if "languages.pt-br" not in message:
        pytest.fail(message)
    assert "contact.pt-br.md" in message or "first.pt-br.md" in message


def test_each_language_links_to_the_others(built):
    output, _ = built
    english = _soup(output / "contact" / "index.html")
    alternates = {
        link["hreflang"]: link["href"]
        for link in english.find_all("link", rel="alternate", hreflang=True)
    }
    assert alternates == {
        "en": "https://example.org/contact/",
        "pt-br": "https://example.org/pt-br/contact/",
    }
    switch = english.select_one("nav.languages a")
    assert switch.get_text() == "Português (Brasil)"
    assert (switch["href"], switch["hreflang"], switch["lang"]) == (
        "https://example.org/pt-br/contact/",
        "pt-br",
        "pt-br",
    )
    portuguese = _soup(output / "pt-br" / "posts" / "first" / "index.html")
    back = portuguese.select_one("nav.languages a")
    assert (back.get_text(), back["href"]) == (
        "English",
        "https://example.org/posts/first/",
    )
    assert english.find("nav", class_="languages")["aria-label"] == "Other languages"


def test_the_themes_texts_follow_the_pages_language(built):
    output, _ = built
    portuguese = _soup(output / "pt-br" / "posts" / "first" / "index.html")
    assert portuguese.select_one(".skip-link").get_text() == "Pular para o conteúdo"
    assert portuguese.find("nav", class_="languages")["aria-label"] == (
        "Outros idiomas"
    )
    english = _soup(output / "posts" / "first" / "index.html")
    assert english.select_one(".skip-link").get_text() == "Skip to content"


def test_each_language_has_its_own_header(tmp_path):
    config = (
        HUGO_TOML.replace(
            '[languages.pt-br]\nlanguageName = "Português"\nweight = 2\n',
            '[languages.pt-br]\nlanguageName = "Português"\nweight = 2\n'
            'title = "Sítio"\n'
            '[[languages.pt-br.menu.main]]\nname = "Contato"\nurl = "contact/"\n',
        )
        + '[[menu.main]]\nname = "Contact"\nurl = "/contact/"\n'
    )
    write_tree(tmp_path, {"hugo.toml": config, **FILES})
    build_site(
        tmp_path / "content",
        tmp_path / "out",
        HUGO_FRONTMATTER={"hugo_config": str(tmp_path / "hugo.toml")},
    )

    def header(page: str) -> tuple:
        soup = _soup(tmp_path / "out" / page / "index.html")
        name = soup.select_one(".site-name")
        links = [(a.get_text(), a["href"]) for a in soup.select(".menu a")]
        return name.get_text(), name["href"], links

    assert header("pt-br/contact") == (
        "Sítio",
        "https://example.org/pt-br/",
        [("Contato", "https://example.org/pt-br/contact/")],
    )
    # English: the site's own name (the repository's SITENAME, set
    # explicitly, wins over the config's title) and menu.
    name, home, links = header("contact")
    assert name != "Sítio"
    assert (home, links) == (
        "https://example.org/",
        [("Contact", "https://example.org/contact/")],
    )
