"""gobwas/glob v0.2.3's matchers, which ``glob`` compiles a Hugo glob
into: each has ``match(s)``, ``index(s)`` (where it first matches in ``s``
and the lengths it can take there) and ``size`` (its fixed length, or -1).
They keep that library's quirks, since Hugo 0.111 has them: a ``BTree``
never matches an empty string and has no index, a ``Suffix`` indexes its
first place only, ``AnyOf`` forgets a first part of no fixed length.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)


def _free(s: str, separators: str) -> bool:
    return not any(c in separators for c in s)


def _rune(s: str) -> str:
    """The first character, as Go decodes it (RuneError for none)."""
    return s[:1] or "\ufffd"


class Text:
    def __init__(self, text: str) -> None:
        self.text, self.size = text, len(text)

    def match(self, s: str) -> bool:
        return s == self.text

    def index(self, s: str) -> tuple[int, list[int]]:
        found = s.find(self.text)
        return (found, [self.size]) if found >= 0 else (-1, [])


class Any:
    """``*``: any run without the separator."""

    size = -1

    def __init__(self, separators: str) -> None:
        self.separators = separators

    def match(self, s: str) -> bool:
        return _free(s, self.separators)

    def index(self, s: str) -> tuple[int, list[int]]:
        stop = next((i for i, c in enumerate(s) if c in self.separators), len(s))
        return 0, list(range(stop + 1))


class Super:
    """``**``: anything."""

    size = -1

    def match(self, s: str) -> bool:
        return True

    def index(self, s: str) -> tuple[int, list[int]]:
        return 0, list(range(len(s) + 1))


class Single:
    """``?``."""

    size = 1

    def __init__(self, separators: str) -> None:
        self.separators = separators

    def match(self, s: str) -> bool:
        return len(s) <= 1 and _rune(s) not in self.separators

    def index(self, s: str) -> tuple[int, list[int]]:
        found = next((i for i, c in enumerate(s) if c not in self.separators), -1)
        return (found, [1]) if found >= 0 else (-1, [])


class List:
    """``[ab]``, ``[!ab]``."""

    size = 1

    def __init__(self, chars: str, negate: bool) -> None:
        self.chars, self.negate = chars, negate

    def match(self, s: str) -> bool:
        return len(s) <= 1 and (_rune(s) in self.chars) != self.negate

    def index(self, s: str) -> tuple[int, list[int]]:
        for i, c in enumerate(s):
            if (c in self.chars) != self.negate:
                return i, [1]
        return -1, []


class Range:
    """``[a-c]``, ``[!a-c]``."""

    size = 1

    def __init__(self, low: str, high: str, negate: bool) -> None:
        self.low, self.high, self.negate = low, high, negate

    def match(self, s: str) -> bool:
        char = _rune(s)
        return len(s) <= 1 and (self.low <= char <= self.high) != self.negate

    def index(self, s: str) -> tuple[int, list[int]]:
        for i, c in enumerate(s):
            if (self.low <= c <= self.high) != self.negate:
                return i, [1]
        return -1, []


class Nothing:
    size = 0

    def match(self, s: str) -> bool:
        return not s

    def index(self, s: str) -> tuple[int, list[int]]:
        return 0, [0]


class AnyOf:
    def __init__(self, matchers: list) -> None:
        self.matchers = matchers
        # gobwas/glob v0.2.3: a first part of no fixed length is forgotten
        # when the next has one.
        size = -1
        for matcher in matchers:
            if size == -1:
                size = matcher.size
            elif matcher.size == -1 or matcher.size != size:
                size = -1
                break
        self.size = size

    def match(self, s: str) -> bool:
        return any(m.match(s) for m in self.matchers)

    def index(self, s: str) -> tuple[int, list[int]]:
        best, lengths = -1, set()
        for matcher in self.matchers:
            found, these = matcher.index(s)
            if found == -1 or (best != -1 and found > best):
                continue
            if best == -1 or found < best:
                best, lengths = found, set(these)
            else:
                lengths |= set(these)
        return (best, sorted(lengths)) if best >= 0 else (-1, [])


class EveryOf:
    def __init__(self, matchers: list) -> None:
        self.matchers = matchers
        self.size = -1 if matchers else 0  # v0.2.3's Len never adds up

    def match(self, s: str) -> bool:
        return all(m.match(s) for m in self.matchers)

    def index(self, s: str) -> tuple[int, list[int]]:
        index = offset = 0
        current: list[int] = []
        for number, matcher in enumerate(self.matchers):
            found, lengths = matcher.index(s[index:])
            if found == -1:
                return -1, []
            if number == 0:
                current = list(lengths)
            else:
                delta = index - (found + offset)
                current = [n for ex in current for n in lengths if ex + delta == n]
                if not current:
                    return -1, []
            index = found + offset
            offset += found
        return index, current


class Min:
    size = -1

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def match(self, s: str) -> bool:
        return len(s) >= self.limit

    def index(self, s: str) -> tuple[int, list[int]]:
        if len(s) < self.limit:
            return -1, []
        return 0, list(range(self.limit, len(s) + 1))


class Max:
    size = -1

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def match(self, s: str) -> bool:
        return len(s) <= self.limit

    def index(self, s: str) -> tuple[int, list[int]]:
        return 0, list(range(min(len(s), self.limit) + 1))


class Contains:
    size = -1

    def __init__(self, needle: str, negate: bool) -> None:
        self.needle, self.negate = needle, negate

    def match(self, s: str) -> bool:
        return (self.needle in s) != self.negate

    def index(self, s: str) -> tuple[int, list[int]]:
        found = s.find(self.needle)
        offset = 0
        if not self.negate:
            if found == -1:
                return -1, []
            offset = found + len(self.needle)
            if len(s) <= offset:
                return 0, [offset]
            rest = s[offset:]
        else:
            rest = s if found == -1 else s[:found]
        return 0, [offset + i for i in range(len(rest) + 1)]


class Prefix:
    """``text**``."""

    size = -1

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    def match(self, s: str) -> bool:
        return s.startswith(self.prefix)

    def index(self, s: str) -> tuple[int, list[int]]:
        found = s.find(self.prefix)
        if found == -1:
            return -1, []
        rest = len(s) - found - len(self.prefix)
        return found, [len(self.prefix) + i for i in range(rest + 1)]


class Suffix:
    """``**text``; its index knows the first place only."""

    size = -1

    def __init__(self, suffix: str) -> None:
        self.suffix = suffix

    def match(self, s: str) -> bool:
        return s.endswith(self.suffix)

    def index(self, s: str) -> tuple[int, list[int]]:
        found = s.find(self.suffix)
        return (0, [found + len(self.suffix)]) if found >= 0 else (-1, [])


class PrefixSuffix:
    """``text**text``: the two may overlap, and its index cuts the name
    where gobwas/glob cuts it."""

    size = -1

    def __init__(self, prefix: str, suffix: str) -> None:
        self.prefix, self.suffix = prefix, suffix

    def match(self, s: str) -> bool:
        return s.startswith(self.prefix) and s.endswith(self.suffix)

    def index(self, s: str) -> tuple[int, list[int]]:
        start = s.find(self.prefix)
        if start == -1:
            return -1, []
        lengths = []
        rest = s[start:]
        while (end := rest.rfind(self.suffix)) != -1:
            lengths.append(end + len(self.suffix))
            rest = s[:end]
        return (start, lengths[::-1]) if lengths else (-1, [])


class PrefixAny:
    """``text*``."""

    size = -1

    def __init__(self, prefix: str, separators: str) -> None:
        self.prefix, self.separators = prefix, separators

    def match(self, s: str) -> bool:
        rest = s[len(self.prefix) :]
        return s.startswith(self.prefix) and not any(c in self.separators for c in rest)

    def index(self, s: str) -> tuple[int, list[int]]:
        found = s.find(self.prefix)
        if found == -1:
            return -1, []
        size = len(self.prefix)
        rest = s[found + size :]
        stop = next((i for i, c in enumerate(rest) if c in self.separators), None)
        rest = rest if stop is None else rest[:stop]
        return found, [size + i for i in range(len(rest) + 1)]


class SuffixAny:
    """``*text``."""

    size = -1

    def __init__(self, suffix: str, separators: str) -> None:
        self.suffix, self.separators = suffix, separators

    def match(self, s: str) -> bool:
        rest = s[: len(s) - len(self.suffix)]
        return s.endswith(self.suffix) and not any(c in self.separators for c in rest)

    def index(self, s: str) -> tuple[int, list[int]]:
        found = s.find(self.suffix)
        if found == -1:
            return -1, []
        last = max(
            (i for i, c in enumerate(s[:found]) if c in self.separators), default=-1
        )
        start = last + 1
        return start, [found + len(self.suffix) - start]


class Row:
    """Parts of fixed lengths, one after the other."""

    def __init__(self, size: int, matchers: list) -> None:
        self.size, self.matchers = size, matchers

    def _match_all(self, s: str) -> bool:
        at = 0
        for matcher in self.matchers:
            part = s[at : at + matcher.size]
            if len(part) < matcher.size or not matcher.match(part):
                return False
            at += matcher.size
        return True

    def match(self, s: str) -> bool:
        return len(s) == self.size and self._match_all(s)

    def index(self, s: str) -> tuple[int, list[int]]:
        for i in range(len(s)):
            if len(s) - i < self.size:
                break
            if self._match_all(s[i:]):
                return i, [self.size]
        return -1, []


class BTree:
    """A part of fixed length (``value``) found in the name, what is left of
    it matched by ``left``, what is right by ``right``. Only places before
    the last are tried, so an empty name never matches (gobwas/glob's
    ``for offset < limit``), and a tree has no index."""

    def __init__(self, value, left, right) -> None:
        self.value, self.left, self.right = value, left, right
        self.left_size = left.size if left is not None else 0
        self.right_size = right.size if right is not None else 0
        sizes = (value.size, self.left_size, self.right_size)
        self.size = -1 if -1 in sizes else sum(sizes)

    def index(self, s: str) -> tuple[int, list[int]]:
        return -1, []

    def match(self, s: str) -> bool:
        if self.size != -1 and self.size > len(s):
            return False
        offset = max(self.left_size, 0)
        limit = len(s) - self.right_size if self.right_size >= 0 else len(s)
        while offset < limit:
            found, lengths = self.value.index(s[offset:limit])
            if found == -1:
                return False
            before = s[: offset + found]
            if self.left.match(before) if self.left else not before:
                for length in reversed(lengths):
                    after = s[offset + found + length :]
                    if self.right.match(after) if self.right else not after:
                        return True
            offset += found + 1
        return False
