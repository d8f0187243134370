"""Build a Pelican site whole or not at all; clean its output; say what a
rebuild watches (and which changed files are the build's own).

Pelican writes into its output folder as it goes and, by default, carries on
(and exits 0) after an error. Here ``output/`` is only ever the previous
build or the new one, whole, whatever stops a build (an error, a signal, a
full disk):

- Pelican's writer keeps the pages in memory, and Pelican writes the other
  files into a staging folder kept in CACHE_PATH (pages_writer, staging).
- Once it has finished without an error, a new tree is put together in a
  hidden folder beside the output (assemble).
- The new tree and the output then trade places in one atomic step, and the
  old tree is removed (swap); a stop signal meanwhile waits (stop_signals).

A build that is stopped leaves at most a hidden folder beside the output,
which the next build removes. Only a folder check_output accepts is built
into or cleaned (output_checks); one build of a folder runs at a time
(build_lock).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .assemble import assemble
from .build_lock import one_build_at_a_time
from .errors import BuildError, ErrorCounter
from .output_checks import check_output, remember_output
from .pages_writer import pages_apart
from .progress import build_progress
from .settings import SettingsError, read_settings_file
from .staging import empty, staging_home, staging_trees
from .stop_signals import BuildInterrupted, StopSignals, stop_signals_raise
from .swap import (
    LEGACY_LEFTOVERS,
    NEXT_PREFIX,
    RETIRED_PREFIX,
    leftovers,
    removal,
    remove_leftovers,
    swap,
    wait_for_removals,
)

logger = logging.getLogger(__name__)


@dataclass
class BuildResult:
    output: Path
    files: int
    seconds: float
    changed: int | None = None  # files written or removed; None: all were new


def build(
    settings_file: str | os.PathLike,
    output: str | os.PathLike | None = None,
    overrides: dict[str, Any] | None = None,
    remove_old_in_background: bool = False,
) -> BuildResult:
    """Build the site of ``settings_file`` into ``output`` (default: its OUTPUT_PATH).

    Raises BuildError when Pelican fails or logs an error, when a file cannot
    be written, when ``output`` is not a folder a build may replace (see
    check_output), or when a signal stops the build; ``output`` is then as
    it was. With ``remove_old_in_background`` (live reload), the previous
    output is removed by a thread after this returns; the process waits for
    it before it exits, and the next build before it starts.
    """
    started = time.perf_counter()
    target = Path(output).resolve() if output else None
    # The stop signals are turned into one line from the start: reading the
    # settings imports Pelican, a good part of a small build's time.
    with stop_signals_raise() as stops:
        try:
            settings = read_settings(settings_file, overrides)
            target = Path(output or settings["OUTPUT_PATH"]).resolve()
            home = staging_home(settings, target)
            check_output(target, settings, settings_file)
            target.parent.mkdir(parents=True, exist_ok=True)
            with one_build_at_a_time(home, target):
                result = _build(settings, target, home, started, stops)
            if not remove_old_in_background:
                wait_for_removals()
            return result
        except BuildInterrupted as stop:
            if target is None:
                raise BuildError(
                    f"the build was interrupted ({stop}) before it began; "
                    "nothing was changed"
                ) from None
            raise BuildError(
                f"the build was interrupted ({stop}), so {target} was left as it was"
            ) from None
        except OSError as error:  # a read-only folder, a full disk
            raise BuildError(
                f"{_os_problem(error)}, so {target} was left as it was; "
                "free some space or fix the folder's permissions, then build again"
            ) from None


def read_settings(
    settings_file: str | os.PathLike, overrides: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Pelican's settings from ``settings_file`` with ``overrides``, or a
    BuildError naming the file and line that stopped Python (settings.py)."""
    try:
        return read_settings_file(settings_file, overrides)
    except SettingsError as error:
        raise BuildError(str(error)) from None


def _build(
    settings: dict[str, Any],
    target: Path,
    home: Path,
    started: float,
    stops: StopSignals,
) -> BuildResult:
    """Build into memory and ``home``, then put the result in ``target``."""
    remove_leftovers(target)
    if target.exists() and not target.is_dir():
        raise BuildError(f"{target} is a file, not a folder; move it away")
    files, pages = staging_trees(home)
    settings["OUTPUT_PATH"] = str(files)
    rendered: dict[str, str] = {}
    origins: dict[str, list[str]] = {}  # output path -> what wrote it
    problems = _run_pelican(settings, pages, rendered, origins)
    if problems:
        empty(files)
        empty(pages)
        count = len(problems)
        raise BuildError(
            f"the build logged {count} error{'s' if count > 1 else ''}, "
            f"so {target} was left as it was",
            problems,
        )

    following = target.with_name(
        NEXT_PREFIX.format(name=target.name) + uuid.uuid4().hex[:8]
    )
    try:
        logger.debug("putting the new output together in %s", following)
        count, changed = assemble(following, target, files, pages, rendered, origins)
        with stops.held():
            logger.debug("swapping %s and %s", following, target)
            swap(following, target)
    except BaseException as error:
        shutil.rmtree(following, ignore_errors=True)
        empty(files)
        empty(pages)
        if isinstance(error, OSError) and str(error.filename or "").startswith(
            str(following)
        ):  # name the place in the output, not the hidden folder
            error.filename = str(target) + str(error.filename)[len(str(following)) :]
        raise
    with contextlib.suppress(OSError):  # only a record: check_output's
        remember_output(home, target)
    # `following` now holds the previous output. Removing it is not part of
    # the build (a thousand folders take a fifth of a second): live reload
    # refreshes the browser meanwhile.
    removal(following)
    return BuildResult(target, count, time.perf_counter() - started, changed)


