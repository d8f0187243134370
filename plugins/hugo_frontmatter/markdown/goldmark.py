"""Markdown as Hugo 0.111 renders it with Goldmark, built on markdown-it-py.

``GoldmarkOptions`` reads Hugo's ``markup`` config; ``Renderer`` turns a page
body into the HTML Hugo would write (heading ids, attributes, typographer,
Goldmark's own bare links, footnotes, task lists, raw HTML omitted, fences
highlighted by Pygments with Hugo's options and attributes);
``split_summary`` cuts a body at Hugo's ``<!--more-->`` divider.
"""

from __future__ import annotations

import functools
import re
import string
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol
from urllib.parse import quote

from markdown_it import MarkdownIt, rules_block, rules_inline
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from .heading_ids import ID_TYPES, HeadingIds

SUMMARY_DIVIDER = "<!--more-->"
RAW_HTML_OMITTED = "<!-- raw HTML omitted -->"
_BACKREF = "&#x21a9;&#xfe0e;"

Plugin = Callable[[MarkdownIt], None]


class GoldmarkConfigError(ValueError):
    """A ``markup`` setting Hugo would refuse; ``key`` is its own name (the
    last part of its dotted path), as a config file writes it."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


# -- options ---------------------------------------------------------------


def _lower_keys(value: Any) -> dict[str, Any]:
    return (
        {str(k).lower(): v for k, v in value.items()}
        if isinstance(value, Mapping)
        else {}
    )


def _get(section: Mapping[str, Any], *path: str) -> Any:
    """The value at ``path`` (keys compared without case), or None."""
    value: Any = section
    for key in path:
        value = _lower_keys(value).get(key.lower())
        if value is None:
            return None
    return value


def _flag(section: Mapping[str, Any], default: bool, *path: str) -> bool:
    value = _get(section, *path)
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in {"true", "false"}:
        return value.lower() == "true"
    raise GoldmarkConfigError(
        path[-1], f"markup.{'.'.join(path)} is {value!r}: write true or false"
    )


def _number(section: Mapping[str, Any], default: int, *path: str) -> int:
    value = _get(section, *path)
    if value is None:
        return default
    try:
        return int(value)
    except (TypeError, ValueError):
        raise GoldmarkConfigError(
            path[-1], f"markup.{'.'.join(path)} is {value!r}: write a whole number"
        ) from None


def parse_line_ranges(value: Any, strict: bool = True) -> tuple[tuple[int, int], ...]:
    """Hugo's ``hl_lines``: ``[2, "4-5"]``, ``"2 4-5"`` or ``3`` -> (2, 2), (4, 5).

    Kept as ranges, so that ``1-30000000`` costs what ``1`` does: a block's
    lines are picked out by :func:`lines_in`. Read as Hugo reads them: a
    list's items one range each (``"2 3"`` is none), a string's fields as
    :func:`hugo_line_ranges` reads them. What is no range (``x``, ``-5``,
    ``2-``) is an error, or with ``strict=False`` what Hugo makes of it in a
    fence: a list's item is left out, a string highlights nothing."""
    if value is None or value == "":
        return ()
    if isinstance(value, (list, tuple)):
        read = [(item, _line_range(str(item))) for item in value]
        bad = [item for item, found in read if found is None]
        ranges = tuple(found for _, found in read if found is not None)
    else:
        found_ranges = hugo_line_ranges(str(value))
        bad = [value] if found_ranges is None else []
        ranges = found_ranges or ()
    if bad and strict:
        raise GoldmarkConfigError(
            "hl_lines",
            f'hl_lines has {bad[0]!r}: write line numbers such as [2, "4-5"]',
        )
    return ranges


def hugo_line_ranges(text: str) -> tuple[tuple[int, int], ...] | None:
    """``hl_lines`` as a string gives it (``2 4-5``), read as Hugo's
    ``hlLinesToRanges`` reads it: fields apart by spaces, each a range of
    :func:`_line_range`. None when a field is no range, for Hugo then
    highlights no line at all."""
    ranges: list[tuple[int, int]] = []
    for field in text.split(" "):
        if not field.strip():
            continue
        found = _line_range(field.strip())
        if found is None:
            return None
        ranges.append(found)
    return tuple(ranges)


def _line_range(text: str) -> tuple[int, int] | None:
    """``4`` or ``4-5`` as Hugo reads one range: Go's integers on each side of
    the first dash (a sign allowed, 64 bits; what follows a second dash is
    ignored); None when either is no integer."""
    numbers = text.split("-")
    first = _go_int(numbers[0])
    last = _go_int(numbers[1]) if len(numbers) > 1 else first
    return None if first is None or last is None else (first, last)


_GO_INT = re.compile(r"[+-]?([0-9]+)")


def _go_int(text: str) -> int | None:
    """Go's ``strconv.Atoi``: a decimal with an optional sign that fits in 64
    bits, or None (checked before Python reads the digits, however many)."""
    match = _GO_INT.fullmatch(text)
    if match is None or len(match[1].lstrip("0")) > 19:
        return None
    number = int(text)
    return number if -(2**63) <= number < 2**63 else None


def lines_in(ranges: Sequence[tuple[int, int]], count: int) -> tuple[int, ...]:
    """The lines of a block of ``count`` lines that ``ranges`` name, in order,
    each once: Hugo highlights no line the block does not have. Linear in the
    block and the ranges, however large the numbers."""
    starts = [0] * (count + 2)
    for first, last in ranges:
        low, high = max(first, 1), min(last, count)
        if low <= high:
            starts[low] += 1
            starts[high + 1] -= 1
    lines = []
    open_ranges = 0
    for line in range(1, count + 1):
        open_ranges += starts[line]
        if open_ranges:
            lines.append(line)
    return tuple(lines)


@dataclass(frozen=True)
class GoldmarkOptions:
    """Hugo 0.111's Goldmark and highlight settings; the defaults are Hugo's."""

    typographer: bool = True
    linkify: bool = True
    table: bool = True
    strikethrough: bool = True
    task_list: bool = True
    definition_list: bool = True
    footnote: bool = True
    heading_id_type: str = "github"
    title_attributes: bool = True
    block_attributes: bool = False
    unsafe: bool = False
    emoji: bool = False
    code_fences: bool = True
    line_nos: bool = False
    line_numbers_in_table: bool = True
    hl_lines: tuple[tuple[int, int], ...] = ()
    line_no_start: int = 1
    anchor_line_nos: bool = False
    guess_syntax: bool = False
    wrap_standalone_image: bool = True

    @classmethod
    def from_hugo_config(
        cls, markup: Mapping[str, Any] | None, enable_emoji: bool = False
    ) -> GoldmarkOptions:
        """Options from Hugo's ``markup`` mapping and its ``enableEmoji``.

        ``markup.highlight.noClasses`` is ignored: code is always marked up
        with the CSS classes the theme colours.
        """
        markup = markup or {}
        gm = ("goldmark",)
        ext = (*gm, "extensions")
        parser = (*gm, "parser")
        hl = ("highlight",)
        id_type = _get(markup, *parser, "autoHeadingIDType")
        id_type = "github" if id_type is None else str(id_type).lower()
        if id_type not in ID_TYPES:
            raise GoldmarkConfigError(
                "autoHeadingIDType",
                f"markup.goldmark.parser.autoHeadingIDType is {id_type!r}: "
                f"write one of {', '.join(ID_TYPES)}",
            )
        return cls(
            typographer=_flag(markup, True, *ext, "typographer"),
            linkify=_flag(markup, True, *ext, "linkify"),
            table=_flag(markup, True, *ext, "table"),
            strikethrough=_flag(markup, True, *ext, "strikethrough"),
            task_list=_flag(markup, True, *ext, "taskList"),
            definition_list=_flag(markup, True, *ext, "definitionList"),
            footnote=_flag(markup, True, *ext, "footnote"),
            heading_id_type=id_type,
            title_attributes=_flag(markup, True, *parser, "attribute", "title"),
            block_attributes=_flag(markup, False, *parser, "attribute", "block"),
            unsafe=_flag(markup, False, *gm, "renderer", "unsafe"),
            emoji=bool(enable_emoji),
            code_fences=_flag(markup, True, *hl, "codeFences"),
            line_nos=_flag(markup, False, *hl, "lineNos"),
            line_numbers_in_table=_flag(markup, True, *hl, "lineNumbersInTable"),
            hl_lines=parse_line_ranges(_get(markup, *hl, "hl_Lines")),
            line_no_start=_number(markup, 1, *hl, "lineNoStart"),
            anchor_line_nos=_flag(markup, False, *hl, "anchorLineNos"),
            guess_syntax=_flag(markup, False, *hl, "guessSyntax"),
            wrap_standalone_image=_flag(
                markup, True, *parser, "wrapStandAloneImageWithinParagraph"
            ),
        )


