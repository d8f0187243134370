"""How close a cameo build of a real Hugo site is to Hugo's own build of it.

Run from the repository root:

    .venv/bin/python benchmarks/hugo_parity.py HUGO_SITE_DIR [HUGO_SITE_DIR ...]

For each site (a folder with content/ and Hugo's config: hugo.* or config.*
in TOML, YAML or JSON, or config/_default/; maybe static/, data/ and
theme-shortcodes/) it works on a copy in a temporary folder and:

1. builds the copy with Hugo (the oracle) without the site's theme and
   without editing its config: each theme the config names gets an empty
   folder under themes/, Git info is off, minimal layouts print the page title
   in ``<h1 id="title">`` and ``{{ .Content }}`` in ``<div class="e-content">``,
   the site's theme shortcodes are copied into layouts/shortcodes/, and
   ``ignoreErrors = ["error-remote-getjson"]``, in a second config file given
   after the site's, keeps offline embeds from
   failing the build. A built-in shortcode that this Hugo does not know yet
   (``x`` before Hugo 0.141) gets an empty stand-in, which is what newer Hugo
   renders for it offline, and the run says so;
2. builds the same content/ with cameo (cameo_tools.build.build, in a child
   process) from a settings file that holds only the theme, the two
   plugins, PATH (the copy's root), SITEURL and HUGO_FRONTMATTER
   (``hugo_config``, ``hugo_urls``). With ``--go-shortcodes`` (the
   default) the site's Go shortcodes run as they are: theme-shortcodes/*.html
   are copied into the copy's layouts/shortcodes/ exactly as for Hugo (data/
   is beside the content already) and no Jinja port is given. With ``--jinja-ports``
   (for comparison) ``shortcodes`` names the Jinja ports in
   benchmarks/fixtures/shortcodes-<site>/ instead. An option the plugin
   refuses is dropped and the build run again, and the run says so. A
   failed build is a result: its summary is printed and every Hugo page
   counts as missing;
3. prints tables: Hugo's HTML pages equal / missing / extra in cameo (all of
   them, then those whose source uses none of the site's own Go-template
   shortcodes, then those that do), alias redirects equal by target, titles
   of the pages both wrote (a page whose source has no title and that Hugo
   leaves untitled counts apart, as untitled in both), and their bodies
   (Hugo's ``.Content`` against cameo's ``e-content`` element, or the
   theme's older ``div.prose``): equal once normalised, equal in visible
   text, and shortcode calls cameo left in the text; then, per shortcode of
   the site's own, the pages that use it and how many of their bodies are
   equal, and whether the site meets issue 23's goal (the visible text equal
   on every page both write, bodies equal on at least 95 %).

The exit status is 0 whatever cameo does (this is a measurement); it is 2
only when the arguments are wrong. See docs/hugo-parity.md.
"""

from __future__ import annotations

import argparse
import collections
import difflib
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import tomllib
import unicodedata
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import yaml

BASE_URL = "https://example.org"
# Hugo 0.111's config files at a site's root, in the order it looks for them;
# a site may instead (or also) keep its config in config/_default/.
CONFIG_NAMES = tuple(
    f"{stem}.{extension}"
    for stem in ("hugo", "config")
    for extension in ("toml", "yaml", "yml", "json")
)
CONFIG_FOLDER = Path("config") / "_default"
# What the oracle's build adds to the site's own config, in a file of its own
# given after the site's (so the site's config files are never edited).
HUGO_EXTRA_CONFIG = 'ignoreErrors = ["error-remote-getjson"]\n'

SEPARATOR = " · "  # cameo's <title>: "{page title} · {site name}"

# Hugo's minimal layouts. The meta element names the page's source file, so
# that a page can be tied to the shortcodes its source uses.
HUGO_LAYOUT = """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{{ .Title }}</title>
<meta name="parity-source" content="{{ with .File }}{{ .Path }}{{ end }}">
<meta name="parity-kind" content="{{ .Kind }} {{ .Lang }}">
</head>
<body>
<h1 id="title">{{ .Title }}</h1>
<main><div class="e-content">{{ .Content }}</div></main>
</body>
</html>
"""
# Lists page through their entries as a typical theme's do (Hugo writes a
# list's page/N/ only for a layout that asks for a paginator): the home page
# through the regular pages of the main sections, every other list through
# its own pages. And a 404 layout, since cameo's theme has one (Hugo writes
# 404.html only then).
PAGINATE_LIST = "{{ range .Paginator.Pages }}{{ end }}\n</body>"
PAGINATE_HOME = (
    '{{ $main := where site.RegularPages "Type" "in" site.Params.mainSections }}'
    "{{ range (.Paginate $main).Pages }}{{ end }}\n</body>"
)
LAYOUTS = {
    "_default/single.html": HUGO_LAYOUT,
    "_default/list.html": HUGO_LAYOUT.replace("</body>", PAGINATE_LIST),
    "index.html": HUGO_LAYOUT.replace("</body>", PAGINATE_HOME),
    "404.html": HUGO_LAYOUT,
}
MISSING_SHORTCODE = re.compile(r'template for shortcode "([^"]+)" not found')
# A shortcode call, opening or closing: {{< name ...>}} or {{% /name %}}.
# An escaped example ({{</* name */>}}) is not a call and does not match.
SHORTCODE_CALL = re.compile(r"\{\{[<%]\s*/?\s*([\w.-]+)")
HUGO_TIMEOUT = 300
GO_SHORTCODES, JINJA_PORTS = "go-shortcodes", "jinja-ports"
DEFAULT_MODE = GO_SHORTCODES  # the wiring of issue 23 runs them
# Issue 23's goal for the Go-shortcode mode: bodies equal once normalised on
# at least this share of the pages both write (and all their visible text).
BODIES_GOAL = 0.95
CAMEO_TIMEOUT = 900
REPO = Path(__file__).resolve().parent.parent
# Jinja ports of a site's own shortcodes (coder-example's theme-shortcodes/,
# basic-example's inline ones), for the plugin's ``shortcodes`` option:
# benchmarks/fixtures/shortcodes-<the site's folder name>/.
PORTS = REPO / "benchmarks" / "fixtures"


def site_shortcodes(site: Path) -> Path:
    return PORTS / f"shortcodes-{site.name}"


UNKNOWN_OPTIONS = re.compile(r"unknown option\(s\) ([\w, ]+)")


