"""Hugo's collections, compare, math, cast and fmt functions on the gotemplate
engine, against Hugo 0.111 itself.

Every example is a small layout rendered by Hugo (all in one build) and by
the engine with ``hugo_functions``; the pages must match byte for byte. A
template whose Hugo build fails must fail on the engine with Hugo's message.
Hypothesis draws values (numbers, strings that may hold numbers, lists,
maps, nil) for the comparison, math and set functions.
"""

from __future__ import annotations

import json
import logging
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from pelican.plugins.hugo_frontmatter.content.params import Params
from pelican.plugins.hugo_frontmatter.gotemplate import TemplateError
from pelican.plugins.hugo_frontmatter.hugo_templates.bindings import SiteBindings
from pelican.plugins.hugo_frontmatter.hugo_templates.funcs.govalues import GoSlice
from pelican.plugins.hugo_frontmatter.hugo_templates.functions import hugo_functions

from .conftest import examples, write_tree
from .hugo_functions_oracle import BASE_URL, CONFIG, cameo_output, hugo_outputs

pytestmark = pytest.mark.hugo

# Front matter every fixed example sees: a Params map (keys in lower case,
# found in any case), lists of Go's []interface {}, numbers, a nested list
# of maps for where and sort.
PARAMS: dict[str, Any] = {
    "list": [3, 1, 2],
    "words": ["b", "a", "c", "a"],
    "mixed": [1, "1", 1.5, True, None],
    "map": {"a": 1, "b": "two", "nested": {"deep": "yes"}},
    "zero": 0,
    "empty": "",
    "text": "hello",
    "float": 2.5,
    "items": [
        {"name": "a", "weight": 3, "tags": ["x", "y"], "price": 1.5},
        {"name": "b", "weight": 1, "tags": ["y"], "price": 2.5, "draft": True},
        {"name": "c", "weight": 2, "tags": [], "meta": {"color": "red"}},
        {"name": "d", "weight": 2, "draft": False},
    ],
    "groups": {"g1": [{"n": 1}, {"n": 2}], "g2": [{"n": 3}], "g3": "x"},
    # Hugo makes a top-level list of strings, or an empty one, a []string.
    "none": [],
    "nils": [None],
    "nested": [[], {"c": [-3.5]}],
    "four": [None, "9", -2.0, -1],
}

