"""GFM task lists: a list item that starts with ``[ ]`` or ``[x]`` starts
with Goldmark's disabled checkbox."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

_TASK = re.compile(r"\[([ xX])\]\s*")


def use(md: MarkdownIt) -> None:
    """Find the boxes once the page is parsed, and write them."""
    md.core.ruler.push("goldmark_task_list", _task_lists)
    md.add_render_rule("goldmark_checkbox", _render_checkbox)


def _task_lists(state: StateCore) -> None:
    tokens = state.tokens
    for index in range(len(tokens) - 2):
        if tokens[index].type != "list_item_open":
            continue
        if tokens[index + 1].type != "paragraph_open":
            continue
        inline = tokens[index + 2]
        if not inline.children or inline.children[0].type != "text":
            continue
        first = inline.children[0]
        match = _TASK.match(first.content)
        if not match:
            continue
        box = Token("goldmark_checkbox", "input", 0)
        box.meta = {"checked": match[1] in "xX"}
        first.content = first.content[match.end() :]
        inline.children.insert(0, box)


def _render_checkbox(
    self: Any, tokens: Sequence[Token], idx: int, _o: Any, _e: Any
) -> str:
    checked = 'checked="" ' if tokens[idx].meta["checked"] else ""
    return f'<input {checked}disabled="" type="checkbox"> '
