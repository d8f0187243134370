"""Which attributes reach the page: those Goldmark 1.5 writes on each block
it renders (and any ``data-*``), every name on a heading, never an event
handler; one filter every element's attributes pass (``goldmark.py``'s
HTML renderer calls ``attribute_allowed``)."""

from __future__ import annotations

# Goldmark 1.5 (Hugo 0.111) writes on the blocks it renders only these
# attributes and any ``data-*`` (names compared as written); Hugo renders
# headings itself, keeping every name. Both drop event handlers: a name
# starting with "on", in any case.
_GLOBAL_ATTRIBUTES = frozenset(
    "accesskey autocapitalize autofocus class contenteditable dir draggable "
    "enterkeyhint hidden id inert inputmode is itemid itemprop itemref itemscope "
    "itemtype lang part role slot spellcheck style tabindex title translate".split()
)
_LIST_ATTRIBUTES = _GLOBAL_ATTRIBUTES | {"start", "reversed", "type"}
ATTRIBUTES_BY_TAG: dict[str, frozenset[str]] = {
    "p": _GLOBAL_ATTRIBUTES,
    "dl": _GLOBAL_ATTRIBUTES,
    "blockquote": _GLOBAL_ATTRIBUTES | {"cite"},
    "ul": _LIST_ATTRIBUTES,
    "ol": _LIST_ATTRIBUTES,
    "hr": _GLOBAL_ATTRIBUTES | {"align", "color", "noshade", "size", "width"},
    "table": _GLOBAL_ATTRIBUTES
    | {"align", "bgcolor", "border", "cellpadding", "cellspacing", "frame"}
    | {"rules", "summary", "width"},
}


def attribute_allowed(tag: str, name: str) -> bool:
    """Whether Hugo writes an attribute named ``name`` on a ``tag`` element,
    wherever it came from (a heading's or a block's ``{...}``, a plugin)."""
    if name.lower().startswith("on"):
        return False
    allowed = ATTRIBUTES_BY_TAG.get(tag)
    return allowed is None or name in allowed or name.startswith("data-")
