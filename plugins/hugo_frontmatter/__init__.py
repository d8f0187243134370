"""Hugo front matter for Pelican: see docs/front-matter.md."""

from .content.frontmatter import FrontMatterError
from .hugo_frontmatter import register
from .reader import HugoMarkdownReader

__all__ = ["FrontMatterError", "HugoMarkdownReader", "register"]
