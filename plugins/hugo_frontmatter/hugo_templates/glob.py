"""Hugo 0.111's globs (``.Resources.Match``, ``.GetMatch``, front matter
``resources`` ``src``, ``resources.Match``): gobwas/glob v0.2.3 with ``/``
as the separator, pattern and name lower-cased, compiled the way that
library compiles them so a glob finds what Hugo finds, its quirks too.

gobwas/glob does not match a pattern as a regular expression would: it
glues what it can (``?*`` is "at least one character, no ``/``"), splits
the rest into a tree around its longest fixed-length part, and a part of
that tree never matches an empty name (``?***.png``, a ``**`` then a
``*``, finds ``ab.png`` but not ``a.png``). So the pattern is parsed,
compiled and matched here as gobwas/glob does it, step by step.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from . import glob_matchers as gm

logger = logging.getLogger(__name__)

SEPARATOR = "/"
_SPECIAL = "*?[{\\"


# The pattern's tree (gobwas/glob's syntax/ast) ------------------------------


@dataclass(frozen=True)
class Node:
    """One node: ``kind`` is pattern, any_of, text, any, super, single,
    list, range or nothing; equal nodes compare equal (the compiler's
    minimising of ``{...}`` looks for shared children)."""

    kind: str
    value: tuple = ()
    children: tuple[Node, ...] = ()


def parse(pattern: str) -> Node:
    """The pattern's tree; a bad pattern is a ValueError."""
    node, at = _parse(pattern, 0, False)
    return node


def _parse(pattern: str, at: int, in_braces: bool) -> tuple[Node, int]:
    children: list[Node] = []
    while at < len(pattern):
        char = pattern[at]
        if in_braces and char in ",}":
            break
        if char == "*":
            double = pattern.startswith("**", at)
            children.append(Node("super" if double else "any"))
            at += 2 if double else 1
        elif char == "?":
            children.append(Node("single"))
            at += 1
        elif char == "[":
            node, at = _parse_class(pattern, at)
            children.append(node)
        elif char == "{":
            choices = []
            while True:
                choice, at = _parse(pattern, at + 1, True)
                choices.append(choice)
                if at >= len(pattern):
                    raise ValueError(f"bad glob pattern {pattern!r}: unclosed '{{'")
                if pattern[at] == "}":
                    break
            children.append(Node("any_of", children=tuple(choices)))
            at += 1
        else:
            text, at = _parse_text(pattern, at, in_braces)
            children.append(Node("text", (text,)))
    return Node("pattern", children=tuple(children)), at


def _parse_text(pattern: str, at: int, in_braces: bool) -> tuple[str, int]:
    """A run of plain characters (``\\`` escapes the next one) is one text."""
    text = []
    breakers = _SPECIAL[:-1] + (",}" if in_braces else "")
    while at < len(pattern) and pattern[at] not in breakers:
        if pattern[at] == "\\":
            at += 1
            if at >= len(pattern):
                raise ValueError(f"bad glob pattern {pattern!r}: unexpected end")
        text.append(pattern[at])
        at += 1
    return "".join(text), at


def _parse_class(pattern: str, at: int) -> tuple[Node, int]:
    end = pattern.find("]", at + 1)
    if end < 0:
        raise ValueError(f"bad glob pattern {pattern!r}: unclosed '['")
    body = pattern[at + 1 : end]
    negate = body.startswith("!")
    body = body[1:] if negate else body
    if not body:
        raise ValueError(f"bad glob pattern {pattern!r}: empty '[]'")
    if len(body) == 3 and body[1] == "-":
        if body[0] > body[2]:
            raise ValueError(f"bad glob pattern {pattern!r}: bad range")
        return Node("range", (body[0], body[2], negate)), end + 1
    return Node("list", (body, negate)), end + 1


# The compiler (gobwas/glob's compiler package) -----------------------------


