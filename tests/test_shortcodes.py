"""Hugo shortcodes: parsing, the built-ins against Hugo 0.111's stored output,
a site's own Jinja shortcodes (the hugo-coder ports), scratch, errors with
file:line, and every path by which a value reaches the HTML escaped."""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from markdown_it import MarkdownIt

from pelican.plugins.hugo_frontmatter.content.frontmatter import (
    FrontMatterError,
    split,
)
from pelican.plugins.hugo_frontmatter.shortcodes.calls import (
    PageInfo,
    Scratch,
    ShortcodeError,
)
from pelican.plugins.hugo_frontmatter.shortcodes.expand import ShortcodeEngine

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "shortcodes"
SITE = FIXTURES / "site"
HUGO_SITE = FIXTURES / "hugo"
HUGO_CASES = sorted(p.stem for p in (HUGO_SITE / "expected").glob("*.html"))
SITE_INFO = {
    "title": "Site",
    "base_url": "https://example.org/",
    "language": "en",
    "params": {"sitewide": "from site", "nested": {"deep": "deep value"}},
}
# Attributes we add on purpose (Hugo 0.111's embeds load eagerly).
ADDED_ATTRIBUTES = {"loading"}


def resolve_ref(args, page: PageInfo, path: str, line: int, absolute: bool) -> str:
    """A stand-in for refs.RefResolver.resolve (tested against Hugo in
    test_hugo_accepts_refs.py): ``args`` is the shortcode's params."""
    target = args[0] if isinstance(args, list) else args
    pages = {"other.md": "/other/", "other": "/other/"}
    if target not in pages:
        raise ValueError(f'no page "{target}" in the site; check the path')
    return ("https://example.org" if absolute else "") + pages[target]


def markdown_renderer(raw_html: bool = False) -> MarkdownIt:
    """CommonMark with Goldmark's smart quotes; raw HTML escaped unless asked."""
    return MarkdownIt("commonmark", {"html": raw_html, "typographer": True}).enable(
        "smartquotes"
    )


def make_engine(folder: Path | None = SITE, raw_html: bool = False):
    md = markdown_renderer(raw_html)
    return ShortcodeEngine(
        str(folder) if folder else None, SITE_INFO, resolve_ref, md.render
    ), md


def page_info(**params) -> PageInfo:
    return PageInfo(
        title="P",
        lang="en",
        rel_permalink="/p/",
        params={"color": "red", "flag": True, **params},
    )


def render(
    body: str,
    *,
    page: PageInfo | None = None,
    raw_html: bool = False,
    folder: Path | None = SITE,
    path: str = "content/p.md",
    first_line: int = 1,
) -> str:
    engine, md = make_engine(folder, raw_html)
    expanded = engine.expand(body, page or page_info(), path, first_line)
    return expanded.finish(md.render(expanded.markdown))


def canonical(html: str) -> list:
    """Elements with their attributes and the words between them."""
    out: list = []
    for node in BeautifulSoup(html, "html.parser").descendants:
        if isinstance(node, Tag):
            attributes = {
                key: " ".join(value) if isinstance(value, list) else value
                for key, value in node.attrs.items()
                if key not in ADDED_ATTRIBUTES
            }
            out.append((node.name, sorted(attributes.items())))
        elif isinstance(node, NavigableString) and not isinstance(node, Comment):
            words = " ".join(node.split())
            if words:
                out.append(words)
    return out


def read_case(path: Path) -> tuple[str, PageInfo, int]:
    front = split(path.read_text(encoding="utf-8"), str(path))
    first_line = path.read_text(encoding="utf-8").count("\n") - front.body.count("\n")
    page = PageInfo(title=front.fields["title"], params=front.fields)
    return front.body, page, first_line + 1


# The built-ins, against the output of Hugo 0.111 stored in the fixtures.


@pytest.mark.parametrize("case", HUGO_CASES)
def test_builtin_output_matches_hugo(case):
    body, page, first_line = read_case(HUGO_SITE / "content" / f"{case}.md")
    ours = render(body, page=page, first_line=first_line)
    hugos = (HUGO_SITE / "expected" / f"{case}.html").read_text(encoding="utf-8")
    if case.startswith("highlight"):
        # Pygments, not Chroma: the same code in a div.highlight, other spans.
        ours_soup, hugo_soup = (
            BeautifulSoup(ours, "html.parser"),
            BeautifulSoup(hugos, "html.parser"),
        )
        assert ours_soup.div["class"] == ["highlight"]
        ours_code = ours_soup.select("code[data-lang]")[0]
        hugo_code = hugo_soup.select("code[data-lang]")[0]
        assert ours_code["class"] == hugo_code["class"]
        assert ours_code.get_text() == hugo_code.get_text().rstrip("\n") + "\n"
        return
    assert canonical(ours) == canonical(hugos)


