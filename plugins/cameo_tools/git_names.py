"""The names git takes for its own repository folder, on any system.

A built site must hold no path through such a folder: a Pages branch with
one is refused by git (fsck's hasDotgit), and a copy of the site in a
working tree (a bucket synced down, ``git status`` run inside ``output/``)
would read that folder as a repository, its config and hooks included.
Both the build and publishing refuse them.
"""

from __future__ import annotations

import re

# Code points macOS (HFS+) leaves out of names, and git with it: ".g\u200cit".
_IGNORED_BY_HFS = re.compile("[\u200c-\u200f\u202a-\u202e\u206a-\u206f\ufeff]")


def is_git_name(name: str) -> bool:
    """Whether git takes a path segment for its own folder on some system, as
    its core.protectNTFS and core.protectHFS do: ``.git`` in any case, with
    code points HFS+ ignores, trailing dots or spaces or a stream (Windows),
    or Windows' short name ``git~1``."""
    name = _IGNORED_BY_HFS.sub("", name).partition(":")[0].rstrip(". ").casefold()
    return name in (".git", "git~1")


def is_git_path(relative: str) -> bool:
    """Whether a relative path (``/`` or ``\\`` between its segments) passes
    through a folder git takes for its own."""
    return any(is_git_name(part) for part in re.split(r"[/\\]", relative))
