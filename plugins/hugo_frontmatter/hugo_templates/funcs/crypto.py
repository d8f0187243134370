"""Hugo 0.111's ``crypto`` namespace (``tpl/crypto``): ``md5``, ``sha1``,
``sha256`` as hex digests of the text, ``hmac``, ``crypto.FNV32a``."""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Callable
from typing import Any

from ...gotemplate.gofmt import go_quote
from ..bindings import SiteBindings
from ..gocast import to_string

logger = logging.getLogger(__name__)

_HMAC_HASHES = {"md5", "sha1", "sha256", "sha512"}


def _bytes(value: Any) -> bytes:
    return to_string(value).encode("utf-8")


class Crypto:
    """The ``crypto`` namespace."""

    GO_TYPE = "*crypto.Namespace"

    def MD5(self, v: Any) -> str:
        return hashlib.md5(_bytes(v)).hexdigest()

    def SHA1(self, v: Any) -> str:
        return hashlib.sha1(_bytes(v)).hexdigest()

    def SHA256(self, v: Any) -> str:
        return hashlib.sha256(_bytes(v)).hexdigest()

    def FNV32a(self, v: Any) -> int:
        """The 32-bit FNV-1a hash, as Go's hash/fnv."""
        value = 0x811C9DC5
        for byte in _bytes(v):
            value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
        return value

    def HMAC(self, h: Any, k: Any, m: Any, *e: Any) -> str:
        """A keyed hash of ``m``, in hex or (``"binary"``) as it is."""
        name = to_string(h)
        if name not in _HMAC_HASHES:
            raise ValueError(f"hmac: {name} is not a supported hash function")
        digest = hmac.new(_bytes(k), _bytes(m), name).digest()
        encoding = to_string(e[0]) if e and e[0] is not None else "hex"
        if encoding == "hex":
            return digest.hex()
        if encoding == "binary":
            return digest.decode("utf-8", "replace")
        raise ValueError(f"{go_quote(encoding)} is not a supported encoding method")


def functions(bindings: SiteBindings) -> dict[str, Callable[..., Any]]:
    """The namespace and the short names Hugo 0.111 registers for it."""
    ns = Crypto()
    return {
        "crypto": lambda: ns,
        "hmac": ns.HMAC,
        "md5": ns.MD5,
        "sha1": ns.SHA1,
        "sha256": ns.SHA256,
    }
