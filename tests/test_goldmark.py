"""The Goldmark-compatible renderer against Hugo 0.111's own output.

Each ``fixtures/goldmark/NAME.md`` is a page body; ``NAME.toml``, when there,
is the part of Hugo's config it is rendered with; ``NAME.html`` is what Hugo
made of it. Run ``python -m tests.test_goldmark`` to write the HTML files
again with Debian's hugo.
"""

from __future__ import annotations

import html
import subprocess
import sys
import tempfile
import tomllib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from pelican.plugins.hugo_frontmatter.markdown.fence_info import parse_fence_info
from pelican.plugins.hugo_frontmatter.markdown.goldmark import (
    GoldmarkConfigError,
    GoldmarkOptions,
    Renderer,
    parse_line_ranges,
)
from pelican.plugins.hugo_frontmatter.markdown.heading_ids import (
    HeadingIds,
    blackfriday_id,
    github_ascii_id,
    github_id,
)
from pelican.plugins.hugo_frontmatter.markdown.rules.attributes import parse_attributes
from pelican.plugins.hugo_frontmatter.markdown.rules.emoji import emoji_codes
from pelican.plugins.hugo_frontmatter.markdown.rules.summary import (
    cut_summary,
    mark_summary,
    split_summary,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "goldmark"
# Only pages: no home, list, feed or sitemap for the bodies to hide among.
_HUGO_SITE_CONFIG = """\
baseURL = "https://example.org/"
disableKinds = ["home", "section", "taxonomy", "term", "RSS", "sitemap",
                "robotsTXT", "404"]
"""


def fixture_names() -> list[str]:
    return sorted(path.stem for path in FIXTURES.glob("*.md"))


def fixture_config(name: str) -> str:
    path = FIXTURES / f"{name}.toml"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def hugo_render(hugo: str, names: list[str], workdir: Path) -> dict[str, str]:
    """Hugo's ``.Content`` for each fixture body, one site per distinct config."""
    by_config: dict[str, list[str]] = {}
    for name in names:
        by_config.setdefault(fixture_config(name), []).append(name)
    rendered = {}
    for number, (config, group) in enumerate(by_config.items()):
        site = workdir / f"site{number}"
        (site / "content").mkdir(parents=True)
        (site / "layouts" / "_default").mkdir(parents=True)
        # The fixture's own keys come after the site's top-level keys and
        # before any table of its own, so plain concatenation is valid TOML.
        (site / "config.toml").write_text(_HUGO_SITE_CONFIG + config, encoding="utf-8")
        (site / "layouts" / "_default" / "single.html").write_text(
            "{{ .Content }}", encoding="utf-8"
        )
        for name in group:
            body = (FIXTURES / f"{name}.md").read_text(encoding="utf-8")
            (site / "content" / f"{name}.md").write_text(
                f"---\ntitle: {name}\n---\n{body}", encoding="utf-8"
            )
        result = subprocess.run(
            [hugo, "--quiet", "-d", "public"],
            cwd=site,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"hugo failed on the fixtures {', '.join(group)} in {site}: "
                f"{result.stderr.strip()}"
            )
        for name in group:
            page = site / "public" / name.lower() / "index.html"
            rendered[name] = page.read_text(encoding="utf-8")
    return rendered


# -- comparing HTML --------------------------------------------------------


class _Normaliser(HTMLParser):
    """HTML with the whitespace between tags dropped and each code block
    reduced to its text (Chroma and Pygments mark code up differently); the
    attributes of a highlighted block's outer ``<div>`` are kept."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.code: list[str] | None = None
        self.depth = 0  # open tags inside the code block

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.code is not None:
            self.depth += 1
            if tag == "td":  # line numbers and code side by side
                self.code.append(" ")
            return
        classes = (dict(attrs).get("class") or "").split()
        shown = "".join(
            f" {name}" if value is None else f' {name}="{html.escape(value)}"'
            for name, value in attrs
        )
        if tag == "pre" or (tag == "div" and classes[:1] == ["highlight"]):
            if tag == "div":
                self.out.append(f"<{tag}{shown}>")
            self.code, self.depth = [], 1
            return
        self.out.append(f"<{tag}{shown}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if self.code is not None:
            self.depth -= 1

    def handle_endtag(self, tag: str) -> None:
        if self.code is not None:
            self.depth -= 1
            if self.depth == 0:
                text = " ".join("".join(self.code).split())
                self.out.append(f"<pre>{text}</pre>")
                self.code = None
            return
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.code is not None:
            self.code.append(data)
        elif data.strip():
            self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")

    def _reference(self, text: str) -> None:
        if self.code is not None:
            self.code.append(html.unescape(text))
        else:
            self.out.append(text)

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")


def normalise(markup: str) -> str:
    parser = _Normaliser()
    parser.feed(markup)
    parser.close()
    return "\n".join(parser.out)


def options_for(name: str) -> GoldmarkOptions:
    config = tomllib.loads(fixture_config(name))
    return GoldmarkOptions.from_hugo_config(
        config.get("markup"), config.get("enableEmoji", False)
    )


# -- the fixtures ----------------------------------------------------------


@pytest.mark.parametrize("name", fixture_names())
def test_renders_as_hugo(name: str) -> None:
    body = (FIXTURES / f"{name}.md").read_text(encoding="utf-8")
    expected = (FIXTURES / f"{name}.html").read_text(encoding="utf-8")
    assert normalise(Renderer(options_for(name)).render(body)) == normalise(expected)


@pytest.mark.hugo
def test_fixtures_are_hugos_output(hugo: str, tmp_path: Path) -> None:
    names = fixture_names()
    rendered = hugo_render(hugo, names, tmp_path)
    stale = [
        name
        for name in names
        if rendered[name] != (FIXTURES / f"{name}.html").read_text(encoding="utf-8")
    ]
    assert not stale, (
        f"Hugo no longer writes {', '.join(stale)}.html as stored: "
        "run `python -m tests.test_goldmark` and review the difference"
    )


# -- heading ids -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "github", "ascii", "blackfriday"),
    [
        ("Hello World", "hello-world", "hello-world", "hello-world"),
        (
            "Ünïcödé Überschrift – mit Strich",
            "ünïcödé-überschrift--mit-strich",
            "unicode-uberschrift--mit-strich",
            "ünïcödé-überschrift-mit-strich",
        ),
        ("中文标题 title", "中文标题-title", "-title", "中文标题-title"),
        (
            "What's *new*, in `v2.0`?",
            "whats-new-in-v20",
            "whats-new-in-v20",
            "what-s-new-in-v2-0",
        ),
        ("a_b-c  d__e", "a_b-c--d__e", "a_b-c--d__e", "a-b-c-d-e"),
        ("-- dashes --", "---dashes---", "---dashes---", "dashes"),
        (
            "Emoji :smile: and <b>tag</b>",
            "emoji-smile-and-btagb",
            "emoji-smile-and-btagb",
            "emoji-smile-and-b-tag-b",
        ),
        ("1. Numbered", "1-numbered", "1-numbered", "1-numbered"),
        ("Tab\there", "tab-here", "tab-here", "tab-here"),
    ],
)
def test_heading_id_rules(text: str, github: str, ascii: str, blackfriday: str) -> None:
    assert github_id(text) == github
    assert github_ascii_id(text) == ascii
    assert blackfriday_id(text) == blackfriday


def test_duplicate_heading_ids_are_numbered_and_written_ids_reserved() -> None:
    ids = HeadingIds()
    ids.put("intro-1")
    assert [ids.generate(t) for t in ["Intro", "Intro", "Intro", "!!!", "!!!"]] == [
        "intro",
        "intro-2",
        "intro-3",
        "heading",
        "heading-1",
    ]


def test_heading_ids_come_from_the_text_before_plugins_shift_levels() -> None:
    def shift(md: MarkdownIt) -> None:
        def rule(state) -> None:
            for token in state.tokens:
                if token.type in {"heading_open", "heading_close"}:
                    token.tag = f"h{min(int(token.tag[1]) + 1, 6)}"

        md.core.ruler.push("shift_headings", rule)

    rendered = Renderer(plugins=[shift]).render("# Top {.x}\n\n## Top\n")
    assert rendered == '<h2 class="x" id="top">Top</h2>\n<h3 id="top-1">Top</h3>\n'


def test_title_attributes_off_keep_the_braces_in_text_and_id() -> None:
    options = GoldmarkOptions.from_hugo_config(
        {"goldmark": {"parser": {"attribute": {"title": False}}}}
    )
    assert Renderer(options).render("## Custom {#my-id}") == (
        '<h2 id="custom-my-id">Custom {#my-id}</h2>\n'
    )


# -- options ---------------------------------------------------------------


def test_default_options_are_hugos() -> None:
    options = GoldmarkOptions.from_hugo_config(None)
    assert options == GoldmarkOptions()
    assert options.typographer and options.linkify and options.footnote
    assert not options.unsafe and not options.block_attributes and not options.emoji
    assert options.heading_id_type == "github" and options.line_no_start == 1


def test_option_keys_ignore_case() -> None:
    options = GoldmarkOptions.from_hugo_config(
        {
            "Goldmark": {
                "Extensions": {"TYPOGRAPHER": False, "tasklist": False},
                "Parser": {"AutoHeadingIdType": "GitHub-ASCII"},
                "Renderer": {"Unsafe": True},
            },
            "Highlight": {"LineNos": True, "hl_lines": "2 4-5", "lineNoStart": 7},
        },
        enable_emoji=True,
    )
    assert not options.typographer and not options.task_list
    assert options.heading_id_type == "github-ascii" and options.unsafe
    assert options.line_nos and options.hl_lines == ((2, 2), (4, 5))
    assert options.line_no_start == 7 and options.emoji


@pytest.mark.parametrize(
    ("markup", "message"),
    [
        (
            {"goldmark": {"parser": {"autoHeadingIDType": "gitlab"}}},
            "autoHeadingIDType",
        ),
        ({"goldmark": {"renderer": {"unsafe": "yes"}}}, "renderer.unsafe"),
        ({"highlight": {"lineNoStart": "ten"}}, "lineNoStart"),
    ],
)
def test_bad_options_name_their_key(markup: dict, message: str) -> None:
    with pytest.raises(GoldmarkConfigError, match=message):
        GoldmarkOptions.from_hugo_config(markup)


def test_attribute_lists() -> None:
    assert parse_attributes('#both .a .b key=value q="x y"') == [
        ("id", "both"),
        ("class", "a b"),
        ("key", "value"),
        ("q", "x y"),
    ]
    assert parse_attributes("not attributes") is None
    assert parse_attributes("") is None


def test_fence_info_and_line_ranges() -> None:
    language, options = parse_fence_info(
        'go {linenos=true,hl_lines=[2,"4-5"], linenostart=10}'
    )
    assert language == "go"
    assert options == {"linenos": "true", "hl_lines": '[2,"4-5"]', "linenostart": "10"}
    assert parse_line_ranges([2, "4-5"]) == ((2, 2), (4, 5))
    assert parse_line_ranges("") == ()


# -- code, raw HTML, summary, emoji ----------------------------------------


@pytest.mark.parametrize(
    "fence",
    [
        "```nosuchlanguage\n<script>alert(1)</script>\n```",
        "```html\n<script>alert(1)</script>\n```",
        "```\n<script>alert(1)</script>\n```",
        '```"><script>alert(1)</script>\n<b>x</b>\n```',
        "```html {linenos=table,hl_lines=[1]}\n<script>alert(1)</script>\n```",
    ],
)
def test_code_never_reaches_the_page_as_html(fence: str) -> None:
    for unsafe in (False, True):
        options = GoldmarkOptions.from_hugo_config(
            {"goldmark": {"renderer": {"unsafe": unsafe}}}
        )
        rendered = Renderer(options).render(fence)
        assert "<script" not in rendered and "<b>" not in rendered


def test_highlight_defaults_from_config_apply_to_every_fence() -> None:
    options = GoldmarkOptions.from_hugo_config(
        {"highlight": {"lineNos": True, "lineNumbersInTable": False, "hl_Lines": "2"}}
    )
    rendered = Renderer(options).render("```python\na = 1\nb = 2\n```")
    assert '<span class="linenos">1</span>' in rendered
    assert '<span class="hll"><span class="linenos">2</span>' in rendered


def test_summary_is_the_markdown_before_the_divider() -> None:
    body = (FIXTURES / "more.md").read_text(encoding="utf-8")
    summary, whole = split_summary(body)
    assert summary == "The summary, with *emphasis*.\n\n"
    assert "<!--more-->" not in whole
    assert split_summary("No divider.") == (None, "No divider.")


def test_the_divider_leaves_nothing_even_when_raw_html_is_allowed() -> None:
    options = GoldmarkOptions.from_hugo_config(
        {"goldmark": {"renderer": {"unsafe": True}}}
    )
    assert Renderer(options).render("a\n\n<!--more-->\n\nb\n") == "<p>a</p>\n<p>b</p>\n"


def test_emoji_table_covers_the_codes_hugo_knows_in_the_fixtures() -> None:
    codes = emoji_codes()
    expected = {
        ":heart:": "\u2764\ufe0f",
        ":smile:": "\U0001f604",
        ":+1:": "\U0001f44d",
        ":thumbsup:": "\U0001f44d",
        ":rocket:": "\U0001f680",
        ":tada:": "\U0001f389",
    }
    assert {code: codes.get(code) for code in expected} == expected


def test_image_alt_keeps_typographic_characters_unlike_hugo() -> None:
    # Hugo 0.111 writes alt="It&amp;rsquo;s": a visitor would read the
    # entity's name. This renderer gives the characters instead.
    rendered = Renderer().render('![It\'s "here"](/x.png)')
    assert rendered == '<p><img src="/x.png" alt="It\u2019s \u201chere\u201d"></p>\n'


_DANGEROUS = (
    "[a](javascript:alert(1)) ![b](data:text/html,x) ![c](data:image/png;base64,A)"
)


@pytest.mark.parametrize(
    ("unsafe", "link", "image"),
    [(False, "", ""), (True, "javascript:alert(1)", "data:text/html,x")],
)
def test_dangerous_addresses_are_emptied_unless_unsafe(
    unsafe: bool, link: str, image: str
) -> None:
    options = GoldmarkOptions.from_hugo_config(
        {"goldmark": {"renderer": {"unsafe": unsafe}}}
    )
    assert Renderer(options).render(_DANGEROUS) == (
        f'<p><a href="{link}">a</a> <img src="{image}" alt="b"> '
        '<img src="data:image/png;base64,A" alt="c"></p>\n'
    )


def test_extensions_can_be_turned_off() -> None:
    extensions = dict.fromkeys(
        [
            "typographer",
            "linkify",
            "table",
            "strikethrough",
            "taskList",
            "definitionList",
            "footnote",
        ],
        False,
    )
    options = GoldmarkOptions.from_hugo_config({"goldmark": {"extensions": extensions}})
    text = "- [x] ~~a~~ https://e.com\n\n| a |\n|---|\n\nT\n: d\n\nx[^1]\n\n[^1]: n\n"
    rendered = Renderer(options).render(text)
    # [^1]: n is a link reference definition without footnotes, as in Goldmark.
    assert '<a href="n">^1</a>' in rendered
    for absent in ("<input", "<del>", 'https://e.com"', "<table>", "<dl>", "<sup"):
        assert absent not in rendered


def test_one_renderer_serves_many_pages_without_carrying_state() -> None:
    renderer = Renderer()
    first = renderer.render('# A\n\n"open quote\n\nText[^1]\n\n[^1]: note\n')
    again = renderer.render('# A\n\n"open quote\n\nText[^1]\n\n[^1]: note\n')
    assert first == again
    assert 'id="a"' in again and 'href="#fn:1"' in again


if __name__ == "__main__":
    hugo_program = sys.argv[1] if len(sys.argv) > 1 else "hugo"
    with tempfile.TemporaryDirectory() as tmp:
        for name, html in hugo_render(hugo_program, fixture_names(), Path(tmp)).items():
            (FIXTURES / f"{name}.html").write_text(html, encoding="utf-8")
            print(f"wrote {name}.html")


# Hugo 0.111's .Content and .Summary of the same bodies (hugo --quiet, a
# layout printing both): the divider ends its paragraph, references and
# footnotes resolve across it, the summary is the HTML before it.
DIVIDED = [
    (
        "One two. <!--more-->Three four.\n",
        "<p>One two.</p>",
        "<p>One two.</p>\n<p>Three four.</p>\n",
    ),
    (
        "line one\n<!--more-->\nline two\n\n- item\n",
        "<p>line one</p>",
        "<p>line one</p>\n<p>line two</p>\n<ul>\n<li>item</li>\n</ul>\n",
    ),
    (
        "See [x][r] and[^1].\n\n<!--more-->\n\nMore [x][r].\n\n"
        "[r]: https://e.org/r\n[^1]: note\n",
        '<p>See <a href="https://e.org/r">x</a> and<sup id="fnref:1"><a '
        'href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>.</p>',
        '<p>See <a href="https://e.org/r">x</a> and<sup id="fnref:1"><a '
        'href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>.</p>\n'
        '<p>More <a href="https://e.org/r">x</a>.</p>\n'
        '<div class="footnotes" role="doc-endnotes">\n<hr>\n<ol>\n<li id="fn:1">\n'
        '<p>note&#160;<a href="#fnref:1" class="footnote-backref" '
        'role="doc-backlink">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>\n',
    ),
]


@pytest.mark.parametrize(("text", "summary", "content"), DIVIDED)
def test_the_divider_splits_content_and_summary_as_hugo(text, summary, content):
    marked = mark_summary(text)
    assert cut_summary(Renderer().render(marked)) == (summary, content)
    assert mark_summary("No divider.") is None
