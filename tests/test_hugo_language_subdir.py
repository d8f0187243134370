"""``defaultContentLanguageInSubdir``: the default language's pages, its
taxonomies included, live under its folder (``/en/``) and the site's
``index.html`` redirects there, as in Hugo 0.111; a site without a home
``_index.md`` builds (it stopped on two writers of ``index.html``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import MIGRATED_SETTINGS, build_site, hugo_build, write_tree

HUGO_TOML = """\
baseURL = "https://example.org/"
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = true
[languages.en]
weight = 1
[languages.fr]
weight = 2
"""
LAYOUTS = {
    "layouts/_default/single.html": "<h1>{{ .Title }}</h1>",
    "layouts/_default/list.html": "<h1>{{ .Title }}</h1>",
    "layouts/index.html": "<h1>{{ .Title }}</h1>",
    "layouts/404.html": "404",
}


def _pages(root: Path) -> set[str]:
    return {
        path.relative_to(root).as_posix()
        for path in root.rglob("*.html")
        if not path.relative_to(root).as_posix().startswith(("theme/", "cards/"))
    }


@pytest.mark.hugo
@pytest.mark.parametrize("home", [False, True])
def test_the_default_languages_pages_are_in_its_folder(hugo, tmp_path, home):
    files = {
        "hugo.toml": HUGO_TOML,
        "content/posts/a.md": "---\ntitle: A\ntags: [Go]\n---\nA\n",
        "content/posts/a.fr.md": "---\ntitle: Un\ntags: [Go]\n---\nUn\n",
    }
    if home:
        files["content/_index.md"] = "---\ntitle: Home\n---\nWelcome\n"
    theirs = _pages(hugo_build(hugo, tmp_path / "hugo-site", files, LAYOUTS))
    write_tree(tmp_path / "site", {**files, "cameoconf.py": MIGRATED_SETTINGS})
    build_site(tmp_path / "site", tmp_path / "out", tmp_path / "site/cameoconf.py")
    ours = _pages(tmp_path / "out")
    assert "en/tags/go/index.html" in theirs
    # No other page at the root (Pelican's list of posts is left out), and a
    # list the theme pages has Hugo's page/1/ redirect, which these layouts
    # lack.
    assert {path for path in ours if "page/1/" not in path} == theirs
    if home:
        # The default language's home page, in its folder, is the home page.
        html = (tmp_path / "out" / "en" / "index.html").read_text("utf-8")
        assert 'class="profile h-card"' in html
