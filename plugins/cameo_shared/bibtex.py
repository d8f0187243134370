"""A BibTeX file read into publications (pybtex): each entry's text with its
LaTeX decoded, its authors, year and month, its links (only those a page may
show), and the line it starts on; a file that cannot be read is a
``BibliographyError`` naming the file and line and what to do.

The profile (``CAMEO_PUBLICATIONS``, the theme plugin) and the
``publications`` shortcode (the Hugo plugin) both read through here.
"""

from __future__ import annotations

import logging
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

from .links import is_safe_link
from .paths import display_path, path_in

logger = logging.getLogger(__name__)

# The fields that give links, in the order a page shows them.
LINK_FIELDS = ("doi", "url", "pdf", "code")
DOI_RESOLVER = "https://doi.org/"
# Where an entry's venue is, by the first of these it has.
VENUE_FIELDS = (
    "journal",
    "booktitle",
    "publisher",
    "school",
    "institution",
    "organization",
    "howpublished",
)
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
# An entry's first line: ``@type{key,`` (or ``@type(key,``).
_ENTRY_START = re.compile(r"^[ \t]*@[ \t]*(\w+)[ \t]*[{(][ \t]*([^,\s]+)", re.M)
# A LaTeX command pybtex leaves as it is once accents are decoded
# (``\emph x``): the command goes, its text stays.
_COMMAND = re.compile(r"\\[A-Za-z]+\*?\s*")
# pybtex's message for a field given twice (the error keeps no names).
_DUPLICATE_FIELD = re.compile(r"entry with key (.*) has a duplicate (.*) field")
_QUOTED = re.compile(r"'([^']+)'")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)\s*", re.I)
# What a DOI may keep as it is in a URL's path.
_DOI_SAFE = "/;:()[]._-+~=,!*'@&$<>"


class BibliographyError(Exception):
    """A BibTeX file that cannot be shown, with its file:line."""

    def __init__(self, path: str, line: int, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}")


@dataclass(frozen=True)
class Author:
    """One name of an author list: as shown, and its parts for matching."""

    name: str
    first: tuple[str, ...]
    last: tuple[str, ...]


@dataclass(frozen=True)
class Publication:
    """One entry, as a page shows it: plain text, safe links only."""

    key: str
    kind: str
    title: str
    authors: tuple[Author, ...]
    year: int
    month: int | None
    venue: str
    links: tuple[tuple[str, str], ...]  # (field, URL), in LINK_FIELDS' order
    abstract: str
    line: int


def locate(folder: str, name: str) -> str:
    """The file ``name`` (a path in the content folder ``folder``); a
    LookupError saying what to do when it is not a file there."""
    path = path_in(folder, str(name).lstrip("/"))
    if path is None:
        raise LookupError(
            f"{name!r} leaves the content folder; give a path inside "
            f"{display_path(folder)}"
        )
    if not os.path.isfile(path):
        raise LookupError(
            f"{display_path(path)} is not a file; put the BibTeX file there, "
            f"or give its path in the content folder ({display_path(folder)})"
        )
    return path


def read_bibliography(path: str) -> tuple[Publication, ...]:
    """The entries of the BibTeX file ``path``, read once per version of it
    (a page of shortcodes asks again and again)."""
    status = os.stat(path)
    return _read(os.path.abspath(path), status.st_mtime_ns, status.st_size)


@lru_cache(maxsize=32)
def _read(path: str, mtime_ns: int, size: int) -> tuple[Publication, ...]:
    import pybtex.errors
    from pybtex.database import parse_string
    from pybtex.exceptions import PybtexError

    shown = display_path(path)
    text = _text_of(path, shown)
    starts = _entry_lines(text)
    with pybtex.errors.capture() as problems:
        try:
            data = parse_string(text, "bibtex")
        except PybtexError as error:
            raise _syntax_error(error, shown, text, starts) from None
    if problems:
        raise _syntax_error(problems[0], shown, text, starts)
    return tuple(
        _publication(key, entry, starts.get(key.casefold(), 1), shown, text)
        for key, entry in data.entries.items()
    )


