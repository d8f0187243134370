"""The Go values a site's templates walk: ``.Site``, ``.Page``, ``.Page.File``
and a shortcode's own dot, with Hugo 0.111's names and answers.

Fields are attributes or properties (``.Title``); what takes arguments is a
method (``.Get 0``, ``.Param "x"``), as the engine calls a method with the
command's arguments. Values that Hugo prints in a form of its own (a
``text.Position``) have a ``String`` method; dates are ``go_time``'s
``GoTime`` (``.Date.Format``). The shortcode
engine makes them from what the reader knows of a page; nothing here reads
Pelican's settings."""

from __future__ import annotations

import hashlib
import logging
import posixpath
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from functools import cached_property
from typing import Any

from ..content.params import Params, param_text
from ..gotemplate import HTML, MISSING
from . import go_time
from .bindings import SiteBindings
from .data import site_data
from .go_timeparse import as_time
from .hugo_text import trim_short_html
from .resources import page_resources

logger = logging.getLogger(__name__)


class Scratch:
    """Hugo's ``Scratch`` (also ``.Store``): values a page's templates share.
    Setters print nothing, as in Hugo."""

    def __init__(self) -> None:
        self._values: dict[str, Any] = {}

    def Set(self, key: str, value: Any) -> str:  # noqa: N802 (Go's name)
        self._values[key] = value
        return ""

    def Get(self, key: str) -> Any:  # noqa: N802
        return self._values.get(key)

    def Add(self, key: str, value: Any) -> str:  # noqa: N802
        """Append to a list, else add numbers or join strings, as Hugo's."""
        current = self._values.get(key)
        if current is None:
            self._values[key] = list(value) if isinstance(value, list) else value
        elif isinstance(current, list):
            added = value if isinstance(value, list) else [value]
            self._values[key] = [*current, *added]
        else:
            self._values[key] = current + value
        return ""

    def SetInMap(self, key: str, map_key: str, value: Any) -> str:  # noqa: N802
        self._values.setdefault(key, {})[map_key] = value
        return ""

    def DeleteInMap(self, key: str, map_key: str) -> str:  # noqa: N802
        self._values.get(key, {}).pop(map_key, None)
        return ""

    def GetSortedMapValues(self, key: str) -> list[Any] | None:  # noqa: N802
        values = self._values.get(key)
        if not isinstance(values, Mapping):
            return None
        return [values[k] for k in sorted(values)]

    def Delete(self, key: str) -> str:  # noqa: N802
        self._values.pop(key, None)
        return ""

    def Values(self) -> dict[str, Any]:  # noqa: N802
        return dict(self._values)


class Language:
    """Hugo's ``*langs.Language``."""

    def __init__(self, lang: str, name: str = "", weight: int = 0) -> None:
        self.Lang = lang
        self.LanguageName = name
        self.Weight = weight
        self.LanguageDirection = ""

    def String(self) -> str:  # noqa: N802
        return self.Lang


class File:
    """A page's ``.File`` from its path in the content folder
    (``posts/b/index.md``), as Hugo's ``source.File`` answers."""

    def __init__(self, path: str, filename: str, lang: str = "") -> None:
        self.Path = path
        self.Filename = filename
        self.Lang = lang
        folder, self.LogicalName = posixpath.split(path)
        self.Dir = f"{folder}/" if folder else "/"
        self.BaseFileName, _, self.Ext = self.LogicalName.rpartition(".")
        if not self.BaseFileName:
            self.BaseFileName, self.Ext = self.Ext, ""
        self.TranslationBaseName = self.BaseFileName
        if lang and self.BaseFileName.endswith(f".{lang}"):
            self.TranslationBaseName = self.BaseFileName[: -len(lang) - 1]
        self.ContentBaseName = self.TranslationBaseName
        if self.TranslationBaseName in ("index", "_index"):
            self.ContentBaseName = posixpath.basename(folder)
        self.UniqueID = hashlib.md5(path.encode("utf-8")).hexdigest()
        self.Section = path.split("/")[0] if "/" in path else ""


class EmptyResources(list):
    """A page's resources where the resources module is not there yet."""

    def Get(self, name: str) -> None:  # noqa: N802
        return None

    def GetMatch(self, pattern: str) -> None:  # noqa: N802
        return None

    def Match(self, pattern: str) -> list[Any]:  # noqa: N802
        return []

    def ByType(self, kind: str) -> list[Any]:  # noqa: N802
        return []


