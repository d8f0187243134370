"""Map Hugo's front matter fields to the metadata Pelican and the theme use.

Each known field has one mapper in ``FIELD_MAPPERS``; a mapper checks the value's
type and returns the Pelican metadata it stands for. Keys no mapper knows are kept,
lower-cased as Hugo does, so templates can read them (``page.supertitle``), and
every field is in ``page.params`` as in Hugo's ``.Params`` (a ``params:`` map
too, as ``page.params.params``: Hugo 0.111 does not merge it into the page's).
After the fields, ``to_pelican`` settles what depends on several of them: dates,
authors, the title, where the page is written, and whether it is written at all.
"""

from __future__ import annotations

import copy
import datetime
import decimal
import email.utils
import logging
import math
import os
import posixpath
import re
import zoneinfo
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pelican.contents import Article, Page
from pelican.utils import SafeDatetime

from . import urls
from .frontmatter import FrontMatter, FrontMatterError

logger = logging.getLogger(__name__)

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

# Hugo's date fields, in the order Hugo falls back from one to the next.
_DATE_FIELDS = {
    "date": ("date", "publishdate", "pubdate", "published", "lastmod", "modified"),
    "publishdate": ("publishdate", "pubdate", "published", "date"),
    "lastmod": ("lastmod", "modified", "date", "publishdate", "pubdate", "published"),
    "expirydate": ("expirydate", "unpublishdate"),
}
_ALL_DATE_KEYS = {key for chain in _DATE_FIELDS.values() for key in chain}
# What a path from content must be, in the errors that refuse one.
_SITE_PATH = (
    "without a backslash, control character, scheme or leading '//' "
    "(a browser would leave the site)"
)
# The statuses Pelican 4.12 allows a page and an article.
_STATUS_WORDS = ("published", "hidden", "draft", "skip")
# Pelican's own metadata that Pelican reads as text.
_PELICAN_TEXT = (
    "date_format",
    "lang",
    "path",
    "save_as",
    "template",
    "translation",
)


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


@dataclass
class Source:
    """Where a file is: how errors name it, and its place in the content tree."""

    shown_path: str
    # posix path relative to Hugo's content folder: Pelican's, or the
    # language's own (contentDir) that holds the file
    in_content: str
    is_bundle_resource: bool = False
    # Below a section that Hugo does not build (a draft, future or expired
    # _index.md): Hugo builds nothing under it either.
    in_unbuilt_section: bool = False
    # The language of a file named name.<lang>.md or in a language's own
    # folder ('' for the default language), and the folder its pages go
    # under ('' for the root).
    language: str = ""
    language_prefix: str = ""
    # The folders above the file that are Hugo sections (the top one, and
    # each below it with an _index.md), for a permalink's :sections.
    sections: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return posixpath.basename(self.in_content)

    @property
    def section(self) -> str:
        """Hugo's section: the first folder under content/ ('' at the top)."""
        folder = posixpath.dirname(self.in_content)
        return folder.split("/")[0] if folder else ""

    @property
    def kind(self) -> str:
        """Hugo's page kind: home, section or page."""
        if self.in_content == urls.HOME_PAGE_SOURCE:
            return "home"
        return "section" if self.name == "_index.md" else "page"


# The metadata that links a page to its translations (Pelican's
# ARTICLE_TRANSLATION_ID / PAGE_TRANSLATION_ID when the config has languages):
# Hugo's translation key, the file's path without language and extension.
TRANSLATION_KEY = "hugo_translation_key"
# What a language part of a file name looks like (pt-br, en, fil), for the
# error when the config names no languages.
_LANGUAGE_LIKE = re.compile(r"^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})?$", re.IGNORECASE)


def file_language(
    in_content: str, source_path: str, settings: Mapping[str, Any], shown_path: str
) -> tuple[str, str]:
    """A file's path as Hugo sees it, and its language: ``about.pt-br.md``
    is ``about.md`` in ``pt-br`` when the config has ``[languages.pt-br]``
    (Hugo 0.111 matches the lower-case name only). A file in a language's
    own folder (``contentDir``: ``french/posts/hello.md``) is in that
    language, at its path in that folder (``posts/hello.md``), unless its
    name says another language, which wins, as in Hugo 0.111. Without such
    a language, a file named so beside its twin (``about.md``) is an error:
    Hugo would publish it as a page of its own at ``/about.pt-br/``."""
    in_content, folder_language = hugo_path(in_content, settings)
    folder, name = posixpath.split(in_content)
    stem, extension = posixpath.splitext(name)
    base, dot, language = stem.rpartition(".")
    if not dot or not base:
        return in_content, folder_language
    languages = settings.get("HUGO_LANGUAGES") or []
    if language in languages:
        return posixpath.join(folder, base + extension), language
    twin = os.path.join(os.path.dirname(source_path), base + extension)
    if _LANGUAGE_LIKE.match(language) and os.path.isfile(twin):
        where = (
            "the Hugo config named by HUGO_FRONTMATTER['hugo_config']"
            if plugin_options(settings)["hugo_config"]
            else "the Hugo config, and name that config in "
            "HUGO_FRONTMATTER['hugo_config']"
        )
        raise FrontMatterError(
            shown_path,
            1,
            f"is named as the '{language}' translation of {base + extension}, "
            f"but the site has no language '{language}'; add "
            f"[languages.{language.lower()}] to {where} (and name the file in "
            "lower case), or rename the file",
        )
    return in_content, folder_language


