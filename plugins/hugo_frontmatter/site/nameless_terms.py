"""No page for a tag, category or author whose name gives no path.

Pelican names a term's page by its slug; a name with no letter or digit
(``!!!``, ``%%``, ``<details open>`` once its tags are stripped) has an
empty one, so its page would be the dot file ``author/.html`` (served as a
download) or a feed at ``categories//index.xml`` that clashes with the
list of categories. Hugo 0.111 writes no page for such a term and builds;
so does this: each post drops the term as it is made (``content_object_init``,
so that live reload's paths, which read a post again, do the same), with a
warning naming the term and the file. The same receiver first puts a page
of another language under its own language's terms
(``terms.own_language_terms``).
"""

from __future__ import annotations

import logging
from typing import Any

from .terms import own_language_terms

logger = logging.getLogger(__name__)


def leave_out_nameless_terms(content: Any) -> None:
    """``content_object_init`` receiver: the post's tags, category and
    authors in its language's taxonomies (``terms.own_language_terms``),
    without those whose slug is empty."""
    own_language_terms(content)
    tags = getattr(content, "tags", None)
    if isinstance(tags, list) and any(not _named(tag) for tag in tags):
        _warn(content, "tag", [tag for tag in tags if not _named(tag)])
        content.tags = [tag for tag in tags if _named(tag)]
    category = getattr(content, "category", None)
    if category is not None and not _named(category):
        _warn(content, "category", [category])
        del content.category
    authors = getattr(content, "authors", None)
    if isinstance(authors, list) and any(not _named(author) for author in authors):
        _warn(content, "author", [author for author in authors if not _named(author)])
        content.authors = [author for author in authors if _named(author)]
        if content.authors:
            content.author = content.authors[0]
        elif hasattr(content, "author"):
            del content.author


def _named(term: Any) -> bool:
    return bool(getattr(term, "slug", "x"))


def _warn(content: Any, kind: str, terms: list) -> None:
    where = getattr(content, "relative_source_path", None) or "a page"
    for term in terms:
        logger.warning(
            "%s: the %s %r has no letter or digit to name its page, so it has "
            "none and the page is not listed under it (as in Hugo); give it a "
            "name with a letter or digit",
            where,
            kind,
            str(term),
        )
