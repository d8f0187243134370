"""Goldmark's details against Hugo 0.111 on generated Markdown: bare links
(linkify: schemes, ``www.``, hosts with and without a dot, ports, paths,
trailing punctuation, e-mail addresses) and fenced code with Hugo's options
and attributes at any nesting (list items, quotes, nested lists). Each
example is built by `hugo` and rendered by cameo's Goldmark renderer; the
HTML is compared as tests/test_goldmark.py compares its fixtures."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pelican.plugins.hugo_frontmatter.markdown.goldmark import GoldmarkOptions, Renderer
from pelican.plugins.hugo_frontmatter.markdown.rules.linkify import (
    find_bare_link,
    goldmark_url_escape,
)

from .conftest import build_site, examples, write_tree
from .test_goldmark import normalise

_SITE_CONFIG = """\
baseURL = "https://example.org/"
disableKinds = ["home", "section", "taxonomy", "term", "RSS", "sitemap",
                "robotsTXT", "404"]
"""
_SETTINGS = settings(
    max_examples=examples(30),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def hugo_contents(hugo: str, root: Path, bodies: list[str]) -> list[str]:
    """Hugo's ``.Content`` of each body, one page each, in one build. The
    files are written as they are (no dedent: blanks are Markdown here)."""
    (root / "layouts" / "_default").mkdir(parents=True)
    (root / "content").mkdir()
    (root / "config.toml").write_text(_SITE_CONFIG, encoding="utf-8")
    (root / "layouts" / "_default" / "single.html").write_text(
        "{{ .Content }}", encoding="utf-8"
    )
    for number, body in enumerate(bodies):
        (root / "content" / f"p{number}.md").write_text(
            f"---\ntitle: p{number}\n---\n{body}", encoding="utf-8"
        )
    subprocess.run(
        [hugo, "--quiet", "--source", str(root), "-d", str(root / "public")],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return [
        (root / "public" / f"p{number}" / "index.html").read_text("utf-8")
        for number in range(len(bodies))
    ]


def assert_renders_as_hugo(hugo: str, root: Path, bodies: list[str]) -> None:
    renderer = Renderer(GoldmarkOptions())
    for body, theirs in zip(bodies, hugo_contents(hugo, root, bodies), strict=True):
        assert normalise(renderer.render(body)) == normalise(theirs), body


# -- bare links ---------------------------------------------------------------

_SCHEMES = st.sampled_from(
    ["http://", "https://", "ftp://", "HTTP://", "irc://", "www.", "", "mailto:"]
)
_HOSTS = st.sampled_from(
    [
        "example.com",
        "localhost",
        "127.0.0.1",
        "a-b.example.org",
        "EXAMPLE.COM",
        "example.COM",
        "x.y",
        "www.x.io",
        "user:pw@host.net",
        "例子.com",
        "a_b.c",
    ]
)
_PORTS = st.sampled_from(["", "", ":1313", ":8080", ":", ":x"])
_PATHS = st.sampled_from(
    [
        "",
        "/",
        "/a_b",
        "/x.html",
        "/(a)",
        "/a(b)c)",
        "/a?b=c&d=e",
        "#frag",
        "/é",
        "/a%41",
        "/a%zz",
        "/%4",
        '/"q"',
        "/a;",
        "/&amp;",
        "/a&b;",
        "/{x}[y]^`",
        "/$x|y",
        "/a>b",
        "/*a*",
    ]
)
_TRAILS = st.sampled_from(
    ["", "", ".", ",", ")", "!", "?", ":", "*", "_", "~", ";", "'", "-", "..."]
)
_EMAILS = st.sampled_from(
    [
        "me@example.com",
        "a.b+c@x.io",
        "foo@bar",
        "x@y.z-",
        "x@y.z_q",
        "{a}|b@c.de",
        ".a@b.cd",
        "a@-b.cd",
        "x@y.z@w.com",
        "é@b.cd",
    ]
)
_BEFORE = st.sampled_from(
    [" ", "  ", "\t", "(", "*", "_", "~", "~~", "**", "`c`", "[", "]", "\n", "x"]
    + ["\\", "&amp;", '"', "'", "--", "word ", "[a](/b) ", "![i](/i.png)"]
)
_URL = st.tuples(_SCHEMES, _HOSTS, _PORTS, _PATHS, _TRAILS).map("".join)
_LINKISH = st.one_of(_URL, _URL, _EMAILS.map(lambda mail: mail + " "))
BARE_TEXT = st.lists(st.tuples(_BEFORE, _LINKISH).map("".join), min_size=1, max_size=6)
TEXTS = st.lists(BARE_TEXT.map("".join), min_size=1, max_size=4)


@pytest.mark.hugo
@_SETTINGS
@given(texts=TEXTS)
@example(texts=["http://localhost:1313", "see http://localhost:1313/x. and www.a.b"])
@example(texts=["~~http://a.com~~ http://a.b.c/x). foo.bar@baz.qux."])
@example(texts=["[a http://x.com", "[a] http://x.com", "\\*http://x.com *www.x.io*"])
# Found by this test: a quote before a line's end; an image in an open label.
@example(texts=[" http://example.com'\nme@example.com "])
@example(texts=["*http://a.bc:1313[foo@bar ![i](/i.png)http://example.com:x/a?b=c"])
@example(texts=['a ftp://x.y/\'\'H "q""é', "`c`www.example.COM/x.html-'a.b+c@x.io"])
@example(texts=["`!`c`www.example.com:/x.html."])
def test_bare_links_are_hugos(tmp_path_factory, hugo, texts):
    """Generated text with URL-like strings, linkify on (Hugo's default):
    the HTML Hugo writes, links and all."""
    assert_renders_as_hugo(hugo, tmp_path_factory.mktemp("linkify"), texts)


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("http://localhost:1313", None),
        ("http://127.0.0.1:8080/", None),
        ("HTTP://EXAMPLE.COM", None),
        ("https://example.com:8080/p?q=1.", (30, "https://example.com:8080/p?q=1")),
        ("www.a.b", (7, "https://www.a.b")),
        ("http://x.com/a(b)c)d)", (19, "http://x.com/a(b)c)")),
        ("https://ex.com/a&amp;", (16, "https://ex.com/a")),
        ("foo.bar@baz.qux.", (15, "mailto:foo.bar@baz.qux")),
        ("foo@bar", None),
        ("foo@bar.com-", None),
        (".foo@bar.com", None),
    ],
)
def test_a_bare_link_is_found_by_goldmarks_rule(text, link):
    assert find_bare_link(text, 0, len(text)) == link


def test_a_host_without_a_dot_stays_text_in_a_built_page(tmp_path):
    """The site of the issue: a page naming the local server Hugo prints."""
    write_tree(
        tmp_path / "content",
        {
            "posts/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\n"
            "Run `hugo server`, then open http://localhost:1313 or www.example.org.\n"
        },
    )
    build_site(tmp_path / "content", tmp_path / "out")
    page = (tmp_path / "out" / "a.html").read_text("utf-8")
    assert "open http://localhost:1313 or" in page
    assert 'href="https://www.example.org"' in page
    assert 'href="http://localhost' not in page


def test_a_link_address_is_escaped_as_goldmark_escapes_it():
    assert goldmark_url_escape('http://a.com/x"y^{b}[d]`%4g%41%4') == (
        "http://a.com/x%22y%5E%7Bb%7D%5Bd%5D%60%4g%41%254"
    )


# -- fenced code at any nesting -------------------------------------------------

_CONTAINERS = st.lists(
    st.sampled_from(["- ", "* ", "1. ", "2) ", "10. ", "> "]), min_size=1, max_size=3
)
_OPTIONS = st.lists(
    st.sampled_from(
        [
            "linenos=true",
            "linenos=table",
            "linenos=inline",
            "linenos=false",
            "hl_lines=[2]",
            'hl_lines="1 3"',
            'hl_lines=[1,"2-3"]',
            "hl_lines=2",
            "linenostart=5",
            "linenostart=199",
            "anchorlinenos=true",
            ".x",
            "#y",
            ".x .z",
            "data-a=b",
            'title="t t"',
            "onclick=z",
            "w=1.5",
            "bad",
        ]
    ),
    min_size=1,
    max_size=3,
)
_FENCE = st.tuples(
    st.sampled_from(["```", "~~~", "````"]),
    st.sampled_from(["go", "python", "", "text", "nosuch", "html"]),
    _OPTIONS,
    st.sampled_from([",", " ", ", "]),
    st.lists(st.sampled_from(["a := 1", "print(x)", "<b>", "x", "", " "])),
)


def _nest(containers: list[str], block: list[str], lead: bool, blank: bool) -> str:
    lines = block
    for container in reversed(containers):
        if container == "> ":
            lines = [f"> {line}" if line else ">" for line in lines]
            continue
        pad = " " * len(container)
        inner = [pad + line if line else "" for line in lines]
        if lead:
            lines = [container + "item", *([""] if blank else []), *inner]
        else:
            lines = [container + lines[0], *inner[1:]]
    return "\n".join(lines) + "\n"


_QUOTED_FENCE = (
    "> - a\n>   > ```go {hl_lines=[2],linenos=inline}\n>   > a\n>   > b\n>   > ```\n"
)


@st.composite
def nested_fences(draw) -> str:
    marker, language, options, separator, code = draw(_FENCE)
    info = f"{language} {{{separator.join(options)}}}".lstrip()
    block = [marker + info, *code[:4], marker]
    return _nest(draw(_CONTAINERS), block, draw(st.booleans()), draw(st.booleans()))


@pytest.mark.hugo
@_SETTINGS
@given(bodies=st.lists(nested_fences(), min_size=1, max_size=4))
@example(bodies=["- item\n\n  ```go {linenos=true}\n  a := 1\n  b := 2\n  ```\n"])
@example(bodies=["- item\n  ```go {linenos=table .x #y}\n  a := 1\n  ```\n"])
@example(bodies=[_QUOTED_FENCE])
# Found by this test: blank lines at a block's end; only blanks in an item.
@example(bodies=["- x\n\n  ```go {linenos=table}\n  a\n\n  ```\n", "```go\n```\n"])
@example(bodies=["- ```go {linenos=true}\n   \n  ```\n"])
def test_fences_in_lists_and_quotes_are_hugos(tmp_path_factory, hugo, bodies):
    """A fence with Hugo's options (linenos, hl_lines, linenostart) and
    attributes, in list items, quotes and lists in lists: Hugo's HTML."""
    assert_renders_as_hugo(hugo, tmp_path_factory.mktemp("fences"), bodies)


def test_a_fence_in_a_list_item_keeps_its_line_numbers_and_attributes():
    html = Renderer().render("- item\n  ```go {linenos=table .x #y}\n  a := 1\n  ```\n")
    assert html.startswith('<ul>\n<li>item\n<div class="highlight x" id="y">')
    assert '<td class="linenos">' in html


def test_a_fences_attributes_are_all_or_none_as_in_goldmark():
    html = Renderer().render("```go {linenos=table .x bad}\na := 1\n```\n")
    assert html.startswith('<div class="highlight"><pre>')


def test_a_fence_attribute_never_leaves_its_quotes():
    # Hugo 0.111 writes a="x"y" here: an attribute a value could leave.
    html = Renderer().render('```go {a="x\\" onmouseover=\\"b" .c}\nx\n```\n')
    assert '<div class="highlight c" a="x&quot; onmouseover=&quot;b">' in html
