"""Which folders a build may replace, and clean may remove: never the site's
sources, a repository, or a folder holding files no build wrote, so that a
mistyped ``--output`` cannot delete a site. The cache keeps a record of the
folder the last build put at the output path, which is always accepted.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import BuildError
from .staging import staging_home

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
    if settings and is_last_output(staging_home(settings, target), target):
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


def remember_output(home: Path, target: Path) -> None:
    """Record ``target`` (its device and inode) as the folder this build put
    at the output path: check_output accepts it whatever it holds."""
    info = os.stat(target)
    _output_record(home).write_text(f"{info.st_dev} {info.st_ino}\n")


def is_last_output(home: Path, target: Path) -> bool:
    """Whether ``target`` is the folder the last build put there."""
    try:
        recorded = _output_record(home).read_text().split()
        info = os.stat(target)
    except OSError:
        return False
    return recorded == [str(info.st_dev), str(info.st_ino)]
