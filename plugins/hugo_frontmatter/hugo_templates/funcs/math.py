"""Hugo's ``math`` namespace (tpl/math): ``add``, ``sub``, ``mul``, ``div``
(two or more operands), ``mod``, ``modBool`` and ``math.Ceil`` ...

Arithmetic follows Hugo's DoArithmetic: two ints give an int64 (wrapping
as Go's does, dividing towards zero), an int with a float gives a float64,
two strings may be added (joined), anything else is an error.
"""

from __future__ import annotations

import itertools
import logging
import math
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..bindings import SiteBindings
from ..gocast import is_number, to_float, to_int, wrap_int64

logger = logging.getLogger(__name__)

_TWO_NUMBERS = "must provide at least two numbers"
_CANNOT = "can't apply the operator to the values"


def arithmetic(first: Any, second: Any, operation: str) -> Any:
    """Hugo's DoArithmetic for one pair."""
    if isinstance(first, str) and not isinstance(first, bool):
        if isinstance(second, str) and operation == "+":
            return first + second
        raise ValueError(_CANNOT)
    if not is_number(first) or not is_number(second):
        raise ValueError(_CANNOT)
    if isinstance(first, int) and isinstance(second, int):
        if operation == "+":
            return wrap_int64(first + second)
        if operation == "-":
            return wrap_int64(first - second)
        if operation == "*":
            return wrap_int64(first * second)
        if second == 0:
            raise ValueError("can't divide the value by 0")
        quotient = abs(first) // abs(second)
        return wrap_int64(quotient if (first < 0) == (second < 0) else -quotient)
    a, b = float(first), float(second)
    if operation == "+":
        return a + b
    if operation == "-":
        return a - b
    if operation == "*":
        return _float_mul(a, b)
    if b == 0:
        raise ValueError("can't divide the value by 0")
    return _float_div(a, b)


def _float_mul(a: float, b: float) -> float:
    try:
        return a * b
    except OverflowError:  # pragma: no cover - Python floats overflow to inf
        return math.copysign(math.inf, a) * math.copysign(1, b)


def _float_div(a: float, b: float) -> float:
    try:
        return a / b
    except OverflowError:
        return math.copysign(math.inf, a) * math.copysign(1, b)


def _round(value: float) -> float:
    """Go's math.Round: half away from zero."""
    if not math.isfinite(value):
        return value
    rounded = Decimal(value).to_integral_value(rounding=ROUND_HALF_UP)
    return math.copysign(float(rounded), value)


_LN2_HI = 6.93147180369123816490e-01
_LN2_LO = 1.90821492927058770002e-10
_LOG = (
    6.666666666666735130e-01,
    3.999999999940941908e-01,
    2.857142874366239149e-01,
    2.222219843214978396e-01,
    1.818357216161805012e-01,
    1.531383769920937332e-01,
    1.479819860511658591e-01,
)


def go_log(x: float) -> float:
    """Go's math.Log (the FreeBSD algorithm Go's amd64 code runs), whose
    last digit can differ from C's log."""
    if math.isnan(x) or x == math.inf:
        return x
    if x < 0:
        return math.nan
    if x == 0:
        return -math.inf
    f1, ki = math.frexp(x)
    if f1 < math.sqrt(2) / 2:
        f1 *= 2
        ki -= 1
    f = f1 - 1
    k = float(ki)
    l1, l2, l3, l4, l5, l6, l7 = _LOG
    s = f / (2 + f)
    s2 = s * s
    s4 = s2 * s2
    t1 = s2 * (l1 + s4 * (l3 + s4 * (l5 + s4 * l7)))
    t2 = s4 * (l2 + s4 * (l4 + s4 * l6))
    r = t1 + t2
    hfsq = 0.5 * f * f
    return k * _LN2_HI - ((hfsq - (s * (hfsq + r) + k * _LN2_LO)) - f)


def _is_odd_int(value: float) -> bool:
    if abs(value) >= 2**53:
        return False
    whole, fraction = math.modf(value)
    return fraction == 0 and int(whole) & 1 == 1


