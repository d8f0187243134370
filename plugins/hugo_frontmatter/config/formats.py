"""A config file's text as data: TOML, YAML (as Hugo 0.111 reads its
config: go-yaml v2's rules, ``ConfigYamlLoader``) or JSON, by the file's
extension; a file that does not parse is a HugoConfigError naming its line.

The reading and parsing (``read_text``, ``parse_text``) serve the site's data
files too (hugo_templates.data), which wrap a ``TextError`` in their own.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable
from typing import Any

import yaml

from cameo_shared.paths import display_path

from ..content.frontmatter import HugoYamlLoader
from .errors import HugoConfigError

_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


class ConfigYamlLoader(HugoYamlLoader):
    """YAML as Hugo 0.111 reads its config: the front matter's go-yaml v2
    rules (checked with ``hugo config``: ``yes``/``no``, ``on``/``off`` and
    ``y``/``n`` are booleans, keys too, so ``y:`` is the key ``true``;
    ``0777`` is octal; dates and ``12:30`` stay text), except that a key
    given twice is not refused: the last wins."""

    def construct_mapping(self, node, deep=False):
        return yaml.constructor.SafeConstructor.construct_mapping(self, node, deep)


def parse_file(path: str) -> dict[str, Any]:
    """One config file, by its extension; an error names the file and line."""
    shown = display_path(path)
    try:
        data = parse_text(read_text(path), format_of(path))
    except TextError as error:
        raise HugoConfigError(shown, error.line, error.message) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise HugoConfigError(
            shown, 1, "must hold a mapping of keys such as 'title', not a list or text"
        )
    return data


class TextError(Exception):
    """A file's text that cannot be read as data: the line (None when not
    known) and what is wrong, saying what to do; the caller names the file,
    with its own error (a config's, a data file's)."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def read_text(path: str) -> str:
    """A file's text: UTF-8, a byte order mark dropped."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return handle.read()
    except UnicodeDecodeError as error:
        raise TextError(
            None, f"is not UTF-8 text ({error.reason}); save it as UTF-8"
        ) from None


def parse_text(
    text: str, kind: str, json_int: Callable[[str], Any] | None = None
) -> Any:
    """TOML, YAML (go-yaml v2's rules: ``ConfigYamlLoader``) or, with
    ``kind`` "json", JSON text as data, its integers made by ``json_int``
    (Python's int by default; Hugo's data files read them as float64);
    text that does not parse is a TextError naming the line where the
    parser says."""
    fix = f"fix the {kind.upper()} and build again"
    try:
        if kind == "toml":
            return tomllib.loads(text.replace("\r\n", "\n"))
        if kind == "json":
            return json.loads(text, parse_int=json_int)
        return yaml.load(text, Loader=ConfigYamlLoader)  # noqa: S506 (a safe loader)
    except tomllib.TOMLDecodeError as error:
        position = _TOML_POSITION.search(str(error))
        problem = _TOML_POSITION.sub("", str(error)).strip()
        line = int(position[1]) if position else None
        raise TextError(line, f"is not valid TOML: {problem}; {fix}") from None
    except json.JSONDecodeError as error:
        raise TextError(
            error.lineno, f"is not valid JSON: {error.msg}; {fix}"
        ) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "unreadable YAML"
        line = mark.line + 1 if mark else None
        raise TextError(line, f"is not valid YAML: {problem}; {fix}") from None
    except (yaml.YAMLError, RecursionError, ValueError) as error:
        raise TextError(None, f"cannot be read: {error}; {fix}") from None


def format_of(name: str) -> str | None:
    """A config file's format by its extension (``yml`` is YAML), or None
    for a file Hugo does not read as config."""
    extension = name.rsplit(".", 1)[-1].lower()
    return {"toml": "toml", "yaml": "yaml", "yml": "yaml", "json": "json"}.get(
        extension
    )
