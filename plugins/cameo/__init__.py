"""The cameo theme's Pelican plugin: what the templates need, a sitemap, and
fixed times in feeds. The site tooling (tasks) is the cameo_tools package."""

import os

from . import cameo, publications, reproducible, sitemap

__all__ = ["register", "theme_path"]


def register() -> None:
    """The theme's plugin: cameo.py, sitemap.py (sitemap.xml),
    reproducible.py (fixed times in feeds) and publications.py
    (CAMEO_PUBLICATIONS)."""
    cameo.register()
    publications.register()
    sitemap.register()
    reproducible.register()


def theme_path() -> str:
    """The cameo theme's folder, for ``THEME = theme_path()`` (``THEME = "cameo"``
    names the same folder once the package is installed)."""
    import pelican

    installed = os.path.join(os.path.dirname(pelican.__file__), "themes", "cameo")
    if os.path.isdir(installed):
        return installed
    # An editable install of the repository: the theme is its theme/ folder.
    return os.path.join(os.path.dirname(__file__), os.pardir, os.pardir, "theme")
