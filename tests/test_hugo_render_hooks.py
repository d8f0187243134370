"""A site's Markdown render hooks run as they are (issue 23): the site's or
its theme's ``layouts/_default/_markup/render-{link,image,heading,
codeblock,codeblock-LANG}.html`` (and ``layouts/<section>/_markup/``, with
language variants), on the ``gotemplate`` engine with Hugo 0.111's dots.
Each site is built by Hugo and by cameo and the pages' bodies (Hugo's
``.Content``) compared byte for byte. A hook that fails names the page's
file:line and the hook's file:line:col, on one line."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cameo_tools.errors import BuildError

from .conftest import build_site, examples, migrated_settings, write_tree
from .test_go_shortcodes import _content  # the theme's body, byte for byte

CONFIG = """\
baseURL = "https://example.org/"
title = "Render hooks"
theme = "t"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
"""
LAYOUTS = {
    "layouts/_default/single.html": "{{ .Content }}",
    "layouts/_default/list.html": "{{ .Content }}",
    "layouts/index.html": "{{ .Content }}",
    "themes/t/theme.toml": 'name = "t"\n',
}
# Hooks that print every field of their dot (the theme's heading hook: a
# site without its own uses the theme's).
HOOKS = {
    "layouts/_default/_markup/render-link.html": (
        '<a href="{{ .Destination | safeURL }}"'
        '{{ with .Title }} title="{{ . }}"{{ end }}'
        ' data-plain="{{ .PlainText }}" data-page="{{ .Page.Title }}">'
        "{{ .Text | safeHTML }}</a>"
    ),
    "layouts/_default/_markup/render-image.html": (
        '<img src="{{ .Destination | safeURL }}" alt="{{ .PlainText }}"'
        ' title="{{ .Title }}" data-text="{{ .Text }}" data-n="{{ .Ordinal }}"'
        ' data-block="{{ .IsBlock }}" data-attrs="{{ .Attributes }}">'
    ),
    "themes/t/layouts/_default/_markup/render-heading.html": (
        '<h{{ .Level }} id="{{ .Anchor }}" data-level="{{ .Level }}"'
        ' data-plain="{{ .PlainText }}"'
        ' data-attrs="{{ .Attributes }}">{{ .Text | safeHTML }}'
        ' <a href="#{{ .Anchor }}">#</a></h{{ .Level }}>\n'
    ),
    "layouts/_default/_markup/render-codeblock.html": (
        '<pre class="any" data-type="{{ .Type }}" data-options="{{ .Options }}"'
        ' data-attrs="{{ .Attributes }}" data-n="{{ .Ordinal }}"'
        ' data-line="{{ .Position.LineNumber }}:{{ .Position.ColumnNumber }}"'
        ' data-file="{{ .Position.Filename }}">{{ .Inner }}</pre>'
    ),
    "layouts/_default/_markup/render-codeblock-go.html": (
        '<pre class="go" data-linenos="{{ .Options.linenos }}">{{ .Inner }}</pre>\n'
    ),
    "layouts/blog/_markup/render-link.html": (
        '<a class="blog" href="{{ .Destination }}">{{ .PlainText }}</a>'
    ),
}
PAGES = {
    "content/posts/links.md": """\
        ---
        title: Links & more
        ---
        See [a *b* `c`](/x/?a=1&b=2 "T & t"), [ref][r], <https://auto.example/>
        and https://bare.example/ but not <a href="/raw">raw</a>.

        [r]: /ref "RT"
        """,
    "content/posts/images.md": """\
        ---
        title: Images
        ---
        Inline ![alt *x*](/img.png "it") and ![two](/b.png).

        ![alone](/c.png)

        [![in a link](/d.png)](/e/)
        """,
    "content/posts/headings.md": """\
        ---
        title: Headings
        ---
        ## Head *x* {#myid .cls data-x=1}

        ## Auto head

        ### Auto head

        > # Quoted
        """,
    "content/posts/code.md": """\
        ---
        title: Code
        ---
        ```go {linenos=true, hl_lines=[1, "3-4"], foo="bar" .k}
        fmt.Println(1)
        x := 2
        ```

        ```
        plain <b>
        ```

        - item

          ```python {linenostart=5}
          print(1)
          ```

            indented code has no hook
        """,
    "content/blog/post.md": """\
        ---
        title: In the blog
        ---
        A [blog link](/b/ "t") and ![img](/i.png).
        """,
}
HEADINGS = {f"h{level}" for level in range(1, 7)}


def _hugo_bodies(hugo: str, root: Path, files: dict[str, str]) -> dict[str, str]:
    write_tree(root, {"hugo.toml": CONFIG, **LAYOUTS, **files})
    subprocess.run(
        [hugo, "--quiet", "-s", str(root), "-d", str(root / "public")],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return _bodies(root / "public", files, lambda html: html)


def _cameo_bodies(
    root: Path, files: dict[str, str], config: str = CONFIG, **overrides
) -> dict[str, str]:
    write_tree(
        root,
        {
            "hugo.toml": config,
            "cameoconf.py": migrated_settings("."),
            "themes/t/theme.toml": 'name = "t"\n',
            **files,
        },
    )
    build_site(root, root / "out", root / "cameoconf.py", **overrides)
    return _bodies(root / "out", files, _content)


def _normal(html: str) -> str:
    """A body as a tree, for what the theme's writer re-serialises (its
    ``rel="noopener"`` on links to another host, a ``tabindex`` on
    ``<pre>``, its headings a level down): attributes sorted, a heading
    as ``<h>``, the rest as written."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        if tag.name in HEADINGS:
            tag.name = "h"
        tag.attrs.pop("tabindex", None)
        if tag.get("rel") == ["noopener"]:
            del tag["rel"]
        tag.attrs = dict(sorted(tag.attrs.items()))
    return str(soup)