def _compile(node: Node) -> object:
    if node.kind == "any_of":
        shorter = _minimize_any_of(node)
        if shorter is not None:
            return _compile(shorter)
        return gm.AnyOf([_optimize(_compile(child)) for child in node.children])
    if node.kind == "pattern":
        if not node.children:
            return gm.Nothing()
        parts = [_optimize(_compile(child)) for child in node.children]
        return _optimize(_compile_matchers(_minimize_matchers(parts)))
    simple = {
        "any": lambda: gm.Any(SEPARATOR),
        "super": gm.Super,
        "single": lambda: gm.Single(SEPARATOR),
        "nothing": gm.Nothing,
        "text": lambda: gm.Text(*node.value),
        "list": lambda: gm.List(*node.value),
        "range": lambda: gm.Range(*node.value),
    }
    return _optimize(simple[node.kind]())


def _optimize(matcher):
    """gobwas/glob's optimizeMatcher: a tree around a text, with ``*`` or
    ``**`` or nothing beside it, becomes one matcher."""
    if isinstance(matcher, gm.AnyOf) and len(matcher.matchers) == 1:
        return matcher.matchers[0]
    if isinstance(matcher, gm.List) and not matcher.negate and len(matcher.chars) == 1:
        return gm.Text(matcher.chars)
    if not isinstance(matcher, gm.BTree):
        return matcher
    left, right = _optimize(matcher.left), _optimize(matcher.right)
    matcher.left, matcher.right = left, right
    if not isinstance(matcher.value, gm.Text):
        return matcher
    text = matcher.value.text
    shapes = {
        (type(None), type(None)): lambda: gm.Text(text),
        (gm.Super, gm.Super): lambda: gm.Contains(text, False),
        (gm.Super, type(None)): lambda: gm.Suffix(text),
        (type(None), gm.Super): lambda: gm.Prefix(text),
        (type(None), gm.Suffix): lambda: gm.PrefixSuffix(text, right.suffix),
        (gm.Prefix, type(None)): lambda: gm.PrefixSuffix(left.prefix, text),
        (gm.Any, type(None)): lambda: gm.SuffixAny(text, left.separators),
        (type(None), gm.Any): lambda: gm.PrefixAny(text, right.separators),
    }
    shape = shapes.get((type(left), type(right)))
    return shape() if shape else matcher


def _compile_matchers(matchers: list):
    """A row of matchers as one: glued, or a tree around the last of the
    longest fixed-length ones (or around the first, if none has one)."""
    if len(matchers) == 1:
        return matchers[0]
    glued = _glue(matchers)
    if glued is not None:
        return glued
    at, longest = -1, -1
    for number, matcher in enumerate(matchers):
        if matcher.size != -1 and matcher.size >= longest:
            at, longest = number, matcher.size
    if at == -1:
        return gm.BTree(matchers[0], None, _compile_matchers(matchers[1:]))
    left, right = matchers[:at], matchers[at + 1 :]
    return gm.BTree(
        matchers[at],
        _compile_matchers(left) if left else None,
        _compile_matchers(right) if right else None,
    )


def _glue(matchers: list):
    return _glue_as_every(matchers) or _glue_as_row(matchers)


def _glue_as_row(matchers: list):
    if len(matchers) <= 1 or any(m.size == -1 for m in matchers):
        return None
    return gm.Row(sum(m.size for m in matchers), matchers)


