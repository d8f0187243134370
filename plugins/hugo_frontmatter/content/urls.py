"""Hugo's URL rules: where a page is written, what an alias points at, and
which links a page may show.

Measured against Hugo 0.111 (see tests/test_hugo_differential.py): a path
from a file name is lower-cased; letters, digits, marks and ``. / _ - # + ~ @``
are kept, a run of blanks becomes one hyphen (also at either end) that absorbs
hyphens around it, and any other character is dropped. A ``url`` is
used as written, case and blanks included.

Every path from content (``url``, ``slug``, aliases, file names) passes one
rule, ``is_inside_site``: no backslash, no control character, nothing a
browser would read as another host (``//x``, ``/\\x``, a scheme), also once
percent-escapes are decoded. Every link a page shows passes ``is_safe_link``:
such a path, or a web, mail or phone URL; never ``javascript:`` and kin. Both
plugins apply it (the cameo theme's to ``SOCIAL`` and ``icon.url``), so this
module needs nothing but the standard library.

A URL that reaches a page's URL attribute without such a refusal (a menu of
the Hugo config, a shortcode's ``link``, a Jinja port's output) is printed
as Hugo's templates print it, by ``safe_url``: Go's html/template turns a
scheme other than http, https or mailto into ``#ZgotmplZ`` and
percent-encodes what a URL may not hold.
"""

from __future__ import annotations

import datetime
import posixpath
import re
import unicodedata
from dataclasses import dataclass

# The link rules are shared with the theme plugin; importers still reach
# them through this module until they name cameo_shared.links themselves.
from cameo_shared.links import (  # noqa: F401
    FILTERED_URL,
    LINK_SCHEMES,
    WEB_SCHEMES,
    is_inside_site,
    is_safe_link,
    safe_url,
)

# The content file Hugo treats as the site's home page.
HOME_PAGE_SOURCE = "_index.md"
_KEPT_PUNCTUATION = set("./_-#+~@\\")
_HEX = set("0123456789abcdefABCDEF")


# --- URLs as Hugo's templates print them ------------------------------------