# -- the summary divider ---------------------------------------------------


def split_summary(text: str) -> tuple[str | None, str]:
    """``(summary, body)``: the Markdown before Hugo's ``<!--more-->`` (None
    without one) and the whole body with the divider taken out, as Hugo does
    before rendering it."""
    at = text.find(SUMMARY_DIVIDER)
    if at < 0:
        return None, text
    return text[:at], text[:at] + text[at + len(SUMMARY_DIVIDER) :]


# A word no page writes, standing for the divider while a page is rendered.
_SUMMARY_MARK = "hugosummarydivider5b0c1e"


def mark_summary(text: str) -> str | None:
    """``text`` with its first ``<!--more-->`` replaced by a paragraph of its
    own that :func:`cut_summary` finds in the HTML (None without a divider).

    Hugo 0.111 renders the page whole, the divider ending the paragraph it
    stands in (``One. <!--more-->Two.`` is two paragraphs), and its summary
    is the HTML before it: links to references and footnotes defined further
    down resolve in both."""
    at = text.find(SUMMARY_DIVIDER)
    if at < 0:
        return None
    before = text[:at].rstrip(" \t")
    after = text[at + len(SUMMARY_DIVIDER) :].lstrip(" \t")
    return f"{before}\n\n{_SUMMARY_MARK}\n\n{after}"


def cut_summary(html: str) -> tuple[str | None, str]:
    """``(summary, html)`` of a page rendered from :func:`mark_summary`'s
    text: the HTML before the mark, and the whole without it."""
    mark = f"<p>{_SUMMARY_MARK}</p>"
    at = html.find(mark)
    if at < 0:
        return None, html.replace(_SUMMARY_MARK, "")
    rest = html[at + len(mark) :].removeprefix("\n")
    return html[:at].rstrip("\n"), html[:at] + rest


# -- attribute lists: {#id .class key=value} -------------------------------

_ATTR_ITEM = re.compile(
    r"""\s*(?:
        \#(?P<id>[^\s#.{}"'=]+)
      | \.(?P<cls>[^\s#.{}"'=]+)
      | (?P<key>[A-Za-z_:][\w:.\-]*)\s*=\s*
        (?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s{}"'=]+))
    )""",
    re.VERBOSE,
)
_TRAILING_ATTRS = re.compile(r"[ \t]*\{([^{}\n]*)\}[ \t]*$")
_ATTRS_LINE = re.compile(r"\{([^{}\n]*)\}[ \t]*$")


def parse_attributes(inner: str) -> list[tuple[str, str]] | None:
    """The attributes between ``{`` and ``}``, classes joined into one, or
    None when the text is not an attribute list."""
    attrs: dict[str, str] = {}
    pos = 0
    while pos < len(inner):
        if not inner[pos:].strip():
            break
        match = _ATTR_ITEM.match(inner, pos)
        if not match:
            return None
        pos = match.end()
        if match["id"] is not None:
            attrs["id"] = match["id"]
        elif match["cls"] is not None:
            attrs["class"] = (
                f"{attrs['class']} {match['cls']}" if "class" in attrs else match["cls"]
            )
        else:
            value = next(
                v for v in (match["dq"], match["sq"], match["bare"]) if v is not None
            )
            attrs[match["key"]] = value
    return list(attrs.items()) if attrs else None


# -- text runs -------------------------------------------------------------

# The inline text rule stops at markdown-it's own markers, at the characters
# Goldmark's typographer looks at and, with linkify, at a space or "(" where
# a bare link may start (:func:`_linkify_rule` looks there).
_MARKDOWN_IT_STOPS = r"\n!#$%&*+\-:<=>@\[\\\]^_`{}~"
_TYPOGRAPHER_STOPS = "'\"."
_LINK_START = r"(?:https?:|ftp:|www\.|[A-Za-z0-9][-A-Za-z0-9.!#$%&'*+/=?^_`{|}~]*@)"


@functools.cache
def _text_run(typographer: bool, linkify: bool) -> re.Pattern[str]:
    stops = _MARKDOWN_IT_STOPS + (_TYPOGRAPHER_STOPS if typographer else "")
    if not linkify:
        return re.compile(f"[^{stops}]+")
    return re.compile(f"(?:[^{stops} (]|[ (](?!{_LINK_START}))+")


def _text_rule(run: re.Pattern[str]) -> Callable[[StateInline, bool], bool]:
    def rule(state: StateInline, silent: bool) -> bool:
        match = run.match(state.src, state.pos, state.posMax)
        if not match:
            return False
        if not silent:
            state.append_pending(match.group())
        state.pos = match.end()
        return True

    return rule


# -- typographer -----------------------------------------------------------

_ENTITY_CHARS = {
    "&lsquo;": "\u2018",
    "&rsquo;": "\u2019",
    "&ldquo;": "\u201c",
    "&rdquo;": "\u201d",
    "&ndash;": "\u2013",
    "&mdash;": "\u2014",
    "&hellip;": "\u2026",
    "&laquo;": "\u00ab",
    "&raquo;": "\u00bb",
}


def _line_end(state: StateInline) -> int:
    """Where the line at ``state.pos`` ends (its newline, or ``posMax``),
    found once a line: rules that ask at every quote or space of a long line
    stay linear."""
    pos = state.pos
    held = state.env.get("goldmark_line")
    if held is None or held[0] is not state or not held[1] <= pos <= held[2]:
        end = state.src.find("\n", pos)  # whatever posMax is now
        held = [state, pos, len(state.src) if end < 0 else end]
        state.env["goldmark_line"] = held
    return min(held[2], state.posMax)


def _is_space(char: str) -> bool:
    return char.isspace()


