"""Goldmark's attribute lists, ``{#id .class key=value}``: read here for a
heading's title (``headings.py``), and for a block when
``parser.attribute.block`` is on (a line of its own below a paragraph, a
quote, a list or a table gives that block its attributes)."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

_ATTR_ITEM = re.compile(
    r"""\s*(?:
        \#(?P<id>[^\s#.{}"'=]+)
      | \.(?P<cls>[^\s#.{}"'=]+)
      | (?P<key>[A-Za-z_:][\w:.\-]*)\s*=\s*
        (?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s{}"'=]+))
    )""",
    re.VERBOSE,
)
_TRAILING_ATTRS = re.compile(r"[ \t]*\{([^{}\n]*)\}[ \t]*$")
_ATTRS_LINE = re.compile(r"\{([^{}\n]*)\}[ \t]*$")


def use(md: MarkdownIt) -> None:
    """Block attributes: a line of them ends the block above (it is tried
    before a table, in a paragraph, quote or list); once the page is parsed
    they move onto that block."""
    md.block.ruler.before(
        "table",
        "goldmark_block_attributes",
        _block_attributes_rule,
        {"alt": ["paragraph", "blockquote", "list"]},
    )
    md.core.ruler.after(
        "block", "goldmark_apply_block_attributes", _apply_block_attributes
    )


def parse_attributes(inner: str) -> list[tuple[str, str]] | None:
    """The attributes between ``{`` and ``}``, classes joined into one, or
    None when the text is not an attribute list."""
    attrs: dict[str, str] = {}
    pos = 0
    while pos < len(inner):
        if not inner[pos:].strip():
            break
        match = _ATTR_ITEM.match(inner, pos)
        if not match:
            return None
        pos = match.end()
        if match["id"] is not None:
            attrs["id"] = match["id"]
        elif match["cls"] is not None:
            attrs["class"] = (
                f"{attrs['class']} {match['cls']}" if "class" in attrs else match["cls"]
            )
        else:
            value = next(
                v for v in (match["dq"], match["sq"], match["bare"]) if v is not None
            )
            attrs[match["key"]] = value
    return list(attrs.items()) if attrs else None


def split_trailing_attributes(text: str) -> tuple[str, list[tuple[str, str]]] | None:
    """``text`` without the attribute list it ends with, and its attributes;
    None when it ends with none (a heading's ``## Title {#id}``)."""
    match = _TRAILING_ATTRS.search(text)
    attrs = parse_attributes(match[1]) if match else None
    if not attrs:
        return None
    return text[: match.start()].rstrip(), attrs


def _block_attributes_rule(
    state: StateBlock, start: int, _end: int, silent: bool
) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    line = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    match = _ATTRS_LINE.match(line)
    if not match:
        return False
    attrs = parse_attributes(match[1])
    if not attrs:
        return False
    if silent:
        return True  # ends the paragraph, quote or list above
    if not state.tokens:
        return False  # nothing above to carry them: a paragraph
    token = state.push("goldmark_attributes", "", 0)
    token.meta = {"attrs": attrs}
    token.map = [start, start + 1]
    state.line = start + 1
    return True


def _apply_block_attributes(state: StateCore) -> None:
    tokens = state.tokens
    kept: list[Token] = []
    for token in tokens:
        if token.type != "goldmark_attributes":
            kept.append(token)
            continue
        target = _block_before(kept)
        if target is not None:
            for name, value in token.meta["attrs"]:
                target.attrSet(name, value)
    state.tokens = kept


def _block_before(tokens: list[Token]) -> Token | None:
    if not tokens:
        return None
    last = tokens[-1]
    if last.nesting != -1:
        return last
    opening = last.type[: -len("_close")] + "_open"
    for token in reversed(tokens):
        if token.type == opening and token.level == last.level:
            return token
    return None
