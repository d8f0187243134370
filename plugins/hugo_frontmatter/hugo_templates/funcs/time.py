"""Hugo's ``time`` namespace: ``time``/``time.AsTime`` (text in the layouts
Hugo accepts, in a location), ``dateFormat``/``time.Format`` (Go layouts
such as ``Jan 2, 2006`` and Hugo's ``:date_long``), ``now``,
``time.Duration``/``duration`` and ``time.ParseDuration``; and ``GoTime``
and ``Duration``, which print and answer as Go's time.Time and
time.Duration do.

``now`` is reproducible: it is ``SOURCE_DATE_EPOCH`` when that is set (the
reproducible-builds convention), else the moment the site's functions were
made, the same for every template of the build; Hugo reads the clock at
each call."""

from __future__ import annotations

import datetime
import logging
import os
import re
import time as _clock
import zoneinfo
from collections.abc import Callable
from typing import Any

from ...gotemplate.gofmt import go_quote
from ..bindings import SiteBindings
from ..gocast import cannot_cast, to_int, to_string

logger = logging.getLogger(__name__)

MONTHS = (
    "January February March April May June July August September October "
    "November December"
).split()
DAYS = "Sunday Monday Tuesday Wednesday Thursday Friday Saturday".split()
_UTC = datetime.UTC


class Month(int):
    """Go's time.Month: a number that prints as its English name."""

    GO_TYPE = "time.Month"

    def String(self) -> str:  # noqa: N802 (Go's name)
        return MONTHS[self - 1] if 1 <= self <= 12 else f"%!Month({int(self)})"


class Weekday(int):
    """Go's time.Weekday: Sunday is 0, printed by name."""

    GO_TYPE = "time.Weekday"

    def String(self) -> str:  # noqa: N802 (Go's name)
        return DAYS[self] if 0 <= self <= 6 else f"%!Weekday({int(self)})"


class Location:
    """A time zone as Go names it: ``UTC``, ``Europe/Oslo``, or a fixed
    offset with a name (``""`` for one read from ``+02:00``)."""

    GO_TYPE = "*time.Location"

    def __init__(
        self, name: str, zone: datetime.tzinfo, fixed_name: str | None = None
    ) -> None:
        self.name = name
        self.zone = zone
        self.fixed_name = fixed_name

    def abbreviation(self, moment: datetime.datetime) -> str:
        """The zone's name at that moment (``CET``), ``""`` if it has none."""
        if self.fixed_name is not None:
            return self.fixed_name
        return moment.astimezone(self.zone).tzname() or ""

    def String(self) -> str:  # noqa: N802 (Go's name)
        return self.name


UTC = Location("UTC", _UTC)
# Go's time.Local; the build reads times in UTC, as a machine set to UTC.
LOCAL = Location("Local", _UTC)


def load_location(name: str) -> Location:
    """Go's time.LoadLocation: ``""`` and ``UTC`` are UTC, else an IANA name."""
    if name in ("", "UTC"):
        return UTC
    try:
        return Location(name, zoneinfo.ZoneInfo(name))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {name}") from None


def fixed_zone(name: str, offset: int) -> Location:
    """Go's time.FixedZone."""
    zone = datetime.timezone(datetime.timedelta(seconds=offset))
    return Location(name, zone, fixed_name=name)


