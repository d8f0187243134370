"""Hugo's ``ref`` and ``relref``: the page a target names, and its URL."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from typing import Any

logger = logging.getLogger(__name__)


class RefResolver:
    """Resolves ref targets for one build's pages.

    ``locate`` gives the URL path (from the site's root) of the page in a
    content file.
    """

    def __init__(self, settings: Mapping[str, Any], locate: Callable[[str], str]):
        self.settings = settings
        self.locate = locate

    def resolve(self, target: str, page: Any) -> str:
        """The path from the site's root of the page a target names
        (``posts/a.md``, ``/posts/a``, ``a.md#part``)."""
        path, hash_mark, fragment = target.partition("#")
        if not path:
            return f"{hash_mark}{fragment}"  # an anchor on the page itself
        found = self._find_content(path)
        if found is None:
            raise LookupError(
                "no page of the content is at that path; Hugo stops here too "
                "(REF_NOT_FOUND): correct the path (from content/, e.g. "
                "'posts/my-post.md') or add the page"
            )
        return f"{self.locate(found)}{hash_mark}{fragment}"

    def _find_content(self, path: str) -> str | None:
        root = os.path.abspath(self.settings["PATH"])
        clean = path.strip().lstrip("/")
        candidates = [clean]
        if not os.path.splitext(clean)[1]:
            candidates += [f"{clean}.md", f"{clean}/index.md", f"{clean}/_index.md"]
        for candidate in candidates:
            full = os.path.normpath(os.path.join(root, candidate))
            if full.startswith(root + os.sep) and os.path.isfile(full):
                return full
        name = os.path.basename(clean)
        for folder, _, files in os.walk(root):
            for candidate in (name, f"{name}.md"):
                if candidate in files:
                    return os.path.join(folder, candidate)
        return None