def _bodies(output: Path, files: dict[str, str], body) -> dict[str, str]:
    """Each page's body, the site's own folder written as ROOT."""
    pages = {}
    for name in files:
        if not name.startswith("content/"):
            continue
        path = Path(name)
        folder = path.parent.relative_to("content")
        text = body((output / folder / path.stem / "index.html").read_text("utf-8"))
        pages[name] = _normal(text.replace(str(output.parent), "ROOT").strip())
    return pages


@pytest.mark.hugo
def test_render_hooks_render_as_in_hugo(hugo, tmp_path):
    files = {**HOOKS, **PAGES}
    theirs = _hugo_bodies(hugo, tmp_path / "hugo", files)
    ours = _cameo_bodies(tmp_path / "cameo", files)
    assert ours == theirs
    # What the comparison rests on (Hugo's own answers):
    links = ours["content/posts/links.md"]
    assert (
        '<a data-page="Links &amp; more" data-plain="a b c" href="/x/?a=1&amp;b=2"'
        ' title="T &amp; t">a <em>b</em> <code>c</code></a>'
    ) in links
    assert 'data-plain="https://auto.example/" href="https://auto.example/"' in links
    assert "<!-- raw HTML omitted -->raw" in links
    assert (
        'data-n="0" data-text="alt &lt;em&gt;x&lt;/em&gt;"'
        in (ours["content/posts/images.md"])
    )
    assert (
        'data-attrs="map[class:cls data-x:1 id:myid]"'
        in (ours["content/posts/headings.md"])
    )
    code = ours["content/posts/code.md"]
    assert '<pre class="go" data-linenos="true">fmt.Println(1)\nx := 2</pre>' in code
    assert 'data-file="ROOT/content/posts/code.md" data-line="15:3"' in code
    assert '<a class="blog" href="/b/">blog link</a>' in (ours["content/blog/post.md"])


# The hook's place in Hugo's message: file:line:col where it fails to run;
# where it does not parse, Go gives the line alone (Hugo adds ":1" to it).
_GO_PLACE = re.compile(r"layouts/_default/_markup/render-link\.html:\d+:\d+")


