"""Go's regexp (RE2 syntax) on Python's ``re``, for ``findRE``, ``replaceRE``
and ``findRESubmatch``.

A Go pattern is translated where the two read it differently: ``\\d``, ``\\w``,
``\\s`` and ``\\b`` are ASCII in Go, ``$`` is the end of the text only, ``\\z``
is Python's ``\\Z``, a flag group ``(?i)`` may stand anywhere, POSIX classes
(``[[:alpha:]]``), ``\\Q...\\E`` and ``\\x{263a}``. What Go refuses and Python
would take (lookarounds, back references, possessive quantifiers) is refused
with Go's words. Unicode classes (``\\pL``, ``\\p{Greek}``) and ``(?U)`` have
no match in ``re`` and are refused, saying so. Matching all, and replacing
with ``$1``/``${name}``, follow Go's rules for empty matches.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterator

logger = logging.getLogger(__name__)

_WORD = "0-9A-Za-z_"
_SPACE = r"\t\n\f\r "
_CLASS_ESCAPES = {"d": "0-9", "w": _WORD, "s": _SPACE}
_ESCAPES = {
    "d": "[0-9]",
    "D": "[^0-9]",
    "w": f"[{_WORD}]",
    "W": f"[^{_WORD}]",
    "s": f"[{_SPACE}]",
    "S": f"[^{_SPACE}]",
    "b": f"(?:(?<=[{_WORD}])(?![{_WORD}])|(?<![{_WORD}])(?=[{_WORD}]))",
    "B": f"(?:(?<=[{_WORD}])(?=[{_WORD}])|(?<![{_WORD}])(?![{_WORD}]))",
    "A": r"\A",
    "z": r"\Z",
}
_POSIX = {
    "alnum": "0-9A-Za-z",
    "alpha": "A-Za-z",
    "ascii": r"\x00-\x7f",
    "blank": r"\t ",
    "cntrl": r"\x00-\x1f\x7f",
    "digit": "0-9",
    "graph": r"!-~",
    "lower": "a-z",
    "print": r" -~",
    "punct": r"!-/:-@\[-`{-~",
    "space": r"\t\n\v\f\r ",
    "upper": "A-Z",
    "word": _WORD,
    "xdigit": "0-9A-Fa-f",
}
_FLAGS = re.compile(r"\(\?([imsU]*)(?:-([imsU]*))?(\)|:)")


class RegexpError(ValueError):
    """A pattern Go refuses, or one cameo cannot run as Go does."""


def _go_error(message: str, text: str) -> RegexpError:
    return RegexpError(f"error parsing regexp: {message}: `{text}`")


def _unsupported(what: str) -> RegexpError:
    return RegexpError(
        f"{what} in a regular expression is not supported by cameo; "
        "write the characters out (for example [a-zA-Zà-ÿ])"
    )


class _Translator:
    """One pass over a Go pattern, writing the Python pattern."""

    def __init__(self, pattern: str) -> None:
        self.src = pattern
        self.i = 0
        self.out: list[str] = []
        # Per open group: (multiline flag, flags re-opened after each "|").
        self.stack: list[tuple[bool, str]] = [(False, "")]

    def translate(self) -> str:
        src = self.src
        while self.i < len(src):
            char = src[self.i]
            if char == "\\":
                self.escape()
            elif char == "[":
                self.char_class()
            elif char == "(":
                self.open_group()
            elif char == ")":
                self.close_group()
            elif char == "|":
                flags = self.stack[-1][1]
                self.out.append(")|(?" + flags + ":" if flags else "|")
                self.i += 1
            elif char == "$":
                self.out.append(r"(?=\n|\Z)" if self.stack[-1][0] else r"\Z")
                self.i += 1
            elif char in "*+?}":
                self.quantifier(char)
            elif char == "{" and src.startswith("{,", self.i):
                self.out.append(r"\{")
                self.i += 1
            else:
                self.out.append(char)
                self.i += 1
        if self.stack[-1][1]:
            self.out.append(")")
        if len(self.stack) > 1:
            raise _go_error("missing closing )", src)
        return "".join(self.out)

    def quantifier(self, char: str) -> None:
        self.out.append(char)
        self.i += 1
        if char != "}" and self.src.startswith("?", self.i):
            self.out.append("?")
            self.i += 1
        nxt = self.src[self.i : self.i + 1]
        if nxt and nxt in "*+" and char != "}":
            raise _go_error(
                "invalid nested repetition operator", self.src[self.i - 1 : self.i + 1]
            )

    def open_group(self) -> None:
        src, i = self.src, self.i
        multiline = self.stack[-1][0]
        if not src.startswith("(?", i):
            self.out.append("(")
            self.stack.append((multiline, ""))
            self.i += 1
            return
        if src.startswith("(?P<", i):
            self.out.append("(?P<")
            self.stack.append((multiline, ""))
            self.i += 4
            return
        match = _FLAGS.match(src, i)
        if not match or match.group(0) in ("(?)", "(?-)", "(?:"):
            if match and match.group(0) == "(?:":
                self.out.append("(?:")
                self.stack.append((multiline, ""))
                self.i += 3
                return
            end = src.find(")", i)
            raise _go_error(
                "invalid or unsupported Perl syntax",
                src[i : i + 3] if end < 0 else src[i : min(end, i + 3)],
            )
        on, off, kind = match.group(1), match.group(2) or "", match.group(3)
        if "U" in on + off:
            raise _unsupported("The flag U (ungreedy)")
        if "m" in on:
            multiline = True
        if "m" in off:
            multiline = False
        flags = on + ("-" + off if off else "")
        self.i = match.end()
        if kind == ":":
            self.out.append(f"(?{flags}:")
            self.stack.append((multiline, ""))
            return
        # "(?i)" in the middle: the rest of the enclosing group, each branch.
        if self.stack[-1][1]:
            self.out.append(")")
        previous = self.stack[-1][1]
        merged = flags if not previous else previous + flags
        self.out.append(f"(?{merged}:")
        self.stack[-1] = (multiline, merged)

    def close_group(self) -> None:
        if len(self.stack) == 1:
            raise _go_error("unexpected )", self.src)
        if self.stack[-1][1]:
            self.out.append(")")
        self.stack.pop()
        self.out.append(")")
        self.i += 1

    def escape(self) -> None:
        src, i = self.src, self.i
        if i + 1 >= len(src):
            raise _go_error("trailing backslash at end of expression", "")
        char = src[i + 1]
        self.i += 2
        if char in _ESCAPES:
            self.out.append(_ESCAPES[char])
        elif char == "Q":
            end = src.find(r"\E", self.i)
            literal = src[self.i :] if end < 0 else src[self.i : end]
            self.out.append(re.escape(literal))
            self.i = len(src) if end < 0 else end + 2
        elif char == "E":
            pass
        else:
            self.out.append(self.literal_escape(char, src[i : i + 2]))

    def literal_escape(self, char: str, text: str) -> str:
        """An escape that stands for one character (or Python's same escape)."""
        src = self.src
        if char in "pP":
            end = src.find("}", self.i) + 1 if src.startswith("{", self.i) else 0
            name = src[self.i : end or self.i + 1]
            raise _unsupported(f"The Unicode class {text}{name}")
        if char == "x" and src.startswith("{", self.i):
            end = src.find("}", self.i)
            digits = src[self.i + 1 : end] if end > 0 else ""
            if not digits or any(c not in "0123456789abcdefABCDEF" for c in digits):
                raise _go_error("invalid escape sequence", text)
            self.i = end + 1
            code = int(digits, 16)
            if code > 0x10FFFF:
                raise _go_error("invalid escape sequence", text)
            return re.escape(chr(code))
        if char in "1234567" and not src[self.i : self.i + 1].isdigit():
            raise _go_error("invalid escape sequence", text)
        if char in "01234567":
            digits = char
            while len(digits) < 3 and src[self.i : self.i + 1] in tuple("01234567"):
                digits += src[self.i]
                self.i += 1
            return re.escape(chr(int(digits, 8)))
        if char.isascii() and (char.isalnum() or char == "_"):
            if char not in "afnrtvx":
                raise _go_error("invalid escape sequence", text)
            return "\\" + char
        return re.escape(char)

    def char_class(self) -> None:
        src = self.src
        start = self.i
        self.i += 1
        parts = ["["]
        if src.startswith("^", self.i):
            parts.append("^")
            self.i += 1
        first = True
        while True:
            if self.i >= len(src):
                raise _go_error("missing closing ]", src[start:])
            char = src[self.i]
            if char == "]" and not first:
                self.i += 1
                break
            first = False
            if char == "[" and src.startswith("[:", self.i):
                end = src.find(":]", self.i + 2)
                name = src[self.i + 2 : end] if end > 0 else ""
                if name in _POSIX:
                    parts.append(_POSIX[name])
                    self.i = end + 2
                    continue
                if name.startswith("^") and name[1:] in _POSIX:
                    raise _unsupported(f"The negated class [:{name}:]")
            if char == "\\":
                if self.i + 1 >= len(src):
                    raise _go_error("missing closing ]", src[start:])
                esc = src[self.i + 1]
                if esc in _CLASS_ESCAPES:
                    parts.append(_CLASS_ESCAPES[esc])
                    self.i += 2
                    continue
                if esc in "DWS":
                    raise _unsupported(f"\\{esc} inside a character class")
                self.i += 2
                parts.append(self.literal_escape(esc, src[self.i - 2 : self.i]))
                continue
            parts.append(re.escape(char) if char in "[&~|" else char)
            self.i += 1
        parts.append("]")
        self.out.append("".join(parts))


# Under (?i) Python folds "İ" and "ı" with "i" and "I", Go does not: both
# stand for characters of the private use area while matching.
_GUARD = str.maketrans("İı", "\ue000\ue001")
_UNGUARD = str.maketrans("\ue000\ue001", "İı")


def guard(text: str) -> str:
    """``text`` as the patterns of ``compile_go`` read it."""
    return text.translate(_GUARD)


def unguard(text: str) -> str:
    """Text read with ``guard`` as it was."""
    return text.translate(_UNGUARD)


@functools.lru_cache(maxsize=256)
def compile_go(pattern: str) -> re.Pattern[str]:
    """The compiled Python pattern that matches as Go's ``pattern`` does,
    on text passed through ``guard``."""
    translated = _Translator(guard(pattern)).translate()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return re.compile(translated)
    except re.error as error:
        raise RegexpError(f"error parsing regexp: {error.msg}: `{pattern}`") from None


def find_all(pattern: re.Pattern[str], text: str, limit: int) -> Iterator[re.Match]:
    """Go's allMatches: an empty match right after a match is skipped."""
    pos, count, prev_end = 0, 0, -1
    while (limit < 0 or count < limit) and pos <= len(text):
        match = pattern.search(text, pos)
        if match is None:
            break
        accept = True
        if match.end() == pos:
            if match.start() == prev_end:
                accept = False
            pos += 1
        else:
            pos = match.end()
        prev_end = match.end()
        if accept:
            count += 1
            yield match


def replace_all(
    pattern: re.Pattern[str], text: str, replace: Callable[[re.Match], str]
) -> str:
    """Go's replaceAll: an empty match right after a match is not replaced."""
    out: list[str] = []
    search, last_end = 0, 0
    while search <= len(text):
        match = pattern.search(text, search)
        if match is None:
            break
        out.append(text[last_end : match.start()])
        if match.end() > last_end or match.start() == 0:
            out.append(replace(match))
        last_end = match.end()
        search = search + 1 if search + 1 > match.end() else match.end()
    out.append(text[last_end:])
    return "".join(out)


def _name_char(char: str) -> bool:
    return char == "_" or char.isalpha() or unicodedata.category(char) == "Nd"


def expand(template: str, match: re.Match) -> str:
    """Go's Regexp.Expand: ``$1``, ``${1}``, ``$name``, ``${name}``, ``$$``;
    a group that does not exist or did not take part is empty."""
    out: list[str] = []
    names = match.re.groupindex
    while True:
        before, dollar, template = template.partition("$")
        out.append(before)
        if not dollar:
            return "".join(out)
        if template.startswith("$"):
            out.append("$")
            template = template[1:]
            continue
        brace = template.startswith("{")
        body = template[1:] if brace else template
        i = 0
        while i < len(body) and _name_char(body[i]):
            i += 1
        name = body[:i]
        if not name or (brace and not body.startswith("}", i)):
            out.append("$")
            continue
        template = body[i + 1 :] if brace else body[i:]
        group: int | str | None = None
        if name.isascii() and name.isdigit() and not (name[0] == "0" and len(name) > 1):
            group = int(name) if int(name) <= match.re.groups else None
        elif name in names:
            group = names[name]
        if group is not None:
            out.append(match.group(group) or "")
