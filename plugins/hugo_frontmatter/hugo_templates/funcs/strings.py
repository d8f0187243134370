"""Hugo 0.111's ``strings`` namespace (``tpl/strings``): ``lower``,
``upper``, ``title``, ``trim``, ``replace``, ``replaceRE``, ``findRE``,
``split``, ``substr``, ``truncate``, ``chomp`` ... and ``strings.X``.

Arguments are cast as Hugo casts them (``gocast``); text follows Go's rules
(``go_text``), regular expressions Go's (``_goregexp``). ``title`` follows
the site's ``titleCaseStyle`` (``bindings.title_case_style``): AP by
default, ``Chicago``, or ``Go``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from ...gotemplate import HTML
from ..bindings import SiteBindings
from ..go_text import (
    fields,
    go_title,
    html_escape,
    is_cjk,
    is_space,
    title_rune,
    to_lower,
    to_upper,
)
from ..gocast import to_int, to_string
from ..hugo_text import strip_html
from . import _goregexp

logger = logging.getLogger(__name__)

# github.com/jdkato/prose/transform (v1.2.1), Hugo's title case.
_SMALL_WORDS = frozenset(
    "a an and as at but by en for if in nor of on or per the to vs vs. via v v.".split()
)
_PREPOSITIONS = frozenset(
    """with from into during including until against among throughout despite
    towards upon concerning about over through before between after since
    without under within along following across beyond around down near
    above""".split()
)
_TITLE_WORD = re.compile(r"[^\W_]+[^\t\n\f\r \-/]*")
_TITLE_SANITIZE = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u2013": "-",
        "\u2014": "-",
        "\u2026": "...",
    }
)


def _char_at(data: bytes, i: int) -> int:
    return data[i] if 0 <= i < len(data) else data[0]


def _prose_title(text: str, chicago: bool) -> str:
    """prose's TitleConverter.Title: small words stay lower case unless
    first or last, or after a colon; positions are Go's (bytes, a word's
    length in runes)."""
    sanitized = text.translate(_TITLE_SANITIZE).encode("utf-8")
    end = len(sanitized)
    idx = 0
    space = b" -/"

    def word(match: re.Match) -> str:
        nonlocal idx
        m = match.group(0)
        raw = m.encode("utf-8")
        lower = to_lower(m)
        if idx > end:  # Go slices past the end of the shorter text: a panic
            raise ValueError(f"runtime error: slice bounds out of range [{idx}:{end}]")
        found = sanitized.find(raw, idx)
        pos = found if found >= 0 else idx - 1
        prev = _char_at(sanitized, pos - 1)
        ext = len(m)  # runes, added to a byte position, as prose does
        idx = pos + ext
        small = lower in _SMALL_WORDS or (chicago and lower in _PREPOSITIONS)
        if (
            small
            and not (pos == 0 or idx == end)
            and prev in space
            and _char_at(sanitized, pos - 2) not in b":-"
            and (
                _char_at(sanitized, pos + ext) != ord("-")
                or _char_at(sanitized, pos - 1) == ord("-")
            )
        ):
            return lower
        return title_rune(m[0]) + m[1:]

    return _TITLE_WORD.sub(word, text)


def title_function(style: str) -> Callable[[str], str]:
    """helpers.GetTitleFunc: ``go``, ``chicago``, else AP (any case)."""
    style = style.lower()
    if style == "go":
        return go_title
    return lambda text: _prose_title(text, chicago=style == "chicago")


def _string_arg(value: Any, what: str) -> str:
    """A parameter Go declares as ``string``: no casting."""
    if isinstance(value, str):
        return str(value)
    raise TypeError(
        f"wrong type for value; expected string; got {type(value).__name__}"
        if what == ""
        else f"{what} must be a string"
    )


# The ``truncate`` function (tpl/strings/truncate.go).
_TAG = re.compile(r"<(/)?([^ ]+?)(?:([\t\n\f\r ]*/)| .*?)?>")
_SINGLETS = frozenset(
    {"br", "col", "link", "base", "img", "param", "area", "hr", "input"}
)


def _truncate(length: Any, *options: Any) -> HTML:
    """Cut to ``length`` characters at a word end, closing open tags of
    trusted HTML; plain text comes back HTML-escaped."""
    length = to_int(length)
    if not options:
        raise ValueError("truncate requires a length and a string")
    if len(options) > 2:
        raise ValueError("too many arguments passed to truncate")
    if len(options) == 1:
        value, ellipsis = options[0], " …"
    else:
        value = options[1]
        try:
            ellipsis = to_string(options[0])
        except ValueError:
            raise ValueError("ellipsis must be a string") from None
        if not isinstance(options[0], HTML):
            ellipsis = html_escape(ellipsis)
    try:
        text = to_string(value)
    except ValueError:
        raise ValueError("text must be a string") from None
    is_html = isinstance(value, HTML)
    if len(text) <= length:
        return HTML(text if is_html else html_escape(text))
    tags: list[tuple[str, int, bool]] = []
    last_word = last_non_space = current = next_tag = 0
    for i, char in enumerate(text):
        if i < next_tag:
            continue
        if is_html:
            match = _TAG.match(text, i)
            if match:
                next_tag = match.end()
                words = fields(match.group(2))  # Hugo's strings.Fields(..)[0]
                if not words:
                    raise ValueError(
                        "runtime error: index out of range [0] with length 0"
                    )
                name = words[0]
                last_word = last_non_space
                if name not in _SINGLETS and match.group(3) is None:
                    tags.append((name, i, match.group(1) is None))
                continue
        current += 1
        if is_space(char):
            last_word = last_non_space
        elif is_cjk(char):
            last_word = i
        else:
            last_non_space = i + 1
        if current > length:
            end = i if last_word == 0 else last_word
            out = text[:end]
            if not is_html:
                return HTML(html_escape(out) + ellipsis)
            out += ellipsis
            closing: str | None = None
            for name, pos, opening in reversed(tags):
                if pos >= end or closing is not None:
                    if closing is not None and closing == name:
                        closing = None
                    continue
                if opening:
                    out += f"</{name}>"
                else:
                    closing = name
            return HTML(out)
    return HTML(text if is_html else html_escape(text))


def _substr(value: Any, *nums: Any) -> str:
    """PHP's substr on runes: a negative start counts from the end, a
    negative length leaves that many off the end; out of range is ""."""
    text = to_string(value)
    if not nums:
        raise ValueError("too few arguments")
    if len(nums) > 2:
        raise ValueError("too many arguments")
    try:
        start = to_int(nums[0])
    except ValueError:
        raise ValueError("start argument must be an integer") from None
    length = len(text)
    if len(nums) == 2:
        try:
            length = to_int(nums[1])
        except ValueError:
            raise ValueError("length argument must be an integer") from None
    size = len(text)
    if size == 0:
        return ""
    if start < 0:
        start = max(start + size, 0)
    if start > size - 1 or length == 0:
        return ""
    end = size + length if length < 0 else start + length
    if start >= end or end < 0:
        return ""
    return text[start : min(end, size)]


def _slicestr(value: Any, *start_end: Any) -> str:
    """Go's s[start:end] on runes, with Hugo's bound checks."""
    text = to_string(value)
    start = end = 0
    if start_end:
        try:
            start = to_int(start_end[0])
        except ValueError:
            raise ValueError("start argument must be integer") from None
    if len(start_end) > 1:
        try:
            end = to_int(start_end[1])
        except ValueError:
            raise ValueError("end argument must be integer") from None
    if len(start_end) > 2:
        raise ValueError("too many arguments")
    if start_end and not 0 <= start < len(text):
        raise ValueError("slice bounds out of range")
    if len(start_end) == 2:
        if not 0 <= end <= len(text) or start > end:
            raise ValueError("slice bounds out of range")
        return text[start:end]
    return text[start:]


def _limit(args: tuple[Any, ...]) -> int:
    return to_int(args[0]) if args else -1


def _find_re(expr: Any, content: Any, *limit: Any) -> list[str]:
    pattern = _goregexp.compile_go(_string_arg(expr, ""))
    text = _goregexp.guard(to_string(content))
    return [
        _goregexp.unguard(m.group(0))
        for m in _goregexp.find_all(pattern, text, _limit(limit))
    ]


def _find_re_submatch(expr: Any, content: Any, *limit: Any) -> list[list[str]]:
    pattern = _goregexp.compile_go(_string_arg(expr, ""))
    text = _goregexp.guard(to_string(content))
    return [
        [_goregexp.unguard(group or "") for group in (m.group(0), *m.groups())]
        for m in _goregexp.find_all(pattern, text, _limit(limit))
    ]


def _replace_re(pattern: Any, repl: Any, value: Any, *limit: Any) -> str:
    """Each match (at most ``limit``) replaced as Go's ReplaceAllString
    replaces it, the pattern run again on the matched text, as Hugo does."""
    source = to_string(pattern)
    replacement = _goregexp.guard(to_string(repl))
    text = _goregexp.guard(to_string(value))
    count = _limit(limit)
    compiled = _goregexp.compile_go(source)

    def replace(match: re.Match) -> str:
        nonlocal count
        if count == 0:
            return match.group(0)
        count -= 1
        return _goregexp.replace_all(
            compiled,
            match.group(0),
            lambda inner: _goregexp.expand(replacement, inner),
        )

    return _goregexp.unguard(_goregexp.replace_all(compiled, text, replace))


def _replace(value: Any, old: Any, new: Any, *limit: Any) -> str:
    text, old, new = to_string(value), to_string(old), to_string(new)
    return text.replace(old, new, _limit(limit))


def _count_words(value: Any) -> int:
    """Words between spaces, but each CJK character counts as a word."""
    text = to_string(value)
    words = fields(strip_html(text))
    if not any(is_cjk(char) for char in text):
        return len(words)
    return sum(1 if word.isascii() else len(word) for word in words)


def _count_runes(value: Any) -> int:
    """Characters of the text without its tags, not counting whitespace."""
    return sum(1 for char in strip_html(to_string(value)) if char not in " \t\n\r")


def _chomp(value: Any) -> str:
    text = to_string(value).rstrip("\r\n")
    return HTML(text) if isinstance(value, HTML) else text


def _repeat(count: Any, value: Any) -> str:
    text, times = to_string(value), to_int(count)
    if times < 0:
        raise ValueError("strings: negative Repeat count")
    return text * times


def _split(value: Any, delimiter: Any) -> list[str]:
    text = to_string(value)
    delimiter = _string_arg(delimiter, "")
    return text.split(delimiter) if delimiter else list(text)


def _first_upper(value: Any) -> str:
    text = to_string(value)
    return to_upper(text[:1]) + text[1:]


class Strings:
    """The ``strings`` namespace: Go-named methods, Hugo's argument order
    (``strings.TrimPrefix "a" .s``)."""

    GO_TYPE = "*strings.Namespace"

    def __init__(self, title: Callable[[str], str]) -> None:
        self._title = title

    def Chomp(self, s: Any) -> str:
        return _chomp(s)

    def Contains(self, s: Any, substr: Any) -> bool:
        return to_string(substr) in to_string(s)

    def ContainsAny(self, s: Any, chars: Any) -> bool:
        chars = to_string(chars)
        return any(char in chars for char in to_string(s))

    def ContainsNonSpace(self, s: Any) -> bool:
        return any(not is_space(char) for char in to_string(s))

    def Count(self, substr: Any, s: Any) -> int:
        return to_string(s).count(to_string(substr))

    def CountRunes(self, s: Any) -> int:
        return _count_runes(s)

    def CountWords(self, s: Any) -> int:
        return _count_words(s)

    def FindRE(self, expr: Any, content: Any, *limit: Any) -> list[str]:
        return _find_re(expr, content, *limit)

    def FindRESubmatch(self, expr: Any, content: Any, *limit: Any) -> list[list[str]]:
        return _find_re_submatch(expr, content, *limit)

    def FirstUpper(self, s: Any) -> str:
        return _first_upper(s)

    def HasPrefix(self, s: Any, prefix: Any) -> bool:
        return to_string(s).startswith(to_string(prefix))

    def HasSuffix(self, s: Any, suffix: Any) -> bool:
        return to_string(s).endswith(to_string(suffix))

    def Repeat(self, n: Any, s: Any) -> str:
        return _repeat(n, s)

    def Replace(self, s: Any, old: Any, new: Any, *limit: Any) -> str:
        return _replace(s, old, new, *limit)

    def ReplaceRE(self, pattern: Any, repl: Any, s: Any, *n: Any) -> str:
        return _replace_re(pattern, repl, s, *n)

    def RuneCount(self, s: Any) -> int:
        return len(to_string(s))

    def SliceString(self, a: Any, *start_end: Any) -> str:
        return _slicestr(a, *start_end)

    def Split(self, a: Any, delimiter: Any) -> list[str]:
        return _split(a, delimiter)

    def Substr(self, a: Any, *nums: Any) -> str:
        return _substr(a, *nums)

    def Title(self, s: Any) -> str:
        return self._title(to_string(s))

    def ToLower(self, s: Any) -> str:
        return to_lower(to_string(s))

    def ToUpper(self, s: Any) -> str:
        return to_upper(to_string(s))

    def Trim(self, s: Any, cutset: Any) -> str:
        return to_string(s).strip(to_string(cutset))

    def TrimLeft(self, cutset: Any, s: Any) -> str:
        return to_string(s).lstrip(to_string(cutset))

    def TrimPrefix(self, prefix: Any, s: Any) -> str:
        return to_string(s).removeprefix(to_string(prefix))

    def TrimRight(self, cutset: Any, s: Any) -> str:
        return to_string(s).rstrip(to_string(cutset))

    def TrimSuffix(self, suffix: Any, s: Any) -> str:
        return to_string(s).removesuffix(to_string(suffix))

    def Truncate(self, length: Any, *options: Any) -> HTML:
        return _truncate(length, *options)


def functions(bindings: SiteBindings) -> dict[str, Callable[..., Any]]:
    """The namespace and the short names Hugo 0.111 registers for it."""
    ns = Strings(title_function(bindings.title_case_style))
    return {
        "strings": lambda: ns,
        "chomp": ns.Chomp,
        "countrunes": ns.CountRunes,
        "countwords": ns.CountWords,
        "findRE": ns.FindRE,
        "findRESubmatch": ns.FindRESubmatch,
        "hasPrefix": ns.HasPrefix,
        "hasSuffix": ns.HasSuffix,
        "lower": ns.ToLower,
        "replace": ns.Replace,
        "replaceRE": ns.ReplaceRE,
        "slicestr": ns.SliceString,
        "split": ns.Split,
        "substr": ns.Substr,
        "title": ns.Title,
        "trim": ns.Trim,
        "truncate": ns.Truncate,
        "upper": ns.ToUpper,
    }
