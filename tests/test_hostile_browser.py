"""Hostile input in a real browser: Hypothesis writes Hugo sites whose Markdown
attributes, shortcode parameters (built-in and a site's Jinja port), front
matter and Hugo config values hold script and links off the site; Pelican
builds each; Chromium opens every page with the CSP off (``CAMEO_CSP``: a
site may turn it off, and it is the second wall, not the first) and hovers,
focuses and clicks every link and every element with an ``on*`` attribute.
No script may run, no link may lead to a host the page does not name, and
no page may carry a link a browser would run.

A piece of a site the build refuses (a social link the theme checks) must be
refused with one line naming its file and line; it is then left out and the
rest is built again, so one refusal does not hide the other pages.
"""

from __future__ import annotations

import base64
import builtins
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from cameo_tools.errors import BuildError

from .conftest import ROOT, build_site, examples

# Script a payload runs: each one is seen by the browser's side of the test
# (a dialog, a write to a watched global, a request to a watched host).
SCRIPTS = ["alert(1)", "confirm(1)", "prompt(1)", "top.__pwned=1"]
WATCHED_HOST = "pwned.example"
# The host of links that pretend to stay on the site; no page names it openly.
EVIL_HOST = "evil.example"
SCRIPT_FETCH = f"fetch('//{WATCHED_HOST}/')"
# A Jinja expression a template would evaluate to 1337, were any value of the
# site's ever rendered as a template.
TEMPLATE_PROBE = "{{ 7*191 }}"

# Schemes Hugo's URL filter lets through (html/template's urlFilter, and the
# tel: the theme writes); anything else in an href is a finding.
LINK_SCHEMES = {"http:", "https:", "mailto:", "tel:"}


def _mixed_case(draw, word: str) -> str:
    flips = draw(st.lists(st.booleans(), min_size=len(word), max_size=len(word)))
    return "".join(c.upper() if up else c for c, up in zip(word, flips, strict=True))


@st.composite
def hostile_urls(draw) -> str:
    """A link a browser would run, or one that looks local and is not."""
    js = draw(st.sampled_from([*SCRIPTS, SCRIPT_FETCH]))
    scheme = _mixed_case(draw, "javascript")
    cut = draw(st.integers(min_value=1, max_value=len(scheme) - 1))
    document = f"<script>{js}</script>"
    return draw(
        st.sampled_from(
            [
                f"{scheme}:{js}",
                f"{scheme[:cut]}\t{scheme[cut:]}:{js}",
                f"{scheme[:cut]}\n{scheme[cut:]}:{js}",
                f" \x01{scheme}:{js}",
                # The marks a port's printed values get (html_attributes).
                f"\ufdd1{scheme}:{js}",
                f"&#106;avascript:{js}",
                f"&#x6A;avascript&colon;{js}",
                f"{scheme}&#58;{js}",
                f"data:text/html,{document}",
                "data:text/html;base64," + base64.b64encode(document.encode()).decode(),
                "vbscript:msgbox(1)",
                f"/\\{EVIL_HOST}/",
                f"\\\\{EVIL_HOST}/",
                f"/\t/{EVIL_HOST}/",
                f"https:\\\\{EVIL_HOST}/",
            ]
        )
    )


# A few characters of any kind around a text, but those that end a line
# without a newline (line numbers are counted in newlines here).
AFFIXES = st.text(
    st.characters(exclude_characters="\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"),
    max_size=3,
)


@st.composite
def hostile_texts(draw) -> str:
    """Text that breaks out of an attribute, an element or a template."""
    js = draw(st.sampled_from([*SCRIPTS, SCRIPT_FETCH]))
    text = draw(
        st.sampled_from(
            [
                f'" onmouseover="{js}" x="',
                f'\ufdd1" onmouseover="{js}" x="\ufdd0',
                f"' onmouseover='{js}' x='",
                f'" autofocus onfocus="{js}" x="',
                f"<script>{js}</script>",
                f"<img src=x onerror={js}>",
                f"<svg onload={js}>",
                f"</textarea><script>{js}</script>",
                f"</title><script>{js}</script>",
                f"</script><script>{js}</script>",
                f'<a href="javascript:{js}">x</a>',
                f"<details open ontoggle={js}>",
                f"&lt;img src=x onerror={js}&gt;",
                f"&#60;script&#62;{js}&#60;/script&#62;",
                "{{< /figure >}}",
                "{{< param hostile >}}",
                TEMPLATE_PROBE,
                f"\u202e<script>{js}</script>",
                f"\uff1cscript\uff1e{js}\uff1c/script\uff1e",
                f"<\u017fcript>{js}</\u017fcript>",
            ]
        )
    )
    return draw(AFFIXES) + text + draw(AFFIXES)


