"""The hugo_frontmatter plugin: reading, mapping and rejecting front matter."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from cameo_tools.errors import BuildError
from pelican.plugins.hugo_frontmatter.content.fields import to_pelican
from pelican.plugins.hugo_frontmatter.content.frontmatter import (
    FrontMatterError,
    split,
)
from pelican.plugins.hugo_frontmatter.content.source import Source
from pelican.plugins.hugo_frontmatter.content.templates import choose_template

from .conftest import ROOT, build_site, write_tree


def _map(text: str, source: str = "page.md", settings=None):
    front = split(text, "content/page.md")
    settings = {"HUGO_FRONTMATTER": {}, **(settings or {})}
    return to_pelican(front, Source("content/page.md", source), settings, _process)


def _process(name, value):
    return [f"tag:{item}" for item in value] if name == "tags" else value


# --- splitting and parsing -------------------------------------------------


def test_file_without_front_matter_is_left_to_pelican():
    assert split("Title: Plain\n\nBody\n", "a.md") is None
    assert split("", "a.md") is None


def test_yaml_front_matter_is_parsed_with_key_lines():
    front = split("---\ntitle: Hi\nicon:\n  url: /a.png\n---\nBody\n", "a.md")
    assert front.fields == {"title": "Hi", "icon": {"url": "/a.png"}}
    assert front.body == "Body\n"
    assert front.key_lines == {"title": 2, "icon": 3, "icon.url": 4}


def test_bom_crlf_and_trailing_blanks_on_delimiters_are_accepted():
    front = split("\ufeff--- \r\ntitle: Hi\r\n---\t\r\nBody\r\n", "a.md")
    assert front.fields == {"title": "Hi"}
    assert front.body == "Body\r\n"


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        (
            "---\ntitle: Hi\ndraft: false\nicon: url: /a.png\n---\n",
            4,
            10,
            "not valid YAML",
        ),
        ("---\ntitle: [unclosed\n---\n", 3, 1, "not valid YAML"),
        ("---\ntitle: Hi\ntitle: Again\n---\n", 3, 1, "given twice"),
    ],
)
def test_invalid_yaml_names_file_line_and_column(text, line, column, words):
    with pytest.raises(FrontMatterError) as caught:
        split(text, "content/about.md")
    error = caught.value
    assert (error.path, error.line, error.column) == ("content/about.md", line, column)
    assert str(error).startswith(f"content/about.md:{line}:{column}: ")
    assert words in str(error)


def test_unterminated_front_matter_is_an_error():
    with pytest.raises(FrontMatterError, match=r"^a\.md:1: .*never closed"):
        split("---\ntitle: Hi\n\nBody without a closing line\n", "a.md")


def test_front_matter_must_be_a_mapping():
    with pytest.raises(FrontMatterError, match=r"^a\.md:2: .*mapping.*not a list"):
        split("---\n- one\n- two\n---\n", "a.md")


# --- mapping fields ---------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected_url", "save_as"),
    [
        ("/", "", "index.html"),
        ("/about/", "about/", "about/index.html"),
        ("/about", "about/", "about/index.html"),
        ("about/me/", "about/me/", "about/me/index.html"),
        ("/old/page.html", "old/page.html", "old/page.html"),
    ],
)
def test_url_sets_where_the_page_is_written(url, expected_url, save_as):
    metadata = _map(f"---\ntitle: T\nurl: {url}\n---\n")
    assert (metadata["url"], metadata["save_as"]) == (expected_url, save_as)


def test_home_page_source_needs_no_url():
    metadata = _map("---\ntitle: T\n---\n", source="_index.md")
    assert (metadata["url"], metadata["save_as"]) == ("", "index.html")
    assert "save_as" not in _map("---\ntitle: T\n---\n", source="notes/_index.md")


@pytest.mark.parametrize("url", ["https://example.com/", "//example.com/x", "/../up/"])
def test_url_must_stay_inside_the_site(url):
    with pytest.raises(FrontMatterError, match=r"content/page\.md:3: 'url' must be"):
        _map(f"---\ntitle: T\nurl: '{url}'\n---\n")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("---\ntitle: T\nHUGO_URL: null\n---\n", 3),
    ],
)
def test_fields_named_like_the_plugins_own_metadata_are_refused(text, line):
    # Found by the property test: a field named hugo_url was taken for the
    # plugin's own note of the page's URL, and the build crashed.
    with pytest.raises(
        FrontMatterError, match=rf"content/page\.md:{line}: .* uses for itself"
    ):
        _map(text)


def test_text_fields_and_unknown_keys_are_kept():
    metadata = _map(
        "---\ntitle: 42\nsupertitle: Ann\nsubtitle: Sub\ndescription: D\n"
        "Favourite_Colour: green\nlinks: [a, b]\n---\n"
    )
    assert metadata["title"] == "42"
    assert (metadata["supertitle"], metadata["subtitle"]) == ("Ann", "Sub")
    assert metadata["description"] == "D"
    assert metadata["favourite_colour"] == "green"
    assert metadata["links"] == ["a", "b"]


def test_icon_is_a_nested_map():
    metadata = _map("---\ntitle: T\nicon:\n  url: /images/a.png\n  alt: Me\n---\n")
    assert metadata["icon"] == {"url": "/images/a.png", "alt": "Me"}
    assert "url" not in metadata  # the icon's url is not the page's


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-03-04", datetime.datetime(2021, 3, 4)),
        ("2021-03-04T05:06:07", datetime.datetime(2021, 3, 4, 5, 6, 7)),
        ("'2021-03-04 05:06:07'", datetime.datetime(2021, 3, 4, 5, 6, 7)),
        ("'02 Jan 2021'", datetime.datetime(2021, 1, 2)),
        ("1614834367", datetime.datetime(2021, 3, 4, 5, 6, 7)),  # Unix seconds
    ],
)
def test_dates_become_datetimes(value, expected):
    date = _map(f"---\ntitle: T\ndate: {value}\n---\n")["date"]
    assert date.replace(tzinfo=None) == expected


def test_dates_keep_their_zone():
    date = _map("---\ntitle: T\ndate: 2021-03-04T05:06:07+02:00\n---\n")["date"]
    assert date.utcoffset() == datetime.timedelta(hours=2)


def test_tags_are_a_list():
    assert _map("---\ntitle: T\ntags: [a, b c]\n---\n")["tags"] == ["tag:a", "tag:b c"]
    assert _map("---\ntitle: T\ntags: solo\n---\n")["tags"] == ["tag:solo"]


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("url", "https://example.com/", "Hugo takes no URL with a protocol"),
        ("aliases", "[/ok/, http://x.org/a]", "Hugo takes no alias with a protocol"),
        ("_build", "x", "not a map"),
        ("_build", "[1]", "not a map"),
        ("_build", "{render: [1]}", "has render a list, not a word"),
        ("_build", "{publishResources: x}", "publishResources 'x', not true or"),
    ],
)
def test_a_value_hugo_refuses_is_an_error(field, value, words):
    """Checked against Hugo 0.111: each of these stops Hugo's build too."""
    text = f"---\nsubtitle: S\n{field}: {value}\n---\n"
    with pytest.raises(FrontMatterError) as caught:
        _map(text)
    message = str(caught.value)
    assert message.startswith(f"content/page.md:3: '{field}' ")
    assert words in message
    assert "(Hugo stops here too); " in message


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("[{_target: 5, x: 1}]", "has a _target that is 5, not a map"),
        ("[{_target: {kind: 5}}]", "has a _target kind '5', not a page kind"),
        ("[{_target: {path: [1]}}]", "has a _target whose path is a list"),
    ],
)
def test_a_section_cascade_hugo_refuses_is_an_error(value, words):
    front = split(f"---\ntitle: S\ncascade: {value}\n---\n", "content/s/_index.md")
    with pytest.raises(
        FrontMatterError, match=f"content/s/_index.md:3: 'cascade' {words}"
    ):
        to_pelican(front, Source("content/s/_index.md", "s/_index.md"), {}, _process)
    # On a regular page Hugo reads no cascade: the same value is no error.
    to_pelican(front, Source("content/s/a.md", "s/a.md"), {}, _process)


