"""A few hostile bytes cost what Hugo pays for them: no event handler from a
Markdown attribute, no gigabytes from a line range or a YAML alias, one line
for a lone surrogate, linear time for many shortcodes and references."""

from __future__ import annotations

import gc
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from cameo_tools.errors import BuildError
from pelican.plugins.hugo_frontmatter.content.frontmatter import (
    FrontMatterError,
    split,
)
from pelican.plugins.hugo_frontmatter.content.summary import (
    automatic_summary,
    plain_text,
)
from pelican.plugins.hugo_frontmatter.markdown.goldmark import (
    GoldmarkOptions,
    Renderer,
    parse_line_ranges,
)
from pelican.plugins.hugo_frontmatter.markdown.line_ranges import lines_in
from pelican.plugins.hugo_frontmatter.markdown.rules.allowed_attributes import (
    attribute_allowed,
)
from pelican.plugins.hugo_frontmatter.shortcodes.calls import (
    PageInfo,
    ShortcodeError,
)
from pelican.plugins.hugo_frontmatter.shortcodes.expand import ShortcodeEngine

from .conftest import HUGO_SETTINGS, ROOT, build_site, hugo_build, write_tree

HOME = "---\ntitle: Home\n---\nHi\n"
BLOCK_ATTRIBUTES = {
    "hugo_urls": True,
    "markup": {"goldmark": {"parser": {"attribute": {"block": True}}}},
}
# Pages with a list of posts and their summaries.
WITH_LIST = {"DIRECT_TEMPLATES": ["index"], "INDEX_SAVE_AS": "index.html"}


def laughs(levels: int = 9, width: int = 9) -> str:
    """A YAML "billion laughs": each level an anchor holding ``width``
    aliases of the level below; 500 bytes that stand for 9**9 values."""
    lines = ['a0: &a0 "lol"']
    for level in range(1, levels + 1):
        refs = ", ".join([f"*a{level - 1}"] * width)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


def _build_fails(tmp_path: Path, monkeypatch, files: dict) -> list[str]:
    """Build ``files`` (with a home page); the problems the build logged."""
    content = write_tree(tmp_path / "content", {"_index.md": HOME, **files})
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BuildError) as caught:
        build_site(content, tmp_path / "out", HUGO_SETTINGS)
    assert not (tmp_path / "out").exists()
    return caught.value.problems


def _child_build(root: Path, settings: Path, megabytes: int, **overrides) -> tuple:
    """Build in a child process allowed ``megabytes`` of address space:
    what it printed, its exit status and its wall time. A build that once
    took gigabytes fails there at once instead of swapping the machine."""
    output = str(root / "out")
    script = (
        "import sys\n"
        "from cameo_tools.build import BuildError, build\n"
        "try:\n"
        f"    build({str(settings)!r}, {output!r}, overrides={overrides!r})\n"
        "except BuildError as error:\n"
        "    print('\\n'.join(error.problems)); sys.exit(1)\n"
    )
    limit = megabytes * 2**20

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=cap,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    seconds = time.perf_counter() - started
    return result.stdout + result.stderr, result.returncode, seconds


def _attribute_names(html: str) -> set[str]:
    soup = BeautifulSoup(html, "html.parser")
    return {name for tag in soup.find_all(True) for name in tag.attrs}


# --- 5: event handlers from Markdown attributes ------------------------------

POST_WITH_ATTRIBUTES = """
---
title: P
date: 2024-01-01
summary: |
  ## In the summary {onclick="alert(1)" .s}

  Text.
  {onmouseover="alert(2)" .t}
---
## Heading {onclick="alert(3)" OnFocus="alert(4)" .h data-x="y"}

A paragraph.
{onmouseover="alert(5)" .b style="color: red"}

> Quote.
{ONCLICK="alert(6)" cite="/c"}
"""


