"""A page's summary as Hugo's ``.Summary`` (a front matter ``summary``, the
text before ``<!--more-->``, or the automatic one) and its text as
``.Plain``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from cameo_shared.math import math_as_tex

from .field import Field, hugo_text

# Hugo's summaryLength when the site sets none; Pelican's SUMMARY_MAX_LENGTH
# is used instead when a site changed it from Pelican's own default (50).
HUGO_SUMMARY_LENGTH = 70
_PELICAN_SUMMARY_LENGTH = 50
# Hugo's StripHTML: line ends become spaces, a paragraph's end or a <br> a
# line end; tags and comments go (as html/template's stripTags takes them);
# then each run of blanks is kept as its first.
_LINE_BREAKS = re.compile(r"\n|</p>|<br>|<br />")
_TAG = re.compile(r"<!--.*?(?:-->|$)|</?[A-Za-z][^>]*(?:>|$)", re.DOTALL)
_NEW_LINE = "___hugonl_"  # Hugo's own placeholder
_BLANK_RUN = re.compile(r"(\s)\s+")
_BLANK = re.compile(r"\s")
_SENTENCE_END = re.compile(r"[.?!\"\n]")


# Set on a page whose summary is Hugo's automatic one, which a theme may
# rank below a description (a summary written for the page it ranks above).
AUTOMATIC_SUMMARY = "hugo_summary_automatic"


def add_summary(
    metadata: dict[str, Any],
    divided: str | None,
    html: str,
    settings: Mapping[str, Any],
) -> None:
    """A page's summary as Hugo's ``.Summary``: the HTML before the
    ``<!--more-->`` divider, else the automatic one (left to Pelican only
    when the site asks for the whole page, SUMMARY_MAX_LENGTH = None)."""
    if divided is not None:
        metadata["summary"] = divided
        return
    words = summary_length(settings)
    if words is not None:
        cjk = metadata.get("iscjklanguage") is True
        metadata["summary"] = automatic_summary(html, words, cjk)
        metadata[AUTOMATIC_SUMMARY] = True


def summary_length(settings: Mapping[str, Any]) -> int | None:
    """The words of an automatic summary: Hugo's 70, or the site's own
    SUMMARY_MAX_LENGTH (which a Hugo config's summaryLength sets) when it is
    not Pelican's default; None when the site asks for no truncation."""
    length = settings.get("SUMMARY_MAX_LENGTH", _PELICAN_SUMMARY_LENGTH)
    if length is None:
        return None
    return HUGO_SUMMARY_LENGTH if length == _PELICAN_SUMMARY_LENGTH else int(length)


def plain_text(html: str) -> str:
    """A page's HTML as Hugo's ``.Plain``: the text without tags, paragraphs
    on lines of their own, each run of blanks kept as its first; math as its
    TeX, as Hugo (which leaves math to a script) has it in its text."""
    if "<" not in html and ">" not in html:
        return html
    html = math_as_tex(html)
    html = _LINE_BREAKS.sub(lambda m: " " if m[0] == "\n" else _NEW_LINE, html)
    text = _TAG.sub("", html).replace(_NEW_LINE, "\n")
    return _BLANK_RUN.sub(r"\1", text)


def automatic_summary(html: str, words: int, cjk: bool = False) -> str:
    """Hugo's summary of a page that has none written: the plain text up to
    the end of the sentence in which its ``words``-th word ends (for CJK
    text, ``words`` characters). Linear in the page, where Pelican's
    ``truncate_html_words`` is quadratic in its lines."""
    plain = plain_text(html)
    if cjk:
        return _truncate_by_rune(plain.split(), words)
    last_blank = -1
    for count, blank in enumerate(_BLANK.finditer(plain), start=1):
        last_blank = blank.start()
        if count >= words:
            break
    if last_blank < 0:
        return plain
    end = _SENTENCE_END.search(plain, last_blank)
    return plain if end is None else plain[: end.end()].strip()


def _truncate_by_rune(fields: list[str], length: int) -> str:
    count = 0
    for index, word in enumerate(fields):
        if count >= length:
            return " ".join(fields[:index])
        if word.isascii():
            count += 1
        elif count + len(word) < length:
            count += len(word)
        else:
            return " ".join([*fields[:index], word[: length - count]])
    return " ".join(fields)


def summary_field(field: Field) -> dict[str, Any]:
    """``summary``: empty (or not text) leaves Hugo's automatic summary."""
    text = hugo_text(field)[field.name]
    return {field.name: field.render(text)} if text.strip() else {}
