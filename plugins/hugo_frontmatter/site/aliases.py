"""Hugo's redirects that are not a paged list's: aliases and language roots.

- Each alias of a page becomes a redirect page, as Hugo 0.111 writes them:
  a page's own path wins over an alias (a warning), and of two pages with
  one alias the one whose file comes last in path order wins (a warning);
  an alias at the site's root stops the build, as in Hugo.
- A site of several languages redirects the default language's folder to
  the home page, or the home page to that folder (``defaultContentLanguage
  InSubdir``).
"""

from __future__ import annotations

import logging
import os
import posixpath
from typing import Any

from ..content import urls
from ..content.source import default_language
from . import state
from .clashes import Claims, where
from .outputs import Redirects, absolute_url

logger = logging.getLogger(__name__)


def claim_aliases(
    contents: list, claims: Claims, redirects: Redirects, settings: dict[str, Any]
) -> None:
    """A redirect for each alias, as Hugo 0.111 writes them: a page's own
    path wins over an alias of it; of two pages with one alias, the one
    whose file comes last in path order wins. Both with a warning."""
    pages = dict(claims.paths)  # what pages and list pages write
    by_alias: dict[str, str] = {}  # output path -> "file:line" of the alias
    for content in sorted(contents, key=_source_order):
        for alias in getattr(content, "aliases", []) or []:
            location = posixpath.normpath(urls.alias_location(alias, content.url))
            named = where(content, "aliases")
            if location == "index.html":
                state.report(
                    f"{named}: the alias {alias!r} resolves to the site's "
                    "root (Hugo stops here too); give another alias or "
                    "remove it"
                )
                continue
            if location in pages:
                logger.warning(
                    "%s: the alias %s is the page of %s (%s); the page is "
                    "kept there and the alias is not written, as in Hugo",
                    named,
                    alias,
                    pages[location],
                    location,
                )
                continue
            if location in by_alias:
                logger.warning(
                    "%s: the alias %s is also an alias of %s; it redirects "
                    "here, to the file last in path order, as in Hugo",
                    named,
                    alias,
                    by_alias[location],
                )
                claims.paths[location] = named
            else:
                claims.claim(location, named)
            by_alias[location] = named
            redirects[location] = (
                absolute_url(settings, content.url),
                getattr(content, "lang", ""),
            )


def default_language_root(
    claims: Claims, redirects: Redirects, settings: dict[str, Any]
) -> None:
    """A site of several languages has a folder for each; Hugo 0.111
    writes the default language's (``/en/``) as a redirect to the home
    page, or the home page as a redirect to it (in a subfolder)."""
    languages = settings.get("HUGO_LANGUAGES") or []
    if len(languages) < 2:
        return
    default = default_language(settings)
    if settings.get("HUGO_DEFAULT_IN_SUBDIR"):
        location, target = "index.html", f"{default}/"
    else:
        location, target = f"{default}/index.html", ""
    if location not in claims.paths:
        claims.paths[location] = f"the language {default}"
        redirects[location] = (absolute_url(settings, target), default)


def _source_order(content) -> str:
    return content.relative_source_path.replace(os.sep, "/")
