"""The cameo theme used for a blog: every template Pelican renders works."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from cameo_tools.build import build

from .conftest import FIXTURES

BLOG = FIXTURES / "blog"


@pytest.fixture(scope="module")
def blog(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("blog") / "output"
    build(BLOG / "blogconf.py", output)
    return output


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


@pytest.mark.parametrize(
    ("page", "heading"),
    [
        ("index.html", "Ada's notes"),
        ("index2.html", "Ada's notes"),
        ("archives.html", "Archives"),
        ("2024/index.html", "Archives for 2024"),
        ("2024/02/index.html", "Archives for February 2024"),
        ("tags.html", "Tags"),
        ("tag/hugo.html", "hugo"),
        ("categories.html", "Categories"),
        ("category/notes.html", "Notes"),
        ("authors.html", "Authors"),
        ("author/bo-writer.html", "Bo Writer"),
        ("first-steps.html", "First steps"),
        ("about/index.html", "About"),
        ("404.html", "Page not found"),
    ],
)
def test_every_template_renders_its_page(blog, page, heading):
    soup = _soup(blog / page)
    assert [h1.get_text(strip=True) for h1 in soup.find_all("h1")] == [heading]
    assert soup.html["lang"] == "en"
    assert soup.title.get_text().strip()


def test_every_internal_link_and_resource_exists(blog):
    checked = 0
    for page in blog.rglob("*.html"):
        soup = _soup(page)
        for element in soup.find_all(["a", "link", "img", "script"]):
            url = element.get("href") or element.get("src")
            if not url or urlsplit(url).scheme or url.startswith("#"):
                continue
            assert not url.startswith("//"), f"{page}: protocol-relative {url}"
            target = blog / urlsplit(url).path.lstrip("/")
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{page.relative_to(blog)} links to missing {url}"
            checked += 1
    assert checked > 100


def test_article_shows_date_tags_and_a_valid_outline(blog):
    soup = _soup(blog / "first-steps.html")
    assert soup.find("time")["datetime"].startswith("2024-01-05")
    meta = " ".join(soup.select_one(".article-meta").get_text().split())
    assert meta == "Fri 05 January 2024 · Ada Example · posts · 1 min read"
    assert [a.get_text() for a in soup.select(".tag-list a")] == ["python", "pelican"]
    assert [h.name for h in soup.select(".prose h2, .prose h3")] == ["h2", "h3"]
    assert soup.find("meta", attrs={"name": "description"})["content"] == (
        "How the blog began."
    )


def test_index_is_paginated_newest_first(blog):
    first = _soup(blog / "index.html")
    titles = [a.get_text() for a in first.select(".article-list h2 a")]
    assert titles == ["A plain Pelican post", "Moving from Hugo"]
    assert first.find("a", rel="next")["href"] == "/index2.html"
    second = _soup(blog / "index2.html")
    assert [a.get_text() for a in second.select(".article-list h2 a")] == [
        "First steps"
    ]


def test_page_with_profile_fields_uses_the_profile_layout(blog):
    soup = _soup(blog / "about" / "index.html")
    header = soup.select_one("article.profile header")
    assert [el.name for el in header.find_all(True, recursive=False)] == [
        "picture",
        "p",
        "h1",
        "p",
    ]
    assert soup.select_one("img.avatar")["width"] == "400"


def test_menu_lists_pages_and_menu_items(blog):
    menu = _soup(blog / "index.html").select(".menu a")
    assert [(a.get_text(), a["href"]) for a in menu] == [
        ("Archives", "/archives.html"),
        ("About", "/about/"),
        ("Notes", "/category/notes.html"),
        ("posts", "/category/posts.html"),
    ]