def test_draft_is_not_written():
    metadata = _map("---\ntitle: T\ndraft: true\nurl: /secret/\n---\n")
    assert metadata["status"] == "skip"  # Pelican reads nothing more of it


def test_build_drafts_option_publishes_drafts():
    metadata = _map(
        "---\ntitle: T\ndraft: true\n---\n",
        settings={"HUGO_FRONTMATTER": {"build_drafts": True}},
    )
    assert metadata["status"] == "published"


def test_unknown_option_is_refused():
    with pytest.raises(ValueError, match="build_draft"):
        _map("---\ntitle: T\n---\n", settings={"HUGO_FRONTMATTER": {"build_draft": 1}})


# --- whole builds -----------------------------------------------------------


def test_draft_page_is_absent_from_the_output(tmp_path):
    content = write_tree(
        tmp_path / "content",
        {
            "_index.md": "---\ntitle: Home\n---\nHello\n",
            "secret.md": "---\ntitle: Secret plans\ndraft: true\nurl: /secret/\n---\n"
            "Hidden words\n",
            "later.md": "---\ntitle: Later\ndraft: true\n---\nAlso hidden\n",
        },
    )
    output = tmp_path / "output"
    build_site(content, output)
    written = {
        p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file()
    }
    assert not any(
        "secret" in name or "later" in name or "draft" in name for name in written
    )
    for page in output.rglob("*.html"):
        text = page.read_text("utf-8")
        assert "Hidden words" not in text and "Secret plans" not in text


