"""html/template's html.go: the escapers for HTML text, RCDATA, quoted and
unquoted attribute values and a tag's attribute list, what a comment
prints (nothing), and ``strip_tags`` (Go's stripTags: trusted HTML in an
attribute loses its tags; Hugo's ``plainify`` uses it too)."""

from __future__ import annotations

import logging
from typing import Any

from .attr import attr_type
from .content import FAILSAFE, HTML, HTMLAttr, replace_chars, stringify
from .transition import raw_end

logger = logging.getLogger(__name__)

_HTML_TABLE = {
    "\0": "\ufffd",
    '"': "&#34;",
    "&": "&amp;",
    "'": "&#39;",
    "+": "&#43;",
    "<": "&lt;",
    ">": "&gt;",
}
_HTML_NORM_TABLE = {k: v for k, v in _HTML_TABLE.items() if k != "&"}
_NOSPACE_TABLE = {
    **_HTML_TABLE,
    "\0": "&#xfffd;",
    "\t": "&#9;",
    "\n": "&#10;",
    "\v": "&#11;",
    "\f": "&#12;",
    "\r": "&#13;",
    " ": "&#32;",
    "=": "&#61;",
    "`": "&#96;",
}
_NOSPACE_NORM_TABLE = {k: v for k, v in _NOSPACE_TABLE.items() if k != "&"}


_TAG_SPACE = " \t\n\f\r"
# The elements whose content html/template does not read as HTML: the text
# of title and textarea is kept, of script and style dropped.
_RAW_ELEMENTS = {"script": False, "style": False, "textarea": True, "title": True}


def _tag_name_end(text: str, i: int) -> int:
    """html/template's eatTagName: ``x``, ``x-y``, ``x:y``."""
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


def strip_tags(text: str) -> str:
    """html/template's stripTags: the text outside tags and comments, read
    with html/template's own idea of where a tag ends (quoted values)."""
    out: list[str] = []
    i, all_text = 0, True
    state, element, delim = "text", "", ""
    while i < len(text):
        if delim:
            ends = _TAG_SPACE + ">" if delim == " " else delim
            found = min(
                (at for at in map(lambda c: text.find(c, i), ends) if at >= 0),
                default=-1,
            )
            if found < 0:
                break
            i = found + (0 if delim == " " else 1)
            state, delim = "tag", ""
            continue
        start, previous = i, state
        kept = state == "text" or (state == "raw" and _RAW_ELEMENTS[element])
        if state == "text":
            state, element, i = _text_step(text, i)
        elif state == "raw":
            at = raw_end(text, i, element)
            state, element, i = (
                ("text", "", at) if at >= 0 else ("raw", element, len(text))
            )
        elif state == "comment":
            at = text.find("-->", i)
            state, i = ("text", at + 3) if at >= 0 else ("comment", len(text))
        else:
            state, element, delim, i = _tag_step(text, i, state, element)
        if kept:
            end = i
            if state != previous:
                at = text.rfind("<", start, i)
                end = at if at >= 0 else i
            out.append(text[start:end])
        else:
            all_text = False
    return text if all_text else "".join(out)


def _text_step(text: str, i: int) -> tuple[str, str, int]:
    k = i
    while True:
        at = text.find("<", k)
        if at < 0 or at + 1 == len(text):
            return "text", "", len(text)
        if text.startswith("<!--", at):
            return "comment", "", at + 4
        j = at + 1
        end_tag = False
        if text[j] == "/":
            if j + 1 == len(text):
                return "text", "", len(text)
            end_tag, j = True, j + 1
        name_end = _tag_name_end(text, j)
        if name_end != j:
            name = "" if end_tag else text[j:name_end].lower()
            return "tag", name if name in _RAW_ELEMENTS else "", name_end
        k = name_end


def _tag_step(text: str, i: int, state: str, element: str) -> tuple[str, str, str, int]:
    """One step inside a tag: html/template's tTag, tAttrName, tAfterName
    and tBeforeValue; ``"error"`` swallows the rest, as Go's tError."""
    if state == "error":
        return "error", element, "", len(text)
    if state in ("tag", "after_name", "before_value"):
        while i < len(text) and text[i] in _TAG_SPACE:
            i += 1
        if i == len(text):
            return state, element, "", i
    if state == "tag" and text[i] == ">":
        return ("raw" if element else "text"), element, "", i + 1
    if state in ("tag", "attr_name"):
        j = i
        while j < len(text) and text[j] not in _TAG_SPACE + "=>":
            if text[j] in "'\"<":
                return "error", element, "", len(text)
            j += 1
        if state == "tag" and j == i:
            return "error", element, "", len(text)
        return ("attr_name" if j == len(text) else "after_name"), element, "", j
    if state == "after_name":
        if text[i] != "=":
            return "tag", element, "", i
        return "before_value", element, "", i + 1
    delim = text[i] if text[i] in "'\"" else " "
    return "value", element, delim, i + (0 if delim == " " else 1)


def html_escaper(*args: Any) -> str:
    text, kind = stringify(args)
    if kind is HTML:
        return text
    return replace_chars(text, _HTML_TABLE)


def rcdata_escaper(*args: Any) -> str:
    text, kind = stringify(args)
    if kind is HTML:
        return replace_chars(text, _HTML_NORM_TABLE)
    return replace_chars(text, _HTML_TABLE)


def attr_escaper(*args: Any) -> str:
    text, kind = stringify(args)
    if kind is HTML:
        return replace_chars(strip_tags(text), _HTML_NORM_TABLE)
    return replace_chars(text, _HTML_TABLE)


def nospace_escaper(*args: Any) -> str:
    text, kind = stringify(args)
    if kind is HTML:
        text = replace_chars(strip_tags(text), _NOSPACE_NORM_TABLE)
    else:
        text = replace_chars(text, _NOSPACE_TABLE)
    return text


def name_filter(*args: Any) -> str:
    text, kind = stringify(args)
    if kind is HTMLAttr:
        return text
    text = text.lower()
    if (
        not text
        or attr_type(text) != "plain"
        or not text.isalnum()
        or not text.isascii()
    ):
        return FAILSAFE
    return text


def comment_escaper(*args: Any) -> str:
    """What an action inside an HTML comment prints: nothing."""
    return ""
