"""Split a content file into its front matter and body, and parse the front matter.

Only YAML between ``---`` lines is read for now; the split is written so that
TOML (``+++``) and JSON (a leading ``{``) can join it without changing callers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

YAML_DELIMITER = "---"
# A delimiter line may carry trailing blanks, as Hugo allows.
_DELIMITER_LINE = re.compile(r"^---[ \t]*$")
_MERGE_TAG = "tag:yaml.org,2002:merge"


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

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.start_line)


def split(text: str, path: str) -> FrontMatter | None:
    """Return the front matter of ``text``, or None when it has none."""
    text = text.removeprefix("\ufeff")
    lines = text.splitlines(keepends=True)
    if not lines or not _DELIMITER_LINE.match(lines[0].rstrip("\r\n")):
        return None
    for index, line in enumerate(lines[1:], start=1):
        if _DELIMITER_LINE.match(line.rstrip("\r\n")):
            source = "".join(lines[1:index])
            body = "".join(lines[index + 1 :])
            fields, key_lines = _parse_yaml(source, path, first_line=2)
            return FrontMatter(fields, body, key_lines, start_line=1)
    raise FrontMatterError(
        path,
        1,
        "front matter opens with '---' here but is never closed; "
        "add a line holding only '---' after the last field",
    )


class _StrictLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing a key given twice in a mapping, as Hugo does."""

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