def test_plain_pelican_markdown_still_builds(tmp_path):
    content = write_tree(
        tmp_path / "content",
        {
            "_index.md": "---\ntitle: Home\n---\nHello\n",
            "plain.md": "Title: Plain page\nSlug: plain\n\nSome *plain* text.\n",
        },
    )
    output = tmp_path / "output"
    build_site(content, output)
    soup = BeautifulSoup(
        (output / "plain" / "index.html").read_text("utf-8"), "html.parser"
    )
    assert soup.h1.get_text() == "Plain page"
    assert soup.select_one(".prose em").get_text() == "plain"


def test_unknown_keys_reach_templates(tmp_path):
    theme = write_tree(
        tmp_path / "theme_override",
        {
            "partials/extend_footer.html": (
                "{% if page %}<p id=colour>{{ page.favourite_colour }}</p>{% endif %}"
            )
        },
    )
    content = write_tree(
        tmp_path / "content",
        {"_index.md": "---\ntitle: Home\nFavourite_Colour: teal\n---\nHello\n"},
    )
    output = tmp_path / "output"
    build_site(content, output, THEME_TEMPLATES_OVERRIDES=[str(theme)])
    soup = BeautifulSoup((output / "index.html").read_text("utf-8"), "html.parser")
    assert soup.find(id="colour").get_text() == "teal"


def test_malformed_front_matter_fails_the_build_with_file_and_line(
    tmp_path, monkeypatch
):
    write_tree(
        tmp_path / "content",
        {
            "_index.md": "---\ntitle: Home\n---\nHello\n",
            "about.md": "---\ntitle: About\ndraft: false\nicon: url: /a.png\n---\n"
            "Body\n",
        },
    )
    previous = write_tree(tmp_path / "output", {"index.html": "previous build\n"})
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BuildError) as caught:
        build_site(tmp_path / "content", previous)
    assert "content/about.md:4:10: front matter is not valid YAML" in str(caught.value)
    # Nothing was published: the previous output is untouched and alone.
    assert (previous / "index.html").read_text() == "previous build\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "output"]