@pytest.mark.hugo
def test_stored_outputs_are_hugos(hugo, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(HUGO_SITE, site)
    shutil.rmtree(site / "expected")
    subprocess.run(
        [hugo, "--quiet", "-s", str(site), "-d", str(tmp_path / "out")],
        check=True,
        capture_output=True,
    )
    for case in HUGO_CASES:
        built = (tmp_path / "out" / case / "index.html").read_text(encoding="utf-8")
        stored = (HUGO_SITE / "expected" / f"{case}.html").read_text(encoding="utf-8")
        assert built == stored, case


def test_highlight_marks_lines_and_numbers_them_inline():
    html = render(
        '{{< highlight python "linenos=inline,hl_lines=2-3" >}}\na\nb\nc\n'
        "{{< /highlight >}}"
    )
    assert html.count('class="hll"') == 2
    assert 'class="linenos"' in html


def test_highlight_of_an_unknown_language_is_plain_text():
    html = render("{{< highlight nosuchlang >}}\n<x> & y\n{{< /highlight >}}")
    assert "&lt;x&gt; &amp; y" in html
    assert 'data-lang="nosuchlang"' in html


def test_youtube_start_end_and_the_hosts_to_allow():
    engine, md = make_engine()
    expanded = engine.expand(
        '{{< youtube id="abc" start="30" end="60" >}}\n\n{{< vimeo 42 >}}',
        page_info(),
        "p.md",
        1,
    )
    html = expanded.finish(md.render(expanded.markdown))
    assert "https://www.youtube-nocookie.com/embed/abc?start=30&amp;end=60" in html
    assert html.count('loading="lazy"') == 2
    assert expanded.frame_hosts == {"www.youtube-nocookie.com", "player.vimeo.com"}
    assert engine.expand("{{< param color >}}", page_info(), "p.md").frame_hosts == (
        frozenset()
    )


def test_details_as_newer_hugo():
    html = render(
        '{{< details summary="See *more*" open=true class="c" name="n" '
        'title="t" >}}\nBody **bold**.\n{{< /details >}}'
    )
    assert html == (
        '<details class="c" name="n" open title="t">\n'
        "  <summary>See <em>more</em></summary>\n"
        "  <p>Body <strong>bold</strong>.</p>\n</details>\n\n"
    )
    assert "<summary>Details</summary>" in render("{{< details >}}x{{< /details >}}")


@pytest.mark.parametrize(
    ("call", "url"),
    [
        (
            '{{< x user="SanDiegoZoo" id="1453110110599868418" >}}',
            "https://x.com/SanDiegoZoo/status/1453110110599868418",
        ),
        (
            '{{< tweet user="SanDiegoZoo" id="1453110110599868418" >}}',
            "https://x.com/SanDiegoZoo/status/1453110110599868418",
        ),
        (
            "{{< instagram BWNjjyYFxVx hidecaption >}}",
            "https://www.instagram.com/p/BWNjjyYFxVx/",
        ),
        (
            "{{< gist spf13 7896402 img.html >}}",
            "https://gist.github.com/spf13/7896402#file-img-html",
        ),
    ],
)
def test_posts_and_gists_are_plain_links(call, url):
    html = render(call)
    soup = BeautifulSoup(html, "html.parser")
    assert [a["href"] for a in soup.find_all("a")] == [url]
    assert soup.find("script") is None and soup.find("iframe") is None
    assert not html.startswith("<p>")


def test_ref_and_param_errors_name_the_file_and_line():
    with pytest.raises(ShortcodeError) as caught:
        render("text\n\n[x]({{< ref nowhere.md >}})", path="content/a.md")
    assert str(caught.value).startswith("content/a.md:3: ")
    assert 'no page "nowhere.md"' in str(caught.value)
    with pytest.raises(ShortcodeError) as caught:
        render("a\n{{< param missing >}}", path="content/a.md", first_line=5)
    assert str(caught.value).startswith('content/a.md:6: param "missing" is not set')
    assert isinstance(caught.value, FrontMatterError)


# Parsing.


def test_parameters_are_typed_as_in_hugo():
    html = render(
        '{{< params 42 3.5 true "42" `raw "x"\ntwo` -1 yes >}}', raw_html=True
    )
    assert html == (
        "[0=42:int;1=3.5:float;2=true:bool;3=42:str;4=raw &#34;x&#34;\n"
        "two:str;5=-1:int;6=yes:str;ord=0 parent=-]\n\n"
    )


def test_named_parameters_quotes_and_escapes():
    html = render(
        '{{< params a="1" b=2 c=false d=`x\\ny` e="q\\"uote" >}}', raw_html=True
    )
    assert html == (
        "[a=1:str;b=2:int;c=false:bool;d=x\\ny:str;e=q&#34;uote:str;ord=0 parent=-]\n\n"
    )


def test_mixing_named_and_positional_parameters_is_an_error():
    with pytest.raises(ShortcodeError, match=r"p.md:2: .*mixes named and positional"):
        render("\n{{< params a b=1 >}}", path="p.md")


def test_nesting_ordinal_and_parent():
    html = render(
        "{{< params >}}\n\n{{< wrap one >}}a {{< params >}} b {{< params >}}"
        "{{< /wrap >}}\n\n{{< params >}}",
        raw_html=True,
    )
    assert html == (
        "[ord=0 parent=-]\n\n"
        '<wrap ord="1" first="one">a [ord=0 parent=wrap]\n b [ord=1 parent=wrap]\n'
        "</wrap>\n\n"
        "[ord=2 parent=-]\n\n"
    )


def test_self_closing_shortcode_has_empty_inner():
    assert render("{{< wrap x />}} after") == (
        '<p><wrap ord="0" first="x"></wrap>\n after</p>\n'
    )


def test_shortcode_without_inner_does_not_take_the_text_after_it():
    assert render("{{< discard >}} *kept*") == "<p><hr>\n <em>kept</em></p>\n"
    with pytest.raises(ShortcodeError, match=r"p.md:1: closing tag .* has no opening"):
        render("{{< discard >}}x{{< /discard >}}", path="p.md")


def test_escaped_shortcodes_are_printed_without_the_comment_markers():
    html = render(
        'Use {{</* figure src="x" */>}} or {{%/* param color */%}}, '
        "then {{</* /figure */>}}."
    )
    assert html == (
        "<p>Use {{&lt; figure src=“x” &gt;}} or {{% param color %}}, "
        "then {{&lt; /figure &gt;}}.</p>\n"
    )


def test_percent_form_is_rendered_as_markdown_with_the_page():
    html = render("{{% wrap %}}*x*{{% /wrap %}}", raw_html=True)
    assert html == '<p><wrap ord="0" first=""><em>x</em></wrap></p>\n'


def test_angle_form_inner_is_not_markdown():
    html = render("{{< wrap >}}*x*{{< /wrap >}}", raw_html=True)
    assert html == '<wrap ord="0" first="">*x*</wrap>\n\n'


def test_shortcode_in_a_subfolder():
    assert render("{{< sub/nested hi >}}") == "<sub>hi</sub>\n\n"


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("a\n\n{{< wrap >}}no end", 3, 'shortcode "wrap" must be closed'),
        ("{{< wrap >}}\n{{< /params >}}", 2, 'closing tag for "params" found'),
        ("a\n{{< params x", 2, 'shortcode "params" opens here but is never closed'),
        ('{{< params "open >}}', 1, "opens a quote"),
        ("{{< params `open >}}", 1, "opens a raw string"),
        ("x\n{{< >}}", 2, "is not followed by a shortcode name"),
        ("{{</* figure", 1, "escaped shortcode opens"),
        ("{{< /wrap x >}}", 1, 'closing tag of "wrap" has parameters'),
    ],
)
def test_bad_shortcode_syntax_names_the_line(body, line, message):
    with pytest.raises(ShortcodeError) as caught:
        render(body, path="content/bad.md")
    assert str(caught.value).startswith(f"content/bad.md:{line}: ")
    assert message in str(caught.value)


