"""Hugo's Markdown render hooks: links, images, headings and fenced code
handed to the page's hooks (``render-link.html`` and the rest), as Hugo's
Goldmark renderer does; an element with no hook for the page renders as it
does without hooks (the same rules, the same tokens).

What runs the hooks is the site's (``RenderHooks``); the tokens they are
given are gathered by ``hook_tokens.py``, a fence's facts read by
``fence_info.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..fence_info import (
    hook_attributes,
    hook_options,
    next_fence_ordinal,
    split_fence_info,
)
from . import hook_tokens
from .hook_tokens import plain_text
from .tight_items import after_bare_text

RenderRule = Callable[..., str]


class RenderHooks(Protocol):
    """What runs a site's Markdown render hooks (``hugo_templates.hooks``).

    ``find(kind)`` is the hook the page being rendered has for ``kind``
    (``link``, ``image``, ``heading``, ``codeblock-LANG``, ``codeblock``),
    or None; ``render`` runs it on an element's facts, ``line`` being the
    element's line in the Markdown (1 for its first)."""

    def find(self, kind: str) -> Any: ...

    def render(
        self, found: Any, kind: str, facts: dict[str, Any], line: int
    ) -> str: ...


# How many link addresses (as written, by their encoded form) a renderer
# with hooks keeps before it starts again.
_DESTINATIONS_KEPT = 100_000


def use(md: MarkdownIt, hooks: RenderHooks, code_fences: bool) -> None:
    """Hand the elements that have a hook to ``hooks``; apply it after the
    other rules and plugins, so that their tokens are hooked too. With
    ``code_fences`` off Hugo runs no code block hook."""
    destinations = _keep_destinations(md)
    md.core.ruler.push(
        "goldmark_render_hooks",
        lambda state: hook_tokens.gather(
            state, hooks.find("link"), hooks.find("heading")
        ),
    )
    default_image = md.renderer.rules["image"]
    default_fence = md.renderer.rules["fence"]
    md.add_render_rule(hook_tokens.LINK_HOOK, _link_rule(hooks, destinations))
    md.add_render_rule(hook_tokens.HEADING_HOOK, _heading_rule(hooks))
    md.add_render_rule("image", _image_rule(hooks, destinations, default_image))
    md.add_render_rule("fence", _fence_rule(hooks, code_fences, default_fence))


def _keep_destinations(md: MarkdownIt) -> dict[str, str]:
    """Link addresses as written, by the form markdown-it gives them:
    Goldmark gives a hook the destination as written (entities and escapes
    resolved); markdown-it percent-encodes it as it parses."""
    destinations: dict[str, str] = {}
    normalize = md.normalizeLink

    def remember(url: str) -> str:
        normalized = normalize(url)
        destinations[normalized] = url
        return normalized

    def forget(_state: StateCore) -> None:
        # Not at every render: a hook's RenderString renders inside another.
        if len(destinations) > _DESTINATIONS_KEPT:
            destinations.clear()

    md.normalizeLink = remember
    md.core.ruler.before("normalize", "goldmark_hook_destinations", forget)
    return destinations


def _link_rule(hooks: RenderHooks, destinations: dict[str, str]) -> RenderRule:
    """A gathered link, to its hook (``.Destination``, ``.Text``, ...)."""

    def link(
        self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any
    ) -> str:
        token = tokens[idx]
        href = str(token.attrGet("href") or "")
        facts = {
            "destination": destinations.get(href, href),
            "title": str(token.attrGet("title") or ""),
            "text": self.renderInline(token.children or [], options, env),
            "plain_text": plain_text(token.children or []),
        }
        return hooks.render(token.meta["hook"], "link", facts, token.meta["line"])

    return link


def _image_rule(
    hooks: RenderHooks, destinations: dict[str, str], default: RenderRule
) -> RenderRule:
    """An image, to the page's image hook (counted in ``.Ordinal``), or as
    ``default`` writes it when the page has none."""

    def image(
        self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any
    ) -> str:
        token = tokens[idx]
        found = hooks.find("image")
        if found is None:
            return default(tokens, idx, options, env)
        ordinal = env.get("goldmark_images", 0)
        env["goldmark_images"] = ordinal + 1
        src = str(token.attrGet("src") or "")
        facts = {
            "destination": destinations.get(src, src),
            "title": str(token.attrGet("title") or ""),
            "text": self.renderInline(token.children or [], options, env),
            "plain_text": plain_text(token.children or []),
            "ordinal": ordinal,
            "is_block": bool(token.meta.get("block")),
        }
        return hooks.render(found, "image", facts, token.meta.get("line", 0))

    return image


def _heading_rule(hooks: RenderHooks) -> RenderRule:
    """A gathered heading, to its hook (``.Level`` as written, ``.Anchor``)."""

    def heading(
        self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any
    ) -> str:
        token = tokens[idx]
        facts = {
            "level": token.meta["level"],
            "anchor": str(token.attrGet("id") or ""),
            "text": self.renderInline(token.children or [], options, env),
            "plain_text": plain_text(token.children or []),
            "attributes": {name: str(value) for name, value in token.attrItems()},
        }
        html = hooks.render(token.meta["hook"], "heading", facts, token.meta["line"])
        return after_bare_text(tokens, idx, html)

    return heading


def _fence_rule(
    hooks: RenderHooks, code_fences: bool, default: RenderRule
) -> RenderRule:
    """A fence, to the page's hook for its language or for any code block,
    or as ``default`` writes it when there is none."""

    def fence(
        self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any
    ) -> str:
        token = tokens[idx]
        if not code_fences:  # Hugo runs no code block hook then
            return default(tokens, idx, options, env)
        language, attrs = split_fence_info(token.info)
        found = hooks.find(f"codeblock-{language}") if language else None
        if found is None:
            found = hooks.find("codeblock")
        if found is None:
            return default(tokens, idx, options, env)
        facts = {
            "type": language,
            "inner": token.content.rstrip("\n"),
            "options": hook_options(attrs),
            "attributes": hook_attributes(attrs),
            "ordinal": next_fence_ordinal(env),
        }
        line = token.map[0] + 1 if token.map else 0
        html = hooks.render(found, "codeblock", facts, line)
        return after_bare_text(tokens, idx, html)

    return fence
