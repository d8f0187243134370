"""The same content built by Hugo (Debian's hugo) and by Pelican with the plugin.

For each content tree under tests/fixtures/hugo/, both builds must write the
same set of files (pages, list pages, alias redirects and bundle files; the
theme's own files aside), and each redirect must point at the same path. The
trees hold drafts, future and expired pages, headless and unrendered bundles,
cascades, slugs, urls and file names with blanks and punctuation.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from .conftest import FIXTURES, build_site

HUGO_SITES = FIXTURES / "hugo"
TREES = sorted(
    path.name for path in HUGO_SITES.iterdir() if (path / "content").is_dir()
)
_REFRESH = re.compile(r'http-equiv="refresh" content="0; url=([^"]+)"')


def _files(root: Path) -> set[str]:
    return {
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file()
        and not path.relative_to(root).as_posix().startswith(("theme/", "cards/"))
    }


def _redirects(root: Path, base: str) -> dict[str, str]:
    found = {}
    for page in root.rglob("*.html"):
        match = _REFRESH.search(page.read_text("utf-8"))
        if match:
            found[page.relative_to(root).as_posix()] = match[1].removeprefix(base)
    return found


BASE = "http://example.org"


def _build_both(hugo: str, tree: str, folder: Path) -> tuple[Path, Path]:
    """``tree`` built by Hugo and by Pelican: their two output folders."""
    hugo_out = folder / "hugo"
    subprocess.run(
        [
            hugo,
            "--quiet",
            "--source",
            str(HUGO_SITES),
            "--contentDir",
            f"{tree}/content",
            "--destination",
            str(hugo_out),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    ours = folder / "pelican"
    build_site(
        HUGO_SITES / tree / "content",
        ours,
        HUGO_SITES / "hugoconf.py",
        SITEURL=BASE,  # hugo.toml's baseURL: both write a sitemap then
    )
    return hugo_out, ours


@pytest.mark.parametrize("tree", TREES)
def test_hugo_and_pelican_write_the_same_files(hugo, tmp_path, tree):
    hugo_out, ours = _build_both(hugo, tree, tmp_path)
    hugo_files, our_files = _files(hugo_out), _files(ours)
    same = hugo_files & our_files
    print(f"{tree}: {len(same)} of {len(hugo_files | our_files)} paths equal")
    assert our_files == hugo_files
    assert _redirects(ours, BASE) == _redirects(hugo_out, BASE)
    assert len(same) >= 15  # the trees are not trivially small


def test_left_out_pages_are_absent_from_both(hugo, tmp_path):
    """Spot-check the differential: what Hugo leaves out, so do we."""
    for output in _build_both(hugo, "blog", tmp_path):
        written = _files(output)
        assert "posts/first-post/index.html" not in written  # its url is elsewhere
        assert "posts/hello-world/index.html" in written, output
        for left_out in (
            "draft",
            "future",
            "expired",
            "unrendered",
            "hidden-bundle/index",
        ):
            assert not any(left_out in path for path in written), (output, left_out)
        # A headless bundle's file is written; a bundle's page resource is not.
        assert "posts/hidden-bundle/data.txt" in written, output
        assert "posts/trip/notes/index.html" not in written, output
