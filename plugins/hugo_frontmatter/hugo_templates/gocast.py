"""spf13/cast as Hugo's template functions use it: turning an argument into
the Go type a function wants, with cast's words when it cannot."""

from __future__ import annotations

import logging
import math
from typing import Any

from ..gotemplate.gofmt import _go_syntax, format_float, type_name

logger = logging.getLogger(__name__)


def cannot_cast(value: Any, target: str) -> TypeError:
    """cast's refusal: ``unable to cast []interface {}{1} of type ... to X``."""
    return TypeError(
        f"unable to cast {_go_syntax(value, 0)} of type {type_name(value)} to {target}"
    )


def to_string(value: Any) -> str:
    """cast.ToStringE: text, numbers, booleans, nil (``""``), a Stringer or
    an error; anything else is refused with cast's message."""
    if isinstance(value, str):
        return str(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format_float(value, "f", None)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    for name in ("String", "Error"):
        method = getattr(value, name, None)
        if callable(method):
            return str(method())
    raise cannot_cast(value, "string")


def to_int(value: Any) -> int:
    """cast.ToInt64E: numbers (floats truncated), booleans, nil (0), and text
    Go's strconv.ParseInt reads in base 0; else cast's message."""
    if value is None:
        return 0
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.replace("_", "") if "_" in value else value, 0)
        except ValueError:
            pass
    raise cannot_cast(value, "int64")
