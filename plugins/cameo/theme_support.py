"""What the cameo theme adds to Jinja and to a page's HTML: the template
filters and globals (the colour-scheme script and its CSP hash, e-mail
obfuscation, social icons), the check of SOCIAL, and the fixes to a page's
HTML (noopener on links to other sites, tabindex on code blocks, reading
time)."""

from __future__ import annotations

import base64
import hashlib
import html as html_text
import re
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from cameo_shared.links import is_safe_link

SCHEME_SCRIPT = "partials/scheme.js"
# A start tag of a link or code block; quoted attribute values may hold ">".
_START_TAG = re.compile(
    r"""<(a|pre)(?=[\s>/])((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.IGNORECASE
)
_TAG_OR_COMMENT = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
_WORD = re.compile(r"\w+")
WORDS_PER_MINUTE = 220
# One attribute in a start tag, its value in double, single or no quotes.
_ATTRIBUTE = {
    name: re.compile(
        rf"""\b{name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE
    )
    for name in ("href", "rel")
}


def scheme_script(env) -> tuple[Markup, str]:
    """The inline colour-scheme script and its CSP source ('sha256-...')."""
    source, _, _ = env.loader.get_source(env, SCHEME_SCRIPT)
    text = source.strip()
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest())
    return Markup(text), f"'sha256-{digest.decode('ascii')}'"


def frame_sources(shown: object) -> list[str]:
    """The hosts a page's Content-Security-Policy lets frames come from: its
    ``frame_hosts`` (the embed hosts its shortcodes use, or a list or a
    comma- or space-separated string in its front matter). Each kept host is
    one CSP source: a value that could end the source list or the directive
    (a blank inside, ``;``, ``,``, a quote) is dropped, since front matter
    can set it."""
    hosts = getattr(shown, "frame_hosts", None) if shown else None
    if isinstance(hosts, str):
        hosts = hosts.replace(",", " ").split()
    if not isinstance(hosts, list | tuple):
        return []
    return [
        host.strip()
        for host in hosts
        if isinstance(host, str)
        and len(host.split()) == 1
        and not any(char in host for char in ";,'\"")
    ]


def obfuscate_email(address: str) -> Markup:
    """Every character as an HTML character reference: browsers show and link
    the address as usual; harvesters that grep for '@' or 'mailto:' miss it."""
    return Markup("".join(f"&#{ord(char)};" for char in str(address)))


def mailto(address: str) -> Markup:
    return obfuscate_email(f"mailto:{address}")


def check_social(settings) -> None:
    """SOCIAL entries are (name, URL) pairs with a web or mail URL."""
    for entry in settings.get("SOCIAL", ()) or ():
        if not isinstance(entry, (list, tuple)) or len(entry) < 2:
            raise ValueError(
                f"SOCIAL entry {entry!r} must be a (name, URL) pair, "
                "e.g. ('GitHub', 'https://github.com/you')"
            )
        name, url = entry[0], entry[1]
        if not is_safe_link(url):
            raise ValueError(
                f"SOCIAL entry {name!r} has the URL {url!r}, whose scheme a "
                "browser would run or refuse; use an https:// or mailto: URL"
            )


def improve_content(html: str, site_url: str) -> str:
    """Add rel="noopener" to every link that leaves the site, and make code
    blocks (which may scroll sideways) reachable by keyboard.

    Markdown pages arrive done (the ``links`` Markdown extension); a quick
    look at the start tags finds that out, and only HTML that still needs a
    change is parsed."""
    own_host = urlsplit(site_url or "").netloc
    if not needs_improving(html, own_host):
        return html
    from bs4 import BeautifulSoup  # only here: importing it costs 50 ms

    soup = BeautifulSoup(html, "html.parser")
    changed = False
    for block in soup.find_all("pre"):
        if not block.has_attr("tabindex"):
            block["tabindex"] = "0"
            changed = True
    for link in soup.find_all("a", href=True):
        if is_external(link["href"], own_host):
            rel = link.get("rel") or []
            if "noopener" not in rel:
                link["rel"] = [*rel, "noopener"]
                changed = True
    return str(soup) if changed else html


def needs_improving(html: str, own_host: str) -> bool:
    """Whether a code block lacks ``tabindex`` or a link to another site lacks
    ``noopener``. It may say yes when the parser then finds nothing to do;
    it does not say no when there is something."""
    return any(
        _tag_needs_change(match.group(1), match.group(2), own_host)
        for match in _START_TAG.finditer(html)
    )


def improve_start_tag(tag: str, own_host: str) -> str:
    """The same for one start tag on its own (Markdown keeps each tag of
    inline HTML apart): edited as text, as a parser would close it."""
    match = _START_TAG.fullmatch(tag.strip())
    if not match or not _tag_needs_change(match.group(1), match.group(2), own_host):
        return tag
    name, body = match.group(1), match.group(2).rstrip()
    closing = "/" if body.endswith("/") else ""
    body = body.removesuffix("/")
    if name.lower() == "pre":
        return f'<{name}{body} tabindex="0"{closing}>'
    rel = _ATTRIBUTE["rel"].search(body)
    if rel is None:
        return f'<{name}{body} rel="noopener"{closing}>'
    new_rel = 'rel="' + " ".join([*_value(rel).split(), "noopener"]) + '"'
    body = body[: rel.start()] + new_rel + body[rel.end() :]
    return f"<{name}{body}{closing}>"


def improve_start_tags(html: str, own_host: str) -> str:
    """Every ``<a>`` and ``<pre>`` start tag in ``html`` improved as
    :func:`improve_start_tag`, the rest of the text left as it is."""
    return _START_TAG.sub(lambda match: improve_start_tag(match[0], own_host), html)


def _tag_needs_change(name: str, attributes: str, own_host: str) -> bool:
    """For one ``<a>`` or ``<pre>`` start tag, given its attributes as text."""
    if name.lower() == "pre":
        return "tabindex" not in attributes.lower()
    if "noopener" in attributes.lower():
        return False
    href = _value(_ATTRIBUTE["href"].search(attributes))
    return is_external(href.strip(), own_host)


def _value(attribute: re.Match | None) -> str:
    return "".join(part or "" for part in attribute.groups()) if attribute else ""


def is_external(href: str, own_host: str) -> bool:
    """Whether ``href`` is a web address on another host than ``own_host``
    (an address that is not a valid URL is left alone)."""
    try:
        parts = urlsplit(href)
    except ValueError:  # such as "http://[not-an-address"
        return False
    return parts.scheme.lower() in ("http", "https") and parts.netloc != own_host


def reading_minutes(html: str) -> int:
    """Minutes to read a page's HTML at 220 words a minute, at least 1."""
    text = html_text.unescape(_TAG_OR_COMMENT.sub(" ", html))
    return max(1, round(len(_WORD.findall(text)) / WORDS_PER_MINUTE))


def social_icon(name: str) -> Markup:
    """A small inline SVG for a social link (the visible label names it)."""
    kind = str(name).lower()
    if "mail" in kind:
        path = "M3 6h18v12H3z M3 6l9 7 9-7"
    elif kind in ("rss", "atom", "feed"):
        path = "M5 5a14 14 0 0 1 14 14 M5 11a8 8 0 0 1 8 8 M6 18h.01"
    else:
        path = (
            "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18 M3 12h18 "
            "M12 3c3 3 3 15 0 18 M12 3c-3 3-3 15 0 18"
        )
    return Markup(
        '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" '
        'fill="none" stroke="currentColor" stroke-width="1.8" '
        'stroke-linecap="round" stroke-linejoin="round">'
        f'<path d="{escape(path)}"/></svg>'
    )
