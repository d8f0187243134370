"""Hypothesis strategies for Go templates and the data they run on.

The templates are well typed by construction (a comparison compares two
values of one kind, an index is in range, a key exists), so Hugo renders
every one of them and a batch of many fits in one Hugo build. They keep to
what Go's text/template and Hugo's functions agree on: no ``slice``
(Hugo's makes a list), no ``eq`` across kinds (Hugo converts), strings
compared only in lower case (Hugo collates), no missing keys (html/template
prints nothing where text/template prints ``<no value>``)."""

from __future__ import annotations

import json

from hypothesis import strategies as st

LETTERS = "abcdefgh"
# Strings in data and literals: letters, space and what HTML escapes.
STRING_CHARS = "abcxyz <>&'\"é+"
TEXT_CHARS = "abc xyz\n\t.,;:!?()[]-_=é"

INTS = st.integers(-1000, 1000)
FLOATS = st.integers(-4000, 4000).map(lambda k: k / 4) | st.sampled_from(
    [1000000.0, 1234567.5, 0.0001, 0.5, 100000.0, 1e21 / 1e21 * 123456789.0]
)
SAFE_STRINGS = st.text(LETTERS, max_size=6)
STRINGS = st.text(STRING_CHARS, max_size=8)


@st.composite
def params(draw) -> dict:
    """Front matter params: two of each kind, lists of each kind and a map."""
    data = {}
    for n in range(2):
        data[f"s{n}"] = draw(STRINGS)
        data[f"w{n}"] = draw(SAFE_STRINGS)  # lower-case words, for lt and sort
        data[f"i{n}"] = draw(INTS)
        data[f"f{n}"] = draw(FLOATS)
        data[f"b{n}"] = draw(st.booleans())
    data["li"] = draw(st.lists(INTS, max_size=5))
    data["ls"] = draw(st.lists(STRINGS, max_size=5))
    data["lf"] = draw(st.lists(FLOATS, max_size=4))
    data["lm"] = draw(
        st.lists(st.one_of(INTS, STRINGS, FLOATS, st.booleans()), max_size=4)
    )
    data["m"] = draw(
        st.dictionaries(
            st.text(LETTERS, min_size=1, max_size=3),
            st.one_of(INTS, STRINGS, st.lists(INTS, max_size=3)),
            max_size=4,
        )
    )
    return data


def go_string(text: str, raw: bool = False) -> str:
    """A Go string literal for ``text``."""
    if raw and "`" not in text:
        return "`" + text + "`"
    return json.dumps(text, ensure_ascii=False)


class _Env:
    """What a template may name at one point: variables and the kind of dot."""

    def __init__(self, variables: dict[str, str], dot: str, data: dict):
        self.variables = variables
        self.dot = dot
        self.data = data

    def with_(self, name: str, kind: str) -> _Env:
        return _Env({**self.variables, name: kind}, self.dot, self.data)


def _field(kind: str) -> st.SearchStrategy[str]:
    names = {
        "string": ["s0", "s1", "w0", "w1"],
        "word": ["w0", "w1"],
        "int": ["i0", "i1"],
        "float": ["f0", "f1"],
        "bool": ["b0", "b1"],
        "list": ["li", "ls", "lf", "lm"],
        "ilist": ["li"],
        "map": ["m"],
    }[kind]
    return st.sampled_from(names).map(lambda name: "$.Params." + name)


def _int_literal(value: int) -> st.SearchStrategy[str]:
    choices = [str(value)]
    if value >= 0:
        choices += [hex(value), f"0o{value:o}", f"0b{value:b}", f"{value:_}"]
        if 32 <= value < 127 and chr(value) not in "'\\":
            choices.append(f"'{chr(value)}'")
    return st.sampled_from(choices)


