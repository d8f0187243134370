"""Go's cast, as Hugo 0.111 reads a front matter field (spf13/cast).

Hugo reads its known fields with spf13/cast and takes what cannot be cast as
the empty value (a list as `title` is empty text, `weight: heavy` is 0), so
such a value is no error here either: the field is read as Hugo reads it,
and a warning says so. Checked value by value against Hugo 0.111
(tests/test_hugo_accepts_fields.py).
"""

from __future__ import annotations

import decimal
import math
import re
from typing import Any

_GO_TRUE = frozenset({"1", "t", "T", "TRUE", "true", "True"})
_GO_FALSE = frozenset({"0", "f", "F", "FALSE", "false", "False"})
_GO_OCTAL = re.compile(r"([+-]?)0([0-7_]+)")


def as_text(value: Any) -> str:
    """A scalar as Hugo prints it: ``true``, ``1.5``, ``1000`` for ``1e3``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "+Inf" if value > 0 else "-Inf"
        # Go's strconv.FormatFloat(value, 'f', -1, 64): shortest, no exponent.
        text = format(decimal.Decimal(repr(value)), "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    return str(value)


def go_text(value: Any) -> str | None:
    """cast.ToString: a scalar as Hugo prints it; None for a list or a map,
    which Hugo takes as empty text."""
    if isinstance(value, (dict, list)):
        return None
    return as_text(value)


def go_bool(value: Any) -> bool | None:
    """cast.ToBoolE: None where Hugo cannot read one (it takes false)."""
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    if isinstance(value, int):
        return value != 0
    if isinstance(value, str) and value in _GO_TRUE | _GO_FALSE:
        return value in _GO_TRUE
    return None


def go_int(value: Any) -> int | None:
    """cast.ToIntE: a whole number, a float cut to one, a text as Go's
    ParseInt(text, 0) reads it (``0x10``, ``010`` is 8, ``3.0`` is 3);
    None where Hugo cannot read one (it takes 0)."""
    if isinstance(value, bool):
        return int(value)
    if value is None:
        return 0
    if isinstance(value, float):
        number = int(value) if math.isfinite(value) else None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, str):
        number = _parse_go_int(value)
    else:
        number = None
    return number if number is not None and -(2**63) <= number < 2**63 else None


def _parse_go_int(text: str) -> int | None:
    whole = re.sub(r"(?<=[0-9])\.0+$", "", text)  # cast's trimZeroDecimal
    octal = _GO_OCTAL.fullmatch(whole)
    if octal:
        whole = f"{octal[1]}0o{octal[2]}"
    if whole != whole.strip():
        return None
    try:
        return int(whole, 0)
    except ValueError:
        return None


def go_strings(value: Any) -> list[str] | None:
    """cast.ToStringSlice: a list's items as text (a list or map in it is
    empty text), a text split at its blanks, a scalar alone; None for a map."""
    if isinstance(value, list):
        return [go_text(item) or "" for item in value]
    if isinstance(value, str):
        return value.split()
    if isinstance(value, dict):
        return None
    return [as_text(value)]
