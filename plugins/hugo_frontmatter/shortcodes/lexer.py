"""Finding shortcode tags in a page's raw body, as Hugo 0.111's lexer does.

``tokenize`` splits a body into text and tags: ``{{< name >}}`` and
``{{% name %}}``, closing ``{{< /name >}}``, self-closing ``/>``, the
escaped ``{{</* ... */>}}`` (kept as text), and parameters: positional or
named, "quoted" (with ``\\"``), `raw`, or bare (numbers and true/false
typed as Hugo types them). A tag it cannot read stops with the page's
file:line and what to write instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .calls import ShortcodeError, Where

_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_./-]*")
_SPACE = re.compile(r"\s*")
# Where a tag starts; with the whole tag when it has no parameters
# ({{< name >}}, {{< /name >}}, most of a page's tags), read at once: any
# other goes through _read_tag.
_TAG_START = re.compile(
    r"\{\{([<%])(?:\s*(/?)\s*([A-Za-z0-9_][A-Za-z0-9_./-]*+)\s*([>%])\}\})?"
)
_END_OF = {"<": ">", "%": "%"}
# An opening tag whose parameters are all "quoted" without backslashes
# ({{< notice "info" "Title" >}}): read at once, as _read_tag reads it.
_QUOTED_TAG = re.compile(
    r'\{\{([<%])\s*([A-Za-z0-9_][A-Za-z0-9_./-]*+)((?:\s+"[^"\\]*")+)\s*([>%])\}\}'
)
_QUOTED = re.compile(r'"([^"\\]*)"')
_BARE = re.compile(r"""[^\s"`=]+?(?=\s|=|/?[>%]\}\}|$)""")
# Hugo's ValTyped: a bare parameter is an int (in int64's range, else text)
# or a float by these patterns (no exponent, digits after the point).
_INT = re.compile(r"[+-]?[0-9]+")
_FLOAT = re.compile(r"[+-]?[0-9]*\.[0-9]+")
_INT64 = range(-(2**63), 2**63)


@dataclass
class Tag:
    """One tag of a body (or an escaped one, kept as its text)."""

    kind: str  # "open", "close" or "text"
    pos: int
    end: int
    delim: str = "<"
    name: str = ""
    params: list[Any] | dict[str, Any] = field(default_factory=list)
    self_closing: bool = False
    text: str = ""

    @property
    def closer(self) -> str:
        """The character before ``}}`` that ends this tag's form."""
        return _END_OF[self.delim]


def tokenize(body: str, where: Where) -> list[Tag | str]:
    """Split ``body`` into text (a str, or a text tag for an escaped one),
    opening and closing tags."""
    tags: list[Tag | str] = []
    pos = 0
    text_start = 0
    while True:
        match = _TAG_START.search(body, pos)
        if match is None:
            break
        start = match.start()
        delim = match[1]
        if match[4] == _END_OF[delim]:  # a tag without parameters
            kind = "close" if match[2] else "open"
            tag = Tag(kind, start, match.end(), delim, match[3])
        else:
            tag = _read_tag(body, start, delim, where)
        if start > text_start:
            tags.append(body[text_start:start])
        tags.append(tag)
        pos = text_start = tag.end
    if text_start < len(body):
        tags.append(body[text_start:])
    return tags


def _read_tag(body: str, start: int, delim: str, where: Where) -> Tag:
    quoted = _QUOTED_TAG.match(body, start)
    if quoted is not None and quoted[4] == _END_OF[delim]:
        params = _QUOTED.findall(quoted[3])
        return Tag("open", start, quoted.end(), delim, quoted[2], params)
    end_mark = ">}}" if delim == "<" else "%}}"
    pos = start + 3
    if body.startswith("/*", _SPACE.match(body, pos).end()):
        return _read_escaped(body, start, delim, where)
    pos = _SPACE.match(body, pos).end()
    closing = body.startswith("/", pos)
    if closing:
        pos = _SPACE.match(body, pos + 1).end()
    name = _NAME.match(body, pos)
    if name is None:
        raise ShortcodeError(
            where.path,
            where.line(start),
            f"{{{{{delim} is not followed by a shortcode name; write "
            f"{{{{{delim} name {end_mark} or escape it as "
            f"{{{{{delim}/* ... */{end_mark}",
        )
    tag = Tag("close" if closing else "open", start, 0, delim, name.group(0))
    _read_params(body, name.end(), tag, where)
    return tag


