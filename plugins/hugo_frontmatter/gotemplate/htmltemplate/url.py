"""html/template's url.go: a URL's scheme filtered (``urlFilter``), its
text normalised or %-escaped, and a ``srcset`` filtered candidate by
candidate."""

from __future__ import annotations

import logging
import re
from typing import Any

from .content import FAILSAFE, URL, stringify

logger = logging.getLogger(__name__)


def is_safe_url(url: str) -> bool:
    protocol, colon, _ = url.partition(":")
    if colon and "/" not in protocol:
        return protocol.lower() in ("http", "https", "mailto")
    return True


def url_filter(*args: Any) -> str:
    text, kind = stringify(args)
    if kind is URL or is_safe_url(text):
        return text if kind is not URL else URL(text)
    return "#" + FAILSAFE


_URL_KEEP = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
_URL_NORM_KEEP = set("!#$&*+,/:;=?@[]")
_HEX = re.compile(rb"[0-9a-fA-F]{2}")


def _process_url(args: tuple, normalize: bool) -> str:
    """Go's processURLOnto: %-encode what a URL may not hold as it is
    (normalising keeps reserved characters and valid %xx escapes)."""
    text, kind = stringify(args)
    return _url_text(text, normalize or kind is URL)


def _url_text(text: str, normalize: bool) -> str:
    data = text.encode("utf-8")
    out = []
    for i, byte in enumerate(data):
        char = chr(byte)
        if char in _URL_KEEP or (normalize and char in _URL_NORM_KEEP):
            out.append(char)
        elif char == "%" and normalize and _HEX.fullmatch(data[i + 1 : i + 3]):
            out.append(char)
        else:
            out.append(f"%{byte:02x}")
    return "".join(out)


def url_normalizer(*args: Any) -> str:
    return _process_url(args, True)


def url_escaper(*args: Any) -> str:
    return _process_url(args, False)


_HTML_SPACE = "\t\n\f\r "


def srcset_escaper(*args: Any) -> str:
    """Go's srcsetFilterAndEscaper: each comma-separated image candidate
    keeps a safe URL (normalised) and plain metadata (``2x``, ``100w``),
    else becomes ``#ZgotmplZ``; a trusted URL is one normalised URL."""
    text, kind = stringify(args)
    if kind is URL:
        return _url_text(text, True).replace(",", "%2c")
    return ",".join(_srcset_candidate(part) for part in text.split(","))


def _srcset_candidate(text: str) -> str:
    start = len(text) - len(text.lstrip(_HTML_SPACE))
    end = start
    while end < len(text) and text[end] not in _HTML_SPACE:
        end += 1
    url, metadata = text[start:end], text[end:]
    plain = all(c in _HTML_SPACE or (c.isascii() and c.isalnum()) for c in metadata)
    if is_safe_url(url) and plain:
        return text[:start] + _url_text(url, True) + metadata
    return "#" + FAILSAFE
