"""The theme's touches to Markdown, as markdown-it plugins for the renderer of
Hugo pages: headings moved under the page's title (the rule of
:mod:`outline`), ``rel="noopener"`` on links to other sites and
``tabindex="0"`` on code blocks (those of :mod:`links`), raw HTML included.

Each plugin is an object with a stable ``repr`` naming its settings, so a
cache keyed on the renderer's settings tells two configurations apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from . import theme_support
from .outline import heading_shift

if TYPE_CHECKING:  # markdown-it is imported by the Hugo reader, not here
    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token

# The rules' names in markdown-it's core chain.
OUTLINE_RULE = "cameo_outline"
LINKS_RULE = "cameo_links"
# The renderer's token types that write a <pre>.
CODE_BLOCKS = ("fence", "code_block")
_HEADING_TAG = re.compile(r"h([1-6])")


def markdown_it_plugins(settings: dict[str, Any]) -> list[Callable[[MarkdownIt], None]]:
    """The plugins the theme wants on a Hugo page's markdown-it renderer,
    given Pelican's settings: the links one always, the outline one unless
    ``CAMEO_OUTLINE`` is off (as for Python-Markdown)."""
    own_host = urlsplit(settings.get("SITEURL") or "").netloc
    plugins: list[Callable[[MarkdownIt], None]] = [LinksPlugin(own_host)]
    if settings.get("CAMEO_OUTLINE", True):
        plugins.append(OutlinePlugin())
    return plugins


class OutlinePlugin:
    """Moves every Markdown heading by :func:`outline.heading_shift`. A core
    rule pushed last, so it runs after the renderer's own (the one that sets
    ids among them) and the ids stay those of the written levels' text."""

    def __call__(self, md: MarkdownIt) -> None:
        md.core.ruler.push(OUTLINE_RULE, _shift_headings)

    def __repr__(self) -> str:
        return "cameo.OutlinePlugin()"


def _shift_headings(state: StateCore) -> None:
    headings = [
        token
        for token in state.tokens
        if token.type in ("heading_open", "heading_close")
        and _HEADING_TAG.fullmatch(token.tag)
    ]
    shift = heading_shift(int(token.tag[1]) for token in headings)
    if shift:
        for token in headings:
            token.tag = f"h{int(token.tag[1]) + shift}"


class LinksPlugin:
    """``rel="noopener"`` on links to hosts other than ``own_host`` and
    ``tabindex="0"`` on ``<pre>``: on Markdown's links, code blocks and
    fences, and on the start tags of raw HTML, which is edited in place (a
    parser would close what a block leaves open)."""

    def __init__(self, own_host: str) -> None:
        self.own_host = own_host

    def __call__(self, md: MarkdownIt) -> None:
        md.core.ruler.push(LINKS_RULE, self._improve)
        for name in CODE_BLOCKS:
            render = md.renderer.rules.get(name)
            if render is not None:
                md.add_render_rule(name, self._code_rule(render))

    def __repr__(self) -> str:
        return f"cameo.LinksPlugin(own_host={self.own_host!r})"

    def _improve(self, state: StateCore) -> None:
        for token in _all_tokens(state.tokens):
            if token.type == "link_open":
                href = str(token.attrGet("href") or "")
                if theme_support.is_external(href, self.own_host):
                    rel = str(token.attrGet("rel") or "").split()
                    if "noopener" not in rel:
                        token.attrSet("rel", " ".join([*rel, "noopener"]))
            elif token.type in ("html_block", "html_inline"):
                token.content = self._improve_html(token.content)

    def _improve_html(self, html: str) -> str:
        if not theme_support.needs_improving(html, self.own_host):
            return html
        return theme_support.improve_start_tags(html, self.own_host)

    def _code_rule(self, render: Callable[..., str]) -> Callable[..., str]:
        """The renderer's rule for a code block, its ``<pre>`` made reachable
        by keyboard (a fence's attributes go on its ``<code>``, so the
        written HTML is edited; its text is escaped by then)."""
        improve = self._improve_html

        def rule(
            renderer: Any,
            tokens: Sequence[Token],
            idx: int,
            options: Any,
            env: Any,
        ) -> str:
            return improve(render(tokens, idx, options, env))

        return rule


def _all_tokens(tokens: Sequence[Token]):
    for token in tokens:
        yield token
        if token.children:
            yield from _all_tokens(token.children)