def test_event_handlers_in_markdown_attributes_never_reach_a_page(tmp_path):
    content = write_tree(
        tmp_path / "content",
        {"posts/p.md": POST_WITH_ATTRIBUTES},
    )
    output = tmp_path / "out"
    build_site(
        content, output, HUGO_SETTINGS, HUGO_FRONTMATTER=BLOCK_ATTRIBUTES, **WITH_LIST
    )
    pages = {
        path.relative_to(output).as_posix(): path.read_text("utf-8")
        for path in output.rglob("*.html")
    }
    for name, html in pages.items():
        handlers = [n for n in _attribute_names(html) if n.lower().startswith("on")]
        assert not handlers, (name, handlers)
    post = BeautifulSoup(pages["posts/p/index.html"], "html.parser")
    heading = post.find("h2", id="heading")
    assert heading["class"] == ["h"] and heading["data-x"] == "y"
    assert post.find("p", class_="b")["style"] == "color: red"
    assert post.find("blockquote")["cite"] == "/c"
    summary = BeautifulSoup(pages["index.html"], "html.parser").find(class_="summary")
    assert summary.find("h2", class_="s") is not None
    assert summary.find("p", class_="t") is not None


@pytest.mark.parametrize(
    ("tag", "name", "kept"),
    [
        ("h2", "onclick", False),
        ("h2", "OnLoad", False),
        ("h2", "on", False),
        ("h2", "href", True),  # Hugo writes a heading's attributes all
        ("h2", "x-on", True),
        ("p", "style", True),
        ("p", "href", False),  # Goldmark's list for a paragraph
        ("p", "aria-label", False),
        ("p", "data-on", True),
        ("p", "Data-x", False),  # compared as written
        ("blockquote", "cite", True),
        ("ol", "reversed", True),
        ("ul", "compact", False),
        ("table", "border", True),
        ("hr", "noshade", True),
        ("a", "onclick", False),
        ("img", "src", True),
    ],
)
def test_attribute_names_are_kept_or_dropped_as_hugo_does(tag, name, kept):
    # Each row checked against Hugo 0.111's output (fixtures/goldmark/
    # attributes_filtered.* holds the same against Hugo itself).
    assert attribute_allowed(tag, name) is kept


# --- 7: line ranges, YAML aliases ---------------------------------------------


@pytest.mark.parametrize(
    ("ranges", "highlighted"),
    [
        ('["1-30000000"]', "abcd"),
        ('["2-3"]', "bc"),
        ('"2 3"', "bc"),
        ('["0-1"]', "a"),
        ('["3-1"]', ""),
        ('["-5"]', ""),
        ('["2-"]', ""),
        ('["x"]', ""),
        ("[99]", ""),
        ('["2", "x"]', "b"),
        ('["1-2", "x", "3"]', "abc"),
        (f'["1-{"9" * 5000}"]', ""),
    ],
)
def test_hl_lines_highlight_the_lines_hugo_highlights(ranges, highlighted):
    # What Hugo 0.111 highlights in a block of four lines (tried with it):
    # lines the block lacks are ignored, as are items that are no range.
    started = time.perf_counter()
    html = Renderer().render(f"```go {{hl_lines={ranges}}}\na\nb\nc\nd\n```\n")
    assert time.perf_counter() - started < 1
    assert "".join(re.findall(r'<span class="hll"><span class="nx">(\w)', html)) == (
        highlighted
    )


def test_line_ranges_are_kept_as_ranges_and_cut_to_the_block():
    ranges = parse_line_ranges([1, "3-100000000000"])
    assert ranges == ((1, 1), (3, 100000000000))
    assert lines_in(ranges, 5) == (1, 3, 4, 5)
    assert lines_in(((2, 4), (3, 5), (9, 9)), 6) == (2, 3, 4, 5)
    markup = {"highlight": {"hl_Lines": "2-900000000"}}
    config = GoldmarkOptions.from_hugo_config(markup)
    html = Renderer(config).render("```go\na\nb\n```\n")
    assert html.count('class="hll"') == 1


@pytest.mark.slow
def test_a_huge_line_range_builds_in_little_memory_and_time(tmp_path):
    # 3 GB and 8.5 s before; Hugo: 48 MB, 0.1 s.
    write_tree(
        tmp_path,
        {
            "content/_index.md": HOME,
            "content/posts/p.md": "---\ntitle: P\n---\n"
            '```go {hl_lines=["1-100000000"]}\nfunc a() {}\nfunc b() {}\n```\n',
        },
    )
    printed, status, _ = _child_build(
        tmp_path, HUGO_SETTINGS, 1500, PATH=str(tmp_path / "content")
    )
    assert status == 0, printed
    page = (tmp_path / "out" / "posts" / "p" / "index.html").read_text("utf-8")
    assert page.count('class="hll"') == 2


