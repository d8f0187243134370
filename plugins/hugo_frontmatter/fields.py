"""Map Hugo's front matter fields to the metadata Pelican and the theme use.

Each known field has one mapper in ``FIELD_MAPPERS``; a mapper checks the value's
type and returns the Pelican metadata it stands for. Keys no mapper knows are kept,
lower-cased as Hugo does, so templates can read them (``page.supertitle``).
"""

from __future__ import annotations

import datetime
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pelican.utils import SafeDatetime, get_date

from .frontmatter import FrontMatter, FrontMatterError

# Every option of the plugin, with its default. Users set some of them in
# HUGO_FRONTMATTER = {...}; docs/front-matter.md documents each one.
DEFAULT_OPTIONS: dict[str, Any] = {
    # Publish pages marked `draft: true`, as `hugo --buildDrafts` does.
    "build_drafts": False,
}

# The content file Hugo treats as the site's home page.
HOME_PAGE_SOURCE = "_index.md"

_TRUE_WORDS = {"true": True, "false": False}


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


@dataclass
class _Field:
    """One field being mapped: where it is, so that errors can say so."""

    name: str
    value: Any
    path: str
    line: int
    settings: Mapping[str, Any]
    process: Callable[[str, Any], Any]

    def error(self, expected: str) -> FrontMatterError:
        return FrontMatterError(
            self.path,
            self.line,
            f"'{self.name}' must be {expected}, not {_describe(self.value)}; "
            "correct the field or remove it",
        )


def to_pelican(
    front: FrontMatter,
    path: str,
    source_in_content: str,
    settings: Mapping[str, Any],
    process: Callable[[str, Any], Any],
) -> dict[str, Any]:
    """Pelican metadata for one file's front matter.

    ``path`` is how errors name the file; ``source_in_content`` is its path
    relative to the content folder (which tells the home page apart).
    """
    options = plugin_options(settings)
    metadata: dict[str, Any] = {}
    for key, value in front.fields.items():
        name = str(key).lower()
        mapper = FIELD_MAPPERS.get(name)
        if mapper is None:
            metadata[name] = value
            continue
        field = _Field(name, value, path, front.line_of(name), settings, process)
        metadata.update(mapper(field))

    if "url" not in front.fields and source_in_content == HOME_PAGE_SOURCE:
        metadata.update(_output_location("/"))
    if metadata.get("status") == "draft":
        if options["build_drafts"]:
            metadata["status"] = "published"
        else:
            # Hugo writes no file at all for a draft; an empty save_as does that.
            metadata["save_as"] = ""
            metadata["url"] = ""
    return metadata


def _text(field: _Field) -> dict[str, Any]:
    if isinstance(field.value, (dict, list)):
        raise field.error("text")
    value = "" if field.value is None else str(field.value)
    return {field.name: value}


def _draft(field: _Field) -> dict[str, Any]:
    value = field.value
    if isinstance(value, str) and value.strip().lower() in _TRUE_WORDS:
        value = _TRUE_WORDS[value.strip().lower()]
    if not isinstance(value, bool):
        raise field.error("true or false")
    return {"status": "draft" if value else "published"}


def _url(field: _Field) -> dict[str, Any]:
    if not isinstance(field.value, str) or not field.value.strip():
        raise field.error("a path such as '/' or '/about/'")
    value = field.value.strip()
    if "://" in value or value.startswith("//") or ".." in value.split("/"):
        raise field.error("a path inside the site such as '/about/'")
    return _output_location(value)


def _output_location(url: str) -> dict[str, str]:
    """Pelican's url and save_as for a Hugo ``url``.

    Hugo's ``/`` is the home page and ``/about/`` is ``about/index.html``; a path
    with a file extension is written as it is. Pelican's templates put ``SITEURL/``
    in front of ``url``, so ``url`` never starts with a slash (``//`` is a
    protocol-relative link to another host).
    """
    path = url.strip("/")
    if not path:
        return {"url": "", "save_as": "index.html"}
    if url.endswith("/") or not posixpath.splitext(path)[1]:
        return {"url": f"{path}/", "save_as": f"{path}/index.html"}
    return {"url": path, "save_as": path}


def _icon(field: _Field) -> dict[str, Any]:
    value = field.value
    if isinstance(value, str):
        value = {"url": value}
    if not isinstance(value, dict):
        raise field.error("a mapping with 'url' and 'alt'")
    icon = {str(key).lower(): item for key, item in value.items()}
    if not isinstance(icon.get("url"), str) or not icon["url"].strip():
        raise field.error("a mapping whose 'url' is the image's path")
    icon.setdefault("alt", "")
    if not isinstance(icon["alt"], str):
        raise field.error("a mapping whose 'alt' is text")
    return {"icon": icon}


def _date(field: _Field) -> dict[str, Any]:
    value = field.value
    if isinstance(value, datetime.datetime):
        return {
            field.name: SafeDatetime(
                *value.timetuple()[:6], value.microsecond, tzinfo=value.tzinfo
            )
        }
    if isinstance(value, datetime.date):
        return {field.name: SafeDatetime(value.year, value.month, value.day)}
    if isinstance(value, str):
        try:
            return {field.name: get_date(value)}
        except (ValueError, OverflowError):
            pass
    raise field.error("a date such as 2024-05-01 or 2024-05-01T09:30:00+02:00")


def _tags(field: _Field) -> dict[str, Any]:
    value = field.value
    if value is None:
        return {}
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or any(
        isinstance(item, (dict, list)) or item is None for item in value
    ):
        raise field.error("a list of words such as [python, hugo]")
    tags = field.process("tags", [str(item) for item in value])
    return {"tags": tags} if isinstance(tags, list) else {}


FIELD_MAPPERS: dict[str, Callable[[_Field], dict[str, Any]]] = {
    "title": _text,
    "supertitle": _text,
    "subtitle": _text,
    "description": _text,
    "draft": _draft,
    "url": _url,
    "icon": _icon,
    "date": _date,
    "tags": _tags,
}


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "an empty value"
    return repr(value)
