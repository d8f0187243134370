"""The plugin's options (``HUGO_FRONTMATTER``): every one with its default,
the options a site's settings give, and the check of its ``permalinks``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import urls

# Every option of the plugin, with its default. Users set some of them in
# HUGO_FRONTMATTER = {...}; docs/front-matter.md documents each one.
DEFAULT_OPTIONS: dict[str, Any] = {
    # Publish pages marked `draft: true`, as `hugo --buildDrafts` does.
    "build_drafts": False,
    # Publish pages whose publishDate is in the future (`hugo --buildFuture`).
    "build_future": False,
    # Publish pages whose expiryDate has passed (`hugo --buildExpired`).
    "build_expired": False,
    # Give every page Hugo's default URL (/<section>/<slug or file name>/).
    "hugo_urls": False,
    # Keep converted Markdown in CACHE_PATH for the next build (markdown_cache).
    "markdown_cache": True,
    # Convert the Markdown the cache lacks in this many processes before
    # reading ("auto": one per processor, up to four; 0 or False: none).
    "parallel_markdown": "auto",
    # A Hugo config (hugo.toml, or the Hugo site's folder) to take settings
    # from, relative to the folder above the content folder (config.py).
    "hugo_config": None,
    # Hugo's [permalinks]: a section's name -> a pattern such as
    # "/:year/:month/:slug/" for the regular pages of that section.
    "permalinks": {},
    # Hugo's [markup] table (goldmark and highlight options), as in hugo.toml.
    "markup": {},
    # Hugo's enableEmoji: :smile: in a page's Markdown becomes the emoji.
    "enable_emoji": False,
    # The folder of the site's own shortcodes (NAME.html, Jinja), relative
    # to the folder above the content folder.
    "shortcodes": None,
}


def plugin_options(settings: Mapping[str, Any]) -> dict[str, Any]:
    """The plugin's options: its defaults, updated with HUGO_FRONTMATTER."""
    given = settings.get("HUGO_FRONTMATTER") or {}
    unknown = sorted(set(given) - set(DEFAULT_OPTIONS))
    if unknown:
        raise ValueError(
            f"HUGO_FRONTMATTER has unknown option(s) {', '.join(unknown)}; "
            f"known options are {', '.join(sorted(DEFAULT_OPTIONS))}"
        )
    return {**DEFAULT_OPTIONS, **given}


def permalinks_problem(permalinks: Any) -> str | None:
    """Why a permalinks mapping (section -> pattern) cannot be used, or None."""
    if not isinstance(permalinks, Mapping):
        return "must map a section's name to a pattern such as '/:year/:slug/'"
    for section, pattern in permalinks.items():
        if not isinstance(pattern, str):
            return f"[{section!r}] must be a pattern such as '/:year/:slug/'"
        problem = urls.permalink_problem(pattern)
        if problem:
            return (
                f"[{section!r}] = {pattern!r}: {problem}; use :year, :month, "
                f":monthname, :day, :weekday, :weekdayname, :yearday, :section, "
                f":sections, :title, :slug, :filename or :slugorfilename"
            )
    return None
