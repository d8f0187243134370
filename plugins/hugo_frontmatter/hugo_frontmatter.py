"""Pelican plugin: read Hugo front matter and content layout.

A file whose front matter is wrong is reported (file, line, what to do) and
left out by Pelican; at the end of the run the plugin makes the build fail, so a
site is never published with a page silently missing.
"""

from __future__ import annotations

from pelican import signals

from . import markdown_cache, site, state
from .fields import plugin_options
from .frontmatter import FrontMatterError
from .reader import HugoMarkdownReader


class BuildStopped(RuntimeError):
    """Raised at the end of a run in which some files had problems."""


def on_initialized(pelican) -> None:
    state.reset()
    options = plugin_options(pelican.settings)  # an unknown one stops the build
    markdown_cache.start(pelican.settings, options["markdown_cache"])


def on_readers_init(readers) -> None:
    for extension in HugoMarkdownReader.file_extensions:
        readers.reader_classes[extension] = _ReportingReader


def on_article_generator_context(generator, metadata) -> None:
    site.section_index_in_articles(metadata)


def on_page_generator_finalized(generator) -> None:
    site.add_section_pages(generator)


def on_get_generators(pelican):
    return site.HugoSiteGenerator


def on_finalized(pelican) -> None:
    markdown_cache.finish()
    count = len(state.problems())
    if count:
        raise BuildStopped(
            f"{count} problem(s) with Hugo content (listed above); "
            "fix them and build again"
        )


class _ReportingReader(HugoMarkdownReader):
    def read(self, source_path):
        try:
            return super().read(source_path)
        except FrontMatterError as error:
            state.report(error)
            raise


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.readers_init.connect(on_readers_init)
    signals.article_generator_context.connect(on_article_generator_context)
    signals.page_generator_finalized.connect(on_page_generator_finalized)
    signals.get_generators.connect(on_get_generators)
    signals.finalized.connect(on_finalized)
