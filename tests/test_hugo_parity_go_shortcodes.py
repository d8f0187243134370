"""benchmarks/hugo_parity.py's Go-shortcode mode: cameo builds a site with
its Go shortcodes as they are (theme-shortcodes/ copied into
layouts/shortcodes/, as for Hugo; no Jinja port), and the report says which
pages call which shortcode, how their bodies compare, and whether the site
meets issue 23's goal.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "hugo_parity.py"

# A site shaped like the shared ones: a Go shortcode in theme-shortcodes/,
# one page calling it twice, one that does not.
SITE = {
    "config.toml": 'baseURL = "https://example.org/"\ntitle = "Tiny"\n',
    "theme-shortcodes/box.html": (
        '<div class="box">{{ .Get 0 | upper }} {{ .Ordinal }}</div>\n'
    ),
    "content/post/uses.md": (
        '---\ntitle: Uses\n---\nOne.\n\n{{< box "a" >}}\n\n{{< box "b" >}}\n'
    ),
    "content/post/plain.md": "---\ntitle: Plain\n---\nJust text.\n",
}


def _load_script():
    spec = importlib.util.spec_from_file_location("hugo_parity_go", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["hugo_parity_go"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


parity = _load_script()


def _body(path: str, equal: bool, text_equal: bool):
    return parity.BodyComparison(path, False, False, equal, text_equal, 0, 0, [])


def test_the_goal_needs_every_visible_text_and_95_percent_of_bodies():
    built = parity.Build()
    nineteen = [_body(f"{n}.html", True, True) for n in range(19)]
    met = parity.goal_line([*nineteen, _body("x.html", False, True)], built)
    assert met.startswith("Issue 23's goal (met): visible text equal on 20 of 20")
    assert "bodies equal once normalised on 19 (95.0 %;" in met
    assert met.endswith("; of the 20 with a body on either side, 19 equal")
    empty = parity.BodyComparison("e.html", True, True, True, True, 0, 0, [])
    assert parity.goal_line([empty, _body("x.html", False, True)], built).endswith(
        "on 1 (50.0 %; at least 95 % needed); of the 1 with a body on either"
        " side, 0 equal"
    )
    text_differs = parity.goal_line([*nineteen, _body("x.html", False, False)], built)
    assert text_differs.startswith(
        "Issue 23's goal (not met): visible text equal on 19"
    )
    bodies_short = [*nineteen[:18], *[_body(f"y{n}", False, True) for n in range(2)]]
    assert "(not met)" in parity.goal_line(bodies_short, built)
    failed = parity.Build(error="the build failed")
    assert parity.goal_line(nineteen, failed) == (
        "Issue 23's goal: not met (cameo's build failed)"
    )


def _run(tmp_path: Path, *flags: str) -> str:
    site = tmp_path / "tiny-example"
    for name, text in SITE.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, "utf-8")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(site), "--details", "-1", *flags],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.hugo
def test_go_mode_copies_the_go_shortcodes_and_reports_them_page_by_page(tmp_path):
    out = _run(tmp_path, "--go-shortcodes")
    assert "cameo with the sites' Go shortcodes as they are (--go-shortcodes)" in out
    assert (
        "Go shortcodes as they are, no Jinja port: copied theme-shortcodes/ into"
        " layouts/shortcodes/: box"
    ) in out
    assert "HUGO_FRONTMATTER shortcodes" not in out
    row = next(line for line in out.splitlines() if line.startswith("| box |"))
    assert row.startswith("| box | 1 | 1 |")
    listed = [line for line in out.splitlines() if "post/uses.md: box: " in line]
    assert [line.split(": ")[0].strip() for line in listed] == ["post/uses/index.html"]
    if "BUILD FAILED" in out:  # the wiring of issue 23 has not landed
        assert "Issue 23's goal: not met (cameo's build failed)" in out
        assert listed[0].endswith(": missing in cameo")
    else:
        assert row == "| box | 1 | 1 | 1 (100%) | 1 (100%) | 1 (100%) |"
        assert listed[0].endswith(": equal")


@pytest.mark.hugo
def test_jinja_mode_names_the_ports_it_lacks(tmp_path):
    out = _run(tmp_path, "--jinja-ports")
    assert "(--jinja-ports)" in out
    assert "Go shortcodes as they are" not in out
    assert (
        "the site has theme-shortcodes/ but benchmarks/fixtures/"
        "shortcodes-tiny-example does not exist"
    ) in out


def _page(body: list[str], varying: frozenset[int] = frozenset()):
    return parity.HtmlFile(
        "p/index.html",
        "P",
        "P",
        None,
        "p.md",
        "page en",
        body,
        " ".join(body),
        varying=varying,
    )


def test_lines_hugo_varies_from_build_to_build_are_left_out_of_equal():
    hugo = _page(["<div id=x-abc>", "text", "</div>"], frozenset({0}))
    same_but_id = _page(["<div id=x-bca>", "text", "</div>"])
    other_text = _page(["<div id=x-bca>", "other", "</div>"])

    masked = parity.compare_body("p/index.html", hugo, same_but_id)
    assert (masked.equal, masked.masked) == (True, 1)
    differs = parity.compare_body("p/index.html", hugo, other_text)
    assert (differs.equal, differs.masked) == (False, 0)
    strict = parity.compare_body("p/index.html", _page(hugo.body), same_but_id)
    assert not strict.equal


# Hugo 0.111 (Go 1.20) seeds shuffle anew each build.
RANDOM_SITE = {
    **SITE,
    "theme-shortcodes/box.html": (
        '<div class="box" id="x-{{ delimit (shuffle (split "abcdefghijkl" "")) "" }}">'
        "{{ .Get 0 }}</div>\n"
    ),
}


@pytest.mark.hugo
def test_a_body_hugo_writes_at_random_is_compared_on_the_rest(tmp_path):
    site = tmp_path / "random-example"
    for name, text in RANDOM_SITE.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, "utf-8")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(site), "--details", "-1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert (
        "built twice: the body lines Hugo writes differently each build (shuffle,"
        " random) are not compared, on post/uses/index.html (2)"
    ) in out
    if "BUILD FAILED" not in out:
        assert "  post/uses/index.html: 2 line(s)\n" in out
        assert "post/uses/index.html: post/uses.md: box: equal" in out