@st.composite
def hostile_attributes(draw) -> str:
    """The inside of a Markdown attribute list, ``{...}``."""
    js = draw(st.sampled_from(SCRIPTS))
    event = _mixed_case(draw, draw(st.sampled_from(["onclick", "onmouseover"])))
    return draw(
        st.sampled_from(
            [
                f'{event}="{js}"',
                f'.c {event}="{js}"',
                f'#i{draw(st.integers(0, 99))} onfocus="{js}" tabindex="0"',
                f"{event}='{js}'",
                f'x=1 onpointerenter="{js}"',
                f'style="animation: x 1s" onanimationstart="{js}"',
                f'autofocus onfocus="{js}"',
                f'href="javascript:{js}"',
                f'class="\\" {event}=\\"{js}"',
                f'data-x="{js}" {event}="{js}"',
            ]
        )
    )


# --- the site ------------------------------------------------------------------


@dataclass
class Piece:
    """Lines of a file that go or stay together; ``optional`` ones may be
    left out when the build refuses them."""

    text: str
    optional: bool = True
    # What a refusal of this piece says, where it names no line.
    label: str = ""


@dataclass
class Site:
    """A Hugo site as files made of pieces, so that a refused piece, named by
    its file and line, can be left out."""

    files: dict[str, list[Piece]] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)

    def __repr__(self) -> str:  # what Hypothesis prints of a failing example
        return "\n".join(
            f"--- {path}\n" + "".join(p.text for p in pieces)
            for path, pieces in self.files.items()
        )

    def _repr_pretty_(self, printer, cycle: bool) -> None:  # Hypothesis's printer
        printer.text(repr(self))

    def add(self, path: str, *pieces: Piece) -> None:
        self.files.setdefault(path, []).extend(pieces)

    def write(self, root: Path) -> None:
        for path, pieces in self.files.items():
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            # A lone surrogate (half of a pair) is written as bytes that are
            # not UTF-8: hostile input too, which the build must name.
            text = "".join(p.text for p in pieces)
            target.write_bytes(text.encode("utf-8", "surrogatepass"))

    def drop(self, path: str, line: int) -> bool:
        """Leave out the piece of ``path`` holding ``line``; False if that
        piece must stay."""
        first = 1
        for index, piece in enumerate(self.files.get(path, [])):
            last = first + piece.text.count("\n")
            if first <= line < max(last, first + 1):
                if not piece.optional:
                    return False
                self.dropped.append(f"{path}:{line}: {piece.text.strip()!r}")
                del self.files[path][index]
                return True
            first = last
        return False

    def drop_named(self, problem: str) -> bool:
        """Leave out the first piece whose label the refusal ``problem`` says."""
        for path, pieces in self.files.items():
            for index, piece in enumerate(pieces):
                if piece.label and piece.label in problem:
                    self.dropped.append(f"{path}: {piece.text.strip()!r}")
                    del pieces[index]
                    return True
        return False


def _quoted(value: str) -> str:
    """``value`` as a double-quoted string that TOML and YAML read alike:
    backslash escapes for quotes, backslashes and every unprintable
    character."""

    def escape(char: str) -> str:
        if char in '"\\':
            return "\\" + char
        if char.isprintable():
            return char
        code = ord(char)
        return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"

    return '"' + "".join(map(escape, value)) + '"'


def _param(value: str) -> str:
    """A shortcode parameter: raw in backticks, else quoted, each quote
    written \\"."""
    if "`" not in value:
        return f"`{value}`"
    return '"' + value.replace('"', '\\"') + '"'


SETTINGS = f"""
THEME = {str(ROOT / "theme")!r}
PLUGIN_PATHS = [{str(ROOT / "plugins")!r}]
PLUGINS = ["hugo_frontmatter", "cameo"]
PATH = "content"
TIMEZONE = "UTC"
HUGO_FRONTMATTER = {{"hugo_config": "hugo.toml", "shortcodes": "shortcodes"}}
"""
# A Jinja port of a site's shortcode writing a parameter into an href, a
# title, the text and a textarea.
LINK_PORT = (
    '<a class="port" href="{{ get("url") }}" title="{{ get("text") }}">'
    '{{ get("text") }}</a><textarea>{{ get("text") }}</textarea>\n'
)


