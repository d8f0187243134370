"""A Hugo site's content folders (its mounts) as folders of Pelican's PATH.

Each language's content folder as Hugo 0.111 mounts it (``content_mounts``),
the same made relative to PATH, which Pelican reads as its one folder
(``content_dirs``), the folders Hugo reads content from for plugins that walk
it (``content_folders``), a section's folder in each language's folder
(``in_language_folders``), and Hugo's default main section
(``busiest_section``).
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Mapping
from typing import Any

from cameo_shared.paths import display_path

from .errors import HugoConfigError, where


def content_mounts(
    config: Mapping[str, Any], languages: Mapping[str, Any] | None = None
) -> dict[str, str]:
    """Each language's content folder, relative to the site's root, in
    Hugo 0.111's order (``hugo config mounts``): the default language
    first, then by weight (unweighted last), then by name. A language's
    folder is its own ``contentDir``, else the top-level ``contentDir``
    (``content``); a folder an earlier language has is not that language's
    too: it then has only the files whose name says it (``about.fr.md``)."""
    if languages is None:
        languages = config.get("languages") or {}
    top = _clean_folder(config.get("contentdir")) or "content"
    default = str(config.get("defaultcontentlanguage") or "")
    if not isinstance(languages, dict) or not languages:
        language = default or str(config.get("languagecode") or "en")
        return {language.lower(): top}
    default = (default or "en").lower()

    def order(item: tuple[str, Any]) -> tuple:
        name, values = item
        weight = values.get("weight") if isinstance(values, dict) else None
        if isinstance(weight, bool) or not isinstance(weight, int):
            weight = 0
        return (str(name).lower() != default, weight == 0, weight, str(name))

    mounts: dict[str, str] = {}
    for name, values in sorted(languages.items(), key=order):
        own = values.get("contentdir") if isinstance(values, dict) else None
        folder = _clean_folder(own) or top
        if folder not in mounts.values():
            mounts[str(name).lower()] = folder
    return mounts


def _clean_folder(value: Any) -> str:
    """A folder as Hugo cleans it (Go's filepath.Clean): ``./content.en/``
    is ``content.en``; '' for none."""
    if not isinstance(value, str) or not value.strip():
        return ""
    return posixpath.normpath(value.strip().replace("\\", "/"))


def content_dirs(
    mounts: Mapping[str, str],
    content: str,
    site_root: str,
    files: list[str],
    config: Mapping[str, Any],
) -> dict[str, str]:
    """Each language's content folder (``content_mounts``) as a folder of
    Pelican's PATH (posix, '' for PATH itself); {} when PATH is all of one
    language's content. Pelican reads one folder, PATH, so a content
    folder outside it stops the build."""
    folders = {}
    for language, written in mounts.items():
        path = os.path.abspath(os.path.join(site_root, written))
        relative = os.path.relpath(path, content)
        if relative == os.pardir or relative.startswith(os.pardir + os.sep):
            name = os.path.basename(path) or language
            example = os.path.relpath(os.path.join(content, name), site_root)
            languages = config.get("languages") or {}
            values = languages.get(language)
            own = isinstance(values, dict) and values.get("contentdir")
            key = f"languages.{language}.contentDir" if own else "contentDir"
            raise HugoConfigError(
                *where(files, written),
                f"{key} = {written!r} is {display_path(path)}, outside the "
                f"content folder {display_path(content)} (Pelican's PATH), and "
                "Pelican reads one folder; leave PATH out of the settings (or "
                "set it to the Hugo site's folder), or move that language's "
                "folder under PATH and point contentDir there (contentDir = "
                f'"{example.replace(os.sep, "/")}")',
            )
        folders[language] = (
            "" if relative == os.curdir else relative.replace(os.sep, "/")
        )
    if all(not folder for folder in folders.values()):
        return {}
    return folders


def is_whole(folders: Mapping[str, str]) -> bool:
    """Whether PATH itself is a content folder (it is, or holds, Hugo's
    content/), not only the languages' folders in it (PATH is the site's
    root); ``folders`` as ``content_dirs`` gives them."""
    return not folders or "" in folders.values()


def content_folders(settings: Mapping[str, Any]) -> list[str]:
    """The folders Hugo reads content from, for plugins that walk the
    content: PATH itself, or (PATH being the Hugo site's root) each
    language's content folder in it, none twice."""
    root = os.path.abspath(settings["PATH"])
    folders = sorted(set((settings.get("HUGO_CONTENT_DIRS") or {}).values()))
    if not folders or "" in folders:
        return [root]
    found: list[str] = []
    for folder in folders:  # content/en before content/en/x
        if not any(folder.startswith(f"{kept}/") for kept in found):
            found.append(folder)
    return [os.path.join(root, *folder.split("/")) for folder in found]


def in_language_folders(
    paths: list[str], folders: Mapping[str, str], keep_top: bool
) -> list[str]:
    """Folders of Hugo's content (a section, a taxonomy's terms) in each
    language's content folder: ``posts`` is ``english/posts`` and
    ``french/posts``; ``posts`` stays too when ``keep_top`` (a language
    reads the whole content folder). A path already in a language's folder
    is kept as it is."""
    own = sorted({folder for folder in folders.values() if folder})
    found: list[str] = []
    for path in paths:
        path = str(path).strip("/")
        if not own or any(path == f or path.startswith(f"{f}/") for f in own):
            candidates = [path]
        else:
            candidates = [f"{folder}/{path}" if path else folder for folder in own]
            if keep_top:
                candidates.insert(0, path)
        found.extend(item for item in candidates if item not in found)
    return found


def busiest_section(content: str) -> str:
    """Hugo's default mainSections: the top folder of the content that holds
    the most pages (the first by name of those that tie); else ``posts``.
    A list page (``_index.md``, ``_index.pt-br.md``) is no page here."""
    counts = {}
    names = os.listdir(content) if os.path.isdir(content) else []
    for name in sorted(names):
        folder = os.path.join(content, name)
        if os.path.isdir(folder) and not name.startswith("."):
            counts[name] = sum(
                file.endswith(".md") and not file.startswith("_index.")
                for _, _, files in os.walk(folder)
                for file in files
            )
    busiest = max(counts, key=lambda name: counts[name], default=None)
    return busiest if busiest and counts[busiest] else "posts"
