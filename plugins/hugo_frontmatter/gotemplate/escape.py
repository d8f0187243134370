"""html/template's contextual escaping, as a pass over parsed trees.

The pass reads the template's own HTML text to know where each action
prints (HTML text, a quoted or unquoted attribute value, a URL attribute,
a tag's attribute list, CSS, JavaScript in ``<script>`` and ``on*``
attributes, ``srcset``) and appends Go's escaper for that place to the
action's pipeline, as Go 1.20's html/template does. Values of the trusted
types (``HTML``, ``HTMLAttr``, ``URL``, ``CSS``, ``JS``, ``JSStr``; Hugo's
``safeHTML`` and so on) pass where Go lets them. What Go refuses, and a
``{{template}}`` call outside HTML text (not handled yet), is an error when
parsed, never unescaped output."""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from .errors import TemplateError, position
from .exec import MISSING, Tree
from .gofmt import go_quote, json_float, sprint
from .nodes import (
    ActionNode,
    BranchNode,
    CommandNode,
    IdentifierNode,
    ListNode,
    Node,
    RangeNode,
    TemplateNode,
    TextNode,
)

logger = logging.getLogger(__name__)

FAILSAFE = "ZgotmplZ"


class HTML(str):
    """Trusted HTML: printed as it is in HTML text (Hugo's safeHTML)."""


class HTMLAttr(str):
    """A trusted attribute (``name="value"``) for a tag's attribute list."""


class URL(str):
    """A trusted URL: any scheme passes the URL filter (Hugo's safeURL)."""


class CSS(str):
    """Trusted CSS: passes the CSS value filter as it is (Hugo's safeCSS)."""


class JS(str):
    """Trusted JavaScript (Hugo's safeJS): printed as it is as a JS value."""


class JSStr(str):
    """A trusted JavaScript string body (Hugo's safeJSStr)."""


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
_RCDATA_ELEMENTS = {"textarea", "title"}


@dataclass(frozen=True)
class Context:
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


_TAG_START = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)")


def _is_comment(context: Context) -> bool:
    """Whether ``context`` is inside a comment html/template drops."""
    return (
        context.state == COMMENT
        or (context.state == SCRIPT and context.js in ("/*", "//"))
        or (context.state == STYLE and context.css in ("/*", "//"))
    )


def _advance(context: Context, text: str) -> tuple[Context, str]:
    """The context after ``text``, and ``text`` as Go's escapeText writes it:
    without HTML comments and a script's JS comments (a block comment becomes
    a space, or a newline if it held one; a line comment's end of line
    stays), and with a "<" in HTML text that starts no tag escaped."""
    out: list[str] = []
    i = written = 0
    while i < len(text):
        after, end = _step(context, text, i)
        if context.state == TEXT or (
            context.state == RCDATA and context.element in _RCDATA_ELEMENTS
        ):
            # A "<" that starts no tag, comment or doctype becomes "&lt;".
            stop = end if after.state == context.state else text.rfind("<", i, end)
            for at in range(i, stop):
                if text[at] == "<" and text[at : at + 9].upper() != "<!DOCTYPE":
                    out.append(text[written:at] + "&lt;")
                    written = at + 1
        if _is_comment(context):
            if context.state == SCRIPT and context.js == "/*":
                out.append("\n" if _has_line_end(text[written:end]) else " ")
            if context.state == STYLE and context.css == "/*":
                out.append(" ")
            written = end
        if (after.state, after.js, after.css) != (
            context.state,
            context.js,
            context.css,
        ):
            if _is_comment(after):
                opener = 4 if after.state == COMMENT else 2
                out.append(text[written : end - opener])
                written = end
        context, i = after, end
    if not written:
        return context, text
    if not _is_comment(context):
        out.append(text[written:])
    return context, "".join(out)


