"""Where a content file is in Hugo's content tree (``Source``): its path
as Hugo sees it (inside its language's own folder), its language, the
folder its language's pages go under, and the key that links its
translations.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from . import urls
from .frontmatter import FrontMatterError
from .options import plugin_options


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
        lower = language.lower()
        if plugin_options(settings)["hugo_config"]:
            where = (
                f"add [languages.{lower}] to the Hugo config named by "
                "HUGO_FRONTMATTER['hugo_config']"
            )
        else:
            known = [default_language(settings), *languages]
            listed = ", ".join(f'"{name}"' for name in dict.fromkeys([*known, lower]))
            where = f"list it in the settings (HUGO_LANGUAGES = [{listed}])"
        raise FrontMatterError(
            shown_path,
            1,
            f"is named as the '{language}' translation of {base + extension}, "
            f"but the site has no language '{language}'; {where} (and name "
            "the file in lower case), or rename the file",
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