class Duration(int):
    """Go's time.Duration: nanoseconds, printed as ``1h2m3.5s``."""

    GO_TYPE = "time.Duration"

    def String(self) -> str:  # noqa: N802 (Go's name)
        return _duration_string(int(self))

    def _in(self, unit: int) -> float:
        # Go splits whole units from the rest before dividing, to keep digits.
        value = int(self)
        return float(_go_div(value, unit)) + float(_go_rem(value, unit)) / unit

    def Hours(self) -> float:  # noqa: N802 (Go's name)
        return self._in(3_600_000_000_000)

    def Minutes(self) -> float:  # noqa: N802 (Go's name)
        return self._in(60_000_000_000)

    def Seconds(self) -> float:  # noqa: N802 (Go's name)
        return self._in(1_000_000_000)

    def Milliseconds(self) -> int:  # noqa: N802 (Go's name)
        return _go_div(int(self), 1_000_000)

    def Microseconds(self) -> int:  # noqa: N802 (Go's name)
        return _go_div(int(self), 1_000)

    def Nanoseconds(self) -> int:  # noqa: N802 (Go's name)
        return int(self)

    def Abs(self) -> Duration:  # noqa: N802 (Go's name)
        return Duration(abs(int(self)))

    def Truncate(self, unit: Any) -> Duration:  # noqa: N802 (Go's name)
        unit = int(unit)
        if unit <= 0:
            return self
        return Duration(int(self) - _go_rem(int(self), unit))

    def Round(self, unit: Any) -> Duration:  # noqa: N802 (Go's name)
        unit = int(unit)
        if unit <= 0:
            return self
        rest = _go_rem(int(self), unit)
        value = int(self)
        if value < 0:
            rest = -rest
            return Duration(value + rest - (unit if rest + rest >= unit else 0))
        return Duration(value - rest + (unit if rest + rest >= unit else 0))


def _go_div(a: int, b: int) -> int:
    quotient = abs(a) // abs(b)
    return quotient if (a >= 0) == (b >= 0) else -quotient


def _go_rem(a: int, b: int) -> int:
    return a - _go_div(a, b) * b


def _fraction(value: int, digits: int) -> str:
    text = str(value).rjust(digits, "0").rstrip("0")
    return "." + text if text else ""


def _duration_string(ns: int) -> str:
    """Go's Duration.String."""
    sign = "-" if ns < 0 else ""
    value = abs(ns)
    if value < 1_000_000_000:
        if value == 0:
            return "0s"
        for unit, size in (("ns", 1), ("µs", 1_000), ("ms", 1_000_000)):
            if value < size * 1000:
                whole, rest = divmod(value, size)
                digits = len(str(size)) - 1
                return f"{sign}{whole}{_fraction(rest, digits) if digits else ''}{unit}"
    seconds, rest = divmod(value, 1_000_000_000)
    text = f"{seconds % 60}{_fraction(rest, 9)}s"
    minutes = seconds // 60
    if minutes:
        text = f"{minutes % 60}m" + text
        hours = minutes // 60
        if hours:
            text = f"{hours}h" + text
    return sign + text


_UNITS = {
    "ns": 1,
    "us": 1_000,
    "µs": 1_000,
    "μs": 1_000,
    "ms": 1_000_000,
    "s": 1_000_000_000,
    "m": 60_000_000_000,
    "h": 3_600_000_000_000,
}
_DURATION_PART = re.compile(r"([0-9]*)(?:\.([0-9]*))?([^0-9.]*)")


def parse_duration(text: str) -> Duration:
    """Go's time.ParseDuration, with its messages."""
    original = text
    sign = 1
    if text[:1] in ("-", "+"):
        sign = -1 if text[0] == "-" else 1
        text = text[1:]
    if text == "0":
        return Duration(0)
    if text == "":
        raise ValueError(f"time: invalid duration {go_quote(original)}")
    total = 0
    while text:
        match = _DURATION_PART.match(text)
        whole, fraction, unit = match[1], match[2], match[3]
        if not whole and not fraction:
            raise ValueError(f"time: invalid duration {go_quote(original)}")
        unit = re.match(r"[^0-9.]*", unit)[0]
        if not unit:
            raise ValueError(f"time: missing unit in duration {go_quote(original)}")
        if unit not in _UNITS:
            raise ValueError(
                f"time: unknown unit {go_quote(unit)} in duration {go_quote(original)}"
            )
        size = _UNITS[unit]
        total += int(whole or "0") * size
        if fraction:
            # Go scales the fraction in floating point, and so truncates.
            total += int(float(int(fraction)) * (size / 10 ** len(fraction)))
        text = text[match.end() :]
    if total > 2**63 - 1:
        raise ValueError(f"time: invalid duration {go_quote(original)}")
    return Duration(sign * total)


# -- time.Time ---------------------------------------------------------------


