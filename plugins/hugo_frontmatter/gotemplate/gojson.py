"""Go's encoding/json as templates write it: ``marshal`` (json.Marshal, and
json.MarshalIndent with a prefix and an indent: map keys sorted, strings
HTML-safe with ``\\u003c``, floats as Go writes them). html/template's JS
values (``htmltemplate/js.py``) and Hugo's ``jsonify`` both write through
it; each says, through ``other``, what a value JSON has no form for is."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Mapping
from typing import Any

from .exec import MISSING
from .gofmt import format_float

logger = logging.getLogger(__name__)

_JSON_TABLE = {
    **{chr(n): f"\\u{n:04x}" for n in range(0x20)},
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
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
    return '"' + "".join(_JSON_TABLE.get(char, char) for char in text) + '"'


def json_float(value: float) -> str:
    """A float as Go's encoding/json writes it (``1e+21`` is ``1e+21``,
    ``0.0000001`` is ``1e-7``); NaN and infinities are its error."""
    if math.isnan(value) or math.isinf(value):
        raise ValueError(f"json: unsupported value: {format_float(value, 'g', None)}")
    if value and (abs(value) < 1e-6 or abs(value) >= 1e21):
        mantissa, _, exponent = format_float(value, "e", None).partition("e")
        return f"{mantissa}e{exponent[0]}{exponent[1:].lstrip('0') or '0'}"
    return format_float(value, "f", None)


def marshal(
    value: Any,
    other: Callable[[Any], str],
    prefix: str = "",
    indent: str | None = None,
) -> str:
    """``value`` as json.Marshal writes it, or json.MarshalIndent with
    ``indent``; ``other(value)`` is the JSON of a value that is not nil, a
    bool, a number, a string, a map or a list (or raises, as Go's error)."""
    return _Writer(other, prefix, indent).write(value, 0)


class _Writer:
    """One marshal: its hook for other values and its layout."""

    def __init__(self, other: Callable[[Any], str], prefix: str, indent: str | None):
        self.other = other
        self.prefix = prefix
        self.indent = indent
        self.colon = ": " if indent is not None else ":"

    def newline(self, depth: int) -> str:
        if self.indent is None:
            return ""
        return "\n" + self.prefix + self.indent * depth

    def write(self, value: Any, depth: int) -> str:
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
            if not value:
                return "{}"
            items = [
                self.newline(depth + 1)
                + json_string(str(key))
                + self.colon
                + self.write(item, depth + 1)
                for key, item in sorted(value.items(), key=lambda kv: str(kv[0]))
            ]
            return "{" + ",".join(items) + self.newline(depth) + "}"
        if isinstance(value, (list, tuple)):
            if not value:
                return "[]"
            items = [self.newline(depth + 1) + self.write(v, depth + 1) for v in value]
            return "[" + ",".join(items) + self.newline(depth) + "]"
        return self.other(value)
