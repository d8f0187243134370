"""html/template's escaping in the Go template engine, against Hugo's pages.

One layout per escaping context, each run with the same hostile values
(quotes, angle brackets, ampersand, plus, equals, space, non-ASCII, a
``javascript:`` URL, markup); the engine's output must be Hugo's, byte for
byte."""

import json

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pelican.plugins.hugo_frontmatter.gotemplate import TemplateError, TemplateSet

from .conftest import hugo_build

HOSTILE = {
    "s": "a b<'\"&+=é`",
    "js": "javascript:alert(1)",
    "link": "https://example.org/a b?q=1&r=<2>#f",
    "markup": "<b onclick='x'>bold</b> & more",
    "attr": 'data-x="1"',
    "word": "title",
    "level": 2,
    "lt": "a<b>c",
    "color": "#FFF",
    "css": "max-width:80%",
    "expr": "expression(alert(1))",
    "none": None,
}

# Context name -> layout. Values are reached as .Params.NAME.
CONTEXTS = {
    "text": "<p>{{ .Params.s }}|{{ .Params.markup }}|{{ .Params.none }}|{{ 1e6 }}</p>",
    "trusted_html": "<div>{{ .Params.markup | safeHTML }}</div>",
    "double_quoted": '<p class="{{ .Params.s }}" title="x {{ .Params.markup }}">',
    "single_quoted": "<p class='{{ .Params.s }}'>",
    "unquoted": "<p class={{ .Params.s }} title={{ .Params.markup | safeHTML }}>",
    "url_start": '<a href="{{ .Params.js }}">a</a><a href="{{ .Params.link }}">b</a>',
    "url_space": '<a href=" {{ .Params.js }}">a</a><a href="&#x20;{{ .Params.js }}">'
    '<a href="x&#63;{{ .Params.s }}">',
    "url_trusted": '<a href="{{ .Params.js | safeURL }}">a</a>',
    "url_path": '<img src="/img/{{ .Params.s }}"><a href="/x/{{ .Params.link }}">',
    "url_query": '<a href="/search?q={{ .Params.s }}&u={{ .Params.link }}">q</a>',
    "url_like_name": '<a data-src="{{ .Params.js }}" data-uri="{{ .Params.s }}">',
    "attribute_list": "<p {{ .Params.attr | safeHTMLAttr }} {{ .Params.s }}>"
    "<p {{ .Params.word }}>",
    "rcdata": "<title>{{ .Params.markup }}</title><textarea>{{ .Params.s }}</textarea>",
    "comment": "<p>a<!-- {{ .Params.s }} -->b</p><!-- gone -->",
    "stray_lt": "<!doctype html><p>a < b <3 {{ .Params.s }}<</p><textarea><!--x--> "
    '< {{ .Params.lt }}</textarea><p title="<!--a-->">'
    "<title>a </title-x> {{ .Params.s }} </TITLE >",
    "predefined": '{{ .Params.s | html }}<a href="/q?{{ .Params.s | urlquery }}">',
    "tag_parts": "<div {{ with .Params.word }}hidden{{ end }} id=x>"
    "<h{{ .Params.level }}>h</h{{ .Params.level }}>",
    "style_element": "<style>.t-{{ .Params.level }} { color: {{ .Params.color }}; "
    "background: {{ .Params.s }} } .y-{{ .Params.s }} {} "
    ".z-{{ .Params.lt }} {}</style>",
    "style_attribute": '<li style="background: {{ .Params.color }};'
    '{{ if .Params.level }} border: 1px{{ end }}"><p style="a: {{ .Params.expr }}">'
    "<p style={{ .Params.color }}><p style='{{ .Params.css }}'>",
    "css_strings": "<style>p { content: '{{ .Params.s }}' } q { content: "
    '"{{ .Params.js }}" } a { background: url({{ .Params.link }}) } '
    "b { background: url( '{{ .Params.s }}' ) } c { x: url(\"/x?{{ .Params.s }}\") }"
    "/* {{ .Params.s }} */ p { color: red } // line {{ .Params.s }}\n q {} "
    "d { e: \"{{ .Params.s }}?{{ .Params.s }}\"; f: '{{ .Params.lt }}' }</style>",
    "css_attribute": '<p style="background: url({{ .Params.link }}); '
    'content: \'{{ .Params.s }}\'"><p style="content: &quot;{{ .Params.lt }}&quot;">',
    "branches": '{{ if .Params.s }}<a href="{{ .Params.js }}">{{ else }}<a>{{ end }}'
    "{{ range .Params.list }}<i title={{ . }}>{{ . }}</i>{{ end }}",
}