def _step(context: Context, text: str, i: int) -> tuple[Context, int]:
    """One of Go's escapeText transitions from ``text[i]``: the context after
    it and where the next begins."""
    state = context.state
    if state == TEXT:
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
    if state == COMMENT:
        at = text.find("-->", i)
        if at < 0:
            return context, len(text)
        return Context(TEXT), at + 3
    if state == SCRIPT:
        at = _raw_end(text, i, "script")
        if at == i:  # HTML text reads the end tag
            return Context(TEXT), at
        after, step = _js_step(context, text[i:] if at < 0 else text[i:at])
        return after, i + step
    if state == STYLE:
        at = _raw_end(text, i, "style")
        if at == i:  # HTML text reads the end tag
            return Context(TEXT), at
        after, step = _css_step(context, text[i:] if at < 0 else text[i:at])
        return after, i + step
    if state == RCDATA:
        at = _raw_end(text, i, context.element)  # Go's indexTagEnd
        if at < 0:
            return context, len(text)
        return Context(TAG), at + 2 + len(context.element)
    if state == TAG:
        _check_attr_name(text, i)
        while i < len(text) and text[i] in " \t\n\r\f/":
            i += 1
        if i >= len(text):
            return context, i
        if text[i] == ">":
            element = context.element
            if element == "script":
                return Context(SCRIPT, element=element), i + 1
            if element == "style":
                return Context(STYLE, element=element), i + 1
            if element in _RCDATA_ELEMENTS:
                return Context(RCDATA, element=element), i + 1
            return Context(TEXT), i + 1
        end = i
        while end < len(text) and text[end] not in " \t\n\r\f/=>":
            end += 1
        if end == i:  # "=" with no name before it
            got = go_quote(text[i:])
            raise _BadText(f"expected space, attr name, or end of tag, but got {got}")
        name = text[i:end]
        kind = attr_type(name)
        if context.element == "script" and name.lower() == "type":
            kind = "script_type"
        context = replace(context, state=ATTR_NAME, attr=kind)
        if end < len(text):
            context = replace(context, state=AFTER_NAME)
        return context, end
    if state in (ATTR_NAME, AFTER_NAME):
        while i < len(text) and text[i] in " \t\n\r\f":
            i += 1
        if i >= len(text):
            return replace(context, state=AFTER_NAME), i
        if text[i] == "=":
            return replace(context, state=BEFORE_VALUE), i + 1
        return replace(context, state=TAG, attr="plain"), i
    if state == BEFORE_VALUE:
        while i < len(text) and text[i] in " \t\n\r\f":
            i += 1
        if i >= len(text):
            return context, i
        delim = text[i] if text[i] in "\"'" else ""
        context = replace(context, state=ATTR, delim=delim, url_part=URL_NONE)
        return context, i + (1 if delim else 0)
    # ATTR: read the value up to its end
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
                raise _BadText(f"{go_quote(char)} in unquoted attr: {quoted}")
    if context.attr == "css" and end < 0:  # entities decoded, as in Go
        context = _css_after(context, html.unescape(value))
    if context.attr == "url" and end < 0:  # Go's tURL, entities decoded
        context = _url_part_after(context, html.unescape(value))
    if end < 0:
        if context.attr == "js":  # Go reads the value with entities decoded
            context = _js_after(context, html.unescape(value))
        return context, len(text)
    element = context.element
    if context.attr == "script_type" and not is_js_type(value):
        element = ""
    return Context(TAG, element=element), end + (1 if context.delim else 0)


# JavaScript (Go 1.20's js.go and tJS, tJSDelimited, tBlockCmt, tLineCmt).

