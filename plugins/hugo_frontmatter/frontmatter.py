"""Split a content file into its front matter and body, and parse the front matter.

The format is told by how the file opens, as Hugo does: YAML between ``---``
lines, TOML between ``+++`` lines, or JSON as one leading ``{...}`` object. A
byte order mark, CRLF line ends and blanks after a delimiter are accepted.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

import yaml

# A delimiter line may carry trailing blanks, as Hugo allows.
_DELIMITERS = {
    "yaml": re.compile(r"^---[ \t]*$"),
    "toml": re.compile(r"^\+\+\+[ \t]*$"),
}
_DELIMITER_TEXT = {"yaml": "---", "toml": "+++"}
_MERGE_TAG = "tag:yaml.org,2002:merge"
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


class FrontMatterError(Exception):
    """Bad front matter, located in its file so that the user can fix it."""

    def __init__(
        self, path: str, line: int, message: str, column: int | None = None
    ) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        if self.column is not None:
            where += f":{self.column}"
        return f"{where}: {self.message}"


@dataclass
class FrontMatter:
    """The parsed fields of one file, with the line each top-level key is on."""

    fields: dict[str, Any]
    body: str
    key_lines: dict[str, int] = field(default_factory=dict)
    start_line: int = 1
    format: str = "yaml"
    path: str = ""
    # Fields that came from elsewhere (an _index.md's cascade): file and line.
    origins: dict[str, tuple[str, int]] = field(default_factory=dict)

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key.lower(), self.start_line)

    def origin_of(self, key: str, default_path: str) -> tuple[str, int]:
        """The file and line where a field was written, for error messages."""
        return self.origins.get(key, (self.path or default_path, self.line_of(key)))


def split(text: str, path: str) -> FrontMatter | None:
    """Return the front matter of ``text``, or None when it has none."""
    text = text.removeprefix("\ufeff")
    if text.lstrip(" \t\r\n").startswith("{"):
        return _split_json(text, path)
    lines = text.splitlines(keepends=True)
    if not lines:
        return None
    opening = lines[0].rstrip("\r\n")
    kind = next((k for k, line in _DELIMITERS.items() if line.match(opening)), None)
    if kind is None:
        return None
    delimiter = _DELIMITERS[kind]
    for index, line in enumerate(lines[1:], start=1):
        if delimiter.match(line.rstrip("\r\n")):
            source = "".join(lines[1:index])
            body = "".join(lines[index + 1 :])
            parse = _parse_yaml if kind == "yaml" else _parse_toml
            fields, key_lines = parse(source, path, first_line=2)
            return FrontMatter(fields, body, key_lines, 1, kind, path)
    mark = _DELIMITER_TEXT[kind]
    raise FrontMatterError(
        path,
        1,
        f"front matter opens with '{mark}' here but is never closed; "
        f"add a line holding only '{mark}' after the last field",
    )


def _split_json(text: str, path: str) -> FrontMatter:
    start = len(text) - len(text.lstrip(" \t\r\n"))
    first_line = text.count("\n", 0, start) + 1
    try:
        data, end = json.JSONDecoder().raw_decode(text, start)
    except json.JSONDecodeError as error:
        raise FrontMatterError(
            path,
            error.lineno,
            f"front matter is not valid JSON: {error.msg}; "
            "fix the JSON object at the top of the file",
            error.colno,
        ) from None
    if not isinstance(data, dict):  # pragma: no cover - raw_decode saw a '{'
        raise FrontMatterError(path, first_line, "front matter must be a JSON object")
    source = text[start:end]
    body = text[end:].lstrip(" \t").removeprefix("\r").removeprefix("\n")
    key_lines = _key_lines(source, first_line, r'"{key}"\s*:', list(data))
    return FrontMatter(data, body, key_lines, first_line, "json", path)


def _parse_toml(
    source: str, path: str, first_line: int
) -> tuple[dict[str, Any], dict[str, int]]:
    try:
        data = tomllib.loads(source.replace("\r\n", "\n"))
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = _TOML_POSITION.search(message)
        line, column = (int(position[1]), int(position[2])) if position else (1, None)
        problem = _TOML_POSITION.sub("", message).strip()
        raise FrontMatterError(
            path,
            first_line + line - 1,
            f"front matter is not valid TOML: {problem}; "
            "fix the TOML between the '+++' lines",
            column,
        ) from None
    key_lines = _key_lines(
        source,
        first_line,
        r'^\s*"?{key}"?\s*=|^\s*\[\[?\s*"?{key}"?\s*[\].]',
        list(data),
    )
    return data, key_lines


def _key_lines(
    source: str, first_line: int, pattern: str, keys: list[str]
) -> dict[str, int]:
    """The line where each top-level key first appears (for TOML and JSON)."""
    lines = source.splitlines()
    found: dict[str, int] = {}
    for key in keys:
        finder = re.compile(pattern.format(key=re.escape(key)))
        for number, line in enumerate(lines):
            if finder.search(line):
                found[key.lower()] = first_line + number
                break
    return found


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """PyYAML's safe loader, refusing a key given twice in a mapping, as Hugo does.

    libyaml's parser when PyYAML has it: the pure-Python one made a build of
    1000 pages 30 % slower (benchmarks/plugin_cost.py).
    """

    def construct_mapping(self, node, deep=False):
        if any(key.tag == _MERGE_TAG for key, _ in node.value):
            # A '<<' merge may legitimately repeat keys; PyYAML resolves it.
            return super().construct_mapping(node, deep=deep)
        seen: dict[Any, yaml.Node] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, (str, int, float, bool)) and key in seen:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"the key {key!r} is given twice (first on line "
                    f"{seen[key].start_mark.line + 1} of the front matter)",
                    key_node.start_mark,
                )
            if isinstance(key, (str, int, float, bool)):
                seen[key] = key_node
        return super().construct_mapping(node, deep=deep)


def _parse_yaml(
    source: str, path: str, first_line: int
) -> tuple[dict[str, Any], dict[str, int]]:
    loader = _StrictLoader(source)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark else 0)
        column = mark.column + 1 if mark else None
        problem = error.problem or error.context or "unreadable YAML"
        raise FrontMatterError(
            path,
            line,
            f"front matter is not valid YAML: {problem}; "
            "fix the YAML between the '---' lines",
            column,
        ) from None
    except yaml.YAMLError as error:
        raise FrontMatterError(
            path, first_line, f"front matter is not valid YAML: {error}"
        ) from None
    finally:
        loader.dispose()

    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise FrontMatterError(
            path,
            first_line,
            "front matter must be a mapping of fields such as 'title: My page', "
            f"not a {_yaml_kind(data)}",
        )
    key_lines = {
        str(key_node.value).lower(): first_line + key_node.start_mark.line
        for key_node, _ in node.value
    }
    return data, key_lines


def _yaml_kind(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "plain text"
    return type(value).__name__
