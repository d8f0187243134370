"""Writing files under one folder and nowhere else: no symbolic link below
it is followed, no existing file is written into, and each file replaced
with other bytes is kept in a backup folder (`pelican-cameo new --force`).
"""

from __future__ import annotations

import contextlib
import datetime
import errno
import io
import os
import shutil
import stat
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import BinaryIO

COMPARE_CHUNK = 1 << 16


class FolderWriteError(Exception):
    """Nothing more was written; the message names the path and what to do."""


class FolderWriter:
    """Writes files under one folder and nowhere else.

    The folder itself may be a link (the user named it); below it no link
    is followed: ``check`` refuses one before anything is written, and each
    folder is opened with O_NOFOLLOW, so a link made meanwhile fails the
    write instead. No existing file is opened for writing: one whose bytes
    differ is moved into a backup folder first, so the owner's text is kept
    and a hard link's other name keeps its bytes.
    """

    def __init__(self, root: Path, backup_prefix: str) -> None:
        self.root = root
        self.backup_prefix = backup_prefix
        self.backup: Path | None = None
        self.replaced: list[PurePosixPath] = []

    def check(
        self,
        files: Iterable[PurePosixPath],
        folders: Iterable[PurePosixPath] = (),
    ) -> None:
        """Refuse, before writing anything, a link, or a file where a folder
        goes (or the reverse), on the way to each of ``files`` and
        ``folders``."""
        wanted = [(path, True) for path in files]
        wanted += [(path, False) for path in folders]
        for relative, is_file in sorted(wanted):
            path = self.root
            for index, part in enumerate(relative.parts, 1):
                path = path / part
                try:
                    mode = path.lstat().st_mode
                except FileNotFoundError:
                    break
                is_folder = not (is_file and index == len(relative.parts))
                if stat.S_ISLNK(mode):
                    raise FolderWriteError(self._link_refused(path))
                if is_folder and not stat.S_ISDIR(mode):
                    raise FolderWriteError(
                        f"{path} is a file where the new site has a folder; "
                        "move it away, or choose another folder"
                    )
                if not is_folder and not stat.S_ISREG(mode):
                    raise FolderWriteError(
                        f"{path} is not a file, and the new site has a file "
                        "there; move it away, or choose another folder"
                    )

    @staticmethod
    def _link_refused(path: Path) -> str:
        """The one line for a link found (or made meanwhile) at ``path``."""
        try:
            what = f"is a symbolic link (to {os.readlink(path)})"
        except OSError:
            what = "changed while the site was written (a link or a file put there)"
        return (
            f"{path} {what}; nothing is written through a link: "
            "remove the link, or choose another folder"
        )

    def write_all(self, files: dict[PurePosixPath, bytes | Path]) -> None:
        """Write ``files`` (bytes, or a file to copy), each under the root."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise FolderWriteError(self._failed(self.root, error)) from None
        for relative, source in files.items():
            try:
                self._write(relative, source)
            except OSError as error:
                raise FolderWriteError(
                    self._failed(self.root / relative, error)
                ) from None

    def _failed(self, path: Path, error: OSError) -> str:
        if error.errno in (errno.ELOOP, errno.EEXIST):  # a link made meanwhile
            return self._link_refused(path)
        return (
            f"could not write {path} ({error.strerror}); fix the folder's "
            "permissions or free some space, then run the command again"
        )

    def _write(self, relative: PurePosixPath, source: bytes | Path) -> None:
        """Write one file, unless it already holds these bytes."""
        folder = self._folder(self.root, relative.parent.parts)
        try:
            try:
                mode = os.stat(relative.name, dir_fd=folder, follow_symlinks=False)
            except FileNotFoundError:
                mode = None
            if mode is not None:
                if stat.S_ISLNK(mode.st_mode):
                    raise FolderWriteError(self._link_refused(self.root / relative))
                if _same_bytes(folder, relative.name, source):
                    return
                self._keep(relative, folder)
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
            new = os.open(relative.name, flags | os.O_CLOEXEC, 0o666, dir_fd=folder)
            with os.fdopen(new, "wb") as out, _opened(source) as data:
                shutil.copyfileobj(data, out)
        finally:
            os.close(folder)

    def _folder(self, top: Path, parts: Sequence[str]) -> int:
        """A descriptor of ``top``/``parts``, made where missing, no link
        followed below ``top``."""
        descriptor = os.open(top, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        flags = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
        try:
            for index, part in enumerate(parts, 1):
                with contextlib.suppress(FileExistsError):
                    os.mkdir(part, dir_fd=descriptor)
                try:
                    child = os.open(part, flags, dir_fd=descriptor)
                except OSError as error:
                    if error.errno not in (errno.ELOOP, errno.ENOTDIR):
                        raise
                    path = top.joinpath(*parts[:index])
                    raise FolderWriteError(self._link_refused(path)) from None
                os.close(descriptor)
                descriptor = child
        except BaseException:
            os.close(descriptor)
            raise
        return descriptor

    def _keep(self, relative: PurePosixPath, folder: int) -> None:
        """Move the file at ``relative`` into the backup folder."""
        if self.backup is None:
            self.backup = self._new_backup()
        kept = self._folder(self.backup, relative.parent.parts)
        try:
            os.rename(relative.name, relative.name, src_dir_fd=folder, dst_dir_fd=kept)
        finally:
            os.close(kept)
        self.replaced.append(relative)

    def _new_backup(self) -> Path:
        first = f"{self.backup_prefix}{datetime.datetime.now():%Y%m%d-%H%M%S}"
        for name in [first, *(f"{first}-{number}" for number in range(2, 100))]:
            try:
                (self.root / name).mkdir()
                return self.root / name
            except FileExistsError:
                continue
        raise FolderWriteError(
            f"{self.root} holds too many {self.backup_prefix}* folders of this "
            "second; remove those you do not need"
        )


@contextlib.contextmanager
def _opened(source: bytes | Path) -> Iterator[BinaryIO]:
    if isinstance(source, bytes):
        yield io.BytesIO(source)
    else:
        with open(source, "rb") as handle:
            yield handle


def _same_bytes(folder: int, name: str, source: bytes | Path) -> bool:
    """Whether the file ``name`` in ``folder`` holds the bytes of ``source``."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC
    with (
        os.fdopen(os.open(name, flags, dir_fd=folder), "rb") as old,
        _opened(source) as new,
    ):
        while True:
            chunk = new.read(COMPARE_CHUNK)
            if old.read(len(chunk) or 1) != chunk:
                return False
            if not chunk:
                return True
