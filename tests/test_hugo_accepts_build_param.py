"""``build:`` without the underscore is Hugo 0.123's name for ``_build``;
Hugo 0.111 keeps it as a param only: the page is rendered and listed as if
it were not there (finding F8 of the generated-site test). Each site is
built by Hugo and by cameo and compared as test_hugo_generated_sites.py
compares them."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from . import hugo_sites_strategy as strategy
from .test_hugo_generated_sites import BASE_TOML, build_both, differences


@pytest.mark.hugo
@pytest.mark.parametrize(
    "value",
    ["{render: never}", "{list: never}", "{render: false, list: false}", "x", "[1]"],
)
def test_build_without_underscore_is_only_a_param(hugo, value):
    files = {
        "hugo.toml": BASE_TOML,
        "content/posts/p.md": f"---\ntitle: P\nbuild: {value}\n---\nP\n",
    }
    site = strategy.Site(files=files, config="hugo.toml", path="content")
    with tempfile.TemporaryDirectory(prefix="build-param-") as folder:
        theirs, ours = build_both(hugo, Path(folder), site)
    assert not differences(theirs, ours, language_404=True)
    assert {"posts/p/index.html", "posts/index.html"} <= set(ours.titles)
    assert ours.titles["posts/p/index.html"] == "P"