def _text_of(path: str, shown: str) -> str:
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise BibliographyError(
            shown, line, "the file is not UTF-8 text; save it as UTF-8"
        ) from None


def _entry_lines(text: str) -> dict[str, int]:
    """Each key's line (the last, for a key given twice: the one to fix)."""
    return {
        match.group(2).casefold(): text.count("\n", 0, match.start()) + 1
        for match in _ENTRY_START.finditer(text)
        if match.group(1).lower() not in ("string", "preamble", "comment")
    }


def _syntax_error(error, shown: str, text: str, starts: dict[str, int]):
    """pybtex's error as a BibliographyError at the line to fix, saying how."""
    from pybtex.database import BibliographyDataError
    from pybtex.database.input.bibtex import DuplicateField, UndefinedMacro
    from pybtex.scanner import PrematureEOF

    line = getattr(error, "lineno", None) or 1
    if isinstance(error, PrematureEOF):
        line = max((n for n in starts.values() if n <= line), default=line)
        return BibliographyError(
            shown, line, "the file ends inside this entry; close its braces and quotes"
        )
    if isinstance(error, UndefinedMacro):
        name = str(error).rpartition(": ")[2]
        fix = "write the value in braces, or define it with @string"
        return BibliographyError(shown, line, f"undefined string {name}; {fix}")
    if isinstance(error, DuplicateField):
        named = _DUPLICATE_FIELD.fullmatch(str(error))
        key, field = named.groups() if named else ("?", "a field")
        return BibliographyError(
            shown,
            starts.get(key.casefold(), 1),
            f"entry {key!r} gives {field} twice; keep one",
        )
    if isinstance(error, BibliographyDataError):  # a key given twice
        key = str(error).rpartition(": ")[2]
        return BibliographyError(
            shown,
            starts.get(key.casefold(), 1),
            f"entry key {key!r} is given twice; rename or remove one of them",
        )
    message = re.sub(r"^syntax error in line \d+: ", "", str(error))
    if not getattr(error, "lineno", None):  # such as a name with three commas
        named = _QUOTED.search(message)
        where = text.find(named.group(1)) if named else -1
        line = text.count("\n", 0, where) + 1 if where >= 0 else 1
    return BibliographyError(
        shown,
        line,
        f"{message}; check this entry's commas, braces and quotes "
        "(each field is name = {value}, separated by commas)",
    )


def _publication(key: str, entry, line: int, shown: str, text: str) -> Publication:
    fields = entry.fields
    title = latex_text(fields.get("title", ""))
    if not title:
        raise BibliographyError(
            shown, line, f"entry {key!r} has no title; add title = {{...}}"
        )
    year = re.search(r"\d{4}", fields.get("year", ""))
    if year is None:
        raise BibliographyError(
            shown,
            line,
            f"entry {key!r} has no year; add year = {{2024}} (its year), "
            "which groups the list",
        )
    people = entry.persons.get("author") or entry.persons.get("editor") or ()
    venue = next((fields[name] for name in VENUE_FIELDS if fields.get(name)), "")
    return Publication(
        key=key,
        kind=entry.type.lower(),
        title=title,
        authors=tuple(_author(person) for person in people),
        year=int(year.group()),
        month=_month(fields.get("month", "")),
        venue=latex_text(venue),
        links=_links(key, fields, shown, lambda name: _field_line(text, line, name)),
        abstract=latex_text(fields.get("abstract", "")),
        line=line,
    )


def _author(person) -> Author:
    first = tuple(latex_text(n) for n in person.first_names + person.middle_names)
    last = tuple(latex_text(n) for n in person.prelast_names + person.last_names)
    lineage = " ".join(latex_text(n) for n in person.lineage_names)
    name = " ".join(part for part in (*first, *last) if part)
    return Author(f"{name}, {lineage}" if lineage else name, first, last)


