"""The converted-Markdown cache: reused while nothing that decides the HTML
changes, never standing in the way of an edit."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import HUGO_SETTINGS, build_site, write_tree

PAGE = """
---
title: Cached
date: 2024-01-02
---
Some *text* and a [link](https://example.org).
"""


def _build(tmp_path: Path, cache: Path, **overrides) -> Path:
    output = tmp_path / "out"
    build_site(
        tmp_path / "content", output, HUGO_SETTINGS, CACHE_PATH=str(cache), **overrides
    )
    return output


def _cache_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("hugo-markdown-*.json"))


def _plant(cache: Path, text: str, html: str) -> None:
    """Replace the stored HTML of ``text`` in every cache file."""
    entry = hashlib.sha256(text.encode("utf-8")).hexdigest()
    for path in _cache_files(cache):
        data = json.loads(path.read_text("utf-8"))
        assert entry in data["entries"]
        data["entries"][entry] = html
        path.write_text(json.dumps(data), "utf-8")


def test_unchanged_text_is_not_converted_again(tmp_path):
    write_tree(tmp_path / "content", {"posts/a.md": PAGE})
    cache = tmp_path / "cache"
    first = _build(tmp_path, cache)
    assert "<em>text</em>" in (first / "posts/a/index.html").read_text("utf-8")
    # The stored HTML is what the next build uses: plant a marker in it.
    body = "Some *text* and a [link](https://example.org).\n"
    _plant(cache, body, "<p>from the cache</p>")
    second = _build(tmp_path, cache)
    assert "from the cache" in (second / "posts/a/index.html").read_text("utf-8")


def test_an_edit_is_converted_and_the_old_entry_dropped(tmp_path):
    write_tree(tmp_path / "content", {"posts/a.md": PAGE})
    cache = tmp_path / "cache"
    _build(tmp_path, cache)
    write_tree(tmp_path / "content", {"posts/a.md": PAGE.replace("*text*", "**new**")})
    output = _build(tmp_path, cache)
    assert "<strong>new</strong>" in (output / "posts/a/index.html").read_text("utf-8")
    (stored,) = _cache_files(cache)
    entries = json.loads(stored.read_text("utf-8"))["entries"]
    assert len(entries) == 1 and "<strong>new</strong>" in next(iter(entries.values()))


def test_changed_markdown_settings_are_not_served_from_the_cache(tmp_path):
    write_tree(tmp_path / "content", {"posts/a.md": PAGE + "\n# Heading\n"})
    cache = tmp_path / "cache"
    output = _build(tmp_path, cache)
    assert "<h2" in (output / "posts/a/index.html").read_text("utf-8")
    output = _build(tmp_path, cache, CAMEO_OUTLINE=False)
    html = (output / "posts/a/index.html").read_text("utf-8")
    assert "<h1 id=" in html or "<h1>Heading" in html  # the outline is off
    output = _build(tmp_path, cache, SITEURL="https://example.org")
    link = BeautifulSoup(
        (output / "posts/a/index.html").read_text("utf-8"), "html.parser"
    ).find("a", href="https://example.org")
    assert "noopener" not in (link.get("rel") or [])  # the site's own host now
    assert len(_cache_files(cache)) == 3  # one file per settings


def test_a_changed_cascade_reaches_pages_whose_text_did_not_change(tmp_path):
    templates = write_tree(
        tmp_path / "templates",
        {
            "partials/extend_footer.html": (
                "{% if article is defined %}<p id=banner>{{ article.banner }}</p>"
                "{% endif %}"
            )
        },
    )
    index = "---\ntitle: Posts\ncascade:\n  banner: {}\n---\n"
    write_tree(tmp_path / "content", {"posts/a.md": PAGE, "posts/_index.md": ""})
    cache = tmp_path / "cache"
    for banner in ("one.png", "two.png"):
        (tmp_path / "content/posts/_index.md").write_text(index.format(banner))
        output = _build(tmp_path, cache, THEME_TEMPLATES_OVERRIDES=[str(templates)])
        html = (output / "posts/a/index.html").read_text("utf-8")
        assert (
            f'<p id="banner">{banner}</p>' in html or f"<p id=banner>{banner}" in html
        )


def test_an_unreadable_cache_is_rebuilt(tmp_path):
    write_tree(tmp_path / "content", {"posts/a.md": PAGE})
    cache = tmp_path / "cache"
    _build(tmp_path, cache)
    (stored,) = _cache_files(cache)
    stored.write_text("{not json", "utf-8")
    output = _build(tmp_path, cache)
    assert "<em>text</em>" in (output / "posts/a/index.html").read_text("utf-8")
    assert json.loads(stored.read_text("utf-8"))["format"] == 1


def test_the_cache_can_be_turned_off(tmp_path):
    write_tree(tmp_path / "content", {"posts/a.md": PAGE})
    cache = tmp_path / "cache"
    options = {"hugo_urls": True, "markdown_cache": False}
    output = _build(tmp_path, cache, HUGO_FRONTMATTER=options)
    assert "<em>text</em>" in (output / "posts/a/index.html").read_text("utf-8")
    assert _cache_files(cache) == []


def test_the_files_of_settings_still_in_use_are_kept(tmp_path):
    write_tree(tmp_path / "content", {"posts/a.md": PAGE})
    cache = tmp_path / "cache"
    _build(tmp_path, cache)
    body = "Some *text* and a [link](https://example.org).\n"
    _plant(cache, body, "<p>planted</p>")  # gone if the file is ever dropped
    for number in range(5):  # five other settings, each newer than the first
        _build(tmp_path, cache, SITEURL=f"https://site{number}.example")
        output = _build(tmp_path, cache)  # the first again: nothing to rewrite
        assert "planted" in (output / "posts/a/index.html").read_text("utf-8")
    assert len(_cache_files(cache)) == 4


# A build in a process of its own: the workers are forked only from a
# process that runs no other thread (pytest's workers run some).
BUILD = """
import logging, sys
from cameo_tools.build import build
logging.basicConfig(level=logging.INFO, format="%(message)s")
content, output, cache, workers, settings = sys.argv[1:]
build(settings, output, {
    "PATH": content, "CACHE_PATH": cache,
    "HUGO_FRONTMATTER": {"hugo_urls": True, "parallel_markdown": int(workers)},
})
"""


@pytest.mark.slow
def test_markdown_converted_in_parallel_is_what_one_process_converts(tmp_path):
    """A first build converts the Markdown the cache lacks in worker
    processes (parallel_markdown); the site is byte for byte the same."""
    pages = {
        f"posts/p{number}.md": (
            f"---\ntitle: Post {number}\ndate: 2024-01-{number % 28 + 1:02d}\n---\n"
            f"Text *{number}* with a [link](https://example.org/{number}).\n\n"
            "<!--more-->\n\n```python\nprint('code')\n```\n"
        )
        for number in range(220)
    }
    write_tree(tmp_path / "content", pages)
    outputs, logs = [], []
    for workers in (2, 0):
        output = tmp_path / f"out-{workers}"
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                BUILD,
                str(tmp_path / "content"),
                str(output),
                str(tmp_path / f"cache-{workers}"),
                str(workers),
                str(HUGO_SETTINGS),
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(output)
        logs.append(done.stderr)
    assert "converted 220 pages' Markdown in 2 processes" in logs[0]
    assert "processes" not in logs[1]
    files = sorted(p.relative_to(outputs[0]) for p in outputs[0].rglob("*.html"))
    assert len(files) > 220
    for name in files:
        assert (outputs[0] / name).read_bytes() == (outputs[1] / name).read_bytes()
    stored = [
        json.loads(_cache_files(tmp_path / f"cache-{workers}")[0].read_text("utf-8"))
        for workers in (2, 0)
    ]
    assert stored[0] == stored[1]  # the same texts, the same HTML
