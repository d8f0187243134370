"""Build a Pelican site whole or not at all.

Pelican writes into its output folder as it goes and, by default, carries on
(and exits 0) after an error. Here ``output/`` is only ever the previous
build or the new one, whole, whatever stops a build (an error, a signal, a
full disk):

- Pelican's writer (given through the ``get_writer`` signal) keeps the
  pages in memory, and Pelican writes the other files (static files, theme
  assets, the sitemap) into a staging folder kept in CACHE_PATH; a page and
  another file at one path is an error, not an overwrite.
- Once it has finished without an error, a new tree is put together in a
  hidden folder beside the output: a file whose bytes are unchanged is a hard
  link to the output's file (no copy, its time kept), a changed one is
  written.
- The new tree and the output then trade places in one atomic step
  (``renameat2`` with ``RENAME_EXCHANGE`` on Linux; elsewhere two renames
  with signals held back), and the old tree is removed.

A build that is stopped leaves at most a hidden folder beside the output,
which the next build removes.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import filecmp
import functools
import hashlib
import io
import logging
import os
import shutil
import signal
import stat
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .progress import build_progress

logger = logging.getLogger(__name__)

# Hidden folders beside the output: the next tree while it is put together,
# and (where no atomic exchange exists) the previous output for a moment.
NEXT_PREFIX = ".{name}.next-"
RETIRED_PREFIX = ".{name}.old-"
# Left by earlier versions of this module; removed like the others.
LEGACY_LEFTOVERS = (".{name}.building-*", ".{name}.updating")
# Signals that stop a build with a message instead of a traceback.
STOP_SIGNALS = tuple(
    getattr(signal, name)
    for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT")
    if hasattr(signal, name)
)


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


class BuildInterrupted(BaseException):
    """A stop signal arrived during a build (a BaseException, like
    KeyboardInterrupt, so that Pelican's own ``except Exception`` lets it by)."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(signal.Signals(signum).name)


def build(
    settings_file: str | os.PathLike,
    output: str | os.PathLike | None = None,
    overrides: dict[str, Any] | None = None,
    remove_old_in_background: bool = False,
) -> BuildResult:
    """Build the site of ``settings_file`` into ``output`` (default: its OUTPUT_PATH).

    Raises BuildError when Pelican fails or logs an error, when a file cannot
    be written, or when a signal stops the build; ``output`` is then as it was.
    With ``remove_old_in_background`` (live reload), the previous output is
    removed by a thread after this returns; the process waits for it before
    it exits, and the next build before it starts.
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
    with _stop_signals_raise() as stops:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            home = _staging_home(settings, target)
            with _one_build_at_a_time(home):
                result = _build(settings, target, home, started, stops)
            if not remove_old_in_background:
                _wait_for_removals()
            return result
        except BuildInterrupted as stop:
            raise BuildError(
                f"the build was interrupted ({stop}), so {target} was left as it was"
            ) from None
        except OSError as error:  # a read-only folder, a full disk
            raise BuildError(
                f"{_os_problem(error)}, so {target} was left as it was; "
                "free some space or fix the folder's permissions, then build again"
            ) from None


def _build(
    settings: dict[str, Any],
    target: Path,
    home: Path,
    started: float,
    stops: _StopSignals,
) -> BuildResult:
    """Build into memory and ``home``, then put the result in ``target``."""
    _remove_leftovers(target)
    if target.exists() and not target.is_dir():
        raise BuildError(f"{target} is a file, not a folder; move it away")
    files, pages = _staging_trees(home)
    settings["OUTPUT_PATH"] = str(files)
    rendered: dict[str, str] = {}

    errors = _ErrorCounter()
    root = logging.getLogger()
    root.addHandler(errors)
    try:
        with _pages_apart(settings, pages, rendered) as pelican:
            with build_progress(settings):  # after CAMEO_PROGRESS_AFTER seconds
                pelican.run()
    except Exception as error:  # Pelican and plugins raise anything at all
        logger.error("%s: %s", type(error).__name__, error)
    finally:
        root.removeHandler(errors)

    if errors.messages:
        _empty(files)
        _empty(pages)
        count = len(errors.messages)
        raise BuildError(
            f"the build logged {count} error{'s' if count > 1 else ''}, "
            f"so {target} was left as it was",
            errors.messages,
        )

    following = target.with_name(
        NEXT_PREFIX.format(name=target.name) + uuid.uuid4().hex[:8]
    )
    try:
        logger.debug("putting the new output together in %s", following)
        count, changed = _assemble(following, target, files, pages, rendered)
        with stops.held():
            logger.debug("swapping %s and %s", following, target)
            _swap(following, target)
    except BaseException as error:
        shutil.rmtree(following, ignore_errors=True)
        _empty(files)
        _empty(pages)
        if isinstance(error, OSError) and str(error.filename or "").startswith(
            str(following)
        ):  # name the place in the output, not the hidden folder
            error.filename = str(target) + str(error.filename)[len(str(following)) :]
        raise
    # `following` now holds the previous output. Removing it is not part of
    # the build (a thousand folders take a fifth of a second): live reload
    # refreshes the browser meanwhile.
    _removal(following)
    return BuildResult(target, count, time.perf_counter() - started, changed)


@contextlib.contextmanager
def _pages_apart(
    settings: dict[str, Any], pages: Path, kept: dict[str, str]
) -> Iterator[Any]:
    """Pelican for ``settings``, whose writer keeps the pages (and feeds) apart
    from everything else, which goes to its output path: in ``kept`` (path ->
    text), or where that cannot be done, in the folder ``pages``.

    A receiver of the ``get_writer`` signal, for this Pelican alone, gives
    the writer. When a plugin brings a writer of its own, that one is used,
    and the pages go with everything else (two files at one path are then
    not caught here).
    """
    from pelican import Pelican, signals

    pelican = Pelican(settings)  # loads the plugins
    if signals.get_writer.has_receivers_for(pelican):
        yield pelican
        return
    writer = _pages_writer(pages, kept)

    def give_writer(sender):
        return writer

    signals.get_writer.connect(give_writer, sender=pelican)
    try:
        yield pelican
    finally:
        signals.get_writer.disconnect(give_writer, sender=pelican)


def _pages_writer(pages: Path, kept: dict[str, str]) -> type:
    """A Writer class: Pelican's, with ``pages`` as its output path; and,
    while Pelican's Writer has the method ``_open_w`` through which it opens
    every file it writes (Pelican 4.11 and 4.12), that method replaced to
    keep the text in ``kept`` instead.

    ``_open_w`` is the one private name of Pelican used here (see
    docs/development.md): writing the pages to disk instead costs 0.3 to
    0.5 s a rebuild of 1000 pages on an ordinary disk. Without it, the pages
    are written to ``pages`` and the build is as correct, only slower.
    """
    from pelican import writers
    from pelican.writers import Writer

    class PagesWriter(Writer):
        def __init__(self, output_path, settings=None):
            super().__init__(str(pages), settings=settings)

    if not callable(getattr(Writer, "_open_w", None)):
        return PagesWriter
    # Pelican 4.11.0 raises a plain RuntimeError; later versions a subclass.
    overwrite_error = getattr(writers, "FileOverwriteFailedError", RuntimeError)

    class KeepingWriter(PagesWriter):
        """Keeps each file's text, with Pelican's rules for a file written
        twice: an error, unless one (and only one) of the writes overrides;
        that one stands."""

        def __init__(self, output_path, settings=None):
            super().__init__(output_path, settings=settings)
            self.opened: set[str] = set()
            self.overridden: set[str] = set()

        def _open_w(self, filename, encoding, override=False):
            if filename in self.overridden:
                if override:
                    raise overwrite_error(
                        f"Failed to overwrite {filename!r} a second time"
                    )
                return io.StringIO()  # the first override stands
            if filename in self.opened and not override:
                raise overwrite_error(
                    f"Failed to overwrite {filename!r}, written before in this build"
                )
            if override:
                self.overridden.add(filename)
            self.opened.add(filename)
            return _KeptText(kept, filename)

    return KeepingWriter


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


STAGING_TREES = ("files", "pages")


def _staging_trees(home: Path) -> tuple[Path, Path]:
    """The two trees in ``home``, without files (their folders stay from one
    build to the next); whatever else is there (older versions staged
    straight into ``home``) is removed."""
    home.mkdir(parents=True, exist_ok=True)
    for entry in os.scandir(home):
        if entry.name not in STAGING_TREES:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
    trees = tuple(home / name for name in STAGING_TREES)
    for tree in trees:
        tree.mkdir(exist_ok=True)
        _empty(tree)
    return trees


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


def _assemble(
    following: Path,
    target: Path,
    files: Path,
    pages: Path,
    kept: dict[str, str],
) -> tuple[int, int | None]:
    """Put the new output together in ``following`` (created here) from the
    pages (``kept`` in memory, and any in the folder ``pages``) and the other
    ``files``; returns how many files it holds, and how many were written or
    removed against ``target`` (None when there was no output yet)."""
    previous = str(target) if target.is_dir() else None
    os.mkdir(following)  # with the umask's permissions, as any folder
    made = {str(following)}
    placed: set[str] = set()
    changed = 0

    def place(relative: str, data: bytes | None, source: str | None) -> None:
        nonlocal changed
        placed.add(relative)
        destination = os.path.join(following, relative)
        folder = os.path.dirname(destination)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        old = os.path.join(previous, relative) if previous else None
        if old and _holds(old, data, source):
            try:
                os.link(old, destination)  # unchanged: the same file, no copy
            except OSError:  # a file system without hard links
                shutil.copy2(old, destination)
            return
        changed += 1
        if data is not None:
            with open(destination, "wb") as handle:
                handle.write(data)
        else:
            shutil.move(source, destination)

    for path, text in kept.items():
        place(os.path.relpath(path, pages), text.encode("utf-8"), None)
    for source, relative in _files_in(pages):
        place(relative, None, source)
    written_pages = set(placed)
    for source, relative in _files_in(files):
        if relative in written_pages:
            raise BuildError(
                f"{relative} is both a page and another file (a static "
                "file, a theme asset or a plugin's); give the page "
                "another url or slug"
            )
        place(relative, None, source)
    _empty(pages)
    _empty(files)
    if previous is None:
        return len(placed), None
    for parent, _, names in os.walk(previous):
        for name in names:
            if os.path.relpath(os.path.join(parent, name), previous) not in placed:
                changed += 1  # removed
    return len(placed), changed


def _files_in(tree: Path) -> Iterator[tuple[str, str]]:
    """Each file below ``tree``: its path, and its path relative to ``tree``."""
    for parent, _, names in os.walk(tree):
        for name in names:
            source = os.path.join(parent, name)
            yield source, os.path.relpath(source, tree)


def _holds(path: str, data: bytes | None, source: str | None) -> bool:
    """Whether ``path`` is a plain file holding ``data`` (or the bytes of
    ``source``)."""
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode):
            return False
        if data is None:
            return filecmp.cmp(path, source, shallow=False)
        if info.st_size != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read() == data
    except OSError:
        return False


def _swap(following: Path, target: Path) -> None:
    """Make ``following`` the output and leave the previous output at
    ``following``'s name, in one step where the system allows it."""
    if not target.exists():
        following.rename(target)
        return
    if _exchange(following, target):
        return
    # Two renames: between them there is no output, which the next build
    # repairs (see _remove_leftovers); signals are held back meanwhile.
    retired = target.with_name(
        RETIRED_PREFIX.format(name=target.name) + uuid.uuid4().hex[:8]
    )
    target.rename(retired)
    following.rename(target)
    retired.rename(following)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders atomically with Linux's renameat2(RENAME_EXCHANGE);
    False where the system or the file system cannot."""
    renameat2 = getattr(_libc(), "renameat2", None)
    if renameat2 is None:
        return False
    at_cwd, rename_exchange = -100, 2  # AT_FDCWD and RENAME_EXCHANGE, <fcntl.h>
    result = renameat2(
        at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), rename_exchange
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


@functools.cache
def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:  # no C library to load symbols from (not Unix)
        return None


class _StopSignals:
    """While a build runs, a stop signal raises BuildInterrupted; inside
    ``held()`` it waits until the block is done, then raises."""

    def __init__(self) -> None:
        self.holding = False
        self.pending: int | None = None

    def handle(self, signum: int, frame: object) -> None:
        if self.holding:
            self.pending = signum
        else:
            raise BuildInterrupted(signum)

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        self.holding = True
        try:
            yield
        finally:
            self.holding = False
        if self.pending is not None:
            logger.warning(
                "%s arrived as the new output was put in place; the build is complete",
                signal.Signals(self.pending).name,
            )
            self.pending = None


@contextlib.contextmanager
def _stop_signals_raise() -> Iterator[_StopSignals]:
    """Turn stop signals into BuildInterrupted for the length of a build, in
    the main thread (Python runs signal handlers only there)."""
    stops = _StopSignals()
    if threading.current_thread() is not threading.main_thread():
        yield stops
        return
    previous = {number: signal.getsignal(number) for number in STOP_SIGNALS}
    for number in STOP_SIGNALS:
        signal.signal(number, stops.handle)
    try:
        yield stops
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _leftovers(target: Path) -> list[Path]:
    """The hidden folders (and older markers) that builds put beside ``target``."""
    patterns = [
        NEXT_PREFIX.format(name=target.name) + "*",
        RETIRED_PREFIX.format(name=target.name) + "*",
        *(pattern.format(name=target.name) for pattern in LEGACY_LEFTOVERS),
    ]
    return sorted(path for pattern in patterns for path in target.parent.glob(pattern))


_removals: list[threading.Thread] = []


def _removal(folder: Path) -> None:
    """Remove ``folder`` in a thread of its own (not a daemon: the process
    waits for it before it exits)."""
    thread = threading.Thread(
        target=shutil.rmtree, args=(folder,), kwargs={"ignore_errors": True}
    )
    thread.start()
    _removals.append(thread)


def _wait_for_removals() -> None:
    while _removals:
        _removals.pop().join()


def _remove_leftovers(target: Path) -> None:
    """Remove what a stopped build left beside ``target``; if it was stopped
    between the two renames of _swap, put the previous output back first."""
    _wait_for_removals()
    retired = sorted(target.parent.glob(RETIRED_PREFIX.format(name=target.name) + "*"))
    if retired and not target.exists():
        retired[-1].rename(target)
    for path in _leftovers(target):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()


def _os_problem(error: OSError) -> str:
    """``error`` as a short clause: what could not be done, where, and why."""
    where = f" {error.filename}" if error.filename else ""
    reason = error.strerror or str(error)
    return f"could not write{where}: {reason}"


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


def clean(output: str | os.PathLike) -> list[Path]:
    """Remove ``output`` and whatever stopped builds left beside it."""
    target = Path(output).resolve()
    removed = []
    for path in [target, *_leftovers(target)]:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
            removed.append(path)
        elif path.exists() or path.is_symlink():
            path.unlink()
            removed.append(path)
    return removed
