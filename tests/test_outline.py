"""Body headings move as one under the page's h1, so the highest is h2, and
two levels never become one: in Python-Markdown (Pelican's own format) and
in markdown-it (the theme's plugin, for Hugo pages)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from pelican.plugins.cameo.markdown_it_plugins import (
    OutlinePlugin,
    markdown_it_plugins,
)
from pelican.plugins.cameo.outline import heading_shift

from .conftest import build_site, write_tree

# Levels written -> levels shown.
CASES = {
    "only-h3": ([3, 3], [2, 2]),
    "h1-to-h6": ([1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6]),
    "h1-and-h3": ([1, 3, 1], [2, 4, 2]),
    "h2-to-h6": ([2, 3, 4, 5, 6], [2, 3, 4, 5, 6]),
}


def _markdown(levels: list[int]) -> str:
    return "\n\n".join(
        f"{'#' * level} Heading {number}\n\nText."
        for number, level in enumerate(levels)
    )


def _headings(html: str) -> list[tuple[str, str | None, str]]:
    soup = BeautifulSoup(html, "html.parser")
    return [
        (h.name, h.get("id"), h.get_text())
        for h in soup.find_all(re.compile(r"^h[1-6]$"))
    ]


@pytest.mark.parametrize(
    ("levels", "shift"),
    [
        ((), 0),
        ((3,), -1),
        ((1,), 1),
        ((2,), 0),
        ((1, 2, 3, 4, 5, 6), 0),
        ((1, 3), 1),
        ((1, 6), 0),
        ((3, 6), -1),
        ((4, 5), -2),
    ],
)
def test_the_shift_brings_the_highest_to_h2_unless_a_level_would_be_lost(levels, shift):
    assert heading_shift(levels) == shift


@pytest.fixture(scope="module")
def pelican_pages(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("outline")
    files = {
        f"{name}.md": f"Title: {name}\nSlug: {name}\n\n{_markdown(written)}\n"
        for name, (written, _) in CASES.items()
    }
    write_tree(root / "content", files)
    output = root / "output"
    build_site(
        root / "content",
        output,
        MARKDOWN={
            "extensions": ["markdown.extensions.toc"],
            "output_format": "html5",
        },
    )
    return output


@pytest.mark.parametrize("name", CASES)
def test_pelican_markdown_headings_keep_every_level(pelican_pages, name):
    written, shown = CASES[name]
    html = (pelican_pages / name / "index.html").read_text("utf-8")
    main = str(BeautifulSoup(html, "html.parser").select_one(".prose"))
    headings = _headings(main)
    assert [tag for tag, _, _ in headings] == [f"h{level}" for level in shown]
    # Text and ids (made from the text by the toc extension) stay as written.
    assert [text for _, _, text in headings] == [
        f"Heading {number}" for number in range(len(written))
    ]
    assert [id_ for _, id_, _ in headings] == [
        f"heading-{number}" for number in range(len(written))
    ]


@pytest.mark.parametrize("name", CASES)
def test_markdown_it_headings_keep_every_level(name):
    written, shown = CASES[name]
    md = MarkdownIt("commonmark")
    OutlinePlugin()(md)
    headings = _headings(md.render(_markdown(written)))
    assert [tag for tag, _, _ in headings] == [f"h{level}" for level in shown]
    assert [text for _, _, text in headings] == [
        f"Heading {number}" for number in range(len(written))
    ]


def test_markdown_it_ids_are_set_before_the_shift_and_kept():
    anchors = pytest.importorskip("mdit_py_plugins.anchors")
    md = MarkdownIt("commonmark")
    md.use(anchors.anchors_plugin, min_level=1, max_level=3)
    OutlinePlugin()(md)  # after the renderer's own rules, as goldmark.py applies it
    headings = _headings(md.render("### Three\n\n#### Four\n\n###### Six\n"))
    # Only the written h3 got an id (max_level=3): ids follow what was written.
    assert headings == [
        ("h2", "three", "Three"),
        ("h3", None, "Four"),
        ("h5", None, "Six"),
    ]


def test_raw_html_headings_are_left_alone():
    md = MarkdownIt("commonmark")
    OutlinePlugin()(md)
    html = md.render("<h3>Raw</h3>\n\n### Markdown\n")
    assert _headings(html) == [("h3", None, "Raw"), ("h2", None, "Markdown")]


# The theme's other markdown-it touches (the counterparts of links.py), kept
# here beside the outline's plugin until test_links.py takes them.
LINKS_PAGE = """\
# Title-level

[out](https://other.example/a) [home](https://me.example/b) [rel](/c/)
<a href="https://raw.example/" rel="me">raw</a>

```python
x < y
```

    indented

<div><pre>raw pre</pre>

*still open*

</div>
"""


def test_markdown_it_plugins_follow_the_settings():
    plugins = markdown_it_plugins({"SITEURL": "https://me.example"})
    assert [repr(p) for p in plugins] == [
        "cameo.LinksPlugin(own_host='me.example')",
        "cameo.OutlinePlugin()",
    ]
    plugins = markdown_it_plugins({"SITEURL": "", "CAMEO_OUTLINE": False})
    assert [repr(p) for p in plugins] == ["cameo.LinksPlugin(own_host='')"]


def test_markdown_it_links_and_code_blocks_get_the_theme_touches():
    md = MarkdownIt("commonmark")
    for plugin in markdown_it_plugins({"SITEURL": "https://me.example"}):
        plugin(md)
    html = md.render(LINKS_PAGE)
    soup = BeautifulSoup(html, "html.parser")
    rel = {a["href"]: a.get("rel") for a in soup.find_all("a")}
    assert rel == {
        "https://other.example/a": ["noopener"],
        "https://me.example/b": None,
        "/c/": None,
        "https://raw.example/": ["me", "noopener"],
    }
    assert [pre.get("tabindex") for pre in soup.find_all("pre")] == ["0"] * 3
    assert soup.h2.get_text() == "Title-level"
    # Raw HTML is edited in place, never re-parsed (the <div> stays open
    # around the Markdown inside it).
    assert '<div><pre tabindex="0">raw pre</pre>\n<p><em>still open</em></p>' in html