_JS_SPACE = (
    "\f\n\r\t\v\u0020\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_JS_LINE_ENDS = "\n\r\u2028\u2029"
_REGEXP_PRECEDERS = frozenset(
    "break case continue delete do else finally in instanceof return throw try "
    "typeof void".split()
)
_JS_TYPES = frozenset(
    {
        "",
        "application/ecmascript",
        "application/javascript",
        "application/json",
        "application/ld+json",
        "application/x-ecmascript",
        "application/x-javascript",
        "module",
        "text/ecmascript",
        "text/javascript",
        "text/javascript1.0",
        "text/javascript1.1",
        "text/javascript1.2",
        "text/javascript1.3",
        "text/javascript1.4",
        "text/javascript1.5",
        "text/jscript",
        "text/livescript",
        "text/x-ecmascript",
        "text/x-javascript",
    }
)


class _BadText(Exception):
    """Text the escaper cannot read safely (Go's escaping errors)."""


def is_js_type(mime_type: str) -> bool:
    """Go's isJSType: whether a script of this ``type`` holds JavaScript
    (else its body is HTML text)."""
    return mime_type.partition(";")[0].lower().strip() in _JS_TYPES


def _has_line_end(text: str) -> bool:
    return any(char in _JS_LINE_ENDS for char in text)


def _is_js_ident_part(char: str) -> bool:
    return char == "$" or char == "_" or (char.isascii() and char.isalnum())


def _next_js_ctx(code: str, preceding: str) -> str:
    """Go's nextJSCtx: whether a "/" after ``code`` starts a regexp."""
    code = code.rstrip(_JS_SPACE)
    if not code:
        return preceding
    last = code[-1]
    if last in "+-":
        run = len(code) - len(code.rstrip(last))
        return "regexp" if run % 2 else "divop"
    if last == ".":
        return "divop" if len(code) > 1 and code[-2] in "0123456789" else "regexp"
    if last in ",<>=*%&|^?!~([:;{}":
        return "regexp"
    start = len(code)
    while start and _is_js_ident_part(code[start - 1]):
        start -= 1
    return "regexp" if code[start:] in _REGEXP_PRECEDERS else "divop"


def _js_step(context: Context, code: str) -> tuple[Context, int]:
    """One JavaScript transition from the start of ``code``."""
    js = context.js
    if js == "":
        found = re.search(r"[\"'/]", code)
        if not found:
            return replace(context, js_ctx=_next_js_ctx(code, context.js_ctx)), len(
                code
            )
        at = found.start()
        js_ctx = _next_js_ctx(code[:at], context.js_ctx)
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
        raise _BadText(
            f"'/' could start a division or regexp: {go_quote(code[at:][:32])}"
        )
    if js == "/*":
        at = code.find("*/")
        if at < 0:
            return context, len(code)
        return replace(context, js=""), at + 2
    if js == "//":
        found = re.search(f"[{_JS_LINE_ENDS}]", code)
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
                raise _BadText(
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
        raise _BadText(f"unfinished JS regexp charset: {go_quote(code)}")
    return context, len(code)


def _js_after(context: Context, code: str) -> Context:
    i = 0
    while i < len(code):
        context, step = _js_step(context, code[i:])
        i += step
    return context


_CSS_SPACE = "\t\n\f\r "
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
            if char == "(" and _ends_with_url(code[:at].rstrip(_CSS_SPACE)):
                j = len(code) - len(code[at + 1 :].lstrip(_CSS_SPACE))
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
            return _url_part_after(context, _decode_css(code[k:])), len(code)
        at = found.start()
        if code[at] != "\\":
            return replace(context, css=""), at + 1
        at += 1
        if at == len(code):
            raise _BadText(
                f"unfinished escape sequence in CSS string: {go_quote(code)}"
            )
        context = _url_part_after(context, _decode_css(code[: at + 1]))
        k = at + 1


def _css_after(context: Context, code: str) -> Context:
    i = 0
    while i < len(code):
        context, step = _css_step(context, code[i:])
        i += step
    return context


def _ends_with_url(text: str) -> bool:
    """Go's endsWithCSSKeyword(text, "url")."""
    if len(text) < 3 or text[-3:].lower() != "url":
        return False
    return len(text) == 3 or not _is_css_nmchar(text[-4])


def _url_part_after(context: Context, text: str) -> Context:
    """Go's tURL: a "?" or "#" starts the query; anything else but spaces
    the path."""
    if "?" in text or "#" in text:
        return replace(context, url_part=URL_QUERY)
    if text.strip(_CSS_SPACE) and context.url_part == URL_NONE:
        return replace(context, url_part=URL_PRE_QUERY)
    return context


def _check_attr_name(text: str, i: int) -> None:
    """Go's eatAttrName: a quote or "<" in an attribute name is an error."""
    found = re.compile(r"[ \t\n\f\r]*[^ \t\n\f\r=>\"'<]*([\"'<])").match(text, i)
    if found:
        char, ahead = go_quote(found.group(1)), go_quote(text[i : i + 32])
        raise _BadText(f"{char} in attribute name: {ahead}")


def _nudge(context: Context) -> Context:
    """Go's nudge: an action where a name or a value may start begins one."""
    if context.state == TAG:
        return replace(context, state=ATTR_NAME, attr="plain")
    if context.state == AFTER_NAME:
        return replace(context, state=ATTR_NAME, attr="plain")
    if context.state == BEFORE_VALUE:
        return replace(context, state=ATTR, delim="", url_part=URL_NONE)
    return context


_JS_ESCAPERS = {
    "": "_html_template_jsvalescaper",
    '"': "_html_template_jsstrescaper",
    "'": "_html_template_jsstrescaper",
    "/": "_html_template_jsregexpescaper",
    "/*": "_html_template_commentescaper",
    "//": "_html_template_commentescaper",
}
_SRCSET = "_html_template_srcsetescaper"


def _url_escapers(context: Context, node: Node, path_escaper: str) -> list[str]:
    """Go's escapers for a part of a URL: the scheme filtered at its start,
    then the path, or the query escaped."""
    if context.url_part == URL_UNKNOWN:
        message = f"{node} appears in an ambiguous context within a URL"
        raise _Unsupported(message, node)
    if context.url_part == URL_NONE:
        return ["_html_template_urlfilter", path_escaper]
    if context.url_part == URL_PRE_QUERY:
        return [path_escaper]
    return ["_html_template_urlescaper"]


def _css_escapers(context: Context, node: Node) -> list[str]:
    """Go's escapers in CSS: a value filtered, a string or url(...) as a URL
    (a string's path CSS-escaped), nothing printed in a comment."""
    if context.css == "":
        return ["_html_template_cssvaluefilter"]
    if context.css in ("/*", "//"):
        return ["_html_template_commentescaper"]
    string = context.css in ("'", '"')
    path = "_html_template_cssescaper" if string else "_html_template_urlnormalizer"
    return _url_escapers(context, node, path)


def _escapers(context: Context, node: Node, name: str) -> list[str]:
    """Go's escaper function names for an action printing in ``context``."""
    state = context.state
    if state == TEXT:
        return ["_html_template_htmlescaper"]
    if state == COMMENT:
        return ["_html_template_commentescaper"]
    if state == RCDATA and context.attr == "plain":
        return ["_html_template_rcdataescaper"]
    if state == SCRIPT:
        return [_JS_ESCAPERS[context.js]]
    if state == ATTR and context.attr in ("js", "srcset"):
        last = "attr" if context.delim else "htmlnospace"
        first = _JS_ESCAPERS[context.js] if context.attr == "js" else _SRCSET
        return [first, f"_html_template_{last}escaper"]
    if state == STYLE:
        return _css_escapers(context, node)
    if state == ATTR and context.attr == "css":
        last = "attr" if context.delim else "htmlnospace"
        return [*_css_escapers(context, node), f"_html_template_{last}escaper"]
    if state in (TAG, ATTR_NAME, AFTER_NAME):
        return ["_html_template_htmlnamefilter"]
    if state == ATTR and context.attr in ("plain", "url", "script_type"):
        chain = []
        if context.attr == "url":
            chain += _url_escapers(context, node, "_html_template_urlnormalizer")
        if context.delim:
            chain.append("_html_template_attrescaper")
        else:
            chain.append("_html_template_htmlnospaceescaper")
        return chain
    what = {
        COMMENT: "an HTML comment",
        BEFORE_VALUE: "the start of an attribute value",
    }.get(state, f"a {context.attr or context.element} context")
    raise _Unsupported(f"escaping {node} in {what} is not supported yet", node)


class _Unsupported(Exception):
    """A place the escaper does not handle, and the node found there."""

    def __init__(self, message: str, node: Node):
        super().__init__(message)
        self.node = node


_EQUIVALENT = {
    "_html_template_attrescaper": "html",
    "_html_template_htmlescaper": "html",
    "_html_template_rcdataescaper": "html",
    "_html_template_urlescaper": "urlquery",
    "_html_template_urlnormalizer": "urlquery",
}


def _add_escapers(action: ActionNode, names: list[str]) -> None:
    pipe = action.pipe
    last = pipe.cmds[-1].args[0] if pipe.cmds else None
    keep = pipe.cmds
    if isinstance(last, IdentifierNode) and last.ident in ("html", "urlquery"):
        predefined = last.ident
        replaced = [
            predefined if _EQUIVALENT.get(n) == predefined else n for n in names
        ]
        if replaced != names:
            if len(pipe.cmds) == 1 and len(pipe.cmds[0].args) > 1:
                args = pipe.cmds[0].args
                keep = [
                    CommandNode(
                        args[0].pos,
                        [IdentifierNode(args[0].pos, "_eval_args_"), *args[1:]],
                    )
                ]
            else:
                keep = pipe.cmds[:-1]
            names = replaced
    pipe.cmds = keep + [
        CommandNode(action.pos, [IdentifierNode(action.pos, name)]) for name in names
    ]


def escape_trees(trees: Mapping[str, Tree], names: list[str]) -> None:
    """Add escapers to the actions of trees ``names`` (each starts in HTML text)."""
    for name in names:
        tree = trees[name]
        try:
            end = _escape_list(tree.root, Context(), tree)
        except _Unsupported as error:
            line, col = position(tree.text, error.node.pos)
            raise TemplateError(
                f"html/template:{tree.parse_name}:{line}:{col}: {error}",
                tree.parse_name,
                line,
                col,
            ) from None
        if end.state != TEXT and name == tree.parse_name:
            line = tree.text.count("\n") + 1
            raise TemplateError(
                f"html/template:{name}: ends in a non-text context "
                f"({_where(end)}): close it",
                name,
                line,
            )


def _where(context: Context) -> str:
    """Where a template ends, in words, for Go's ErrEndContext."""
    if context.state == SCRIPT:
        return "inside <script>"
    if context.state == STYLE:
        return "inside <style>"
    if context.state == RCDATA:
        return f"inside <{context.element}>"
    if context.state == COMMENT:
        return "inside an HTML comment"
    if context.state == ATTR:
        return f"inside a {context.attr} attribute value"
    return "inside a tag"


def _escape_list(node: Node, context: Context, tree: Tree) -> Context:
    if isinstance(node, ListNode):
        for child in node.nodes:
            context = _escape_list(child, context, tree)
        return context
    if isinstance(node, TextNode):
        try:
            after, node.text = _advance(context, node.text)
        except _BadText as error:
            raise _Unsupported(str(error), node) from None
        return after
    if isinstance(node, ActionNode):
        if node.pipe.decl:
            return context
        context = _nudge(context)
        _add_escapers(node, _escapers(context, node, tree.name))
        in_js = context.state == SCRIPT or context.attr == "js"
        if in_js and context.state in (SCRIPT, ATTR) and context.js == "":
            context = replace(context, js_ctx="divop")  # a value, then "/" divides
        return context
    if isinstance(node, BranchNode):
        after = _escape_list(node.body, context, tree)
        if isinstance(node, RangeNode) and after != context:
            after = _join(after, _escape_list(node.body, after, tree), node)
        if node.else_list is not None:
            return _join(after, _escape_list(node.else_list, context, tree), node)
        return _join(after, context, node)
    if isinstance(node, TemplateNode) and context.state != TEXT:
        raise _Unsupported(f"calling {go_quote(node.name)} outside HTML text", node)
    return context


def _join(a: Context, b: Context, node: BranchNode) -> Context:
    """Go's join: branches must end in one context, a nudged one will do; so
    will two places in a URL, or in JavaScript one where a "/" would divide
    and one where it starts a regexp (an action or "/" next is an error)."""
    if a == b:
        return a
    if replace(a, url_part=b.url_part) == b:
        return replace(a, url_part=URL_UNKNOWN)
    if replace(a, js_ctx=b.js_ctx) == b:
        return replace(a, js_ctx="unknown")
    if _nudge(a) == _nudge(b):
        return _nudge(a)
    raise _Unsupported(
        f"{{{{{node.keyword}}}}} branches end in different contexts", node
    )


# The escapers (html/template's html.go, url.go, content.go).


_TRUSTED = (HTML, HTMLAttr, URL, CSS, JS, JSStr)


def _stringify(args: tuple) -> tuple[str, type]:
    if len(args) == 1:
        value = args[0]
        if isinstance(value, _TRUSTED):
            return str(value), type(value)
        if isinstance(value, str):
            return value, str
    values = [arg for arg in args if arg is not None and arg is not MISSING]
    return sprint(*values), str


_HTML_TABLE = {
    "\0": "\ufffd",
    '"': "&#34;",
    "&": "&amp;",
    "'": "&#39;",
    "+": "&#43;",
    "<": "&lt;",
    ">": "&gt;",
}
_HTML_NORM_TABLE = {k: v for k, v in _HTML_TABLE.items() if k != "&"}
_NOSPACE_TABLE = {
    **_HTML_TABLE,
    "\0": "&#xfffd;",
    "\t": "&#9;",
    "\n": "&#10;",
    "\v": "&#11;",
    "\f": "&#12;",
    "\r": "&#13;",
    " ": "&#32;",
    "=": "&#61;",
    "`": "&#96;",
}
_NOSPACE_NORM_TABLE = {k: v for k, v in _NOSPACE_TABLE.items() if k != "&"}


def _replace(text: str, table: dict[str, str]) -> str:
    return "".join(table.get(char, char) for char in text)


_TAG_SPACE = " \t\n\f\r"
# The elements whose content html/template does not read as HTML: the text
# of title and textarea is kept, of script and style dropped.
_RAW_ELEMENTS = {"script": False, "style": False, "textarea": True, "title": True}


def _tag_name_end(text: str, i: int) -> int:
    """html/template's eatTagName: ``x``, ``x-y``, ``x:y``."""
    if i == len(text) or not (text[i].isascii() and text[i].isalpha()):
        return i
    j = i + 1
    while j < len(text):
        char = text[j]
        if char.isascii() and char.isalnum():
            j += 1
        elif (
            char in ":-"
            and j + 1 < len(text)
            and text[j + 1].isascii()
            and text[j + 1].isalnum()
        ):
            j += 2
        else:
            break
    return j


def _raw_end(text: str, i: int, element: str) -> int:
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


def strip_tags(text: str) -> str:
    """html/template's stripTags: the text outside tags and comments, read
    with html/template's own idea of where a tag ends (quoted values)."""
    out: list[str] = []
    i, all_text = 0, True
    state, element, delim = "text", "", ""
    while i < len(text):
        if delim:
            ends = _TAG_SPACE + ">" if delim == " " else delim
            found = min(
                (at for at in map(lambda c: text.find(c, i), ends) if at >= 0),
                default=-1,
            )
            if found < 0:
                break
            i = found + (0 if delim == " " else 1)
            state, delim = "tag", ""
            continue
        start, previous = i, state
        kept = state == "text" or (state == "raw" and _RAW_ELEMENTS[element])
        if state == "text":
            state, element, i = _text_step(text, i)
        elif state == "raw":
            at = _raw_end(text, i, element)
            state, element, i = (
                ("text", "", at) if at >= 0 else ("raw", element, len(text))
            )
        elif state == "comment":
            at = text.find("-->", i)
            state, i = ("text", at + 3) if at >= 0 else ("comment", len(text))
        else:
            state, element, delim, i = _tag_step(text, i, state, element)
        if kept:
            end = i
            if state != previous:
                at = text.rfind("<", start, i)
                end = at if at >= 0 else i
            out.append(text[start:end])
        else:
            all_text = False
    return text if all_text else "".join(out)


def _text_step(text: str, i: int) -> tuple[str, str, int]:
    k = i
    while True:
        at = text.find("<", k)
        if at < 0 or at + 1 == len(text):
            return "text", "", len(text)
        if text.startswith("<!--", at):
            return "comment", "", at + 4
        j = at + 1
        end_tag = False
        if text[j] == "/":
            if j + 1 == len(text):
                return "text", "", len(text)
            end_tag, j = True, j + 1
        name_end = _tag_name_end(text, j)
        if name_end != j:
            name = "" if end_tag else text[j:name_end].lower()
            return "tag", name if name in _RAW_ELEMENTS else "", name_end
        k = name_end


def _tag_step(text: str, i: int, state: str, element: str) -> tuple[str, str, str, int]:
    """One step inside a tag: html/template's tTag, tAttrName, tAfterName
    and tBeforeValue; ``"error"`` swallows the rest, as Go's tError."""
    if state == "error":
        return "error", element, "", len(text)
    if state in ("tag", "after_name", "before_value"):
        while i < len(text) and text[i] in _TAG_SPACE:
            i += 1
        if i == len(text):
            return state, element, "", i
    if state == "tag" and text[i] == ">":
        return ("raw" if element else "text"), element, "", i + 1
    if state in ("tag", "attr_name"):
        j = i
        while j < len(text) and text[j] not in _TAG_SPACE + "=>":
            if text[j] in "'\"<":
                return "error", element, "", len(text)
            j += 1
        if state == "tag" and j == i:
            return "error", element, "", len(text)
        return ("attr_name" if j == len(text) else "after_name"), element, "", j
    if state == "after_name":
        if text[i] != "=":
            return "tag", element, "", i
        return "before_value", element, "", i + 1
    delim = text[i] if text[i] in "'\"" else " "
    return "value", element, delim, i + (0 if delim == " " else 1)


def html_escaper(*args: Any) -> str:
    text, kind = _stringify(args)
    if kind is HTML:
        return text
    return _replace(text, _HTML_TABLE)


def rcdata_escaper(*args: Any) -> str:
    text, kind = _stringify(args)
    if kind is HTML:
        return _replace(text, _HTML_NORM_TABLE)
    return _replace(text, _HTML_TABLE)


def attr_escaper(*args: Any) -> str:
    text, kind = _stringify(args)
    if kind is HTML:
        return _replace(strip_tags(text), _HTML_NORM_TABLE)
    return _replace(text, _HTML_TABLE)


def nospace_escaper(*args: Any) -> str:
    text, kind = _stringify(args)
    if kind is HTML:
        text = _replace(strip_tags(text), _NOSPACE_NORM_TABLE)
    else:
        text = _replace(text, _NOSPACE_TABLE)
    return text


def name_filter(*args: Any) -> str:
    text, kind = _stringify(args)
    if kind is HTMLAttr:
        return text
    text = text.lower()
    if (
        not text
        or attr_type(text) != "plain"
        or not text.isalnum()
        or not text.isascii()
    ):
        return FAILSAFE
    return text


def is_safe_url(url: str) -> bool:
    protocol, colon, _ = url.partition(":")
    if colon and "/" not in protocol:
        return protocol.lower() in ("http", "https", "mailto")
    return True


def url_filter(*args: Any) -> str:
    text, kind = _stringify(args)
    if kind is URL or is_safe_url(text):
        return text if kind is not URL else URL(text)
    return "#" + FAILSAFE


_URL_KEEP = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
_URL_NORM_KEEP = set("!#$&*+,/:;=?@[]")
_HEX = re.compile(rb"[0-9a-fA-F]{2}")


def _process_url(args: tuple, normalize: bool) -> str:
    """Go's processURLOnto: %-encode what a URL may not hold as it is
    (normalising keeps reserved characters and valid %xx escapes)."""
    text, kind = _stringify(args)
    return _url_text(text, normalize or kind is URL)


def _url_text(text: str, normalize: bool) -> str:
    data = text.encode("utf-8")
    out = []
    for i, byte in enumerate(data):
        char = chr(byte)
        if char in _URL_KEEP or (normalize and char in _URL_NORM_KEEP):
            out.append(char)
        elif char == "%" and normalize and _HEX.fullmatch(data[i + 1 : i + 3]):
            out.append(char)
        else:
            out.append(f"%{byte:02x}")
    return "".join(out)


def url_normalizer(*args: Any) -> str:
    return _process_url(args, True)


def url_escaper(*args: Any) -> str:
    return _process_url(args, False)


def _eval_args(*args: Any) -> str:
    """text/template's evalArgs, for {{html x y}} rewritten as {{x y | html}}."""
    if len(args) == 1 and isinstance(args[0], str):
        return args[0]
    return sprint(*("<no value>" if arg is None else arg for arg in args))


def _is_css_nmchar(char: str) -> bool:
    return char.isalnum() or char in "-_" or not char.isascii()


_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\n\f]?|(.)|$)", re.DOTALL)