FIXED = [
    # compare: Hugo's eq is DeepEqual after int64/float64 normalisation
    '{{ eq 1 1 }} {{ eq 1 1.0 }} {{ eq 1 2 1 }} {{ eq "a" "a" }} {{ eq 1 "1" }}',
    "{{ eq nil nil }} {{ eq .Params.nope nil }} {{ eq true 1 }} "
    "{{ eq .Params.zero 0 }}",
    "{{ eq (slice 1 2) (slice 1 2) }} {{ eq .Params.list (slice 3 1 2) }}",
    '{{ eq (dict "a" 1) (dict "a" 1) }} {{ eq .Params.map (dict "a" 1) }}',
    '{{ ne 1 2 }} {{ ne 1 2 1 }} {{ ne "a" "b" }} {{ ne nil 0 }}',
    '{{ lt 1 2 }} {{ lt 2 1.5 }} {{ lt "a" "b" }} {{ lt "10" "9" }} {{ lt "a" 1 }}',
    '{{ le 1 1 }} {{ gt "b" "a" }} {{ ge 2 2.0 }} {{ lt 1 2 3 }} {{ gt 3 2 4 }}',
    "{{ lt .Params.list 4 }} {{ gt .Params.map 2 }} {{ lt true 2 }} {{ lt nil 1 }}",
    '{{ lt "inf" "nan" }} {{ lt "1e3" 999 }} {{ lt "0x10" 1 }} {{ lt "1_0" 2 }}',
    '{{ default "x" .Params.nope }} {{ default "x" "" }} {{ default "x" 0 }}',
    '{{ default "x" false }} {{ default "x" .Params.list }} {{ default 2 0.0 }}',
    '{{ .Params.nope | default "piped" }} {{ default "x" (slice) }} {{ default 1 }}',
    '{{ default "x" (dict) }} {{ default "x" .Params.map.a }} {{ default "x" 3 }}',
    '{{ cond true 1 2 }} {{ cond false "a" "b" }} {{ compare.Conditional true 1 2 }}',
    "{{ compare.Eq 1 1 }} {{ compare.Lt 1 2 }} {{ compare.Default 1 0 }}",
    '{{ $a := time "2020-01-01" }}{{ $b := time "2021-01-01" }}{{ lt $a $b }} '
    '{{ gt $a $b }} {{ eq $a $a }} {{ ge $b $a }} {{ default "x" $a }}',
    # collections
    '{{ dict "a" 1 "b" "x" }} {{ dict (slice "a" "b") 1 "c" 2 }}',
    '{{ $d := dict "k" (slice 1 2) }}{{ index $d "k" 1 }} {{ len (dict) }}',
    '{{ slice 1 2 }} {{ slice "a" 1 }} {{ slice }} {{ printf "%T" (slice 1) }}',
    '{{ printf "%v" (slice "a" "b") }} {{ slice nil 1 }}',
    "{{ append 3 (slice 1 2) }} {{ append (slice 3 4) (slice 1 2) }}",
    '{{ append 1 2 .Params.list }} {{ append "x" .Params.list }}',
    '{{ append (slice "a") .Params.list }} {{ append 1 (slice) }}',
    '{{ append (slice 4) .Params.list }} {{ append "x" (slice 1) }}',
    "{{ first 2 .Params.list }} {{ first 0 .Params.list }} {{ first 9 .Params.list }}",
    '{{ first 2 "hello" }} {{ first "2" .Params.words }} {{ first 1.9 (slice 1 2) }}',
    '{{ last 2 .Params.list }} {{ last 0 .Params.list }} {{ last 9 "ab" }}',
    "{{ after 1 .Params.list }} {{ after 0 .Params.list }} {{ after 5 .Params.list }}",
    '{{ after 2 "hello" }} {{ after 3 (seq 5) }}',
    '{{ in .Params.list 1 }} {{ in .Params.list 1.0 }} {{ in .Params.list "1" }}',
    '{{ in "hello" "ell" }} {{ in 123 2 }} {{ in .Params.words "c" }} {{ in nil 1 }}',
    "{{ in (slice (slice 1)) (slice 1) }} {{ in .Params.mixed true }} "
    "{{ in (slice) 1 }}",
    '{{ isset .Params "list" }} {{ isset .Params "LIST" }} {{ isset .Params "nope" }}',
    "{{ isset .Params.list 2 }} {{ isset .Params.list 3 }} {{ isset .Params.list -1 }}",
    '{{ isSet (dict "a" nil) "a" }} {{ isset (dict "a" 1) 1 }}',
    "{{ seq 3 }} {{ seq -3 }} {{ seq 0 }} {{ seq 1 -2 }} {{ seq 1 2 7 }} "
    "{{ seq 5 -2 1 }}",
    '{{ seq "3" }} {{ seq 2.9 }} {{ len (seq 2000) }}',
    '{{ index .Params "list" 1 }} {{ index .Params.map "nested" "deep" }}',
    '{{ index .Params "LIST" }} {{ index .Params.map "nope" }} {{ index nil 1 }}',
    '{{ index "abc" 1 }} {{ index .Params (slice "map" "a") }}',
    '{{ index (dict "a" (slice 1 2)) "a" 0 }} {{ index (slice 1 2) 5 }} '
    '{{ index "ab" -1 }}',
    '{{ printf "%v" (index (dict "a" nil) "a" "b") }} '
    "{{ index (slice (slice 1 2)) 0 1 }}",
    "{{ math.Max 1 }} {{ math.Min 2 }} {{ math.Max }} {{ math.Min 1 -2.5 3 }}",
    '{{ delimit .Params.list ", " }} {{ delimit .Params.words ", " " and " }}',
    '{{ delimit (slice "<a>" 1 2.5 true) "|" }} {{ delimit (dict "b" 1 "a" 2) "-" }}',
    '{{ delimit (slice 1 (slice 2) 3) "-" }} {{ delimit "ab" "," }} '
    '{{ delimit (slice) "," }}',
    '{{ sort .Params.list }} {{ sort .Params.list "value" "desc" }} '
    "{{ sort .Params.words }}",
    '{{ sort (slice "b" "B" "a" "A" "_c" "é" "e" "10" "9" 3) }}',
    '{{ sort (dict "b" 1 "a" 2 "c" 0) }} {{ sort (dict "b" 1 "a" 2) "value" }}',
    '{{ range sort .Params.items "weight" }}{{ .name }}{{ end }}',
    '{{ range sort .Params.items "weight" "desc" }}{{ .name }}{{ end }}',
    '{{ $two := slice .Params.map (dict "nested" (dict "deep" "a")) }}'
    '{{ range sort $two "nested.deep" }}{{ .nested.deep }}{{ end }}',
    '{{ range sort .Params.items "price" }}{{ .name }}{{ end }}',
    '{{ sort (slice 3 "2" 1.5 "x" true nil "a" 0) }}',
    '{{ uniq .Params.words }} {{ uniq (slice 1 1.0 "1") }} {{ uniq nil }}',
    "{{ uniq (slice (slice 1) (slice 1)) }} {{ uniq .Params.mixed }}",
    '{{ union (slice 1 2 3) (slice 3 4 5) }} {{ union .Params.words (slice "z" 1) }}',
    '{{ union (slice 1 2.5) (slice 2 3.0 "x") }} {{ union nil (slice 1) }}',
    '{{ union (slice) (slice 1 "a") }} {{ union (slice "a") (slice 1 "b") }}',
    "{{ union (slice 1) (slice 2.5 3) }} {{ union (slice true) (slice false) }}",
    '{{ intersect (slice 1 "a" true) (slice 1.0 "a" true) }} '
    "{{ intersect nil (slice 1) }}",
    "{{ intersect .Params.list (slice 2 3 9) }} "
    "{{ intersect .Params.words .Params.words }}",
    '{{ complement (slice "b" "c") (slice "d" "e") (slice "a" "b" "c" "d" "e" "f") }}',
    "{{ complement (slice 1) (slice 1.0 2) }} "
    '{{ complement .Params.words (slice "a" "z") }}',
    "{{ symdiff (slice 3 4) (slice 1 2 3) }} {{ symdiff (slice 1 2 2) (slice 2 3 3) }}",
    '{{ querify "foo" 1 "bar" 2 "baz" "with spaces" "qux" "this&that=those" }}',
    '{{ querify (slice "a" 1 "b" "x") }} {{ querify (slice "b" "1" "a" "2") }}',
    '{{ querify "b" 1 "b" 2 "a" "é/?" }}',
    '{{ apply .Params.list "add" "." 1 }} '
    '{{ apply (slice "a" "b") "printf" "%s!" "." }}',
    '{{ apply (slice 1 2) "math.Mul" "." 2 }} {{ apply nil "add" "." 1 }}',
    '{{ keyVals "key" "a" "b" }} {{ (keyVals 1 2).Key }} '
    '{{ (keyVals "k" 1 2).Values }}',
    '{{ echoParam .Params "text" }} {{ echoParam .Params "TEXT" }} '
    "{{ echoParam .Params.list 1 }}",
    '{{ echoParam .Params "map" }} {{ echoParam (dict "a" true) "a" }} '
    "{{ echoParam nil 1 }}",
    '{{ merge (dict "a" 1 "m" (dict "x" 1)) (dict "A" 2 "m" (dict "y" 2)) }}',
    '{{ merge .Params.map (dict "a" 9 "z" 1) }} {{ merge (dict "a" 1) .Params.map }}',
    '{{ $s := newScratch }}{{ $s.Add "a" 1 }}{{ $s.Add "a" 2 }}{{ $s.Get "a" }}'
    '{{ $s.Set "b" (slice 1) }}{{ $s.Add "b" 2 }}{{ $s.Get "b" }}',
    "{{ collections.Reverse (slice 1 2 3) }} {{ collections.Reverse nil }}",
    "{{ len (shuffle .Params.list) }} {{ collections.Slice 1 }} "
    '{{ collections.In "ab" "b" }}',
    # once differed on drawn values
    "{{ append .Params.none .Params.nils }} {{ in .Params.nested (dict) }}",
    "{{ uniq (slice (slice) (dict)) }} {{ in (slice (slice 1)) (slice 1) }}",
    "{{ index .Params.map }} {{ index .Params .Params.map }} {{ math.Ceil -0.75 }}",
    "{{ math.Pow -15514749003 189 }} {{ complement (slice) (slice 1.75 (dict)) }}",
    '{{ symdiff .Params.none (slice "9" "x") }} {{ union .Params.nils (slice) }}',
    # where
    '{{ range where .Params.items "weight" 2 }}{{ .name }}{{ end }}',
    '{{ range where .Params.items "weight" ">" 1 }}{{ .name }}{{ end }}',
    '{{ range where .Params.items "weight" ">=" 2 }}{{ .name }}{{ end }}',
    '{{ range where .Params.items "weight" "lt" 3 }}{{ .name }}{{ end }}',
    '{{ range where .Params.items "weight" "!=" 2 }}{{ .name }}{{ end }}',
    '{{ range where .Params.items "weight" "<>" 2.0 }}{{ .name }}{{ end }}',
    '{{ range where .Params.items "weight" 2.0 }}{{ .name }}{{ end }}',
    '{{ range where .Params.items "name" "in" (slice "a" "c") }}{{ .name }}{{ end }}',
    '{{ range where .Params.items "name" "not in" (slice "a" "c") }}'
    "{{ .name }}{{ end }}",
    '{{ range where .Params.items "weight" "in" (slice 1 3) }}{{ .name }}{{ end }}',
    '{{ range where .Params.items "weight" "in" (slice 1.0 3) }}{{ .name }}{{ end }}',
    '{{ range where .Params.items "name" "in" "abc" }}{{ .name }}{{ end }}',
    '{{ range where .Params.items "tags" "intersect" (slice "y") }}'
    "{{ .name }}{{ end }}",
    '{{ range where .Params.items "draft" true }}{{ .name }}{{ end }}',
    '{{ range where .Params.items "draft" "!=" true }}{{ .name }}{{ end }}',
    '{{ range where .Params.items "draft" nil }}{{ .name }}{{ end }}',
    '{{ range where .Params.items "draft" "ne" nil }}{{ .name }}{{ end }}',
    '{{ range where .Params.items "meta.color" "red" }}{{ .name }}{{ end }}',
    '{{ range where .Params.items ".meta.color" "!=" "red" }}{{ .name }}{{ end }}',
    '{{ range where .Params.items "price" ">" 2 }}{{ .name }}{{ end }}',
    '{{ range where .Params.items "name" ">" "b" }}{{ .name }}{{ end }}',
    '{{ range where .Params.items "name" " EQ " "b" }}{{ .name }}{{ end }}',
    '{{ range where .Params.words "x" nil }}{{ . }}{{ end }}',
    '{{ range $k, $v := where .Params.groups "n" ">" 1 }}{{ $k }}{{ end }}',
    '{{ where (slice (dict "a" 1)) "a" "=" 1 }} {{ where (slice) "a" 1 }}',
    # math
    '{{ add 1 2 }} {{ add 1 2.5 }} {{ add 1.5 2.5 }} {{ add "a" "b" }} {{ add 1 2 3 }}',
    "{{ sub 5 7 }} {{ sub 5.5 1 }} {{ mul 3 4 }} {{ mul 1.5 2 }} {{ mul 2 3 4 }} "
    "{{ add 5 }}",
    "{{ div 7 2 }} {{ div 7 -2 }} {{ div -7 2 }} {{ div 7.0 2 }} {{ div 1 3.0 }}",
    "{{ add 9223372036854775807 1 }} {{ mul 4294967296 4294967296 }} {{ add 0.1 0.2 }}",
    '{{ mod 7 3 }} {{ mod -7 3 }} {{ mod 7 -3 }} {{ mod "7" 2.5 }} {{ modBool 6 3 }}',
    "{{ modBool 7 3 }} {{ math.Mod 9 4 }} {{ math.ModBool 8 2 }}",
    "{{ math.Ceil 2.1 }} {{ math.Ceil -2.1 }} {{ math.Floor 2.9 }} "
    '{{ math.Floor "1.5" }}',
    "{{ math.Round 2.5 }} {{ math.Round -2.5 }} {{ math.Round 0.49999999999999994 }}",
    "{{ math.Round 3 }} {{ math.Log 1 }} {{ math.Log 10 }} {{ math.Log 0 }} "
    "{{ math.Sqrt 2 }}",
    "{{ math.Sqrt -1 }} {{ math.Pow 2 10 }} {{ math.Pow 2 0.5 }} {{ math.Pow 0 -1 }}",
    "{{ math.Log 3.059 }} {{ math.Log 22.169 }} {{ math.Log 2.149 }} "
    "{{ math.Log 3.453 }}",
    "{{ math.Pow 3894 3.5 }} {{ math.Pow -2 3 }} {{ math.Pow 2 -2 }} "
    "{{ math.Pow -8 0.5 }}",
    "{{ math.Max 1 2 }} {{ math.Max 1 2.5 -3 }} {{ math.Min 1 2 }} "
    '{{ math.Min "3" 2.5 }}',
    "{{ math.Add 1 2 }} {{ math.Sub 1 2 }} {{ math.Mul 2 2 }} {{ math.Div 9 3 }}",
    "{{ math.Counter }} {{ math.Counter }}",
    # cast
    '{{ int "12" }} {{ int 2.9 }} {{ int -2.9 }} {{ int true }} {{ int "2.00" }}',
    '{{ int "0x1F" }} {{ int "010" }} {{ int "0b101" }} {{ int "1_000" }} '
    "{{ int nil }}",
    '{{ float "1.5" }} {{ float 2 }} {{ float "1e3" }} {{ float false }} '
    "{{ float nil }}",
    "{{ string 12 }} {{ string 1.5 }} {{ string 1e21 }} {{ string 0.000001 }}",
    '{{ string true }} {{ string nil }} {{ string "x" }} {{ string 1e6 }}',
    '{{ cast.ToInt "7" }} {{ cast.ToFloat 7 }} {{ cast.ToString 7 }}',
    # fmt
    '{{ print 1 2 "a" "b" 3 }} {{ printf "%05.1f|%q|%v" 3.14159 "x" .Params.list }}',
    '{{ println 1 "a" }}{{ print nil }} {{ printf "%d %s" 1 }} {{ fmt.Print "x" 1 }}',
    '{{ fmt.Printf "%x" 255 }} {{ fmt.Println "y" }}{{ warnf "careful %d" 1 }}ok',
]

