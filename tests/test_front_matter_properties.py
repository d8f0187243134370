"""Property tests: whatever a file holds, the plugin either reads it or raises
its own FrontMatterError (which names the file and line), never anything else."""

from __future__ import annotations

import datetime
import json

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pelican.plugins.hugo_frontmatter.fields import FIELD_MAPPERS, Source, to_pelican
from pelican.plugins.hugo_frontmatter.frontmatter import (
    FrontMatter,
    FrontMatterError,
    split,
)

from .conftest import ROOT

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


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text_is_read_or_refused_with_a_front_matter_error(text):
    for prefix in ("", "---\n", "+++\n", "{"):
        try:
            split(prefix + text, "content/x.md")
        except FrontMatterError as error:
            assert str(error).startswith("content/x.md:")


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(front_matter)
def test_any_fields_are_mapped_or_refused_with_a_front_matter_error(fields):
    try:
        metadata = _map(fields)
    except FrontMatterError as error:
        assert str(error).startswith("content/x.md:")
    else:
        assert all(key == key.lower() for key in metadata)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(front_matter)
def test_any_fields_survive_a_trip_through_yaml_and_json(fields):
    documents = []
    try:
        documents.append("---\n" + yaml.safe_dump(fields) + "---\nBody\n")
    except yaml.YAMLError:
        pass
    documents.append(json.dumps(fields, default=str) + "\nBody\n")
    for document in documents:
        try:
            front = split(document, "content/x.md")
            if front is not None:
                to_pelican(
                    front, Source("content/x.md", "a.md"), SETTINGS, _process, now=NOW
                )
        except FrontMatterError as error:
            assert str(error).startswith("content/x.md:")


@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(FIELD_MAPPERS) + ["params"]), values)
def test_each_known_field_takes_any_value_or_refuses_it(name, value):
    try:
        _map({name: value, "title": "T"})
    except FrontMatterError as error:
        assert str(error).startswith(f"content/x.md:1: '{name}' must be")


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=40))
def test_any_date_text_is_a_date_or_a_clear_error(text):
    try:
        metadata = _map({"date": text})
    except FrontMatterError as error:
        assert "'date' must be a date such as 2024-05-01" in str(error)
    else:
        assert isinstance(metadata["date"], datetime.datetime)


def test_every_field_with_every_awkward_value():
    """The values above, in every known field: read, or refused cleanly."""
    for name in sorted(FIELD_MAPPERS) + ["params"]:
        for value in [*AWKWARD, [value for value in AWKWARD], {"x": AWKWARD}]:
            try:
                _map({name: value, "title": "T"})
            except FrontMatterError as error:
                assert str(error).startswith(f"content/x.md:1: '{name}' must be")