def test_yaml_alias_bomb_in_front_matter_is_one_line_naming_file_and_line(
    tmp_path, monkeypatch
):
    started = time.perf_counter()
    problems = _build_fails(
        tmp_path,
        monkeypatch,
        {"posts/p.md": "---\ntitle: P\n" + laughs() + "---\n{{< param a9 >}}\n"},
    )
    assert time.perf_counter() - started < 10  # the build; the refusal is instant
    assert problems[0].startswith("content/posts/p.md:7:5: front matter is not")
    assert "'document contains excessive aliasing'" in problems[0]
    assert "; write the values out" in problems[0]
    assert "\n" not in problems[0]


@pytest.mark.slow
def test_yaml_alias_bomb_in_the_hugo_config_stops_the_build_at_once(tmp_path):
    # 10 GB and 2 min 25 s before; Hugo refuses it in 0.04 s.
    write_tree(
        tmp_path,
        {
            "hugo.yaml": 'baseURL: "https://example.org/"\ntitle: T\n' + laughs(),
            "content/_index.md": HOME,
        },
    )
    printed, status, seconds = _child_build(
        tmp_path,
        ROOT / "pelicanconf.py",
        1500,
        PATH=str(tmp_path / "content"),
        CACHE_PATH=str(tmp_path / "cache"),
        HUGO_FRONTMATTER={"hugo_config": "hugo.yaml"},
    )
    assert status == 1, printed
    line = next(p for p in printed.splitlines() if "hugo.yaml" in p)
    assert re.search(r"hugo\.yaml:7: is not valid YAML: its aliases", line), line
    assert "excessive aliasing" in line and "fix the YAML" in line
    assert "Traceback" not in printed
    assert seconds < 30 and not (tmp_path / "out").exists()


def test_ordinary_yaml_aliases_are_still_read():
    fields = split(
        "---\nbase: &b {x: 1}\nother: *b\nmerged: {<<: *b, z: 2}\n"
        + "\n".join(f"u{i}: *b" for i in range(300))
        + "\n---\n",
        "p.md",
    ).fields
    assert fields["other"] == {"x": 1} and fields["merged"] == {"x": 1, "z": 2}
    assert fields["u299"] == {"x": 1}


# (levels, width) of a billion laughs, and whether Hugo 0.111 reads it
# (tried with it: go-yaml counts the values an alias stands for).
ALIASING = [
    ((3, 9), True),
    ((3, 10), True),
    ((4, 6), True),
    ((4, 7), False),
    ((5, 4), False),
    ((9, 2), True),
    ((10, 2), False),
    ((3, 15), False),
    ((2, 100), True),
    ((2, 200), False),
]


@pytest.mark.parametrize(("shape", "read"), ALIASING)
def test_yaml_aliasing_is_refused_where_hugo_refuses_it(shape, read):
    text = "---\ntitle: x\n" + laughs(*shape) + "---\n"
    started = time.perf_counter()
    if read:
        split(text, "p.md")
    else:
        with pytest.raises(FrontMatterError, match="excessive aliasing"):
            split(text, "p.md")
    assert time.perf_counter() - started < 1


