"""The engine's public face: parse a Go template once, execute it many times.

A ``TemplateSet`` holds named templates that reach each other with
``{{template "name" .}}`` (``define`` and ``block`` add to it); a
``Template`` is one name in a set."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from .builtins import BUILTINS
from .errors import TemplateError
from .exec import Tree, execute_tree
from .gofmt import go_quote
from .htmltemplate.content import HTML, URL, HTMLAttr
from .htmltemplate.escape import ESCAPERS, escape_trees
from .parse import is_empty, parse_trees

logger = logging.getLogger(__name__)

# Hugo's names for marking a value trusted, known in a set that escapes.
TRUSTED: dict[str, Callable] = {
    "safeHTML": HTML,
    "safeHTMLAttr": HTMLAttr,
    "safeURL": URL,
}


class TemplateSet:
    """Templates that share definitions and functions (Go's associated templates).

    ``funcs`` are known when parsing (a name not among them or Go's built-ins
    does not parse, as in Go) and callable when executing. With ``html``,
    each parsed template is escaped as Go's html/template escapes it (see
    htmltemplate/escape.py) and ``safeHTML``, ``safeHTMLAttr``, ``safeURL``
    are known."""

    def __init__(self, funcs: Mapping[str, Callable] | None = None, html: bool = False):
        self.html = html
        trusted = {**TRUSTED, **ESCAPERS} if html else {}
        self.funcs: dict[str, Callable] = {**BUILTINS, **trusted, **(funcs or {})}
        self.trees: dict[str, Tree] = {}

    def parse(self, name: str, text: str) -> Template:
        """Parse ``text`` as template ``name`` (and its defines) into the set.

        Raises TemplateError with Go's message where the text does not parse."""
        trees = parse_trees(name, text, self.funcs)
        added = []
        for tree_name, root in trees.items():
            old = self.trees.get(tree_name)
            if old is not None and is_empty(root) and not is_empty(old.root):
                continue  # an empty redefinition keeps the old body, as in Go
            self.trees[tree_name] = Tree(tree_name, root, name, text)
            added.append(tree_name)
        if self.html:
            escape_trees(self.trees, added)
        return Template(name, self)

    def lookup(self, name: str) -> Template | None:
        """The template called ``name``, if the set has it."""
        return Template(name, self) if name in self.trees else None

    def execute(
        self,
        name: str,
        data: Any,
        funcs: Mapping[str, Callable] | None = None,
    ) -> str:
        """Run template ``name`` with ``data`` as dot; ``funcs`` add to or
        replace the set's functions for this run only."""
        tree = self.trees.get(name)
        if tree is None:
            raise TemplateError(
                f"template: no template {go_quote(name)} associated with template set",
                name,
                0,
            )
        functions = {**self.funcs, **funcs} if funcs else self.funcs
        return execute_tree(self.trees, tree, data, functions)


class Template:
    """One named template: ``Template("t").parse(text).execute(data)``."""

    def __init__(
        self,
        name: str,
        template_set: TemplateSet | None = None,
        funcs: Mapping[str, Callable] | None = None,
    ):
        self.name = name
        self.set = template_set if template_set is not None else TemplateSet(funcs)
        if template_set is not None and funcs:
            self.set.funcs.update(funcs)

    def parse(self, text: str) -> Template:
        """Parse ``text`` as this template's body; returns self."""
        self.set.parse(self.name, text)
        return self

    def execute(self, data: Any, funcs: Mapping[str, Callable] | None = None) -> str:
        """The text this template writes with ``data`` as dot."""
        return self.set.execute(self.name, data, funcs)

    def __repr__(self) -> str:
        return f"Template({self.name!r})"
