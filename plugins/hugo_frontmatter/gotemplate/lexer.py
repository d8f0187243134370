"""Go's template lexer (text/template/parse/lex.go): text and actions to items.

The lexer never raises: a malformed action becomes an ERROR item, so the
parser reports the first problem in reading order, as Go does."""

from __future__ import annotations

import logging
import unicodedata
from typing import NamedTuple

logger = logging.getLogger(__name__)

# Item types. Keywords print as <word> in messages, as in Go.
ERROR = "error"
BOOL = "bool"
CHAR = "char"  # a printable ASCII character such as the comma of range $i, $v
CHAR_CONSTANT = "charconstant"
COMMENT = "comment"
ASSIGN = "="
DECLARE = ":="
EOF = "EOF"
FIELD = "field"
IDENTIFIER = "identifier"
LEFT_DELIM = "leftdelim"
LEFT_PAREN = "("
NUMBER = "number"
PIPE = "|"
RAW_STRING = "rawstring"
RIGHT_DELIM = "rightdelim"
RIGHT_PAREN = ")"
SPACE = "space"
STRING = "string"
TEXT = "text"
VARIABLE = "variable"
KEYWORDS = {
    "block",
    "break",
    "continue",
    "define",
    "else",
    "end",
    "if",
    "range",
    "nil",
    "template",
    "with",
}
DOT = "."  # a keyword too: it prints as <.>

LEFT, RIGHT = "{{", "}}"
LEFT_COMMENT, RIGHT_COMMENT = "/*", "*/"
SPACES = " \t\r\n"


class Item(NamedTuple):
    """One token: its type (a constant above or a keyword), text, offset, line."""

    typ: str
    val: str
    pos: int
    line: int

    def __str__(self) -> str:
        # Go's item.String, used in "unexpected X in Y" messages.
        from .gofmt import go_quote

        if self.typ == EOF:
            return "EOF"
        if self.typ == ERROR:
            return self.val
        if self.typ in KEYWORDS or self.typ == DOT:
            return f"<{self.val}>"
        if len(self.val) > 10:
            return go_quote(self.val[:10]) + "..."
        return go_quote(self.val)


def is_alphanumeric(char: str) -> bool:
    """Go's isAlphaNumeric: underscore, a letter or a decimal digit."""
    return char == "_" or char.isalpha() or unicodedata.category(char) == "Nd"