@pytest.mark.hugo
def test_aliasing_table_is_hugos(hugo, tmp_path):
    for (levels, width), read in ALIASING:
        site = tmp_path / f"s{levels}-{width}"
        write_tree(
            site,
            {
                "config.toml": 'baseURL = "https://example.org/"\n',
                "content/p.md": "---\ntitle: x\n" + laughs(levels, width) + "---\n",
            },
        )
        result = subprocess.run(
            [hugo, "--quiet", "--source", str(site), "-d", str(site / "public")],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert (result.returncode == 0) is read, (levels, width, result.stderr)
        if not read:
            assert "excessive aliasing" in result.stderr


# --- 12: a lone surrogate in JSON front matter --------------------------------


def test_lone_surrogate_in_json_front_matter_is_one_line(tmp_path, monkeypatch):
    files = {"posts/p.md": '{"title": "\\ud800"}\nBody\n'}
    problems = _build_fails(tmp_path, monkeypatch, files)
    assert problems[0] == (
        "content/posts/p.md:1:12: front matter has \\ud800, half of a UTF-16 "
        "surrogate pair and no character by itself; write the character itself, "
        "or both halves of its pair (such as \\ud83d\\ude00)"
    )
    assert not any("Traceback" in p or "UnicodeEncodeError" in p for p in problems)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('{\n  "a": "ok \\ud83d\\ude00",\n  "b": ["\\udfff"]\n}\n', (3, 10)),
        ('{"t": "\\\\\\ud800x"}', (1, 10)),  # after an escaped backslash
        ('{"t": "\\ud800\\u0041"}', (1, 8)),
        ('{"\\udbff": 1}', (1, 3)),
    ],
)
def test_lone_surrogate_is_placed_at_its_escape(text, where):
    with pytest.raises(FrontMatterError) as caught:
        split(text, "p.md")
    assert (caught.value.line, caught.value.column) == where
    assert split('{"t": "\\ud83d\\ude00"}', "p.md").fields == {"t": "\U0001f600"}


# --- 8: linear time: Hugo's summary, reference definitions --------------------


def test_a_page_without_a_summary_gets_hugos_automatic_one(tmp_path):
    words = " ".join(f"w{i}" for i in range(80))
    content = write_tree(
        tmp_path / "content",
        {
            "posts/a.md": f"---\ntitle: A\ndate: 2024-01-02\n---\nOne *two*. {words}. "
            "Past the summary.\n",
            "posts/b.md": "---\ntitle: B\ndate: 2024-01-01\ndescription: Described."
            f"\n---\n{words}.\n",
        },
    )
    output = tmp_path / "out"
    build_site(content, output, HUGO_SETTINGS, **WITH_LIST)
    listed = BeautifulSoup((output / "index.html").read_text("utf-8"), "html.parser")
    first, second = listed.find_all(class_="summary")
    # Hugo: the plain text to the end of the sentence of the 70th word.
    assert first.get_text() == f"One two. {words}."
    assert second.get_text() == "Described."  # a description still comes first
    post = BeautifulSoup(
        (output / "posts" / "a" / "index.html").read_text("utf-8"), "html.parser"
    )
    assert post.find("meta", attrs={"name": "description"})["content"] == (
        f"One two. {words}."
    )


@pytest.mark.slow
def test_a_page_of_many_shortcodes_builds_in_linear_time(tmp_path):
    # 4000 embeds took 42 s (Pelican's truncate_html_words, quadratic in the
    # lines before the summary's last word); 10 000 took 102 s.
    body = "".join(f"{{{{< youtube v{i:05d}xyzAB >}}}}\n\n" for i in range(4000))
    content = write_tree(
        tmp_path / "content",
        {"posts/p.md": f"---\ntitle: P\n---\n{body}"},
    )
    started = time.perf_counter()
    build_site(content, tmp_path / "out", HUGO_SETTINGS, **WITH_LIST)
    assert time.perf_counter() - started < 15
    page = (tmp_path / "out" / "posts" / "p" / "index.html").read_text("utf-8")
    assert page.count("<iframe") == 4000


@pytest.mark.slow
def test_many_reference_definitions_render_in_linear_time():
    # 20 000 took 28 s: the table rule looked ahead to the next blank line
    # from every line of the paragraph of definitions.
    count = 20_000
    text = "".join(f"[r{i}]\n\n" for i in range(count))
    text += "".join(f"[r{i}]: https://example.org/{i}\n" for i in range(count))
    started = time.perf_counter()
    html = Renderer().render(text)
    assert time.perf_counter() - started < 10
    assert html.count('<a href="https://example.org/') == count