def _decode_css(text: str) -> str:
    """Go's decodeCSS: CSS escapes (``\\41``, ``\\;``) to their characters; a
    backslash at the end goes."""

    def decode(match: re.Match) -> str:
        if match.group(1):
            code = int(match.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"
        return match.group(2) or ""

    return _CSS_ESCAPE.sub(decode, text)


def css_value_filter(*args: Any) -> str:
    """Go's cssValueFilter: a value that could leave the CSS value, or run
    an expression, becomes ZgotmplZ."""
    if len(args) == 1 and isinstance(args[0], CSS):
        return str(args[0])
    text, _ = _stringify(args)
    text = _decode_css(text)
    for i, char in enumerate(text):
        if char in "\0\"'()/;@[\\]`{}":  # after decoding, \\ was escaped
            return FAILSAFE
        if char == "-" and i and text[i - 1] == "-":
            return FAILSAFE
    name = "".join(c for c in text if c.isascii() and _is_css_nmchar(c)).lower()
    if "expression" in name or "mozbinding" in name:
        return FAILSAFE
    return text


def comment_escaper(*args: Any) -> str:
    """What an action inside an HTML comment prints: nothing."""
    return ""


# JavaScript escapers (Go 1.20's js.go); control characters first.
_JS_LOW = {chr(n): f"\\u{n:04x}" for n in range(0x20)}
_JS_LOW.update({"\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"})
_JS_LINES = {"\u2028": "\\u2028", "\u2029": "\\u2029"}
_JS_STR_NORM_TABLE = {
    **_JS_LOW,
    **_JS_LINES,
    '"': "\\u0022",
    "&": "\\u0026",
    "'": "\\u0027",
    "+": "\\u002b",
    "/": "\\/",
    "<": "\\u003c",
    ">": "\\u003e",
}
_JS_STR_TABLE = {**_JS_STR_NORM_TABLE, "\\": "\\\\"}
_JS_REGEXP_TABLE = {
    **_JS_STR_TABLE,
    **{char: "\\" + char for char in "$()*-.?[]^{|}"},
}


def js_str_escaper(*args: Any) -> str:
    """Go's jsStrEscaper: a JS string's body, safe in HTML too; a trusted
    JSStr keeps its own backslash escapes."""
    text, kind = _stringify(args)
    return _replace(text, _JS_STR_NORM_TABLE if kind is JSStr else _JS_STR_TABLE)


def js_regexp_escaper(*args: Any) -> str:
    """Go's jsRegexpEscaper: matched literally in a regexp; never empty,
    so that ``/{{.x}}/`` is not a line comment."""
    text, _ = _stringify(args)
    return _replace(text, _JS_REGEXP_TABLE) or "(?:)"


def js_val_escaper(*args: Any) -> str:
    """Go's jsValEscaper: the value as a JS expression, JSON as Go's
    encoding/json writes it, padded with spaces where it would run into a
    keyword; a trusted JS as it is, a JSStr quoted."""
    if len(args) == 1:
        value = args[0]
        if isinstance(value, JS):
            return str(value)
        if isinstance(value, JSStr):
            return f'"{value}"'
    else:
        value = sprint(*args)
    try:
        text = _json(value)
    except (TypeError, ValueError) as error:
        message = str(error).replace("*/", "* /")
        return f" /* {message} */null "
    if _is_js_ident_part(text[0]) or _is_js_ident_part(text[-1]):
        return f" {text} "
    return text


_JSON_TABLE = {
    **{chr(n): f"\\u{n:04x}" for n in range(0x20)},
    **_JS_LINES,
    "\t": "\\t",
    "\n": "\\n",
    "\r": "\\r",
    '"': '\\"',
    "\\": "\\\\",
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
}


def json_string(text: str) -> str:
    """A string as Go's encoding/json writes it, HTML-safe (``<`` is
    ``\\u003c``), as json.Marshal and html/template's JS values do."""
    return '"' + _replace(text, _JSON_TABLE) + '"'


def _json(value: Any) -> str:
    """Go's json.Marshal for the values a template holds (maps with sorted
    keys); an object with Go's ``MarshalJSON`` (a time) is what that says,
    another is its printed form, as a string."""
    if value is None or value is MISSING:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return json_float(value)
    if isinstance(value, str):
        return json_string(value)
    if isinstance(value, Mapping):
        items = sorted((str(key), item) for key, item in value.items())
        return "{" + ",".join(f"{_json(k)}:{_json(v)}" for k, v in items) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_json(item) for item in value) + "]"
    marshal = getattr(value, "MarshalJSON", None)  # Go's json.Marshaler
    if callable(marshal):
        return str(marshal())
    return _json(sprint(value))


