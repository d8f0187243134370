"""The same input builds to the same bytes: in one process or in new ones,
with a warm cache or none; times come from the pages, or SOURCE_DATE_EPOCH."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT, build_site, write_tree

# Builds SETTINGS into OUTPUT with CACHE, in a process of its own.
BUILDER = textwrap.dedent(
    """
    import sys
    from cameo_tools.build import build
    settings, output, cache, site_url = sys.argv[1:5]
    build(settings, output, {"CACHE_PATH": cache, "SITEURL": site_url})
    """
)


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _build_in_new_process(
    tmp_path: Path, settings: Path, name: str, env: dict | None = None
) -> dict[str, bytes]:
    builder = tmp_path / "builder.py"
    builder.write_text(BUILDER)
    output, cache = tmp_path / f"out-{name}", tmp_path / f"cache-{name}"
    subprocess.run(
        [sys.executable, str(builder), str(settings), str(output), str(cache)]
        + ["https://example.org"],
        cwd=settings.parent,
        check=True,
        capture_output=True,
        env={**os.environ, **(env or {})},
    )
    return _tree(output)


@pytest.mark.slow
def test_the_blog_builds_to_the_same_bytes_in_two_new_processes(tmp_path):
    settings = FIXTURES / "blog" / "blogconf.py"
    first = _build_in_new_process(tmp_path, settings, "first")
    second = _build_in_new_process(tmp_path, settings, "second")
    assert "sitemap.xml" in first and "index.html" in first
    assert first == second


@pytest.mark.slow
def test_the_profile_site_builds_to_the_same_bytes_in_two_new_processes(tmp_path):
    # Its one page has no date: the sitemap used to carry the build's time.
    settings = ROOT / "publishconf.py"
    first = _build_in_new_process(tmp_path, settings, "first")
    second = _build_in_new_process(tmp_path, settings, "second")
    assert "<lastmod>" not in first["sitemap.xml"].decode()
    assert any(name.endswith(".avif") for name in first)
    assert first == second


def test_a_rebuild_in_the_same_process_gives_the_same_bytes(tmp_path):
    content = ROOT / "content"
    build_site(content, tmp_path / "one", SITEURL="https://example.org")
    build_site(content, tmp_path / "two", SITEURL="https://example.org")
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")


def test_sitemap_dates_come_from_the_pages_and_hugo_hints_are_kept(tmp_path):
    content = write_tree(
        tmp_path / "content",
        {
            "_index.md": "---\ntitle: Home\n---\nHi.\n",
            "about.md": (
                "---\ntitle: About\nlastmod: 2024-05-06T07:08:09Z\n"
                "sitemap: {changefreq: monthly, priority: 0.9}\n---\nMe.\n"
            ),
            "secret.md": "---\ntitle: Secret\nsitemap: {disable: true}\n---\nShh.\n",
            "draft.md": "---\ntitle: Draft\ndraft: true\n---\nLater.\n",
        },
    )
    output = tmp_path / "out"
    build_site(content, output, SITEURL="https://example.org")
    sitemap = (output / "sitemap.xml").read_text("utf-8")
    assert sitemap == (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        "<url><loc>https://example.org/</loc></url>\n"
        "<url><loc>https://example.org/about/</loc>"
        "<lastmod>2024-05-06T07:08:09+00:00</lastmod>"
        "<changefreq>monthly</changefreq><priority>0.9</priority></url>\n"
        "</urlset>\n"
    )


@pytest.mark.slow
def test_source_date_epoch_is_the_date_of_a_feed_with_no_dated_entry(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(ROOT / "content", site / "content")
    settings = site / "feedconf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        "from pelicanconf import *\n"
        "PATH = 'content'\nFEED_ALL_ATOM = 'feeds/all.atom.xml'\n"
    )
    epoch = {"SOURCE_DATE_EPOCH": "1700000000"}
    first = _build_in_new_process(tmp_path, settings, "first", epoch)
    second = _build_in_new_process(tmp_path, settings, "second", epoch)
    feed = first["feeds/all.atom.xml"].decode()
    assert "<updated>2023-11-14T22:13:20+00:00</updated>" in feed
    assert first == second


def test_source_date_epoch_dates_an_empty_list_of_terms_feed(tmp_path, monkeypatch):
    """Hugo's feed of a taxonomy with no term yet (written by the Hugo plugin,
    not by Pelican's writer) takes the same fixed date."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = write_tree(
        tmp_path,
        {
            "hugo.toml": '[taxonomies]\ntag = "tags"\nseries = "series"\n',
            "content/posts/one.md": "---\ntitle: One\ndate: 2024-01-02\n---\nText.\n",
        },
    )
    output = tmp_path / "out"
    build_site(
        root / "content",
        output,
        HUGO_FRONTMATTER={"hugo_config": str(root / "hugo.toml")},
    )
    feed = (output / "series" / "index.xml").read_text("utf-8")
    assert "<lastBuildDate>Tue, 14 Nov 2023 22:13:20 +0000</lastBuildDate>" in feed
