"""Hugo's site-wide rules, applied once every file has been read.

- A section's ``_index.md`` in an article folder is a page (its list page).
- Pages are ordered as Hugo orders them: by ``weight``, then date, then title.
- Two files may not claim the same output path (nor an alias of another).
- Each alias becomes a small redirect page; each page bundle's other files
  are copied beside its output.
"""

from __future__ import annotations

import html
import logging
import os
import posixpath
import shutil
from collections.abc import Iterable
from typing import Any

from pelican.contents import Page
from pelican.generators import Generator

from . import state, urls
from .fields import Source, plugin_options
from .reader import choose_template, display_path

logger = logging.getLogger(__name__)

_CONTENT_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown", ".rst", ".html", ".htm")
_CONTEXT_LISTS = (
    "articles",
    "hidden_articles",
    "pages",
    "hidden_pages",
)

REDIRECT_PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{target}</title>
<link rel="canonical" href="{target}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p><a href="{target}">{target}</a></p>
</body>
</html>
"""


def section_index_in_articles(metadata: dict[str, Any]) -> None:
    """Leave a section's ``_index.md`` out of the articles; it is read as a page."""
    if metadata.get("hugo_kind") == "section":
        metadata["status"] = "skip"


def add_section_pages(generator) -> None:
    """Read the ``_index.md`` files of article folders as pages."""
    known = {page.source_path for page in _contents(generator.context)}
    known.update(page.source_path for page in generator.draft_pages)
    for relative in _section_indexes(generator):
        path = os.path.join(generator.path, relative)
        if os.path.abspath(path) in known:
            continue
        page = generator.readers.read_file(
            base_path=generator.path,
            path=relative,
            content_class=Page,
            context=generator.context,
        )
        if page.status == "published":
            generator.pages.append(page)
        elif page.status == "hidden":
            generator.hidden_pages.append(page)
        generator.add_source_path(page)
    generator.pages.sort(key=hugo_order)
    generator._update_context(("pages", "hidden_pages"))


def _section_indexes(generator) -> Iterable[str]:
    settings = generator.settings
    for folder in settings["ARTICLE_PATHS"]:
        root = os.path.join(generator.path, folder)
        for parent, _, files in os.walk(root):
            if "_index.md" in files:
                full = os.path.join(parent, "_index.md")
                yield os.path.relpath(full, generator.path)


def hugo_order(page) -> tuple:
    """Hugo's default order: weighted pages first (lightest first), then the
    newest, then by title."""
    weight = getattr(page, "weight", 0) or 0
    date = getattr(page, "date", None)
    stamp = date.timestamp() if date is not None and hasattr(date, "timestamp") else 0
    title = getattr(page, "linktitle", None) or getattr(page, "title", "")
    return (0 if weight > 0 else 1, weight, -stamp, str(title).lower())


class OutputClash(RuntimeError):
    """Two files claim one output path; raised before anything is written."""


