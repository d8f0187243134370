"""html/template's escape.go: the escaping pass over parsed trees.

The pass reads the template's own HTML text to know where each action
prints (``context``, moved by ``transition``) and appends Go's escaper for
that place to the action's pipeline, as Go 1.20's html/template does;
branches must end in one context. ``ESCAPERS`` names the escaper
functions (``html``, ``url``, ``js``, ``css``) a set adds to its own.
What Go refuses, and a ``{{template}}`` call outside HTML text (not
handled yet), is an error when parsed, never unescaped output."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ..errors import TemplateError, position
from ..exec import Tree
from ..gofmt import go_quote, sprint
from ..nodes import (
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
    URL_UNKNOWN,
    Context,
    is_comment,
)
from .css import css_escaper, css_value_filter
from .html import (
    attr_escaper,
    comment_escaper,
    html_escaper,
    name_filter,
    nospace_escaper,
    rcdata_escaper,
)
from .js import has_line_end, js_regexp_escaper, js_str_escaper, js_val_escaper
from .transition import BadText, step
from .url import srcset_escaper, url_escaper, url_filter, url_normalizer

logger = logging.getLogger(__name__)


def _advance(context: Context, text: str) -> tuple[Context, str]:
    """The context after ``text``, and ``text`` as Go's escapeText writes it:
    without HTML comments and a script's JS comments (a block comment becomes
    a space, or a newline if it held one; a line comment's end of line
    stays), and with a "<" in HTML text that starts no tag escaped."""
    out: list[str] = []
    i = written = 0
    while i < len(text):
        after, end = step(context, text, i)
        if context.state == TEXT or (
            context.state == RCDATA and context.element in RCDATA_ELEMENTS
        ):
            # A "<" that starts no tag, comment or doctype becomes "&lt;".
            stop = end if after.state == context.state else text.rfind("<", i, end)
            for at in range(i, stop):
                if text[at] == "<" and text[at : at + 9].upper() != "<!DOCTYPE":
                    out.append(text[written:at] + "&lt;")
                    written = at + 1
        if is_comment(context):
            if context.state == SCRIPT and context.js == "/*":
                out.append("\n" if has_line_end(text[written:end]) else " ")
            if context.state == STYLE and context.css == "/*":
                out.append(" ")
            written = end
        if (after.state, after.js, after.css) != (
            context.state,
            context.js,
            context.css,
        ):
            if is_comment(after):
                opener = 4 if after.state == COMMENT else 2
                out.append(text[written : end - opener])
                written = end
        context, i = after, end
    if not written:
        return context, text
    if not is_comment(context):
        out.append(text[written:])
    return context, "".join(out)


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
        except BadText as error:
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


def _eval_args(*args: Any) -> str:
    """text/template's evalArgs, for {{html x y}} rewritten as {{x y | html}}."""
    if len(args) == 1 and isinstance(args[0], str):
        return args[0]
    return sprint(*("<no value>" if arg is None else arg for arg in args))


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