def _is_punct(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _is_ascii_punct(char: str) -> bool:
    return char.isascii() and _is_punct(char)


def _typographic(state: StateInline, entity: str, length: int) -> None:
    # A token of its own: markdown-it joins neighbouring text tokens.
    token = state.push("goldmark_typographic", "", 0)
    token.content = _ENTITY_CHARS[entity]
    token.meta = {"entity": entity}
    state.pos += length


def _quote_counter(state: StateInline) -> list[int]:
    # Goldmark counts unclosed quotes per block: one counter per inline run
    # (an image's alt text is a run of its own, inside its block's).
    return _per_run(state, "goldmark_quotes", 0, 0)


def _typographer_rule(state: StateInline, silent: bool) -> bool:
    src, pos, end = state.src, state.pos, state.posMax
    char = src[pos]
    # Goldmark looks at the rest of the line, its newline included.
    line_end = _line_end(state)
    rest = src[pos : line_end + 1 if line_end < end else end]
    if char == "-" and rest.startswith("---"):
        if not silent:
            _typographic(state, "&mdash;", 3)
        else:
            state.pos += 3
        return True
    if char == "." and rest.startswith("..."):
        if not silent:
            _typographic(state, "&hellip;", 3)
        else:
            state.pos += 3
        return True
    for pair, entity in (("<<", "&laquo;"), (">>", "&raquo;"), ("--", "&ndash;")):
        if rest.startswith(pair):
            if silent:
                state.pos += 2
            else:
                _typographic(state, entity, 2)
            return True
    if char not in "'\"":
        return False
    before = src[pos - 1] if pos > 0 else " "
    # Whether it opens or closes: Goldmark scans the run of this quote, so
    # the character after the run counts (in ""x the first quote does both).
    run = len(rest) - len(rest.lstrip(char))
    after = rest[run] if len(rest) > run else " "
    left = not _is_space(after) and (
        not _is_punct(after) or _is_space(before) or _is_punct(before)
    )
    right = not _is_space(before) and (
        not _is_punct(before) or _is_space(after) or _is_punct(after)
    )
    if not left and not right:
        return False
    counter = _quote_counter(state)
    saved = counter[1:]
    entity = _quote_entity(state, char, rest, before, left, right)
    if silent:  # a look ahead (a link's label): count nothing
        counter[1:] = saved
    if entity is None:
        return False
    if silent:
        state.pos += 1
    else:
        _typographic(state, entity, 1)
    return True


def _quote_entity(
    state: StateInline, char: str, rest: str, before: str, left: bool, right: bool
) -> str | None:
    counter = _quote_counter(state)

    def at(i: int) -> str:
        return rest[i] if i < len(rest) else ""

    if char == "'":
        # Decades such as '90s.
        if left and not right and at(1).isdigit() and at(2).isdigit() and at(3) == "s":
            after = at(4) or " "
            if _is_space(after) or _is_punct(after):
                return "&rsquo;"
        # 'twas, 'em, 'net
        if (_is_punct(before) or _is_space(before)) and at(1) in ("t", "e", "n", "l"):
            return "&rsquo;"
        # Between two alphanumerics: it's
        if (before.isdigit() or before.isalpha()) and at(1).isalpha():
            return "&rsquo;"
        if left and not right:
            entity = "&lsquo;"
            tail = at(2)
            if at(1) in ("s", "m", "t", "d") and (
                not tail or _is_ascii_punct(tail) or _is_space(tail)
            ):
                entity = "&rsquo;"
            tail = at(3)
            if at(1) + at(2) in ("ve", "ll", "re") and (
                not tail or _is_ascii_punct(tail) or _is_space(tail)
            ):
                entity = "&rsquo;"
            if entity == "&lsquo;":
                counter[1] += 1
            return entity
        # Smiths', doin'
        if _is_space(at(0)) or (
            _is_punct(at(0)) and len(rest) > 2 and not at(1).isdigit()
        ):
            return "&rsquo;"
        if counter[1] > 0 and _closes(rest, left, right):
            counter[1] -= 1
            return "&rsquo;"
        return None
    if left and not right:
        counter[2] += 1
        return "&ldquo;"
    if counter[2] > 0 and _closes(rest, left, right):
        if at(1) == '"' and before.isdigit():
            return None
        counter[2] -= 1
        return "&rdquo;"
    return None


def _closes(rest: str, left: bool, right: bool) -> bool:
    if right and not left:
        return True
    return (
        right
        and left
        and len(rest) > 1
        and _is_punct(rest[1])
        and (len(rest) == 2 or _is_ascii_punct(rest[2]) or _is_space(rest[2]))
    )


# -- linkify: bare links as Goldmark 1.5 finds them -------------------------

# Goldmark's extension/linkify.go: the scheme or www. in lower case, a host
# with a dot and letters after its last one (so no "localhost", no
# 127.0.0.1), a port, then a path of these characters only.
_URL = re.compile(
    r"(?:http|https|ftp)://[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+(?::\d+)?"
    r"(?:[/#?][-a-zA-Z0-9@:%_+.~#$!?&/=();,'\">^{}\[\]`]*)?"
)
_WWW = re.compile(
    r"www\.[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+"
    r"(?:[/#?][-a-zA-Z0-9@:%_+.~#!?&/=();,'\">^{}\[\]`]*)?"
)
# util.FindEmailIndex: the local part's characters, then a domain of labels.
_EMAIL_LOCAL = re.compile(r"[-A-Za-z0-9.!#$%&'*+/=?^_`{|}~]+@")
_EMAIL_DOMAIN = re.compile(
    r"[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
    r"(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*"
)
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_TRAILING = frozenset("?!.,:*_~")
# util.URLEscape keeps these and "%" before a hex digit; the rest is
# percent-encoded as Go's url.QueryEscape writes it.
_URL_SAFE = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789;/?:@&=+$,-_.!~*'()#"
)


def find_bare_link(text: str, start: int, end: int) -> tuple[int, str] | None:
    """Where a bare link that starts at ``start`` ends, and its address, as
    Goldmark's linkify parser reads ``text[start:end]`` (the rest of a line):
    None when none starts there."""
    rest = text[start:end]
    match = None
    if rest.startswith(("http:", "https:", "ftp:")):
        match = _URL.match(text, start, end)
    www = match is None and rest.startswith("www.")
    if www:
        match = _WWW.match(text, start, end)
    if match is not None:
        stop = _trim_url(text, start, match.end())
        email = False
    else:
        stop = _email_end(text, start, end)
        if stop is None:
            return None
        email = True
    # Punctuation that ends a sentence is not the link's.
    last = stop - 1
    while last > start and text[last] in _TRAILING:
        last -= 1
    stop = last + 1
    link = text[start:stop]
    if email:  # after a www. that was no link, Goldmark keeps its https://
        return stop, ("mailto:https://" if www else "mailto:") + link
    return stop, ("https://" + link) if www else link


def _trim_url(text: str, start: int, stop: int) -> int:
    last = text[stop - 1]
    if last == ".":
        return stop - 1
    if last == ")":
        closing = text.count(")", start, stop) - text.count("(", start, stop)
        return stop - closing if closing > 0 else stop
    if last == ";":  # an entity such as &amp; is not the link's
        at = stop - 2
        while at >= start and text[at].isascii() and text[at].isalnum():
            at -= 1
        if at != stop - 2 and text[at] == "&":
            return at
    return stop


def _email_end(text: str, start: int, end: int) -> int | None:
    if start >= end or text[start] in _ASCII_PUNCT:
        return None
    local = _EMAIL_LOCAL.match(text, start, end)
    if local is None:
        return None
    domain = _EMAIL_DOMAIN.match(text, local.end(), end)
    if domain is None or domain.end() == local.end():
        return None
    stop = domain.end()
    if "." not in text[local.end() - 1 : stop - 1]:
        return None
    if text[stop - 1] == ".":
        stop -= 1
    if stop < end and text[stop] in "-_":
        return None
    return stop


def goldmark_url_escape(url: str) -> str:
    """Goldmark's ``util.URLEscape``: what is not URL-safe percent-encoded,
    except a ``%`` and the two characters after it when the first is a hex
    digit (Goldmark looks at that one only)."""
    out = []
    index = 0
    while index < len(url):
        char = url[index]
        if char == "%" and index + 2 < len(url) and url[index + 1] in string.hexdigits:
            out.append(url[index : index + 3])
            index += 3
            continue
        out.append(char if char in _URL_SAFE else quote(char, safe="-_.~"))
        index += 1
    return "".join(out)


def _linkify_rule(strikethrough: bool) -> Callable[[StateInline, bool], bool]:
    """Goldmark's linkify as an inline rule. Goldmark tries it at a space,
    ``(`` or ``~`` (taking that character as text) and at the head of a line
    or right after another inline element, never inside a link's label (an
    unclosed ``[`` counts); ``*`` and ``_`` are emphasis first."""

    def rule(state: StateInline, silent: bool) -> bool:
        if silent:  # markdown-it looking for a label's end: never in one
            return False
        src, pos = state.src, state.pos
        char = src[pos]
        if char in " (~":
            if char == "~" and strikethrough and src.startswith("~~", pos):
                return False
            lead = 1
        elif char in _ASCII_PUNCT or char.isspace() or not _at_line_head(state):
            return False
        else:
            lead = 0
        if state.linkLevel > 0 or _open_labels(state)[1] > 0:
            return False
        found = find_bare_link(src, pos + lead, _line_end(state))
        if found is None:
            return False
        stop, href = found
        if lead:
            state.append_pending(char)
        token = state.push("link_open", "a", 1)
        token.attrs = {"href": goldmark_url_escape(href)}
        token.markup, token.info = "linkify", "auto"
        state.push("text", "", 0).content = src[pos + lead : stop]
        closing = state.push("link_close", "a", -1)
        closing.markup, closing.info = "linkify", "auto"
        state.pos = stop
        return True

    return rule


