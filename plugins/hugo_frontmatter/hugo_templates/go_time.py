"""Go's time package as Hugo's templates see it: ``GoTime`` (time.Time),
``Duration``, ``Month``, ``Weekday``, ``Location``, and ``go_format``
(Time.Format with Go's reference layouts). They print and answer as Go's
values do, so ``{{ .Date }}`` and ``{{ .Date.Year }}`` read as in Hugo.
Reading text as a time is ``go_timeparse``."""

from __future__ import annotations

import datetime
import logging
import re
import zoneinfo
from typing import Any

from ..gotemplate.gofmt import go_quote
from .gocast import to_string

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


# Go's duration units (time.ParseDuration), in nanoseconds.
UNITS = {
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
        if unit not in UNITS:
            raise ValueError(
                f"time: unknown unit {go_quote(unit)} in duration {go_quote(original)}"
            )
        size = UNITS[unit]
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

    def MarshalJSON(self) -> str:  # noqa: N802 (Go's name)
        """Go's Time.MarshalJSON, which html/template uses in a script."""
        return '"' + self.Format("2006-01-02T15:04:05.999999999Z07:00") + '"'

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


def next_chunk(layout: str, i: int) -> tuple[str, int] | None:
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
        found = next_chunk(layout, i)
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
