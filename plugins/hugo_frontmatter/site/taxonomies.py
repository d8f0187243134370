"""Hugo's taxonomy, term and language home pages (with ``hugo_config``).

Pelican writes the default language's tag, category and author pages; this
generator adds what Hugo writes and Pelican does not:

- the site's own taxonomies (``series = "series"``): ``/<plural>/`` and
  ``/<plural>/<term>/`` for each term a page names in its front matter;
- a post in several categories: Pelican files it under its first; here it
  is added to each other category's list (a new one when needed), so that
  Pelican's category pages and feeds list it, in Hugo's order
  (``pelican_lists``);
- terms that only a list page or a term's own ``_index.md`` names
  (``tags/index/``, ``authors/hugo-authors/``);
- for each other language: its own taxonomy and term pages under
  ``/<lang>/`` (its own ``taxonomies`` table if the config gives one),
  listing only its pages, and its home page when it has no ``_index``;
- the RSS feeds (``index.xml``) of those terms, of every section in every
  language, and of each other language's home page, as Hugo writes them
  (``feeds``: one with nothing dated has no ``lastBuildDate``, as in Hugo).
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from typing import Any

from pelican import signals
from pelican.generators import Generator

from cameo_shared.contract import CAMEO_PAGE_LANG, RESERVED_OUTPUTS

from ..config.kinds import FEED_KINDS, pelican_serves
from ..content import urls
from ..content.frontmatter import FrontMatterError, decode, split
from ..content.source import default_language, hugo_path, language_prefix
from . import pagination, pelican_lists
from .context import UNBUILT_HOMES, UNRENDERED, UNWRITTEN_HOMES
from .feeds import leave_out_build_date, write_term_feed
from .order import hugo_order
from .pelican_lists import PELICAN_LISTS
from .terms import Term, term_names


@dataclass(frozen=True)
class _Taxonomy:
    """One taxonomy of one language, as its pages' paths name it."""

    lang: str
    singular: str
    plural: str  # as the config writes it
    prefix: str  # the language's folder, '' for none
    base: str  # the URL of its list of terms, ``<prefix>/<plural>/``
    pelican: bool  # Pelican writes its pages (the default language's tags...)


