"""Split a content file into its front matter and body, and parse the front matter.

The format is told by how the file opens, as Hugo does: YAML between ``---``
lines, TOML between ``+++`` lines, or JSON as one leading ``{...}`` object. A
byte order mark, CRLF line ends and blanks after a delimiter are accepted.
YAML is read as Hugo 0.111's go-yaml v2 reads it: ``yes``/``no``,
``on``/``off`` and ``y``/``n`` are booleans, in a nested key too (``y:``
under a field is the key ``true``), ``0777`` is octal; a field's own name
stays as written; ``12:30`` and dates stay text. Whatever a parser cannot
take (bad UTF-8, a bad tagged value, a number too long, nesting too deep) is
a FrontMatterError with its line.
The line of every key is kept, a nested one under its dotted path
(``icon.url``), so that later errors can name it too.
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
_STR_TAG = "tag:yaml.org,2002:str"
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
# A TOML key: bare, "basic" or 'literal' parts joined by dots.
_TOML_KEY_TEXT = (
    r"""(?:[\w-]+|"[^"\n]*"|'[^'\n]*')(?:\s*\.\s*(?:[\w-]+|"[^"\n]*"|'[^'\n]*'))*"""
)
_TOML_KEY_PART = re.compile(r"""([\w-]+)|"([^"\n]*)"|'([^'\n]*)'""")
_TOML_KEY = re.compile(rf"^\s*(?P<key>{_TOML_KEY_TEXT})\s*=")
_TOML_TABLE = re.compile(rf"^\s*(?P<open>\[\[?)\s*(?P<key>{_TOML_KEY_TEXT})\s*\]")
# Deeper front matter is refused: Python's own recursion limit (about 1000)
# would otherwise stop the parsers, or the code that copies the fields, with
# an error that names no file. Hugo's own front matter is a few levels deep.
MAX_DEPTH = 100
# Python refuses to turn longer digit strings into an int (sys.int_info).
_MAX_DIGITS = 4300
_LONG_NUMBER = re.compile(rf"[0-9_]{{{_MAX_DIGITS + 1},}}")


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
    """The parsed fields of one file, with the line each key is on (a nested
    key under its dotted, lower-cased path: ``icon.url``)."""

    fields: dict[str, Any]
    body: str
    key_lines: dict[str, int] = field(default_factory=dict)
    start_line: int = 1
    format: str = "yaml"
    path: str = ""
    # Fields that came from elsewhere (an _index.md's cascade): file and line.
    origins: dict[str, tuple[str, int]] = field(default_factory=dict)
    # The file's line where the body starts (for errors found in the body).
    body_line: int = 1

    def line_of(self, key: str) -> int:
        """The line of ``key`` (``icon.url``), else of the nearest key around
        it that the parser placed (``icon``), else the front matter's first."""
        path = key.lower()
        while path:
            if path in self.key_lines:
                return self.key_lines[path]
            path = path.rpartition(".")[0]
        return self.start_line

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
            return FrontMatter(
                fields, body, key_lines, 1, kind, path, body_line=index + 2
            )
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
    except (RecursionError, ValueError) as error:  # too deep, a too long number
        raise _unparsable(text[start:], path, first_line, error, "JSON") from None
    if not isinstance(data, dict):  # pragma: no cover - raw_decode saw a '{'
        raise FrontMatterError(path, first_line, "front matter must be a JSON object")
    source = text[start:end]
    _refuse_lone_surrogates(data, source, path, first_line)
    body = text[end:].lstrip(" \t").removeprefix("\r").removeprefix("\n")
    key_lines = _json_key_lines(source, first_line, list(data))
    check_depth(data, path, key_lines, first_line)
    body_line = text.count("\n", 0, len(text) - len(body)) + 1
    return FrontMatter(
        data, body, key_lines, first_line, "json", path, body_line=body_line
    )


