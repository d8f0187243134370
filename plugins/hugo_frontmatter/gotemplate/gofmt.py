"""Go's fmt for Python values: Sprint, Sprintln, Sprintf and strconv.Quote.

Templates print through these, so numbers, lists and maps read as Hugo
writes them (``1e+06``, ``[1 a]``, ``map[a:1]``) and printf's verbs, flags,
width and precision, and its ``%!d(string=x)`` complaints follow Go."""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

logger = logging.getLogger(__name__)

_ESCAPES = {
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
    "\\": "\\\\",
}


def go_quote(text: str, quote: str = '"', ascii_only: bool = False) -> str:
    """Go's strconv.Quote (or QuoteToASCII, or QuoteRune with quote="'")."""
    out = [quote]
    for char in text:
        if char == quote or char in _ESCAPES:
            out.append("\\" + char if char == quote else _ESCAPES[char])
        elif char.isprintable() and (char.isascii() or not ascii_only):
            out.append(char)
        else:
            code = ord(char)
            if code < 0x80 and not char.isprintable():
                out.append(f"\\x{code:02x}")
            elif code < 0x10000:
                out.append(f"\\u{code:04x}")
            else:
                out.append(f"\\U{code:08x}")
    out.append(quote)
    return "".join(out)


def type_name(value: Any) -> str:
    """The Go type Hugo would hold ``value`` as, for messages and %T."""
    if value is None:
        return "<nil>"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float64"
    if isinstance(value, str):
        return "string"
    if isinstance(value, Mapping):
        return "map[string]interface {}"
    if isinstance(value, (list, tuple)):  # a typed slice says its own type
        return getattr(value, "GO_TYPE", "[]interface {}")
    return getattr(type(value), "GO_TYPE", type(value).__name__)


def _stringer(value: Any) -> str | None:
    """What an error's Error() or a Stringer's String() says, if ``value`` has one."""
    for name in ("Error", "String"):
        method = getattr(value, name, None)
        if callable(method):
            return str(method())
    return None


def _shortest_digits(value: float) -> tuple[str, int]:
    """Shortest decimal digits of a finite non-negative float and the position
    of the decimal point (Go's decimal digs.d, digs.dp)."""
    if value == 0:
        return "0", 1
    sign, digits, exponent = Decimal(repr(value)).as_tuple()
    text = "".join(map(str, digits)).rstrip("0") or "0"
    stripped = len("".join(map(str, digits))) - len(text)
    return text, len(text) + exponent + stripped


def _exponent(exp: int) -> str:
    return f"e{'-' if exp < 0 else '+'}{abs(exp):02d}"