def go_pow(x: float, y: float) -> float:
    """Go's math.Pow, step for step (its results differ from C's pow in
    the last digit): special cases, then x**frac(y) by Exp and Log and
    x**int(y) by repeated squaring."""
    if y == 0 or x == 1:
        return 1.0
    if y == 1:
        return x
    if math.isnan(x) or math.isnan(y):
        return math.nan
    if x == 0:
        negative_odd = math.copysign(1, x) < 0 and _is_odd_int(y)
        if y < 0:
            return -math.inf if negative_odd else math.inf
        return x if negative_odd else 0.0
    if math.isinf(y):
        if x == -1:
            return 1.0
        return 0.0 if (abs(x) < 1) == (y > 0) else math.inf
    if math.isinf(x):
        if x < 0:
            return go_pow(1 / x, -y)
        return 0.0 if y < 0 else math.inf
    if y == 0.5:
        return math.sqrt(x) if x >= 0 else math.nan
    if y == -0.5:
        return 1 / math.sqrt(x) if x >= 0 else math.nan
    fraction, whole = math.modf(abs(y))
    if fraction != 0 and x < 0:
        return math.nan
    if whole >= 2**63:
        if x == -1:
            return 1.0
        return 0.0 if (abs(x) < 1) == (y > 0) else math.inf
    mantissa, exponent = 1.0, 0
    if fraction != 0:
        if fraction > 0.5:
            fraction -= 1
            whole += 1
        # Go's amd64 Exp is assembly whose last digit can differ from C's.
        mantissa = math.exp(fraction * go_log(x))
    x1, xe = math.frexp(x)
    i = int(whole)
    while i != 0:
        if xe < -(1 << 12) or (1 << 12) < xe:
            exponent += xe
            break
        if i & 1:
            mantissa *= x1
            exponent += xe
        x1 *= x1
        xe <<= 1
        if x1 < 0.5:
            x1 += x1
            xe -= 1
        i >>= 1
    if y < 0:
        mantissa, exponent = 1 / mantissa, -exponent
    try:
        return math.ldexp(mantissa, exponent)
    except OverflowError:
        return math.copysign(math.inf, mantissa)


def _float_arg(value: Any, message: str) -> float:
    try:
        return to_float(value)
    except ValueError:
        raise ValueError(message) from None


def _int64(value: Any) -> int:
    result = to_int(value)
    return wrap_int64(result)


class Math:
    """The ``math`` namespace: Go-named methods."""

    GO_TYPE = "*math.Namespace"

    def __init__(self) -> None:
        self._counter = itertools.count(1)

    def _reduce(self, inputs: tuple, operation: str) -> Any:
        if len(inputs) < 2:
            if len(inputs) == 1:
                return inputs[0]
            raise ValueError(_TWO_NUMBERS)
        value = inputs[0]
        for other in inputs[1:]:
            value = arithmetic(value, other, operation)
        return value

    def Add(self, *inputs: Any) -> Any:
        return self._reduce(inputs, "+")

    def Sub(self, *inputs: Any) -> Any:
        return self._reduce(inputs, "-")

    def Mul(self, *inputs: Any) -> Any:
        return self._reduce(inputs, "*")

    def Div(self, *inputs: Any) -> Any:
        return self._reduce(inputs, "/")

    def Mod(self, first: Any, second: Any) -> int:
        try:
            a, b = _int64(first), _int64(second)
        except ValueError:
            raise ValueError(
                "modulo operator can't be used with non integer value"
            ) from None
        if b == 0:
            raise ValueError("the number can't be divided by zero at modulo operation")
        remainder = abs(a) % abs(b)
        return wrap_int64(-remainder if a < 0 else remainder)

    def ModBool(self, first: Any, second: Any) -> bool:
        return self.Mod(first, second) == 0

    def Ceil(self, number: Any) -> float:
        value = _float_arg(number, "Ceil operator can't be used with non-float value")
        return (
            value
            if not math.isfinite(value)
            else math.copysign(math.ceil(value), value)
        )

    def Floor(self, number: Any) -> float:
        value = _float_arg(number, "Floor operator can't be used with non-float value")
        return (
            value
            if not math.isfinite(value)
            else math.copysign(math.floor(value), value)
        )

    def Round(self, number: Any) -> float:
        value = _float_arg(number, "Round operator can't be used with non-float value")
        return _round(value)

    def Log(self, number: Any) -> float:
        return go_log(
            _float_arg(
                number, "Log operator can't be used with non integer or float value"
            )
        )

    def Sqrt(self, number: Any) -> float:
        value = _float_arg(
            number, "Sqrt operator can't be used with non integer or float value"
        )
        if value < 0 or math.isnan(value):
            return math.nan
        return math.sqrt(value)

    def Pow(self, first: Any, second: Any) -> float:
        message = "Pow operator can't be used with non-float value"
        a, b = _float_arg(first, message), _float_arg(second, message)
        return go_pow(a, b)

    def Max(self, *inputs: Any) -> float:
        return self._extreme(inputs, max)

    def Min(self, *inputs: Any) -> float:
        return self._extreme(inputs, min)

    def Counter(self) -> int:
        """A counter for the build: 1, 2, 3 ..."""
        return next(self._counter)

    @staticmethod
    def _extreme(inputs: tuple, pick: Callable[[float, float], float]) -> float:
        if not inputs:
            return 0.0
        values = [
            _float_arg(value, "Max operator can't be used with non-float value")
            for value in inputs
        ]
        if any(math.isnan(value) for value in values):
            return math.nan
        return pick(values)


def functions(bindings: SiteBindings) -> dict[str, Callable[..., Any]]:
    """The namespace and its short names, as tpl/math/init.go registers them."""
    namespace = Math()
    return {
        "math": lambda: namespace,
        "add": namespace.Add,
        "sub": namespace.Sub,
        "mul": namespace.Mul,
        "div": namespace.Div,
        "mod": namespace.Mod,
        "modBool": namespace.ModBool,
    }