def hugo_path(in_content: str, settings: Mapping[str, Any]) -> tuple[str, str]:
    """A path in Pelican's content folder as Hugo sees it: relative to the
    language's own folder that holds it (``HUGO_CONTENT_DIRS``, Hugo's
    ``languages.<lang>.contentDir``), and that language; as it is, with no
    language (or the language whose folder is the whole), when in none."""
    folders = settings.get("HUGO_CONTENT_DIRS") or {}
    whole = ""
    for language, folder in sorted(folders.items(), key=lambda item: -len(item[1])):
        if not folder:
            whole = language
        elif in_content.startswith(folder + "/"):
            return in_content[len(folder) + 1 :], language
    return in_content, whole


def content_root(in_content: str, settings: Mapping[str, Any]) -> str:
    """The folder of Pelican's content (posix, '' for the whole) that is
    Hugo's content folder for a path: its language's own, if any."""
    inside, _ = hugo_path(in_content, settings)
    return in_content[: len(in_content) - len(inside)].rstrip("/")


def default_language(settings: Mapping[str, Any]) -> str:
    """The site's language (Hugo's defaultContentLanguage), lower-cased."""
    return str(settings.get("DEFAULT_LANG") or "en").lower()


def language_prefix(language: str, settings: Mapping[str, Any]) -> str:
    """The folder a language's pages go under: '' for the default language
    (unless defaultContentLanguageInSubdir), else the language."""
    if not settings.get("HUGO_LANGUAGES"):
        return ""
    default = default_language(settings)
    language = language or default
    if language == default and not settings.get("HUGO_DEFAULT_IN_SUBDIR"):
        return ""
    return language


def language_metadata(source: Source, front_key: Any = None) -> dict[str, Any]:
    """``lang`` of a translated file, and the key that links translations
    (Hugo's ``translationKey``, else the path without language)."""
    metadata: dict[str, Any] = {
        TRANSLATION_KEY: str(front_key)
        if front_key not in (None, "")
        else posixpath.splitext(source.in_content)[0]
    }
    if source.language:
        metadata["lang"] = source.language
    return metadata


class Params(dict):
    """Hugo's ``maps.Params``: keys in lower case and looked up in any case,
    nested maps too, and a missing key is None, which a template prints as
    nothing (``site.params.codePenUser`` as Hugo's ``.Site.Params.codePenUser``).
    A key named as a method of dict (``items``) is read with ``params["items"]``.
    """

    def __init__(self, values: Mapping[Any, Any] | None = None) -> None:
        super().__init__(
            (str(key).lower(), _as_params(value))
            for key, value in (values or {}).items()
        )

    def __getitem__(self, key: Any) -> Any:
        return super().__getitem__(str(key).lower())

    def __setitem__(self, key: Any, value: Any) -> None:
        super().__setitem__(str(key).lower(), value)

    def __contains__(self, key: object) -> bool:
        return super().__contains__(str(key).lower())

    def get(self, key: Any, default: Any = None) -> Any:
        return super().get(str(key).lower(), default)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # pickle and copy ask for these
            raise AttributeError(name)
        return self.get(name)


def _as_params(value: Any) -> Any:
    """Maps within a value as Params, also inside lists, as Hugo prepares them."""
    if isinstance(value, Params):
        return value
    if isinstance(value, Mapping):
        return Params(value)
    if isinstance(value, list):
        return [_as_params(item) for item in value]
    return value


@dataclass
class _Field:
    """One field being mapped: where it is, so that errors can say so."""

    name: str
    value: Any
    path: str
    line: int
    process: Callable[[str, Any], Any]
    render: Callable[[str], str]
    # The kind of page it is on (Source.kind): Hugo reads some fields only
    # on some kinds (a cascade on a home or section page).
    kind: str = "page"
    # The front matter's format: Hugo reads every JSON number as a float.
    format: str = "yaml"

    def error(self, expected: str) -> FrontMatterError:
        return FrontMatterError(
            self.path,
            self.line,
            f"'{self.name}' must be {expected}, not {_describe(self.value)}; "
            "correct the field or remove it",
        )

    def refused(self, problem: str, fix: str) -> FrontMatterError:
        """A value Hugo itself refuses: the build stops, as Hugo's does."""
        return FrontMatterError(
            self.path,
            self.line,
            f"'{self.name}' {problem} (Hugo stops here too); {fix}",
        )

    def warn(self, read_as: str) -> None:
        """A value Hugo takes but cannot use as this field: said, not refused."""
        logger.warning(
            "%s:%d: '%s' is %s, which %s; correct the field if that is not meant",
            self.path,
            self.line,
            self.name,
            _describe(self.value),
            read_as,
        )


def to_pelican(
    front: FrontMatter,
    source: Source,
    settings: Mapping[str, Any],
    process: Callable[[str, Any], Any],
    render: Callable[[str], str] = str,
    now: datetime.datetime | None = None,
) -> dict[str, Any]:
    """Pelican metadata for one file's front matter.

    ``process`` is the reader's metadata processor (tags, categories ...),
    ``render`` turns Markdown into HTML (for ``summary``).
    """
    options = plugin_options(settings)
    metadata: dict[str, Any] = {}
    # Hugo's .Params: every field as written, names lower-cased.
    hugo_params: dict[str, Any] = {}
    for key, value in front.fields.items():
        name = str(key).lower()
        # The parsed front matter is cached across builds (live reload); a
        # plugin or template that changes a page's dict or list (the avatar's
        # size goes into `icon`) must not change the cached one.
        if isinstance(value, (dict, list)):
            value = copy.deepcopy(value)
        path, line = front.origin_of(name, source.shown_path)
        field = _Field(
            name, value, path, line, process, render, source.kind, front.format
        )
        hugo_params[name] = value
        if name == "params":  # Hugo 0.111: one more param, a map; not merged
            continue
        mapper = FIELD_MAPPERS.get(name)
        if mapper:
            metadata.update(mapper(field))
        else:
            metadata[_own_name(name, path, line)] = value

    _settle_draft(metadata, source.shown_path)
    _settle_dates(metadata)
    _settle_authors(metadata, process)
    lower = settings.get("HUGO_PATH_TO_LOWER") is not False
    metadata.update(_location(metadata, front, source, options, lower))
    metadata.update(language_metadata(source, hugo_params.get("translationkey")))
    _settle_title(metadata, source)
    metadata["hugo_kind"] = source.kind
    metadata["section"] = source.section
    metadata["hugo_lines"] = _field_lines(front)
    metadata["params"] = Params(hugo_params)
    _settle_status(
        metadata, source, options, now or datetime.datetime.now(datetime.UTC)
    )
    _check_relative_aliases(metadata, front, source)
    return metadata


