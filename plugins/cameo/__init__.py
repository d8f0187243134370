"""pelican-cameo: the cameo theme's plugin, and the site tooling behind tasks.py."""

from .cameo import register

__all__ = ["register"]