@pytest.mark.hugo
def test_automatic_summary_is_hugos(hugo, tmp_path):
    words = " ".join(f"w{i}" for i in range(100))
    bodies = {
        "long": f"{words}.",
        "sentences": "First one here. " + words + ". After. More.",
        "paragraphs": "\n\n".join(
            " ".join(f"p{j}w{i}" for i in range(15)) for j in range(8)
        ),
        "markup": 'Just *a few* words & <b>raw</b> "quoted" it\'s.',
        "list": "- "
        + "\n- ".join(" ".join(f"l{j}{i}" for i in range(12)) for j in range(9)),
        "table": "| a | b |\n|---|---|\n| c d | e |\n\n" + words + ".",
        "breaks": "one  \ntwo\\\n" + words + "!",
        "question": " ".join(f"q{i}" for i in range(69)) + " end? " + words,
    }
    files = {"config.toml": 'baseURL = "https://example.org/"\n'}
    files["layouts/_default/single.html"] = "{{ .Summary }}@@@{{ .Content }}"
    for name, body in bodies.items():
        files[f"content/{name}.md"] = f"---\ntitle: {name}\n---\n{body}\n"
    public = hugo_build(hugo, tmp_path, files, layouts={})
    for name in bodies:
        page = (public / name / "index.html").read_text("utf-8")
        summary, content = page.split("@@@")
        assert automatic_summary(content, 70) == summary, name


def test_plain_text_is_hugos_on_small_cases():
    assert plain_text("<p>a</p>\n<p>b <em>c</em></p>") == "a\nb c\n"
    assert plain_text("a <!-- raw --> b") == "a b"
    assert plain_text("no tags") == "no tags"
    assert automatic_summary("<p>只有中文的句子</p>", 3, cjk=True) == "只有中"


# --- 8: linear time: the shortcode engine itself ------------------------------


def _shortcode_seconds(count: int) -> float:
    """The CPU time (best of three) to find ``count`` youtube shortcodes in a
    page and put their outputs into its rendered HTML; the Markdown between
    is rendered outside the clock."""
    body = "".join(f"{{{{< youtube v{i:05d}xyzAB >}}}}\n\n" for i in range(count))
    renderer = Renderer()
    engine = ShortcodeEngine(None, {}, lambda target, page: "", renderer.render)
    expanded = engine.expand(body, PageInfo(), "p.md")
    rendered = renderer.render(expanded.markdown)
    best = float("inf")
    gc.collect()
    gc.disable()  # the collector's passes grow with the objects alive, not ours
    try:
        for _ in range(5):
            started = time.process_time()
            expanded = engine.expand(body, PageInfo(), "p.md")
            html = expanded.finish(rendered)
            best = min(best, time.process_time() - started)
    finally:
        gc.enable()
    assert html.count("<iframe") == count and "hugoshortcode" not in html
    return best


@pytest.mark.slow
def test_many_shortcodes_are_found_and_put_back_in_linear_time():
    # 20 000 took 7.6 s (the line of each shortcode counted from the top,
    # one pattern of every output); eight times the shortcodes now cost
    # about eight times the time, where they cost forty before. Compared
    # with itself, so that a slow machine does not fail it; a busy one
    # (other processes on both cores) measured up to 18.
    ratio = _shortcode_seconds(16_000) / _shortcode_seconds(2_000)
    assert ratio < 24, ratio


def test_the_line_of_a_shortcode_after_thousands_is_still_its_own():
    body = "".join(f"{{{{< youtube v{i:05d}xyzAB >}}}}\n\n" for i in range(5000))
    engine = ShortcodeEngine(None, {}, lambda target, page: "", Renderer().render)
    with pytest.raises(ShortcodeError) as caught:
        engine.expand(body + "x\n{{< nosuch >}}\n", PageInfo(), "p.md", 4)
    assert (caught.value.line, caught.value.message) == (
        4 + 10_001,
        'unknown shortcode "nosuch"; put its template in the site\'s shortcode '
        "folder/nosuch.html (a Jinja port of its Go template)",
    )


# --- 7: line ranges in the highlight shortcode --------------------------------

