"""Hugo's kinds of list pages from the config: taxonomies and feeds.

Which taxonomy and term pages Pelican writes, at Hugo's paths
(``taxonomy_settings``), which lists have an RSS feed (``feed_settings``),
the taxonomies' tables and folders the plugin's own taxonomy pages read
(``taxonomy_tables``), the kinds ``disableKinds`` turns off, and Hugo 0.111's
refusal of ``taxonomy`` written without ``term`` (``refuse_taxonomy_outputs``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .errors import HugoConfigError, where_key

# The kinds of list pages that have an RSS feed unless ``outputs`` says
# otherwise (Hugo 0.111's default output formats).
FEED_KINDS = ("home", "section", "taxonomy", "term")
# The kinds' names before Hugo 0.73, which Hugo 0.111 still reads in
# disableKinds and outputs when taxonomyTerm is among them.
OLD_KIND_NAMES = {"taxonomy": "term", "taxonomyterm": "taxonomy"}
# The disabled kinds this build honours; any other is named as unused.
HONOURED_DISABLED_KINDS = frozenset({"taxonomy", "term", "rss", "sitemap", "404"})
# Hugo's taxonomies when the config names none.
DEFAULT_TAXONOMIES = {"tag": "tags", "category": "categories"}
# The taxonomies Pelican has pages for: Hugo's singular -> the prefixes of
# Pelican's settings for a term's page and for the list of terms.
PELICAN_TAXONOMIES = {
    "tag": ("TAG", "TAGS"),
    "category": ("CATEGORY", "CATEGORIES"),
    "author": ("AUTHOR", "AUTHORS"),
}
# Pelican's slug substitutions that give a term Hugo's URL segment (as
# urls.sanitize): characters Hugo drops are dropped, a run of blanks (with
# hyphens after it) is one hyphen, blanks after a hyphen go. Pelican
# lower-cases the result.
HUGO_SLUG_SUBSTITUTIONS = [
    (r"%(?![0-9a-f]{2})", ""),
    (r"[^\w\s.\-#+~@\\%\u0300-\u036f]", ""),
    (r"(?<=-)\s+", ""),
    (r"\s[\s-]*", "-"),
]


def pelican_serves(singular: str, plural: str) -> bool:
    """Whether Pelican's own pages can be Hugo's taxonomy ``singular =
    plural``: Pelican files posts by the fields ``tags``, ``categories`` and
    ``authors``, so only that plural (in any case) can be them; any other
    taxonomy is the plugin's own (taxonomies.py)."""
    pelican = PELICAN_TAXONOMIES.get(singular)
    return bool(pelican) and plural.strip("/").lower() == pelican[1].lower()


def taxonomy_settings(
    taxonomies: Any,
    disabled: set[str],
    unused: list[str],
    lower: bool = True,
    prefix: str = "",
) -> dict[str, Any]:
    """Tag, category and author pages at Hugo's paths (``tags/<term>/``,
    ``tags/``, and each term's ``index.xml``, lower-cased unless
    disablePathToLower); a taxonomy the config leaves out (authors too: Hugo
    has none by default), or a disabled kind, has no pages."""
    if not isinstance(taxonomies, dict):
        unused.append("taxonomies")
        taxonomies = {}
    settings: dict[str, Any] = {"DIRECT_TEMPLATES": ["404"]}
    for singular, (one, many) in PELICAN_TAXONOMIES.items():
        plural = str(taxonomies.get(singular) or "").strip("/")
        if not pelican_serves(singular, plural):
            plural = ""  # none, or the plugin's own (taxonomies.py)
        plural = plural.lower() if lower else plural
        terms = bool(plural) and "term" not in disabled
        listing = bool(plural) and "taxonomy" not in disabled
        settings.update(
            {
                f"{one}_URL": f"{prefix}{plural}/{{slug}}/" if terms else "",
                f"{one}_SAVE_AS": (
                    f"{prefix}{plural}/{{slug}}/index.html" if terms else ""
                ),
                # Each term's feed is the plugin's (taxonomies.py), as Hugo's:
                # of the term's pages and posts, in its own language only.
                f"{one}_FEED_RSS": None,
                f"{one}_REGEX_SUBSTITUTIONS": HUGO_SLUG_SUBSTITUTIONS,
                f"{many}_URL": f"{prefix}{plural}/" if listing else "",
                f"{many}_SAVE_AS": f"{prefix}{plural}/index.html" if listing else "",
            }
        )
        if listing:
            settings["DIRECT_TEMPLATES"].append(many.lower())
    settings["SLUGIFY_USE_UNICODE"] = True
    return settings


