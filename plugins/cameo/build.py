"""Build a Pelican site all or nothing.

Pelican writes into its output folder as it goes and, by default, carries on
(and exits 0) after an error. Here nothing reaches the output folder until the
whole build has finished without an error; a failed build leaves the previous
output exactly as it was. There are two ways to get there:

- First build (no output yet, or the last update of it was cut short): the
  site is built into a hidden folder beside the output, which then takes the
  output's place in one rename.
- Later builds: pages are rendered into memory and the other files Pelican
  writes (static files, sitemap) into a staging folder kept in CACHE_PATH, so
  its sub-folders already exist. Once the build has succeeded, only the files
  that differ from the output are written, and the ones no longer produced
  are removed. After one edit that is a few files, not the whole site:
  creating a thousand folders and files was most of a rebuild's time.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

STAGING_PREFIX = ".{name}.building-"
RETIRED_PREFIX = ".{name}.old-"
# Beside the output while it is being updated; a build that finds it starts
# from nothing, as the update before was cut short.
UPDATING = ".{name}.updating"


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
    changed: int | None = None  # files written or removed; None: all were new


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
    home = _staging_home(settings, target)
    with _one_build_at_a_time(home):
        return _build(settings, target, home, started)


def _build(
    settings: dict[str, Any], target: Path, home: Path, started: float
) -> BuildResult:
    """Build into ``target``, staging in ``home`` when updating it in place."""
    updating = target.with_name(UPDATING.format(name=target.name))
    if target.is_dir() and not updating.exists():
        staging = home
        staging.mkdir(parents=True, exist_ok=True)
        _empty(staging)
        rendered: dict[str, str] | None = {}
    else:
        staging = Path(
            tempfile.mkdtemp(
                prefix=STAGING_PREFIX.format(name=target.name), dir=target.parent
            )
        )
        rendered = None
    settings["OUTPUT_PATH"] = str(staging)

    errors = _ErrorCounter()
    root = logging.getLogger()
    root.addHandler(errors)
    try:
        _pelican(settings, rendered).run()
    except Exception as error:  # Pelican and plugins raise anything at all
        logger.error("%s: %s", type(error).__name__, error)
    finally:
        root.removeHandler(errors)

    if errors.messages:
        if rendered is None:
            shutil.rmtree(staging, ignore_errors=True)
        else:
            _empty(staging)
        count = len(errors.messages)
        raise BuildError(
            f"the build logged {count} error{'s' if count > 1 else ''}, "
            f"so {target} was left as it was",
            errors.messages,
        )

    changed = None
    if rendered is None:
        _replace(target, staging)
        updating.unlink(missing_ok=True)
    else:
        updating.touch()
        try:
            changed = _update(target, staging, rendered)
        except OSError as error:  # a full disk, a file another program holds
            raise BuildError(
                f"{target} could not be updated ({error}); it may hold old and "
                "new files until the next build, which writes it whole"
            ) from None
        updating.unlink()
    files = sum(len(names) for _, _, names in os.walk(target))
    return BuildResult(target, files, time.perf_counter() - started, changed)


def _pelican(settings: dict[str, Any], rendered: dict[str, str] | None):
    """Pelican, whose pages go into ``rendered`` (path -> text) when it is a
    dict. When a plugin brings a writer of its own, that writer is used and
    everything goes to the staging folder on disk."""
    from pelican import Pelican, signals

    pelican = Pelican(settings)  # loads the plugins
    if rendered is not None and not signals.get_writer.receivers:
        writer = _keeping_writer(pelican.output_path, settings, rendered)
        pelican._get_writer = lambda: writer  # Pelican asks for it once a run
    return pelican


def _keeping_writer(output_path: str, settings: dict[str, Any], kept: dict[str, str]):
    from pelican import writers
    from pelican.writers import Writer

    # Pelican 4.11.0 raises a plain RuntimeError; later versions a subclass.
    overwrite_error = getattr(writers, "FileOverwriteFailedError", RuntimeError)

    class KeepingWriter(Writer):
        """Pelican's writer, keeping each file's text instead of writing it.

        Replaces Writer._open_w, the one place where Pelican 4 opens an
        output file, keeping its rules for a file written twice."""

        def _open_w(self, filename, encoding, override=False):
            if filename in self._overridden_files:
                if override:
                    raise overwrite_error(
                        f"Failed to overwrite {filename!r} a second time"
                    )
                return io.StringIO()  # the first override stands
            if filename in self._written_files and not override:
                raise overwrite_error(
                    f"Failed to overwrite {filename!r}, written before in this build"
                )
            if override:
                self._overridden_files.add(filename)
            self._written_files.add(filename)
            return _KeptText(kept, filename)

    return KeepingWriter(output_path, settings=settings)


class _KeptText(io.StringIO):
    def __init__(self, store: dict[str, str], key: str) -> None:
        super().__init__()
        self._store, self._key = store, key

    def close(self) -> None:
        if not self.closed:
            self._store[self._key] = self.getvalue()
        super().close()


def _staging_home(settings: dict[str, Any], target: Path) -> Path:
    """The staging folder for ``target`` that lives on between builds."""
    key = hashlib.sha256(str(target).encode("utf-8")).hexdigest()[:16]
    return Path(settings["CACHE_PATH"]).resolve() / "cameo-staging" / key


@contextlib.contextmanager
def _one_build_at_a_time(staging: Path) -> Iterator[None]:
    """Hold a lock for one output folder (live reload and `invoke build` in
    another terminal take turns), where the system has ``fcntl``; the lock
    goes with the process, so a killed build leaves none behind."""
    try:
        import fcntl
    except ImportError:  # Windows: builds of one folder are not serialised
        yield
        return
    staging.parent.mkdir(parents=True, exist_ok=True)
    with open(staging.with_name(staging.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _empty(folder: Path) -> None:
    """Remove the files under ``folder``, keeping its sub-folders."""
    for parent, _, names in os.walk(folder):
        for name in names:
            os.unlink(os.path.join(parent, name))


def _update(target: Path, staging: Path, rendered: dict[str, str]) -> int:
    """Make ``target`` hold exactly what the build produced, writing only the
    files that differ; returns how many files were written or removed."""
    produced: set[str] = set()
    changed = 0
    for path, text in rendered.items():
        relative = os.path.relpath(path, staging)
        produced.add(relative)
        changed += _put(target / relative, text.encode("utf-8"), target)
    for parent, _, names in os.walk(staging):
        for name in names:
            source = os.path.join(parent, name)
            relative = os.path.relpath(source, staging)
            produced.add(relative)
            destination = target / relative
            if _same_bytes(source, destination):
                os.unlink(source)
            else:
                _make_room(destination, target)
                shutil.move(source, destination)
                changed += 1
    for parent, _, names in os.walk(target, topdown=False):
        for name in names:
            path = os.path.join(parent, name)
            if os.path.relpath(path, target) not in produced:
                os.unlink(path)
                changed += 1
        if parent != str(target) and not os.listdir(parent):
            os.rmdir(parent)
    return changed


def _put(path: Path, data: bytes, target: Path) -> int:
    """Write ``data`` to ``path`` unless it holds exactly that; 1 if written."""
    if path.is_file() and path.stat().st_size == len(data):
        if path.read_bytes() == data:
            return 0
    _make_room(path, target)
    part = path.with_name(f"{path.name}.{os.getpid()}.cameo-part")
    part.write_bytes(data)
    os.replace(part, path)
    return 1


def _make_room(path: Path, target: Path) -> None:
    """Clear the way for a file at ``path`` inside ``target``: an older build
    may have left a folder there, or a file where one of its folders goes."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        folder = target
        for part in path.parent.relative_to(target).parts:
            folder = folder / part
            if folder.exists() and not folder.is_dir():
                folder.unlink()
                break
        path.parent.mkdir(parents=True, exist_ok=True)


def _same_bytes(first: str, second: Path) -> bool:
    if not second.is_file() or os.path.getsize(first) != second.stat().st_size:
        return False
    with open(first, "rb") as one, open(second, "rb") as other:
        return one.read() == other.read()


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
        target.with_name(UPDATING.format(name=target.name)),
    ]
    for path in [target, *leftovers]:
        if path.is_dir():
            shutil.rmtree(path)
            removed.append(path)
        elif path.exists():
            path.unlink()
            removed.append(path)
    return removed
