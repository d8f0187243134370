"""A Hugo site's pages as the reader renders them, end to end: shortcodes
(built-in, the site's own, ref to another page), Hugo's Markdown with the
config's markup options, the summary divider, and what the page's CSP
allows for its embeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from cameo_tools.errors import BuildError

from .conftest import HUGO_SETTINGS, build_site, write_tree

POST = """
---
title: Shortcodes
date: 2024-01-02
color: blue
---
The first paragraph. <!--more-->See [the other post]({{< ref "posts/other.md#part" >}})
and {{< relref "other" >}}.

{{< youtube ZJthWmvUzzc >}}

{{< boxed "Note" >}}Some **bold** text.{{< /boxed >}}

{{< param color >}} and "quotes".

<b>raw</b>
"""

OTHER = """
---
title: The other one
slug: second
date: 2024-01-01
color: red
---
## Part
"""

BOXED = """<aside class="box" title="{{ get(0) }}">{{ inner | markdownify }}</aside>
"""


def _build(root: Path, **options) -> BeautifulSoup:
    write_tree(
        root,
        {
            "content/posts/post.md": POST,
            "content/posts/other.md": OTHER,
            "shortcodes/boxed.html": BOXED,
        },
    )
    build_site(
        root / "content",
        root / "out",
        HUGO_SETTINGS,
        SITEURL="https://me.example",
        HUGO_FRONTMATTER={"hugo_urls": True, "shortcodes": "shortcodes", **options},
    )
    html = (root / "out" / "posts" / "post" / "index.html").read_text("utf-8")
    return BeautifulSoup(html, "html.parser")


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> BeautifulSoup:
    return _build(tmp_path_factory.mktemp("hugo-markdown"))


def test_ref_and_relref_give_the_other_pages_url(page):
    body = page.select_one(".e-content")
    link = body.find("a", string="the other post")
    assert link["href"] == "https://me.example/posts/second/#part"
    assert "/posts/second/" in body.get_text()


def test_the_sites_own_shortcode_renders_its_markdown(page):
    box = page.select_one("aside.box")
    assert box["title"] == "Note"
    assert box.strong.get_text() == "bold"


def test_a_param_shortcode_reads_the_page(page):
    assert "blue and" in page.select_one(".e-content").get_text()


def test_an_unknown_ref_or_param_stops_the_build_at_its_line(tmp_path):
    for line in ('{{< ref "posts/missing.md" >}}', "{{< param size >}}"):
        write_tree(
            tmp_path, {"content/posts/bad.md": f"---\ntitle: Bad\n---\n\n{line}\n"}
        )
        with pytest.raises(BuildError) as caught:
            build_site(tmp_path / "content", tmp_path / "out", HUGO_SETTINGS)
        assert "bad.md:5: " in str(caught.value)
        assert not (tmp_path / "out").exists()


def test_an_embed_is_allowed_by_the_pages_csp_and_nothing_else(page):
    frame = page.find("iframe")
    assert frame["src"].startswith("https://www.youtube-nocookie.com/embed/")
    csp = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert "frame-src www.youtube-nocookie.com;" in csp["content"]
    assert "img-src 'self' data: https:;" in csp["content"]


def test_raw_html_is_omitted_and_typography_is_goldmarks(page):
    body = page.select_one(".e-content")
    assert body.find("b") is None
    assert "\u201cquotes\u201d" in body.get_text()


def test_the_summary_is_what_comes_before_the_divider(page):
    description = page.find("meta", attrs={"name": "description"})
    assert description["content"] == "The first paragraph."


def test_a_percent_shortcodes_html_is_raw_html_to_markdown(tmp_path):
    """{{% %}}'s output is Markdown source: its HTML is omitted unless the
    site turns Goldmark's unsafe on, as in Hugo."""
    write_tree(
        tmp_path,
        {
            "content/posts/p.md": (
                "---\ntitle: P\n---\n{{% boxed x %}}*i*{{% /boxed %}}\n"
            )
        },
    )
    write_tree(tmp_path, {"shortcodes/boxed.html": BOXED})
    for unsafe, expected in ((False, None), (True, "x")):
        markup = {"goldmark": {"renderer": {"unsafe": unsafe}}}
        build_site(
            tmp_path / "content",
            tmp_path / "out",
            HUGO_SETTINGS,
            HUGO_FRONTMATTER={
                "hugo_urls": True,
                "shortcodes": "shortcodes",
                "markup": markup,
            },
        )
        html = (tmp_path / "out/posts/p/index.html").read_text("utf-8")
        box = BeautifulSoup(html, "html.parser").select_one("aside.box")
        assert (box and box["title"]) == expected
