"""Where a page is written: Hugo's ``url``, ``slug`` and ``aliases`` fields,
a section's permalink pattern, Hugo's default path for a file, and the
checks that keep each inside the site.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from typing import Any

from cameo_shared.links import is_inside_site

from . import urls
from .field import SITE_PATH, Field
from .frontmatter import FrontMatter, FrontMatterError
from .gocast import go_strings, go_text
from .source import Source


def url_field(field: Field) -> dict[str, Any]:
    text = go_text(field.value)
    if text is None:
        field.warn("Hugo reads as no url")
    value = (text or "").strip()
    if not value:
        return {}
    if value.startswith(("http://", "https://")):
        raise field.refused(
            f"must be a path inside the site such as '/about/', not {value!r}: "
            "Hugo takes no URL with a protocol",
            "correct the field or remove it",
        )
    if not is_inside_site(value):
        raise field.error(f"a path inside the site such as '/about/', {SITE_PATH}")
    if field.kind == "home":  # checked as on any page, then not used (Hugo 0.111)
        if value.strip("/"):  # "/" says where the home page is anyway
            field.warn("Hugo 0.111 does not use on the home page (it stays at /)")
        return {}
    return {"hugo_url": value}


def slug_field(field: Field) -> dict[str, Any]:
    """Hugo's slug: text without leading or trailing '-'; it may hold '/'."""
    text = go_text(field.value)
    if text is None:
        field.warn("Hugo reads as no slug")
    slug = (text or "").strip().strip("-")
    if not slug:
        return {}
    if not is_inside_site(slug):
        raise field.error(f"a path segment such as 'my-first-post', {SITE_PATH}")
    return {"slug": slug}


def aliases_field(field: Field) -> dict[str, Any]:
    """Hugo's aliases: a list, or a text of paths apart by blanks; an item
    that is a list or a map is empty, and skipped."""
    aliases = go_strings(field.value)
    if aliases is None:
        field.warn("Hugo reads as no aliases")
    kept = []
    for alias in aliases or []:
        if alias.startswith(("http://", "https://")):
            raise field.refused(
                f"must be a list of paths such as ['/old-name/'], not with "
                f"{alias!r}: Hugo takes no alias with a protocol",
                "correct the field or remove it",
            )
        if not alias.strip():
            continue
        # ``..`` is resolved inside the site (urls.alias_location), as Hugo does
        if not is_inside_site(alias.strip(), allow_up=True):
            raise field.error(
                f"a list of paths inside the site such as ['/old/'], {SITE_PATH}"
            )
        kept.append(alias.strip())
    return {"aliases": kept}


def location(
    metadata: dict[str, Any],
    front: FrontMatter,
    source: Source,
    options: dict[str, Any],
    lower: bool = True,
) -> dict[str, str]:
    """Pelican's url and save_as, from Hugo's url, slug and the file's place
    (in lower case unless not ``lower``: Hugo's ``disablePathToLower``)."""
    if "hugo_url" in metadata:  # a list page's url is lower-cased, a page's is not
        url = metadata.pop("hugo_url")
        if source.language_prefix and not url.startswith("/"):  # Hugo: from /fr/
            url = f"{source.language_prefix}/{url}"
        lowered = lower and source.kind != "page"
        return urls.output_location(url.lower() if lowered else url)
    if options["hugo_urls"]:
        pattern = options["permalinks"].get(source.section)
        if pattern and source.kind == "page":
            return urls.output_location(_permalink(pattern, metadata, source, lower))
        return urls.output_location(default_path(source, metadata.get("slug"), lower))
    if source.in_content == urls.HOME_PAGE_SOURCE:
        return urls.output_location(f"/{source.language_prefix}/")
    return {}


def check_relative_aliases(
    metadata: Mapping[str, Any], front: FrontMatter, source: Source
) -> None:
    """Hugo takes a relative alias from the folder above the page; above the
    site's root (the home page's folder) there is none, and Hugo stops
    where it writes the page's redirects: not for a page it leaves out."""
    if metadata.get("url") != "" or metadata.get("status") == "skip":
        return
    for alias in metadata.get("aliases") or []:
        if not alias.startswith("/"):
            path, line = front.origin_of("aliases", source.shown_path)
            raise FrontMatterError(
                path,
                line,
                f"the alias {alias!r} is relative to the folder above this page, "
                "which is above the site's root (Hugo stops here too); make it "
                f"absolute: {posixpath.normpath('/' + alias)!r}",
            )


def _permalink(
    pattern: str, metadata: Mapping[str, Any], source: Source, lower: bool = True
) -> str:
    """A regular page's path from its section's permalink pattern."""
    folder, name = posixpath.split(source.in_content)
    stem = posixpath.splitext(name)[0]
    if stem == "index":  # a leaf bundle: its folder names it
        stem = posixpath.basename(folder)
    parts = urls.PermalinkParts(
        date=metadata.get("date"),
        sections=source.sections or ((source.section,) if source.section else ()),
        title=str(metadata.get("title") or ""),
        slug=metadata.get("slug"),
        filename=stem,
    )
    return _in_site(
        urls.expand_permalink(pattern, parts, lower),
        source,
        f"the permalink {pattern!r}",
        "give the page a 'url'",
    )


def default_path(source: Source, slug: str | None = None, lower: bool = True) -> str:
    """Hugo's URL for a file, refused when its name makes one that leaves the
    site (a file named ``\\evil.example.md``)."""
    return _in_site(
        urls.default_path(source.in_content, slug, lower),
        source,
        "the file's name",
        "rename the file or give it a 'url'",
    )


def _in_site(path: str, source: Source, origin: str, fix: str) -> str:
    """``path`` under the page's language folder, refused (naming where it
    came from and how to fix it) when it leaves the site."""
    if source.language_prefix:
        path = f"/{source.language_prefix}{path}"
    if not is_inside_site(path):
        raise FrontMatterError(
            source.shown_path,
            1,
            f"{origin} gives the URL {path!r}, which is not a path {SITE_PATH}; {fix}",
        )
    return path
