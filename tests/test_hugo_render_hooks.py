"""A site's Markdown render hooks run as they are (issue 23): the site's or
its theme's ``layouts/_default/_markup/render-{link,image,heading,
codeblock,codeblock-LANG}.html`` (and ``layouts/<section>/_markup/``, with
language variants), on the ``gotemplate`` engine with Hugo 0.111's dots.
Each site is built by Hugo and by cameo and the pages' bodies (Hugo's
``.Content``) compared byte for byte. A hook that fails names the page's
file:line and the hook's file:line:col, on one line."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import build_site, migrated_settings, write_tree

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


def _cameo_bodies(root: Path, files: dict[str, str], **overrides) -> dict[str, str]:
    write_tree(
        root,
        {
            "hugo.toml": CONFIG,
            "cameoconf.py": migrated_settings("."),
            "themes/t/theme.toml": 'name = "t"\n',
            **files,
        },
    )
    build_site(root, root / "out", root / "cameoconf.py", **overrides)
    return _bodies(root / "out", files, _content)


def _content(html: str) -> str:
    """The page's body as the theme writes it (inside its ``e-content``)."""
    start = html.index(">", html.index('class="prose e-content"')) + 1
    return html[start : html.rindex("</div>", start, html.index("</article>"))]


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
