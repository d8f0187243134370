"""What Hugo's template functions need of the site being built.

Hugo binds its functions to one language's site; so does this: one
``SiteBindings`` per language and build, made by the shortcode engine and
given to ``functions.hugo_functions``. Functions read it and never the
Pelican settings, so they can be tested without a build.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

logger = logging.getLogger(__name__)


@dataclass
class OutputFiles:
    """Files the templates make for the output (processed images, resources
    a template publishes), written by the site generator into the folder
    the build writes (a staging folder, not always OUTPUT_PATH): nothing is
    written while pages are read."""

    files: dict[str, bytes | str] = field(default_factory=dict)

    def add(self, relative: str, content: bytes | str) -> None:
        """Publish ``relative`` (a path in the output, ``/``-separated):
        ``content`` is the bytes, or the path of a file to copy."""
        self.files[relative.lstrip("/")] = content

    def write(self, output: str) -> None:
        """Write every file under ``output``."""
        for relative, content in sorted(self.files.items()):
            path = os.path.join(output, *relative.split("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            if isinstance(content, bytes):
                with open(path, "wb") as handle:
                    handle.write(content)
            else:
                with open(content, "rb") as source, open(path, "wb") as handle:
                    handle.write(source.read())


@dataclass
class SiteBindings:
    """One language's site, as Hugo's template functions see it.

    - ``base_url``: Hugo's ``BaseURL``, ending in ``/`` (``https://x.org/``,
      or ``/`` for a site without one).
    - ``language``: the language code (``en``); ``language_prefix`` is its
      folder in URLs (``""`` or ``"fr/"``) for ``relLangURL``;
      ``default_language`` is the config's ``defaultContentLanguage``, whose
      ``i18n/`` table ``T`` falls back on, and
      ``missing_translation_placeholders`` its
      ``enableMissingTranslationPlaceholders``.
    - ``site_root``: the Hugo site's root (``layouts/``, ``data/``,
      ``i18n/``, ``assets/``); ``theme_root``: ``themes/<theme>`` when the
      config names a theme and that folder exists, else None.
    - ``params``: the site's params (``fields.Params``: any case).
    - ``markdownify``: Markdown to HTML as the page's own renderer makes it
      (a whole block: one paragraph keeps its ``<p>``).
    - ``output``: files to publish; ``cache``: a folder for what is costly
      to make again (processed images), or None.
    - ``imaging``: the config's ``imaging`` table (``quality``,
      ``resampleFilter``, ``anchor``, ``bgColor``, ``hint``; any case), the
      defaults of image processing.
    - ``title_case_style``: the config's ``titleCaseStyle`` (``""`` is AP,
      ``"Chicago"``, ``"Go"``), for ``title``.
    """

    base_url: str = "/"
    language: str = "en"
    language_prefix: str = ""
    default_language: str = "en"
    missing_translation_placeholders: bool = False
    site_root: str = "."
    theme_root: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    markdownify: Callable[[str], str] = lambda text: text
    output: OutputFiles = field(default_factory=OutputFiles)
    cache: str | None = None
    imaging: Mapping[str, Any] = field(default_factory=dict)
    title_case_style: str = ""

    def roots(self) -> list[str]:
        """The folders Hugo looks in, the site's first, then its theme's."""
        return [self.site_root] + ([self.theme_root] if self.theme_root else [])
