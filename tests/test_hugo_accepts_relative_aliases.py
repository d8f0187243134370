"""Aliases with ``.`` and ``..`` segments, as Hugo 0.111 resolves them.

Hugo joins a relative alias to the folder above the page's URL and cleans
the path as Go's ``path.Join`` does, never above the site's root
(``../../x`` from ``/posts/a/`` is ``/x/``); an absolute one is cleaned the
same way. An alias that ends at the site's root stops Hugo ("resolves to
website root directory"); cameo stops there too, with file:line. Each site
is built by Hugo and by cameo and compared as test_hugo_generated_sites.py
compares them.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from . import hugo_sites_strategy as strategy
from .test_hugo_generated_sites import BASE_TOML, build_both, differences

pytestmark = pytest.mark.hugo

_SEGMENTS = st.sampled_from(["..", ".", "up", "b.html", "deep"])
_ALIASES = st.lists(
    st.builds(
        lambda lead, parts, slash: lead + "/".join(parts) + slash,
        st.sampled_from(["", "/", "./"]),
        st.lists(_SEGMENTS, min_size=1, max_size=4),
        st.sampled_from(["", "/"]),
    ),
    min_size=1,
    max_size=3,
    unique=True,
)


def _compare(hugo: str, files: dict[str, str]):
    site = strategy.Site(files=files, config="hugo.toml", path="content")
    with tempfile.TemporaryDirectory(prefix="relative-aliases-") as folder:
        theirs, ours = build_both(hugo, Path(folder), site)
    assert not differences(theirs, ours), (files, theirs, ours)
    return theirs, ours


def _page(aliases: list[str], url: str = "") -> str:
    listed = ", ".join(repr(alias) for alias in aliases)
    own_url = f"url: {url}\n" if url else ""
    return f"---\ntitle: Deep\n{own_url}aliases: [{listed}]\n---\nBody\n"


@given(aliases=_ALIASES, url=st.sampled_from(["", "/x/y/z/", "/top/"]))
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_aliases_with_dot_segments_go_where_hugo_writes_them(hugo, aliases, url):
    files = {
        "hugo.toml": BASE_TOML,
        "content/_index.md": "---\ntitle: Home\n---\n",
        "content/posts/deep/page.md": _page(aliases, url),
    }
    _compare(hugo, files)


@pytest.mark.parametrize(
    ("alias", "where"),
    [("../../../way/up", "way/up/index.html"), ("x/../../y.html", "posts/y.html")],
)
def test_an_alias_that_climbs_stops_at_the_root(hugo, alias, where):
    files = {
        "hugo.toml": BASE_TOML,
        "content/posts/deep/page.md": _page([alias]),
    }
    theirs, ours = _compare(hugo, files)
    assert ours.aliases.get(where, "").endswith("/posts/deep/page/"), ours.aliases


@pytest.mark.parametrize("alias", ["/", "../..", "/a/.."])
def test_an_alias_at_the_sites_root_stops_as_in_hugo(hugo, alias):
    files = {
        "hugo.toml": BASE_TOML,
        "content/posts/deep/page.md": _page([alias]),
    }
    theirs, ours = _compare(hugo, files)
    assert "resolves to website root directory" in theirs.message
    line = next(text for text in ours.message.splitlines() if "page.md" in text)
    assert line.strip() == (
        f"content/posts/deep/page.md:3: the alias {alias!r} resolves to the "
        "site's root (Hugo stops here too); give another alias or remove it"
    )


def test_only_an_alias_ending_in_html_is_a_file(hugo):
    aliases = ["/old.txt", "/old.php", "/f.HTML", "/h.html/", "/g.html"]
    files = {
        "hugo.toml": BASE_TOML,
        "content/posts/deep/page.md": _page(aliases),
    }
    theirs, ours = _compare(hugo, files)
    assert {"old.txt/index.html", "old.php/index.html", "g.html"} <= set(
        ours.aliases
    ), ours.aliases