class GoTime:
    """Go's time.Time: an instant with nanoseconds, seen in a location."""

    GO_TYPE = "time.Time"

    def __init__(
        self, instant: datetime.datetime, nanosecond: int, location: Location
    ) -> None:
        # ``instant`` is aware, to the second; ``nanosecond`` adds the rest.
        self._instant = instant.replace(microsecond=0).astimezone(_UTC)
        self._ns = nanosecond
        self._location = location
        self._wall = self._instant.astimezone(location.zone)

    @classmethod
    def from_python(
        cls, value: datetime.datetime | datetime.date, location: Location = UTC
    ) -> GoTime:
        """A Python date or datetime; a naive one is read in ``location``."""
        if not isinstance(value, datetime.datetime):
            value = datetime.datetime(value.year, value.month, value.day)
        if value.tzinfo is None:
            return cls.in_location(
                value.year,
                value.month,
                value.day,
                value.hour,
                value.minute,
                value.second,
                value.microsecond * 1000,
                location,
            )
        offset = int(value.utcoffset().total_seconds())
        zone = fixed_zone(value.tzname() or "", offset) if offset else UTC
        return cls(value, value.microsecond * 1000, zone)

    @classmethod
    def in_location(
        cls,
        year: int,
        month: int,
        day: int,
        hour: int,
        minute: int,
        second: int,
        nanosecond: int,
        location: Location,
    ) -> GoTime:
        """Go's time.Date: a wall clock reading in ``location``."""
        wall = datetime.datetime(year, month, day, hour, minute, second)
        return cls(wall.replace(tzinfo=location.zone), nanosecond, location)

    @classmethod
    def unix(cls, seconds: int, nanoseconds: int = 0) -> GoTime:
        """Go's time.Unix, in Go's Local (UTC here)."""
        instant = datetime.datetime(1970, 1, 1, tzinfo=_UTC) + datetime.timedelta(
            seconds=seconds
        )
        return cls(instant, nanoseconds, LOCAL)

    # what templates read

    def Year(self) -> int:  # noqa: N802 (Go's name)
        return self._wall.year

    def Month(self) -> Month:  # noqa: N802 (Go's name)
        return Month(self._wall.month)

    def Day(self) -> int:  # noqa: N802 (Go's name)
        return self._wall.day

    def Hour(self) -> int:  # noqa: N802 (Go's name)
        return self._wall.hour

    def Minute(self) -> int:  # noqa: N802 (Go's name)
        return self._wall.minute

    def Second(self) -> int:  # noqa: N802 (Go's name)
        return self._wall.second

    def Nanosecond(self) -> int:  # noqa: N802 (Go's name)
        return self._ns

    def Weekday(self) -> Weekday:  # noqa: N802 (Go's name)
        return Weekday((self._wall.weekday() + 1) % 7)

    def YearDay(self) -> int:  # noqa: N802 (Go's name)
        return self._wall.timetuple().tm_yday

    def Unix(self) -> int:  # noqa: N802 (Go's name)
        return int(self._instant.timestamp())

    def UnixMilli(self) -> int:  # noqa: N802 (Go's name)
        return self.Unix() * 1000 + self._ns // 1_000_000

    def UnixMicro(self) -> int:  # noqa: N802 (Go's name)
        return self.Unix() * 1_000_000 + self._ns // 1000

    def UnixNano(self) -> int:  # noqa: N802 (Go's name)
        return self.Unix() * 1_000_000_000 + self._ns

    def Location(self) -> Location:  # noqa: N802 (Go's name)
        return self._location

    def UTC(self) -> GoTime:  # noqa: N802 (Go's name)
        return GoTime(self._instant, self._ns, UTC)

    def Local(self) -> GoTime:  # noqa: N802 (Go's name)
        return self.UTC()

    def In(self, location: Location) -> GoTime:  # noqa: N802 (Go's name)
        return GoTime(self._instant, self._ns, location)

    def IsZero(self) -> bool:  # noqa: N802 (Go's name)
        return self.UnixNano() == ZERO_UNIX_NANO

    def Equal(self, other: GoTime) -> bool:  # noqa: N802 (Go's name)
        return self.UnixNano() == other.UnixNano()

    def Before(self, other: GoTime) -> bool:  # noqa: N802 (Go's name)
        return self.UnixNano() < other.UnixNano()

    def After(self, other: GoTime) -> bool:  # noqa: N802 (Go's name)
        return self.UnixNano() > other.UnixNano()

    def Sub(self, other: GoTime) -> Duration:  # noqa: N802 (Go's name)
        return Duration(self.UnixNano() - other.UnixNano())

    def Add(self, duration: Any) -> GoTime:  # noqa: N802 (Go's name)
        total = self._ns + int(duration)
        seconds, ns = divmod(total, 1_000_000_000)
        instant = self._instant + datetime.timedelta(seconds=seconds)
        return GoTime(instant, ns, self._location)

    def AddDate(self, years: Any, months: Any, days: Any) -> GoTime:  # noqa: N802
        wall = self._wall
        month_index = wall.month - 1 + int(months)
        year = wall.year + int(years) + month_index // 12
        month = month_index % 12 + 1
        # Go normalises Feb 30 into March, as time.Date does.
        first = datetime.datetime(year, month, 1, wall.hour, wall.minute, wall.second)
        moved = first + datetime.timedelta(days=wall.day - 1 + int(days))
        return GoTime(
            moved.replace(tzinfo=self._location.zone), self._ns, self._location
        )

    def Format(self, layout: Any) -> str:  # noqa: N802 (Go's name)
        return go_format(self, to_string(layout))

    def String(self) -> str:  # noqa: N802 (Go's name)
        return go_format(self, "2006-01-02 15:04:05.999999999 -0700 MST")

    def __str__(self) -> str:
        return self.String()

    def __repr__(self) -> str:
        return f"GoTime({self.String()!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GoTime) and self.UnixNano() == other.UnixNano()

    def __lt__(self, other: GoTime) -> bool:
        return self.UnixNano() < other.UnixNano()

    def __hash__(self) -> int:
        return hash(self.UnixNano())

    # for the formatter

    def offset(self) -> int:
        """Seconds east of UTC in this time's location."""
        return int(self._wall.utcoffset().total_seconds())

    def zone_name(self) -> str:
        return self._location.abbreviation(self._instant)

    def wall(self) -> datetime.datetime:
        return self._wall


