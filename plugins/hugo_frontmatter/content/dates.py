"""Hugo's dates: the text layouts Hugo 0.111 reads (``parse_date``), a
date field (``date_field``), and how ``date``, ``publishDate``, ``lastmod``
and ``expiryDate`` fall back on each other (``settle_dates``).
"""

from __future__ import annotations

import datetime
import email.utils
import re
from typing import Any

from pelican.utils import SafeDatetime

from .field import Field

# Hugo's date fields, in the order Hugo falls back from one to the next.
DATE_FIELDS = {
    "date": ("date", "publishdate", "pubdate", "published", "lastmod", "modified"),
    "publishdate": ("publishdate", "pubdate", "published", "date"),
    "lastmod": ("lastmod", "modified", "date", "publishdate", "pubdate", "published"),
    "expirydate": ("expirydate", "unpublishdate"),
}
ALL_DATE_KEYS = {key for chain in DATE_FIELDS.values() for key in chain}


def date_field(field: Field) -> dict[str, Any]:
    """A date as Hugo 0.111 reads one (a whole number is Unix seconds, but
    not in JSON, where Hugo's numbers are floats); anything else leaves the
    page without it, as in Hugo."""
    value = field.value
    if isinstance(value, str):
        value = parse_date(value)
    elif isinstance(value, int) and not isinstance(value, bool):
        value = _unix_time(value) if field.format != "json" else None
    if isinstance(value, datetime.datetime):
        return {
            field.name: SafeDatetime(
                *value.timetuple()[:6], value.microsecond, tzinfo=value.tzinfo
            )
        }
    if isinstance(value, datetime.date):
        return {field.name: SafeDatetime(value.year, value.month, value.day)}
    if field.value not in (None, ""):
        field.warn(
            "Hugo reads as no date (write 2024-05-01 or 2024-05-01T09:30:00+02:00)"
        )
    return {}


def _unix_time(seconds: int) -> datetime.datetime | None:
    try:
        return datetime.datetime.fromtimestamp(seconds, datetime.UTC)
    except (OverflowError, OSError, ValueError):
        return None


# The text layouts of Hugo 0.111's dates (spf13/cast's, RFC 1123 and kin
# aside): date, then a time after 'T' or a blank, fractions, then a zone.
_ISO_DATE = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?:(?P<sep>[T ])(?P<time>\d{2}:\d{2}:\d{2}(?:\.\d+)?)"
    r"(?:(?P<zone>Z|[+-]\d{2}:?\d{2})|(?P<spaced> [+-]\d{2}:?\d{2})(?: [A-Z]{3,5})?)?)?"
)
_OTHER_LAYOUTS = (
    "%d %b %Y",  # 02 Jan 2006
    "%a %b %d %H:%M:%S %Y",  # ANSIC
    "%a %b %d %H:%M:%S %z %Y",  # RubyDate
)


def parse_date(text: str) -> datetime.datetime | datetime.date | None:
    """A date written as Hugo 0.111 reads it: ``2024-05-01``, RFC 3339 (with
    or without a zone: ``2024-05-01T09:30:00+02:00``), the same with a blank
    for the ``T`` (``2024-05-01 09:30:00 +0200``), RFC 1123 / 822 / 850
    (``Mon, 02 Jan 2006 15:04:05 MST``), ``02 Jan 2006``, Go's ANSIC and
    RubyDate. None for anything else (``2024-05-01 09:30``, ``May 1, 2024``),
    which Hugo leaves the page without."""
    match = _ISO_DATE.fullmatch(text)
    if match:
        if match["sep"] == "T" and match["spaced"]:
            return None
        zone = (match["zone"] or (match["spaced"] or "").strip()).replace("Z", "+00:00")
        if zone and ":" not in zone:
            zone = f"{zone[:3]}:{zone[3:]}"
        try:
            if not match["time"]:
                return datetime.date.fromisoformat(match["date"])
            return datetime.datetime.fromisoformat(
                f"{match['date']}T{match['time']}{zone}"
            )
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    for layout in _OTHER_LAYOUTS:
        try:
            return datetime.datetime.strptime(text, layout)
        except ValueError:
            continue
    return None


def settle_dates(metadata: dict[str, Any]) -> None:
    """Fill Hugo's date, publishDate, lastmod and expiryDate from each other."""
    given = {key: metadata.pop(key) for key in list(metadata) if key in ALL_DATE_KEYS}
    for target, chain in DATE_FIELDS.items():
        value = next((given[key] for key in chain if key in given), None)
        if value is not None:
            metadata[target] = value
    if "lastmod" in metadata:
        metadata["modified"] = metadata.pop("lastmod")