def _glue_as_every(matchers: list):
    """``*``, ``**``, ``?`` and ``[!...]`` side by side, of one separator:
    a count of characters and a character they must not hold."""
    if len(matchers) <= 1:
        return None
    kinds, singles, separator = set(), 0, None
    for matcher in matchers:
        if isinstance(matcher, gm.Super):
            kind, separators = "super", ""
        elif isinstance(matcher, gm.Any):
            kind, separators = "any", matcher.separators
        elif isinstance(matcher, gm.Single):
            kind, separators = "single", matcher.separators
        elif isinstance(matcher, gm.List) and matcher.negate:
            kind, separators = "single", matcher.chars
        else:
            return None
        separator = separators if separator is None else separator
        if separators != separator:
            return None
        kinds.add(kind)
        singles += kind == "single"
    if kinds == {"super"}:
        return gm.Super()
    if kinds == {"any"}:
        return gm.Any(separator)
    if kinds & {"any", "super"} and singles and not separator:
        return gm.Min(singles)
    every = []
    if singles:
        every.append(gm.Min(singles))
        if not kinds & {"any", "super"}:
            every.append(gm.Max(singles))
    if separator:
        every.append(gm.Contains(separator, True))
    return gm.EveryOf(every)


def _minimize_matchers(matchers: list) -> list:
    """Glue the widest run of neighbours that glues, again until none does."""
    done, left, right, count = None, 0, 0, 0
    for start in range(len(matchers)):
        for end in range(len(matchers), start, -1):
            glued = _glue(matchers[start:end])
            if glued is None:
                continue
            if done is None:
                swap = True
            else:
                swap = done.size > -1 and glued.size > -1 and glued.size > done.size
                swap = swap or count < end - start
            if swap:
                done, left, right, count = glued, start, end, end - start
    if done is None:
        return matchers
    shorter = [*matchers[:left], done, *matchers[right:]]
    if len(shorter) == len(matchers):
        return shorter
    return _minimize_matchers(shorter)


def _minimize_any_of(node: Node) -> Node | None:
    """``{ab,ac}`` as ``a{b,c}``: what every choice starts or ends with,
    taken out of the braces (None when nothing is shared)."""
    if not all(child.kind == "pattern" for child in node.children):
        return None
    common_left, common_right = _common_children(node.children)
    if not common_left and not common_right:
        return None
    result = []
    if common_left:
        result.append(Node("pattern", children=tuple(common_left)))
    choices: list[Node] = []
    for child in node.children:
        kept = child.children[
            len(common_left) : len(child.children) - len(common_right)
        ]
        choice = Node("pattern", children=kept) if kept else Node("nothing")
        if choice not in choices:
            choices.append(choice)
    if len(choices) == 1 and choices[0].kind != "nothing":
        result.append(choices[0])
    elif len(choices) > 1:
        result.append(Node("any_of", children=tuple(choices)))
    if common_right:
        result.append(Node("pattern", children=tuple(common_right)))
    return Node("pattern", children=tuple(result))


def _common_children(nodes: tuple[Node, ...]) -> tuple[list[Node], list[Node]]:
    """The children all ``nodes`` share from the left and from the right,
    counted as gobwas/glob counts them."""
    if len(nodes) <= 1:
        return [], []
    shortest = min(range(len(nodes)), key=lambda i: len(nodes[i].children))
    tree = nodes[shortest].children
    size = len(tree)
    left: list[Node] = []
    right: dict[int, Node] = {}
    last_right = size
    break_left = break_right = False
    total, i, j = 0, 0, size - 1
    while total < size and j >= 0 and not (break_left and break_right):
        for k, other in enumerate(nodes):
            if break_left and break_right:
                break
            if k == shortest:
                continue
            break_left = break_left or tree[i] != other.children[i]
            break_right = break_right or (not break_left and j <= i)
            break_right = break_right or (
                tree[j] != other.children[j + len(other.children) - size]
            )
        if not break_left:
            total += 1
            left.append(tree[i])
        if not break_right:
            total += 1
            last_right = j
            right[j] = tree[j]
        i, j = i + 1, j - 1
    return left, [right[n] for n in range(last_right, size) if n in right]


def glob_matcher(pattern: str) -> Callable[[str], bool]:
    """Hugo's glob, case-insensitive: whether a name matches ``pattern``.
    A bad pattern is a ValueError."""
    matcher = _compile(parse(pattern.lower()))
    return lambda name: matcher.match(name.lower())