# Hugo's ``published`` read as true or false, until _settle_draft.
_PUBLISHED = "hugo_published"
# Metadata the plugin sets for itself; a front matter field of the same name
# would be taken for it.
RESERVED_NAMES = frozenset(
    {
        "hugo_draft",
        "hugo_kind",
        "hugo_lines",
        _PUBLISHED,
        TRANSLATION_KEY,
        "hugo_publish_resources",
        "hugo_unbuilt",
        "hugo_undated",
        "hugo_url",
    }
)


# Pelican's metadata that is also an attribute of its Page and Article.
_PELICAN_METADATA = frozenset({"save_as", "url", "status", "summary"})
# What Pelican 4.12's Content.__init__ sets on a page besides the metadata.
_PELICAN_INSTANCE_NAMES = frozenset(
    {
        "_content",
        "_context",
        "_summary",
        "in_default_lang",
        "locale_date",
        "locale_modified",
        "metadata",
        "override_save_as",
        "override_url",
        "relative_source_path",
        "settings",
        "source_path",
        "translations",
    }
)
# Names Pelican's pages use for themselves. Pelican sets each field as an
# attribute of the page, so `content: x` or `__class__: x` would break it.
PELICAN_NAMES = (
    frozenset(dir(Page)) | frozenset(dir(Article)) | _PELICAN_INSTANCE_NAMES
) - _PELICAN_METADATA


def _field_lines(front: FrontMatter) -> dict[str, int]:
    """``hugo_lines``: the line of each field as the parser found it, a nested
    one dotted (``icon.url``), for errors found after reading (an output path,
    an image). ``url`` is the line of ``url``, else of ``slug``: what an
    error about the page's output path names."""
    lines = dict(front.key_lines)
    own = front.key_lines
    where = "url" if "url" in own or "slug" not in own else "slug"
    lines["url"] = front.line_of(where)
    lines["aliases"] = front.line_of("aliases")
    return lines


def _own_name(name: str, path: str, line: int, within: str | None = None) -> str:
    """``name``, unless the plugin or Pelican uses it itself (``within``: the
    field that holds it, such as ``params``, which the error then names first)."""
    if name in RESERVED_NAMES:
        owner = "the hugo_frontmatter plugin uses for itself"
    elif name in PELICAN_NAMES or name.startswith("__"):
        owner = "Pelican uses for the page object itself"
    else:
        return name
    if within:
        message = f"'{within}' must be without '{name}', a name"
    else:
        message = f"'{name}' is a name"
    raise FrontMatterError(path, line, f"{message} {owner}; rename it")


def _location(
    metadata: dict[str, Any],
    front: FrontMatter,
    source: Source,
    options: dict[str, Any],
    lower: bool = True,
) -> dict[str, str]:
    """Pelican's url and save_as, from Hugo's url, slug and the file's place
    (in lower case unless not ``lower``: Hugo's ``disablePathToLower``)."""
    if "hugo_url" in metadata:  # a list page's url is lower-cased, a page's is not
        url = metadata.pop("hugo_url")
        if source.language_prefix and not url.startswith("/"):  # Hugo: from /fr/
            url = f"{source.language_prefix}/{url}"
        lowered = lower and source.kind != "page"
        return urls.output_location(url.lower() if lowered else url)
    if options["hugo_urls"]:
        pattern = options["permalinks"].get(source.section)
        if pattern and source.kind == "page":
            return urls.output_location(_permalink(pattern, metadata, source, lower))
        return urls.output_location(default_path(source, metadata.get("slug"), lower))
    if source.in_content == urls.HOME_PAGE_SOURCE:
        return urls.output_location(f"/{source.language_prefix}/")
    return {}


def _check_relative_aliases(
    metadata: Mapping[str, Any], front: FrontMatter, source: Source
) -> None:
    """Hugo takes a relative alias from the folder above the page; above the
    site's root (the home page's folder) there is none, and Hugo stops
    where it writes the page's redirects: not for a page it leaves out."""
    if metadata.get("url") != "" or metadata.get("status") == "skip":
        return
    for alias in metadata.get("aliases") or []:
        if not alias.startswith("/"):
            path, line = front.origin_of("aliases", source.shown_path)
            raise FrontMatterError(
                path,
                line,
                f"the alias {alias!r} is relative to the folder above this page, "
                "which is above the site's root (Hugo stops here too); make it "
                f"absolute: {posixpath.normpath('/' + alias)!r}",
            )


def _permalink(
    pattern: str, metadata: Mapping[str, Any], source: Source, lower: bool = True
) -> str:
    """A regular page's path from its section's permalink pattern."""
    folder, name = posixpath.split(source.in_content)
    stem = posixpath.splitext(name)[0]
    if stem == "index":  # a leaf bundle: its folder names it
        stem = posixpath.basename(folder)
    parts = urls.PermalinkParts(
        date=metadata.get("date"),
        sections=source.sections or ((source.section,) if source.section else ()),
        title=str(metadata.get("title") or ""),
        slug=metadata.get("slug"),
        filename=stem,
    )
    return _in_site(
        urls.expand_permalink(pattern, parts, lower),
        source,
        f"the permalink {pattern!r}",
        "give the page a 'url'",
    )