def test_unknown_shortcode_says_where_to_put_its_template():
    with pytest.raises(ShortcodeError) as caught:
        render("a\n\n{{< nosuch >}}", path="content/p.md", first_line=4)
    assert str(caught.value) == (
        f'content/p.md:6: unknown shortcode "nosuch"; put its template in '
        f"{SITE}/nosuch.html (a Jinja port of its Go template)"
    )


def test_a_name_cannot_leave_the_shortcode_folder():
    with pytest.raises(ShortcodeError, match='unknown shortcode "sub/../echo"'):
        render('{{< sub/../echo text="x" >}}')


# A site's own shortcodes.


def test_coder_ports_render_as_hugo_renders_the_originals():
    body, page, first_line = read_case(FIXTURES / "coder" / "coder.md")
    ours = render(body, page=page, first_line=first_line, raw_html=True)
    hugos = (FIXTURES / "coder" / "coder.hugo.html").read_text(encoding="utf-8")
    assert canonical(ours) == canonical(hugos)


def test_scratch_is_shared_by_the_shortcodes_of_one_page():
    page = page_info()
    html = render(
        "{{< counter b >}} {{< counter a >}} {{< counter c >}}\n\n{{< summary >}}",
        page=page,
    )
    assert html == "<p>#1\n #2\n #3\n</p>\n3 [1 0 2] [b a c] gone\n\n"
    assert render("{{< summary >}}") == "   gone\n\n"  # another page, a new scratch