class HugoTaxonomyGenerator(Generator):
    """Plans the pages in ``generate_context`` (and reserves their paths, so
    that a page claiming one is a clash), writes them in ``generate_output``."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.planned: list[dict[str, Any]] = []
        # RSS feeds: (path, url, title, the dated pages it lists)
        self.feeds: list[tuple[str, str, str, list]] = []
        # Feeds of the lists of terms: (path, language, heading, the terms
        # with their pages); Pelican's own lists are read when writing.
        self.term_feeds: list[tuple[str, str, str, list | str]] = []
        self._lower = True  # paths in lower case (Hugo's disablePathToLower)
        # Pelican's lists of terms this generator writes instead (paged).
        self._taken: set[str] = set()

    def generate_context(self) -> None:
        taxonomies = self.settings.get("HUGO_TAXONOMIES")
        if taxonomies is None:
            return  # no hugo_config
        self._lower = self.settings.get("HUGO_PATH_TO_LOWER") is not False
        default = default_language(self.settings)
        languages = self.settings.get("HUGO_LANGUAGES") or [default]
        by_language = self._contents_by_language(default, languages)
        unbuilt = {lang or default for lang in self.context.get(UNBUILT_HOMES, ())}
        if default in unbuilt:  # nor Pelican's lists of terms
            lists = set(PELICAN_LISTS.values())
            self.settings["DIRECT_TEMPLATES"] = [
                name for name in self.settings["DIRECT_TEMPLATES"] if name not in lists
            ]
        for lang in languages:
            if lang in unbuilt:
                continue  # Hugo writes nothing that hangs from that home page
            own = (self.settings.get("HUGO_LANGUAGE_TAXONOMIES") or {}).get(lang)
            for singular, plural in (own if own is not None else taxonomies).items():
                self._plan_taxonomy(
                    lang, default, str(singular), str(plural).strip("/"), by_language
                )
            if lang != default or self.settings.get("HUGO_DEFAULT_IN_SUBDIR"):
                self._plan_home(lang, by_language.get(lang, []))
                self._plan_not_found(lang)
            self._plan_section_feeds(lang, by_language.get(lang, []))
        self._reserve_planned()

    def _reserve_planned(self) -> None:
        """Reserve what this generator writes (RESERVED_OUTPUTS), so that a
        page the site's generator finds there is a clash."""
        reserved = dict(self.settings.get(RESERVED_OUTPUTS) or {})
        for page in self.planned:
            for path in [page["save_as"], *page.get("also", ())]:
                reserved.setdefault(path, page["owner"])
        for path, _, title, _ in self.feeds:
            reserved.setdefault(path, f"the feed of {title}")
        for path, lang, heading, _ in self.term_feeds:
            reserved.setdefault(path, f"the feed of {heading} ({lang})")
        self.settings[RESERVED_OUTPUTS] = reserved

    def replan(self) -> None:
        """Plan the pages again from the site's lists as they are now (live
        reload, after a post moved between lists)."""
        self.planned, self.feeds, self.term_feeds = [], [], []
        self.generate_context()

    # --- collecting --------------------------------------------------------

    def _contents_by_language(self, default: str, languages: list[str]) -> dict:
        seen: set[int] = set()
        found: dict[str, list] = {}
        for key in ("articles", "pages"):
            for content in self.context.get(key, []) or []:
                for item in [content, *getattr(content, "translations", [])]:
                    if id(item) in seen or getattr(item, "status", "") != "published":
                        continue
                    seen.add(id(item))
                    lang = str(getattr(item, "lang", "") or "").lower()
                    found.setdefault(lang if lang in languages else default, []).append(
                        item
                    )
        # Pages Hugo builds but neither renders nor lists (headless,
        # _build: render or list never): their terms exist, listing nothing.
        self.unlisted: dict[str, list] = {}
        for key in ("hidden_articles", "hidden_pages", UNRENDERED):
            for item in self.context.get(key, []) or []:
                lang = str(getattr(item, "lang", "") or "").lower()
                lang = lang if lang in languages else default
                self.unlisted.setdefault(lang, []).append(item)
        self.written = {  # pages not listed (list: never) are written too
            posixpath.normpath(item.save_as)
            for items in [*found.values(), *self.unlisted.values()]
            for item in items
            if getattr(item, "save_as", "")
        }
        for items in found.values():
            items.sort(key=hugo_order)
        return found

    def _spellings(self, contents: list, field: str) -> dict[str, tuple[str, str]]:
        """Each term (its slug in lower case) as Hugo names it: as the first
        page in Hugo's content tree that has it writes it (the last of its
        spellings there): slug, name. It matters where paths keep their
        case (disablePathToLower: ``Go-Lang`` or ``go-lang``)."""
        found: dict[str, tuple[str, str]] = {}
        for content in sorted(contents, key=self._tree_key):
            params = getattr(content, "params", None) or {}
            own: dict[str, tuple[str, str]] = {}
            for name in term_names(params.get(field)):
                slug = urls.sanitize(name, self._lower)
                if slug:
                    own[slug.lower()] = (slug, name)
            for key, spelled in own.items():
                found.setdefault(key, spelled)
        return found

    def _tree_key(self, item) -> str:
        """Where Hugo 0.111 keeps a page in its content tree (in lower case,
        its section's path, ``__hb_``, its own path in the section): the
        order in which it reads the pages' terms."""
        path = posixpath.splitext(self._in_content(item))[0].lower()
        if posixpath.basename(path) == "index":  # a leaf bundle: its folder
            path = posixpath.dirname(path)
        section, slash, rest = path.partition("/")
        return f"/{section}__hb_{rest}" if slash else f"/__hb_{path}"

    def _term_files(self, plural: str, lang: str, default: str) -> dict[str, dict]:
        """The terms' own ``_index.<lang>.md``, or ``_index.md`` in the
        default language or a content folder of the language's own: slug ->
        front matter (title, url). A language without a folder of its own
        (``HUGO_CONTENT_DIRS``) has its files in the default language's."""
        folders = self.settings.get("HUGO_CONTENT_DIRS") or {}
        own = folders.get(lang)
        folder = own if own is not None else folders.get(default, "")
        names = [f"_index.{lang}.md"]
        if lang == default or own is not None:
            names.append("_index.md")
        # The taxonomy's folder as written, or in lower case (Hugo's content
        # tree is in lower case).
        base = os.path.join(self.path, *(folder or ".").split("/"))
        root = next(
            (
                os.path.join(base, name)
                for name in (plural, plural.lower())
                if os.path.isdir(os.path.join(base, name))
            ),
            "",
        )
        found = {}
        if not root:
            return found
        for folder in sorted(os.listdir(root)):
            path = next(
                (
                    os.path.join(root, folder, name)
                    for name in names
                    if os.path.isfile(os.path.join(root, folder, name))
                ),
                None,
            )
            if path is None:
                continue
            try:
                with open(path, "rb") as handle:
                    front = split(decode(handle.read(), path), path)
            except (OSError, FrontMatterError):
                continue  # a term page's text: not read yet
            given = front.fields if front else {}
            fields = {str(key).lower(): value for key, value in given.items()}
            if fields.get("draft") is True:
                continue
            found[urls.sanitize(folder, self._lower)] = fields
        return found

    # --- planning ----------------------------------------------------------

    def _plan_taxonomy(
        self, lang: str, default: str, singular: str, plural: str, by_language: dict
    ) -> None:
        """A taxonomy of one language: each term's page and feed, and the
        list of its terms with its feed, unless the settings turn them off."""
        if not plural:
            return
        disabled = set(self.settings.get("HUGO_DISABLED_KINDS") or [])
        terms, own_files = self._terms(lang, default, plural, by_language)
        serves = pelican_serves(singular, plural)
        if (
            serves
            and pelican_lists.default_has(self.settings, singular, plural)
            and not self.settings.get(f"{singular.upper()}_SAVE_AS")
            and "term" not in disabled  # then Hugo still lists the terms
        ):
            return  # turned off in the settings (every language)
        pelican = lang == default and serves
        if pelican:
            pelican_lists.match_pelican_list(
                self.context, self.settings, singular, terms
            )
        prefix = language_prefix(lang, self.settings)
        # The path is in lower case unless disablePathToLower.
        folder = plural.lower() if self._lower else plural
        base = f"{prefix}/{folder}/" if prefix else f"{folder}/"
        taxonomy = _Taxonomy(lang, singular, plural, prefix, base, pelican)
        pairs = self._plan_terms(taxonomy, terms, own_files, disabled)
        # Hugo writes each language's list of terms and its feed, empty too.
        if "taxonomy" not in disabled:
            self._plan_term_list(taxonomy, pairs)

    def _terms(
        self, lang: str, default: str, plural: str, by_language: dict
    ) -> tuple[dict[str, tuple[str, list]], dict[str, dict]]:
        """The taxonomy's terms in one language, slug -> (name, the listed
        pages that have it), with those only a term's own ``_index.md``
        names; and those files' front matter by slug. Terms are one
        whatever their case (Hugo's content tree is in lower case)."""
        # The front matter field is the plural in any case (Hugo lower-cases
        # a page's keys).
        field = plural.lower()
        contents = by_language.get(lang, [])
        unlisted = self.unlisted.get(lang, [])
        spelling = self._spellings([*contents, *unlisted], field)
        slugs = {key: slug for key, (slug, _) in spelling.items()}
        terms: dict[str, tuple[str, list]] = {}
        listed = {id(content) for content in contents}
        for content in [*contents, *unlisted]:
            params = getattr(content, "params", None) or {}
            for name in term_names(params.get(field)):
                key = urls.sanitize(name, self._lower).lower()
                if key:
                    slug, name = spelling[key]
                    items = terms.setdefault(slug, (name, []))[1]
                    if id(content) in listed and content not in items:
                        items.append(content)
        own_files = {
            slugs.setdefault(slug.lower(), slug): fields
            for slug, fields in self._term_files(plural, lang, default).items()
        }
        for slug, fields in own_files.items():
            title = str(fields.get("title") or "").strip()
            name, items = terms.get(slug, (slug, []))
            terms[slug] = (title or name, items)
        return terms, own_files

    def _plan_terms(
        self,
        taxonomy: _Taxonomy,
        terms: dict[str, tuple[str, list]],
        own_files: dict[str, dict],
        disabled: set[str],
    ) -> list[tuple[Term, list]]:
        """Each term's page and feed (at its own ``_index.md``'s url, if it
        gives one); the terms with their pages, in slug order."""
        singular, prefix, pelican = taxonomy.singular, taxonomy.prefix, taxonomy.pelican
        pairs = []
        for slug, (name, items) in sorted(terms.items()):
            url = str(own_files.get(slug, {}).get("url") or "").strip("/")
            if self._lower:  # a term's url too, unlike a page's
                url = url.lower()
            location = f"{taxonomy.base}{slug}/"
            if url:  # the term's own url, under its language's folder
                location = f"{prefix}/{url}/" if prefix else f"{url}/"
            if pelican and (url or not self._lower):
                # Pelican's page is elsewhere, or one per spelling of the term
                pelican_lists.move_pelican_term(self.context, singular, slug, location)
            term = Term(name, slug, location)
            pairs.append((term, items))
            if "term" in disabled or posixpath.normpath(term.save_as) in self.written:
                continue
            label = f"{taxonomy.plural}/{slug} ({taxonomy.lang})"
            self._plan_feed(term.url, label, items, "term")
            if pelican and pelican_lists.pelican_writes(
                self.context, singular, slug, term.save_as
            ):
                continue
            self._plan_term_page(taxonomy, term, items, label)
        return pairs

    def _plan_term_page(
        self, taxonomy: _Taxonomy, term: Term, items: list, label: str
    ) -> None:
        """A term's page, listing its pages (a theme's ``tag`` or ``term``
        template)."""
        singular = taxonomy.singular
        template = singular if singular in PELICAN_LISTS else "term"
        self.planned.append(
            {
                "save_as": term.save_as,
                "owner": f"the term page {label}",
                "template": template,
                "kwargs": {
                    template: term,
                    "term": term,
                    "heading": term.name,
                    "url": term.url,
                    "articles": items,
                    "dates": items,
                    "page_name": term.page_name,
                    "template_name": "tag",
                    CAMEO_PAGE_LANG: taxonomy.lang,
                },
            }
        )

    def _plan_term_list(self, taxonomy: _Taxonomy, pairs: list) -> None:
        """The taxonomy's list of terms and its feed, paged by its terms in
        Hugo's order; the default language's list of tags, categories or
        authors is Pelican's unless the settings let this generator take it."""
        singular, plural, base = taxonomy.singular, taxonomy.plural, taxonomy.base
        pelican, lang = taxonomy.pelican, taxonomy.lang
        if self._has_feed("taxonomy"):
            heading = plural.replace("-", " ").title()
            listed = PELICAN_LISTS[singular] if pelican else pairs
            self.term_feeds.append((f"{base}index.xml", lang, heading, listed))
        listing = PELICAN_LISTS.get(singular, "terms")
        if pelican and not pelican_lists.take_pelican_list(
            self.settings, self._taken, listing
        ):
            return
        save_as = f"{base}index.html"
        # Paged by its terms, in Hugo's order, as a theme's list of terms is.
        paged = self.settings["PAGINATED_TEMPLATES"]
        self.settings["PAGINATED_TEMPLATES"] = {**paged, listing: paged.get(listing)}
        ordered = pagination.term_order(pairs)
        pages = pagination.paginator(save_as, base, ordered, self.settings)
        self.planned.append(
            {
                "save_as": save_as,
                "owner": f"the taxonomy page {plural}/ ({lang})",
                "template": listing,
                "also": pagination.paged_outputs(pages),
                "kwargs": {
                    listing: pairs,
                    "terms": pairs,
                    "paginated": {"terms": ordered},
                    "heading": plural.replace("-", " ").title(),
                    "url": base,
                    "page_name": base.rstrip("/"),
                    "template_name": listing,
                    CAMEO_PAGE_LANG: lang,
                },
            }
        )

    def _has_feed(self, kind: str) -> bool:
        """Whether Hugo gives that kind of list a feed (config.kinds.FEED_KINDS:
        ``outputs`` and ``disableKinds`` of the config)."""
        kinds = self.settings.get("HUGO_FEED_KINDS", FEED_KINDS)
        disabled = self.settings.get("HUGO_DISABLED_KINDS") or []
        return kind in kinds and "rss" not in disabled

    def _plan_feed(self, url: str, title: str, contents: list, kind: str) -> None:
        """An RSS feed at ``<url>index.xml`` of the dated pages among
        ``contents``, newest first (Pelican's feeds need a date)."""
        if not self._has_feed(kind):
            return
        dated = [item for item in contents if getattr(item, "date", None)]
        dated.sort(key=lambda item: item.date, reverse=True)
        self.feeds.append((f"{url}index.xml", f"{url}index.xml", title, dated))

    def _plan_section_feeds(self, lang: str, contents: list) -> None:
        """Each section's feed, beside its list page: the top folders that
        hold pages, and every folder with an ``_index`` page, listing the
        regular pages below it."""
        prefix = language_prefix(lang, self.settings)
        lists: dict[str, str] = {}  # folder in content -> its list page's url
        regular = []
        for item in contents:
            in_content = self._in_content(item)
            folder = posixpath.dirname(in_content)
            kind = getattr(item, "hugo_kind", None)
            if kind == "section":
                lists[folder] = item.url
            elif kind == "page":
                if posixpath.basename(in_content).startswith("index."):
                    # a leaf bundle: a page in the folder above its own
                    folder = posixpath.dirname(folder)
                regular.append((folder, item))
                top = folder.split("/")[0]
                if top and top not in lists:
                    # Hugo's section of no _index: in lower case, always
                    path = urls.sanitize(top)
                    lists[top] = f"{prefix}/{path}/" if prefix else f"{path}/"
        for folder, url in sorted(lists.items()):
            below = [
                item
                for where, item in regular
                if where == folder or where.startswith(f"{folder}/")
            ]
            self._plan_feed(url, f"the section {folder}/ ({lang})", below, "section")

    def _in_content(self, item) -> str:
        """The item's path in Hugo's content folder (its language's own)."""
        relative = os.path.relpath(os.path.abspath(item.source_path), self.path)
        return hugo_path(relative.replace(os.sep, "/"), self.settings)[0]

    def _plan_home(self, lang: str, contents: list) -> None:
        prefix = language_prefix(lang, self.settings)
        default = default_language(self.settings)
        unwritten = {name or default for name in self.context.get(UNWRITTEN_HOMES, ())}
        if lang in unwritten:
            return  # its _index.<lang>.md is not rendered: no page, no feed
        if lang != default:
            self._plan_feed(
                f"{prefix}/",
                f"the home page of {lang}",
                [item for item in contents if getattr(item, "hugo_kind", "") == "page"],
                "home",
            )
        save_as = f"{prefix}/index.html"
        if save_as in self.written:
            return  # the language's _index.<lang>.md
        posts = pagination.main_section_pages(contents, self.settings)
        titles = self.settings.get("HUGO_LANGUAGE_TITLES") or {}
        self.planned.append(
            {
                "save_as": save_as,
                "owner": f"the home page of {lang}",
                "template": "index",
                "kwargs": {
                    "articles": posts,
                    "dates": posts,
                    "url": f"{prefix}/",
                    "page_name": prefix,
                    "template_name": "index",
                    "SITENAME": titles.get(lang) or self.settings.get("SITENAME"),
                    CAMEO_PAGE_LANG: lang,
                },
            }
        )

    def _plan_not_found(self, lang: str) -> None:
        """Hugo's 404 page of a language in its folder (``fr/404.html``): the
        default language's is Pelican's ``404.html``, unless that language
        is in a subfolder too (then the config leaves Pelican's out)."""
        if "404" in (self.settings.get("HUGO_DISABLED_KINDS") or []):
            return
        prefix = language_prefix(lang, self.settings)
        titles = self.settings.get("HUGO_LANGUAGE_TITLES") or {}
        self.planned.append(
            {
                "save_as": f"{prefix}/404.html",
                "owner": f"the 404 page of {lang}",
                "template": "404",
                "kwargs": {
                    "page_name": f"{prefix}/404",
                    "template_name": "404",
                    "SITENAME": titles.get(lang) or self.settings.get("SITENAME"),
                    CAMEO_PAGE_LANG: lang,
                },
            }
        )

    # --- writing -----------------------------------------------------------

    def generate_output(self, writer) -> None:
        self.write_pages(writer)
        self.write_term_feeds(self.output_path)

    def write_term_feeds(self, output: str) -> None:
        """The feeds of the lists of terms, into the folder ``output``."""
        for path, lang, heading, terms in self.term_feeds:
            if isinstance(terms, str):  # a list Pelican writes: its terms now
                terms = self.context.get(terms) or []
            write_term_feed(
                output, path, lang, heading, terms, self.settings, self.context
            )

    def write_pages(self, writer) -> None:
        """The pages and feeds that list pages (live reload's quick path
        renders them again when a post's title changes); the feeds of the
        lists of terms, which list terms, are left to ``generate_output``."""
        for page in self.planned:
            writer.write_file(
                page["save_as"],
                self.get_template(page["template"]),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                **page["kwargs"],
            )
        for path, url, _, items in self.feeds:
            with signals.feed_generated.connected_to(leave_out_build_date):
                writer.write_feed(items, self.context, path, url, feed_type="rss")