Values = Callable[[], str]


def make_site(url: Values, text: Values, attrs: Values) -> Site:
    """A Hugo site with a hostile value in every place one can go: ``url()``
    where a link goes, ``text()`` where text goes, ``attrs()`` inside each
    Markdown attribute list."""
    site = Site()
    # The Hugo config: values the theme shows on every page.
    site.add(
        "hugo.toml",
        Piece(f"title = {_quoted(text())}\n"),
        Piece(f"copyright = {_quoted(text())}\n"),
        Piece("[markup.goldmark.parser.attribute]\nblock = true\n", optional=False),
        Piece("[params]\n", optional=False),
        Piece(f"description = {_quoted(text())}\n"),
        Piece(f"author = {_quoted(text())}\n"),
        Piece(f"hostile = {_quoted(text())}\n"),
    )
    # The second social link is a good one, so that its name is shown.
    for weight, link in enumerate([url(), "https://example.org/me"], start=1):
        site.add(
            "hugo.toml",
            Piece(
                f"[[params.social]]\nname = {_quoted(text())}\n"
                f"url = {_quoted(link)}\nweight = {weight}\n",
                label="SOCIAL entry",
            ),
        )
    for weight in range(1, 4):
        site.add(
            "hugo.toml",
            Piece(
                f"[[menus.main]]\nname = {_quoted(text())}\n"
                f"url = {_quoted(url())}\nweight = {weight}\n"
            ),
        )
    # A second language: its own title and menu head its pages.
    site.add(
        "hugo.toml",
        Piece("[languages.en]\nweight = 1\n", optional=False),
        Piece(f"[languages.fr]\nweight = 2\ntitle = {_quoted(text())}\n"),
        Piece(
            f"[[languages.fr.menus.main]]\nname = {_quoted(text())}\n"
            f"url = {_quoted(url())}\n"
        ),
    )
    site.add("shortcodes/link.html", Piece(LINK_PORT, optional=False))
    site.add(
        "content/_index.md",
        Piece(f"---\ntitle: {_quoted(text())}\n---\n", optional=False),
        *_attribute_blocks(attrs),
    )
    site.add("content/posts/_index.md", Piece("---\ntitle: Posts\n---\n", False))
    site.add(
        "content/posts/attributes.md",
        Piece("---\ntitle: Attributes\ndate: 2024-01-03\n", optional=False),
        Piece(f"description: {_quoted(text())}\n"),
        Piece(f"hostile: {_quoted(text())}\n"),
        Piece(f"tags: [{_quoted(text())}]\n"),
        Piece("---\n", optional=False),
        Piece(f"## Before {{{attrs()}}}\n\n<!--more-->\n\n"),
        *_attribute_blocks(attrs),
        *_markdown_links(url),
        *_markdown_texts(text),
    )
    summary = f"## S {{{attrs()}}}\n\nWords\n{{{attrs()}}}\n"
    site.add(
        "content/posts/summary.md",
        Piece("---\ntitle: Summary\ndate: 2024-01-02\n", optional=False),
        Piece(f"summary: {_quoted(summary)}\n"),
        Piece("---\nBody.\n", optional=False),
    )
    # Links the front matter gives: refused with their line, or safe.
    site.add(
        "content/links.md",
        Piece("---\ntitle: Links\n", optional=False),
        Piece(f"url: {_quoted(url())}\n"),
        Piece(f"aliases: [{_quoted(url())}]\n"),
        Piece(f"images: [{_quoted(url())}]\n"),
        Piece(f"icon:\n  url: {_quoted(url())}\n  alt: {_quoted(text())}\n"),
        Piece("---\nLinks.\n", optional=False),
    )
    site.add(
        "content/posts/shortcodes.md",
        Piece("---\ntitle: Shortcodes\ndate: 2024-01-01\n", optional=False),
        Piece(f"hostile: {_quoted(text())}\n"),
        Piece("---\n", optional=False),
        *_shortcodes(url, text),
    )
    return site


@st.composite
def hostile_sites(draw) -> Site:
    return make_site(
        lambda: draw(hostile_urls()),
        lambda: draw(hostile_texts()),
        lambda: draw(hostile_attributes()),
    )


