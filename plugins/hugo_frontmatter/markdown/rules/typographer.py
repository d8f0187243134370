"""Goldmark's typographer: quotes, dashes, ellipses and guillemets as the
characters they stand for, by Goldmark's rules for which quote opens and
which closes (not markdown-it's ``smartquotes``).

Each replacement is a token of its own (``TOKEN``), written as its entity
name (``&rsquo;``) as Goldmark writes it; an image's alt text and a render
hook's plain text read it too.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from .inline_state import line_end, per_run

TOKEN = "goldmark_typographic"

_ENTITY_CHARS = {
    "&lsquo;": "\u2018",
    "&rsquo;": "\u2019",
    "&ldquo;": "\u201c",
    "&rdquo;": "\u201d",
    "&ndash;": "\u2013",
    "&mdash;": "\u2014",
    "&hellip;": "\u2026",
    "&laquo;": "\u00ab",
    "&raquo;": "\u00bb",
}


def use(md: MarkdownIt) -> None:
    """Try the rule after the text rule, and write its tokens."""
    md.inline.ruler.after("text", "goldmark_typographer", _typographer_rule)
    md.add_render_rule(TOKEN, _render_typographic)


def _is_space(char: str) -> bool:
    return char.isspace()


def _is_punct(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _is_ascii_punct(char: str) -> bool:
    return char.isascii() and _is_punct(char)


def _typographic(state: StateInline, entity: str, length: int) -> None:
    # A token of its own: markdown-it joins neighbouring text tokens.
    token = state.push(TOKEN, "", 0)
    token.content = _ENTITY_CHARS[entity]
    token.meta = {"entity": entity}
    state.pos += length


def _quote_counter(state: StateInline) -> list[int]:
    # Goldmark counts unclosed quotes per block: one counter per inline run
    # (an image's alt text is a run of its own, inside its block's).
    return per_run(state, "goldmark_quotes", 0, 0)


def _typographer_rule(state: StateInline, silent: bool) -> bool:
    src, pos, end = state.src, state.pos, state.posMax
    char = src[pos]
    # Goldmark looks at the rest of the line, its newline included.
    line_stop = line_end(state)
    rest = src[pos : line_stop + 1 if line_stop < end else end]
    if char == "-" and rest.startswith("---"):
        if not silent:
            _typographic(state, "&mdash;", 3)
        else:
            state.pos += 3
        return True
    if char == "." and rest.startswith("..."):
        if not silent:
            _typographic(state, "&hellip;", 3)
        else:
            state.pos += 3
        return True
    for pair, entity in (("<<", "&laquo;"), (">>", "&raquo;"), ("--", "&ndash;")):
        if rest.startswith(pair):
            if silent:
                state.pos += 2
            else:
                _typographic(state, entity, 2)
            return True
    if char not in "'\"":
        return False
    before = src[pos - 1] if pos > 0 else " "
    # Whether it opens or closes: Goldmark scans the run of this quote, so
    # the character after the run counts (in ""x the first quote does both).
    run = len(rest) - len(rest.lstrip(char))
    after = rest[run] if len(rest) > run else " "
    left = not _is_space(after) and (
        not _is_punct(after) or _is_space(before) or _is_punct(before)
    )
    right = not _is_space(before) and (
        not _is_punct(before) or _is_space(after) or _is_punct(after)
    )
    if not left and not right:
        return False
    counter = _quote_counter(state)
    saved = counter[1:]
    entity = _quote_entity(state, char, rest, before, left, right)
    if silent:  # a look ahead (a link's label): count nothing
        counter[1:] = saved
    if entity is None:
        return False
    if silent:
        state.pos += 1
    else:
        _typographic(state, entity, 1)
    return True


def _quote_entity(
    state: StateInline, char: str, rest: str, before: str, left: bool, right: bool
) -> str | None:
    counter = _quote_counter(state)

    def at(i: int) -> str:
        return rest[i] if i < len(rest) else ""

    if char == "'":
        # Decades such as '90s.
        if left and not right and at(1).isdigit() and at(2).isdigit() and at(3) == "s":
            after = at(4) or " "
            if _is_space(after) or _is_punct(after):
                return "&rsquo;"
        # 'twas, 'em, 'net
        if (_is_punct(before) or _is_space(before)) and at(1) in ("t", "e", "n", "l"):
            return "&rsquo;"
        # Between two alphanumerics: it's
        if (before.isdigit() or before.isalpha()) and at(1).isalpha():
            return "&rsquo;"
        if left and not right:
            entity = "&lsquo;"
            tail = at(2)
            if at(1) in ("s", "m", "t", "d") and (
                not tail or _is_ascii_punct(tail) or _is_space(tail)
            ):
                entity = "&rsquo;"
            tail = at(3)
            if at(1) + at(2) in ("ve", "ll", "re") and (
                not tail or _is_ascii_punct(tail) or _is_space(tail)
            ):
                entity = "&rsquo;"
            if entity == "&lsquo;":
                counter[1] += 1
            return entity
        # Smiths', doin'
        if _is_space(at(0)) or (
            _is_punct(at(0)) and len(rest) > 2 and not at(1).isdigit()
        ):
            return "&rsquo;"
        if counter[1] > 0 and _closes(rest, left, right):
            counter[1] -= 1
            return "&rsquo;"
        return None
    if left and not right:
        counter[2] += 1
        return "&ldquo;"
    if counter[2] > 0 and _closes(rest, left, right):
        if at(1) == '"' and before.isdigit():
            return None
        counter[2] -= 1
        return "&rdquo;"
    return None


def _closes(rest: str, left: bool, right: bool) -> bool:
    if right and not left:
        return True
    return (
        right
        and left
        and len(rest) > 1
        and _is_punct(rest[1])
        and (len(rest) == 2 or _is_ascii_punct(rest[2]) or _is_space(rest[2]))
    )


def _render_typographic(
    self: Any, tokens: Sequence[Token], idx: int, _o: Any, _e: Any
) -> str:
    return tokens[idx].meta["entity"]
