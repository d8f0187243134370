"""html/template's context.go: where in a page an action prints (HTML
text, a tag, an attribute value, a comment, RCDATA, a script, a style)
and, inside, the part of a URL, of CSS or of JavaScript."""

from __future__ import annotations

import logging
from dataclasses import dataclass

logger = logging.getLogger(__name__)

# Where an action prints.
(
    TEXT,
    TAG,
    ATTR_NAME,
    AFTER_NAME,
    BEFORE_VALUE,
    ATTR,
    COMMENT,
    RCDATA,
    SCRIPT,
    STYLE,
) = range(10)
# URL parts inside a URL attribute.
URL_NONE, URL_PRE_QUERY, URL_QUERY, URL_UNKNOWN = range(4)

RCDATA_ELEMENTS = {"textarea", "title"}


@dataclass(frozen=True)
class Context:
    """Go's context: a state and what qualifies it; frozen, so that the
    ends of two branches compare (Go's join)."""

    state: int = TEXT
    delim: str = ""  # the attribute value's quote, "" unquoted
    attr: str = "plain"  # plain, url, or an unsupported kind
    url_part: int = URL_NONE
    element: str = ""  # an RCDATA element being read
    # Inside CSS: "" at a value, or a string's quote, "url(" (unquoted) or
    # "url(" and its quote, "/*" or "//" in a comment.
    css: str = ""
    # Inside JavaScript (a script element, an on* attribute): "" in code, or
    # a string's quote, "/" in a regexp, "/*" or "//" in a comment; and
    # whether a "/" in code would start a regexp or divide (Go's jsCtx).
    js: str = ""
    js_ctx: str = "regexp"


def is_comment(context: Context) -> bool:
    """Whether ``context`` is inside a comment html/template drops."""
    return (
        context.state == COMMENT
        or (context.state == SCRIPT and context.js in ("/*", "//"))
        or (context.state == STYLE and context.css in ("/*", "//"))
    )
