"""The RSS feeds the taxonomies' generator writes as Hugo writes them.

- ``write_term_feed``: a list of terms as Hugo's feed of it, one item per
  term dated by its newest page (Pelican's writer makes feeds of pages only,
  so this one is made with feedgenerator, Pelican's feed library);
- ``leave_out_build_date``: a feed with no dated item has no
  ``lastBuildDate``, as Hugo's, so that two builds write the same bytes.
"""

from __future__ import annotations

import os
import posixpath
from typing import Any

from feedgenerator import Rss201rev2Feed, get_tag_uri
from pelican import signals

from .outputs import inside_output


def write_term_feed(
    output: str,
    path: str,
    lang: str,
    heading: str,
    terms,
    settings: dict[str, Any],
    context: dict[str, Any],
) -> None:
    """A list of terms (term, pages) as Hugo's feed of it at ``path`` in
    the folder ``output``: one item per term, dated by its newest page."""
    site_url = settings.get("FEED_DOMAIN") or settings.get("SITEURL")
    site_name = settings.get("SITENAME", "")
    feed = Rss201rev2Feed(
        title=f"{heading} on {site_name}",
        link=f"{site_url}/{posixpath.dirname(path)}/",
        description="",
        language=lang,
        feed_url=f"{site_url}/{path}",
    )
    for term, items in terms:
        dates = [item.date for item in items if getattr(item, "date", None)]
        newest = max(dates) if dates else None
        link = f"{site_url}/{term.url}"
        feed.add_item(
            title=str(term),
            link=link,
            description="",
            pubdate=newest,
            unique_id=get_tag_uri(link, newest),
        )
    # As Pelican's writer does for its feeds: a plugin may fix the feed's
    # own date (cameo's, from SOURCE_DATE_EPOCH, when no term is dated).
    leave_out_build_date(context, feed)
    signals.feed_generated.send(context, feed=feed)
    target = inside_output(output, path)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as handle:
        feed.write(handle, "utf-8")


def leave_out_build_date(context: Any, feed: Rss201rev2Feed) -> None:
    """A feed with no dated item (the home feed of a language without
    pages) has no ``lastBuildDate``, as Hugo's, which dates a feed by its
    newest page, so that two builds write the same bytes; feedgenerator
    would print the time of the build. A date a plugin fixed on the feed
    (cameo's, from SOURCE_DATE_EPOCH) is printed."""
    if any(item.get("pubdate") or item.get("updateddate") for item in feed.items):
        return
    add_root_elements = feed.add_root_elements

    def without_build_date(handler) -> None:
        if "latest_post_date" in vars(feed):  # fixed by a plugin
            add_root_elements(handler)
        else:
            add_root_elements(_WithoutBuildDate(handler))

    feed.add_root_elements = without_build_date


class _WithoutBuildDate:
    """An XML writer for feedgenerator that skips ``lastBuildDate``."""

    def __init__(self, handler) -> None:
        self._handler = handler

    def addQuickElement(self, name: str, *args, **kwargs) -> None:  # noqa: N802
        if name != "lastBuildDate":
            self._handler.addQuickElement(name, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handler, name)