# Go's zero time, January 1, year 1, 00:00:00 UTC.
ZERO_UNIX_NANO = -62135596800 * 1_000_000_000


def zero_time() -> GoTime:
    """Go's zero time.Time."""
    return GoTime(datetime.datetime(1, 1, 1, tzinfo=_UTC), 0, UTC)


# -- Go layouts ----------------------------------------------------------------

_STD_CHUNKS = (
    "January",
    "Jan",
    "Monday",
    "Mon",
    "MST",
    "2006",
    "002",
    "__2",
    "_2",
    "01",
    "02",
    "03",
    "04",
    "05",
    "06",
    "15",
    "1",
    "2",
    "3",
    "4",
    "5",
    "PM",
    "pm",
    "-07:00:00",
    "-070000",
    "-07:00",
    "-0700",
    "-07",
    "Z07:00:00",
    "Z070000",
    "Z07:00",
    "Z0700",
    "Z07",
)


def _next_chunk(layout: str, i: int) -> tuple[str, int] | None:
    """The Go layout element starting at ``i`` and its length, as Go's
    nextStdChunk finds them; None if a literal character is there."""
    rest = layout[i:]
    if rest.startswith("Jan"):
        if rest.startswith("January"):
            return "January", 7
        if not rest[3:4].islower() or not rest[3:4].isascii():
            return "Jan", 3
    if rest.startswith("Mon"):
        if rest.startswith("Monday"):
            return "Monday", 6
        if not rest[3:4].islower() or not rest[3:4].isascii():
            return "Mon", 3
    if rest.startswith("MST"):
        return "MST", 3
    if rest[:1] == "0":
        if rest[1:2] in ("1", "2", "3", "4", "5", "6") and rest[1:2]:
            return rest[:2], 2
        if rest.startswith("002"):
            return "002", 3
    if rest[:1] == "1":
        return ("15", 2) if rest.startswith("15") else ("1", 1)
    if rest[:1] == "2":
        return ("2006", 4) if rest.startswith("2006") else ("2", 1)
    if rest[:1] == "_":
        if rest.startswith("_2"):
            if rest.startswith("_2006"):
                return None  # a literal "_" before the year
            return "_2", 2
        if rest.startswith("__2"):
            return "__2", 3
    if rest[:1] in ("3", "4", "5"):
        return rest[:1], 1
    if rest.startswith("PM") or rest.startswith("pm"):
        return rest[:2], 2
    if rest[:1] in ("-", "Z"):
        for chunk in ("07:00:00", "070000", "07:00", "0700", "07"):
            if rest[1:].startswith(chunk):
                return rest[0] + chunk, 1 + len(chunk)
    if rest[:1] in (".", ",") and rest[1:2] in ("0", "9"):
        digit = rest[1]
        j = 1
        while j < len(rest) and rest[j] == digit:
            j += 1
        if not rest[j : j + 1].isdigit():
            return rest[:j], j
    return None


