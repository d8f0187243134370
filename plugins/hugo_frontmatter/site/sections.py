"""Hugo's sections that have no ``_index.md``, and their titles.

Hugo gives every top-level folder that holds pages a list page, even
without an ``_index.md``, titled by the folder's name (in the plural unless
``pluralizeListTitles = false``); the site's generator writes those pages.
"""

from __future__ import annotations

import os
from typing import Any

from pelican.contents import Page

from ..content import urls
from ..content.source import (
    Source,
    content_root,
    default_language,
    hugo_path,
    language_prefix,
)
from ..content.templates import choose_template
from ..hugo_templates.funcs.inflect import Inflect

pluralize = Inflect().Pluralize


def section_title(name: str, settings: dict[str, Any]) -> str:
    """The title Hugo 0.111 gives a section that has no ``_index.md``: its
    folder's name as written, the first letter upper-cased, in the plural
    unless ``pluralizeListTitles = false`` (with flect's rules, as Hugo's
    ``pluralize`` template function has them)."""
    title = name[:1].upper() + name[1:]
    if settings.get("HUGO_PLURALIZE_LIST_TITLES") is not False:
        return pluralize(title)
    return title


def sections_without_index(
    contents: list, path: str, settings: dict[str, Any], context: dict[str, Any]
) -> list[Page]:
    """The list pages of the sections of ``contents`` that have no
    ``_index.md`` (``path`` is the content folder). The folders are Hugo's:
    those at the top of each language's own folder (contentDir), not that
    folder itself."""
    root = os.path.abspath(path)
    pages = []
    for (name, lang), (folder, folder_lang) in sorted(
        _sections(contents, root, settings).items()
    ):
        names = [f"_index.{lang}.md"]
        if lang == folder_lang:
            names.append("_index.md")
        above = os.path.join(root, *folder.split("/")) if folder else root
        if any(os.path.isfile(os.path.join(above, name, n)) for n in names):
            continue
        in_content = f"{name}/_index.md"
        prefix = language_prefix(lang, settings)
        location = urls.default_path(in_content)
        metadata = {
            "title": section_title(name, settings),
            "hugo_kind": "section",
            "section": name,
            "lang": lang,
            **urls.output_location(f"/{prefix}{location}" if prefix else location),
        }
        source = os.path.join(above, name, "_index.md")
        page = Page("", metadata, settings, source, context)
        page.template = (
            choose_template(metadata, Source(in_content, in_content), settings)
            or "page"
        )
        pages.append(page)
    return pages


def _sections(
    contents: list, root: str, settings: dict[str, Any]
) -> dict[tuple[str, str], tuple[str, str]]:
    """The top-level sections the pages are in: (section, language) -> the
    folder above it, in PATH, and its language."""
    sections: dict[tuple[str, str], tuple[str, str]] = {}
    default = default_language(settings)
    languages = settings.get("HUGO_LANGUAGES") or []
    for content in contents:
        lang = str(getattr(content, "lang", "") or "")
        lang = lang if lang in languages else default
        relative = os.path.relpath(os.path.abspath(content.source_path), root)
        relative = relative.replace(os.sep, "/")
        inside, folder_lang = hugo_path(relative, settings)
        parts = inside.split("/")
        is_top_bundle = len(parts) == 2 and parts[1] == "index.md"
        if len(parts) >= 2 and not is_top_bundle:
            sections.setdefault(
                (parts[0], lang),
                (content_root(relative, settings), folder_lang or default),
            )
    return sections
