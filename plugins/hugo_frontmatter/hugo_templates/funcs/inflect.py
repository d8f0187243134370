"""Hugo 0.111's ``inflect`` namespace (``tpl/inflect``): ``humanize``
(a number becomes its ordinal, ``1st``; words are split at case changes
and separators, acronyms kept, as gobuffalo/flect does), ``pluralize`` and
``singularize``.

``pluralize`` and ``singularize`` use the ``inflection`` package (Rails'
rules), keeping a capital first letter as flect does; flect's own word
lists differ on rare words (checked on common ones against Hugo).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable
from typing import Any

import inflection

from ..bindings import SiteBindings
from ._cast import to_string
from ._gotext import go_title, is_space, to_lower, to_upper, trim_space

logger = logging.getLogger(__name__)

# flect's baseAcronyms (those written in capitals: the only ones it finds).
_ACRONYMS = frozenset(
    """OK UTF8 HTML JSON JWT ID UUID SQL ACK ACL ADSL AES ANSI API ARP ATM BGP
    BSS CCITT CHAP CIDR CIR CLI CPE CPU CRC CRT CSMA CMOS DCE DEC DES DHCP DNS
    DRAM DSL DSLAM DTE DMI EHA EIA EIGRP EOF ESS FCC FCS FDDI FTP GBIC GEPOF
    HDLC HTTP HTTPS IANA ICMP IDF IDS IEEE IETF IMAP IP IPS ISDN ISP LACP LAN
    LAPB LAPF LLC MAC MC MDF MIB MPLS MTU NAC NAT NBMA NIC NRZ NRZI NVRAM OIDC
    OSI OSPF OUI PAP PAT PC PIM PCM PDU POP3 POTS PPP PPTP PTT PVST RAM RARP
    RFC RIP RLL ROM RSTP RTP RCP SDLC SFD SFP SLARP SLIP SMTP SNA SNAP SNMP SOF
    SRAM SSH SSID STP SYN TDM TFTP TIA TOFU UDP URL URI USB UTP VC VLAN VLSM VPN
    W3C WAN WEP WPA WWW""".split()
)
_SPACES = "_ :-/"
_INTEGER = re.compile(r"[+-]?[0-9]+")


def _is_flect_space(char: str) -> bool:
    return char in _SPACES or is_space(char)


def _is_upper(char: str) -> bool:
    return char.isupper() and char != char.lower() if char else False


def _clean(part: str) -> str:
    """flect's xappend: trimmed, an acronym in capitals."""
    part = trim_space(part)
    for char in _SPACES:
        part = part.strip(char)
    return to_upper(part) if to_upper(part) in _ACRONYMS else part


def _parts(text: str) -> list[str]:
    """flect's toParts: words at separators and where capitals start."""
    parts: list[str] = []

    def add(part: str) -> None:
        part = _clean(part)
        if part:
            parts.append(part)

    text = trim_space(text)
    if not text:
        return parts
    if to_upper(text) in _ACRONYMS:
        return [to_upper(text)]
    prev, word = "", ""
    for char in text:
        if (
            _is_flect_space(char)
            or (_is_upper(char) and not _is_upper(prev))
            or (_is_upper(char) and to_upper(word) in _ACRONYMS)
        ):
            add(word)
            word = char
        elif char.isalpha() or char.isdecimal() or _is_punct(char) or char == "`":
            word += char
        else:
            add(word)
            word = ""
        prev = char
    add(word)
    return parts


def _is_punct(char: str) -> bool:
    return unicodedata.category(char).startswith("P")


def _flect_humanize(text: str) -> str:
    parts = _parts(text)
    if not parts:
        return ""
    parts[0] = go_title(parts[0])
    return " ".join(p for p in (_clean(part) for part in parts) if p)


def _ordinalize(text: str) -> str:
    number = int(text)
    tail = abs(number) % 100
    if tail in (11, 12, 13):
        return f"{number}th"
    return f"{number}" + {1: "st", 2: "nd", 3: "rd"}.get(abs(number) % 10, "th")


def _last_word(word: str, change: Callable[[str], str]) -> str:
    """``change`` on the last word, a capital first letter kept (flect)."""
    head, space, last = word.rpartition(" ")
    result = change(last) if last else last
    if last[:1].isupper() and result[:1].islower():
        result = result[:1].upper() + result[1:]
    return head + space + result


class Inflect:
    """The ``inflect`` namespace."""

    def Humanize(self, v: Any) -> str:
        word = to_string(v)
        if not word:
            return ""
        if (isinstance(v, int) and not isinstance(v, bool)) or (
            _INTEGER.fullmatch(word) and -(2**63) <= int(word) < 2**63
        ):
            return _ordinalize(word)
        return _flect_humanize(to_lower(_flect_humanize(word)))

    def Pluralize(self, v: Any) -> str:
        word = to_string(v)
        return _last_word(word, inflection.pluralize)

    def Singularize(self, v: Any) -> str:
        word = to_string(v)
        return _last_word(word, inflection.singularize)


def functions(bindings: SiteBindings) -> dict[str, Callable[..., Any]]:
    """The namespace and the short names Hugo 0.111 registers for it."""
    ns = Inflect()
    return {
        "inflect": lambda: ns,
        "humanize": ns.Humanize,
        "pluralize": ns.Pluralize,
        "singularize": ns.Singularize,
    }
