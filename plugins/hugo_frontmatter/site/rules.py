"""Hugo's site-wide rules, as Pelican calls them.

- While Pelican reads (its generators' context signals): a section's
  ``_index.md`` in an article folder is a page (its list page), read again
  among the pages once they are read (``add_section_pages``); an undated
  article gets Hugo's zero date (``order``); every page gets a translation
  key; the homes and pages Hugo does not build or render are noted in the
  context (``context``).
- Once every file has been read, ``HugoSiteGenerator`` checks that no two
  files claim one output path, nor a path Pelican, the theme or a plugin
  writes (``clashes``), then writes what Pelican does not: the list pages of
  sections without an ``_index.md`` (``sections``), the later pages of the
  home page's and sections' paged lists (``paged_lists``), the alias
  redirects (``aliases``) and the bundles' files (``bundles``).
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterable
from types import SimpleNamespace
from typing import Any

from pelican import signals
from pelican.contents import Page
from pelican.generators import Generator

from cameo_shared.contract import HUGO_PAGINATORS
from cameo_shared.paths import display_path

from ..content.frontmatter import FrontMatterError
from ..content.options import plugin_options
from ..content.source import TRANSLATION_KEY
from ..hugo_templates.loader import write_published
from . import aliases, bundles, paged_lists, pagination, sections, state
from .clashes import HOME_FIX, Claims, reserved_outputs, where
from .context import UNBUILT_HOMES, UNRENDERED, UNWRITTEN_HOMES, each_content
from .order import HUGO_ZERO_DATE, hugo_order
from .outputs import OutputClash, inside_output, write_redirect


def section_index_in_articles(metadata: dict[str, Any]) -> None:
    """Leave the home page's and a section's ``_index.md`` out of the
    articles; each is read as a page (Hugo lists neither with the posts)."""
    if metadata.get("hugo_kind") in ("home", "section"):
        metadata["status"] = "skip"


def date_undated_article(metadata: dict[str, Any]) -> None:
    """Pelican skips an article without a date; Hugo builds it with its zero
    date (0001-01-01 UTC), which sorts it after every dated one. The article
    gets that date, and ``hugo_undated`` tells templates not to show it."""
    if "hugo_kind" in metadata and "date" not in metadata:
        metadata["date"] = HUGO_ZERO_DATE
        metadata["hugo_undated"] = True


_file_numbers = itertools.count()


def note_unbuilt_home(generator, metadata: dict[str, Any]) -> None:
    """Keep the language of a home page Hugo does not build (a page it only
    does not render, ``_build: {render: never}``, still has its lists)."""
    if metadata.get("hugo_kind") != "home" or metadata.get("status") != "skip":
        return
    lang = str(metadata.get("lang") or "").lower()
    generator.context.setdefault(UNWRITTEN_HOMES, set()).add(lang)
    if (metadata.get("build") or {}).get("render") not in ("never", "link"):
        generator.context.setdefault(UNBUILT_HOMES, set()).add(lang)


def note_unrendered(generator, metadata: dict[str, Any]) -> None:
    """Keep a page Hugo builds but does not write (headless, ``_build:
    {render: never}``): it still makes its section and its terms exist (a
    list page's ``_index.md``, its terms)."""
    source_path = metadata.pop("hugo_unrendered", None)
    if source_path:  # a page, or a section's or home's _index.md
        unrendered = generator.context.setdefault(UNRENDERED, [])
        unrendered.append(
            SimpleNamespace(
                source_path=source_path,
                lang=metadata.get("lang", ""),
                params=metadata.get("params") or {},
            )
        )


def own_translation_key(metadata: dict[str, Any]) -> None:
    """A file that another reader read (reST, HTML) is no one's translation:
    Pelican's translation ID must be set on every page."""
    metadata.setdefault(TRANSLATION_KEY, f"\0{next(_file_numbers)}")


def add_section_pages(generator) -> None:
    """Read the ``_index.md`` files of article folders as pages."""
    known = {page.source_path for page in each_content(generator.context)}
    known.update(page.source_path for page in generator.draft_pages)
    for relative in _section_indexes(generator):
        path = os.path.join(generator.path, relative)
        if os.path.abspath(path) in known:
            continue
        try:
            page = generator.readers.read_file(
                base_path=generator.path,
                path=relative,
                content_class=Page,
                context=generator.context,
                context_signal=signals.page_generator_context,
                context_sender=generator,
            )
        except FrontMatterError:
            continue  # the reader has reported it
        except Exception as error:  # Pelican's page object refused the metadata
            state.report(
                f"{display_path(path)}:1: could not be read ({type(error).__name__}: "
                f"{error}); check its front matter"
            )
            continue
        # A file left out (status "skip": a draft, future or expired
        # section) comes back as Pelican's stand-in, which has no status.
        status = getattr(page, "status", None)
        if status is None:
            continue
        if status == "published":
            generator.pages.append(page)
        elif status == "hidden":
            generator.hidden_pages.append(page)
        generator.add_source_path(page)
    generator.pages.sort(key=hugo_order)
    # What PagesGenerator.generate_context does with its lists, done here in
    # the open: the templates' ``pages`` and ``hidden_pages`` are these lists.
    generator.context["pages"] = generator.pages
    generator.context["hidden_pages"] = generator.hidden_pages


def _section_indexes(generator) -> Iterable[str]:
    settings = generator.settings
    for folder in settings["ARTICLE_PATHS"]:
        root = os.path.join(generator.path, folder)
        for parent, _, files in os.walk(root):
            for name in sorted(files):
                # _index.md, and its translations (_index.pt-br.md)
                if name == "_index.md" or (
                    name.startswith("_index.") and name.endswith(".md")
                ):
                    full = os.path.join(parent, name)
                    yield os.path.relpath(full, generator.path)


class HugoSiteGenerator(Generator):
    """Checks output paths, writes alias redirects and copies bundle files;
    with Hugo's URLs, writes the sections without ``_index.md`` and the
    later pages of paged lists."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # output path -> (target URL, language of the page)
        self.redirects: dict[str, tuple[str, str]] = {}
        self.bundles: list[tuple[str, str]] = []  # (file, output path)
        self.reserved: tuple[dict[str, str], list] = ({}, [])
        self.auto_sections: list[Page] = []
        # Each paged list page with what it lists, in Hugo's order.
        self.lists: list[tuple[Page, list]] = []

    def generate_context(self) -> None:
        clashes_before = len(state.problems())
        self.reserved = reserved_outputs(self.settings)
        claims = Claims(self.reserved)
        contents = list(each_content(self.context))
        for content in contents:
            save_as = content.save_as
            if save_as and getattr(content, "hugo_kind", "") == "home":
                claims.claim(save_as, where(content, "url"), HOME_FIX)
            elif save_as:
                claims.claim(save_as, where(content, "url"))
        if plugin_options(self.settings)["hugo_urls"]:
            self._plan_lists(contents, claims)
        aliases.claim_aliases(contents, claims, self.redirects, self.settings)
        aliases.default_language_root(claims, self.redirects, self.settings)
        self.bundles.extend(
            bundles.place_bundles(contents, claims, self.path, self.settings)
        )
        clashes = len(state.problems()) - clashes_before
        if clashes:
            raise OutputClash(
                f"{clashes} problem(s) with output paths (listed above); "
                "nothing was written"
            )

    def _plan_lists(self, contents: list, claims: Claims) -> None:
        """The sections without ``_index.md`` and the paged lists, with
        Hugo's URLs: their pages claimed, their paginators in the context."""
        # a page Hugo does not render still makes its section exist
        unrendered = self.context.get(UNRENDERED, [])
        self.auto_sections = sections.sections_without_index(
            [*contents, *unrendered], self.path, self.settings, self.context
        )
        for page in self.auto_sections:
            claims.claim(page.save_as, f"the section {page.section}/")
        self.lists = paged_lists.paged_lists(
            [*contents, *self.auto_sections], self.path, self.settings
        )
        paginators = paged_lists.paginators(self.lists, self.settings)
        self.context[HUGO_PAGINATORS] = paginators
        paged_lists.claim_later_pages(
            self.lists, paginators, claims, self.redirects, self.settings
        )

    def replan(self) -> None:
        """Work out the paged lists again from the site's pages as they are
        now (live reload, after a page moved between lists)."""
        if plugin_options(self.settings)["hugo_urls"]:
            contents = list(each_content(self.context))
            self.lists = paged_lists.paged_lists(
                [*contents, *self.auto_sections], self.path, self.settings
            )
            self.context[HUGO_PAGINATORS] = paged_lists.paginators(
                self.lists, self.settings
            )

    def generate_output(self, writer) -> None:
        self.write_pages(writer)
        output = self.output_path
        default = self.settings.get("DEFAULT_LANG", "en")
        for location, (target, lang) in sorted(self.redirects.items()):
            write_redirect(inside_output(output, location), target, lang or default)
        for source, relative in self.bundles:
            path = inside_output(output, relative)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            shutil.copy2(source, path)
        write_published(output)  # what the site's Go templates made

    def write_pages(self, writer) -> None:
        """The list pages of sections without an ``_index.md`` and the later
        pages of every paged list (what the redirects and bundle files aside,
        this generator renders); each list's page 1 is its page's own."""
        for page in self.auto_sections:
            writer.write_file(
                page.save_as,
                self.get_template(page.template),
                self.context,
                page=page,
                relative_urls=self.settings["RELATIVE_URLS"],
            )
        paginators = self.context.get(HUGO_PAGINATORS) or {}
        for page, _ in self.lists:
            for later in pagination.later_pages(paginators[page.save_as]):
                writer.write_file(
                    later.save_as,
                    self.get_template(page.template),
                    self.context,
                    page=page,
                    paged=later,
                    relative_urls=self.settings["RELATIVE_URLS"],
                )
