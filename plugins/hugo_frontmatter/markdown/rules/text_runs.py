"""The inline text rule: the longest run of characters no other inline rule
looks at, taken as text in one step.

markdown-it's own rule stops only at its markers; Goldmark's typographer
also looks at quotes and dots, and its linkify at a space or ``(`` where a
bare link may start (``linkify.py`` looks there), so the run stops there
too when they are on.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from .linkify import LINK_START

_MARKDOWN_IT_STOPS = r"\n!#$%&*+\-:<=>@\[\\\]^_`{}~"
_TYPOGRAPHER_STOPS = "'\"."


def use(md: MarkdownIt, typographer: bool, linkify: bool) -> None:
    """Put the rule in the place of markdown-it's ``text``."""
    md.inline.ruler.at("text", _text_rule(_text_run(typographer, linkify)))


@functools.cache
def _text_run(typographer: bool, linkify: bool) -> re.Pattern[str]:
    stops = _MARKDOWN_IT_STOPS + (_TYPOGRAPHER_STOPS if typographer else "")
    if not linkify:
        return re.compile(f"[^{stops}]+")
    return re.compile(f"(?:[^{stops} (]|[ (](?!{LINK_START}))+")


def _text_rule(run: re.Pattern[str]) -> Callable[[StateInline, bool], bool]:
    def rule(state: StateInline, silent: bool) -> bool:
        match = run.match(state.src, state.pos, state.posMax)
        if not match:
            return False
        if not silent:
            state.append_pending(match.group())
        state.pos = match.end()
        return True

    return rule