def assert_contexts_escape_as_hugo_does(hugo, root, params):
    files = {"config.toml": 'baseURL = "http://example.org/"\n'}
    for name in CONTEXTS:
        files[f"content/{name}.md"] = (
            "---\n" + json.dumps({"layout": name, **params}) + "\n---\n"
        )
    layouts = {f"layouts/_default/{name}.html": text for name, text in CONTEXTS.items()}
    public = hugo_build(hugo, root, files, layouts)
    for name, text in CONTEXTS.items():
        expected = (public / name / "index.html").read_text()
        templates = TemplateSet(html=True)
        ours = templates.parse(name, text).execute({"Params": params})
        assert ours == expected, name


def test_each_context_escapes_as_hugo_does(hugo, tmp_path):
    assert_contexts_escape_as_hugo_does(
        hugo, tmp_path, {**HOSTILE, "list": ["<a>", "b c", "d&e"]}
    )


# Characters that mean something in HTML, attributes, URLs or CSS.
HOSTILE_CHARS = "ab <>&'\"+=`/:;#?%()[]{}\\-é\t"
HOSTILE_TEXT = st.text(HOSTILE_CHARS, max_size=12)


_NAMES = ("s", "js", "link", "markup", "attr", "word", "color", "css", "expr", "lt")


@settings(max_examples=6, deadline=None)
# Once differed: an empty unquoted attribute value stays empty.
@example(values=dict.fromkeys(_NAMES, ""), items=[])
# Once differed: a lone < in trusted HTML stays, escaped, in an attribute.
@example(values={**dict.fromkeys(_NAMES, ""), "markup": "<"}, items=[])
# Once differed: a % that starts no %xx escape is encoded in a URL.
@example(values={**dict.fromkeys(_NAMES, ""), "link": "%", "s": "a%41%"}, items=[])
# Once differed: an unclosed tag in trusted HTML stays; CSS escapes decode.
@example(values={**dict.fromkeys(_NAMES, ""), "markup": "<a", "lt": "\\"}, items=[])
@example(values={**dict.fromkeys(_NAMES, ""), "lt": "\\41\\;b"}, items=[])
# Once differed: trusted HTML ending inside a tag's attribute name is dropped
# (html/template's stripTags, not a pattern for tags).
@example(values={**dict.fromkeys(_NAMES, ""), "markup": "<a:"}, items=[])
@given(
    values=st.fixed_dictionaries(
        {
            name: st.one_of(
                HOSTILE_TEXT,
                st.sampled_from(
                    ["javascript:", "https:", "mailto:", "data:", ""]
                ).flatmap(lambda scheme: HOSTILE_TEXT.map(lambda text: scheme + text)),
            )
            for name in (
                "s",
                "js",
                "link",
                "markup",
                "attr",
                "word",
                "color",
                "css",
                "expr",
                "lt",
            )
        }
    ),
    items=st.lists(HOSTILE_TEXT, max_size=3),
)
def test_generated_values_escape_as_hugo_escapes_them(
    hugo, tmp_path_factory, values, items
):
    params = {**values, "level": 2, "none": None, "list": items}
    root = tmp_path_factory.mktemp("hugo-escape")
    assert_contexts_escape_as_hugo_does(hugo, root, params)


@pytest.mark.parametrize(
    "text",
    [
        '<p title="{{ template "x" }}">',
        '<script>{{ template "x" }}</script>',
        '<style>p { content: "{{ template "x" }}" }</style>',
    ],
)
def test_template_calls_outside_html_text_refuse_to_parse_rather_than_print_unescaped(
    text,
):
    with pytest.raises(TemplateError, match='calling "x" outside HTML text'):
        TemplateSet(html=True).parse("t", text)


def test_branches_ending_in_different_contexts_are_an_error():
    with pytest.raises(TemplateError, match="branches end in different contexts"):
        TemplateSet(html=True).parse("t", '{{ if .x }}<a href="{{ end }}">')


def test_escaping_error_names_file_line_and_column():
    with pytest.raises(TemplateError) as caught:
        TemplateSet(html=True).parse(
            "x.html", 'a\n<a href="{{ if .x }}?{{ end }}{{ .x }}">'
        )
    assert str(caught.value) == (
        "html/template:x.html:2:33: {{.x}} appears in an ambiguous context within a URL"
    )
    assert (caught.value.name, caught.value.line, caught.value.col) == ("x.html", 2, 33)
