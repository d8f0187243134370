"""Publications as a page shows them: entries grouped by year, newest first,
each an ``h-cite`` (microformats) with the owner's name in bold, its links
and its abstract behind a ``<details>``, and the list's ``ScholarlyArticle``
JSON-LD in a data script (not run, so the theme's CSP does not apply to it).

One HTML for the profile's section (the theme plugin) and the
``publications`` shortcode (the Hugo plugin); their entries come from
``bibtex.py``.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import groupby
from urllib.parse import urlsplit

from .bibtex import Author, Publication, same_person

# The class of the list's outer element: a page that holds it gets the
# theme's publications stylesheet.
MARKER = "cameo-publications"
# What a reader sees on each entry, in English; the theme passes its
# translations.
LABELS = {
    "abstract": "Abstract",
    "doi": "DOI",
    "url": "Link",
    "pdf": "PDF",
    "code": "Code",
}
# The microformats class of each link (an h-cite's url and uid).
_LINK_CLASSES = {"doi": "u-uid u-url", "url": "u-url"}


@dataclass(frozen=True)
class Publications:
    """A BibTeX file's entries and the owner whose name is bold; templates
    print ``publications.html(level, labels)``."""

    entries: tuple[Publication, ...]
    owner: str = ""

    def __bool__(self) -> bool:
        return bool(self.entries)

    def html(self, level: int = 2, labels: Mapping[str, str] | None = None) -> str:
        return publications_html(self.entries, self.owner, level, labels)


def ordered(entries: Iterable[Publication]) -> list[Publication]:
    """Newest year first; within a year, the latest month first (an entry
    without one after those with), then by title and key."""
    return sorted(
        entries,
        key=lambda e: (-e.year, -(e.month or 0), e.title.casefold(), e.key),
    )


def publications_html(
    entries: Iterable[Publication],
    owner: str = "",
    level: int = 2,
    labels: Mapping[str, str] | None = None,
) -> str:
    """The entries as HTML: a heading of ``level`` (2 to 6) for each year,
    a list of h-cites under it, then their JSON-LD."""
    words = {**LABELS, **(labels or {})}
    level = min(max(int(level), 2), 6)
    listed = ordered(entries)
    parts = [f'<div class="{MARKER}">']
    for year, group in groupby(listed, key=lambda e: e.year):
        parts.append(f'<h{level} class="publications-year">{year}</h{level}>')
        parts.append('<ul class="publications-list">')
        parts.extend(_entry(entry, owner, words) for entry in group)
        parts.append("</ul>")
    parts.append(
        f'<script type="application/ld+json">{script_json(json_ld(listed))}</script>'
    )
    parts.append("</div>")
    return "\n".join(parts)


def _entry(entry: Publication, owner: str, words: Mapping[str, str]) -> str:
    out = ['<li class="publication h-cite">']
    out.append(f'<cite class="p-name">{_e(entry.title)}</cite>')
    if entry.authors:
        names = ", ".join(_author(author, owner) for author in entry.authors)
        out.append(f'<span class="publication-authors">{names}</span>')
    date = f"{entry.year}-{entry.month:02d}" if entry.month else str(entry.year)
    venue = f'<span class="p-publication">{_e(entry.venue)}</span>, ' * bool(
        entry.venue
    )
    out.append(
        f'<span class="publication-venue">{venue}'
        f'<time class="dt-published" datetime="{date}">{entry.year}</time></span>'
    )
    if entry.links:
        links = " ".join(_link(name, url, words) for name, url in entry.links)
        out.append(f'<span class="publication-links">{links}</span>')
    if entry.abstract:
        out.append(
            f'<details class="publication-abstract"><summary>'
            f"{_e(words['abstract'])}</summary>"
            f'<p class="p-summary">{_e(entry.abstract)}</p></details>'
        )
    out.append("</li>")
    return "".join(out)


def _author(author: Author, owner: str) -> str:
    tag = "strong" if same_person(author, owner) else "span"
    return f'<{tag} class="p-author h-card">{_e(author.name)}</{tag}>'


def _link(name: str, url: str, words: Mapping[str, str]) -> str:
    klass = _LINK_CLASSES.get(name, f"publication-{name}")
    leaves = bool(urlsplit(url).scheme)  # another site: not given our window
    rel = ' rel="noopener"' if leaves else ""
    return f'<a class="{klass}" href="{_e(url)}"{rel}>{_e(words[name])}</a>'


def json_ld(entries: Iterable[Publication]) -> dict:
    """schema.org's ``ScholarlyArticle`` for each entry, in one graph."""
    graph = []
    for entry in entries:
        article: dict = {
            "@type": "ScholarlyArticle",
            "name": entry.title,
            "headline": entry.title,
            "author": [{"@type": "Person", "name": a.name} for a in entry.authors],
            "datePublished": (
                f"{entry.year}-{entry.month:02d}" if entry.month else str(entry.year)
            ),
        }
        links = dict(entry.links)
        if "url" in links or "doi" in links:
            article["url"] = links.get("url") or links["doi"]
        if "doi" in links:
            article["sameAs"] = links["doi"]
        if entry.venue:
            article["isPartOf"] = {"@type": "CreativeWork", "name": entry.venue}
        if entry.abstract:
            article["abstract"] = entry.abstract
        graph.append(article)
    return {"@context": "https://schema.org", "@graph": graph}


def script_json(data: object) -> str:
    """``data`` as JSON that cannot end its ``<script>`` early (``<``, ``>``
    and ``&`` as escapes, as Jinja's ``tojson`` writes them)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return text


def _e(text: str) -> str:
    return html.escape(text, quote=True)
