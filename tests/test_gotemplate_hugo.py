"""The Go template engine against Hugo: generated templates, one Hugo build a batch.

Each example is a layout (``layouts/_default/eN.html``) of its own page
(``content/eN.md``, whose front matter gives ``.Params``). Hugo renders with
html/template; the engine runs with ``html=True`` and must write Hugo's page
byte for byte. Its text/template output (no escaping) must be the same once
both are HTML-unescaped."""

import html
import json

import pytest
from hypothesis import HealthCheck, given, settings

from pelican.plugins.hugo_frontmatter.gotemplate import TemplateSet

from .conftest import hugo_build
from .gotemplate_strategies import batch

pytestmark = pytest.mark.hugo

CONFIG = """
baseURL = "http://example.org/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "home", "section", "404"]
"""

# Examples that once differed from Hugo, kept as fixed cases.
FIXED = [
    ('{{ printf "%#+8v|%# 1.0v|%#1.3v" 787.75 100000.0 "abcdef" }}', {}),
    ('{{ printf "%# x|%#x|% x" "" "ab" "ab" }}', {}),
    ("{{ 1e6 }} {{ 123456789.0 }} {{ 0.00001 }} {{ 100000.0 }}", {}),
    (
        "{{ range $i, $v := $.Params.l }}{{ if eq $i 1 }}{{ continue }}{{ end }}"
        "{{ if eq $i 3 }}{{ break }}{{ end }}{{ $v }}{{ end }}",
        {"l": [1, 2, 3, 4]},
    ),
    (
        "{{ range $k, $v := $.Params.m }}{{ $k }}={{ $v }};{{ end }}",
        {"m": {"b": 1, "a": [2, 3], "c": {"d": "e"}}},
    ),
    (
        '{{ with $.Params.s }}[{{ . }}]{{ else }}none{{ end }}{{ len "héllo" }}',
        {"s": ""},
    ),
    (
        "{{ if and $.Params.a (not $.Params.b) }}y{{ else if $.Params.c }}c{{ end }}"
        '{{ or $.Params.b 0 "" }}|{{ and 1 $.Params.b 2 }}',
        {"a": 1, "b": 0, "c": True},
    ),
    ("a {{- 1 -}} b {{- /* c */ -}} c {{/* d */}} d\n  {{- 2 }}", {}),
    (
        '{{ printf "%5.1f|%-5d|%05d|%x|%X|%q|%+d|%e|%g|%t|%c|%o" 3.14159 7 -42 255 '
        '"hi" "a\\"b" 5 1234.5678 0.000012 true 233 8 }}',
        {},
    ),
    ('{{ printf "%d %s" "a" 1 }}{{ printf "%d" }}{{ printf "x" 1 }}', {}),
    (
        '{{ $.Params.l }} {{ $.Params.m }} {{ $.Params.f }} {{ print 1 2 "a" 3 }}',
        {"l": [1, "a", 2.5, True], "m": {"z": [], "a": {}}, "f": 2.0},
    ),
]


def _page(n: int, params: dict) -> str:
    # YAML front matter written as JSON, which YAML reads as it is.
    return "---\n" + json.dumps({"layout": f"e{n}", **params}) + "\n---\n"


def render_with_hugo(hugo, root, examples):
    """Hugo's page for each (template, params) example, in one build."""
    layouts = root / "layouts" / "_default"
    layouts.mkdir(parents=True)
    for n, (template, _) in enumerate(examples):
        (layouts / f"e{n}.html").write_text(template, encoding="utf-8")
    files = {"config.toml": CONFIG}
    for n, (_, params) in enumerate(examples):
        files[f"content/e{n}.md"] = _page(n, params)
    public = hugo_build(hugo, root, files, layouts={})
    pages = [public / f"e{n}" / "index.html" for n in range(len(examples))]
    # Hugo writes no file for a page that renders empty.
    return [page.read_text(encoding="utf-8") if page.exists() else "" for page in pages]


def render_with_engine(template: str, params: dict, escape: bool) -> str:
    templates = TemplateSet(html=escape)
    return templates.parse("t", template).execute({"Params": params})


def assert_like_hugo(hugo, root, examples):
    for (template, params), page in zip(
        examples, render_with_hugo(hugo, root, examples), strict=True
    ):
        assert render_with_engine(template, params, True) == page, (template, params)
        text = render_with_engine(template, params, False)
        assert html.unescape(text) == html.unescape(page), (template, params)


def test_fixed_examples_render_as_hugo_renders_them(hugo, tmp_path):
    assert_like_hugo(hugo, tmp_path, FIXED)


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(examples=batch(12))
def test_generated_templates_render_as_hugo_renders_them(
    hugo, tmp_path_factory, examples
):
    assert_like_hugo(hugo, tmp_path_factory.mktemp("hugo-gotemplate"), examples)
