"""Hugo's site-wide rules, applied once every file has been read.

- A section's ``_index.md`` in an article folder is a page (its list page);
  an undated article gets Hugo's zero date.
- Pages are ordered as Hugo orders them: by ``weight``, then date, then title.
- Two files may not claim the same output path, nor a path Pelican, the
  theme or a plugin writes (``reserved_outputs``); an alias yields to a page,
  and of two pages' aliases Hugo's choice wins (warnings, not errors).
- Each alias becomes a small redirect page; each page bundle's other files
  are copied beside its output, never from outside the content folder.
- The home page and each section's list page are paged as Hugo pages them
  for a theme that pages its lists (Hugo's URLs): later pages at
  ``<list>/page/N/`` and ``<list>/page/1/`` a redirect to the list.
"""

from __future__ import annotations

import datetime
import html
import itertools
import logging
import os
import posixpath
import re
import shutil
from collections.abc import Iterable
from types import SimpleNamespace
from typing import Any

from pelican import signals
from pelican.contents import Page
from pelican.generators import Generator
from pelican.utils import SafeDatetime

from cameo_shared.paths import display_path, is_inside, path_in

from ..content import files as content_files
from ..content import urls
from ..content.frontmatter import FrontMatterError
from ..content.options import plugin_options
from ..content.source import (
    TRANSLATION_KEY,
    Source,
    content_root,
    default_language,
    hugo_path,
    language_prefix,
)
from ..content.templates import choose_template
from ..hugo_templates.funcs.inflect import Inflect
from ..hugo_templates.loader import write_published
from . import pagination, state

logger = logging.getLogger(__name__)

_CONTENT_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown", ".rst", ".html", ".htm")
_CONTEXT_LISTS = (
    "articles",
    "hidden_articles",
    "pages",
    "hidden_pages",
)

# The setting where another plugin names the files it writes (path -> what
# writes it), so that a page or alias claiming one of them is a clash.
RESERVED_OUTPUTS = "HUGO_FRONTMATTER_RESERVED_OUTPUTS"
# Pelican's feed settings: FEED_ATOM, FEED_ALL_RSS, TAG_FEED_ATOM, ...
_FEED_SETTING = re.compile(r"^(?:[A-Z]+_)?FEED_(?:ALL_)?(?:ATOM|RSS)$")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
# What to do when something else writes at the home page's path: the home
# page stays at the site's root, as in Hugo.
_HOME_FIX = (
    "the home page is always at the site's root: move the other one (its "
    "setting names where it goes) or leave it out"
)
# A bundle's page: index.md, _index.md, or a translation (_index.pt-br.md).
_BUNDLE_PAGE = re.compile(r"^_?index(?:\.[^./]+)?\.md$")
# Go's zero time, which Hugo gives a page without a date.
# The context's languages whose home page Hugo leaves out (a draft, future or
# expired content/_index.md): the whole tree hangs from it, so Hugo writes
# no list of terms there either, only 404.html and the sitemap.
UNBUILT_HOMES = "HUGO_UNBUILT_HOMES"
# Those whose home page is not written, built or not (_build: render never):
# neither the page nor its feed.
UNWRITTEN_HOMES = "HUGO_UNWRITTEN_HOMES"
# Pages Hugo builds but does not render (note_unrendered): what their section
# and terms need of them (source_path, lang, params).
UNRENDERED = "HUGO_UNRENDERED"
# The context's paged list pages (the home page, sections): a list page's
# save_as -> Pelican's paginator of what it lists; templates show its page 1
# (the later pages are written with ``paged``, the page they show).
PAGINATORS = "HUGO_PAGINATORS"
HUGO_ZERO_DATE = SafeDatetime(1, 1, 1, tzinfo=datetime.UTC)

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
    known = {page.source_path for page in _contents(generator.context)}
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


def hugo_order(page) -> tuple:
    """Hugo's default order: weighted pages first (lightest first), then the
    newest (an undated page has Hugo's zero date: last), then by title."""
    weight = getattr(page, "weight", 0) or 0
    date = getattr(page, "date", None)
    if not hasattr(date, "timestamp"):
        date = HUGO_ZERO_DATE
    stamp = date.timestamp()
    title = getattr(page, "linktitle", None) or getattr(page, "title", "")
    return (0 if weight > 0 else 1, weight, -stamp, str(title).lower())


def reserved_outputs(
    settings: dict[str, Any],
) -> tuple[dict[str, str], list[tuple[re.Pattern, str]]]:
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


class OutputClash(RuntimeError):
    """Two files claim one output path; raised before anything is written."""


