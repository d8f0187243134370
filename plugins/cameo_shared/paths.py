"""Files on disk, as both plugins (this one and the cameo theme's) treat them:
how a message shows a file's path, and whether a path stays inside a folder
after ``..`` and symbolic links.

Only the standard library: the theme's plugin imports this module without
the Hugo plugin being enabled.
"""

from __future__ import annotations

import os
from collections.abc import Iterable


def display_path(path: str) -> str:
    """``path`` as a message shows it: relative to the working folder when it
    lies inside it, else as given."""
    relative = os.path.relpath(path)
    return path if relative.startswith(os.pardir) else relative


def is_inside(path: str, folders: Iterable[str]) -> bool:
    """Whether ``path`` is one of ``folders`` or below one, both as written
    (once ``..`` is resolved) and where its symbolic links lead (each folder's
    own links resolved too)."""
    folders = tuple(folders)
    written = os.path.normpath(os.path.abspath(path))
    real = os.path.realpath(path)
    return _below(written, map(os.path.abspath, folders)) and _below(
        real, map(os.path.realpath, folders)
    )


def _below(path: str, folders: Iterable[str]) -> bool:
    for folder in folders:
        try:
            if os.path.commonpath([path, folder]) == folder:
                return True
        except ValueError:  # on another drive
            continue
    return False


def path_in(folder: str, relative: str) -> str | None:
    """Where ``relative`` (a posix path) is in ``folder``, joined part by part
    so that no part starts over from the disk's root; None when ``..`` or a
    symbolic link on the way would put it anywhere else."""
    path = os.path.join(folder, *relative.split("/"))
    return path if is_inside(path, (folder,)) else None
