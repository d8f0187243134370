"""CAMEO_PUBLICATIONS: the BibTeX file (a path in the content folder) read
when the build starts, so that a bad one stops it before any page is
written, and handed to the home page as ``page.publications``; and which
pages show publications (``page.shows_publications``: the profile's, or a
page with the ``publications`` shortcode), for their stylesheet."""

from __future__ import annotations

import logging

from pelican import signals

from cameo_shared.bibtex import BibliographyError, locate, read_bibliography
from cameo_shared.publications import MARKER, Publications

from . import page_data

logger = logging.getLogger(__name__)

SETTING = "CAMEO_PUBLICATIONS"

# This run's publications for the home page; set when a run starts.
_found: dict[str, Publications] = {}


class PublicationsError(ValueError):
    """CAMEO_PUBLICATIONS names no readable BibTeX file; the message says
    which file and line, and what to do."""


def on_initialized(pelican) -> None:
    _found.clear()
    settings = pelican.settings
    name = settings.get(SETTING)
    if not name:
        return
    if not isinstance(name, str):
        raise PublicationsError(
            f"{SETTING} = {name!r}: give the BibTeX file's path in the content "
            'folder, such as "publications.bib"'
        )
    try:
        entries = read_bibliography(locate(settings["PATH"], name))
    except LookupError as error:
        raise PublicationsError(f"{SETTING}: {error}") from None
    except BibliographyError as error:
        raise PublicationsError(str(error)) from None
    _found["home"] = Publications(entries, str(settings.get("AUTHOR") or ""))


def on_content_object_init(content) -> None:
    home = _found.get("home") if page_data.is_home(content) else None
    if home is not None:
        content.publications = home
    text = getattr(content, "_content", None) or ""
    content.shows_publications = home is not None or f'class="{MARKER}"' in text


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.content_object_init.connect(on_content_object_init)