def go_format(moment: GoTime, layout: str) -> str:
    """Go's Time.Format with a layout of Go's reference time."""
    wall = moment.wall()
    out: list[str] = []
    i = 0
    while i < len(layout):
        found = _next_chunk(layout, i)
        if found is None:
            out.append(layout[i])
            i += 1
            continue
        chunk, length = found
        out.append(_format_chunk(moment, wall, chunk))
        i += length
    return "".join(out)


def _format_zone(offset: int, chunk: str) -> str:
    if chunk.startswith("Z") and offset == 0:
        return "Z"
    sign = "-" if offset < 0 else "+"
    minutes, seconds = divmod(abs(offset), 60)
    hours, minutes = divmod(minutes, 60)
    colon = ":" if ":" in chunk else ""
    text = f"{sign}{hours:02d}"
    body = chunk[1:]
    if body in ("07:00", "0700", "07:00:00", "070000"):
        text += f"{colon}{minutes:02d}"
    if body in ("07:00:00", "070000"):
        text += f"{colon}{seconds:02d}"
    return text


def _format_chunk(moment: GoTime, wall: datetime.datetime, chunk: str) -> str:
    hour12 = wall.hour % 12 or 12
    simple = {
        "January": lambda: MONTHS[wall.month - 1],
        "Jan": lambda: MONTHS[wall.month - 1][:3],
        "Monday": lambda: DAYS[(wall.weekday() + 1) % 7],
        "Mon": lambda: DAYS[(wall.weekday() + 1) % 7][:3],
        "2006": lambda: _long_year(wall.year),
        "06": lambda: f"{wall.year % 100:02d}",
        "01": lambda: f"{wall.month:02d}",
        "1": lambda: str(wall.month),
        "02": lambda: f"{wall.day:02d}",
        "2": lambda: str(wall.day),
        "_2": lambda: f"{wall.day:>2d}",
        "002": lambda: f"{moment.YearDay():03d}",
        "__2": lambda: f"{moment.YearDay():>3d}",
        "15": lambda: f"{wall.hour:02d}",
        "03": lambda: f"{hour12:02d}",
        "3": lambda: str(hour12),
        "04": lambda: f"{wall.minute:02d}",
        "4": lambda: str(wall.minute),
        "05": lambda: f"{wall.second:02d}",
        "5": lambda: str(wall.second),
        "PM": lambda: "PM" if wall.hour >= 12 else "AM",
        "pm": lambda: "pm" if wall.hour >= 12 else "am",
    }
    if chunk in simple:
        return simple[chunk]()
    if chunk == "MST":
        name = moment.zone_name()
        if name:
            return name
        minutes = moment.offset() // 60
        sign = "-" if minutes < 0 else "+"
        hours, rest = divmod(abs(minutes), 60)
        return f"{sign}{hours:02d}{rest:02d}"
    if chunk[0] in "-Z":
        return _format_zone(moment.offset(), chunk)
    # fractional seconds: .000 always, .999 without trailing zeros
    digits = f"{moment.Nanosecond():09d}"[: len(chunk) - 1]
    if chunk[1] == "9":
        digits = digits.rstrip("0")
        return chunk[0] + digits if digits else ""
    return chunk[0] + digits


def _long_year(year: int) -> str:
    return f"{year:04d}" if year >= 0 else f"-{-year:04d}"


