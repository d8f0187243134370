"""Hugo's ``wrapStandAloneImageWithinParagraph = false``: an image alone in
its paragraph is written with no ``<p>`` around it, a block to its render
hook (``.IsBlock``)."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore


def use(md: MarkdownIt) -> None:
    """Unwrap such images once the page is parsed."""
    md.core.ruler.push("goldmark_standalone_images", _unwrap_standalone_images)
    md.add_render_rule("goldmark_unwrapped", lambda *a: "")


def _unwrap_standalone_images(state: StateCore) -> None:
    """A paragraph that is one image alone is the image, with no ``<p>``
    (nor a line end) around it, and a block to its render hook."""
    tokens = state.tokens
    for index in range(len(tokens) - 2):
        opening, inline, closing = tokens[index : index + 3]
        if (
            opening.type == "paragraph_open"
            and closing.type == "paragraph_close"
            and inline.children
            and len(inline.children) == 1
            and inline.children[0].type == "image"
        ):
            if not opening.hidden:  # a tight list's item writes none already
                # Not hidden: markdown-it starts a line after a hidden one.
                opening.type = closing.type = "goldmark_unwrapped"
            image = inline.children[0]
            image.meta = {**(image.meta or {}), "block": True}
