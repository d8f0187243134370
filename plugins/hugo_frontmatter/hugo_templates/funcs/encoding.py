"""Hugo 0.111's ``encoding`` namespace (``tpl/encoding``): ``base64Encode``,
``base64Decode`` and ``jsonify``, whose text is Go's json.Marshal: map keys
sorted, ``<``, ``>``, ``&`` escaped as ``\\u003c``, numbers as Go writes
them, a time as RFC 3339, and json.MarshalIndent with
``(dict "indent" "  " "prefix" "")``.
``jsonify`` returns trusted HTML, as in Hugo."""

from __future__ import annotations

import base64
import datetime
import logging
from collections.abc import Callable, Mapping
from typing import Any

from ...gotemplate import HTML
from ...gotemplate.gofmt import sprintf, type_name
from ...gotemplate.gojson import json_string, marshal
from ..bindings import SiteBindings
from ..go_time import GoTime
from ..gocast import to_string

logger = logging.getLogger(__name__)

_B64 = {
    char: value
    for value, char in enumerate(
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    )
}
_NEWLINES = b"\r\n"
_RFC3339_NANO = "2006-01-02T15:04:05.999999999Z07:00"
_PAD = ord("=")


def _corrupt(offset: int) -> ValueError:
    return ValueError(f"illegal base64 data at input byte {offset}")


def _b64decode(src: bytes) -> bytes:
    """Go's base64.StdEncoding.DecodeString: newlines skipped, and its
    offset of the first byte that is wrong."""
    out = bytearray()
    si = 0
    while True:
        quantum: list[int] = []
        while len(quantum) < 4:
            if si == len(src):
                if not quantum:
                    return bytes(out)
                raise _corrupt(si - len(quantum))
            byte = src[si]
            si += 1
            if byte in _B64:
                quantum.append(_B64[byte])
                continue
            if byte in _NEWLINES:
                continue
            if byte != _PAD or len(quantum) < 2:
                raise _corrupt(si - 1)
            if len(quantum) == 2:
                while si < len(src) and src[si] in _NEWLINES:
                    si += 1
                if si == len(src):
                    raise _corrupt(len(src))
                if src[si] != _PAD:
                    raise _corrupt(si - 1)
                si += 1
            while si < len(src) and src[si] in _NEWLINES:
                si += 1
            if si < len(src):
                raise _corrupt(si)
            break
        value = 0
        for item in quantum + [0] * (4 - len(quantum)):
            value = value << 6 | item
        out += value.to_bytes(3, "big")[: len(quantum) - 1]
        if len(quantum) < 4:
            return bytes(out)


def _time_json(value: Any) -> str:
    """jsonify's value that is not JSON's own: a date or a time as RFC 3339
    (Go's Time.MarshalJSON), anything else json's error."""
    if isinstance(value, datetime.date):  # a front matter date
        value = GoTime.from_python(value)
    if isinstance(value, GoTime):
        return json_string(value.Format(_RFC3339_NANO))  # Go's MarshalJSON
    raise TypeError(f"json: unsupported type: {type_name(value)}")


def _options(value: Any) -> dict[str, str]:
    """cast.ToStringMapStringE, for jsonify's options."""
    if isinstance(value, Mapping):
        return {str(key): to_string(item) for key, item in value.items()}
    raise ValueError(
        f"unable to cast {sprintf('%#v', value)} of type {type_name(value)} "
        "to map[string]string"
    )


class Encoding:
    """The ``encoding`` namespace."""

    GO_TYPE = "*encoding.Namespace"

    def Base64Decode(self, content: Any) -> str:
        return _b64decode(to_string(content).encode("utf-8")).decode("utf-8", "replace")

    def Base64Encode(self, content: Any) -> str:
        return base64.b64encode(to_string(content).encode("utf-8")).decode("ascii")

    def Jsonify(self, *args: Any) -> HTML:
        if not args:
            return HTML("")
        if len(args) == 1:
            return HTML(marshal(args[0], _time_json))
        if len(args) == 2:
            options = _options(args[0])
            prefix, indent = options.get("prefix", ""), options.get("indent", "")
            return HTML(marshal(args[1], _time_json, prefix, indent))
        raise ValueError("too many arguments to jsonify")


def functions(bindings: SiteBindings) -> dict[str, Callable[..., Any]]:
    """The namespace and the short names Hugo 0.111 registers for it."""
    ns = Encoding()
    return {
        "encoding": lambda: ns,
        "base64Decode": ns.Base64Decode,
        "base64Encode": ns.Base64Encode,
        "jsonify": ns.Jsonify,
    }