@st.composite
def expr(draw, kind: str, env: _Env, depth: int = 0) -> str:
    """A Go template operand or parenthesised pipeline of ``kind``."""
    nested = depth < 2
    variables = [name for name, k in env.variables.items() if k == kind]
    options = ["field"] + (["var"] if variables else [])
    if kind in ("int", "string", "word", "float", "bool"):
        options.append("literal")
    if nested:
        options += {
            "int": ["len", "index"],
            "string": ["print", "printf"],
            "word": [],
            "bool": ["compare", "not", "andor"],
            "float": [],
            "list": [],
            "ilist": [],
            "map": [],
        }[kind]
    choice = draw(st.sampled_from(options))
    if choice == "var":
        return draw(st.sampled_from(variables))
    if choice == "field":
        return draw(_field(kind))
    if choice == "literal":
        if kind == "int":
            return draw(INTS.flatmap(_int_literal))
        if kind == "float":
            return repr(draw(FLOATS))
        if kind == "bool":
            return draw(st.sampled_from(["true", "false"]))
        text = draw(SAFE_STRINGS if kind == "word" else STRINGS)
        return go_string(text, raw=draw(st.booleans()))
    sub = depth + 1
    if choice == "len":
        inner = draw(st.sampled_from(["list", "map", "word"]))
        if draw(st.booleans()):
            return f"({draw(expr(inner, env, sub))} | len)"
        return f"(len {draw(expr(inner, env, sub))})"
    if choice == "index":
        if not env.data["li"]:
            return draw(_field("int"))
        position = draw(st.integers(0, len(env.data["li"]) - 1))
        return f"(index $.Params.li {position})"
    if choice == "print":
        args = draw(
            st.lists(
                st.sampled_from(
                    ["int", "string", "float", "bool", "list", "map"]
                ).flatmap(lambda k: expr(k, env, sub)),
                min_size=1,
                max_size=3,
            )
        )
        return f"({draw(st.sampled_from(['print', 'println']))} {' '.join(args)})"
    if choice == "printf":
        return draw(printf_call(env, sub))
    if choice == "compare":
        operand = draw(st.sampled_from(["int", "word", "float", "bool", "string"]))
        if operand in ("bool", "string"):
            op = draw(st.sampled_from(["eq", "ne"]))
        else:
            op = draw(st.sampled_from(["eq", "ne", "lt", "le", "gt", "ge"]))
        count = draw(st.integers(2, 4)) if op == "eq" else 2
        args = [draw(expr(operand, env, sub)) for _ in range(count)]
        return f"({op} {' '.join(args)})"
    if choice == "not":
        return f"(not {draw(expr(draw(_any_kind()), env, sub))})"
    # and / or return an operand: keep them bool-valued with bool operands
    op = draw(st.sampled_from(["and", "or"]))
    args = [draw(expr("bool", env, sub)) for _ in range(draw(st.integers(1, 3)))]
    return f"({op} {' '.join(args)})"


def _any_kind() -> st.SearchStrategy[str]:
    return st.sampled_from(["int", "string", "float", "bool", "list", "map"])


# Verb, and the kinds it prints as Go and Hugo agree.
_VERBS = {
    "v": ["int", "string", "float", "bool", "list", "map"],
    "s": ["string", "list"],
    "d": ["int"],
    "q": ["string", "int"],
    "x": ["int", "string"],
    "X": ["int", "string"],
    "t": ["bool"],
    "f": ["float"],
    "g": ["float"],
    "e": ["float"],
    "o": ["int"],
    "c": ["int"],
}


@st.composite
def verb(draw) -> tuple[str, str]:
    """A printf directive (flags, width, precision, verb) and its kind."""
    letter = draw(st.sampled_from(sorted(_VERBS)))
    kind = draw(st.sampled_from(_VERBS[letter]))
    flags = "".join(draw(st.lists(st.sampled_from("+- 0#"), max_size=2, unique=True)))
    if letter in "qc" or kind in ("list", "map"):
        flags = flags.replace("#", "").replace("0", "")
    width = draw(st.sampled_from(["", "", "1", "5", "8"]))
    precision = ""
    if letter in "fgesv" and kind in ("float", "string"):
        precision = draw(st.sampled_from(["", "", ".0", ".2", ".3"]))
    if letter == "c":
        kind = "printable"
    return f"%{flags}{width}{precision}{letter}", kind


@st.composite
def printf_call(draw, env: _Env, depth: int) -> str:
    """printf with a format of literal text and directives, and their operands."""
    parts, args = [], []
    for _ in range(draw(st.integers(1, 3))):
        parts.append(draw(st.text("ab -:", max_size=3)).replace("%", ""))
        directive, kind = draw(verb())
        parts.append(directive)
        if kind == "printable":
            args.append(str(draw(st.integers(33, 126))))
        else:
            args.append(draw(expr(kind, env, depth)))
    if draw(st.booleans()):
        parts.append("%%")
    return f"(printf {go_string(''.join(parts))} {' '.join(args)})"


def _action(body: str, left: bool, right: bool) -> str:
    return ("{{- " if left else "{{ ") + body + (" -}}" if right else " }}")


