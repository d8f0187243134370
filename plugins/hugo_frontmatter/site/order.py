"""Hugo's default order of pages, and the zero date it gives an undated one.

Hugo lists weighted pages first (lightest first), then the newest, then by
title; a page without a date has Go's zero time (0001-01-01 UTC), which
sorts it after every dated one.
"""

from __future__ import annotations

import datetime

from pelican.utils import SafeDatetime

# Go's zero time, which Hugo gives a page without a date.
HUGO_ZERO_DATE = SafeDatetime(1, 1, 1, tzinfo=datetime.UTC)


def hugo_order(page) -> tuple:
    """Hugo's default order: weighted pages first (lightest first), then the
    newest (an undated page has Hugo's zero date: last), then by title."""
    weight = getattr(page, "weight", 0) or 0
    date = getattr(page, "date", None)
    if not hasattr(date, "timestamp"):
        date = HUGO_ZERO_DATE
    stamp = date.timestamp()
    title = getattr(page, "linktitle", None) or getattr(page, "title", "")
    return (0 if weight > 0 else 1, weight, -stamp, str(title).lower())
