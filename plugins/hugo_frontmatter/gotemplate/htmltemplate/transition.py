"""html/template's transition.go: how the template's own text moves the
context, one transition at a time (``step``): HTML text, tags and their
attributes, comments, RCDATA, and the bodies of scripts (tJS, strings,
regexps, comments) and styles (tCSS, strings, ``url(...)``), with the URL
part a value reaches (tURL). Text Go refuses raises ``BadText``."""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable
from dataclasses import replace

from ..gofmt import go_quote
from .attr import attr_type
from .context import (
    AFTER_NAME,
    ATTR,
    ATTR_NAME,
    BEFORE_VALUE,
    COMMENT,
    RCDATA,
    RCDATA_ELEMENTS,
    SCRIPT,
    STYLE,
    TAG,
    TEXT,
    URL_NONE,
    URL_PRE_QUERY,
    URL_QUERY,
    Context,
)
from .css import CSS_SPACE, decode_css, ends_with_url
from .js import JS_LINE_ENDS, is_js_type, next_js_ctx

logger = logging.getLogger(__name__)


class BadText(Exception):
    """Text the escaper cannot read safely (Go's escaping errors)."""


_TAG_START = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)")


def step(context: Context, text: str, i: int) -> tuple[Context, int]:
    """One of Go's escapeText transitions from ``text[i]``: the context after
    it and where the next begins (Go's transitionFunc, by state)."""
    return _TRANSITIONS[context.state](context, text, i)


def _text(context: Context, text: str, i: int) -> tuple[Context, int]:
    """Go's tText: HTML text up to a tag or a comment."""
    at = text.find("<", i)
    if at < 0:
        return context, len(text)
    if text.startswith("<!--", at):
        return Context(COMMENT), at + 4
    tag = _TAG_START.match(text, at)
    if not tag:
        return context, at + 1
    name = tag.group(2).lower()
    element = "" if tag.group(1) else name
    return Context(TAG, element=element), tag.end()


def _comment(context: Context, text: str, i: int) -> tuple[Context, int]:
    """Go's tHTMLCmt: an HTML comment up to its end."""
    at = text.find("-->", i)
    if at < 0:
        return context, len(text)
    return Context(TEXT), at + 3


def _script_or_style(context: Context, text: str, i: int) -> tuple[Context, int]:
    """Go's tSpecialTagEnd, then tJS or tCSS: a script's or a style's body
    up to its end tag, which HTML text reads."""
    script = context.state == SCRIPT
    at = raw_end(text, i, "script" if script else "style")
    if at == i:  # HTML text reads the end tag
        return Context(TEXT), at
    body = text[i:] if at < 0 else text[i:at]
    after, length = (_js_step if script else _css_step)(context, body)
    return after, i + length


def _rcdata(context: Context, text: str, i: int) -> tuple[Context, int]:
    """Go's tSpecialTagEnd for ``<title>`` and ``<textarea>``."""
    at = raw_end(text, i, context.element)  # Go's indexTagEnd
    if at < 0:
        return context, len(text)
    return Context(TAG), at + 2 + len(context.element)


def _tag(context: Context, text: str, i: int) -> tuple[Context, int]:
    """Go's tTag: the end of the tag, or an attribute's name and its kind."""
    _check_attr_name(text, i)
    while i < len(text) and text[i] in " \t\n\r\f/":
        i += 1
    if i >= len(text):
        return context, i
    if text[i] == ">":
        return _after_tag(context.element), i + 1
    end = i
    while end < len(text) and text[end] not in " \t\n\r\f/=>":
        end += 1
    if end == i:  # "=" with no name before it
        got = go_quote(text[i:])
        raise BadText(f"expected space, attr name, or end of tag, but got {got}")
    name = text[i:end]
    kind = attr_type(name)
    if context.element == "script" and name.lower() == "type":
        kind = "script_type"
    context = replace(context, state=ATTR_NAME, attr=kind)
    if end < len(text):
        context = replace(context, state=AFTER_NAME)
    return context, end


