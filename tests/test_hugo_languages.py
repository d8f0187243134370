"""Translation as Hugo 0.111 does it: by file name (``name.<lang>.md`` is
that language's version of ``name.md`` when the config has the language),
and by content folder (``languages.<lang>.contentDir``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican import signals
from pelican.settings import DEFAULT_CONFIG

from cameo_tools.errors import BuildError

from .conftest import build_site, hugo_build, write_tree

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


def _alternates(soup) -> dict[str, str]:
    """The page's translations its head links to: language -> address."""
    return {
        link["hreflang"]: link["href"]
        for link in soup.find_all("link", rel="alternate", hreflang=True)
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("languages")
    write_tree(root, {"hugo.toml": HUGO_TOML, **FILES})
    return _build_keeping_pages(root)


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
    # Without a Hugo config, the language is listed in the settings.
    if not re.search(r'HUGO_LANGUAGES = \["en", .*"pt-br"\]', message):
        pytest.fail(message)
    assert "contact.pt-br.md" in message or "first.pt-br.md" in message


def test_each_language_links_to_the_others(built):
    output, _ = built
    english = _soup(output / "contact" / "index.html")
    # Each version lists every version, and x-default the site's language's.
    assert _alternates(english) == {
        "en": "https://example.org/contact/",
        "pt-br": "https://example.org/pt-br/contact/",
        "x-default": "https://example.org/contact/",
    }
    switch = english.select_one("nav.languages a")
    assert switch.get_text() == "Português"
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


# --- translation by content folder (languages.<lang>.contentDir) ------------

FOLDERS_TOML = """
baseURL = "https://example.org/"
title = "Site"
defaultContentLanguage = "en"
[languages.en]
contentDir = "content/english"
languageName = "English"
weight = 1
[languages.fr]
contentDir = "content/french"
languageName = "Français"
title = "Site FR"
weight = 2
"""

FOLDER_FILES = {
    "content/english/_index.md": "---\ntitle: Home\n---\nWelcome.\n",
    "content/french/_index.md": "---\ntitle: Accueil\n---\nBienvenue.\n",
    "content/english/about.md": "---\ntitle: About\n---\nAbout us.\n",
    "content/french/about.md": "---\ntitle: À propos\naliases: [qui]\n---\nNous.\n",
    "content/english/posts/hello.md": (
        "---\ntitle: Hello\ndate: 2024-01-02\ntags: [go]\n---\nHello.\n"
    ),
    "content/french/posts/hello.md": (
        "---\ntitle: Bonjour\ndate: 2024-01-02\ntags: [go]\n---\nBonjour.\n"
    ),
    "content/english/posts/only.md": (
        "---\ntitle: Alone\ndate: 2024-02-02\ntranslationKey: alone\n---\nA.\n"
    ),
    "content/french/posts/seul.md": (
        "---\ntitle: Seul\ndate: 2024-02-02\ntranslationKey: alone\n"
        "tags: [seul]\n---\nS.\n"
    ),
    # the content of the French term page go, not a page
    "content/french/tags/go/_index.md": "---\ntitle: Go en français\n---\nT.\n",
    # a section only English has, without _index.md
    "content/english/docs/guide.md": "---\ntitle: Guide\n---\nG.\n",
}

# Pelican's defaults for what the repository's settings turn off or fix,
# so that the Hugo config decides (the author pages stay off: the config
# has no author taxonomy).
_CONFIG_DECIDES = {
    name: DEFAULT_CONFIG[name]
    for name in (
        "TAG_SAVE_AS",
        "CATEGORY_SAVE_AS",
        "DIRECT_TEMPLATES",
        "ARTICLE_PATHS",
        "PAGE_PATHS",
        "STATIC_PATHS",
    )
}


def _pages_of(generators) -> list:
    return [
        item
        for generator in generators
        for listed in (
            getattr(generator, "pages", []),
            getattr(generator, "articles", []),
            getattr(generator, "translations", []),
        )
        for item in listed
    ]


def _build_keeping_pages(root: Path, **overrides):
    """The site under ``root`` built with its hugo.toml, and the pages the
    build's generators held."""
    output = root / "out"
    signals.all_generators_finalized.connect(_keep_generators)
    try:
        build_site(
            root / "content",
            output,
            HUGO_FRONTMATTER={"hugo_config": str(root / "hugo.toml")},
            **overrides,
        )
    finally:
        signals.all_generators_finalized.disconnect(_keep_generators)
    return output, list(_SEEN)


def _build_folders(root: Path):
    return _build_keeping_pages(root, **_CONFIG_DECIDES)


@pytest.fixture(scope="module")
def by_folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("language-folders")
    write_tree(root, {"hugo.toml": FOLDERS_TOML, **FOLDER_FILES})
    return _build_folders(root)


def _html_paths(root: Path) -> set[str]:
    return {path.relative_to(root).as_posix() for path in root.rglob("*.html")}


def test_a_language_folder_is_written_at_hugos_paths(by_folder):
    output, _ = by_folder
    french = _soup(output / "fr" / "posts" / "hello" / "index.html")
    assert french.html["lang"] == "fr"
    assert "Bonjour." in french.get_text()
    english = _soup(output / "posts" / "hello" / "index.html")
    assert english.html["lang"] == "en"
    assert "Hello." in english.get_text()
    assert "Nous." in _soup(output / "fr" / "about" / "index.html").get_text()
    # the folders' names are no part of any path
    assert not (output / "english").exists()
    assert not (output / "french").exists()
    assert not (output / "fr" / "french").exists()


def test_a_language_folders_index_is_its_home_page(by_folder):
    output, _ = by_folder
    assert "Welcome." in _soup(output / "index.html").get_text()
    french = _soup(output / "fr" / "index.html")
    assert french.html["lang"] == "fr"
    assert "Bienvenue." in french.get_text()
    text = (output / "en" / "index.html").read_text(encoding="utf-8")
    assert 'url=https://example.org/"' in text


def test_files_at_one_place_in_two_folders_are_translations(by_folder):
    output, generators = by_folder
    pages = _pages_of(generators)
    hello = next(page for page in pages if page.title == "Hello")
    assert [(page.lang, page.url) for page in hello.translations] == [
        ("fr", "fr/posts/hello/")
    ]
    alone = next(page for page in pages if page.title == "Alone")
    assert [page.title for page in alone.translations] == ["Seul"]  # translationKey
    home = next(page for page in pages if page.title == "Home")
    assert [page.url for page in home.translations] == ["fr/"]
    about = _soup(output / "about" / "index.html")
    assert _alternates(about) == {
        "en": "https://example.org/about/",
        "fr": "https://example.org/fr/about/",
        "x-default": "https://example.org/about/",
    }


def test_each_language_folder_has_its_sections_and_terms(by_folder):
    output, generators = by_folder
    posts = [
        page for page in _pages_of(generators) if page.title in ("Hello", "Bonjour")
    ]
    assert {page.section for page in posts} == {"posts"}
    assert {type(page).__name__ for page in posts} == {"Article"}
    assert (output / "posts" / "index.html").is_file()
    assert (output / "fr" / "posts" / "index.html").is_file()
    assert (output / "docs" / "index.html").is_file()
    assert not (output / "fr" / "docs").exists()
    assert (output / "fr" / "posts" / "index.xml").is_file()
    assert (output / "tags" / "go" / "index.html").is_file()
    french_go = _soup(output / "fr" / "tags" / "go" / "index.html")
    assert "Go en français" in french_go.get_text()
    assert (output / "fr" / "tags" / "seul" / "index.html").is_file()
    assert not (output / "tags" / "seul").exists()
    # the alias of a French page is under /fr/
    assert (output / "fr" / "qui" / "index.html").is_file()


@pytest.mark.hugo
def test_language_folders_give_hugos_pages(hugo, tmp_path):
    hugo_build(
        hugo,
        tmp_path,
        {
            "hugo.toml": FOLDERS_TOML,
            **FOLDER_FILES,
        },
    )
    output, _ = _build_folders(tmp_path)
    # The theme's 404 pages and the page/1/ redirects of the lists cameo
    # pages aside: Hugo writes those only from layouts that ask for them.
    ours = {
        path
        for path in _html_paths(output)
        if not path.endswith("404.html") and "page/1/" not in path
    }
    assert ours == _html_paths(tmp_path / "hugo")


def test_a_language_folder_outside_the_content_folder_stops(tmp_path):
    config = FOLDERS_TOML.replace('"content/french"', '"french"')
    files = {
        name.replace("content/french/", "french/"): text
        for name, text in FOLDER_FILES.items()
    }
    write_tree(tmp_path, {"hugo.toml": config, **files})
    with pytest.raises(BuildError) as raised:
        build_site(
            tmp_path / "content",
            tmp_path / "out",
            HUGO_FRONTMATTER={"hugo_config": str(tmp_path / "hugo.toml")},
        )
    message = str(raised.value)
    assert "hugo.toml:9: languages.fr.contentDir = 'french'" in message
    assert "outside the content folder" in message
    assert 'point contentDir there (contentDir = "content/french")' in message
    assert not (tmp_path / "out").exists()


def test_a_language_folders_home_cascades_to_its_pages_only(tmp_path):
    files = {
        **FOLDER_FILES,
        "content/french/_index.md": (
            "---\ntitle: Accueil\ncascade:\n  supertitle: En français\n---\nB.\n"
        ),
        # a French section Hugo does not build; the English one is built
        "content/french/notes/_index.md": "---\ntitle: Notes\ndraft: true\n---\n",
        "content/french/notes/une.md": "---\ntitle: Une\n---\nN.\n",
        "content/english/notes/one.md": "---\ntitle: One\n---\nN.\n",
    }
    write_tree(tmp_path, {"hugo.toml": FOLDERS_TOML, **files})
    output, generators = _build_folders(tmp_path)
    pages = {page.title: page for page in _pages_of(generators)}
    assert pages["Bonjour"].supertitle == "En français"
    assert pages["Accueil"].supertitle == "En français"
    assert not hasattr(pages["Hello"], "supertitle")
    assert (output / "notes" / "one" / "index.html").is_file()
    assert not (output / "fr" / "notes").exists()
