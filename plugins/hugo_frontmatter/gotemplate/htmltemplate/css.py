"""html/template's css.go: CSS escapes decoded, a CSS value filtered
(``cssValueFilter``) and a CSS string's text escaped (``cssEscaper``)."""

from __future__ import annotations

import logging
import re
from typing import Any

from .content import CSS, FAILSAFE, stringify

logger = logging.getLogger(__name__)

CSS_SPACE = "\t\n\f\r "


def ends_with_url(text: str) -> bool:
    """Go's endsWithCSSKeyword(text, "url")."""
    if len(text) < 3 or text[-3:].lower() != "url":
        return False
    return len(text) == 3 or not _is_css_nmchar(text[-4])


def _is_css_nmchar(char: str) -> bool:
    return char.isalnum() or char in "-_" or not char.isascii()


_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\n\f]?|(.)|$)", re.DOTALL)


def decode_css(text: str) -> str:
    """Go's decodeCSS: CSS escapes (``\\41``, ``\\;``) to their characters; a
    backslash at the end goes."""

    def decode(match: re.Match) -> str:
        if match.group(1):
            code = int(match.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"
        return match.group(2) or ""

    return _CSS_ESCAPE.sub(decode, text)


def css_value_filter(*args: Any) -> str:
    """Go's cssValueFilter: a value that could leave the CSS value, or run
    an expression, becomes ZgotmplZ."""
    if len(args) == 1 and isinstance(args[0], CSS):
        return str(args[0])
    text, _ = stringify(args)
    text = decode_css(text)
    for i, char in enumerate(text):
        if char in "\0\"'()/;@[\\]`{}":  # after decoding, \\ was escaped
            return FAILSAFE
        if char == "-" and i and text[i - 1] == "-":
            return FAILSAFE
    name = "".join(c for c in text if c.isascii() and _is_css_nmchar(c)).lower()
    if "expression" in name or "mozbinding" in name:
        return FAILSAFE
    return text


_CSS_TABLE = {
    "\0": "\\0",
    "\t": "\\9",
    "\n": "\\a",
    "\f": "\\c",
    "\r": "\\d",
    '"': "\\22",
    "&": "\\26",
    "'": "\\27",
    "(": "\\28",
    ")": "\\29",
    "+": "\\2b",
    "/": "\\2f",
    ":": "\\3a",
    ";": "\\3b",
    "<": "\\3c",
    ">": "\\3e",
    "\\": "\\\\",
    "{": "\\7b",
    "}": "\\7d",
}


def css_escaper(*args: Any) -> str:
    """Go's cssEscaper: CSS hex escapes, with a space after one where a hex
    digit or a space follows (or at the end)."""
    text, _ = stringify(args)
    out = []
    for n, char in enumerate(text):
        escaped = _CSS_TABLE.get(char)
        if escaped is None:
            out.append(char)
            continue
        out.append(escaped)
        after = text[n + 1 : n + 2]
        if char != "\\" and (
            not after or after in "0123456789abcdefABCDEF" + CSS_SPACE
        ):
            out.append(" ")
    return "".join(out)
