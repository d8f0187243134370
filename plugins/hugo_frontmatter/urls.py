"""Hugo's URL rules: where a page is written, and what an alias points at.

Measured against Hugo 0.111 (see tests/test_hugo_differential.py): a path
from a file name is lower-cased; letters, digits, marks and ``. / _ - # + ~ @``
are kept, a run of blanks becomes one hyphen (also at either end) that absorbs
hyphens around it, and any other character is dropped. A ``url`` is
used as written, case and blanks included.
"""

from __future__ import annotations

import posixpath
import unicodedata
from urllib.parse import urlsplit

# The content file Hugo treats as the site's home page.
HOME_PAGE_SOURCE = "_index.md"
_KEPT_PUNCTUATION = set("./_-#+~@\\")
_HEX = set("0123456789abcdefABCDEF")


def is_inside_site(path: str) -> bool:
    """A site path: no scheme, no host, and no way up out of the site."""
    parts = urlsplit(path)
    return (
        not parts.scheme
        and not parts.netloc
        and not path.startswith("//")
        and ".." not in path.split("/")
    )


def is_safe_link(url: str) -> bool:
    """A path in the site, or an http(s) URL (never ``javascript:`` and kin)."""
    scheme = urlsplit(url.strip()).scheme.lower()
    return scheme in ("", "http", "https")


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


def sanitize(segment: str) -> str:
    """One path segment as Hugo makes it from a file or slug name."""
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
    return "".join(kept).lower()


def _is_escape(following: str) -> bool:
    return len(following) == 2 and set(following) <= _HEX


def default_path(in_content: str, slug: str | None = None) -> str:
    """Hugo's default URL for a file: ``posts/My Trip.md`` is ``/posts/my-trip/``.

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
    return "/" + "".join(f"{sanitize(part)}/" for part in segments)


def alias_location(alias: str, page_url: str) -> str:
    """The output file of a Hugo alias. A relative alias is relative to the
    folder above the page (``posts/a/`` with alias ``b`` -> ``posts/b/``)."""
    if not alias.startswith("/"):
        parent = posixpath.dirname(page_url.rstrip("/"))
        alias = f"/{parent}/{alias}" if parent else f"/{alias}"
    return output_location(alias)["save_as"]