def taxonomy_tables(
    taxonomies: Any, language_taxonomies: Mapping[str, Mapping[str, str]]
) -> dict[str, Any]:
    """What the plugin's taxonomy pages read (taxonomies.HugoTaxonomyGenerator):
    the site's taxonomies (``HUGO_TAXONOMIES``), and every taxonomy's
    folder in the content (``HUGO_TAXONOMY_FOLDERS``, the site's and each
    language's, as written and in lower case: Hugo's content tree is in
    lower case, content/faseries/ for FAseries)."""
    folders: list[str] = []
    if isinstance(taxonomies, dict):
        folders = [str(plural).strip("/") for plural in taxonomies.values() if plural]
        table = {str(one): str(many) for one, many in taxonomies.items() if many}
    else:
        table = {}
    for own in language_taxonomies.values():
        folders = sorted({*folders, *own.values()})
    return {
        "HUGO_TAXONOMY_FOLDERS": sorted(
            {name for folder in folders for name in (folder, folder.lower())}
        ),
        "HUGO_TAXONOMIES": table,
    }


def disabled_kinds(disabled: set[str], unused: list[str]) -> dict[str, Any]:
    """``disableKinds`` (``HUGO_DISABLED_KINDS``); a kind this build has no
    pages of to leave out is named as unused."""
    unused.extend(
        f"disableKinds.{kind}" for kind in sorted(disabled - HONOURED_DISABLED_KINDS)
    )
    return {"HUGO_DISABLED_KINDS": sorted(disabled)}


def feed_settings(
    disabled: set[str], outputs: Any, unused: list[str]
) -> dict[str, Any]:
    """Hugo's RSS feeds: for each kind of list (``FEED_KINDS``) whose output
    formats have RSS (``outputs``, a kind's list replacing its default),
    none with ``disableKinds = ["RSS"]``. The home page's is Pelican's
    ``index.xml``; the others are written by taxonomies.py, which reads
    ``HUGO_FEED_KINDS``."""
    kinds = set() if "rss" in disabled else set(FEED_KINDS)
    outputs = outputs if isinstance(outputs, dict) else {}
    for kind, formats in zip(new_kind_names(outputs), outputs.values(), strict=True):
        names = [formats] if isinstance(formats, str) else formats
        if not isinstance(names, list) or kind not in (*FEED_KINDS, "page"):
            unused.append(f"outputs.{kind}")
            continue
        names = {str(name).lower() for name in names}
        if not names:
            continue  # Hugo keeps the kind's default
        if names - {"html", "rss"} or "html" not in names:
            unused.append(f"outputs.{kind}")  # other formats, or no HTML page
        if "rss" not in names:
            kinds.discard(kind)
    return {
        "FEED_ALL_ATOM": None,
        "FEED_ALL_RSS": "index.xml" if "home" in kinds else None,
        "CATEGORY_FEED_ATOM": None,
        "TAG_FEED_ATOM": None,
        "TRANSLATION_FEED_ATOM": None,
        "AUTHOR_FEED_ATOM": None,
        "AUTHOR_FEED_RSS": None,
        "HUGO_FEED_KINDS": sorted(kinds),
    }


def new_kind_names(kinds: Any) -> list[str]:
    """Kinds of pages (disableKinds, outputs' keys) by Hugo 0.111's names,
    lower-cased: with ``taxonomyTerm`` among them, the names are read as
    before Hugo 0.73 (``taxonomy`` was a term's page)."""
    kinds = [
        str(kind).lower() for kind in ([kinds] if isinstance(kinds, str) else kinds)
    ]
    if "taxonomyterm" in kinds:
        return [OLD_KIND_NAMES.get(kind, kind) for kind in kinds]
    return kinds


def refuse_taxonomy_outputs(config: Mapping[str, Any], files: list[str]) -> None:
    """Hugo 0.111 stops where ``taxonomy`` may mean the list of terms or,
    as before Hugo 0.73, a term: in ``outputs`` or ``disableKinds`` (as
    written) without ``term`` (or ``taxonomyTerm``) beside it, unless
    ``ignoreErrors`` holds that error's name."""
    ignored = {name.lower() for name in _names(config.get("ignoreerrors"))}
    outputs = config.get("outputs")
    kinds = _names(config.get("disablekinds"))
    found = []
    if isinstance(outputs, dict) and "taxonomy" in outputs:
        if not {"term", "taxonomyterm"} & set(outputs):
            found.append(("outputs", "taxonomy", "error-output-taxonomy"))
    if "taxonomy" in kinds and not {"term", "taxonomyTerm"} & set(kinds):
        found.append(("disableKinds", "disableKinds", "error-disable-taxonomy"))
    for key, written, error in found:
        if error in ignored:
            continue
        path, line = where_key(files, written)
        raise HugoConfigError(
            path,
            line,
            f"{key} names 'taxonomy' without 'term': Hugo 0.111 stops here "
            "(since Hugo 0.73 'taxonomy' is the list of terms, 'term' a term's "
            f'page); name both, or add ignoreErrors = ["{error}"] to the '
            "config to keep it as it is, as Hugo says",
        )


def _names(value: Any) -> list[str]:
    """A key's names as written: a list, or one name; [] for another
    shape (Hugo 0.111 ignores it)."""
    if isinstance(value, str):
        return [value]
    return [str(name) for name in value] if isinstance(value, list) else []
