"""GFM strikethrough, ``~~text~~``, written as Goldmark writes it:
``<del>`` (markdown-it writes ``<s>``)."""

from __future__ import annotations

from markdown_it import MarkdownIt


def use(md: MarkdownIt) -> None:
    """Turn markdown-it's rule on, with Goldmark's element."""
    md.enable("strikethrough")
    md.add_render_rule("s_open", lambda *a: "<del>")
    md.add_render_rule("s_close", lambda *a: "</del>")
