"""The content's files that are not pages, copied where Hugo copies them.

- A page bundle's other files go beside its page's output file, and beside
  each of its translations' (the home page's files are in each language's
  home, as in Hugo), also when its page is not written (``state.bundles``);
- with Hugo's URLs, the files in no bundle (raw ``.html`` pages, images
  beside pages) each go to their own path below their language's folder;
- a file or folder that is a link out of the content folder, or to nothing,
  is reported and never copied.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterable
from typing import Any

from cameo_shared.paths import display_path, is_inside

from ..content import files as content_files
from ..content.options import plugin_options
from ..content.source import language_prefix
from . import state
from .clashes import Claims

# A bundle's page: index.md, _index.md, or a translation (_index.pt-br.md).
_BUNDLE_PAGE = re.compile(r"^_?index(?:\.[^./]+)?\.md$")


def place_bundles(
    contents: list, claims: Claims, path: str, settings: dict[str, Any]
) -> list[tuple[str, str]]:
    """Where each bundle's files go (file, output path), each claimed: beside
    its page's output file, and beside each of its translations'
    (``_index.fr.md``). ``path`` is the content folder."""
    placed: list[tuple[str, str]] = []
    written: dict[str, set[str]] = {}
    for content in contents:
        if _BUNDLE_PAGE.match(os.path.basename(content.source_path)):
            folder = os.path.dirname(os.path.abspath(content.source_path))
            written.setdefault(folder, set()).add(content.save_as)
    root = os.path.realpath(path)
    for bundle in state.bundles():
        targets = written.get(bundle.folder) or {bundle.save_as} - {None}
        if not (bundle.publish and targets):
            continue
        files = [
            (source, relative)
            for source, relative in _resources(bundle.folder, bundle.is_leaf)
            if _copyable(source, root)
        ]
        for save_as in sorted(targets):
            target = posixpath.dirname(save_as)
            for source, relative in files:
                output = posixpath.normpath(posixpath.join(target, relative))
                claims.claim(output, display_path(source))
                placed.append((source, output))
    if plugin_options(settings)["hugo_urls"]:
        placed.extend(_place_loose_files(claims, path, settings))
    return placed


def _place_loose_files(
    claims: Claims, path: str, settings: dict[str, Any]
) -> Iterable[tuple[str, str]]:
    """The content's files in no bundle (raw ``.html`` pages, images
    beside pages, files at the top of the content), each copied to its
    own path below its language's folder, as Hugo copies them; Pelican's
    static folders are Pelican's to copy."""
    root = os.path.realpath(path)
    static = [os.path.join(path, folder) for folder in settings["STATIC_PATHS"]]
    roots = _content_roots(settings)
    for folder, prefix in roots:
        others = [
            os.path.join(path, *other.split("/"))
            for other, _ in roots
            if other != folder and (not folder or other.startswith(f"{folder}/"))
        ]
        top = os.path.join(path, *folder.split("/")) if folder else path
        for source, relative in content_files.loose_files(top, [*static, *others]):
            if not _copyable(source, root):
                continue
            output = posixpath.join(prefix, relative) if prefix else relative
            claims.claim(output, display_path(source))
            yield source, output


def _content_roots(settings: dict[str, Any]) -> list[tuple[str, str]]:
    """Hugo's content folders (posix, in Pelican's PATH; '' for PATH
    itself), each with the folder its language's pages go under."""
    folders = settings.get("HUGO_CONTENT_DIRS") or {}
    roots = [
        (folder, language_prefix(lang, settings))
        for lang, folder in sorted(folders.items())
        if folder
    ]
    whole = next((lang for lang, folder in folders.items() if not folder), "")
    # PATH is content itself unless it is the site's root, which holds
    # the languages' folders (config.content_folders).
    if not folders or whole:
        roots.append(("", language_prefix(whole, settings)))
    return roots


def _copyable(source: str, root: str) -> bool:
    """Whether a content file is copied: not a link out of the content
    folder ``root`` or to nothing (each reported), nor a linked folder."""
    real = os.path.realpath(source)
    if not is_inside(source, (root,)):
        state.report(
            f"{display_path(source)}: is a link to {real}, outside "
            "the content folder, so it is not copied; put the file "
            "itself in the content folder, or remove the link"
        )
        return False
    if not os.path.exists(real):
        state.report(
            f"{display_path(source)}: is a link to {real}, which does "
            "not exist; correct the link or remove it"
        )
        return False
    return not os.path.isdir(real)  # a linked folder inside content: not copied


def _resources(folder: str, recursive: bool) -> Iterable[tuple[str, str]]:
    """A bundle's files that are not content: (path on disk, posix path below
    the bundle). Links are listed, not followed, so that the caller can check
    where they point; a linked folder is listed as one entry."""
    for parent, dirs, files in os.walk(folder):
        relative = os.path.relpath(parent, folder).replace(os.sep, "/")
        # Hugo 0.111 ignores names (.git, #x, x~) beside the bundle's page,
        # and copies the files of the folders below it whatever their names.
        at_top = relative == "."
        if at_top:
            dirs[:] = [name for name in dirs if not content_files.is_ignored(name)]
        if not recursive:
            dirs.clear()
        else:
            # Everything below a leaf bundle is its own, an index.md or
            # _index.md further down included (Hugo 0.111).
            for name in dirs:
                if os.path.islink(os.path.join(parent, name)):
                    yield os.path.join(parent, name), posixpath.join(relative, name)
        for name in files:
            path = os.path.join(parent, name)
            if (at_top and content_files.is_ignored(name)) or (
                os.path.isfile(path) and content_files.is_page_file(path)
            ):
                continue
            yield path, posixpath.join(relative, name)
