"""Hugo's ``seq`` and ``shuffle`` (tpl/collections/collections.go): a list
of numbers made, a list put in another order; and the check ``first``,
``last``, ``after`` and ``shuffle`` make of what they are given.

``shuffle`` is reproducible here (Hugo's is random): the order is drawn
from a generator seeded with the list's printed text, so a build gives the
same page twice."""

from __future__ import annotations

import hashlib
import logging
import random
from typing import Any

from ...gotemplate.gofmt import sprint
from ..gocast import go_type, is_nil, is_slice, to_int
from .govalues import GoSlice, same_slice

logger = logging.getLogger(__name__)


def sequence(args: tuple) -> list[int]:
    """Hugo's seq: ``seq LAST``, ``seq FIRST LAST``, ``seq FIRST INCREMENT
    LAST`` as a ``[]int``, at most 2000 numbers."""
    if not 1 <= len(args) <= 3:
        raise ValueError("invalid number of arguments to Seq")
    try:
        numbers = [to_int(arg) for arg in args]
    except ValueError:
        raise ValueError("invalid arguments to Seq") from None
    step = 1
    first = numbers[0]
    if len(numbers) == 1:
        last = first
        if last == 0:
            return GoSlice([], "int")
        if last > 0:
            first = 1
        else:
            first, step = -1, -1
    elif len(numbers) == 2:
        last = numbers[1]
        if last < first:
            step = -1
    else:
        step, last = numbers[1], numbers[2]
        if step == 0:
            raise ValueError("'increment' must not be 0")
        if first < last and step < 0:
            raise ValueError("'increment' must be > 0")
        if first > last and step > 0:
            raise ValueError("'increment' must be < 0")
    if last < -100000:
        raise ValueError("size of result exceeds limit")
    difference = last - first
    size = abs(difference) // abs(step)  # Go divides towards zero
    size = (size if (difference < 0) == (step < 0) else -size) + 1
    if size <= 0 or size > 2000:
        raise ValueError("size of result exceeds limit")
    return GoSlice([first + i * step for i in range(size)], "int")


def shuffle(seq: Any) -> Any:
    """The list in an order drawn from its own text (reproducible)."""
    if is_nil(seq):
        raise ValueError("both count and seq must be provided")
    seq_kind(seq)
    if isinstance(seq, str):
        raise ValueError("reflect.MakeSlice of non-slice type")
    items = list(seq)
    # Seeded by the list's text: strings joined (quick), else Go's print
    text = "\x1f".join(items) if all(type(i) is str for i in items) else sprint(items)
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
    random.Random(digest).shuffle(items)
    return same_slice(seq, items)


def seq_kind(value: Any, what: str = "") -> str:
    """Fail as Hugo's first/last/after do for what is not a list or string."""
    if is_nil(value):
        raise ValueError("can't iterate over a nil value")
    if not (isinstance(value, str) or is_slice(value)):
        raise ValueError("can't iterate over " + go_type(value))
    return "string" if isinstance(value, str) else "slice"