class PageReader(HTMLParser):
    """What the comparison needs from one HTML file."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: str | None = None  # text of <title>
        self.first_h1: str | None = None  # text of the first <h1>
        self.marked_title: str | None = None  # text of <h1 id="title">
        self.refresh: str | None = None  # the url of a meta refresh
        self.source: str | None = None  # <meta name="parity-source">
        self.kind: str | None = None  # <meta name="parity-kind">: kind, language
        self._open: list[tuple[str, list[str]]] = []  # element, text so far
        self._h1_seen = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "meta":
            if values.get("http-equiv", "").lower() == "refresh":
                self.refresh = _refresh_url(values.get("content", ""))
            elif values.get("name") == "parity-source":
                self.source = values.get("content", "")
            elif values.get("name") == "parity-kind":
                self.kind = values.get("content", "")
        elif tag == "title" and self.title is None:
            self._open.append(("title", []))
        elif tag == "h1":
            if values.get("id") == "title" and self.marked_title is None:
                self._open.append(("marked", []))
            elif not self._h1_seen:
                self._open.append(("h1", []))
            self._h1_seen = True

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("title", "h1") or not self._open:
            return
        kind, parts = self._open[-1]
        if (kind == "title") != (tag == "title"):
            return
        self._open.pop()
        text = _clean("".join(parts))
        if kind == "title":
            self.title = text
        elif kind == "marked":
            self.marked_title = text
        if kind != "title" and self.first_h1 is None:
            self.first_h1 = text

    def handle_data(self, data: str) -> None:
        for _, parts in self._open:
            parts.append(data)


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _first_found(*texts: str | None) -> str | None:
    return next((text for text in texts if text is not None), None)


def _refresh_url(content: str) -> str:
    """The target in a meta refresh's content ("0; url=/there/")."""
    _, _, rest = content.partition(";")
    rest = rest.strip()
    if rest.lower().startswith("url="):
        rest = rest[4:].strip().strip("'\"")
    return rest


# bodies --------------------------------------------------------------------

# Where each side's page body is: Hugo's layout wraps .Content in one element
# of this class; cameo's theme marks its body with it (microformats2).
BODY_CLASS = "e-content"
# The cameo theme's body element before it had microformats2:
# theme/templates/article.html and partials/profile/body.html.
FALLBACK_BODY = ("div", "prose")
VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta source track wbr".split()
)
HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
INVISIBLE = frozenset(("script", "style", "template"))
# Elements that do not break a line: their edges add no space to the text.
INLINE = frozenset(
    "a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small "
    "span strong sub sup time u var".split()
)
KEPT_COMMENT = "raw HTML omitted"  # what Goldmark writes for raw HTML it drops
# Math: Hugo leaves its TeX between delimiters in the text for the theme's
# script (``\(`` in the HTML is what ``\\(`` in Markdown gives); cameo writes
# MathML holding the TeX as an annotation, display math in a scrolling box.
# Both are compared by their TeX, white space collapsed.
MATH_IN_TEXT = re.compile(r"\$\$(.+?)\$\$|\\\[(.+?)\\\]|\\\((.+?)\\\)", re.S)
MATH_BOX = "math-display"
TEX_ANNOTATION = "application/x-tex"
SHORTCODE_OPENERS = ("{{<", "{{%")
DIFF_LINES = 8  # lines of a body's first difference shown under --details


@dataclass
class Comment:
    text: str


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | Comment | str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()


