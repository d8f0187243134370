"""Hugo 0.111's ``inflect`` namespace (``tpl/inflect``): ``humanize``
(a number becomes its ordinal, ``1st``; words are split at case changes
and separators, acronyms kept), ``pluralize`` and ``singularize``, as
gobuffalo/flect (Hugo's library) does them, with its word lists.

flect's lists changed between its releases; these match Hugo 0.111 on the
words checked (tests/test_hugo_functions_strings.py) but for a few rare
ones (``blouse``, ``prospectus``, ``genius``).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from ..bindings import SiteBindings
from ..go_text import go_title, is_space, to_lower, to_upper, trim_space
from ..gocast import to_string

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


@lru_cache(maxsize=4096)
def _humanize_words(word: str) -> str:
    """Humanize of a text that is no number: pages say the same words again
    and again (a notice's title in every call), so each is worked out once."""
    return _flect_humanize(to_lower(_flect_humanize(word)))


def _ordinalize(text: str) -> str:
    number = int(text)
    tail = abs(number) % 100
    if tail in (11, 12, 13):
        return f"{number}th"
    return f"{number}" + {1: "st", 2: "nd", 3: "rd"}.get(abs(number) % 10, "th")


# gobuffalo/flect's word lists (v0.3, as Hugo 0.111 has it): whole words,
# then suffix rules, the first match winning.
_STATIC_PLURALS = dict(
    pair.split(":")
    for pair in """alias:aliases alumna:alumnae alumnus:alumni analysis:analyses
    antenna:antennas antithesis:antitheses apex:apexes appendix:appendices
    axis:axes bacillus:bacilli bacterium:bacteria beau:beaus bureau:bureaus
    bus:buses campus:campuses caucus:caucuses château:châteaux circus:circuses
    codex:codices concerto:concertos corpus:corpora crisis:crises
    criterion:criteria curriculum:curriculums datum:data diagnosis:diagnoses
    dwarf:dwarves ellipsis:ellipses equipment:equipment erratum:errata
    fez:fezzes focus:foci foo:foos formula:formulas fungus:fungi genus:genera
    graffito:graffiti grouse:grouse half:halves halo:halos hoof:hooves
    hypothesis:hypotheses index:indices information:information jeans:jeans
    larva:larvae libretto:librettos loaf:loaves locus:loci matrix:matrices
    minutia:minutiae money:money nebula:nebulae news:news nucleus:nuclei
    oasis:oases octopus:octopi offspring:offspring opus:opera ovum:ova
    parenthesis:parentheses phenomenon:phenomena photo:photos phylum:phyla
    piano:pianos plus:pluses prognosis:prognoses prometheus:prometheuses
    quiz:quizzes quota:quotas radius:radiuses referendum:referendums
    ress:resses rice:rice sex:sexes shoe:shoes stimulus:stimuli stratum:strata
    swine:swine syllabus:syllabi symposium:symposiums synapse:synapses
    synopsis:synopses tableau:tableaus testis:testes thesis:theses
    thief:thieves tuna:tuna vedalia:vedalias vertebra:vertebrae
    vertix:vertices vita:vitae vortex:vortices wharf:wharves wife:wives
    wolf:wolves you:you""".split()
)
# flect's dictionary: singular, plural, alternative plural, flags
# (u: the plural does not lead back; words, never endings, in Hugo's).
_DICTIONARY = [
    line.split(",")
    for line in """bison,bison,, deer,deer,, moose,moose,, fish,fish,fishes,
    salmon,salmon,salmons, sheep,sheep,, shrimp,shrimp,shrimps,
    trout,trout,trouts, aircraft,aircraft,, blues,blues,,u chassis,chassis,,
    series,series,, species,species,, police,police,, ox,oxen,,
    child,children,, foot,feet,, goose,geese,, louse,lice,,
    human,humans,, mouse,mice,, tooth,teeth,, person,people,,
    die,dice,, base,bases,, basis,bases,,u media,media,,
    medium,media,mediums,u stadium,stadiums,stadia,""".split()
]
_SUFFIXES = """campus:campuses person:people phylum:phyla randum:randa actus:acti
    adium:adia basis:basis child:children chive:chives focus:foci genus:genera
    hello:hellos jeans:jeans louse:lice media:media mouse:mice movie:movies
    oasis:oasis atum:ata atus:atuses base:bases cess:cesses dium:diums
    eses:esis half:halves hive:hives iano:ianos irus:iri isis:ises leus:li
    mnus:mni move:moves news:news odex:odice oose:eese ouse:ouses ovum:ova
    shoe:shoes stis:stes tive:tives vice:vices wife:wives afe:aves bfe:bves
    box:boxes cfe:cves dfe:dves dge:dges efe:eves gfe:gves hfe:hves ife:ives
    itz:itzes ium:ia ize:izes jfe:jves kfe:kves man:men mfe:mves nfe:nves
    nna:nnas oaf:oaves oci:ocus ode:odes ofe:oves pfe:pves qfe:qves quy:quies
    rfe:rves sfe:sves tfe:tves tum:ta tus:tuses ufe:uves ula:ulae ula:ulas
    uli:ulus use:uses uss:usses vfe:vves wfe:wves xfe:xves yfe:yves you:you
    zfe:zves by:bies ch:ches cy:cies dy:dies ex:ices fy:fies gy:gies hy:hies
    io:ios jy:jies ky:kies lf:lves ly:lies my:mies ny:nies py:pies qy:qies
    rf:rves ry:ries sh:shes ss:sses sy:sies ty:ties tz:tzes va:vae vy:vies
    wy:wies xy:xies zy:zies zz:zzes o:oes x:xes""".split()


def _build() -> tuple[dict, dict, list, list]:
    """flect's init: the maps, then the rules in the order they are tried
    (a rule's replacement first, as a word kept as it is)."""
    single_to_plural = dict(_STATIC_PLURALS)
    plural_to_single = {plural: single for single, plural in _STATIC_PLURALS.items()}
    plural_rules: list[tuple[str, str | None]] = []
    singular_rules: list[tuple[str, str | None]] = []
    for pair in _SUFFIXES:
        single, _, plural = pair.partition(":")
        plural_rules += [(plural, None), (single, plural)]
        singular_rules += [(single, None), (plural, single)]
    for single, plural, alternative, flags in _DICTIONARY:
        single_to_plural[single] = plural
        if "u" not in flags:
            plural_to_single[plural] = single
        if alternative:
            plural_to_single[alternative] = single
    # Where Hugo 0.111's flect answers otherwise (checked against it).
    plural_to_single.update(bases="basis", media="medium")
    single_to_plural["stadium"] = "stadia"
    return single_to_plural, plural_to_single, plural_rules, singular_rules


_SINGLE_TO_PLURAL, _PLURAL_TO_SINGLE, _PLURAL_RULES, _SINGULAR_RULES = _build()


def _capitalize(word: str) -> str:
    return to_upper(word[:1]) + word[1:]


def _inflect(word: str, plural: bool) -> str:
    """flect's Pluralize and Singularize: the whole text, then its last
    word, looked up; then the last word's ending; its capital kept."""
    parts = _parts(word)
    if not parts:
        return ""
    known, other, rules = (
        (_PLURAL_TO_SINGLE, _SINGLE_TO_PLURAL, _PLURAL_RULES)
        if plural
        else (_SINGLE_TO_PLURAL, _PLURAL_TO_SINGLE, _SINGULAR_RULES)
    )
    if word in other:
        return other[word]
    if word in known:
        return word
    last = parts[-1]
    lower = to_lower(last)
    stem = word.removesuffix(last)
    if lower in known:
        return word
    if lower in other:
        result = other[lower]
        if last == _capitalize(last):
            result = _capitalize(result)  # "Person" "People" (a rule: "Men" "man")
        return stem + result
    for suffix, replacement in rules:
        if lower.endswith(suffix):
            if replacement is None:  # flect puts the last word back after the
                return stem + last  # text without it: "ess" is "essESS"
            return stem + last[: len(last) - len(suffix)] + replacement
    if plural:
        return word if lower.endswith("s") else word + "s"
    return word.removesuffix("s") if last.endswith("s") else word


class Inflect:
    """The ``inflect`` namespace."""

    GO_TYPE = "*inflect.Namespace"

    def Humanize(self, v: Any) -> str:
        word = to_string(v)
        if not word:
            return ""
        if (isinstance(v, int) and not isinstance(v, bool)) or (
            _INTEGER.fullmatch(word) and -(2**63) <= int(word) < 2**63
        ):
            return _ordinalize(word)
        return _humanize_words(word)

    def Pluralize(self, v: Any) -> str:
        word = to_string(v)
        return _inflect(word, plural=True)

    def Singularize(self, v: Any) -> str:
        word = to_string(v)
        return _inflect(word, plural=False)


def functions(bindings: SiteBindings) -> dict[str, Callable[..., Any]]:
    """The namespace and the short names Hugo 0.111 registers for it."""
    ns = Inflect()
    return {
        "inflect": lambda: ns,
        "humanize": ns.Humanize,
        "pluralize": ns.Pluralize,
        "singularize": ns.Singularize,
    }
