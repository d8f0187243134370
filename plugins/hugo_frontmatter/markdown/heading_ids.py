"""Heading ids as Hugo 0.111 makes them, for each ``autoHeadingIDType``.

Hugo gives a heading the id made from the raw Markdown of its last line
(markup and raw HTML included, then cleaned by the chosen rule); a page's
second heading with the same id gets ``-1``, the third ``-2``, and so on.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

GITHUB = "github"
GITHUB_ASCII = "github-ascii"
BLACKFRIDAY = "blackfriday"
ID_TYPES = (GITHUB, GITHUB_ASCII, BLACKFRIDAY)


def _is_letter(char: str) -> bool:
    return unicodedata.category(char)[0] == "L"


def _lower(char: str) -> str:
    # Go lowers one rune to one rune ("İ" -> "i"); Python may give two.
    return char.lower()[0]


def github_id(text: str) -> str:
    """GitHub's rule: letters, digits and ``_`` lower-cased, spaces and ``-``
    become ``-``, everything else is dropped."""
    out = []
    for char in text:
        if char in "- \t":
            out.append("-")
        elif char == "_" or _is_letter(char) or unicodedata.category(char) == "Nd":
            out.append(_lower(char))
    return "".join(out)


def remove_accents(text: str) -> str:
    """``é`` -> ``e``: decompose, drop the combining marks, compose again."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", kept)


def github_ascii_id(text: str) -> str:
    """GitHub's rule on the text without accents, keeping ASCII only."""
    return github_id("".join(c for c in remove_accents(text) if c.isascii()))


def blackfriday_id(text: str) -> str:
    """Blackfriday's rule (Hugo 0.59 and before): runs of anything but
    letters and numbers become one ``-``, none at either end."""
    out: list[str] = []
    dash = False
    for char in text:
        if _is_letter(char) or unicodedata.category(char)[0] == "N":
            if dash and out:
                out.append("-")
            dash = False
            out.append(_lower(char))
        else:
            dash = True
    return "".join(out)


SANITIZERS: dict[str, Callable[[str], str]] = {
    GITHUB: github_id,
    GITHUB_ASCII: github_ascii_id,
    BLACKFRIDAY: blackfriday_id,
}


class HeadingIds:
    """The ids of one page: each new one unique among those already given."""

    def __init__(self, id_type: str = GITHUB) -> None:
        self._sanitize = SANITIZERS[id_type]
        self._taken: set[str] = set()

    def generate(self, text: str) -> str:
        base = self._sanitize(text) or "heading"
        candidate = base
        number = 0
        while candidate in self._taken:
            number += 1
            candidate = f"{base}-{number}"
        self._taken.add(candidate)
        return candidate

    def put(self, given: str) -> None:
        """Reserve an id the author wrote (``{#id}``)."""
        self._taken.add(given)