@pytest.mark.slow
def test_plain_pelican_command_exits_non_zero_on_bad_front_matter(tmp_path):
    write_tree(
        tmp_path / "content",
        {
            "_index.md": "---\ntitle: Home\n---\nHi\n",
            "bad.md": "---\n_build: maybe\n---\n",
        },
    )
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            "content",
            "-o",
            "out",
            "-s",
            str(ROOT / "pelicanconf.py"),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "400"},
    )
    assert run.returncode != 0
    logged = " ".join((run.stdout + run.stderr).split())
    assert "content/bad.md:2: '_build' is 'maybe', not a map (Hugo stops" in logged


def test_every_bad_file_is_reported_in_one_build(tmp_path, monkeypatch):
    write_tree(
        tmp_path / "content",
        {
            "_index.md": "---\ntitle: Home\nurl: http://x.org/\n---\nHi\n",
            "a.md": "---\ntitle: A\n",
            "b.md": "---\n- not\n- a mapping\n---\n",
        },
    )
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BuildError) as caught:
        build_site(tmp_path / "content", tmp_path / "output")
    problems = "\n".join(caught.value.problems)
    assert "content/_index.md:3: 'url' must be a path inside the site" in problems
    assert "content/a.md:1: front matter opens with '---' here but is never closed" in (
        problems
    )
    assert "content/b.md:2: front matter must be a mapping" in problems
    assert not (tmp_path / "output").exists()


# --- TOML and JSON -----------------------------------------------------------


def test_toml_front_matter():
    front = split(
        '+++\ntitle = "Hi"\ndate = 2024-01-02T03:04:05Z\ntags = ["a"]\n'
        "[params]\ncolour = 'red'\n+++\nBody\n",
        "a.md",
    )
    assert front.format == "toml"
    assert front.fields["title"] == "Hi"
    assert front.fields["date"] == datetime.datetime(
        2024, 1, 2, 3, 4, 5, tzinfo=datetime.UTC
    )
    assert front.fields["params"] == {"colour": "red"}
    assert front.key_lines == {
        "title": 2,
        "date": 3,
        "tags": 4,
        "params": 5,
        "params.colour": 6,
    }
    assert front.body == "Body\n"


def test_json_front_matter():
    front = split('{\n  "title": "Hi",\n  "tags": ["a", "b"]\n}\n\nBody\n', "a.md")
    assert front.format == "json"
    assert front.fields == {"title": "Hi", "tags": ["a", "b"]}
    assert front.key_lines == {"title": 2, "tags": 3}
    assert front.body == "\nBody\n"


def test_toml_and_json_accept_bom_crlf_and_trailing_blanks():
    toml = split('\ufeff+++  \r\ntitle = "Hi"\r\n+++\t\r\nBody\r\n', "a.md")
    assert (toml.fields, toml.body) == ({"title": "Hi"}, "Body\r\n")
    json_front = split('\ufeff{"title": "Hi"}\r\nBody\r\n', "a.md")
    assert (json_front.fields, json_front.body) == ({"title": "Hi"}, "Body\r\n")


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ('+++\ntitle = "Hi"\ndraft = \n+++\n', "a.md:3:9:", "not valid TOML"),
        ('+++\ntitle = "Hi"\n', "a.md:1:", "'+++' here but is never closed"),
        ('{\n "title": "x",\n "a": }\nBody', "a.md:3:7:", "not valid JSON"),
        ('{\n "title": "x"\n', "a.md:3:1:", "not valid JSON"),
        ("---\n42\n---\n", "a.md:2:", "not a int"),
    ],
)
def test_each_format_reports_its_errors_with_line_and_column(text, where, words):
    with pytest.raises(FrontMatterError) as caught:
        split(text, "a.md")
    assert str(caught.value).startswith(where + " ")
    assert words in str(caught.value)


# --- Hugo's other fields -----------------------------------------------------


def _status(metadata: dict) -> str:
    return metadata.get("status", "published")


