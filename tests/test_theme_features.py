"""The cameo theme's safety, sharing metadata, links and colour scheme toggle."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from cameo_tools.errors import BuildError

from .conftest import ROOT, build_site, write_tree

SOCIAL = [("GitHub", "https://github.com/someone"), ("Feed", "/feeds/all.atom.xml")]


def _site(tmp_path: Path, index: str | None = None, **settings) -> Path:
    content = write_tree(
        tmp_path / "content",
        {"_index.md": index or (ROOT / "content" / "_index.md").read_text("utf-8")},
    )
    (content / "images").mkdir(exist_ok=True)
    shutil.copy(ROOT / "content" / "images" / "avatar.png", content / "images")
    output = tmp_path / "output"
    build_site(content, output, **settings)
    return output


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


@pytest.fixture(scope="module")
def social_site(tmp_path_factory) -> Path:
    return _site(
        tmp_path_factory.mktemp("social"),
        SITEURL="https://me.example.org",
        SOCIAL=SOCIAL,
        CAMEO_EMAIL="someone@example.org",
    )


@pytest.fixture(scope="module")
def local_site(tmp_path_factory) -> Path:
    """The same, with site-relative URLs, for a browser on 127.0.0.1."""
    return _site(
        tmp_path_factory.mktemp("local"),
        SOCIAL=SOCIAL,
        CAMEO_EMAIL="someone@example.org",
    )


def test_metadata_is_escaped(tmp_path):
    output = _site(
        tmp_path,
        "---\ntitle: <script>alert(1)</script> & co\nsupertitle: A <b>\n---\nHi\n",
    )
    html = (output / "index.html").read_text("utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html
    assert (
        _soup(output / "index.html").h1.get_text() == "<script>alert(1)</script> & co"
    )


@pytest.mark.parametrize(
    ("settings", "words"),
    [
        ({"SOCIAL": [("Bad", "javascript:alert(1)")]}, "SOCIAL entry 'Bad'"),
        ({"SOCIAL": ["https://only-a-url.example"]}, "must be a (name, URL) pair"),
    ],
)
def test_unsafe_social_links_stop_the_build(tmp_path, settings, words):
    with pytest.raises(BuildError, match=re.escape(words)):
        _site(tmp_path, **settings)


def test_unsafe_avatar_url_stops_the_build(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BuildError) as caught:
        _site(tmp_path, "---\ntitle: T\nicon:\n  url: 'javascript:alert(1)'\n---\nHi\n")
    assert "content/_index.md:3: 'icon' must be a mapping whose 'url' is a path" in str(
        caught.value
    )


def test_sharing_metadata_and_canonical_url(social_site):
    soup = _soup(social_site / "index.html")
    assert soup.find("link", rel="canonical")["href"] == "https://me.example.org/"
    og = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
    assert og["og:type"] == "profile"
    assert og["og:title"] == "Hey, I'm Tianyu."
    # Shared with its social card, which shows the avatar; the person's
    # photo is the avatar itself.
    assert re.fullmatch(r"https://me\.example\.org/cards/\w+\.png", og["og:image"])
    assert og["og:image:alt"] == "Hey, I'm Tianyu. (Tianyu Zhang)"
    assert og["og:description"] == "I build systems for machine learning at scale."
    twitter = soup.find("meta", attrs={"name": "twitter:card"})["content"]
    assert twitter == "summary_large_image"
    person = json.loads(soup.find("script", type="application/ld+json").string)
    assert person == {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": "Tianyu Zhang",
        "url": "https://me.example.org/",
        "image": "https://me.example.org/images/avatar.png",
        "description": "I build systems for machine learning at scale.",
        "sameAs": ["https://github.com/someone", "/feeds/all.atom.xml"],
    }


def test_social_links_and_hidden_email(social_site):
    html = (social_site / "index.html").read_text("utf-8")
    soup = _soup(social_site / "index.html")
    links = soup.select(".profile-links a")
    assert [(a.get_text(strip=True), a["href"]) for a in links] == [
        ("GitHub", "https://github.com/someone"),
        ("Feed", "/feeds/all.atom.xml"),
        ("someone@example.org", "mailto:someone@example.org"),
    ]
    assert all(a.get("rel") == ["me"] for a in links[:2])
    assert all(a.svg["aria-hidden"] == "true" for a in links)
    # The raw HTML has neither the address nor "mailto:" for a harvester to find.
    assert "someone@example.org" not in html and "mailto:" not in html


def test_csp_allows_exactly_the_inline_script(social_site):
    soup = _soup(social_site / "index.html")
    policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})[
        "content"
    ]
    script = soup.head.find("script", type=None).string
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'self' 'sha256-{digest}'" in policy
    assert "default-src 'self'" in policy and "unsafe-inline" not in policy


def test_feed_links_when_feeds_are_on(tmp_path):
    output = _site(
        tmp_path, FEED_ALL_ATOM="feeds/all.atom.xml", SITEURL="https://x.org"
    )
    link = _soup(output / "index.html").find("link", type="application/atom+xml")
    assert link["href"] == "https://x.org/feeds/all.atom.xml"


def _page(browser, url: str, **context_options):
    context = browser.new_context(**context_options)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url, wait_until="networkidle")
    return context, page, errors


def test_toggle_switches_and_remembers_without_flash(browser, local_site, serve_dir):
    base = serve_dir(local_site)
    context, page, errors = _page(browser, base + "/", color_scheme="light")
    try:
        toggle = page.locator(".scheme-toggle")
        expect(toggle).to_be_visible()
        expect(toggle).to_have_attribute("aria-pressed", "false")
        light = page.evaluate("getComputedStyle(document.body).backgroundColor")
        toggle.click()
        expect(page.locator("html")).to_have_attribute("data-scheme", "dark")
        expect(toggle).to_have_attribute("aria-pressed", "true")
        dark = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert dark != light
        # A new page load starts dark before the first paint: the attribute is
        # set by the inline script in <head>, before <body> exists.
        seen = []
        page.on(
            "domcontentloaded",
            lambda: seen.append(
                page.evaluate("document.documentElement.dataset.scheme")
            ),
        )
        page.reload(wait_until="networkidle")
        assert seen == ["dark"]
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == dark
        assert errors == []
    finally:
        context.close()


def test_page_works_with_javascript_off(browser, local_site, serve_dir):
    base = serve_dir(local_site)
    context, page, errors = _page(
        browser, base + "/", java_script_enabled=False, color_scheme="dark"
    )
    try:
        expect(page.locator(".scheme-toggle")).to_be_hidden()
        expect(page.locator("h1")).to_have_text("Hey, I'm Tianyu.")
        expect(page.locator(".profile-links a").first).to_be_visible()
        assert errors == []
    finally:
        context.close()


def test_print_hides_controls_and_prints_link_targets(browser, local_site, serve_dir):
    base = serve_dir(local_site)
    context, page, _ = _page(browser, base + "/")
    try:
        page.emulate_media(media="print")
        expect(page.locator(".scheme-toggle")).to_be_hidden()
        expect(page.locator(".site-footer")).to_be_hidden()
        after = page.evaluate(
            "getComputedStyle(document.querySelector('.prose a'), '::after').content"
        )
        assert "http://www.cs.cmu.edu/~rvinayak/" in after
    finally:
        context.close()


def test_reduced_motion_has_no_transitions(browser, local_site, serve_dir):
    base = serve_dir(local_site)
    context, page, _ = _page(browser, base + "/", reduced_motion="reduce")
    try:
        duration = page.evaluate(
            "getComputedStyle(document.querySelector('.prose a')).transitionDuration"
        )
        assert duration == "0s"
    finally:
        context.close()


def test_avatar_sizes_and_favicons_are_made_from_the_avatar(local_site):
    from PIL import Image

    soup = _soup(local_site / "index.html")
    sources = {s["type"]: s for s in soup.select("picture source")}
    assert list(sources) == ["image/avif", "image/webp"]
    for media_type, extension in (("image/avif", "AVIF"), ("image/webp", "WEBP")):
        assert sources[media_type]["sizes"] == "7.5rem"
        for candidate in sources[media_type]["srcset"].split(", "):
            url, width = candidate.split()
            with Image.open(local_site / url.lstrip("/")) as image:
                assert image.format == extension
                assert f"{image.width}w" == width
    img = soup.select_one("picture img.avatar")
    assert (img["width"], img["height"], img["decoding"]) == ("400", "400", "async")
    with Image.open(local_site / "favicon.ico") as ico:
        assert ico.info["sizes"] == {(16, 16), (32, 32), (48, 48)}
    with Image.open(local_site / "favicon-32.png") as png:
        assert png.size == (32, 32)
    with Image.open(local_site / "apple-touch-icon.png") as touch:
        assert touch.size == (180, 180)
    # Both favicons, each with its size; the theme's SVG is for sites
    # without an avatar.
    icons = [
        (link["href"], link.get("sizes"), link.get("type"))
        for link in soup.find_all("link", rel="icon")
    ]
    assert icons == [
        ("/favicon.ico", "48x48", None),
        ("/favicon-32.png", "32x32", "image/png"),
    ]
    touch = soup.find_all("link", rel="apple-touch-icon")
    assert [link["href"] for link in touch] == ["/apple-touch-icon.png"]


def test_robots_txt_names_the_sitemap_when_published(tmp_path):
    output = _site(tmp_path, SITEURL="https://x.org")
    assert (output / "robots.txt").read_text() == (
        "User-agent: *\nAllow: /\nSitemap: https://x.org/sitemap.xml\n"
    )
    assert "<loc>https://x.org/</loc>" in (output / "sitemap.xml").read_text()
    output = _site(tmp_path / "off", SITEURL="https://x.org", CAMEO_SITEMAP=False)
    assert (output / "robots.txt").read_text() == "User-agent: *\nAllow: /\n"
    assert not (output / "sitemap.xml").exists()


def test_every_visitor_facing_text_has_a_chinese_translation():
    from babel.messages.pofile import read_po
    from jinja2 import Environment

    env = Environment(extensions=["jinja2.ext.i18n"])
    used = set()
    for template in (ROOT / "theme" / "templates").rglob("*.html"):
        for _, _, message in env.extract_translations(template.read_text("utf-8")):
            used.add(message if isinstance(message, str) else message[0])
    po = ROOT / "theme" / "translations" / "zh_CN" / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as handle:
        catalogue = {m.id: m.string for m in read_po(handle) if m.id}
    assert used - set(catalogue) == set()
    assert all(catalogue[message] for message in used)


def test_site_in_simplified_chinese(tmp_path):
    output = _site(tmp_path, DEFAULT_LANG="zh-CN")
    soup = _soup(output / "index.html")
    assert soup.html["lang"].lower() == "zh-cn"  # Pelican lower-cases it
    assert soup.select_one(".skip-link").get_text() == "跳到正文"
    assert "深色模式" in soup.select_one(".scheme-toggle").get_text()
    assert _soup(output / "404.html").h1.get_text() == "页面不存在"