def _attribute_blocks(attrs: Values) -> list[Piece]:
    """Every block that takes attributes, each with a hostile list."""
    return [
        Piece(f"## Heading {{{attrs()}}}\n\n"),
        Piece(f"A paragraph.\n{{{attrs()}}}\n\n"),
        Piece(f"> A quote.\n{{{attrs()}}}\n\n"),
        Piece(f"- an item\n{{{attrs()}}}\n\n"),
        Piece(f"| a |\n| - |\n| b |\n{{{attrs()}}}\n\n"),
        Piece(f"```go {{{attrs()}}}\nx := 1\n```\n\n"),
        Piece(f"### Third {{{attrs()}}}\n\n"),
    ]


def _markdown_links(url: Values) -> list[Piece]:
    return [
        Piece(f"[a link]({url().replace(' ', '%20')})\n\n"),
        Piece(f"![an image]({url().replace(' ', '%20')})\n\n"),
        Piece(f"[a reference][r]\n\n[r]: <{url()}>\n\n"),
        Piece(f"<{url()}>\n\n"),
    ]


def _markdown_texts(text: Values) -> list[Piece]:
    """Hostile text where Markdown makes attributes of it: a heading's id, a
    fence's language class, a link's title; and in footnotes, definitions
    and task lists."""
    language = text().replace("`", "").replace(" ", "") or "x"
    return [
        Piece(f"## {text()}\n\n"),
        Piece(f"```{language}\ncode\n```\n\n"),
        Piece(f'[titled](/a/ "{text().replace(chr(34), "")}")\n\n'),
        Piece(f"A note[^1].\n\n[^1]: {text()}\n\n"),
        Piece(f"Term\n: {text()}\n\n"),
        Piece(f"- [ ] {text()}\n\n"),
    ]


def _shortcodes(url: Values, text: Values) -> list[Piece]:
    def u() -> str:
        return _param(url())

    def t() -> str:
        return _param(text())

    return [
        Piece(
            f"{{{{< figure src={u()} link={u()} attrlink={u()} caption={t()} "
            f"attr={t()} title={t()} alt={t()} class={t()} target={t()} "
            f"rel={t()} >}}}}\n\n"
        ),
        Piece(f"{{{{< figure src=/a.png link={u()} >}}}}\n\n"),
        Piece(f"{{{{< figure src=/a.png caption=c attr=a attrlink={u()} >}}}}\n\n"),
        Piece(f"{{{{< youtube id={t()} class={t()} title={t()} start={t()} >}}}}\n\n"),
        Piece(f"{{{{< vimeo id={t()} class={t()} title={t()} >}}}}\n\n"),
        Piece(f"{{{{< vimeo_simple {t()} >}}}}\n\n"),
        Piece(f"{{{{< x user={t()} id={t()} >}}}}\n\n"),
        Piece(f"{{{{< instagram {t()} >}}}}\n\n"),
        Piece(f"{{{{< gist {t()} {t()} {t()} >}}}}\n\n"),
        Piece(
            f"{{{{< details summary={t()} title={t()} class={t()} name={t()} >}}}}"
            "Inside{{< /details >}}\n\n"
        ),
        Piece(f"{{{{< highlight {t()} >}}}}\ncode\n{{{{< /highlight >}}}}\n\n"),
        Piece("{{< param hostile >}} and {{< param description >}}\n\n"),
        Piece(f"[ref]({{{{< relref {_param('attributes.md#' + text())} >}}}})\n\n"),
        Piece(f"{{{{< link url={u()} text={t()} >}}}}\n\n"),
        Piece(f"{{{{% link url={u()} text={t()} %}}}}\n\n"),
    ]


def _python_error(problem: str) -> bool:
    """Whether ``problem`` is an exception of Python's own (``ValueError:
    ...``), which a build lets through where it owed its own message."""
    name = re.match(r"(\w+): ", problem)
    kind = getattr(builtins, name[1], None) if name else None
    return isinstance(kind, type) and issubclass(kind, BaseException)


