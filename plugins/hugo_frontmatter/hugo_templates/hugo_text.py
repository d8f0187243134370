"""Hugo's text helpers, as its template functions use them: the text of
HTML (``strip_html``, with html/template's ``strip_tags`` from
``gotemplate.htmltemplate.html``),
a lone paragraph unwrapped (``trim_short_html``), emoji codes (``emojify_text``)
and Go's ``html.UnescapeString`` (``html_unescape``)."""

from __future__ import annotations

import functools
import html
import logging
import re

from ..gotemplate.htmltemplate.html import strip_tags
from ..markdown.rules.emoji import emoji_codes
from .go_text import is_space, trim_space

logger = logging.getLogger(__name__)

# Hugo's StripHTML: line ends become spaces, paragraph and line breaks a
# mark that becomes a line end once the tags are gone.
_STRIP_PRE = re.compile(r"\n|</p>|<br>|<br />")
_NEW_LINE = "___hugonl_"


def strip_html(text: str) -> str:
    """Hugo's tpl.StripHTML: html/template's stripTags, paragraph and line
    breaks kept as line ends, a run of white space kept as its first."""
    if "<" not in text and ">" not in text:
        return text
    pre = _STRIP_PRE.sub(lambda m: " " if m.group(0) == "\n" else _NEW_LINE, text)
    stripped = strip_tags(pre)
    if pre != text:
        stripped = stripped.replace(_NEW_LINE, "\n")
    out: list[str] = []
    was_space = False
    for char in stripped:
        space = is_space(char)
        if not (space and was_space):
            out.append(char)
        was_space = space
    return "".join(out) if out else stripped


@functools.cache
def _emoji_max_size() -> int:
    """How long (in bytes, colons included) Hugo's longest emoji code is."""
    return max(len(code.encode()) for code in emoji_codes())


def emojify_text(text: str) -> str:
    """Hugo's helpers.Emojify, quirks included: after a replacement the scan
    goes on from where the old text's code ended, so ``:a::a:`` gives one."""
    codes = emoji_codes()
    limit = _emoji_max_size()
    source = text.encode("utf-8", "surrogateescape")
    start = 0
    k = source.find(b":", start)
    while k != -1:
        j = k
        upper = min(j + limit, len(source))
        end = source[j + 1 : upper].find(b":")
        space = source[j:upper].find(b" ")
        if end < 0:
            start += 1
        elif end == 0 or (space != -1 and space < end):
            start += end + 1
        else:
            stop = end + j + 2
            char = codes.get(source[j:stop].decode("utf-8", "surrogateescape"))
            if char is not None:
                source = source[:j] + char.encode() + source[stop:]
            start += end
        if start >= len(source):
            break
        k = source.find(b":", start)
    return source.decode("utf-8", "surrogateescape")


def trim_short_html(text: str) -> str:
    """Hugo's TrimShortHTML: the ``<p>`` around the only paragraph goes."""
    first_open = text.find("<p")
    last_open = text.rfind("<p")
    if first_open == last_open and text.rfind("</p>") == text.rfind("</"):
        text = trim_space(text)
        text = text.removeprefix("<p>").removesuffix("</p>")
        text = trim_space(text)
    return text


_NUMERIC_REF = re.compile(r"&#(?:([xX])([0-9a-fA-F]*)|([0-9]*))(;?)")
# What HTML5 (and Go) read a numeric reference in 0x80-0x9F as.
_WINDOWS_1252 = (
    "\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160"
    "\u2039\u0152\x8d\u017d\x8f\x90\u2018\u2019\u201c\u201d\u2022\u2013"
    "\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178"
)


def _numeric_ref(match: re.Match[str]) -> str:
    hexadecimal, digits, semicolon = match[1], match[2] or match[3] or "", match[4]
    if 2 + len(hexadecimal or "") + len(digits) + len(semicolon) <= 3:
        return match[0]  # Go matched nothing: "&#1" stays as it is
    code = int(digits, 16 if hexadecimal else 10) if digits else 0
    if 0x80 <= code <= 0x9F:
        return _WINDOWS_1252[code - 0x80]
    if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return "\ufffd"
    return chr(code)


def html_unescape(text: str) -> str:
    """Go's html.UnescapeString: numeric references as Go reads them (one
    digit without ``;`` is no reference; ``&#1;`` is U+0001), names as HTML5."""
    if "&" not in text:
        return text
    out: list[str] = []
    done = 0
    for match in _NUMERIC_REF.finditer(text):
        out.append(html.unescape(text[done : match.start()]))
        out.append(_numeric_ref(match))
        done = match.end()
    out.append(html.unescape(text[done:]))
    return "".join(out)