def _full(text: str, source: str = "posts/page.md", **options):
    front = split(text, "content/page.md")
    settings = {"HUGO_FRONTMATTER": options, "THEME": str(ROOT / "theme")}
    return to_pelican(
        front,
        Source("content/page.md", source),
        settings,
        _process,
        render=lambda text: f"<p>{text}</p>",
        now=datetime.datetime(2025, 6, 1, tzinfo=datetime.UTC),
    )


def test_text_fields_linktitle_summary_translationkey():
    metadata = _full(
        "---\ntitle: T\nlinkTitle: Short\nsummary: A *short* one\n"
        "translationKey: about\n---\n"
    )
    assert metadata["linktitle"] == "Short"
    assert metadata["summary"] == "<p>A *short* one</p>"
    assert metadata["translationkey"] == "about"


def test_dates_fall_back_as_in_hugo():
    only_publish = _full("---\ntitle: T\npublishDate: 2024-02-03\n---\n")
    assert only_publish["date"] == only_publish["publishdate"]
    assert only_publish["date"].date() == datetime.date(2024, 2, 3)
    both = _full("---\ntitle: T\ndate: 2024-01-01\nlastmod: 2024-03-01\n---\n")
    assert both["modified"].date() == datetime.date(2024, 3, 1)
    assert both["publishdate"].date() == datetime.date(2024, 1, 1)
    aliases = _full(
        "---\ntitle: T\npubdate: 2024-01-05\nmodified: 2024-01-06\n"
        "unpublishdate: 2030-01-01\n---\n"
    )
    assert aliases["date"].date() == datetime.date(2024, 1, 5)
    assert aliases["modified"].date() == datetime.date(2024, 1, 6)
    assert aliases["expirydate"].date() == datetime.date(2030, 1, 1)
    assert _status(aliases) == "published"


@pytest.mark.parametrize(
    ("field", "option"),
    [
        ("publishDate: 2999-01-01", "build_future"),
        ("expiryDate: 2000-01-01", "build_expired"),
    ],
)
def test_future_and_expired_pages_are_left_out_unless_asked(field, option):
    assert _status(_full(f"---\ntitle: T\n{field}\n---\n")) == "skip"
    assert _status(_full(f"---\ntitle: T\n{field}\n---\n", **{option: True})) == (
        "published"
    )


def test_published_alias_is_a_publish_date():
    assert _status(_full("---\ntitle: T\npublished: 2999-01-01\n---\n")) == "skip"


def test_build_options_and_headless():
    assert _status(_full("---\ntitle: T\n_build:\n  render: never\n---\n")) == "skip"
    # build: (Hugo 0.123's name) is only a param in Hugo 0.111.
    assert (
        _status(_full("---\ntitle: T\nbuild:\n  render: false\n---\n")) == "published"
    )
    assert _status(_full("---\ntitle: T\n_build:\n  list: never\n---\n")) == "hidden"
    listed = _full(
        "---\ntitle: T\n_build: {render: always, publishResources: false}\n---\n"
    )
    assert listed["build"] == {"render": "always", "publishresources": False}
    assert _status(listed) == "published"
    # headless applies to a leaf bundle (index.md) only, as in Hugo.
    assert (
        _status(_full("---\ntitle: T\nheadless: true\n---\n", "b/index.md")) == "skip"
    )
    assert _status(_full("---\ntitle: T\nheadless: true\n---\n")) == "published"


def test_categories_keep_all_and_pelican_gets_the_first():
    metadata = _full("---\ntitle: T\ncategories: [Travel, Food]\n---\n")
    assert metadata["category"] == "Travel"
    assert metadata["categories"] == ["Travel", "Food"]


def test_keywords_images_sitemap_weight_cjk():
    metadata = _full(
        "---\ntitle: T\nkeywords: [a, b]\nimages: [/img/card.png]\n"
        "sitemap: {changefreq: monthly, priority: 0.9}\nweight: 5\n"
        "isCJKLanguage: true\n---\n"
    )
    assert metadata["keywords"] == ["a", "b"]
    assert metadata["images"] == ["/img/card.png"]
    assert metadata["sitemap"] == {"changefreq": "monthly", "priority": 0.9}
    assert metadata["weight"] == 5
    assert metadata["iscjklanguage"] is True


