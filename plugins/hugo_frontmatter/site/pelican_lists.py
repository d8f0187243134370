"""Pelican's tags, categories and authors made to list what Hugo's do.

Pelican writes the default language's term pages and lists of terms; with
a Hugo config they follow Hugo's taxonomy fields: a term lists every page
that has it, in Hugo's order, in each of a post's categories; a term whose
own ``_index.md`` gives a url is written there (by the taxonomies'
generator); a list of terms that Hugo pages by its terms is taken out of
Pelican's hands.
"""

from __future__ import annotations

import posixpath
from typing import Any

from pelican.urlwrappers import Author, Category

from ..config.kinds import PELICAN_TAXONOMIES
from ..content.source import default_language
from .order import hugo_order
from .terms import PELICAN_FIELDS, OwnLanguageTerm

# Hugo's taxonomies Pelican has pages for: singular (also the template of a
# term's page) -> the context key and template of the list of terms.
PELICAN_LISTS = {
    singular: many.lower() for singular, (_, many) in PELICAN_TAXONOMIES.items()
}
# Pelican's wrappers of the lists whose posts come from more than Hugo's
# field (``category``, ``author`` too): the lists are matched to the field.
PELICAN_WRAPPERS = {"category": Category, "author": Author}


def default_has(settings: dict[str, Any], singular: str, plural: str) -> bool:
    """Whether the default language has the taxonomy (else its Pelican
    pages are off because it has none, not because the user said so)."""
    default = default_language(settings)
    own = (settings.get("HUGO_LANGUAGE_TAXONOMIES") or {}).get(default)
    table = settings.get("HUGO_TAXONOMIES") if own is None else own
    return str((table or {}).get(singular, "")).lower() == plural.lower()


def take_pelican_list(settings: dict[str, Any], taken: set[str], listing: str) -> bool:
    """Whether the taxonomies' generator writes the default language's list
    of tags, categories or authors (not Pelican: its list is not paged by
    its terms), taking it out of DIRECT_TEMPLATES (and into ``taken``);
    False when the settings leave it out."""
    direct = settings["DIRECT_TEMPLATES"]
    if listing in direct and settings.get(f"{listing.upper()}_SAVE_AS"):
        settings["DIRECT_TEMPLATES"] = [n for n in direct if n != listing]
        taken.add(listing)
    return listing in taken


def move_pelican_term(
    context: dict[str, Any], singular: str, slug: str, location: str
) -> None:
    """A term whose own ``_index.md`` gives a url: Pelican writes no page
    at its usual path, and its wrappers (on the posts and pages, and in
    the list of terms) link to the url, where the taxonomies' generator
    writes it."""
    one = singular.upper()
    moved = {
        f"{one}_SAVE_AS": "",
        f"{one}_URL": location.replace("{", "{{").replace("}", "}}"),
    }
    attribute = PELICAN_FIELDS[singular][0]
    wrappers = [wrapper for wrapper, _ in context.get(PELICAN_LISTS[singular]) or []]
    for key in ("articles", "pages"):
        for content in context.get(key) or []:
            for item in [content, *getattr(content, "translations", [])]:
                found = getattr(item, attribute, None)
                wrappers.extend(found if isinstance(found, list) else [found])
    for wrapper in wrappers:
        if str(getattr(wrapper, "slug", "")).lower() == slug.lower() and not (
            isinstance(wrapper, OwnLanguageTerm)
        ):
            wrapper.settings = {**wrapper.settings, **moved}


def pelican_writes(
    context: dict[str, Any], singular: str, slug: str, save_as: str
) -> bool:
    """Whether Pelican writes this term's page: the same slug, or the
    same file (a slug with a '/', which the path drops, is one term)."""
    path = posixpath.normpath(save_as)
    return any(
        wrapper.save_as
        and (wrapper.slug == slug or posixpath.normpath(wrapper.save_as) == path)
        for wrapper, _ in context.get(PELICAN_LISTS[singular], []) or []
    )


def match_pelican_list(
    context: dict[str, Any],
    settings: dict[str, Any],
    singular: str,
    terms: dict[str, tuple[str, list]],
) -> None:
    """Pelican's list of tags, categories or authors as Hugo's field makes
    it: a term lists every page that has it (Pelican: the posts only), each
    of a post's categories lists it (Pelican: the first only), and a name
    only Pelican reads (``category:``, ``author:``, plain params in Hugo)
    has no page."""
    pairs = context.get(PELICAN_LISTS[singular])
    if pairs is None:
        return
    if singular not in PELICAN_WRAPPERS:  # tags: Pelican's are Hugo's
        pairs[:] = [
            (wrapper, articles)
            for wrapper, articles in pairs
            if not isinstance(wrapper, OwnLanguageTerm)
        ]
        # Hugo's term lists every page that has it, not only the posts.
        for wrapper, articles in pairs:
            _, items = terms.get(wrapper.slug, ("", []))
            articles.extend(item for item in items if item not in articles)
            articles.sort(key=hugo_order)
        return
    wanted = {slug: (name, list(items)) for slug, (name, items) in terms.items()}
    kept = []
    for wrapper, articles in pairs:
        if isinstance(wrapper, OwnLanguageTerm):
            continue
        name, posts = wanted.pop(wrapper.slug, ("", []))
        articles[:] = [post for post in articles if post in posts]
        articles.extend(post for post in posts if post not in articles)
        if articles:
            kept.append((wrapper, articles))
    wrap = PELICAN_WRAPPERS[singular]
    kept.extend(
        (wrap(name, settings), list(posts)) for name, posts in wanted.values() if posts
    )
    for _, articles in kept:
        articles.sort(key=hugo_order)
    kept.sort(key=lambda pair: pair[0])
    pairs[:] = kept
