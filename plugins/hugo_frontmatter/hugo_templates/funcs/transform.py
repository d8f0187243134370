"""Hugo's ``transform`` namespace: ``markdownify``, ``plainify``,
``emojify``, ``htmlEscape``, ``htmlUnescape`` and ``transform.Unmarshal``
(JSON, YAML, TOML and CSV text, read as Hugo's metadecoders read them).

``highlight`` is left out: Hugo's default writes inline styles
(``noClasses``), which the plugin's highlighter does not make."""

from __future__ import annotations

import csv
import datetime
import io
import json
import logging
import tomllib
from collections.abc import Callable, Mapping
from typing import Any

import yaml

from ...config import formats as hugo_config
from ...gotemplate import HTML
from ...gotemplate.gofmt import go_quote, type_name
from ..bindings import SiteBindings
from ..go_text import html_escape
from ..go_time import GoTime
from ..gocast import to_string
from ..hugo_text import (
    emojify_text,
    html_unescape,
    strip_html,
    trim_short_html,
)

logger = logging.getLogger(__name__)

# -- unmarshal ---------------------------------------------------------------


def _format_of(text: str, delimiter: str) -> str:
    """Hugo's FormatFromContentString: the format whose mark comes first."""
    marks = {
        "csv": text.find(delimiter) if delimiter else -1,
        "json": text.find("{"),
        "yaml": text.find(":"),
        "xml": text.find("<"),
        "toml": text.find("="),
    }
    order = list(marks)
    for i, name in enumerate(order):
        at = marks[name]
        if at == -1:
            continue
        if all(marks[other] == -1 or marks[other] >= at for other in order[i + 1 :]):
            return name
    return ""


def _go_values(value: Any) -> Any:
    """Decoded data as Hugo holds it: string keys, times as Go times."""
    if isinstance(value, Mapping):
        return {to_string(key): _go_values(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_go_values(item) for item in value]
    if isinstance(value, datetime.datetime | datetime.date):
        return GoTime.from_python(value)
    return value


class StringSlice(list):
    """A Go ``[]string`` (a CSV record)."""

    GO_TYPE = "[]string"


class StringRows(list):
    """A Go ``[][]string`` (CSV records, as encoding/csv reads them)."""

    GO_TYPE = "[][]string"


def _read_csv(text: str, delimiter: str, comment: str) -> StringRows:
    rows = StringRows()
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    width = None
    try:
        for row in reader:
            if not row or (comment and row[0].startswith(comment)):
                continue
            if width is None:
                width = len(row)
            elif len(row) != width:
                raise ValueError(
                    f"record on line {reader.line_num}: wrong number of fields"
                )
            rows.append(StringSlice(row))
    except csv.Error as error:
        raise ValueError(f"record on line {reader.line_num}: {error}") from None
    return rows


def unmarshal_text(
    text: str, kind: str = "", delimiter: str = ",", comment: str = ""
) -> Any:
    """Text as Hugo's ``transform.Unmarshal`` reads it; ``kind`` forces the
    format, else it is guessed as Hugo guesses it."""
    if kind:
        kind = {"yml": "yaml"}.get(kind.lower(), kind.lower())
        if kind not in ("json", "yaml", "toml", "csv"):
            raise ValueError(f"format {kind!r} not supported")
    else:
        kind = _format_of(text, delimiter)
        if not kind:
            raise ValueError("unknown format")
    try:
        if kind == "json":
            return _go_values(json.loads(text, parse_int=float))
        if kind == "toml":
            return _go_values(tomllib.loads(text))
        if kind == "yaml":
            loader = hugo_config.ConfigYamlLoader  # go-yaml v2's rules
            return _go_values(yaml.load(text, Loader=loader))  # noqa: S506 (safe)
        if kind == "csv":
            return _read_csv(text, delimiter, comment)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError, yaml.YAMLError) as error:
        message = " ".join(str(error).split())
        raise ValueError(
            f'"_stream.{kind}": failed to unmarshal {kind.upper()}: {message}'
        ) from None
    raise ValueError("unmarshal of XML is not supported; use JSON, YAML, TOML or CSV")


def _one_rune(value: Any) -> str:
    text = to_string(value)
    if len(text) > 1:
        raise ValueError(
            f"failed to decode options: invalid character: {go_quote(text)}"
        )
    return text


class TransformNamespace:
    """``transform``: text turned into HTML, plain text or data."""

    GO_TYPE = "*transform.Namespace"

    def __init__(self, bindings: SiteBindings) -> None:
        self._markdownify = bindings.markdownify

    def Emojify(self, value: Any) -> HTML:  # noqa: N802 (Go's name)
        return HTML(emojify_text(to_string(value)))

    def HTMLEscape(self, value: Any) -> str:  # noqa: N802 (Go's name)
        return html_escape(to_string(value))

    def HTMLUnescape(self, value: Any) -> str:  # noqa: N802 (Go's name)
        return html_unescape(to_string(value))

    def Markdownify(self, value: Any) -> HTML:  # noqa: N802 (Go's name)
        return HTML(trim_short_html(self._markdownify(to_string(value))))

    def Plainify(self, value: Any) -> str:  # noqa: N802 (Go's name)
        return strip_html(to_string(value))

    def Unmarshal(self, *args: Any) -> Any:  # noqa: N802 (Go's name)
        if not 1 <= len(args) <= 2:
            raise ValueError("unmarshal takes 1 or 2 arguments")
        data = args[-1]
        options = {"delimiter": ",", "comment": "", "format": ""}
        if len(args) == 2:
            if not isinstance(args[0], Mapping):
                raise ValueError("first argument must be a map")
            for key, value in args[0].items():
                name = str(key).lower()
                if name in ("delimiter", "comment"):
                    options[name] = _one_rune(value)
                elif name == "format":
                    options[name] = to_string(value)
        media = getattr(data, "MediaType", None)
        if media is not None and hasattr(data, "Content"):
            # A resource: its format is its suffix's, unless one is given.
            kind = options["format"] or next(
                (
                    suffix
                    for suffix in getattr(media, "Suffixes", ())
                    if suffix.lower() in ("json", "yaml", "yml", "toml", "csv")
                ),
                "",
            )
            if not kind:
                raise ValueError(f"MIME {go_quote(to_string(media))} not supported")
            return unmarshal_text(
                data.Content, kind, options["delimiter"], options["comment"]
            )
        try:
            text = to_string(data)
        except ValueError:
            raise TypeError(f"type {type_name(data)} not supported") from None
        return unmarshal_text(
            text, options["format"], options["delimiter"], options["comment"]
        )


def functions(bindings: SiteBindings) -> dict[str, Callable[..., Any]]:
    """``transform`` and its short names, as in Hugo's tpl/transform/init.go."""
    transform = TransformNamespace(bindings)
    return {
        "transform": lambda: transform,
        "emojify": transform.Emojify,
        "htmlEscape": transform.HTMLEscape,
        "htmlUnescape": transform.HTMLUnescape,
        "markdownify": transform.Markdownify,
        "plainify": transform.Plainify,
        "unmarshal": transform.Unmarshal,
    }
