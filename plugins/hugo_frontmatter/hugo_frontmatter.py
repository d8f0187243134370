"""Pelican plugin: read Hugo front matter and content layout.

A file whose front matter is wrong is reported (file, line, what to do) and
left out by Pelican; at the end of the run the plugin makes the build fail, so a
site is never published with a page silently missing.
"""

from __future__ import annotations

import logging
import os

from pelican import signals
from pelican.settings import DEFAULT_CONFIG

from cameo_shared.paths import display_path

from .config import handoff, mounts
from .content.frontmatter import FrontMatterError
from .content.options import permalinks_problem, plugin_options
from .content.source import TRANSLATION_KEY, default_language
from .content.urls import HOME_PAGE_SOURCE
from .html_reader import HugoHTMLReader
from .markdown import cache as markdown_cache
from .reader import HugoMarkdownReader
from .site import (
    feed_text,
    nameless_terms,
    pagination,
    state,
    static_links,
    taxonomies,
)
from .site import (
    rules as site,
)

logger = logging.getLogger(__name__)

# Where Pelican's list of posts goes when content/_index.md is the home page.
BLOG_INDEX_SAVE_AS = "blog_index.html"


class BuildStopped(RuntimeError):
    """Raised at the end of a run in which some files had problems."""


def on_initialized(pelican) -> None:
    state.reset()
    options = plugin_options(pelican.settings)  # an unknown one stops the build
    if options["hugo_config"]:
        given = options["hugo_config"]
        found = handoff.read_handoff(given, pelican.settings["PATH"])
        handoff.apply(pelican.settings, found)
        options = plugin_options(pelican.settings)
    # Checked once here, not each time a page asks for the options.
    problem = permalinks_problem(options["permalinks"])
    if problem:
        raise ValueError(f"HUGO_FRONTMATTER['permalinks'] {problem}")
    if options["hugo_urls"] or len(pelican.settings.get("HUGO_LANGUAGES") or ()) > 1:
        # Hugo links translations by the file's path (or translationKey),
        # never by title: Pelican's default (the slug, from the title) would
        # pair two posts of one title, and never pairs _index.zh.md with
        # _index.md, whose titles differ.
        for name in ("ARTICLE_TRANSLATION_ID", "PAGE_TRANSLATION_ID"):
            if pelican.settings.get(name) == DEFAULT_CONFIG[name]:
                pelican.settings[name] = TRANSLATION_KEY
    move_blog_index(pelican.settings)
    markdown_cache.start(pelican.settings, options["markdown_cache"])


def move_blog_index(settings: dict) -> None:
    """Hugo's layout: ``content/_index.md`` is the home page, at
    ``index.html``. Pelican's list of posts (the ``index`` page) would be
    written there too, so it moves aside to ``blog_index.html`` (Pelican's
    own advice for a site whose home page is a page), unless the settings
    already put it elsewhere. With ``defaultContentLanguageInSubdir``
    (several languages) it is left out: ``index.html`` is then Hugo's
    redirect to the default language's home (``/en/``), which is its
    ``_index.md`` or the plugin's list of that language's pages, and Hugo
    writes no other list of posts (nor does the theme link to one)."""
    templates = settings.get("DIRECT_TEMPLATES", [])
    if "index" not in templates:
        return
    if settings.get("INDEX_SAVE_AS", "index.html") != "index.html":
        return
    if settings.get("HUGO_DEFAULT_IN_SUBDIR") and (
        len(settings.get("HUGO_LANGUAGES") or []) > 1
    ):
        settings["DIRECT_TEMPLATES"] = [name for name in templates if name != "index"]
        logger.info(
            "the site's index.html is a redirect to its language's home; "
            "Pelican's list of posts (DIRECT_TEMPLATES 'index') is left out"
        )
        return
    folders = settings.get("HUGO_CONTENT_DIRS") or {}
    root = os.path.join(settings["PATH"], folders.get(default_language(settings), ""))
    home = os.path.join(root, HOME_PAGE_SOURCE)
    if not os.path.isfile(home):
        return
    settings["INDEX_SAVE_AS"] = BLOG_INDEX_SAVE_AS
    logger.info(
        "%s is the home page; the list of posts is %s (INDEX_SAVE_AS)",
        display_path(home),
        BLOG_INDEX_SAVE_AS,
    )


