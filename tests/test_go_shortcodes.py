"""A site's own Go shortcodes run as they are (issue 23): found where Hugo
0.111 keeps them (the site's ``layouts/shortcodes/``, then its theme's, with
language and output-format variants), run on the ``gotemplate`` engine with
Hugo's objects (``.Get``, ``.Inner``, ``.Parent``, ``.Ordinal``, ``.Page``,
``.Site``) and ``partial``; each site is built by Hugo and by cameo and the
pages' bodies (Hugo's ``.Content``) compared. Errors name the page's
file:line and the template's file:line:col, on one line."""

from __future__ import annotations

import logging
import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from PIL import Image

from cameo_tools.errors import BuildError
from pelican.plugins.hugo_frontmatter.hugo_templates.loader import (
    shortcode_variants,
    variant_weight,
)

from .conftest import (
    MINIMAL_SETTINGS,
    build_site,
    examples,
    migrated_settings,
    write_tree,
)

CONFIG = """\
baseURL = "https://example.org/"
title = "Go shortcodes"
theme = "t"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[params]
camelCase = "from the site"
"""
LAYOUTS = {
    "layouts/_default/single.html": "{{ .Content }}",
    "layouts/_default/list.html": "{{ .Content }}",
    "layouts/index.html": "{{ .Content }}",
}
# Shortcodes in the styles of the shared sites' themes (cupper's note and
# expandable, coder's notice, a tabs/tab pair that talks to its parent).
SHORTCODES = {
    "layouts/shortcodes/hello.html": (
        '<span class="hello">{{ .Get 0 }}/{{ .Get 1 }}'
        '|{{ printf "%#v %#v %T" (.Get 9) (.Get "x") (.Get 0) }}</span>\n'
    ),
    "layouts/shortcodes/named.html": (
        '<p class="named" data-n="{{ .Get "n" }}">'
        '{{ with .Get "title" }}{{ . }}{{ else }}none{{ end }}'
        "|{{ .IsNamedParams }}|{{ .Name }}|{{ .Params }}"
        '|{{ printf "%#v %#v %T" (.Get 0) (.Get "zz") (.Get "n") }}</p>\n'
    ),
    "layouts/shortcodes/note.html": (
        '<aside class="note">\n  <div>{{ .Inner | .Page.RenderString }}</div>\n'
        "</aside>\n"
    ),
    "layouts/shortcodes/expand.html": (
        "<details><summary>{{ .Get 0 }}</summary>{{ .Inner }}</details>\n"
    ),
    "layouts/shortcodes/tabs.html": (
        '<div class="tabs" data-ordinal="{{ .Ordinal }}">{{ .Inner }}</div>\n'
    ),
    "layouts/shortcodes/tab.html": (
        '<div class="tab" data-parent="{{ .Parent.Name }}"'
        ' data-ordinal="{{ .Ordinal }}">{{ .Get "name" }}: {{ .Inner }}</div>'
    ),
    "layouts/shortcodes/params.html": (
        "<p>{{ .Page.Params.color }}|{{ .Site.Params.camelCase }}"
        '|{{ .Site.Params.camelcase }}|{{ .Page.Param "camelCase" }}'
        "|{{ .Page.Title }}|{{ .Page.RelPermalink }}|{{ .Site.Title }}</p>\n"
    ),
    "layouts/shortcodes/withpartial.html": (
        '{{ partial "badge.html" . }}{{ partial "title" .Page }}\n'
    ),
    "layouts/partials/badge.html": '<b class="badge">{{ .Get 0 }}</b>',
    "layouts/partials/title.html": "<i>{{ .Title }}</i>",
    "layouts/shortcodes/md.html": "*{{ .Get 0 }}*",
    "layouts/shortcodes/dedent.html": "[{{ .InnerDeindent }}]",
    "layouts/shortcodes/lang.html": "site html",
    "themes/t/layouts/shortcodes/lang.en.html": "theme en",
    "themes/t/layouts/shortcodes/themed.html": (
        '<em class="themed">{{ .Get 0 }}</em>\n'
    ),
    "themes/t/layouts/shortcodes/hello.html": "the site's hello wins\n",
    "layouts/shortcodes/docs/deep.html": "<s>{{ .Name }}</s>\n",
    # A site's template of a built-in's name replaces the built-in.
    "layouts/shortcodes/youtube.html": '<i class="mine">{{ .Get 0 }}</i>\n',
}
PAGES = {
    "content/posts/params.md": """\
        ---
        title: Params page
        color: blue
        ---
        Text {{< hello "a" "b" >}} and {{< hello 1 >}}.

        {{< named title="T" n=3 >}}

        {{< named >}}

        {{< params >}}
        """,
    "content/posts/inner.md": """\
        ---
        title: Inner page
        ---
        {{< note >}}
        Some **bold** text and [a link](https://example.org/).
        {{< /note >}}

        {{% expand "More" %}}
        A *list*:

        - one
        - two
        {{% /expand %}}

        {{< expand "Raw" >}}
        *not rendered*
        {{< /expand >}}

        {{% md "emphasis" %}} and {{< md "kept" >}}
        """,
    "content/posts/deindent.md": """\
        ---
        title: Deindent
        ---
        - item

          {{< dedent >}}
          a
            b

          c
          {{< /dedent >}}

            {{< dedent >}}
             x
            y
          z
            {{< /dedent >}}

        {{< dedent >}}
            kept
        {{< /dedent >}}
        """,
    "content/posts/nested.md": """\
        ---
        title: Nested page
        ---
        {{< hello x >}}

        {{< tabs >}}
        {{< tab name="first" >}}one{{< /tab >}}
        {{< tab name="second" >}}two{{< /tab >}}
        {{< /tabs >}}

        {{< tabs >}}{{< tab name="third" >}}three{{< /tab >}}{{< /tabs >}}
        """,
    "content/posts/theme.md": """\
        ---
        title: Theme page
        ---
        {{< themed "from the theme" >}} {{< lang >}}

        {{< withpartial "hi" >}}

        {{< youtube abc123 >}}

        {{< docs/deep >}}
        """,
}


