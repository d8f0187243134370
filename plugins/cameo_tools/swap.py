"""Whole or old: the new output tree and the previous output trade places in
one atomic step (``renameat2`` with ``RENAME_EXCHANGE`` on Linux; elsewhere
two renames, with signals held back by the build), and the hidden folders
builds leave beside the output (the next tree, the previous output) are
removed, in a thread of its own or by the next build.
"""

from __future__ import annotations

import ctypes
import errno
import functools
import os
import shutil
import threading
import uuid
from pathlib import Path

# Hidden folders beside the output: the next tree while it is put together,
# and (where no atomic exchange exists) the previous output for a moment.
NEXT_PREFIX = ".{name}.next-"
RETIRED_PREFIX = ".{name}.old-"
# Left by earlier versions of the build; removed like the others.
LEGACY_LEFTOVERS = (".{name}.building-*", ".{name}.updating")


def swap(following: Path, target: Path) -> None:
    """Make ``following`` the output and leave the previous output at
    ``following``'s name, in one step where the system allows it."""
    if not target.exists():
        following.rename(target)
        return
    if _exchange(following, target):
        return
    # Two renames: between them there is no output, which the next build
    # repairs (see remove_leftovers); signals are held back meanwhile.
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


def leftovers(target: Path) -> list[Path]:
    """The hidden folders (and older markers) that builds put beside ``target``."""
    patterns = [
        NEXT_PREFIX.format(name=target.name) + "*",
        RETIRED_PREFIX.format(name=target.name) + "*",
        *(pattern.format(name=target.name) for pattern in LEGACY_LEFTOVERS),
    ]
    return sorted(path for pattern in patterns for path in target.parent.glob(pattern))


_removals: list[threading.Thread] = []


def removal(folder: Path) -> None:
    """Remove ``folder`` in a thread of its own (not a daemon: the process
    waits for it before it exits)."""
    thread = threading.Thread(
        target=shutil.rmtree, args=(folder,), kwargs={"ignore_errors": True}
    )
    thread.start()
    _removals.append(thread)


def wait_for_removals() -> None:
    """Wait for the removals started so far: the next build (and the
    process, before it exits) waits for the previous output to be gone."""
    while _removals:
        _removals.pop().join()


def remove_leftovers(target: Path) -> None:
    """Remove what a stopped build left beside ``target``; if it was stopped
    between the two renames of swap, put the previous output back first."""
    wait_for_removals()
    retired = sorted(target.parent.glob(RETIRED_PREFIX.format(name=target.name) + "*"))
    if retired and not target.exists():
        retired[-1].rename(target)
    for path in leftovers(target):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