# Templates Hugo refuses: its build fails with this message after
# "error calling NAME: ", and the engine must say the same.
ERRORS = [
    ("{{ eq 1 }}", "eq: missing arguments for comparison"),
    ("{{ lt 1 }}", "lt: missing arguments for comparison"),
    ("{{ default 1 2 3 }}", "default: wrong number of args for default: want 2 got 3"),
    ('{{ dict "a" }}', "dict: invalid dictionary call"),
    ("{{ dict 1 1 }}", "dict: invalid dictionary key"),
    ("{{ first -1 (slice 1) }}", "first: sequence length must be non-negative"),
    ("{{ after -1 (slice 1) }}", "after: sequence bounds out of range [-1:]"),
    ("{{ first 1 nil }}", "first: both limit and seq must be provided"),
    ("{{ first 1 3 }}", "first: can't iterate over int"),
    ('{{ first "x" (slice 1) }}', 'first: unable to cast "x" of type string to int'),
    ('{{ int "x" }}', 'int: unable to cast "x" of type string to int64'),
    ('{{ int "08" }}', 'int: unable to cast "08" of type string to int64'),
    ('{{ float "x" }}', 'float: unable to cast "x" of type string to float64'),
    (
        "{{ string (slice 1 2) }}",
        "string: unable to cast []int{1, 2} of type []int to string",
    ),
    ('{{ add 1 "a" }}', "add: can't apply the operator to the values"),
    ('{{ sub "a" "b" }}', "sub: can't apply the operator to the values"),
    ("{{ div 1 0 }}", "div: can't divide the value by 0"),
    ("{{ div 1.5 0 }}", "div: can't divide the value by 0"),
    ("{{ mod 1 0 }}", "mod: the number can't be divided by zero at modulo operation"),
    ('{{ mod 1 "x" }}', "mod: modulo operator can't be used with non integer value"),
    ('{{ math.Ceil "x" }}', "Ceil: Ceil operator can't be used with non-float value"),
    ('{{ math.Max 1 "x" }}', "Max: Max operator can't be used with non-float value"),
    ("{{ seq 0 0 1 }}", "seq: 'increment' must not be 0"),
    ("{{ seq 2001 }}", "seq: size of result exceeds limit"),
    ('{{ seq "x" }}', "seq: invalid arguments to Seq"),
    ('{{ where nil "a" 1 }}', "where: can't iterate over <nil>"),
    (
        '{{ where (slice 1) "a" }}',
        "where: can't evaluate the array by no match argument or more than or "
        "equal to two arguments",
    ),
    ('{{ where (slice 1) "a" 1 1 }}', "where: operator argument must be string type"),
    ('{{ where (slice (dict "a" 1)) "a" "like" 1 }}', "where: no such operator"),
    (
        '{{ isset (slice 1) "x" }}',
        "isset: isset unable to use key of type string as index",
    ),
    ('{{ querify "a" 1 "b" }}', "querify: invalid query"),
    ("{{ querify 1 2 }}", "querify: query keys must be strings"),
    (
        '{{ group "x" (slice 1 2) }}',
        "group: grouping not supported for type []int *int",
    ),
    (
        '{{ index (dict "a" 1) 1 }}',
        "index: index of type map[string]interface {} with args [1] failed: "
        "value has type int; should be string",
    ),
    (
        '{{ index (slice 1) "x" }}',
        "index: index of type []int with args [x] failed: cannot index "
        "slice/array with type string",
    ),
    (
        "{{ index 1 1 }}",
        "index: index of type int with args [1] failed: can't index item of type int",
    ),
    (
        "{{ complement (slice 1) }}",
        "complement: complement needs at least two arguments",
    ),
    ("{{ symdiff 1 (slice 1) }}", "symdiff: arguments must be slices or arrays"),
    ("{{ uniq 1 }}", "uniq: type int not supported"),
    ("{{ sort nil }}", "sort: sequence must be provided"),
    ("{{ append 1 }}", "append: need at least 2 arguments to append"),
    (
        '{{ apply (slice 1) "apply" "." }}',
        "apply: can't apply myself (no turtles allowed)",
    ),
    ('{{ apply (slice 1) "nope" "." }}', "apply: can't find function nope"),
    ("{{ collections.Reverse 1 }}", "Reverse: argument must be a slice"),
    ("{{ merge (dict) }}", "merge: merge requires at least two parameters"),
    (
        "{{ union .Params.none .Params.nils }}",
        "union: reflect.Set: value of type interface {} is not assignable to type "
        "string",
    ),
    (
        '{{ where (slice nil) "c" 1 }}',
        "where: reflect: call of reflect.Value.Type on zero Value",
    ),
    (
        "{{ echoParam (slice 1 2) -1 }}",
        "echoParam: reflect: slice index out of range",
    ),
    ('{{ shuffle "ab" }}', "shuffle: reflect.MakeSlice of non-slice type"),
    (
        "{{ isset (dict) nil }}",
        "isset: reflect: call of reflect.Value.Type on zero Value",
    ),
    (
        "{{ union .Params.none .Params.nested }}",
        "union: runtime error: hash of unhashable type []interface {}",
    ),
    (
        "{{ complement (slice (slice 1)) (slice 1) }}",
        "complement: elements must be comparable",
    ),
    (
        "{{ union .Params.nested .Params.none }}",
        "union: union does not support slices or arrays of uncomparable types",
    ),
    (
        "{{ symdiff .Params.four .Params.none }}",
        "symdiff: symdiff: failed to convert value: unable to convert value to string",
    ),
    (
        '{{ range sort .Params.items "meta.color" }}{{ .name }}{{ end }}',
        "sort: can't evaluate an invalid value",
    ),
]


