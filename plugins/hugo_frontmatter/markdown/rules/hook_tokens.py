"""The tokens render hooks are given: a hooked link's or heading's tokens
gathered into one token each (``LINK_HOOK``, ``HEADING_HOOK``: the hook
gets the rendered inside), each image's line noted, and the plain text of
an element as Goldmark gives it (``.PlainText``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from .typographer import TOKEN as TYPOGRAPHIC

LINK_HOOK = "goldmark_link_hook"
HEADING_HOOK = "goldmark_heading_hook"


def gather(state: StateCore, link: Any, heading: Any) -> None:
    """Gather a hooked link's and heading's tokens into one token each (the
    hook gets the rendered inside), and note the line of each image;
    ``link`` and ``heading`` are the page's hooks for them, or None."""
    for token in state.tokens:
        if token.type == "inline" and token.children:
            line = token.map[0] + 1 if token.map else 0
            token.children = _hook_inline(token.children, line, link)
    if heading is None:
        return
    tokens: list[Token] = []
    index = 0
    while index < len(state.tokens):
        token = state.tokens[index]
        inline = state.tokens[index + 1] if index + 1 < len(state.tokens) else None
        if token.type == "heading_open" and inline is not None:
            hooked = Token(HEADING_HOOK, token.tag, 0)
            hooked.attrs = dict(token.attrs)
            hooked.map = token.map
            hooked.block = True
            hooked.children = inline.children
            hooked.meta = {
                "hook": heading,
                "level": _markdown_level(token),
                "line": token.map[0] + 1 if token.map else 0,
            }
            tokens.append(hooked)
            index += 3
            continue
        tokens.append(token)
        index += 1
    state.tokens = tokens


def _markdown_level(token: Token) -> int:
    """A heading's level as written (``##``, or a setext underline), which
    a plugin moving the page's headings (cameo's outline) leaves alone."""
    if token.markup == "=":
        return 1
    if token.markup == "-":
        return 2
    return len(token.markup) if token.markup else int(token.tag[1:])


def _hook_inline(children: list[Token], line: int, link: Any) -> list[Token]:
    """Inline tokens with each link (with ``link``, its hook) one token."""
    result: list[Token] = []
    index = 0
    while index < len(children):
        child = children[index]
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "image":
            child.meta = {**(child.meta or {}), "line": line}
        elif child.type == "link_open" and link is not None:
            end = index + 1
            while end < len(children) and children[end].type != "link_close":
                end += 1
            hooked = Token(LINK_HOOK, "a", 0)
            hooked.attrs = dict(child.attrs)
            hooked.info = child.info
            hooked.children = _hook_inline(children[index + 1 : end], line, None)
            hooked.meta = {"hook": link, "line": line}
            result.append(hooked)
            index = end + 1
            continue
        result.append(child)
        index += 1
    return result


def plain_text(tokens: Sequence[Token]) -> str:
    """Goldmark's ``Text`` of a node: its text and code, no markup (a soft
    line break adds nothing, an autolink nothing either: it has no
    children in Goldmark's tree)."""
    parts = []
    in_autolink = False
    for token in tokens:
        if token.type in ("link_open", "link_close") and token.info == "auto":
            in_autolink = token.type == "link_open"
        elif in_autolink or (token.type == LINK_HOOK and token.info == "auto"):
            continue
        elif token.children:
            parts.append(plain_text(token.children))
        elif token.type == TYPOGRAPHIC:  # Goldmark's text: the entity
            parts.append(token.meta["entity"])
        elif token.type in ("text", "code_inline"):
            parts.append(token.content)
    return "".join(parts)