def _backticks(state: StateInline, silent: bool) -> bool:
    """markdown-it's code span rule; a run of backticks with no closing run
    is, as in Goldmark, a text element of its own (a bare link may follow)."""
    count = len(state.tokens)
    found = rules_inline.backtick(state, silent)
    if found and not silent and len(state.tokens) == count:
        state.pushPending()
    return found


def _at_line_head(state: StateInline) -> bool:
    """Whether Goldmark would start a new run of text here: at a line's
    start or after an inline element, not after an escape or an entity."""
    if state.pending:
        return False
    return not state.tokens or state.tokens[-1].type != "text_special"


def _open_labels(state: StateInline) -> list[Any]:
    return _per_run(state, "goldmark_labels", 0)


def _per_run(state: StateInline, key: str, *start: int) -> list[Any]:
    """Counters of one inline run, ``[state, *counts]``, kept in the page's
    env by run: an image's alt text, parsed as a run of its own in the
    middle of another, leaves the other's counts as they were."""
    runs = state.env.setdefault(key, {})
    if state not in runs:
        runs[state] = [state, *start]
    return runs[state]


def _label_rule(state: StateInline, silent: bool) -> bool:
    """Counts the ``[`` no link took and the ``]`` that close them, for
    :func:`_linkify_rule`: Goldmark makes no bare link inside a label.
    Takes nothing: tried last, where the character becomes text."""
    char = state.src[state.pos]
    if not silent and char in "[]":
        held = _open_labels(state)
        held[1] = held[1] + 1 if char == "[" else max(held[1] - 1, 0)
    return False


# -- code blocks -----------------------------------------------------------

_ANCHOR_NAME = re.compile(r' name="[^"]*"')
# Hugo's options for Chroma among a fence's attributes (any case); every
# other attribute goes on the block's <div class="highlight">.
_HIGHLIGHT_OPTIONS = frozenset(
    "anchorlinenos guesssyntax hl_lines hl_inline lineanchors linenos "
    "linenostart linenumbersintable noclasses nohl style tabwidth".split()
)
_ATTR_NAME = re.compile(r"[A-Za-z_:][A-Za-z0-9_:.\-]*")
_ATTR_WORD = re.compile(r"[^\s!\"#$%&'()*+,/;<=>?@\[\\\]^`{|}~]*")
_ATTR_NUMBER = re.compile(r"[-+]?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]*)?")
_SPACES = re.compile(r"[ \t]*")


@dataclass(frozen=True)
class FenceAttribute:
    """One attribute of a fence's ``{...}``: its name as written, its value
    as written (quotes kept, as Hugo's options are read from it) and as an
    HTML attribute prints it."""

    name: str
    source: str
    printed: str


def fence_attributes(text: str) -> list[FenceAttribute] | None:
    """The attributes of ``{...}`` at the start of ``text`` as Goldmark's
    ``ParseAttributes`` reads them: ``#id``, ``.class`` and ``name=value``
    (a "string", a number, a word, true, false, null or a [list]), apart by
    spaces or a comma. None when any is malformed: Goldmark then keeps none."""
    if not text.startswith("{"):
        return None
    attrs: list[FenceAttribute] = []
    pos = 1
    while True:
        pos = _SPACES.match(text, pos).end()
        if text.startswith("}", pos):
            return attrs
        if text.startswith(("#", "."), pos):
            word = _ATTR_WORD.match(text, pos + 1)
            name = "id" if text[pos] == "#" else "class"
            attrs.append(FenceAttribute(name, word.group(), word.group()))
            pos = word.end()
        else:
            name_match = _ATTR_NAME.match(text, pos)
            if name_match is None:
                return None
            pos = _SPACES.match(text, name_match.end()).end()
            if not text.startswith("=", pos):
                return None
            pos = _SPACES.match(text, pos + 1).end()
            value = _attribute_value(text, pos)
            if value is None:
                return None
            end, printed = value
            name = name_match.group()
            if name == "class" and not text.startswith('"', pos):
                if printed in ("true", "false", "") or _ATTR_NUMBER.match(text, pos):
                    return None
            attrs.append(FenceAttribute(name, text[pos:end], printed))
            pos = end
        pos = _SPACES.match(text, pos).end()
        if text.startswith(",", pos):
            pos += 1


def _attribute_value(text: str, pos: int) -> tuple[int, str] | None:
    """Where the value at ``pos`` ends and how Hugo prints it, or None."""
    if pos >= len(text):
        return None
    char = text[pos]
    if char == '"':
        return _attribute_string(text, pos)
    if char == "[":
        return _attribute_list(text, pos)
    if char in "-+" or char.isdigit():
        match = _ATTR_NUMBER.match(text, pos)
        try:
            number = Decimal(repr(float(match.group()))) if match else None
        except ValueError:
            number = None
        if number is not None and not number.is_finite():
            number = None  # out of a float's range: Go's ParseFloat fails
        # Go's strconv.ParseFloat, printed as FormatFloat(f, 'f', -1, 64).
        return None if number is None else (match.end(), f"{number.normalize():f}")
    word = _ATTR_NAME.match(text, pos)
    if word is None:
        return None
    return word.end(), "" if word.group() == "null" else word.group()


def _attribute_string(text: str, pos: int) -> tuple[int, str] | None:
    escapes = {'"': '"', "/": "/", "\\": "\\", "b": "\b", "f": "\f"}
    escapes |= {"n": "\n", "r": "\r", "t": "\t"}
    out = []
    at = pos + 1
    while at < len(text) and text[at] != "\n":
        char = text[at]
        if char == "\\" and at + 1 < len(text):
            follow = text[at + 1]
            if follow in escapes:
                out.append(escapes[follow])
                at += 2
            else:
                out.append("\\")
                at += 1
            continue
        if char == '"':
            return at + 1, "".join(out)
        out.append(char)
        at += 1
    return None


def _attribute_list(text: str, pos: int) -> tuple[int, str] | None:
    at = pos + 1
    first = True
    while True:
        comma = False
        if not first and text.startswith(",", at):
            at += 1
            comma = True
        if text.startswith("]", at):
            return (at + 1, "") if not comma else None
        at = _SPACES.match(text, at).end()
        value = _attribute_value(text, at)
        if value is None:
            return None
        at = _SPACES.match(text, value[0]).end()
        first = False


def parse_fence_info(info: str) -> tuple[str, dict[str, str]]:
    """The language and Hugo's highlighting options of a fence's info
    string: ``go {linenos=true,hl_lines=[2,"4-5"]}`` -> ``("go", {...})``,
    the options' names in lower case, their values as written."""
    language, attrs = _split_fence_info(info)
    return language, {
        attr.name.lower(): attr.source
        for attr in attrs
        if attr.name.lower() in _HIGHLIGHT_OPTIONS
    }


def _split_fence_info(info: str) -> tuple[str, list[FenceAttribute]]:
    info = info.strip()
    brace = info.find("{")
    head = info[:brace] if brace >= 0 else info
    words = head.split()
    attrs = fence_attributes(info[brace:]) if brace >= 0 else None
    return (words[0] if words else ""), attrs or []


def _highlight_div(attrs: Sequence[FenceAttribute]) -> str:
    """Hugo's ``<div class="highlight ...">`` for a fence's attributes: the
    classes after "highlight", the others as written (names in lower case,
    the last of a name winning), no event handler (``on*``)."""
    classes = ["highlight"]
    others: dict[str, str] = {}
    for attr in attrs:
        name = attr.name.lower()
        if name in _HIGHLIGHT_OPTIONS or name.startswith("on"):
            continue
        if name == "class":
            classes.append(attr.printed)
        else:
            others[name] = attr.printed
    # Hugo writes values unescaped; a quote or angle bracket is escaped here
    # so that no value leaves its attribute.
    shown = "".join(
        f' {escapeHtml(name)}="{_attribute_text(value)}"'
        for name, value in others.items()
    )
    return f'<div class="{_attribute_text(" ".join(classes))}"{shown}>'


