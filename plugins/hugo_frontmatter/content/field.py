"""One front matter field being mapped (``Field``): where it is, so that an
error or a warning names its file and line, and the readers of its value
as Hugo's text or boolean that mappers of every kind share.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .frontmatter import FrontMatterError
from .gocast import go_bool, go_text

logger = logging.getLogger(__name__)

# What a path from content must be, in the errors that refuse one.
SITE_PATH = (
    "without a backslash, control character, scheme or leading '//' "
    "(a browser would leave the site)"
)


@dataclass
class Field:
    """One field being mapped: where it is, so that errors can say so."""

    name: str
    value: Any
    path: str
    line: int
    process: Callable[[str, Any], Any]
    render: Callable[[str], str]
    # The kind of page it is on (Source.kind): Hugo reads some fields only
    # on some kinds (a cascade on a home or section page).
    kind: str = "page"
    # The front matter's format: Hugo reads every JSON number as a float.
    format: str = "yaml"

    def error(self, expected: str) -> FrontMatterError:
        return FrontMatterError(
            self.path,
            self.line,
            f"'{self.name}' must be {expected}, not {describe(self.value)}; "
            "correct the field or remove it",
        )

    def refused(self, problem: str, fix: str) -> FrontMatterError:
        """A value Hugo itself refuses: the build stops, as Hugo's does."""
        return FrontMatterError(
            self.path,
            self.line,
            f"'{self.name}' {problem} (Hugo stops here too); {fix}",
        )

    def warn(self, read_as: str) -> None:
        """A value Hugo takes but cannot use as this field: said, not refused."""
        logger.warning(
            "%s:%d: '%s' is %s, which %s; correct the field if that is not meant",
            self.path,
            self.line,
            self.name,
            describe(self.value),
            read_as,
        )


def describe(value: Any) -> str:
    """A value as an error names it: a mapping, a list, an empty value."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "an empty value"
    return repr(value)


def hugo_text(field: Field) -> dict[str, Any]:
    """A Hugo text field: a list or map is empty text, as in Hugo."""
    text = go_text(field.value)
    if text is None:
        field.warn("Hugo reads as empty text")
        text = ""
    return {field.name: text}


def own_text(field: Field) -> dict[str, Any]:
    """A field Hugo does not read (cameo's, Pelican's) that Pelican or the
    theme prints as text: a list or map stays in ``page.params`` only."""
    text = go_text(field.value)
    if text is None:
        field.warn("is kept in page.params for templates but not shown")
        return {}
    return {field.name: text}


def boolean(field: Field) -> bool:
    """A Hugo boolean field: what Go cannot read as one is false, as in Hugo."""
    value = go_bool(field.value)
    if value is None:
        field.warn("Hugo reads as false")
        return False
    return value
