"""Hugo's summary divider, ``<!--more-->``: the Markdown before it, the body
without it, and the HTML before it once the page is rendered whole."""

from __future__ import annotations

SUMMARY_DIVIDER = "<!--more-->"


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
