"""The owner's profile page, as a visitor's browser receives it."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from bs4 import BeautifulSoup
from PIL import Image

from .conftest import FIXTURES, ROOT

SEED = ROOT / "content" / "_index.md"
SEED_SHA256 = FIXTURES / "seed" / "_index.md.sha256"


def _seed_fields() -> dict:
    return yaml.safe_load(SEED.read_text(encoding="utf-8").split("---")[1])


def _home(seed_site: Path) -> BeautifulSoup:
    return BeautifulSoup((seed_site / "index.html").read_text("utf-8"), "html.parser")


def test_content_is_the_seed_byte_for_byte():
    # The seed's SHA-256 as given, in `sha256sum` form: from the repository's
    # root, `sha256sum -c tests/fixtures/seed/_index.md.sha256` checks it too.
    digest, name = SEED_SHA256.read_text("ascii").split()
    assert name == SEED.relative_to(ROOT).as_posix()
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == digest
    assert SEED.read_bytes().startswith(b"---\nsupertitle: Tianyu Zhang\n")


def test_home_page_is_written_at_the_site_root(seed_site):
    assert (seed_site / "index.html").is_file()
    # The page's url is "/", which must not produce a second copy elsewhere;
    # its Chinese version is /zh/, and /en/ redirects home, as in Hugo.
    pages = sorted(
        p.relative_to(seed_site).as_posix() for p in seed_site.rglob("*.html")
    )
    assert pages == ["404.html", "en/index.html", "index.html", "zh/index.html"]
    assert (
        'http-equiv="refresh" content="0; url=/"'
        in (seed_site / "en" / "index.html").read_text()
    )


def test_profile_fields_appear_in_order(seed_site):
    fields = _seed_fields()
    soup = _home(seed_site)
    header = soup.select_one("article.profile header")
    children = [el for el in header.find_all(True, recursive=False)]
    # The header ends with the switch to the page's Chinese version.
    assert [el.name for el in children] == ["picture", "p", "h1", "p", "nav"]
    picture, supertitle, title, subtitle, _ = children
    avatar = picture.img
    assert avatar["alt"] == fields["icon"]["alt"]
    assert supertitle.get_text(strip=True) == fields["supertitle"]
    assert title.get_text(strip=True) == fields["title"]
    assert subtitle.get_text(strip=True) == fields["subtitle"]
    # The body follows the header.
    body = header.find_next_sibling()
    assert "intersection of systems and machine learning" in body.get_text()


def test_one_h1_and_body_headings_follow_it(seed_site):
    soup = _home(seed_site)
    assert len(soup.find_all("h1")) == 1
    levels = [int(h.name[1]) for h in soup.find_all(re.compile(r"^h[1-6]$"))]
    assert levels[0] == 1
    for previous, current in zip(levels, levels[1:], strict=False):
        assert current <= previous + 1, f"outline jumps from h{previous} to h{current}"
    assert [h.get_text() for h in soup.find_all("h2")] == ["Currently", "Contact"]


def test_avatar_file_exists_with_the_size_the_page_says(seed_site):
    avatar = _home(seed_site).select_one("img.avatar")
    assert avatar["src"] == "/images/avatar.png"
    image_path = seed_site / avatar["src"].lstrip("/")
    with Image.open(image_path) as image:
        assert (int(avatar["width"]), int(avatar["height"])) == image.size


def test_meta_description_and_language(seed_site):
    soup = _home(seed_site)
    description = soup.find("meta", attrs={"name": "description"})
    assert description["content"] == _seed_fields()["description"]
    assert soup.html["lang"] == "en"
    assert soup.find("meta", attrs={"name": "viewport"})["content"].startswith(
        "width=device-width"
    )


def test_body_links_and_code_block_survive(seed_site):
    soup = _home(seed_site)
    links = soup.select(".prose a")
    hrefs = [a["href"] for a in links]
    assert "https://github.com/johnzhang1999" in hrefs
    assert "https://www.linkedin.com/in/johnzhangty/" in hrefs
    assert len(hrefs) == 8
    # Each goes to another site, so each gets rel="noopener" (test_links.py
    # has the rules).
    assert all(a.get("rel") == ["noopener"] for a in links), links
    code = soup.select_one(".prose div.highlight pre code")
    assert "echo 'aHR0cHM6Ly90Lm1lL2p6aHR5Cg==' | base64 -D" in code.get_text()
    assert soup.select_one(".prose p code").get_text() == "tianyuz2/@/andrew.cmu.edu"


def test_no_protocol_relative_links_anywhere(seed_site):
    for page in seed_site.rglob("*.html"):
        html = page.read_text("utf-8")
        assert 'href="//' not in html and 'src="//' not in html, page


def test_page_loads_nothing_from_another_host(seed_site):
    soup = _home(seed_site)
    resources = [el.get("src") for el in soup.find_all(["img", "script", "iframe"])]
    resources += [
        el.get("href")
        for el in soup.find_all("link")
        if {"stylesheet", "icon"} & set(el.get("rel", []))
    ]
    resources = [url for url in resources if url]
    assert resources, "expected the stylesheets, icon and avatar"
    for url in resources:
        assert not urlsplit(url).netloc, f"{url} is on another host"
        assert (seed_site / urlsplit(url).path.lstrip("/")).is_file(), url
    assert "@import" not in "".join(
        css.read_text("utf-8") for css in seed_site.rglob("*.css")
    )


def test_favicon_is_declared_and_present(seed_site):
    icon = _home(seed_site).find("link", rel="icon")
    assert (seed_site / icon["href"].lstrip("/")).is_file()


def test_not_found_page_is_built(seed_site):
    soup = BeautifulSoup((seed_site / "404.html").read_text("utf-8"), "html.parser")
    assert soup.h1.get_text() == "Page not found"
    assert soup.find("a", href="/")


def test_profile_page_links_only_the_stylesheets_it_uses(seed_site):
    sheets = [
        link["href"] for link in _home(seed_site).find_all("link", rel="stylesheet")
    ]
    assert sheets == [
        "/theme/css/base.css",
        "/theme/css/profile.css",
        "/theme/css/code.css",
    ]