# A JSON escape, or an escaped backslash (which no escape follows).
_JSON_ESCAPE = re.compile(r"\\\\|\\u([0-9a-fA-F]{4})")


def _refuse_lone_surrogates(
    data: dict[str, Any], source: str, path: str, first_line: int
) -> None:
    """JSON lets ``\\ud800`` stand alone, half of a UTF-16 pair and no
    character: no page holding it could be written (Go's JSON, in Hugo, turns
    it into U+FFFD silently). Refused at the escape, for the author to fix."""
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        return
    high_at = None
    for match in _JSON_ESCAPE.finditer(source):
        code = int(match[1], 16) if match[1] else 0
        if high_at is not None:
            if 0xDC00 <= code <= 0xDFFF and match.start() == high_at + 6:
                high_at = None
                continue
            break
        if 0xD800 <= code <= 0xDBFF:
            high_at = match.start()
        elif 0xDC00 <= code <= 0xDFFF:
            high_at = match.start()
            break
    at = high_at if high_at is not None else 0
    line, column = _line_column(source, at)
    escape = source[at : at + 6]
    raise FrontMatterError(
        path,
        first_line + line - 1,
        f"front matter has {escape}, half of a UTF-16 surrogate pair and no "
        "character by itself; write the character itself, or both halves of "
        "its pair (such as \\ud83d\\ude00)",
        column,
    )


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
    except (RecursionError, ValueError) as error:  # too deep, a too long number
        raise _unparsable(source, path, first_line, error, "TOML") from None
    key_lines = _toml_key_lines(source, first_line)
    check_depth(data, path, key_lines, first_line)
    return data, key_lines


def _toml_key_lines(source: str, first_line: int) -> dict[str, int]:
    """The line where each key first appears, nested ones dotted: ``[icon]``
    then ``url = ...``, or ``icon.url = ...``. ``tomllib`` gives no lines, so
    they are read from the text (skipping multi-line strings); the keys of an
    inline table or of an array of tables (``[[x]]``) are left to the line of
    the key that holds them."""
    found: dict[str, int] = {}
    prefix: list[str] | None = []
    in_string = ""
    for number, line in enumerate(source.splitlines(), start=first_line):
        if in_string:
            in_string = "" if line.count(in_string) % 2 else in_string
            continue
        table = _TOML_TABLE.match(line)
        assignment = None if table else _TOML_KEY.match(line)
        if table:
            parts = _toml_key_parts(table["key"])
            prefix = None if table["open"] == "[[" else parts
        elif assignment:
            value = line[assignment.end() :]
            in_string = next((q for q in ('"""', "'''") if value.count(q) % 2), "")
            if prefix is None:
                continue
            parts = prefix + _toml_key_parts(assignment["key"])
        else:
            continue
        for end in range(1, len(parts) + 1):
            found.setdefault(".".join(parts[:end]), number)
    return found


def _toml_key_parts(key: str) -> list[str]:
    return [
        (bare or basic or literal).lower()
        for bare, basic, literal in _TOML_KEY_PART.findall(key)
    ]


def _json_key_lines(source: str, first_line: int, keys: list[str]) -> dict[str, int]:
    """The line where each top-level key first appears; ``json`` gives no
    lines, and a nested key is left to the line of the key that holds it."""
    lines = source.splitlines()
    found: dict[str, int] = {}
    for key in keys:
        finder = re.compile(rf'"{re.escape(key)}"\s*:')
        for number, line in enumerate(lines):
            if finder.search(line):
                found[key.lower()] = first_line + number
                break
    return found


class HugoYamlLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """PyYAML's safe loader with go-yaml v2's rules, as Hugo 0.111 reads YAML.

    PyYAML resolves YAML 1.1 its own way: ``12:30`` is 750 and dates become
    dates; in go-yaml v2 those stay text. Both take ``yes``/``on``/``y`` for
    true and ``0777`` for octal. (Front matter's own keys are Go strings,
    kept as written by ``_keys_as_written``.) A key given twice is refused,
    as in Hugo. Built on libyaml's parser when PyYAML has it: the
    pure-Python one made a build of 1000 pages 30 % slower
    (benchmarks/plugin_cost.py). The config's loader is this one, less the
    refusal of a key given twice (config/formats.py).
    """

    yaml_implicit_resolvers: dict = {}
    bool_values = {
        word: value
        for value, words in ((True, "y yes true on"), (False, "n no false off"))
        for word in words.split()
    }

    def construct_document(self, node):
        # Before anything is built: values shared through aliases are built
        # once, but whoever walks, copies or prints them pays for each use.
        _check_aliasing(node)
        return super().construct_document(node)

    def construct_object(self, node, deep=False):
        # A tagged value that cannot be built (``!!float 'x'``, a day that does
        # not exist, a number too long for Python) is reported at its node.
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError, TypeError, KeyError) as error:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"{node.tag.rsplit(':', 1)[-1]} value {_shown(node.value)} "
                f"cannot be read ({_reason(error)})",
                node.start_mark,
            ) from None

    def construct_yaml_int(self, node):
        text = self.construct_scalar(node).replace("_", "")
        sign = -1 if text.startswith("-") else 1
        text = text.lstrip("+-")
        if len(text) > _MAX_DIGITS:
            raise ValueError(f"it has {len(text)} digits, more than {_MAX_DIGITS}")
        for prefix, base in (("0o", 8), ("0x", 16), ("0b", 2)):
            if text.lower().startswith(prefix):
                return sign * int(text[2:], base)
        if re.fullmatch(r"0[0-7]+", text):  # Go's base 0: octal
            return sign * int(text, 8)
        if text.startswith("0") and len(text) > 1:  # not octal: Go's float
            return sign * float(text)
        return sign * int(text, 10)

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


HugoYamlLoader.add_constructor(
    "tag:yaml.org,2002:int", HugoYamlLoader.construct_yaml_int
)
# go-yaml v2's resolving of plain text (checked with Hugo 0.111), and the
# merge key ('<<'): for each tag, the pattern of plain text it applies to
# and the first characters.
GO_YAML_RESOLVERS = (
    (
        "bool",
        r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE"
        r"|on|On|ON|off|Off|OFF)$",
        "yYnNtTfFoO",
    ),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    (
        "int",
        r"^(?:[-+]?0b[01_]+|[-+]?0o?[0-7_]+|[-+]?[0-9][0-9_]*|[-+]?0x[0-9a-fA-F_]+)$",
        "-+0123456789",
    ),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("merge", r"^(?:<<)$", "<"),
)
_RESOLVED_TAGS = {f"tag:yaml.org,2002:{tag}" for tag in ("bool", "int", "float")}
_NULL_TAG = "tag:yaml.org,2002:null"


def _keys_as_written(root: yaml.MappingNode) -> None:
    """The front matter's own keys as Go strings: Hugo decodes them into a
    ``map[string]any``, where go-yaml v2 keeps a key as written (``y``,
    ``3``), a null one as ``""``; a nested ``y:`` is the key ``true``."""
    for index, (key, value) in enumerate(root.value):
        if isinstance(key, yaml.ScalarNode) and key.tag in _RESOLVED_TAGS | {_NULL_TAG}:
            text = "" if key.tag == _NULL_TAG else key.value
            written = yaml.ScalarNode(_STR_TAG, text, key.start_mark, key.end_mark)
            root.value[index] = (written, value)


for _tag, _pattern, _first in GO_YAML_RESOLVERS:
    HugoYamlLoader.add_implicit_resolver(
        f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first)
    )


# go-yaml's limit on values built through aliases, which Hugo's YAML
# library applies ("document contains excessive aliasing"): past 100 such
# values and 1000 in all, at most 99 % of them may come through aliases, down
# to 10 % for a document of 4 million values.
_ALIAS_RATIO_LOW = 400_000
_ALIAS_RATIO_HIGH = 4_000_000


