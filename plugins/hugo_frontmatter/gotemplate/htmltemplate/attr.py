"""html/template's attr.go: what kind of value an attribute holds (a URL,
CSS, JavaScript, a srcset, plain text), by its name."""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

# Go's html/template attrTypeMap: the attributes whose value is a URL.
URL_ATTRIBUTES = frozenset(
    {
        "action",
        "archive",
        "background",
        "cite",
        "classid",
        "codebase",
        "data",
        "formaction",
        "href",
        "icon",
        "longdesc",
        "manifest",
        "poster",
        "profile",
        "src",
        "usemap",
        "xmlns",
    }
)


def attr_type(name: str) -> str:
    """Go's attrType: what kind of value an attribute holds."""
    name = name.lower()
    if name.startswith("data-"):
        name = name[5:]
    elif ":" in name:
        prefix, _, rest = name.partition(":")
        if prefix == "xmlns":
            return "url"
        name = rest
    if name in URL_ATTRIBUTES:
        return "url"
    if name == "style":
        return "css"
    if name == "srcset":
        return "srcset"
    if name.startswith("on"):
        return "js"
    if "src" in name or "uri" in name or "url" in name:
        return "url"
    return "plain"