def _attribute_text(value: str) -> str:
    return value.replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


@functools.lru_cache(maxsize=256)
def _lexer(language: str) -> Any:
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        return get_lexer_by_name(language, stripnl=False, ensurenl=True)
    except ClassNotFound:
        return None


@functools.lru_cache(maxsize=256)
def _formatter(
    linenos: str | bool, hl_lines: tuple[int, ...], start: int, anchors: str
) -> Any:
    # Making a formatter builds its style sheet: more than a page's parse.
    from pygments.formatters import HtmlFormatter

    options: dict[str, Any] = {"wrapcode": True, "hl_lines": hl_lines}
    if linenos:
        options.update(linenos=linenos, linenostart=start)
    if anchors:
        options.update(lineanchors=anchors, anchorlinenos=True)
    return HtmlFormatter(**options)


def _truthy(value: str) -> bool:
    return value.strip("\"'").lower() not in {"false", "0", ""}


class _CodeRenderer:
    def __init__(self, options: GoldmarkOptions) -> None:
        self.options = options

    def fence(self, token: Token, env: dict[str, Any]) -> str:
        language, attrs = _split_fence_info(token.info)
        fence_options = {
            attr.name.lower(): attr.source
            for attr in attrs
            if attr.name.lower() in _HIGHLIGHT_OPTIONS
        }
        ordinal = env.get("goldmark_fences", 0)
        env["goldmark_fences"] = ordinal + 1
        # Hugo chomps the block's last line ends, then Chroma ends it with one.
        code = token.content.rstrip("\r\n")
        code = f"{code}\n" if code else ""
        lexer = None
        if self.options.code_fences:
            lexer = _lexer(language.lower()) if language else None
            if lexer is None and not language and self.options.guess_syntax:
                from pygments.lexers import guess_lexer

                lexer = guess_lexer(code)
        if lexer is None:
            return self._plain(code, language)
        html = self._highlight(code, language, lexer, fence_options, ordinal)
        return html.replace('<div class="highlight">', _highlight_div(attrs), 1)

    @staticmethod
    def _plain(code: str, language: str) -> str:
        attrs = ""
        if language:
            lang = escapeHtml(language)
            attrs = f' class="language-{lang}" data-lang="{lang}"'
        return f"<pre><code{attrs}>{escapeHtml(code)}</code></pre>\n"

    def _highlight(
        self,
        code: str,
        language: str,
        lexer: Any,
        fence_options: dict[str, str],
        ordinal: int,
    ) -> str:
        from pygments import highlight

        opts = self.options
        linenos: str | bool = False
        mode = fence_options.get("linenos")
        if mode is None:
            on = opts.line_nos
            mode = "true" if on else "false"
        mode = mode.strip("\"'").lower()
        if mode in {"table", "inline"}:
            linenos = mode
        elif _truthy(mode):
            linenos = "table" if opts.line_numbers_in_table else "inline"
        ranges = (
            parse_line_ranges(_list_value(fence_options["hl_lines"]), strict=False)
            if "hl_lines" in fence_options
            else opts.hl_lines
        )
        hl_lines = lines_in(ranges, code.count("\n") + 1) if ranges else ()
        start = opts.line_no_start
        if "linenostart" in fence_options:
            try:
                start = int(fence_options["linenostart"].strip("\"'"))
            except ValueError:
                start = opts.line_no_start
        anchors = opts.anchor_line_nos
        if "anchorlinenos" in fence_options:
            anchors = _truthy(fence_options["anchorlinenos"])
        formatter = _formatter(
            linenos, hl_lines, start, f"hl-{ordinal}" if linenos and anchors else ""
        )
        lang = escapeHtml(language)
        if not code:  # Chroma numbers no line of an empty block (Pygments one)
            empty = f'<code class="language-{lang}" data-lang="{lang}"></code>'
            return f'<div class="highlight"><pre><span></span>{empty}</pre></div>\n'
        html = highlight(code, lexer, formatter)
        if linenos and anchors:
            html = _ANCHOR_NAME.sub("", html)
        return html.replace(
            "<code>", f'<code class="language-{lang}" data-lang="{lang}">', 1
        )


_LIST_ITEM = re.compile(r'"((?:[^"\\]|\\.)*)"|([^\s,]+)')


def _list_value(value: str) -> list[str] | str:
    """A fence option's value as Goldmark reads it: ``[2, "4 5"]`` as its
    items (a quoted one keeps its blanks), a "string" without its quotes,
    and a bare value only if it is a number (``2-3`` and ``'2'`` are none)."""
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        items = _LIST_ITEM.finditer(value[1:-1])
        return [item.group(item.lastindex or 0) for item in items]
    if len(value) > 1 and value[0] == value[-1] == '"':
        return value[1:-1]
    return value if _go_int(value) is not None else ""


# -- emoji -----------------------------------------------------------------


@functools.cache
def emoji_codes() -> dict[str, str]:
    """``:smile:`` -> 😄, from the ``emoji`` package's GitHub aliases."""
    import emoji

    codes: dict[str, str] = {}
    for char, data in emoji.EMOJI_DATA.items():
        for alias in data.get("alias", ()):
            codes.setdefault(alias, char)
    for char, data in emoji.EMOJI_DATA.items():
        codes.setdefault(data["en"], char)
    return codes


def emojify(text: str) -> str:
    """Replace each known ``:code:``, anywhere in the text, as Hugo does."""
    if ":" not in text:
        return text
    codes = emoji_codes()
    out: list[str] = []
    done = 0
    start = text.find(":")
    while start >= 0:
        end = text.find(":", start + 1)
        if end < 0:
            break
        char = codes.get(text[start : end + 1])
        if char is None:
            start = end
            continue
        out.append(text[done:start])
        out.append(char)
        done = end + 1
        start = text.find(":", done)
    out.append(text[done:])
    return "".join(out)


# -- core rules ------------------------------------------------------------

_DANGEROUS_URL = re.compile(r"\s*(?:javascript|vbscript|file|data):", re.IGNORECASE)
_SAFE_DATA_URL = re.compile(r"\s*data:image/(?:png|gif|jpeg|webp);", re.IGNORECASE)


def is_dangerous_url(url: str) -> bool:
    """Goldmark's test: script and file URLs, and data URLs but images."""
    return bool(_DANGEROUS_URL.match(url)) and not _SAFE_DATA_URL.match(url)


def _blank_dangerous_urls(state: StateCore) -> None:
    """Goldmark keeps a link to a dangerous URL but empties its address. It
    writes an autolink's (``<javascript:alert(1)>``) as it is, a live script
    from a page's text; that one is emptied too, as content is not trusted."""
    for block in state.tokens:
        for token in block.children or ():
            name = {"link_open": "href", "image": "src"}.get(token.type)
            if name is None:
                continue
            if is_dangerous_url(str(token.attrGet(name) or "")):
                token.attrSet(name, "")


# -- which attributes reach the page -----------------------------------------

# Goldmark 1.5 (Hugo 0.111) writes on the blocks it renders only these
# attributes and any ``data-*`` (names compared as written); Hugo renders
# headings itself, keeping every name. Both drop event handlers: a name
# starting with "on", in any case.
_GLOBAL_ATTRIBUTES = frozenset(
    "accesskey autocapitalize autofocus class contenteditable dir draggable "
    "enterkeyhint hidden id inert inputmode is itemid itemprop itemref itemscope "
    "itemtype lang part role slot spellcheck style tabindex title translate".split()
)
_LIST_ATTRIBUTES = _GLOBAL_ATTRIBUTES | {"start", "reversed", "type"}
ATTRIBUTES_BY_TAG: dict[str, frozenset[str]] = {
    "p": _GLOBAL_ATTRIBUTES,
    "dl": _GLOBAL_ATTRIBUTES,
    "blockquote": _GLOBAL_ATTRIBUTES | {"cite"},
    "ul": _LIST_ATTRIBUTES,
    "ol": _LIST_ATTRIBUTES,
    "hr": _GLOBAL_ATTRIBUTES | {"align", "color", "noshade", "size", "width"},
    "table": _GLOBAL_ATTRIBUTES
    | {"align", "bgcolor", "border", "cellpadding", "cellspacing", "frame"}
    | {"rules", "summary", "width"},
}


