"""Footnotes (mdit-py-plugins' rule) in Goldmark's markup: ``fn:N`` and
``fnref:N`` ids, the ``doc-*`` roles, the ``↩︎`` back link."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

_BACKREF = "&#x21a9;&#xfe0e;"


def use(md: MarkdownIt) -> None:
    """The footnote rule, written as Goldmark writes it."""
    md.use(footnote_plugin)
    for name, rule in _FOOTNOTE_RULES.items():
        md.add_render_rule(name, rule)


def _footnote_ref(
    self: Any, tokens: Sequence[Token], idx: int, _o: Any, _e: Any
) -> str:
    meta = tokens[idx].meta
    number = meta["id"] + 1
    sub = meta.get("subId", 0)
    ref_id = f"fnref{sub or ''}:{number}"
    return (
        f'<sup id="{ref_id}"><a href="#fn:{number}" class="footnote-ref" '
        f'role="doc-noteref">{number}</a></sup>'
    )


def _footnote_anchor(
    self: Any, tokens: Sequence[Token], idx: int, _o: Any, _e: Any
) -> str:
    meta = tokens[idx].meta
    sub = meta.get("subId", 0)
    return (
        f'&#160;<a href="#fnref{sub or ""}:{meta["id"] + 1}" class="footnote-backref" '
        f'role="doc-backlink">{_BACKREF}</a>'
    )


_FOOTNOTE_RULES: dict[str, Callable[..., str]] = {
    "footnote_ref": _footnote_ref,
    "footnote_block_open": lambda *a: (
        '<div class="footnotes" role="doc-endnotes">\n<hr>\n<ol>\n'
    ),
    "footnote_block_close": lambda *a: "</ol>\n</div>\n",
    "footnote_open": lambda self, tokens, idx, *a: (
        f'<li id="fn:{tokens[idx].meta["id"] + 1}">\n'
    ),
    "footnote_close": lambda *a: "</li>\n",
    "footnote_anchor": _footnote_anchor,
}
