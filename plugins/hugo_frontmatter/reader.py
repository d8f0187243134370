"""A Markdown reader that understands Hugo front matter.

Files that open with a front matter block are parsed here; any other Markdown
file goes to Pelican's own reader unchanged.
"""

from __future__ import annotations

import copy
import logging
import os
from typing import Any

from markdown import Markdown
from pelican.readers import MarkdownReader

from . import fields, frontmatter

logger = logging.getLogger(__name__)

_META_EXTENSION = "markdown.extensions.meta"


class HugoMarkdownReader(MarkdownReader):
    """Markdown with YAML front matter, mapped to Pelican metadata."""

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        with open(source_path, encoding="utf-8-sig") as handle:
            text = handle.read()
        shown_path = display_path(source_path)
        front = frontmatter.split(text, shown_path)
        if front is None:
            return super().read(source_path)

        self._source_path = source_path
        self._md = Markdown(**self._markdown_settings())
        content = self._md.convert(front.body)
        in_content = os.path.relpath(source_path, self.settings["PATH"])
        metadata = fields.to_pelican(
            front,
            shown_path,
            in_content.replace(os.sep, "/"),
            self.settings,
            self.process_metadata,
        )
        return content, metadata

    def _markdown_settings(self) -> dict[str, Any]:
        # The front matter is already parsed: Python-Markdown's meta extension
        # would read a body line such as "Note: ..." as one more field.
        settings = copy.copy(self.settings["MARKDOWN"])
        settings["extensions"] = [
            ext for ext in settings.get("extensions", []) if ext != _META_EXTENSION
        ]
        settings["extension_configs"] = {
            name: config
            for name, config in settings.get("extension_configs", {}).items()
            if name != _META_EXTENSION
        }
        return settings


def display_path(path: str) -> str:
    """``path`` relative to the working folder when it lies inside it."""
    relative = os.path.relpath(path)
    return path if relative.startswith(os.pardir) else relative
