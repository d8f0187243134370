"""Hugo's ``urls`` namespace: ``relURL``, ``absURL``, ``relLangURL``,
``absLangURL`` against the site's base URL (Hugo's PathSpec rules, base
URLs with a path included), ``urlize`` (a path, not a link), ``anchorize``
(a heading id as Goldmark's ``github`` rule makes it) and ``urls.Parse``
(Go's net/url). ``ref``/``relref`` need the page and live with it."""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable
from typing import Any

from ...gotemplate import HTML
from .. import go_url
from ..bindings import SiteBindings
from ..go_text import is_space, to_lower, trim_space
from ..gocast import to_string
from .path import join

logger = logging.getLogger(__name__)

_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")


def _category(char: str) -> str:
    return unicodedata.category(char)


def unicode_sanitize(text: str) -> str:
    """Hugo's UnicodeSanitize: letters, digits, marks and ``./\\_#+~-@`` (and
    ``%XX``) stay, a run of spaces becomes one ``-``, the rest goes."""
    out: list[str] = []
    prepend_hyphen = was_hyphen = False
    for i, char in enumerate(text):
        allowed = (
            char in "./\\_#+~-@"
            or _category(char)[0] in "LM"
            or _category(char) == "Nd"
            or (
                char == "%"
                and i + 2 < len(text)
                and text[i + 1] in _HEX_DIGITS
                and text[i + 2] in _HEX_DIGITS
            )
        )
        if allowed:
            was_hyphen = char == "-"
            if prepend_hyphen:
                if not was_hyphen:
                    out.append("-")
                prepend_hyphen = False
            out.append(char)
        elif out and is_space(char) and not was_hyphen:
            prepend_hyphen = True
    return "".join(out)


def urlize(text: str) -> str:
    """Hugo's URLize: the sanitized text in lower case, as Go prints it as a URL."""
    return go_url.parse(to_lower(unicode_sanitize(text))).String()


def anchorize(text: str) -> str:
    """Hugo's SanitizeAnchorName for the ``github`` id type: trimmed, ``-``
    and space become ``-``, letters, digits and ``_`` lower-cased, the rest
    dropped."""
    out: list[str] = []
    for char in trim_space(text):
        if char in "- ":
            out.append("-")
        elif char == "_" or _category(char)[0] == "L" or _category(char) == "Nd":
            out.append(to_lower(char))
    return "".join(out)


class URLsNamespace:
    """``urls``: URLs made against one language's site."""

    GO_TYPE = "*urls.Namespace"

    def __init__(self, bindings: SiteBindings) -> None:
        self._base = bindings.base_url
        self._prefix = bindings.language_prefix.strip("/")

    # Hugo's PathSpec.RelURL / AbsURL

    def _add_language(self, given: str, url: str, keep_empty_slash: bool) -> str:
        if not self._prefix:
            return url
        bare = given[1:] if given.startswith("/") else given
        if bare == self._prefix or bare.startswith(self._prefix + "/"):
            return url
        slash = url.endswith("/") or (keep_empty_slash and url == "")
        url = join(self._prefix, url)
        return url + "/" if slash else url

    def _rel(self, given: str, language: bool) -> str:
        base = self._base
        if (
            not given.startswith(base) and given.startswith("http")
        ) or given.startswith("//"):
            return given
        url = given[len(base) :] if given.startswith(base) else given
        if language:
            url = self._add_language(given, url, keep_empty_slash=False)
        # AddContextRoot: the base URL's path goes first, unless the text
        # starts at the server's root.
        root = "" if given.startswith("/") else go_url.parse(base).Path
        joined = join(root, url)
        if joined != "/" and url.endswith("/"):
            joined += "/"
        url = joined
        if given == "" and not url.endswith("/") and base.endswith("/"):
            url += "/"
        return url if url.startswith("/") else "/" + url

    def _abs(self, given: str, language: bool) -> str:
        try:
            parsed = go_url.parse(given)
        except ValueError:
            return given
        if parsed.IsAbs() or given.startswith("//"):
            return given
        if given.startswith("/"):
            site = go_url.parse(self._base)
            site.Path = ""
            base = site.String()
        else:
            base = self._base
        if language:
            given = self._add_language(given, given, keep_empty_slash=True)
        # MakePermalink: the base URL with the path joined on.
        url = go_url.parse(base)
        link = go_url.parse(given)
        if link.Host:
            raise ValueError(f"can't make permalink from absolute link {given!r}")
        url.Path = join(url.Path, link.Path)
        slash = (given == "" and base.endswith("/")) or link.Path.endswith("/")
        if slash and not url.Path.endswith("/"):
            url.Path += "/"
        return url.String()

    def RelURL(self, value: Any) -> HTML:  # noqa: N802 (Go's name)
        try:
            text = to_string(value)
        except ValueError:
            return HTML("")
        return HTML(self._rel(text, language=False))

    def AbsURL(self, value: Any) -> HTML:  # noqa: N802 (Go's name)
        try:
            text = to_string(value)
        except ValueError:
            return HTML("")
        return HTML(self._abs(text, language=False))

    def RelLangURL(self, value: Any) -> HTML:  # noqa: N802 (Go's name)
        return HTML(self._rel(to_string(value), language=True))

    def AbsLangURL(self, value: Any) -> HTML:  # noqa: N802 (Go's name)
        return HTML(self._abs(to_string(value), language=True))

    def URLize(self, value: Any) -> str:  # noqa: N802 (Go's name)
        try:
            text = to_string(value)
        except ValueError:
            return ""
        return urlize(text)

    def Anchorize(self, value: Any) -> str:  # noqa: N802 (Go's name)
        try:
            text = to_string(value)
        except ValueError:
            return ""
        return anchorize(text)

    def Parse(self, value: Any) -> go_url.URL:  # noqa: N802 (Go's name)
        try:
            text = to_string(value)
        except ValueError as error:
            raise ValueError(f"Error in Parse: {error}") from None
        return go_url.parse(text)


def functions(bindings: SiteBindings) -> dict[str, Callable[..., Any]]:
    """``urls`` and its short names, as in Hugo's tpl/urls/init.go."""
    urls = URLsNamespace(bindings)
    return {
        "urls": lambda: urls,
        "relURL": urls.RelURL,
        "absURL": urls.AbsURL,
        "relLangURL": urls.RelLangURL,
        "absLangURL": urls.AbsLangURL,
        "urlize": urls.URLize,
        "anchorize": urls.Anchorize,
    }