def test_a_params_map_is_one_param_as_in_hugo_0_111(caplog):
    """Hugo 0.111 merges nothing of ``params:`` into the page (0.123 does):
    it is the param ``params``, a map (test_hugo_generated_sites.py's F12)."""
    metadata = _full(
        "---\ntitle: T\ncolour: blue\nparams:\n  colour: red\n  Size: 3\n"
        "  hugo_kind: page\n---\n"
    )
    assert metadata["colour"] == "blue"
    assert "size" not in metadata and metadata["hugo_kind"] == "page"
    assert "size" not in metadata["params"]
    assert metadata["params"]["params"]["size"] == 3
    assert not caplog.records


def test_slug_and_url_with_hugo_urls():
    assert _full("---\ntitle: T\n---\n", "posts/My Trip.md", hugo_urls=True)["url"] == (
        "posts/my-trip/"
    )
    slugged = _full(
        "---\ntitle: T\nslug: First Day\n---\n", "posts/x.md", hugo_urls=True
    )
    assert (slugged["url"], slugged["save_as"]) == (
        "posts/first-day/",
        "posts/first-day/index.html",
    )
    urled = _full("---\ntitle: T\nurl: /Keep Case/\n---\n", hugo_urls=True)
    assert urled["save_as"] == "Keep Case/index.html"
    section = _full("---\ntitle: Posts\n---\n", "posts/_index.md", hugo_urls=True)
    assert (section["url"], section["hugo_kind"]) == ("posts/", "section")
    bundle = _full("---\ntitle: Trip\n---\n", "posts/trip/index.md", hugo_urls=True)
    assert bundle["save_as"] == "posts/trip/index.html"


def test_type_and_layout_choose_a_theme_template_when_it_exists(tmp_path):
    front = split("---\ntitle: T\ntype: docs\nlayout: wide\n---\n", "a.md")
    templates = write_tree(tmp_path, {"docs/wide.html": "", "wide.html": ""})
    settings = {
        "THEME": str(ROOT / "theme"),
        "THEME_TEMPLATES_OVERRIDES": [str(templates)],
    }
    metadata = to_pelican(front, Source("a.md", "a.md"), settings, _process)
    assert choose_template(metadata, Source("a.md", "a.md"), settings) == "docs/wide"
    (templates / "docs" / "wide.html").unlink()
    assert choose_template(metadata, Source("a.md", "a.md"), settings) == "wide"
    (templates / "wide.html").unlink()
    assert choose_template(metadata, Source("a.md", "a.md"), settings) is None


_ABSENT = object()