def default_path(source: Source, slug: str | None = None, lower: bool = True) -> str:
    """Hugo's URL for a file, refused when its name makes one that leaves the
    site (a file named ``\\evil.example.md``)."""
    return _in_site(
        urls.default_path(source.in_content, slug, lower),
        source,
        "the file's name",
        "rename the file or give it a 'url'",
    )


def _in_site(path: str, source: Source, origin: str, fix: str) -> str:
    """``path`` under the page's language folder, refused (naming where it
    came from and how to fix it) when it leaves the site."""
    if source.language_prefix:
        path = f"/{source.language_prefix}{path}"
    if not urls.is_inside_site(path):
        raise FrontMatterError(
            source.shown_path,
            1,
            f"{origin} gives the URL {path!r}, which is not a path {_SITE_PATH}; {fix}",
        )
    return path


def _settle_draft(metadata: dict[str, Any], shown_path: str) -> None:
    """Hugo's ``published: false`` is ``draft: true``; ``draft`` wins when
    both are given, with Hugo's warning."""
    if _PUBLISHED not in metadata:
        return
    published = metadata.pop(_PUBLISHED)
    if "hugo_draft" in metadata:
        logger.warning(
            "%s: has both 'draft' and 'published'; 'draft' is used, as in Hugo",
            shown_path,
        )
    else:
        metadata["hugo_draft"] = not published
        metadata["status"] = "published"


def _settle_dates(metadata: dict[str, Any]) -> None:
    """Fill Hugo's date, publishDate, lastmod and expiryDate from each other."""
    given = {key: metadata.pop(key) for key in list(metadata) if key in _ALL_DATE_KEYS}
    for target, chain in _DATE_FIELDS.items():
        value = next((given[key] for key in chain if key in given), None)
        if value is not None:
            metadata[target] = value
    if "lastmod" in metadata:
        metadata["modified"] = metadata.pop("lastmod")


def _settle_authors(metadata: dict[str, Any], process: Callable) -> None:
    """Hugo's ``authors`` (a list, often a taxonomy) and ``author`` (a name or
    a list) become Pelican's ``authors``, the first also its ``author``."""
    names = [*metadata.pop("authors", []), *metadata.pop("author", [])]
    names = list(dict.fromkeys(names))
    if not names:
        return
    authors = process("authors", names)
    if isinstance(authors, list) and authors:
        metadata["authors"] = authors
        metadata["author"] = authors[0]


def _settle_title(metadata: dict[str, Any], source: Source) -> None:
    """A page without ``title`` has Hugo's: empty (Hugo 0.111 names only a
    home or section that has no ``_index.md`` at all). Its slug then comes
    from the file, as its URL does, not from the empty title."""
    metadata.setdefault("title", "")
    if not metadata["title"] and "slug" not in metadata:
        segments = urls.default_path(source.in_content).strip("/").split("/")
        metadata["slug"] = segments[-1] or "index"


def _settle_status(
    metadata: dict[str, Any],
    source: Source,
    options: dict[str, Any],
    now: datetime.datetime,
) -> None:
    """Drafts, future, expired, headless and unrendered pages are not written;
    a page that Hugo builds but does not list is hidden."""
    build = metadata.get("build", {})
    draft = metadata.pop("hugo_draft", False)
    unbuilt = (
        source.in_unbuilt_section
        or (draft and not options["build_drafts"])
        or (
            not options["build_future"]
            and "publishdate" in metadata
            and _aware(metadata["publishdate"]) > now
        )
        or (
            not options["build_expired"]
            and "expirydate" in metadata
            and _aware(metadata["expirydate"]) <= now
        )
    )
    # Hugo still publishes the files of a bundle whose page it does not
    # render, but not those of a draft, future or expired one.
    metadata["hugo_unbuilt"] = bool(unbuilt)
    metadata["hugo_publish_resources"] = not unbuilt and build.get(
        "publishresources", True
    )
    if (
        unbuilt
        or source.is_bundle_resource
        or (metadata.get("headless") and source.name == "index.md")
        or build.get("render") in ("never", "link")
    ):
        # Pelican leaves such a file out entirely, as Hugo writes nothing.
        metadata["status"] = "skip"
    elif build.get("list") == "never":
        metadata["status"] = "hidden"


def _aware(value: datetime.datetime) -> datetime.datetime:
    return value if value.tzinfo else value.replace(tzinfo=datetime.UTC)


# --- Go's cast, as Hugo 0.111 reads a field ------------------------------
# Hugo reads its known fields with spf13/cast and takes what cannot be cast as
# the empty value (a list as `title` is empty text, `weight: heavy` is 0), so
# such a value is no error here either: the field is read as Hugo reads it,
# and a warning says so. Checked value by value against Hugo 0.111
# (tests/test_hugo_accepts_fields.py).

_GO_TRUE = frozenset({"1", "t", "T", "TRUE", "true", "True"})
_GO_FALSE = frozenset({"0", "f", "F", "FALSE", "false", "False"})
_GO_OCTAL = re.compile(r"([+-]?)0([0-7_]+)")


def as_text(value: Any) -> str:
    """A scalar as Hugo prints it: ``true``, ``1.5``, ``1000`` for ``1e3``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "+Inf" if value > 0 else "-Inf"
        # Go's strconv.FormatFloat(value, 'f', -1, 64): shortest, no exponent.
        text = format(decimal.Decimal(repr(value)), "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    return str(value)


def param_text(value: Any) -> str:
    """A value as the shortcode code prints a parameter: nil as ``""``,
    booleans as Go writes them, anything else as Python's ``str`` (a float
    as Python writes it, where ``as_text`` writes Go's)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def go_text(value: Any) -> str | None:
    """cast.ToString: a scalar as Hugo prints it; None for a list or a map,
    which Hugo takes as empty text."""
    if isinstance(value, (dict, list)):
        return None
    return as_text(value)


