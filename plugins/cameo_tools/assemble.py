"""The next output tree, put together in a hidden folder beside the output
from a finished build: the pages kept in memory (or in the staging ``pages``
tree) and the other files of the staging ``files`` tree. A file whose bytes
and permissions are unchanged is a hard link to the output's own (no copy,
its time kept); a changed one is written. Two files at one path, a file at
another's folder, or a path through ``.git`` stop the build here, before
the output is touched.
"""

from __future__ import annotations

import filecmp
import os
import posixpath
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

from .errors import BuildError
from .git_names import is_git_path
from .staging import empty


def assemble(
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
    empty(pages)
    empty(files)
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
