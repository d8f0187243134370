"""Go's net/url as Hugo 0.111 relies on it: ``parse`` and ``URL.String()``.

Hugo's URL functions (``absURL``, ``urlize``, ``urls.Parse``) go through
Go's parser and printer, whose escaping rules differ from Python's
``urllib`` (which bytes stay, which are ``%XX``, when the raw path is kept).
This follows Go 1.20's ``net/url`` byte for byte, on UTF-8 bytes.
"""

from __future__ import annotations

import logging
from typing import Any

from ..gotemplate.gofmt import go_quote

logger = logging.getLogger(__name__)

# Go's encoding modes.
PATH, PATH_SEGMENT, HOST, ZONE, USER_PASSWORD, QUERY_COMPONENT, FRAGMENT = range(7)
_HEX = "0123456789ABCDEF"
_ALNUM = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


class URLError(ValueError):
    """Go's url.Error: ``parse "x": message``."""

    def __init__(self, raw: str, message: str) -> None:
        super().__init__(f"parse {go_quote(raw)}: {message}")


def _should_escape(c: int, mode: int) -> bool:
    if c in _ALNUM:
        return False
    char = chr(c)
    if mode in (HOST, ZONE) and char in "!$&'()*+,;=:[]<>\"":
        return False
    if char in "-_.~":
        return False
    if char in "$&+,/:;=?@":
        if mode == PATH_SEGMENT:
            return char in "/;,?"
        if mode == PATH:
            return char == "?"
        if mode == USER_PASSWORD:
            return char in "@/?:"
        if mode == QUERY_COMPONENT:
            return True
        if mode == FRAGMENT:
            return False
    if mode == FRAGMENT and char in "!()*":
        return False
    return True


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _text(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


def escape(text: str, mode: int) -> str:
    """Go's url escape: unsafe bytes as ``%XX``, a query's space as ``+``."""
    out = bytearray()
    for c in _bytes(text):
        if c == 0x20 and mode == QUERY_COMPONENT:
            out.append(0x2B)
        elif _should_escape(c, mode):
            out += b"%" + _HEX[c >> 4].encode() + _HEX[c & 15].encode()
        else:
            out.append(c)
    return _text(bytes(out))


def _is_hex(c: int) -> bool:
    return chr(c) in "0123456789abcdefABCDEF"


def unescape(text: str, mode: int) -> str:
    """Go's url unescape, with its errors (``invalid URL escape "%zz"``)."""
    data = _bytes(text)
    i = 0
    while i < len(data):
        c = data[i]
        if c == 0x25:  # %
            if (
                i + 2 >= len(data)
                or not _is_hex(data[i + 1])
                or not _is_hex(data[i + 2])
            ):
                bad = _text(data[i : i + 3])
                raise ValueError(f"invalid URL escape {go_quote(bad)}")
            piece = data[i : i + 3]
            if mode == HOST and int(chr(data[i + 1]), 16) < 8 and piece != b"%25":
                raise ValueError(f"invalid URL escape {go_quote(_text(piece))}")
            if mode == ZONE:
                value = int(_text(piece[1:]), 16)
                if piece != b"%25" and value != 0x20 and _should_escape(value, HOST):
                    raise ValueError(f"invalid URL escape {go_quote(_text(piece))}")
            i += 3
        else:
            if mode in (HOST, ZONE) and c < 0x80 and _should_escape(c, mode):
                raise ValueError(f"invalid character {go_quote(chr(c))} in host name")
            i += 1
    out = bytearray()
    i = 0
    while i < len(data):
        c = data[i]
        if c == 0x25:
            out.append(int(_text(data[i + 1 : i + 3]), 16))
            i += 3
        elif c == 0x2B and mode == QUERY_COMPONENT:
            out.append(0x20)
            i += 1
        else:
            out.append(c)
            i += 1
    return _text(bytes(out))


def _valid_encoded(text: str, mode: int) -> bool:
    for c in _bytes(text):
        if chr(c) in "!$&'()*+,;=:@[]%":
            continue
        if _should_escape(c, mode):
            return False
    return True


class Userinfo:
    """Go's url.Userinfo: ``Username``, ``Password``, printed escaped."""

    GO_TYPE = "*url.Userinfo"

    def __init__(self, username: str, password: str | None = None) -> None:
        self._username = username
        self._password = password

    def Username(self) -> str:  # noqa: N802 (Go's name)
        return self._username

    def Password(self) -> str:  # noqa: N802 (Go's name)
        return self._password or ""

    def String(self) -> str:  # noqa: N802 (Go's name)
        text = escape(self._username, USER_PASSWORD)
        if self._password is not None:
            text += ":" + escape(self._password, USER_PASSWORD)
        return text


class Values(dict):
    """Go's url.Values (``map[string][]string``) with ``Get`` and ``Has``."""

    GO_TYPE = "url.Values"

    def Get(self, key: str) -> str:  # noqa: N802 (Go's name)
        values = super().get(key)
        return values[0] if values else ""

    def Has(self, key: str) -> bool:  # noqa: N802 (Go's name)
        return key in self

    def Encode(self) -> str:  # noqa: N802 (Go's name)
        parts = []
        for key in sorted(self):
            for value in self[key]:
                parts.append(
                    escape(key, QUERY_COMPONENT) + "=" + escape(value, QUERY_COMPONENT)
                )
        return "&".join(parts)


def parse_query(query: str) -> Values:
    """Go's url.ParseQuery, keeping what parses (as ``URL.Query`` does)."""
    values = Values()
    for part in query.split("&"):
        if not part or ";" in part:
            continue
        key, _, value = part.partition("=")
        try:
            key = unescape(key, QUERY_COMPONENT)
            value = unescape(value, QUERY_COMPONENT)
        except ValueError:
            continue
        values.setdefault(key, []).append(value)
    return values


class URL:
    """Go's url.URL: its fields and the methods templates call."""

    GO_TYPE = "*url.URL"

    def __init__(self) -> None:
        self.Scheme = ""
        self.Opaque = ""
        self.User: Userinfo | None = None
        self.Host = ""
        self.Path = ""
        self.RawPath = ""
        self.OmitHost = False
        self.ForceQuery = False
        self.RawQuery = ""
        self.Fragment = ""
        self.RawFragment = ""

    def copy(self) -> URL:
        """A copy, as Go copies a URL value."""
        other = URL()
        other.__dict__.update(self.__dict__)
        return other

    def _set_path(self, raw: str) -> None:
        self.Path = unescape(raw, PATH)
        self.RawPath = "" if escape(self.Path, PATH) == raw else raw

    def _set_fragment(self, raw: str) -> None:
        self.Fragment = unescape(raw, FRAGMENT)
        self.RawFragment = "" if escape(self.Fragment, FRAGMENT) == raw else raw

    def EscapedPath(self) -> str:  # noqa: N802 (Go's name)
        if self.RawPath and _valid_encoded(self.RawPath, PATH):
            try:
                if unescape(self.RawPath, PATH) == self.Path:
                    return self.RawPath
            except ValueError:
                pass
        if self.Path == "*":
            return "*"
        return escape(self.Path, PATH)

    def EscapedFragment(self) -> str:  # noqa: N802 (Go's name)
        if self.RawFragment and _valid_encoded(self.RawFragment, FRAGMENT):
            try:
                if unescape(self.RawFragment, FRAGMENT) == self.Fragment:
                    return self.RawFragment
            except ValueError:
                pass
        return escape(self.Fragment, FRAGMENT)

    def IsAbs(self) -> bool:  # noqa: N802 (Go's name)
        return self.Scheme != ""

    def Query(self) -> Values:  # noqa: N802 (Go's name)
        return parse_query(self.RawQuery)

    def Hostname(self) -> str:  # noqa: N802 (Go's name)
        host, _ = _split_host_port(self.Host)
        return host

    def Port(self) -> str:  # noqa: N802 (Go's name)
        _, port = _split_host_port(self.Host)
        return port

    def RequestURI(self) -> str:  # noqa: N802 (Go's name)
        result = self.Opaque
        if not result:
            result = self.EscapedPath() or "/"
        elif result.startswith("//"):
            result = self.Scheme + ":" + result
        if self.ForceQuery or self.RawQuery:
            result += "?" + self.RawQuery
        return result

    def String(self) -> str:  # noqa: N802 (Go's name)
        out = []
        if self.Scheme:
            out.append(self.Scheme + ":")
        if self.Opaque:
            out.append(self.Opaque)
        else:
            if self.Scheme or self.Host or self.User is not None:
                if not (self.OmitHost and not self.Host and self.User is None):
                    if self.Host or self.Path or self.User is not None:
                        out.append("//")
                    if self.User is not None:
                        out.append(self.User.String() + "@")
                    if self.Host:
                        out.append(escape(self.Host, HOST))
            path = self.EscapedPath()
            if path and path[0] != "/" and self.Host:
                out.append("/")
            if not out and ":" in path.split("/", 1)[0]:
                out.append("./")
            out.append(path)
        if self.ForceQuery or self.RawQuery:
            out.append("?" + self.RawQuery)
        if self.Fragment:
            out.append("#" + self.EscapedFragment())
        return "".join(out)

    def __str__(self) -> str:
        return self.String()

    def __repr__(self) -> str:
        return f"URL({self.String()!r})"


def _split_host_port(host_port: str) -> tuple[str, str]:
    host, port = host_port, ""
    colon = host.rfind(":")
    if colon != -1 and _valid_optional_port(host[colon:]):
        host, port = host[:colon], host[colon + 1 :]
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    return host, port


def _valid_optional_port(port: str) -> bool:
    if port == "":
        return True
    return port[0] == ":" and all("0" <= c <= "9" for c in port[1:])


def _get_scheme(raw: str) -> tuple[str, str]:
    for i, char in enumerate(raw):
        if char.isascii() and char.isalpha():
            continue
        if char.isascii() and (char.isdigit() or char in "+-."):
            if i == 0:
                return "", raw
            continue
        if char == ":":
            if i == 0:
                raise ValueError("missing protocol scheme")
            return raw[:i], raw[i + 1 :]
        return "", raw
    return "", raw


def _parse_host(host: str) -> str:
    if host.startswith("["):
        end = host.rfind("]")
        if end < 0:
            raise ValueError("missing ']' in host")
        colon_port = host[end + 1 :]
        if not _valid_optional_port(colon_port):
            raise ValueError(f"invalid port {go_quote(colon_port)} after host")
        zone = host[:end].find("%25")
        if zone >= 0:
            return (
                unescape(host[:zone], HOST)
                + unescape(host[zone:end], ZONE)
                + unescape(host[end:], HOST)
            )
    else:
        colon = host.rfind(":")
        if colon != -1 and not _valid_optional_port(host[colon:]):
            raise ValueError(f"invalid port {go_quote(host[colon:])} after host")
    return unescape(host, HOST)


_USERINFO_CHARS = frozenset("-._:~!$&'()*+,;=%@")


def _parse_authority(authority: str) -> tuple[Userinfo | None, str]:
    at = authority.rfind("@")
    host = _parse_host(authority[at + 1 :] if at >= 0 else authority)
    if at < 0:
        return None, host
    info = authority[:at]
    for char in info:
        if not (char.isascii() and char.isalnum()) and char not in _USERINFO_CHARS:
            raise ValueError("net/url: invalid userinfo")
    if ":" not in info:
        return Userinfo(unescape(info, USER_PASSWORD)), host
    name, _, password = info.partition(":")
    return Userinfo(
        unescape(name, USER_PASSWORD), unescape(password, USER_PASSWORD)
    ), host


def _parse(raw: str) -> URL:
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in raw):
        raise ValueError("net/url: invalid control character in URL")
    url = URL()
    if raw == "*":
        url.Path = "*"
        return url
    scheme, rest = _get_scheme(raw)
    url.Scheme = scheme.lower()
    if rest.endswith("?") and rest.count("?") == 1:
        url.ForceQuery = True
        rest = rest[:-1]
    else:
        rest, _, url.RawQuery = rest.partition("?")
    if not rest.startswith("/"):
        if url.Scheme:
            url.Opaque = rest
            return url
        if ":" in rest.split("/", 1)[0]:
            raise ValueError("first path segment in URL cannot contain colon")
    if (url.Scheme or not rest.startswith("///")) and rest.startswith("//"):
        authority, rest = rest[2:], ""
        slash = authority.find("/")
        if slash >= 0:
            authority, rest = authority[:slash], authority[slash:]
        url.User, url.Host = _parse_authority(authority)
    elif url.Scheme and rest.startswith("/"):
        url.OmitHost = True
    url._set_path(rest)
    return url


def parse(raw: str) -> URL:
    """Go's url.Parse; a ValueError says what Go's error says."""
    before, hash_sign, fragment = raw.partition("#")
    try:
        url = _parse(before)
    except ValueError as error:
        raise URLError(before, str(error)) from None
    if not hash_sign or not fragment:
        return url
    try:
        url._set_fragment(fragment)
    except ValueError as error:
        raise URLError(raw, str(error)) from None
    return url


def as_url(value: Any) -> URL:
    """A URL given as a URL or as text."""
    return value if isinstance(value, URL) else parse(str(value))
