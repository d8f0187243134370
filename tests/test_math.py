"""Math as MathML at build time (issue 26), in Hugo pages and Pelican's
Markdown alike: the delimiters, the TeX annotation, ``$`` only where math is
on, a warning with file:line for TeX that does not convert, code left alone,
the same MathML from both readers; pages with math off as Hugo writes them
(against Hugo on generated text); a math page in Chromium."""

from __future__ import annotations

import logging
import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cameo_shared.math import MathError, find_math, tex_to_mathml
from pelican.plugins.hugo_frontmatter.markdown.goldmark import GoldmarkOptions, Renderer

from .conftest import HUGO_SETTINGS, build_site, examples, write_tree
from .test_goldmark import normalise
from .test_hugo_accepts_markdown import hugo_contents

TEX_ANNOTATION = "application/x-tex"
BODY = r"""
Display: $$\frac{a}{b}$$ and
$$
\sum_{i=1}^{n} i
$$

Hugo's way: \\( x^n / y \\) and \\[ \sqrt{2} \\].

Prices: $5 and $6, escapes: \[not a link\] and \(not math\).

Code: `$$\frac{c}{d}$$` and

```
$$ \alpha $$
```
"""
MATH_ON = r"""
Inline $x_1$ and \(y^2\) and \[z\]; a price: $5 and $6.
"""
BAD = r"""
Fine.

Bad: $$\frac{q}{$$ here.
"""


def _hugo_page(body: str, math: bool = False) -> str:
    flag = "math: true\n" if math else ""
    return f"---\ntitle: T\ndate: 2024-01-02\n{flag}---\n{body}"


def _pelican_page(body: str, math: bool = False) -> str:
    flag = "Math: true\n" if math else ""
    return f"Title: T\nDate: 2024-01-02\n{flag}\n{body}"


def _build(root: Path, files: dict[str, str], **overrides) -> dict[str, BeautifulSoup]:
    write_tree(root, {f"content/posts/{name}": text for name, text in files.items()})
    build_site(root / "content", root / "out", HUGO_SETTINGS, **overrides)
    pages = {}
    for name in files:
        stem = name.rpartition(".")[0]
        found = list((root / "out").rglob(f"{stem}*.html")) + list(
            (root / "out").glob(f"posts/{stem}/index.html")
        )
        pages[name] = BeautifulSoup(found[0].read_text("utf-8"), "html.parser")
    return pages


def _body(page: BeautifulSoup):
    return page.find(class_="e-content") or page.find("article") or page


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, BeautifulSoup]:
    root = tmp_path_factory.mktemp("math")
    return _build(
        root,
        {
            "hugo.md": _hugo_page(BODY),
            "pelican.md": _pelican_page(BODY),
            "hugo-on.md": _hugo_page(MATH_ON, math=True),
            "pelican-on.md": _pelican_page(MATH_ON, math=True),
        },
    )


def test_a_meta_description_shows_math_as_its_tex(tmp_path):
    # No description: the page's summary, in which each <math> is its TeX
    # once, not the MathML's letters run together and then the TeX.
    body = "Mass $$E = mc^2$$ and \\\\(a < b\\\\) here.\n"
    files = {"hugo.md": _hugo_page(body), "pelican.md": _pelican_page(body)}
    pages = _build(tmp_path, files, SITEURL="https://e.org")
    for page in pages.values():
        assert len(_body(page).find_all("math")) == 2
        described = page.find("meta", attrs={"name": "description"})["content"]
        assert described == "Mass E = mc^2 and a < b here."
        og = page.find("meta", property="og:description")["content"]
        assert og == described


def test_the_converter_keeps_the_tex_as_an_annotation():
    html = tex_to_mathml(r"a < b \varphi", True)
    page = BeautifulSoup(html, "html.parser")
    assert page.math["display"] == "block"
    annotation = page.math.semantics.find("annotation")
    assert annotation["encoding"] == TEX_ANNOTATION
    assert annotation.text == r"a < b \varphi"
    inline = BeautifulSoup(tex_to_mathml("a", False), "html.parser")
    assert "display" not in inline.math.attrs


@pytest.mark.parametrize("tex", [r"x^", r"\frac{a}", r"\nosuchcommand x", "{"])
def test_tex_that_does_not_convert_is_an_error(tex):
    with pytest.raises(MathError):
        tex_to_mathml(tex, False)


@pytest.mark.parametrize("name", ["hugo.md", "pelican.md"])
def test_display_and_inline_math_become_mathml_with_their_tex(built, name):
    body = _body(built[name])
    maths = body.find_all("math")
    texts = [m.find("annotation").text for m in maths]
    assert texts == [r"\frac{a}{b}", r"\sum_{i=1}^{n} i", "x^n / y", r"\sqrt{2}"]
    assert [m.get("display") for m in maths] == ["block", "block", None, "block"]
    assert all(m.find("annotation")["encoding"] == TEX_ANNOTATION for m in maths)
    text = body.get_text()
    assert "Prices: $5 and $6" in text
    assert "[not a link]" in text and "(not math)" in text
    codes = [code.get_text() for code in body.find_all("code")]
    assert r"$$\frac{c}{d}$$" in codes
    assert any(r"$$ \alpha $$" in code for code in codes)