def on_article_generator_init(generator) -> None:
    """Before the posts are read: convert the Markdown the cache lacks in
    parallel processes (the ``parallel_markdown`` option), so that a first
    build is quicker; the reader then finds it converted."""
    workers = parallel_workers(plugin_options(generator.settings))
    reader = generator.readers.readers.get("md")
    if workers < 2 or not isinstance(reader, HugoMarkdownReader):
        return
    paths = []
    # Hugo's content folders: PATH may be the site's root (README.md, public/).
    roots = mounts.content_folders({**generator.settings, "PATH": generator.path})
    for folder, folders, files in (walk for root in roots for walk in os.walk(root)):
        folders[:] = [name for name in folders if not name.startswith(".")]
        paths.extend(
            os.path.join(folder, name) for name in files if name.endswith(".md")
        )
    reader.prerender(sorted(paths), workers)


def parallel_workers(options) -> int:
    """How many processes convert Markdown: the option's number, or with
    ``"auto"`` one per processor up to four."""
    value = options["parallel_markdown"]
    if value == "auto":
        return min(os.cpu_count() or 1, 4)
    if isinstance(value, bool) or not isinstance(value, int):
        return 0
    return value


def on_readers_init(readers) -> None:
    for extension in HugoMarkdownReader.file_extensions:
        readers.reader_classes[extension] = _ReportingReader
    # With Hugo's URLs, HTML content follows Hugo's rule; else Pelican's.
    if plugin_options(readers.settings)["hugo_urls"]:
        for extension in HugoHTMLReader.file_extensions:
            readers.reader_classes[extension] = _ReportingHTMLReader


def on_article_generator_context(generator, metadata) -> None:
    site.section_index_in_articles(metadata)
    site.date_undated_article(metadata)
    site.own_translation_key(metadata)
    site.note_unrendered(generator, metadata)


def on_page_generator_context(generator, metadata) -> None:
    site.own_translation_key(metadata)
    site.note_unbuilt_home(generator, metadata)
    site.note_unrendered(generator, metadata)


def on_page_generator_finalized(generator) -> None:
    site.add_section_pages(generator)


def on_get_generators(pelican):
    # The taxonomy pages first: they reserve their paths before the site's
    # generator checks every page's.
    return (taxonomies.HugoTaxonomyGenerator, site.HugoSiteGenerator)


def on_finalized(pelican) -> None:
    markdown_cache.finish()
    count = len(state.problems())
    if count:
        raise BuildStopped(
            f"{count} problem(s) with Hugo content (listed above); "
            "fix them and build again"
        )


class _Reporting:
    """A reader that names the file of any problem and keeps it (``state``)."""

    def read(self, source_path):
        try:
            return super().read(source_path)
        except FrontMatterError as error:
            state.report(error)
            raise
        except Exception as error:  # whatever breaks, name the file
            problem = FrontMatterError(
                display_path(source_path),
                1,
                f"could not be read ({type(error).__name__}: {error}); check its "
                "front matter, and report the file to the hugo_frontmatter "
                "plugin if it is valid for Hugo",
            )
            state.report(problem)
            raise problem from error


class _ReportingReader(_Reporting, HugoMarkdownReader):
    pass


class _ReportingHTMLReader(_Reporting, HugoHTMLReader):
    pass


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.readers_init.connect(on_readers_init)
    signals.article_generator_init.connect(on_article_generator_init)
    signals.article_generator_context.connect(on_article_generator_context)
    signals.page_generator_context.connect(on_page_generator_context)
    signals.page_generator_finalized.connect(on_page_generator_finalized)
    signals.static_generator_finalized.connect(static_links.refuse_links_out)
    signals.feed_generated.connect(feed_text.leave_out_control_characters)
    signals.content_object_init.connect(nameless_terms.leave_out_nameless_terms)
    signals.get_generators.connect(on_get_generators)
    signals.content_written.connect(pagination.write_page_one)
    signals.finalized.connect(on_finalized)
