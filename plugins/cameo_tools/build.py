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
import posixpath
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

from .git_names import is_git_path
from .progress import build_progress
from .settings import SettingsError, read_settings_file

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
    with _stop_signals_raise() as stops:
        try:
            settings = read_settings(settings_file, overrides)
            target = Path(output or settings["OUTPUT_PATH"]).resolve()
            home = _staging_home(settings, target)
            check_output(target, settings, settings_file)
            target.parent.mkdir(parents=True, exist_ok=True)
            with _one_build_at_a_time(home, target):
                result = _build(settings, target, home, started, stops)
            if not remove_old_in_background:
                _wait_for_removals()
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
    stops: _StopSignals,
) -> BuildResult:
    """Build into memory and ``home``, then put the result in ``target``."""
    _remove_leftovers(target)
    if target.exists() and not target.is_dir():
        raise BuildError(f"{target} is a file, not a folder; move it away")
    files, pages = _staging_trees(home)
    settings["OUTPUT_PATH"] = str(files)
    rendered: dict[str, str] = {}
    origins: dict[str, list[str]] = {}  # output path -> what wrote it

    errors = _ErrorCounter()
    root = logging.getLogger()
    root.addHandler(errors)
    try:
        with _pages_apart(settings, pages, rendered, origins) as pelican:
            with build_progress(settings):  # after CAMEO_PROGRESS_AFTER seconds
                pelican.run()
    except Exception as error:  # Pelican and plugins raise anything at all
        logger.error("%s", _error_line(error))
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
        count, changed = _assemble(following, target, files, pages, rendered, origins)
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
    with contextlib.suppress(OSError):  # only a record: check_output's
        _remember_output(home, target)
    # `following` now holds the previous output. Removing it is not part of
    # the build (a thousand folders take a fifth of a second): live reload
    # refreshes the browser meanwhile.
    _removal(following)
    return BuildResult(target, count, time.perf_counter() - started, changed)


# Errors whose text is written for a person (it names its file, line and
# what to do), so their class name is left out: those of our packages, as
# installed (pelican.plugins.NAME) or loaded from PLUGIN_PATHS (NAME), and
# the writer's overwrite error, whose text is this module's.
SPEAKING_PACKAGES = frozenset({"hugo_frontmatter", "cameo", "cameo_tools"})
SPEAKING_MODULES = frozenset({"pelican.writers"})


def _error_line(error: Exception) -> str:
    """An error that stopped Pelican, as one line: the text alone where it
    speaks for itself, the class name before any other's."""
    module = type(error).__module__
    if module in SPEAKING_MODULES or SPEAKING_PACKAGES & set(module.split(".")):
        return str(error)
    return f"{type(error).__name__}: {error}"


