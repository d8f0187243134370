"""Hugo's ``cascade``: the field as a home or section page gives it
(``cascade_field``, its ``_target`` checked as Hugo checks it), and what
an ``_index.md``'s cascade passes down to a page below (``cascade_into``).
"""

from __future__ import annotations

import dataclasses
import fnmatch
from typing import Any

from .field import Field, describe
from .frontmatter import FrontMatter
from .gocast import as_text


def cascade_field(field: Field) -> dict[str, Any]:
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


def _check_target(field: Field, entry: dict[str, Any]) -> None:
    target = entry.get("_target")
    if target is None:
        return
    if not isinstance(target, dict):
        raise field.refused(
            f"has a _target that is {describe(target)}, not a map",
            "write _target as a map such as {path: '/posts/**'}",
        )
    for key, item in target.items():
        if isinstance(item, (dict, list)):
            raise field.refused(
                f"has a _target whose {key} is {describe(item)}, not text",
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


def cascade_into(
    front: FrontMatter, parent: FrontMatter, page_path: str
) -> FrontMatter:
    """``front`` with what ``parent``'s cascade passes to the page at
    ``page_path``: the page's own fields win over it."""
    cascade = {str(k).lower(): v for k, v in parent.fields.items()}.get("cascade")
    if cascade is None:
        return front
    entries = cascade if isinstance(cascade, list) else [cascade]
    own = {str(key).lower() for key in front.fields}
    added: dict[str, Any] = {}
    origins = dict(front.origins)
    for entry in entries:
        if not isinstance(entry, dict):
            continue  # the _index.md's own read reports the wrong type
        target = entry.get("_target") or {}
        pattern = target.get("path") if isinstance(target, dict) else None
        if pattern and not fnmatch.fnmatch(page_path, pattern):
            continue
        for key, value in entry.items():
            name = str(key).lower()
            if name == "_target" or name in own or name in added:
                continue
            added[name] = value
            origins[name] = (parent.path, parent.line_of("cascade"))
    if not added:
        return front
    return dataclasses.replace(front, fields={**added, **front.fields}, origins=origins)
