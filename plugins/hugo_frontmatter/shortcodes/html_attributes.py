"""What Go's html/template does to the values a template puts in attributes,
done once over a Jinja port's rendered HTML, since Jinja escapes every value
alike and cannot tell an ``href`` from a ``title``.

A site's shortcode templates are trusted, the page parameters they print are
not: a parameter written into ``href="{{ x }}"`` must not become a live
``javascript:`` link. As in html/template, what the template writes itself
stands (a port that loads KaTeX keeps its ``onload``); an attribute into
which a value was printed (``{{ ... }}``, ``inner`` included: each is
marked by ``dynamic()``, the Jinja environment's ``finalize``) is checked:
a URL attribute (Go's list: ``href``, ``src``, ``action``, ``formaction``,
``cite``, ``poster``, ``data``, ... and any name holding ``src``, ``uri``
or ``url``) passes ``urls.safe_url``, an event handler (``on*``) or
``srcdoc`` is dropped, and a ``<meta http-equiv="refresh">``'s URL is
checked too. Tags are found by the standard library's HTML tokenizer; a
tag that needs no change is left byte for byte.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from markupsafe import Markup

from ..content.urls import FILTERED_URL, safe_url
from ..gotemplate.htmltemplate.attr import URL_ATTRIBUTES

# Around each value a template prints: two Unicode noncharacters, which no
# text exchanged between programs holds; removed once the attributes are
# checked. A page that brings them only makes more of its tags checked.
DYNAMIC_START, DYNAMIC_END = "\ufdd0", "\ufdd1"
_UNMARK = {ord(DYNAMIC_START): None, ord(DYNAMIC_END): None}

# Attributes whose value is a document or script of its own: dropped.
_DROPPED = frozenset({"srcdoc"})
# Names in Go's map that hold "src" but are not URLs by that.
_PLAIN_WITH_URL_WORDS = frozenset({"srcdoc", "srclang", "srcset"})
_BLANKS = re.compile(r"[\t\n\f\r ]+")
# A refresh's delay and the URL after it (``0; url=/next/``), as browsers
# read it.
_REFRESH_URL = re.compile(r"(\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?)(.*)", re.I | re.S)


def attribute_kind(name: str) -> str:
    """``"url"``, ``"srcset"``, ``"drop"`` (a handler, ``srcdoc``) or
    ``"plain"``, by Go's html/template rule (``attrType``): ``data-`` and a
    namespace prefix are looked through, ``xmlns:*`` is a URL."""
    name = name.lower()
    if name.startswith("on") or name in _DROPPED:
        return "drop"
    if name.startswith("data-"):
        name = name[5:]
    elif ":" in name:
        prefix, _, name = name.partition(":")
        if prefix == "xmlns":
            return "url"
    if name == "srcset":
        return "srcset"
    if name in URL_ATTRIBUTES:
        return "url"
    if name not in _PLAIN_WITH_URL_WORDS and any(
        word in name for word in ("src", "uri", "url")
    ):
        return "url"
    return "plain"


def dynamic(value: object) -> object:
    """``value`` as a template prints it, marked as printed (see the module's
    docstring); HTML (``Markup``, ``__html__``) stays HTML."""
    if hasattr(value, "__html__"):
        return Markup(DYNAMIC_START) + Markup(value.__html__()) + Markup(DYNAMIC_END)
    return f"{DYNAMIC_START}{value}{DYNAMIC_END}"


def filter_attributes(markup: str, marked_only: bool = False) -> str:
    """``markup`` with each URL attribute through ``safe_url`` and event
    handlers dropped; unchanged when there is nothing to change. With
    ``marked_only``, only the attributes that hold a value ``dynamic()``
    marked are checked, and the marks are removed."""
    if "<" not in markup or "=" not in markup:
        return markup.translate(_UNMARK) if marked_only else markup
    finder = _StartTags(marked_only)
    finder.feed(markup)
    finder.close()
    if not finder.changes:
        return markup.translate(_UNMARK) if marked_only else markup
    line_starts = [0] + [match.end() for match in re.finditer("\n", markup)]
    out = []
    written = 0
    for (line, column), old, new in finder.changes:
        start = line_starts[line - 1] + column
        if markup.startswith(old, start):
            out.append(markup[written:start])
            out.append(new)
            written = start + len(old)
    out.append(markup[written:])
    done = "".join(out)
    return done.translate(_UNMARK) if marked_only else done


def _safe_srcset(value: str) -> str:
    """Each candidate's URL through ``safe_url``; a refused one is
    ``#ZgotmplZ``, as Go's srcset filter writes it."""
    candidates = []
    for candidate in value.split(","):
        url, *descriptor = _BLANKS.split(candidate.strip(), maxsplit=1)
        checked = safe_url(url)
        if checked == FILTERED_URL:
            candidates.append(FILTERED_URL)
        else:
            candidates.append(" ".join([checked, *descriptor]))
    return ", ".join(candidates)


def _refreshes(attrs: list[tuple[str, str | None]]) -> bool:
    """Whether a tag is ``<meta http-equiv="refresh">``, whose ``content``
    holds a URL the browser goes to."""
    return any(
        name == "http-equiv" and (value or "").strip().lower() == "refresh"
        for name, value in attrs
    )


def _safe_refresh(content: str) -> str:
    """``5; url=...`` with its URL through ``safe_url``."""
    match = _REFRESH_URL.match(content)
    if not match:
        return content
    url = match.group(2).strip().strip("'\"")
    return match.group(1) + safe_url(url)


class _StartTags(HTMLParser):
    """Collects the start tags to rewrite: (position, old text, new text)."""

    def __init__(self, marked_only: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.marked_only = marked_only
        self.changes: list[tuple[tuple[int, int], str, str]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._check(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self._check(tag, attrs)

    def _check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        text = self.get_starttag_text() or ""
        kept: list[tuple[str, str | None]] = []
        changed = False
        for name, value in attrs:
            if self.marked_only:
                printed = _is_marked(name) or _is_marked(value or "")
                name = name.translate(_UNMARK)
                value = None if value is None else value.translate(_UNMARK)
                if not printed:  # the template's own: it stands
                    kept.append((name, value))
                    continue
            kind = attribute_kind(name)
            if kind == "drop":
                changed = True
                continue
            if value is not None and kind in ("url", "srcset"):
                safe = safe_url(value) if kind == "url" else _safe_srcset(value)
                changed = changed or safe != value
                value = safe
            elif value is not None and name == "content" and _refreshes(attrs):
                safe = _safe_refresh(value)
                changed = changed or safe != value
                value = safe
            kept.append((name, value))
        if not changed:
            return
        attributes = "".join(
            f" {name}" if value is None else f' {name}="{html.escape(value)}"'
            for name, value in kept
        )
        closing = "/" if text.endswith("/>") else ""
        self.changes.append((self.getpos(), text, f"<{tag}{attributes}{closing}>"))


def _is_marked(text: str) -> bool:
    return DYNAMIC_START in text or DYNAMIC_END in text
