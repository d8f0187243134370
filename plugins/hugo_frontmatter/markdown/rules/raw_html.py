"""Raw HTML in the Markdown: left out, a comment in its place, unless
``markup.goldmark.renderer.unsafe`` (then written as it is)."""

from __future__ import annotations

from markdown_it import MarkdownIt

from .tight_items import block_rule

RAW_HTML_OMITTED = "<!-- raw HTML omitted -->"


def use(md: MarkdownIt, unsafe: bool) -> None:
    """Write inline and block HTML as Goldmark does."""
    if not unsafe:
        md.add_render_rule("html_inline", lambda *a: RAW_HTML_OMITTED)
    md.add_render_rule(
        "html_block",
        block_rule(
            (lambda *a: RAW_HTML_OMITTED + "\n")
            if not unsafe
            else (lambda tokens, idx, env: tokens[idx].content)
        ),
    )
