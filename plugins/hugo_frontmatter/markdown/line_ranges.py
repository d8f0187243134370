"""Hugo's ``hl_lines``: line ranges read as Hugo reads them, and the lines of
a block they pick out.

Shared by the ``markup.highlight`` setting (``goldmark.parse_line_ranges``),
a fence's options (``rules/code_fences.py``, ``rules/hook_facts.py``) and the
``highlight`` shortcode. Ranges are kept as ranges, so that ``1-30000000``
costs what ``1`` does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

LineRanges = tuple[tuple[int, int], ...]


def read_line_ranges(value: Any) -> tuple[LineRanges, list[Any]]:
    """``(ranges, bad)`` of ``hl_lines`` as ``[2, "4-5"]``, ``"2 4-5"`` or
    ``3``: a list's items one range each (``"2 3"`` is none), a string's
    fields as :func:`hugo_line_ranges` reads them; ``bad`` holds what is no
    range (``x``, ``-5``, ``2-``): a list's such items, or the whole string."""
    if value is None or value == "":
        return (), []
    if isinstance(value, (list, tuple)):
        read = [(item, line_range(str(item))) for item in value]
        bad = [item for item, found in read if found is None]
        ranges = tuple(found for _, found in read if found is not None)
        return ranges, bad
    found_ranges = hugo_line_ranges(str(value))
    return found_ranges or (), [value] if found_ranges is None else []


def lenient_line_ranges(value: Any) -> LineRanges:
    """What Hugo makes of ``hl_lines`` in a fence: a list's item that is no
    range is left out, a string with one highlights nothing."""
    return read_line_ranges(value)[0]


def hugo_line_ranges(text: str) -> LineRanges | None:
    """``hl_lines`` as a string gives it (``2 4-5``), read as Hugo's
    ``hlLinesToRanges`` reads it: fields apart by spaces, each a range of
    :func:`line_range`. None when a field is no range, for Hugo then
    highlights no line at all."""
    ranges: list[tuple[int, int]] = []
    for field in text.split(" "):
        if not field.strip():
            continue
        found = line_range(field.strip())
        if found is None:
            return None
        ranges.append(found)
    return tuple(ranges)


def line_range(text: str) -> tuple[int, int] | None:
    """``4`` or ``4-5`` as Hugo reads one range: Go's integers on each side of
    the first dash (a sign allowed, 64 bits; what follows a second dash is
    ignored); None when either is no integer."""
    numbers = text.split("-")
    first = go_int(numbers[0])
    last = go_int(numbers[1]) if len(numbers) > 1 else first
    return None if first is None or last is None else (first, last)


_GO_INT = re.compile(r"[+-]?([0-9]+)")


def go_int(text: str) -> int | None:
    """Go's ``strconv.Atoi``: a decimal with an optional sign that fits in 64
    bits, or None (checked before Python reads the digits, however many)."""
    match = _GO_INT.fullmatch(text)
    if match is None or len(match[1].lstrip("0")) > 19:
        return None
    number = int(text)
    return number if -(2**63) <= number < 2**63 else None


def lines_in(ranges: Sequence[tuple[int, int]], count: int) -> tuple[int, ...]:
    """The lines of a block of ``count`` lines that ``ranges`` name, in order,
    each once: Hugo highlights no line the block does not have. Linear in the
    block and the ranges, however large the numbers."""
    starts = [0] * (count + 2)
    for first, last in ranges:
        low, high = max(first, 1), min(last, count)
        if low <= high:
            starts[low] += 1
            starts[high + 1] -= 1
    lines = []
    open_ranges = 0
    for line in range(1, count + 1):
        open_ranges += starts[line]
        if open_ranges:
            lines.append(line)
    return tuple(lines)
