"""sitemap.xml for the pages a build writes, the same on every build.

Every HTML file Pelican's writer produces is listed, as Hugo lists its pages:
``<lastmod>`` is the page's own modified or publication date (for a list, its
newest entry's), and is left out when there is none, so two builds of the
same content give the same bytes. A page's Hugo ``sitemap`` front matter
(``changefreq``, ``priority``, ``disable``) is honoured. Drafts, hidden and
private pages and the 404 page are left out.

Setting ``CAMEO_SITEMAP``: True (the default), False, or a dict with
``exclude``, a list of regular expressions for site paths to leave out.
A sitemap lists absolute addresses: with SITEURL empty (a local build) none
is written, and robots.txt names none.
"""

from __future__ import annotations

import datetime
import logging
import os
import re
from urllib.parse import quote
from xml.sax.saxutils import escape

from pelican import signals

from cameo_shared.contract import LIVE_LISTS_RENDERED

from .page_data import site_address

logger = logging.getLogger(__name__)

FILENAME = "sitemap.xml"
NOT_FOUND = "404.html"
HEADER = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
)
FOOTER = "</urlset>\n"

# Site path -> (lastmod, changefreq, priority), gathered while a build writes
# its pages and kept until the next build starts (live reload updates them).
_entries: dict[str, tuple[datetime.datetime | None, str | None, str | None]] = {}


def settings_of(settings: dict) -> dict | None:
    """CAMEO_SITEMAP as a dict, or None when the sitemap is turned off."""
    value = settings.get("CAMEO_SITEMAP", True)
    if value is False or value is None:
        return None
    return value if isinstance(value, dict) else {}


def address(settings: dict) -> str | None:
    """The sitemap's absolute address, or None when the build writes none
    (CAMEO_SITEMAP off, or SITEURL not an absolute http(s) address)."""
    site = site_address(settings)
    if site is None or settings_of(settings) is None:
        return None
    return f"{site}/{FILENAME}"


def on_initialized(pelican) -> None:
    _entries.clear()


def on_content_written(path: str, context: dict | None = None) -> None:
    context = context or {}
    relative = str(context.get("output_file") or "").replace(os.sep, "/")
    if not relative.endswith(".html") or relative == NOT_FOUND:
        return
    pager = context.get("articles_page")
    if pager is not None and getattr(pager, "number", 1) > 1:
        return  # the second and later pages of a list, as Hugo leaves them out
    page = context.get("article") or context.get("page")
    if page is not None and not _listed(page):
        return
    location = re.sub(r"(^|/)index\.html$", r"\1", relative)
    if page is not None:
        lastmod = getattr(page, "modified", None) or getattr(page, "date", None)
        changefreq, priority = _hints(page)
    else:  # a list: its newest entry
        dates = [
            getattr(item, "modified", None) or getattr(item, "date", None)
            for item in context.get("articles") or ()
        ]
        dates = [date for date in dates if date is not None]
        lastmod = max(dates, key=_comparable) if dates else None
        changefreq = priority = None
    _entries[location] = (lastmod, changefreq, priority)


def on_finalized(pelican) -> None:
    write(pelican.settings, pelican.output_path)


def on_live_lists_rendered(sender, folder: str, settings: dict) -> None:
    """Live reload rendered lists again (a post moved between them): the
    sitemap as the entries are now, the pages it rendered updated."""
    write(settings, folder)


def write(settings: dict, folder: str) -> None:
    """sitemap.xml in ``folder``, from the entries of the pages written. They
    are kept until the next build starts, for live reload."""
    if address(settings) is None:
        return
    options = settings_of(settings)
    excluded = [re.compile(pattern) for pattern in options.get("exclude", ())]
    site_url = site_address(settings)
    lines = [HEADER]
    for location in sorted(_entries):
        if any(pattern.search(location) for pattern in excluded):
            continue
        lastmod, changefreq, priority = _entries[location]
        lines.append(f"<url><loc>{escape(site_url + '/' + quote(location))}</loc>")
        if lastmod is not None:
            lines.append(f"<lastmod>{lastmod.isoformat()}</lastmod>")
        if changefreq:
            lines.append(f"<changefreq>{escape(changefreq)}</changefreq>")
        if priority:
            lines.append(f"<priority>{escape(priority)}</priority>")
        lines.append("</url>\n")
    lines.append(FOOTER)
    with open(os.path.join(folder, FILENAME), "w", encoding="utf-8") as handle:
        handle.write("".join(lines))


def _listed(page) -> bool:
    if getattr(page, "status", "published") != "published":
        return False
    if str(getattr(page, "private", "")).lower() == "true":
        return False
    hints = getattr(page, "sitemap", None)
    return not (isinstance(hints, dict) and hints.get("disable") is True)


def _hints(page) -> tuple[str | None, str | None]:
    """changefreq and priority from Hugo's ``sitemap`` front matter, else from
    Pelican-style ``changefreq`` / ``priority`` metadata."""
    hints = getattr(page, "sitemap", None)
    hints = hints if isinstance(hints, dict) else {}
    changefreq = hints.get("changefreq", getattr(page, "changefreq", None))
    priority = hints.get("priority", getattr(page, "priority", None))
    return (
        str(changefreq) if changefreq else None,
        None if priority is None or priority == "" else str(priority),
    )


def _comparable(date: datetime.datetime) -> datetime.datetime:
    if date.tzinfo is None:
        return date.replace(tzinfo=datetime.UTC)
    return date


def register() -> None:
    signals.initialized.connect(on_initialized)
    # Sent by cameo_tools' live reload; the contract is cameo_shared's, so the
    # theme does not need cameo_tools installed.
    LIVE_LISTS_RENDERED.connect(on_live_lists_rendered)
    signals.content_written.connect(on_content_written)
    signals.finalized.connect(on_finalized)