@pytest.mark.parametrize("name", ["hugo-on.md", "pelican-on.md"])
def test_dollars_and_single_backslashes_count_where_the_page_turns_math_on(built, name):
    body = _body(built[name])
    texts = [m.find("annotation").text for m in body.find_all("math")]
    assert texts == ["x_1", "y^2", "z"]
    assert "a price: $5 and $6." in body.get_text()


def test_both_readers_write_the_same_mathml(built):
    for hugo, pelican in (("hugo.md", "pelican.md"), ("hugo-on.md", "pelican-on.md")):
        ours = [str(m) for m in _body(built[hugo]).find_all("math")]
        theirs = [str(m) for m in _body(built[pelican]).find_all("math")]
        assert ours and ours == theirs


def test_the_sites_params_math_turns_dollars_on(tmp_path):
    page = _build(
        tmp_path,
        {"post.md": _hugo_page("Inline $k_2$ here.")},
        HUGO_PARAMS={"Math": True},
    )["post.md"]
    assert [m.find("annotation").text for m in page.find_all("math")] == ["k_2"]


def test_cameo_math_turns_dollars_on_for_pelican_pages(tmp_path):
    page = _build(
        tmp_path, {"post.md": _pelican_page("Inline $k_3$ here.")}, CAMEO_MATH=True
    )["post.md"]
    assert [m.find("annotation").text for m in page.find_all("math")] == ["k_3"]


@pytest.mark.parametrize("reader", ["hugo", "pelican"])
def test_math_that_does_not_convert_warns_at_its_line_and_stays_text(
    tmp_path, caplog, reader
):
    # Each reader its own TeX: Pelican's log shows a warning once a process.
    bad = BAD.replace("q", f"q_{reader}")
    page = _hugo_page(bad) if reader == "hugo" else _pelican_page(bad)
    with caplog.at_level(logging.WARNING):
        built = _build(tmp_path, {"post.md": page})["post.md"]
    line = page.splitlines().index(next(x for x in page.splitlines() if "Bad" in x))
    warnings = [r.getMessage() for r in caplog.records if "math" in r.getMessage()]
    assert len(warnings) == 1, warnings
    assert re.match(rf".*post\.md:{line + 1}: math .*q_{reader}", warnings[0])
    assert "left as text" in warnings[0]
    assert rf"$$\frac{{q_{reader}}}{{$$" in _body(built).get_text()
    assert not _body(built).find("math")


def test_find_math_needs_math_on_for_dollars_and_single_backslashes():
    assert find_math("$x$", 0, False) is None
    assert find_math(r"\(x\)", 0, False) is None
    assert find_math(r"\[x\]", 0, False) is None
    assert find_math("$5 and $6", 0, True) is None
    assert find_math(r"\\(x\\)", 0, False).tex == "x"
    assert find_math("$$x$$", 0, False).display


# -- with math off, a page is what Hugo writes -------------------------------

_PIECES = st.sampled_from(
    ["$", "$5", " ", "x", "\\", "\\$", "[", "]", "(", ")", "`", "\n", "*", "12", "a b"]
)
# Left out: cameo's math on every page ($$, \\(, \\[); a blank page (Hugo
# writes none); a blank before a line break after a backslash, which the
# renderer keeps and Hugo drops, math or none (not this rule's).
_NO_MATH_TEXT = (
    st.lists(_PIECES, min_size=1, max_size=14)
    .map("".join)
    .filter(
        lambda text: "$$" not in text and "\\\\(" not in text and "\\\\[" not in text
    )
    .filter(lambda text: text.strip() and not re.search(r"\\[ \t]+\n", text))
)


@pytest.mark.hugo
@pytest.mark.slow
@settings(
    max_examples=examples(30),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(bodies=st.lists(_NO_MATH_TEXT, min_size=5, max_size=5))
def test_prices_and_escapes_render_as_hugo_with_math_off(
    hugo, tmp_path_factory, bodies
):
    root = tmp_path_factory.mktemp("math-off")
    renderer = Renderer(GoldmarkOptions())
    for body, theirs in zip(bodies, hugo_contents(hugo, root, bodies), strict=True):
        assert normalise(renderer.render(body)) == normalise(theirs), body


# -- in the browser ------------------------------------------------------------


@pytest.mark.slow
def test_a_math_page_renders_its_mathml_and_passes_axe(browser, serve_dir, tmp_path):
    from axe_playwright_python.sync_playwright import Axe

    from .test_theme_budgets import AXE_TAGS

    wide = " + ".join(rf"\frac{{a_{{{n}}}}}{{b_{{{n}}}}}" for n in range(40))
    body = f"{BODY}\nLong: $${wide}$$\n"
    write_tree(tmp_path, {"content/posts/post.md": _hugo_page(body)})
    build_site(tmp_path / "content", tmp_path / "out", HUGO_SETTINGS)
    base = serve_dir(tmp_path / "out")
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    try:
        page.goto(base + "/posts/post/", wait_until="networkidle")
        boxes = page.eval_on_selector_all(
            "math", "all => all.map(m => m.getBoundingClientRect().width)"
        )
        assert len(boxes) == 5 and all(width > 0 for width in boxes)
        # A long display equation scrolls in its own box, not the page.
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        results = Axe().run(
            page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}
        )
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()


