"""The one exception the engine raises, worded as Go's text/template words it."""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)


class TemplateError(Exception):
    """A template that does not parse or does not execute.

    ``str(error)`` is Go's message (``template: NAME:LINE:COL: ...``); ``name``,
    ``line`` and ``col`` (0-based byte column, as Go counts, or None for parse
    errors, which Go reports by line only) let a caller point at the file."""

    def __init__(self, message: str, name: str, line: int, col: int | None = None):
        super().__init__(message)
        self.name = name
        self.line = line
        self.col = col


def position(text: str, pos: int) -> tuple[int, int]:
    """Line (1-based) and column (0-based) of offset ``pos``, as Go's
    ErrorContext counts them."""
    before = text[:pos]
    newline = before.rfind("\n")
    return before.count("\n") + 1, len(before[newline + 1 :].encode("utf-8"))