def attribute_allowed(tag: str, name: str) -> bool:
    """Whether Hugo writes an attribute named ``name`` on a ``tag`` element,
    wherever it came from (a heading's or a block's ``{...}``, a plugin)."""
    if name.lower().startswith("on"):
        return False
    allowed = ATTRIBUTES_BY_TAG.get(tag)
    return allowed is None or name in allowed or name.startswith("data-")


class _GoldmarkHTML(RendererHTML):
    @staticmethod
    def renderAttrs(token: Token) -> str:  # noqa: N802 (markdown-it's name)
        # Every element's attributes pass here: one filter for all of them.
        return "".join(
            f' {escapeHtml(name)}="{escapeHtml(str(value))}"'
            for name, value in token.attrItems()
            if attribute_allowed(token.tag, name)
        )

    def renderInlineAsText(  # noqa: N802 (markdown-it's name)
        self, tokens: Sequence[Token] | None, options: Any, env: Any
    ) -> str:
        # Image alt text keeps the typographer's characters. (Hugo 0.111
        # writes them as escaped entity names, "&amp;rsquo;": not copied.)
        result = []
        for token in tokens or ():
            if token.type == "goldmark_typographic":
                result.append(token.content)
            else:
                result.append(super().renderInlineAsText([token], options, env))
        return "".join(result)


_TASK = re.compile(r"\[([ xX])\]\s*")


def _table_with_indented_rows(
    state: StateBlock, start: int, end: int, silent: bool
) -> bool:
    """markdown-it's table rule, except that a row indented by four spaces or
    more goes on the table, as in Goldmark (GFM: only a blank line or another
    block ends a table); markdown-it ends the table there.

    The rows are looked at only where a table starts: the rule is tried at
    every line of a paragraph, and looking each time as far as the next
    blank line made 20 000 reference definitions take 28 s (quadratic).
    Which rows a table has does not change whether one starts here."""
    starts = rules_block.table(state, start, end, True)
    if silent or not starts:
        return starts
    moved: dict[int, int] = {}
    line = start + 2
    while line < end and not state.isEmpty(line):
        if state.sCount[line] - state.blkIndent >= 4:
            moved[line] = state.sCount[line]
            state.sCount[line] = state.blkIndent + 3
        line += 1
    try:
        return rules_block.table(state, start, end, silent)
    finally:
        for line, indent in moved.items():
            state.sCount[line] = indent


class Renderer:
    """One markdown-it set up as Hugo's Goldmark; ``render`` a page at a time."""

    def __init__(
        self,
        options: GoldmarkOptions | None = None,
        plugins: Sequence[Plugin] = (),
        hooks: RenderHooks | None = None,
    ):
        self.options = options or GoldmarkOptions()
        self.plugins = tuple(plugins)
        self.hooks = hooks
        self._code = _CodeRenderer(self.options)
        self.md = self._build()
        for plugin in self.plugins:
            plugin(self.md)
        if hooks is not None:  # after the plugins: their tokens are hooked too
            _use_hooks(self.md, hooks, self._code)

    def render(self, text: str) -> str:
        """The page body's HTML; the ``<!--more-->`` divider leaves nothing."""
        _, body = split_summary(text)
        return self._render(body)

    def _render(self, text: str) -> str:
        # Hugo 0.111 replaces emoji codes in the Markdown itself, before
        # parsing: in code too, and heading ids are made from the result.
        if self.options.emoji:
            text = emojify(text)
        return self.md.render(text, {})

    # set-up

    def _build(self) -> MarkdownIt:
        opts = self.options
        md = MarkdownIt(
            "commonmark",
            {
                "html": True,
                "xhtmlOut": False,
                "linkify": False,  # Goldmark's own rule, below
                "typographer": False,
            },
            renderer_cls=_GoldmarkHTML,
        )
        # Goldmark parses every link; it empties dangerous addresses instead.
        md.validateLink = lambda url: True
        if not opts.unsafe:
            md.core.ruler.push("goldmark_dangerous_urls", _blank_dangerous_urls)
        if opts.table:
            md.enable("table")
            md.block.ruler.at("table", _table_with_indented_rows)
        if opts.strikethrough:
            md.enable("strikethrough")
            md.add_render_rule("s_open", lambda *a: "<del>")
            md.add_render_rule("s_close", lambda *a: "</del>")
        md.inline.ruler.at(
            "text", _text_rule(_text_run(opts.typographer, opts.linkify))
        )
        md.inline.ruler.at("backticks", _backticks)
        if opts.linkify:
            md.inline.ruler.before(
                "text", "goldmark_linkify", _linkify_rule(opts.strikethrough)
            )
            md.inline.ruler.push("goldmark_labels", _label_rule)
        if opts.footnote:
            md.use(footnote_plugin)
            for name, rule in _FOOTNOTE_RULES.items():
                md.add_render_rule(name, rule)
        if opts.definition_list:
            md.use(deflist_plugin)
            md.core.ruler.push("goldmark_deflist", _tight_definitions)
        if opts.typographer:
            md.inline.ruler.after("text", "goldmark_typographer", _typographer_rule)
            md.add_render_rule("goldmark_typographic", _render_typographic)
        if opts.block_attributes:
            md.block.ruler.before(
                "table",
                "goldmark_block_attributes",
                _block_attributes_rule,
                {"alt": ["paragraph", "blockquote", "list"]},
            )
            md.core.ruler.after(
                "block", "goldmark_apply_block_attributes", _apply_block_attributes
            )
        md.core.ruler.after("block", "goldmark_heading_ids", self._heading_ids)
        if opts.task_list:
            md.core.ruler.push("goldmark_task_list", _task_lists)
            md.add_render_rule("goldmark_checkbox", _render_checkbox)
        if not opts.unsafe:
            md.add_render_rule("html_inline", lambda *a: RAW_HTML_OMITTED)
        code = self._code
        md.add_render_rule(
            "fence",
            _after_bare_text(lambda tokens, idx, env: code.fence(tokens[idx], env)),
        )
        md.add_render_rule(
            "html_block",
            _after_bare_text(
                (lambda *a: RAW_HTML_OMITTED + "\n")
                if not opts.unsafe
                else (lambda tokens, idx, env: tokens[idx].content)
            ),
        )
        md.core.ruler.after("block", "goldmark_paragraph_lines", _paragraph_lines)
        if not opts.wrap_standalone_image:
            md.core.ruler.push("goldmark_standalone_images", _unwrap_standalone_images)
            md.add_render_rule("goldmark_unwrapped", lambda *a: "")
        md.core.ruler.after("block", "goldmark_list_fences", _blank_lines_in_items)
        return md

    def _heading_ids(self, state: StateCore) -> None:
        ids = HeadingIds(self.options.heading_id_type)
        tokens = state.tokens
        for index, token in enumerate(tokens):
            if token.type != "heading_open":
                continue
            inline = tokens[index + 1]
            if self.options.title_attributes:
                match = _TRAILING_ATTRS.search(inline.content)
                attrs = parse_attributes(match[1]) if match else None
                if attrs:
                    inline.content = inline.content[: match.start()].rstrip()
                    for name, value in attrs:
                        token.attrSet(name, value)
            given = token.attrGet("id")
            if given is not None:
                ids.put(str(given))
            else:
                token.attrSet("id", ids.generate(inline.content.rsplit("\n", 1)[-1]))