def _allowed_alias_ratio(values: int) -> float:
    if values <= _ALIAS_RATIO_LOW:
        return 0.99
    if values >= _ALIAS_RATIO_HIGH:
        return 0.10
    share = (values - _ALIAS_RATIO_LOW) / (_ALIAS_RATIO_HIGH - _ALIAS_RATIO_LOW)
    return 0.99 - 0.89 * share


def _check_aliasing(root: yaml.Node) -> None:
    """Count the values of a document as go-yaml counts them while it decodes
    (each alias once, then every value it stands for, as through an alias),
    and refuse it where go-yaml does. Linear in the text: a node's size with
    its aliases spelled out is worked out once, when the node ends."""
    sizes: dict[int, int] = {}
    values, through_aliases = 1, 0  # the document itself is decoded too
    # (node, the node holding it, where it is written, whether it ends here)
    stack: list[tuple[yaml.Node, yaml.Node | None, yaml.Mark, bool]] = [
        (root, None, root.start_mark, False)
    ]
    seen: set[int] = set()
    while stack:
        node, holder, where, ends = stack.pop()
        if ends:
            if holder is not None:
                sizes[id(holder)] += sizes[id(node)]
            continue
        if id(node) in seen:  # an alias
            size = sizes.get(id(node), 1)  # a node around it: refused later
            values += 1 + size
            through_aliases += size
            if holder is not None:
                sizes[id(holder)] += 1 + size
        else:
            seen.add(id(node))
            sizes[id(node)] = 1
            values += 1
            stack.append((node, holder, where, True))
            if isinstance(node, yaml.MappingNode):
                for key, value in reversed(node.value):
                    stack.append((value, node, key.start_mark, False))
                    stack.append((key, node, key.start_mark, False))
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(
                    (item, node, node.start_mark, False)
                    for item in reversed(node.value)
                )
        if (
            through_aliases > 100
            and values > 1000
            and through_aliases / values > _allowed_alias_ratio(values)
        ):
            raise yaml.constructor.ConstructorError(
                None,
                None,
                "its aliases (*name) stand for too many values "
                f"({through_aliases:,} of its {values:,} come through them; Hugo "
                "stops too: 'document contains excessive aliasing'); write the "
                "values out, or repeat them fewer times",
                where,
            )


def _shown(value: Any) -> str:
    text = value if isinstance(value, str) else ""
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _reason(error: BaseException) -> str:
    if isinstance(error, KeyError):  # a !!bool that is neither true nor false
        return "not a value of that type"
    return str(error).split(";")[0] or type(error).__name__


def _parse_yaml(
    source: str, path: str, first_line: int
) -> tuple[dict[str, Any], dict[str, int]]:
    loader = HugoYamlLoader(source)
    try:
        node = loader.get_single_node()
        if isinstance(node, yaml.MappingNode):
            _keys_as_written(node)
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
            path,
            first_line,
            f"front matter is not valid YAML: {error}; "
            "fix the YAML between the '---' lines",
        ) from None
    except RecursionError as error:
        raise _unparsable(source, path, first_line, error, "YAML") from None
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
    key_lines = _yaml_key_lines(node, first_line)
    check_depth(data, path, key_lines, first_line)
    return data, key_lines


def _yaml_key_lines(root: yaml.MappingNode, first_line: int) -> dict[str, int]:
    """The line of every key of mappings within mappings, nested ones dotted
    (a ``<<`` merge is already spread out by then: its keys count as written
    where they are). A node reached again through an alias is walked once: an
    alias may name a node around it, or be repeated a billion times."""
    found: dict[str, int] = {}
    walked: set[int] = set()
    stack: list[tuple[yaml.Node, str]] = [(root, "")]
    while stack:
        mapping, prefix = stack.pop()
        if id(mapping) in walked:
            continue
        walked.add(id(mapping))
        for key_node, value_node in mapping.value:
            if key_node.id != "scalar":
                continue
            key = prefix + str(key_node.value).lower()
            found.setdefault(key, first_line + key_node.start_mark.line)
            if value_node.id == "mapping":
                stack.append((value_node, key + "."))
    return found


