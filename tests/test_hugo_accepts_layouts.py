"""A page whose Hugo ``layout`` names one of the theme's list templates
(``layout: archives``) is still that page, as in Hugo, which renders it
with the layout as the page itself (issue 22, point 10)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from .conftest import HUGO_SETTINGS, build_site, hugo_build, write_tree

LAYOUTS = [
    "archives",
    "period_archives",
    "tags",
    "categories",
    "authors",
    "index",
    "tag",
    "list",
    "term",
    "base",
    "404",
]


def _page(layout: str) -> str:
    return f"""
        ---
        title: Page {layout}
        layout: {layout}
        ---
        The text of the {layout} page.
        """


SITE = {
    "content/_index.md": "---\ntitle: Home\n---\n",
    "content/posts/first.md": "---\ntitle: First post\ndate: 2023-01-02\n---\nA.\n",
    **{f"content/{layout}-page.md": _page(layout) for layout in LAYOUTS},
    "content/posts/_index.md": "---\ntitle: Posts\nlayout: archives\n---\nList.\n",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = write_tree(tmp_path_factory.mktemp("layouts"), SITE)
    output = root / "output"
    # Pelican's own lists are on: the page must not replace one of them.
    build_site(
        root / "content",
        output,
        HUGO_SETTINGS,
        DIRECT_TEMPLATES=["archives", "tags", "index"],
        INDEX_SAVE_AS="blog_index.html",
    )
    return output


@pytest.mark.parametrize("layout", LAYOUTS)
def test_page_with_a_list_layout_keeps_its_title_and_text(built, layout):
    page = BeautifulSoup(
        (built / f"{layout}-page" / "index.html").read_text("utf-8"), "html.parser"
    )
    assert page.h1.get_text(strip=True) == f"Page {layout}"
    assert f"The text of the {layout} page." in page.get_text()
    assert page.title.get_text().startswith(f"Page {layout}")


def test_section_with_a_list_layout_is_its_section_page(built):
    page = BeautifulSoup(
        (built / "posts" / "index.html").read_text("utf-8"), "html.parser"
    )
    assert page.h1.get_text(strip=True) == "Posts"
    assert [a.get_text(strip=True) for a in page.select("ul.dated-list a")] == [
        "First post"
    ]


def test_pelicans_archives_are_left_as_they_are(built):
    archives = BeautifulSoup(
        (built / "archives.html").read_text("utf-8"), "html.parser"
    )
    assert archives.h1.get_text(strip=True) == "Archives"
    listed = archives.find("main").get_text()
    assert "First post" in listed
    assert "Page archives" not in listed


def test_titles_are_hugos(built, hugo, tmp_path):
    """Hugo renders each page with its layout (here one that prints the
    page's title), as the page itself."""
    layouts = {
        f"layouts/_default/{layout}.html": "{{ .Title }}"
        for layout in LAYOUTS
        if layout not in ("base", "list", "index")
    }
    public = hugo_build(
        hugo,
        tmp_path,
        {**SITE, "config.toml": ""},
        {
            "layouts/_default/single.html": "{{ .Title }}",
            "layouts/_default/list.html": "{{ .Title }}",
            "layouts/index.html": "{{ .Title }}",
            **layouts,
        },
    )
    for layout in LAYOUTS:
        hugo_title = (public / f"{layout}-page" / "index.html").read_text().strip()
        ours = BeautifulSoup(
            (built / f"{layout}-page" / "index.html").read_text("utf-8"), "html.parser"
        )
        assert ours.h1.get_text(strip=True) == hugo_title
