"""What the plugin learns during one run, kept until the run ends.

- Problems: Pelican logs a reader's exception and carries on (exit status 0);
  the plugin keeps its own list and ends the run with an error when the list
  is not empty.
- Bundles: a page bundle's files are copied even when its page is not written
  (a headless bundle), so the reader notes every bundle it sees.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

logger = logging.getLogger(__name__)


@dataclass
class Bundle:
    folder: str  # the bundle's folder on disk
    is_leaf: bool  # index.md (leaf) or _index.md (branch)
    publish: bool  # whether Hugo would publish its files
    save_as: str | None  # where its page goes, when the reader knows


_problems: list[str] = []
_bundles: dict[str, Bundle] = {}


def report(problem: object) -> None:
    """Log one problem (a line such as ``content/a.md:3: ...``) and keep it."""
    _problems.append(str(problem))
    logger.error("%s", problem)


def problems() -> list[str]:
    return list(_problems)


def add_bundle(bundle: Bundle) -> None:
    _bundles[bundle.folder] = bundle


def bundles() -> list[Bundle]:
    return list(_bundles.values())


def reset() -> None:
    _problems.clear()
    _bundles.clear()
