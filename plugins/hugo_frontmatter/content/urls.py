"""Hugo's URL rules: where a page is written, what an alias points at, and
which links a page may show.

Measured against Hugo 0.111 (see tests/test_hugo_differential.py): a path
from a file name is lower-cased; letters, digits, marks and ``. / _ - # + ~ @``
are kept, a run of blanks becomes one hyphen before the next kept character
(or at the end) unless a hyphen is beside it, and any other character is
dropped. A ``url`` is used as written, case and blanks included.

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
import urllib.parse
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
_USER_KEPT = _UNRESERVED | frozenset(b"$&+,;=")
# Go's unicode.IsSpace: what strings.TrimSpace takes off (the one list of
# them; hugo_templates.go_text reads Go's text with it too).
GO_SPACES = (
    "\t\n\v\f\r \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)


def menu_path(path: str) -> str:
    """A menu entry's ``url`` that starts with ``/`` as Hugo 0.111 makes it:
    blanks at the ends dropped, each segment as from a file name
    (``sanitize``: ``/About Me/`` is ``/about-me/``); then read as Go reads a
    URL and written again as purell normalises it (``_normalised``); then
    joined to the site's path (Go's ``path.Join``: ``.``, ``..`` and empty
    segments dropped, a trailing slash kept) and percent-encoded."""
    url = _normalised(sanitize(path.strip(GO_SPACES), end_blank=False))
    segments: list[str] = []
    for segment in url.split("/"):  # path.Join's Clean, fragment and all
        if segment == "..":
            segments = segments[:-1]
        elif segment not in ("", "."):
            segments.append(segment)
    cleaned = "/" + "/".join(segments)
    if segments and url.endswith("/"):
        cleaned += "/"
    cleaned, hash_mark, fragment = cleaned.partition("#")
    escaped = _path_escaped(cleaned, keep="/")
    return f"{escaped}#{_path_escaped(fragment, keep='/?')}" if hash_mark else escaped


def _normalised(text: str) -> str:
    """``text`` as Go's ``url.Parse`` reads it and purell writes it again:
    after ``//`` (not ``///``) comes a host, ``user@host`` with the user
    percent-encoded (``//@@`` is ``//%40@``); the path's dot segments are
    worked out apart from the host and the fragment, each empty segment
    counting as one (``/a//../b`` is ``/a/b``), and runs of slashes merged."""
    rest, hash_mark, fragment = text.partition("#")
    prefix = ""
    if rest.startswith("//") and not rest.startswith("///"):
        authority, slash, rest = rest[2:].partition("/")
        rest = slash + rest
        user, at, host = authority.rpartition("@")
        host = _host_as_ascii(host)
        if at or host:  # Go writes no "//" for an empty authority
            prefix = f"//{_user_escaped(user)}{at}{host}"
    path = _dot_segments_removed(rest, has_host=bool(prefix) and bool(host))
    return prefix + re.sub("/{2,}", "/", path) + hash_mark + fragment


def _dot_segments_removed(path: str, has_host: bool) -> str:
    """purell's ``removeDotSegments``: a ``..`` drops the segment before it,
    an empty one too; a path after a host starts with ``/``; a path whose
    last segment was ``.`` or ``..`` ends with one."""
    if not path:
        return path
    kept: list[str] = []
    parts = path.split("/")
    for segment in parts:
        if segment == "..":
            kept = kept[:-1]
        elif segment != ".":
            kept.append(segment)
    path = "/".join(kept)
    if has_host and not path.startswith("/"):
        path = "/" + path
    if parts[-1] in (".", "..") and not path.endswith("/"):
        path += "/"
    return path


def _host_as_ascii(host: str) -> str:
    """A host as Hugo leaves it (purell writes it in ASCII): NFC, each
    non-ASCII label in Punycode, dots at its ends dropped."""
    labels = unicodedata.normalize("NFC", host).split(".")
    host = ".".join(
        label if label.isascii() else "xn--" + label.encode("punycode").decode()
        for label in labels
    )
    return host.strip(".")


def _user_escaped(user: str) -> str:
    """The user of ``//user@host`` as Go's URL writes it: its escapes read,
    then every byte but letters, digits, ``-._~`` and ``$&+,;=`` escaped."""
    data = urllib.parse.unquote_to_bytes(user)
    return "".join(chr(byte) if byte in _USER_KEPT else f"%{byte:02X}" for byte in data)


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


def sanitize(segment: str, lower: bool = True, end_blank: bool = True) -> str:
    """One path segment as Hugo makes it from a file or slug name; in lower
    case unless ``lower`` is false (Hugo's ``disablePathToLower``).

    Blanks make one hyphen before the next kept character, none beside a
    hyphen (``a -b`` is ``a-b``, ``a --b`` is ``a--b``). Blanks at the end
    make one too, as the extension or the next segment follows them in
    Hugo's path; not when ``end_blank`` is false, for a whole URL (a menu's
    ``/a :`` is ``/a``)."""
    kept: list[str] = []
    blanks = False  # blanks since the last kept character
    was_hyphen = False
    for index, char in enumerate(segment):
        if (
            char in _KEPT_PUNCTUATION
            or char.isalnum()
            or unicodedata.category(char).startswith("M")
            or (char == "%" and _is_escape(segment[index + 1 : index + 3]))
        ):
            was_hyphen = char == "-"
            if blanks and not was_hyphen:
                kept.append("-")
            blanks = False
            kept.append(char)
        elif char.isspace() and not was_hyphen:
            blanks = True
    if blanks and end_blank:
        kept.append("-")
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
