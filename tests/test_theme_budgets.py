"""The theme's budgets, checked in a real browser and by the Nu HTML checker.

For the profile page (in English and in Chinese), an article, a list page
and the page of a site that `pelican-cameo new` writes, at 375 and 1280 px,
light and dark: axe-core finds no violation (WCAG 2.1 A and AA, best practices), the
browser logs no error, fails no request, asks no other host, and nothing
shifts. Every HTML file of the outputs passes the Nu HTML checker. The home
page's HTML and CSS stay under 14 KB compressed.
"""

from __future__ import annotations

import gzip
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from cameo_tools.build import build
from cameo_tools.new import main

from .conftest import CACHE, FIXTURES, ROOT, screenshot

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
CASES = {
    "profile": ("seed", "/"),
    "profile in Chinese": ("seed", "/zh/"),
    "article": ("blog", "/first-steps.html"),
    "list": ("blog", "/index.html"),
    "new site": ("new", "/"),
}
# The page's layout shift, and what moved (for the failure's message: a
# rare shift of a ten-thousandth was once seen and not reproduced).
LAYOUT_SHIFT = """new Promise(done => {
  let total = 0;
  const moved = [];
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      total += entry.value;
      for (const source of entry.sources || []) {
        const node = source.node;
        moved.push(node ? (node.nodeName + "." + (node.className || "")) : "?");
      }
    }
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => done([total, moved]), 300);
})"""


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("budgets")
    outputs = {"seed": folder / "seed", "blog": folder / "blog"}
    build(ROOT / "pelicanconf.py", outputs["seed"], {"CACHE_PATH": str(CACHE)})
    build(
        FIXTURES / "blog" / "blogconf.py", outputs["blog"], {"CACHE_PATH": str(CACHE)}
    )
    # What `pelican-cameo new` writes, built as it is (the plugins under the
    # names the rest of this process loads them by).
    new_site = folder / "new-site"
    assert main(["new", str(new_site), "--title", "Ada Lovelace"]) == 0
    outputs["new"] = folder / "new"
    build(
        new_site / "pelicanconf.py",
        outputs["new"],
        {
            "CACHE_PATH": str(CACHE),
            "PLUGIN_PATHS": [str(ROOT / "plugins")],
            "PLUGINS": ["hugo_frontmatter", "cameo"],
        },
    )
    return outputs


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("case", list(CASES))
def test_page_meets_its_budgets(
    browser, sites, serve_dir, artifacts, case, width, scheme
):
    from axe_playwright_python.sync_playwright import Axe

    site, path = CASES[case]
    base = serve_dir(sites[site])
    context = browser.new_context(
        viewport={"width": width, "height": 900}, color_scheme=scheme
    )
    page = context.new_page()
    problems, hosts = [], set()
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("requestfailed", lambda r: problems.append(f"failed {r.url}"))
    page.on(
        "response", lambda r: r.status >= 400 and problems.append(f"{r.status} {r.url}")
    )
    page.on("request", lambda r: hosts.add(urlsplit(r.url).hostname))
    try:
        page.goto(base + path, wait_until="networkidle")
        shift, moved = page.evaluate(LAYOUT_SHIFT)
        assert shift == 0, moved
        results = Axe().run(
            page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}
        )
        assert results.violations_count == 0, results.generate_report()
        assert problems == []
        assert hosts == {"127.0.0.1"}
        screenshot(page, artifacts / f"{case}-{width}-{scheme}.png", width)
    finally:
        context.close()


def test_every_html_file_passes_the_nu_html_checker(vnu, sites, tmp_path):
    hugo = tmp_path / "hugo"
    build(FIXTURES / "hugo" / "hugoconf.py", hugo, {"CACHE_PATH": str(CACHE)})
    files = [str(p) for site in [*sites.values(), hugo] for p in site.rglob("*.html")]
    assert len(files) > 30
    run = subprocess.run(
        [*vnu, "--errors-only", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr.strip() == ""


def test_home_page_html_and_css_fit_in_14_kb_compressed(sites):
    home = sites["seed"] / "index.html"
    soup = BeautifulSoup(home.read_text("utf-8"), "html.parser")
    sheets = [
        sites["seed"] / link["href"].lstrip("/")
        for link in soup.find_all("link", rel="stylesheet")
    ]
    total = sum(len(gzip.compress(p.read_bytes(), 9)) for p in [home, *sheets])
    assert total <= 14 * 1024, f"{total} bytes"
