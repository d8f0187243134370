"""Map Hugo's front matter fields to the metadata Pelican and the theme use.

Each known field has one mapper in ``FIELD_MAPPERS`` (``mappers.py``); a
mapper checks the value's type and returns the Pelican metadata it stands
for. Keys no mapper knows are kept, lower-cased as Hugo does, so templates
can read them (``page.supertitle``), unless Pelican or the plugin uses the
name itself, and every field is in ``page.params`` as in Hugo's ``.Params``
(a ``params:`` map too, as ``page.params.params``: Hugo 0.111 does not merge
it into the page's). After the fields, ``to_pelican`` settles what depends
on several of them: dates, authors, the title, where the page is written,
and whether it is written at all.
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Callable, Mapping
from typing import Any

from pelican.contents import Article, Page

from . import urls
from .dates import settle_dates
from .field import Field
from .frontmatter import FrontMatter, FrontMatterError
from .locations import check_relative_aliases, location
from .mappers import FIELD_MAPPERS
from .options import plugin_options
from .params import Params
from .source import TRANSLATION_KEY, Source, language_metadata
from .status import PUBLISHED, settle_draft, settle_status


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
        field = Field(
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

    settle_draft(metadata, source.shown_path)
    settle_dates(metadata)
    _settle_authors(metadata, process)
    lower = settings.get("HUGO_PATH_TO_LOWER") is not False
    metadata.update(location(metadata, front, source, options, lower))
    metadata.update(language_metadata(source, hugo_params.get("translationkey")))
    _settle_title(metadata, source)
    metadata["hugo_kind"] = source.kind
    metadata["section"] = source.section
    metadata["hugo_lines"] = _field_lines(front)
    metadata["params"] = Params(hugo_params)
    settle_status(metadata, source, options, now or datetime.datetime.now(datetime.UTC))
    check_relative_aliases(metadata, front, source)
    return metadata


# Metadata the plugin sets for itself; a front matter field of the same name
# would be taken for it.
RESERVED_NAMES = frozenset(
    {
        "hugo_draft",
        "hugo_kind",
        "hugo_lines",
        PUBLISHED,
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
