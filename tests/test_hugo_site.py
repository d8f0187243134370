"""A Hugo content tree built by Pelican with the plugin: what a visitor gets."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from cameo_tools.errors import BuildError

from .conftest import FIXTURES, build_site, write_tree

HUGO_SITES = FIXTURES / "hugo"
SETTINGS = HUGO_SITES / "hugoconf.py"


@pytest.fixture(scope="module")
def blog(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("hugo-blog") / "output"
    build_site(HUGO_SITES / "blog" / "content", output, SETTINGS)
    return output


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def test_alias_is_a_valid_redirect_page(blog):
    soup = _soup(blog / "about-me" / "index.html")
    assert soup.html["lang"] == "en"
    assert soup.find("meta", charset="utf-8")
    assert soup.find("link", rel="canonical")["href"] == "/about/"
    assert soup.find("meta", attrs={"http-equiv": "refresh"})["content"] == (
        "0; url=/about/"
    )
    assert soup.find("a")["href"] == "/about/"
    assert soup.title.get_text() == "/about/"
    old = _soup(blog / "old" / "about.html")
    assert old.find("link", rel="canonical")["href"] == "/about/"


def test_redirects_use_the_site_url_when_set(tmp_path):
    output = tmp_path / "out"
    build_site(
        HUGO_SITES / "blog" / "content", output, SETTINGS, SITEURL="https://x.example"
    )
    soup = _soup(output / "posts" / "first" / "index.html")
    assert soup.find("a")["href"] == "https://x.example/posts/hello-world/"


def test_bundle_files_are_copied_beside_the_page(blog):
    assert (blog / "posts" / "trip" / "photo.jpg").read_text() == "not really a jpeg"
    assert (blog / "posts" / "trip" / "gallery" / "b.jpg").is_file()
    image = _soup(blog / "posts" / "trip" / "index.html").select_one(".prose img")
    assert (blog / "posts" / "trip" / image["src"]).is_file()


def test_section_page_lists_its_pages(blog):
    soup = _soup(blog / "posts" / "index.html")
    assert soup.h1.get_text() == "Posts"
    listed = [a.get_text() for a in soup.select(".dated-list a")]
    assert listed == ["A trip", "Second post", "First post"]
    docs = [
        a.get_text()
        for a in _soup(blog / "docs" / "index.html").select(".dated-list a")
    ]
    assert docs[0] == "Getting started"  # weight 1 comes first


def test_weight_orders_pages_as_in_hugo(blog):
    menu_order = [
        a.get_text()
        for a in _soup(blog / "docs" / "index.html").select(".dated-list a")
    ]
    assert menu_order == ["Getting started", "Deep page", "Punctuation"]


def test_cascade_reaches_the_pages_below(tmp_path):
    templates = write_tree(
        tmp_path / "templates",
        {
            "partials/extend_footer.html": (
                "{% set item = article or page %}"
                "{% if item %}<p id=banner>{{ item.banner }}</p>{% endif %}"
            )
        },
    )
    output = tmp_path / "out"
    build_site(
        HUGO_SITES / "blog" / "content",
        output,
        SETTINGS,
        THEME_TEMPLATES_OVERRIDES=[str(templates)],
    )
    post = _soup(output / "posts" / "hello-world" / "index.html")
    assert post.find(id="banner").get_text() == "/images/banner.png"
    about = _soup(output / "about" / "index.html")
    assert about.find(id="banner").get_text() == ""  # not below posts/


def test_toml_and_json_pages_build(blog):
    assert _soup(blog / "about" / "index.html").h1.get_text() == "About"
    contact = _soup(blog / "contact-us" / "index.html")
    assert contact.h1.get_text() == "Contact"
    assert contact.find("meta", attrs={"name": "description"})["content"] == (
        "How to reach us"
    )


def test_two_files_claiming_one_path_stop_the_build(tmp_path, monkeypatch):
    write_tree(
        tmp_path / "content",
        {
            "_index.md": "---\ntitle: Home\n---\nHi\n",
            "a.md": "---\ntitle: A\nurl: /same/\n---\nA\n",
            "b.md": "---\ntitle: B\ndraft: false\nurl: /same/\n---\nB\n",
            "c.md": "---\ntitle: C\naliases:\n  - /c-old/\n  - /same/\n---\nC\n",
        },
    )
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BuildError) as caught:
        build_site(tmp_path / "content", tmp_path / "out", SETTINGS)
    problems = "\n".join(caught.value.problems)
    assert "writes same/index.html, which content/a.md:3 writes too" in problems
    assert "content/b.md:4: writes same/index.html" in problems
    # An alias of a page's own path is not a clash: the page wins (a warning).
    assert "content/c.md" not in problems
    assert "c-old" not in problems
    # The build stops before writing anything, so Pelican never trips on it.
    assert "second time" not in problems
    assert not (tmp_path / "out").exists()


def test_a_wrong_field_in_a_cascade_names_the_index_file(tmp_path, monkeypatch):
    write_tree(
        tmp_path / "content",
        {
            "_index.md": "---\ntitle: Home\n---\nHi\n",
            "posts/_index.md": "---\ntitle: Posts\ncascade:\n  _build: heavy\n---\n",
            "posts/one.md": "---\ntitle: One\ndate: 2024-01-01\n---\nOne\n",
        },
    )
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BuildError) as caught:
        build_site(tmp_path / "content", tmp_path / "out", SETTINGS)
    assert any(
        problem.startswith("content/posts/_index.md:3: '_build' is 'heavy', not a map")
        for problem in caught.value.problems
    ), caught.value.problems


def test_top_level_folder_without_index_gets_a_list_page(blog):
    soup = _soup(blog / "extra" / "index.html")
    assert soup.h1.get_text() == "Extras"  # Hugo pluralizes the folder's name
    assert [a.get_text() for a in soup.select(".dated-list a")] == ["Extra page"]
    # A bundle right under content/ is a page, not a section.
    assert _soup(blog / "solo" / "index.html").h1.get_text() == "Solo bundle"


def test_menu_lists_top_level_pages_and_those_asking_for_it(tmp_path):
    content = write_tree(
        tmp_path / "content",
        {
            "_index.md": "---\ntitle: Home\n---\n",
            "about.md": "---\ntitle: About\nweight: 1\n---\n",
            "docs/_index.md": "---\ntitle: Docs\nweight: 2\n---\n",
            "docs/deep.md": "---\ntitle: Deep\n---\n",
            "docs/guide/start.md": "---\ntitle: Start\nmenu: main\n---\n",
            "solo/index.md": "---\ntitle: Solo\nweight: 3\n---\n",
            "posts/first.md": (
                "---\ntitle: First\ndate: 2024-01-02\n"
                "menu:\n  main:\n    weight: 5\n---\n"
            ),
        },
    )
    output = tmp_path / "out"
    build_site(content, output, SETTINGS, DISPLAY_CATEGORIES_ON_MENU=False)
    for page in ("index.html", "docs/deep/index.html"):
        menu = [a.get_text() for a in _soup(output / page).select(".menu a")]
        assert menu == ["About", "Docs", "Solo", "Start", "First"]
