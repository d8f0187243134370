"""Which theme template a page gets: Hugo's ``type`` and ``layout`` fields
(``template_name_field``), the template they and a section choose
(``choose_template``), and the check of Pelican's own ``template``.
"""

from __future__ import annotations

import os
import posixpath
from typing import Any

from . import urls
from .field import Field, hugo_text
from .frontmatter import FrontMatter, FrontMatterError
from .source import Source


def template_name_field(field: Field) -> dict[str, Any]:
    """``type`` and ``layout``: text; one the theme cannot hold (``..``, a
    leading '/') chooses no template, as a layout Hugo does not find."""
    text = hugo_text(field)[field.name].strip()
    if not text:
        return {}
    if ".." in text or text.startswith("/"):
        field.warn("names no template in the theme; the default is used")
        return {}
    return {field.name: text}


# The theme's templates that lay out a list (or the skeleton of every page),
# given list variables by Pelican or the plugins, never a page: Pelican's
# direct and term templates, the Hugo taxonomy pages' and the theme's own.
LIST_TEMPLATES = frozenset(
    {
        *("index", "archives", "period_archives", "tags", "categories", "authors"),
        *("tag", "category", "author", "terms", "term", "list", "base", "404"),
    }
)


def choose_template(
    metadata: dict[str, Any], source: Source, settings: dict[str, Any]
) -> str | None:
    """The theme template for Hugo's ``type`` and ``layout``, or for a section.

    Hugo looks for ``<type>/<layout>``, then ``<type>/single``, then
    ``<layout>``; a section's ``_index.md`` uses ``section`` when the theme
    has one. A name of ``LIST_TEMPLATES`` (``layout: archives``) is passed
    over, as a list's template cannot show a page. None keeps Pelican's
    default (page or article).
    """
    kind, layout = metadata.get("type"), metadata.get("layout")
    candidates = []
    if kind and layout:
        candidates.append(f"{kind}/{layout}")
    if kind:
        candidates.append(f"{kind}/single")
    if layout:
        candidates.append(layout)
    if source.name == "_index.md" and source.in_content != urls.HOME_PAGE_SOURCE:
        candidates.append("section")
    # A list template of Pelican's would show a list, not this page: Hugo
    # renders the page with that layout as the page itself.
    lists = {*LIST_TEMPLATES, *settings.get("DIRECT_TEMPLATES", [])}
    candidates = [name for name in candidates if name not in lists]
    if not candidates:
        return None
    available = theme_templates(_template_folders(settings))
    return next((name for name in candidates if name in available), None)


def check_template(
    name: str,
    front: FrontMatter,
    source: Source,
    settings: dict[str, Any],
) -> None:
    """Pelican's own ``template`` field must name a template of the theme;
    Pelican would stop at writing time without naming the file."""
    if name not in theme_templates(_template_folders(settings)):
        raise FrontMatterError(
            *front.origin_of("template", source.shown_path),
            f"'template' must be a template of the theme such as 'page', not "
            f"{name!r}; correct the field or remove it",
        )


def _template_folders(settings: dict[str, Any]) -> list[str]:
    folders = [os.path.join(settings["THEME"], "templates")]
    return folders + settings.get("THEME_TEMPLATES_OVERRIDES", [])


def theme_templates(folders: list[str]) -> frozenset[str]:
    """Template names (``page``, ``docs/single``) found in the theme folders."""
    names = set()
    for folder in folders:
        for parent, _, files in os.walk(folder):
            for name in files:
                if name.endswith(".html"):
                    relative = os.path.relpath(os.path.join(parent, name), folder)
                    names.add(posixpath.splitext(relative.replace(os.sep, "/"))[0])
    return frozenset(names)
