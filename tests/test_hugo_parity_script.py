"""benchmarks/hugo_parity.py: how it reads bodies and titles, on real files.

The pages under tests/fixtures/hugo_parity/hugo/ are shaped like the script's
minimal Hugo layout, those under cameo/ like the cameo theme's (one with the
theme's older div.prose body, the others with e-content); content/ holds
their sources.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from pelican.plugins.hugo_frontmatter.content.options import plugin_options

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "hugo_parity.py"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "hugo_parity"


def _load_script():
    spec = importlib.util.spec_from_file_location("hugo_parity", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["hugo_parity"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


parity = _load_script()


def _build(side: str):
    build = parity.Build()
    parity.read_output(FIXTURES / side, build)
    return build


@pytest.fixture(scope="module")
def hugo():
    return _build("hugo").pages


@pytest.fixture(scope="module")
def cameo():
    return _build("cameo").pages


def _body(html: str) -> list[str]:
    body, _, _ = parity.find_body(parity.parse_html(html))
    return parity.normal_lines(body)


def test_untitled_pages_count_apart_from_exact_titles(hugo, cameo):
    titles = parity.compare_titles(hugo, cameo, FIXTURES / "content")

    assert titles.compared == 4
    assert titles.exact == ["about/index.html"]
    assert titles.untitled == [
        "archives/index.html (archives.md has no title):"
        " cameo shows its fallback 'Archives'",
        "index.html (_index.md has no title): cameo shows its fallback 'Site Name'",
    ]
    assert titles.different == ["post/one/index.html: Hugo 'One', cameo 'Uno'"]


def test_an_empty_hugo_title_over_a_titled_source_is_a_difference(hugo, cameo):
    # about.md has a title: had Hugo printed none, that is no untitled page.
    hugo = dict(hugo)
    hugo["about/index.html"] = parity.replace(hugo["about/index.html"], heading="")

    titles = parity.compare_titles(hugo, cameo, FIXTURES / "content")

    assert "about/index.html: Hugo '', cameo 'About'" in titles.different
    assert len(titles.untitled) == 2


def test_body_is_e_content_else_the_themes_prose_else_none(hugo, cameo):
    assert hugo["about/index.html"].body_from == "e-content"
    assert cameo["about/index.html"].body_from == "e-content"
    assert cameo["post/one/index.html"].body_from == "div.prose"
    assert cameo["archives/index.html"].body_from == "none"
    assert "the theme's div.prose (no e-content yet) on 2" in parity.body_sources(
        list(cameo.values())
    )


def test_levels_highlighting_attribute_order_and_entities_do_not_count(hugo, cameo):
    about = parity.compare_body(
        "about/index.html", hugo["about/index.html"], cameo["about/index.html"]
    )

    assert about.equal, about.diff
    assert about.text_equal
    assert hugo["about/index.html"].body == [
        "<p>",
        "About this",
        '<a class="a b" href="/x/" title="T">',
        "site",
        "</a>",
        "& more.",
        "</p>",
        '<h id="code"> Code </h>',
        "<!-- raw HTML omitted -->",
        '<div class="highlight">',
        "<pre>",
        "  func main() {}",
        "</pre>",
        "</div>",
    ]


def test_other_comments_are_dropped_and_heading_ids_count():
    assert _body('<div class="e-content"><!--more--><p>a</p></div>') == [
        "<p>",
        "a",
        "</p>",
    ]
    assert _body('<div class="e-content"><h2 id="x">A</h2></div>') != _body(
        '<div class="e-content"><h3>A</h3></div>'
    )


def test_visible_text_keeps_words_apart_across_blocks_not_inline_tags():
    body, _, _ = parity.find_body(
        parity.parse_html(
            '<div class="e-content"><p>one</p><p>t<em>w</em>o</p>'
            "<script>hidden()</script><!-- no --></div>"
        )
    )

    assert parity.visible_text(body) == "one two"


def test_list_page_with_no_text_on_either_side_is_skipped(hugo, cameo):
    home = parity.compare_body("index.html", hugo["index.html"], cameo["index.html"])

    assert home.list_page
    assert home.empty


def test_shortcodes_left_unrendered_are_counted_beyond_hugos_examples(hugo, cameo):
    one = parity.compare_body(
        "post/one/index.html", hugo["post/one/index.html"], cameo["post/one/index.html"]
    )

    assert (one.hugo_calls, one.cameo_calls, one.left_unrendered) == (1, 2, 1)
    assert not one.equal
    assert one.diff == [
        "<p>",
        "-A post that calls",
        '-<span class="notice">',
        "-a notice",
        "-</span>",
        "-.",
        "+A post that calls {{< notice >}}.",
        "</p>",
    ]


def test_first_difference_is_one_short_hunk():
    hugo = [f"line {n}" for n in range(40)]
    cameo = hugo[:5] + ["other"] + hugo[6:30] + ["later"] + hugo[31:]

    hunk = parity.first_difference(hugo, cameo)

    assert hunk == ["line 4", "-line 5", "+other", "line 6"]


def test_front_matter_in_each_format_gives_the_title_or_its_absence():
    content = FIXTURES / "content"

    assert parity.has_title(content / "about.md") is True  # YAML
    assert parity.has_title(content / "post" / "one.md") is True  # JSON
    assert parity.has_title(content / "_index.md") is False  # TOML
    assert parity.has_title(content / "archives.md") is False
    assert parity.has_title(content / "missing.md") is None
    assert parity.front_matter("---\ntitle: [unclosed\n---\n") is None
    assert parity.front_matter("No front matter.\n") == {}


def test_refused_options_are_read_from_the_plugins_own_error():
    with pytest.raises(ValueError) as refusal:
        plugin_options({"HUGO_FRONTMATTER": {"no_such": 1, "nor_this": 2}})

    outcome = {
        "ok": False,
        "summary": "the build failed",
        "problems": [str(refusal.value)],
    }

    assert parity.refused_options(outcome) == {"no_such", "nor_this"}
    assert parity.refused_options({"ok": False, "summary": "other trouble"}) == set()


@pytest.mark.hugo
def test_the_script_measures_a_tiny_site_and_exits_0():
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(FIXTURES / "site"), "--details", "-1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert '<div class="e-content">' in out
    assert "| bodies | pages | no body on either side |" in out
    assert "titles equal = exactly equal + untitled in both:" in out
    if "BUILD FAILED" not in out:  # the theme is someone else's work in progress
        assert "index.html (_index.md has no title): cameo shows its fallback" in out
        assert "| all pages in both | 6 | 5 | 1 |" in out  # hello.md's body
