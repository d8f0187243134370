"""html/template's JavaScript contexts in the Go template engine, against Hugo.

One layout per place JavaScript is written (a ``<script>`` value, strings,
regexps, template literals, comments, trusted ``safeJS``/``safeJSStr``,
times, script types, ``on*`` attributes) and ``srcset``, each run with the same
hostile values (quotes, ``</script>``, ``<!--``, backslashes, U+2028/U+2029,
``${``, regexp specials, numbers, nil, maps, lists) and with values
Hypothesis draws; the engine's output must be Hugo 0.111's, byte for byte.
All layouts of one set of values render in one Hugo build."""

import subprocess

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pelican.plugins.hugo_frontmatter.gotemplate import TemplateError, TemplateSet

from .conftest import hugo_build
from .hugo_functions_oracle import cameo_output, hugo_outputs

pytestmark = pytest.mark.hugo

HOSTILE = {
    "s": "a`b${c}'\"</script><!--\\ \u2028\u2029 +&\x01\b\t\n/*x*/ //é",
    "re": "^a.b*c+d?e(f)[g]{h}|i$\\/-",
    "link": "/a b.png?q=1&r=<2>",
    "img": "/a.png 2x, javascript:x 1x, /c,d.png 100w , /e.png",
    "n": 3,
    "f": 1.5,
    "big": 1e22,
    "neg": -7,
    "t": True,
    "none": None,
    "m": {"b": [1, "x</script>"], "a": None, "c": {"d": 0.25}},
    "list": ["<a>", "b c", "d&e"],
}

# Context name -> layout. Values are reached as .Params.NAME.
CONTEXTS = {
    "script_value": "<script>var a = {{ .Params.s }}, n = {{ .Params.n }}"
    "/{{ .Params.f }}-{{ .Params.neg }}+{{ .Params.big }}, m = {{ .Params.m }}, "
    "l = {{ .Params.list }}, z = {{ .Params.none }}, w = {{ .Params.missing }}, "
    "t = {{ .Params.t }}, x = {{ .Params.re }};</script>",
    "script_strings": "<script>var b = \"{{ .Params.s }}\", c = '{{ .Params.s }}', "
    'd = "x\\"{{ .Params.re }}", e = "{{ .Params.n }}{{ .Params.none }}";</script>',
    "script_regexp": "<script>var r = /x{{ .Params.s }}[/]{{ .Params.re }}/g, "
    "e = a / {{ .Params.n }} / /{{ .Params.none }}/; return /{{ .Params.link }}/"
    "</script>",
    "script_template_literal": "<script>var t = `x {{ .Params.s }} "
    "${ {{ .Params.n }} }`;</script>",
    "script_comments": "<script>// c {{ .Params.s }}\nx /* b {{ .Params.s }} */ y "
    "/* m\nl */ z <!-- {{ .Params.n }} --></script><!-- {{ .Params.s }} --><p>",
    "script_trusted": "<script>var j = {{ .Params.s | safeJS }}, "
    'k = {{ .Params.s | safeJSStr }}, l = "{{ .Params.s | safeJSStr }}", '
    "h = '{{ .Params.s | safeJS }}', u = {{ .Params.s | safeHTML }};</script>",
    "script_types": '<script type="text/template"><b>{{ .Params.s }}</b></script>'
    '<script type="application/ld+json">{{ .Params.m }}</script>'
    '<script type="module">{{ .Params.s }}</script>'
    "<script type='Text/JavaScript; charset=utf-8'>{{ .Params.n }}</script>",
    "script_end": "<script>var s = \"a</script><p title='{{ .Params.s }}'>"
    "{{ .Params.s }}",
    "event_handlers": "<button onclick=\"f({{ .Params.s }}, '{{ .Params.s }}', "
    '/{{ .Params.re }}/)" onload=\'g("{{ .Params.n }}") // {{ .Params.s }}\' '
    'onx={{ .Params.s }} onmouseover="a(&quot;{{ .Params.s }}&quot;)">b</button>',
    "srcset": '<img srcset="{{ .Params.s }} 1x, /a.png?{{ .Params.s }} 2x, '
    "{{ .Params.link }}\" srcset='{{ .Params.link | safeURL }}, {{ .Params.img }}'>"
    "<img srcset={{ .Params.img }}>",
    "script_time": '<script>var t = {{ time "2023-01-02T03:04:05.5+02:00" }}, '
    'd = {{ time "2023-01-02" }}, s = "{{ time "2023-01-02" }}";</script>',
    "script_pipelines": "<script>var a = {{ .Params.s | html }}, "
    'b = "{{ .Params.s | urlquery }}", c = {{ html .Params.s }}, '
    "d = {{ .Params.m | jsonify }}, e = {{ .Params.list | jsonify | safeJS }}, "
    "f = {{ .Params.n }}{{ .Params.n }}, g = (1) / {{ .Params.n }} / 2;</script>",
    "branches": "<script>{{ if .Params.t }}var a = 1{{ else }}var a = "
    "{{ .Params.n }}{{ end }};{{ range .Params.list }}f({{ . }});{{ end }}"
    "{{ with .Params.s }}g('{{ . }}'){{ end }}</script>",
}


def assert_js_contexts_escape_as_hugo_does(hugo, root, params):
    examples = [(text, params) for text in CONTEXTS.values()]
    for name, expected, (text, _) in zip(
        CONTEXTS, hugo_outputs(hugo, root, examples), examples, strict=True
    ):
        assert cameo_output(text, params) == expected, name