# Hugo's own layouts (go-locales' English): dates as Go layouts, times
# by ``_locale_time`` (its hour is 0 at midnight, 12 at noon).
HUGO_LAYOUTS = {
    ":date_full": "Monday, January 2, 2006",
    ":date_long": "January 2, 2006",
    ":date_medium": "Jan 2, 2006",
    ":date_short": "1/2/06",
}
_LOCALE_TIMES = (":time_full", ":time_long", ":time_medium", ":time_short")


def _locale_time(moment: GoTime, layout: str) -> str:
    wall = moment.wall()
    hour = wall.hour - 12 if wall.hour > 12 else wall.hour
    text = f"{hour}:{wall.minute:02d}"
    if layout != ":time_short":
        text += f":{wall.second:02d}"
    text += " am" if wall.hour < 12 else " pm"
    if layout == ":time_long":
        text += " " + moment.zone_name()
    elif layout == ":time_full":
        text += " " + ZONE_NAMES.get(moment.zone_name(), moment.zone_name())
    return text


def hugo_format(moment: GoTime, layout: str) -> str:
    """Hugo's TimeFormatter: a Go layout or one of Hugo's ``:date_...``
    and ``:time_...`` names, in English."""
    if layout in _LOCALE_TIMES:
        return _locale_time(moment, layout)
    return go_format(moment, HUGO_LAYOUTS.get(layout, layout))


# go-locales' English names of time zones, for ``:time_full``.
ZONE_NAMES = {
    "ACDT": "Australian Central Daylight Time",
    "ACST": "Australian Central Standard Time",
    "ACWDT": "Australian Central Western Daylight Time",
    "ACWST": "Australian Central Western Standard Time",
    "ADT": "Atlantic Daylight Time",
    "AEDT": "Australian Eastern Daylight Time",
    "AEST": "Australian Eastern Standard Time",
    "AKDT": "Alaska Daylight Time",
    "AKST": "Alaska Standard Time",
    "ARST": "Argentina Summer Time",
    "ART": "Argentina Standard Time",
    "AST": "Atlantic Standard Time",
    "AWDT": "Australian Western Daylight Time",
    "AWST": "Australian Western Standard Time",
    "BOT": "Bolivia Time",
    "BT": "Bhutan Time",
    "CAT": "Central Africa Time",
    "CDT": "Central Daylight Time",
    "CHADT": "Chatham Daylight Time",
    "CHAST": "Chatham Standard Time",
    "CLST": "Chile Summer Time",
    "CLT": "Chile Standard Time",
    "COST": "Colombia Summer Time",
    "COT": "Colombia Standard Time",
    "CST": "Central Standard Time",
    "ChST": "Chamorro Standard Time",
    "EAT": "East Africa Time",
    "ECT": "Ecuador Time",
    "EDT": "Eastern Daylight Time",
    "EST": "Eastern Standard Time",
    "GFT": "French Guiana Time",
    "GMT": "Greenwich Mean Time",
    "GYT": "Guyana Time",
    "HADT": "Hawaii-Aleutian Daylight Time",
    "HAST": "Hawaii-Aleutian Standard Time",
    "HAT": "Newfoundland Daylight Time",
    "HECU": "Cuba Daylight Time",
    "HEEG": "East Greenland Summer Time",
    "HENOMX": "Northwest Mexico Daylight Time",
    "HEOG": "West Greenland Summer Time",
    "HEPM": "St. Pierre & Miquelon Daylight Time",
    "HEPMX": "Mexican Pacific Daylight Time",
    "HKST": "Hong Kong Summer Time",
    "HKT": "Hong Kong Standard Time",
    "HNCU": "Cuba Standard Time",
    "HNEG": "East Greenland Standard Time",
    "HNNOMX": "Northwest Mexico Standard Time",
    "HNOG": "West Greenland Standard Time",
    "HNPM": "St. Pierre & Miquelon Standard Time",
    "HNPMX": "Mexican Pacific Standard Time",
    "HNT": "Newfoundland Standard Time",
    "IST": "India Standard Time",
    "JDT": "Japan Daylight Time",
    "JST": "Japan Standard Time",
    "LHDT": "Lord Howe Daylight Time",
    "LHST": "Lord Howe Standard Time",
    "MDT": "Mountain Daylight Time",
    "MESZ": "Central European Summer Time",
    "MEZ": "Central European Standard Time",
    "MST": "Mountain Standard Time",
    "MYT": "Malaysia Time",
    "NZDT": "New Zealand Daylight Time",
    "NZST": "New Zealand Standard Time",
    "OESZ": "Eastern European Summer Time",
    "OEZ": "Eastern European Standard Time",
    "PDT": "Pacific Daylight Time",
    "PST": "Pacific Standard Time",
    "SAST": "South Africa Standard Time",
    "SGT": "Singapore Standard Time",
    "SRT": "Suriname Time",
    "TMST": "Turkmenistan Summer Time",
    "TMT": "Turkmenistan Standard Time",
    "UYST": "Uruguay Summer Time",
    "UYT": "Uruguay Standard Time",
    "VET": "Venezuela Time",
    "WARST": "Western Argentina Summer Time",
    "WART": "Western Argentina Standard Time",
    "WAST": "West Africa Summer Time",
    "WAT": "West Africa Standard Time",
    "WESZ": "Western European Summer Time",
    "WEZ": "Western European Standard Time",
    "WIB": "Western Indonesia Time",
    "WIT": "Eastern Indonesia Time",
    "WITA": "Central Indonesia Time",
}


