"""The owner's profile in two languages, and issue 26's worked example.

``content/_index.zh.md`` is the profile's Chinese version (Hugo's way of
naming a translation; the settings list ``zh`` in HUGO_LANGUAGES and give
its code, ``zh-Hans``, in CAMEO_LANGUAGES): it is written to ``/zh/`` with
``<html lang="zh-Hans">``, the theme's texts in Chinese, and both versions
link each other (``hreflang``, ``x-default``, the switch in the profile's
header). The worked example is this repository's content with
``tests/fixtures/profile_extras/`` (a BibTeX file as CAMEO_PUBLICATIONS, a
post with math): every page it shares has a social card of 1200 x 630 that
exists, the math is MathML with its TeX, both profiles pass axe, and two
builds in new processes give the same bytes. In a real browser the Chinese
page is set in a CJK font, with no synthetic italics or bold.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from cameo_tools.build import build

from .conftest import CACHE, FIXTURES, ROOT, missing
from .test_hugo_languages import _alternates
from .test_reproducible import _build_in_new_process

SITE = "https://example.org"
EXTRAS = FIXTURES / "profile_extras"
# The pages the example shares (each has Open Graph): both profiles and the
# post. The 404 page and /en/ (Hugo's redirect to the home page) have none.
SHARED = ["index.html", "zh/index.html", "softmax-by-hand.html"]
# What Chromium draws the Chinese title in when Debian's CJK font is there
# (`invoke test` installs fonts-wqy-microhei).
CJK_FONT = "WenQuanYi Micro Hei"


def example_content(folder: Path) -> Path:
    """This repository's content and the example's extra files, in ``folder``."""
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(EXTRAS, content, dirs_exist_ok=True)
    return content


def example_overrides(content: Path, cache: Path = CACHE) -> dict:
    return {
        "PATH": str(content),
        "CACHE_PATH": str(cache),
        "SITEURL": SITE,
        "CAMEO_PUBLICATIONS": "publications.bib",
    }


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("example")
    output = folder / "output"
    build(ROOT / "pelicanconf.py", output, example_overrides(example_content(folder)))
    return output


@pytest.fixture(scope="module")
def local_example(tmp_path_factory) -> Path:
    """The example as `invoke build` makes it (SITEURL empty), to be served."""
    folder = tmp_path_factory.mktemp("local-example")
    output = folder / "output"
    overrides = {**example_overrides(example_content(folder)), "SITEURL": ""}
    build(ROOT / "pelicanconf.py", output, overrides)
    return output


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def _file_of(output: Path, address: str) -> Path:
    """The file in ``output`` that an absolute address of the site serves."""
    assert address.startswith(SITE + "/"), address
    path = urlsplit(address).path.lstrip("/")
    return output / (path + "index.html" if path.endswith("/") or not path else path)


def test_each_profile_links_the_other(example):
    english, chinese = _soup(example / "index.html"), _soup(example / "zh/index.html")
    both = {"en": f"{SITE}/", "zh-Hans": f"{SITE}/zh/", "x-default": f"{SITE}/"}
    assert _alternates(english) == both
    assert _alternates(chinese) == both
    for address in both.values():
        assert _file_of(example, address).is_file()
    assert english.html["lang"] == "en"
    assert chinese.html["lang"] == "zh-Hans"
    # The switch, in the profile's header, names each language in itself.
    for soup, (href, code, name) in [
        (english, (f"{SITE}/zh/", "zh-Hans", "中文 (简体)")),
        (chinese, (f"{SITE}/", "en", "English")),
    ]:
        switch = soup.select("article.profile > header nav.languages a")
        assert [
            (a["href"], a["hreflang"], a["lang"], a.get_text()) for a in switch
        ] == [(href, code, code, name)]


def test_a_local_build_keeps_the_switch_but_writes_no_relative_hreflang(
    local_example,
):
    for name, href in [("index.html", "/zh/"), ("zh/index.html", "/")]:
        soup = _soup(local_example / name)
        assert soup.find_all("link", hreflang=True) == []
        assert [a["href"] for a in soup.select("nav.languages a")] == [href]


def test_the_chinese_profile_speaks_chinese(example):
    chinese = _soup(example / "zh/index.html")
    assert chinese.title.get_text() == "你好，我是天宇。 · 张天宇"
    og = {m["property"]: m["content"] for m in chinese.find_all("meta", property=True)}
    assert og["og:site_name"] == "张天宇"
    assert og["og:url"] == f"{SITE}/zh/"
    assert chinese.select_one(".skip-link").get_text() == "跳到正文"
    assert chinese.select_one("nav.languages")["aria-label"] == "其他语言"
    assert "深色模式" in chinese.select_one(".scheme-toggle").get_text()
    assert chinese.select_one(".publications h2").get_text() == "发表论文"
    # Its own text, and the owner's h-card, as on the English profile.
    assert chinese.select_one("article.profile.h-card .p-name").get_text() == "张天宇"
    assert "卡内基梅隆大学" in chinese.select_one(".prose").get_text()
    english = _soup(example / "index.html")
    assert english.select_one(".skip-link").get_text() == "Skip to content"
    assert english.select_one(".publications h2").get_text() == "Publications"


def test_every_shared_page_has_its_card(example):
    from PIL import Image

    sharing = sorted(
        path.relative_to(example).as_posix()
        for path in example.rglob("*.html")
        if _soup(path).find("meta", property="og:type")
    )
    assert sharing == sorted(SHARED)
    cards = set()
    for name in SHARED:
        soup = _soup(example / name)
        og = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
        card = _file_of(example, og["og:image"])
        with Image.open(card) as image:
            assert (image.format, image.size) == ("PNG", (1200, 630))
        assert card.stat().st_size < 100_000
        assert (og["og:image:width"], og["og:image:height"]) == ("1200", "630")
        twitter = soup.find("meta", attrs={"name": "twitter:card"})["content"]
        assert twitter == "summary_large_image"
        cards.add(card.name)
    assert len(cards) == len(SHARED)  # each its own


def test_the_post_shows_its_math_as_mathml(example):
    html = (example / "softmax-by-hand.html").read_text("utf-8")
    soup = BeautifulSoup(html, "html.parser")
    maths = soup.select(".prose math")
    assert len(maths) == 8
    assert [m.get("display") for m in maths].count("block") == 1
    for math in maths:
        annotation = math.find("annotation")
        assert annotation["encoding"] == "application/x-tex"
    texts = [m.find("annotation").get_text() for m in maths]
    assert r"\sigma(z)_i = \frac{e^{z_i}}{\sum_{j=1}^{n} e^{z_j}}" in texts
    assert "$$" not in soup.select_one(".prose").get_text()
    assert "A price such as $5 stays a price." in soup.select_one(".prose").get_text()


@pytest.mark.slow
def test_the_example_builds_to_the_same_bytes_in_two_new_processes(tmp_path):
    # The example's settings: the repository's, with its content and the
    # BibTeX file (the builder gives each process its own cache, and SITE).
    settings = tmp_path / "example.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        "from pelicanconf import *\n"
        f"PATH = {str(example_content(tmp_path))!r}\n"
        'CAMEO_PUBLICATIONS = "publications.bib"\n'
    )
    trees = [_build_in_new_process(tmp_path, settings, name) for name in "ab"]
    assert {"zh/index.html", "softmax-by-hand.html"} <= trees[0].keys()
    assert sum(name.startswith("cards/") for name in trees[0]) == len(SHARED)
    assert trees[0] == trees[1]


# -- in the browser ------------------------------------------------------------

# Each element's computed type, and the fonts Chromium drew its text in.
TYPE = """selector => {
  const node = document.querySelector(selector);
  const style = getComputedStyle(node);
  return {
    family: style.fontFamily,
    synthesis: style.fontSynthesis,
    style: style.fontStyle,
    emphasis: style.textEmphasisStyle || style.webkitTextEmphasisStyle,
    lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize),
  };
}"""


def _drawn_in(page, selector: str) -> set[str]:
    """The font families Chromium drew an element's text in (DevTools)."""
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})
    return {font["familyName"] for font in fonts["fonts"]}