def format_float(value: float, verb: str, prec: int | None) -> str:
    """Go's strconv.FormatFloat(value, verb, prec, 64), with prec None for -1."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    sign = "-" if math.copysign(1, value) < 0 else ""
    value = abs(value)
    if verb in "eE":
        if prec is None:
            digits, point = _shortest_digits(value)
            mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
            text = mantissa + _exponent(point - 1 if digits != "0" else 0)
        else:
            text = f"{value:.{prec}e}"
            mantissa, _, exp = text.partition("e")
            text = mantissa + _exponent(int(exp))
        return sign + (text.upper() if verb == "E" else text)
    if verb in "fF":
        if prec is None:
            digits, point = _shortest_digits(value)
            if point <= 0:
                text = "0." + "0" * -point + digits
            elif point >= len(digits):
                text = digits + "0" * (point - len(digits))
            else:
                text = digits[:point] + "." + digits[point:]
            return sign + text
        return sign + f"{value:.{prec}f}"
    # g and G
    if prec is None:
        digits, point = _shortest_digits(value)
        exp = point - 1
        if exp < -4 or exp >= max(6, 0) and not (digits == "0"):
            mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
            text = mantissa + _exponent(exp)
        elif point <= 0:
            text = "0." + "0" * -point + digits
        elif point >= len(digits):
            text = digits + "0" * (point - len(digits))
        else:
            text = digits[:point] + "." + digits[point:]
    else:
        text = f"{value:.{max(prec, 1)}g}"
        if "e" in text:
            mantissa, _, exp = text.partition("e")
            text = mantissa + _exponent(int(exp))
    return sign + (text.upper() if verb == "G" else text)


class _Flags:
    __slots__ = ("plus", "minus", "sharp", "space", "zero", "width", "prec")

    def __init__(self):
        self.plus = self.minus = self.sharp = self.space = self.zero = False
        self.width: int | None = None
        self.prec: int | None = None


class _Printer:
    """One Sprintf: Go's pp and fmt, reduced to the kinds templates hold."""

    # printf's place in its arguments, as Go's pp keeps it (class defaults:
    # a printer that only prints a value never sets them).
    arg_num = 0
    reordered = False  # an explicit [n] was used: no EXTRA complaint
    good_arg_num = True  # false: this verb's [n] was bad (BADINDEX)
    after_index = False  # the last thing read was an explicit [n]

    def __init__(self):
        self.out: list[str] = []
        self.flags = _Flags()

    def pad(self, text: str) -> None:
        flags = self.flags
        width = flags.width
        if width is None or len(text) >= width:
            self.out.append(text)
            return
        fill = width - len(text)
        if flags.minus:
            self.out.append(text + " " * fill)
        else:
            self.out.append(("0" if flags.zero else " ") * fill + text)

    def bad_verb(self, verb: str, value: Any) -> None:
        if value is None:
            self.out.append(f"%!{verb}(<nil>)")
            return
        self.out.append(f"%!{verb}({type_name(value)}=")
        self.print_value(value, "v", 0)
        self.out.append(")")

    def fmt_integer(self, value: int, verb: str) -> None:
        flags = self.flags
        base = {"d": 10, "v": 10, "b": 2, "o": 8, "O": 8, "x": 16, "X": 16}.get(verb)
        if verb == "c":
            self.pad(_chr(value))
            return
        if verb == "q":
            self.pad(go_quote(_chr(value), "'", flags.plus))
            return
        if verb == "U":
            text = f"U+{value:04X}" if value >= 0 else f"U+{value & (2**64 - 1):04X}"
            if flags.sharp and 0 <= value <= 0x10FFFF and _chr(value).isprintable():
                text += f" '{_chr(value)}'"
            self.pad(text)
            return
        if base is None:
            self.bad_verb(verb, value)
            return
        negative, magnitude = value < 0, abs(value)
        if flags.prec is not None:
            prec = flags.prec
            if prec == 0 and magnitude == 0:
                saved, flags.zero = flags.zero, False
                self.pad("")
                flags.zero = saved
                return
        elif flags.zero and flags.width is not None:
            prec = flags.width - (1 if negative or flags.plus or flags.space else 0)
        else:
            prec = 0
        digits = _to_base(magnitude, base)
        if verb == "X":
            digits = digits.upper()
        digits = "0" * max(prec - len(digits), 0) + digits
        if flags.sharp:
            if base == 2:
                digits = "0b" + digits
            elif base == 8 and not digits.startswith("0"):
                digits = "0" + digits
            elif base == 16:
                digits = ("0X" if verb == "X" else "0x") + digits
        if verb == "O":
            digits = "0o" + digits
        if negative:
            digits = "-" + digits
        elif flags.plus:
            digits = "+" + digits
        elif flags.space:
            digits = " " + digits
        saved, flags.zero = flags.zero, False
        self.pad(digits)
        flags.zero = saved

    def fmt_float(self, value: float, verb: str) -> None:
        flags = self.flags
        if verb == "v":
            verb, prec = "g", None
        elif verb in "gGxXb":
            prec = None
        elif verb in "feEF":
            prec = 6
        else:
            self.bad_verb(verb, value)
            return
        if flags.prec is not None:
            prec = flags.prec
        if verb in "xXb":
            self.bad_verb(verb, value)  # hexadecimal floats: not supported
            return
        num = format_float(value, "f" if verb == "F" else verb, prec)
        if num[0] not in "+-":
            num = "+" + num
        if flags.space and num[0] == "+" and not flags.plus:
            num = " " + num[1:]
        if num[1] in "IN":
            saved, flags.zero = flags.zero, False
            if num[1] == "N" and not flags.space and not flags.plus:
                num = num[1:]
            self.pad(num)
            flags.zero = saved
            return
        if flags.sharp:
            num = _sharp_float(num, verb, prec)
        if flags.plus or num[0] != "+":
            if flags.zero and flags.width is not None and flags.width > len(num):
                self.out.append(num[0] + "0" * (flags.width - len(num)) + num[1:])
                return
            self.pad(num)
            return
        self.pad(num[1:])

    def fmt_string(self, value: str, verb: str) -> None:
        flags = self.flags
        if verb in "vs":
            if flags.prec is not None:
                value = value[: flags.prec]
            self.pad(value)
        elif verb in "xX" and not value:
            self.pad("")
        elif verb in "xX":
            data = value.encode("utf-8")
            if flags.prec is not None:
                data = data[: flags.prec]
            hexed = data.hex() if verb == "x" else data.hex().upper()
            prefix = ("0x" if verb == "x" else "0X") if flags.sharp else ""
            if flags.space:
                text = " ".join(
                    prefix + hexed[i : i + 2] for i in range(0, len(hexed), 2)
                )
            else:
                text = prefix + hexed
            self.pad(text)
        elif verb == "q":
            if flags.prec is not None:
                value = value[: flags.prec]
            if (
                flags.sharp
                and "`" not in value
                and all(c.isprintable() or c == "\t" for c in value)
            ):
                self.pad("`" + value + "`")
            else:
                self.pad(go_quote(value, '"', flags.plus))
        else:
            self.bad_verb(verb, value)

    def print_value(self, value: Any, verb: str, depth: int) -> None:
        """Go's printArg and printValue."""
        if value is None:
            if verb in ("v", "T"):  # Go prints a nil interface's type as <nil>
                self.pad("<nil>")
            else:
                self.bad_verb(verb, value)
            return
        if verb == "T":
            self.pad(type_name(value))
            return
        named = isinstance(value, (int, float)) and type(value) not in (
            bool,
            int,
            float,
        )
        if named and verb in "vsxXq":
            # A named number with a String method (time.Month, time.Duration)
            # prints by it, as Go's handleMethods does before the kind.
            text = _stringer(value)
            if text is not None:
                self.fmt_string(text, verb)
                return
        if isinstance(value, bool):
            if verb in "tv":
                self.pad("true" if value else "false")
            else:
                self.bad_verb(verb, value)
        elif isinstance(value, int):
            self.fmt_integer(value, verb)
        elif isinstance(value, float):
            self.fmt_float(value, verb)
        elif isinstance(value, str):
            self.fmt_string(value, verb)
        elif isinstance(value, Mapping):
            self.out.append("map[")
            for i, key in enumerate(sorted_keys(value)):
                if i:
                    self.out.append(" ")
                self.print_value(key, verb, depth + 1)
                self.out.append(":")
                self.print_value(value[key], verb, depth + 1)
            self.out.append("]")
        elif isinstance(value, (list, tuple)):
            self.out.append("[")
            for i, item in enumerate(value):
                if i:
                    self.out.append(" ")
                self.print_value(item, verb, depth + 1)
            self.out.append("]")
        else:
            text = _stringer(value)
            if text is not None and verb in "vsxXq":
                self.fmt_string(text, verb)
            elif isinstance(value, Sequence):
                self.print_value(list(value), verb, depth)
            elif text is None and verb in "vs":
                self.pad(str(value))
            else:
                self.bad_verb(verb, value)

    def printf(self, format: str, args: Sequence[Any]) -> str:
        """Go's doPrintf: the text between verbs, each verb with its flags,
        width, precision and argument index, then the arguments left over."""
        end, i = len(format), 0
        self.arg_num, self.reordered = 0, False
        while i < end:
            percent = format.find("%", i)
            if percent < 0:
                self.out.append(format[i:])
                break
            self.out.append(format[i:percent])
            i = self.parse_flags(format, percent + 1)
            self.good_arg_num = True
            i = self.arg_index(format, i, len(args))
            i = self.parse_width(format, i, args)
            i = self.parse_precision(format, i, args)
            if not self.after_index:
                i = self.arg_index(format, i, len(args))
            if i >= end:
                self.out.append("%!(NOVERB)")
                break
            self.print_verb(format[i], args)
            i += 1
        if not self.reordered and self.arg_num < len(args):
            self.print_extra(args[self.arg_num :])
        return "".join(self.out)

    def parse_flags(self, format: str, i: int) -> int:
        """The flags ``#0+- `` after a "%", as new flags for this verb."""
        flags = self.flags = _Flags()
        while i < len(format) and format[i] in "#0+- ":
            char = format[i]
            if char == "#":
                flags.sharp = True
            elif char == "0":
                flags.zero = not flags.minus
            elif char == "+":
                flags.plus = True
            elif char == "-":
                flags.minus, flags.zero = True, False
            else:
                flags.space = True
            i += 1
        return i

    def arg_index(self, format: str, i: int, count: int) -> int:
        """Go's argNumber, kept: an explicit ``[n]`` picks the argument, and
        a bad one spoils the verb (BADINDEX)."""
        self.arg_num, i, self.after_index, ok = _arg_number(
            self.arg_num, format, i, count
        )
        self.reordered |= self.after_index
        self.good_arg_num &= ok
        return i

    def parse_width(self, format: str, i: int, args: Sequence[Any]) -> int:
        """The width: ``*`` takes it from the arguments (negative is ``-``),
        else digits; digits right after ``[n]`` spoil the verb, as in Go."""
        flags = self.flags
        if i < len(format) and format[i] == "*":
            width, self.arg_num = _int_from_arg(args, self.arg_num)
            if width is None:
                self.out.append("%!(BADWIDTH)")
            elif width < 0:
                flags.width, flags.minus, flags.zero = -width, True, False
            else:
                flags.width = width
            self.after_index = False
            return i + 1
        width, i = _parse_num(format, i)
        if width is not None:
            flags.width = width
            if self.after_index:
                self.good_arg_num = False
        return i

    def parse_precision(self, format: str, i: int, args: Sequence[Any]) -> int:
        """The precision after a ".": ``*`` takes it from the arguments
        (negative is none), else digits (none is 0)."""
        if not (i + 1 < len(format) and format[i] == "."):
            return i
        i += 1
        if self.after_index:
            self.good_arg_num = False
        i = self.arg_index(format, i, len(args))
        if i < len(format) and format[i] == "*":
            prec, self.arg_num = _int_from_arg(args, self.arg_num)
            if prec is not None and prec < 0:
                prec = None
            if prec is None:
                self.out.append("%!(BADPREC)")
            self.flags.prec = prec
            self.after_index = False
            return i + 1
        prec, i = _parse_num(format, i)
        self.flags.prec = prec or 0
        return i

    def print_verb(self, verb: str, args: Sequence[Any]) -> None:
        """One verb and its argument, or Go's complaint instead."""
        if verb == "%":
            self.out.append("%")
        elif not self.good_arg_num:
            self.out.append(f"%!{verb}(BADINDEX)")
        elif self.arg_num >= len(args):
            self.out.append(f"%!{verb}(MISSING)")
        else:
            value = args[self.arg_num]
            self.arg_num += 1
            flags = self.flags
            if verb == "v":
                flags.plus = False  # %+v only matters for structs
                if flags.sharp:  # %#v: Go syntax
                    flags.sharp = False
                    if isinstance(value, str):
                        self.fmt_string(value, "q")
                    elif isinstance(value, (list, tuple, Mapping)):
                        self.pad(_go_syntax(value, 0))
                    else:
                        self.print_value(value, "v", 0)
                    return
            self.print_value(value, verb, 0)

    def print_extra(self, extra: Sequence[Any]) -> None:
        """Go's ``%!(EXTRA type=value, ...)`` for arguments no verb used."""
        self.flags = _Flags()
        self.out.append("%!(EXTRA ")
        for n, arg in enumerate(extra):
            if n:
                self.out.append(", ")
            if arg is None:
                self.out.append("<nil>")
            else:
                self.out.append(type_name(arg) + "=")
                self.print_value(arg, "v", 0)
        self.out.append(")")