# -- reading times ---------------------------------------------------------------

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
        found = _next_chunk(layout, j)
        if found is not None:
            return j, found
    return len(layout), None


def go_parse(layout: str, value: str, default: Location) -> GoTime:
    """Go's time.Parse with a default location (time.ParseInLocation's
    rules for a zone given by name or offset), on a machine set to UTC."""
    year, month, day, yday = 0, -1, -1, -1
    hour = minute = second = nsec = 0
    am = pm = False
    zone: Location | None = None
    offset: int | None = None
    zone_name = ""
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
        if chunk == "06":
            if len(value) < 2 or not value[:2].isdigit():
                raise _Bad()
            year, value = int(value[:2]), value[2:]
            year += 1900 if year >= 69 else 2000
        elif chunk == "2006":
            if len(value) < 4 or not value[:4].isdigit():
                raise _Bad()
            year, value = int(value[:4]), value[4:]
        elif chunk in ("Jan", "January"):
            names = [name[:3] for name in MONTHS] if chunk == "Jan" else MONTHS
            month, value = _lookup(names, value)
            month += 1
        elif chunk in ("1", "01"):
            month, value = _getnum(value, chunk == "01")
            if not 1 <= month <= 12:
                raise _Bad()
        elif chunk in ("Mon", "Monday"):
            names = [name[:3] for name in DAYS] if chunk == "Mon" else DAYS
            _, value = _lookup(names, value)
        elif chunk in ("2", "_2", "02"):
            if chunk == "_2" and value[:1] == " ":
                value = value[1:]
            day, value = _getnum(value, chunk == "02")
        elif chunk in ("__2", "002"):
            if chunk == "__2":
                value = value[2:] if value[:2] == "  " else value.removeprefix(" ")
            yday, value = _getnum(value, chunk == "002", 3)
        elif chunk == "15":
            hour, value = _getnum(value, False)
            if not 0 <= hour < 24:
                raise _Bad()
        elif chunk in ("3", "03"):
            hour, value = _getnum(value, chunk == "03")
            if not 0 <= hour <= 12:
                raise _Bad()
        elif chunk in ("4", "04"):
            minute, value = _getnum(value, chunk == "04")
            if not 0 <= minute < 60:
                raise _Bad()
        elif chunk in ("5", "05"):
            second, value = _getnum(value, chunk == "05")
            if not 0 <= second < 60:
                raise _Bad()
            # A fraction the layout does not ask for is read all the same.
            _, following = _find_chunk(layout, i)
            asked = following is not None and following[0][0] in ".,"
            if (
                len(value) >= 2
                and value[0] in ".,"
                and value[1].isdigit()
                and not asked
            ):
                n = 2
                while n < len(value) and value[n].isdigit():
                    n += 1
                nsec, value = _nanoseconds(value, n), value[n:]
        elif chunk in ("PM", "pm"):
            marks = ("PM", "AM") if chunk == "PM" else ("pm", "am")
            if value[:2] not in marks:
                raise _Bad()
            pm, am = value[:2] == marks[0], value[:2] == marks[1]
            value = value[2:]
        elif chunk[0] in "-Z":
            if chunk in ("Z0700", "Z07", "Z07:00") and value[:1] == "Z":
                zone, value = UTC, value[1:]
                continue
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
            offset = -offset if sign == "-" else offset
        elif chunk == "MST":
            if value.startswith("UTC"):
                zone, value = UTC, value[3:]
                continue
            n = _zone_name_length(value)
            if not n:
                raise _Bad()
            zone_name, value = value[:n], value[n:]
        elif chunk[1] == "0":  # .000: exactly that many digits
            width = len(chunk)
            if len(value) < width:
                raise _Bad()
            nsec, value = _nanoseconds(value, width), value[width:]
        else:  # .999: any digits, or none
            if len(value) >= 2 and value[0] in ".," and value[1].isdigit():
                n = 1
                while n < len(value) and value[n].isdigit():
                    n += 1
                nsec, value = _nanoseconds(value, n), value[n:]
    if pm and hour < 12:
        hour += 12
    elif am and hour == 12:
        hour = 0
    if yday >= 0:
        leap = _days_in(2, year) == 29
        if yday < 1 or yday > (366 if leap else 365):
            raise _Bad()
        moment = datetime.date(max(year, 1), 1, 1) + datetime.timedelta(yday - 1)
        if month >= 0 and month != moment.month or day >= 0 and day != moment.day:
            raise _Bad()
        month, day = moment.month, moment.day
    else:
        month = 1 if month < 0 else month
        day = 1 if day < 0 else day
    if not 1 <= day <= _days_in(month, year) or year < 1:
        raise _Bad()
    wall = (year, month, day, hour, minute, second, nsec)
    if zone is not None:
        return GoTime.in_location(*wall, zone)
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


