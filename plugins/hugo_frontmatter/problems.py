"""The problems found in the current run, so that the run can fail at its end.

Pelican logs a reader's exception and carries on (exit status 0); the plugin
keeps its own list and ends the run with an error when the list is not empty.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

_found: list[str] = []


def report(problem: object) -> None:
    """Log one problem (a line such as ``content/a.md:3: ...``) and keep it."""
    _found.append(str(problem))
    logger.error("%s", problem)


def found() -> list[str]:
    return list(_found)


def reset() -> None:
    _found.clear()