_UNRESERVED = frozenset(
    b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~"
)
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
# Go's unicode.IsSpace: what strings.TrimSpace takes off (the one list of
# them; hugo_templates.go_text reads Go's text with it too).
GO_SPACES = (
    "\t\n\v\f\r \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)


def menu_path(path: str) -> str:
    """A menu entry's ``url`` that starts with ``/`` as Hugo 0.111 makes it
    (its ``URLize``, then ``path.Join`` with the site's path): blanks at
    the ends dropped, each segment as from a file name (``sanitize``:
    ``/About Me/`` is ``/about-me/``), percent-encoded, ``.`` and ``..``
    segments and empty ones dropped; a trailing slash kept, and added
    after a last ``.`` or ``..`` (``/a/.`` is ``/a/``)."""
    text = sanitize(path.strip(GO_SPACES))
    if text.startswith("//"):
        text = _host_as_ascii(text)
    segments: list[str] = []
    parts = text.split("/")
    for segment in parts:  # as purell's dot segments, fragment and all
        if segment == "..":
            segments = segments[:-1]
        elif segment not in ("", "."):
            segments.append(segment)
    cleaned = "/" + "/".join(segments)
    # purell ends a path whose last segment was . or .. with a slash.
    if segments and (text.endswith("/") or parts[-1] in (".", "..")):
        cleaned += "/"
    cleaned, hash_mark, fragment = cleaned.partition("#")
    escaped = _path_escaped(cleaned, keep="/")
    return f"{escaped}#{_path_escaped(fragment, keep='/?')}" if hash_mark else escaped


def _host_as_ascii(text: str) -> str:
    """``//host/...`` with its host as Hugo leaves it (Go reads a host
    there, and purell writes it in ASCII): NFC, each non-ASCII label in
    Punycode, dots at its ends dropped."""
    head, slash, rest = text[2:].partition("/")
    user, at, host = head.rpartition("@")
    host, hash_mark, fragment = host.partition("#")
    labels = unicodedata.normalize("NFC", host).split(".")
    host = ".".join(
        label if label.isascii() else "xn--" + label.encode("punycode").decode()
        for label in labels
    )
    host = host.strip(".")
    return f"//{user}{at}{host}{hash_mark}{fragment}{slash}{rest}"


def _path_escaped(text: str, keep: str = "") -> str:
    """Go's URL path escaping, valid escapes kept (upper case, unreserved
    bytes decoded), as Hugo's URLize and purell leave them."""
    kept = _UNRESERVED | frozenset(b"$&+,:;=@" + keep.encode("ascii"))
    data = text.encode("utf-8", "surrogatepass")
    out = []
    index = 0
    while index < len(data):
        byte = data[index]
        escape = _ESCAPE.match(data[index : index + 3].decode("latin-1"))
        if byte == 0x25 and escape:
            value = int(escape.group(1), 16)
            out.append(chr(value) if value in _UNRESERVED else escape[0].upper())
            index += 3
            continue
        out.append(chr(byte) if byte in kept else f"%{byte:02X}")
        index += 1
    return "".join(out)


def output_location(url: str) -> dict[str, str]:
    """Pelican's url and save_as for a Hugo ``url``.

    Hugo's ``/`` is the home page and ``/about/`` (or ``/about``) is
    ``about/index.html``; a path with a file extension is written as it is.
    Pelican's templates put ``SITEURL/`` in front of ``url``, so ``url`` never
    starts with a slash (``//`` would be a link to another host).
    """
    path = url.strip().strip("/")
    if not path:
        return {"url": "", "save_as": "index.html"}
    if url.endswith("/") or not posixpath.splitext(path)[1]:
        return {"url": f"{path}/", "save_as": f"{path}/index.html"}
    return {"url": path, "save_as": path}


def sanitize(segment: str, lower: bool = True) -> str:
    """One path segment as Hugo makes it from a file or slug name; in lower
    case unless ``lower`` is false (Hugo's ``disablePathToLower``)."""
    kept: list[str] = []
    after_blank = False  # the last hyphen stands for blanks
    for index, char in enumerate(segment):
        if char.isspace():
            if not kept or kept[-1] != "-":
                kept.append("-")
                after_blank = True
        elif char == "-" and after_blank:
            continue  # "a -b" is "a-b", as in Hugo
        elif (
            char in _KEPT_PUNCTUATION
            or char.isalnum()
            or unicodedata.category(char).startswith("M")
            or (char == "%" and _is_escape(segment[index + 1 : index + 3]))
        ):
            kept.append(char)
            after_blank = False
    return "".join(kept).lower() if lower else "".join(kept)


def _is_escape(following: str) -> bool:
    return len(following) == 2 and set(following) <= _HEX


def default_path(in_content: str, slug: str | None = None, lower: bool = True) -> str:
    """Hugo's default URL for a file: ``posts/My Trip.md`` is ``/posts/my-trip/``
    (``/posts/My-Trip/`` when not ``lower``: Hugo's ``disablePathToLower``).

    ``_index.md`` is its folder's list page, ``index.md`` is its folder (a page
    bundle), any other file is a folder of its own; a slug replaces the last
    segment of a page (not of a list page).
    """
    folder, name = posixpath.split(in_content)
    stem = posixpath.splitext(name)[0]
    segments = [part for part in folder.split("/") if part]
    if stem not in ("_index", "index"):
        segments.append(stem)
    if slug and stem != "_index" and segments:
        segments[-1] = slug
    return "/" + "".join(f"{sanitize(part, lower)}/" for part in segments)


def alias_location(alias: str, page_url: str) -> str:
    """The output file of a Hugo alias. A relative alias is relative to the
    folder above the page (``posts/a/`` with alias ``b`` -> ``posts/b/``);
    ``.`` and ``..`` are resolved as Hugo's ``path.Join`` does, never above
    the site's root (``../../x`` from ``posts/a/`` is ``/x/``). As in
    Hugo, only a path ending in ``.html`` is a file; any other is a folder
    (``/old.php`` is ``old.php/index.html``). The site's root itself is
    ``index.html``, which Hugo refuses (site/aliases.py reports it)."""
    if not alias.startswith("/"):
        parent = posixpath.dirname(page_url.rstrip("/"))
        alias = f"/{parent}/{alias}" if parent else f"/{alias}"
    path = posixpath.normpath(alias).strip("/")
    if not path:
        return "index.html"
    return path if path.endswith(".html") else f"{path}/index.html"


# --- permalinks -------------------------------------------------------------

# Hugo 0.111's permalink tokens (``:year``, ``:sections[1:]``), checked
# against Hugo: any other token makes Hugo stop with "permalink ill-formed".
PERMALINK_TOKENS = frozenset(
    {
        "year",
        "month",
        "monthname",
        "day",
        "weekday",
        "weekdayname",
        "yearday",
        "section",
        "sections",
        "title",
        "slug",
        "filename",
        "slugorfilename",
    }
)
_TOKEN = re.compile(r":([A-Za-z0-9_]+)(\[[^\]]*\])?")
_SLICE = re.compile(r"^\[(?:(\d+|last)|(\d*):(\d*|last))\]$")
# Go's zero time, the date of a page without one: a Monday.
_ZERO_DATE = datetime.datetime(1, 1, 1)
# Go's English names, whatever the locale Pelican's LOCALE setting chose.
_MONTHS = (
    "January February March April May June July August September October "
    "November December"
).split()
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


@dataclass(frozen=True)
class PermalinkParts:
    """What a permalink pattern may take from a page."""

    date: datetime.datetime | None
    sections: tuple[str, ...]  # the folders above the page, top first
    title: str
    slug: str | None
    filename: str  # the file's stem; a leaf bundle's folder name


def permalink_problem(pattern: str) -> str | None:
    """Why Hugo would refuse ``pattern``, or None."""
    for match in _TOKEN.finditer(pattern):
        name, index = match.groups()
        if name not in PERMALINK_TOKENS:
            return f"':{name}' is not one of Hugo's tokens"
        if index and (name != "sections" or not _SLICE.match(index)):
            return f"':{name}{index}' is not a slice Hugo understands"
    return None


def expand_permalink(pattern: str, parts: PermalinkParts, lower: bool = True) -> str:
    """A page's path from a Hugo permalink pattern such as
    ``/:year/:month/:slug/``: each value as Hugo puts it in a path (lower
    case unless not ``lower``, blanks to hyphens), empty segments dropped,
    ending in a slash."""
    date = parts.date or _ZERO_DATE
    slug = parts.slug or parts.title
    values = {
        "year": str(date.year),
        "month": f"{date.month:02d}",
        "monthname": _MONTHS[date.month - 1],
        "day": f"{date.day:02d}",
        "weekday": str((date.weekday() + 1) % 7),  # Sunday is 0, as in Go
        "weekdayname": _WEEKDAYS[date.weekday()],
        "yearday": str(date.timetuple().tm_yday),
        "section": parts.sections[0] if parts.sections else "",
        "title": parts.title,
        "slug": slug,
        "filename": parts.filename,
        "slugorfilename": parts.slug or parts.filename,
    }

    def value_of(match: re.Match) -> str:
        name, index = match.groups()
        if name == "sections":
            return "/".join(_sliced(parts.sections, index))
        return values[name]

    expanded = _TOKEN.sub(value_of, pattern)
    segments = [sanitize(part, lower) for part in expanded.split("/") if part.strip()]
    return "/" + "".join(f"{segment}/" for segment in segments if segment)


def _sliced(sections: tuple[str, ...], index: str | None) -> tuple[str, ...]:
    if not index:
        return sections
    one, start, stop = _SLICE.match(index).groups()
    last = len(sections) - 1
    if one is not None:
        position = last if one == "last" else int(one)
        return sections[position : position + 1] if 0 <= position <= last else ()
    begin = int(start) if start else 0
    end = last if stop == "last" else int(stop) if stop else len(sections)
    return sections[begin:end]