def _build(site: Site, root: Path) -> Path | None:
    """Build ``site``, leaving out each piece the build refuses. Every
    refusal must be one line naming the file and line; one that is not is
    noted in ``site.findings`` (and its piece left out by what it names, if
    it can be). None when the build cannot be made to pass."""
    conf = root / "hostilesite.py"  # not pelicanconf.py: Pelican imports that
    conf.write_text(SETTINGS, "utf-8")
    output = root / "out"
    for _ in range(20):
        site.write(root)
        try:
            build_site(root / "content", output, conf, CAMEO_CSP=False)
            return output
        except BuildError as error:
            problems = error.problems or [str(error)]
        assert not output.exists(), "a failed build left an output folder"
        # One piece at a time: leaving one out moves the lines after it.
        problem = problems[0]
        if "\n" in problem.strip() or _python_error(problem):
            site.findings.append(f"a refusal is not one plain line: {problem}")
        where = re.search(r"(\S+?):(\d+)(?::\d+)?: ", problem)
        if where:
            path = Path(where[1])
            path = path.relative_to(root) if path.is_absolute() else path
            left_out = site.drop(path.as_posix(), int(where[2]))
        else:
            site.findings.append(f"a refusal names no file and line: {problem}")
            left_out = site.drop_named(problem)
        if not left_out:
            site.findings.append(f"the build stops at what cannot go: {problem}")
            return None
        for path in site.files:
            (root / path).unlink(missing_ok=True)
    pytest.fail("the build refused twenty pieces: " + "; ".join(site.dropped))


# --- the browser ---------------------------------------------------------------

# Sees a write to __pwned from any script in any frame.
SENTINEL = """
Object.defineProperty(window, '__pwned', {
  configurable: false,
  get() { return undefined; },
  set(value) { window.__cameoRan('set __pwned to ' + value); },
});
"""
# Each element a visitor could point at, focus or click that holds a link or
# a handler, kept for POKE; for each, its opening tag and what is wrong with
# it before any click: a handler attribute, a link whose scheme a browser
# runs, or one that leads to a host it does not show.
COLLECT = r"""
([schemes, evil]) => {
  window.__cameoOpen = true;
  window.__cameoTargets = [...document.querySelectorAll('*')].filter(
    el => el.matches('meta[http-equiv="refresh" i]') || el.getAttributeNames().some(
      name => /^on/i.test(name) || /^(href|src|action|formaction)$/i.test(name)));
  return window.__cameoTargets.map(el => {
    const problems = [];
    for (const name of el.getAttributeNames()) {
      if (/^on/i.test(name)) problems.push(`has the handler ${name}`);
    }
    const link = /^(A|AREA|BASE)$/.test(el.tagName) ? el.href
      : /^(IFRAME|FRAME|EMBED)$/.test(el.tagName) ? el.src
      : el.tagName === 'FORM' ? el.action
      : el.hasAttribute('formaction') ? el.formAction
      : el.tagName === 'META'
        ? new URL((/url\s*=\s*['"]?([^'"]*)/i.exec(el.content) || [, ''])[1],
                  location.href).href
      : null;
    // A link the browser cannot read (URL.canParse) goes nowhere.
    if (link && URL.canParse(link)) {
      const url = new URL(link);
      if (!schemes.includes(url.protocol)) problems.push(`links to ${url.protocol}`);
      if (url.hostname === evil) problems.push(`leads to ${url.hostname}`);
    }
    return [el.outerHTML.slice(0, el.outerHTML.indexOf('>') + 1), problems];
  });
}
"""
# Everything a visitor's pointer and keyboard would do to a target, each of
# its on* attributes' own events, then a click. False if the page was
# replaced before it.
POKE = """
async (index) => {
  if (window.__cameoOpen !== true) return false;
  const el = window.__cameoTargets[index];
  const events = ['pointerover', 'pointerenter', 'mouseover', 'mouseenter',
    'mousemove', 'focus', 'focusin', 'pointerdown', 'mousedown', 'pointerup',
    'mouseup', 'animationstart', 'toggle', 'load', 'error'];
  for (const name of el.getAttributeNames()) {
    if (/^on/i.test(name)) events.push(name.slice(2).toLowerCase());
  }
  for (const type of events) el.dispatchEvent(new Event(type, {bubbles: true}));
  if (el.focus) el.focus();
  if (el.click) el.click();
  // A followed link's script runs a task or so later: wait for it here, so
  // that what it does is put down to this target.
  const wait = el.closest('[href]') ? 20 : 0;
  await new Promise(done => setTimeout(() => setTimeout(done, wait), 0));
  return true;
}
"""
SETTLE = "() => new Promise(done => setTimeout(() => setTimeout(done, 0), 0))"


