"""Go's template execution (text/template/exec.go) over Python values.

Data is whatever Python holds: a dict's keys, an object's attributes and its
methods (called with the command's arguments) are what ``.Name`` reaches, in
Go's order (method, then field, then map key). ``None`` is Go's nil and
``MISSING`` the "no value" a missing map key gives."""

from __future__ import annotations

import inspect
import logging
import types
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from .errors import TemplateError, position
from .gofmt import format_value, go_quote, sorted_keys, type_name
from .nodes import (
    ActionNode,
    BoolNode,
    BranchNode,
    BreakNode,
    ChainNode,
    CommandNode,
    CommentNode,
    ContinueNode,
    DotNode,
    FieldNode,
    IdentifierNode,
    IfNode,
    ListNode,
    NilNode,
    Node,
    NumberNode,
    PipeNode,
    RangeNode,
    StringNode,
    TemplateNode,
    TextNode,
    VariableNode,
    WithNode,
)

logger = logging.getLogger(__name__)
# Go's basic kinds; a subclass is a named type, whose methods can be called.
_BASIC_TYPES = (str, int, float, bool, list, tuple)

# What a field names that the engine calls: a method (bound), a builtin.
_CALLED_TYPES = (types.MethodType, types.BuiltinFunctionType)

# Go allows 100000 nested template calls; Python's stack allows fewer.
MAX_DEPTH = 200


