"""Go's predefined template functions (text/template/funcs.go).

Each raises ``ValueError`` with Go's words where Go's returns an error; the
evaluator turns that into ``error calling NAME: ...``."""

from __future__ import annotations

import logging
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .exec import MISSING, arity_of, is_true
from .gofmt import sprint, sprintf, sprintln, type_name

logger = logging.getLogger(__name__)

_BAD_TYPE = "invalid type for comparison"
_INCOMPATIBLE = "incompatible types for comparison"


def _and(first: Any, *rest: Any) -> Any:
    """Used only through call: the evaluator short-circuits the real one."""
    for value in (first, *rest):
        if not is_true(value):
            return value
    return value


def _or(first: Any, *rest: Any) -> Any:
    for value in (first, *rest):
        if is_true(value):
            return value
    return value


_and.go_builtin = True  # type: ignore[attr-defined]
_or.go_builtin = True  # type: ignore[attr-defined]


def _not(value: Any) -> bool:
    return not is_true(value)


def _kind(value: Any) -> str:
    """Go's basicKind of a value Hugo holds."""
    if value is None or value is MISSING:
        return "invalid"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "string"
    return "other"


def eq(first: Any, *others: Any) -> bool:
    """Go's eq: whether ``first`` equals any of ``others``, of the same basic kind."""
    if not others:
        raise ValueError("missing argument for comparison")
    kind = _kind(first)
    for other in others:
        other_kind = _kind(other)
        if kind != other_kind:
            if kind != "invalid" and other_kind != "invalid":
                raise ValueError(_INCOMPATIBLE)
            continue
        if kind == "invalid":
            return True
        if kind == "other":
            for value in (first, other):
                if isinstance(value, (list, tuple, Mapping)):
                    shown = sprintf("%s", value)
                    raise ValueError(f"non-comparable type {shown}: {type_name(value)}")
            if first is other or first == other:
                return True
            continue
        if first == other:
            return True
    return False


def ne(first: Any, second: Any) -> bool:
    return not eq(first, second)


def lt(first: Any, second: Any) -> bool:
    """Go's lt: numbers with numbers of the same kind, strings with strings."""
    kind, other_kind = _kind(first), _kind(second)
    if kind in ("invalid", "other") or other_kind in ("invalid", "other"):
        raise ValueError(_BAD_TYPE)
    if kind != other_kind:
        raise ValueError(_INCOMPATIBLE)
    if kind == "bool":
        raise ValueError(_BAD_TYPE)
    if kind == "string":
        return first.encode("utf-8") < second.encode("utf-8")
    return first < second


def le(first: Any, second: Any) -> bool:
    return lt(first, second) or eq(first, second)


def gt(first: Any, second: Any) -> bool:
    return not le(first, second)


def ge(first: Any, second: Any) -> bool:
    return not lt(first, second)


def length(item: Any) -> int:
    """Go's len: bytes of a string, items of a list or map."""
    if item is None or item is MISSING:
        raise ValueError("reflect: call of reflect.Value.Type on zero Value")
    if isinstance(item, str):
        return len(item.encode("utf-8"))
    if isinstance(item, (list, tuple, Mapping)) or (
        isinstance(item, Sequence) and not isinstance(item, bytes)
    ):
        return len(item)
    raise ValueError(f"len of type {type_name(item)}")


def _index_arg(index: Any, cap: int) -> int:
    if index is None:
        raise ValueError("cannot index slice/array with nil")
    if not isinstance(index, int) or isinstance(index, bool):
        raise ValueError(f"cannot index slice/array with type {type_name(index)}")
    if index < 0 or index > cap:
        raise ValueError(f"index out of range: {index}")
    return index


def index(item: Any, *indexes: Any) -> Any:
    """Go's index: item[i][j]... over lists, strings (a byte) and maps."""
    if item is None:
        raise ValueError("index of untyped nil")
    for key in indexes:
        if item is None:
            raise ValueError("index of nil pointer")
        if isinstance(item, str):
            data = item.encode("utf-8")
            position = _index_arg(key, len(data))
            if position == len(data):
                raise ValueError("reflect: string index out of range")
            item = data[position]
        elif isinstance(item, Mapping):
            if not isinstance(key, str):
                if key is None:
                    raise ValueError("value is nil; should be of type string")
                raise ValueError(f"value has type {type_name(key)}; should be string")
            item = item.get(key)
        elif isinstance(item, (list, tuple)) or (
            isinstance(item, Sequence) and not isinstance(item, bytes)
        ):
            position = _index_arg(key, len(item))
            if position == len(item):
                raise ValueError("reflect: slice index out of range")
            item = item[position]
        else:
            raise ValueError(f"can't index item of type {type_name(item)}")
    return item


