"""Hugo's taxonomy, term and language home pages (with ``hugo_config``).

Pelican writes the default language's tag, category and author pages; this
generator adds what Hugo writes and Pelican does not:

- the site's own taxonomies (``series = "series"``): ``/<plural>/`` and
  ``/<plural>/<term>/`` for each term a page names in its front matter;
- a post in several categories: Pelican files it under its first; here it
  is added to each other category's list (a new one when needed), so that
  Pelican's category pages and feeds list it, in Hugo's order;
- terms that only a list page or a term's own ``_index.md`` names
  (``tags/index/``, ``authors/hugo-authors/``);
- for each other language: its own taxonomy and term pages under
  ``/<lang>/`` (its own ``taxonomies`` table if the config gives one),
  listing only its pages, and its home page when it has no ``_index``;
- the RSS feeds (``index.xml``) of those terms, of every section in every
  language, and of each other language's home page, as Hugo writes them
  (one with nothing dated has no ``lastBuildDate``, as in Hugo).
"""

from __future__ import annotations

import os
import posixpath
from typing import Any

from feedgenerator import Rss201rev2Feed, get_tag_uri
from pelican import signals
from pelican.generators import Generator
from pelican.urlwrappers import Author, Category

from ..config.settings import FEED_KINDS, PELICAN_TAXONOMIES, pelican_serves
from ..content import urls
from ..content.frontmatter import FrontMatterError, decode, split
from ..content.source import default_language, hugo_path, language_prefix
from . import pagination
from .rules import (
    RESERVED_OUTPUTS,
    UNBUILT_HOMES,
    UNRENDERED,
    UNWRITTEN_HOMES,
    hugo_order,
    inside_output,
)