class _Missing:
    """Go's invalid reflect.Value: what a missing map key evaluates to."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False


MISSING: Any = _Missing()


class Tree:
    """A parsed template body and where its text came from, for messages."""

    __slots__ = ("name", "root", "parse_name", "text")

    def __init__(self, name: str, root: ListNode, parse_name: str, text: str):
        self.name = name
        self.root = root
        self.parse_name = parse_name
        self.text = text


class _Break(Exception):
    pass


class _Continue(Exception):
    pass


def is_true(value: Any) -> bool:
    """Go's truth: false, 0, nil, missing and empty strings, lists and maps
    are false; an object with IsZero() (as Hugo checks) is false when zero."""
    if value is None or value is MISSING:
        return False
    if isinstance(value, (bool, int, float, str, list, tuple, Mapping)):
        return bool(value)
    is_zero = getattr(value, "IsZero", None)
    if callable(is_zero):
        return not is_zero()
    if isinstance(value, Sequence):
        return len(value) > 0
    return True


@lru_cache(maxsize=4096)
def _arity(function: Callable) -> tuple[int, bool] | None:
    """How many arguments ``function`` takes and whether it takes more."""
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return None
    fixed, variadic = 0, False
    for parameter in signature.parameters.values():
        if parameter.kind == parameter.VAR_POSITIONAL:
            variadic = True
        elif parameter.kind in (
            parameter.POSITIONAL_ONLY,
            parameter.POSITIONAL_OR_KEYWORD,
        ):
            if parameter.default is parameter.empty:
                fixed += 1
    return fixed, variadic


def arity_of(function: Callable) -> tuple[int, bool] | None:
    """A function's ``(fixed, variadic)`` arguments as a template calls it (a
    bound method less its ``self``), or None where Python cannot tell; the
    engine and ``call`` check arguments against it."""
    target = getattr(function, "__func__", None)
    if target is not None:  # a bound method: its function, less self
        shape = _arity(target)
        return None if shape is None else (max(shape[0] - 1, 0), shape[1])
    try:
        return _arity(function)
    except TypeError:  # unhashable callable
        return None


def _call_plan(function: Callable) -> tuple[tuple[int, bool] | None, tuple]:
    """A function's ``arity_of`` and its Go argument kinds (``go_arg_types``),
    worked out once per function (a bound method's once per its function)."""
    target = getattr(function, "__func__", None)
    try:
        return _plan(function if target is None else target, target is not None)
    except TypeError:  # unhashable callable
        return None, getattr(function, "go_arg_types", ())


@lru_cache(maxsize=4096)
def _plan(function: Callable, bound: bool) -> tuple[tuple[int, bool] | None, tuple]:
    shape = _arity(function)
    if bound and shape is not None:  # less self
        shape = (max(shape[0] - 1, 0), shape[1])
    return shape, tuple(getattr(function, "go_arg_types", ()))


class State:
    """One execution: the output, the variable stack, the node for messages."""

    def __init__(
        self,
        trees: Mapping[str, Tree],
        tree: Tree,
        funcs: Mapping[str, Callable],
        out: list[str],
        depth: int = 0,
    ):
        self.trees = trees
        self.tree = tree
        self.funcs = funcs
        self.out = out
        self.depth = depth
        self.vars: list[tuple[str, Any]] = []
        self.node: Node | None = None
        self.from_map = False

    # Errors.
    def errorf(self, message: str) -> None:
        name = self.tree.name
        if self.node is None:
            raise TemplateError(f"template: {name}: {message}", name, 0)
        line, col = position(self.tree.text, self.node.pos)
        context = str(self.node)
        raise TemplateError(
            f"template: {self.tree.parse_name}:{line}:{col}: executing "
            f"{go_quote(name)} at <{context}>: {message}",
            self.tree.parse_name,
            line,
            col,
        )

    # Variables.
    def push(self, name: str, value: Any) -> None:
        self.vars.append((name, value))

    def mark(self) -> int:
        return len(self.vars)

    def pop(self, mark: int) -> None:
        del self.vars[mark:]

    def set_var(self, name: str, value: Any) -> None:
        for i in range(len(self.vars) - 1, -1, -1):
            if self.vars[i][0] == name:
                self.vars[i] = (name, value)
                return
        self.errorf(f"undefined variable: {name}")

    def set_top_var(self, n: int, value: Any) -> None:
        self.vars[-n] = (self.vars[-n][0], value)

    def var_value(self, name: str) -> Any:
        for i in range(len(self.vars) - 1, -1, -1):
            if self.vars[i][0] == name:
                return self.vars[i][1]
        self.errorf(f"undefined variable: {name}")

    # Walking.
    def walk(self, dot: Any, node: Node) -> None:
        self.node = node
        kind = type(node)  # the common kinds first, by exact type: the hot path
        if kind is TextNode:
            self.out.append(node.text)
        elif kind is ListNode:
            walk, out = self.walk, self.out
            for child in node.nodes:
                child_kind = type(child)
                if child_kind is TextNode:  # as walk does, without the call
                    self.node = child
                    out.append(child.text)
                elif child_kind is ActionNode and not child.pipe.decl:  # the same
                    self.node = child
                    value = self.eval_pipeline(dot, child.pipe)
                    if isinstance(value, str):
                        self.node = child
                        out.append(value)
                    else:
                        self.print_value(child, value)
                else:
                    walk(dot, child)
        elif kind is ActionNode:
            value = self.eval_pipeline(dot, node.pipe)
            if not node.pipe.decl:
                if isinstance(value, str):  # as print_value writes it
                    self.node = node
                    self.out.append(value)
                else:
                    self.print_value(node, value)
        elif kind is IfNode or kind is WithNode:
            self.walk_if_or_with(dot, node)
        elif isinstance(node, TextNode):
            self.out.append(node.text)
        elif isinstance(node, ActionNode):
            value = self.eval_pipeline(dot, node.pipe)
            if not node.pipe.decl:
                self.print_value(node, value)
        elif isinstance(node, ListNode):
            for child in node.nodes:
                self.walk(dot, child)
        elif isinstance(node, RangeNode):
            self.walk_range(dot, node)
        elif isinstance(node, BranchNode):
            self.walk_if_or_with(dot, node)
        elif isinstance(node, TemplateNode):
            self.walk_template(dot, node)
        elif isinstance(node, BreakNode):
            raise _Break
        elif isinstance(node, ContinueNode):
            raise _Continue
        elif not isinstance(node, CommentNode):
            self.errorf(f"unknown node: {node}")

    def walk_if_or_with(self, dot: Any, node: BranchNode) -> None:
        variables = self.vars
        mark = len(variables)
        try:
            value = self.eval_pipeline(dot, node.pipe)
            if is_true(value):
                self.walk(dot if isinstance(node, IfNode) else value, node.body)
            elif node.else_list is not None:
                self.walk(dot, node.else_list)
        finally:
            del variables[mark:]

    def walk_range(self, dot: Any, node: RangeNode) -> None:
        self.node = node
        mark = self.mark()
        try:
            value = self.eval_pipeline(dot, node.pipe)
            items = self._range_items(value)
            if items:
                inner = self.mark()
                decl = node.pipe.decl
                for index, element in items:
                    if decl:
                        if node.pipe.is_assign:
                            self.set_var(
                                decl[0].ident[0], index if len(decl) > 1 else element
                            )
                            if len(decl) > 1:
                                self.set_var(decl[1].ident[0], element)
                        else:
                            self.set_top_var(1, element)
                            if len(decl) > 1:
                                self.set_top_var(2, index)
                    try:
                        self.walk(element, node.body)
                    except _Continue:
                        pass
                    except _Break:
                        break
                    finally:
                        self.pop(inner)
                return
            if node.else_list is not None:
                self.walk(dot, node.else_list)
        finally:
            self.pop(mark)

    def _range_items(self, value: Any) -> list[tuple[Any, Any]]:
        if value is None or value is MISSING:
            return []
        if isinstance(value, Mapping):
            return [(key, value[key]) for key in sorted_keys(value)]
        if isinstance(value, (list, tuple)) or (
            isinstance(value, Sequence) and not isinstance(value, (str, bytes))
        ):
            return list(enumerate(value))
        self.errorf(f"range can't iterate over {format_value(value)}")
        raise AssertionError

    def walk_template(self, dot: Any, node: TemplateNode) -> None:
        self.node = node
        tree = self.trees.get(node.name)
        if tree is None:
            self.errorf(f"template {go_quote(node.name)} not defined")
        if self.depth >= MAX_DEPTH:
            self.errorf(f"exceeded maximum template depth ({MAX_DEPTH})")
        value = self.eval_pipeline(dot, node.pipe) if node.pipe else MISSING
        state = State(self.trees, tree, self.funcs, self.out, self.depth + 1)
        state.push("$", value)
        state.walk(value, tree.root)

    def print_value(self, node: Node, value: Any) -> None:
        self.node = node
        if value is MISSING:
            self.out.append("<no value>")
        elif isinstance(value, str):
            self.out.append(value)
        elif callable(value) and not hasattr(value, "String"):
            self.errorf(f"can't print {node} of type {type_name(value)}")
        else:
            self.out.append(format_value(value))

    # Evaluation.
    def eval_pipeline(self, dot: Any, pipe: PipeNode | None) -> Any:
        if pipe is None:
            return MISSING
        self.node = pipe
        value = MISSING
        final_given = False
        for cmd in pipe.cmds:
            value = self.eval_command(dot, cmd, value, final_given)
            final_given = True
        if pipe.decl:
            for variable in pipe.decl:
                if pipe.is_assign:
                    self.set_var(variable.ident[0], value)
                else:
                    self.push(variable.ident[0], value)
        return value

    def not_a_function(self, args: list[Node], has_final: bool) -> None:
        if len(args) > 1 or has_final:
            self.errorf(f"can't give argument to non-function {args[0]}")

    def eval_command(
        self, dot: Any, cmd: CommandNode, final: Any, has_final: bool
    ) -> Any:
        first = cmd.args[0]
        if type(first) is IdentifierNode:  # a function: the commonest command
            self.node = first
            name = first.ident
            function = self.funcs.get(name)
            if function is not None and name != "and" and name != "or":
                return self.eval_call(
                    dot, function, cmd, name, cmd.args, final, has_final
                )
            return self.eval_function(dot, first, cmd, cmd.args, final, has_final)
        if isinstance(first, FieldNode):
            self.node = first
            if len(first.ident) == 1:  # .Name: eval_field_chain's one step
                self.from_map = False
                return self.eval_field(
                    dot, first.ident[0], first, cmd.args, final, has_final, dot
                )
            return self.eval_field_chain(
                dot, dot, first, first.ident, cmd.args, final, has_final
            )
        if isinstance(first, ChainNode):
            self.node = first
            if isinstance(first.node, NilNode):
                self.errorf(f"indirection through explicit nil in {first}")
            receiver = self.eval_arg(dot, first.node)
            return self.eval_field_chain(
                dot, receiver, first, first.fields, cmd.args, final, has_final
            )
        if isinstance(first, IdentifierNode):
            self.node = first
            return self.eval_function(dot, first, cmd, cmd.args, final, has_final)
        if isinstance(first, PipeNode):
            self.not_a_function(cmd.args, has_final)
            return self.eval_pipeline(dot, first)
        if isinstance(first, VariableNode):
            self.node = first
            value = self.var_value(first.ident[0])
            if len(first.ident) == 1:
                self.not_a_function(cmd.args, has_final)
                return value
            return self.eval_field_chain(
                dot, value, first, first.ident[1:], cmd.args, final, has_final
            )
        self.node = first
        self.not_a_function(cmd.args, has_final)
        if isinstance(first, BoolNode):
            return first.value
        if isinstance(first, DotNode):
            return dot
        if isinstance(first, NilNode):
            self.errorf("nil is not a command")
        if isinstance(first, NumberNode):
            return first.value
        if isinstance(first, StringNode):
            return first.text
        self.errorf(f"can't evaluate command {go_quote(str(first))}")

    def eval_arg(self, dot: Any, node: Node) -> Any:
        """An argument's value; missing values become nil, as Go passes them."""
        self.node = node
        kind = type(node)
        if kind is StringNode:
            return node.text
        if kind is DotNode:
            return None if dot is MISSING else dot
        if isinstance(node, DotNode):
            return None if dot is MISSING else dot
        if isinstance(node, NilNode):
            return None
        if isinstance(node, FieldNode):
            value = self.eval_field_chain(
                dot, dot, node, node.ident, [node], MISSING, False
            )
        elif isinstance(node, VariableNode):
            value = self.var_value(node.ident[0])
            if len(node.ident) > 1:
                value = self.eval_field_chain(
                    dot, value, node, node.ident[1:], [node], MISSING, False
                )
        elif isinstance(node, PipeNode):
            value = self.eval_pipeline(dot, node)
        elif isinstance(node, IdentifierNode):
            value = self.eval_function(dot, node, node, [node], MISSING, False)
        elif isinstance(node, ChainNode):
            if isinstance(node.node, NilNode):
                self.errorf(f"indirection through explicit nil in {node}")
            receiver = self.eval_arg(dot, node.node)
            value = self.eval_field_chain(
                dot, receiver, node, node.fields, [node], MISSING, False
            )
        elif isinstance(node, BoolNode):
            return node.value
        elif isinstance(node, NumberNode):
            return node.value
        elif isinstance(node, StringNode):
            return node.text
        else:
            self.errorf(f"can't handle {node} for arg of type interface {{}}")
        return None if value is MISSING else value

    def eval_string_arg(self, dot: Any, node: Node) -> str:
        """An argument Go's function declares as a string, checked as Go does."""
        self.node = node
        if isinstance(node, NilNode):
            self.errorf("cannot assign nil to string")
        if isinstance(node, (BoolNode, NumberNode)):
            self.errorf(f"expected string; found {node}")
        value = self.eval_arg(dot, node)
        self.node = node
        if value is None:
            self.errorf("invalid value; expected string")
        if not isinstance(value, str):
            self.errorf(
                f"wrong type for value; expected string; got {type_name(value)}"
            )
        return value

    def eval_field_chain(
        self,
        dot: Any,
        receiver: Any,
        node: Node,
        ident: list[str],
        args: list[Node],
        final: Any,
        has_final: bool,
    ) -> Any:
        self.from_map = False
        if len(ident) > 1:
            for name in ident[:-1]:
                receiver = self.eval_field(
                    dot, name, node, [], MISSING, False, receiver
                )
        return self.eval_field(dot, ident[-1], node, args, final, has_final, receiver)

    def eval_field(
        self,
        dot: Any,
        name: str,
        node: Node,
        args: list[Node],
        final: Any,
        has_final: bool,
        receiver: Any,
    ) -> Any:
        if receiver is MISSING:
            return MISSING
        if receiver is None:
            self.errorf(f"nil pointer evaluating interface {{}}.{name}")
        has_args = len(args) > 1 or has_final
        if type(receiver) is dict or (
            isinstance(receiver, Mapping) and not _has_method(receiver, name)
        ):
            if has_args:
                self.errorf(f"{name} is not a method but has arguments")
            self.from_map = True  # Go's static type of the value: interface {}
            try:
                return receiver[name]
            except KeyError:
                return MISSING
        if (
            not name.startswith("_")
            and (
                not isinstance(receiver, (str, int, float, bool, list, tuple))
                # a named basic type's exported method (time.Duration's Hours)
                or (type(receiver) not in _BASIC_TYPES and name[:1].isupper())
            )
        ):
            try:
                attribute = getattr(receiver, name)
            except AttributeError:
                attribute = MISSING
            except Exception as error:  # a property that failed
                self.errorf(f"error calling {name}: {error}")
            if attribute is not MISSING:
                if isinstance(attribute, _CALLED_TYPES):
                    return self.eval_call(
                        dot, attribute, node, name, args, final, has_final
                    )
                if has_args:
                    self.errorf(
                        f"{name} has arguments but cannot be invoked as function"
                    )
                return attribute
        typ = "interface {}" if self.from_map else type_name(receiver)
        self.errorf(f"can't evaluate field {name} in type {typ}")

    def eval_function(
        self,
        dot: Any,
        node: IdentifierNode,
        cmd: Node,
        args: list[Node],
        final: Any,
        has_final: bool,
    ) -> Any:
        name = node.ident
        function = self.funcs.get(name)
        if function is None:
            self.errorf(f"{go_quote(name)} is not a defined function")
        if name in ("and", "or") and getattr(function, "go_builtin", False):
            return self.eval_and_or(dot, name, args, final, has_final)
        return self.eval_call(dot, function, cmd, name, args, final, has_final)

    def eval_and_or(
        self, dot: Any, name: str, args: list[Node], final: Any, has_final: bool
    ) -> Any:
        """Go's and/or: stop at the first operand that decides, return it."""
        count = len(args) - 1 + (1 if has_final else 0)
        if count < 1:
            self.errorf(f"wrong number of args for {name}: want at least 1 got 0")
        value: Any = None
        for arg in args[1:]:
            value = self.eval_arg(dot, arg)
            if is_true(value) == (name == "or"):
                return value
        if has_final:
            value = None if final is MISSING else final
        return value

    def eval_call(
        self,
        dot: Any,
        function: Callable,
        node: Node,
        name: str,
        args: list[Node],
        final: Any,
        has_final: bool,
    ) -> Any:
        # args[0] is the command; a field inside a chain has none (Go's nil).
        given = max(len(args) - 1, 0)
        count = given + 1 if has_final else given
        shape, kinds = _call_plan(function)
        if shape is not None:
            fixed, variadic = shape
            if variadic and count < fixed:
                self.errorf(
                    f"wrong number of args for {name}: want at least {fixed} "
                    f"got {given}"
                )
            if not variadic and count != fixed:
                self.errorf(
                    f"wrong number of args for {name}: want {fixed} got {count}"
                )
        if not given:
            arguments = []
        elif given == 1 and not kinds:  # one argument: no comprehension
            arguments = [self.eval_arg(dot, args[1])]
        elif kinds:
            arguments = [
                self.eval_string_arg(dot, arg)
                if i < len(kinds) and kinds[i] == "string"
                else self.eval_arg(dot, arg)
                for i, arg in enumerate(args[1:])
            ]
        else:
            eval_arg = self.eval_arg
            arguments = [eval_arg(dot, arg) for arg in args[1:]]
        if has_final:
            arguments.append(None if final is MISSING else final)
        try:
            return function(*arguments)
        except TemplateError:
            raise
        except Exception as error:
            self.node = node
            self.errorf(f"error calling {name}: {error}")


def _has_method(mapping: Mapping, name: str) -> bool:
    """A Mapping class's own public method (not dict's), as a Go map type's."""
    if type(mapping) in (dict,) or name.startswith("_"):
        return False
    attribute = getattr(type(mapping), name, None)
    return attribute is not None and not hasattr(dict, name) and callable(attribute)


def execute_tree(
    trees: Mapping[str, Tree],
    tree: Tree,
    data: Any,
    funcs: Mapping[str, Callable],
) -> str:
    """Run ``tree`` with ``data`` as dot and ``$``; the text it writes."""
    out: list[str] = []
    if data is None:  # Go's Execute(w, nil): no value at all
        data = MISSING
    state = State(trees, tree, funcs, out)
    state.push("$", data)
    try:
        state.walk(data, tree.root)
    except RecursionError:
        state.errorf("template nesting too deep")
    return "".join(out)