def _dot(params: dict[str, Any]) -> dict[str, Any]:
    """A page's dot as Hugo 0.111 makes it from front matter: maps are
    ``maps.Params`` (keys in lower case) down from the top, but a map inside
    a list stays a ``map[string]interface {}``; a top-level list of strings
    (or an empty one) is a ``[]string``, other lists ``[]interface {}``."""

    def in_params(value: Any, top: bool = False) -> Any:
        if isinstance(value, dict):
            params = Params()
            for key, item in value.items():
                dict.__setitem__(params, key.lower(), in_params(item))
            return params
        if isinstance(value, list):
            items = [in_list(item) for item in value]
            if top and all(isinstance(item, str) for item in items):
                return GoSlice(items, "string")
            return items
        return value

    def in_list(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: in_list(item) for key, item in value.items()}
        if isinstance(value, list):
            return [in_list(item) for item in value]
        return value

    page_params = Params()
    for key, value in params.items():
        dict.__setitem__(page_params, key.lower(), in_params(value, top=True))
    return {"Params": page_params}


def _render(template: str, params: dict[str, Any]) -> str:
    return cameo_output(template, params, dot=_dot(params))


def _check(hugo: str, root: Path, cases: list[tuple[str, dict[str, Any]]]) -> None:
    """Render ``cases`` with Hugo (one build) and the engine; list every
    difference at once."""
    try:
        expected = hugo_outputs(hugo, root, cases)
    except subprocess.CalledProcessError as error:
        stderr = error.stderr.decode("utf-8", errors="replace")
        failed = re.search(r"layouts/_default/e(\d+)\.html", stderr)
        case = cases[int(failed.group(1))] if failed else None
        raise AssertionError(f"Hugo failed on {case!r}: {stderr[-600:]}") from None
    differences = []
    for (template, params), hugo_page in zip(cases, expected, strict=True):
        try:
            ours = _render(template, params)
        except TemplateError as error:
            ours = f"ERROR {error}"
        if ours != hugo_page:
            differences.append(
                f"{template!r} {params!r}\n  hugo: {hugo_page!r}\n  ours: {ours!r}"
            )
    assert not differences, "\n".join(differences)


