"""Property tests: whatever a file holds, the plugin either reads it or raises
its own FrontMatterError (which names the file and line), never anything else.
``malformed_documents`` makes hostile files: bad dates, tags and encodings,
deep nesting, huge numbers, reserved names and control characters."""

from __future__ import annotations

import datetime
import json
import math
import re

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pelican.plugins.hugo_frontmatter.content.fields import (
    PELICAN_NAMES,
    RESERVED_NAMES,
    to_pelican,
)
from pelican.plugins.hugo_frontmatter.content.frontmatter import (
    GO_YAML_RESOLVERS,
    FrontMatter,
    FrontMatterError,
    decode,
    split,
)
from pelican.plugins.hugo_frontmatter.content.mappers import FIELD_MAPPERS
from pelican.plugins.hugo_frontmatter.content.source import Source

from .conftest import ROOT, examples

SETTINGS = {"HUGO_FRONTMATTER": {"hugo_urls": True}, "THEME": str(ROOT / "theme")}
NOW = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)

# Values that have broken parsers before: odd floats, empty and blank text,
# words some fields expect, numbers at the edges.
AWKWARD = [
    float("nan"),
    float("inf"),
    -0.0,
    1e308,
    2**63,
    -1,
    "",
    " ",
    "true",
    "never",
    "/",
    "//x",
    "..",
    "javascript:x",
    "2024-13-40",
]
scalars = st.one_of(
    st.sampled_from(AWKWARD),
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    st.dates(),
    st.datetimes(timezones=st.none() | st.just(datetime.UTC)),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
keys = st.sampled_from(sorted(FIELD_MAPPERS) + ["params", "Other", "icon"]) | st.text(
    max_size=10
)
front_matter = st.dictionaries(keys, values, max_size=8)


def _process(name, value):
    return list(value) if isinstance(value, list) else value


def _map(fields: dict, in_content: str = "posts/page.md") -> dict:
    front = FrontMatter(fields, "", {}, 1, "yaml", "content/x.md")
    return to_pelican(
        front, Source("content/x.md", in_content), SETTINGS, _process, now=NOW
    )


@settings(max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text_is_read_or_refused_with_a_front_matter_error(text):
    for prefix in ("", "---\n", "+++\n", "{"):
        try:
            split(prefix + text, "content/x.md")
        except FrontMatterError as error:
            assert str(error).startswith("content/x.md:")


@settings(max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow])
@given(front_matter)
def test_any_fields_are_mapped_or_refused_with_a_front_matter_error(fields):
    try:
        metadata = _map(fields)
    except FrontMatterError as error:
        assert str(error).startswith("content/x.md:")
    else:
        assert all(key == key.lower() for key in metadata)


class _GoYamlDumper(yaml.SafeDumper):
    """PyYAML's safe dumper, quoting text as go-yaml v2 (and so Hugo) would
    read it: ``0o17``, ``1e3`` or ``yes`` written plain would come back as
    numbers or booleans."""

    yaml_implicit_resolvers: dict = {}


for _tag, _pattern, _first in GO_YAML_RESOLVERS:
    _GoYamlDumper.add_implicit_resolver(
        f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first)
    )


def _same(read, written) -> bool:
    """Equal values of equal types (True is not 1), NaN equal to NaN."""
    if type(read) is not type(written):
        return False
    if isinstance(written, dict):
        return list(read) == list(written) and all(
            _same(read[key], written[key]) for key in written
        )
    if isinstance(written, list):
        return len(read) == len(written) and all(map(_same, read, written))
    if isinstance(written, float) and math.isnan(written):
        return math.isnan(read)
    return read == written


def _as_json_has_it(value):
    """``value`` as JSON holds it: dates and times become their text."""
    if isinstance(value, dict):
        return {key: _as_json_has_it(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json_has_it(item) for item in value]
    if isinstance(value, datetime.date):
        return str(value)
    return value


@settings(max_examples=examples(200), suppress_health_check=[HealthCheck.too_slow])
@given(front_matter)
def test_any_fields_survive_a_trip_through_yaml_and_json(fields):
    """Written as YAML (dates tagged) or JSON (dates as text), any fields are
    read back as they were, and then mapped or refused with the file's name."""
    trips = [
        (
            "---\n"
            + yaml.dump(fields, Dumper=_GoYamlDumper, sort_keys=False)
            + "---\nBody\n",
            fields,
        ),
        (json.dumps(fields, default=str) + "\nBody\n", _as_json_has_it(fields)),
    ]
    for document, expected in trips:
        front = split(document, "content/x.md")
        assert _same(front.fields, expected), (document, front.fields)
        assert front.body == "Body\n"
        try:
            to_pelican(
                front, Source("content/x.md", "a.md"), SETTINGS, _process, now=NOW
            )
        except FrontMatterError as error:
            assert str(error).startswith("content/x.md:")


# The fields that refuse a value: those Hugo 0.111 refuses one of (url,
# aliases, _build, a section's cascade), and the paths and links that would
# leave the site; params holds them all.
REFUSING = {"url", "slug", "aliases", "_build", "cascade", "images", "icon", "params"}


@settings(max_examples=examples(1500), suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(FIELD_MAPPERS) + ["params"]), values)
def test_each_known_field_takes_any_value_or_refuses_it(name, value):
    try:
        _map({name: value, "title": "T"})
    except FrontMatterError as error:
        # A Hugo field under params is checked as that field, where it lands.
        own = name if name != "params" else "[a-z_]+"
        assert re.match(rf"content/x\.md:1: '{own}' (must be|is |has )", str(error))
        # Only where Hugo stops too, or where a path or link would leave the
        # site (docs/security.md); any other value is read as Hugo reads it.
        assert name in REFUSING, error