def decode(data: bytes, path: str) -> str:
    """A content file's text: UTF-8 (with or without a byte order mark), and
    no NUL character, which no text file holds (it hides the front matter)."""
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        column = nul - (data.rfind(b"\n", 0, nul) + 1) + 1
        raise FrontMatterError(
            path,
            line,
            "the file holds a NUL byte (0x00), so it is not text; remove it "
            "or save the file again as UTF-8 text",
            column,
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        raise FrontMatterError(
            path,
            line,
            f"the file is not valid UTF-8 (byte 0x{data[error.start]:02x}); "
            "save it as UTF-8",
            column,
        ) from None


def check_depth(
    data: dict[str, Any], path: str, key_lines: dict[str, int], first_line: int
) -> None:
    """Refuse fields nested deeper than MAX_DEPTH, or holding themselves (a
    YAML alias of an enclosing node): templates and copies could not end."""
    for key, value in data.items():
        if not isinstance(value, (dict, list)):
            continue
        # (value, depth, the containers around it); a container reached again
        # through another alias is walked again only when it is deeper now.
        deepest: dict[int, int] = {}
        stack: list[tuple[Any, int, frozenset[int]]] = [(value, 2, frozenset())]
        while stack:
            item, depth, around = stack.pop()
            if id(item) in around:
                problem = "holds itself (a YAML alias of a field around it)"
            elif depth > MAX_DEPTH:
                problem = f"is nested more than {MAX_DEPTH} levels deep"
            else:
                if deepest.get(id(item), 0) >= depth:
                    continue
                deepest[id(item)] = depth
                inner = item.values() if isinstance(item, dict) else item
                inside = around | {id(item)}
                stack.extend(
                    (child, depth + 1, inside)
                    for child in inner
                    if isinstance(child, (dict, list))
                )
                continue
            raise FrontMatterError(
                path,
                key_lines.get(str(key).lower(), first_line),
                f"'{key}' {problem}; make it flatter",
            )


def _unparsable(
    source: str, path: str, first_line: int, error: BaseException, kind: str
) -> FrontMatterError:
    """The error for what a parser raised besides its own syntax error: nesting
    too deep for Python's recursion, or a number too long for Python's int."""
    long_number = _LONG_NUMBER.search(source)
    if isinstance(error, RecursionError):
        line, column = _line_column(source, _too_deep_at(source))
        problem = f"nesting more than {MAX_DEPTH} levels deep; make it flatter"
    elif long_number:
        line, column = _line_column(source, long_number.start())
        problem = (
            f"a number of more than {_MAX_DIGITS} digits; "
            "write it as text in quotes, or shorten it"
        )
    else:  # pragma: no cover - no other ValueError is known
        line, column = 1, None
        problem = f"{_reason(error)}; fix the {kind} at the top of the file"
    return FrontMatterError(
        path,
        first_line + line - 1,
        f"front matter is not valid {kind}: {problem}",
        column,
    )


def _too_deep_at(source: str) -> int:
    """Where brackets first open more than MAX_DEPTH levels deep (0 if never);
    quoted text is skipped roughly, which is enough to point at the line."""
    depth = 0
    quote = None
    for index, char in enumerate(source):
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return index
        elif char in "]}":
            depth -= 1
    return 0


def _line_column(source: str, offset: int) -> tuple[int, int | None]:
    line = source.count("\n", 0, offset) + 1
    return line, offset - (source.rfind("\n", 0, offset) + 1) + 1


def _yaml_kind(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "plain text"
    return type(value).__name__
