"""Goldmark's linkify: bare links (``https://…``, ``www.…``, e-mail
addresses) found and ended as Goldmark 1.5 finds them, as an inline rule.

``find_bare_link`` reads one; ``goldmark_url_escape`` writes its address;
the rule is tried where Goldmark tries it (``LINK_START`` tells the text
rule, ``text_runs.py``, where to stop), never inside a link's label.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from .inline_state import line_end, per_run

# Where a bare link may start, for the text rule to stop before.
LINK_START = r"(?:https?:|ftp:|www\.|[A-Za-z0-9][-A-Za-z0-9.!#$%&'*+/=?^_`{|}~]*@)"

# Goldmark's extension/linkify.go: the scheme or www. in lower case, a host
# with a dot and letters after its last one (so no "localhost", no
# 127.0.0.1), a port, then a path of these characters only.
_URL = re.compile(
    r"(?:http|https|ftp)://[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+(?::\d+)?"
    r"(?:[/#?][-a-zA-Z0-9@:%_+.~#$!?&/=();,'\">^{}\[\]`]*)?"
)
_WWW = re.compile(
    r"www\.[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+"
    r"(?:[/#?][-a-zA-Z0-9@:%_+.~#!?&/=();,'\">^{}\[\]`]*)?"
)
# util.FindEmailIndex: the local part's characters, then a domain of labels.
_EMAIL_LOCAL = re.compile(r"[-A-Za-z0-9.!#$%&'*+/=?^_`{|}~]+@")
_EMAIL_DOMAIN = re.compile(
    r"[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
    r"(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*"
)
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_TRAILING = frozenset("?!.,:*_~")
# util.URLEscape keeps these and "%" before a hex digit; the rest is
# percent-encoded as Go's url.QueryEscape writes it.
_URL_SAFE = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789;/?:@&=+$,-_.!~*'()#"
)


def find_bare_link(text: str, start: int, end: int) -> tuple[int, str] | None:
    """Where a bare link that starts at ``start`` ends, and its address, as
    Goldmark's linkify parser reads ``text[start:end]`` (the rest of a line):
    None when none starts there."""
    rest = text[start:end]
    match = None
    if rest.startswith(("http:", "https:", "ftp:")):
        match = _URL.match(text, start, end)
    www = match is None and rest.startswith("www.")
    if www:
        match = _WWW.match(text, start, end)
    if match is not None:
        stop = _trim_url(text, start, match.end())
        email = False
    else:
        stop = _email_end(text, start, end)
        if stop is None:
            return None
        email = True
    # Punctuation that ends a sentence is not the link's.
    last = stop - 1
    while last > start and text[last] in _TRAILING:
        last -= 1
    stop = last + 1
    link = text[start:stop]
    if email:  # after a www. that was no link, Goldmark keeps its https://
        return stop, ("mailto:https://" if www else "mailto:") + link
    return stop, ("https://" + link) if www else link


def _trim_url(text: str, start: int, stop: int) -> int:
    last = text[stop - 1]
    if last == ".":
        return stop - 1
    if last == ")":
        closing = text.count(")", start, stop) - text.count("(", start, stop)
        return stop - closing if closing > 0 else stop
    if last == ";":  # an entity such as &amp; is not the link's
        at = stop - 2
        while at >= start and text[at].isascii() and text[at].isalnum():
            at -= 1
        if at != stop - 2 and text[at] == "&":
            return at
    return stop


def _email_end(text: str, start: int, end: int) -> int | None:
    if start >= end or text[start] in _ASCII_PUNCT:
        return None
    local = _EMAIL_LOCAL.match(text, start, end)
    if local is None:
        return None
    domain = _EMAIL_DOMAIN.match(text, local.end(), end)
    if domain is None or domain.end() == local.end():
        return None
    stop = domain.end()
    if "." not in text[local.end() - 1 : stop - 1]:
        return None
    if text[stop - 1] == ".":
        stop -= 1
    if stop < end and text[stop] in "-_":
        return None
    return stop


def goldmark_url_escape(url: str) -> str:
    """Goldmark's ``util.URLEscape``: what is not URL-safe percent-encoded,
    except a ``%`` and the two characters after it when the first is a hex
    digit (Goldmark looks at that one only)."""
    out = []
    index = 0
    while index < len(url):
        char = url[index]
        if char == "%" and index + 2 < len(url) and url[index + 1] in string.hexdigits:
            out.append(url[index : index + 3])
            index += 3
            continue
        out.append(char if char in _URL_SAFE else quote(char, safe="-_.~"))
        index += 1
    return "".join(out)


def use(md: MarkdownIt, strikethrough: bool) -> None:
    """Try bare links before the text rule; count labels after every rule."""
    md.inline.ruler.before("text", "goldmark_linkify", _linkify_rule(strikethrough))
    md.inline.ruler.push("goldmark_labels", _label_rule)


def _linkify_rule(strikethrough: bool) -> Callable[[StateInline, bool], bool]:
    """Goldmark's linkify as an inline rule. Goldmark tries it at a space,
    ``(`` or ``~`` (taking that character as text) and at the head of a line
    or right after another inline element, never inside a link's label (an
    unclosed ``[`` counts); ``*`` and ``_`` are emphasis first."""

    def rule(state: StateInline, silent: bool) -> bool:
        if silent:  # markdown-it looking for a label's end: never in one
            return False
        src, pos = state.src, state.pos
        char = src[pos]
        if char in " (~":
            if char == "~" and strikethrough and src.startswith("~~", pos):
                return False
            lead = 1
        elif char in _ASCII_PUNCT or char.isspace() or not _at_line_head(state):
            return False
        else:
            lead = 0
        if state.linkLevel > 0 or _open_labels(state)[1] > 0:
            return False
        found = find_bare_link(src, pos + lead, line_end(state))
        if found is None:
            return False
        stop, href = found
        if lead:
            state.append_pending(char)
        token = state.push("link_open", "a", 1)
        token.attrs = {"href": goldmark_url_escape(href)}
        token.markup, token.info = "linkify", "auto"
        state.push("text", "", 0).content = src[pos + lead : stop]
        closing = state.push("link_close", "a", -1)
        closing.markup, closing.info = "linkify", "auto"
        state.pos = stop
        return True

    return rule


def _at_line_head(state: StateInline) -> bool:
    """Whether Goldmark would start a new run of text here: at a line's
    start or after an inline element, not after an escape or an entity."""
    if state.pending:
        return False
    return not state.tokens or state.tokens[-1].type != "text_special"


def _open_labels(state: StateInline) -> list[Any]:
    return per_run(state, "goldmark_labels", 0)


def _label_rule(state: StateInline, silent: bool) -> bool:
    """Counts the ``[`` no link took and the ``]`` that close them, for
    :func:`_linkify_rule`: Goldmark makes no bare link inside a label.
    Takes nothing: tried last, where the character becomes text."""
    char = state.src[state.pos]
    if not silent and char in "[]":
        held = _open_labels(state)
        held[1] = held[1] + 1 if char == "[" else max(held[1] - 1, 0)
    return False