def _read_escaped(body: str, start: int, delim: str, where: Where) -> Tag:
    """``{{</* name */>}}``: the tag as text, without its comment marks
    (Hugo's way to show a shortcode in a page)."""
    end_mark = ">}}" if delim == "<" else "%}}"
    comment = _SPACE.match(body, start + 3).end() + 2
    close = re.compile(r"\*/\s*" + re.escape(end_mark))
    found = close.search(body, comment)
    if found is None:
        raise ShortcodeError(
            where.path,
            where.line(start),
            f"escaped shortcode opens with {{{{{delim}/* here but never "
            f"closes; end it with */{end_mark}",
        )
    literal = "{{" + delim + body[comment : found.start()] + end_mark
    return Tag("text", start, found.end(), text=literal)


def _read_params(body: str, pos: int, tag: Tag, where: Where) -> None:
    """The parameters of ``tag`` from ``pos`` to its end mark, which set
    its ``params``, ``end`` and ``self_closing``: all named or all
    positional, none on a closing tag."""
    end_mark = tag.closer + "}}"
    closing = tag.kind == "close"
    positional: list[Any] = []
    named: dict[str, Any] = {}
    while True:
        pos = _SPACE.match(body, pos).end()
        if body.startswith(end_mark, pos):
            tag.end = pos + 3
            break
        if body.startswith("/" + end_mark, pos):
            tag.self_closing = True
            tag.end = pos + 4
            break
        if pos >= len(body) or body.startswith("{{", pos):
            raise ShortcodeError(
                where.path,
                where.line(tag.pos),
                f'shortcode "{tag.name}" opens here but is never closed with '
                f"{end_mark}; add {end_mark} after its parameters",
            )
        if closing:
            raise ShortcodeError(
                where.path,
                where.line(pos),
                f'closing tag of "{tag.name}" has parameters; write '
                f"{{{{{tag.delim} /{tag.name} {end_mark}",
            )
        value_start = pos
        value, pos = _read_value(body, pos, tag.name, where)
        if body.startswith("=", pos) and isinstance(value, str):
            key = value
            value, pos = _read_value(body, pos + 1, tag.name, where)
            named[key] = value
        else:
            if body[value_start] not in '"`':
                _check_bare(body, value_start, pos, where)
            positional.append(value)
        if named and positional:
            raise ShortcodeError(
                where.path,
                where.line(tag.pos),
                f'shortcode "{tag.name}" mixes named and positional '
                "parameters; use one kind",
            )
    tag.params = named if named else positional


def _check_bare(body: str, start: int, end: int, where: Where) -> None:
    """Hugo's lexer takes an unquoted positional parameter of letters,
    digits, ``_``, ``-`` and ``.`` (not first); on any other character it
    stops the build (a ``/`` it reads as a closing mark, left alone here)."""
    for index in range(start, end):
        char = body[index]
        if char.isalnum() or char in "_-/" or (char == "." and index > start):
            continue
        raise ShortcodeError(
            where.path,
            where.line(index),
            f"unrecognized character in shortcode action: U+{ord(char):04X} "
            f"'{char}'. Note: Parameters with non-alphanumeric args must be "
            f'quoted (Hugo\'s words); write "{body[start:end]}"',
        )


def _read_value(body: str, pos: int, name: str, where: Where) -> tuple[Any, int]:
    """One parameter: "quoted" (with \\" escapes), `raw`, or a bare word
    (bare numbers and true/false are typed, as in Hugo)."""
    quote = body[pos] if pos < len(body) else ""
    if quote == '"':
        close = body.find('"', pos + 1)
        if close >= 0 and "\\" not in body[pos + 1 : close]:
            return body[pos + 1 : close], close + 1  # no escapes: as it is
        out = []
        i = pos + 1
        while i < len(body) and body[i] != '"':
            if body[i] == "\\" and i + 1 < len(body) and body[i + 1] == '"':
                i += 1
            out.append(body[i])
            i += 1
        if i >= len(body):
            raise ShortcodeError(
                where.path,
                where.line(pos),
                f'a parameter of shortcode "{name}" opens a quote (") that '
                "never closes; close it",
            )
        return "".join(out), i + 1
    if quote == "`":
        close = body.find("`", pos + 1)
        if close < 0:
            raise ShortcodeError(
                where.path,
                where.line(pos),
                f'a parameter of shortcode "{name}" opens a raw string (`) '
                "that never closes; close it",
            )
        return body[pos + 1 : close], close + 1
    word = _BARE.match(body, pos)
    if word is None or not word.group(0):
        raise ShortcodeError(
            where.path,
            where.line(pos),
            f'cannot read a parameter of shortcode "{name}" here; quote it '
            'with "..." or `...`',
        )
    text = word.group(0)
    if text in ("true", "false"):
        return text == "true", word.end()
    if _INT.fullmatch(text) and int(text) in _INT64:
        return int(text), word.end()
    if _FLOAT.fullmatch(text):
        return float(text), word.end()
    return text, word.end()
