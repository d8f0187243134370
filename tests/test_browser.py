"""The owner's page in a real browser: Debian's Chromium driven by Playwright."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageStat

from .conftest import screenshot

VIEWPORTS = {"phone": (320, 640), "tablet": (375, 812), "desktop": (1280, 800)}


def _open(browser, url: str, width: int, height: int, scheme: str):
    """Open ``url`` and record every problem a visitor's browser would hit."""
    context = browser.new_context(
        viewport={"width": width, "height": height}, color_scheme=scheme
    )
    page = context.new_page()
    problems: list[str] = []
    requested: list[str] = []
    page.on(
        "console", lambda m: m.type == "error" and problems.append(f"console: {m.text}")
    )
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url} {r.failure}"))
    page.on("request", lambda r: requested.append(r.url))
    page.on(
        "response",
        lambda r: r.status >= 400 and problems.append(f"HTTP {r.status}: {r.url}"),
    )
    page.goto(url, wait_until="networkidle")
    return context, page, problems, requested


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_home_page_in_chromium(
    browser, seed_site, serve_dir, artifacts, viewport, scheme
):
    base = serve_dir(seed_site)
    width, height = VIEWPORTS[viewport]
    context, page, problems, requested = _open(
        browser, base + "/", width, height, scheme
    )
    try:
        assert problems == []
        assert requested, "the page made no request at all"
        for url in requested:
            assert urlsplit(url).hostname == "127.0.0.1", (
                f"request to another host: {url}"
            )

        avatar = page.locator("img.avatar")
        assert avatar.is_visible()
        # At 1 device pixel a 120 px wide avatar is the 120 px AVIF.
        assert avatar.evaluate("img => img.complete && img.naturalWidth") == 120
        assert avatar.evaluate("img => img.currentSrc").endswith("/avatar-120.avif")
        box = avatar.bounding_box()
        assert box["width"] == pytest.approx(box["height"], abs=1)

        assert page.locator("h1").inner_text() == "Hey, I'm Tianyu."
        # Nothing wider than the screen: no sideways scrolling, even at 320 px.
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width

        shot = screenshot(page, artifacts / f"home-{viewport}-{scheme}.png", width)
        # Where the page says the avatar is, the screenshot shows the avatar's
        # 120 px file (inside the circle the page crops it to).
        left, top = round(box["x"]), round(box["y"])
        shown = shot.crop((left, top, left + 120, top + 120))
        with Image.open(seed_site / "images" / "avatar-120.avif") as image:
            avatar_file = image.convert("RGB")
        circle = Image.new("L", (120, 120))
        ImageDraw.Draw(circle).ellipse((4, 4, 115, 115), fill=255)
        difference = ImageStat.Stat(ImageChops.difference(shown, avatar_file), circle)
        assert max(difference.mean) < 8, difference.mean
    finally:
        context.close()


def test_dark_scheme_changes_the_colours(browser, seed_site, serve_dir):
    base = serve_dir(seed_site)
    colours = {}
    for scheme in ("light", "dark"):
        context, page, problems, _ = _open(browser, base + "/", 1280, 800, scheme)
        colours[scheme] = page.evaluate(
            "[getComputedStyle(document.body).backgroundColor,"
            " getComputedStyle(document.body).color]"
        )
        context.close()
        assert problems == []
    assert colours["light"][0] != colours["dark"][0]
    assert colours["light"][1] != colours["dark"][1]


def test_missing_page_shows_the_404_page(browser, seed_site, serve_dir):
    base = serve_dir(seed_site)
    context = browser.new_context()
    page = context.new_page()
    response = page.goto(base + "/no/such/page/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    context.close()
