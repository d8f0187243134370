"""The home page's ``url`` and relative aliases, as Hugo 0.111 reads them
(findings F4 and F5 of the generated-site test).

Hugo takes a relative alias from the folder above the page: at the site's
root there is none, and Hugo stops; another language's home page (``/fr/``)
has the root above it. A home page's ``url`` is not used: it stays at the
root. Each site is built by Hugo and by cameo and compared as
test_hugo_generated_sites.py compares them; cameo's error is checked word
for word.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from . import hugo_sites_strategy as strategy
from .test_hugo_generated_sites import (
    BASE_TOML,
    TWO_LANGUAGES_TOML,
    build_both,
    differences,
)

HOME = "content/_index.md"


def _both(hugo: str, files: dict[str, str]):
    site = strategy.Site(files=files, config="hugo.toml", path="content")
    with tempfile.TemporaryDirectory(prefix="home-aliases-") as folder:
        theirs, ours = build_both(hugo, Path(folder), site)
    assert not differences(theirs, ours, language_404=True), (theirs, ours)
    return theirs, ours


@pytest.mark.hugo
@pytest.mark.parametrize(
    ("alias", "fix"),
    [("former", "/former"), ("./a/b", "/a/b"), ("old/deep.html", "/old/deep.html")],
)
def test_a_relative_alias_at_the_root_stops_as_in_hugo(hugo, alias, fix):
    files = {
        "hugo.toml": BASE_TOML,
        HOME: f"---\ntitle: Home\naliases: ['/kept/', '{alias}']\n---\nHome\n",
    }
    theirs, ours = _both(hugo, files)
    assert not theirs.ok and "traverses outside the website root" in theirs.message
    assert not ours.ok
    line = next(text for text in ours.message.splitlines() if HOME in text)
    assert line.strip() == (
        f"{HOME}:3: the alias '{alias}' is relative to the folder above this "
        "page, which is above the site's root (Hugo stops here too); make it "
        f"absolute: '{fix}'"
    )


@pytest.mark.hugo
@pytest.mark.parametrize(
    "field", ["draft: true", "publishDate: 2999-01-01", "_build: {render: never}"]
)
def test_a_relative_alias_on_a_home_page_left_out_is_not_checked(hugo, field):
    """Hugo checks an alias where it writes the redirect: never for a page
    it does not render."""
    files = {
        "hugo.toml": BASE_TOML,
        HOME: f"---\ntitle: Home\n{field}\naliases: [former]\n---\nHome\n",
        "content/posts/first.md": "---\ntitle: First\n---\nFirst\n",
    }
    theirs, ours = _both(hugo, files)
    assert theirs.ok and ours.ok


@pytest.mark.hugo
def test_a_relative_alias_on_another_languages_home_builds(hugo):
    files = {
        "hugo.toml": TWO_LANGUAGES_TOML,
        HOME: "---\ntitle: Home\n---\nHome\n",
        "content/_index.fr.md": "---\ntitle: Accueil\naliases: [former]\n---\nA\n",
    }
    theirs, ours = _both(hugo, files)
    assert (
        ours.ok
        and ours.aliases["former/index.html"] == theirs.aliases["former/index.html"]
    )


@pytest.mark.hugo
@pytest.mark.parametrize("url", ["/elsewhere/", "elsewhere", "/"])
def test_the_home_pages_url_is_not_used(hugo, url):
    files = {
        "hugo.toml": BASE_TOML,
        HOME: f"---\ntitle: Home\nurl: '{url}'\naliases: [/old/]\n---\nHome\n",
        "content/about.md": '---\ntitle: About\n---\n[link 0 of p1]({{< ref "/" >}})\n',
    }
    theirs, ours = _both(hugo, files)
    assert "index.html" in ours.titles and "elsewhere/index.html" not in ours.titles
    assert (
        ours.links["about/index.html"]["link 0 of p1"]
        == (theirs.links["about/index.html"]["link 0 of p1"])
    )
