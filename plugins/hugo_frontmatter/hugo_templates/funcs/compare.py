"""Hugo's ``compare`` namespace (tpl/compare): ``eq``, ``ne``, ``lt``, ``le``,
``gt``, ``ge``, ``default`` and ``cond``.

Hugo's comparisons replace Go's built-ins and never fail on mixed types:
``eq`` is DeepEqual after turning any int into int64 and any float into
float64 (so ``eq 1 1.0`` is false, ``eq (slice 1) (slice 1)`` true), and the
ordering functions read both sides as float64 (a list or map by its length,
a string by its number if it holds one, a bool as 0 or 1); two strings that
are not numbers compare as strings.
"""

from __future__ import annotations

import functools
import logging
import math
from collections.abc import Callable, Mapping
from typing import Any

import pyuca

from ..bindings import SiteBindings
from ..gocast import is_nil, is_slice, parse_float
from .govalues import deep_equal

logger = logging.getLogger(__name__)

MISSING_ARGUMENTS = "missing arguments for comparison"


def _normalized(value: Any) -> Any:
    """Eq's normalize: one int type and one float type."""
    if is_nil(value):
        return None
    return value


def equal(first: Any, *others: Any) -> bool:
    """Hugo's Eq: whether ``first`` is any of ``others``."""
    if not others:
        raise ValueError(MISSING_ARGUMENTS)
    for other in others:
        # Hugo's compare.Eqer: a value that says itself what it equals.
        for value, against in ((first, other), (other, first)):
            method = _method(value, "Eq")
            if method is not None:
                if method(against):
                    return True
                break
        else:
            if deep_equal(_normalized(first), _normalized(other)):
                return True
    return False


def _method(value: Any, name: str) -> Any:
    """A Go method of an object (not a map key of that name)."""
    if isinstance(value, Mapping) or value is None:
        return None
    method = getattr(value, name, None)
    return method if callable(method) else None


def _side(value: Any) -> tuple[float, str | None]:
    """One side of compareGet: its float, and its text when it is a string
    that is not a finite number."""
    if isinstance(value, bool):
        return (1.0 if value else 0.0), None
    if isinstance(value, (int, float)):
        return float(value), None
    if isinstance(value, str):
        number, ok = parse_float(value)
        if not ok or math.isinf(number) or math.isnan(number):
            return number, value
        return number, None
    if is_slice(value) or isinstance(value, Mapping):
        return float(len(value)), None
    if _is_time(value):
        return float(value.Unix()), None
    return 0.0, None


def _is_time(value: Any) -> bool:
    """A Go time.Time (go_time's GoTime): compared by its Unix seconds."""
    return getattr(type(value), "GO_TYPE", None) == "time.Time"


@functools.lru_cache(maxsize=1)
def _collator() -> pyuca.Collator:
    """The Unicode Collation Algorithm's default table, loaded once."""
    return pyuca.Collator()


def collate_key(text: str) -> tuple:
    """How the language's collator orders a string in Hugo's ``sort`` (Go's
    x/text/collate: punctuation, then digits, then letters; accents and
    then case break ties)."""
    return _collator().sort_key(text)


def compare_get(first: Any, second: Any, collate: bool = False) -> tuple[float, float]:
    """Hugo's compareGet: two numbers whose order is the values' order."""
    for value, against, sign in ((first, second, 1), (second, first, -1)):
        method = _method(value, "Compare")  # Hugo's compare.Comparer
        if method is not None and not _is_time(value):  # not Go's Time.Compare
            order = method(against) * sign
            return (1.0, 0.0) if order < 0 else (0.0, 1.0) if order > 0 else (0.0, 0.0)
    left, left_text = _side(first)
    right, right_text = _side(second)
    if left_text is not None and right_text is not None:
        if collate:
            a, b = collate_key(left_text), collate_key(right_text)
        else:
            a, b = left_text.encode("utf-8"), right_text.encode("utf-8")
        if a < b:
            return 0.0, 1.0
        if a > b:
            return 1.0, 0.0
        return 0.0, 0.0
    return left, right


def less(first: Any, *others: Any, collate: bool = False) -> bool:
    """Hugo's Lt (LtCollate when ``collate``)."""
    if not others:
        raise ValueError(MISSING_ARGUMENTS)
    for other in others:
        left, right = compare_get(first, other, collate)
        if not left < right:
            return False
    return True


def is_set(value: Any) -> bool:
    """Whether Default takes the given value: non-zero numbers, non-empty
    strings, lists and maps, any bool, any other non-nil value."""
    if is_nil(value):
        return False
    if isinstance(value, bool):
        return True
    if isinstance(value, (int, float, str)) or is_slice(value):
        return bool(len(value) if not isinstance(value, (int, float)) else value)
    if isinstance(value, Mapping):
        return len(value) != 0
    if _is_time(value):
        return not value.IsZero()
    return True


class Compare:
    """The ``compare`` namespace: Go-named methods."""

    GO_TYPE = "*compare.Namespace"

    def Default(self, default: Any, *given: Any) -> Any:
        """The given value if it is set, else ``default``; ``given`` is
        optional since a missing piped value passes nothing."""
        if not given:
            return default
        if len(given) != 1:
            raise ValueError(
                f"wrong number of args for default: want 2 got {len(given) + 1}"
            )
        return given[0] if is_set(given[0]) else default

    def Eq(self, first: Any, *others: Any) -> bool:
        return equal(first, *others)

    def Ne(self, first: Any, *others: Any) -> bool:
        if not others:
            raise ValueError(MISSING_ARGUMENTS)
        return not any(equal(first, other) for other in others)

    def Lt(self, first: Any, *others: Any) -> bool:
        return less(first, *others)

    def Le(self, first: Any, *others: Any) -> bool:
        return self._all(first, others, lambda a, b: a <= b)

    def Gt(self, first: Any, *others: Any) -> bool:
        return self._all(first, others, lambda a, b: a > b)

    def Ge(self, first: Any, *others: Any) -> bool:
        return self._all(first, others, lambda a, b: a >= b)

    def Conditional(self, condition: bool, first: Any, second: Any) -> Any:
        if not isinstance(condition, bool):
            raise ValueError(f"expected bool; found {condition}")
        return first if condition else second

    @staticmethod
    def _all(first: Any, others: tuple, test: Callable[[float, float], bool]) -> bool:
        if not others:
            raise ValueError(MISSING_ARGUMENTS)
        return all(test(*compare_get(first, other)) for other in others)


def functions(bindings: SiteBindings) -> dict[str, Callable[..., Any]]:
    """The namespace and its short names, as tpl/compare/init.go registers them."""
    namespace = Compare()
    return {
        "compare": lambda: namespace,
        "default": namespace.Default,
        "eq": namespace.Eq,
        "ne": namespace.Ne,
        "lt": namespace.Lt,
        "le": namespace.Le,
        "gt": namespace.Gt,
        "ge": namespace.Ge,
        "cond": namespace.Conditional,
    }
