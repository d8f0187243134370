"""Hugo's ``time`` namespace: ``time``/``time.AsTime`` (text in the layouts
Hugo accepts, in a location), ``dateFormat``/``time.Format`` (Go layouts
such as ``Jan 2, 2006`` and Hugo's ``:date_long``, in English), ``now``,
``time.Duration``/``duration`` and ``time.ParseDuration``. The Go values
themselves (``GoTime``, ``Duration``) live in ``..go_time``, Go's time.Parse
in ``..go_timeparse``.

``now`` is reproducible: it is ``SOURCE_DATE_EPOCH`` when that is set (the
reproducible-builds convention), else the moment the site's functions were
made, the same for every template of the build; Hugo reads the clock at
each call."""

from __future__ import annotations

import logging
import os
import time as _clock
from collections.abc import Callable
from typing import Any

from ...gotemplate.gofmt import go_quote
from ..bindings import SiteBindings
from ..go_time import (
    UNITS,
    UTC,
    Duration,
    GoTime,
    go_format,
    load_location,
    parse_duration,
)
from ..go_timeparse import as_time
from ..gocast import to_int64, to_string

logger = logging.getLogger(__name__)

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
            **{key: value for key, value in UNITS.items() if key != "μs"},
        }
        if name not in sizes:
            raise ValueError(f"{go_quote(name)} is not a valid duration unit")
        return Duration(to_int64(number) * sizes[name])


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
