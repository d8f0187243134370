"""Tags into a tree of calls, as Hugo 0.111 nests shortcodes.

A shortcode takes the text up to its closing tag only if its template uses
``.Inner`` (``takes_inner``, which the engine answers); any other stands
alone. A closing tag nothing opened, an opened one never closed, and a
``/>`` on a Go template that takes no inner text stop with Hugo's words,
the page's file:line and what to write.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .calls import ShortcodeError, Where
from .lexer import Tag


@dataclass
class Node:
    """A call in the tree: its opening tag, its line and what it holds."""

    tag: Tag
    line: int
    children: list[Node | str] = field(default_factory=list)
    closed: bool = False


def parse(
    tags: list[Tag | str],
    where: Where,
    takes_inner: Callable[[str, int], bool],
    is_go: Callable[[str], bool],
) -> list[Node | str]:
    """The calls of a body at its top, each holding what it encloses.
    ``takes_inner(name, line)`` is asked once per name (and stops on an
    unknown one); ``is_go(name)`` says whether a Go template runs it."""
    roots: list[Node | str] = []
    stack: list[Node] = []
    inner_of: dict[str, bool] = {}  # a name checked once per page
    for tag in tags:
        into = stack[-1].children if stack else roots
        if isinstance(tag, str):
            into.append(tag)
        elif tag.kind == "text":
            into.append(tag.text)
        elif tag.kind == "open":
            node = Node(tag, where.line(tag.pos))
            takes = inner_of.get(tag.name)
            if takes is None:
                takes = inner_of[tag.name] = takes_inner(tag.name, node.line)
            into.append(node)
            if tag.self_closing and not takes and is_go(tag.name):
                raise _self_closed_error(node, where)
            if not tag.self_closing and takes:
                stack.append(node)
        elif stack and stack[-1].tag.name == tag.name:
            stack.pop().closed = True
        else:
            raise _closing_error(tag, into, stack, where)
    if stack:
        raise _unclosed_error(stack[-1], where)
    return roots


def _self_closed_error(node: Node, where: Where) -> ShortcodeError:
    """Hugo 0.111 counts ``/>`` as a closing tag, which a Go template that
    does not print ``.Inner`` refuses."""
    tag = node.tag
    return ShortcodeError(
        where.path,
        node.line,
        f'shortcode "{tag.name}" does not evaluate .Inner or '
        ".InnerDeindent, yet a closing tag was provided (Hugo "
        f"counts {{{{{tag.delim} {tag.name} /{tag.closer}}}}} as "
        f"one); write {{{{{tag.delim} {tag.name} {tag.closer}}}}}",
    )


def _closing_error(
    tag: Tag, into: list[Node | str], stack: list[Node], where: Where
) -> ShortcodeError:
    """A closing tag that closes nothing open: after a call that takes no
    inner text (in Hugo's words), with nothing open, or across another."""
    line = where.line(tag.pos)
    opened = next((n for n in reversed(into) if isinstance(n, Node)), None)
    if opened is not None and opened.tag.name == tag.name:
        # Hugo's words, at the closing tag.
        return ShortcodeError(
            where.path,
            line,
            f"closing tag {{{{{tag.delim} /{tag.name} {tag.closer}}}}} "
            f'has no opening tag to close: shortcode "{tag.name}" '
            "does not evaluate .Inner or .InnerDeindent, yet a "
            "closing tag was provided; remove the closing tag, or "
            "print .Inner in its template",
        )
    if not stack:
        return ShortcodeError(
            where.path,
            line,
            f"closing tag {{{{< /{tag.name} >}}}} has no opening "
            f'tag, or shortcode "{tag.name}" takes no inner text; '
            "remove the closing tag",
        )
    return ShortcodeError(
        where.path,
        line,
        f'closing tag for "{tag.name}" found where '
        f'"{stack[-1].tag.name}" (line {stack[-1].line}) is still '
        f'open; close "{stack[-1].tag.name}" first',
    )


def _unclosed_error(node: Node, where: Where) -> ShortcodeError:
    """A call that takes inner text and was never closed."""
    tag = node.tag
    return ShortcodeError(
        where.path,
        node.line,
        f'shortcode "{tag.name}" must be closed or self-closed; '
        f"add {{{{{tag.delim} /{tag.name} {tag.closer}}}}} "
        f"after its inner text, or write {{{{{tag.delim} "
        f"{tag.name} /{tag.closer}}}}}",
    )