class HugoSiteGenerator(Generator):
    """Checks output paths, writes alias redirects and copies bundle files."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.redirects: dict[str, str] = {}  # output path -> target URL
        self.bundles: list[tuple[str, str, bool]] = []
        self.auto_sections: list[Page] = []

    def generate_context(self) -> None:
        claimed: dict[str, str] = {}  # output path -> "file:line" that claims it
        clashes_before = len(state.problems())
        contents = list(_contents(self.context))
        for content in contents:
            save_as = content.save_as
            if save_as:
                self._claim(claimed, save_as, _where(content, "url"))
        if plugin_options(self.settings)["hugo_urls"]:
            self.auto_sections = self._sections_without_index(contents)
            for page in self.auto_sections:
                self._claim(claimed, page.save_as, f"the section {page.section}/")
        for content in contents:
            for alias in getattr(content, "aliases", []) or []:
                location = urls.alias_location(alias, content.url)
                self._claim(claimed, location, _where(content, "aliases"))
                self.redirects[location] = self._absolute(content.url)
        clashes = len(state.problems()) - clashes_before
        if clashes:
            raise OutputClash(
                f"{clashes} output path(s) are claimed twice (listed above); "
                "nothing was written"
            )
        self._place_bundles(contents)

    def _place_bundles(self, contents: list) -> None:
        """Where each bundle's files go: beside its page's output file."""
        written = {
            os.path.dirname(os.path.abspath(content.source_path)): content.save_as
            for content in contents
            if os.path.basename(content.source_path) in ("index.md", "_index.md")
        }
        for bundle in state.bundles():
            save_as = written.get(bundle.folder, bundle.save_as)
            if bundle.publish and save_as:
                target = posixpath.dirname(save_as)
                self.bundles.append((bundle.folder, target, bundle.is_leaf))

    def _sections_without_index(self, contents: list) -> list[Page]:
        """Hugo gives every top-level folder that holds pages a list page,
        even without an ``_index.md``; so does this."""
        root = os.path.abspath(self.path)
        sections = set()
        for content in contents:
            parts = os.path.relpath(os.path.abspath(content.source_path), root).split(
                os.sep
            )
            is_top_bundle = len(parts) == 2 and parts[1] == "index.md"
            if len(parts) >= 2 and not is_top_bundle:
                sections.add(parts[0])
        pages = []
        for name in sorted(sections):
            if os.path.isfile(os.path.join(root, name, "_index.md")):
                continue
            in_content = f"{name}/_index.md"
            metadata = {
                "title": name.replace("-", " ").replace("_", " ").title(),
                "hugo_kind": "section",
                "section": name,
                **urls.output_location(urls.default_path(in_content)),
            }
            source = os.path.join(root, name, "_index.md")
            page = Page("", metadata, self.settings, source, self.context)
            page.template = (
                choose_template(metadata, Source(in_content, in_content), self.settings)
                or "page"
            )
            pages.append(page)
        return pages

    def _claim(self, claimed: dict[str, str], path: str, where: str) -> None:
        path = posixpath.normpath(path)
        if path in claimed:
            state.report(
                f"{where}: writes {path}, which {claimed[path]} writes too; "
                "give one of them another url, slug or alias"
            )
        else:
            claimed[path] = where

    def _absolute(self, url: str) -> str:
        return f"{self.settings.get('SITEURL', '')}/{url}"

    def generate_output(self, writer) -> None:
        for page in self.auto_sections:
            writer.write_file(
                page.save_as,
                self.get_template(page.template),
                self.context,
                page=page,
                relative_urls=self.settings["RELATIVE_URLS"],
            )
        output = self.output_path
        lang = self.settings.get("DEFAULT_LANG", "en")
        for location, target in sorted(self.redirects.items()):
            path = os.path.join(output, *location.split("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(
                    REDIRECT_PAGE.format(
                        lang=html.escape(lang), target=html.escape(target)
                    )
                )
        for folder, target, is_leaf in self.bundles:
            _copy_resources(folder, os.path.join(output, *target.split("/")), is_leaf)


def _copy_resources(folder: str, destination: str, recursive: bool) -> None:
    """Copy a bundle's files that are not content beside its page."""
    for parent, dirs, files in os.walk(folder):
        if not recursive:
            dirs.clear()
        else:
            # A sub-folder that is a bundle of its own keeps its files.
            dirs[:] = [
                d
                for d in dirs
                if not os.path.isfile(os.path.join(parent, d, "index.md"))
                and not os.path.isfile(os.path.join(parent, d, "_index.md"))
            ]
        relative = os.path.relpath(parent, folder)
        for name in files:
            if name.lower().endswith(_CONTENT_SUFFIXES):
                continue
            target_dir = os.path.normpath(os.path.join(destination, relative))
            os.makedirs(target_dir, exist_ok=True)
            shutil.copy2(os.path.join(parent, name), os.path.join(target_dir, name))


def _contents(context: dict[str, Any]) -> Iterable:
    for key in _CONTEXT_LISTS:
        for content in context.get(key, []) or []:
            yield content
            yield from getattr(content, "translations", [])


def _where(content, key: str) -> str:
    lines = getattr(content, "hugo_lines", {}) or {}
    return f"{display_path(content.source_path)}:{lines.get(key, 1)}"