class Visitor:
    """One browser context with the CSP off, watching for script that runs
    and for requests to the payloads' hosts, while it pokes at pages."""

    def __init__(self, browser, base: str) -> None:
        self.base = base
        self.findings: list[str] = []
        self.where = "opening"
        self.armed = False  # whether a navigation on the site is a click's
        self.poked: set[str] = set()
        self.context = browser.new_context(bypass_csp=True)
        self.context.expose_binding(
            "__cameoRan", lambda source, what: self._found(f"script ran: {what}")
        )
        self.context.add_init_script(SENTINEL)
        self.context.on("dialog", self._dialog)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.context.on("page", self._popup)
        self.page.on("framenavigated", self._navigated)

    def _found(self, what: str) -> None:
        self.findings.append(f"{self.where}: {what}")

    def _dialog(self, dialog) -> None:
        self._found(f"script ran: {dialog.type}({dialog.message!r})")
        dialog.dismiss()

    def _popup(self, popup) -> None:
        if popup is not self.page:
            popup.close()

    def _navigated(self, frame) -> None:
        if frame.url.startswith(("javascript:", "data:", "vbscript:")):
            self._found(f"a frame went to {frame.url[:80]}")

    def _route(self, route) -> None:
        request = route.request
        host = urlsplit(request.url).hostname
        if host in (WATCHED_HOST, EVIL_HOST):
            kind = "went" if request.is_navigation_request() else "sent a request"
            self._found(f"{kind} to {request.url} ({request.resource_type})")
        if request.is_navigation_request() and (self.armed or host != "127.0.0.1"):
            # A link followed: answer 204, so that the page stays (an
            # aborted one would put an error page in its place).
            route.fulfill(status=204)
        elif host != "127.0.0.1":
            route.abort()
        else:
            route.continue_()

    def visit(self, path: str) -> None:
        """Open ``path``, note what is wrong before any click, then poke each
        target not poked on an earlier page (the header is on every page)."""
        from playwright.sync_api import Error

        url = f"{self.base}/{path}"
        self.where = path
        try:
            targets = self._open(url)
        except Error as error:
            if "Download is starting" not in str(error):
                raise
            self._found("is not served as a page but as a file to download")
            return
        for index, (tag, problems) in enumerate(targets):
            self.where = f"{path} {tag[:200]}"
            for problem in problems:
                self._found(problem)
            if tag in self.poked:
                continue
            self.poked.add(tag)
            for _ in range(2):
                try:
                    if self.page.evaluate(POKE, index):
                        break
                except Error:  # a link replaced the page as it ran
                    self.page.wait_for_timeout(50)
                    self._open(url)
                    break
                self._open(url)  # replaced before: open it again, poke again
        self.where = path

    def _open(self, url: str) -> list[tuple[str, list[str]]]:
        from playwright.sync_api import Error

        for attempt in range(3):
            self.armed = False
            try:
                self.page.goto(url, wait_until="load")
                # From here a navigation (a redirect page's meta refresh, a
                # click) is answered 204, so the page stays.
                self.armed = True
                self.page.evaluate(SETTLE)
                return self.page.evaluate(COLLECT, [sorted(LINK_SCHEMES), EVIL_HOST])
            except Error as error:  # a navigation cut in before it was armed
                if attempt == 2 or "Download is starting" in str(error):
                    raise
                self.page.wait_for_timeout(100)
        raise AssertionError("unreachable")

    def close(self) -> None:
        self.context.close()


def _feed_problems(output: Path) -> list[str]:
    """Handlers and links a browser would run in the HTML that feeds carry
    to their readers."""
    problems = []
    for feed in sorted(output.rglob("*.xml")):
        name = feed.relative_to(output)
        for item in ElementTree.parse(feed).iter():
            if item.tag.rpartition("}")[2] not in ("description", "content", "summary"):
                continue
            for element in BeautifulSoup(item.text or "", "html.parser").find_all():
                handlers = [a for a in element.attrs if a.lower().startswith("on")]
                if handlers:
                    problems.append(f"{name}: <{element.name}> has {handlers}")
                if element.name not in ("a", "area"):
                    continue
                # As a browser reads it: tabs and line ends dropped, and
                # blanks and control characters in front.
                link = re.sub(r"[\t\n\r]", "", str(element.get("href", "")))
                scheme = urlsplit(link.lstrip("".join(map(chr, range(33))))).scheme
                if scheme and f"{scheme}:" not in LINK_SCHEMES:
                    problems.append(f"{name}: <{element.name}> links to {scheme}:")
    return problems