def test_scratch_api():
    scratch = Scratch()
    assert scratch.get("x") is None
    scratch.add("n", 2)
    scratch.add("n", 3)
    scratch.add("s", "a")
    scratch.add("s", "b")
    scratch.add("l", [1])
    scratch.add("l", 2)
    scratch.set_in_map("m", "b", 2)
    scratch.set_in_map("m", "a", 1)
    assert (scratch.get("n"), scratch.get("s"), scratch.get("l")) == (5, "ab", [1, 2])
    assert scratch.get_sorted_map_values("m") == [1, 2]
    assert scratch.get_sorted_map_values("n") is None
    scratch.delete("n")
    assert scratch.get("n") is None


def test_markdownify_drops_the_paragraph_of_one_paragraph_only():
    html = render('{{< md "one *para*" >}}\n\n{{< md "one\n\ntwo" >}}')
    assert html == (
        "one <em>para</em>|one <em>para</em>\n\n"
        "<p>one</p>\n<p>two</p>\n|<p>one</p>\n<p>two</p>\n\n\n"
    )


def test_ref_relref_site_and_page_in_a_template():
    html = render('{{< links "other.md" >}}')
    assert html == (
        '<a href="https://example.org/other/">abs</a> '
        '<a href="/other/">rel</a> Site P\n\n'
    )


def test_ref_keeps_the_base_urls_path():
    engine = ShortcodeEngine(
        None,
        {**SITE_INFO, "base_url": "https://example.org/blog/"},
        lambda args, page, path, line, absolute: (
            ("https://example.org" if absolute else "") + "/blog/other/"
        ),
        markdown_renderer().render,
    )
    expanded = engine.expand('{{< ref "other.md" >}}', page_info(), "p.md")
    assert expanded.finish(expanded.markdown) == "https://example.org/blog/other/"


def test_template_that_is_not_utf8_names_the_template(tmp_path):
    (tmp_path / "latin.html").write_bytes(b"caf\xe9 {{ inner }}\n")
    with pytest.raises(ShortcodeError) as caught:
        render("\n{{< latin >}}x{{< /latin >}}", folder=tmp_path, path="p.md")
    assert str(caught.value).startswith('p.md:2: shortcode "latin": ')
    assert "utf-8" in str(caught.value)


def test_template_syntax_error_names_template_and_page_lines():
    with pytest.raises(ShortcodeError) as caught:
        render("x\n{{< broken 1 >}}", path="content/p.md")
    message = str(caught.value)
    assert message.startswith('content/p.md:2: shortcode "broken": ')
    assert f"{SITE / 'broken.html'}:" in message
    assert "fix the template" in message


def test_template_undefined_name_names_template_and_page_lines():
    with pytest.raises(ShortcodeError) as caught:
        render("\n\n{{< undefined >}}", path="content/p.md")
    message = str(caught.value)
    assert message.startswith('content/p.md:3: shortcode "undefined": ')
    assert f"{SITE / 'undefined.html'}:2: 'no_such_name' is undefined" in message


def test_inline_shortcodes_render_nothing_and_warn_once_per_use(caplog):
    body = (
        "a {{< time.inline >}}{{ now }}{{< /time.inline >}} b\n\n{{< time.inline />}}"
    )
    with caplog.at_level(logging.WARNING):
        html = render(body, path="content/p.md")
    assert html == "<p>a  b</p>\n\n"
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 2
    assert warnings[0].startswith("content/p.md:1: inline shortcode 'time.inline'")
    assert warnings[1].startswith("content/p.md:3: ")
    assert f"{SITE}/time.html" in warnings[0]