def _go_bool(value: Any) -> bool | None:
    """cast.ToBoolE: None where Hugo cannot read one (it takes false)."""
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    if isinstance(value, int):
        return value != 0
    if isinstance(value, str) and value in _GO_TRUE | _GO_FALSE:
        return value in _GO_TRUE
    return None


def _go_int(value: Any) -> int | None:
    """cast.ToIntE: a whole number, a float cut to one, a text as Go's
    ParseInt(text, 0) reads it (``0x10``, ``010`` is 8, ``3.0`` is 3);
    None where Hugo cannot read one (it takes 0)."""
    if isinstance(value, bool):
        return int(value)
    if value is None:
        return 0
    if isinstance(value, float):
        number = int(value) if math.isfinite(value) else None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, str):
        number = _parse_go_int(value)
    else:
        number = None
    return number if number is not None and -(2**63) <= number < 2**63 else None


def _parse_go_int(text: str) -> int | None:
    whole = re.sub(r"(?<=[0-9])\.0+$", "", text)  # cast's trimZeroDecimal
    octal = _GO_OCTAL.fullmatch(whole)
    if octal:
        whole = f"{octal[1]}0o{octal[2]}"
    if whole != whole.strip():
        return None
    try:
        return int(whole, 0)
    except ValueError:
        return None


def _go_strings(value: Any) -> list[str] | None:
    """cast.ToStringSlice: a list's items as text (a list or map in it is
    empty text), a text split at its blanks, a scalar alone; None for a map."""
    if isinstance(value, list):
        return [go_text(item) or "" for item in value]
    if isinstance(value, str):
        return value.split()
    if isinstance(value, dict):
        return None
    return [as_text(value)]


# --- one mapper a field ------------------------------------------------------


def _text(field: _Field) -> dict[str, Any]:
    """A Hugo text field: a list or map is empty text, as in Hugo."""
    text = go_text(field.value)
    if text is None:
        field.warn("Hugo reads as empty text")
        text = ""
    return {field.name: text}


def _own_text(field: _Field) -> dict[str, Any]:
    """A field Hugo does not read (cameo's, Pelican's) that Pelican or the
    theme prints as text: a list or map stays in ``page.params`` only."""
    text = go_text(field.value)
    if text is None:
        field.warn("is kept in page.params for templates but not shown")
        return {}
    return {field.name: text}


def _markdown_text(field: _Field) -> dict[str, Any]:
    """``summary``: empty (or not text) leaves Hugo's automatic summary."""
    text = _text(field)[field.name]
    return {field.name: field.render(text)} if text.strip() else {}


# -- Hugo's automatic summary -----------------------------------------------

# Hugo's summaryLength when the site sets none; Pelican's SUMMARY_MAX_LENGTH
# is used instead when a site changed it from Pelican's own default (50).
HUGO_SUMMARY_LENGTH = 70
_PELICAN_SUMMARY_LENGTH = 50
# Hugo's StripHTML: line ends become spaces, a paragraph's end or a <br> a
# line end; tags and comments go (as html/template's stripTags takes them);
# then each run of blanks is kept as its first.
_LINE_BREAKS = re.compile(r"\n|</p>|<br>|<br />")
_TAG = re.compile(r"<!--.*?(?:-->|$)|</?[A-Za-z][^>]*(?:>|$)", re.DOTALL)
_NEW_LINE = "___hugonl_"  # Hugo's own placeholder
_BLANK_RUN = re.compile(r"(\s)\s+")
_BLANK = re.compile(r"\s")
_SENTENCE_END = re.compile(r"[.?!\"\n]")


# Set on a page whose summary is Hugo's automatic one, which a theme may
# rank below a description (a summary written for the page it ranks above).
AUTOMATIC_SUMMARY = "hugo_summary_automatic"


def add_summary(
    metadata: dict[str, Any],
    divided: str | None,
    html: str,
    settings: Mapping[str, Any],
) -> None:
    """A page's summary as Hugo's ``.Summary``: the HTML before the
    ``<!--more-->`` divider, else the automatic one (left to Pelican only
    when the site asks for the whole page, SUMMARY_MAX_LENGTH = None)."""
    if divided is not None:
        metadata["summary"] = divided
        return
    words = summary_length(settings)
    if words is not None:
        cjk = metadata.get("iscjklanguage") is True
        metadata["summary"] = automatic_summary(html, words, cjk)
        metadata[AUTOMATIC_SUMMARY] = True


def summary_length(settings: Mapping[str, Any]) -> int | None:
    """The words of an automatic summary: Hugo's 70, or the site's own
    SUMMARY_MAX_LENGTH (which a Hugo config's summaryLength sets) when it is
    not Pelican's default; None when the site asks for no truncation."""
    length = settings.get("SUMMARY_MAX_LENGTH", _PELICAN_SUMMARY_LENGTH)
    if length is None:
        return None
    return HUGO_SUMMARY_LENGTH if length == _PELICAN_SUMMARY_LENGTH else int(length)


def plain_text(html: str) -> str:
    """A page's HTML as Hugo's ``.Plain``: the text without tags, paragraphs
    on lines of their own, each run of blanks kept as its first."""
    if "<" not in html and ">" not in html:
        return html
    html = _LINE_BREAKS.sub(lambda m: " " if m[0] == "\n" else _NEW_LINE, html)
    text = _TAG.sub("", html).replace(_NEW_LINE, "\n")
    return _BLANK_RUN.sub(r"\1", text)


