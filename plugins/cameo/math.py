"""Math as MathML in Pelican's Markdown, as the Hugo pages get it.

A Python-Markdown extension: the same delimiters and the same converter as
the Hugo pages' markdown-it rule (``cameo_shared.math``), so the same TeX
gives the same MathML. ``$...$``, ``\\(`` and ``\\[`` count where the page
(``Math: true``) or the site (``CAMEO_MATH``) turns math on.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.inlinepatterns import InlineProcessor

from cameo_shared.math import MathError, failed_math, find_math, tex_to_mathml

# Before Python-Markdown's escapes (180), after code spans (190).
_PRIORITY = 186
_TRUE = {"true", "yes", "on", "1"}


class _MathProcessor(InlineProcessor):
    def __init__(self, md: Markdown, site_math: bool) -> None:
        # A backslash and the character after it are one step, as
        # Markdown's escapes are: ``\\(`` is not ``\(``, ``\$`` no dollar.
        super().__init__(r"(?s)\\.|\$", md)
        self.site_math = site_math

    def handleMatch(  # noqa: N802 (Python-Markdown's name)
        self, m: re.Match[str], data: str
    ) -> tuple[str | etree.Element | None, int | None, int | None]:
        found = find_math(data, m.start(), self.site_math or self._page_math())
        if found is None:
            return None, None, None
        try:
            html = tex_to_mathml(found.tex, found.display)
        except MathError as error:
            html = failed_math(found.source, str(error))
        return self.md.htmlStash.store(html), m.start(), found.end

    def _page_math(self) -> bool:
        """``Math: true`` in the page's metadata, which Python-Markdown's
        ``meta`` extension reads before any inline pattern runs."""
        values = getattr(self.md, "Meta", {}).get("math") or [""]
        return str(values[0]).strip().lower() in _TRUE


class MathExtension(Extension):
    """TeX between math delimiters as MathML (docs/theme.md, "Math")."""

    def __init__(self, **kwargs) -> None:
        self.config = {"site_math": [False, "$...$, \\( and \\[ on every page"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's name)
        processor = _MathProcessor(md, bool(self.getConfig("site_math")))
        md.inlinePatterns.register(processor, "cameo_math", _PRIORITY)


def makeExtension(**kwargs) -> MathExtension:  # noqa: N802 (Markdown's name)
    return MathExtension(**kwargs)
