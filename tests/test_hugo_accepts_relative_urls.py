"""A ``url`` without a leading slash is taken from its language's root, as
in Hugo 0.111 (``url: relative`` on a French page is ``/fr/relative/``; on
the default language's, ``/relative/``, or ``/en/relative/`` when that
language is in its folder too); one with a slash is the site's (F14)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import MIGRATED_SETTINGS, build_site, hugo_build, write_tree

HUGO_TOML = """\
baseURL = "https://example.org/"
title = "Site"
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = {in_subdir}
[languages.en]
weight = 1
[languages.fr]
weight = 2
"""


def _pages(root: Path) -> set[str]:
    """What both write, Hugo's page/1/ redirects, 404 pages, feeds and
    robots.txt aside (other tests hold them)."""
    found = set()
    for path in root.rglob("*.html"):
        name = path.relative_to(root).as_posix()
        if (
            name.startswith(("theme/", "cards/"))
            or "page/1/" in name
            or path.name == "404.html"
        ):
            continue
        found.add(name)
    return found


@pytest.mark.hugo
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    in_subdir=st.booleans(),
    language=st.sampled_from(["", ".fr"]),
    slash=st.sampled_from(["", "/"]),
    url=st.sampled_from(["relative-1", "deep/relative-2/", "file-3.html"]),
    section=st.booleans(),
)
def test_a_url_is_taken_from_its_languages_root(
    hugo, tmp_path_factory, in_subdir, language, slash, url, section
):
    tmp_path = tmp_path_factory.mktemp("urls")
    name = "notes/_index" if section else "a"
    where = f"content/{name}{language}.md"
    files = {
        "hugo.toml": HUGO_TOML.format(in_subdir=str(in_subdir).lower()),
        "content/b.md": "---\ntitle: B\n---\nB\n",
        "content/b.fr.md": "---\ntitle: B fr\n---\nB\n",
        where: f"---\ntitle: A\nurl: {slash}{url}\n---\nA\n",
    }
    if section:
        files[f"content/notes/n{language}.md"] = "---\ntitle: N\n---\nN\n"
    theirs = _pages(hugo_build(hugo, tmp_path / "hugo-site", files))
    write_tree(tmp_path / "site", {**files, "cameoconf.py": MIGRATED_SETTINGS})
    build_site(tmp_path / "site", tmp_path / "out", tmp_path / "site/cameoconf.py")
    assert _pages(tmp_path / "out") == theirs
