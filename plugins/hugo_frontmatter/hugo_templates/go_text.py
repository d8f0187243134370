"""Go's text rules where Python's differ: one rune's case (Go maps one
character to one: ``upper "ß"`` is ``ß``), ``unicode.IsSpace`` (not the
ASCII separators Python counts), ``strings.Fields``, ``strings.Title``, the
scripts Hugo counts as CJK and ``html.EscapeString``.

A leaf: Hugo's function modules and text helpers import it, it imports none
of them.
"""

from __future__ import annotations

import logging

from ..content.urls import GO_SPACES

logger = logging.getLogger(__name__)

_GO_SPACES = frozenset(GO_SPACES)


def is_space(char: str) -> bool:
    """unicode.IsSpace."""
    return char in _GO_SPACES


def trim_space(text: str) -> str:
    """strings.TrimSpace."""
    return text.strip("".join(_GO_SPACES))


def fields(text: str) -> list[str]:
    """strings.Fields: words between runs of unicode.IsSpace."""
    words, word = [], []
    for char in text:
        if char in _GO_SPACES:
            if word:
                words.append("".join(word))
                word = []
        else:
            word.append(char)
    if word:
        words.append("".join(word))
    return words


def upper_rune(char: str) -> str:
    """unicode.ToUpper: the simple mapping, one rune for one."""
    upper = char.upper()
    if len(upper) == 1:
        return upper
    title = char.title()
    return title if len(title) == 1 else char


def lower_rune(char: str) -> str:
    """unicode.ToLower (``İ`` is ``i``)."""
    return char.lower()[0] if char.lower() else char


def title_rune(char: str) -> str:
    """unicode.ToTitle."""
    title = char.title()
    if len(title) == 1:
        return title
    upper = char.upper()
    return upper if len(upper) == 1 else char


def to_upper(text: str) -> str:
    """strings.ToUpper (ASCII text at once: its mapping is one for one)."""
    if text.isascii():
        return text.upper()
    return "".join(upper_rune(char) for char in text)


def to_lower(text: str) -> str:
    """strings.ToLower (ASCII text at once: its mapping is one for one)."""
    if text.isascii():
        return text.lower()
    return "".join(lower_rune(char) for char in text)


def _is_separator(char: str) -> bool:
    if char <= "\x7f":
        return not (char.isalnum() or char == "_")
    if char.isalpha() or char.isdecimal():
        return False
    return is_space(char)


def go_title(text: str) -> str:
    """strings.Title: the first letter of each word to title case."""
    out, prev = [], " "
    for char in text:
        out.append(title_rune(char) if _is_separator(prev) else char)
        prev = char
    return "".join(out)


# Unicode's Han, Hangul, Hiragana and Katakana scripts (Go's unicode tables).
_CJK_RANGES = (
    (0x1100, 0x11FF),
    (0x2E80, 0x2E99),
    (0x2E9B, 0x2EF3),
    (0x2F00, 0x2FD5),
    (0x3005, 0x3005),
    (0x3007, 0x3007),
    (0x3021, 0x3029),
    (0x302E, 0x302F),
    (0x3038, 0x303B),
    (0x3041, 0x3096),
    (0x309D, 0x309F),
    (0x30A1, 0x30FA),
    (0x30FD, 0x30FF),
    (0x3131, 0x318E),
    (0x31F0, 0x31FF),
    (0x3200, 0x321E),
    (0x3260, 0x327E),
    (0x32D0, 0x32FE),
    (0x3300, 0x3357),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xA960, 0xA97C),
    (0xAC00, 0xD7A3),
    (0xD7B0, 0xD7C6),
    (0xD7CB, 0xD7FB),
    (0xF900, 0xFA6D),
    (0xFA70, 0xFAD9),
    (0xFF66, 0xFF6F),
    (0xFF71, 0xFF9D),
    (0xFFA0, 0xFFBE),
    (0xFFC2, 0xFFDC),
    (0x1B000, 0x1B11F),
    (0x1F200, 0x1F200),
    (0x20000, 0x3134A),
)


def is_cjk(char: str) -> bool:
    """unicode.In(r, Han, Hangul, Hiragana, Katakana)."""
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_RANGES)


_HTML_ESCAPES = str.maketrans(
    {"<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&#39;", '"': "&#34;"}
)


def html_escape(text: str) -> str:
    """html.EscapeString (``'`` is ``&#39;``, ``"`` is ``&#34;``)."""
    return text.translate(_HTML_ESCAPES)
