"""The staging folder of an output, kept in CACHE_PATH between builds: the
tree Pelican writes the files that are not pages into (``files``), and the
one the pages go to where the writer cannot keep them in memory (``pages``).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from typing import Any

STAGING_TREES = ("files", "pages")


def staging_home(settings: dict[str, Any], target: Path) -> Path:
    """The staging folder for ``target`` that lives on between builds."""
    key = hashlib.sha256(str(target).encode("utf-8")).hexdigest()[:16]
    return Path(settings["CACHE_PATH"]).resolve() / "cameo-staging" / key


def staging_trees(home: Path) -> tuple[Path, Path]:
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
        empty(tree)
    return trees


def empty(folder: Path) -> None:
    """Remove the files under ``folder``, keeping its sub-folders."""
    for parent, _, names in os.walk(folder):
        for name in names:
            os.unlink(os.path.join(parent, name))