@pytest.mark.hugo
@pytest.mark.parametrize(
    ("template", "kind"),
    [
        ('<a href="{{ .Destination }}">{{ .Nope }}</a>', "execute of template failed"),
        ('<a href="{{ .Destination }">x</a>', "parse failed"),
    ],
)
def test_a_failing_hook_is_named_with_the_page_on_one_line(
    hugo, tmp_path, template, kind
):
    files = {
        "layouts/_default/_markup/render-link.html": template,
        "content/posts/p.md": "---\ntitle: P\n---\nText.\n\nA [link](/x/) here.\n",
    }
    write_tree(tmp_path / "hugo", {"hugo.toml": CONFIG, **LAYOUTS, **files})
    done = subprocess.run(
        [hugo, "--quiet", "-s", str(tmp_path / "hugo"), "-d", "public"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert kind in done.stderr
    with pytest.raises(BuildError) as raised:
        _cameo_bodies(tmp_path / "cameo", files)
    message = next(m for m in raised.value.problems if "p.md" in m)
    assert "\n" not in message and "Traceback" not in message
    # The link's own line (Hugo names the page's 1:1), the hook's place as
    # Hugo gives it, and what kind of failure.
    assert "content/posts/p.md:6: " in message
    assert 'render hook "render-link.html"' in message
    assert kind in message
    if kind == "parse failed":
        assert "layouts/_default/_markup/render-link.html:1:1" in done.stderr
        assert "layouts/_default/_markup/render-link.html:1: parse failed" in message
    else:
        for place in _GO_PLACE.finditer(done.stderr):
            assert place.group(0) in message, (done.stderr, message)


# Markdown drawn from what the hooks take: links (titles, inline markup, an
# image inside), autolinks, images inline and alone, headings with and
# without attributes, fences with a language, options or none.
_WORD = st.sampled_from(["alpha", "Beta", "x1", "R&D", "über"])
_DEST = st.sampled_from(
    ["/a/", "https://ex.example/x?y=1&z=2", "rel/path", "#frag", "/é", "/a%20b"]
)
_TITLE = st.sampled_from(["", ' "T"', ' "Q & A"', " 'it''s'"])


@st.composite
def _inline(draw, in_link: bool = False) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(
            st.sampled_from(
                ["word", "em", "code", "image"]
                if in_link
                else ["word", "em", "code", "image", "link", "auto"]
            )
        )
        word = draw(_WORD)
        if kind == "word":
            parts.append(word)
        elif kind == "em":
            parts.append(draw(st.sampled_from(["*{}*", "**{}**"])).format(word))
        elif kind == "code":
            parts.append(f"`{word}`")
        elif kind == "image":
            parts.append(f"![{word}]({draw(_DEST)}{draw(_TITLE)})")
        elif kind == "link":
            parts.append(f"[{draw(_inline(True))}]({draw(_DEST)}{draw(_TITLE)})")
        else:
            parts.append("<https://auto.example/p>")
    return " ".join(parts)


@st.composite
def _block(draw) -> str:
    kind = draw(
        st.sampled_from(["paragraph", "image", "heading", "fence", "list", "quote"])
    )
    if kind == "paragraph":
        return draw(_inline())
    if kind == "list":  # tight, or loose with a block in an item
        items = draw(st.lists(_inline(), min_size=1, max_size=3))
        gap = draw(st.sampled_from(["\n", "\n\n"]))
        return gap.join(f"- {item}" for item in items)
    if kind == "quote":
        return "> " + draw(st.sampled_from(["# ", "", "- "])) + draw(_inline())
    if kind == "image":
        return f"![{draw(_WORD)}]({draw(_DEST)})"
    if kind == "heading":
        attrs = draw(st.sampled_from(["", " {#own .cls}", " {.a .b data-x=1}"]))
        return f"{'#' * draw(st.integers(1, 3))} {draw(_inline())}{attrs}"
    language = draw(st.sampled_from(["", "go", "python", "text"]))
    options = draw(
        st.sampled_from(["", " {linenos=true}", ' {hl_lines=[1, "2-3"] .k}'])
    )
    # Hugo places a block where its code first occurs in the file: blocks
    # with the same code, or none, are placed alike.
    lines = draw(
        st.lists(st.sampled_from(["x := 1", "<b>&amp;</b>", "  two", ""]), max_size=3)
    )
    info = f"{language}{options}" if language else ""
    return "```" + info + "\n" + "".join(f"{line}\n" for line in lines) + "```"


_HOOKS_DRAWN = {
    name: text for name, text in HOOKS.items() if not name.startswith("layouts/blog")
}


@pytest.mark.hugo
@settings(
    max_examples=examples(12),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(st.lists(_block(), min_size=1, max_size=5), min_size=1, max_size=4))
def test_drawn_markdown_goes_through_the_hooks_as_in_hugo(
    tmp_path_factory, hugo, pages
):
    root = tmp_path_factory.mktemp("drawn")
    files = dict(_HOOKS_DRAWN)
    for number, blocks in enumerate(pages):
        body = "\n\n".join(blocks)
        files[f"content/posts/p{number}.md"] = f"---\ntitle: P{number}\n---\n{body}\n"
    theirs = _hugo_bodies(hugo, root / "hugo", files)
    ours = _cameo_bodies(root / "cameo", files)
    assert ours == theirs


@pytest.mark.hugo
def test_the_hook_hugo_picks_is_the_one_run(hugo, tmp_path):
    # The theme's language variant over the site's plain one; a section's
    # own hook over _default's; a code block's language over the generic.
    files = {
        "layouts/_default/_markup/render-image.html": "<i>site {{ .Text }}</i>",
        "themes/t/layouts/_default/_markup/render-image.en.html": (
            "<i>theme en {{ .Text }}</i>"
        ),
        "layouts/_default/_markup/render-link.html": "<b>default {{ .Text }}</b>",
        "themes/t/layouts/notes/_markup/render-link.html": "<b>notes {{ .Text }}</b>",
        "layouts/_default/_markup/render-codeblock.html": "<pre>any</pre>",
        "themes/t/layouts/_default/_markup/render-codeblock-sh.html": "<pre>sh</pre>",
        "content/posts/p.md": (
            "---\ntitle: P\n---\n![a](/a.png) [l](/l/)\n\n```sh\nls\n```\n\n"
            "```go\nx\n```\n"
        ),
        "content/notes/n.md": "---\ntitle: N\n---\n[l](/l/) ![a](/a.png)\n",
        # A page's type, from its front matter, over its section.
        "layouts/special/_markup/render-link.html": "<b>special {{ .Text }}</b>",
        "content/notes/typed.md": "---\ntitle: T\ntype: special\n---\n[l](/l/)\n",
    }
    theirs = _hugo_bodies(hugo, tmp_path / "hugo", files)
    ours = _cameo_bodies(tmp_path / "cameo", files)
    assert ours == theirs
    assert "<i>theme en a</i>" in ours["content/posts/p.md"]
    assert "<b>notes l</b>" in ours["content/notes/n.md"]
    assert "<b>special l</b>" in ours["content/notes/typed.md"]
    assert "<pre>sh</pre><pre>any</pre>" in ours["content/posts/p.md"]


def test_a_changed_hook_or_page_is_not_served_from_the_markdown_cache(tmp_path):
    # The same text, converted before: the hook's and the page's changes
    # still reach the page (the cache is kept between the builds).
    files = {
        "layouts/_default/_markup/render-link.html": (
            '<a href="{{ .Destination }}">one {{ .Page.Title }}</a>'
        ),
        "content/posts/p.md": "---\ntitle: First\n---\nA [link](/x/).\n",
    }
    first = _cameo_bodies(tmp_path, files)["content/posts/p.md"]
    assert '<a href="/x/">one First</a>' in first
    hook = tmp_path / "layouts/_default/_markup/render-link.html"
    hook.write_text('<a href="{{ .Destination }}">two {{ .Page.Title }}</a>')
    _cameo_bodies(tmp_path, {})
    second = _bodies(tmp_path / "out", files, _content)["content/posts/p.md"]
    assert '<a href="/x/">two First</a>' in second
    page = tmp_path / "content/posts/p.md"
    page.write_text(page.read_text().replace("First", "Second"))
    _cameo_bodies(tmp_path, {})
    third = _bodies(tmp_path / "out", files, _content)["content/posts/p.md"]
    assert '<a href="/x/">two Second</a>' in third


@pytest.mark.hugo
def test_a_link_hook_resolves_pages_as_in_hugo(hugo, tmp_path):
    # The common hook: a link to a content file becomes its page's URL.
    files = {
        "layouts/_default/_markup/render-link.html": (
            "{{ $url := .Destination }}"
            '{{ if strings.HasSuffix $url ".md" }}'
            "{{ $url = relref .Page $url }}{{ end }}"
            '{{ with .Page.Site.GetPage "posts/other.md" }}'
            '<a href="{{ $url }}" data-other="{{ .Title }}">{{ end }}'
            "{{ .Text | safeHTML }}</a>"
        ),
        "content/posts/p.md": (
            "---\ntitle: P\n---\nSee [the other](other.md), [home](/) and "
            "[by path](/posts/other.md).\n"
        ),
        "content/posts/other.md": "---\ntitle: Other page\n---\nHi.\n",
    }
    theirs = _hugo_bodies(hugo, tmp_path / "hugo", files)
    ours = _cameo_bodies(tmp_path / "cameo", files)
    assert ours == theirs
    assert (
        '<a data-other="Other page" href="/posts/other/">the other</a>'
        in (ours["content/posts/p.md"])
    )


def test_a_dangerous_address_reaches_the_hook_empty(tmp_path):
    # Hugo gives the hook javascript: as written, and safeURL makes it live;
    # content is not trusted here (docs/hugo-markdown.md).
    files = {
        "layouts/_default/_markup/render-link.html": (
            '<a href="{{ .Destination | safeURL }}">{{ .Text }}</a>'
        ),
        "layouts/_default/_markup/render-image.html": (
            '<img src="{{ .Destination | safeURL }}" alt="{{ .Text }}">'
        ),
        "content/posts/p.md": (
            "---\ntitle: P\n---\n[x](javascript:alert(1)) <javascript:alert(2)> "
            "![i](JAVASCRIPT:alert(3)) [ok](/fine/)\n"
        ),
    }
    body = _cameo_bodies(tmp_path, files)["content/posts/p.md"]
    assert '="javascript' not in body.lower()
    assert body.count('href=""') == 2 and 'src=""' in body
    assert '<a href="/fine/">ok</a>' in body


@pytest.mark.hugo
def test_no_code_block_hook_runs_where_code_fences_are_off(hugo, tmp_path):
    # Hugo 0.111 adds its code block extension only with codeFences on.
    config = CONFIG + "[markup.highlight]\ncodeFences = false\n"
    files = {
        "layouts/_default/_markup/render-codeblock.html": "<pre>hooked</pre>",
        "content/posts/p.md": "---\ntitle: P\n---\n```html\n<p>\n```\n",
    }
    write_tree(tmp_path / "hugo", {"hugo.toml": config, **LAYOUTS, **files})
    subprocess.run(
        [hugo, "--quiet", "-s", str(tmp_path / "hugo"), "-d", "public"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    theirs = (tmp_path / "hugo/public/posts/p/index.html").read_text("utf-8")
    ours = _cameo_bodies(tmp_path / "cameo", files, config)["content/posts/p.md"]
    assert "hooked" not in theirs and "hooked" not in ours
    assert BeautifulSoup(ours, "html.parser").pre.get_text() == "<p>\n"


@pytest.mark.hugo
@pytest.mark.parametrize("hooked", [True, False])
def test_an_image_alone_is_a_block_where_the_config_says_so(hugo, tmp_path, hooked):
    config = CONFIG + (
        "[markup.goldmark.parser]\nwrapStandAloneImageWithinParagraph = false\n"
    )
    files = {
        "content/posts/p.md": (
            "---\ntitle: P\n---\n![alone](/a.png)\n\nText ![inline](/b.png)\n\n"
            '![alone *x*](/c.png "t")\n\n  ![indented](/d.png)\n\n'
            "![a](/a.png) ![b](/b.png)\n\n- ![in a list](/e.png)\n"
        ),
    }
    if hooked:
        files["layouts/_default/_markup/render-image.html"] = (
            '<img src="{{ .Destination }}" data-block="{{ .IsBlock }}"'
            ' data-n="{{ .Ordinal }}">'
        )
    write_tree(tmp_path / "hugo", {"hugo.toml": config, **LAYOUTS, **files})
    subprocess.run(
        [hugo, "--quiet", "-s", str(tmp_path / "hugo"), "-d", "public"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    theirs = (tmp_path / "hugo/public/posts/p/index.html").read_text("utf-8")
    ours = _cameo_bodies(tmp_path / "cameo", files, config)["content/posts/p.md"]
    assert ours == _normal(theirs.strip())
    if hooked:
        assert '<img data-block="true" data-n="0" src="/a.png"/><p>' in ours
    else:
        assert '<img alt="alone" src="/a.png"/><p>' in ours


@pytest.mark.hugo
def test_a_hook_that_renders_markdown_runs_the_hooks_inside_as_in_hugo(hugo, tmp_path):
    # A caption from the image's title, Markdown rendered by the page (its
    # own link through the link hook), and the links after it.
    files = {
        "layouts/_default/_markup/render-image.html": (
            '<figure><img src="{{ .Destination | safeURL }}">'
            "<figcaption>{{ .Title | .Page.RenderString }}</figcaption></figure>"
        ),
        "layouts/_default/_markup/render-link.html": (
            '<a href="{{ .Destination | safeURL }}" data-d="{{ .Destination }}">'
            "{{ .Text | safeHTML }}</a>"
        ),
        "content/posts/p.md": (
            "---\ntitle: P\n---\n[first](/é/)\n\n"
            '![a](/i.png "*cap* [in](/ü/)") and [after](/ö/)\n'
        ),
    }
    theirs = _hugo_bodies(hugo, tmp_path / "hugo", files)
    ours = _cameo_bodies(tmp_path / "cameo", files)
    assert ours == theirs
    assert '<a data-d="/ö/" href="/%c3%b6/">after</a>' in ours["content/posts/p.md"]


def test_a_changed_page_a_hook_reads_is_not_served_from_the_cache(tmp_path):
    # p.md's text is the same in both builds; the page its hook reads is not.
    files = {
        "layouts/_default/_markup/render-link.html": (
            '{{ with .Page.Site.GetPage "posts/other.md" }}'
            '<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}'
        ),
        "content/posts/p.md": "---\ntitle: P\n---\nA [link](/x/).\n",
        "content/posts/other.md": "---\ntitle: Before\n---\nHi.\n",
    }
    first = _cameo_bodies(tmp_path, files)["content/posts/p.md"]
    assert '<a href="/posts/other/">Before</a>' in first
    other = tmp_path / "content/posts/other.md"
    other.write_text("---\ntitle: After\nslug: moved\n---\nHi.\n")
    _cameo_bodies(tmp_path, {})
    page = {"content/posts/p.md": ""}
    second = _bodies(tmp_path / "out", page, _content)["content/posts/p.md"]
    assert '<a href="/posts/moved/">After</a>' in second
