"""The tooling's errors: ErrorCounter (the errors a build logs), BuildError
for a build that did not replace the output, NewSiteError for
`pelican-cameo new`, PublishError for every publish target, and MissingExtra
for an optional dependency that is not installed."""

from __future__ import annotations

import importlib
import logging
from types import ModuleType


class BuildError(Exception):
    """The site did not build; the output folder was not touched.

    ``summary`` is one line for a person; ``problems`` are the errors the
    build logged (already shown to whoever watches the log).
    """

    def __init__(self, summary: str, problems: list[str] | None = None) -> None:
        self.summary = summary
        self.problems = list(problems or [])
        super().__init__(summary)

    def __str__(self) -> str:
        return "\n  ".join([self.summary, *self.problems])


class NewSiteError(Exception):
    """The site was not written; the message says what to do."""


class SiteBuildError(NewSiteError):
    """The site was written, but its first build failed."""


class PublishError(Exception):
    """Publishing stopped; the message says what happened and what to do."""


class ErrorCounter(logging.Handler):
    """The errors logged while it is attached (to the root logger): Pelican
    logs a reader's or plugin's error and carries on, so a build and a
    quick rebuild count them to fail."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class MissingExtra(Exception):
    """A task needs a package of one of pelican-cameo's extras."""


def missing_extra(module: str, extra: str, purpose: str) -> str:
    """The one line that says which install brings ``module``."""
    return (
        f"{purpose} needs the Python package {module!r}, which is not installed; "
        f"install it with: pip install 'pelican-cameo[{extra}]'"
    )


def import_extra(
    module: str,
    extra: str,
    purpose: str,
    error: type[Exception] = MissingExtra,
) -> ModuleType:
    """``module``, or ``error`` naming the extra that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise error(missing_extra(module, extra, purpose)) from None
