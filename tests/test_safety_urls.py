"""One URL check for every place a URL reaches a page (issue 25, points 4, 5
and 13): the Hugo config's menus, the settings' MENUITEMS, the ``figure``
shortcode and a site's Jinja shortcode ports print ``javascript:`` and kin
as ``#ZgotmplZ`` and a backslash percent-encoded, as Hugo does; another
language's empty home feed carries no build time."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from cameo_tools.errors import BuildError
from pelican.plugins.hugo_frontmatter.content import urls
from pelican.plugins.hugo_frontmatter.markdown.goldmark import (
    GoldmarkOptions,
    Renderer,
)
from pelican.plugins.hugo_frontmatter.shortcodes.html_attributes import (
    filter_attributes,
)

from .conftest import HUGO_SETTINGS, build_site, examples, hugo_build, write_tree

BASE_URL = "https://example.org/"
# What Hugo 0.111 prints for a menu's url in `<a href="{{ .URL }}">`
# (measured: tiny sites built by `hugo`; a path from / gets the site's path).
HUGO_MENU_HREFS = {
    "javascript:alert(1)": "#ZgotmplZ",
    " JavaScript:alert(1)": "#ZgotmplZ",
    "java\tscript:alert(1)": "#ZgotmplZ",
    "data:text/html,x": "#ZgotmplZ",
    "tel:123": "#ZgotmplZ",
    "?x:y": "#ZgotmplZ",
    "/\\evil.example/": "/%5Cevil.example/",
    "//evil.example/x": "/evil.example/x",
    "/About Me/": "/about-me/",
    "/javascript:alert(1)": "/javascriptalert1",
    "/ü/É": "/%C3%BC/%C3%A9",
    "/a/../b": "/b",
    "/a/.": "/a/",  # a last . or .. ends the path with a slash
    "/a/b/..": "/a/",
    "/a/..": "/",
    "/%5c": "/%5C",
    "HTTPS://x.org/a?b=c&d=%zz%41": "HTTPS://x.org/a?b=c&d=%25zz%41",
    "mailto:me@example.org": "mailto:me@example.org",
    # After // comes a host: its user is escaped, .. never drops it.
    "//@@": "/%40@",
    "//a@b@c": "/a%40b@c",
    "//@@/../a": "/%40@a",
    "//a/..": "/a/",
    "/a//../b": "/a/b",  # purell: .. drops the empty segment before it
    "/a :": "/a",  # blanks make no hyphen at the end of a URL
    "/a --b": "/a--b",
}


HOME = "---\ntitle: Home\n---\nWelcome.\n"


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def _menu_config(links: list[str], extra: str = "") -> str:
    entries = "".join(
        f"[[menus.main]]\nname = {json.dumps(f'n{index}')}\n"
        f"url = {json.dumps(link)}\nweight = {index + 1}\n"
        for index, link in enumerate(links)
    )
    return (
        f'baseURL = "{BASE_URL}"\ntitle = "Menus"\n'
        'disableKinds = ["taxonomy", "term", "sitemap"]\n' + extra + entries
    )


def _resolved(href: str) -> str:
    """``href`` as a browser on the home page (``BASE_URL``) reads it: joined
    to the page's address, then ``.`` and ``..`` segments worked out (not
    urljoin, which also drops empty segments)."""
    if ":" in href.split("/")[0].split("?")[0].split("#")[0]:
        joined = href  # a scheme
    elif href.startswith("//"):
        joined = "https:" + href
    elif href.startswith("/"):
        joined = BASE_URL.rstrip("/") + href
    else:
        joined = BASE_URL + href
    parts = urlsplit(joined)
    if parts.scheme not in ("http", "https"):
        return joined
    segments: list[str] = []
    names = parts.path.split("/")[1:]
    for index, segment in enumerate(names):
        last = index == len(names) - 1
        if segment == "..":
            segments = segments[:-1]
        if segment in (".", ".."):
            if last:
                segments.append("")
            continue
        segments.append(segment)
    return parts._replace(path="/" + "/".join(segments)).geturl()


def _pelican_menu(
    root: Path, config: str, page: str = "posts/one/index.html"
) -> list[str]:
    """The header's hrefs of ``page`` in the site Pelican builds from
    ``config`` (a hugo.toml) and one post."""
    write_tree(
        root,
        {
            "hugo.toml": config,
            "content/posts/one.md": "---\ntitle: One\ndate: 2024-01-02\n---\nText.\n",
        },
    )
    build_site(
        root / "content",
        root / "out",
        HUGO_FRONTMATTER={"hugo_config": str(root / "hugo.toml")},
    )
    return [a["href"] for a in _soup(root / "out" / page).select(".menu a")]


# --- the check itself -------------------------------------------------------


@pytest.mark.parametrize("url, printed", sorted(HUGO_MENU_HREFS.items()))
def test_a_menu_url_is_printed_as_hugo_prints_it(url, printed):
    made = urls.menu_path(url) if url.startswith("/") else url
    assert urls.safe_url(made) == printed


@pytest.mark.hugo
def test_blanks_beside_hyphens_in_a_file_name_are_hugos(tmp_path, hugo):
    """A blank makes a hyphen before the next kept character, none beside a
    hyphen: ``f --g.md`` is ``f--g/``, as in Hugo (``sanitize``, which the
    menu's URL shares)."""
    names = ["f --g", "h - -i", "j -", "k- l", " a b ", "c :", "d\t e"]
    files = {
        "hugo.toml": f'baseURL = "{BASE_URL}"\n',
        **{f"content/posts/{name}.md": "---\ntitle: T\n---\nText.\n" for name in names},
    }
    public = hugo_build(hugo, tmp_path / "hugo-site", files)
    build_site(
        tmp_path / "hugo-site" / "content",
        tmp_path / "out",
        HUGO_FRONTMATTER={"hugo_config": str(tmp_path / "hugo-site" / "hugo.toml")},
    )
    theirs = {p.parent.name for p in (public / "posts").glob("*/index.html")}
    ours = {p.parent.name for p in (tmp_path / "out" / "posts").glob("*/index.html")}
    assert ours == theirs == {"f--g", "h--i", "j-", "k-l", "-a-b-", "c-", "d-e"}


def test_safe_url_keeps_what_html_template_keeps():
    # Go's urlNormalizer: lower-case escapes of its own, valid ones kept.
    assert urls.safe_url("about/ü x\"'<>") == "about/%c3%bc%20x%22%27%3c%3e"
    assert urls.safe_url("/a:b/c?d=e#f") == "/a:b/c?d=e#f"
    for url in ("https://x.org/%41", "#ZgotmplZ", "/\\evil/", "mailto:a@b"):
        once = urls.safe_url(url)
        assert urls.safe_url(once) == once  # it may be applied twice


# --- config menus ------------------------------------------------------------


def test_config_menu_links_a_browser_would_run_or_send_away_are_defused(tmp_path):
    links = list(HUGO_MENU_HREFS)
    hrefs = _pelican_menu(tmp_path, _menu_config(links))
    # Pelican prints a path in the site after SITEURL.
    expected = [
        BASE_URL.rstrip("/") + printed if printed.startswith("/") else printed
        for printed in HUGO_MENU_HREFS.values()
    ]
    assert hrefs[: len(links)] == expected
    assert not any(
        href.lower().startswith(("javascript", "data", " ")) for href in hrefs
    )


def test_another_languages_menu_passes_the_same_check(tmp_path):
    config = _menu_config(
        ["/posts/"],
        extra=(
            'defaultContentLanguage = "en"\n[languages.en]\nweight = 1\n'
            '[languages.zh]\nweight = 2\ntitle = "中文"\n'
            '[[languages.zh.menu.main]]\nname = "x"\nurl = "javascript:alert(1)"\n'
            '[[languages.zh.menu.main]]\nname = "y"\nurl = "/\\\\evil.example/"\n'
        ),
    )
    hrefs = _pelican_menu(tmp_path, config, "zh/index.html")
    assert hrefs[:2] == ["#ZgotmplZ", "https://example.org/%5Cevil.example/"]


def test_social_links_of_the_config_pass_the_same_check(tmp_path):
    """hugo-coder prints `params.social` with `href="{{ .url }}"`: Hugo
    writes #ZgotmplZ; the build neither fails nor prints a live link."""
    config = _menu_config(
        [],
        extra=(
            "[params]\n"
            '[[params.social]]\nname = "Run"\nurl = "javascript:alert(1)"\n'
            '[[params.social]]\nname = "Away"\nurl = "https://x.example/a b"\n'
            '[[params.social]]\nname = "Back"\nurl = "/\\\\evil.example/"\n'
        ),
    )
    write_tree(tmp_path, {"hugo.toml": config, "content/_index.md": HOME})
    build_site(
        tmp_path / "content",
        tmp_path / "out",
        HUGO_FRONTMATTER={"hugo_config": str(tmp_path / "hugo.toml")},
    )
    links = _soup(tmp_path / "out" / "index.html").select('a[rel~="me"]')
    # The theme's SOCIAL rule reads /%5cevil.example/ as /\\evil.example/.
    assert [a["href"] for a in links] == [
        "#ZgotmplZ",
        "https://x.example/a%20b",
        "#ZgotmplZ",
    ]


@pytest.mark.parametrize(
    "base_url", ["javascript:alert(1)//", "data:text/html,x/", "/\\\\evil.example/"]
)
def test_a_base_url_a_browser_would_run_or_send_away_stops_the_build(
    tmp_path, base_url
):
    """Pelican puts SITEURL in front of every link (Hugo filters its
    permalinks to #ZgotmplZ): such a baseURL is one line naming the file."""
    config = f'title = "t"\nbaseURL = "{base_url}"\n'
    write_tree(tmp_path, {"hugo.toml": config, "content/_index.md": HOME})
    with pytest.raises(BuildError) as caught:
        build_site(
            tmp_path / "content",
            tmp_path / "out",
            HUGO_FRONTMATTER={"hugo_config": str(tmp_path / "hugo.toml")},
        )
    message = str(caught.value)
    assert "hugo.toml:2: baseURL " in message
    assert "neither an http(s) URL nor a path" in message
    assert "Traceback" not in message
    assert not (tmp_path / "out").exists()


def test_menuitems_in_the_settings_pass_the_same_check(tmp_path):
    write_tree(tmp_path, {"content/about.md": "Title: About\n\nText.\n"})
    build_site(
        tmp_path / "content",
        tmp_path / "out",
        MENUITEMS=[
            ("Run", "javascript:alert(1)"),
            ("Away", "/\\evil.example/"),
            ("Fine", "https://example.org/a b"),
        ],
    )
    menu = _soup(tmp_path / "out" / "about" / "index.html").select(".menu a")
    assert [a["href"] for a in menu][:3] == [
        "#ZgotmplZ",
        "/%5cevil.example/",
        "https://example.org/a%20b",
    ]


# --- shortcodes ----------------------------------------------------------------

PORT = """<a class="port" href="{{ get('url') }}" onclick="{{ get('url') }}"
   data-url="{{ get('url') }}" title="{{ get('url') }}">{{ inner }}</a>
<img srcset="{{ get('url') }} 2x, /ok.png 1x" src="/literal.png">
"""
# A port's own markup stands, as a Go template's does in html/template:
# KaTeX's loader with its onload, a literal link; a value printed into a
# tag's attribute (or the tag itself) is what gets checked.
OWN_PORT = """<script defer src="/katex/auto-render.js" class="own"
  onload="renderMathInElement(document.body);"></script>
<a class="own" href="javascript:void(0)" onclick="{{ get('js') }}">x</a>
<b class="own" {{ get('attr') }}>y</b>
"""

POST = """
---
title: Links
date: 2024-01-02
---
{{< figure src="javascript:alert(1)" link="javascript:alert(2)"
    attrlink="JAVASCRIPT:alert(3)" attr="x" caption="c" >}}

{{< figure src="a b/ü.png" link="/\\evil.example/" >}}

{{< port url="javascript:alert(4)" >}}text{{< /port >}}

{{< port url=" /\\evil.example/" >}}other{{< /port >}}

{{< own js="alert(5)" attr="onmouseover=alert(6) href=javascript:alert(7)" >}}
"""


@pytest.fixture(scope="module")
def shortcode_page(tmp_path_factory) -> BeautifulSoup:
    root = write_tree(
        tmp_path_factory.mktemp("urls"),
        {
            "content/posts/links.md": POST,
            "shortcodes/port.html": PORT,
            "shortcodes/own.html": OWN_PORT,
        },
    )
    build_site(
        root / "content",
        root / "out",
        HUGO_SETTINGS,
        HUGO_FRONTMATTER={"hugo_urls": True, "shortcodes": str(root / "shortcodes")},
    )
    return _soup(root / "out" / "posts" / "links" / "index.html")


def test_figure_links_and_source_are_checked_as_in_hugo(shortcode_page):
    first, second = shortcode_page.select("figure")[:2]
    # Hugo 0.111: <a href="#ZgotmplZ"><img src="#ZgotmplZ" ...> ... href="#ZgotmplZ"
    assert [a["href"] for a in first.select("a")] == ["#ZgotmplZ", "#ZgotmplZ"]
    assert first.img["src"] == "#ZgotmplZ"
    # Hugo 0.111: href="/%5cevil.example/", src="a%20b/%c3%bc.png"
    assert second.a["href"] == "/%5cevil.example/"
    assert second.img["src"] == "a%20b/%c3%bc.png"


def test_a_jinja_port_writing_a_param_into_href_gives_no_live_link(shortcode_page):
    ports = shortcode_page.select("a.port")
    assert [a["href"] for a in ports] == ["#ZgotmplZ", "%20/%5cevil.example/"]
    assert [a["data-url"] for a in ports] == ["#ZgotmplZ", "%20/%5cevil.example/"]
    # Not a URL: as the template wrote it, escaped.
    assert ports[0]["title"] == "javascript:alert(4)"
    assert not any(a.has_attr("onclick") for a in ports)
    images = shortcode_page.select("img[srcset]")
    assert images[0]["srcset"] == "#ZgotmplZ, /ok.png 1x"
    assert images[0]["src"] == "/literal.png"


def test_a_ports_own_markup_stands_and_what_it_prints_is_checked(shortcode_page):
    script, link, bold = shortcode_page.select(".own")
    assert script["onload"] == "renderMathInElement(document.body);"
    assert script["src"] == "/katex/auto-render.js"
    # The template's own javascript: stands; the handler a value went into
    # is dropped, and so are the attributes a value wrote into the tag.
    assert link["href"] == "javascript:void(0)" and not link.has_attr("onclick")
    assert not bold.has_attr("onmouseover") and bold.get("href") == "#ZgotmplZ"
    assert "\ufdd0" not in str(shortcode_page) and "\ufdd1" not in str(shortcode_page)


def test_the_attribute_pass_leaves_a_tag_it_does_not_change_as_it_was():
    markup = (
        "<p class=x>a</p>\n<A HREF=\"/a/b\" Title='q'>b</A><br>\n<img src=/x.png />"
    )
    assert filter_attributes(markup) == markup
    changed = filter_attributes('<p>\n<a\nhref="javascript:x" onmouseover="y">z</a>\n')
    assert changed == '<p>\n<a href="#ZgotmplZ">z</a>\n'
    refresh = '<meta http-equiv="refresh" content="0; url=javascript:alert(1)">'
    assert filter_attributes(refresh) == (
        '<meta http-equiv="refresh" content="0; url=#ZgotmplZ">'
    )
    script = '<script>let s = "<a href=\\"javascript:x\\">";</script>'
    assert filter_attributes(script) == script  # raw text, as a browser reads it


# --- another language's empty home feed --------------------------------------

LANGUAGES = (
    f'baseURL = "{BASE_URL}"\ntitle = "t"\ndefaultContentLanguage = "en"\n'
    '[languages.en]\nweight = 1\n[languages.zh]\nweight = 2\ntitle = "中文"\n'
)


def test_an_empty_home_feed_of_another_language_carries_no_build_time(
    tmp_path, monkeypatch
):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    root = write_tree(
        tmp_path,
        {
            "hugo.toml": LANGUAGES,
            "content/posts/one.md": "---\ntitle: One\ndate: 2024-01-02\n---\nText.\n",
        },
    )
    feeds = []
    for run in ("first", "second"):
        build_site(
            root / "content",
            root / run,
            HUGO_FRONTMATTER={"hugo_config": str(root / "hugo.toml")},
        )
        feeds.append((root / run / "zh" / "index.xml").read_text("utf-8"))
    # Hugo 0.111 writes no lastBuildDate in a feed with no page.
    assert "lastBuildDate" not in feeds[0]
    assert feeds[0] == feeds[1]
    # The default language's feed is dated by its newest post.
    english = (root / "first" / "index.xml").read_text("utf-8")
    assert "<lastBuildDate>Tue, 02 Jan 2024 " in english


def test_an_empty_list_of_terms_feed_carries_no_build_time(tmp_path, monkeypatch):
    """Hugo 0.111 writes `series/index.xml` with no lastBuildDate either."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    root = write_tree(
        tmp_path,
        {
            "hugo.toml": '[taxonomies]\ntag = "tags"\nseries = "series"\n',
            "content/posts/one.md": "---\ntitle: One\ndate: 2024-01-02\n---\nText.\n",
        },
    )
    build_site(
        root / "content",
        root / "out",
        HUGO_FRONTMATTER={"hugo_config": str(root / "hugo.toml")},
    )
    feed = (root / "out" / "series" / "index.xml").read_text("utf-8")
    assert "<rss" in feed
    assert "lastBuildDate" not in feed


def test_source_date_epoch_still_dates_an_empty_home_feed(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = write_tree(
        tmp_path,
        {
            "hugo.toml": LANGUAGES,
            "content/posts/one.md": "---\ntitle: One\ndate: 2024-01-02\n---\nText.\n",
        },
    )
    build_site(
        root / "content",
        root / "out",
        HUGO_FRONTMATTER={"hugo_config": str(root / "hugo.toml")},
    )
    feed = (root / "out" / "zh" / "index.xml").read_text("utf-8")
    assert "<lastBuildDate>Tue, 14 Nov 2023 22:13:20 +0000</lastBuildDate>" in feed


@pytest.mark.hugo
def test_an_empty_home_feed_is_as_hugos(tmp_path, hugo):
    public = hugo_build(
        hugo,
        tmp_path / "hugo-site",
        {
            "hugo.toml": LANGUAGES,
            "content/posts/one.md": "---\ntitle: One\ndate: 2024-01-02\n---\nText.\n",
        },
    )
    assert "lastBuildDate" not in (public / "zh" / "index.xml").read_text("utf-8")


# --- Hugo as the oracle -----------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "javascript:",
        "JaVaScRiPt:",
        " javascript:",
        "java\tscript:",
        "data:",
        "vbscript:",
        "tel:",
        "http:",
        "https:",
        "mailto:",
        "//",
        "/",
        "\\",
        "/\\",
        "evil.example",
        "a",
        "B",
        "ü",
        " ",
        "-",
        ".",
        "..",
        "?q=1&r=2",
        "#top",
        "%5c",
        "%zz",
        "%41",
        '"',
        "'",
        "<",
        "(1)",
        ":",
        "@",
        "+",
    ]
)
MENU_URLS = st.lists(
    st.lists(_PIECES, min_size=1, max_size=6).map("".join).filter(str.strip),
    min_size=1,
    max_size=12,
)
# The menu as a Hugo theme prints it, one link a line.
MENU_LAYOUT = {
    "layouts/index.html": (
        '{{ range .Site.Menus.main }}<a class="m" href="{{ .URL }}">x</a>\n{{ end }}'
    ),
    "layouts/_default/single.html": "{{ .Title }}",
    "layouts/_default/list.html": "{{ .Title }}",
}


@pytest.mark.hugo
@settings(
    max_examples=examples(25),
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
@given(links=MENU_URLS)
@example(links=["//@@", "//@@/../a", "/a//../b", "//a@ :"])
def test_menu_hrefs_are_hugos_for_generated_urls(tmp_path_factory, hugo, links):
    """Many generated menu URLs in one Hugo config, built by `hugo` and by
    Pelican: each href, resolved on the home page, is the same."""
    root = tmp_path_factory.mktemp("menus")
    config = _menu_config(links)
    site = write_tree(root / "hugo-site", {"hugo.toml": config, **MENU_LAYOUT})
    public = site / "public"
    run = subprocess.run(
        [hugo, "--quiet", "--source", str(site), "-d", str(public)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    # Hugo stops at a url Go cannot parse ("//\\": invalid character in
    # host name); Pelican prints it as the path it is (/%5C).
    assume(run.returncode == 0 or "error calling Menus: parse" not in run.stderr)
    assert run.returncode == 0, run.stderr
    printed = [a["href"] for a in _soup(public / "index.html").select("a.m")]
    ours = _pelican_menu(root / "pelican-site", config)[: len(links)]
    assert len(ours) == len(printed) == len(links)
    for link, theirs, mine in zip(links, printed, ours, strict=True):
        assert _resolved(mine) == _resolved(theirs), link
        scheme = mine.partition(":")[0].lower() if ":" in mine.split("/")[0] else ""
        assert scheme in ("", "http", "https", "mailto"), link


SHORTCODE_URLS = st.lists(
    st.lists(_PIECES, min_size=1, max_size=6).map("".join), min_size=1, max_size=8
)
# The same shortcode as a Go template for Hugo and as a Jinja port for us.
HUGO_PORT = '<a class="p" href="{{ .Get 0 }}" data-url="{{ .Get 0 }}">x</a>\n'
JINJA_PORT = '<a class="p" href="{{ get(0) }}" data-url="{{ get(0) }}">x</a>\n'


def _shortcode_urls(soup: BeautifulSoup) -> list[tuple[str, ...]]:
    figures = [
        (figure.a["href"], figure.img["src"], figure.figcaption.a["href"])
        for figure in soup.select("figure")
    ]
    ports = [(a["href"], a["data-url"]) for a in soup.select("a.p")]
    return figures + ports


@pytest.mark.hugo
@settings(
    max_examples=examples(15),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(links=SHORTCODE_URLS)
def test_figure_and_port_urls_are_hugos_for_generated_urls(
    tmp_path_factory, hugo, links
):
    """Generated URLs in `figure`'s link, src and attrlink and in a site's
    shortcode (a Go template for Hugo, its Jinja port for us), one page:
    every URL attribute is the same as Hugo's."""
    body = "".join(
        f"{{{{< figure link=`{link}` src=`{link}` attrlink=`{link}` attr=a >}}}}\n\n"
        f"{{{{< p `{link}` >}}}}\n\n"
        for link in links
    )
    page = f"---\ntitle: Links\ndate: 2024-01-02\n---\n{body}"
    root = tmp_path_factory.mktemp("shortcodes")
    public = hugo_build(
        hugo,
        root / "hugo-site",
        {
            "hugo.toml": f'baseURL = "{BASE_URL}"\n',
            "content/posts/links.md": page,
            "layouts/shortcodes/p.html": HUGO_PORT,
        },
        {"layouts/_default/single.html": "{{ .Content }}"},
    )
    site = write_tree(
        root / "pelican-site",
        {"content/posts/links.md": page, "shortcodes/p.html": JINJA_PORT},
    )
    build_site(
        site / "content",
        site / "out",
        HUGO_SETTINGS,
        HUGO_FRONTMATTER={"hugo_urls": True, "shortcodes": str(site / "shortcodes")},
    )
    theirs = _shortcode_urls(_soup(public / "posts" / "links" / "index.html"))
    ours = _shortcode_urls(_soup(site / "out" / "posts" / "links" / "index.html"))
    assert ours == theirs
    assert len(ours) == 2 * len(links)


# --- 5: script links from Markdown ------------------------------------------

# Goldmark empties a dangerous link's or image's address (fixtures/goldmark/
# dangerous_urls.* hold Hugo's own output), but Hugo 0.111 writes these live:
# an autolink is never checked, and its check compares the raw text, so a
# scheme in capitals or written with character references passes.
UNLIKE_HUGO = (
    "<javascript:alert(1)> <VBScript:x> <data:text/html,x> <file:///etc/passwd>\n\n"
    "[a](JaVaScRiPt:alert(2)) [b](&#106;avascript:alert(3)) "
    "[c](javascript&colon;alert(4)) ![d](DATA:text/html,x)\n"
)
HUGO_WRITES = (
    '<p><a href="javascript:alert(1)">javascript:alert(1)</a> '
    '<a href="VBScript:x">VBScript:x</a> '
    '<a href="data:text/html,x">data:text/html,x</a> '
    '<a href="file:///etc/passwd">file:///etc/passwd</a></p>\n'
    '<p><a href="JaVaScRiPt:alert(2)">a</a> <a href="javascript:alert(3)">b</a> '
    '<a href="javascript:alert(4)">c</a> <img src="DATA:text/html,x" alt="d"></p>\n'
)
WE_WRITE = (
    '<p><a href="">javascript:alert(1)</a> <a href="">VBScript:x</a> '
    '<a href="">data:text/html,x</a> <a href="">file:///etc/passwd</a></p>\n'
    '<p><a href="">a</a> <a href="">b</a> <a href="">c</a> <img src="" alt="d"></p>\n'
)


def test_markdown_script_links_hugo_leaves_live_are_emptied():
    assert Renderer().render(UNLIKE_HUGO) == WE_WRITE
    unsafe = GoldmarkOptions.from_hugo_config(
        {"goldmark": {"renderer": {"unsafe": True}}}
    )
    # With raw HTML allowed, the author is trusted: as Hugo writes them.
    assert Renderer(unsafe).render(UNLIKE_HUGO) == HUGO_WRITES


@pytest.mark.hugo
def test_hugo_writes_those_script_links_live(tmp_path, hugo):
    public = hugo_build(
        hugo,
        tmp_path,
        {
            "config.toml": f'baseURL = "{BASE_URL}"\n',
            "content/p.md": "---\ntitle: P\n---\n" + UNLIKE_HUGO,
        },
        layouts={"layouts/_default/single.html": "{{ .Content }}"},
    )
    assert (public / "p" / "index.html").read_text("utf-8") == (HUGO_WRITES)


SCRIPT_LINKS_POST = """\
---
title: P
date: 2024-01-01
---
Summary <javascript:alert(1)> [a](javascript:alert(2)) ![b](data:text/html,x)

<!--more-->

[c](JaVaScRiPt:alert(3)) [d](&#106;avascript:alert(4)) [e][js] ![f][js] <VBScript:x>

- <javascript:alert(5)>

> [g]( javascript:alert(6) )

| h |
|---|
| <javascript:alert(7)> |

## <javascript:alert(8)>

Note[^1]. Raw: <a href="javascript:alert(9)">i</a>

[js]: javascript:alert(10)
[^1]: <javascript:alert(11)>
"""
_SAFE_IMAGE_DATA = ("data:image/png;", "data:image/gif;", "data:image/jpeg;")


def _runs_script(url: str) -> bool:
    """Whether a browser would run ``url`` (or open it as a document): its
    tabs and line ends dropped, leading blanks and controls too, any case."""
    text = "".join(c for c in url if c not in "\t\n\r").lstrip(
        "".join(map(chr, range(33)))
    )
    text = text.lower()
    if text.startswith(_SAFE_IMAGE_DATA + ("data:image/webp;",)):
        return False
    return text.startswith(("javascript:", "vbscript:", "data:"))


def _live_script_links(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [
        f"<{tag.name} {name}={value!r}>"
        for tag in soup.find_all(True)
        for name, value in tag.attrs.items()
        if name in ("href", "src", "action", "formaction", "poster", "data")
        and isinstance(value, str)
        and _runs_script(value)
    ]


def test_a_built_page_has_no_live_script_link_from_markdown(tmp_path):
    content = write_tree(
        tmp_path / "content",
        {"posts/p.md": SCRIPT_LINKS_POST},
    )
    output = tmp_path / "out"
    build_site(
        content,
        output,
        HUGO_SETTINGS,
        DIRECT_TEMPLATES=["index"],
        INDEX_SAVE_AS="index.html",
        FEED_ALL_ATOM="feeds/all.atom.xml",
    )
    post = (output / "posts" / "p" / "index.html").read_text("utf-8")
    listing = (output / "index.html").read_text("utf-8")
    # Every link is still there, its text kept, its address emptied.
    assert post.count('href=""') == 11 and post.count('src=""') == 2
    assert 'href="">javascript:alert(11)</a>' in post
    assert 'href="">javascript:alert(1)</a>' in listing  # the summary
    pages = [*output.rglob("*.html"), *output.rglob("*.xml")]
    assert output / "feeds" / "all.atom.xml" in pages
    for page in pages:
        text = page.read_text("utf-8")
        if page.suffix == ".xml":  # a feed: its entries' HTML, escaped
            text = "".join(ElementTree.fromstring(text).itertext())
            assert 'href="">javascript:alert(1)</a>' in text
        assert not _live_script_links(text), (page, _live_script_links(text))
        assert "alert(9)" not in text  # raw HTML is omitted
