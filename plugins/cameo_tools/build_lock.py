"""One build of an output folder at a time: live reload and `invoke build`
in another terminal take turns, and a build that has to wait says for which
process, and gives up when that process is stopped or after LOCK_PATIENCE
seconds."""

from __future__ import annotations

import contextlib
import errno
import io
import logging
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import BuildError

logger = logging.getLogger(__name__)

# How long a build waits for another build of the same output to finish.
LOCK_PATIENCE = 600.0
_thread_locks: dict[str, threading.Lock] = {}
_thread_locks_guard = threading.Lock()


@contextlib.contextmanager
def one_build_at_a_time(staging: Path, target: Path) -> Iterator[None]:
    """Hold the lock of one output folder (``target``, whose staging folder
    is ``staging``) for the length of the block.

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