def _month(value: str) -> int | None:
    text = value.strip().lower().rstrip(".")
    if text.isdigit() and 1 <= int(text) <= 12:
        return int(text)
    return MONTHS.get(text)


def _links(
    key: str, fields, shown: str, line_of: Callable[[str], int]
) -> tuple[tuple[str, str], ...]:
    """The entry's links a page may show; a warning at its field's line for
    each left out."""
    found = []
    for name in LINK_FIELDS:
        value = fields.get(name, "").strip()
        if not value:
            continue
        url = _doi_url(value) if name == "doi" else value
        if is_safe_link(url):
            found.append((name, url))
        else:
            logger.warning(
                "%s:%s: entry %r: %s %r is neither a web address nor a path "
                "in the site, so it is left out; give an https:// address",
                shown,
                line_of(name),
                key,
                name,
                value,
            )
    return tuple(found)


def _field_line(text: str, entry_line: int, name: str) -> int:
    """The line of field ``name`` in the entry starting on ``entry_line``
    (the entry's own line when it cannot be told)."""
    start = 0
    for _ in range(entry_line - 1):
        start = text.index("\n", start) + 1
    field = re.compile(rf"(?:^|[,{{(])[ \t]*{re.escape(name)}[ \t]*=", re.M | re.I)
    found = field.search(text, start)
    return text.count("\n", 0, found.start()) + 1 if found else entry_line


def _doi_url(doi: str) -> str:
    return DOI_RESOLVER + quote(_DOI_PREFIX.sub("", doi), safe=_DOI_SAFE)


def latex_text(value: str) -> str:
    """BibTeX's LaTeX as the text a reader sees: accents and ligatures
    decoded (``{\\"o}`` is ö, ``--`` is –), braces gone, a command's name
    dropped and its text kept."""
    from pybtex.exceptions import PybtexError
    from pybtex.richtext import Text

    if not value:
        return ""
    try:
        text = Text.from_latex(value).render_as("text")
    except (PybtexError, ValueError, UnicodeError):  # unbalanced braces
        text = value.replace("{", "").replace("}", "")
    text = _COMMAND.sub("", text)
    return " ".join(text.split())


def same_person(author: Author, owner: str) -> bool:
    """Whether ``author`` is ``owner`` (Pelican's AUTHOR, "First Last" or
    "Last, First"): the same last name, and first names that agree, an
    initial agreeing with a whole name; letter case and accents aside."""
    wanted = _owner(owner)
    if wanted is None:
        return False
    if _fold(author.last) != _fold(wanted.last) or not author.last:
        return False
    mine, theirs = _fold(author.first), _fold(wanted.first)
    if len(mine) != len(theirs):
        return False
    return all(_agree(a, b) for a, b in zip(mine, theirs, strict=True))


@lru_cache(maxsize=8)
def _owner(owner: str) -> Author | None:
    """AUTHOR's parts as BibTeX reads a name (an odd one, ``a,,b``, as best
    it can: pybtex's complaint is kept, not raised)."""
    import pybtex.errors
    from pybtex.database import Person

    if not owner.strip():
        return None
    with pybtex.errors.capture():
        return _author(Person(owner))


def _fold(names: tuple[str, ...]) -> tuple[str, ...]:
    folded = []
    for name in names:
        bare = unicodedata.normalize("NFKD", name.casefold())
        folded.append("".join(c for c in bare if not unicodedata.combining(c)))
    return tuple(folded)


def _agree(one: str, other: str) -> bool:
    """Two first names agree: equal, or one an initial (``a.``) of the other."""
    if one == other:
        return True
    short, long = sorted((one, other), key=len)
    return short.rstrip(".") == long[:1] and (short.endswith(".") or len(short) == 1)
