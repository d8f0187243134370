"""What crosses from one package to another, in one place.

The three packages are layered: the Hugo plugin (``hugo_frontmatter``) knows
nothing of the theme plugin (``cameo``) or the tooling (``cameo_tools``); the
theme plugin does not import the Hugo plugin; the tooling drives a build and
may import both. They still hand each other values, and each such value is
named here, with who writes it and who reads it, so that renaming one side
fails at import instead of silently:

- settings one package writes into Pelican's settings for another to read
  (``SETTINGS``);
- the signal the tooling sends after live reload renders the lists again
  (``LIVE_LISTS_RENDERED``);
- the generator methods live reload calls (``LiveGenerator``).

docs/development.md, "How the three packages talk", draws the picture.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

import blinker

# Pelican settings one package writes and another reads: name -> (writer,
# reader, what it holds). A site's own pelicanconf.py may set the CAMEO_*
# ones too; the Hugo plugin writes them only where the site did not.
CAMEO_DESCRIPTION = "CAMEO_DESCRIPTION"
CAMEO_LANGUAGES = "CAMEO_LANGUAGES"
CAMEO_PAGE_LANG = "CAMEO_PAGE_LANG"
HUGO_PAGINATORS = "HUGO_PAGINATORS"
HUGO_MARKDOWN_PLUGINS = "HUGO_MARKDOWN_PLUGINS"
RESERVED_OUTPUTS = "HUGO_FRONTMATTER_RESERVED_OUTPUTS"

SETTINGS: dict[str, tuple[str, str, str]] = {
    CAMEO_DESCRIPTION: (
        "hugo_frontmatter (config: params.description)",
        "cameo (page_data: a page's description when it has none)",
        "the site's description, a string",
    ),
    CAMEO_LANGUAGES: (
        "hugo_frontmatter (config: languages)",
        "cameo (page_data: the header of a page in another language)",
        "a language (a page's lang) -> {name: its site title, home: its home"
        " page's address, menu: [(title, URL)], code: its BCP 47 code (Hugo's"
        " site.LanguageCode), language_name: its languageName}; code and"
        " language_name only where Hugo gives one",
    ),
    CAMEO_PAGE_LANG: (
        "hugo_frontmatter (taxonomies: a list page of another language)",
        "theme templates (the page's lang attribute)",
        "the language code of a page Pelican's generators do not know",
    ),
    HUGO_PAGINATORS: (
        "hugo_frontmatter (site: every list Hugo pages)",
        "theme templates (section.html, page.html)",
        "a list page's save_as -> Pelican's Paginator of what it lists",
    ),
    HUGO_MARKDOWN_PLUGINS: (
        "cameo (its markdown-it plugins: outline, fragments)",
        "hugo_frontmatter (reader: the Markdown renderer of Hugo pages)",
        "markdown-it plugins (callables taking a MarkdownIt), run in order",
    ),
    RESERVED_OUTPUTS: (
        "cameo (the files the theme writes itself: sitemap.xml, robots.txt)",
        "hugo_frontmatter (site: an output clash names them)",
        "output path -> what writes it",
    ),
}

# Sent by cameo_tools after live reload has rendered the lists into a folder,
# for what a plugin writes from a whole build at its end (the cameo theme's
# sitemap). Keyword arguments: ``folder`` (where the files go) and
# ``settings`` (the build's).
LIVE_LISTS_RENDERED = blinker.signal("cameo_live_lists_rendered")


@runtime_checkable
class LiveGenerator(Protocol):
    """What live reload (cameo_tools.incremental and .moves) calls on a
    generator the Hugo plugin adds (its sections and its taxonomies), besides
    Pelican's own ``generate_output``. A generator without these methods is
    left to Pelican's public API."""

    def replan(self) -> None:
        """Work its lists out again from the posts kept (after a move)."""

    def write_pages(self, writer: Any) -> None:
        """Write what it planned with Pelican's writer."""


@runtime_checkable
class LiveTermsGenerator(LiveGenerator, Protocol):
    """A live generator of list pages and their feeds (the taxonomies')."""

    #: The list pages it will write: dicts with ``save_as`` and the
    #: ``kwargs`` (``articles``...) the template gets.
    planned: list[dict[str, Any]]
    #: The feeds it writes: (save_as, url, title, posts) tuples.
    feeds: list[tuple[str, str, str, list[Any]]]

    def write_term_feeds(self, output: str) -> None:
        """Write the feeds of terms into the folder ``output``."""