@dataclass
class Outcome:
    """What the build left out of a site, and everything found wrong."""

    dropped: list[str]
    findings: list[str]


def _check_site(site: Site, root: Path, browser, serve_dir) -> Outcome:
    output = _build(site, root)
    if output is None:
        return Outcome(site.dropped, site.findings)
    findings = site.findings + _feed_problems(output)
    for page in sorted(output.rglob("*.html")):
        if "1337" in page.read_text("utf-8"):
            findings.append(f"{page.relative_to(output)}: a template ran a value")
    visitor = Visitor(browser, serve_dir(output))
    try:
        for page in sorted(output.rglob("*.html")):
            visitor.visit(page.relative_to(output).as_posix())
    finally:
        visitor.close()
    # A finding once, however many events showed it.
    return Outcome(site.dropped, list(dict.fromkeys(findings + visitor.findings)))


# The payloads issue 25 names (points 4 and 5), each where the issue saw it.
ISSUE_25 = {
    "javascript": ("javascript:alert(1)", 'onclick="alert(1)"'),
    "backslash": ("/\\evil.example/", 'onmouseover="alert(1)"'),
}


def _issue_site(url: str, attrs: str) -> Site:
    """The config's menu, a heading's and a block's attributes (also in a
    list page's summary), figure's link and attrlink and a port's href, each
    with the issue's payload; every piece must build."""
    site = Site()
    site.add(
        "hugo.toml",
        Piece(
            'title = "T"\n[markup.goldmark.parser.attribute]\nblock = true\n'
            f'[[menus.main]]\nname = "M"\nurl = {_quoted(url)}\n',
            optional=False,
        ),
    )
    site.add("shortcodes/link.html", Piece(LINK_PORT, optional=False))
    site.add(
        "content/_index.md",
        Piece(f"---\ntitle: Home\n---\n## H {{{attrs}}}\n\nP\n{{{attrs}}}\n", False),
    )
    site.add("content/posts/_index.md", Piece("---\ntitle: Posts\n---\n", False))
    summary = f"## S {{{attrs}}}\n\nWords\n{{{attrs}}}\n"
    site.add(
        "content/posts/p.md",
        Piece(
            f"---\ntitle: P\ndate: 2024-01-01\nsummary: {_quoted(summary)}\n---\n"
            f"{{{{< figure src=/a.png link={_param(url)} >}}}}\n\n"
            f"{{{{< figure src=/a.png caption=c attr=a attrlink={_param(url)} >}}}}\n\n"
            f"{{{{< link url={_param(url)} text=t >}}}}\n",
            optional=False,
        ),
    )
    return site


@pytest.mark.parametrize(("url", "attrs"), ISSUE_25.values(), ids=ISSUE_25.keys())
def test_the_issues_payloads_run_no_script(url, attrs, browser, serve_dir, tmp_path):
    outcome = _check_site(_issue_site(url, attrs), tmp_path, browser, serve_dir)
    assert not outcome.findings, "\n".join(outcome.findings)


@pytest.mark.parametrize(
    "base", ["javascript:alert(1)//x", "JaVaScRiPt:top.__pwned=1//x"]
)
def test_a_hostile_base_url_gives_no_live_link(base, browser, serve_dir, tmp_path):
    """The Hugo config's baseURL is in front of every link the theme writes:
    refused with its line, or printed as Hugo prints a permalink from it
    (``#ZgotmplZ``), never a link a browser runs."""
    site = Site()
    site.add(
        "hugo.toml",
        Piece(f"baseURL = {_quoted(base)}\n"),
        Piece('title = "T"\n[[menus.main]]\nname = "A"\nurl = "/a/"\n', False),
    )
    site.add("shortcodes/link.html", Piece(LINK_PORT, optional=False))
    site.add("content/_index.md", Piece("---\ntitle: Home\n---\nHi\n", False))
    site.add(
        "content/posts/p.md",
        Piece("---\ntitle: P\ndate: 2024-01-01\n---\n[home](/)\n", False),
    )
    outcome = _check_site(site, tmp_path, browser, serve_dir)
    assert not outcome.findings, "\n".join(outcome.findings)