def automatic_summary(html: str, words: int, cjk: bool = False) -> str:
    """Hugo's summary of a page that has none written: the plain text up to
    the end of the sentence in which its ``words``-th word ends (for CJK
    text, ``words`` characters). Linear in the page, where Pelican's
    ``truncate_html_words`` is quadratic in its lines."""
    plain = plain_text(html)
    if cjk:
        return _truncate_by_rune(plain.split(), words)
    last_blank = -1
    for count, blank in enumerate(_BLANK.finditer(plain), start=1):
        last_blank = blank.start()
        if count >= words:
            break
    if last_blank < 0:
        return plain
    end = _SENTENCE_END.search(plain, last_blank)
    return plain if end is None else plain[: end.end()].strip()


def _truncate_by_rune(fields: list[str], length: int) -> str:
    count = 0
    for index, word in enumerate(fields):
        if count >= length:
            return " ".join(fields[:index])
        if word.isascii():
            count += 1
        elif count + len(word) < length:
            count += len(word)
        else:
            return " ".join([*fields[:index], word[: length - count]])
    return " ".join(fields)


def _boolean(field: _Field) -> bool:
    value = _go_bool(field.value)
    if value is None:
        field.warn("Hugo reads as false")
        return False
    return value


def _flag(field: _Field) -> dict[str, Any]:
    return {field.name: _boolean(field)}


def _draft(field: _Field) -> dict[str, Any]:
    return {"hugo_draft": _boolean(field), "status": "published"}


def _published(field: _Field) -> dict[str, Any]:
    """Hugo's ``published``: true or false (not a draft, a draft), else a
    date, as ``publishDate``."""
    published = _go_bool(field.value)
    if published is not None:
        return {_PUBLISHED: published}
    return _date(field)


def _url(field: _Field) -> dict[str, Any]:
    text = go_text(field.value)
    if text is None:
        field.warn("Hugo reads as no url")
    value = (text or "").strip()
    if not value:
        return {}
    if value.startswith(("http://", "https://")):
        raise field.refused(
            f"must be a path inside the site such as '/about/', not {value!r}: "
            "Hugo takes no URL with a protocol",
            "correct the field or remove it",
        )
    if not urls.is_inside_site(value):
        raise field.error(f"a path inside the site such as '/about/', {_SITE_PATH}")
    if field.kind == "home":  # checked as on any page, then not used (Hugo 0.111)
        if value.strip("/"):  # "/" says where the home page is anyway
            field.warn("Hugo 0.111 does not use on the home page (it stays at /)")
        return {}
    return {"hugo_url": value}


def _slug(field: _Field) -> dict[str, Any]:
    """Hugo's slug: text without leading or trailing '-'; it may hold '/'."""
    text = go_text(field.value)
    if text is None:
        field.warn("Hugo reads as no slug")
    slug = (text or "").strip().strip("-")
    if not slug:
        return {}
    if not urls.is_inside_site(slug):
        raise field.error(f"a path segment such as 'my-first-post', {_SITE_PATH}")
    return {"slug": slug}


def _aliases(field: _Field) -> dict[str, Any]:
    """Hugo's aliases: a list, or a text of paths apart by blanks; an item
    that is a list or a map is empty, and skipped."""
    aliases = _go_strings(field.value)
    if aliases is None:
        field.warn("Hugo reads as no aliases")
    kept = []
    for alias in aliases or []:
        if alias.startswith(("http://", "https://")):
            raise field.refused(
                f"must be a list of paths such as ['/old-name/'], not with "
                f"{alias!r}: Hugo takes no alias with a protocol",
                "correct the field or remove it",
            )
        if not alias.strip():
            continue
        # ``..`` is resolved inside the site (urls.alias_location), as Hugo does
        if not urls.is_inside_site(alias.strip(), allow_up=True):
            raise field.error(
                f"a list of paths inside the site such as ['/old/'], {_SITE_PATH}"
            )
        kept.append(alias.strip())
    return {"aliases": kept}


def _weight(field: _Field) -> dict[str, Any]:
    weight = _go_int(field.value)
    if weight is None:
        field.warn("Hugo reads as 0")
        weight = 0
    return {"weight": weight}


def _names(field: _Field) -> dict[str, Any]:
    """``author`` or ``authors``: names, settled into Pelican's authors later.
    A name is kept whole (Pelican would split "Doe, Jane" at the comma); a
    list or map among them stays in ``page.params`` only."""
    value = field.value
    if not isinstance(value, list):
        value = [value]
    names = [go_text(item) for item in value if item is not None]
    return {field.name: [name.strip() for name in names if name and name.strip()]}


def _status(field: _Field) -> dict[str, Any]:
    """Pelican's own ``status`` (Hugo has ``draft``), one of Pelican's words;
    another value is a param Hugo keeps, which Pelican leaves alone."""
    status = (go_text(field.value) or "").strip().lower()
    if status not in _STATUS_WORDS:
        field.warn(f"is kept in page.params (Pelican knows {', '.join(_STATUS_WORDS)})")
        return {}
    return {"status": status}


def _timezone(field: _Field) -> dict[str, Any]:
    """Pelican's own ``timezone``: a zone name such as Europe/Paris."""
    name = (go_text(field.value) or "").strip()
    try:
        zoneinfo.ZoneInfo(name)
    except (ValueError, OSError, zoneinfo.ZoneInfoNotFoundError):
        field.warn("is kept in page.params (no time zone such as 'Europe/Paris')")
        return {}
    return {"timezone": name}


def _category(field: _Field) -> dict[str, Any]:
    """Pelican's own ``category`` (Hugo's is ``categories``)."""
    name = (_own_text(field).get(field.name) or "").strip()
    return {"category": field.process("category", name)} if name else {}


def _terms(field: _Field) -> list[str]:
    """A taxonomy's terms as Hugo 0.111 reads them: a text is one term (not
    split), a list's items are terms (a list or map in it is none), a map
    is none; empty terms are left out."""
    value = field.value
    if isinstance(value, str):
        value = [value]
    names = _go_strings(value)
    if names is None:
        field.warn("Hugo reads as no terms")
        names = []
    return [name for name in names if name.strip()]