def slice_(item: Any, *indexes: Any) -> Any:
    """Go's slice: item[i:j] of a list or (by bytes) of a string."""
    if item is None:
        raise ValueError("slice of untyped nil")
    if len(indexes) > 3:
        raise ValueError(f"too many slice indexes: {len(indexes)}")
    if isinstance(item, str):
        if len(indexes) == 3:
            raise ValueError("cannot 3-index slice a string")
        data = item.encode("utf-8")
    elif isinstance(item, (list, tuple)):
        data = item
    else:
        raise ValueError(f"can't slice item of type {type_name(item)}")
    bounds = [0, len(data)]
    for i, key in enumerate(indexes):
        if i < 2:
            bounds[i] = _index_arg(key, len(data))
        else:
            _index_arg(key, len(data))
    if bounds[0] > bounds[1]:
        raise ValueError(f"invalid slice index: {bounds[0]} > {bounds[1]}")
    if len(indexes) == 3 and bounds[1] > indexes[2]:
        raise ValueError(f"invalid slice index: {bounds[1]} > {indexes[2]}")
    part = data[bounds[0] : bounds[1]]
    if isinstance(item, str):
        return part.decode("utf-8", errors="replace")
    return list(part)


def _eval_args(args: tuple) -> str:
    """Go's evalArgs: one string as is, anything else through Sprint."""
    if len(args) == 1 and isinstance(args[0], str):
        return args[0]
    return sprint(*("<no value>" if arg is None else arg for arg in args))


_HTML = {
    "\0": "\ufffd",
    '"': "&#34;",
    "'": "&#39;",
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
}
_JS = {
    "\\": "\\\\",
    "'": "\\'",
    '"': '\\"',
    "<": "\\u003C",
    ">": "\\u003E",
    "&": "\\u0026",
    "=": "\\u003D",
}


def html_escape(text: str) -> str:
    """Go's HTMLEscapeString."""
    return "".join(_HTML.get(char, char) for char in text)


def js_escape(text: str) -> str:
    """Go's JSEscapeString."""
    out = []
    for char in text:
        if char in _JS:
            out.append(_JS[char])
        elif char < " ":
            out.append(f"\\u00{ord(char):02X}")
        elif char.isascii() or char.isprintable():
            out.append(char)
        else:
            out.append(f"\\u{ord(char):04X}")
    return "".join(out)


def _html(*args: Any) -> str:
    return html_escape(_eval_args(args))


def _js(*args: Any) -> str:
    return js_escape(_eval_args(args))


def _urlquery(*args: Any) -> str:
    return urllib.parse.quote_plus(_eval_args(args), safe="-_.~")


def _print(*args: Any) -> str:
    return sprint(*args)


def _printf(format: str, *args: Any) -> str:
    return sprintf(format, *args)


_printf.go_arg_types = ("string",)  # type: ignore[attr-defined]


def _println(*args: Any) -> str:
    return sprintln(*args)


def _call(function: Any, *args: Any) -> Any:
    if function is None:
        raise ValueError("call of nil")
    if not callable(function):
        raise ValueError(f"non-function of type {type_name(function)}")
    shape = arity_of(function)
    if shape is not None:
        fixed, variadic = shape
        if variadic and len(args) < fixed:
            raise ValueError(
                f"wrong number of args: got {len(args)} want at least {fixed}"
            )
        if not variadic and len(args) != fixed:
            raise ValueError(f"wrong number of args: got {len(args)} want {fixed}")
    return function(*args)


BUILTINS: dict[str, Callable] = {
    "and": _and,
    "call": _call,
    "html": _html,
    "index": index,
    "slice": slice_,
    "js": _js,
    "len": length,
    "not": _not,
    "or": _or,
    "print": _print,
    "printf": _printf,
    "println": _println,
    "urlquery": _urlquery,
    "eq": eq,
    "ge": ge,
    "gt": gt,
    "le": le,
    "lt": lt,
    "ne": ne,
}