def test_functions_render_as_hugo_renders_them(hugo: str, tmp_path: Path) -> None:
    _check(hugo, tmp_path, [(template, PARAMS) for template in FIXED])


def _hugo_error(
    hugo: str, root: Path, template: str, params: dict[str, Any] = PARAMS
) -> str:
    """The message of Hugo's failed build of ``template``."""
    write_tree(
        root,
        {
            "config.toml": CONFIG,
            "layouts/_default/e0.html": template,
            "content/e0.md": "---\n"
            + json.dumps({"layout": "e0", **params})
            + "\n---\n",
        },
    )
    result = subprocess.run(
        [hugo, "--quiet", "--source", str(root), "-d", str(root / "public")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0, (template, "Hugo built it")
    return result.stderr


@pytest.mark.parametrize(("template", "message"), ERRORS, ids=[t for t, _ in ERRORS])
def test_errors_are_hugos(
    hugo: str, tmp_path: Path, template: str, message: str
) -> None:
    assert "error calling " + message in _hugo_error(hugo, tmp_path, template)
    with pytest.raises(TemplateError) as raised:
        _render(template, PARAMS)
    assert "error calling " + message in str(raised.value), str(raised.value)


def test_errorf_stops_the_build_with_its_text(hugo: str, tmp_path: Path) -> None:
    """Hugo logs the text as an ERROR and fails; the engine raises it."""
    template = '{{ errorf "bad %s in %d" "value" 3 }}'
    assert "logged 1 error(s)" in _hugo_error(hugo, tmp_path / "a", template)
    with pytest.raises(TemplateError, match=r"error calling errorf: bad value in 3"):
        cameo_output(template, {})
    with pytest.raises(TemplateError, match=r"error calling erroridf: x 1"):
        cameo_output('{{ erroridf "some-id" "x %d" 1 }}', {})


def test_warnf_logs_each_text_once(caplog: pytest.LogCaptureFixture) -> None:
    template = '{{ warnf "look %s" "here" }}{{ warnf "look %s" "here" }}done'
    with caplog.at_level(logging.WARNING):
        assert cameo_output(template, {}) == "done"
    assert [r.getMessage() for r in caplog.records] == ["look here"]


def test_shuffle_is_a_reproducible_permutation() -> None:
    """Hugo's shuffle is random; this one is drawn from the list itself, so
    two builds give the same page."""
    template = "{{ shuffle (seq 30) }}"
    first = cameo_output(template, {})
    assert first == cameo_output(template, {}, SiteBindings(base_url=BASE_URL))
    numbers = [int(n) for n in re.findall(r"\d+", first)]
    assert sorted(numbers) == list(range(1, 31)) and numbers != sorted(numbers)


def test_every_short_name_hugo_registers_is_there() -> None:
    names = hugo_functions(SiteBindings())
    for name in (
        "after append apply complement delimit dict echoParam first group in "
        "index intersect isSet isset keyVals last merge newScratch querify seq "
        "shuffle slice sort symdiff union uniq where default eq ne lt le gt ge "
        "cond add sub mul div mod modBool int float string print printf println "
        "errorf erroridf warnf collections compare math cast fmt"
    ).split():
        assert name in names, name


# Values Hypothesis draws: what front matter can hold (YAML floats need a
# point, so floats are quarters), with strings that read as numbers.
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.integers(-(2**40), 2**40),
    st.integers(-20, 20).map(lambda n: n / 4),
    st.sampled_from(["", "a", "B", "b", "ab", "1", "10", "9", "1.5", "-2", "é", "x y"]),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(["a", "b", "c"]), inner, max_size=3),
    ),
    max_leaves=6,
)
# Lists of maps, for where and sort by a key.
_RECORDS = st.lists(
    st.dictionaries(st.sampled_from(["a", "c"]), _VALUES, max_size=2), max_size=4
)
# What each drawn example renders: a function of the two drawn values.
_CALLS = (
    [
        f"{{{{ {name} .Params.a .Params.b }}}}"
        for name in (
            "eq ne lt le gt ge add sub mul div mod modBool default in union intersect "
            "complement symdiff append math.Max first last after index "
            "isset echoParam"
        ).split()
    ]
    + [
        f"{{{{ {name} .Params.a }}}}"
        for name in (
            "uniq sort int float string math.Round math.Ceil math.Log math.Sqrt seq "
            "collections.Reverse"
        ).split()
    ]
    + [
        '{{ delimit .Params.a ", " }}',
        '{{ sort .Params.a "c" }}',
        '{{ sort .Params.a "value" "desc" }}',
        '{{ where .Params.a "c" .Params.b }}',
        '{{ where .Params.a "c" "!=" .Params.b }}',
        '{{ where .Params.a "c" ">" .Params.b }}',
        '{{ where .Params.a "c" "<=" .Params.b }}',
        '{{ where .Params.a "c" "in" .Params.b }}',
        '{{ where .Params.a "c" "not in" .Params.b }}',
        '{{ where .Params.a "c" "intersect" .Params.b }}',
        '{{ where .Params.a "c.a" .Params.b }}',
    ]
)
_CALLS += [
    "{{ len (shuffle .Params.a) }}",
    "{{ slice .Params.a .Params.b }}",
    # Go's Pow with a fractional exponent goes through its amd64 assembly
    # Exp, whose last digit can differ from C's: whole exponents only.
    "{{ math.Pow .Params.a (int .Params.b) }}",
]