def _go_syntax(value: Any, depth: int) -> str:
    """Go's %#v for the kinds templates hold."""
    if value is None:
        return "interface {}(nil)" if depth else "<nil>"
    if isinstance(value, str):
        return go_quote(value)
    if isinstance(value, (bool, int, float)):
        return format_value(value)
    if isinstance(value, Mapping):
        items = ", ".join(
            f"{_go_syntax(key, depth + 1)}:{_go_syntax(value[key], depth + 1)}"
            for key in sorted_keys(value)
        )
        return f"{type_name(value)}{{{items}}}"
    if isinstance(value, (list, tuple)):
        items = ", ".join(_go_syntax(item, depth + 1) for item in value)
        return f"{type_name(value)}{{{items}}}"
    return format_value(value)


def _arg_number(
    arg_num: int, format: str, i: int, count: int
) -> tuple[int, int, bool, bool]:
    """Go's argNumber: an explicit [n] index, if there is one."""
    if i >= len(format) or format[i] != "[":
        return arg_num, i, False, True
    close = format.find("]", i + 1)
    if close < 0:
        return arg_num, i + 1, False, False
    index_text = format[i + 1 : close]
    if not index_text.isdigit():
        return arg_num, close + 1, True, False
    index = int(index_text) - 1
    if not 0 <= index < count:
        return arg_num, close + 1, True, False
    return index, close + 1, True, True