def _tags(field: _Field) -> dict[str, Any]:
    tags = field.process("tags", _terms(field))
    return {"tags": tags} if isinstance(tags, list) and tags else {}


def _categories(field: _Field) -> dict[str, Any]:
    # Pelican gives an article one category: the first; all stay available.
    names = _terms(field)
    if not names:
        return {}
    return {"category": field.process("category", names[0]), "categories": names}


def _keywords(field: _Field) -> dict[str, Any]:
    keywords = _go_strings(field.value)
    if keywords is None:
        field.warn("Hugo reads as no keywords")
    return {"keywords": [word for word in keywords or [] if word]}


def _images(field: _Field) -> dict[str, Any]:
    """``images`` is not Hugo's to read: a theme's own shape (a list of maps,
    ``- src: URL``) is kept as given in ``page.params``; the theme's sharing
    image takes the entries that are text. A text that is not a link the
    theme may print stops the build (docs/security.md)."""
    value = field.value
    entries = value if isinstance(value, list) else [value]
    images = [entry for entry in entries if isinstance(entry, str) and entry.strip()]
    for image in images:
        if not urls.is_safe_link(image, urls.WEB_SCHEMES):
            raise field.error("a list of image paths or http(s) URLs")
    return {"images": images}


def _sitemap(field: _Field) -> dict[str, Any]:
    """Hugo's sitemap hints: ``changefreq`` as text, ``priority`` a number
    (else Hugo's 0); anything but a map is Hugo's defaults."""
    if not isinstance(field.value, dict):
        if field.value is not None:
            field.warn("Hugo reads as the site's sitemap defaults")
        return {}
    hints = {str(k).lower(): v for k, v in field.value.items()}
    if "changefreq" in hints:
        hints["changefreq"] = go_text(hints["changefreq"]) or ""
    if "priority" in hints:
        priority = hints["priority"]
        if isinstance(priority, str):
            try:
                priority = float(priority)
            except ValueError:
                priority = 0.0
        if isinstance(priority, bool) or not isinstance(priority, (int, float)):
            priority = 0.0
        hints["priority"] = priority
    return {"sitemap": hints}


# Hugo 0.111's _build: each key's values (as Hugo lower-cases them: `render:
# NEVER` is not `never`), true/false and 1/0 the older spelling.
_BUILD_WORDS = {
    "render": {"never": "never", "link": "link", "always": "always"},
    "list": {"never": "never", "local": "local", "always": "always"},
}
_BUILD_FALSE = frozenset({"false", "0"})


def _build_options(field: _Field) -> dict[str, Any]:
    """Hugo's ``_build``: a map, or Hugo stops."""
    return {"build": _decode_build(field)}


def _newer_build(field: _Field) -> dict[str, Any]:
    """``build`` is Hugo 0.123's name for ``_build``; 0.111 keeps it as a
    param only (the page is rendered and listed), so cameo does too."""
    field.warn(
        "Hugo 0.111 keeps as a param only (it reads build options from '_build')"
    )
    return {}


def _decode_build(field: _Field) -> dict[str, Any]:
    value = field.value
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise field.refused(
            f"is {_describe(value)}, not a map",
            "write a map such as {render: never, list: always}",
        )
    options: dict[str, Any] = {}
    for key, item in value.items():
        name = str(key).lower()
        if item is None:
            continue
        if name == "publishresources":
            publish = (
                item != 0
                if isinstance(item, (int, float))
                else _go_bool(item)
                if item != ""
                else False
            )
            if publish is None:
                raise field.refused(
                    f"has publishResources {_describe(item)}, not true or false",
                    "write true or false",
                )
            options[name] = publish
        elif name in _BUILD_WORDS:
            if isinstance(item, (dict, list)):
                raise field.refused(
                    f"has {name} {_describe(item)}, not a word",
                    f"write one of {', '.join(_BUILD_WORDS[name])}",
                )
            text = "1" if item is True else "0" if item is False else as_text(item)
            word = "never" if text in _BUILD_FALSE else text
            options[name] = _BUILD_WORDS[name].get(word, "always")
    return options


def _cascade(field: _Field) -> dict[str, Any]:
    """Hugo reads a cascade on a home or section page only. A list of maps
    is read entry by entry, and an entry's ``_target`` must be a map of
    words (Hugo stops otherwise); any other value passes nothing down."""
    value = field.value
    if field.kind != "page" and isinstance(value, list):
        for entry in value:
            if isinstance(entry, dict):
                _check_target(field, {str(k).lower(): v for k, v in entry.items()})
    return {"cascade": value}


# Hugo 0.111's page kinds, which a cascade's _target.kind may name.
_PAGE_KINDS = frozenset({"home", "page", "section", "taxonomy", "term"})


def _check_target(field: _Field, entry: dict[str, Any]) -> None:
    target = entry.get("_target")
    if target is None:
        return
    if not isinstance(target, dict):
        raise field.refused(
            f"has a _target that is {_describe(target)}, not a map",
            "write _target as a map such as {path: '/posts/**'}",
        )
    for key, item in target.items():
        if isinstance(item, (dict, list)):
            raise field.refused(
                f"has a _target whose {key} is {_describe(item)}, not text",
                "write it as text such as '/posts/**'",
            )
        if str(key).lower() == "kind" and item is not None:
            kinds = [kind.strip().lower() for kind in as_text(item).split(",")]
            wrong = [kind for kind in kinds if kind and kind not in _PAGE_KINDS]
            if wrong:
                raise field.refused(
                    f"has a _target kind {wrong[0]!r}, not a page kind",
                    f"use one of {', '.join(sorted(_PAGE_KINDS))}",
                )


