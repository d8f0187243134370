"""Static files (STATIC_PATHS, and files pages link with ``{static}``) that
are symbolic links out of the content folder: each link is reported once and
its files are left out, as a bundle's are (``bundles.py``), so that a link never
publishes a file from elsewhere on the disk. A link to another file inside
the content folder is copied as that file.

Pelican follows such links (its ``get_files`` walks with ``followlinks``), and
so does Hugo for a file in ``static/`` (0.111; not for a folder); a bundle's
link out is an error here, and a static file's is now the same.
"""

from __future__ import annotations

import os

from cameo_shared.paths import display_path, is_inside

from . import state


def refuse_links_out(generator) -> None:
    """The ``static_generator_finalized`` receiver: report every link out of
    the content folder (or a static folder the settings put elsewhere) and
    drop the files reached through it, before any is copied."""
    roots = _allowed_folders(generator.path, generator.settings["STATIC_PATHS"])
    links: set[str] = set()
    kept = []
    for static in generator.staticfiles:
        link = _link_out(static.source_path, roots)
        if link is None:
            kept.append(static)
        else:
            links.add(link)
    for link in sorted(links):  # once each, in the same order every build
        state.report(_problem(link))
    # The same list as the context's "staticfiles", which Pelican copies.
    generator.staticfiles[:] = kept


def _allowed_folders(content: str, static_paths: list[str]) -> tuple[str, ...]:
    """The content folder, and each static folder outside it (the settings
    chose those)."""
    content = os.path.abspath(content)
    folders = [os.path.abspath(os.path.join(content, path)) for path in static_paths]
    outside = [folder for folder in folders if not is_inside(folder, (content,))]
    return (content, *outside)


def _link_out(path: str, roots: tuple[str, ...]) -> str | None:
    """The first link on the way from the root ``path`` is written in down to
    ``path`` that leads out of every root (or nowhere); None when there is
    none, or when ``path`` is written in no root (not a link's doing)."""
    written = os.path.normpath(os.path.abspath(path))
    for root in roots:
        relative = os.path.relpath(written, root)
        if relative == os.pardir or relative.startswith(os.pardir + os.sep):
            continue
        step = root
        for part in relative.split(os.sep):
            step = os.path.join(step, part)
            if os.path.islink(step) and not _leads_inside(step, roots):
                return step
        return None if _leads_inside(written, roots) else written
    return None


def _leads_inside(path: str, roots: tuple[str, ...]) -> bool:
    return os.path.exists(path) and is_inside(path, roots)


def _problem(link: str) -> str:
    real = os.path.realpath(link)
    where = display_path(link)
    if not os.path.exists(real):
        return (
            f"{where}: is a link to {real}, which does not exist; correct the "
            "link or remove it"
        )
    return (
        f"{where}: is a link to {real}, outside the content folder, so it is "
        "not copied; put the file itself in the folder, or remove the link"
    )
