"""Hugo's built-in shortcodes in Python, with Hugo 0.111's output as reference.

Embeds load nothing from another host until a visitor asks: YouTube and Vimeo
are privacy-enhanced iframes with ``loading="lazy"``; posts on X, Instagram
and gists are plain links, without the script Hugo adds. ``details`` is
newer Hugo's (0.140); ``publications`` is cameo's own (a BibTeX file's
list, from ``cameo_shared``). Every value put into HTML is escaped, and a URL from
a parameter passes ``urls.safe_url`` as in Hugo's templates.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from pygments import highlight as pygments_highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import TextLexer, get_lexer_by_name
from pygments.util import ClassNotFound

from cameo_shared import bibtex
from cameo_shared.publications import publications_html as shown_publications

from ..content.params import param_text
from ..content.urls import safe_url
from ..markdown.line_ranges import hugo_line_ranges, lines_in
from .calls import PageInfo, ShortcodeCall, lookup

YOUTUBE_HOST = "www.youtube-nocookie.com"
VIMEO_HOST = "player.vimeo.com"
# The box that keeps a 16:9 embed's shape when the shortcode has no class.
_BOX_STYLE = "position: relative; padding-bottom: 56.25%; height: 0; overflow: hidden;"
_FRAME_STYLE = (
    "position: absolute; top: 0; left: 0; width: 100%; height: 100%; border:0;"
)


@dataclass
class BuiltinContext:
    """What a built-in gets: its call, the page, and the engine's services."""

    call: ShortcodeCall
    page: PageInfo
    site: Mapping[str, Any]
    markdownify: Callable[..., str]
    ref: Callable[[Any, bool], str]
    hosts: set[str]
    error: Callable[[str], Exception]

    def get(self, name: str, index: int | None = None) -> Any:
        """A named parameter, else the positional one at ``index``."""
        value = self.call.get(name)
        if value is None and index is not None:
            value = self.call.get(index)
        return value

    def text(self, name: str, index: int | None = None) -> str:
        return param_text(self.get(name, index))


@dataclass(frozen=True)
class Builtin:
    render: Callable[[BuiltinContext], str]
    inner: bool = False


def _e(value: Any) -> str:
    return html.escape(param_text(value), quote=True)


def _url(value: Any) -> str:
    """A URL attribute's value as Hugo's templates print it: ``javascript:``
    and kin are ``#ZgotmplZ`` (``urls.safe_url``), then escaped."""
    return _e(safe_url(param_text(value)))


def _truthy(value: Any) -> bool:
    return value in (True, 1, "true", "1")


def _plain(markup: str) -> str:
    """Markup as text, for an alt attribute (Hugo's plainify)."""
    return html.unescape(re.sub(r"<[^>]*>", "", markup))


def figure(ctx: BuiltinContext) -> str:
    get = ctx.text
    caption = ctx.markdownify(get("caption")) if get("caption") else ""
    out = [f'<figure class="{_e(get("class"))}">' if get("class") else "<figure>"]
    if get("link"):
        out.append(f'<a href="{_url(get("link"))}"')
        if get("target"):
            out.append(f' target="{_e(get("target"))}"')
        if get("rel"):
            out.append(f' rel="{_e(get("rel"))}"')
        out.append(">")
    out.append(f'<img src="{_url(get("src"))}"')
    if get("alt") or get("caption"):
        alt = get("alt") or _plain(caption)
        out.append(f'\n         alt="{_e(alt)}"')
    if get("width"):
        out.append(f' width="{_e(get("width"))}"')
    if get("height"):
        out.append(f' height="{_e(get("height"))}"')
    out.append("/>")
    if get("link"):
        out.append("</a>")
    if get("title") or get("caption") or get("attr"):
        out.append("<figcaption>\n")
        if get("title"):
            out.append(f"            <h4>{_e(get('title'))}</h4>")
        if get("caption") or get("attr"):
            out.append(f"<p>{caption}")
            if get("attrlink"):
                out.append(f'\n                    <a href="{_url(get("attrlink"))}">')
            if get("attr"):
                out.append(ctx.markdownify(get("attr")))
            if get("attrlink"):
                out.append("</a>")
            out.append("</p>")
        out.append("\n        </figcaption>")
    out.append("\n</figure>\n")
    return "".join(out)


def _highlight_options(text: str) -> dict[str, str] | None:
    """``linenos=table,hl_lines=2 4-5,linenostart=5`` read as Hugo reads a
    highlight's options: pairs apart by commas, keys in any case. None for
    a piece that is not one ``key=value`` (Hugo then writes nothing)."""
    text = text.strip(" ")
    options: dict[str, str] = {}
    if not text:
        return options
    for part in text.split(","):
        key_value = part.split("=")
        if len(key_value) != 2:
            return None
        options[key_value[0].strip(" ").lower()] = key_value[1]
    return options


