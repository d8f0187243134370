"""Code spans: markdown-it's backtick rule, except that a run of backticks
with no closing run is, as in Goldmark, a text element of its own (a bare
link may follow it: see ``linkify.py``)."""

from __future__ import annotations

from markdown_it import MarkdownIt, rules_inline
from markdown_it.rules_inline import StateInline


def use(md: MarkdownIt) -> None:
    """Put the rule in the place of markdown-it's ``backticks``."""
    md.inline.ruler.at("backticks", _backticks)


def _backticks(state: StateInline, silent: bool) -> bool:
    count = len(state.tokens)
    found = rules_inline.backtick(state, silent)
    if found and not silent and len(state.tokens) == count:
        state.pushPending()
    return found
