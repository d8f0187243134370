"""Whether a page is written and listed: Hugo's ``draft``, ``published``,
``_build`` (and 0.123's ``build``), Pelican's ``status``, and what they,
the dates (future, expired) and the page's place settle together.
"""

from __future__ import annotations

import datetime
import logging
from typing import Any

from .dates import date_field
from .field import Field, boolean, describe
from .gocast import as_text, go_bool, go_text
from .source import Source

logger = logging.getLogger(__name__)

# The statuses Pelican 4.12 allows a page and an article.
_STATUS_WORDS = ("published", "hidden", "draft", "skip")

# Hugo's ``published`` read as true or false, until settle_draft.
PUBLISHED = "hugo_published"


def draft_field(field: Field) -> dict[str, Any]:
    """Hugo's ``draft``, settled with ``published`` and the dates later."""
    return {"hugo_draft": boolean(field), "status": "published"}


def published_field(field: Field) -> dict[str, Any]:
    """Hugo's ``published``: true or false (not a draft, a draft), else a
    date, as ``publishDate``."""
    published = go_bool(field.value)
    if published is not None:
        return {PUBLISHED: published}
    return date_field(field)


def status_field(field: Field) -> dict[str, Any]:
    """Pelican's own ``status`` (Hugo has ``draft``), one of Pelican's words;
    another value is a param Hugo keeps, which Pelican leaves alone."""
    status = (go_text(field.value) or "").strip().lower()
    if status not in _STATUS_WORDS:
        field.warn(f"is kept in page.params (Pelican knows {', '.join(_STATUS_WORDS)})")
        return {}
    return {"status": status}


# Hugo 0.111's _build: each key's values (as Hugo lower-cases them: `render:
# NEVER` is not `never`), true/false and 1/0 the older spelling.
_BUILD_WORDS = {
    "render": {"never": "never", "link": "link", "always": "always"},
    "list": {"never": "never", "local": "local", "always": "always"},
}
_BUILD_FALSE = frozenset({"false", "0"})


def build_field(field: Field) -> dict[str, Any]:
    """Hugo's ``_build``: a map, or Hugo stops."""
    return {"build": _decode_build(field)}


def newer_build_field(field: Field) -> dict[str, Any]:
    """``build`` is Hugo 0.123's name for ``_build``; 0.111 keeps it as a
    param only (the page is rendered and listed), so cameo does too."""
    field.warn(
        "Hugo 0.111 keeps as a param only (it reads build options from '_build')"
    )
    return {}


def _decode_build(field: Field) -> dict[str, Any]:
    value = field.value
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise field.refused(
            f"is {describe(value)}, not a map",
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
                else go_bool(item)
                if item != ""
                else False
            )
            if publish is None:
                raise field.refused(
                    f"has publishResources {describe(item)}, not true or false",
                    "write true or false",
                )
            options[name] = publish
        elif name in _BUILD_WORDS:
            if isinstance(item, (dict, list)):
                raise field.refused(
                    f"has {name} {describe(item)}, not a word",
                    f"write one of {', '.join(_BUILD_WORDS[name])}",
                )
            text = "1" if item is True else "0" if item is False else as_text(item)
            word = "never" if text in _BUILD_FALSE else text
            options[name] = _BUILD_WORDS[name].get(word, "always")
    return options


def settle_draft(metadata: dict[str, Any], shown_path: str) -> None:
    """Hugo's ``published: false`` is ``draft: true``; ``draft`` wins when
    both are given, with Hugo's warning."""
    if PUBLISHED not in metadata:
        return
    published = metadata.pop(PUBLISHED)
    if "hugo_draft" in metadata:
        logger.warning(
            "%s: has both 'draft' and 'published'; 'draft' is used, as in Hugo",
            shown_path,
        )
    else:
        metadata["hugo_draft"] = not published
        metadata["status"] = "published"


def settle_status(
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