def _example(template: str, a: Any, b: Any) -> tuple[str, dict[str, Any], str | None]:
    """A layout applying a function to the drawn values, its params, and the
    engine's error message if it fails (Hugo's build must fail with it)."""
    params = {"a": a, "b": b}
    if template.startswith('{{ sort .Params.a "') and isinstance(a, dict):
        # Hugo sorts a map's values from Go's map order, which is random:
        # equal values come out in any order.
        template = "{{ sort .Params.a }}"
    try:
        _render(template, params)
    except TemplateError as error:
        return template, params, _called(str(error))
    return template, params, None


def _called(message: str) -> str:
    """What a failed function said, from Hugo's log or the engine's error."""
    found = re.search(r"error calling (.*)", message)
    return found.group(1).strip() if found else message


@settings(
    max_examples=examples(6),
    deadline=None,
    # A batch lists each difference itself; shrinking would rebuild with Hugo
    # hundreds of times.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(
        st.tuples(st.sampled_from(_CALLS), _VALUES | _RECORDS, _VALUES),
        min_size=30,
        max_size=30,
    )
)
def test_drawn_values_give_hugos_results(
    hugo: str, tmp_path_factory: pytest.TempPathFactory, draws: list
) -> None:
    drawn = [_example(*draw) for draw in draws]
    cases = [(template, params) for template, params, error in drawn if not error]
    if cases:
        _check(hugo, tmp_path_factory.mktemp("drawn"), cases)
    # Where the engine fails, Hugo must fail the same way: a few per batch,
    # each a build of its own.
    for template, params, error in [case for case in drawn if case[2]][:3]:
        root = tmp_path_factory.mktemp("failed")
        assert _called(_hugo_error(hugo, root, template, params)) == error, template


