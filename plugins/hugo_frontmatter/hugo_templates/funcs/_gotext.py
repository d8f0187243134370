"""Go's text rules where Python's differ: one rune's case (Go maps one
character to one: ``upper "ß"`` is ``ß``), ``unicode.IsSpace`` (not the
ASCII separators Python counts), ``strings.Fields``, ``strings.Title``, the
scripts Hugo counts as CJK, ``html.EscapeString`` and Hugo's ``StripHTML``.
"""

from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

_GO_SPACES = frozenset("\t\n\v\f\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000") | {
    chr(c) for c in range(0x2000, 0x200B)
}


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


_STRIP_PRE = re.compile(r"\n|</p>|<br>|<br />")
_NEWLINE_PLACEHOLDER = "___hugonl_"
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


def _raw_end(text: str, i: int, element: str) -> int:
    """html/template's indexTagEnd: where ``</element`` closes the raw text."""
    while True:
        at = text.find("</", i)
        if at < 0:
            return -1
        after = at + 2 + len(element)
        if text[at + 2 : after].lower() == element and after < len(text):
            if text[after] in "> \t\n\f/":
                return at
        i = at + 2


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
            at = _raw_end(text, i, element)
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


def strip_html(text: str) -> str:
    """Hugo's tpl.StripHTML: html/template's stripTags, a line break kept
    for ``</p>`` and ``<br>``, a run of spaces kept as its first."""
    if "<" not in text and ">" not in text:
        return text
    pre = _STRIP_PRE.sub(
        lambda m: " " if m.group(0) == "\n" else _NEWLINE_PLACEHOLDER, text
    )
    stripped = strip_tags(pre)
    if pre != text:
        stripped = stripped.replace(_NEWLINE_PLACEHOLDER, "\n")
    out: list[str] = []
    was_space = False
    for char in stripped:
        space = is_space(char)
        if not (space and was_space):
            out.append(char)
        was_space = space
    return "".join(out) if out else stripped
