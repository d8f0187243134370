"""Pelican plugin: read Hugo front matter and map it to Pelican metadata.

A file whose front matter is wrong is reported (file, line, what to do) and
left out by Pelican; at the end of the run the plugin makes the build fail, so a
site is never published with a page silently missing.
"""

from __future__ import annotations

import logging

from pelican import signals

from .fields import plugin_options
from .frontmatter import FrontMatterError
from .reader import HugoMarkdownReader

logger = logging.getLogger(__name__)

# Problems found in the current run; reset when a run starts.
_problems: list[FrontMatterError] = []


class BuildStopped(RuntimeError):
    """Raised at the end of a run in which some files had bad front matter."""


def on_initialized(pelican) -> None:
    _problems.clear()
    plugin_options(pelican.settings)  # an unknown option stops the build at once


def on_readers_init(readers) -> None:
    for extension in HugoMarkdownReader.file_extensions:
        readers.reader_classes[extension] = _ReportingReader


def on_finalized(pelican) -> None:
    if _problems:
        count = len(_problems)
        raise BuildStopped(
            f"{count} file(s) have front matter errors (listed above); "
            "fix them and build again"
        )


class _ReportingReader(HugoMarkdownReader):
    def read(self, source_path):
        try:
            return super().read(source_path)
        except FrontMatterError as error:
            _problems.append(error)
            logger.error("%s", error)
            raise


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.readers_init.connect(on_readers_init)
    signals.finalized.connect(on_finalized)