def _unwrap_standalone_images(state: StateCore) -> None:
    """Hugo's ``wrapStandAloneImageWithinParagraph = false``: a paragraph
    that is one image alone is the image, with no ``<p>`` (nor a line end)
    around it, and a block to its render hook (``.IsBlock``)."""
    tokens = state.tokens
    for index in range(len(tokens) - 2):
        opening, inline, closing = tokens[index : index + 3]
        if (
            opening.type == "paragraph_open"
            and closing.type == "paragraph_close"
            and inline.children
            and len(inline.children) == 1
            and inline.children[0].type == "image"
        ):
            if not opening.hidden:  # a tight list's item writes none already
                # Not hidden: markdown-it starts a line after a hidden one.
                opening.type = closing.type = "goldmark_unwrapped"
            image = inline.children[0]
            image.meta = {**(image.meta or {}), "block": True}


def _after_bare_text(
    render: Callable[[Sequence[Token], int, Any], str],
) -> Callable[..., str]:
    """A block's render rule that, like Goldmark, starts a new line after
    the bare text of a tight list's item (markdown-it does so only for the
    blocks it renders itself)."""

    def rule(_self: Any, tokens: Sequence[Token], idx: int, _o: Any, env: Any) -> str:
        html = render(tokens, idx, env)
        return "\n" + html if idx and tokens[idx - 1].hidden else html

    return rule


_LINE_INDENT = re.compile(r"\n[ \t]+")


def _paragraph_lines(state: StateCore) -> None:
    """Goldmark takes the blanks off the start of a paragraph's every line,
    which a code span across lines shows; markdown-it keeps those past the
    block's indent."""
    tokens = state.tokens
    for index in range(1, len(tokens)):
        token = tokens[index]
        if token.type == "inline" and tokens[index - 1].type == "paragraph_open":
            token.content = _LINE_INDENT.sub("\n", token.content)


_BLANK_LINE = re.compile(r"(?m)^[ \t]+$")


def _blank_lines_in_items(state: StateCore) -> None:
    """A fence whose nearest container is a list item: Goldmark's list item
    reads a line of only blanks as an empty one before the fence sees it (a
    quote's marker keeps the line as it is)."""
    containers: list[str] = []
    for token in state.tokens:
        if token.nesting == 1:
            containers.append(token.type)
        elif token.nesting == -1 and containers:
            containers.pop()
        elif token.type == "fence" and containers[-1:] == ["list_item_open"]:
            token.content = _BLANK_LINE.sub("", token.content)


def _render_typographic(
    self: Any, tokens: Sequence[Token], idx: int, _o: Any, _e: Any
) -> str:
    return tokens[idx].meta["entity"]


def _tight_definitions(state: StateCore) -> None:
    """Goldmark writes a definition's first paragraph bare when no blank line
    comes before it; later paragraphs keep their ``<p>``."""
    lines = state.src.split("\n")
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "dd_open":
            continue
        first = True
        for inner in tokens[index + 1 :]:
            if inner.type == "dd_close" and inner.level == token.level:
                break
            if inner.level != token.level + 1 or not inner.type.startswith(
                "paragraph_"
            ):
                continue
            if inner.type == "paragraph_open":
                line = inner.map[0] if inner.map else 0
                tight = first and line > 0 and lines[line - 1].strip() != ""
                first = False
                inner.hidden = tight
                hide_close = tight
            else:
                inner.hidden = hide_close


def _task_lists(state: StateCore) -> None:
    tokens = state.tokens
    for index in range(len(tokens) - 2):
        if tokens[index].type != "list_item_open":
            continue
        if tokens[index + 1].type != "paragraph_open":
            continue
        inline = tokens[index + 2]
        if not inline.children or inline.children[0].type != "text":
            continue
        first = inline.children[0]
        match = _TASK.match(first.content)
        if not match:
            continue
        box = Token("goldmark_checkbox", "input", 0)
        box.meta = {"checked": match[1] in "xX"}
        first.content = first.content[match.end() :]
        inline.children.insert(0, box)


def _render_checkbox(
    self: Any, tokens: Sequence[Token], idx: int, _o: Any, _e: Any
) -> str:
    checked = 'checked="" ' if tokens[idx].meta["checked"] else ""
    return f'<input {checked}disabled="" type="checkbox"> '


def _block_attributes_rule(
    state: StateBlock, start: int, _end: int, silent: bool
) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    line = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    match = _ATTRS_LINE.match(line)
    if not match:
        return False
    attrs = parse_attributes(match[1])
    if not attrs:
        return False
    if silent:
        return True  # ends the paragraph, quote or list above
    if not state.tokens:
        return False  # nothing above to carry them: a paragraph
    token = state.push("goldmark_attributes", "", 0)
    token.meta = {"attrs": attrs}
    token.map = [start, start + 1]
    state.line = start + 1
    return True


def _apply_block_attributes(state: StateCore) -> None:
    tokens = state.tokens
    kept: list[Token] = []
    for token in tokens:
        if token.type != "goldmark_attributes":
            kept.append(token)
            continue
        target = _block_before(kept)
        if target is not None:
            for name, value in token.meta["attrs"]:
                target.attrSet(name, value)
    state.tokens = kept


def _block_before(tokens: list[Token]) -> Token | None:
    if not tokens:
        return None
    last = tokens[-1]
    if last.nesting != -1:
        return last
    opening = last.type[: -len("_close")] + "_open"
    for token in reversed(tokens):
        if token.type == opening and token.level == last.level:
            return token
    return None


# -- footnotes in Goldmark's markup ----------------------------------------


def _footnote_ref(
    self: Any, tokens: Sequence[Token], idx: int, _o: Any, _e: Any
) -> str:
    meta = tokens[idx].meta
    number = meta["id"] + 1
    sub = meta.get("subId", 0)
    ref_id = f"fnref{sub or ''}:{number}"
    return (
        f'<sup id="{ref_id}"><a href="#fn:{number}" class="footnote-ref" '
        f'role="doc-noteref">{number}</a></sup>'
    )


def _footnote_anchor(
    self: Any, tokens: Sequence[Token], idx: int, _o: Any, _e: Any
) -> str:
    meta = tokens[idx].meta
    sub = meta.get("subId", 0)
    return (
        f'&#160;<a href="#fnref{sub or ""}:{meta["id"] + 1}" class="footnote-backref" '
        f'role="doc-backlink">{_BACKREF}</a>'
    )


_FOOTNOTE_RULES: dict[str, Callable[..., str]] = {
    "footnote_ref": _footnote_ref,
    "footnote_block_open": lambda *a: (
        '<div class="footnotes" role="doc-endnotes">\n<hr>\n<ol>\n'
    ),
    "footnote_block_close": lambda *a: "</ol>\n</div>\n",
    "footnote_open": lambda self, tokens, idx, *a: (
        f'<li id="fn:{tokens[idx].meta["id"] + 1}">\n'
    ),
    "footnote_close": lambda *a: "</li>\n",
    "footnote_anchor": _footnote_anchor,
}


# -- render hooks ------------------------------------------------------------


class RenderHooks(Protocol):
    """What runs a site's Markdown render hooks (``hugo_templates.hooks``).

    ``find(kind)`` is the hook the page being rendered has for ``kind``
    (``link``, ``image``, ``heading``, ``codeblock-LANG``, ``codeblock``),
    or None; ``render`` runs it on an element's facts, ``line`` being the
    element's line in the Markdown (1 for its first)."""

    def find(self, kind: str) -> Any: ...

    def render(
        self, found: Any, kind: str, facts: dict[str, Any], line: int
    ) -> str: ...


# How many link addresses (as written, by their encoded form) a renderer
# with hooks keeps before it starts again.
_DESTINATIONS_KEPT = 100_000


