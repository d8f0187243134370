"""Live reload's moves path: a post that moves between lists, without a full build.

A new date, weight, tag, category or author moves a post in the lists, or
from one list to another, but changes no other post's page. Instead of
reading and rendering every page again, the lists are worked out again
from the page objects the live-reload process keeps, the way a build works
them out after reading:

1. Pelican's lists of posts: the posts ordered as ``process_translations``
   and ``order_content`` order them, each tag's, category's and author's
   posts, the posts by date; and the context's copies of them.
2. Each plugin generator that plans its pages from those lists again
   (``replan``: the Hugo plugin's taxonomies and their feeds).
3. ``all_generators_finalized`` sent again, for what is worked out from
   every list (the cameo theme's header menu and section members).

Then every list page and feed is rendered, and the moved post's own page.
The path is taken only where that gives what a clean build gives (see
``may_move``); else the caller builds everything. A term left without posts
(whose page a clean build would not write) also needs a full build: it is
found after working the lists out, and reported as None.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from operator import attrgetter

from cameo_shared.contract import LiveGenerator, LiveTermsGenerator

# Settings that write per-period archives, which Pelican works out with a
# private method: with one set, a move needs a full build.
PERIOD_ARCHIVES = ("YEAR_ARCHIVE_SAVE_AS", "MONTH_ARCHIVE_SAVE_AS")
PERIOD_ARCHIVES += ("DAY_ARCHIVE_SAVE_AS",)
# Receivers of all_generators_finalized that may be run again: they work
# out what they set from the lists alone.
REPEATABLE = ("cameo.cameo",)


def may_move(old, new, menu: list) -> bool:
    """Whether ``new`` (``old`` read again) can be placed in the lists
    without a full build: a published post before and after, at the same
    address, in the same language and translation group with no
    translations, in no menu, with the same aliases."""
    from pelican.contents import Article

    if not isinstance(old, Article) or not isinstance(new, Article):
        return False
    if old.status != "published" or new.status != "published":
        return False
    if (old.url, old.save_as) != (new.url, new.save_as):
        return False
    if getattr(old, "translations", None) or filed_by(old) != filed_by(new):
        return False
    if any(item is old for item in menu):
        return False
    if getattr(old, "menu", None) or getattr(new, "menu", None):
        return False
    if old.metadata.get("aliases") != new.metadata.get("aliases"):
        return False
    settings = old.settings
    if not settings.get("ARTICLE_TRANSLATION_ID"):
        return False  # Pelican leaves posts in the order it found the files
    if any(settings.get(name) for name in PERIOD_ARCHIVES):
        return False
    return _signals_allow()


def list_sizes(generators) -> dict[str, int]:
    """Each term's list (Pelican's tags, categories and authors, and the
    pages and feeds a plugin generator plans) and how many posts it holds."""
    from pelican.generators import ArticlesGenerator

    found: dict[str, int] = {}
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            terms = [
                *generator.tags.items(),
                *generator.categories,
                *generator.authors,
            ]
            for term, posts in terms:
                found[f"{type(term).__name__}:{term.slug}"] = len(posts)
        if isinstance(generator, LiveTermsGenerator):
            for page in generator.planned:
                found[page["save_as"]] = len(page["kwargs"].get("articles") or [])
            for feed in generator.feeds:
                found[feed[0]] = len(feed[3])
    return found


def lists_kept(before: dict[str, int], after: dict[str, int], settings) -> bool:
    """Whether every output of ``before`` is still written: no term left
    without posts, and, when lists are paginated, no list shorter (its last
    page could go)."""
    if set(before) - set(after):
        return False
    if settings.get("DEFAULT_PAGINATION"):
        return all(after[name] >= size for name, size in before.items())
    return True


def relist(generators) -> None:
    """Work out every list of posts again from the posts kept."""
    from pelican import signals
    from pelican.generators import ArticlesGenerator
    from pelican.utils import order_content

    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        settings, context = generator.settings, generator.context
        keys = translation_keys(settings["ARTICLE_TRANSLATION_ID"])
        # process_translations sorts by the translation id before it picks
        # the originals; order_content's sort then keeps that order for ties.
        posts = sorted(generator.articles, key=attrgetter(*keys))
        generator.articles = order_content(posts, settings["ARTICLE_ORDER_BY"])
        tags, categories, authors = (
            defaultdict(list),
            defaultdict(list),
            defaultdict(list),
        )
        for post in generator.articles:
            if hasattr(post, "category"):
                categories[post.category].append(post)
            for tag in getattr(post, "tags", None) or []:
                tags[tag].append(post)
            for author in getattr(post, "authors", []):
                authors[author].append(post)
        generator.tags = tags
        generator.dates = sorted(
            generator.articles,
            key=attrgetter("date"),
            reverse=context["NEWEST_FIRST_ARCHIVES"],
        )
        generator.categories = sorted(
            categories.items(), reverse=settings["REVERSE_CATEGORY_ORDER"]
        )
        generator.authors = sorted(authors.items())
        context["articles"] = generator.articles
        context["dates"] = generator.dates
        context["tags"] = list(generator.tags.items())
        context["categories"] = generator.categories
        context["authors"] = generator.authors
    for generator in generators:
        if isinstance(generator, LiveGenerator):
            generator.replan()
    signals.all_generators_finalized.send(generators)


def filed_by(page) -> tuple:
    """What links a page to its translations besides its metadata: its
    language and its translation id (Pelican's default id is the slug, which
    a title gives when no slug is written)."""
    is_article = type(page).__name__ == "Article"
    name = "ARTICLE_TRANSLATION_ID" if is_article else "PAGE_TRANSLATION_ID"
    keys = translation_keys(page.settings.get(name))
    return (
        getattr(page, "lang", None),
        tuple(getattr(page, key, None) for key in keys),
    )


def translation_keys(value) -> list[str]:
    """The metadata names of a ``*_TRANSLATION_ID`` setting, as Pelican's
    ``process_translations`` reads it: a name, or a collection of names;
    none when it is empty (translations not looked for)."""
    if not value:
        return []
    return [value] if isinstance(value, str) else [key for key in value if key]


def _signals_allow() -> bool:
    """No plugin listens to what a build sends while it works the lists out,
    other than the receivers known to work out the same again."""
    from pelican import signals

    if signals.article_generator_pretaxonomy.receivers:
        return False
    if signals.article_generator_finalized.receivers:
        return False
    for receiver in signals.all_generators_finalized.receivers.values():
        function = receiver() if isinstance(receiver, weakref.ref) else receiver
        module = getattr(function, "__module__", "") or ""
        if not any(
            module == name or module.endswith("." + name) for name in REPEATABLE
        ):
            return False
    return True