class HugoSiteGenerator(Generator):
    """Checks output paths, writes alias redirects and copies bundle files."""

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
        claimed: dict[str, str] = {}  # output path -> "file:line" that claims it
        clashes_before = len(state.problems())
        self.reserved = reserved_outputs(self.settings)
        contents = list(_contents(self.context))
        for content in contents:
            save_as = content.save_as
            if save_as and getattr(content, "hugo_kind", "") == "home":
                self._claim(claimed, save_as, _where(content, "url"), _HOME_FIX)
            elif save_as:
                self._claim(claimed, save_as, _where(content, "url"))
        if plugin_options(self.settings)["hugo_urls"]:
            # a page Hugo does not render still makes its section exist
            unrendered = self.context.get(UNRENDERED, [])
            self.auto_sections = self._sections_without_index([*contents, *unrendered])
            for page in self.auto_sections:
                self._claim(claimed, page.save_as, f"the section {page.section}/")
            self.lists = self._paged_lists([*contents, *self.auto_sections])
            self._claim_later_pages(claimed)
        self._claim_aliases(contents, claimed)
        self._default_language_root(claimed)
        self._place_bundles(contents, claimed)
        clashes = len(state.problems()) - clashes_before
        if clashes:
            raise OutputClash(
                f"{clashes} problem(s) with output paths (listed above); "
                "nothing was written"
            )

    def replan(self) -> None:
        """Work out the paged lists again from the site's pages as they are
        now (live reload, after a page moved between lists)."""
        if plugin_options(self.settings)["hugo_urls"]:
            contents = list(_contents(self.context))
            self.lists = self._paged_lists([*contents, *self.auto_sections])
            self.context[PAGINATORS] = self._paginators()

    def _paged_lists(self, contents: list) -> list[tuple[Page, list]]:
        """The home pages and sections' list pages, when lists are paged
        (DEFAULT_PAGINATION, the config's ``paginate``), each with what it
        lists in Hugo's order (``.Pages``), in its language: a section its
        regular pages and its sub-sections (a page in a folder of no
        ``_index`` is its nearest section's), the home page the regular
        pages of the main sections."""
        if pagination.page_size(self.settings) is None:
            return []  # lists are not paged (no config's ``paginate``)
        published = [c for c in contents if getattr(c, "status", "") == "published"]
        default = default_language(self.settings)
        languages = self.settings.get("HUGO_LANGUAGES") or []

        def language(content) -> str:
            lang = str(getattr(content, "lang", "") or "").lower()
            return lang if lang in languages else default

        by_language: dict[str, list] = {}
        for content in sorted(published, key=hugo_order):
            by_language.setdefault(language(content), []).append(content)
        lists = []
        for items in by_language.values():
            sections = {
                self._folder(item): item
                for item in items
                if getattr(item, "hugo_kind", "") == "section"
            }
            entries: dict[str, list] = {folder: [] for folder in sections}
            for item in items:
                kind = getattr(item, "hugo_kind", "")
                if kind == "page":
                    where = self._folder(item)
                elif kind == "section":
                    where = posixpath.dirname(self._folder(item))
                else:
                    continue
                while where and where not in sections:
                    where = posixpath.dirname(where)
                if where:
                    entries[where].append(item)
            lists.extend((page, entries[folder]) for folder, page in sections.items())
            lists.extend(
                (home, pagination.main_section_pages(items, self.settings))
                for home in items
                if getattr(home, "hugo_kind", "") == "home"
            )
        return lists

    def _folder(self, content) -> str:
        """The folder in Hugo's content a list page stands for, or that holds
        a regular page (a leaf bundle's folder is the page itself)."""
        relative = os.path.relpath(os.path.abspath(content.source_path), self.path)
        inside, _ = hugo_path(relative.replace(os.sep, "/"), self.settings)
        folder, name = posixpath.split(inside)
        if name.startswith("index.") and getattr(content, "hugo_kind", "") == "page":
            folder = posixpath.dirname(folder)
        return folder

    def _paginators(self) -> dict[str, Any]:
        return {
            page.save_as: pagination.paginator(
                page.save_as, page.url, entries, self.settings
            )
            for page, entries in self.lists
        }

    def _claim_later_pages(self, claimed: dict[str, str]) -> None:
        """Claim each paged list's later pages and its ``page/1/`` redirect."""
        paginators = self._paginators()
        self.context[PAGINATORS] = paginators
        for page, _ in self.lists:
            pages = paginators[page.save_as]
            for later in pagination.later_pages(pages):
                path = posixpath.normpath(later.save_as)
                label = f"page {later.number} of the list /{page.url}"
                if path in claimed:  # a page's url: named first, as the one to move
                    state.report(
                        f"{claimed[path]}: writes {path}, which {label} writes "
                        "too; give the page another url or slug"
                    )
                else:
                    self._claim(claimed, path, label)
            location = pagination.page_one_location(page.url)
            if location not in claimed:
                claimed[location] = f"page 1 of the list /{page.url}"
                self.redirects[location] = (
                    self._absolute(page.url),
                    getattr(page, "lang", ""),
                )

    def _claim_aliases(self, contents: list, claimed: dict[str, str]) -> None:
        """A redirect for each alias, as Hugo 0.111 writes them: a page's own
        path wins over an alias of it; of two pages with one alias, the one
        whose file comes last in path order wins. Both with a warning."""
        pages = dict(claimed)  # what pages and list pages write
        by_alias: dict[str, str] = {}  # output path -> "file:line" of the alias
        for content in sorted(contents, key=_source_order):
            for alias in getattr(content, "aliases", []) or []:
                location = posixpath.normpath(urls.alias_location(alias, content.url))
                where = _where(content, "aliases")
                if location == "index.html":
                    state.report(
                        f"{where}: the alias {alias!r} resolves to the site's "
                        "root (Hugo stops here too); give another alias or "
                        "remove it"
                    )
                    continue
                if location in pages:
                    logger.warning(
                        "%s: the alias %s is the page of %s (%s); the page is "
                        "kept there and the alias is not written, as in Hugo",
                        where,
                        alias,
                        pages[location],
                        location,
                    )
                    continue
                if location in by_alias:
                    logger.warning(
                        "%s: the alias %s is also an alias of %s; it redirects "
                        "here, to the file last in path order, as in Hugo",
                        where,
                        alias,
                        by_alias[location],
                    )
                    claimed[location] = where
                else:
                    self._claim(claimed, location, where)
                by_alias[location] = where
                self.redirects[location] = (
                    self._absolute(content.url),
                    getattr(content, "lang", ""),
                )

    def _default_language_root(self, claimed: dict[str, str]) -> None:
        """A site of several languages has a folder for each; Hugo 0.111
        writes the default language's (``/en/``) as a redirect to the home
        page, or the home page as a redirect to it (in a subfolder)."""
        languages = self.settings.get("HUGO_LANGUAGES") or []
        if len(languages) < 2:
            return
        default = default_language(self.settings)
        if self.settings.get("HUGO_DEFAULT_IN_SUBDIR"):
            location, target = "index.html", f"{default}/"
        else:
            location, target = f"{default}/index.html", ""
        if location not in claimed:
            claimed[location] = f"the language {default}"
            self.redirects[location] = (self._absolute(target), default)

    def _place_bundles(self, contents: list, claimed: dict[str, str]) -> None:
        """Where each bundle's files go: beside its page's output file, and
        beside each of its translations' (``_index.fr.md``: the home page's
        files are in each language's home, as in Hugo). A file (or folder)
        that is a link out of the content folder is an error."""
        written: dict[str, set[str]] = {}
        for content in contents:
            if _BUNDLE_PAGE.match(os.path.basename(content.source_path)):
                folder = os.path.dirname(os.path.abspath(content.source_path))
                written.setdefault(folder, set()).add(content.save_as)
        root = os.path.realpath(self.path)
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
                    self._claim(claimed, output, display_path(source))
                    self.bundles.append((source, output))
        if plugin_options(self.settings)["hugo_urls"]:
            self._place_loose_files(claimed)

    def _place_loose_files(self, claimed: dict[str, str]) -> None:
        """The content's files in no bundle (raw ``.html`` pages, images
        beside pages, files at the top of the content), each copied to its
        own path below its language's folder, as Hugo copies them; Pelican's
        static folders are Pelican's to copy."""
        root = os.path.realpath(self.path)
        static = [
            os.path.join(self.path, path) for path in self.settings["STATIC_PATHS"]
        ]
        for folder, prefix in self._content_roots():
            others = [
                os.path.join(self.path, *other.split("/"))
                for other, _ in self._content_roots()
                if other != folder and (not folder or other.startswith(f"{folder}/"))
            ]
            top = os.path.join(self.path, *folder.split("/")) if folder else self.path
            for source, relative in content_files.loose_files(top, [*static, *others]):
                if not _copyable(source, root):
                    continue
                output = posixpath.join(prefix, relative) if prefix else relative
                self._claim(claimed, output, display_path(source))
                self.bundles.append((source, output))

    def _content_roots(self) -> list[tuple[str, str]]:
        """Hugo's content folders (posix, in Pelican's PATH; '' for PATH
        itself), each with the folder its language's pages go under."""
        folders = self.settings.get("HUGO_CONTENT_DIRS") or {}
        roots = [
            (folder, language_prefix(lang, self.settings))
            for lang, folder in sorted(folders.items())
            if folder
        ]
        whole = next((lang for lang, folder in folders.items() if not folder), "")
        # PATH is content itself unless it is the site's root, which holds
        # the languages' folders (config.content_folders).
        if not folders or whole:
            roots.append(("", language_prefix(whole, self.settings)))
        return roots

    def _sections_without_index(self, contents: list) -> list[Page]:
        """Hugo gives every top-level folder that holds pages a list page,
        even without an ``_index.md``; so does this. The folders are
        Hugo's: those at the top of each language's own folder (contentDir),
        not that folder itself."""
        root = os.path.abspath(self.path)
        # (section, language) -> the folder above it, in PATH, and its language
        sections: dict[tuple[str, str], tuple[str, str]] = {}
        default = default_language(self.settings)
        languages = self.settings.get("HUGO_LANGUAGES") or []
        for content in contents:
            lang = str(getattr(content, "lang", "") or "")
            lang = lang if lang in languages else default
            relative = os.path.relpath(os.path.abspath(content.source_path), root)
            relative = relative.replace(os.sep, "/")
            inside, folder_lang = hugo_path(relative, self.settings)
            parts = inside.split("/")
            is_top_bundle = len(parts) == 2 and parts[1] == "index.md"
            if len(parts) >= 2 and not is_top_bundle:
                sections.setdefault(
                    (parts[0], lang),
                    (content_root(relative, self.settings), folder_lang or default),
                )
        pages = []
        for (name, lang), (folder, folder_lang) in sorted(sections.items()):
            names = [f"_index.{lang}.md"]
            if lang == folder_lang:
                names.append("_index.md")
            above = os.path.join(root, *folder.split("/")) if folder else root
            if any(os.path.isfile(os.path.join(above, name, n)) for n in names):
                continue
            in_content = f"{name}/_index.md"
            prefix = language_prefix(lang, self.settings)
            path = urls.default_path(in_content)
            metadata = {
                "title": section_title(name, self.settings),
                "hugo_kind": "section",
                "section": name,
                "lang": lang,
                **urls.output_location(f"/{prefix}{path}" if prefix else path),
            }
            source = os.path.join(above, name, "_index.md")
            page = Page("", metadata, self.settings, source, self.context)
            page.template = (
                choose_template(metadata, Source(in_content, in_content), self.settings)
                or "page"
            )
            pages.append(page)
        return pages

    def _claim(
        self, claimed: dict[str, str], path: str, where: str, fix: str = ""
    ) -> None:
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
        elif path in claimed:
            state.report(
                f"{where}: writes {path}, which {claimed[path]} writes too; "
                f"{fix or 'give one of them another url, slug or alias'}"
            )
        else:
            claimed[path] = where

    def _absolute(self, url: str) -> str:
        return f"{self.settings.get('SITEURL', '')}/{url}"

    def generate_output(self, writer) -> None:
        self.write_pages(writer)
        output = self.output_path
        default = self.settings.get("DEFAULT_LANG", "en")
        for location, (target, lang) in sorted(self.redirects.items()):
            lang = lang or default
            path = inside_output(output, location)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(
                    REDIRECT_PAGE.format(
                        lang=html.escape(lang), target=html.escape(target)
                    )
                )
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
        paginators = self.context.get(PAGINATORS) or {}
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


def inside_output(output: str, relative: str) -> str:
    """The file ``relative`` (a posix path) in ``output``; never outside it,
    also not through a symbolic link."""
    path = path_in(output, relative)
    if path is None:
        raise OutputClash(f"{relative} would be written outside {output}")
    return path


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


def _contents(context: dict[str, Any]) -> Iterable:
    """Every page and article once (Pelican lists two files with one slug as
    each other's translations, and both in the lists too)."""
    seen: set[int] = set()
    for key in _CONTEXT_LISTS:
        for content in context.get(key, []) or []:
            for item in [content, *getattr(content, "translations", [])]:
                if id(item) not in seen:
                    seen.add(id(item))
                    yield item


def _source_order(content) -> str:
    return content.relative_source_path.replace(os.sep, "/")


def _where(content, key: str) -> str:
    lines = getattr(content, "hugo_lines", {}) or {}
    return f"{display_path(content.source_path)}:{lines.get(key, 1)}"
