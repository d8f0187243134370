"""Math as MathML at build time: cameo's addition, not Goldmark's.

Hugo 0.111 leaves ``$$...$$`` and ``\\(...\\)`` as text for a script; cameo
writes MathML instead (``cameo_shared.math``, the converter Pelican's
Markdown uses too): ``$$...$$`` and ``\\\\[...\\\\]`` (what Hugo sites
write for a script to find ``\\[``) as display math, ``\\\\(...\\\\)``
inline; where the page or the site turns math on, also ``\\[...\\]``
(display), ``\\(...\\)`` and ``$...$`` (inline), which are escapes and
prices elsewhere. Code spans and blocks are never looked into; what does not
convert is left as text, marked for the reader's warning.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from cameo_shared.math import MathError, failed_math, find_math, tex_to_mathml

_TOKEN = "cameo_math"


def use(md: MarkdownIt, math_on: bool) -> None:
    """Look for math before markdown-it's escapes (``\\(`` is one)."""

    def rule(state: StateInline, silent: bool) -> bool:
        if state.src[state.pos] not in "$\\":
            return False
        found = find_math(state.src, state.pos, math_on, state.posMax)
        if found is None:
            return False
        if not silent:
            token = state.push(_TOKEN, "math", 0)
            token.content = found.tex
            token.markup = found.source
            token.meta = {"display": found.display}
        state.pos = found.end
        return True

    md.inline.ruler.before("escape", _TOKEN, rule)
    md.add_render_rule(_TOKEN, _render)


def _render(self, tokens, index, options, env) -> str:  # noqa: ANN001 (markdown-it's)
    token = tokens[index]
    try:
        return tex_to_mathml(token.content, token.meta["display"])
    except MathError as error:
        return failed_math(token.markup, str(error))
