"""What the inline rules keep while a run of inline text is parsed: where
the current line ends, and counters per inline run.

Shared by the typographer (``typographer.py``: unclosed quotes) and
linkify (``linkify.py``: open link labels, the rest of the line).
"""

from __future__ import annotations

from typing import Any

from markdown_it.rules_inline import StateInline


def line_end(state: StateInline) -> int:
    """Where the line at ``state.pos`` ends (its newline, or ``posMax``),
    found once a line: rules that ask at every quote or space of a long line
    stay linear."""
    pos = state.pos
    held = state.env.get("goldmark_line")
    if held is None or held[0] is not state or not held[1] <= pos <= held[2]:
        end = state.src.find("\n", pos)  # whatever posMax is now
        held = [state, pos, len(state.src) if end < 0 else end]
        state.env["goldmark_line"] = held
    return min(held[2], state.posMax)


def per_run(state: StateInline, key: str, *start: int) -> list[Any]:
    """Counters of one inline run, ``[state, *counts]``, kept in the page's
    env by run: an image's alt text, parsed as a run of its own in the
    middle of another, leaves the other's counts as they were."""
    runs = state.env.setdefault(key, {})
    if state not in runs:
        runs[state] = [state, *start]
    return runs[state]
