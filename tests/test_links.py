"""rel="noopener" on links to other sites and tabindex on code blocks: done in
Markdown's pipeline for Markdown pages, by parsing the HTML for the others."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from pelican.plugins.cameo.theme_support import (
    improve_content,
    improve_start_tag,
    needs_improving,
)

from .conftest import HUGO_SETTINGS, build_site, write_tree

PAGE = """
---
title: Links
date: 2024-01-02
---
A [link](https://example.org/a), one [home](https://me.example/b), a
[relative](/c/) one, <a href="https://raw.example/" rel="me">raw HTML</a> and
a <a href="http://[oops/">broken</a> address.

    indented code

```python
print("fenced, highlighted")
```

<div><pre>raw pre</pre><a href='http://single.example/'>single quotes</a></div>
"""


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> BeautifulSoup:
    root = tmp_path_factory.mktemp("links")
    write_tree(root / "content", {"posts/a.md": PAGE})
    # Raw HTML kept, as a site that turns Goldmark's unsafe on gets it.
    unsafe = {"markup": {"goldmark": {"renderer": {"unsafe": True}}}}
    build_site(
        root / "content",
        root / "out",
        HUGO_SETTINGS,
        SITEURL="https://me.example",
        HUGO_FRONTMATTER={"hugo_urls": True, **unsafe},
    )
    html = (root / "out" / "posts" / "a" / "index.html").read_text("utf-8")
    return BeautifulSoup(html, "html.parser").find("main")


def _rel(page: BeautifulSoup, href: str) -> list[str]:
    return page.find("a", href=href).get("rel") or []


def test_links_to_other_sites_get_noopener_and_keep_their_rel(page):
    assert _rel(page, "https://example.org/a") == ["noopener"]
    assert _rel(page, "https://raw.example/") == ["me", "noopener"]
    assert _rel(page, "http://single.example/") == ["noopener"]
    # Inline HTML is edited in place: its text stays inside the link.
    assert page.find("a", href="https://raw.example/").get_text() == "raw HTML"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        (
            '<a href="https://x.example/">',
            '<a href="https://x.example/" rel="noopener">',
        ),
        (
            "<a rel=me href=https://x.example/>",
            '<a rel="me noopener" href=https://x.example/>',
        ),
        (
            "<a href='https://x.example/' rel='me'>",
            "<a href='https://x.example/' rel=\"me noopener\">",
        ),
        ('<a href="/here">', '<a href="/here">'),
        ('<a href="https://own.example/">', '<a href="https://own.example/">'),
        ("<pre>", '<pre tabindex="0">'),
        ('<pre class="x" tabindex="-1">', '<pre class="x" tabindex="-1">'),
        (
            '<a href="https://x.example/"/>',
            '<a href="https://x.example/" rel="noopener"/>',
        ),
    ],
)
def test_one_start_tag_is_edited_as_text(tag, expected):
    assert improve_start_tag(tag, "own.example") == expected


def test_links_within_the_site_are_left_alone(page):
    assert _rel(page, "https://me.example/b") == []
    assert _rel(page, "/c/") == []
    assert _rel(page, "http://[oops/") == []  # not a valid URL: left as written


def test_every_code_block_can_be_reached_by_keyboard(page):
    blocks = page.find_all("pre")
    assert len(blocks) == 3  # indented, fenced (highlighted) and raw HTML
    assert all(block.get("tabindex") == "0" for block in blocks)


def test_a_page_that_is_not_markdown_gets_the_same(tmp_path):
    content = write_tree(
        tmp_path / "content",
        {
            "posts/b.html": """
            <html><head><title>HTML page</title>
            <meta name="date" content="2024-01-02"></head>
            <body><p><a href="https://example.org/">out</a></p><pre>x</pre></body>
            </html>
            """
        },
    )
    # Pelican's own HTML page (its metadata in <meta>): with Hugo's URLs the
    # file would be copied as it is, as Hugo copies an HTML file.
    build_site(
        content, tmp_path / "out", HUGO_SETTINGS, HUGO_FRONTMATTER={"hugo_urls": False}
    )
    (written,) = [
        path
        for path in (tmp_path / "out").rglob("*.html")
        if "HTML page" in path.read_text("utf-8")
    ]
    main = BeautifulSoup(written.read_text("utf-8"), "html.parser").find("main")
    assert main.find("a", href="https://example.org/")["rel"] == ["noopener"]
    assert main.find("pre")["tabindex"] == "0"


@pytest.mark.parametrize(
    ("html", "needed"),
    [
        ('<p><a href="https://x.example/">x</a></p>', True),
        ('<a rel="noopener" href="https://x.example/">x</a>', False),
        ('<a href="https://own.example/">x</a>', False),
        ('<a href="/local">x</a><a href="mailto:a@b.example">m</a>', False),
        ("<A HREF=https://x.example/>x</A>", True),
        ('<a title="a > b" href="https://x.example/">x</a>', True),
        ("<pre>code</pre>", True),
        ('<pre tabindex="0">code</pre>', False),
        ("<p>preface, <abbr>a</abbr></p>", False),
        ('<a href="http://[oops/">x</a>', False),
    ],
)
def test_the_quick_look_never_misses_a_change(html, needed):
    assert needs_improving(html, "own.example") is needed
    # Where it says yes, the parser does change something; where no, nothing.
    assert (improve_content(html, "https://own.example") != html) is needed