@pytest.mark.browser
@pytest.mark.slow
def test_the_chinese_profile_is_set_in_cjk_type(browser, serve_dir, tmp_path):
    output = tmp_path / "output"
    content = example_content(tmp_path)
    build(
        ROOT / "pelicanconf.py", output, {**example_overrides(content), "SITEURL": ""}
    )
    # Emphasis in Chinese, and an English phrase inside it.
    page_file = output / "zh" / "index.html"
    page_file.write_text(
        page_file.read_text("utf-8").replace(
            "<p>我是",
            '<p><em id="zh-em">强调</em><em id="en-em" lang="en">stress</em>我是',
        ),
        "utf-8",
    )
    base = serve_dir(output)
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    try:
        page.goto(base + "/zh/", wait_until="networkidle")
        body = page.evaluate(TYPE, "body")
        assert body["synthesis"] == "none"
        assert round(body["lineHeight"], 2) == 1.8
        assert "Noto Sans CJK SC" in body["family"]
        assert "PingFang SC" in body["family"]
        chinese = page.evaluate(TYPE, "#zh-em")
        # Dots under the characters, not a slanted copy ("filled" is implied).
        assert chinese["style"] == "normal"
        assert chinese["emphasis"] in ("dot", "filled dot")
        english = page.evaluate(TYPE, "#en-em")
        assert (english["style"], english["emphasis"]) == ("italic", "none")
        drawn = _drawn_in(page, "h1")
        if CJK_FONT not in drawn:
            if os.environ.get("CI"):
                pytest.fail(f"the Chinese title was drawn in {drawn}, not {CJK_FONT}")
            missing(f"{CJK_FONT} is not installed (apt-get install fonts-wqy-microhei)")
        # The English page keeps the Latin stack and its line height.
        page.goto(base + "/", wait_until="networkidle")
        body = page.evaluate(TYPE, "body")
        assert "CJK" not in body["family"] and round(body["lineHeight"], 2) == 1.65
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_both_profiles_and_the_post_pass_axe(local_example, browser, serve_dir, scheme):
    from axe_playwright_python.sync_playwright import Axe

    from .test_theme_budgets import AXE_TAGS

    base = serve_dir(local_example)
    context = browser.new_context(
        viewport={"width": 375, "height": 800}, color_scheme=scheme
    )
    page = context.new_page()
    try:
        for path in ("/", "/zh/", "/softmax-by-hand.html"):
            page.goto(base + path, wait_until="networkidle")
            results = Axe().run(
                page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}
            )
            assert results.violations_count == 0, (path, results.generate_report())
    finally:
        context.close()