def _template_name(field: _Field) -> dict[str, Any]:
    """``type`` and ``layout``: text; one the theme cannot hold (``..``, a
    leading '/') chooses no template, as a layout Hugo does not find."""
    text = _text(field)[field.name].strip()
    if not text:
        return {}
    if ".." in text or text.startswith("/"):
        field.warn("names no template in the theme; the default is used")
        return {}
    return {field.name: text}


def _icon(field: _Field) -> dict[str, Any]:
    """cameo's ``icon``: a map with ``url`` and ``alt``, or the url alone;
    another shape is a param Hugo keeps, not the theme's image. A url the
    theme may not print stops the build (docs/security.md)."""
    value = field.value
    if isinstance(value, str):
        value = {"url": value}
    icon = (
        {str(key).lower(): item for key, item in value.items()}
        if isinstance(value, dict)
        else {}
    )
    url = icon.get("url")
    if not isinstance(url, str) or not url.strip():
        field.warn("is kept in page.params, not as the theme's image")
        return {}
    if not urls.is_safe_link(url, urls.WEB_SCHEMES):
        raise field.error("a mapping whose 'url' is a path or an http(s) URL")
    alt = icon.get("alt")
    icon["alt"] = alt if isinstance(alt, str) else go_text(alt) or ""
    return {"icon": icon}


def _date(field: _Field) -> dict[str, Any]:
    """A date as Hugo 0.111 reads one (a whole number is Unix seconds, but
    not in JSON, where Hugo's numbers are floats); anything else leaves the
    page without it, as in Hugo."""
    value = field.value
    if isinstance(value, str):
        value = parse_date(value)
    elif isinstance(value, int) and not isinstance(value, bool):
        value = _unix_time(value) if field.format != "json" else None
    if isinstance(value, datetime.datetime):
        return {
            field.name: SafeDatetime(
                *value.timetuple()[:6], value.microsecond, tzinfo=value.tzinfo
            )
        }
    if isinstance(value, datetime.date):
        return {field.name: SafeDatetime(value.year, value.month, value.day)}
    if field.value not in (None, ""):
        field.warn(
            "Hugo reads as no date (write 2024-05-01 or 2024-05-01T09:30:00+02:00)"
        )
    return {}


def _unix_time(seconds: int) -> datetime.datetime | None:
    try:
        return datetime.datetime.fromtimestamp(seconds, datetime.UTC)
    except (OverflowError, OSError, ValueError):
        return None


# The text layouts of Hugo 0.111's dates (spf13/cast's, RFC 1123 and kin
# aside): date, then a time after 'T' or a blank, fractions, then a zone.
_ISO_DATE = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?:(?P<sep>[T ])(?P<time>\d{2}:\d{2}:\d{2}(?:\.\d+)?)"
    r"(?:(?P<zone>Z|[+-]\d{2}:?\d{2})|(?P<spaced> [+-]\d{2}:?\d{2})(?: [A-Z]{3,5})?)?)?"
)
_OTHER_LAYOUTS = (
    "%d %b %Y",  # 02 Jan 2006
    "%a %b %d %H:%M:%S %Y",  # ANSIC
    "%a %b %d %H:%M:%S %z %Y",  # RubyDate
)


def parse_date(text: str) -> datetime.datetime | datetime.date | None:
    """A date written as Hugo 0.111 reads it: ``2024-05-01``, RFC 3339 (with
    or without a zone: ``2024-05-01T09:30:00+02:00``), the same with a blank
    for the ``T`` (``2024-05-01 09:30:00 +0200``), RFC 1123 / 822 / 850
    (``Mon, 02 Jan 2006 15:04:05 MST``), ``02 Jan 2006``, Go's ANSIC and
    RubyDate. None for anything else (``2024-05-01 09:30``, ``May 1, 2024``),
    which Hugo leaves the page without."""
    match = _ISO_DATE.fullmatch(text)
    if match:
        if match["sep"] == "T" and match["spaced"]:
            return None
        zone = (match["zone"] or (match["spaced"] or "").strip()).replace("Z", "+00:00")
        if zone and ":" not in zone:
            zone = f"{zone[:3]}:{zone[3:]}"
        try:
            if not match["time"]:
                return datetime.date.fromisoformat(match["date"])
            return datetime.datetime.fromisoformat(
                f"{match['date']}T{match['time']}{zone}"
            )
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    for layout in _OTHER_LAYOUTS:
        try:
            return datetime.datetime.strptime(text, layout)
        except ValueError:
            continue
    return None


FIELD_MAPPERS: dict[str, Callable[[_Field], dict[str, Any]]] = {
    "title": _text,
    "linktitle": _text,
    "supertitle": _own_text,
    "subtitle": _own_text,
    "description": _text,
    "summary": _markdown_text,
    "translationkey": _text,
    "draft": _draft,
    "headless": _flag,
    "iscjklanguage": _flag,
    "url": _url,
    "slug": _slug,
    "aliases": _aliases,
    "weight": _weight,
    "tags": _tags,
    "categories": _categories,
    "keywords": _keywords,
    "images": _images,
    "sitemap": _sitemap,
    "build": _newer_build,
    "_build": _build_options,
    "cascade": _cascade,
    "type": _template_name,
    "layout": _template_name,
    "icon": _icon,
    "author": _names,
    "authors": _names,
    # Not Hugo's, but read by Pelican itself, which expects text (or a
    # category): another type would stop Pelican far from the file.
    "category": _category,
    "status": _status,
    "timezone": _timezone,
    **dict.fromkeys(_PELICAN_TEXT, _own_text),
    **dict.fromkeys(sorted(_ALL_DATE_KEYS), _date),
    # true or false (a draft when false), else a date as publishDate
    "published": _published,
}


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "an empty value"
    return repr(value)