@contextlib.contextmanager
def _pages_apart(
    settings: dict[str, Any],
    pages: Path,
    kept: dict[str, str],
    origins: dict[str, list[str]],
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
    writer = _pages_writer(pages, kept, origins)

    def give_writer(sender):
        return writer

    signals.get_writer.connect(give_writer, sender=pelican)
    try:
        yield pelican
    finally:
        signals.get_writer.disconnect(give_writer, sender=pelican)


def _pages_writer(
    pages: Path, kept: dict[str, str], origins: dict[str, list[str]]
) -> type:
    """A Writer class: Pelican's, with ``pages`` as its output path, noting
    in ``origins`` what each file it writes is made from (for errors that
    name the source files); and, while Pelican's Writer has the method
    ``_open_w`` through which it opens every file it writes (Pelican 4.11
    and 4.12), that method replaced to keep the text in ``kept`` instead.

    ``_open_w`` is the one private name of Pelican used here (see
    docs/development.md): writing the pages to disk instead costs 0.3 to
    0.5 s a rebuild of 1000 pages on an ordinary disk. Without it, the pages
    are written to ``pages`` and the build is as correct, only slower.
    """
    from pelican import writers
    from pelican.writers import Writer

    class PagesWriter(Writer):
        writing = ""  # what the file being written is made from

        def __init__(self, output_path, settings=None):
            super().__init__(str(pages), settings=settings)

        def write_file(self, name, template, context, *args, **kwargs):
            self.writing = _made_from(name, kwargs)
            origins.setdefault(posixpath.normpath(name), []).append(self.writing)
            try:
                return super().write_file(name, template, context, *args, **kwargs)
            finally:
                self.writing = ""

        def write_feed(self, elements, context, path=None, *args, **kwargs):
            self.writing = f"the feed {path}{_sources_of(elements)}"
            origins.setdefault(posixpath.normpath(str(path)), []).append(self.writing)
            try:
                return super().write_feed(elements, context, path, *args, **kwargs)
            finally:
                self.writing = ""

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
            self.opened: dict[str, str] = {}  # path -> what it was made from
            self.overridden: set[str] = set()

        def _open_w(self, filename, encoding, override=False):
            if filename in self.overridden:
                if override:
                    raise overwrite_error(self._twice(filename))
                return io.StringIO()  # the first override stands
            if filename in self.opened and not override:
                raise overwrite_error(self._twice(filename))
            if override:
                self.overridden.add(filename)
            self.opened[filename] = self.writing
            return _KeptText(kept, filename)

        def _twice(self, filename: str) -> str:
            relative = os.path.relpath(filename, pages)
            first = self.opened.get(filename) or "another file"
            second = self.writing or "another file"
            return (
                f"{relative} would be written twice in this build, by "
                f"{first} and by {second}; give one of them another slug, "
                "url or name"
            )

    return KeepingWriter


def _made_from(name: str, kwargs: dict[str, Any]) -> str:
    """What a file Pelican's writer writes at ``name`` is made from, for a
    person: a page's source file, a list's name and its pages' files."""
    for key in ("article", "page"):
        content = kwargs.get(key)
        if getattr(content, "source_path", None):
            return _shown(content.source_path)
    for key in ("term", "tag", "category", "author"):
        if kwargs.get(key) is not None:
            sources = _sources_of(kwargs.get("articles") or [])
            return f'the {key} page {name} of "{kwargs[key]}"{sources}'
    template = kwargs.get("template_name")
    if template:
        return f"the theme's {template} page {name}"
    return f"the page {name}"


def _sources_of(contents: list[Any], most: int = 3) -> str:
    """`` (from a.md, b.md and 5 more)`` for the pages of a list or feed."""
    paths = [
        _shown(item.source_path)
        for item in contents
        if getattr(item, "source_path", None)
    ]
    if not paths:
        return ""
    more = f" and {len(paths) - most} more" if len(paths) > most else ""
    return f" (from {', '.join(paths[:most])}{more})"


def _shown(path: str) -> str:
    """``path`` relative to the working folder where it is below it."""
    relative = os.path.relpath(path)
    return path if relative.startswith(os.pardir) else relative


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


# How long a build waits for another build of the same output to finish.
LOCK_PATIENCE = 600.0
_thread_locks: dict[str, threading.Lock] = {}
_thread_locks_guard = threading.Lock()


@contextlib.contextmanager
def _one_build_at_a_time(staging: Path, target: Path) -> Iterator[None]:
    """Hold the lock of one output folder, so that live reload and `invoke
    build` in another terminal take turns; a build that has to wait says
    for which process, and gives up when that process is stopped or after
    LOCK_PATIENCE seconds.

    The lock is a POSIX record lock (``lockf``): it belongs to this process
    alone, so the processes a build forks (the Markdown workers) never hold
    it, and it goes with the process, so a killed build leaves none behind.
    Such a lock does not keep out another thread of this process: a thread
    lock does.
    """
    try:
        import fcntl
    except ImportError:  # Windows: builds of one folder are not serialised
        yield
        return
    path = staging.with_name(staging.name + ".lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    with _thread_lock(str(path)), open(path, "a+", encoding="utf-8") as lock:
        _take_lock(lock, fcntl, target)
        lock.truncate(0)
        lock.write(f"{os.getpid()}\n")  # for a build that waits: who holds it
        lock.flush()
        yield


@contextlib.contextmanager
def _thread_lock(key: str) -> Iterator[None]:
    with _thread_locks_guard:
        held = _thread_locks.setdefault(key, threading.Lock())
    with held:
        yield


def _take_lock(lock: io.TextIOWrapper, fcntl: Any, target: Path) -> None:
    """Wait for the lock on ``lock``'s file; BuildError when its holder is
    stopped or has held it for LOCK_PATIENCE seconds."""
    deadline = None
    while True:
        try:
            fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError as error:
            if error.errno not in (errno.EACCES, errno.EAGAIN):
                raise
        pid, holder = _lock_holder(lock)
        if pid and _is_stopped(pid):
            raise BuildError(
                f"{holder} is building {target} but is stopped; resume it "
                "(`fg` in its terminal) or end it, then build again"
            )
        if deadline is None:
            deadline = time.monotonic() + LOCK_PATIENCE
            logger.warning("waiting for %s, which is building %s", holder, target)
        if time.monotonic() > deadline:
            raise BuildError(
                f"{holder} has been building {target} for over "
                f"{LOCK_PATIENCE:.0f} s; end it, then build again"
            )
        time.sleep(0.05)


def _lock_holder(lock: io.TextIOWrapper) -> tuple[int | None, str]:
    """Who holds the lock, as its holder wrote it: its process id, and
    "process PID (command)" for a person."""
    try:
        pid = int(os.pread(lock.fileno(), 32, 0).split()[0])
    except (OSError, ValueError, IndexError):
        return None, "another build"
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            words = handle.read().split(b"\0")[:3]
    except OSError:  # not Linux, or it has just ended
        return pid, f"process {pid}"
    command = " ".join(os.path.basename(os.fsdecode(word)) for word in words)
    command = " ".join(command.split())  # one line, whatever the arguments
    if len(command) > 60:
        command = command[:57] + "..."
    return pid, f"process {pid} ({command})"


def _is_stopped(pid: int) -> bool:
    """Whether process ``pid`` is stopped (Ctrl-Z, SIGSTOP), where /proc says."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] in ("T", "t")
    except (OSError, IndexError):
        return False


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
    origins: dict[str, list[str]],
) -> tuple[int, int | None]:
    """Put the new output together in ``following`` (created here) from the
    pages (``kept`` in memory, and any in the folder ``pages``) and the other
    ``files``; returns how many files it holds, and how many were written or
    removed against ``target`` (None when there was no output yet).

    An unchanged file is a hard link to the output's own, where it has the
    permissions a new file gets now (the umask may have changed since)."""
    plan = _plan_output(files, pages, kept, origins)
    previous = str(target) if target.is_dir() else None
    os.mkdir(following)  # with the umask's permissions, as any folder
    made = {str(following)}
    fresh_mode = 0o666 & ~_umask()
    changed = 0
    for relative, (data, source) in plan.items():
        destination = os.path.join(following, relative)
        folder = os.path.dirname(destination)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        mode = fresh_mode if source is None else stat.S_IMODE(os.stat(source).st_mode)
        old = os.path.join(previous, relative) if previous else None
        if old and _holds(old, data, source, mode):
            try:
                os.link(old, destination)  # unchanged: the same file, no copy
            except OSError:  # a file system without hard links
                shutil.copy2(old, destination)
            continue
        changed += 1
        if data is not None:
            with open(destination, "wb") as handle:
                handle.write(data)
        else:
            shutil.move(source, destination)
    _empty(pages)
    _empty(files)
    if previous is None:
        return len(plan), None
    for parent, _, names in os.walk(previous):
        for name in names:
            if os.path.relpath(os.path.join(parent, name), previous) not in plan:
                changed += 1  # removed
    return len(plan), changed


def _plan_output(
    files: Path, pages: Path, kept: dict[str, str], origins: dict[str, list[str]]
) -> dict[str, tuple[bytes | None, str | None]]:
    """Each file of the new output (its path in the output -> its bytes, or
    the file that holds them); BuildError, naming both sides, where two
    claim one path or one's path is the other's folder, and naming the file,
    where its path goes through a ``.git`` folder (git_names)."""
    plan: dict[str, tuple[bytes | None, str | None]] = {}
    for path, text in kept.items():
        plan[os.path.relpath(path, pages)] = (text.encode("utf-8"), None)
    for source, relative in _files_in(pages):
        plan[relative] = (None, source)
    written_pages = set(plan)
    other = "a static file, a theme asset or a plugin's file"

    def made_from(relative: str) -> str:
        found = origins.get(posixpath.normpath(relative.replace(os.sep, "/")))
        if found:
            return found[0]
        return f"the page {relative}" if relative in written_pages else other

    for source, relative in _files_in(files):
        if relative in written_pages:
            raise BuildError(
                f"{relative} is both {made_from(relative)} and {other}; give "
                "the page another url or slug"
            )
        plan[relative] = (None, source)
    for relative in plan:
        if is_git_path(relative):
            raise BuildError(
                f"{relative} ({made_from(relative)}) is a path into a folder "
                "git takes for its own repository (.git, in any case); change "
                "the page's url, slug or aliases, or rename the file, so that "
                "no part of the path is .git"
            )
        folder = os.path.dirname(relative)
        while folder:
            if folder in plan:
                raise BuildError(
                    f"{folder} is both {made_from(folder)} and a folder, of "
                    f"{relative} ({made_from(relative)}); give one of them "
                    "another url or slug"
                )
            folder = os.path.dirname(folder)
    return plan


def _umask() -> int:
    """The process's umask (read from /proc on Linux: setting it to read it
    back would race with other threads creating files)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _files_in(tree: Path) -> Iterator[tuple[str, str]]:
    """Each file below ``tree``: its path, and its path relative to ``tree``."""
    for parent, _, names in os.walk(tree):
        for name in names:
            source = os.path.join(parent, name)
            yield source, os.path.relpath(source, tree)


def _holds(path: str, data: bytes | None, source: str | None, mode: int) -> bool:
    """Whether ``path`` is a plain file with permissions ``mode`` holding
    ``data`` (or the bytes of ``source``)."""
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or stat.S_IMODE(info.st_mode) != mode:
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
    for path in [target, *_leftovers(target)]:
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


# What a folder of sources or a repository holds at its top, never a build.
REPOSITORY_MARKERS = (".git", ".hg", ".svn")


def check_output(
    target: Path,
    settings: dict[str, Any] | None,
    settings_file: str | os.PathLike | None,
    doing: str = "replace",
) -> None:
    """Raise BuildError unless ``target`` is a folder a build may replace
    whole (or, with ``doing="remove"``, that clean may remove).

    Refused: a folder that is, or holds, the site's settings file, content,
    theme, plugins or cache; a repository (``.git``); and a folder with
    anything in it that is not the one the last build of these settings
    put there (recorded in the cache) and does not look like a built site
    either: neither ``index.html`` nor the theme's static folder
    (THEME_STATIC_DIR, ``theme/``) at its top, one of which every build
    writes. So an output of an earlier version, or built with another
    cache, is still accepted. A missing or empty folder is fine.
    """
    what = f"so it was not {'removed' if doing == 'remove' else 'built into'}"
    advice = (
        "pass the output folder itself (--output output)"
        if doing == "remove"
        else "build into a folder of its own (--output output)"
    )
    for kind, source in _sources(settings, settings_file):
        if target == source:
            raise BuildError(f"{target} is the site's {kind}, {what}; {advice}")
        if target in source.parents:
            raise BuildError(
                f"{target} holds the site's {kind} ({source}), {what}; {advice}"
            )
    for marker in REPOSITORY_MARKERS:
        if os.path.lexists(target / marker):
            raise BuildError(
                f"{target} is a repository (it has {marker}), {what}; {advice}"
            )
    if not target.is_dir() or target.is_symlink():
        return
    names = sorted(os.listdir(target))
    if not names:
        return
    if settings and _is_last_output(_staging_home(settings, target), target):
        return
    theme_static = (settings or {}).get("THEME_STATIC_DIR") or "theme"
    if (target / "index.html").is_file() or (target / theme_static).is_dir():
        return  # a built site: every build writes one or the other
    raise BuildError(
        f"{target} holds files no build wrote ({names[0]}"
        f"{', ...' if len(names) > 1 else ''}), {what}; move them away or "
        f"{advice}"
    )


def _sources(
    settings: dict[str, Any] | None, settings_file: str | os.PathLike | None
) -> Iterator[tuple[str, Path]]:
    """What a build reads (and its cache), each as (kind, absolute path)."""
    if settings_file is not None:
        yield "settings file", Path(settings_file).resolve()
    if settings is None:
        return
    for kind, key in (("content", "PATH"), ("theme", "THEME"), ("cache", "CACHE_PATH")):
        if settings.get(key):
            yield kind, Path(settings[key]).resolve()
    for key, kind in (
        ("PLUGIN_PATHS", "plugins"),
        ("THEME_TEMPLATES_OVERRIDES", "templates"),
    ):
        for path in settings.get(key) or []:
            yield kind, Path(path).resolve()


def _output_record(home: Path) -> Path:
    """Beside the staging home (as its lock): which folder the last build
    put at the output path."""
    return home.with_name(home.name + ".output")


def _remember_output(home: Path, target: Path) -> None:
    info = os.stat(target)
    _output_record(home).write_text(f"{info.st_dev} {info.st_ino}\n")


def _is_last_output(home: Path, target: Path) -> bool:
    """Whether ``target`` is the folder the last build put there."""
    try:
        recorded = _output_record(home).read_text().split()
        info = os.stat(target)
    except OSError:
        return False
    return recorded == [str(info.st_dev), str(info.st_ino)]
