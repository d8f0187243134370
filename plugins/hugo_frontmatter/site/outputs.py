"""The files the site's rules write into the output folder themselves.

- ``inside_output``: where such a file goes, never outside the output folder
  (``OutputClash`` otherwise), also not through a symbolic link;
- ``write_redirect``: Hugo's small redirect page, which an alias, a paged
  list's ``page/1/`` and the default language's folder each are;
- ``absolute_url``: a URL of the site as a redirect names it (with SITEURL).
"""

from __future__ import annotations

import html
import os
from collections.abc import Mapping
from typing import Any

from cameo_shared.paths import path_in

REDIRECT_PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{target}</title>
<link rel="canonical" href="{target}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p><a href="{target}">{target}</a></p>
</body>
</html>
"""


# Redirect pages to write: output path -> (target URL, language of the page).
Redirects = dict[str, tuple[str, str]]


class OutputClash(RuntimeError):
    """Two files claim one output path; raised before anything is written."""


def inside_output(output: str, relative: str) -> str:
    """The file ``relative`` (a posix path) in ``output``; never outside it,
    also not through a symbolic link."""
    path = path_in(output, relative)
    if path is None:
        raise OutputClash(f"{relative} would be written outside {output}")
    return path


def write_redirect(path: str, target: str, lang: str) -> None:
    """Hugo's redirect page to ``target`` at ``path`` (from
    ``inside_output``), in the language ``lang``."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(
            REDIRECT_PAGE.format(lang=html.escape(lang), target=html.escape(target))
        )


def absolute_url(settings: Mapping[str, Any], url: str) -> str:
    """The site's ``url`` (relative to its root) as a redirect names it."""
    return f"{settings.get('SITEURL', '')}/{url}"