def _hugo_bodies(
    hugo: str, root: Path, files: dict[str, str], config: str = CONFIG
) -> dict[str, str]:
    write_tree(root, {"hugo.toml": config, **LAYOUTS, **files})
    subprocess.run(
        [hugo, "--quiet", "-s", str(root), "-d", str(root / "public")],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return _bodies(root / "public", files, lambda html: html)


def _cameo_bodies(
    root: Path,
    files: dict[str, str],
    settings: str | None = None,
    config: str = CONFIG,
    **overrides,
) -> dict[str, str]:
    write_tree(
        root,
        {
            "hugo.toml": config,
            "cameoconf.py": settings or migrated_settings("."),
            **files,
        },
    )
    build_site(root, root / "out", root / "cameoconf.py", **overrides)
    return _bodies(root / "out", files, _content)


def _content(html: str) -> str:
    """The page's body as the theme writes it, byte for byte (inside its
    ``e-content``, which the theme closes before ``</article>``)."""
    start = html.index(">", html.index('class="prose e-content"')) + 1
    return html[start : html.rindex("</div>", start, html.index("</article>"))]


def _bodies(output: Path, files: dict[str, str], body) -> dict[str, str]:
    """Each post's body (``content/posts/NAME.md`` or a bundle's
    ``content/posts/NAME/index.md``), the site's own folder left out."""
    pages = {}
    for name in files:
        if not name.startswith("content/posts/"):
            continue
        path = Path(name)
        slug = path.parent.name if path.stem == "index" else path.stem
        text = body((output / "posts" / slug / "index.html").read_text("utf-8"))
        root = str(output.parent)
        pages[name] = text.replace(root, "ROOT").strip()
    return pages


@pytest.mark.hugo
def test_go_shortcodes_render_as_in_hugo(hugo, tmp_path):
    files = {**SHORTCODES, **PAGES}
    theirs = _hugo_bodies(hugo, tmp_path / "hugo", files)
    ours = _cameo_bodies(tmp_path / "cameo", files)
    assert ours == theirs
    # What the comparison rests on (Hugo's own answers):
    assert (
        '<span class="hello">a/b|&#34;&#34; &lt;nil&gt; string'
        in ours["content/posts/params.md"]
    )
    assert 'data-parent="tabs" data-ordinal="1"' in ours["content/posts/nested.md"]
    assert "theme en" in ours["content/posts/theme.md"]
    assert '<i class="mine">abc123</i>' in ours["content/posts/theme.md"]


PAGE_AND_SITE = (
    "{{ with .Page.File }}{{ .Path }}|{{ .Dir }}|{{ .BaseFileName }}"
    "|{{ .ContentBaseName }}|{{ .LogicalName }}|{{ .Ext }}|{{ .UniqueID }}"
    "|{{ .TranslationBaseName }}{{ end }}|{{ .Page.Section }}|{{ .Page.Kind }}"
    "|{{ .Page.Type }}|{{ .Page.Date }}|{{ .Page.Lang }}|{{ .Page.Language.Lang }}"
    "|{{ .Page.Permalink }}|{{ .Page.RelPermalink }}|{{ .Site.Home.Permalink }}"
    "|{{ .Site.Home.RelPermalink }}|{{ .Site.BaseURL }}|{{ site.Title }}"
    "|{{ .Site.Title }}|{{ .Site.LanguageCode }}|{{ .Page.IsPage }}{{ .Page.IsHome }}"
    "|{{ page.Title }}|{{ hugo.Version }}|{{ hugo.Environment }}"
    "|{{ hugo.IsProduction }}|{{ hugo.Generator }}"
    "|{{ .Page.Description }}|{{ .Page.LinkTitle }}|{{ .Page.Slug }}"
    "|{{ .Page.Draft }}|{{ .Page.Weight }}|{{ .Page.Keywords }}"
    '|{{ with .Site.GetPage "posts/other.md" }}{{ .Title }}|{{ .RelPermalink }}'
    '{{ end }}|{{ with .Site.GetPage "/nope" }}found{{ else }}nil{{ end }}'
    '|{{ ref .Page "posts/other.md" }}|{{ relref .Page "other.md" }}'
    '|{{ relref . "other.md" }}'
    '|{{ with .Site.GetPage "docs/d.md" }}{{ relref . "e.md" }}{{ end }}'
    '|{{ .Position }}|{{ .Page.Scratch.Set "k" 2 }}{{ .Page.Scratch.Get "k" }}'
    '|{{ .Page.RenderString "*md*" }}|{{ .Page.Param "color" }}'
    '|{{ .Page.Param "nested.deep" }}'
    '|{{ .Page.Date.Format "Jan 2, 2006 15:04 MST" }}|{{ .Page.Date.IsZero }}\n'
)


@pytest.mark.hugo
def test_page_and_site_objects_answer_as_in_hugo(hugo, tmp_path):
    config = CONFIG + 'nested = { deep = "deep value" }\n'
    files = {
        "layouts/shortcodes/info.html": PAGE_AND_SITE,
        "themes/t/layouts/shortcodes/themed.html": "",
        "content/posts/b/index.md": (
            "---\ntitle: Bundle\ndate: 2021-03-04T05:06:07+02:00\n"
            "color: red\ndescription: About it\nlinkTitle: Short\n"
            "weight: 3\nkeywords: [a, b]\n---\nLine.\n\n{{< info >}}\n"
        ),
        "content/posts/other.md": "---\ntitle: Other\n---\n{{< info >}}\n",
        "content/docs/d.md": "---\ntitle: D\n---\nD.\n",
        "content/docs/e.md": "---\ntitle: E\n---\nE.\n",
    }
    theirs = _hugo_bodies(hugo, tmp_path / "hugo", files, config)
    ours = _cameo_bodies(tmp_path / "cameo", files, config=config)
    assert ours == theirs
    assert "Other|/posts/other/|nil" in ours["content/posts/other.md"]


@pytest.mark.hugo
@pytest.mark.parametrize("home", [None, "---\ntitle: Welcome\n---\nHome.\n"])
def test_the_home_page_is_its_index_file_s(hugo, tmp_path, home):
    files = {
        "layouts/shortcodes/home.html": (
            "{{ .Site.Home.Title }}|{{ .Site.Home.RelPermalink }}"
            '|{{ .Site.Home.Kind }}|{{ with .Site.GetPage "/" }}{{ .Title }}{{ end }}'
            '|{{ with .Site.GetPage "posts" }}{{ .Title }}|{{ .RelPermalink }}'
            "|{{ .Kind }}|{{ .Section }}{{ end }}"
        ),
        "themes/t/layouts/shortcodes/themed.html": "",
        "content/posts/p.md": "---\ntitle: P\n---\n{{< home >}}\n",
    }
    if home:
        files["content/_index.md"] = home
    theirs = _hugo_bodies(hugo, tmp_path / "hugo", files)
    ours = _cameo_bodies(tmp_path / "cameo", files)
    assert ours == theirs


@pytest.mark.hugo
def test_a_markdown_shortcode_is_plain_text_and_html_wins_over_it(hugo, tmp_path):
    """``NAME.md`` is a shortcode too, run unescaped (text/template); beside
    ``NAME.html`` it loses, and a language variant wins over both."""
    files = {
        "layouts/shortcodes/star.md": "*{{ .Get 0 }}*",
        "layouts/shortcodes/both.md": "md {{ .Get 0 }}",
        "layouts/shortcodes/both.html": "html {{ .Get 0 }}",
        "layouts/shortcodes/lang.html.html": "html.html",
        "layouts/shortcodes/lang.en.html": "en.html",
        "themes/t/layouts/shortcodes/themed.html": "",
        "content/posts/p.md": (
            '---\ntitle: P\n---\n{{% star "<b>x</b>" %}} and '
            '{{< star "<i>y</i>" >}}\n\n{{< both "<b>" >}} {{< lang >}}\n'
        ),
    }
    config = CONFIG + "[markup.goldmark.renderer]\nunsafe = true\n"
    theirs = _hugo_bodies(hugo, tmp_path / "hugo", files, config)
    ours = _cameo_bodies(tmp_path / "cameo", files, config=config)
    assert ours == theirs
    assert "<i>y</i>" in ours["content/posts/p.md"]


@pytest.mark.hugo
def test_a_jinja_port_wins_over_the_go_template(hugo, tmp_path):
    """A port in HUGO_FRONTMATTER's ``shortcodes`` folder is run, and the
    Go template of that name is never read (here it would not parse)."""
    go = '<b class="x">{{ .Get 0 }}</b>\n'
    files = {
        "layouts/shortcodes/ported.html": go,
        "themes/t/layouts/shortcodes/themed.html": "",
        "content/posts/p.md": '---\ntitle: P\n---\n{{< ported "a & b" >}}\n',
    }
    theirs = _hugo_bodies(hugo, tmp_path / "hugo", files)
    ported = {
        **files,
        "layouts/shortcodes/ported.html": "{{ if }}",
        "ports/ported.html": '<b class="x">{{ get(0) }}</b>\n',
    }
    settings = migrated_settings(".").replace(
        "{'hugo_config': '.'}", "{'hugo_config': '.', 'shortcodes': 'ports'}"
    )
    ours = _cameo_bodies(tmp_path / "cameo", ported, settings)
    assert ours == theirs == {"content/posts/p.md": '<b class="x">a &amp; b</b>'}


def test_the_older_settings_find_the_site_above_the_content_folder(tmp_path):
    """PATH = "content" and the config in the folder above: the Go
    shortcodes are the site's (above PATH), with its theme's."""
    write_tree(
        tmp_path,
        {
            "hugo.toml": CONFIG,
            "pelicanconf.py": MINIMAL_SETTINGS,
            "layouts/shortcodes/mine.html": "<b>{{ .Get 0 }}</b>",
            "themes/t/layouts/shortcodes/themed.html": "<i>{{ .Get 0 }}</i>",
            "content/posts/p.md": (
                '---\ntitle: P\n---\n{{< mine "a" >}} {{< themed "b" >}}\n'
            ),
        },
    )
    build_site(tmp_path / "content", tmp_path / "out", tmp_path / "pelicanconf.py")
    page = (tmp_path / "out" / "posts" / "p" / "index.html").read_text("utf-8")
    assert "<p><b>a</b> <i>b</i></p>" in page


@pytest.mark.hugo
def test_a_processed_image_is_published_where_its_address_says(hugo, tmp_path):
    """A shortcode resizes a bundle's image: the page links the processed
    file, at Hugo's size, and the build writes it there (OutputFiles)."""
    files = {
        "layouts/shortcodes/img.html": (
            '{{ with .Page.Resources.GetMatch "*pic*" }}'
            '{{ $small := .Resize "10x" }}'
            '<img src="{{ $small.RelPermalink }}" width="{{ $small.Width }}"'
            ' height="{{ $small.Height }}"><a href="{{ .RelPermalink }}">o</a>'
            "{{ end }}"
        ),
        "themes/t/layouts/shortcodes/themed.html": "",
        "content/posts/b/index.md": "---\ntitle: B\n---\n{{< img >}}\n",
    }
    sources = []
    for root in (tmp_path / "hugo", tmp_path / "cameo"):
        (root / "content/posts/b").mkdir(parents=True)
        image = Image.new("RGB", (40, 20), (200, 10, 10))
        image.save(root / "content/posts/b/pic.jpg")
    config = CONFIG + "[imaging]\nquality = 90\n"  # in the file's name
    page = "content/posts/b/index.md"
    theirs = _hugo_bodies(hugo, tmp_path / "hugo", files, config)[page]
    ours = _cameo_bodies(tmp_path / "cameo", files, config=config)[page]
    for body, output in ((theirs, "hugo/public"), (ours, "cameo/out")):
        img = BeautifulSoup(body, "html.parser").img
        sources.append(img["src"])
        assert (img["width"], img["height"]) == ("10", "5")
        with Image.open(tmp_path / output / img["src"].lstrip("/")) as small:
            assert small.size == (10, 5)
    assert sources[0].rsplit("_", 4)[1:] == sources[1].rsplit("_", 4)[1:]
    assert "_q90_" in sources[1]


INLINE_PAGE = """\
    ---
    title: Inline
    math: true
    ---
    Text.

    {{< css.inline >}}
    <style>
    .emojify { font-size: 2rem; }
    </style>
    {{< /css.inline >}}

    {{< math.inline >}}
    {{ if or .Page.Params.math .Site.Params.math }}
    <link rel="stylesheet" href="https://example.org/katex.css">
    {{ end }}
    {{< /math.inline >}}

    {{< t.inline >}}{{ .Name }} {{ .Ordinal }} <b>{{ "<i>" }}</b>{{< /t.inline >}}
    and {{< t.inline />}}

    {{% md.inline %}}*{{ .Page.Title }}*{{% /md.inline %}}
    """


@pytest.mark.hugo
def test_inline_shortcodes_run_when_the_config_enables_them(hugo, tmp_path):
    """enableInlineShortcodes = true: each inline shortcode's inner text is
    a Go template (unescaped, as Hugo runs it), and a self-closed one runs
    the page's earlier definition again."""
    config = CONFIG.replace("theme =", "enableInlineShortcodes = true\ntheme =")
    config += "[markup.goldmark.renderer]\nunsafe = true\n"
    files = {
        "themes/t/layouts/shortcodes/themed.html": "",
        "content/posts/p.md": INLINE_PAGE,
    }
    theirs = _hugo_bodies(hugo, tmp_path / "hugo", files, config)
    ours = _cameo_bodies(tmp_path / "cameo", files, config=config)
    assert ours == theirs
    assert "<b><i></b>" in ours["content/posts/p.md"]


@pytest.mark.hugo
def test_an_inline_shortcode_used_before_its_definition_stops_the_build(hugo, tmp_path):
    config = CONFIG.replace("theme =", "enableInlineShortcodes = true\ntheme =")
    files = {
        "themes/t/layouts/shortcodes/themed.html": "",
        "content/posts/p.md": ERROR_PAGE.format(call="{{< t.inline />}}"),
    }
    write_tree(tmp_path / "hugo", {"hugo.toml": config, **LAYOUTS, **files})
    done = subprocess.run(
        [hugo, "--quiet", "-s", str(tmp_path / "hugo"), "-d", "public"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    words = 'no earlier definition of shortcode "t.inline" found'
    assert words in done.stderr and "p.md:6:" in done.stderr
    with pytest.raises(BuildError) as raised:
        _cameo_bodies(tmp_path / "cameo", files, config=config)
    message = next(m for m in raised.value.problems if "p.md" in m)
    assert "content/posts/p.md:6: " in message and words in message


LANGUAGES = """
defaultContentLanguage = "en"
[languages.en]
weight = 1
languageName = "English"
[languages.fr]
weight = 2
languageName = "Français"
"""


@pytest.mark.hugo
def test_each_language_runs_its_own_variant(hugo, tmp_path):
    """``NAME.fr.html`` is the French pages' shortcode; ``.Page.Lang`` and
    ``.Site.Language`` are the page's language's."""
    config = CONFIG.replace("[params]", LANGUAGES + "[params]")
    files = {
        "layouts/shortcodes/hi.html": (
            "hi {{ .Page.Lang }} {{ .Site.Language.Lang }}"
            " {{ .Site.Language.LanguageName }} {{ .Site.Home.RelPermalink }}"
            ' {{ relref .Page "p.md" }}\n'
        ),
        "layouts/shortcodes/hi.fr.html": (
            "salut {{ .Page.Lang }} {{ .Site.Home.RelPermalink }}"
            ' {{ relref .Page "p.md" }}\n'
        ),
        "themes/t/layouts/shortcodes/themed.html": "",
        "content/posts/p.md": "---\ntitle: P\n---\n{{< hi >}}\n",
        "content/posts/p.fr.md": "---\ntitle: P fr\n---\n{{< hi >}}\n",
    }
    write_tree(tmp_path / "hugo", {"hugo.toml": config, **LAYOUTS, **files})
    subprocess.run(
        [hugo, "--quiet", "-s", str(tmp_path / "hugo"), "-d", "public"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    root = tmp_path / "cameo"
    write_tree(
        root, {"hugo.toml": config, "cameoconf.py": migrated_settings("."), **files}
    )
    build_site(root, root / "out", root / "cameoconf.py")
    for page in ("posts/p/index.html", "fr/posts/p/index.html"):
        theirs = (tmp_path / "hugo" / "public" / page).read_text("utf-8").strip()
        ours = _content((root / "out" / page).read_text("utf-8")).strip()
        assert ours == theirs
    assert theirs.startswith("salut fr /fr/")


# The shared sites' theme shortcodes (cupper-hugo-theme, hugo-coder and
# hugo-profile, MIT; their licences beside them), as they are.
REAL = Path(__file__).parent / "fixtures" / "go_shortcodes"
REAL_SHORTCODES = {
    **{
        f"layouts/shortcodes/{path.name}": path.read_text("utf-8")
        for path in sorted(REAL.glob("*.html"))
    },
    # cupper's data, which its principles and wcag read (.Site.Data).
    **{
        f"data/{path.name}": path.read_text("utf-8")
        for path in sorted((REAL / "data").glob("*.json"))
    },
}
REAL_PAGES = {
    "content/posts/cupper.md": """\
        ---
        title: Cupper
        ---
        {{% note %}}
        This is a **note** with [a link](https://example.org/).
        {{% /note %}}

        {{< cmd >}}
        git add .
        git commit -m "a <b> & c"
        {{< /cmd >}}

        {{< blockquote author="Carl Jung" >}}
        Even a happy life cannot be without a measure of *darkness*.
        {{< /blockquote >}}

        {{< ticks >}}
        * Ticked **one**
        * Ticked two
        {{< /ticks >}}

        {{< code numbered="true" >}}
        <div [[[class="x"]]]>
          <p>Text</p>
        </div>
        {{< /code >}}

        {{< tested using="Firefox 62, Chrome 70, Edge 16 + JAWS 2018" >}}

        {{< colors "#111111, #fff, #cccccc" >}}

        {{< warning >}}
        Careful: <b>raw</b> & **bold**.
        {{< /warning >}}

        {{< codePen VpVNKW >}}

        {{< principles include="Add value, Be consistent" descriptions="true" >}}

        {{< wcag include="1.2.1, 1.3.1, 4.1.2" >}}

        {{< dynamic-img src="/v1/x.png" title="A \\"title\\"" >}}

        {{< fileTree >}}
        * Level 1 folder
            * Level 2 file
        * Level 1 file
        {{< /fileTree >}}
        """,
    "content/posts/coder.md": """\
        ---
        title: Coder
        ---
        {{< notice note >}}
        A **note** with [a link](https://example.org/).
        {{< /notice >}}

        {{< notice warning "watch out" >}}
        One line.
        {{< /notice >}}

        {{< mermaid >}}
        graph TD;
          A-->B;
        {{< /mermaid >}}

        {{< tabgroup >}}
        {{< tab name="Hello" >}}
        Hello **World**!
        {{< /tab >}}
        {{< tab name="Goodbye" >}}
        Goodbye *Everybody*!
        {{< /tab >}}
        {{< /tabgroup >}}

        {{< tabgroup align="right" style="code" >}}
        {{< tab name="Python" >}}
        ```python
        print("Hello World!")
        ```
        {{< /tab >}}
        {{< /tabgroup >}}
        """,
}


@pytest.mark.hugo
def test_the_shared_sites_theme_shortcodes_render_as_in_hugo(hugo, tmp_path):
    config = CONFIG.replace(
        "[params]\n",
        '[params]\ncodePenUser = "SomeUser"\ncloudinary_cloud_name = "cloud"\n',
    )
    config += "[markup.goldmark.renderer]\nunsafe = true\n"
    files = {
        **REAL_SHORTCODES,
        **REAL_PAGES,
        "themes/t/layouts/shortcodes/themed.html": "",
    }
    theirs = _hugo_bodies(hugo, tmp_path / "hugo", files, config)
    ours = _cameo_bodies(tmp_path / "cameo", files, config=config)
    for page, body in theirs.items():
        assert _normal(ours[page]) == _normal(body), page
    assert "tab-content-1-0" in ours["content/posts/coder.md"]  # Scratch kept


def _normal(html: str) -> str:
    """HTML as a tree, for bodies the theme's writer re-serialises (a
    ``tabindex`` on ``<pre>``, ``rel="noopener"`` on a link to another
    host): attributes sorted, entities decoded,
    whitespace collapsed, and a highlighted block reduced to its text
    (Chroma and Pygments mark code up differently)."""
    soup = BeautifulSoup(html, "html.parser")
    for block in soup.select("div.highlight"):
        block.replace_with(" ".join(block.get_text().split()))
    for tag in soup.find_all(True):
        tag.attrs.pop("tabindex", None)
        if tag.get("rel") == ["noopener"]:  # the theme's, on links off the site
            del tag["rel"]
    return " ".join(str(soup).replace("><", "> <").split())


# What may follow a shortcode's name in its file name: language, output
# format and suffix in Hugo's orders, some that match an English HTML page.
_VARIANTS = [
    "html",
    "en.html",
    "fr.html",
    "html.html",
    "en.html.html",
    "amp.html",
    "en.amp.html",
    "md",
    "en.md",
    "txt",
    "json",
    "xml",
    "rss.xml",
]
_FILES = st.lists(
    st.tuples(st.sampled_from(_VARIANTS), st.booleans()),  # (variant, in theme)
    min_size=1,
    max_size=5,
    unique_by=lambda item: item[0],
)


@pytest.mark.hugo
@settings(
    max_examples=examples(8),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(_FILES, min_size=1, max_size=6))
def test_the_variant_hugo_picks_is_the_one_run(tmp_path_factory, hugo, shortcodes):
    """Hypothesis gives each shortcode a few variant files, in the site or
    the theme (the site's wins a name both have); each file prints its own
    name; Hugo and cameo must run the same one. Where two files weigh the
    same, or the best weighs 0, Hugo's choice depends on the order it loads
    templates in, which changes from build to build: such sets are left out."""
    for variants in shortcodes:
        weights = sorted(
            variant_weight(["en", "html", "html"], shortcode_variants(f"s.{v}")[1])
            for v, _ in variants
        )
        assume(weights[-1] != 0 and weights[-2:-1] != weights[-1:])
    root = tmp_path_factory.mktemp("variants")
    files = {"themes/t/layouts/shortcodes/themed.html": ""}
    calls = []
    for number, variants in enumerate(shortcodes):
        name = f"s{number}"
        calls.append(f"{{{{< {name} >}}}}")
        for variant, in_theme in variants:
            where = "themes/t/layouts" if in_theme else "layouts"
            files[f"{where}/shortcodes/{name}.{variant}"] = f"{where} {variant}"
    files["content/posts/p.md"] = "---\ntitle: P\n---\n" + "\n\n".join(calls) + "\n"
    theirs = _hugo_bodies(hugo, root / "hugo", files)
    ours = _cameo_bodies(root / "cameo", files)
    assert ours == theirs


# Nested calls Hypothesis writes: two Go shortcodes that print where they
# are (name, ordinal, parent's name and ordinal, params), one taking inner
# text; plain words between them; either delimiter.
_TREE_SHORTCODES = {
    "layouts/shortcodes/box.html": (
        "B.{{ .Name }}.{{ .Ordinal }}.{{ with .Parent }}P.{{ .Name }}."
        "{{ .Ordinal }}{{ end }}.{{ .Params }}.{{ .IsNamedParams }}"
        '.{{ .Get 0 }}.{{ .Get "k" }}:{{ .Inner }}:E'
    ),
    "layouts/shortcodes/leaf.html": (
        "L.{{ .Ordinal }}.{{ with .Parent }}P.{{ .Name }}.{{ .Ordinal }}"
        "{{ end }}.{{ .Params }}"
    ),
    "themes/t/layouts/shortcodes/themed.html": "",
}
_WORD = st.text("abcxyz", min_size=1, max_size=4)
_PARAMS = st.one_of(
    st.lists(st.one_of(_WORD, st.integers(0, 99)), max_size=3).map(
        lambda values: " ".join(str(v) for v in values)
    ),
    st.dictionaries(st.sampled_from(["k", "n", "z"]), _WORD, max_size=2).map(
        lambda named: " ".join(f'{k}="{v}"' for k, v in named.items())
    ),
)


@st.composite
def _calls(draw, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(
            st.sampled_from(["word", "leaf", "box"] if depth < 2 else ["word", "leaf"])
        )
        if kind == "word":  # Markdown too, for the "%" form's rendering
            parts.append(
                draw(st.sampled_from(["{}", "*{}*", "**{}**", "`{}`"])).format(
                    draw(_WORD)
                )
            )
            continue
        left, right = draw(st.sampled_from([("<", ">"), ("%", "%")]))
        params = draw(_PARAMS)
        opening = f"{{{{{left} {kind} {params} {right}}}}}".replace("  ", " ")
        if kind == "leaf":
            parts.append(opening)
        else:
            inner = draw(_calls(depth + 1))
            parts.append(f"{opening}{inner}{{{{{left} /box {right}}}}}")
    return draw(st.sampled_from([" ", "\n", "\n\n"])).join(parts)


@pytest.mark.hugo
@settings(
    max_examples=examples(15),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(_calls(), min_size=1, max_size=4))
def test_nested_calls_see_their_parents_and_ordinals_as_in_hugo(
    tmp_path_factory, hugo, bodies
):
    root = tmp_path_factory.mktemp("nested")
    files = dict(_TREE_SHORTCODES)
    for number, body in enumerate(bodies):
        files[f"content/posts/p{number}.md"] = f"---\ntitle: P{number}\n---\n{body}\n"
    theirs = _hugo_bodies(hugo, root / "hugo", files)
    ours = _cameo_bodies(root / "cameo", files)
    assert ours == theirs


# Bare parameters that look like numbers, some not quite (5., 1e3, 0x10,
# past int64): Hugo types them by its patterns, and the template sees them.
_BARE_PARAM = st.one_of(
    st.from_regex(r"-?[0-9]{1,21}(\.[0-9]{0,3})?(e[0-9])?", fullmatch=True),
    st.from_regex(r"-\.[0-9]{1,3}", fullmatch=True),  # a leading "." Hugo refuses
    st.sampled_from(["true", "false", "0x10", "1_000", "-0", "007", "x1.5"]),
)


@pytest.mark.hugo
@settings(
    max_examples=examples(10),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(_BARE_PARAM, min_size=1, max_size=8))
def test_bare_parameters_are_typed_as_in_hugo(tmp_path_factory, hugo, params):
    root = tmp_path_factory.mktemp("typed")
    files = {
        "layouts/shortcodes/typed.html": (
            '{{ range .Params }}{{ printf "%T=%v" . . }};{{ end }}'
        ),
        "themes/t/layouts/shortcodes/themed.html": "",
        "content/posts/p.md": (
            "---\ntitle: P\n---\n{{< typed " + " ".join(params) + " >}}\n"
        ),
    }
    theirs = _hugo_bodies(hugo, root / "hugo", files)
    ours = _cameo_bodies(root / "cameo", files)
    assert ours == theirs


def test_shortcode_variants_are_weighed_as_hugo_splits_names():
    assert shortcode_variants("note.html") == ("note", ["", "html", "html"])
    assert shortcode_variants("note.en.html") == ("note", ["en", "en", "html"])
    assert shortcode_variants("note.en.html.html") == (
        "note",
        ["en", "html", "html"],
    )
    assert shortcode_variants("note") == ("note", ["", "", ""])


# -- errors -------------------------------------------------------------------

ERROR_PAGE = """\
    ---
    title: Broken
    ---
    Some text.

    {call}
    """
_GO_PLACE = re.compile(r"template: (shortcodes|partials)/[a-z]+\.html:\d+(:\d+)?:")


@pytest.mark.hugo
@pytest.mark.parametrize(
    ("template", "call"),
    [
        # Does not parse: an unclosed if.
        ("<p>{{ if .Get 0 }}x</p>", '{{< bad "a" >}}'),
        # A field no page has (Go's "can't evaluate field").
        ("<p>\n{{ .Page.Nope.Deeper }}</p>", "{{< bad >}}"),
        # A nil pointer: a method of nil.
        ("<p>{{ .Parent.Name }}</p>", "{{< bad >}}"),
        # A function no one has.
        ('<p>{{ nosuchfunction "x" }}</p>', "{{< bad >}}"),
        # A partial that is not there.
        ('<p>{{ partial "missing.html" . }}</p>', "{{< bad >}}"),
        # A partial that fails: the partial's file is named.
        ('<p>{{ partial "broken.html" . }}</p>', "{{< bad >}}"),
        # A partial that calls a partial that fails: both places, once.
        ('<p>{{ partial "calls.html" . }}</p>', "{{< bad >}}"),
        # A page ref does not find (Hugo: REF_NOT_FOUND).
        ('<a href="{{ ref .Page "nope.md" }}">x</a>', "{{< bad >}}"),
    ],
)
def test_a_failing_template_is_named_with_the_page_on_one_line(
    hugo, tmp_path, template, call
):
    files = {
        "layouts/shortcodes/bad.html": template,
        "layouts/partials/broken.html": "<i>{{ .Nope }}</i>",
        "layouts/partials/calls.html": '{{ partial "broken.html" . }}',
        "themes/t/layouts/shortcodes/themed.html": "",
        "content/posts/p.md": ERROR_PAGE.format(call=call),
    }
    write_tree(tmp_path / "hugo", {"hugo.toml": CONFIG, **LAYOUTS, **files})
    done = subprocess.run(
        [hugo, "--quiet", "-s", str(tmp_path / "hugo"), "-d", "public"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    with pytest.raises(BuildError) as raised:
        _cameo_bodies(tmp_path / "cameo", files)
    lines = [m for m in raised.value.problems if "p.md" in m]
    message = lines[0]
    assert "\n" not in message and "Traceback" not in message
    assert "content/posts/p.md:6: " in message
    assert 'shortcode "bad"' in message
    # The template's place and Go's words, as Hugo gives them.
    if _GO_PLACE.search(done.stderr):
        for place in _GO_PLACE.finditer(done.stderr):
            assert place.group(0) in message, (done.stderr, message)
    elif "ref .Page" in template:  # Hugo logs REF_NOT_FOUND, then stops
        assert 'ref "nope.md": no page' in message
        assert message.count("p.md:6") == 1
    else:  # Hugo's own words (a missing partial)
        assert 'partial "missing.html" not found' in done.stderr
        assert 'partial "missing.html" not found' in message


@pytest.mark.hugo
@pytest.mark.parametrize(
    "template",
    [
        '<p>{{ errorf "Bad %s here" (.Get 0) }}</p>',
        '<p>{{ partial "says.html" . }}</p>',
    ],
)
def test_errorf_stops_the_build_with_its_words(hugo, tmp_path, template):
    files = {
        "layouts/shortcodes/bad.html": template,
        "layouts/partials/says.html": '{{ errorf "Bad %s here" (.Get 0) }}',
        "themes/t/layouts/shortcodes/themed.html": "",
        "content/posts/p.md": ERROR_PAGE.format(call='{{< bad "thing" >}}'),
    }
    write_tree(tmp_path / "hugo", {"hugo.toml": CONFIG, **LAYOUTS, **files})
    done = subprocess.run(
        [hugo, "-s", str(tmp_path / "hugo"), "-d", "public"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0 and "ERROR" in done.stdout + done.stderr
    assert "Bad thing here" in done.stdout + done.stderr
    with pytest.raises(BuildError) as raised:
        _cameo_bodies(tmp_path / "cameo", files)
    message = next(m for m in raised.value.problems if "p.md" in m)
    assert "content/posts/p.md:6: " in message
    assert "errorf: Bad thing here;" in message and "\n" not in message


@pytest.mark.hugo
def test_warnf_warns_and_the_page_is_written(hugo, tmp_path, caplog):
    files = {
        "layouts/shortcodes/careful.html": (
            '{{ warnf "Careful with %s" (.Get 0) }}<b>{{ .Get 0 }}</b>'
        ),
        "themes/t/layouts/shortcodes/themed.html": "",
        "content/posts/p.md": '---\ntitle: P\n---\n{{< careful "glass" >}}\n',
    }
    write_tree(tmp_path / "hugo", {"hugo.toml": CONFIG, **LAYOUTS, **files})
    done = subprocess.run(
        [hugo, "-s", str(tmp_path / "hugo"), "-d", "public"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert "WARN" in done.stdout + done.stderr
    assert "Careful with glass" in done.stdout + done.stderr
    theirs = _bodies(tmp_path / "hugo" / "public", files, lambda html: html)
    with caplog.at_level(logging.WARNING):
        ours = _cameo_bodies(tmp_path / "cameo", files)
    assert ours == theirs == {"content/posts/p.md": "<b>glass</b>"}
    assert any(
        r.levelno == logging.WARNING and "Careful with glass" in r.getMessage()
        for r in caplog.records
    )


@pytest.mark.hugo
@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        (
            "Text\n\n{{< plain >}}inner{{< /plain >}}\n",
            6,
            'shortcode "plain" does not evaluate .Inner or .InnerDeindent, yet a '
            "closing tag was provided",
        ),
        (
            "Text\n\n{{< plain />}}\n",
            6,
            "does not evaluate .Inner or .InnerDeindent, yet a closing tag was "
            "provided",
        ),
        (
            "Text\n\n{{< plain x#y >}}\n",
            6,
            "unrecognized character in shortcode action: U+0023 '#'. Note: "
            "Parameters with non-alphanumeric args must be quoted",
        ),
        (
            "Text\n\n{{< plain .5 >}}\n",
            6,
            "unrecognized character in shortcode action: U+002E '.'",
        ),
        (
            "Text\n\n{{< wraps >}}\n\nnever closed\n",
            6,
            'shortcode "wraps" must be closed or self-closed',
        ),
    ],
)
def test_inner_text_is_taken_as_hugo_decides(hugo, tmp_path, body, line, words):
    files = {
        "layouts/shortcodes/plain.html": "<hr>",
        "layouts/shortcodes/wraps.html": "<div>{{ .InnerDeindent }}</div>",
        "themes/t/layouts/shortcodes/themed.html": "",
        "content/posts/p.md": f"---\ntitle: P\n---\n{body}",
    }
    write_tree(tmp_path / "hugo", {"hugo.toml": CONFIG, **LAYOUTS, **files})
    done = subprocess.run(
        [hugo, "--quiet", "-s", str(tmp_path / "hugo"), "-d", "public"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert words in done.stderr
    if not words.startswith("unrecognized"):  # Hugo places those at 1:1
        assert f"p.md:{line}:" in done.stderr
    with pytest.raises(BuildError) as raised:
        _cameo_bodies(tmp_path / "cameo", files)
    message = next(m for m in raised.value.problems if "p.md" in m)
    assert f"content/posts/p.md:{line}: " in message and words in message