CODE_LINES = "var a\nvar b\nvar c\nvar d\n"
# The highlight shortcode's options, and what Hugo 0.111 does with four
# lines (a-d): the lines it highlights and the first line number it shows
# (None: no numbers). hl_lines counts from the first line, whatever
# linenostart says; one field that is no range and it highlights nothing.
HIGHLIGHT_OPTIONS = [
    ("hl_lines=1-30000000", "abcd", None),
    ("hl_lines=2-3", "bc", None),
    ("hl_lines=2  3", "bc", None),
    ("hl_lines=3-1", "", None),
    ("hl_lines=0-1", "a", None),
    ("hl_lines=99", "", None),
    ("hl_lines=2 x", "", None),
    ("hl_lines=1-2 x 3", "", None),
    ("hl_lines=-5", "", None),
    ("hl_lines=2-", "", None),
    ("hl_lines=[2 3]", "", None),
    ("hl_lines=+2", "b", None),
    ("hl_lines=1-2-3", "ab", None),
    (f"hl_lines=1-{'9' * 5000}", "", None),
    ("HL_LINES=2", "b", None),
    ("{hl_lines=2}", "", None),
    ("hl_lines=1-2,hl_lines=4", "d", None),
    ("linenostart=5,hl_lines=5-6", "", None),
    ("linenos=table,linenostart=5,hl_lines=1-2", "ab", 5),
    ("linenos=table,linenostart=5,hl_lines=5-6", "", 5),
    ("linenos=inline,linenostart=5,hl_lines=2", "b", 5),
    ("linenos=true,linenostart=3,hl_lines=1-4", "abcd", 3),
    ("linenos=TABLE,hl_lines=2", "b", 1),
    ("linenos=table,hl_lines=1-9223372036854775807", "abcd", 1),
    ("linenos=table,hl_lines=1-9223372036854775808", "", 1),
]


def _highlighted(html: str, marker: str) -> tuple[str, int | None]:
    """The lines (a-d) highlighted in ``html`` and the first number shown."""
    lines = re.findall(marker + r'.*?<span class="nx">(\w)', html)
    numbers = re.findall(r'<span class="(?:normal|linenos|lnt|ln)">(\d+)', html)
    return "".join(lines), int(numbers[0]) if numbers else None


def _highlight_shortcode(options: str) -> str:
    return f'{{{{< highlight go "{options}" >}}}}\n{CODE_LINES}{{{{< /highlight >}}}}'


def _highlight_pages() -> dict[str, str]:
    """One page a row of HIGHLIGHT_OPTIONS, ``c<row>.md``."""
    pages = {}
    for number, (options, _, _) in enumerate(HIGHLIGHT_OPTIONS):
        page = f"---\ntitle: c\n---\n{_highlight_shortcode(options)}\n"
        pages[f"content/c{number}.md"] = page
    return pages


@pytest.mark.slow
def test_the_highlight_shortcode_highlights_the_lines_hugo_highlights(tmp_path):
    # Built in a child process with a memory cap: the shortcode listed every
    # line of a range, gigabytes for a few bytes (1-1e5000: all the memory).
    write_tree(tmp_path, {"content/_index.md": HOME, **_highlight_pages()})
    printed, status, seconds = _child_build(
        tmp_path, HUGO_SETTINGS, 1500, PATH=str(tmp_path / "content")
    )
    assert status == 0, printed
    assert seconds < 30
    for number, (options, lines, first) in enumerate(HIGHLIGHT_OPTIONS):
        html = (tmp_path / "out" / f"c{number}" / "index.html").read_text("utf-8")
        assert _highlighted(html, '<span class="hll">') == (lines, first), options


@pytest.mark.hugo
def test_highlight_options_table_is_hugos(hugo, tmp_path):
    files = {
        "config.toml": 'baseURL = "https://example.org/"\n'
        "[markup.highlight]\nnoClasses = false\n",
        "layouts/_default/single.html": "{{ .Content }}",
    }
    files.update(_highlight_pages())
    public = hugo_build(hugo, tmp_path, files, layouts={})
    for number, (options, lines, first) in enumerate(HIGHLIGHT_OPTIONS):
        html = (public / f"c{number}" / "index.html").read_text("utf-8")
        assert _highlighted(html, '<span class="line hl">') == (lines, first), options


def test_highlight_options_hugo_cannot_read_are_one_line(tmp_path, monkeypatch):
    # Hugo writes nothing for them, without a word.
    problems = _build_fails(
        tmp_path,
        monkeypatch,
        {
            "posts/p.md": "---\ntitle: P\n---\n\n"
            + _highlight_shortcode("hl_lines=[2,4]")
        },
    )
    assert problems[0] == (
        'content/posts/p.md:5: highlight: cannot read the options "hl_lines=[2,4]"; '
        'write key=value pairs apart by commas, such as "linenos=table,hl_lines=2 4-5"'
    )


