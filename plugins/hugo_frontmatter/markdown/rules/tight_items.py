"""A block rendered after the bare text of a tight list's item starts on a
new line, as Goldmark writes it (markdown-it does so only for the blocks it
renders itself): for the block render rules of ``raw_html.py``,
``code_fences.py`` and ``render_hooks.py``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from markdown_it.token import Token


def after_bare_text(tokens: Sequence[Token], idx: int, html: str) -> str:
    """``html`` of the block at ``idx``, on a new line after bare text."""
    return "\n" + html if idx and tokens[idx - 1].hidden else html


def block_rule(
    render: Callable[[Sequence[Token], int, Any], str],
) -> Callable[..., str]:
    """A block's render rule from ``render(tokens, idx, env)``, starting a
    new line after the bare text of a tight list's item."""

    def rule(_self: Any, tokens: Sequence[Token], idx: int, _o: Any, env: Any) -> str:
        return after_bare_text(tokens, idx, render(tokens, idx, env))

    return rule
