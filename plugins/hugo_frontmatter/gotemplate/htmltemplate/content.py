"""html/template's content.go: the trusted types a value may carry (Hugo's
``safeHTML``, ``safeCSS`` ...), and how an escaper reads its arguments."""

from __future__ import annotations

import logging

from ..exec import MISSING
from ..gofmt import sprint

logger = logging.getLogger(__name__)

FAILSAFE = "ZgotmplZ"  # what a value refused by a filter prints


class HTML(str):
    """Trusted HTML: printed as it is in HTML text (Hugo's safeHTML)."""


class HTMLAttr(str):
    """A trusted attribute (``name="value"``) for a tag's attribute list."""


class URL(str):
    """A trusted URL: any scheme passes the URL filter (Hugo's safeURL)."""


class CSS(str):
    """Trusted CSS: passes the CSS value filter as it is (Hugo's safeCSS)."""


class JS(str):
    """Trusted JavaScript (Hugo's safeJS): printed as it is as a JS value."""


class JSStr(str):
    """A trusted JavaScript string body (Hugo's safeJSStr)."""


_TRUSTED = (HTML, HTMLAttr, URL, CSS, JS, JSStr)


def stringify(args: tuple) -> tuple[str, type]:
    """The text of an escaper's arguments, and its trusted type (else str)."""
    if len(args) == 1:
        value = args[0]
        if isinstance(value, _TRUSTED):
            return str(value), type(value)
        if isinstance(value, str):
            return value, str
    values = [arg for arg in args if arg is not None and arg is not MISSING]
    return sprint(*values), str


def replace_chars(text: str, table: dict[str, str]) -> str:
    """``text`` with each character in ``table`` replaced, as Go's
    escapers' replacement tables do."""
    return "".join(table.get(char, char) for char in text)