@st.composite
def block(draw, env: _Env, depth: int = 0, in_range: bool = False) -> str:
    """Text, an action, a variable, or if/with/range around more blocks."""
    kinds = ["text", "print", "print", "printf", "var"]
    if depth < 2:
        kinds += ["if", "with", "range"]
    if depth >= 1:
        kinds = [kind for kind in kinds if kind != "var"] + ["text"]
    if in_range:
        kinds += ["loopcontrol"]
    kind = draw(st.sampled_from(kinds))
    trim = st.booleans()
    if kind == "text":
        return draw(st.text(TEXT_CHARS, min_size=1, max_size=6))
    if kind == "print":
        value_kind = draw(_any_kind())
        value = draw(expr(value_kind, env))
        if draw(st.booleans()) and value_kind != "list":
            value += " | " + draw(
                st.sampled_from(
                    [
                        "print",
                        'printf "[%v]"',
                        "len" if value_kind in ("string", "map") else "print",
                    ]
                )
            )
        return _action(value, draw(trim), draw(trim))
    if kind == "printf":
        return _action(draw(printf_call(env, 0))[1:-1], draw(trim), draw(trim))
    if kind == "var":
        name = "$v" + str(len(env.variables))
        value_kind = draw(_any_kind())
        declare = _action(
            f"{name} := {draw(expr(value_kind, env))}", draw(trim), draw(trim)
        )
        inner = env.with_(name, value_kind)
        rest = draw(body(inner, depth, in_range))
        use = _action(name, draw(trim), draw(trim))
        return declare + rest + use
    if kind == "loopcontrol":
        word = draw(st.sampled_from(["break", "continue"]))
        condition = draw(expr("bool", env))
        return (
            _action(f"if {condition}", False, False)
            + _action(word, False, False)
            + "{{ end }}"
        )
    if kind == "if":
        text = _action(
            f"if {draw(expr(draw(_any_kind()), env))}", draw(trim), draw(trim)
        )
        text += draw(body(env, depth + 1, in_range))
        if draw(st.booleans()):
            text += _action(
                f"else if {draw(expr('bool', env))}", draw(trim), draw(trim)
            )
            text += draw(body(env, depth + 1, in_range))
        if draw(st.booleans()):
            text += _action("else", draw(trim), draw(trim))
            text += draw(body(env, depth + 1, in_range))
        return text + _action("end", draw(trim), draw(trim))
    if kind == "with":
        value_kind = draw(_any_kind())
        inner = _Env(env.variables, value_kind, env.data)
        text = _action(f"with {draw(expr(value_kind, env))}", draw(trim), draw(trim))
        text += _action(".", False, False) + draw(body(inner, depth + 1, in_range))
        if draw(st.booleans()):
            text += "{{ else }}" + draw(body(env, depth + 1, in_range))
        return text + "{{ end }}"
    collection = draw(st.sampled_from(["list", "ilist", "map"]))
    index_kind = "string" if collection == "map" else "int"
    element = "int" if collection == "ilist" else "any"
    names = len(env.variables)
    key, value = f"$k{names}", f"$e{names}"
    inner = _Env({**env.variables, key: index_kind, value: element}, element, env.data)
    text = _action(
        f"range {key}, {value} := {draw(expr(collection, env))}", draw(trim), draw(trim)
    )
    text += _action(draw(st.sampled_from([key, value, "."])), False, False)
    text += draw(body(inner, depth + 1, True))
    if draw(st.booleans()):
        text += "{{ else }}" + draw(body(env, depth + 1, in_range))
    return text + "{{ end }}"


@st.composite
def body(draw, env: _Env, depth: int = 0, in_range: bool = False) -> str:
    size = 3 if depth == 0 else 2
    return "".join(
        draw(st.lists(block(env, depth, in_range), min_size=1, max_size=size))
    )


@st.composite
def template_and_params(draw) -> tuple[str, dict]:
    """A template over ``.Params`` (reached as ``$.Params``) and its params."""
    data = draw(params())
    return draw(template(data)), data


def template(data: dict) -> st.SearchStrategy[str]:
    """A template over ``data`` as ``.Params`` (reached as ``$.Params``)."""
    return body(_Env({}, "page", data))


@st.composite
def batch(draw, size: int) -> list[tuple[str, dict]]:
    """``size`` templates over one set of params: few draws, so a batch fits
    in one Hypothesis example."""
    data = draw(params())
    return [(draw(template(data)), data) for _ in range(size)]