def build_time() -> GoTime:
    """``now`` for this build: SOURCE_DATE_EPOCH if set, else the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return GoTime.unix(int(epoch))
    now = _clock.time_ns()
    return GoTime.unix(now // 1_000_000_000, now % 1_000_000_000)


class TimeNamespace:
    """``time``: reading, formatting and measuring times."""

    GO_TYPE = "*time.Namespace"

    def __init__(self, bindings: SiteBindings) -> None:
        self._location = UTC
        self._now = build_time()

    def AsTime(self, value: Any, *location: Any) -> GoTime:  # noqa: N802
        where = self._location
        if location:
            where = load_location(to_string(location[0]))
        return as_time(value, where)

    def Format(self, layout: Any, value: Any) -> str:  # noqa: N802 (Go's name)
        layout = to_string(layout)
        moment = as_time(value, self._location)
        return hugo_format(moment, layout)

    def Now(self) -> GoTime:  # noqa: N802 (Go's name)
        return self._now

    def ParseDuration(self, value: Any) -> Duration:  # noqa: N802 (Go's name)
        return parse_duration(to_string(value))

    def Duration(self, unit: Any, number: Any) -> Duration:  # noqa: N802
        name = to_string(unit)
        sizes = {
            "nanosecond": 1,
            "microsecond": 1_000,
            "millisecond": 1_000_000,
            "second": 1_000_000_000,
            "minute": 60_000_000_000,
            "hour": 3_600_000_000_000,
            **{key: value for key, value in _UNITS.items() if key != "μs"},
        }
        if name not in sizes:
            raise ValueError(f"{go_quote(name)} is not a valid duration unit")
        return Duration(to_int(number) * sizes[name])


def functions(bindings: SiteBindings) -> dict[str, Callable[..., Any]]:
    """``time`` (the namespace, or AsTime with arguments) and its short
    names, as in Hugo's tpl/time/init.go."""
    namespace = TimeNamespace(bindings)

    def time(*args: Any) -> Any:
        if not args:
            return namespace
        if len(args) > 2:
            raise ValueError(
                "Invalid arguments supplied to `time`. Refer to time "
                "documentation: https://gohugo.io/functions/time/"
            )
        return namespace.AsTime(*args)

    return {
        "time": time,
        "dateFormat": namespace.Format,
        "now": namespace.Now,
        "duration": namespace.Duration,
    }
