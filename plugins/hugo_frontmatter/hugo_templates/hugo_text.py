"""Hugo's text helpers, as its template functions use them: the text of
HTML (``strip_html``, with html/template's ``strip_tags``), a lone
paragraph unwrapped (``trim_short_html``), emoji codes (``emojify_text``)
and Go's ``html.UnescapeString`` (``html_unescape``)."""

from __future__ import annotations

import functools
import html
import logging
import re

from ..goldmark import emoji_codes

logger = logging.getLogger(__name__)

# Go's unicode.IsSpace in Latin-1.
GO_SPACE = "\t\n\v\f\r \x85\xa0"
# Hugo's StripHTML: line ends become spaces, paragraph and line breaks a
# mark that becomes a line end once the tags are gone.
_NEW_LINE = "___hugonl_"
_STRIP_PRE = (
    ("\n", " "),
    ("</p>", _NEW_LINE),
    ("<br>", _NEW_LINE),
    ("<br />", _NEW_LINE),
)
_TAG_SPACE = " \t\n\f\r"
# Elements whose text html/template reads as text (kept) or as script or
# style (dropped) up to their end tag.
_RCDATA = {"textarea": True, "title": True, "script": False, "style": False}


def _replace_all(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    # Go's strings.Replacer: one pass, the first old string matching wins.
    out: list[str] = []
    i = 0
    while i < len(text):
        for old, new in pairs:
            if text.startswith(old, i):
                out.append(new)
                i += len(old)
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _tag_name_end(text: str, i: int) -> int:
    """Go's eatTagName: a letter, then letters, digits, ``x-y``, ``x:y``."""
    if i == len(text) or not (text[i].isascii() and text[i].isalpha()):
        return i
    j = i + 1
    while j < len(text):
        char = text[j]
        if char.isascii() and char.isalnum():
            j += 1
        elif (
            char in ":-"
            and j + 1 < len(text)
            and text[j + 1].isascii()
            and text[j + 1].isalnum()
        ):
            j += 2
        else:
            break
    return j


def _special_end(text: str, i: int, element: str) -> int:
    """Where ``</element`` (then space, ``/`` or ``>``) starts, or -1."""
    lowered = text.lower()
    at = i
    while True:
        at = lowered.find("</" + element, at)
        if at < 0:
            return -1
        after = at + 2 + len(element)
        if after < len(text) and text[after] in "> \t\n\f/":
            return at
        at += 2


def strip_tags(html: str) -> str:
    """html/template's stripTags: the text of HTML, tags, comments, scripts
    and styles gone; a ``<`` that starts no tag stays, and so does the whole
    text when nothing but text was read (``a <b`` ends in a tag name)."""
    out: list[str] = []
    state, element, i, all_text = "text", "", 0, True
    n = len(html)
    while i < n:
        if state == "text":
            k = i
            while True:
                at = html.find("<", k)
                if at < 0 or at + 1 == n:
                    out.append(html[i:])
                    i = n
                    break
                if html.startswith("<!--", at):
                    out.append(html[i:at])
                    state, i = "comment", at + 4
                    break
                j = at + 1
                closing = html[j] == "/"
                if closing:
                    if j + 1 == n:
                        out.append(html[i:])
                        i = n
                        break
                    j += 1
                end = _tag_name_end(html, j)
                if end != j:
                    out.append(html[i:at])
                    name = html[j:end].lower()
                    element = "" if closing or name not in _RCDATA else name
                    state, i = "tag", end
                    break
                k = end
        elif state == "comment":
            all_text = False
            at = html.find("-->", i)
            state, i = ("text", at + 3) if at >= 0 else (state, n)
        elif state == "rcdata":
            all_text = all_text and _RCDATA[element]
            at = _special_end(html, i, element)
            stop = n if at < 0 else at
            if _RCDATA[element]:
                text = html[i:stop]
                if at >= 0 and "<" in text:
                    text = text[: text.rfind("<")]
                out.append(text)
            if at >= 0:
                state, element = "text", ""
            i = stop
        elif state == "tag":
            all_text = False
            while i < n and html[i] in _TAG_SPACE:
                i += 1
            if i == n:
                break
            if html[i] == ">":
                i += 1
                state = "rcdata" if element else "text"
                continue
            j = i
            while j < n and html[j] not in _TAG_SPACE + "=>":
                if html[j] in "'\"<":
                    return "".join(out)  # html/template gives up here
                j += 1
            if j == i:  # "=" where a name should be: html/template gives up
                return "".join(out)
            i = j
            while i < n and html[i] in _TAG_SPACE:
                i += 1
            if i < n and html[i] == "=":
                i += 1
                while i < n and html[i] in _TAG_SPACE:
                    i += 1
                if i == n:
                    break
                if html[i] in "'\"":
                    end = html.find(html[i], i + 1)
                    if end < 0:
                        return "".join(out)
                    i = end + 1
                else:
                    while i < n and html[i] not in _TAG_SPACE + ">":
                        i += 1
    if all_text:
        return html
    return "".join(out)


def strip_html(text: str) -> str:
    """Hugo's tpl.StripHTML: the text of HTML, paragraph and line breaks as
    line ends, runs of white space as their first character."""
    if "<" not in text and ">" not in text:
        return text
    pre = _replace_all(text, _STRIP_PRE)
    stripped = strip_tags(pre)
    if pre != text:
        stripped = stripped.replace(_NEW_LINE, "\n")
    out: list[str] = []
    was_space = False
    for char in stripped:
        is_space = char in GO_SPACE or _is_go_space(char)
        if not (is_space and was_space):
            out.append(char)
        was_space = is_space
    return "".join(out) if out else stripped


def _is_go_space(char: str) -> bool:
    return (
        char in "\u1680\u2028\u2029\u202f\u205f\u3000" or "\u2000" <= char <= "\u200a"
    )


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
        text = text.strip(GO_SPACE)
        text = text.removeprefix("<p>").removesuffix("</p>")
        text = text.strip(GO_SPACE)
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