# Strings for sort: letters in both cases, accents, ligatures, punctuation,
# symbols, spaces and digits (a string that reads as a number sorts as one).
_SORTABLE = st.text(alphabet="aAbBzZ_-. 1é0èÉ~#ßæ", max_size=3)


@settings(
    max_examples=examples(3),
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(st.lists(_SORTABLE, max_size=6), min_size=30, max_size=30))
def test_sort_orders_strings_as_hugo(
    hugo: str, tmp_path_factory: pytest.TempPathFactory, lists: list
) -> None:
    """Hugo's sort compares strings with the language's collator (Unicode
    Collation), numbers and numeric strings as numbers."""
    cases = [
        (template, {"a": words})
        for words in lists
        for template in ("{{ sort .Params.a }}", '{{ sort .Params.a "value" "desc" }}')
    ]
    _check(hugo, tmp_path_factory.mktemp("sorted"), cases)


class _Collection(list):
    """A list class of its own, as a page collection is (Hugo's page.Pages)."""

    def Len(self) -> int:  # noqa: N802 (Go's name)
        return len(self)


def test_a_collection_keeps_its_class_through_first_where_and_sort() -> None:
    """Hugo's first, where, sort ... make a slice of the type they were
    given, so a page collection keeps its methods."""
    items = _Collection([{"w": 3, "t": "a"}, {"w": 1, "t": "b"}, {"w": 2, "t": "c"}])
    template = (
        '{{ (first 2 .).Len }} {{ (where . "w" ">" 1).Len }} '
        '{{ range sort . "w" }}{{ .t }}{{ end }} {{ (sort . "w").Len }} '
        "{{ (collections.Reverse .).Len }} {{ (uniq .).Len }}"
    )
    assert cameo_output(template, {}, dot=items) == "2 2 bca 3 3 3"


class _Version:
    """A value with Hugo's Eq and Compare methods (compare.Eqer and
    compare.Comparer, as Hugo's version strings have)."""

    def __init__(self, number: int):
        self.number = number

    def Eq(self, other: Any) -> bool:  # noqa: N802 (Go's name)
        return other == self.number

    def Compare(self, other: Any) -> int:  # noqa: N802 (Go's name)
        """-1 when ``other`` is less than this value, as Hugo's say."""
        return (other > self.number) - (other < self.number)


def test_values_that_compare_themselves_decide() -> None:
    """Hugo's eq asks a value's own Eq, lt and sort its own Compare."""
    template = (
        "{{ eq .v 3 }} {{ eq 3 .v }} {{ eq .v 4 }} {{ lt .v 4 }} {{ lt 4 .v }} "
        "{{ gt .v 2 }} {{ le .v 3 }}"
    )
    assert (
        cameo_output(template, {}, dot={"v": _Version(3)})
        == "true true false true false true true"
    )