class Site:
    """One language's ``.Site`` (and the ``site`` function's value)."""

    def __init__(
        self,
        bindings: SiteBindings,
        title: str = "",
        language: Language | None = None,
        language_code: str = "",
        copyright: str = "",
        get_page: Callable[[str], Any] | None = None,
    ) -> None:
        self.bindings = bindings
        self.Title = title
        self.Params = Params(bindings.params)
        self.BaseURL = bindings.base_url
        self.Language = language or Language(bindings.language)
        self.LanguageCode = language_code
        self.Copyright = copyright
        # Finds a page by path for GetPage; the shortcode engine sets it for
        # the page that runs (a relative path is relative to that page).
        self.page_finder = get_page

    @cached_property
    def Data(self) -> Any:  # noqa: N802
        """``data/`` of the site and its theme, read when first asked."""
        return site_data(self.bindings.roots())

    @cached_property
    def Home(self) -> Page:  # noqa: N802
        """The home page: its ``_index.md``'s (found as GetPage "/" finds
        it), titled with the site's title when it has none, as Hugo's."""
        found = self.page_finder("/") if self.page_finder else None
        if isinstance(found, Page):
            found.Kind, found.IsHome, found.IsPage = "home", True, False
            found.Title = found.Title or self.Title
            return found
        return Page(
            self,
            title=self.Title,
            rel_permalink="/" + self.bindings.language_prefix,
            kind="home",
        )

    def GetPage(self, path: str) -> Any:  # noqa: N802
        """The page at ``path`` (a content path, as ref finds it), or nil."""
        if str(path).strip() in ("", "/"):
            return self.Home
        return self.page_finder(str(path)) if self.page_finder else None

    def IsMultiLingual(self) -> bool:  # noqa: N802
        return bool(self.bindings.language_prefix)


class Page:
    """A page as a template sees it (``.Page``)."""

    def __init__(
        self,
        site: Site,
        title: str = "",
        params: Mapping[str, Any] | None = None,
        rel_permalink: str = "/",
        kind: str = "page",
        file: File | None = None,
        section: str = "",
        page_type: str = "",
        date: datetime | None = None,
        lang: str = "",
        folder: str | None = None,
    ) -> None:
        self.Site = site
        self.Title = title
        self.Params = Params(params)
        self.RelPermalink = rel_permalink
        self.Kind = kind
        self.File = file
        self.Section = section
        self.Type = page_type or section or "page"
        self.Date = _page_time(date)
        self.Lang = lang or site.Language.Lang
        self.Language = site.Language
        self.IsHome = kind == "home"
        self.IsPage = kind == "page"
        self.IsSection = kind == "section"
        self.IsNode = kind != "page"
        self.Scratch = Scratch()
        self.Store = self.Scratch
        self._folder = folder

    # Front matter fields Hugo gives a page method of their own.

    @property
    def Description(self) -> str:  # noqa: N802
        return param_text(self.Params.get("description"))

    @property
    def LinkTitle(self) -> str:  # noqa: N802
        return param_text(self.Params.get("linktitle")) or self.Title

    @property
    def Slug(self) -> str:  # noqa: N802
        return param_text(self.Params.get("slug"))

    @property
    def Draft(self) -> bool:  # noqa: N802
        return self.Params.get("draft") is True

    @property
    def Weight(self) -> int:  # noqa: N802
        weight = self.Params.get("weight")
        return weight if isinstance(weight, int) and not isinstance(weight, bool) else 0

    @property
    def Keywords(self) -> list[str]:  # noqa: N802
        keywords = self.Params.get("keywords")
        if isinstance(keywords, list):
            return [param_text(word) for word in keywords]
        return [param_text(keywords)] if keywords else []

    @property
    def Permalink(self) -> str:  # noqa: N802
        """The page's URL with the host (BaseURL's host and the path)."""
        base = self.Site.BaseURL
        if "://" in base:
            scheme, _, rest = base.partition("://")
            host = rest.split("/", 1)[0]
            return f"{scheme}://{host}{self.RelPermalink}"
        return self.RelPermalink

    def Param(self, key: Any) -> Any:  # noqa: N802
        """A page param, else the site's (dotted keys walk maps); nil if neither."""
        value = _walk_key(self.Params, str(key))
        if value is None:
            value = _walk_key(self.Site.Params, str(key))
        return value

    def RenderString(self, *args: Any) -> HTML:  # noqa: N802
        """Markdown as the page renders it: ``RenderString TEXT`` inline (a
        lone paragraph loses its ``<p>``, Hugo's TrimShortHTML),
        ``RenderString (dict "display" "block") TEXT`` as a block."""
        if len(args) not in (1, 2):
            raise ValueError(f"want 1 or 2 arguments, got {len(args)}")
        options = args[0] if len(args) == 2 else {}
        text = args[-1]
        display = str(options.get("display", "inline")) if options else "inline"
        html = self.Site.bindings.markdownify(param_text(text))
        if display == "inline":
            html = trim_short_html(html)
        return HTML(html)

    @cached_property
    def Resources(self) -> Any:  # noqa: N802
        """The page bundle's files (resources.page_resources), or none;
        named, titled and given params by the front matter's ``resources``."""
        if self._folder is None:
            return EmptyResources()
        return page_resources(
            self._folder,
            self.RelPermalink,
            self.Site.bindings,
            self.Params.get("resources"),
        )

    def String(self) -> str:  # noqa: N802
        path = self.File.Path if self.File else self.RelPermalink
        return f'Page({path} "{self.Title}")'