# Hugo's taxonomies Pelican has pages for: singular (also the template of a
# term's page) -> the context key and template of the list of terms.
PELICAN_LISTS = {
    singular: many.lower() for singular, (_, many) in PELICAN_TAXONOMIES.items()
}
# Pelican's wrappers of the lists whose posts come from more than Hugo's
# field (``category``, ``author`` too): the lists are matched to the field.
PELICAN_WRAPPERS = {"category": Category, "author": Author}
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
    that language's term page, which this generator writes; Pelican, which
    files posts by these objects, writes nothing for it (no ``save_as``)."""

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
        if not plural:
            return
        disabled = set(self.settings.get("HUGO_DISABLED_KINDS") or [])
        prefix = language_prefix(lang, self.settings)
        # The front matter field is the plural in any case (Hugo lower-cases
        # a page's keys); the path is in lower case unless disablePathToLower.
        field = plural.lower()
        folder = field if self._lower else plural
        base = f"{prefix}/{folder}/" if prefix else f"{folder}/"
        # Terms are one whatever their case (Hugo's content tree is in lower
        # case): slug -> (name, pages); a term's own _index.md matches too.
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
        serves = pelican_serves(singular, plural)
        if (
            serves
            and self._default_has(singular, plural)
            and not self.settings.get(f"{singular.upper()}_SAVE_AS")
            and "term" not in disabled  # then Hugo still lists the terms
        ):
            return  # turned off in the settings (every language)
        pelican = lang == default and serves
        if pelican:
            self._match_pelican_list(singular, terms)
        template = singular if singular in PELICAN_LISTS else "term"
        pairs = []
        for slug, (name, items) in sorted(terms.items()):
            url = str(own_files.get(slug, {}).get("url") or "").strip("/")
            if self._lower:  # a term's url too, unlike a page's
                url = url.lower()
            location = f"{base}{slug}/"
            if url:  # the term's own url, under its language's folder
                location = f"{prefix}/{url}/" if prefix else f"{url}/"
            if pelican and (url or not self._lower):
                # Pelican's page is elsewhere, or one per spelling of the term
                self._move_pelican_term(singular, slug, location)
            term = Term(name, slug, location)
            pairs.append((term, items))
            if "term" in disabled or posixpath.normpath(term.save_as) in self.written:
                continue
            self._plan_feed(term.url, f"{plural}/{slug} ({lang})", items, "term")
            if pelican and self._pelican_writes(singular, slug, term.save_as):
                continue
            self.planned.append(
                {
                    "save_as": term.save_as,
                    "owner": f"the term page {plural}/{slug} ({lang})",
                    "template": template,
                    "kwargs": {
                        template: term,
                        "term": term,
                        "heading": name,
                        "url": term.url,
                        "articles": items,
                        "dates": items,
                        "page_name": term.page_name,
                        "template_name": "tag",
                        "CAMEO_PAGE_LANG": lang,
                    },
                }
            )
        # Hugo writes each language's list of terms and its feed, empty too.
        if "taxonomy" in disabled:
            return
        if self._has_feed("taxonomy"):
            heading = plural.replace("-", " ").title()
            listed = PELICAN_LISTS[singular] if pelican else pairs
            self.term_feeds.append((f"{base}index.xml", lang, heading, listed))
        listing = PELICAN_LISTS.get(singular, "terms")
        if pelican and not self._take_pelican_list(listing):
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
                    "CAMEO_PAGE_LANG": lang,
                },
            }
        )

    def _take_pelican_list(self, listing: str) -> bool:
        """Whether this generator writes the default language's list of tags,
        categories or authors (not Pelican: its list is not paged by its
        terms), taking it out of DIRECT_TEMPLATES; False when the settings
        leave it out."""
        direct = self.settings["DIRECT_TEMPLATES"]
        if listing in direct and self.settings.get(f"{listing.upper()}_SAVE_AS"):
            self.settings["DIRECT_TEMPLATES"] = [n for n in direct if n != listing]
            self._taken.add(listing)
        return listing in self._taken

    def _default_has(self, singular: str, plural: str) -> bool:
        """Whether the default language has the taxonomy (else its Pelican
        pages are off because it has none, not because the user said so)."""
        default = default_language(self.settings)
        own = (self.settings.get("HUGO_LANGUAGE_TAXONOMIES") or {}).get(default)
        table = self.settings.get("HUGO_TAXONOMIES") if own is None else own
        return str((table or {}).get(singular, "")).lower() == plural.lower()

    def _move_pelican_term(self, singular: str, slug: str, location: str) -> None:
        """A term whose own ``_index.md`` gives a url: Pelican writes no page
        at its usual path, and its wrappers (on the posts and pages, and in
        the list of terms) link to the url, where this generator writes it."""
        one = singular.upper()
        moved = {
            f"{one}_SAVE_AS": "",
            f"{one}_URL": location.replace("{", "{{").replace("}", "}}"),
        }
        attribute = PELICAN_FIELDS[singular][0]
        wrappers = [
            wrapper for wrapper, _ in self.context.get(PELICAN_LISTS[singular]) or []
        ]
        for key in ("articles", "pages"):
            for content in self.context.get(key) or []:
                for item in [content, *getattr(content, "translations", [])]:
                    found = getattr(item, attribute, None)
                    wrappers.extend(found if isinstance(found, list) else [found])
        for wrapper in wrappers:
            if str(getattr(wrapper, "slug", "")).lower() == slug.lower() and not (
                isinstance(wrapper, OwnLanguageTerm)
            ):
                wrapper.settings = {**wrapper.settings, **moved}

    def _pelican_writes(self, singular: str, slug: str, save_as: str) -> bool:
        """Whether Pelican writes this term's page: the same slug, or the
        same file (a slug with a '/', which the path drops, is one term)."""
        path = posixpath.normpath(save_as)
        return any(
            wrapper.save_as
            and (wrapper.slug == slug or posixpath.normpath(wrapper.save_as) == path)
            for wrapper, _ in self.context.get(PELICAN_LISTS[singular], []) or []
        )

    def _match_pelican_list(
        self, singular: str, terms: dict[str, tuple[str, list]]
    ) -> None:
        """Pelican's list of tags, categories or authors as Hugo's field makes
        it: a term lists every page that has it (Pelican: the posts only), each
        of a post's categories lists it (Pelican: the first only), and a name
        only Pelican reads (``category:``, ``author:``, plain params in Hugo)
        has no page."""
        pairs = self.context.get(PELICAN_LISTS[singular])
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
            (wrap(name, self.settings), list(posts))
            for name, posts in wanted.values()
            if posts
        )
        for _, articles in kept:
            articles.sort(key=hugo_order)
        kept.sort(key=lambda pair: pair[0])
        pairs[:] = kept

    def _has_feed(self, kind: str) -> bool:
        """Whether Hugo gives that kind of list a feed (config.FEED_KINDS:
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
                    "CAMEO_PAGE_LANG": lang,
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
                    "CAMEO_PAGE_LANG": lang,
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
            self._write_term_feed(output, path, lang, heading, terms)

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

    def _write_term_feed(
        self, output: str, path: str, lang: str, heading: str, terms
    ) -> None:
        """A list of terms as Hugo's feed of it: one item per term, dated by
        its newest page. Pelican's writer makes feeds of pages only, so
        this one is made with feedgenerator, Pelican's feed library."""
        site_url = self.settings.get("FEED_DOMAIN") or self.settings.get("SITEURL")
        site_name = self.settings.get("SITENAME", "")
        feed = Rss201rev2Feed(
            title=f"{heading} on {site_name}",
            link=f"{site_url}/{posixpath.dirname(path)}/",
            description="",
            language=lang,
            feed_url=f"{site_url}/{path}",
        )
        for term, items in terms:
            dates = [item.date for item in items if getattr(item, "date", None)]
            newest = max(dates) if dates else None
            link = f"{site_url}/{term.url}"
            feed.add_item(
                title=str(term),
                link=link,
                description="",
                pubdate=newest,
                unique_id=get_tag_uri(link, newest),
            )
        # As Pelican's writer does for its feeds: a plugin may fix the feed's
        # own date (cameo's, from SOURCE_DATE_EPOCH, when no term is dated).
        leave_out_build_date(self.context, feed)
        signals.feed_generated.send(self.context, feed=feed)
        target = inside_output(output, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as handle:
            feed.write(handle, "utf-8")


def leave_out_build_date(context: Any, feed: Rss201rev2Feed) -> None:
    """A feed with no dated item (the home feed of a language without
    pages) has no ``lastBuildDate``, as Hugo's, which dates a feed by its
    newest page, so that two builds write the same bytes; feedgenerator
    would print the time of the build. A date a plugin fixed on the feed
    (cameo's, from SOURCE_DATE_EPOCH) is printed."""
    if any(item.get("pubdate") or item.get("updateddate") for item in feed.items):
        return
    add_root_elements = feed.add_root_elements

    def without_build_date(handler) -> None:
        if "latest_post_date" in vars(feed):  # fixed by a plugin
            add_root_elements(handler)
        else:
            add_root_elements(_WithoutBuildDate(handler))

    feed.add_root_elements = without_build_date


class _WithoutBuildDate:
    """An XML writer for feedgenerator that skips ``lastBuildDate``."""

    def __init__(self, handler) -> None:
        self._handler = handler

    def addQuickElement(self, name: str, *args, **kwargs) -> None:  # noqa: N802
        if name != "lastBuildDate":
            self._handler.addQuickElement(name, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handler, name)
