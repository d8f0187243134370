"""Front matter as real Hugo sites write it builds, with Hugo's meaning.

Each test writes a small content tree and builds it with the Hugo settings:
authors as text or lists, pages without a title or a date, aliases that meet
a page or each other, fields no mapper knows. A field of the wrong type
stops the build with the plugin's own error, never another exception.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from cameo_tools.errors import BuildError
from pelican.plugins.hugo_frontmatter.content.mappers import FIELD_MAPPERS

from .conftest import HUGO_SETTINGS, TITLE_LAYOUTS, build_site, hugo_build, write_tree

SITENAME = "Hugo fixture"  # hugoconf.py's
HOME = "---\ntitle: Home\n---\nHi\n"


def _build(tmp_path: Path, files: dict[str, str], **settings) -> Path:
    content = write_tree(tmp_path / "content", files)
    output = tmp_path / "out"
    build_site(content, output, HUGO_SETTINGS, **settings)
    return output


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


# --- authors ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "shown"),
    [
        ('author: "Hugo Authors"', "Hugo Authors"),
        ("author: [Ann Lee, Bob]", "Ann Lee, Bob"),
        ('authors: [ann-lee, "Doe, Jane"]', "ann-lee, Doe, Jane"),
        ("authors: [Ann]\nauthor: Bob", "Ann, Bob"),
    ],
)
def test_authors_are_shown_on_the_article(tmp_path, field, shown):
    output = _build(
        tmp_path,
        {
            "_index.md": HOME,
            "posts/a.md": f"---\ntitle: A\ndate: 2024-01-01\n{field}\n---\nA\n",
        },
    )
    article = _soup(output / "posts" / "a" / "index.html")
    assert article.select_one(".article-meta .authors").get_text() == shown
    # No author pages with these settings: names, not links to nothing.
    assert not article.select(".article-meta .authors a")


# --- pages without a title ----------------------------------------------------


def test_home_without_title_is_titled_after_the_site(tmp_path):
    output = _build(tmp_path, {"_index.md": "---\ndescription: About me\n---\nHi\n"})
    home = _soup(output / "index.html")
    assert home.title.get_text() == SITENAME
    assert [h1.get_text() for h1 in home.find_all("h1")] == [SITENAME]


def test_section_without_title_builds_without_an_empty_heading(tmp_path):
    output = _build(
        tmp_path,
        {
            "_index.md": HOME,
            "posts/_index.md": "---\ndescription: Notes\n---\nAll notes.\n",
            "posts/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\nA\n",
        },
    )
    section = _soup(output / "posts" / "index.html")
    assert section.title.get_text() == SITENAME
    assert all(h1.get_text().strip() for h1 in section.find_all("h1"))
    assert [a.get_text() for a in section.select(".dated-list a")] == ["A"]


def test_page_without_title_builds_without_an_empty_heading(tmp_path):
    output = _build(
        tmp_path,
        {
            "_index.md": HOME,
            "about.md": "---\ndescription: x\n---\nAbout.\n",
            "notes.md": "---\ndescription: y\n---\nNotes.\n",
            "posts/b.md": "---\ndate: 2024-01-01\n---\nB\n",
        },
    )
    for path in ("about", "notes", "posts/b"):
        page = _soup(output / path / "index.html")
        assert page.title.get_text() == SITENAME, path
        assert all(h1.get_text().strip() for h1 in page.find_all("h1")), path
    # Two untitled pages are two pages (a slug from the file, not the title).
    assert "Notes." in (output / "notes" / "index.html").read_text("utf-8")
    assert "About." in (output / "about" / "index.html").read_text("utf-8")


# --- posts without a date -------------------------------------------------


def test_undated_post_builds_and_sorts_last(tmp_path):
    output = _build(
        tmp_path,
        {
            "_index.md": HOME,
            "posts/_index.md": "---\ntitle: Posts\n---\n",
            "posts/new.md": "---\ntitle: New\ndate: 2024-01-01\n---\nNew\n",
            "posts/undated.md": "---\ntitle: Aardvark\n---\nNo date\n",
            "posts/old.md": "---\ntitle: Old\ndate: 1960-01-01\n---\nOld\n",
        },
    )
    listed = _soup(output / "posts" / "index.html").select(".dated-list li")
    assert [li.a.get_text() for li in listed] == ["New", "Old", "Aardvark"]
    assert listed[-1].time is None  # Hugo's zero date is not shown
    undated = _soup(output / "posts" / "undated" / "index.html")
    assert undated.h1.get_text() == "Aardvark"
    assert undated.select_one(".article-meta time") is None


# --- aliases ------------------------------------------------------------------


def test_alias_of_a_page_path_keeps_the_page(tmp_path, caplog):
    with caplog.at_level(logging.WARNING):
        output = _build(
            tmp_path,
            {
                "_index.md": HOME,
                "contact.md": "---\ntitle: Contact\n---\nWrite.\n",
                "about.md": "---\ntitle: About\naliases: [/contact/, /me/]\n---\n",
            },
        )
    assert _soup(output / "contact" / "index.html").h1.get_text() == "Contact"
    assert "url=/about/" in (output / "me" / "index.html").read_text("utf-8")
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    warning = next(w for w in warnings if "the alias /contact/" in w)
    assert "about.md:3" in warning and "contact.md" in warning


ALIAS_TWICE = {
    "_index.md": HOME,
    "posts/zed.md": "---\ntitle: Zed\ndate: 2020-01-01\naliases: [/shared/]\n---\n",
    "posts/abe.md": "---\ntitle: Abe\ndate: 2021-01-01\naliases: [/shared/]\n---\n",
    "other/o.md": "---\ntitle: O\nweight: 1\naliases: [/shared/]\n---\n",
}


def test_alias_of_two_pages_goes_to_the_last_file_as_in_hugo(tmp_path, caplog):
    with caplog.at_level(logging.WARNING):
        output = _build(tmp_path, ALIAS_TWICE)
    redirect = (output / "shared" / "index.html").read_text("utf-8")
    assert "url=/posts/zed/" in redirect
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("posts/zed.md:4" in w and "posts/abe.md:4" in w for w in warnings)


def _hugo_build(hugo: str, root: Path, files: dict[str, str]) -> Path:
    """``files`` built by Hugo with layouts that print only the title, in
    brackets (an empty one shows as ``[]``)."""
    title = "<h1>[{{ .Title }}]</h1>"
    config = (
        'baseURL = "http://example.org/"\ntitle = "Site"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "404"]\n'
    )
    return hugo_build(
        hugo,
        root,
        {
            "hugo.toml": config,
            **{f"content/{name}": text for name, text in files.items()},
        },
        layouts=dict.fromkeys(TITLE_LAYOUTS, title),
    )


def test_hugo_sends_an_alias_of_two_pages_to_the_same_one(hugo, tmp_path):
    public = _hugo_build(hugo, tmp_path / "hugo", ALIAS_TWICE)
    redirect = (public / "shared" / "index.html").read_text("utf-8")
    hugo_target = re.search(r"url=http://example.org(/[^\"]*)", redirect)[1]
    ours = _build(tmp_path / "pelican", ALIAS_TWICE)
    assert f"url={hugo_target}" in (ours / "shared" / "index.html").read_text()


def test_hugo_titles_an_untitled_home_and_section_empty(hugo, tmp_path):
    """Why the plugin gives them an empty title: Hugo 0.111 falls back to the
    site title or section name only when there is no _index.md at all."""
    public = _hugo_build(
        hugo,
        tmp_path,
        {
            "_index.md": "---\ndescription: x\n---\n",
            "posts/_index.md": "---\ndescription: x\n---\n",
            "posts/a.md": "---\ndate: 2024-01-01\n---\n",
            "notes/b.md": "---\ntitle: B\n---\n",
        },
    )
    assert (public / "index.html").read_text() == "<h1>[]</h1>"
    assert (public / "posts" / "index.html").read_text() == "<h1>[]</h1>"
    assert (public / "posts" / "a" / "index.html").read_text() == "<h1>[]</h1>"
    assert (public / "notes" / "index.html").read_text() == "<h1>[Notes]</h1>"


# --- fields no mapper knows ---------------------------------------------------


def test_unknown_fields_are_reachable_as_params(tmp_path):
    """A `params:` map is one param, as in Hugo 0.111 (not merged)."""
    templates = write_tree(
        tmp_path / "templates",
        {
            "show.html": '{% extends "page.html" %}{% block content %}'
            "<p id=p>{{ page.params.mood }}|{{ page.params.params.colour }}|"
            "{{ page.params.title }}|{{ page.mood }}</p>{% endblock %}"
        },
    )
    output = _build(
        tmp_path,
        {
            "_index.md": HOME,
            "a.md": "---\ntitle: A\nlayout: show\nMood: happy\n"
            "params:\n  colour: teal\n---\n",
        },
        THEME_TEMPLATES_OVERRIDES=[str(templates)],
    )
    shown = _soup(output / "a" / "index.html").find(id="p").get_text()
    assert shown == "happy|teal|A|happy"


# --- wrong types ----------------------------------------------------------------

WRONG_VALUES = {"map": "{a: {b: 1}}", "nested": "[[1], {a: 2}]", "flag": "true"}
FIELDS = sorted(set(FIELD_MAPPERS) - {"title"})


def test_wrong_types_in_every_field_stop_the_build_with_the_file_named(
    tmp_path, monkeypatch
):
    files = {"_index.md": HOME}
    for field in FIELDS:
        for kind, value in WRONG_VALUES.items():
            for folder in ("", "posts/"):  # as a page and as an article
                name = f"{field}-{kind}"
                files[f"{folder}{name}.md"] = (
                    f"---\ntitle: {name}\n{field}: {value}\n---\nBody\n"
                )
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BuildError) as caught:
        _build(tmp_path, files)
    problems = caught.value.problems
    ours = re.compile(r"^content/([\w/.-]+\.md):\d+(:\d+)?: ")
    pelicans = re.compile(r"^Could not process (?:\./)?([\w/.-]+\.md)")  # after ours
    summary = re.compile(r"^\d+ problem\(s\) with (Hugo content|output paths)")
    named = {m[1] for m in map(ours.match, problems) if m}
    for problem in problems:
        assert (
            ours.match(problem)
            or summary.match(problem)
            or (pelicans.match(problem) and pelicans.match(problem)[1] in named)
        ), problem
        assert "could not be read" not in problem, problem  # a bug, not an error
    # Hugo 0.111 reads a wrong type in most fields as the empty value; it
    # stops on these (tests/test_hugo_accepts_fields.py).
    for field in ("_build",):
        assert any(f"'{field}' is " in problem for problem in problems), field
