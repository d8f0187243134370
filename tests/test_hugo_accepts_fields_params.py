"""Params looked up as Hugo looks them up: in any case, nested maps too, and
a missing one prints nothing.

A site's Go shortcode and its Jinja port print the same lookups of site,
language and page params in mixed case; Hugo builds the one, cameo the
other, and the printed line must be the same. ``.Get`` stays case-sensitive,
as in Hugo.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from .conftest import ROOT, TITLE_LAYOUTS, build_site, examples, hugo_build, write_tree

CONFIG = """\
baseURL = "http://example.org/"
title = "S"
[params]
codePenUser = "pen"
[params.Social]
gitHub = "gh"
[languages.en.params]
langOnly = "lo"
"""
PAGE = """\
---
title: P
SomeKey: sk
nested:
  DEEP: dp
---
{{< x Key="v" >}}
"""
GO_SHORTCODE = (
    "a={{ .Site.Params.codePenUser }} b={{ .Site.Params.codepenuser }} "
    "c={{ .Site.Params.CODEPENUSER }} d={{ .Site.Params.social.GITHUB }} "
    "e={{ .Site.Params.missing }} f={{ .Page.Params.SomeKey }} "
    "g={{ .Page.Params.nested.Deep }} h={{ .Page.Params.nope }} "
    'i={{ .Get "Key" }} j={{ .Get "key" }} k={{ .Site.Params.langonly }} '
    'l={{ .Page.Param "someKEY" }} m={{ .Page.Param "CodePenUser" }} '
    "n={{ with .Site.Params.Missing }}set{{ else }}unset{{ end }}.\n"
)
JINJA_SHORTCODE = (
    "a={{ site.params.codePenUser }} b={{ site.params.codepenuser }} "
    "c={{ site.params.CODEPENUSER }} d={{ site.params.social.GITHUB }} "
    "e={{ site.params.missing }} f={{ page.params.SomeKey }} "
    "g={{ page.params.nested.Deep }} h={{ page.params['nope'] }} "
    'i={{ get("Key") }} j={{ get("key") }} k={{ site.params["langOnly"] }} '
    'l={{ page.param("someKEY") }} m={{ page.param("CodePenUser") }} '
    "n={% if site.params.Missing %}set{% else %}unset{% endif %}.\n"
)
SETTINGS = f"""
THEME = {str(ROOT / "theme")!r}
PLUGIN_PATHS = [{str(ROOT / "plugins")!r}]
PLUGINS = ["hugo_frontmatter", "cameo"]
PATH = "content"
TIMEZONE = "UTC"
HUGO_FRONTMATTER = {{"hugo_config": "hugo.toml", "shortcodes": "jinja"}}
"""
# Hugo's layouts that print the page's content, where the shortcode is.
LAYOUTS = {**TITLE_LAYOUTS, "layouts/_default/single.html": "{{ .Content }}"}
_PRINTED = re.compile(r"a=.*?\.(?=\s|<|$)", re.DOTALL)


def _both(hugo: str, root: Path, config: str, page: str, go: str, jinja: str):
    """The shortcode's output in the page Hugo writes and in cameo's."""
    files = {"hugo.toml": config, "content/p.md": page}
    hugo_out = hugo_build(
        hugo, root, files, {**LAYOUTS, "layouts/shortcodes/x.html": go}
    )
    hugo_page = (hugo_out / "p" / "index.html").read_text("utf-8")
    write_tree(root, {"jinja/x.html": jinja})
    (root / "paramsite.py").write_text(SETTINGS, "utf-8")
    build_site(root / "content", root / "out", root / "paramsite.py")
    ours = (root / "out" / "p" / "index.html").read_text("utf-8")
    ours = ours.split("</head>")[-1]  # the page, not its description
    return _PRINTED.search(hugo_page)[0], _PRINTED.search(ours)[0]


@pytest.mark.hugo
def test_params_in_any_case_and_missing_ones_print_as_in_hugo(hugo, tmp_path):
    theirs, ours = _both(hugo, tmp_path, CONFIG, PAGE, GO_SHORTCODE, JINJA_SHORTCODE)
    assert theirs == (
        "a=pen b=pen c=pen d=gh e= f=sk g=dp h= i=v j= k=lo l=sk m=pen n=unset."
    )
    assert ours == theirs


# --- generated: keys in any case, nested, looked up in another case ---------

_KEY = st.text(string.ascii_letters, min_size=1, max_size=6).filter(
    lambda key: key.lower() not in {"true", "false", "inf", "nan", "null"}
)


def _respelled(key: str, flips: list[bool]) -> str:
    """``key`` with the letters at ``flips`` in the other case."""
    return "".join(
        char.swapcase() if flip else char
        for char, flip in zip(key, flips + [False] * len(key), strict=False)
    )


@st.composite
def _lookups(draw):
    """Site and page params (a key, maybe nested one level) and how the
    shortcode spells each key, in another case; some keys are never set."""
    keys = draw(st.lists(_KEY, min_size=1, max_size=4, unique_by=str.lower))
    looks = []
    for number, key in enumerate(keys):
        nested = draw(st.booleans())
        inner = draw(_KEY) if nested else ""
        where = draw(st.sampled_from(["site", "page", "missing"]))
        flips = draw(st.lists(st.booleans(), max_size=len(key)))
        inner_flips = draw(st.lists(st.booleans(), max_size=len(inner)))
        looks.append(
            (
                key,
                inner,
                where,
                _respelled(key, flips),
                _respelled(inner, inner_flips),
                f"v{number}",
            )
        )
    return looks


def _generated_site(looks) -> tuple[str, str, str, str]:
    site_lines, page_lines, go, jinja = [], [], [], []
    for key, inner, where, spelled, inner_spelled, value in looks:
        entry = f"{key}:\n  {inner}: {value}" if inner else f"{key}: {value}"
        if where == "site":
            table = f'[params.{key}]\n{inner} = "{value}"'
            site_lines.append(table if inner else f'{key} = "{value}"')
        elif where == "page":
            page_lines.append(entry)
        scope_go = ".Site.Params" if where != "page" else ".Page.Params"
        scope_jinja = "site.params" if where != "page" else "page.params"
        go_path = f"{scope_go}.{spelled}" + (f".{inner_spelled}" if inner else "")
        jinja_path = f"{scope_jinja}.{spelled}" + (f".{inner_spelled}" if inner else "")
        if inner and where == "missing":  # Hugo: nil has no fields
            go_path, jinja_path = f"{scope_go}.{spelled}", f"{scope_jinja}.{spelled}"
        go.append(f"[{{{{ {go_path} }}}}]")
        jinja.append(f"[{{{{ {jinja_path} }}}}]")
    # The plain keys first, then the tables, as TOML wants them.
    site_lines.sort(key=lambda line: line.startswith("["))
    config = 'baseURL = "http://example.org/"\ntitle = "S"\n[params]\n'
    config += "\n".join(site_lines) + "\n"
    page = "---\ntitle: P\n" + "\n".join(page_lines) + "\n---\n{{< x >}}\n"
    return config, page, "a=" + " ".join(go) + ".\n", "a=" + " ".join(jinja) + ".\n"


@pytest.mark.hugo
@settings(
    max_examples=examples(20),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(_lookups())
@example([("codePenUser", "", "site", "codepenuser", "", "v0")])
@example([("Social", "gitHub", "site", "social", "GITHUB", "v0")])
@example([("SomeKey", "", "page", "someKEY", "", "v0")])
@example([("x", "y", "missing", "X", "Y", "v0")])
# go-yaml v2: a nested Y is the key true, a field named Y stays Y.
@example([("ED", "Y", "page", "ED", "y", "v0")])
@example([("Y", "", "page", "y", "", "v0"), ("on", "no", "page", "ON", "NO", "v1")])
def test_generated_params_print_as_in_hugo(hugo, tmp_path_factory, looks):
    root = tmp_path_factory.mktemp("params")
    theirs, ours = _both(hugo, root, *_generated_site(looks))
    assert ours == theirs
