"""Definition lists (mdit-py-plugins' rule) as Goldmark writes them: a
definition's first paragraph bare when no blank line comes before it."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from mdit_py_plugins.deflist import deflist_plugin


def use(md: MarkdownIt) -> None:
    """The definition list rule, then Goldmark's tight definitions."""
    md.use(deflist_plugin)
    md.core.ruler.push("goldmark_deflist", _tight_definitions)


def _tight_definitions(state: StateCore) -> None:
    """Goldmark writes a definition's first paragraph bare when no blank line
    comes before it; later paragraphs keep their ``<p>``."""
    lines = state.src.split("\n")
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "dd_open":
            continue
        first = True
        for inner in tokens[index + 1 :]:
            if inner.type == "dd_close" and inner.level == token.level:
                break
            if inner.level != token.level + 1 or not inner.type.startswith(
                "paragraph_"
            ):
                continue
            if inner.type == "paragraph_open":
                line = inner.map[0] if inner.map else 0
                tight = first and line > 0 and lines[line - 1].strip() != ""
                first = False
                inner.hidden = tight
                hide_close = tight
            else:
                inner.hidden = hide_close
