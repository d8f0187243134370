"""Build a Pelican site all or nothing.

Pelican writes into its output folder as it goes and, by default, carries on
(and exits 0) after an error. Here the site is built into a hidden folder beside
the output; only a build that logged no error replaces the output, in one rename.
A failed build leaves the previous output exactly as it was.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

STAGING_PREFIX = ".{name}.building-"
RETIRED_PREFIX = ".{name}.old-"


class BuildError(Exception):
    """The site did not build; the output folder was not touched.

    ``summary`` is one line for a person; ``problems`` are the errors the
    build logged (already shown to whoever watches the log).
    """

    def __init__(self, summary: str, problems: list[str] | None = None) -> None:
        self.summary = summary
        self.problems = list(problems or [])
        super().__init__(summary)

    def __str__(self) -> str:
        return "\n  ".join([self.summary, *self.problems])


@dataclass
class BuildResult:
    output: Path
    files: int
    seconds: float


class _ErrorCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build(
    settings_file: str | os.PathLike,
    output: str | os.PathLike | None = None,
    overrides: dict[str, Any] | None = None,
) -> BuildResult:
    """Build the site of ``settings_file`` into ``output`` (default: its OUTPUT_PATH).

    Raises BuildError when Pelican fails or logs an error.
    """
    # Pelican is imported here, not at module level: `invoke --list` and the
    # serve task do not need it (it is most of a small build's time).
    from pelican import Pelican
    from pelican.settings import read_settings

    started = time.perf_counter()
    try:
        settings = read_settings(str(settings_file), override=dict(overrides or {}))
    except Exception as error:  # the settings file is Python: anything can fail
        raise BuildError(
            f"{settings_file}: the settings could not be read: "
            f"{type(error).__name__}: {error}"
        ) from None
    target = Path(output or settings["OUTPUT_PATH"]).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(
        tempfile.mkdtemp(
            prefix=STAGING_PREFIX.format(name=target.name), dir=target.parent
        )
    )
    settings["OUTPUT_PATH"] = str(staging)

    errors = _ErrorCounter()
    root = logging.getLogger()
    root.addHandler(errors)
    try:
        Pelican(settings).run()
    except Exception as error:  # Pelican and plugins raise anything at all
        logger.error("%s: %s", type(error).__name__, error)
    finally:
        root.removeHandler(errors)

    if errors.messages:
        shutil.rmtree(staging, ignore_errors=True)
        count = len(errors.messages)
        raise BuildError(
            f"the build logged {count} error{'s' if count > 1 else ''}, "
            f"so {target} was left as it was",
            errors.messages,
        )

    _replace(target, staging)
    files = sum(len(names) for _, _, names in os.walk(target))
    return BuildResult(target, files, time.perf_counter() - started)


def watched_paths(settings_file: str | os.PathLike) -> list[Path]:
    """What a rebuild depends on: the settings file, content, theme and plugins."""
    from pelican.settings import read_settings

    settings = read_settings(str(settings_file))
    paths = [
        Path(settings_file),
        Path(settings["PATH"]),
        Path(settings["THEME"]),
        *(Path(path) for path in settings.get("THEME_TEMPLATES_OVERRIDES", [])),
        *(Path(path) for path in settings.get("PLUGIN_PATHS", [])),
    ]
    return [path.resolve() for path in paths if path.exists()]


def configure_logging(level: int = logging.WARNING) -> None:
    """Log to stderr one line a message, ``file:line: text`` first for errors.

    Pelican's own handler wraps long lines into columns, which splits the
    file name from its line number.
    """
    logging.basicConfig(level=level, format="%(levelname)s %(message)s")


def _replace(target: Path, staging: Path) -> None:
    """Put ``staging`` where ``target`` is, with the old target removed after."""
    retired = None
    if target.exists():
        retired = target.with_name(
            RETIRED_PREFIX.format(name=target.name) + uuid.uuid4().hex[:8]
        )
        target.rename(retired)
    staging.rename(target)
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)


def clean(output: str | os.PathLike) -> list[Path]:
    """Remove ``output`` and any leftover staging folders beside it."""
    target = Path(output).resolve()
    removed = []
    leftovers = [
        *target.parent.glob(STAGING_PREFIX.format(name=target.name) + "*"),
        *target.parent.glob(RETIRED_PREFIX.format(name=target.name) + "*"),
    ]
    for path in [target, *leftovers]:
        if path.exists():
            shutil.rmtree(path)
            removed.append(path)
    return removed
