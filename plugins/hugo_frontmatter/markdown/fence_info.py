"""A fenced code block's info string as Hugo reads it: its language and
Goldmark's attributes (``go {linenos=true, .wide}``), of which some are
Hugo's highlighting options; the options and attributes as a code block
render hook is given them; and the count of a page's code blocks.

Shared by the highlighting of fences (``rules/code_fences.py``) and the
code block render hooks (``rules/render_hooks.py``, ``rules/hook_facts.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .line_ranges import go_int, lenient_line_ranges

# Hugo's options for Chroma among a fence's attributes (any case); every
# other attribute goes on the block's <div class="highlight">.
HIGHLIGHT_OPTIONS = frozenset(
    "anchorlinenos guesssyntax hl_lines hl_inline lineanchors linenos "
    "linenostart linenumbersintable noclasses nohl style tabwidth".split()
)
_ATTR_NAME = re.compile(r"[A-Za-z_:][A-Za-z0-9_:.\-]*")
_ATTR_WORD = re.compile(r"[^\s!\"#$%&'()*+,/;<=>?@\[\\\]^`{|}~]*")
_ATTR_NUMBER = re.compile(r"[-+]?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]*)?")
_SPACES = re.compile(r"[ \t]*")


@dataclass(frozen=True)
class FenceAttribute:
    """One attribute of a fence's ``{...}``: its name as written, its value
    as written (quotes kept, as Hugo's options are read from it) and as an
    HTML attribute prints it."""

    name: str
    source: str
    printed: str


def fence_attributes(text: str) -> list[FenceAttribute] | None:
    """The attributes of ``{...}`` at the start of ``text`` as Goldmark's
    ``ParseAttributes`` reads them: ``#id``, ``.class`` and ``name=value``
    (a "string", a number, a word, true, false, null or a [list]), apart by
    spaces or a comma. None when any is malformed: Goldmark then keeps none."""
    if not text.startswith("{"):
        return None
    attrs: list[FenceAttribute] = []
    pos = 1
    while True:
        pos = _SPACES.match(text, pos).end()
        if text.startswith("}", pos):
            return attrs
        if text.startswith(("#", "."), pos):
            word = _ATTR_WORD.match(text, pos + 1)
            name = "id" if text[pos] == "#" else "class"
            attrs.append(FenceAttribute(name, word.group(), word.group()))
            pos = word.end()
        else:
            name_match = _ATTR_NAME.match(text, pos)
            if name_match is None:
                return None
            pos = _SPACES.match(text, name_match.end()).end()
            if not text.startswith("=", pos):
                return None
            pos = _SPACES.match(text, pos + 1).end()
            value = _attribute_value(text, pos)
            if value is None:
                return None
            end, printed = value
            name = name_match.group()
            if name == "class" and not text.startswith('"', pos):
                if printed in ("true", "false", "") or _ATTR_NUMBER.match(text, pos):
                    return None
            attrs.append(FenceAttribute(name, text[pos:end], printed))
            pos = end
        pos = _SPACES.match(text, pos).end()
        if text.startswith(",", pos):
            pos += 1


def _attribute_value(text: str, pos: int) -> tuple[int, str] | None:
    """Where the value at ``pos`` ends and how Hugo prints it, or None."""
    if pos >= len(text):
        return None
    char = text[pos]
    if char == '"':
        return _attribute_string(text, pos)
    if char == "[":
        return _attribute_list(text, pos)
    if char in "-+" or char.isdigit():
        match = _ATTR_NUMBER.match(text, pos)
        try:
            number = Decimal(repr(float(match.group()))) if match else None
        except ValueError:
            number = None
        if number is not None and not number.is_finite():
            number = None  # out of a float's range: Go's ParseFloat fails
        # Go's strconv.ParseFloat, printed as FormatFloat(f, 'f', -1, 64).
        return None if number is None else (match.end(), f"{number.normalize():f}")
    word = _ATTR_NAME.match(text, pos)
    if word is None:
        return None
    return word.end(), "" if word.group() == "null" else word.group()


def _attribute_string(text: str, pos: int) -> tuple[int, str] | None:
    escapes = {'"': '"', "/": "/", "\\": "\\", "b": "\b", "f": "\f"}
    escapes |= {"n": "\n", "r": "\r", "t": "\t"}
    out = []
    at = pos + 1
    while at < len(text) and text[at] != "\n":
        char = text[at]
        if char == "\\" and at + 1 < len(text):
            follow = text[at + 1]
            if follow in escapes:
                out.append(escapes[follow])
                at += 2
            else:
                out.append("\\")
                at += 1
            continue
        if char == '"':
            return at + 1, "".join(out)
        out.append(char)
        at += 1
    return None


def _attribute_list(text: str, pos: int) -> tuple[int, str] | None:
    at = pos + 1
    first = True
    while True:
        comma = False
        if not first and text.startswith(",", at):
            at += 1
            comma = True
        if text.startswith("]", at):
            return (at + 1, "") if not comma else None
        at = _SPACES.match(text, at).end()
        value = _attribute_value(text, at)
        if value is None:
            return None
        at = _SPACES.match(text, value[0]).end()
        first = False


def parse_fence_info(info: str) -> tuple[str, dict[str, str]]:
    """The language and Hugo's highlighting options of a fence's info
    string: ``go {linenos=true,hl_lines=[2,"4-5"]}`` -> ``("go", {...})``,
    the options' names in lower case, their values as written."""
    language, attrs = split_fence_info(info)
    return language, highlight_options(attrs)


def highlight_options(attrs: list[FenceAttribute]) -> dict[str, str]:
    """Those of a fence's attributes that are Hugo's highlighting options,
    by their names in lower case, with their values as written."""
    return {
        attr.name.lower(): attr.source
        for attr in attrs
        if attr.name.lower() in HIGHLIGHT_OPTIONS
    }


def split_fence_info(info: str) -> tuple[str, list[FenceAttribute]]:
    """A fence's language (its info string's first word before any ``{``)
    and its attributes (none when they are malformed)."""
    info = info.strip()
    brace = info.find("{")
    head = info[:brace] if brace >= 0 else info
    words = head.split()
    attrs = fence_attributes(info[brace:]) if brace >= 0 else None
    return (words[0] if words else ""), attrs or []


_LIST_ITEM = re.compile(r'"((?:[^"\\]|\\.)*)"|([^\s,]+)')


def list_value(value: str) -> list[str] | str:
    """A fence option's value as Goldmark reads it: ``[2, "4 5"]`` as its
    items (a quoted one keeps its blanks), a "string" without its quotes,
    and a bare value only if it is a number (``2-3`` and ``'2'`` are none)."""
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        items = _LIST_ITEM.finditer(value[1:-1])
        return [item.group(item.lastindex or 0) for item in items]
    if len(value) > 1 and value[0] == value[-1] == '"':
        return value[1:-1]
    return value if go_int(value) is not None else ""


def next_fence_ordinal(env: dict[str, Any]) -> int:
    """The page's count of code blocks so far, counted up by one: Hugo
    numbers highlighted and hooked blocks in one count (anchors ``hl-N``,
    a hook's ``.Ordinal``)."""
    ordinal = env.get("goldmark_fences", 0)
    env["goldmark_fences"] = ordinal + 1
    return ordinal


def hook_options(attrs: Sequence[FenceAttribute]) -> dict[str, Any]:
    """A fence's highlighting options as Hugo gives them to a hook: names in
    lower case, values typed (``true``, ``5``), ``hl_lines`` as ranges of
    zero-based line indexes (``[[0, 0]]``)."""
    options: dict[str, Any] = {}
    for attr in attrs:
        name = attr.name.lower()
        if name not in HIGHLIGHT_OPTIONS:
            continue
        if name == "hl_lines":
            ranges = lenient_line_ranges(list_value(attr.source))
            options[name] = [[start - 1, end - 1] for start, end in ranges]
        else:
            options[name] = _typed_value(attr.source)
    return options


def _typed_value(source: str) -> Any:
    if source[:1] in "\"'":
        return source[1:-1]
    if source in ("true", "false"):
        return source == "true"
    try:
        return int(source)
    except ValueError:
        pass
    try:
        return float(source)
    except ValueError:
        return source


def hook_attributes(attrs: Sequence[FenceAttribute]) -> dict[str, str]:
    """A fence's other attributes, as Hugo gives them to a hook (classes
    joined)."""
    found: dict[str, str] = {}
    for attr in attrs:
        name = attr.name.lower()
        if name in HIGHLIGHT_OPTIONS:
            continue
        if name == "class" and name in found:
            found[name] = f"{found[name]} {attr.printed}"
        else:
            found[name] = attr.printed
    return found