def _use_hooks(md: MarkdownIt, hooks: RenderHooks, code: _CodeRenderer) -> None:
    """Hand links, images, headings and fenced code to the page's hooks, as
    Hugo's Goldmark renderer does; an element with no hook for the page
    renders as it does without hooks (the same rules, the same tokens)."""
    destinations: dict[str, str] = {}
    normalize = md.normalizeLink

    def remember(url: str) -> str:
        # Goldmark gives a hook the destination as written (entities and
        # escapes resolved); markdown-it percent-encodes it as it parses.
        normalized = normalize(url)
        destinations[normalized] = url
        return normalized

    def forget(_state: StateCore) -> None:
        # Not at every render: a hook's RenderString renders inside another.
        if len(destinations) > _DESTINATIONS_KEPT:
            destinations.clear()

    md.normalizeLink = remember
    md.core.ruler.before("normalize", "goldmark_hook_destinations", forget)
    md.core.ruler.push(
        "goldmark_render_hooks", lambda state: _hook_tokens(state, hooks)
    )
    default_image = md.renderer.rules["image"]
    default_fence = md.renderer.rules["fence"]

    def link(
        self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any
    ) -> str:
        token = tokens[idx]
        href = str(token.attrGet("href") or "")
        facts = {
            "destination": destinations.get(href, href),
            "title": str(token.attrGet("title") or ""),
            "text": self.renderInline(token.children or [], options, env),
            "plain_text": _plain_text(token.children or []),
        }
        return hooks.render(token.meta["hook"], "link", facts, token.meta["line"])

    def image(
        self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any
    ) -> str:
        token = tokens[idx]
        found = hooks.find("image")
        if found is None:
            return default_image(tokens, idx, options, env)
        ordinal = env.get("goldmark_images", 0)
        env["goldmark_images"] = ordinal + 1
        src = str(token.attrGet("src") or "")
        facts = {
            "destination": destinations.get(src, src),
            "title": str(token.attrGet("title") or ""),
            "text": self.renderInline(token.children or [], options, env),
            "plain_text": _plain_text(token.children or []),
            "ordinal": ordinal,
            "is_block": bool(token.meta.get("block")),
        }
        return hooks.render(found, "image", facts, token.meta.get("line", 0))

    def heading(
        self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any
    ) -> str:
        token = tokens[idx]
        facts = {
            "level": token.meta["level"],
            "anchor": str(token.attrGet("id") or ""),
            "text": self.renderInline(token.children or [], options, env),
            "plain_text": _plain_text(token.children or []),
            "attributes": {name: str(value) for name, value in token.attrItems()},
        }
        html = hooks.render(token.meta["hook"], "heading", facts, token.meta["line"])
        return "\n" + html if idx and tokens[idx - 1].hidden else html

    def fence(
        self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any
    ) -> str:
        token = tokens[idx]
        if not code.options.code_fences:  # Hugo runs no code block hook then
            return default_fence(tokens, idx, options, env)
        language, attrs = _split_fence_info(token.info)
        found = hooks.find(f"codeblock-{language}") if language else None
        if found is None:
            found = hooks.find("codeblock")
        if found is None:
            return default_fence(tokens, idx, options, env)
        ordinal = env.get("goldmark_fences", 0)
        env["goldmark_fences"] = ordinal + 1
        facts = {
            "type": language,
            "inner": token.content.rstrip("\n"),
            "options": _hook_options(attrs),
            "attributes": _hook_attributes(attrs),
            "ordinal": ordinal,
        }
        line = token.map[0] + 1 if token.map else 0
        html = hooks.render(found, "codeblock", facts, line)
        return "\n" + html if idx and tokens[idx - 1].hidden else html

    md.add_render_rule("goldmark_link_hook", link)
    md.add_render_rule("goldmark_heading_hook", heading)
    md.add_render_rule("image", image)
    md.add_render_rule("fence", fence)


def _hook_tokens(state: StateCore, hooks: RenderHooks) -> None:
    """Gather a hooked link's and heading's tokens into one token each (the
    hook gets the rendered inside), and note the line of each image."""
    link = hooks.find("link")
    heading = hooks.find("heading")
    for token in state.tokens:
        if token.type == "inline" and token.children:
            line = token.map[0] + 1 if token.map else 0
            token.children = _hook_inline(token.children, line, link)
    if heading is None:
        return
    tokens: list[Token] = []
    index = 0
    while index < len(state.tokens):
        token = state.tokens[index]
        inline = state.tokens[index + 1] if index + 1 < len(state.tokens) else None
        if token.type == "heading_open" and inline is not None:
            hooked = Token("goldmark_heading_hook", token.tag, 0)
            hooked.attrs = dict(token.attrs)
            hooked.map = token.map
            hooked.block = True
            hooked.children = inline.children
            hooked.meta = {
                "hook": heading,
                "level": _markdown_level(token),
                "line": token.map[0] + 1 if token.map else 0,
            }
            tokens.append(hooked)
            index += 3
            continue
        tokens.append(token)
        index += 1
    state.tokens = tokens


def _markdown_level(token: Token) -> int:
    """A heading's level as written (``##``, or a setext underline), which
    a plugin moving the page's headings (cameo's outline) leaves alone."""
    if token.markup == "=":
        return 1
    if token.markup == "-":
        return 2
    return len(token.markup) if token.markup else int(token.tag[1:])


def _hook_inline(children: list[Token], line: int, link: Any) -> list[Token]:
    """Inline tokens with each link (with ``link``, its hook) one token."""
    result: list[Token] = []
    index = 0
    while index < len(children):
        child = children[index]
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "image":
            child.meta = {**(child.meta or {}), "line": line}
        elif child.type == "link_open" and link is not None:
            end = index + 1
            while end < len(children) and children[end].type != "link_close":
                end += 1
            hooked = Token("goldmark_link_hook", "a", 0)
            hooked.attrs = dict(child.attrs)
            hooked.info = child.info
            hooked.children = _hook_inline(children[index + 1 : end], line, None)
            hooked.meta = {"hook": link, "line": line}
            result.append(hooked)
            index = end + 1
            continue
        result.append(child)
        index += 1
    return result


def _plain_text(tokens: Sequence[Token]) -> str:
    """Goldmark's ``Text`` of a node: its text and code, no markup (a soft
    line break adds nothing, an autolink nothing either: it has no
    children in Goldmark's tree)."""
    parts = []
    in_autolink = False
    for token in tokens:
        if token.type in ("link_open", "link_close") and token.info == "auto":
            in_autolink = token.type == "link_open"
        elif in_autolink or (
            token.type == "goldmark_link_hook" and token.info == "auto"
        ):
            continue
        elif token.children:
            parts.append(_plain_text(token.children))
        elif token.type == "goldmark_typographic":  # Goldmark's text: the entity
            parts.append(token.meta["entity"])
        elif token.type in ("text", "code_inline"):
            parts.append(token.content)
    return "".join(parts)


def _hook_options(attrs: Sequence[FenceAttribute]) -> dict[str, Any]:
    """A fence's highlighting options as Hugo gives them to a hook: names in
    lower case, values typed (``true``, ``5``), ``hl_lines`` as ranges of
    zero-based line indexes (``[[0, 0]]``)."""
    options: dict[str, Any] = {}
    for attr in attrs:
        name = attr.name.lower()
        if name not in _HIGHLIGHT_OPTIONS:
            continue
        if name == "hl_lines":
            ranges = parse_line_ranges(_list_value(attr.source), strict=False)
            options[name] = [[start - 1, end - 1] for start, end in ranges]
        else:
            options[name] = _typed_value(attr.source)
    return options


def _typed_value(source: str) -> Any:
    if source[:1] in "\"'":
        return source[1:-1]
    if source in ("true", "false"):
        return source == "true"
    try:
        return int(source)
    except ValueError:
        pass
    try:
        return float(source)
    except ValueError:
        return source


def _hook_attributes(attrs: Sequence[FenceAttribute]) -> dict[str, str]:
    """A fence's other attributes, as Hugo gives them to a hook (classes
    joined)."""
    found: dict[str, str] = {}
    for attr in attrs:
        name = attr.name.lower()
        if name in _HIGHLIGHT_OPTIONS:
            continue
        if name == "class" and name in found:
            found[name] = f"{found[name]} {attr.printed}"
        else:
            found[name] = attr.printed
    return found