_HTML_SPACE = "\t\n\f\r "


def srcset_escaper(*args: Any) -> str:
    """Go's srcsetFilterAndEscaper: each comma-separated image candidate
    keeps a safe URL (normalised) and plain metadata (``2x``, ``100w``),
    else becomes ``#ZgotmplZ``; a trusted URL is one normalised URL."""
    text, kind = _stringify(args)
    if kind is URL:
        return _url_text(text, True).replace(",", "%2c")
    return ",".join(_srcset_candidate(part) for part in text.split(","))


def _srcset_candidate(text: str) -> str:
    start = len(text) - len(text.lstrip(_HTML_SPACE))
    end = start
    while end < len(text) and text[end] not in _HTML_SPACE:
        end += 1
    url, metadata = text[start:end], text[end:]
    plain = all(c in _HTML_SPACE or (c.isascii() and c.isalnum()) for c in metadata)
    if is_safe_url(url) and plain:
        return text[:start] + _url_text(url, True) + metadata
    return "#" + FAILSAFE


_CSS_TABLE = {
    "\0": "\\0",
    "\t": "\\9",
    "\n": "\\a",
    "\f": "\\c",
    "\r": "\\d",
    '"': "\\22",
    "&": "\\26",
    "'": "\\27",
    "(": "\\28",
    ")": "\\29",
    "+": "\\2b",
    "/": "\\2f",
    ":": "\\3a",
    ";": "\\3b",
    "<": "\\3c",
    ">": "\\3e",
    "\\": "\\\\",
    "{": "\\7b",
    "}": "\\7d",
}