def highlight(ctx: BuiltinContext) -> str:
    lang = ctx.text("lang", 0).strip()
    given = ctx.text("options", 1)
    options = _highlight_options(given)
    if options is None:
        raise ctx.error(
            f'highlight: cannot read the options "{given}"; write key=value '
            'pairs apart by commas, such as "linenos=table,hl_lines=2 4-5"'
        )
    code = str(ctx.call.inner).strip("\n")
    try:
        lexer = get_lexer_by_name(lang) if lang else TextLexer()
    except ClassNotFound:
        lexer = TextLexer()
    try:
        start = int(options.get("linenostart", "1"))
    except ValueError:
        raise ctx.error(
            f'highlight: linenostart must be a number, not "{options["linenostart"]}"'
        ) from None
    # Hugo: any linenos but "false" numbers the lines, in a table unless "inline".
    linenos = options.get("linenos", "false")
    numbers: str | bool = False
    if linenos != "false":
        numbers = "inline" if linenos == "inline" else "table"
    # Counted from the snippet's first line, whatever linenostart says; only
    # the lines the snippet has (a range of millions costs nothing).
    ranges = hugo_line_ranges(options.get("hl_lines", "")) or ()
    formatter = HtmlFormatter(
        cssclass="highlight",
        linenos=numbers,
        linenostart=start if numbers else 1,
        hl_lines=lines_in(ranges, code.count("\n") + 1),
        wrapcode=True,
    )
    out = pygments_highlight(code, lexer, formatter)
    if lang:
        label = _e(lang)
        out = out.replace(
            "<code>", f'<code class="language-{label}" data-lang="{label}">'
        )
    return out


def ref(ctx: BuiltinContext) -> str:
    return _e(ctx.ref(ctx.call.params, True))


def relref(ctx: BuiltinContext) -> str:
    return _e(ctx.ref(ctx.call.params, False))


def param(ctx: BuiltinContext) -> str:
    name = ctx.text("name", 0)
    if not name:
        raise ctx.error('param: name the parameter, as {{< param "name" >}}')
    value = ctx.page.param(name)
    if value is None:
        value = lookup(ctx.site.get("params", {}) or {}, name)
    if value is None:
        raise ctx.error(
            f'param "{name}" is not set in the page\'s front matter nor in the '
            "site's params; set it, or remove the shortcode"
        )
    if isinstance(value, (list, tuple)):
        value = "[" + " ".join(param_text(v) for v in value) + "]"
    return _e(value)


def details(ctx: BuiltinContext) -> str:
    summary = ctx.text("summary") or "Details"
    attributes = ""
    if ctx.get("class"):
        attributes += f' class="{_e(ctx.get("class"))}"'
    if ctx.get("name"):
        attributes += f' name="{_e(ctx.get("name"))}"'
    if _truthy(ctx.get("open")):
        attributes += " open"
    if ctx.get("title"):
        attributes += f' title="{_e(ctx.get("title"))}"'
    body = ctx.markdownify(str(ctx.call.inner), "block")
    return (
        f"<details{attributes}>\n  <summary>{ctx.markdownify(summary)}</summary>\n"
        f"  {body.strip()}\n</details>\n"
    )


def youtube(ctx: BuiltinContext) -> str:
    video = ctx.text("id", 0)
    if not video:
        raise ctx.error('youtube: give the video\'s id, as {{< youtube "ID" >}}')
    klass = ctx.text("class", 1)
    title = ctx.text("title") or "YouTube Video"
    query = []
    if _truthy(ctx.get("autoplay")):
        query.append("autoplay=1")
    for key in ("start", "end"):
        if ctx.get(key) is not None:
            query.append(f"{key}={quote(ctx.text(key), safe='')}")
    src = f"https://{YOUTUBE_HOST}/embed/{quote(video, safe='')}"
    if query:
        src += "?" + "&".join(query)
    ctx.hosts.add(YOUTUBE_HOST)
    return _frame(klass, src, title, "allowfullscreen")


def vimeo(ctx: BuiltinContext) -> str:
    video = ctx.text("id", 0)
    if not video:
        raise ctx.error('vimeo: give the video\'s id, as {{< vimeo "ID" >}}')
    if ctx.call.is_named_params:
        klass, title = ctx.text("class"), ctx.text("title")
    else:
        klass, title = ctx.text("", 1), ctx.text("", 2)
    src = f"https://{VIMEO_HOST}/video/{quote(video, safe='')}?dnt=1"
    ctx.hosts.add(VIMEO_HOST)
    return _frame(
        klass,
        src,
        title or "vimeo video",
        "webkitallowfullscreen mozallowfullscreen allowfullscreen",
    )