# A fence's hl_lines, and the lines (a-d) Hugo 0.111 highlights: a list's
# items are one range each, a "string" is read as the shortcode's option is
# (one field that is no range and none), a bare value only if a number.
FENCE_HL_LINES = [
    ('"2 x"', ""),
    ('"2 3"', "bc"),
    ('"2,3"', ""),
    ('"+2"', "b"),
    ('"1-2-3"', "ab"),
    ('"0-1"', "a"),
    ('"3-1"', ""),
    ('"1-9223372036854775807"', "abcd"),
    ('["+2"]', "b"),
    ('["1-2-3"]', "ab"),
    ('["2 x", "4"]', "d"),
    ('["2 3"]', ""),
    ('[2, "x"]', "b"),
    ('["1-9223372036854775807"]', "abcd"),
    ("[2,4]", "bd"),
    ("[2 4]", "bd"),
    ("['2', '4']", ""),
    ("'2 3'", ""),
    ("2", "b"),
    ("2-3", ""),
]


def _fence(hl_lines: str) -> str:
    return f"```go {{hl_lines={hl_lines}}}\n{CODE_LINES}```\n"


@pytest.mark.parametrize(("hl_lines", "lines"), FENCE_HL_LINES)
def test_a_fences_hl_lines_are_read_as_hugo_reads_them(hl_lines, lines):
    html = Renderer().render(_fence(hl_lines))
    assert _highlighted(html, '<span class="hll">') == (lines, None)


@pytest.mark.hugo
def test_fence_hl_lines_table_is_hugos(hugo, tmp_path):
    files = {
        "config.toml": 'baseURL = "https://example.org/"\n'
        "[markup.highlight]\nnoClasses = false\n",
        "layouts/_default/single.html": "{{ .Content }}",
    }
    for number, (hl_lines, _) in enumerate(FENCE_HL_LINES):
        files[f"content/f{number}.md"] = f"---\ntitle: f\n---\n{_fence(hl_lines)}"
    public = hugo_build(hugo, tmp_path, files, layouts={})
    for number, (hl_lines, lines) in enumerate(FENCE_HL_LINES):
        html = (public / f"f{number}" / "index.html").read_text("utf-8")
        assert _highlighted(html, '<span class="line hl">') == (lines, None), hl_lines


# --- a control character, which Hugo writes into its feeds --------------------


def test_a_control_character_builds_and_is_left_out_of_the_feeds(
    tmp_path, monkeypatch, caplog
):
    """Hugo builds a title holding U+0001 and copies it into its feeds as
    it is (unreadable XML); here the page keeps it, every feed leaves it
    out and parses, and a warning names the entry."""
    monkeypatch.chdir(tmp_path)
    content = write_tree(
        tmp_path / "content",
        {
            "_index.md": "---\ntitle: Home\n---\nHi.\n",
            "posts/a.md": '---\ntitle: "A\\u0001B"\ndate: 2024-01-01\n---\nx\x02y\n',
        },
    )
    result = build_site(
        content,
        tmp_path / "output",
        HUGO_SETTINGS,
        CACHE_PATH=str(tmp_path / "cache"),
        FEED_ALL_ATOM="feeds/all.atom.xml",
        FEED_ALL_RSS="feeds/all.rss.xml",
    )
    page = (result.output / "posts" / "a" / "index.html").read_text()
    assert "A\x01B" in page and "x\x02y" in page
    feeds = sorted(result.output.joinpath("feeds").glob("*.xml"))
    assert len(feeds) == 2
    for feed in feeds:
        root = ElementTree.parse(feed).getroot()  # readable XML
        titles = [
            element.text for element in root.iter() if element.tag.endswith("title")
        ]
        assert "AB" in titles, (feed, titles)
        assert "\x01" not in feed.read_text() and "\x02" not in feed.read_text()
    warnings = [r.getMessage() for r in caplog.records if "XML 1.0" in r.getMessage()]
    assert warnings and all("/posts/a/" in line for line in warnings), warnings
    assert any("U+0001" in line for line in warnings)
    assert any("U+0002" in line for line in warnings)