def _after_tag(element: str) -> Context:
    """Where the text after a tag's ">" is: a script, a style, RCDATA or
    HTML text."""
    if element == "script":
        return Context(SCRIPT, element=element)
    if element == "style":
        return Context(STYLE, element=element)
    if element in RCDATA_ELEMENTS:
        return Context(RCDATA, element=element)
    return Context(TEXT)


def _attr_name(context: Context, text: str, i: int) -> tuple[Context, int]:
    """Go's tAttrName and tAfterName: an "=" starts the value, anything
    else the next attribute."""
    while i < len(text) and text[i] in " \t\n\r\f":
        i += 1
    if i >= len(text):
        return replace(context, state=AFTER_NAME), i
    if text[i] == "=":
        return replace(context, state=BEFORE_VALUE), i + 1
    return replace(context, state=TAG, attr="plain"), i


def _before_value(context: Context, text: str, i: int) -> tuple[Context, int]:
    """Go's tBeforeValue: the value's quote, if any."""
    while i < len(text) and text[i] in " \t\n\r\f":
        i += 1
    if i >= len(text):
        return context, i
    delim = text[i] if text[i] in "\"'" else ""
    context = replace(context, state=ATTR, delim=delim, url_part=URL_NONE)
    return context, i + (1 if delim else 0)


def _attr(context: Context, text: str, i: int) -> tuple[Context, int]:
    """Go's tAttr and the value's own transitions (CSS, URL, JS, read with
    entities decoded): the value up to its end."""
    if context.delim:
        end = text.find(context.delim, i)
    else:
        found = re.compile(r"[ \t\n\r\f>]").search(text, i)
        end = found.start() if found else -1
    value = text[i:] if end < 0 else text[i:end]
    if not context.delim:
        for char in value:
            if char in "\"'<=`":
                quoted = go_quote(value)
                raise BadText(f"{go_quote(char)} in unquoted attr: {quoted}")
    if context.attr == "css" and end < 0:  # entities decoded, as in Go
        context = _read_all(_css_step, context, html.unescape(value))
    if context.attr == "url" and end < 0:  # Go's tURL, entities decoded
        context = _url_part_after(context, html.unescape(value))
    if end < 0:
        if context.attr == "js":  # Go reads the value with entities decoded
            context = _read_all(_js_step, context, html.unescape(value))
        return context, len(text)
    element = context.element
    if context.attr == "script_type" and not is_js_type(value):
        element = ""
    return Context(TAG, element=element), end + (1 if context.delim else 0)


def _js_step(context: Context, code: str) -> tuple[Context, int]:
    """One JavaScript transition from the start of ``code``."""
    js = context.js
    if js == "":
        found = re.search(r"[\"'/]", code)
        if not found:
            return replace(context, js_ctx=next_js_ctx(code, context.js_ctx)), len(code)
        at = found.start()
        js_ctx = next_js_ctx(code[:at], context.js_ctx)
        char = code[at]
        if char in "\"'":
            return replace(context, js=char, js_ctx="regexp"), at + 1
        after = code[at + 1 : at + 2]
        if after in ("/", "*"):
            return replace(context, js="/" + after, js_ctx=js_ctx), at + 2
        if js_ctx == "regexp":
            return replace(context, js="/", js_ctx=js_ctx), at + 1
        if js_ctx == "divop":
            return replace(context, js_ctx="regexp"), at + 1
        raise BadText(
            f"'/' could start a division or regexp: {go_quote(code[at:][:32])}"
        )
    if js == "/*":
        at = code.find("*/")
        if at < 0:
            return context, len(code)
        return replace(context, js=""), at + 2
    if js == "//":
        found = re.search(f"[{JS_LINE_ENDS}]", code)
        if not found:
            return context, len(code)
        return replace(context, js=""), found.start()
    specials = "\\/[]" if js == "/" else "\\" + js
    i, in_charset = 0, False
    while True:
        found = re.compile("[" + re.escape(specials) + "]").search(code, i)
        if not found:
            break
        at = found.start()
        char = code[at]
        if char == "\\":
            at += 1
            if at == len(code):
                raise BadText(
                    f"unfinished escape sequence in JS string: {go_quote(code)}"
                )
        elif char == "[":
            in_charset = True
        elif char == "]":
            in_charset = False
        elif not in_charset:
            return replace(context, js="", js_ctx="divop"), at + 1
        i = at + 1
    if in_charset:
        raise BadText(f"unfinished JS regexp charset: {go_quote(code)}")
    return context, len(code)


