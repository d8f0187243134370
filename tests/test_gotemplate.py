"""The Go template engine against Go's own answers: outputs and error messages.

Each row is (template, data, output, error) as Go 1.19's text/template gave
them (``go run`` of a small harness over the same JSON data; text/template is
unchanged in this respect up to Go 1.20, which Hugo 0.111 embeds). An error
row expects the exact message, with Go's NAME:LINE (parse) or NAME:LINE:COL
and the construct (execution)."""

import json
from pathlib import Path

import pytest

from pelican.plugins.hugo_frontmatter.gotemplate import (
    Template,
    TemplateError,
    TemplateSet,
)

# (template, data, output, error) rows; see the module docstring.
GO_ANSWERS = json.loads(
    (Path(__file__).parent / "fixtures" / "gotemplate" / "go_answers.json").read_text(
        encoding="utf-8"
    )
)


def run(text, data):
    """Output and message of ``text`` on ``data``, as the Go harness records them."""
    try:
        template = Template("t").parse(text)
    except TemplateError as error:
        return "", str(error)
    try:
        return template.execute(data), ""
    except TemplateError as error:
        return "", str(error)


@pytest.mark.parametrize(("text", "data", "output", "error"), GO_ANSWERS)
def test_template_gives_gos_output_or_gos_error(text, data, output, error):
    assert run(text, data) == (output, error)


def test_parse_error_carries_name_and_line_for_the_caller():
    with pytest.raises(TemplateError) as caught:
        Template("layouts/shortcodes/x.html").parse("a\n\n{{ if .x }}")
    assert str(caught.value) == "template: layouts/shortcodes/x.html:3: unexpected EOF"
    assert (caught.value.name, caught.value.line, caught.value.col) == (
        "layouts/shortcodes/x.html",
        3,
        None,
    )


def test_execution_error_carries_line_and_column():
    template = Template("x.html").parse("a\n  b {{ .Page.Nope }}")
    with pytest.raises(TemplateError) as caught:
        template.execute({"Page": 1})
    assert (caught.value.line, caught.value.col) == (2, 12)  # Go: the last field
    assert str(caught.value) == (
        'template: x.html:2:12: executing "x.html" at <.Page.Nope>: '
        "can't evaluate field Nope in type interface {}"
    )


def test_error_in_a_defined_template_names_it_at_the_file_of_its_text():
    templates = TemplateSet()
    templates.parse("base.html", '{{ define "item" }}\n{{ len . }}{{ end }}')
    templates.parse("page.html", '{{ template "item" 3 }}')
    with pytest.raises(TemplateError) as caught:
        templates.execute("page.html", None)
    assert str(caught.value) == (
        'template: base.html:2:3: executing "item" at <len .>: '
        "error calling len: len of type int"
    )


class Page:
    """A Hugo-like object: fields, a method with arguments, a map field."""

    Title = "Hello"

    def __init__(self):
        self.Params = {"tags": ["a", "b"], "n": 2}

    def Get(self, key):
        return self.Params.get(key)

    def Sum(self, a, b):
        return a + b


def test_fields_methods_and_map_keys_of_python_objects():
    text = (
        '{{ .Title }} {{ .Params.n }} {{ .Get "tags" }} {{ .Sum 1 2 }} '
        '{{ (.Get "tags") | len }} {{ range .Params.tags }}{{ . }}{{ end }}'
    )
    assert Template("t").parse(text).execute(Page()) == "Hello 2 [a b] 3 2 ab"


def test_method_called_with_wrong_number_of_arguments_is_gos_error():
    with pytest.raises(TemplateError) as caught:
        Template("t").parse("{{ .Sum 1 }}").execute(Page())
    assert str(caught.value) == (
        'template: t:1:3: executing "t" at <.Sum>: '
        "wrong number of args for Sum: want 2 got 1"
    )


def test_functions_given_to_the_set_parse_and_run():
    templates = TemplateSet({"upper": str.upper, "add": lambda a, b: a + b})
    template = templates.parse("t", '{{ upper .x }} {{ add 1 2 | printf "%03d" }}')
    assert template.execute({"x": "ab"}) == "AB 003"
    with pytest.raises(TemplateError, match='function "lower" not defined'):
        templates.parse("u", "{{ lower .x }}")


def test_function_that_raises_is_an_error_calling_it():
    def fail(x):
        raise ValueError("no such thing: " + x)

    template = TemplateSet({"fail": fail}).parse("t", '{{ fail "x" }}')
    with pytest.raises(TemplateError) as caught:
        template.execute(None)
    assert str(caught.value) == (
        'template: t:1:3: executing "t" at <fail "x">: '
        "error calling fail: no such thing: x"
    )


def test_template_parsed_once_runs_many_times_with_its_own_variables():
    template = Template("t").parse(
        "{{ $x := . }}{{ range . }}{{ $x = . }}{{ end }}{{ $x }}"
    )
    assert [template.execute(data) for data in ([1, 2], [3], [])] == ["2", "3", "[]"]


def test_recursive_template_stops_with_an_error_not_a_crash():
    text = '{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" . }}'
    with pytest.raises(TemplateError, match="exceeded maximum template depth"):
        Template("t").parse(text).execute(1)
