"""A leaf bundle translated by file name (``index.fr.md``) is the bundle's
page in that language, and makes its folder a leaf bundle, as in Hugo
0.111: its other Markdown files are resources, its files are copied beside
each language's page (finding F16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import MIGRATED_SETTINGS, build_site, hugo_build, write_tree

HUGO_TOML = """\
baseURL = "https://example.org/"
title = "Site"
defaultContentLanguage = "en"
[languages.en]
weight = 1
[languages.fr]
weight = 2
"""


def _files(root: Path) -> set[str]:
    """The pages and copied files both write (feeds, 404 pages, robots.txt
    and Hugo's page/1/ redirects aside: other tests hold them)."""
    found = set()
    for path in root.rglob("*"):
        name = path.relative_to(root).as_posix()
        if path.is_dir() or name.startswith(("theme/", "cards/")) or "page/1/" in name:
            continue
        if path.suffix == ".xml" or path.name in ("404.html", "robots.txt"):
            continue
        found.add(name)
    return found


def _both(hugo: str, tmp_path: Path, files: dict[str, str]) -> tuple[set, set]:
    files = {"hugo.toml": HUGO_TOML, **files}
    theirs = _files(hugo_build(hugo, tmp_path / "hugo-site", files))
    write_tree(tmp_path / "site", {**files, "cameoconf.py": MIGRATED_SETTINGS})
    build_site(tmp_path / "site", tmp_path / "out", tmp_path / "site/cameoconf.py")
    return theirs, _files(tmp_path / "out")


@pytest.mark.hugo
@pytest.mark.parametrize("extension", ["md", "markdown"])
def test_a_bundle_in_two_languages_is_written_in_both(hugo, tmp_path, extension):
    theirs, ours = _both(
        hugo,
        tmp_path,
        {
            "content/notes/second/index.md": "---\ntitle: S\n---\nS\n",
            "content/notes/second/index.fr.md": "---\ntitle: S fr\n---\nS\n",
            "content/notes/second/pic.png": "png",
            f"content/notes/second/extra.{extension}": "---\ntitle: R\n---\nR\n",
        },
    )
    assert "fr/notes/second/index.html" in theirs
    assert "fr/notes/second/pic.png" in theirs
    assert ours == theirs


@pytest.mark.hugo
def test_a_bundle_in_one_other_language_keeps_its_files_as_resources(hugo, tmp_path):
    theirs, ours = _both(
        hugo,
        tmp_path,
        {
            "content/notes/third/index.fr.md": "---\ntitle: T fr\n---\nT\n",
            "content/notes/third/extra.md": "---\ntitle: R\n---\nR\n",
        },
    )
    for place in ("fr/notes/third/index.html", "fr/notes/index.html"):
        assert place in theirs and place in ours
    assert not [name for name in theirs | ours if "extra" in name]