def vimeo_simple(ctx: BuiltinContext) -> str:
    """Hugo's simple Vimeo: a link to the video in place of the player, so
    nothing loads from Vimeo until the reader follows it (Hugo shows the
    video's thumbnail, fetched from Vimeo at build time; no fetch here)."""
    video = ctx.text("id", 0)
    if not video:
        raise ctx.error(
            'vimeo_simple: give the video\'s id, as {{< vimeo_simple "ID" >}}'
        )
    return _link_card("vimeo-video", f"https://vimeo.com/{quote(video, safe='')}")


def _frame(klass: str, src: str, title: str, allow: str) -> str:
    if klass:
        box, style = f'class="{_e(klass)}"', ""
    else:
        box, style = f'style="{_BOX_STYLE}"', f'style="{_FRAME_STYLE}" '
    title_attribute = f'title="{_e(title)}"'
    return (
        f"\n<div {box}>\n"
        f'  <iframe src="{_e(src)}" {style}{allow} {title_attribute}'
        ' loading="lazy"></iframe>\n</div>\n'
    )


def _link_card(klass: str, url: str) -> str:
    label = url.removeprefix("https://")
    return (
        f'<blockquote class="{klass}"><p><a href="{_e(url)}">{_e(label)}</a>'
        "</p></blockquote>\n"
    )


def post_on_x(ctx: BuiltinContext) -> str:
    post = ctx.text("id", 0)
    user = ctx.text("user")
    if not post:
        raise ctx.error(
            f'{ctx.call.name}: give the post, as {{{{< {ctx.call.name} user="NAME" '
            'id="ID" >}}'
        )
    who = quote(user, safe="") if user else "i"
    return _link_card("x-post", f"https://x.com/{who}/status/{quote(post, safe='')}")


def instagram(ctx: BuiltinContext) -> str:
    post = ctx.text("id", 0)
    if not post:
        raise ctx.error('instagram: give the post\'s id, as {{< instagram "ID" >}}')
    return _link_card(
        "instagram-post", f"https://www.instagram.com/p/{quote(post, safe='')}/"
    )


def publications(ctx: BuiltinContext) -> str:
    """A BibTeX file's publications (a path in the content folder), as the
    profile shows CAMEO_PUBLICATIONS: years as headings of ``level`` (2)."""
    name = ctx.text("file", 0)
    if not name:
        raise ctx.error(
            'publications: name the BibTeX file, as {{< publications "papers.bib" >}}'
            " (a path in the content folder)"
        )
    level = ctx.text("level") or "2"
    if level not in ("2", "3", "4", "5", "6"):
        raise ctx.error(f"publications: level {level!r} is not 2 to 6; give one")
    try:
        path = bibtex.locate(str(ctx.site.get("content_folder") or "."), name)
        entries = bibtex.read_bibliography(path)
    except (LookupError, bibtex.BibliographyError) as error:
        raise ctx.error(f"publications: {error}") from None
    owner = str(ctx.site.get("author") or "")
    return shown_publications(entries, owner, int(level))


def gist(ctx: BuiltinContext) -> str:
    user, gist_id = ctx.text("user", 0), ctx.text("id", 1)
    if not (user and gist_id):
        raise ctx.error("gist: give the user and the id, as {{< gist USER ID >}}")
    url = f"https://gist.github.com/{quote(user, safe='')}/{quote(gist_id, safe='')}"
    file_name = ctx.text("file", 2)
    if file_name:
        url += "#file-" + quote(re.sub(r"[^\w-]", "-", file_name.lower()), safe="")
    return _link_card("gist", url)


BUILTINS: dict[str, Builtin] = {
    "figure": Builtin(figure),
    "highlight": Builtin(highlight, inner=True),
    "ref": Builtin(ref),
    "relref": Builtin(relref),
    "param": Builtin(param),
    "details": Builtin(details, inner=True),
    "youtube": Builtin(youtube),
    "vimeo": Builtin(vimeo),
    "x": Builtin(post_on_x),
    "tweet": Builtin(post_on_x),
    "twitter": Builtin(post_on_x),
    "instagram": Builtin(instagram),
    "gist": Builtin(gist),
    # Not Hugo's: a BibTeX file's publications (docs/theme.md, "Publications").
    "publications": Builtin(publications),
    # Hugo 0.111's "simple" forms (no script either way): the same here.
    "twitter_simple": Builtin(post_on_x),
    "vimeo_simple": Builtin(vimeo_simple),
    "instagram_simple": Builtin(instagram),
}