def _read_all(
    step_from: Callable[[Context, str], tuple[Context, int]],
    context: Context,
    code: str,
) -> Context:
    """The context after all of ``code`` (an attribute's JS or CSS), one
    transition of ``step_from`` at a time."""
    i = 0
    while i < len(code):
        context, length = step_from(context, code[i:])
        i += length
    return context


# Where a CSS string or url(...) ends, and its escape character.
_CSS_STRING_ENDS = {
    '"': '\\"',
    "'": "\\'",
    'url("': '\\"',
    "url('": "\\'",
    "url(": "\\\t\n\f\r )",
}


def _css_step(context: Context, code: str) -> tuple[Context, int]:
    """One of Go's CSS transitions (tCSS, tCSSStr, comments) from the start
    of ``code``: every string is read as a URL, as Go reads it."""
    css = context.css
    if css == "":
        for found in re.finditer(r"[(\"'/]", code):
            at, char = found.start(), found.group()
            if char == "(" and ends_with_url(code[:at].rstrip(CSS_SPACE)):
                j = len(code) - len(code[at + 1 :].lstrip(CSS_SPACE))
                quote = code[j : j + 1]
                if quote in ("'", '"'):
                    return replace(context, css="url(" + quote), j + 1
                return replace(context, css="url("), j
            if char == "/" and code[at + 1 : at + 2] in ("/", "*"):
                return replace(context, css=code[at : at + 2]), at + 2
            if char in "'\"":
                return replace(context, css=char), at + 1
        return context, len(code)
    if css == "/*":
        at = code.find("*/")
        return (context, len(code)) if at < 0 else (replace(context, css=""), at + 2)
    if css == "//":
        found = re.search(r"[\n\f\r]", code)
        return (
            (context, len(code))
            if not found
            else (replace(context, css=""), found.start())
        )
    ends = re.compile("[" + re.escape(_CSS_STRING_ENDS[css]) + "]")
    k = 0
    while True:
        found = ends.search(code, k)
        if not found:
            return _url_part_after(context, decode_css(code[k:])), len(code)
        at = found.start()
        if code[at] != "\\":
            return replace(context, css=""), at + 1
        at += 1
        if at == len(code):
            raise BadText(f"unfinished escape sequence in CSS string: {go_quote(code)}")
        context = _url_part_after(context, decode_css(code[: at + 1]))
        k = at + 1


def _url_part_after(context: Context, text: str) -> Context:
    """Go's tURL: a "?" or "#" starts the query; anything else but spaces
    the path."""
    if "?" in text or "#" in text:
        return replace(context, url_part=URL_QUERY)
    if text.strip(CSS_SPACE) and context.url_part == URL_NONE:
        return replace(context, url_part=URL_PRE_QUERY)
    return context


def _check_attr_name(text: str, i: int) -> None:
    """Go's eatAttrName: a quote or "<" in an attribute name is an error."""
    found = re.compile(r"[ \t\n\f\r]*[^ \t\n\f\r=>\"'<]*([\"'<])").match(text, i)
    if found:
        char, ahead = go_quote(found.group(1)), go_quote(text[i : i + 32])
        raise BadText(f"{char} in attribute name: {ahead}")


def raw_end(text: str, i: int, element: str) -> int:
    """html/template's indexTagEnd: where ``</element`` closes the raw text."""
    while True:
        at = text.find("</", i)
        if at < 0:
            return -1
        after = at + 2 + len(element)
        if text[at + 2 : after].lower() == element and after < len(text):
            if text[after] in "> \t\n\f/":
                return at
        i = at + 2


_TRANSITIONS = {
    TEXT: _text,
    TAG: _tag,
    ATTR_NAME: _attr_name,
    AFTER_NAME: _attr_name,
    BEFORE_VALUE: _before_value,
    ATTR: _attr,
    COMMENT: _comment,
    RCDATA: _rcdata,
    SCRIPT: _script_or_style,
    STYLE: _script_or_style,
}