def _run_pelican(
    settings: dict[str, Any],
    pages: Path,
    rendered: dict[str, str],
    origins: dict[str, list[str]],
) -> list[str]:
    """Run Pelican, its pages kept apart (pages_apart); the errors logged
    meanwhile, an exception it raised among them: Pelican carries on after
    an error it logs, but such a build must not replace the output."""
    errors = ErrorCounter()
    root = logging.getLogger()
    root.addHandler(errors)
    try:
        with pages_apart(settings, pages, rendered, origins) as pelican:
            with build_progress(settings):  # after CAMEO_PROGRESS_AFTER seconds
                pelican.run()
    except Exception as error:  # Pelican and plugins raise anything at all
        logger.error("%s", _error_line(error))
    finally:
        root.removeHandler(errors)
    return errors.messages


# Errors whose text is written for a person (it names its file, line and
# what to do), so their class name is left out: those of our packages, as
# installed (pelican.plugins.NAME) or loaded from PLUGIN_PATHS (NAME), and
# the writer's overwrite error, whose text is pages_writer's.
SPEAKING_PACKAGES = frozenset({"hugo_frontmatter", "cameo", "cameo_tools"})
SPEAKING_MODULES = frozenset({"pelican.writers"})


def _error_line(error: Exception) -> str:
    """An error that stopped Pelican, as one line: the text alone where it
    speaks for itself, the class name before any other's."""
    module = type(error).__module__
    if module in SPEAKING_MODULES or SPEAKING_PACKAGES & set(module.split(".")):
        return str(error)
    return f"{type(error).__name__}: {error}"


def _os_problem(error: OSError) -> str:
    """``error`` as a short clause: what could not be done, where, and why."""
    where = f" {error.filename}" if error.filename else ""
    reason = error.strerror or str(error)
    return f"could not write{where}: {reason}"


def watched_paths(settings_file: str | os.PathLike) -> list[Path]:
    """What a rebuild depends on: the settings file, content, theme and plugins."""
    settings = read_settings(settings_file)
    paths = [
        Path(settings_file),
        Path(settings["PATH"]),
        Path(settings["THEME"]),
        *(Path(path) for path in settings.get("THEME_TEMPLATES_OVERRIDES", [])),
        *(Path(path) for path in settings.get("PLUGIN_PATHS", [])),
    ]
    return [path.resolve() for path in paths if path.exists()]


def unwatched(settings_file: str | os.PathLike, output: str | os.PathLike):
    """A test of whether a changed file is the build's own: in the output
    folder, the cache, or a folder a build leaves beside the output. A site
    whose content folder is its root (a migrated Hugo site) holds them, and
    a rebuild must not set off the next."""
    settings = read_settings(settings_file)
    target = Path(output).resolve()
    folders = [target, Path(settings["CACHE_PATH"]).resolve()]
    beside = tuple(
        prefix.format(name=target.name).rstrip("*")
        for prefix in (NEXT_PREFIX, RETIRED_PREFIX, *LEGACY_LEFTOVERS)
    )

    def is_the_builds(file: str) -> bool:
        path = Path(file).resolve()
        if any(path.is_relative_to(folder) for folder in folders):
            return True
        if not path.is_relative_to(target.parent) or path == target.parent:
            return False
        first = path.relative_to(target.parent).parts[0]
        return first.startswith(beside)

    return is_the_builds


def configure_logging(level: int = logging.WARNING) -> None:
    """Log to stderr one line a message, ``file:line: text`` first for errors.

    Pelican's own handler wraps long lines into columns, which splits the
    file name from its line number.
    """
    logging.basicConfig(level=level, format="%(levelname)s %(message)s")


def clean(
    output: str | os.PathLike, settings_file: str | os.PathLike | None = None
) -> list[Path]:
    """Remove ``output`` and whatever stopped builds left beside it, once
    check_output finds it is an output folder (with the settings of
    ``settings_file`` where it can be read)."""
    target = Path(output).resolve()
    settings = None
    if settings_file is not None and Path(settings_file).is_file():
        with contextlib.suppress(BuildError):  # a broken site is cleaned too
            settings = read_settings(settings_file)
    check_output(target, settings, settings_file, doing="remove")
    removed = []
    for path in [target, *leftovers(target)]:
        try:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, onerror=_not_removed)
                removed.append(path)
            elif path.exists() or path.is_symlink():
                path.unlink()
                removed.append(path)
        except OSError as error:  # a read-only folder
            _not_removed(None, error.filename or path, (type(error), error, None))
    return removed


def _not_removed(function: Any, path: str | os.PathLike, problem: tuple) -> None:
    """rmtree's ``onerror``: what could not be removed, as a BuildError."""
    error = problem[1]
    reason = getattr(error, "strerror", None) or error
    raise BuildError(
        f"could not remove {path}: {reason}; fix the folder's permissions, "
        "then clean again"
    )