def test_an_author_with_no_letters_gets_a_page_a_browser_opens(
    browser, serve_dir, tmp_path
):
    """Pelican's author page is named by the author's slug; a name that has
    none (``<details open>`` once tags are stripped) must not make the dot
    file ``author/.html``, which servers give as a download."""
    site = Site()
    site.add(
        "hugo.toml",
        Piece('title = "T"\n[params]\n', optional=False),
        Piece('author = "<details open>"\n'),
    )
    site.add("shortcodes/link.html", Piece(LINK_PORT, optional=False))
    site.add("content/_index.md", Piece("---\ntitle: Home\n---\nHi\n", False))
    site.add(
        "content/posts/p.md", Piece("---\ntitle: P\ndate: 2024-01-01\n---\nP\n", False)
    )
    outcome = _check_site(site, tmp_path, browser, serve_dir)
    assert not outcome.findings, "\n".join(outcome.findings)


def test_a_term_with_no_letters_builds_or_is_refused_at_its_line(
    browser, serve_dir, tmp_path
):
    """A tag or category with no letter or digit (``!!!``, ``%%``) has no
    path of its own; Hugo 0.111 writes no page for it and builds."""
    site = Site()
    site.add("hugo.toml", Piece('title = "T"\n', optional=False))
    site.add("shortcodes/link.html", Piece(LINK_PORT, optional=False))
    site.add("content/_index.md", Piece("---\ntitle: Home\n---\nHi\n", False))
    site.add(
        "content/posts/p.md",
        Piece("---\ntitle: P\ndate: 2024-01-01\n", optional=False),
        Piece('tags: ["!!!"]\n'),
        Piece('categories: ["%%"]\n'),
        Piece("---\nP\n", optional=False),
    )
    outcome = _check_site(site, tmp_path, browser, serve_dir)
    assert not outcome.findings, "\n".join(outcome.findings)


# Values that try to slip a link past a port's check: the noncharacters
# that mark its printed values, and the forms a browser reads as javascript:.
PORT_URLS = [
    "\ufdd1javascript:alert(1)",
    "\ufdd0\ufdd1javascript:alert(1)\ufdd1",
    '\ufdd1" onmouseover="alert(1)" x="\ufdd0',
    "java\tscript:alert(1)",
    " \x01javascript:alert(1)",
    "&#106;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "/\\evil.example/",
]


def test_a_port_writes_no_live_link_whatever_the_value(browser, serve_dir, tmp_path):
    site = Site()
    site.add("hugo.toml", Piece('title = "T"\n', optional=False))
    site.add("shortcodes/link.html", Piece(LINK_PORT, optional=False))
    site.add("content/_index.md", Piece("---\ntitle: Home\n---\nHi\n", False))
    site.add(
        "content/p.md",
        Piece("---\ntitle: P\n---\n", optional=False),
        *(
            Piece(f"{{{{< link url={_param(u)} text={_param(u)} >}}}}\n\n")
            for u in PORT_URLS
        ),
    )
    outcome = _check_site(site, tmp_path, browser, serve_dir)
    assert not outcome.dropped and not outcome.findings, outcome


@settings(
    max_examples=examples(5),
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # no shrinking: slow
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
)
@given(site=hostile_sites())
def test_no_generated_hostile_value_runs_script(
    site, browser, serve_dir, tmp_path_factory
):
    outcome = _check_site(site, tmp_path_factory.mktemp("hostile"), browser, serve_dir)
    assert not outcome.findings, "\n".join(outcome.findings)


def test_a_control_character_in_text_builds_or_is_refused_at_its_line(tmp_path):
    """Hugo writes a title or text holding U+0001 into its feed as it is;
    a feed here cannot hold it, so the page must be named with its line."""
    site = Site()
    site.add("hugo.toml", Piece('title = "T"\n', optional=False))
    site.add("shortcodes/link.html", Piece(LINK_PORT, optional=False))
    site.add("content/_index.md", Piece("---\ntitle: Home\n---\nHi\n", False))
    site.add(
        "content/posts/a.md",
        Piece('---\ntitle: "A\\u0001B"\ndate: 2024-01-01\n---\n'),
        Piece("Body \x01 text\n"),
    )
    output = _build(site, tmp_path)
    assert not site.findings, site.findings
    assert output is None or (output / "posts" / "a" / "index.html").is_file()