def css_escaper(*args: Any) -> str:
    """Go's cssEscaper: CSS hex escapes, with a space after one where a hex
    digit or a space follows (or at the end)."""
    text, _ = _stringify(args)
    out = []
    for n, char in enumerate(text):
        escaped = _CSS_TABLE.get(char)
        if escaped is None:
            out.append(char)
            continue
        out.append(escaped)
        after = text[n + 1 : n + 2]
        if char != "\\" and (
            not after or after in "0123456789abcdefABCDEF" + _CSS_SPACE
        ):
            out.append(" ")
    return "".join(out)


ESCAPERS = {
    "_html_template_cssescaper": css_escaper,
    "_html_template_jsvalescaper": js_val_escaper,
    "_html_template_jsstrescaper": js_str_escaper,
    "_html_template_jsregexpescaper": js_regexp_escaper,
    "_html_template_srcsetescaper": srcset_escaper,
    "_html_template_cssvaluefilter": css_value_filter,
    "_html_template_commentescaper": comment_escaper,
    "_html_template_htmlescaper": html_escaper,
    "_html_template_rcdataescaper": rcdata_escaper,
    "_html_template_attrescaper": attr_escaper,
    "_html_template_htmlnospaceescaper": nospace_escaper,
    "_html_template_htmlnamefilter": name_filter,
    "_html_template_urlfilter": url_filter,
    "_html_template_urlnormalizer": url_normalizer,
    "_html_template_urlescaper": url_escaper,
    "_eval_args_": _eval_args,
}