def test_no_site_folder_means_built_ins_only():
    assert render("{{< param color >}}", folder=None) == "red\n"
    with pytest.raises(ShortcodeError, match="the site's shortcode folder/wrap.html"):
        render("{{< wrap >}}", folder=None)


def test_body_without_shortcodes_is_left_alone():
    engine, _ = make_engine()
    expanded = engine.expand("plain {{ text }}", page_info(), "p.md")
    assert expanded.markdown == "plain {{ text }}"
    assert expanded.finish("<p>x</p>") == "<p>x</p>"


# Escaping: every way a value reaches the HTML.

SCRIPT = "<script>alert(1)</script>"


def assert_no_script(html: str) -> None:
    assert BeautifulSoup(html, "html.parser").find("script") is None, html


def test_argument_with_quotes_and_markup_is_escaped():
    html = render('{{< echo text="a \\"b\\" <script>alert(1)</script>" >}}')
    assert html == (
        '<span title="a &#34;b&#34; &lt;script&gt;alert(1)&lt;/script&gt;">'
        "a &#34;b&#34; &lt;script&gt;alert(1)&lt;/script&gt;</span>\n\n"
    )


@pytest.mark.parametrize(
    "body",
    [
        f"{{{{< highlight html >}}}}\n{SCRIPT}\n{{{{< /highlight >}}}}",
        f"{{{{< details summary='x' >}}}}\n{SCRIPT}\n{{{{< /details >}}}}",
        f'{{{{< details summary="{SCRIPT}" >}}}}x{{{{< /details >}}}}',
        f'{{{{< figure src="a.png" caption="{SCRIPT}" >}}}}',
        f'{{{{< figure src="{SCRIPT}" title="{SCRIPT}" alt="{SCRIPT}" '
        f'attr="{SCRIPT}" attrlink="{SCRIPT}" link="{SCRIPT}" class="{SCRIPT}" >}}}}',
        f'{{{{< youtube id="{SCRIPT}" title="{SCRIPT}" class="{SCRIPT}" >}}}}',
        f'{{{{< vimeo id="{SCRIPT}" title="{SCRIPT}" class="{SCRIPT}" >}}}}',
        f'{{{{< x user="{SCRIPT}" id="{SCRIPT}" >}}}}',
        f'{{{{< gist "{SCRIPT}" "{SCRIPT}" "{SCRIPT}" >}}}}',
        "{{< param evil >}}",
        "{{< param sitewide >}}",
        f"{{{{% wrap %}}}}{SCRIPT}{{{{% /wrap %}}}}",
        f"{{{{< discard >}}}}{SCRIPT}",
        f'{{{{< md "{SCRIPT}" >}}}}',
        f'{{{{< notice "{SCRIPT}" "{SCRIPT}" >}}}}{SCRIPT}{{{{< /notice >}}}}',
        f'{{{{< tab name="{SCRIPT}" >}}}}{SCRIPT}{{{{< /tab >}}}}',
    ],
)
def test_no_value_becomes_live_html(body):
    page = page_info(evil=SCRIPT)
    engine, md = make_engine()
    engine.site = {**SITE_INFO, "params": {"sitewide": SCRIPT}}
    expanded = engine.expand(body, page, "p.md")
    assert_no_script(expanded.finish(md.render(expanded.markdown)))


def test_angle_form_inner_is_output_as_is_only_by_the_template():
    # Hugo outputs .Inner raw; a template that does not output it drops it.
    assert SCRIPT in render(f"{{{{< wrap >}}}}{SCRIPT}{{{{< /wrap >}}}}")
    assert_no_script(render(f"{{{{< ignore >}}}}{SCRIPT}{{{{< /ignore >}}}}x"))


def test_a_ported_inline_shortcode_renders_with_its_template(caplog):
    body = "{{< css.inline >}}<b>kept</b>{{< /css.inline >}}"
    with caplog.at_level(logging.WARNING):
        html = render(body, path="content/p.md")
    assert '<span class="ported"><b>kept</b></span>' in html
    assert not caplog.records  # no warning: the site ported it


def test_an_unknown_paired_shortcode_is_named_at_its_opening_line():
    with pytest.raises(ShortcodeError) as caught:
        render("text\n\n{{< notice info >}}\nbody\n{{< /notice >}}", folder=None)
    assert str(caught.value).startswith(
        'content/p.md:3: unknown shortcode "notice"; put its template in '
        "the site's shortcode folder/notice.html"
    )
