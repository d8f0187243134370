"""Microformats2 for IndieWeb tools (the profile's h-card, each page's and
article's h-entry, list items as h-entries) and the CSP's img-src and
frame-src, read from real builds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from .conftest import ROOT, build_site, write_tree

SITE = "https://me.example.org"
FILES = {
    "_index.md": """
        ---
        supertitle: Ada Example
        title: Hello, I'm Ada.
        subtitle: I write compilers.
        url: /
        icon:
          url: /images/avatar.png
          alt: Ada's face
        ---
        ### About

        Some words.
        """,
    "about.md": """
        ---
        title: About this site
        date: 2024-02-01
        lastmod: 2024-03-01
        ---
        ## Colophon

        Built with Pelican.
        """,
    "embeds.md": """
        Title: Embeds
        Slug: embeds
        Frame_hosts: www.youtube-nocookie.com, player.vimeo.com

        A page with videos.
        """,
    "hugo-embeds.md": """
        ---
        title: Hugo embeds
        frame_hosts: [www.youtube-nocookie.com, "evil.example; script-src *"]
        ---
        A page with one video.
        """,
    "posts/first.md": """
        ---
        title: First post
        date: 2024-01-05T10:00:00Z
        lastmod: 2024-01-06T11:00:00Z
        author: Ada Example
        summary: The very first one.
        ---
        The first post's **body**.
        """,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("microformats")
    content = write_tree(root / "content", FILES)
    (content / "images").mkdir()
    shutil.copy(ROOT / "content" / "images" / "avatar.png", content / "images")
    output = root / "output"
    build_site(
        content,
        output,
        SITEURL=SITE,
        SOCIAL=[("GitHub", "https://github.com/ada")],
        CAMEO_EMAIL="ada@example.org",
        AUTHOR_SAVE_AS="author/{slug}.html",
        AUTHOR_URL="author/{slug}.html",
        INDEX_SAVE_AS="blog/index.html",
        DIRECT_TEMPLATES=["index"],
        HUGO_FRONTMATTER={"hugo_urls": True},
    )
    return output


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def _roots(soup: BeautifulSoup | Tag, kind: str) -> list[Tag]:
    return soup.find_all(class_=kind)


def _properties(root: Tag, name: str) -> list[Tag]:
    """Elements with class ``name`` that belong to ``root``: not inside a
    microformat nested in it (the nested root itself belongs)."""
    found = []
    for element in root.find_all(class_=name):
        owner = element.parent
        while owner is not root and not _is_root(owner):
            owner = owner.parent
        if owner is root:
            found.append(element)
    return found


def _is_root(element: Tag) -> bool:
    return any(c.startswith("h-") for c in element.get("class") or [])


def _one(root: Tag, name: str) -> Tag:
    found = _properties(root, name)
    assert len(found) == 1, f"{name}: {found}"
    return found[0]


def test_the_profile_is_an_h_card(site):
    soup = _soup(site / "index.html")
    (card,) = _roots(soup, "h-card")
    assert _one(card, "p-name").get_text(strip=True) == "Ada Example"
    photo = _one(card, "u-photo")
    assert photo.name == "img" and photo["src"] == f"{SITE}/images/avatar.png"
    assert _one(card, "p-note").get_text(strip=True) == "I write compilers."
    urls = [e.get("value") or e.get("href") for e in _properties(card, "u-url")]
    assert urls == [f"{SITE}/", "https://github.com/ada"]
    assert _one(card, "u-email").name == "a"
    assert not _roots(soup, "h-entry") and not soup.select(".e-content")


def test_an_article_is_an_h_entry(site):
    soup = _soup(site / "posts/first/index.html")
    (entry,) = _roots(soup, "h-entry")
    assert entry.name == "article"
    assert _one(entry, "p-name").get_text(strip=True) == "First post"
    (content,) = soup.select(".e-content")
    assert _one(entry, "e-content") is content
    assert "The first post\u2019s body." in content.get_text()  # Goldmark's quote
    assert _one(entry, "dt-published")["datetime"] == "2024-01-05T10:00:00+00:00"
    assert _one(entry, "dt-updated")["datetime"] == "2024-01-06T11:00:00+00:00"
    author = _one(entry, "p-author")
    assert "h-card" in author["class"]
    assert author.get_text(strip=True) == "Ada Example"
    assert author["href"] == f"{SITE}/author/ada-example.html"
    assert _one(entry, "u-url")["value"] == f"{SITE}/posts/first/"


def test_a_page_is_an_h_entry(site):
    soup = _soup(site / "about/index.html")
    (entry,) = _roots(soup, "h-entry")
    assert _one(entry, "p-name").get_text(strip=True) == "About this site"
    assert "Built with Pelican." in _one(entry, "e-content").get_text()
    assert len(soup.select(".e-content")) == 1
    assert _one(entry, "dt-published")["datetime"].startswith("2024-02-01")
    assert _one(entry, "dt-updated")["datetime"].startswith("2024-03-01")
    assert _one(entry, "u-url")["value"] == f"{SITE}/about/"
    assert not _properties(entry, "p-author")  # a page shows no author


def test_list_items_are_h_entries(site):
    soup = _soup(site / "blog/index.html")
    entries = _roots(soup, "h-entry")
    assert [e.name for e in entries] == ["li"]
    link = _one(entries[0], "p-name")
    assert "u-url" in link["class"] and link["href"] == f"{SITE}/posts/first/"
    assert _one(entries[0], "p-summary").get_text(strip=True) == "The very first one."


def _policy(path: Path) -> dict[str, list[str]]:
    meta = _soup(path).find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    directives = [part.split() for part in meta["content"].split(";")]
    return {words[0]: words[1:] for words in directives if words}


def test_csp_allows_https_images_and_no_frames_by_default(site):
    policy = _policy(site / "index.html")
    assert policy["img-src"] == ["'self'", "data:", "https:"]
    assert "frame-src" not in policy
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert not any("unsafe" in source for v in policy.values() for source in v)


def test_csp_frames_only_the_hosts_a_pelican_page_names(site):
    policy = _policy(site / "embeds/index.html")
    assert policy["frame-src"] == ["www.youtube-nocookie.com", "player.vimeo.com"]
    assert policy["default-src"] == ["'self'"]


def test_csp_frames_from_hugo_front_matter_and_refuses_an_injection(site):
    policy = _policy(site / "hugo-embeds/index.html")
    assert policy["frame-src"] == ["www.youtube-nocookie.com"]
    assert policy["script-src"][0] == "'self'" and len(policy["script-src"]) == 2


def test_csp_frame_sources_keep_one_source_a_host():
    """The theme's filter on its own: front matter may give any shape."""
    from types import SimpleNamespace

    from pelican.plugins.cameo.theme_support import frame_sources

    def page(value):
        return SimpleNamespace(frame_hosts=value)

    assert frame_sources(page("a.example, b.example c.example")) == [
        "a.example",
        "b.example",
        "c.example",
    ]
    hostile = ["ok.example", "x.example 'unsafe-inline'", "y;z", 'q"', 7, ""]
    assert frame_sources(page(hostile)) == ["ok.example"]
    for nothing in (None, 5, {"a": "b"}, page(None)):
        assert frame_sources(page(nothing)) == []
    assert frame_sources(None) == [] and frame_sources(SimpleNamespace()) == []
