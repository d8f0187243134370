"""spf13/cast as Hugo's functions use it: an argument of any type made a
string or an int, with cast's words when it cannot be (``upper 12`` is
``"12"``; ``upper (dict)`` is an error).

Shared by the namespace modules; it has no ``functions`` of its own.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any

from ...gotemplate import MISSING
from ...gotemplate.gofmt import format_float, sprintf, type_name

logger = logging.getLogger(__name__)


def _cannot(value: Any, kind: str) -> ValueError:
    return ValueError(
        f"unable to cast {sprintf('%#v', value)} of type {type_name(value)} to {kind}"
    )


def to_string(value: Any) -> str:
    """cast.ToStringE: nil is "", a number its Go text (``1.5``, ``1000000``
    for 1e6), a Stringer its String(); maps, lists and others are errors."""
    if value is None or value is MISSING:
        return ""
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format_float(value, "f", None)
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "replace")
    for name in ("String", "Error"):
        method = getattr(value, name, None)
        if callable(method):
            return str(method())
    raise _cannot(value, "string")


def _trim_zero_decimal(text: str) -> str:
    """cast's trimZeroDecimal: ``"10.00"`` reads as ``"10"``."""
    found_zero = False
    for i in range(len(text), 0, -1):
        char = text[i - 1]
        if char == "." and found_zero:
            return text[: i - 1]
        if char == "0":
            found_zero = True
        elif char != ".":
            return text
    return text


_GO_INT = re.compile(
    r"[+-]?(?:0[xX]_?[0-9a-fA-F](?:_?[0-9a-fA-F])*|0[oO]_?[0-7](?:_?[0-7])*"
    r"|0[bB]_?[01](?:_?[01])*|0_?[0-7](?:_?[0-7])*|[1-9](?:_?[0-9])*|0)"
)


def parse_go_int(text: str) -> int:
    """strconv.ParseInt(text, 0, 64): base prefixes, a leading 0 is octal."""
    if not _GO_INT.fullmatch(text):
        raise ValueError(text)
    sign = -1 if text[0] == "-" else 1
    digits = text.lstrip("+-").replace("_", "")
    if len(digits) > 1 and digits[0] == "0" and digits[1].isdigit():
        number = int(digits[1:], 8)
    else:
        number = int(digits, 0)
    number *= sign
    if not -(2**63) <= number < 2**63:
        raise ValueError(text)
    return number


def to_int(value: Any) -> int:
    """cast.ToIntE: a float is truncated, a string parsed as Go's integer
    literal (``"10.0"`` is 10), nil is 0, a bool 1 or 0."""
    if value is None or value is MISSING:
        return 0
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return -(2**63)
        return int(value)
    if isinstance(value, str):
        try:
            return parse_go_int(_trim_zero_decimal(str(value)))
        except ValueError:
            raise _cannot(str(value), "int64") from None
    raise _cannot(value, "int")


def to_string_map_string(value: Any) -> dict[str, str]:
    """cast.ToStringMapStringE, for options maps (``jsonify``)."""
    if isinstance(value, Mapping):
        return {str(key): to_string(item) for key, item in value.items()}
    raise _cannot(value, "map[string]string")
