"""Which links a page may show, as all three packages judge them.

The Hugo plugin checks links from front matter and config, the theme plugin
the links it prints (the profile's, its menus'), and Go templates print URLs
as html/template does; one set of rules serves them all, so a link refused in
one place is refused everywhere. Nothing here knows Pelican or Hugo's
content: only strings in, answers out.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Collection
from urllib.parse import unquote, urlsplit

# What a link may be besides a path in the site; an image is a web URL only.
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
WEB_SCHEMES = frozenset({"http", "https"})


def is_inside_site(path: str, allow_up: bool = False) -> bool:
    """A path a browser resolves inside this site, which is safe to write to.

    Refused: a backslash (browsers read it as ``/``, so ``/\\evil.example/``
    is another host) or a control character (browsers drop tabs and line
    ends: ``/<tab>/x`` is ``//x``), a scheme, a host, ``//`` at the start,
    and ``..`` as a segment (unless ``allow_up``, for links); each also after
    percent-escapes are decoded, as a server or a later step might do.
    """
    seen = path
    for _ in range(3):  # %255c is %5c is \\
        if not _stays_inside(seen, allow_up):
            return False
        decoded = unquote(seen, errors="replace")
        if decoded == seen:
            return True
        seen = decoded
    return False


def _stays_inside(path: str, allow_up: bool) -> bool:
    if "\\" in path or any(_is_control(char) for char in path):
        return False
    try:
        parts = urlsplit(path)
    except ValueError:  # "//[x" is a host that is not an address
        return False
    return (
        not parts.scheme
        and not parts.netloc
        and not path.startswith("//")
        and (allow_up or ".." not in path.split("/"))
    )


def _is_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc"


def is_safe_link(url: str, schemes: Collection[str] = LINK_SCHEMES) -> bool:
    """Whether ``url`` may stand in a page's ``href`` or ``src``: a path in
    the site (``..`` allowed, see ``is_inside_site``), or a URL whose scheme
    is one of ``schemes`` (an http(s) URL with a host; ``mailto:``,
    ``tel:`` with an address), without a backslash or control character.

    Refused: ``javascript:``, ``data:``, ``vbscript:`` and any other scheme,
    in any case, and also as a browser reads them (blanks, tabs and line ends
    dropped: ``java\\nscript:``), once percent-escapes are decoded
    (``javascript%3A``) or once HTML character references are (``&#106;``),
    should a template ever print the value unescaped.
    """
    text = str(url).strip()
    return all(_is_safe(form, schemes) for form in {text, html.unescape(text)})


def _is_safe(url: str, schemes: Collection[str]) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:  # such as "http://[not-an-address"
        return False
    scheme = parts.scheme.lower()
    if not scheme:
        return is_inside_site(url, allow_up=True)
    if scheme not in schemes or "\\" in url or not url.isprintable():
        return False
    return bool(parts.netloc if scheme in WEB_SCHEMES else parts.path)


# What Go's html/template prints for a URL it refuses (html/template/url.go).
FILTERED_URL = "#ZgotmplZ"
# The schemes html/template lets through; tel: is not one of them.
TEMPLATE_SCHEMES = frozenset({"http", "https", "mailto"})
# Bytes its URL normalizer keeps: RFC 3986's unreserved and reserved ones,
# less the quote and parentheses; '%' only before two hex digits.
_URL_BYTES = frozenset(
    b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!#$&*+,/:;=?@[]"
)
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")


def safe_url(url: object) -> str:
    """``url`` as Hugo's templates print it in ``href`` or ``src`` (Go's
    html/template urlFilter and urlNormalizer), so that a link from config or
    content is never one a browser runs.

    The text before the first ``:``, unless it holds a ``/``, is a scheme, and
    only http, https and mailto (any case) pass; any other (``javascript:``,
    `` javascript:``, ``java\\tscript:``, ``data:``, ``tel:``) gives
    ``#ZgotmplZ``. A byte a URL may not hold (a blank, a backslash, a quote,
    any non-ASCII letter) is percent-encoded, and valid escapes are kept, so
    the result is its own ``safe_url``. HTML-escape it where it is printed.
    """
    text = str(url)
    scheme, colon, _ = text.partition(":")
    if colon and "/" not in scheme and scheme.lower() not in TEMPLATE_SCHEMES:
        return FILTERED_URL
    data = text.encode("utf-8", "surrogatepass")
    if all(byte in _URL_BYTES for byte in data) and "%" not in text:
        return text
    out = []
    for index, byte in enumerate(data):
        kept = byte in _URL_BYTES or (
            byte == 0x25 and _ESCAPE.match(data[index : index + 3].decode("latin-1"))
        )
        out.append(chr(byte) if kept else f"%{byte:02x}")
    return "".join(out)
