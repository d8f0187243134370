"""A page's front matter ``resources`` names, titles and gives params to its
bundle's files, as a Go shortcode reads them through ``.Page.Resources``;
against Hugo 0.111 (the rules themselves: test_hugo_resources.py)."""

from __future__ import annotations

import pytest

from .conftest import write_tree
from .test_go_shortcodes import _cameo_bodies, _hugo_bodies

LIST = (
    "{{ range .Page.Resources }}{{ .Name }}|{{ .Title }}|{{ .Params.credit }};"
    '{{ end }}{{ with .Page.Resources.GetMatch "photo-2" }}[{{ .Title }}]{{ end }}'
    "{{ .Page.Params.resources }}"
)
PAGE = """\
---
title: Album
resources:
- src: "*.txt"
  name: "photo-:counter"
  title: "Photo :counter"
  params:
    credit: Ann
- src: "b.txt"
  title: "Not this one: the first rule named it"
---
{{< list >}}
"""


@pytest.mark.hugo
def test_front_matter_resources_reach_a_shortcode_as_in_hugo(hugo, tmp_path):
    files = {
        "layouts/shortcodes/list.html": LIST,
        "themes/t/layouts/shortcodes/themed.html": "",
        "content/posts/album/index.md": PAGE,
    }
    for root in (tmp_path / "hugo", tmp_path / "cameo"):
        write_tree(
            root / "content/posts/album", {"a.txt": "a", "b.txt": "b", "c.css": "c"}
        )
    page = "content/posts/album/index.md"
    theirs = _hugo_bodies(hugo, tmp_path / "hugo", files)[page]
    ours = _cameo_bodies(tmp_path / "cameo", files)[page]
    assert "photo-1|Photo 1|Ann;" in theirs  # the rule applies in Hugo
    assert ours == theirs