class HugoInfo:
    """What the ``hugo`` function gives: the Hugo this follows (0.111.3) and
    the build's environment (HUGO_ENVIRONMENT, else production)."""

    Version = "0.111.3"
    Generator = HTML('<meta name="generator" content="Hugo 0.111.3">')
    IsExtended = True
    CommitHash = ""
    BuildDate = ""

    def __init__(self, environment: str) -> None:
        self.Environment = environment
        self.IsProduction = environment == "production"


class Position:
    """Hugo's ``text.Position``: prints as ``"FILE:LINE:COL"``."""

    def __init__(self, filename: str, line: int, column: int) -> None:
        self.Filename = filename
        self.LineNumber = line
        self.ColumnNumber = column

    def String(self) -> str:  # noqa: N802
        return f'"{self.Filename}:{self.LineNumber}:{self.ColumnNumber}"'

    def IsValid(self) -> bool:  # noqa: N802
        return self.LineNumber > 0


class Shortcode:
    """A shortcode's dot (Hugo's ``ShortcodeWithPage``)."""

    def __init__(
        self,
        name: str,
        params: Sequence[Any] | Mapping[str, Any] | None,
        inner: str,
        ordinal: int,
        parent: Shortcode | None,
        position: Position,
        page: Page,
        indentation: str = "",
    ) -> None:
        self.indentation = indentation  # before the opening tag, on its line
        self.Name = name
        self.Params = params
        self.IsNamedParams = isinstance(params, Mapping)
        self.Inner = HTML(inner)
        self.Ordinal = ordinal
        self.Parent = parent
        self.Position = position
        self.Page = page
        self.Site = page.Site
        self.Scratch = Scratch()

    @property
    def InnerDeindent(self) -> HTML:  # noqa: N802
        """``.Inner`` less the opening tag's indentation on each line that
        has it (a shortcode in a list item), as Hugo 0.111 deindents."""
        indent = self.indentation
        if not indent:
            return self.Inner
        lines = str(self.Inner).split("\n")
        return HTML(
            "\n".join(
                line[len(indent) :] if line.startswith(indent) else line
                for line in lines
            )
        )

    def Get(self, key: Any) -> Any:  # noqa: N802
        """Hugo's rules: no params, or a key of the other kind (a name for
        positional params, an index for named ones), is nil; an index past
        the end or a name not given is the empty string."""
        params = self.Params
        if not params:
            return None
        if isinstance(key, bool):
            raise ValueError(f"invalid key type {type(key).__name__}: bool")
        if isinstance(key, int):
            if isinstance(params, Mapping):
                return None
            if key < 0:
                raise ValueError(f"index out of range [{key}]")
            return params[key] if key < len(params) else ""
        if isinstance(key, str):
            if not isinstance(params, Mapping):
                return None
            return params.get(key, "")
        raise ValueError(f"invalid key type {type(key).__name__}")


def _page_time(date: Any) -> Any:
    """A page's date as Hugo's: a zone read from an offset (``+02:00``) has
    no name, so it prints as ``+0200 +0200``; no date is Go's zero time."""
    if not date:
        return go_time.zero_time()
    offset = date.utcoffset() if isinstance(date, datetime) else None
    if offset:
        zone = go_time.fixed_zone("", int(offset.total_seconds()))
        return go_time.GoTime(date, date.microsecond * 1000, zone)
    return as_time(date)


def _walk_key(values: Mapping[str, Any], key: str) -> Any:
    """A key of a params map, a dotted key walking into maps; None if absent."""
    current: Any = values
    for part in key.split("."):
        if not isinstance(current, Mapping):
            return None
        current = current.get(part)
    return None if current is MISSING else current