@pytest.mark.parametrize(
    ("field", "value", "name", "read"),
    [
        # Each as Hugo 0.111 reads it (tests/test_hugo_accepts_fields.py
        # builds such values with Hugo): never an error.
        ("aliases", "3", "aliases", ["3"]),
        ("aliases", "'/old/ /older/'", "aliases", ["/old/", "/older/"]),
        ("aliases", "{a: 1}", "aliases", []),
        ("aliases", "[/a/, {x: 1}]", "aliases", ["/a/"]),
        ("weight", "heavy", "weight", 0),
        ("weight", "1.5", "weight", 1),
        ("weight", "-2.7", "weight", -2),
        ("weight", "'0x10'", "weight", 16),
        ("weight", "'010'", "weight", 8),
        ("weight", "'3.0'", "weight", 3),
        ("weight", "true", "weight", 1),
        ("slug", "a/b", "slug", "a/b"),
        ("slug", "-x-", "slug", "x"),
        ("slug", "5", "slug", "5"),
        ("slug", "[a]", "slug", _ABSENT),
        ("title", "[a, b]", "title", ""),
        ("title", "1e3", "title", "1000"),
        ("categories", "[[nested]]", "categories", _ABSENT),
        ("tags", "{a: 1}", "tags", _ABSENT),
        ("tags", "'a, b'", "tags", ["tag:a, b"]),
        ("tags", "[1, true, null]", "tags", ["tag:1", "tag:true"]),
        ("keywords", "'a b'", "keywords", ["a", "b"]),
        ("images", "[{src: 'http://x.org/a.png'}]", "images", []),
        ("icon", "[a]", "icon", _ABSENT),
        ("sitemap", "weekly", "sitemap", _ABSENT),
        (
            "sitemap",
            "{priority: x, changefreq: [1]}",
            "sitemap",
            {
                "priority": 0.0,
                "changefreq": "",
            },
        ),
        ("_build", "{render: sometimes}", "build", {"render": "always"}),
        ("_build", "{render: NEVER}", "build", {"render": "always"}),
        (
            "_build",
            "{list: false, render: '1'}",
            "build",
            {
                "list": "never",
                "render": "always",
            },
        ),
        ("_build", "null", "build", {}),
        ("build", "{colour: red}", "build", _ABSENT),
        ("build", "x", "build", _ABSENT),
        ("headless", "maybe", "headless", False),
        ("draft", "maybe", "status", "published"),
        ("draft", "[a]", "status", "published"),
        ("draft", "t", "status", "skip"),
        ("draft", "'TRUE'", "status", "skip"),
        ("draft", "1", "status", "skip"),
        ("published", "false", "status", "skip"),
        ("published", "null", "status", "skip"),
        ("_build", "{render: link}", "status", "skip"),
        ("cascade", "7", "cascade", 7),
        ("layout", "../../etc/passwd", "layout", _ABSENT),
        ("layout", "[x]", "layout", _ABSENT),
        ("publishDate", "next week", "publishdate", _ABSENT),
        ("expiryDate", "[2020]", "expirydate", _ABSENT),
        ("date", "'January 2, 2020'", "date", _ABSENT),
        ("date", "'2020-01-02 03:04'", "date", _ABSENT),
        ("summary", "''", "summary", _ABSENT),
        ("status", "[x]", "status", _ABSENT),
        ("timezone", "Mars/Olympus", "timezone", _ABSENT),
        ("subtitle", "{a: 1}", "subtitle", _ABSENT),
    ],
)
def test_each_field_reads_what_hugo_reads(field, value, name, read, caplog):
    title = "" if field == "title" else "title: T\n"
    metadata = _full(f"---\n{field}: {value}\n{title}---\n")
    assert metadata.get(name, _ABSENT) == read
    # Hugo's .Params keeps the field whatever it holds.
    assert field.lower() in metadata["params"]
    for record in caplog.records:  # a warning, if any, names file and line
        assert record.getMessage().startswith("content/page.md:2: "), record


def test_images_of_a_themes_own_shape_stay_for_templates():
    """The issue's gallery: ``images`` as a list of maps stops nothing and
    stays in ``page.params.images`` as written."""
    metadata = _full("---\ntitle: G\nimages:\n  - src: http://x.org/a.png\n---\n")
    assert metadata["params"]["images"] == [{"src": "http://x.org/a.png"}]
    assert metadata["params"].IMAGES[0].SRC == "http://x.org/a.png"


def test_an_image_link_the_theme_may_not_print_stops_the_build():
    with pytest.raises(FrontMatterError, match=r"content/page\.md:3: 'images' must"):
        _full("---\ntitle: T\nimages: ['javascript:alert(1)']\n---\n")


def test_draft_wins_over_published_with_hugos_warning(caplog):
    metadata = _full("---\ntitle: T\ndraft: false\npublished: false\n---\n")
    assert metadata["status"] == "published"
    assert "has both 'draft' and 'published'" in caplog.text


def test_aliases_are_kept_as_paths():
    metadata = _full("---\ntitle: T\naliases: [/old/, ' /a.html ', relative]\n---\n")
    assert metadata["aliases"] == ["/old/", "/a.html", "relative"]
    assert _full("---\ntitle: T\naliases: /one/\n---\n")["aliases"] == ["/one/"]
