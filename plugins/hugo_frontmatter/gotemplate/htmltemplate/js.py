"""html/template's js.go as Go 1.20 has it: whether a "/" after some code
starts a regexp (``nextJSCtx``), which script types hold JavaScript, and
the escapers for a JS value (JSON), a JS string's body and a regexp's."""

from __future__ import annotations

import logging
from typing import Any

from ..gofmt import sprint
from ..gojson import json_string, marshal
from .content import JS, JSStr, replace_chars, stringify

logger = logging.getLogger(__name__)

_JS_SPACE = (
    "\f\n\r\t\v\u0020\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
JS_LINE_ENDS = "\n\r\u2028\u2029"
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


def is_js_type(mime_type: str) -> bool:
    """Go's isJSType: whether a script of this ``type`` holds JavaScript
    (else its body is HTML text)."""
    return mime_type.partition(";")[0].lower().strip() in _JS_TYPES


def has_line_end(text: str) -> bool:
    """Whether ``text`` holds a JS line end (a dropped block comment then
    becomes a newline, not a space)."""
    return any(char in JS_LINE_ENDS for char in text)


def _is_js_ident_part(char: str) -> bool:
    return char == "$" or char == "_" or (char.isascii() and char.isalnum())


def next_js_ctx(code: str, preceding: str) -> str:
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
    text, kind = stringify(args)
    return replace_chars(text, _JS_STR_NORM_TABLE if kind is JSStr else _JS_STR_TABLE)


def js_regexp_escaper(*args: Any) -> str:
    """Go's jsRegexpEscaper: matched literally in a regexp; never empty,
    so that ``/{{.x}}/`` is not a line comment."""
    text, _ = stringify(args)
    return replace_chars(text, _JS_REGEXP_TABLE) or "(?:)"


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
        text = marshal(value, _other_json)
    except (TypeError, ValueError) as error:
        message = str(error).replace("*/", "* /")
        return f" /* {message} */null "
    if _is_js_ident_part(text[0]) or _is_js_ident_part(text[-1]):
        return f" {text} "
    return text


def _other_json(value: Any) -> str:
    """A JS value that is not JSON's own: what Go's ``MarshalJSON`` says (a
    time), else the value's printed form, as a string."""
    marshal_json = getattr(value, "MarshalJSON", None)  # Go's json.Marshaler
    if callable(marshal_json):
        return str(marshal_json())
    return json_string(sprint(value))
