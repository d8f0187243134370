"""A page's terms as Hugo names them, and the term objects templates get.

- ``term_names``: a taxonomy field's terms (a word or a list of words);
- ``Term``: a term page's term, as templates use Pelican's Tag;
- ``own_language_terms`` (``content_object_init``, with ``hugo_config``): a
  page of another language than the default names its tags, categories and
  authors in its own language's taxonomies (``OwnLanguageTerm``), which
  Pelican writes no page for.
"""

from __future__ import annotations

from typing import Any

from ..content import urls
from ..content.source import default_language, language_prefix

# Pelican's fields of a post's terms: its singular -> (attribute, field).
PELICAN_FIELDS = {
    "tag": ("tags", "tags"),
    "category": ("category", "categories"),
    "author": ("authors", "authors"),
}


class Term:
    """A term as templates use Pelican's Tag: ``str()`` is its name."""

    def __init__(self, name: str, slug: str, location: str) -> None:
        self.name = name
        self.slug = slug
        self.url = location
        self.save_as = f"{location}index.html"
        self.page_name = location.rstrip("/")

    def __str__(self) -> str:
        return self.name

    def __lt__(self, other: Any) -> bool:
        return self.name.lower() < str(other).lower()


class OwnLanguageTerm(Term):
    """A term of a page in another language than the default: it links to
    that language's term page, which the taxonomies' generator writes;
    Pelican, which files posts by these objects, writes nothing for it (no
    ``save_as``)."""

    def __init__(self, name: str, slug: str, location: str) -> None:
        super().__init__(name, slug, location)
        self.save_as = ""


def own_language_terms(content: Any) -> None:
    """``content_object_init``, with ``hugo_config``: a page or post in
    another language than the default names its tags, categories and
    authors in its own language's taxonomies (Hugo lists it there only).
    Pelican's term pages are the default language's; left as they are, it
    would list a post of another language that has no translation in the
    default one (and write its terms' pages)."""
    settings = getattr(content, "settings", None) or {}
    taxonomies = settings.get("HUGO_TAXONOMIES")
    if taxonomies is None:
        return
    lang = str(getattr(content, "lang", "") or "").lower()
    if not lang or lang == default_language(settings):
        return
    own = (settings.get("HUGO_LANGUAGE_TAXONOMIES") or {}).get(lang)
    plurals = {
        str(many).lower(): str(many).strip("/")
        for many in (taxonomies if own is None else own).values()
    }
    lower = settings.get("HUGO_PATH_TO_LOWER") is not False
    prefix = language_prefix(lang, settings)
    params = getattr(content, "params", None) or {}
    for attribute, field in PELICAN_FIELDS.values():
        if not hasattr(content, attribute):
            continue
        plural = plurals.get(field, "")
        names = term_names(params.get(field)) if plural else []
        folder = plural.lower() if lower else plural
        terms = [
            OwnLanguageTerm(name, slug, f"{prefix}/{folder}/{slug}/")
            for name in names
            for slug in [urls.sanitize(name, lower)]
            if slug
        ]
        if attribute == "category":
            delattr(content, "category")
            if terms:
                content.category = terms[0]
        else:
            setattr(content, attribute, terms)
    if hasattr(content, "author"):
        delattr(content, "author")
        if getattr(content, "authors", None):
            content.author = content.authors[0]


def term_names(value: Any) -> list[str]:
    """A taxonomy field's terms: a word or a list of words."""
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    return [
        str(item).strip()
        for item in values
        if isinstance(item, (str, int, float)) and str(item).strip()
    ]
