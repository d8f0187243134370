"""Feeds hold only what XML 1.0 can hold.

Hugo copies a page's title and text into its feeds as they are, so a title
holding a control character (U+0001, as a paste from a terminal brings)
builds in Hugo, into a feed no reader can parse. Pelican's feed library
refuses such a character instead, and its error stops the build naming no
file. A page Hugo builds must build here too, and its feed must stay
readable: the characters are left out of the feed (the page keeps its
text), with a warning naming the feed and the entry.
"""

from __future__ import annotations

import logging
import re
from typing import Any

logger = logging.getLogger(__name__)

# What XML 1.0 cannot hold, as the feed library tests it; tab and the line
# ends are allowed.
NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def leave_out_control_characters(context: Any, feed: Any) -> None:
    """``feed_generated`` receiver: the feed's own values and each entry's,
    without the characters XML cannot hold."""
    where = feed.feed.get("feed_url") or feed.feed.get("link") or "a feed"
    _clean(feed.feed, f"{where}: the feed's", where)
    for item in feed.items:
        _clean(item, f"{where}: the entry {item.get('link') or ''}", where)


def _clean(values: dict[str, Any], label: str, where: str) -> None:
    for key, value in values.items():
        if isinstance(value, str) and NOT_IN_XML.search(value):
            values[key] = _without(value, f"{label} {key}")
        elif isinstance(value, (list, tuple)) and any(
            isinstance(part, str) and NOT_IN_XML.search(part) for part in value
        ):
            values[key] = type(value)(
                _without(part, f"{label} {key}") if isinstance(part, str) else part
                for part in value
            )


def _without(text: str, label: str) -> str:
    found = sorted({f"U+{ord(char):04X}" for char in NOT_IN_XML.findall(text)})
    logger.warning(
        "%s holds %s, which a feed cannot hold (XML 1.0); left out of the "
        "feed, the page keeps it; remove it from the page to silence this",
        label,
        ", ".join(found),
    )
    return NOT_IN_XML.sub("", text)