class TreeBuilder(HTMLParser):
    """An HTML file as a tree of Element, Comment and text. An end tag closes
    the nearest open element of its name (and any left open inside it); a
    stray one is ignored."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self._stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self._stack[-1].children.append(element)
        if tag not in VOID_ELEMENTS:
            self._stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._stack) - 1, 0, -1):
            if self._stack[depth].tag == tag:
                del self._stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self._stack[-1].children.append(data)

    def handle_comment(self, data: str) -> None:
        self._stack[-1].children.append(Comment(data))


def parse_html(text: str) -> Element:
    builder = TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


def _elements(node: Element):
    for child in node.children:
        if isinstance(child, Element):
            yield child
            yield from _elements(child)


def find_body(root: Element) -> tuple[Element | None, str, int]:
    """The page's body element, what it was found by, and how many such
    elements the page has: the elements of class e-content, else the theme's
    older body element, else none."""
    marked = [e for e in _elements(root) if BODY_CLASS in e.classes]
    if marked:
        return marked[0], BODY_CLASS, len(marked)
    tag, name = FALLBACK_BODY
    older = [e for e in _elements(root) if e.tag == tag and name in e.classes]
    if older:
        return older[0], f"{tag}.{name}", len(older)
    return None, "none", 0


def _all_text(node: Element) -> str:
    parts = []
    for child in node.children:
        if isinstance(child, str):
            parts.append(child)
        elif isinstance(child, Element) and child.tag not in INVISIBLE:
            parts.append(_all_text(child))
    return "".join(parts)


# Embeds Hugo makes from a fetch at build time (a post on X or Instagram, a
# simple Vimeo's thumbnail). Offline the fetch fails (its error ignored) and
# Hugo writes nothing, or an empty box with its <style>; cameo writes a link
# card. The two cannot be compared here, so both are left out. A gist is
# the same in the browser: Hugo writes a script that fetches it from GitHub
# (nothing without the network, and refused by the theme's CSP), cameo a
# link card.
OFFLINE_CARDS = frozenset({"x-post", "instagram-post", "vimeo-video", "gist"})
GIST_SCRIPT = "https://gist.github.com/"
HUGO_OFFLINE_BOX = "s_video_simple"


def _is_offline_card(node: Element) -> bool:
    classes = set(node.classes)
    if node.tag == "blockquote" and OFFLINE_CARDS & classes:
        return True
    if node.tag == "script" and node.attrs.get("src", "").startswith(GIST_SCRIPT):
        return True
    if node.tag == "div" and HUGO_OFFLINE_BOX in classes:
        return not _clean(_all_text(node))
    return node.tag == "style" and "__h_video" in _all_text_raw(node)


def _all_text_raw(node: Element) -> str:
    return "".join(child for child in node.children if isinstance(child, str))


# Hugo's YouTube embed hosts, written as the privacy-enhanced one.
PRIVATE_YOUTUBE = re.compile(r"(?<=//)(?:www\.)?youtube(?:-nocookie)?\.com/")


def _start_tag(element: Element) -> str:
    attrs = []
    for name in sorted(element.attrs):
        words = element.attrs[name].split()
        if name == "rel":  # the theme adds noopener to links out on purpose
            words = [word for word in words if word != "noopener"]
            if not words:
                continue
        if element.tag == "iframe" and name == "loading":
            continue  # cameo's embeds load lazily on purpose
        if element.tag == "iframe" and name == "src":
            # cameo always embeds YouTube from its privacy-enhanced host
            words = [PRIVATE_YOUTUBE.sub("www.youtube-nocookie.com/", words[0])]
        value = " ".join(sorted(words) if name == "class" else words)
        attrs.append(f' {name}="{html.escape(value)}"')
    return f"<{element.tag}{''.join(attrs)}>"


def normal_lines(body: Element | None) -> list[str]:
    """A body's children as comparable lines: a tag or a text a line, text
    with white space collapsed, attributes sorted (and class words; what
    cameo adds on purpose left out: ``rel="noopener"``, an iframe's
    ``loading``, YouTube's privacy-enhanced host), entities
    decoded; comments dropped but Goldmark's raw-HTML placeholder; a <pre> by
    its text alone (highlighters mark code up differently); a heading of any
    level as <h id="..."> and its text (cameo shifts levels on purpose)."""
    lines: list[str] = []
    if body is not None:
        for child in body.children:
            _normal(child, lines)
    return lines


def _math_tex(node: Element) -> str:
    """The TeX a <math> element carries in its annotation."""
    for element in _elements(node):
        if element.tag == "annotation" and (
            element.attrs.get("encoding") == TEX_ANNOTATION
        ):
            return _clean(_all_text_raw(element))
    return ""


def _math_line(tex: str) -> str:
    return f"<math> {_clean(tex)} </math>"


def _text_lines(text: str) -> list[str]:
    """A text's lines, math between Hugo's delimiters a line of its own."""
    lines, start = [], 0
    for found in MATH_IN_TEXT.finditer(text):
        lines.append(_clean(text[start : found.start()]))
        lines.append(_math_line(next(group for group in found.groups() if group)))
        start = found.end()
    lines.append(_clean(text[start:]))
    return [line for line in lines if line]


def _normal(node: Element | Comment | str, lines: list[str]) -> None:
    if isinstance(node, str):
        lines += _text_lines(node)
    elif isinstance(node, Comment):
        if _clean(node.text) == KEPT_COMMENT:
            lines.append(f"<!-- {KEPT_COMMENT} -->")
    elif node.tag == "math":
        lines.append(_math_line(_math_tex(node)))
    elif node.tag == "span" and MATH_BOX in node.classes:
        for child in node.children:
            _normal(child, lines)
    elif _is_offline_card(node):
        return
    elif node.tag in HEADINGS:
        anchor = node.attrs.get("id")
        shown = f' id="{html.escape(anchor)}"' if anchor is not None else ""
        lines.append(f"<h{shown}> {_clean(_all_text(node))} </h>")
    elif node.tag == "pre":
        lines.append("<pre>")
        code = _all_text(node).strip("\n")
        lines += ["  " + line.rstrip() for line in code.splitlines()]
        lines.append("</pre>")
    else:
        lines.append(_start_tag(node))
        for child in node.children:
            _normal(child, lines)
        if node.tag not in VOID_ELEMENTS:
            lines.append(f"</{node.tag}>")


def visible_text(body: Element | None) -> str:
    """What a reader sees of a body: its text, white space collapsed, a space
    at the edges of every element that is not inline."""
    parts: list[str] = []

    def walk(node: Element) -> None:
        for child in node.children:
            if isinstance(child, str):
                parts.append(MATH_IN_TEXT.sub(_tex_of, child))
            elif isinstance(child, Element) and child.tag == "math":
                parts.append(f" {_math_tex(child)} ")
            elif (
                isinstance(child, Element)
                and child.tag not in INVISIBLE
                and not _is_offline_card(child)
            ):
                block = child.tag not in INLINE
                parts.append(" " if block else "")
                walk(child)
                parts.append(" " if block else "")

    if body is not None:
        walk(body)
    return _clean("".join(parts))


def _tex_of(found: re.Match[str]) -> str:
    return f" {_clean(next(group for group in found.groups() if group))} "


def shortcode_calls(text: str) -> int:
    """How many shortcode openings ({{< or {{%) a text shows."""
    return sum(text.count(opener) for opener in SHORTCODE_OPENERS)


def first_difference(hugo: list[str], cameo: list[str]) -> list[str]:
    """The first hunk of a unified diff of two bodies' lines, shortened."""
    diff = difflib.unified_diff(hugo, cameo, "hugo", "cameo", n=1, lineterm="")
    hunk: list[str] = []
    for line in diff:
        if line.startswith(("---", "+++")):
            continue
        if line.startswith("@@"):
            if hunk:
                break
            continue
        hunk.append(textwrap.shorten(line, 150, placeholder=" ...") or line[:1])
    if len(hunk) > DIFF_LINES:
        hunk = hunk[:DIFF_LINES] + [f"... ({len(hunk) - DIFF_LINES} more lines)"]
    return hunk


# front matter --------------------------------------------------------------


def front_matter(text: str) -> dict | None:
    """A content file's front matter (YAML between ---, TOML between +++, or
    a leading JSON object); {} when it has none, None when it cannot be
    read."""
    text = text.removeprefix("\ufeff")
    try:
        if text.lstrip().startswith("{"):
            data, _ = json.JSONDecoder().raw_decode(text.lstrip())
            return data if isinstance(data, dict) else None
        for fence, load in (("---", yaml.safe_load), ("+++", tomllib.loads)):
            if text.startswith(fence) and text[3:4] in ("\n", "\r"):
                end = re.search(rf"(?m)^{re.escape(fence)}[ \t]*\r?$", text[3:])
                if end is None:
                    return None
                data = load(text[3 : 3 + end.start()]) or {}
                return data if isinstance(data, dict) else None
    except (ValueError, yaml.YAMLError):
        return None
    return {}


def has_title(source: Path) -> bool | None:
    """Whether a content file's front matter gives a title that is not blank;
    None when the file or its front matter cannot be read."""
    try:
        data = front_matter(source.read_text("utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    if data is None:
        return None
    title = data.get("title")
    return title is not None and str(title).strip() != ""


@dataclass
class HtmlFile:
    path: str  # posix, relative to the output folder
    title: str | None  # text of <title>
    heading: str | None  # text of <h1 id="title">, else of the first <h1>
    alias_target: str | None  # where a redirect page points (a site path)
    source: str | None  # Hugo only: the content file it was made from
    kind: str | None = None  # Hugo only: "home en", "term pt-br", ...
    body: list[str] = field(default_factory=list)  # normal_lines of the body
    text: str = ""  # visible_text of the body
    body_from: str = "none"  # what found the body element (find_body)
    body_count: int = 0  # how many such elements the page has
    # Hugo only: the body's lines that Hugo writes differently from one build
    # to the next (``shuffle``, random ids): not compared.
    varying: frozenset[int] = frozenset()


@dataclass
class Build:
    """One side of the comparison."""

    files: dict[str, HtmlFile] = field(default_factory=dict)
    error: str | None = None  # summary of a failed build
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def pages(self) -> dict[str, HtmlFile]:
        return {p: f for p, f in self.files.items() if f.alias_target is None}

    @property
    def aliases(self) -> dict[str, str]:
        return {
            p: f.alias_target
            for p, f in self.files.items()
            if f.alias_target is not None
        }


def site_path(target: str, page: str) -> str:
    """A redirect target as a path on the site: the base URL taken off,
    relative targets resolved against the redirect page's own URL, and a
    trailing index.html dropped. A target on another host stays whole."""
    target = html.unescape(target).strip()
    here = f"{BASE_URL}/{page}"
    absolute = urljoin(here, target)
    parts = urlsplit(absolute)
    if parts.netloc != urlsplit(BASE_URL).netloc:
        return absolute
    path = unquote(parts.path) or "/"
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return unicodedata.normalize("NFC", path)


def read_output(root: Path, build: Build) -> None:
    for file in sorted(root.rglob("*.html")):
        if not file.is_file():
            continue
        relative = unicodedata.normalize("NFC", file.relative_to(root).as_posix())
        reader = PageReader()
        lines, seen, body_from, body_count = [], "", "none", 0
        try:
            text = file.read_text("utf-8", errors="replace")
            reader.feed(text)
            reader.close()
            body, body_from, body_count = find_body(parse_html(text))
            lines, seen = normal_lines(body), visible_text(body)
        except Exception as error:  # a broken page is still a page
            build.notes.append(f"{relative}: could not be parsed ({error})")
        target = None
        if reader.refresh is not None:
            target = site_path(reader.refresh, relative)
        build.files[relative] = HtmlFile(
            path=relative,
            title=reader.title,
            heading=_first_found(reader.marked_title, reader.first_h1),
            alias_target=target,
            source=reader.source or None,
            kind=reader.kind or None,
            body=lines,
            text=seen,
            body_from=body_from,
            body_count=body_count,
        )


# Hugo ----------------------------------------------------------------------


def find_config(site: Path) -> Path | None:
    """The site's config as the plugin's ``hugo_config`` takes it: the root
    file Hugo reads first, or the site's folder when only config/_default/
    holds its config. None: not a Hugo site."""
    for name in CONFIG_NAMES:
        if (site / name).is_file():
            return site / name
    if (site / CONFIG_FOLDER).is_dir():
        return site
    return None


def _load_config(path: Path) -> dict:
    text = path.read_text("utf-8")
    if path.suffix == ".toml":
        return tomllib.loads(text)
    if path.suffix == ".json":
        return json.loads(text)
    return yaml.safe_load(text) or {}


def config_themes(config: Path) -> list[str]:
    """The themes a site's config names (``theme``, any case, a name or a
    list), from its root file and the files of config/_default/."""
    site = config if config.is_dir() else config.parent
    files = [config] if config.is_file() else []
    folder = site / CONFIG_FOLDER
    if folder.is_dir():
        files += sorted(
            path
            for path in folder.iterdir()
            if path.stem in ("hugo", "config")
            and path.suffix[1:] in ("toml", "yaml", "yml", "json")
        )
    themes: list[str] = []
    for path in files:
        for key, value in _load_config(path).items():
            if str(key).lower() == "theme" and value:
                themes += [value] if isinstance(value, str) else list(value)
    return [str(theme) for theme in themes]


def prepare_hugo_copy(copy: Path, config: Path) -> list[str]:
    """Make the copy buildable by Hugo without its theme, leaving the site's
    config files as they are; what was done."""
    notes = []
    for theme in config_themes(config):
        folder = copy / "themes" / theme
        if not folder.exists():
            # The theme's layouts are not here; an empty theme folder lets
            # Hugo build with the minimal layouts below instead.
            folder.mkdir(parents=True)
            notes.append(f"gave the theme {theme!r} an empty folder")
    extra = copy.parent / "parity-extra.toml"
    extra.write_text(HUGO_EXTRA_CONFIG, "utf-8")
    notes.append(
        "config: the site's, then "
        + HUGO_EXTRA_CONFIG.strip()
        + "; Git info off (--enableGitInfo=false)"
    )
    layouts = copy / "layouts"
    notes.append("minimal layouts: " + ", ".join(LAYOUTS))
    for name, text in LAYOUTS.items():
        path = layouts / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    shortcodes = sorted((copy / "theme-shortcodes").glob("*.html"))
    if shortcodes:
        (layouts / "shortcodes").mkdir(parents=True, exist_ok=True)
        for shortcode in shortcodes:
            shutil.copy2(shortcode, layouts / "shortcodes" / shortcode.name)
        notes.append(
            "copied theme-shortcodes/ into layouts/shortcodes/: "
            + ", ".join(s.stem for s in shortcodes)
        )
    return notes


def hugo_version(hugo: str) -> str:
    try:
        done = subprocess.run(
            [hugo, "version"], capture_output=True, text=True, timeout=60
        )
    except OSError as error:
        return f"unknown ({error})"
    match = re.search(r"v(\d+\.\d+\.\d+)", done.stdout)
    return match[1] if match else done.stdout.strip() or "unknown"


def build_with_hugo(hugo: str, copy: Path, config: Path) -> Build:
    result = Build(notes=prepare_hugo_copy(copy, config))
    public = copy / "public"
    own = {p.stem for p in (copy / "theme-shortcodes").glob("*.html")}
    stubbed: list[str] = []
    configs = [str(copy.parent / "parity-extra.toml")]
    if config.is_file():
        configs.insert(0, str(config))
    command = [
        hugo,
        "--config",
        ",".join(configs),
        "--enableGitInfo=false",
        "--baseURL",
        f"{BASE_URL}/",
        "-d",
        str(public),
    ]
    while True:
        shutil.rmtree(public, ignore_errors=True)
        try:
            done = subprocess.run(
                command,
                cwd=copy,
                capture_output=True,
                text=True,
                timeout=HUGO_TIMEOUT,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            result.error = f"hugo did not run: {error}"
            return result
        if done.returncode == 0:
            break
        missing = MISSING_SHORTCODE.search(done.stdout + done.stderr)
        name = missing[1] if missing else None
        if name is None or name in own or name in stubbed or len(stubbed) > 20:
            result.error = f"hugo failed (exit {done.returncode})"
            result.problems = (done.stderr or done.stdout).strip().splitlines()
            return result
        # A built-in shortcode of a newer Hugo: render it as nothing.
        stub = copy / "layouts" / "shortcodes" / f"{name}.html"
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text("", "utf-8")
        stubbed.append(name)
    if stubbed:
        result.notes.append(
            "this Hugo lacks the built-in shortcode(s) "
            + ", ".join(stubbed)
            + "; each was given an empty template (what newer Hugo renders "
            "offline) so that Hugo could build"
        )
    read_output(public, result)
    _mark_varying(command, copy, public, result)
    return result


def _mark_varying(command: list[str], copy: Path, public: Path, result: Build) -> None:
    """Build again into another folder; a page whose body changes from one
    Hugo build to the next (Go 1.20 seeds ``shuffle`` and ``random`` anew
    each run) gets the lines that change marked, and the run says so."""
    again = public.with_name("public-again")
    command = [*command[:-1], str(again)]
    done = subprocess.run(
        command, cwd=copy, capture_output=True, text=True, timeout=HUGO_TIMEOUT
    )
    if done.returncode != 0:
        result.notes.append("a second Hugo build failed: no line marked as random")
        return
    second = Build()
    read_output(again, second)
    marked = []
    for path, page in result.pages.items():
        other = second.files.get(path)
        if other is None or other.body == page.body:
            continue
        if len(other.body) != len(page.body):
            result.notes.append(f"{path}: Hugo's body changes length between builds")
            continue
        lines = zip(page.body, other.body, strict=True)
        varying = frozenset(n for n, (a, b) in enumerate(lines) if a != b)
        result.files[path] = replace(page, varying=varying)
        marked.append(f"{path} ({len(varying)})")
    if marked:
        result.notes.append(
            "built twice: the body lines Hugo writes differently each build"
            " (shuffle, random) are not compared, on " + ", ".join(marked)
        )


# cameo ---------------------------------------------------------------------

SETTINGS = """\
from pelican.plugins.cameo import theme_path

THEME = theme_path()
PLUGINS = ["pelican.plugins.hugo_frontmatter", "pelican.plugins.cameo"]
PATH = {path!r}
SITEURL = {siteurl!r}
HUGO_FRONTMATTER = {options!r}
"""


def write_settings(folder: Path, root: Path, options: dict[str, object]) -> Path:
    """The settings of a migrated site: PATH is the Hugo site's root, where
    the plugin finds the content folders the config names."""
    settings = folder / "cameo_settings.py"
    settings.write_text(
        SETTINGS.format(path=str(root), siteurl=BASE_URL, options=options),
        "utf-8",
    )
    return settings


def run_cameo_child(settings: str, output: str) -> None:
    """In a child process: build, then print one JSON line with the outcome."""
    outcome: dict[str, object] = {"ok": False, "summary": None, "problems": []}
    try:
        from cameo_tools.build import build
        from cameo_tools.errors import BuildError

        try:
            result = build(settings, output)
            outcome.update(ok=True, files=result.files)
        except BuildError as error:
            outcome.update(summary=error.summary, problems=list(error.problems))
    except BaseException as error:  # a crash is a result too
        outcome.update(summary=f"{type(error).__name__}: {error}")
    print("PARITY-RESULT " + json.dumps(outcome), flush=True)


def cameo_attempt(folder: Path, settings: Path, output: Path) -> dict:
    shutil.rmtree(output, ignore_errors=True)
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--cameo-child",
        str(settings),
        str(output),
    ]
    try:
        done = subprocess.run(
            command,
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=CAMEO_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return {"ok": False, "summary": f"timed out after {CAMEO_TIMEOUT} s"}
    for line in reversed(done.stdout.splitlines()):
        if line.startswith("PARITY-RESULT "):
            return json.loads(line.removeprefix("PARITY-RESULT "))
    tail = (done.stderr or done.stdout).strip().splitlines()[-15:]
    return {
        "ok": False,
        "summary": f"the build process died (exit {done.returncode})",
        "problems": tail,
    }


def refused_options(outcome: dict) -> set[str]:
    """The HUGO_FRONTMATTER options a failed build says it does not know
    ("HUGO_FRONTMATTER has unknown option(s) a, b; ...")."""
    said = " ".join([outcome.get("summary") or "", *outcome.get("problems", [])])
    refused: set[str] = set()
    for names in UNKNOWN_OPTIONS.findall(said):
        refused.update(name.strip() for name in names.split(","))
    return refused


def _shown(path: Path, *bases: Path) -> str:
    """A path as the output shows it: from the first base it lies in."""
    for base in bases:
        if path.is_relative_to(base):
            return path.relative_to(base).as_posix()
    return str(path)


def copy_go_shortcodes(copy: Path) -> list[str]:
    """Put the site's Go shortcodes (theme-shortcodes/*.html) into the copy's
    layouts/shortcodes/, as Hugo's copy gets them; their names."""
    shortcodes = sorted((copy / "theme-shortcodes").glob("*.html"))
    if shortcodes:
        (copy / "layouts" / "shortcodes").mkdir(parents=True, exist_ok=True)
    for shortcode in shortcodes:
        shutil.copy2(shortcode, copy / "layouts" / "shortcodes" / shortcode.name)
    return [shortcode.stem for shortcode in shortcodes]


def build_with_cameo(
    folder: Path, content: Path, config: Path, site: Path, mode: str = DEFAULT_MODE
) -> Build:
    """Build with every option the plugin may know; an option it refuses is
    dropped (and said) and the build run again. ``mode``: the site's Go
    shortcodes as they are, or the Jinja ports of them."""
    result = Build()
    output = folder / "cameo-output"
    options: dict[str, object] = {"hugo_config": str(config), "hugo_urls": True}
    optional = ["hugo_config"]
    ports = site_shortcodes(site)
    if mode == GO_SHORTCODES:
        copied = copy_go_shortcodes(content.parent)
        result.notes.append(
            "Go shortcodes as they are, no Jinja port: "
            + (
                "copied theme-shortcodes/ into layouts/shortcodes/: "
                + ", ".join(copied)
                if copied
                else "the site has no theme-shortcodes/"
            )
        )
    elif own_shortcodes(site, content):
        if ports.is_dir():
            options["shortcodes"] = str(ports)
            optional.append("shortcodes")
        else:
            missing = _shown(ports, REPO)
            result.notes.append(
                f"the site has theme-shortcodes/ but {missing} does not exist:"
                " built without HUGO_FRONTMATTER's shortcodes option"
            )
    while True:
        settings = write_settings(folder, content.parent, options)
        outcome = cameo_attempt(folder, settings, output)
        refused = set() if outcome.get("ok") else refused_options(outcome)
        dropped = sorted(refused & set(options) & set(optional))
        if not dropped:
            break
        for name in dropped:
            del options[name]
            optional.remove(name)
            result.notes.append(
                f"the plugin refused HUGO_FRONTMATTER's {name} option;"
                f" built again without it"
            )
    for name in optional:
        shown = _shown(Path(str(options[name])), REPO, folder)
        accepted = "was accepted" if outcome.get("ok") else "was given"
        result.notes.append(f"HUGO_FRONTMATTER {name} = {shown!r} {accepted}")
    if outcome.get("ok"):
        read_output(output, result)
    else:
        # Paths inside the temporary folder, shown from that folder.
        def shorten(line: str) -> str:
            return line.replace(f"{folder}/", "")

        result.error = shorten(outcome.get("summary") or "the build failed")
        result.problems = [shorten(p) for p in outcome.get("problems") or []]
    return result


# comparison ----------------------------------------------------------------


def own_shortcodes(site: Path, content: Path | None = None) -> set[str]:
    """The site's own shortcodes: its theme-shortcodes/ (Go templates), and
    the inline ones its content defines (``{{< name.inline >}}``, Go
    templates too, which cameo renders only from a port)."""
    names = {p.stem for p in (site / "theme-shortcodes").glob("*.html")}
    content = content or site / "content"
    for file in content.rglob("*.md"):
        text = file.read_text("utf-8", errors="replace")
        names |= {
            m[1] for m in SHORTCODE_CALL.finditer(text) if m[1].endswith(".inline")
        }
    return names


def sources_with_shortcodes(content: Path, names: set[str]) -> dict[str, set[str]]:
    """Content files (relative posix paths) that call the site's own
    shortcodes, with the names they call."""
    found: dict[str, set[str]] = {}
    if not names:
        return found
    for file in sorted(content.rglob("*")):
        if not file.is_file() or file.suffix.lower() not in (
            ".md",
            ".markdown",
            ".html",
        ):
            continue
        text = file.read_text("utf-8", errors="replace")
        used = {m[1] for m in SHORTCODE_CALL.finditer(text)} & names
        if used:
            found[file.relative_to(content).as_posix()] = used
    return found


def cameo_site_name(pages: dict[str, HtmlFile]) -> str | None:
    """The site name cameo puts after " · " in <title>: the most common
    last segment, if at least two pages end with it."""
    endings = collections.Counter(
        f.title.rsplit(SEPARATOR, 1)[1]
        for f in pages.values()
        if f.title and SEPARATOR in f.title
    )
    if not endings:
        return None
    name, count = endings.most_common(1)[0]
    return name if count >= 2 else None


def cameo_title(file: HtmlFile, site_name: str | None) -> str | None:
    """The page's <h1> (cameo prints the page title, or a list page's
    heading, there and nowhere else); without one, <title> less its
    " · site name" ending."""
    if file.heading is not None:
        return file.heading
    title = file.title
    if title and site_name and title.endswith(SEPARATOR + site_name):
        title = title[: -len(SEPARATOR + site_name)]
    return title


@dataclass
class TitleComparison:
    compared: int = 0
    exact: list[str] = field(default_factory=list)
    untitled: list[str] = field(default_factory=list)  # untitled in both
    case_only: list[str] = field(default_factory=list)
    different: list[str] = field(default_factory=list)
    disagree: list[str] = field(default_factory=list)  # cameo's <h1>, <title>
    from_h1: int = 0
    site_name: str | None = None


def compare_titles(
    hugo_pages: dict[str, HtmlFile], cameo_pages: dict[str, HtmlFile], content: Path
) -> TitleComparison:
    """Titles of the pages both wrote. A page Hugo leaves untitled (an empty
    .Title) whose source file gives no title is untitled in both, whatever
    fallback cameo shows; every other difference is one."""
    result = TitleComparison(site_name=cameo_site_name(cameo_pages))
    # A 404 page's title is the layout's words on both sides, not content's.
    both = sorted(
        path
        for path in set(hugo_pages) & set(cameo_pages)
        if not (hugo_pages[path].kind or "").startswith("404")
    )
    result.compared = len(both)
    for path in both:
        page, theirs = cameo_pages[path], hugo_pages[path]
        ours = cameo_title(page, result.site_name)
        result.from_h1 += page.heading is not None
        fallback = cameo_title(replace(page, heading=None), result.site_name)
        if page.heading is not None and fallback != page.heading:
            result.disagree.append(
                f"{path}: <h1> {page.heading!r}, <title> {fallback!r}"
            )
        hugo_title = theirs.heading
        if ours == hugo_title:
            result.exact.append(path)
        elif (
            not hugo_title
            and theirs.source
            and has_title(content / theirs.source) is False
        ):
            result.untitled.append(
                f"{path} ({theirs.source} has no title):"
                f" cameo shows its fallback {ours!r}"
            )
        elif ours and hugo_title and ours.casefold() == hugo_title.casefold():
            result.case_only.append(f"{path}: Hugo {hugo_title!r}, cameo {ours!r}")
        else:
            result.different.append(f"{path}: Hugo {hugo_title!r}, cameo {ours!r}")
    return result


@dataclass
class BodyComparison:
    """One page's body on both sides."""

    path: str
    list_page: bool  # home, section, taxonomy or term: .Content of _index.md
    empty: bool  # no body on either side
    equal: bool  # the same normal_lines
    text_equal: bool  # the same visible_text
    hugo_calls: int  # shortcode openings in Hugo's visible text
    cameo_calls: int  # and in cameo's
    diff: list[str]  # the first difference, if any
    masked: int = 0  # lines left out of "equal": Hugo varies them itself

    @property
    def left_unrendered(self) -> int:
        """Shortcode openings cameo shows beyond Hugo's (Hugo shows an
        escaped example, {{</* x */>}}, as {{< x >}})."""
        return max(self.cameo_calls - self.hugo_calls, 0)


VARIES = "(a line Hugo writes differently each build)"


def compare_body(path: str, hugo: HtmlFile, cameo: HtmlFile) -> BodyComparison:
    """The two bodies compared; the lines Hugo changes from build to build
    (``HtmlFile.varying``) are left out when the rest is line for line."""
    equal = hugo.body == cameo.body
    masked, ours, theirs = 0, hugo.body, cameo.body
    if not equal and hugo.varying and len(hugo.body) == len(cameo.body):
        ours, theirs = (
            [VARIES if n in hugo.varying else line for n, line in enumerate(body)]
            for body in (hugo.body, cameo.body)
        )
        equal = ours == theirs
        masked = len(hugo.varying) if equal else 0
    return BodyComparison(
        path=path,
        list_page=(hugo.kind or "page").split()[0] != "page",
        empty=not hugo.body and not cameo.body,
        equal=equal,
        text_equal=hugo.text == cameo.text,
        hugo_calls=shortcode_calls(hugo.text),
        cameo_calls=shortcode_calls(cameo.text),
        diff=[] if equal else first_difference(ours, theirs),
        masked=masked,
    )


def body_rows(bodies: list[BodyComparison], with_codes: set[str]) -> list[list[str]]:
    groups = [
        ("all pages in both", bodies),
        ("  single pages", [b for b in bodies if not b.list_page]),
        ("  list pages (_index.md text)", [b for b in bodies if b.list_page]),
        (
            "  with the site's own shortcodes",
            [b for b in bodies if b.path in with_codes],
        ),
    ]
    rows = []
    for label, group in groups:
        full = [b for b in group if not b.empty]
        rows.append(
            [
                label,
                str(len(group)),
                str(len(group) - len(full)),
                str(len(full)),
                ratio(sum(b.equal for b in full), len(full)),
                ratio(sum(b.text_equal for b in full), len(full)),
                str(sum(b.left_unrendered > 0 for b in full)),
            ]
        )
    return rows


def body_sources(pages: list[HtmlFile]) -> str:
    """Which element was read as cameo's body, on how many pages."""
    found = collections.Counter(page.body_from for page in pages)
    parts = []
    for name, count in found.most_common():
        if name == BODY_CLASS:
            parts.append(f'class="{BODY_CLASS}" on {count}')
        elif name == "none":
            parts.append(f"no body element on {count}")
        else:
            parts.append(f"the theme's {name} (no {BODY_CLASS} yet) on {count}")
    several = sum(page.body_count > 1 for page in pages)
    if several:
        parts.append(f"more than one on {several} (the first was read)")
    return "; ".join(parts) or "no pages"


def shortcode_rows(
    names: set[str],
    using: dict[str, set[str]],
    hugo_pages: dict[str, HtmlFile],
    bodies: list[BodyComparison],
) -> list[list[str]]:
    """Per shortcode: the content files that call it, Hugo's pages made from
    them, those cameo wrote too, and how many of their bodies are equal
    (normalised) and equal in visible text."""
    compared = {body.path: body for body in bodies}
    rows = []
    for name in sorted(names):
        sources = {source for source, called in using.items() if name in called}
        pages = [p for p, f in hugo_pages.items() if f.source in sources]
        both = [compared[p] for p in pages if p in compared]
        rows.append(
            [
                name,
                str(len(sources)),
                str(len(pages)),
                ratio(len(both), len(pages)),
                ratio(sum(b.equal for b in both), len(both)),
                ratio(sum(b.text_equal for b in both), len(both)),
            ]
        )
    return rows


def page_verdict(
    path: str, cameo_pages: dict[str, HtmlFile], bodies: list[BodyComparison]
) -> str:
    """One page's outcome, in words."""
    if path not in cameo_pages:
        return "missing in cameo"
    body = next(b for b in bodies if b.path == path)
    if body.equal:
        return "equal"
    return "visible text equal, markup differs" if body.text_equal else "differs"


def goal_line(bodies: list[BodyComparison], cameo: Build) -> str:
    """Whether the site meets issue 23's goal: on every page both write the
    visible text is equal, and the bodies are equal once normalised on at
    least BODIES_GOAL of them."""
    if cameo.error:
        return "Issue 23's goal: not met (cameo's build failed)"
    texts = sum(b.text_equal for b in bodies)
    equal = sum(b.equal for b in bodies)
    share = equal / len(bodies) if bodies else 1.0
    met = texts == len(bodies) and share >= BODIES_GOAL
    full = [b for b in bodies if not b.empty]
    return (
        f"Issue 23's goal ({'met' if met else 'not met'}): visible text equal on"
        f" {texts} of {len(bodies)} pages both write (all needed); bodies equal"
        f" once normalised on {equal} ({100 * share:.1f} %; at least"
        f" {100 * BODIES_GOAL:.0f} % needed); of the {len(full)} with a body on"
        f" either side, {sum(b.equal for b in full)} equal"
    )


def ratio(part: int, whole: int) -> str:
    return f"{part} ({100 * part / whole:.0f}%)" if whole else str(part)


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |"]
    lines.append("| --- |" + " ---: |" * (len(header) - 1))
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def listing(label: str, items: list[str], limit: int) -> None:
    if not items or limit == 0:
        return
    shown = items if limit < 0 else items[:limit]
    print(f"\n{label} ({len(items)}):")
    for item in shown:
        print(f"  {item}")
    if len(shown) < len(items):
        print(f"  ... and {len(items) - len(shown)} more (--details -1 shows all)")


def report(site: Path, hugo: Build, cameo: Build, version: str, limit: int) -> None:
    print(f"\n## {site.name} ({site})\n")
    print(f"Hugo {version}:")
    for note in hugo.notes:
        print(f"  - {note}")
    if hugo.error:
        print(f"  HUGO FAILED: {hugo.error}")
        for line in hugo.problems[:20]:
            print(f"    {line}")
        print("  nothing to compare for this site")
        return
    print(
        f"  wrote {len(hugo.files)} HTML files: {len(hugo.pages)} pages,"
        f" {len(hugo.aliases)} alias redirects"
    )
    print("cameo:")
    for note in cameo.notes:
        print(f"  - {note}")
    if not cameo.error:
        print(
            f"  wrote {len(cameo.files)} HTML files: {len(cameo.pages)} pages,"
            f" {len(cameo.aliases)} alias redirects"
        )
    else:
        print(f"  BUILD FAILED: {cameo.error}")
        problems = cameo.problems if limit < 0 else cameo.problems[: max(limit, 0)]
        for line in problems:
            print("    " + textwrap.shorten(line, 220, placeholder=" ..."))
        if len(problems) < len(cameo.problems):
            print(f"    ... and {len(cameo.problems) - len(problems)} more")
        print("  (a failed build wrote nothing: every page counts as missing)")

    hugo_pages, cameo_pages = hugo.pages, cameo.pages
    names = own_shortcodes(site)
    using = sources_with_shortcodes(site / "content", names)
    with_codes = {p for p, f in hugo_pages.items() if f.source and f.source in using}
    groups = [
        ("all Hugo pages", set(hugo_pages)),
        ("  without the site's own shortcodes", set(hugo_pages) - with_codes),
        ("  with the site's own shortcodes", with_codes),
    ]
    extra = sorted(set(cameo_pages) - set(hugo_pages))
    rows = []
    for label, paths in groups:
        equal = paths & set(cameo_pages)
        rows.append(
            [
                label,
                str(len(paths)),
                ratio(len(equal), len(paths)),
                ratio(len(paths - equal), len(paths)),
                str(len(extra)) if label == "all Hugo pages" else "",
            ]
        )
    print(
        f"\nHTML pages (every .html Hugo wrote that is not an alias redirect;"
        f" taxonomy and language pages included). Site shortcodes:"
        f" {', '.join(sorted(names)) or 'none'}"
        f" (used by {len(using)} content files)\n"
    )
    print(
        table(
            ["pages", "Hugo", "equal", "missing in cameo", "extra in cameo"],
            rows,
        )
    )

    kinds: dict[str, set[str]] = collections.defaultdict(set)
    for path, file in hugo_pages.items():
        kinds[file.kind or "unknown"].add(path)
    print("\nThe same pages by Hugo's page kind and language\n")
    print(
        table(
            ["kind language", "Hugo", "equal", "missing in cameo"],
            [
                [
                    kind,
                    str(len(paths)),
                    ratio(len(paths & set(cameo_pages)), len(paths)),
                    ratio(len(paths - set(cameo_pages)), len(paths)),
                ]
                for kind, paths in sorted(kinds.items())
            ],
        )
    )

    hugo_aliases, cameo_aliases = hugo.aliases, cameo.aliases
    same = {p for p in hugo_aliases if cameo_aliases.get(p) == hugo_aliases[p]}
    wrong = {
        p
        for p in hugo_aliases
        if p in cameo_aliases and cameo_aliases[p] != hugo_aliases[p]
    }
    absent = set(hugo_aliases) - set(cameo_aliases)
    extra_aliases = set(cameo_aliases) - set(hugo_aliases)
    print("\nAlias redirects (a page whose head has a meta refresh), by target\n")
    print(
        table(
            [
                "aliases",
                "Hugo",
                "equal target",
                "other target",
                "missing in cameo",
                "extra in cameo",
            ],
            [
                [
                    "alias redirects",
                    str(len(hugo_aliases)),
                    ratio(len(same), len(hugo_aliases)),
                    str(len(wrong)),
                    ratio(len(absent), len(hugo_aliases)),
                    str(len(extra_aliases)),
                ]
            ],
        )
    )

    titles = compare_titles(hugo_pages, cameo_pages, site / "content")
    print(
        '\nTitles of the pages both wrote (Hugo: <h1 id="title">; cameo: its <h1>'
        f' on {titles.from_h1} pages, else <title> less its " · site name" ending'
        + (f", site name {titles.site_name!r}" if titles.site_name else "")
        + f"; cameo's <h1> and <title> disagree on {len(titles.disagree)})\n"
    )
    equal_titles = len(titles.exact) + len(titles.untitled)
    print(
        table(
            [
                "titles",
                "compared",
                "equal",
                "exactly equal",
                "untitled in both (cameo shows a fallback)",
                "differ in letter case only",
                "differ",
            ],
            [
                [
                    "pages in both",
                    str(titles.compared),
                    ratio(equal_titles, titles.compared),
                    str(len(titles.exact)),
                    str(len(titles.untitled)),
                    str(len(titles.case_only)),
                    str(len(titles.different)),
                ]
            ],
        )
    )
    print(
        f"\ntitles equal = exactly equal + untitled in both:"
        f" {len(titles.exact)} + {len(titles.untitled)} = {equal_titles}"
        f" of {titles.compared}"
    )

    both = sorted(set(hugo_pages) & set(cameo_pages))
    bodies = [compare_body(p, hugo_pages[p], cameo_pages[p]) for p in both]
    print(
        '\nBodies of the pages both wrote (Hugo: .Content, in <div class="e-content">;'
        f" cameo: {body_sources([cameo_pages[p] for p in both])}). A list page's"
        " body is its _index.md's text. Equal: the same after normalising"
        " (docs/hugo-parity.md); visible text: the same words and spaces\n"
    )
    print(
        table(
            [
                "bodies",
                "pages",
                "no body on either side",
                "with a body",
                "bodies equal",
                "visible text equal",
                "shortcodes left unrendered",
            ],
            body_rows(bodies, with_codes),
        )
    )

    print(
        "\nThe site's own shortcodes, each with the Hugo pages whose source"
        " calls it (a page calling several counts under each)\n"
    )
    print(
        table(
            [
                "shortcode",
                "content files",
                "Hugo pages",
                "in both",
                "bodies equal",
                "visible text equal",
            ],
            shortcode_rows(names, using, hugo_pages, bodies),
        )
    )
    print("\n" + goal_line(bodies, cameo))
    listing(
        "Pages that call the site's own shortcodes (Hugo page: source: shortcodes:"
        " body)",
        [
            f"{path}: {hugo_pages[path].source}: "
            + ", ".join(sorted(using[hugo_pages[path].source]))
            + ": "
            + page_verdict(path, cameo_pages, bodies)
            for path in sorted(with_codes)
        ],
        limit,
    )

    missing = [
        p + ("  [site shortcodes]" if p in with_codes else "")
        for p in sorted(set(hugo_pages) - set(cameo_pages))
    ]
    if not cameo.error:
        listing("Pages missing in cameo", missing, limit)
    listing("Pages extra in cameo", extra, limit)
    listing(
        "Aliases with another target",
        [
            f"{p}: Hugo -> {hugo_aliases[p]}, cameo -> {cameo_aliases[p]}"
            for p in sorted(wrong)
        ],
        limit,
    )
    if not cameo.error:
        listing(
            "Aliases missing in cameo",
            [
                f"{p} -> {hugo_aliases[p]}"
                + ("  (cameo wrote a page there)" if p in cameo_pages else "")
                for p in sorted(absent)
            ],
            limit,
        )
    listing(
        "Aliases extra in cameo",
        [f"{p} -> {cameo_aliases[p]}" for p in sorted(extra_aliases)],
        limit,
    )
    listing(
        "Titles untitled in both (cameo shows its fallback)", titles.untitled, limit
    )
    listing("Titles that differ in letter case only", titles.case_only, limit)
    listing("Titles that differ", titles.different, limit)
    listing("cameo pages whose <h1> and <title> disagree", titles.disagree, limit)
    listing(
        "Shortcode calls left unrendered ({{< or {{% in cameo's visible text,"
        " beyond Hugo's)",
        [
            f"{b.path}: {b.left_unrendered}"
            f" (cameo's text shows {b.cameo_calls}, Hugo's {b.hugo_calls})"
            for b in bodies
            if b.left_unrendered
        ],
        limit,
    )
    listing(
        "Bodies equal but for lines Hugo itself writes differently each build",
        [f"{b.path}: {b.masked} line(s)" for b in bodies if b.masked],
        limit,
    )
    listing(
        "Bodies that differ (the first difference: - Hugo, + cameo)",
        [
            b.path
            + ("  [list page]" if b.list_page else "")
            + ("  [site shortcodes]" if b.path in with_codes else "")
            + ("  [visible text equal]" if b.text_equal else "")
            + "".join(f"\n      {line}" for line in b.diff)
            for b in bodies
            if not b.empty and not b.equal
        ],
        limit,
    )


def measure(
    site: Path,
    hugo_command: str,
    version: str,
    keep: bool,
    limit: int,
    mode: str = DEFAULT_MODE,
) -> None:
    config = find_config(site)
    if config is None or not (site / "content").is_dir():
        print(
            f"\n## {site.name} ({site})\n\nnot a Hugo site: no content/, or "
            f"none of {' / '.join(CONFIG_NAMES)} and no {CONFIG_FOLDER}/; skipped"
        )
        return
    named = config.relative_to(site)
    folder = Path(tempfile.mkdtemp(prefix=f"hugo-parity-{site.name}-"))
    try:
        hugo_copy = folder / "hugo-site"
        shutil.copytree(site, hugo_copy, symlinks=True)
        hugo = build_with_hugo(hugo_command, hugo_copy, hugo_copy / named)
        # cameo gets its own untouched copy (the Hugo copy's config was edited).
        cameo_copy = folder / "cameo-site"
        shutil.copytree(site, cameo_copy, symlinks=True)
        cameo = build_with_cameo(
            folder, cameo_copy / "content", cameo_copy / named, site, mode
        )
        report(site, hugo, cameo, version, limit)
        if keep:
            print(f"\n(kept the builds in {folder})")
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--cameo-child":
        run_cameo_child(sys.argv[2], sys.argv[3])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", nargs="+", type=Path, metavar="HUGO_SITE_DIR")
    parser.add_argument("--hugo", default="hugo", help="the hugo command (oracle)")
    parser.add_argument(
        "--details",
        type=int,
        default=25,
        metavar="N",
        help="list at most N paths per difference (-1: all; 0: none)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary builds")
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument(
        "--go-shortcodes",
        dest="mode",
        action="store_const",
        const=GO_SHORTCODES,
        help="cameo runs the site's Go shortcodes as they are"
        + (" (the default)" if DEFAULT_MODE == GO_SHORTCODES else ""),
    )
    modes.add_argument(
        "--jinja-ports",
        dest="mode",
        action="store_const",
        const=JINJA_PORTS,
        help="cameo runs the Jinja ports in benchmarks/fixtures/shortcodes-SITE/"
        + (" (the default)" if DEFAULT_MODE == JINJA_PORTS else ""),
    )
    parser.set_defaults(mode=DEFAULT_MODE)
    options = parser.parse_args()
    hugo_command = shutil.which(options.hugo)
    if hugo_command is None:
        parser.error(f"{options.hugo} not found (apt-get install -y hugo)")
    version = hugo_version(hugo_command)
    shortcodes = (
        "the sites' Go shortcodes as they are"
        if options.mode == GO_SHORTCODES
        else "Jinja ports of the sites' shortcodes"
    )
    print(
        f"# Hugo parity: Hugo {version} against cameo, base URL {BASE_URL}/,"
        f" cameo with {shortcodes} (--{options.mode})"
    )
    for site in options.sites:
        measure(
            site.resolve(),
            hugo_command,
            version,
            options.keep,
            options.details,
            options.mode,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
