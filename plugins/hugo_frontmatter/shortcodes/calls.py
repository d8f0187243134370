"""What a shortcode call is and what its template sees, as Hugo 0.111 has it.

``ShortcodeCall`` (Hugo's shortcode API: parameters, ``.Inner``, ordinal,
parent, position), ``PageInfo`` (the ``.Page`` it runs on, with its
``Scratch``), ``lookup`` (Hugo's param lookup), ``Where`` (a body's offsets
as the file:line and column a call reports), ``Run`` (one page's expansion
under way) and ``ShortcodeError``. Every other module of the room builds on
these; this one imports none of them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..content.frontmatter import FrontMatterError
from ..content.params import Params

if TYPE_CHECKING:
    from ..hugo_templates import objects

# A name ending so is an inline shortcode: its inner text is its template.
INLINE_SUFFIX = ".inline"
_NO_INNER = Markup("")


class ShortcodeError(FrontMatterError):
    """A shortcode that cannot be read or rendered, with its page's file:line."""


def lookup(values: Mapping[str, Any], name: str) -> Any:
    """Hugo's param lookup: keys case-insensitive, dots walk into maps."""
    current: Any = values
    for part in name.split("."):
        if not isinstance(current, Mapping):
            return None
        lowered = {str(k).lower(): v for k, v in current.items()}
        if part.lower() not in lowered:
            return None
        current = lowered[part.lower()]
    return current


class Scratch:
    """Hugo's ``.Page.Scratch``: values one page's shortcodes share.

    The setters return an empty string, so that ``{{ page.scratch.set(...) }}``
    prints nothing, as in Go templates (``{% do ... %}`` works too).
    """

    def __init__(self) -> None:
        self._values: dict[str, Any] = {}

    def set(self, key: str, value: Any) -> str:
        self._values[key] = value
        return ""

    def get(self, key: str) -> Any:
        return self._values.get(key)

    def add(self, key: str, value: Any) -> str:
        """Add numbers, join strings, append to lists (Hugo's ``Scratch.Add``)."""
        current = self._values.get(key)
        if current is None:
            self._values[key] = list(value) if isinstance(value, list) else value
        elif isinstance(current, list):
            current.extend(value if isinstance(value, list) else [value])
        else:
            self._values[key] = current + value
        return ""

    def set_in_map(self, key: str, map_key: str, value: Any) -> str:
        self._values.setdefault(key, {})[map_key] = value
        return ""

    def get_sorted_map_values(self, key: str) -> list[Any] | None:
        values = self._values.get(key)
        if not isinstance(values, dict):
            return None
        return [values[k] for k in sorted(values)]

    def delete(self, key: str) -> str:
        self._values.pop(key, None)
        return ""

    def values(self) -> dict[str, Any]:
        return dict(self._values)


@dataclass
class PageInfo:
    """What a shortcode's ``page`` sees: Hugo's ``.Page``, in snake case.
    Its ``params`` are looked up in any case, a missing one None (Params)."""

    title: str = ""
    lang: str = ""
    rel_permalink: str = ""
    params: Mapping[str, Any] = field(default_factory=Params)
    pages: Sequence[Any] = ()
    scratch: Scratch = field(default_factory=Scratch)
    # What a Go template's .Page also has: the path in Hugo's content folder
    # (``posts/a.md``), the file on disk, Hugo's kind and section, the date,
    # and the bundle's folder (its resources) for index/_index files.
    path: str = ""
    filename: str = ""
    kind: str = "page"
    section: str = ""
    date: Any = None
    bundle_folder: str | None = None

    def __post_init__(self) -> None:
        self.params = Params(self.params)

    def param(self, name: str) -> Any:
        """A page param, dotted names walking into maps; None when unset."""
        return lookup(self.params, name)


class ShortcodeCall:
    """One shortcode in a page: what its template sees (Hugo's shortcode API)."""

    def __init__(
        self,
        name: str,
        params: list[Any] | dict[str, Any],
        ordinal: int,
        parent: ShortcodeCall | None,
        position: str,
        column: int = 1,
    ) -> None:
        self.name = name
        self.params = params
        self.is_named_params = isinstance(params, dict)
        self.ordinal = ordinal
        self.parent = parent
        self.position = position
        self.column = column
        self.indentation = ""  # the white space before the tag on its line
        self.inner: Markup = _NO_INNER  # set when its children are rendered
        self.go_dot: objects.Shortcode | None = None  # made when a Go template asks

    def get(self, key: int | str) -> Any:
        """A positional (int) or named (str) parameter; None when absent."""
        if isinstance(key, int):
            if isinstance(self.params, list) and 0 <= key < len(self.params):
                return self.params[key]
            return None
        if isinstance(self.params, dict):
            return self.params.get(key)
        return None


@dataclass
class Where:
    """A page's body, its file as shown and the line it starts on: what
    turns an offset into the line, column and indentation a call reports."""

    body: str
    path: str
    first_line: int

    @cached_property
    def _newlines(self) -> list[int]:
        """Where the body's newlines are, found once for all its shortcodes."""
        return [match.start() for match in re.finditer("\n", self.body)]

    def line(self, pos: int) -> int:
        return self.first_line + bisect_left(self._newlines, pos)

    def indentation(self, pos: int) -> str:
        """The white space between the start of the line and ``pos``, or
        "" when anything else comes before it."""
        index = bisect_left(self._newlines, pos)
        start = self._newlines[index - 1] + 1 if index else 0
        before = self.body[start:pos]
        return before if before.strip(" \t") == "" else ""

    def column(self, pos: int) -> int:
        """The 1-based column of ``pos`` on its line, as Hugo counts it."""
        index = bisect_left(self._newlines, pos)
        start = self._newlines[index - 1] + 1 if index else 0
        return pos - start + 1


@dataclass
class Run:
    """One page's expansion under way: what its calls share."""

    page: PageInfo
    where: Where
    nonce: str
    outputs: dict[str, str] = field(default_factory=dict)
    hosts: set[str] = field(default_factory=set)
    go_page: Any = None  # the page as Go templates see it, made once
    inline: set[str] = field(default_factory=set)  # inline shortcodes defined
    language: str = ""  # the page's (ShortcodeEngine._language), found once
