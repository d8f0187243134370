"""Times a build must print come from the content, or from SOURCE_DATE_EPOCH.

Pelican's feeds carry the newest entry's date; a feed with no dated entry
(a site of pages only, with FEED_ALL_ATOM set) would carry the time of the
build. With ``SOURCE_DATE_EPOCH`` set (https://reproducible-builds.org/specs/
source-date-epoch/), that feed carries the given time instead, so two builds
of the same content are byte for byte the same.
"""

from __future__ import annotations

import datetime
import logging
import os

from pelican import signals

logger = logging.getLogger(__name__)


def source_date() -> datetime.datetime | None:
    """SOURCE_DATE_EPOCH as an aware UTC time; None when unset or not a number."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    try:
        return datetime.datetime.fromtimestamp(int(value), datetime.UTC)
    except (ValueError, OverflowError, OSError):
        logger.warning(
            "SOURCE_DATE_EPOCH=%r is not a whole number of seconds since 1970; "
            "it is ignored",
            value,
        )
        return None


def on_feed_generated(context, feed) -> None:
    if any(item.get("updateddate") or item.get("pubdate") for item in feed.items):
        return
    fixed = source_date()
    if fixed is not None:
        # feedgenerator asks this public method for the feed's own date.
        feed.latest_post_date = lambda: fixed


def register() -> None:
    signals.feed_generated.connect(on_feed_generated)