class _Lexer:
    def __init__(self, text: str):
        self.text = text
        self.pos = 0
        self.start = 0
        self.line = 1
        self.start_line = 1
        self.paren_depth = 0
        self.items: list[Item] = []

    # Helpers named as in Go's lexer.
    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def next(self) -> str:
        char = self.peek()
        if char:
            self.pos += 1
            if char == "\n":
                self.line += 1
        return char

    def backup(self) -> None:
        self.pos -= 1
        if self.text[self.pos] == "\n":
            self.line -= 1

    def emit(self, typ: str) -> None:
        val = self.text[self.start : self.pos]
        self.items.append(Item(typ, val, self.start, self.start_line))
        self.start = self.pos
        self.start_line = self.line

    def ignore(self) -> None:
        self.line += self.text.count("\n", self.start, self.pos)
        self.start = self.pos
        self.start_line = self.line

    def error(self, message: str) -> None:
        self.items.append(Item(ERROR, message, self.start, self.start_line))

    def accept(self, valid: str) -> bool:
        if self.peek() and self.peek() in valid:
            self.next()
            return True
        return False

    def accept_run(self, valid: str) -> None:
        while self.peek() and self.peek() in valid:
            self.next()

    def at_right_delim(self) -> tuple[bool, bool]:
        rest = self.text[self.pos : self.pos + 4]
        if len(rest) >= 2 and rest[0] in SPACES and rest[1] == "-":
            if rest[2:4] == RIGHT:
                return True, True
        return rest.startswith(RIGHT), False

    def at_terminator(self) -> bool:
        char = self.peek()
        if char in SPACES or char in ("", ".", ",", "|", ":", ")", "("):
            return True
        return self.text.startswith(RIGHT, self.pos)

    # States.
    def run(self) -> list[Item]:
        state = self.lex_text
        while state is not None:
            state = state()
        return self.items

    def lex_text(self):
        x = self.text.find(LEFT, self.pos)
        if x < 0:
            self.pos = len(self.text)
            self.line += self.text.count("\n", self.start, self.pos)
            if self.pos > self.start:
                self.items.append(
                    Item(TEXT, self.text[self.start :], self.start, self.start_line)
                )
            self.start = self.pos
            self.items.append(Item(EOF, "", self.pos, self.line))
            return None
        end = x
        after = self.text[x + 2 : x + 4]
        if len(after) == 2 and after[0] == "-" and after[1] in SPACES:
            end = len(self.text[self.start : x].rstrip(SPACES)) + self.start
        if end > self.start:
            self.items.append(
                Item(TEXT, self.text[self.start : end], self.start, self.start_line)
            )
        self.pos = x
        self.ignore()
        return self.lex_left_delim

    def lex_left_delim(self):
        self.pos += len(LEFT)
        after = self.text[self.pos : self.pos + 2]
        trim = len(after) == 2 and after[0] == "-" and after[1] in SPACES
        marker = 2 if trim else 0
        if self.text.startswith(LEFT_COMMENT, self.pos + marker):
            self.pos += marker
            self.ignore()
            return self.lex_comment
        self.emit(LEFT_DELIM)
        self.pos += marker
        self.ignore()
        self.paren_depth = 0
        return self.lex_inside_action

    def lex_comment(self):
        self.pos += len(LEFT_COMMENT)
        i = self.text.find(RIGHT_COMMENT, self.pos)
        if i < 0:
            return self.error("unclosed comment")
        self.pos = i + len(RIGHT_COMMENT)
        delim, trim = self.at_right_delim()
        if not delim:
            return self.error("comment ends before closing delimiter")
        self.pos += (2 if trim else 0) + len(RIGHT)
        if trim:
            self.pos = len(self.text) - len(self.text[self.pos :].lstrip(SPACES))
        self.ignore()
        return self.lex_text

    def lex_right_delim(self):
        _, trim = self.at_right_delim()
        if trim:
            self.pos += 2
            self.ignore()
        self.pos += len(RIGHT)
        self.emit(RIGHT_DELIM)
        if trim:
            self.pos = len(self.text) - len(self.text[self.pos :].lstrip(SPACES))
            self.ignore()
        return self.lex_text

    def lex_inside_action(self):
        delim, _ = self.at_right_delim()
        if delim:
            if self.paren_depth == 0:
                return self.lex_right_delim
            return self.error("unclosed left paren")
        char = self.next()
        if char == "":
            return self.error("unclosed action")
        if char in SPACES:
            self.backup()
            return self.lex_space
        if char == "=":
            self.emit(ASSIGN)
        elif char == ":":
            if self.next() != "=":
                return self.error("expected :=")
            self.emit(DECLARE)
        elif char == "|":
            self.emit(PIPE)
        elif char == '"':
            return self.lex_quote
        elif char == "`":
            return self.lex_raw_quote
        elif char == "$":
            return self.lex_variable
        elif char == "'":
            return self.lex_char
        elif char == "." and self.peek() and not "0" <= self.peek() <= "9":
            return self.lex_field
        elif char in "+-." or "0" <= char <= "9":
            self.backup()
            return self.lex_number
        elif is_alphanumeric(char):
            self.backup()
            return self.lex_identifier
        elif char == "(":
            self.emit(LEFT_PAREN)
            self.paren_depth += 1
        elif char == ")":
            self.emit(RIGHT_PAREN)
            self.paren_depth -= 1
            if self.paren_depth < 0:
                return self.error("unexpected right paren U+0029 ')'")
        elif char.isascii() and char.isprintable():
            self.emit(CHAR)
        else:
            return self.error(f"unrecognized character in action: {_unicode(char)}")
        return self.lex_inside_action

    def lex_space(self):
        spaces = 0
        while self.peek() and self.peek() in SPACES:
            self.next()
            spaces += 1
        # A trim-marked right delimiter starts with a space: leave it.
        if self.text.startswith("-" + RIGHT, self.pos):
            self.backup()
            if spaces == 1:
                return self.lex_right_delim
        self.emit(SPACE)
        return self.lex_inside_action

    def lex_identifier(self):
        while is_alphanumeric(self.peek() or " "):
            self.next()
        word = self.text[self.start : self.pos]
        if not self.at_terminator():
            return self.error(f"bad character {_unicode(self.peek())}")
        if word in KEYWORDS:
            self.emit(word)
        elif word in ("true", "false"):
            self.emit(BOOL)
        else:
            self.emit(IDENTIFIER)
        return self.lex_inside_action

    def lex_field(self):
        return self._field_or_variable(FIELD)

    def lex_variable(self):
        return self._field_or_variable(VARIABLE)

    def _field_or_variable(self, typ: str):
        if self.at_terminator():  # "." or "$" alone
            self.emit(DOT if typ == FIELD else VARIABLE)
            return self.lex_inside_action
        while is_alphanumeric(self.peek() or " "):
            self.next()
        if not self.at_terminator():
            return self.error(f"bad character {_unicode(self.peek())}")
        self.emit(typ)
        return self.lex_inside_action

    def lex_char(self):
        while True:
            char = self.next()
            if char == "\\":
                char = self.next()
                if char not in ("", "\n"):
                    continue
            if char in ("", "\n"):
                return self.error("unterminated character constant")
            if char == "'":
                break
        self.emit(CHAR_CONSTANT)
        return self.lex_inside_action

    def lex_number(self):
        if not self._scan_number():
            return self.error(
                f"bad number syntax: {_quote(self.text[self.start : self.pos])}"
            )
        self.emit(NUMBER)
        return self.lex_inside_action

    def _scan_number(self) -> bool:
        self.accept("+-")
        digits = "0123456789_"
        if self.accept("0"):
            if self.accept("xX"):
                digits = "0123456789abcdefABCDEF_"
            elif self.accept("oO"):
                digits = "01234567_"
            elif self.accept("bB"):
                digits = "01_"
        self.accept_run(digits)
        if self.accept("."):
            self.accept_run(digits)
        if len(digits) == 11 and self.accept("eE"):
            self.accept("+-")
            self.accept_run("0123456789_")
        if len(digits) == 23 and self.accept("pP"):
            self.accept("+-")
            self.accept_run("0123456789_")
        self.accept("i")
        if self.peek() and is_alphanumeric(self.peek()):
            self.next()
            return False
        return True

    def lex_quote(self):
        while True:
            char = self.next()
            if char == "\\":
                char = self.next()
                if char not in ("", "\n"):
                    continue
            if char in ("", "\n"):
                return self.error("unterminated quoted string")
            if char == '"':
                break
        self.emit(STRING)
        return self.lex_inside_action

    def lex_raw_quote(self):
        end = self.text.find("`", self.pos)
        if end < 0:
            return self.error("unterminated raw quoted string")
        while self.pos <= end:
            self.next()
        self.emit(RAW_STRING)
        return self.lex_inside_action


def _unicode(char: str) -> str:
    """Go's %#U: U+0021 '!'."""
    return f"U+{ord(char):04X} '{char}'" if char else "U+FFFFFFFF"


def _quote(text: str) -> str:
    from .gofmt import go_quote

    return go_quote(text)


def lex(text: str) -> list[Item]:
    """The items of ``text``, ending with EOF or an ERROR item."""
    return _Lexer(text).run()
