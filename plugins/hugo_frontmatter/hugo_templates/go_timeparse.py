"""Text as a Go time, as Hugo reads it: Go's time.Parse (``go_parse``)
on each layout spf13/cast tries, in cast's order (``parse_time``), and
Hugo's htime.ToTimeInDefaultLocationE (``as_time``)."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from typing import Any

from .go_time import (
    DAYS,
    LOCAL,
    MONTHS,
    UTC,
    GoTime,
    Location,
    fixed_zone,
    next_chunk,
)
from .gocast import cannot_cast

logger = logging.getLogger(__name__)

# The layouts spf13/cast tries, in its order, and how each gives a zone:
# "named" and "none" take the default location (cast moves the wall clock
# there, as a zone given by name only has no known offset).
CAST_LAYOUTS = (
    ("2006-01-02T15:04:05Z07:00", "offset"),
    ("2006-01-02T15:04:05", "none"),
    ("Mon, 02 Jan 2006 15:04:05 -0700", "offset"),
    ("Mon, 02 Jan 2006 15:04:05 MST", "named"),
    ("02 Jan 06 15:04 -0700", "offset"),
    ("02 Jan 06 15:04 MST", "named"),
    ("Monday, 02-Jan-06 15:04:05 MST", "named"),
    ("2006-01-02 15:04:05.999999999 -0700 MST", "both"),
    ("2006-01-02T15:04:05-0700", "offset"),
    ("2006-01-02 15:04:05Z0700", "offset"),
    ("2006-01-02 15:04:05", "none"),
    ("Mon Jan _2 15:04:05 2006", "none"),
    ("Mon Jan _2 15:04:05 MST 2006", "named"),
    ("Mon Jan 02 15:04:05 -0700 2006", "offset"),
    ("2006-01-02 15:04:05Z07:00", "offset"),
    ("2006-01-02", "none"),
    ("02 Jan 2006", "none"),
    ("2006-01-02 15:04:05 -07:00", "offset"),
    ("2006-01-02 15:04:05 -0700", "offset"),
    # Times of day only (year 0) are tried too, but a Python date cannot
    # hold year 0: such text reads as no date here.
    ("3:04PM", "time"),
    ("Jan _2 15:04:05", "time"),
    ("Jan _2 15:04:05.000", "time"),
    ("Jan _2 15:04:05.000000", "time"),
    ("Jan _2 15:04:05.000000000", "time"),
)


class _Bad(ValueError):
    """The text does not fit the layout (Go's parse error, unworded)."""


def _getnum(value: str, fixed: bool, width: int = 2) -> tuple[int, str]:
    digits = 0
    while digits < width and digits < len(value) and "0" <= value[digits] <= "9":
        digits += 1
    if digits == 0 or (fixed and digits < width):
        raise _Bad()
    return int(value[:digits]), value[digits:]


def _lookup(names: list[str], value: str) -> tuple[int, str]:
    for i, name in enumerate(names):
        if value[: len(name)].lower() == name.lower():
            return i, value[len(name) :]
    raise _Bad()


def _skip(value: str, prefix: str) -> str:
    while prefix:
        if prefix[0] == " ":
            if value and value[0] != " ":
                raise _Bad()
            prefix, value = prefix.lstrip(" "), value.lstrip(" ")
            continue
        if not value or value[0] != prefix[0]:
            raise _Bad()
        prefix, value = prefix[1:], value[1:]
    return value


def _signed_offset_length(value: str) -> int:
    digits = 1
    while digits < len(value) and value[digits].isdigit() and value[digits].isascii():
        digits += 1
    if digits == 1 or int(value[1:digits]) > 23:
        return 0
    return digits


def _zone_name_length(value: str) -> int:
    """Go's parseTimeZone: how long the zone name that starts ``value`` is."""
    if len(value) < 3:
        return 0
    if value[:4] in ("ChST", "MeST"):
        return 4
    if value.startswith("GMT"):
        rest = value[3:]
        if not rest or rest[0] not in "+-":
            return 3
        return 3 + _signed_offset_length(rest)
    if value[0] in "+-":
        return _signed_offset_length(value)
    upper = 0
    while upper < 6 and upper < len(value) and "A" <= value[upper] <= "Z":
        upper += 1
    if upper == 3:
        return 3
    if upper == 4 and (value[3] == "T" or value[:4] == "WITA"):
        return 4
    if upper == 5 and value[4] == "T":
        return 5
    return 0


def _nanoseconds(value: str, length: int) -> int:
    if value[0] not in ".,":
        raise _Bad()
    digits = value[1 : min(length, 10)]
    if not digits.isdigit():
        raise _Bad()
    return int(digits) * 10 ** (9 - len(digits))


def _days_in(month: int, year: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _find_chunk(layout: str, i: int) -> tuple[int, tuple[str, int] | None]:
    """Where the next layout element from ``i`` starts, and it (Go's
    nextStdChunk); ``(len(layout), None)`` if none is left."""
    for j in range(i, len(layout)):
        found = next_chunk(layout, j)
        if found is not None:
            return j, found
    return len(layout), None


@dataclass
class _Fields:
    """What Go's time.Parse has read so far (its local variables)."""

    year: int = 0
    month: int = -1
    day: int = -1
    yday: int = -1
    hour: int = 0
    minute: int = 0
    second: int = 0
    nsec: int = 0
    am: bool = False
    pm: bool = False
    zone: Location | None = None
    offset: int | None = None
    zone_name: str = ""


def go_parse(layout: str, value: str, default: Location) -> GoTime:
    """Go's time.Parse with a default location (time.ParseInLocation's
    rules for a zone given by name or offset), on a machine set to UTC."""
    fields = _Fields()
    i = 0
    while True:
        j, found = _find_chunk(layout, i)
        value = _skip(value, layout[i:j])
        if found is None:
            if value:
                raise _Bad()
            break
        chunk, length = found
        i = j + length
        value = _read_chunk(fields, chunk, value, layout, i)
    _settle_date(fields)
    return _to_time(fields, default)


_DATE_CHUNKS = frozenset("06 2006 Jan January 1 01 Mon Monday 2 _2 02 __2 002".split())
_CLOCK_CHUNKS = frozenset("15 3 03 4 04 5 05 PM pm".split())


def _read_chunk(fields: _Fields, chunk: str, value: str, layout: str, i: int) -> str:
    """One layout element read from the start of ``value`` into ``fields``;
    the rest of ``value``. ``layout[i:]`` follows the element."""
    if chunk in _DATE_CHUNKS:
        return _read_date(fields, chunk, value)
    if chunk in _CLOCK_CHUNKS:
        return _read_clock(fields, chunk, value, layout, i)
    if chunk[0] in "-Z":
        return _read_offset(fields, chunk, value)
    if chunk == "MST":
        return _read_zone_name(fields, value)
    return _read_fraction(fields, chunk, value)


def _read_date(fields: _Fields, chunk: str, value: str) -> str:
    """A year, a month, a day of the week, of the month or of the year."""
    if chunk == "06":
        if len(value) < 2 or not value[:2].isdigit():
            raise _Bad()
        year, value = int(value[:2]), value[2:]
        fields.year = year + (1900 if year >= 69 else 2000)
    elif chunk == "2006":
        if len(value) < 4 or not value[:4].isdigit():
            raise _Bad()
        fields.year, value = int(value[:4]), value[4:]
    elif chunk in ("Jan", "January"):
        names = [name[:3] for name in MONTHS] if chunk == "Jan" else MONTHS
        month, value = _lookup(names, value)
        fields.month = month + 1
    elif chunk in ("1", "01"):
        fields.month, value = _getnum(value, chunk == "01")
        if not 1 <= fields.month <= 12:
            raise _Bad()
    elif chunk in ("Mon", "Monday"):
        names = [name[:3] for name in DAYS] if chunk == "Mon" else DAYS
        _, value = _lookup(names, value)
    elif chunk in ("2", "_2", "02"):
        if chunk == "_2" and value[:1] == " ":
            value = value[1:]
        fields.day, value = _getnum(value, chunk == "02")
    else:  # "__2", "002": the day of the year
        if chunk == "__2":
            value = value[2:] if value[:2] == "  " else value.removeprefix(" ")
        fields.yday, value = _getnum(value, chunk == "002", 3)
    return value


def _read_clock(fields: _Fields, chunk: str, value: str, layout: str, i: int) -> str:
    """An hour, a minute, a second (and a fraction the layout does not ask
    for), or AM/PM."""
    if chunk == "15":
        fields.hour, value = _getnum(value, False)
        if not 0 <= fields.hour < 24:
            raise _Bad()
    elif chunk in ("3", "03"):
        fields.hour, value = _getnum(value, chunk == "03")
        if not 0 <= fields.hour <= 12:
            raise _Bad()
    elif chunk in ("4", "04"):
        fields.minute, value = _getnum(value, chunk == "04")
        if not 0 <= fields.minute < 60:
            raise _Bad()
    elif chunk in ("5", "05"):
        fields.second, value = _getnum(value, chunk == "05")
        if not 0 <= fields.second < 60:
            raise _Bad()
        # A fraction the layout does not ask for is read all the same.
        _, following = _find_chunk(layout, i)
        asked = following is not None and following[0][0] in ".,"
        if len(value) >= 2 and value[0] in ".," and value[1].isdigit() and not asked:
            n = 2
            while n < len(value) and value[n].isdigit():
                n += 1
            fields.nsec, value = _nanoseconds(value, n), value[n:]
    else:  # "PM", "pm"
        marks = ("PM", "AM") if chunk == "PM" else ("pm", "am")
        if value[:2] not in marks:
            raise _Bad()
        fields.pm, fields.am = value[:2] == marks[0], value[:2] == marks[1]
        value = value[2:]
    return value


def _read_offset(fields: _Fields, chunk: str, value: str) -> str:
    """A zone's offset (``-0700``, ``-07:00``, ``Z07:00`` ...), or ``Z``
    for UTC where the layout allows it."""
    if chunk in ("Z0700", "Z07", "Z07:00") and value[:1] == "Z":
        fields.zone = UTC
        return value[1:]
    body = chunk[1:]
    if body == "07:00":
        if len(value) < 6 or value[3] != ":":
            raise _Bad()
        parts, value = (value[0], value[1:3], value[4:6], "00"), value[6:]
    elif body == "07":
        if len(value) < 3:
            raise _Bad()
        parts, value = (value[0], value[1:3], "00", "00"), value[3:]
    elif body == "07:00:00":
        if len(value) < 9 or value[3] != ":" or value[6] != ":":
            raise _Bad()
        parts, value = (value[0], value[1:3], value[4:6], value[7:9]), value[9:]
    elif body == "070000":
        if len(value) < 7:
            raise _Bad()
        parts, value = (value[0], value[1:3], value[3:5], value[5:7]), value[7:]
    else:
        if len(value) < 5:
            raise _Bad()
        parts, value = (value[0], value[1:3], value[3:5], "00"), value[5:]
    sign, hh, mm, ss = parts
    if sign not in "+-" or not (hh + mm + ss).isdigit():
        raise _Bad()
    offset = (int(hh) * 60 + int(mm)) * 60 + int(ss)
    fields.offset = -offset if sign == "-" else offset
    return value


def _read_zone_name(fields: _Fields, value: str) -> str:
    """A zone's name (``MST``, ``GMT+2``); ``UTC`` is the zone itself."""
    if value.startswith("UTC"):
        fields.zone = UTC
        return value[3:]
    n = _zone_name_length(value)
    if not n:
        raise _Bad()
    fields.zone_name = value[:n]
    return value[n:]


def _read_fraction(fields: _Fields, chunk: str, value: str) -> str:
    """A fraction of a second: ``.000`` exactly that many digits, ``.999``
    any digits, or none."""
    if chunk[1] == "0":
        width = len(chunk)
        if len(value) < width:
            raise _Bad()
        fields.nsec = _nanoseconds(value, width)
        return value[width:]
    if len(value) >= 2 and value[0] in ".," and value[1].isdigit():
        n = 1
        while n < len(value) and value[n].isdigit():
            n += 1
        fields.nsec, value = _nanoseconds(value, n), value[n:]
    return value


def _settle_date(fields: _Fields) -> None:
    """The hour by AM/PM, the month and day by the day of the year, and the
    date checked, as time.Parse does once all is read."""
    if fields.pm and fields.hour < 12:
        fields.hour += 12
    elif fields.am and fields.hour == 12:
        fields.hour = 0
    year, month, day = fields.year, fields.month, fields.day
    if fields.yday >= 0:
        leap = _days_in(2, year) == 29
        if fields.yday < 1 or fields.yday > (366 if leap else 365):
            raise _Bad()
        moment = datetime.date(max(year, 1), 1, 1) + datetime.timedelta(fields.yday - 1)
        if month >= 0 and month != moment.month or day >= 0 and day != moment.day:
            raise _Bad()
        month, day = moment.month, moment.day
    else:
        month = 1 if month < 0 else month
        day = 1 if day < 0 else day
    if not 1 <= day <= _days_in(month, year) or year < 1:
        raise _Bad()
    fields.month, fields.day = month, day


def _to_time(fields: _Fields, default: Location) -> GoTime:
    """The time read, in the zone it gave (a name, an offset, UTC) or in
    ``default``."""
    wall = (
        fields.year,
        fields.month,
        fields.day,
        fields.hour,
        fields.minute,
        fields.second,
        fields.nsec,
    )
    zone_name, offset = fields.zone_name, fields.offset
    if fields.zone is not None:
        return GoTime.in_location(*wall, fields.zone)
    if offset is not None:
        if offset == 0 and zone_name in ("", "UTC"):  # the machine's own zone
            return GoTime.in_location(*wall, LOCAL)
        return GoTime.in_location(*wall, fixed_zone(zone_name, offset))
    if zone_name:
        gmt = 0
        if len(zone_name) > 3 and zone_name.startswith("GMT"):
            gmt = int(zone_name[3:]) * 3600
        # Go keeps the clock as UTC and only names the zone: GMT+2 moves it.
        utc = GoTime.in_location(*wall, UTC)
        return utc.In(fixed_zone(zone_name, gmt))
    return GoTime.in_location(*wall, default)


def parse_time(text: str, location: Location) -> GoTime:
    """Text in one of the layouts Hugo reads (cast.StringToDateInDefaultLocation)."""
    for layout, kind in CAST_LAYOUTS:
        try:
            moment = go_parse(layout, text, location)
        except (_Bad, ValueError, OverflowError):
            continue
        if kind in ("named", "none"):
            # cast keeps the wall clock and puts it in the default location.
            wall = moment.wall()
            return GoTime.in_location(
                wall.year,
                wall.month,
                wall.day,
                wall.hour,
                wall.minute,
                wall.second,
                moment.Nanosecond(),
                location,
            )
        return moment
    raise ValueError(f"unable to parse date: {text}")


def as_time(value: Any, location: Location = UTC) -> GoTime:
    """Hugo's htime.ToTimeInDefaultLocationE: a time, text, or Unix seconds."""
    if isinstance(value, GoTime):
        return value
    if isinstance(value, datetime.datetime | datetime.date):
        return GoTime.from_python(value, location)
    if isinstance(value, str):
        return parse_time(value, location)
    if isinstance(value, int) and not isinstance(value, bool):
        return GoTime.unix(value)
    raise cannot_cast(value, "Time")
