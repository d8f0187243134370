"""Go's template parser (text/template/parse/parse.go): items to trees.

``parse_trees`` returns every tree a text defines (its own body under the
template's name, plus each ``define`` and ``block``), with Go's messages for
text that does not parse (``template: NAME:LINE: ...``)."""

from __future__ import annotations

import logging
import re
from collections.abc import Container

from . import lexer as L
from .errors import TemplateError
from .nodes import (
    ActionNode,
    BoolNode,
    BreakNode,
    ChainNode,
    CommandNode,
    CommentNode,
    ContinueNode,
    DotNode,
    ElseNode,
    EndNode,
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

_OPERAND_START = {
    L.BOOL,
    L.CHAR_CONSTANT,
    L.DOT,
    L.FIELD,
    L.IDENTIFIER,
    L.NUMBER,
    "nil",
    L.RAW_STRING,
    L.STRING,
    L.VARIABLE,
    L.LEFT_PAREN,
}
_SIMPLE_ESCAPES = {
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
    "\\": "\\",
}


class _SyntaxError(Exception):
    """strconv's ErrSyntax and friends, before the parser adds the position."""


def unquote_char(text: str, i: int, quote: str) -> tuple[str, int]:
    """Go's strconv.UnquoteChar: the character at ``text[i]`` and the next index."""
    char = text[i]
    if char == quote and quote in "'\"":
        raise _SyntaxError("invalid syntax")
    if char != "\\":
        return char, i + 1
    if i + 1 >= len(text):
        raise _SyntaxError("invalid syntax")
    code = text[i + 1]
    if code in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[code], i + 2
    if code in "xuU":
        size = {"x": 2, "u": 4, "U": 8}[code]
        digits = text[i + 2 : i + 2 + size]
        if len(digits) != size or not re.fullmatch(r"[0-9a-fA-F]+", digits):
            raise _SyntaxError("invalid syntax")
        value = int(digits, 16)
        if code != "x" and (value > 0x10FFFF or 0xD800 <= value < 0xE000):
            raise _SyntaxError("invalid syntax")
        return chr(value), i + 2 + size
    if code in "01234567":
        digits = text[i + 1 : i + 4]
        if not re.fullmatch(r"[0-7]{3}", digits) or int(digits, 8) > 255:
            raise _SyntaxError("invalid syntax")
        return chr(int(digits, 8)), i + 4
    if code in "'\"" and code == quote:
        return code, i + 2
    raise _SyntaxError("invalid syntax")


def unquote(quoted: str) -> str:
    """Go's strconv.Unquote for "..." and `...` strings."""
    if quoted.startswith("`"):
        if len(quoted) < 2 or not quoted.endswith("`"):
            raise _SyntaxError("invalid syntax")
        return quoted[1:-1].replace("\r", "")
    if len(quoted) < 2 or quoted[0] != '"' or quoted[-1] != '"':
        raise _SyntaxError("invalid syntax")
    body, out, i = quoted[1:-1], [], 0
    while i < len(body):
        char, i = unquote_char(body, i, '"')
        out.append(char)
    return "".join(out)


def _underscore_ok(text: str) -> bool:
    """Go's strconv.underscoreOK: underscores only between digits (or after a
    base prefix)."""
    body = text[1:] if text[:1] in "+-" else text
    saw, i, hexadecimal = "^", 0, False
    if len(body) >= 2 and body[0] == "0" and body[1].lower() in "box":
        saw, i, hexadecimal = "0", 2, body[1].lower() == "x"
    for char in body[i:]:
        if char.isdigit() or hexadecimal and char.lower() in "abcdef":
            saw = "0"
        elif char == "_":
            if saw != "0":
                return False
            saw = "_"
        elif saw == "_":
            return False
        else:
            saw = "!"
    return saw != "_"


def _parse_int(text: str) -> int | None:
    """Go's strconv.ParseInt(text, 0, 64) (or ParseUint): None where it fails."""
    sign, body = 1, text
    if body[:1] in "+-":
        sign, body = (-1 if body[0] == "-" else 1), body[1:]
    base, digits = 10, body
    if body[:2].lower() in ("0x", "0o", "0b"):
        base, digits = {"x": 16, "o": 8, "b": 2}[body[1].lower()], body[2:]
    elif body.startswith("0") and len(body) > 1:
        base, digits = 8, body[1:]
    if "_" in text and not _underscore_ok(text):
        return None
    digits = digits.replace("_", "")
    alphabet = "0123456789abcdef"[:base]
    if not digits or any(c not in alphabet for c in digits.lower()):
        return None
    value = sign * int(digits, base)
    if not -(2**63) <= value < 2**64:
        return None
    return value


def _parse_float(text: str) -> float | None:
    """Go's strconv.ParseFloat(text, 64), for the forms the lexer lets through."""
    if "_" in text and not _underscore_ok(text):
        return None
    body = text.replace("_", "")
    try:
        if body.lstrip("+-")[:2].lower() == "0x":
            return float.fromhex(body)
        if body.lstrip("+-")[:2].lower() in ("0o", "0b"):
            return None
        return float(body)
    except (ValueError, OverflowError):
        return None


def number_value(text: str, typ: str) -> int | float:
    """The value of a number or character constant as Go's idealConstant
    gives it to an untyped argument: an int, or a float when the text has a
    point or an exponent."""
    if typ == L.CHAR_CONSTANT:
        char, end = unquote_char(text, 1, "'")
        if text[end:] != "'":
            raise _SyntaxError(f"malformed character constant: {text}")
        return ord(char)
    if text.endswith("i"):
        raise _SyntaxError(f"complex numbers are not supported: {text!r}")
    as_int = _parse_int(text)
    if as_int is not None:
        return as_int
    as_float = _parse_float(text)
    if as_float is None:
        from .gofmt import go_quote

        raise _SyntaxError(f"illegal number syntax: {go_quote(text)}")
    if not any(c in text for c in ".eEpP"):
        from .gofmt import go_quote

        raise _SyntaxError(f"integer overflow: {go_quote(text)}")
    if text.lstrip("+-")[:2].lower() == "0x" and not any(c in text for c in "pP"):
        return int(as_float)
    return as_float


class _Parser:
    def __init__(
        self,
        name: str,
        text: str,
        functions: Container[str],
        trees: dict[str, ListNode],
    ):
        self.name = name
        self.text = text
        self.functions = functions
        self.trees = trees
        self.items = L.lex(text)
        self.index = 0
        self.token = self.items[0]
        self.vars = ["$"]
        self.range_depth = 0
        self.action_line = 0

    # Tokens.
    def next(self) -> L.Item:
        self.token = self.items[min(self.index, len(self.items) - 1)]
        self.index += 1
        return self.token

    def backup(self, count: int = 1) -> None:
        self.index -= count

    def peek(self) -> L.Item:
        return self.items[min(self.index, len(self.items) - 1)]

    def next_non_space(self) -> L.Item:
        token = self.next()
        while token.typ == L.SPACE:
            token = self.next()
        return token

    def peek_non_space(self) -> L.Item:
        token = self.next_non_space()
        self.backup()
        return token

    def errorf(self, message: str) -> None:
        raise TemplateError(
            f"template: {self.name}:{self.token.line}: {message}",
            self.name,
            self.token.line,
        )

    def expect(self, typ: str, context: str) -> L.Item:
        token = self.next_non_space()
        if token.typ != typ:
            self.unexpected(token, context)
        return token

    def unexpected(self, token: L.Item, context: str) -> None:
        if token.typ == L.ERROR:
            extra = ""
            if self.action_line and self.action_line != token.line:
                extra = f" in action started at {self.name}:{self.action_line}"
                if token.val.endswith(" action"):
                    extra = extra[len(" in action") :]
            self.errorf(f"{token}{extra}")
        self.errorf(f"unexpected {token} in {context}")

    # Structure.
    def parse(self) -> ListNode:
        root = ListNode(self.peek().pos)
        while self.peek().typ != L.EOF:
            if self.peek().typ == L.LEFT_DELIM:
                mark = self.index
                self.next()
                if self.next_non_space().typ == "define":
                    self.parse_definition()
                    continue
                self.index = mark
            node = self.text_or_action()
            if isinstance(node, (EndNode, ElseNode)):
                self.errorf(f"unexpected {node}")
            root.nodes.append(node)
        return root

    def add(self, name: str, root: ListNode) -> None:
        old = self.trees.get(name)
        if old is None or is_empty(old):
            self.trees[name] = root
        elif not is_empty(root):
            from .gofmt import go_quote

            self.errorf(f"template: multiple definition of template {go_quote(name)}")

    def parse_definition(self) -> None:
        context = "define clause"
        token = self.next_non_space()
        if token.typ not in (L.STRING, L.RAW_STRING):
            self.unexpected(token, context)
        name = self.unquote(token.val)
        self.expect(L.RIGHT_DELIM, context)
        saved_vars, self.vars = self.vars, ["$"]
        body, end = self.item_list()
        self.vars = saved_vars
        if not isinstance(end, EndNode):
            self.errorf(f"unexpected {end} in {context}")
        self.add(name, body)

    def item_list(self) -> tuple[ListNode, Node]:
        body = ListNode(self.peek_non_space().pos)
        while self.peek_non_space().typ != L.EOF:
            node = self.text_or_action()
            if isinstance(node, (EndNode, ElseNode)):
                return body, node
            body.nodes.append(node)
        self.errorf("unexpected EOF")
        raise AssertionError

    def text_or_action(self) -> Node:
        token = self.next_non_space()
        if token.typ == L.TEXT:
            return TextNode(token.pos, token.val)
        if token.typ == L.LEFT_DELIM:
            self.action_line = token.line
            try:
                return self.action()
            finally:
                self.action_line = 0
        if token.typ == L.COMMENT:
            return CommentNode(token.pos, token.val)
        self.unexpected(token, "input")
        raise AssertionError

    def action(self) -> Node:
        token = self.next_non_space()
        keyword = token.typ
        if keyword == "block":
            return self.block_control()
        if keyword in ("break", "continue"):
            after = self.next_non_space()
            if after.typ != L.RIGHT_DELIM:
                self.unexpected(after, "{{" + keyword + "}}")
            if self.range_depth == 0:
                self.errorf("{{" + keyword + "}} outside {{range}}")
            return (BreakNode if keyword == "break" else ContinueNode)(
                token.pos, token.line
            )
        if keyword == "else":
            peek = self.peek_non_space()
            if peek.typ == "if":
                return ElseNode(peek.pos, peek.line)
            token = self.expect(L.RIGHT_DELIM, "else")
            return ElseNode(token.pos, token.line)
        if keyword == "end":
            return EndNode(self.expect(L.RIGHT_DELIM, "end").pos)
        if keyword in ("if", "range", "with"):
            return self.control(keyword)
        if keyword == "template":
            return self.template_control()
        self.backup()
        token = self.peek()
        return ActionNode(
            token.pos, token.line, self.pipeline("command", L.RIGHT_DELIM)
        )

    def control(self, context: str) -> Node:
        saved = len(self.vars)
        pipe = self.pipeline(context, L.RIGHT_DELIM)
        if context == "range":
            self.range_depth += 1
        body, following = self.item_list()
        if context == "range":
            self.range_depth -= 1
        else_list = None
        if isinstance(following, ElseNode):
            if context == "if" and self.peek().typ == "if":
                self.next()
                else_list = ListNode(following.pos)
                else_list.nodes.append(self.control("if"))
            else:
                else_list, following = self.item_list()
                if not isinstance(following, EndNode):
                    self.errorf(f"expected end; found {following}")
        del self.vars[saved:]
        kind = {"if": IfNode, "range": RangeNode, "with": WithNode}[context]
        return kind(pipe.pos, pipe.line, pipe, body, else_list)

    def template_name(self, token: L.Item, context: str) -> str:
        if token.typ not in (L.STRING, L.RAW_STRING):
            self.unexpected(token, context)
        return self.unquote(token.val)

    def template_control(self) -> Node:
        context = "template clause"
        token = self.next_non_space()
        name = self.template_name(token, context)
        pipe = None
        if self.next_non_space().typ != L.RIGHT_DELIM:
            self.backup()
            pipe = self.pipeline(context, L.RIGHT_DELIM)
        return TemplateNode(token.pos, token.line, name, pipe)

    def block_control(self) -> Node:
        context = "block clause"
        token = self.next_non_space()
        name = self.template_name(token, context)
        pipe = self.pipeline(context, L.RIGHT_DELIM)
        saved_vars, saved_depth = self.vars, self.range_depth
        self.vars, self.range_depth = ["$"], 0
        body, end = self.item_list()
        self.vars, self.range_depth = saved_vars, saved_depth
        if not isinstance(end, EndNode):
            self.errorf(f"unexpected {end} in {context}")
        self.add(name, body)
        return TemplateNode(token.pos, token.line, name, pipe)

    # Pipelines.
    def pipeline(self, context: str, end: str) -> PipeNode:
        token = self.peek_non_space()
        pipe = PipeNode(token.pos, token.line)
        while True:  # declarations
            variable = self.peek_non_space()
            if variable.typ != L.VARIABLE:
                break
            mark = self.index
            self.next_non_space()
            after = self.peek()
            following = self.peek_non_space()
            if following.typ in (L.ASSIGN, L.DECLARE):
                pipe.is_assign = following.typ == L.ASSIGN
                self.next_non_space()
                pipe.decl.append(VariableNode(variable.pos, [variable.val]))
                self.vars.append(variable.val)
            elif following.typ == L.CHAR and following.val == ",":
                self.next_non_space()
                pipe.decl.append(VariableNode(variable.pos, [variable.val]))
                self.vars.append(variable.val)
                if context == "range" and len(pipe.decl) < 2:
                    if self.peek_non_space().typ in (
                        L.VARIABLE,
                        L.RIGHT_DELIM,
                        L.RIGHT_PAREN,
                    ):
                        continue
                    self.errorf("range can only initialize variables")
                self.errorf(f"too many declarations in {context}")
            elif after.typ == L.SPACE:
                self.index = mark
            else:
                self.index = mark
            break
        while True:
            token = self.next_non_space()
            if token.typ == end:
                self.check_pipeline(pipe, context)
                return pipe
            if token.typ in _OPERAND_START:
                self.backup()
                pipe.cmds.append(self.command())
            else:
                self.unexpected(token, context)

    def check_pipeline(self, pipe: PipeNode, context: str) -> None:
        if not pipe.cmds:
            self.errorf(f"missing value for {context}")
        for i, cmd in enumerate(pipe.cmds[1:]):
            if isinstance(cmd.args[0], (BoolNode, DotNode, NilNode, NumberNode)) or (
                isinstance(cmd.args[0], StringNode)
            ):
                self.errorf(f"non executable command in pipeline stage {i + 2}")

    def command(self) -> CommandNode:
        cmd = CommandNode(self.peek_non_space().pos)
        while True:
            self.peek_non_space()
            operand = self.operand()
            if operand is not None:
                cmd.args.append(operand)
            token = self.next()
            if token.typ == L.SPACE:
                continue
            if token.typ in (L.RIGHT_DELIM, L.RIGHT_PAREN):
                self.backup()
            elif token.typ != L.PIPE:
                self.unexpected(token, "operand")
            break
        if not cmd.args:
            self.errorf("empty command")
        return cmd

    def operand(self) -> Node | None:
        node = self.term()
        if node is None:
            return None
        if self.peek().typ == L.FIELD:
            chain = ChainNode(self.peek().pos, node)
            while self.peek().typ == L.FIELD:
                chain.fields.append(self.next().val[1:])
            if isinstance(node, FieldNode):
                return FieldNode(chain.pos, node.ident + chain.fields)
            if isinstance(node, VariableNode):
                return VariableNode(chain.pos, node.ident + chain.fields)
            if isinstance(node, (BoolNode, StringNode, NumberNode, NilNode, DotNode)):
                from .gofmt import go_quote

                self.errorf(f"unexpected . after term {go_quote(str(node))}")
            return chain
        return node

    def term(self) -> Node | None:
        token = self.next_non_space()
        typ = token.typ
        if typ == L.IDENTIFIER:
            if token.val not in self.functions:
                from .gofmt import go_quote

                self.errorf(f"function {go_quote(token.val)} not defined")
            return IdentifierNode(token.pos, token.val)
        if typ == L.DOT:
            return DotNode(token.pos)
        if typ == "nil":
            return NilNode(token.pos)
        if typ == L.VARIABLE:
            ident = token.val.split(".")
            if ident[0] not in self.vars:
                from .gofmt import go_quote

                self.errorf(f"undefined variable {go_quote(ident[0])}")
            return VariableNode(token.pos, ident)
        if typ == L.FIELD:
            return FieldNode(token.pos, token.val.split(".")[1:])
        if typ == L.BOOL:
            return BoolNode(token.pos, token.val == "true")
        if typ in (L.CHAR_CONSTANT, L.NUMBER):
            try:
                return NumberNode(token.pos, token.val, number_value(token.val, typ))
            except _SyntaxError as error:
                self.errorf(str(error))
        if typ == L.LEFT_PAREN:
            return self.pipeline("parenthesized pipeline", L.RIGHT_PAREN)
        if typ in (L.STRING, L.RAW_STRING):
            return StringNode(token.pos, token.val, self.unquote(token.val))
        self.backup()
        return None

    def unquote(self, quoted: str) -> str:
        try:
            return unquote(quoted)
        except _SyntaxError as error:
            self.errorf(str(error))
            raise AssertionError from error


def is_empty(node: Node) -> bool:
    """Go's IsEmptyTree: only space and comments, so a later define may replace it."""
    if isinstance(node, ListNode):
        return all(is_empty(child) for child in node.nodes)
    if isinstance(node, TextNode):
        return not node.text.strip()
    return isinstance(node, CommentNode)


def parse_trees(name: str, text: str, functions: Container[str]) -> dict[str, ListNode]:
    """Every tree ``text`` defines: its body as ``name``, each define and block."""
    trees: dict[str, ListNode] = {}
    parser = _Parser(name, text, functions, trees)
    root = parser.parse()
    parser.add(name, root)
    return trees
