"""What a publish target is: the interface `invoke publish` deploys through.

A target lives in one module and hands the registry in ``publish.py`` one
``Target``: its name, the extra that installs what it imports, its options
with their defaults and checks, a pre-flight run before the build (so that a
wrong remote costs no build), and ``deploy``, which returns a ``Report``.
``publish.py`` reads options, flags and settings for every target alike, so
adding one (rsync over SSH, say; docs/publishing.md shows it) is a new
module and one line in the registry.
"""

from __future__ import annotations

import math
import reprlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import PublishError
from .progress import Progress

# An option's test, and what to write instead when a value fails it.
Check = tuple[Callable[[Any], bool], str]
# A number option: (whole number?, lowest, highest or None).
NumberRange = tuple[bool, float, float | None]


@dataclass(frozen=True)
class Report:
    """What a deployment did, for a person: ``message`` is printed, and
    ``changed`` says whether anything at the target changed (False for a dry
    run and for a republish of the same site)."""

    message: str
    changed: bool


@dataclass(frozen=True)
class Target:
    """One place a site can be published to.

    - ``needs``: (module imported, extra that installs it, what for), checked
      before the build (``errors.import_extra``).
    - ``defaults``: every option and its default; ``checks`` and ``numbers``
      test each (a flag's text or a setting's value) before the build.
    - ``example``: a dict of options for the error that shows one.
    - ``preflight(options, repo)``: raises PublishError before the build.
    - ``deploy(site, options, repo, dry_run, progress)``: publishes the built
      folder ``site`` and returns a Report; raises PublishError.
    - ``flags``: options whose flag is not ``--the-name``;
      ``flag_wanted``: what a flag's text must be, where it differs from the
      setting's wording.
    """

    name: str
    needs: tuple[str, str, str]
    defaults: dict[str, Any]
    checks: dict[str, Check]
    example: str
    deploy: Callable[[Path, dict[str, Any], Path, bool, Progress], Report]
    preflight: Callable[[dict[str, Any], Path], None] = lambda options, repo: None
    numbers: dict[str, NumberRange] = field(default_factory=dict)
    flags: dict[str, str] = field(default_factory=dict)
    flag_wanted: dict[str, str] = field(default_factory=dict)

    def flag(self, option: str) -> str:
        """The command-line flag of ``option``."""
        return self.flags.get(option, "--" + option.replace("_", "-"))

    def check(self, option: str, value: Any, label: str) -> Any:
        """``value`` for ``option``, or a PublishError naming ``label`` and
        what to write instead."""
        if option in self.numbers:
            return check_number(label, value, self.numbers[option])
        test, wanted = self.checks[option]
        if not test(value):
            if label.startswith("--"):  # a flag's text, not Python
                wanted = self.flag_wanted.get(option, wanted.replace(" in quotes", ""))
            raise PublishError(f"{label} must be {wanted}, got {shown(value)}")
        return value


def shown(value: Any) -> str:
    """A wrong value as Python would write it, cut short to fit one line."""

    return reprlib.repr(value)


# The checks targets share.


def text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def text_or_none(value: Any) -> bool:
    return value is None or text(value)


def str_or_none(value: Any) -> bool:
    return value is None or isinstance(value, str)


def texts(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and all(map(text, value))


def yes_or_no(value: Any) -> bool:
    return isinstance(value, bool)


def check_number(label: str, value: Any, allowed: NumberRange) -> int | float:
    """``value`` (a flag's text or a setting's number) as a number in the
    ``allowed`` range, or a PublishError naming ``label`` and the range."""
    whole, low, high = allowed
    number = _as_number(value, whole)
    if number is None or number < low or (high is not None and number > high):
        if not whole:
            wanted = f"a number of seconds from {low:g} to {high:g}"
        elif high is None:
            wanted = f"a whole number, {low} or more"
        else:
            wanted = f"a whole number from {low} to {high}"
        raise PublishError(f"{label} must be {wanted}, got {value}")
    return int(number) if number == int(number) else number


def _as_number(value: Any, whole: bool) -> int | float | None:
    """``value`` as a finite number (a whole one when ``whole``), else None."""
    if isinstance(value, str):
        try:
            value = int(value.strip()) if whole else float(value.strip())
        except ValueError:
            return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if not math.isfinite(value) or (whole and value != int(value)):
        return None
    return value