@settings(max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=40))
def test_any_date_text_is_a_date_or_none(text):
    """As in Hugo, a date it cannot read leaves the page without one."""
    metadata = _map({"date": text})
    assert isinstance(metadata.get("date", datetime.datetime.now()), datetime.datetime)


def test_every_field_with_every_awkward_value():
    """The values above, in every known field: read, or refused cleanly."""
    for name in sorted(FIELD_MAPPERS) + ["params"]:
        for value in [*AWKWARD, [value for value in AWKWARD], {"x": AWKWARD}]:
            try:
                _map({name: value, "title": "T"})
            except FrontMatterError as error:
                assert str(error).startswith(f"content/x.md:1: '{name}' ")
                assert name in REFUSING, error


# --- malformed front matter ------------------------------------------------

BAD_DATES = [
    "2024-02-30",
    "2024-13-01",
    "2024-05-01T25:00:00",
    "31/12/2024",
    "0000-00-00",
]
YAML_TAGS = [
    "!!float 'x'",
    "!!int 'abc'",
    "!!int 0x",
    "!!bool maybe",
    "!!null x",
    "!!timestamp 2024-02-30",
    "!!binary '@@'",
    "!!set {a, b}",
    "!!omap [a: 1]",
    "!!python/object/apply:os.system ['true']",
    "!!python/name:os.system",
    "!local x",
    "&a [1, *a]",
    "*undefined",
]
NASTY_CHARACTERS = [chr(code) for code in [*range(32), 127]] + ["\\", "%5c", "%2f"]
BAD_BYTES = [b"\xff", b"\xc0\x80", b"\xed\xa0\x80", b"\xe2\x82", b"\x00"]
NAMES = sorted(PELICAN_NAMES | RESERVED_NAMES) + ["__init__", "Content", "SETTINGS"]


@st.composite
def _malformed_field(draw, kind: str) -> tuple[str, str]:
    """One field as (name, value written in ``kind``'s syntax)."""
    choice = draw(st.sampled_from(["date", "tag", "deep", "huge", "name", "char"]))
    if choice == "date":
        field = draw(st.sampled_from(["date", "publishDate", "expiryDate", "lastmod"]))
        return field, json.dumps(draw(st.sampled_from(BAD_DATES)))
    if choice == "tag" and kind == "yaml":
        return draw(st.sampled_from(["title", "weight", "x"])), draw(
            st.sampled_from(YAML_TAGS)
        )
    if choice == "deep" or choice == "tag":
        depth = draw(st.sampled_from([99, 100, 101, 500, 3000]))
        return "x", "[" * depth + "]" * depth
    if choice == "huge":
        digits = draw(st.integers(min_value=4290, max_value=5100))
        return draw(st.sampled_from(["weight", "x", "title"])), "9" * digits
    if choice == "name":
        return draw(st.sampled_from(NAMES)), json.dumps(draw(st.text(max_size=5)))
    field = draw(st.sampled_from(["url", "slug", "aliases", "title"]))
    text = draw(st.sampled_from(["/", "/a", "a", "/a/b/"]))
    at = draw(st.integers(min_value=0, max_value=len(text)))
    value = text[:at] + draw(st.sampled_from(NASTY_CHARACTERS)) + text[at:]
    return field, json.dumps([value] if field == "aliases" else value)


@st.composite
def _malformed_document(draw) -> bytes:
    kind = draw(st.sampled_from(["yaml", "toml", "json"]))
    fields = draw(
        st.lists(
            _malformed_field(kind), min_size=1, max_size=3, unique_by=lambda f: f[0]
        )
    )
    if all(name != "title" for name, _ in fields):
        fields.insert(0, ("title", '"T"'))
    if kind == "yaml":
        head = "---\n" + "".join(f"{k}: {v}\n" for k, v in fields) + "---\n"
    elif kind == "toml":
        head = "+++\n" + "".join(f'"{k}" = {v}\n' for k, v in fields) + "+++\n"
    else:
        head = "{" + ", ".join(f"{json.dumps(k)}: {v}" for k, v in fields) + "}\n"
    data = (head + "Body\n").encode("utf-8")
    if draw(st.booleans()):  # a bad byte somewhere
        at = draw(st.integers(min_value=0, max_value=len(data)))
        data = data[:at] + draw(st.sampled_from(BAD_BYTES)) + data[at:]
    return data


malformed_documents = _malformed_document()


@settings(
    max_examples=examples(400),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(malformed_documents)
def test_malformed_front_matter_is_refused_with_a_front_matter_error(data):
    try:
        front = split(decode(data, "content/x.md"), "content/x.md")
        if front is not None:
            to_pelican(
                front, Source("content/x.md", "x.md"), SETTINGS, _process, now=NOW
            )
    except FrontMatterError as error:
        assert str(error).startswith("content/x.md:")
        assert "; " in str(error)  # and says what to do
