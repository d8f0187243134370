"""Two files may not claim one output path, nor a path something else writes.

- ``reserved_outputs``: the paths Pelican, the theme and other plugins write
  (the one list of them), each with what writes it;
- ``Claims``: the paths the site's pages, lists, redirects and bundle files
  write, each with the file that writes it; a second claim of a path is a
  problem (``state.report``), naming both and what to do.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterable
from typing import Any

from cameo_shared.contract import RESERVED_OUTPUTS
from cameo_shared.paths import display_path

from . import state

# The paths others write: exact path -> what writes it, and the patterns of
# settings with a placeholder, each with what writes it.
Reserved = tuple[dict[str, str], list[tuple[re.Pattern, str]]]

_CONTENT_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown", ".rst", ".html", ".htm")
# Pelican's feed settings: FEED_ATOM, FEED_ALL_RSS, TAG_FEED_ATOM, ...
_FEED_SETTING = re.compile(r"^(?:[A-Z]+_)?FEED_(?:ALL_)?(?:ATOM|RSS)$")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
# What to do when something else writes at the home page's path: the home
# page stays at the site's root, as in Hugo.
HOME_FIX = (
    "the home page is always at the site's root: move the other one (its "
    "setting names where it goes) or leave it out"
)


def reserved_outputs(settings: dict[str, Any]) -> Reserved:
    """Output paths that are not the pages': each with what writes it.

    The one list of them: what plugins name in RESERVED_OUTPUTS; each
    DIRECT_TEMPLATES page (``<NAME>_SAVE_AS``, 404.html among them) and
    TEMPLATE_PAGES; the theme's
    static files (THEME_STATIC_PATHS under THEME_STATIC_DIR); every feed
    setting that is set; and the files under STATIC_PATHS. A setting with a
    placeholder (``feeds/{slug}.atom.xml``) reserves every path of that form.
    """
    exact = dict(settings.get(RESERVED_OUTPUTS) or {})
    patterns: list[tuple[re.Pattern, str]] = []

    def reserve(path: Any, owner: str) -> None:
        if not isinstance(path, str) or not path.strip("/"):
            return
        path = posixpath.normpath(path.strip().lstrip("/"))
        if _PLACEHOLDER.search(path):
            parts = _PLACEHOLDER.split(path)
            pattern = "[^/]+".join(re.escape(part) for part in parts)
            patterns.append((re.compile(f"^{pattern}$"), owner))
        else:
            exact.setdefault(path, owner)

    for name in settings.get("DIRECT_TEMPLATES", []):
        key = f"{name.upper()}_SAVE_AS"
        reserve(settings.get(key, f"{name}.html"), f"the {name} page ({key})")
    for template, save_as in (settings.get("TEMPLATE_PAGES") or {}).items():
        reserve(save_as, f"the template page {template} (TEMPLATE_PAGES)")
    for name, value in settings.items():
        if _FEED_SETTING.match(name):
            reserve(value, f"a feed ({name})")
    theme = settings.get("THEME", "")
    theme_dir = settings.get("THEME_STATIC_DIR", "theme")
    for folder in settings.get("THEME_STATIC_PATHS", ["static"]):
        root = os.path.join(theme, folder)
        for relative in _files_below(root):
            reserve(
                posixpath.join(theme_dir, relative),
                f"the theme's file {display_path(os.path.join(root, relative))}",
            )
    content = settings.get("PATH", "")
    extra = settings.get("EXTRA_PATH_METADATA") or {}
    for folder in settings.get("STATIC_PATHS", []):
        root = os.path.join(content, folder)
        for relative in _files_below(root):
            in_content = posixpath.normpath(posixpath.join(folder, relative))
            if in_content.lower().endswith(_CONTENT_SUFFIXES):
                continue  # Pelican reads it as content, or leaves it out
            save_as = (extra.get(in_content) or {}).get("save_as", in_content)
            shown = display_path(os.path.join(root, relative))
            reserve(save_as, f"the static file {shown} (STATIC_PATHS)")
    return exact, patterns


def _files_below(root: str) -> Iterable[str]:
    """Posix paths of the files below ``root`` (``root`` itself when a file)."""
    if os.path.isfile(root):
        yield posixpath.basename(root)
    for parent, _, files in os.walk(root):
        for name in files:
            full = os.path.relpath(os.path.join(parent, name), root)
            yield full.replace(os.sep, "/")


class Claims:
    """The output paths the site writes, each with what writes it (a
    "file:line"), checked against the paths others write (``reserved``)."""

    def __init__(self, reserved: Reserved) -> None:
        self.reserved = reserved
        self.paths: dict[str, str] = {}  # output path -> what claims it

    def claim(self, path: str, where: str, fix: str = "") -> None:
        """Note that ``where`` writes ``path``; report a clash with what the
        site writes there, with ``fix`` (what to do) when the usual advice
        (another url, slug or alias) cannot help."""
        path = posixpath.normpath(path)
        exact, patterns = self.reserved
        owner = exact.get(path) or next(
            (owner for pattern, owner in patterns if pattern.match(path)), None
        )
        if owner:
            state.report(
                f"{where}: writes {path}, which {owner} writes; "
                f"{fix or 'give the page another url, slug or alias'}"
            )
        elif path in self.paths:
            state.report(
                f"{where}: writes {path}, which {self.paths[path]} writes too; "
                f"{fix or 'give one of them another url, slug or alias'}"
            )
        else:
            self.paths[path] = where


def where(content, key: str) -> str:
    """The "file:line" of a page's front matter ``key`` (line 1 without it),
    as a claim names the page."""
    lines = getattr(content, "hugo_lines", {}) or {}
    return f"{display_path(content.source_path)}:{lines.get(key, 1)}"