def _int_from_arg(args: Sequence[Any], arg_num: int) -> tuple[int | None, int]:
    if arg_num < len(args):
        value = args[arg_num]
        if isinstance(value, int) and not isinstance(value, bool):
            if -(10**6) <= value <= 10**6:
                return value, arg_num + 1
        return None, arg_num + 1
    return None, arg_num


def _parse_num(format: str, i: int) -> tuple[int | None, int]:
    start = i
    while i < len(format) and format[i].isdigit() and format[i].isascii():
        i += 1
    if i == start:
        return None, i
    return int(format[start:i]), i


def _to_base(value: int, base: int) -> str:
    if base == 10:
        return str(value)
    return {2: format(value, "b"), 8: format(value, "o"), 16: format(value, "x")}[base]


def _chr(value: int) -> str:
    return (
        chr(value)
        if 0 <= value <= 0x10FFFF and not 0xD800 <= value < 0xE000
        else "\ufffd"
    )


def _sharp_float(num: str, verb: str, prec: int | None) -> str:
    """Go's %#g/%#f/%#e: keep the decimal point (and %#g's trailing zeros)."""
    mantissa, exp = num, ""
    for marker in "eE":
        if marker in num:
            at = num.index(marker)
            mantissa, exp = num[:at], num[at:]
    if "." not in mantissa:
        mantissa += "."
    if verb in "gG":
        digits = prec if prec is not None else 6
        count = sum(c.isdigit() for c in mantissa.lstrip("+- 0.")) or 1
        mantissa += "0" * max(digits - count, 0)
    return mantissa + exp


def sorted_keys(mapping: Mapping) -> list:
    """Go's fmtsort order for one kind of key (numbers, strings or bools)."""
    try:
        return sorted(mapping)
    except TypeError:
        return sorted(mapping, key=lambda key: (type_name(key), str(key)))


def sprintf(format: str, *args: Any) -> str:
    """Go's fmt.Sprintf."""
    return _Printer().printf(format, args)


def sprint(*args: Any) -> str:
    """Go's fmt.Sprint: a space between operands when neither is a string."""
    out = []
    for i, arg in enumerate(args):
        if i and not isinstance(arg, str) and not isinstance(args[i - 1], str):
            out.append(" ")
        out.append(format_value(arg))
    return "".join(out)


def sprintln(*args: Any) -> str:
    """Go's fmt.Sprintln: spaces between all operands, and a newline."""
    return " ".join(format_value(arg) for arg in args) + "\n"


def format_value(value: Any) -> str:
    """Go's %v of one value."""
    if isinstance(value, str):
        return value
    printer = _Printer()
    printer.print_value(value, "v", 0)
    return "".join(printer.out)