@pytest.mark.slow
def test_a_math_page_passes_the_nu_html_checker(vnu, tmp_path):
    bad = BAD.replace("q", "q_nu")
    body = f"{BODY}\n{MATH_ON}\n{bad}"
    write_tree(tmp_path, {"content/posts/post.md": _hugo_page(body, math=True)})
    build_site(tmp_path / "content", tmp_path / "out", HUGO_SETTINGS)
    page = tmp_path / "out" / "posts" / "post" / "index.html"
    assert "<math" in page.read_text("utf-8")
    checked = subprocess.run(
        [*vnu, "--errors-only", str(page)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr + checked.stdout


def test_a_cached_page_warns_of_its_math_again(tmp_path, caplog):
    bad = BAD.replace("q", "q_cached")
    # The same text in two folders, one cache: the second build's HTML comes
    # from the Markdown cache. Two folders, because Pelican's log filter
    # drops a message a process has logged before (its LimitFilter).
    for folder in ("one", "two"):
        content = write_tree(tmp_path / folder, {"posts/post.md": _hugo_page(bad)})
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            build_site(
                content,
                tmp_path / f"{folder}-out",
                HUGO_SETTINGS,
                CACHE_PATH=str(tmp_path / "cache"),
            )
        warned = [
            r.getMessage() for r in caplog.records if "q_cached" in r.getMessage()
        ]
        assert len(warned) == 1 and f"{folder}/posts/post.md:8:" in warned[0], warned
    assert list((tmp_path / "cache").glob("hugo-markdown-*.json"))


def _parity_script():
    import importlib.util
    import sys

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "hugo_parity.py"
    spec = importlib.util.spec_from_file_location("hugo_parity", script)
    module = importlib.util.module_from_spec(spec)
    sys.modules["hugo_parity"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_parity_script_compares_math_by_its_tex():
    parity = _parity_script()
    hugo = parity.parse_html(
        r'<div class="e-content"><p>Block: $$ \frac{a}{b}'
        "\n $$ and \\( x^n \\) end.</p></div>"
    )
    cameo = parity.parse_html(
        '<div class="e-content"><p>Block: '
        + tex_to_mathml(r"\frac{a}{b}", True)
        + " and "
        + tex_to_mathml("x^n", False)
        + " end.</p></div>"
    )
    ours, theirs = parity.find_body(hugo)[0], parity.find_body(cameo)[0]
    assert parity.normal_lines(ours) == parity.normal_lines(theirs)
    assert r"<math> \frac{a}{b} </math>" in parity.normal_lines(ours)
    assert parity.visible_text(ours) == parity.visible_text(theirs)
    other = parity.parse_html(
        '<div class="e-content"><p>Block: ' + tex_to_mathml("c", True) + "</p></div>"
    )
    assert parity.normal_lines(parity.find_body(other)[0]) != parity.normal_lines(ours)


_MATH_PIECES = st.sampled_from(
    ["$$", "$", "\\(", "\\)", "\\[", "\\]", "\\\\(", "\\\\)", "x", "^2", " ", "5"]
    + ["\\frac{a}{b}", "`", "*", "_", "\n", "a b", "\\$", "{", "}"]
)


@settings(max_examples=examples(60), deadline=None)
@example(text="\\\\($$\\)", math_on=True)  # a backslash escaped, then \(
@example(text="\\$x$", math_on=True)  # an escaped dollar opens nothing
@given(
    text=st.lists(_MATH_PIECES, min_size=1, max_size=16).map("".join),
    math_on=st.booleans(),
)
def test_both_readers_find_the_same_math_in_any_text(text, math_on):
    import markdown

    from pelican.plugins.cameo.math import MathExtension

    python_markdown = markdown.Markdown(
        extensions=[MathExtension(site_math=math_on)]
    ).convert(text)
    goldmark = Renderer(GoldmarkOptions(math=math_on)).render(text)

    def maths(html: str) -> list[str]:
        page = BeautifulSoup(html, "html.parser")
        return [str(m) for m in page.find_all("math")]

    # Python-Markdown and markdown-it differ in what they make of the rest
    # (emphasis across math, code spans): where the text has none of it,
    # both find the same math.
    if not set(text) & {"`", "*", "_"}:
        assert maths(python_markdown) == maths(goldmark), (python_markdown, goldmark)
