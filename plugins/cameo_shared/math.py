"""Math at build time: TeX to MathML, one converter for both readers.

``find_math`` says whether math starts at a place in a text (the same
delimiters for Pelican's Markdown and the Hugo pages' markdown-it),
``tex_to_mathml`` turns it into a ``<math>`` element that carries its TeX as
an annotation, and ``warn_failures`` reports, with file:line, what did not
convert and was left as text (``FAILED_CLASS``), also from cached HTML.
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from latex2mathml.converter import convert_to_element

logger = logging.getLogger(__name__)

# The metadata a reader sets on a page once it warned of its math (the other
# plugin, seeing it on the page, does not warn again).
WARNED = "math_warned"
# The class of the <span> around display math (the theme lets it scroll).
DISPLAY_CLASS = "math-display"
# The class of the <span> a failed expression's text is left in.
FAILED_CLASS = "math-error"
# Openers, longest first: (opener, closer, display, only where math is on).
# ``\\(`` is what a Hugo site writes for a script to find ``\(`` in its
# HTML; a single ``\(`` or ``\[`` is a Markdown escape (``\[not a link\]``)
# unless the page or the site turns math on.
_DELIMITERS = (
    ("$$", "$$", True, False),
    ("\\\\[", "\\\\]", True, False),
    ("\\[", "\\]", True, True),
    ("\\\\(", "\\\\)", False, False),
    ("\\(", "\\)", False, True),
)
# MathML elements that need an exact number of children.
_ARITY = {
    "mfrac": 2,
    "msup": 2,
    "msub": 2,
    "mroot": 2,
    "munder": 2,
    "mover": 2,
    "msubsup": 3,
    "munderover": 3,
}
_CHARACTER_REFERENCE = re.compile(r"&#x([0-9A-Fa-f]+);")
_FAILED = re.compile(
    f'<span class="{FAILED_CLASS}" data-error="([^"]*)">(.*?)</span>', re.S
)


class MathError(ValueError):
    """TeX the converter cannot turn into MathML."""


@dataclass(frozen=True)
class Math:
    """Math found in a text: its TeX, the source with delimiters, its end."""

    tex: str
    source: str
    display: bool
    end: int


def find_math(
    text: str, pos: int, math_on: bool, end: int | None = None
) -> Math | None:
    """The math that starts at ``pos``, if any. ``\\(``, ``\\[`` and
    ``$...$`` count only where the page or the site turns math on (so that
    escapes stay escapes and prices prices); ``$...$`` as Pandoc reads it:
    no space inside either dollar, no digit right after the closing one.
    Only ``text[:end]`` is looked at."""
    end = len(text) if end is None else end
    for opener, closer, display, needs_math_on in _DELIMITERS:
        if needs_math_on and not math_on:
            continue
        if text.startswith(opener, pos, end):
            start = pos + len(opener)
            close = _closing(text, start, closer, end)
            if close is not None and text[start:close].strip():
                last = close + len(closer)
                return Math(text[start:close].strip(), text[pos:last], display, last)
    if math_on and text.startswith("$", pos, end) and not text.startswith("$$", pos):
        close = _closing(text, pos + 1, "$", end)
        if (
            close is not None
            and close > pos + 1
            and not text[pos + 1].isspace()
            and not text[close - 1].isspace()
            and not text[close + 1 : min(close + 2, end)].isdigit()
        ):
            return Math(text[pos + 1 : close], text[pos : close + 1], False, close + 1)
    return None


# (text, closer, end) -> a place past which the closer is not found: many
# openers without a closer cost one search, not one each.
_UNCLOSED: dict[tuple[str, str, int], int] = {}


def _closing(text: str, start: int, closer: str, end: int) -> int | None:
    """Where ``closer`` first stands after ``start`` (before ``end``); a
    dollar escaped with a backslash does not close."""
    key = (text, closer, end)
    if _UNCLOSED.get(key, end + 1) <= start:
        return None
    index = start
    while True:
        index = text.find(closer, index, end)
        if index < 0:
            if len(_UNCLOSED) > 64:
                _UNCLOSED.clear()
            _UNCLOSED[key] = start
            return None
        if closer == "$" and _escaped(text, index):
            index += 1
            continue
        return index


def _escaped(text: str, index: int) -> bool:
    backslashes = 0
    while index - backslashes > 0 and text[index - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


# A <math> element as tex_to_mathml writes it, and its TeX.
_MATH_ELEMENT = re.compile(
    r"<math\b[^>]*>.*?"
    r'<annotation encoding="application/x-tex">(.*?)</annotation>.*?</math>',
    re.DOTALL,
)


def math_as_tex(html_text: str) -> str:
    """``html_text`` with each ``<math>`` replaced by its TeX (still escaped
    as HTML): for plain text made of a page (a meta description), where the
    MathML's letters would follow each other without their layout, and the
    annotation would repeat them."""
    return _MATH_ELEMENT.sub(lambda found: found.group(1), html_text)


def tex_to_mathml(tex: str, display: bool) -> str:
    """``<math>`` (``display="block"`` for display math, in a focusable
    ``DISPLAY_CLASS`` box) holding the MathML in ``<semantics>`` and the TeX
    as its ``application/x-tex`` annotation. ``MathError`` where latex2mathml
    stops, names a command it does not know, or writes an element with a
    missing part."""
    try:
        root = convert_to_element(tex, display="block" if display else "inline")
    except Exception as error:  # latex2mathml's errors have no common base
        raise MathError(_reason(error)) from None
    _check(root)
    body = "".join(_serialise(child) for child in root)
    if len(root) != 1 or root[0].tag.rpartition("}")[2] != "mrow":
        body = f"<mrow>{body}</mrow>"
    annotation = html.escape(tex, quote=False)
    block = ' display="block"' if display else ""
    math = (
        f"<math{block}><semantics>{body}"
        f'<annotation encoding="application/x-tex">{annotation}</annotation>'
        "</semantics></math>"
    )
    if not display:
        return math
    # A wide equation scrolls in this box, which the keyboard can reach
    # (tabindex is not allowed on <math> itself).
    return f'<span class="{DISPLAY_CLASS}" tabindex="0">{math}</span>'


def failed_math(source: str, reason: str) -> str:
    """What is left of math that did not convert: its source, as text, and
    why (for ``warn_failures``, which may read it from a cached page)."""
    return (
        f'<span class="{FAILED_CLASS}" data-error="{html.escape(reason)}">'
        f"{html.escape(source, quote=False)}</span>"
    )


def _reason(error: Exception) -> str:
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", type(error).__name__).lower()
    return f"{words.removesuffix(' error')}{': ' + str(error) if str(error) else ''}"


def _check(element: Element) -> None:
    tag = element.tag.rpartition("}")[2]
    wanted = _ARITY.get(tag)
    if wanted is not None and len(element) != wanted:
        raise MathError(f"{tag} needs {wanted} parts, has {len(element)}")
    text = _text(element.text)
    if tag == "mi" and text.startswith("\\") and len(text) > 1:
        raise MathError(f"unknown command {text}")
    for child in element:
        _check(child)


def _text(value: str | None) -> str:
    """An element's text as it reads (latex2mathml keeps ``&#x..;`` in it)."""
    return _CHARACTER_REFERENCE.sub(lambda m: chr(int(m.group(1), 16)), value or "")


def _serialise(element: Element) -> str:
    tag = element.tag.rpartition("}")[2]
    attributes = "".join(
        f' {name}="{html.escape(_text(value))}"' for name, value in element.items()
    )
    inner = html.escape(_text(element.text), quote=False)
    inner += "".join(_serialise(child) for child in element)
    tail = html.escape(_text(element.tail), quote=False)
    return f"<{tag}{attributes}>{inner}</{tag}>{tail}"


def warn_failures(page_html: str, source_path: str, shown_path: str) -> int:
    """Warn, with file:line, of each expression in ``page_html`` that did not
    convert (read back from the HTML, so a cached page warns too); the
    number of them. A reader that warned sets ``WARNED`` in the page's
    metadata, so that the theme's plugin does not warn a second time."""
    failures = [
        (html.unescape(reason), html.unescape(source))
        for reason, source in _FAILED.findall(page_html)
    ]
    if not failures:
        return 0
    try:
        with open(source_path, encoding="utf-8") as file:
            text = file.read()
    except (OSError, UnicodeDecodeError):
        text = ""
    for reason, source in failures:
        index = text.find(source)
        line = text.count("\n", 0, index) + 1 if index >= 0 else 1
        logger.warning(
            "%s:%d: math %s does not convert (%s): left as text; fix the TeX",
            shown_path,
            line,
            source,
            reason,
        )
    return len(failures)
