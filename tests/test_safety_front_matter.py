"""Hostile or broken content: each file the plugin cannot take stops the build
with one line naming the file and line; nothing lands outside the site."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings

from cameo_tools.errors import BuildError
from pelican.plugins.hugo_frontmatter.content import urls
from pelican.plugins.hugo_frontmatter.content.frontmatter import split

from .conftest import HUGO_SETTINGS, ROOT, build_site, examples, write_tree
from .test_front_matter_properties import malformed_documents

HOME = "---\ntitle: Home\n---\nHi\n"
DEEP = 10_000
HUGE = "9" * 5000


def _build_fails(tmp_path, monkeypatch, files: dict, **overrides) -> list[str]:
    """Build ``files`` (with a home page) and return the problems it logged."""
    content = write_tree(tmp_path / "content", {"_index.md": HOME, **files})
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BuildError) as caught:
        build_site(content, tmp_path / "out", HUGO_SETTINGS, **overrides)
    assert not (tmp_path / "out").exists()
    return caught.value.problems


def _soup(path):
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


# --- 6: every malformed file is the plugin's own error, with its line --------


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        (b"---\ntitle: A\n---\nBody \xff\n", "4:6", "not valid UTF-8 (byte 0xff)"),
        ("---\ntitle: A\nurl: https://x.org/\n---\n", "3", "no URL with a protocol"),
        ("---\ntitle: A\nx: !!float 'x'\n---\n", "3:4", "float value 'x' cannot"),
        ("---\ntitle: A\nd: !!timestamp 2024-02-30\n---\n", "3:4", "day is out"),
        (f"---\ntitle: A\nweight: {HUGE}\n---\n", "3:9", "5000 digits"),
        (f"+++\ntitle = 'A'\nweight = {HUGE}\n+++\n", "3:10", "more than 4300"),
        (f'{{"title": "A", "weight": {HUGE}}}\n', "1:26", "more than 4300 digits"),
        (f"---\nx: {'[' * DEEP}{']' * DEEP}\n---\n", "2:", "nesting depth"),
        (f'{{"x": {"[" * DEEP}{"]" * DEEP}}}\n', "1:106", "more than 100 levels"),
        (f"+++\nx = {'[' * DEEP}{']' * DEEP}\n+++\n", "2:105", "more than 100 levels"),
        ("---\ntitle: A\nx: &a [1, *a]\n---\n", "3", "'x' holds itself"),
        ("---\ntitle: A\ncontent: x\n---\n", "3", "'content' is a name Pelican"),
        ("---\ntitle: A\nSettings: x\n---\n", "3", "'settings' is a name Pelican"),
        ("---\ntitle: A\n__class__: x\n---\n", "3", "'__class__' is a name"),
        ('---\ntitle: A\nurl: "/a\\0b/"\n---\n', "3", "'url' must be a path"),
    ],
)
def test_malformed_file_stops_the_build_naming_file_and_line(
    tmp_path, monkeypatch, text, where, words
):
    problems = _build_fails(tmp_path, monkeypatch, {"posts/p.md": text})
    mine = [p for p in problems if p.startswith(f"content/posts/p.md:{where}")]
    assert mine, problems
    assert words in mine[0]
    # It says what to do, and no Python exception speaks instead of the plugin.
    assert re.search(r"; (fix|save|write|correct|make|rename)", mine[0]), mine[0]
    assert not any(re.match(r"(Value|Type|Recursion)Error", p) for p in problems)


# --- 7: YAML as go-yaml v2 reads it, and scalars shown as Hugo shows them ----


def test_yaml_is_read_as_hugos_go_yaml_v2_reads_it():
    # Hugo 0.111 prints these params (printf "%#v") as below.
    text = (
        "---\ntime: 12:30\nyes: yes\non: on\noctal: 0777\nhex: 0x1F\nocto: 0o17\n"
        "t: true\nf: False\nn: null\ntilde: ~\nempty:\nsci: 1e3\ninf: -.inf\n"
        'under: 1_000\nday: 2024-05-01\nnested: {Y: a, "n": b, 3: c, ~: d}\n---\n'
    )
    fields = split(text, "a.md").fields
    assert fields == {
        "time": "12:30",
        "yes": True,
        "on": True,
        "octal": 511,
        "hex": 31,
        "octo": 15,
        "t": True,
        "f": False,
        "n": None,
        "tilde": None,
        "empty": None,
        "sci": 1000.0,
        "inf": float("-inf"),
        "under": 1000,
        "day": "2024-05-01",
        "nested": {True: "a", "n": "b", 3: "c", None: "d"},
    }


def test_non_text_titles_render_as_hugo_prints_them(tmp_path):
    pages = {
        "a.md": "---\ntitle: 12:30\n---\nA\n",
        "b.md": "---\ntitle: yes\n---\nB\n",
        "c.md": "---\ntitle: true\nsubtitle: 1.0\n---\nC\n",
        "d.md": "---\ntitle: 1e3\ntags: [on, false, 2.50]\n---\nD\n",
    }
    content = write_tree(tmp_path / "content", {"_index.md": HOME, **pages})
    build_site(content, tmp_path / "out", HUGO_SETTINGS)
    titles = {
        name: _soup(tmp_path / "out" / name[0] / "index.html").h1.get_text().strip()
        for name in pages
    }
    assert titles == {"a.md": "12:30", "b.md": "true", "c.md": "true", "d.md": "1000"}
    c = _soup(tmp_path / "out" / "c" / "index.html")
    assert "1" in [tag.get_text().strip() for tag in c.find_all(["p", "span"])]


# --- 8: generated files are not a page's to take -----------------------------


@pytest.mark.parametrize(
    ("field", "written", "owner", "overrides"),
    [
        ("aliases: [/404.html]", "404.html", "the 404 page (404_SAVE_AS)", {}),
        ("url: /theme/css/base.css", "theme/css/base.css", "the theme's file", {}),
        (  # a sitemap is written for an absolute SITEURL only
            "url: /sitemap.xml",
            "sitemap.xml",
            "the sitemap",
            {"SITEURL": "https://example.org"},
        ),
        ("url: /robots.txt", "robots.txt", "the cameo plugin (robots.txt)", {}),
        ("url: /favicon.ico", "favicon.ico", "the cameo plugin (a favicon)", {}),
        (
            "url: /apple-touch-icon.png",
            "apple-touch-icon.png",
            "the cameo plugin (a favicon)",
            {},
        ),
        (
            "url: /feeds/all.atom.xml",
            "feeds/all.atom.xml",
            "a feed (FEED_ALL_ATOM)",
            {"FEED_ALL_ATOM": "feeds/all.atom.xml"},
        ),
        (
            "url: /feeds/travel.rss.xml",
            "feeds/travel.rss.xml",
            "a feed (CATEGORY_FEED_RSS)",
            {"CATEGORY_FEED_RSS": "feeds/{slug}.rss.xml"},
        ),
        (
            "url: /tags.html",
            "tags.html",
            "the tags page (TAGS_SAVE_AS)",
            {"DIRECT_TEMPLATES": ["tags"]},
        ),
        (
            "slug: tags",
            "tags/index.html",
            "the tags page (TAGS_SAVE_AS)",
            {"DIRECT_TEMPLATES": ["tags"], "TAGS_SAVE_AS": "tags/index.html"},
        ),
        (
            "url: /images/logo.png",
            "images/logo.png",
            "the static file content/images/logo.png (STATIC_PATHS)",
            {"STATIC_PATHS": ["images"]},
        ),
    ],
)
def test_page_claiming_a_generated_file_stops_the_build(
    tmp_path, monkeypatch, field, written, owner, overrides
):
    files = {
        "p.md": f"---\ntitle: P\n{field}\n---\nP\n",
        "images/logo.png": b"\x89PNG\r\n",
    }
    settings = {"DIRECT_TEMPLATES": ["404"], **overrides}
    problems = _build_fails(tmp_path, monkeypatch, files, **settings)
    expected = f"content/p.md:3: writes {written}, which {owner}"
    assert any(p.startswith(expected) for p in problems), problems
    assert any("give the page another url, slug or alias" in p for p in problems)


@pytest.mark.slow
def test_plain_pelican_exits_non_zero_when_an_alias_takes_the_404_page(tmp_path):
    write_tree(
        tmp_path / "content",
        {"_index.md": HOME, "p.md": "---\ntitle: P\naliases: [/404.html]\n---\nP\n"},
    )
    run = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-o", "out"]
        + ["-s", str(ROOT / "pelicanconf.py")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "400"},
    )
    logged = " ".join((run.stdout + run.stderr).split())
    assert run.returncode != 0, logged
    assert "content/p.md:3: writes 404.html, which the 404 page" in logged
    assert not (tmp_path / "out" / "404.html").exists()


# --- 9: no path from content leads off the site ------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/\\evil.example/",
        "\\\\evil.example/",
        "//evil.example/",
        "/%2f%2fevil.example/",
        "/%2F/evil.example/",
        "/%5cevil.example/",
        "/%255cevil.example/",
        "/\t/evil.example/",
        "/a\nb/",
        "/a\x00b/",
        "/a\x7fb/",
        "javascript:alert(1)",
        "https://evil.example/",
    ],
)
def test_paths_a_browser_would_take_off_the_site_are_refused(path):
    assert not urls.is_inside_site(path)
    assert not urls.is_safe_link(path) or path.startswith("https:")


def test_a_path_up_out_of_the_site_is_refused_even_encoded():
    assert not urls.is_inside_site("/a/%2e%2e/%2e%2e/b/")
    assert not urls.is_inside_site("/a/../../b/")


@pytest.mark.parametrize(
    "path", ["/", "/about/", "/a b/c.html", "/caf%C3%A9/", "old", "/100%25/"]
)
def test_ordinary_paths_stay_accepted(path):
    assert urls.is_inside_site(path)


@pytest.mark.parametrize(
    ("field", "line"),
    [
        ('url: "/\\\\evil.example/"', 3),
        ("url: /%5cevil.example/", 3),
        ('slug: "\\\\evil.example"', 3),
        ("slug: '%2f%2fevil.example'", 3),
        ('aliases: ["/\\\\evil.example/"]', 3),
        ("aliases:\n  - /ok/\n  - //evil.example/", 3),
        ('aliases: ["/\\tx/"]', 3),
    ],
)
def test_url_slug_or_alias_leaving_the_site_stops_the_build(
    tmp_path, monkeypatch, field, line
):
    text = f"---\ntitle: P\n{field}\n---\nP\n"
    problems = _build_fails(tmp_path, monkeypatch, {"posts/p.md": text})
    name = field.split(":")[0]
    expected = f"content/posts/p.md:{line}: '{name}' must be"
    mine = [p for p in problems if p.startswith(expected)]
    assert mine, problems
    assert "a browser would leave the site" in mine[0]


@pytest.mark.parametrize("text", ["---\ntitle: E\n---\nE\n", "Title: E\n\nE\n"])
def test_file_name_that_makes_an_off_site_url_stops_the_build(
    tmp_path, monkeypatch, text
):
    problems = _build_fails(tmp_path, monkeypatch, {"\\evil.example.md": text})
    assert any(
        p.startswith("content/\\evil.example.md:1: the file's name gives the URL")
        and "rename the file" in p
        for p in problems
    ), problems


# --- 11: summary without raw HTML --------------------------------------------


def test_summary_omits_raw_html_and_keeps_markdown(tmp_path):
    content = write_tree(
        tmp_path / "content",
        {
            "posts/p.md": """\
                ---
                title: P
                date: 2024-05-01
                summary: |
                  Hi <script>alert(1)</script> *there* [home](/)

                  <iframe src="https://evil.example/"></iframe>
                ---
                Body
            """,
        },
    )
    output = tmp_path / "out"
    build_site(
        content,
        output,
        HUGO_SETTINGS,
        DIRECT_TEMPLATES=["index"],
        INDEX_SAVE_AS="index.html",
    )
    summary = _soup(output / "index.html").find(class_="summary")
    assert summary is not None
    assert summary.find("script") is None and summary.find("iframe") is None
    assert summary.find("em").get_text() == "there"
    assert summary.find("a", href="/").get_text() == "home"
    assert str(summary).count("<!-- raw HTML omitted -->") == 3
    assert "evil.example" not in str(summary)


# --- bundle files come from inside content, and go inside the output ---------


def test_bundle_link_out_of_content_is_an_error_and_is_not_copied(
    tmp_path, monkeypatch
):
    outside = tmp_path / "secret"
    outside.mkdir()
    (outside / "key.txt").write_text("top secret\n")
    bundle = tmp_path / "content" / "gallery" / "trip"
    write_tree(
        bundle,
        {"index.md": "---\ntitle: Trip\n---\nT\n", "photo.jpg": b"jpeg"},
    )
    (bundle / "inside.jpg").symlink_to(bundle / "photo.jpg")
    (bundle / "key.txt").symlink_to(outside / "key.txt")
    (bundle / "folder").symlink_to(outside, target_is_directory=True)
    problems = _build_fails(tmp_path, monkeypatch, {})
    for name in ("key.txt", "folder"):
        assert any(
            p.startswith(f"content/gallery/trip/{name}: is a link to {outside}")
            and "outside the content folder, so it is not copied" in p
            for p in problems
        ), problems
    assert not any("inside.jpg" in p for p in problems)


def test_bundle_link_inside_content_is_copied(tmp_path):
    bundle = tmp_path / "content" / "gallery" / "trip"
    write_tree(
        tmp_path / "content",
        {
            "_index.md": HOME,
            "gallery/trip/index.md": "---\ntitle: Trip\n---\nT\n",
            "shared/photo.jpg": b"jpeg",
        },
    )
    (bundle / "photo.jpg").symlink_to(tmp_path / "content" / "shared" / "photo.jpg")
    build_site(tmp_path / "content", tmp_path / "out", HUGO_SETTINGS)
    copied = tmp_path / "out" / "gallery" / "trip" / "photo.jpg"
    assert copied.read_bytes() == b"jpeg" and not copied.is_symlink()


# --- the generator, in real builds --------------------------------------------


@settings(
    max_examples=examples(25),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(document=malformed_documents)
def test_malformed_front_matter_builds_or_stops_with_the_plugins_error(
    tmp_path_factory, monkeypatch, document
):
    folder = tmp_path_factory.mktemp("malformed")
    content = write_tree(folder / "content", {"_index.md": HOME, "p.md": document})
    monkeypatch.chdir(folder)
    try:
        build_site(content, folder / "out", HUGO_SETTINGS)
    except BuildError as error:
        # The file and line are named (a clash at the home page names the
        # home page first, then this file).
        assert any("content/p.md:" in p for p in error.problems), error.problems
        assert not any(re.match(r"\w+Error: ", p) for p in error.problems), (
            error.problems
        )
    else:
        assert (folder / "out" / "index.html").is_file()