def test_each_js_context_escapes_as_hugo_does(hugo, tmp_path):
    assert_js_contexts_escape_as_hugo_does(hugo, tmp_path, HOSTILE)


# Characters that mean something in JavaScript, HTML or a regexp.
JS_CHARS = "ab 1<>&'\"+=`/\\*.?^$()[]{}|!-,\n\t\x01\u2028\u2029é"
JS_TEXT = st.text(JS_CHARS, max_size=12)
NUMBERS = st.one_of(
    st.integers(-(2**53), 2**53),
    st.sampled_from([0.5, -2.25, 1e21, 1e-7, 123456.789, 3.0]),
)
VALUES = st.one_of(JS_TEXT, NUMBERS, st.booleans(), st.none())


@settings(max_examples=8, deadline=None)
# A value that is only an identifier's characters is padded with spaces.
@example(
    values={"s": "in", "re": "", "link": "", "img": "", "n": 0},
    m={},
    items=[],
)
@given(
    values=st.fixed_dictionaries(
        {"s": JS_TEXT, "re": JS_TEXT, "link": JS_TEXT, "img": JS_TEXT, "n": NUMBERS}
    ),
    m=st.dictionaries(st.sampled_from("abcde"), VALUES, max_size=3),
    items=st.lists(VALUES, max_size=3),
)
def test_generated_values_escape_as_hugo_escapes_them(
    hugo, tmp_path_factory, values, m, items
):
    params = {**HOSTILE, **values, "m": m, "list": items}
    root = tmp_path_factory.mktemp("hugo-escape-js")
    assert_js_contexts_escape_as_hugo_does(hugo, root, params)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "<script>{{ if .x }}a{{ else }}1 +{{ end }} /b/</script>",
            "'/' could start a division or regexp: \"/b/\"",
        ),
        ('<script>"a\\{{ .x }}"</script>', "unfinished escape sequence in JS string"),
        ("<script>/[{{ .x }}]/</script>", 'unfinished JS regexp charset: "["'),
        ("<p onclick='x''>{{ .x }}", '"\'" in attribute name: "\'>"'),
        ('<p title=a"b>{{ .x }}', r'"\"" in unquoted attr: "a\"b"'),
        ("<p =x>{{ .x }}", 'expected space, attr name, or end of tag, but got "=x>"'),
        (
            '<a href="{{ if .x }}/a?{{ else }}/b{{ end }}{{ .x }}">',
            "{{.x}} appears in an ambiguous context within a URL",
        ),
    ],
)
def test_html_and_javascript_the_escaper_cannot_read_are_a_parse_error(
    hugo, tmp_path, text, message
):
    with pytest.raises(TemplateError, match="^html/template:t:1:") as caught:
        TemplateSet(html=True).parse("t", text)
    assert message in str(caught.value)
    # Hugo refuses the same layout with the same words.
    files = {"config.toml": "", "content/p.md": "---\nlayout: p\n---\n"}
    with pytest.raises(subprocess.CalledProcessError) as failed:
        hugo_build(hugo, tmp_path, files, {"layouts/_default/p.html": text})
    assert message in failed.value.stderr.decode()


# Pieces of JavaScript that move the escaper between code, strings,
# regexps and comments, and actions between them.
JS_PIECES = [
    '"',
    "'",
    "`",
    "/",
    "//",
    "/*",
    "*/",
    "\n",
    "\\",
    "x",
    "1",
    "1.",
    "+",
    "++",
    "-",
    ")",
    "(",
    "[",
    "]",
    "}",
    " return ",
    "<!--",
    "-->",
    "{{ .Params.s }}",
    "{{ .Params.re }}",
    "{{ .Params.n }}",
]


@settings(max_examples=10, deadline=None)
@given(
    codes=st.lists(
        st.lists(st.sampled_from(JS_PIECES), max_size=12).map("".join),
        min_size=4,
        max_size=4,
    )
)
def test_generated_scripts_escape_as_hugo_escapes_them(hugo, tmp_path_factory, codes):
    """Scripts and event handlers made of pieces that move between code,
    strings, regexps and comments: the ones the engine takes (it refuses a
    "/" it cannot place, as Go does) Hugo renders the same."""
    layouts = []
    for code in codes:
        layouts += [f"<script>{code}</script>", f"<p onclick='{code}'>"]
    taken = []
    for text in layouts:
        try:
            TemplateSet(html=True).parse("t", text)
        except TemplateError:
            continue
        taken.append(text)
    root = tmp_path_factory.mktemp("hugo-escape-js-code")
    examples = [(text, HOSTILE) for text in taken]
    for (text, _), expected in zip(
        examples, hugo_outputs(hugo, root, examples), strict=True
    ):
        assert cameo_output(text, HOSTILE) == expected, text


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('<p onclick="f({{ .x }})', "inside a js attribute value"),
        ("<script>{{ .x }}", "inside <script>"),
        ("<title>{{ .x }}", "inside <title>"),
        ("<p {{ .x }}", "inside a tag"),
    ],
)
def test_a_template_ending_outside_html_text_is_an_error_as_in_hugo(
    hugo, tmp_path, text, where
):
    with pytest.raises(TemplateError) as caught:
        TemplateSet(html=True).parse("t", text)
    assert str(caught.value) == (
        f"html/template:t: ends in a non-text context ({where}): close it"
    )
    files = {"config.toml": "", "content/p.md": "---\nlayout: p\n---\n"}
    with pytest.raises(subprocess.CalledProcessError) as failed:
        hugo_build(hugo, tmp_path, files, {"layouts/_default/p.html": text})
    assert "ends in a non-text context" in failed.value.stderr.decode()
