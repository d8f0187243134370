"""A Hugo site's own config (hugo.toml, config.yaml) read into Pelican's
settings: what a visitor of the built site sees, and Hugo's term paths."""

from __future__ import annotations

import json
import logging
import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from pelican.utils import slugify

from cameo_tools.errors import BuildError
from pelican.plugins.hugo_frontmatter.config import handoff
from pelican.plugins.hugo_frontmatter.config import keys as config_keys
from pelican.plugins.hugo_frontmatter.config import kinds as config
from pelican.plugins.hugo_frontmatter.config import settings as config_settings
from pelican.plugins.hugo_frontmatter.config.errors import HugoConfigError
from pelican.plugins.hugo_frontmatter.content import urls

from .conftest import (
    MINIMAL_SETTINGS,
    build_site,
    examples,
    hugo_build,
    write_tree,
)

HUGO_TOML = """
baseURL = "https://blog.example.org/"
title = "Notes from the Config"
languageCode = "fr"
copyright = "Jane Roe"
mainSections = ["notes"]
paginate = 5

[params]
description = "What Jane writes down"
author = "Jane Roe"
avatarURL = "images/avatar.jpg"

[[params.social]]
name = "GitHub"
url = "https://github.com/jane"
weight = 2

[[params.social]]
name = "Mastodon"
url = "https://social.example/@jane"
weight = 1

[[menus.main]]
name = "Notes"
url = "/notes/"
weight = 20

[[menus.main]]
name = "About"
pageRef = "/about"
weight = 10

[[menus.main]]
name = "Elsewhere"
url = "https://elsewhere.example/"
weight = 30

[markup.goldmark.renderer]
unsafe = true
"""

CONTENT = {
    "content/_index.md": "---\ntitle: Home\n---\nWelcome.\n",
    "content/about.md": "---\ntitle: About\n---\nAbout Jane.\n",
    "content/notes/first.md": (
        "---\ntitle: First note\ndate: 2024-01-01\n"
        'tags: ["Go Lang", "C++"]\ncategories: [News]\n---\nOne.\n'
    ),
    "content/notes/second.md": (
        '---\ntitle: Second note\ndate: 2024-02-01\ntags: ["Go Lang"]\n---\nTwo.\n'
    ),
    "static/css/extra.css": "body { margin: 0 }\n",
}


def _site(root: Path, config: str = HUGO_TOML, name: str = "hugo.toml") -> Path:
    write_tree(root, {**CONTENT, name: config})
    # Named apart from pelicanconf.py: Pelican registers it as a module.
    settings = root / "hugoconfigsite.py"
    settings.write_text(MINIMAL_SETTINGS.replace("hugo.toml", name), "utf-8")
    return settings


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, str]:
    """The site built with the minimal settings, and what was logged."""
    root = tmp_path_factory.mktemp("hugo-config")
    settings = _site(root)
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append
    logging.getLogger().addHandler(handler)
    try:
        build_site(root / "content", root / "out", settings)
    finally:
        logging.getLogger().removeHandler(handler)
    return root / "out", [record.getMessage() for record in records]


def test_site_url_name_and_language_come_from_the_config(built):
    output, _ = built
    home = _soup(output / "index.html")
    assert home.html["lang"] == "fr"
    assert home.title.get_text() == "Home · Notes from the Config"
    assert home.find("link", rel="canonical")["href"] == "https://blog.example.org/"
    note = _soup(output / "notes" / "first" / "index.html")
    assert note.find("link", rel="canonical")["href"] == (
        "https://blog.example.org/notes/first/"
    )
    assert note.find("meta", attrs={"name": "description"}) is not None


def test_params_give_description_author_and_social_links(built):
    output, _ = built
    # A page without a description of its own or a summary: a list page.
    tags = _soup(output / "tags" / "index.html")
    assert tags.find("meta", attrs={"name": "description"})["content"] == (
        "What Jane writes down"
    )
    assert "Jane Roe" in _soup(output / "index.html").footer.get_text()
    links = [a["href"] for a in _soup(output / "index.html").select('a[rel~="me"]')]
    assert links == ["https://social.example/@jane", "https://github.com/jane"]


def test_menu_follows_menus_main_in_weight_order(built):
    output, _ = built
    menu = _soup(output / "notes" / "first" / "index.html").select(".menu a")
    assert [(a.get_text(), a["href"]) for a in menu] == [
        ("About", "https://blog.example.org/about/"),
        ("Notes", "https://blog.example.org/notes/"),
        ("Elsewhere", "https://elsewhere.example/"),
    ]


def test_main_sections_are_the_articles(built):
    output, _ = built
    feed = (output / "index.xml").read_text("utf-8")  # Hugo's home feed
    assert "<title>First note</title>" in feed
    assert "<title>Second note</title>" in feed
    assert "<title>About</title>" not in feed
    assert (output / "notes" / "index.html").is_file()


def test_terms_are_at_hugos_paths(built):
    output, _ = built
    go = _soup(output / "tags" / "go-lang" / "index.html")
    assert [a.get_text() for a in go.select(".article-list h2 a")] == [
        "Second note",
        "First note",
    ]
    assert (output / "tags" / "c++" / "index.html").is_file()
    assert (output / "tags" / "go-lang" / "index.xml").is_file()
    assert (output / "tags" / "index.html").is_file()
    assert (output / "categories" / "news" / "index.html").is_file()
    # A post without categories is in none, as in Hugo (no "misc"); the
    # list is paged, so page/1/ redirects to it, as Hugo writes a list its
    # layout pages (test_hugo_pagination.py).
    assert sorted(p.name for p in (output / "categories").iterdir()) == [
        "index.html",
        "index.xml",
        "news",
        "page",
    ]
    assert not (output / "tag").exists()


def test_static_folder_is_copied_to_the_root(built):
    output, _ = built
    assert (output / "css" / "extra.css").read_text() == "body { margin: 0 }\n"


def test_unsupported_keys_are_named_in_one_warning(built):
    _, messages = built
    warnings = [m for m in messages if "not used by this build" in m]
    assert len(warnings) == 1
    assert "copyright, params.avatarurl" in warnings[0]
    assert "hugo.toml" in warnings[0]


def test_a_setting_the_user_gave_wins_over_the_config(tmp_path):
    _site(tmp_path)
    output = tmp_path / "out"
    # The repository's own settings: SITENAME set, tag pages turned off.
    build_site(
        tmp_path / "content",
        output,
        HUGO_FRONTMATTER={"hugo_config": str(tmp_path / "hugo.toml")},
    )
    home = _soup(output / "index.html")
    assert home.title.get_text() == "Home · Tianyu Zhang"
    assert home.html["lang"] == "fr"  # DEFAULT_LANG "en" is Pelican's default
    assert home.find("link", rel="canonical")["href"] == "https://blog.example.org/"
    assert not (output / "tags").exists()


def test_a_yaml_config_is_read(tmp_path):
    config = """
    baseURL: https://yaml.example/
    title: From YAML
    defaultContentLanguage: de
    menu:
      main:
        - {name: Zwei, url: /notes/, weight: 2}
        - {name: Eins, pageRef: about.md, weight: 1}
    taxonomies:
      tag: labels
    """
    settings = _site(tmp_path, config, "config.yaml")
    output = tmp_path / "out"
    build_site(tmp_path / "content", output, settings)
    home = _soup(output / "index.html")
    assert home.html["lang"] == "de"
    assert home.title.get_text() == "Home · From YAML"
    assert [a.get_text() for a in home.select(".menu a")] == ["Eins", "Zwei"]
    # Hugo's tag taxonomy is "labels" here, read from the field "labels";
    # the posts' "tags" are plain params (checked with Hugo 0.111).
    assert (output / "labels" / "index.html").is_file()
    assert not (output / "labels" / "go-lang").exists()
    assert not (output / "tags").exists()
    assert not (output / "categories").exists()


def test_a_folder_is_searched_as_hugo_does(tmp_path):
    settings = _site(tmp_path, 'title = "Root file"\n', "config.toml")
    write_tree(tmp_path, {"config/_default/params.toml": 'description = "From dir"\n'})
    settings.write_text(
        MINIMAL_SETTINGS.replace('"hugo.toml"', repr(str(tmp_path))), "utf-8"
    )
    output = tmp_path / "out"
    build_site(tmp_path / "content", output, settings)
    assert _soup(output / "about" / "index.html").title.get_text() == (
        "About · Root file"
    )
    tags = _soup(output / "tags" / "index.html")
    assert tags.find("meta", attrs={"name": "description"})["content"] == "From dir"


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("hugo.toml", 'title = "ok"\nbaseURL = \n', 2),
        ("hugo.yaml", "title: ok\nmenu: [unclosed\n", 3),
        ("hugo.json", '{\n  "title": "ok",\n}\n', 3),
    ],
)
def test_a_broken_config_stops_the_build_at_its_line(tmp_path, name, text, line):
    settings = _site(tmp_path, text, name)
    with pytest.raises(BuildError) as caught:
        build_site(tmp_path / "content", tmp_path / "out", settings)
    assert f"{name}:{line}: is not valid " in str(caught.value)
    assert "build again" in str(caught.value)
    assert not (tmp_path / "out").exists()


def test_a_missing_config_stops_the_build(tmp_path):
    settings = _site(tmp_path)
    (tmp_path / "hugo.toml").unlink()
    with pytest.raises(BuildError, match="hugo.toml: the Hugo config named by"):
        build_site(tmp_path / "content", tmp_path / "out", settings)


@pytest.mark.parametrize(
    "term",
    [
        "Go Lang",
        "C++",
        "Hello, World!",
        "x.y",
        "a_b",
        "Ünïcode Tag",
        "a - b",
        "a- -b",
        "100%",
        "50%25",
        "#hash @at ~tilde",
        "tab\tand\nline",
    ],
)
def test_term_slugs_are_hugos(term):
    slug = slugify(term, config.HUGO_SLUG_SUBSTITUTIONS, use_unicode=True)
    assert slug == urls.sanitize(term)


def test_term_paths_match_hugos(hugo, tmp_path):
    terms = ["Go Lang", "C++", "Hello, World!", "x.y", "a_b", "Ünïcode Tag"]
    hugo_build(
        hugo,
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\ntitle = "T"\n',
            "content/_index.md": "---\ntitle: Home\n---\n",
            "content/posts/a.md": (
                f"---\ntitle: A\ndate: 2024-01-01\ntags: {terms!r}\n"
                "categories: [My Category]\n---\nA\n"
            ),
        },
    )
    settings = tmp_path / "hugoconfigsite.py"
    settings.write_text(MINIMAL_SETTINGS, "utf-8")
    build_site(tmp_path / "content", tmp_path / "ours", settings)

    def terms_in(root: Path) -> set[str]:
        return {
            path.relative_to(root).as_posix()
            for folder in ("tags", "categories")
            for path in (root / folder).rglob("*.html")
            # A paged list's page/1/ redirect: Hugo's layouts here page nothing.
            if "/page/1/" not in path.as_posix()
        }

    assert terms_in(tmp_path / "ours") == terms_in(tmp_path / "hugo")


def test_without_a_home_page_of_its_own_the_posts_are_listed_at_the_root(tmp_path):
    settings = _site(tmp_path)
    (tmp_path / "content" / "_index.md").unlink()
    build_site(tmp_path / "content", tmp_path / "out", settings)
    home = _soup(tmp_path / "out" / "index.html")
    titles = [a.get_text() for a in home.select("main h2 a")]
    assert titles == ["Second note", "First note"], home.main


EVERY_TOKEN = (
    "/:year/:month/:monthname/:day/:weekday/:weekdayname/:yearday"
    "/:section/:sections/:slug/:title/:filename/"
)
PERMALINK_TOML = f"""
baseURL = "https://example.org/"
title = "T"
[permalinks]
posts = "{EVERY_TOKEN}"
about = "/a/:sections[1:]/:slugorfilename"
"""
PERMALINK_CONTENT = {
    "content/_index.md": "---\ntitle: Home\n---\n",
    "content/posts/_index.md": "---\ntitle: Posts\n---\n",
    "content/posts/My Post.md": (
        '---\ntitle: "Hello, World Ünï"\ndate: 2023-03-05T10:00:00Z\n---\nx\n'
    ),
    "content/posts/sub/_index.md": "---\ntitle: Sub\n---\n",
    "content/posts/sub/s.md": (
        '---\ntitle: Slugged\nslug: "Own Slug"\ndate: 2023-12-31\n---\nx\n'
    ),
    "content/posts/leaf/index.md": "---\ntitle: Leaf\ndate: 2023-01-02\n---\nx\n",
    "content/posts/u.md": "---\ntitle: Url\nurl: /fixed/\ndate: 2023-01-02\n---\nx\n",
    "content/posts/nd.md": "---\ntitle: Nodate\n---\nx\n",
    "content/about/me.md": "---\ntitle: Ab\n---\nx\n",
}
# Where Hugo 0.111 writes those pages (test_permalinks_match_hugos checks it).
PERMALINK_PAGES = {
    "2023/03/march/05/0/sunday/64/posts/posts/hello-world-ünï/hello-world-ünï/my-post",
    "2023/12/december/31/0/sunday/365/posts/posts/sub/own-slug/slugged/s",
    "2023/01/january/02/1/monday/2/posts/posts/leaf/leaf/leaf",
    "1/01/january/01/1/monday/1/posts/posts/nodate/nodate/nd",
    "fixed",
    "a/me",
    "about",
    "posts",
    "posts/sub",
}


_LIST_PAGE = re.compile(r"(^|/)page/[0-9]+$")


def _pages_in(root: Path) -> set[str]:
    """The pages' folders, less the terms and the lists' page/N/ (which
    Hugo writes only where a layout pages the list: cameo's theme pages
    every list, checked against Hugo by test_hugo_pagination.py)."""
    return {
        path.parent.relative_to(root).as_posix()
        for path in root.rglob("index.html")
        if path.parent.relative_to(root).parts[:1] not in (("tags",), ("categories",))
        and path.parent != root
        and not _LIST_PAGE.search(path.parent.relative_to(root).as_posix())
    }


def test_permalinks_place_a_sections_pages_as_hugo_does(tmp_path):
    settings = _site(tmp_path, PERMALINK_TOML)
    for name in CONTENT:
        if name.startswith("content/"):
            (tmp_path / name).unlink()
    write_tree(tmp_path, PERMALINK_CONTENT)
    build_site(tmp_path / "content", tmp_path / "out", settings)
    assert _pages_in(tmp_path / "out") == PERMALINK_PAGES
    leaf = tmp_path / "out/2023/01/january/02/1/monday/2/posts/posts/leaf/leaf/leaf"
    assert _soup(leaf / "index.html").h1.get_text(strip=True) == "Leaf"


def test_permalinks_match_hugos(hugo, tmp_path):
    hugo_build(
        hugo,
        tmp_path,
        {
            **PERMALINK_CONTENT,
            "hugo.toml": PERMALINK_TOML,
        },
    )
    assert _pages_in(tmp_path / "hugo") == PERMALINK_PAGES


def test_a_permalink_hugo_refuses_stops_the_build_at_its_line(tmp_path):
    settings = _site(tmp_path, PERMALINK_TOML.replace(":filename/", ":file_name/"))
    with pytest.raises(BuildError) as caught:
        build_site(tmp_path / "content", tmp_path / "out", settings)
    message = str(caught.value)
    assert "hugo.toml:4: permalinks['posts'] = " in message
    assert "':file_name' is not one of Hugo's tokens" in message
    assert not (tmp_path / "out").exists()


def test_markup_options_reach_the_renderer_and_a_bad_one_stops_at_its_line(
    tmp_path,
):
    config = HUGO_TOML.replace(
        "[markup.goldmark.renderer]",
        '[markup.goldmark.parser]\nautoHeadingIDType = "blackfriday"\n'
        "[markup.goldmark.renderer]",
    )
    settings = _site(tmp_path, "enableEmoji = true\n" + config)
    write_tree(
        tmp_path,
        {
            "content/about.md": (
                "---\ntitle: About\n---\n## Hello World\n\n:smile: <b>raw</b>\n"
            )
        },
    )
    build_site(tmp_path / "content", tmp_path / "out", settings)
    about = _soup(tmp_path / "out" / "about" / "index.html").select_one(".e-content")
    assert about.find(id="hello-world") is not None  # blackfriday's id
    assert "\U0001f604" in about.get_text()  # enableEmoji
    assert about.find("b") is not None  # unsafe = true in the config

    bad = config.replace('"blackfriday"', '"other"')
    settings = _site(tmp_path, bad)
    with pytest.raises(BuildError) as caught:
        build_site(tmp_path / "content", tmp_path / "out2", settings)
    assert "hugo.toml:" in str(caught.value)
    assert "autoHeadingIDType is 'other'" in str(caught.value)


def test_a_permalink_given_in_the_settings_is_checked_too(tmp_path):
    write_tree(tmp_path, {"content/posts/a.md": "---\ntitle: A\n---\nA\n"})
    with pytest.raises(BuildError) as caught:
        build_site(
            tmp_path / "content",
            tmp_path / "out",
            HUGO_FRONTMATTER={"hugo_urls": True, "permalinks": {"posts": "/:bogus/"}},
        )
    assert "HUGO_FRONTMATTER['permalinks'] ['posts'] = '/:bogus/'" in str(caught.value)
    assert not (tmp_path / "out").exists()


def _unused_warnings(tmp_path, config: str) -> list[str]:
    """Build the site of ``config``; the warnings naming unused keys."""
    settings = _site(tmp_path, config)
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append
    logging.getLogger().addHandler(handler)
    try:
        build_site(tmp_path / "content", tmp_path / "out", settings)
    finally:
        logging.getLogger().removeHandler(handler)
    return [
        record.getMessage()
        for record in records
        if "not used by this build" in record.getMessage()
    ]


def test_keys_the_sites_go_templates_read_are_not_named_as_unused(tmp_path):
    config = (
        HUGO_TOML.replace(
            "\n[", '\nenableInlineShortcodes = true\ntitleCaseStyle = "Go"\n[', 1
        )
        + "\n[imaging]\nquality = 90\n"
    )
    warning = _unused_warnings(tmp_path, config)[0]
    assert "copyright" in warning  # the theme does not show it
    for key in ("enableinlineshortcodes", "titlecasestyle", "imaging"):
        assert key not in warning.lower()


# One value of the shape Hugo reads for every key the config room reads:
# the mappers' (keys.KEY_MAPPERS), the keys of a whole kind the room reads
# itself (settings.KIND_KEYS), those it leaves on purpose (IGNORED_KEYS) and
# those the site's Go templates read (TEMPLATE_KEYS).
READ_KEYS = {
    "baseurl": "https://example.org/",
    "title": "Notes",
    "author": "Jane Roe",
    "menus": {"main": [{"name": "About", "url": "/about/"}]},
    "menu": {"main": [{"name": "About", "pageRef": "about.md"}]},
    "mainsections": ["posts"],
    "summarylength": 30,
    "staticdir": ["static"],
    "permalinks": {"posts": "/:year/:slug/"},
    "markup": {"goldmark": {"renderer": {"unsafe": True}}},
    "enableemoji": True,
    "reflinkserrorlevel": "WARNING",
    "reflinksnotfoundurl": "/missing/",
    "pluralizelisttitles": False,
    "contentdir": "content",
    "languagecode": "en-us",
    "defaultcontentlanguage": "en",
    "defaultcontentlanguageinsubdir": False,
    "theme": "coder",
    "themesdir": "themes",
    "ignoreerrors": ["error-output-taxonomy"],
    "enableinlineshortcodes": True,
    "enablemissingtranslationplaceholders": True,
    "imaging": {"quality": 90},
    "titlecasestyle": "Go",
    "languages": {"en": {"title": "Notes", "weight": 1}},
    "params": {
        "author": "Jane Roe",
        "description": "What I write down",
        "social": [{"name": "GitHub", "url": "https://github.com/jane"}],
    },
    "taxonomies": {"tag": "tags", "series": "series"},
    "disablekinds": ["sitemap"],
    "outputs": {"home": ["HTML", "RSS"], "section": ["HTML"]},
    "disablepathtolower": True,
    "paginate": 5,
}


def test_every_key_the_config_room_reads_has_a_value_here():
    read = (
        set(config_keys.KEY_MAPPERS)
        | config_keys.IGNORED_KEYS
        | config_keys.TEMPLATE_KEYS
        | config_settings.KIND_KEYS
    )
    assert set(READ_KEYS) == read
    assert set(READ_KEYS["params"]) == set(config_keys.PARAM_MAPPERS)


@pytest.mark.parametrize("key", sorted(READ_KEYS))
def test_a_key_the_build_reads_is_never_named_as_unused(tmp_path, key):
    """A config with only that key (in a file, as Hugo writes it: camel
    case) names nothing in the unused-keys warning."""
    written = {"mainsections": "mainSections", "outputs": "Outputs"}.get(key, key)
    write_tree(tmp_path, {"hugo.json": json.dumps({written: READ_KEYS[key]})})
    (tmp_path / "content").mkdir()
    found = handoff.read_handoff("hugo.json", str(tmp_path / "content"))
    assert found.unused == []


def test_outputs_are_not_named_as_unused_in_a_build(tmp_path):
    config = HUGO_TOML + '\n[outputs]\nhome = ["HTML"]\n'
    (warning,) = _unused_warnings(tmp_path, config)
    named = warning.rsplit("): ", 1)[1].split(", ")
    assert named == ["copyright", "params.avatarurl"]
    assert not (tmp_path / "out" / "index.xml").exists()  # outputs was read


@pytest.mark.hugo
@pytest.mark.parametrize("name", ["site.conf", "site.ini", "config.txt"])
def test_a_config_file_of_another_extension_stops_as_hugo_stops(hugo, tmp_path, name):
    """Hugo 0.111 refuses ``--config site.conf`` ('is not a valid
    configuration format'); cameo stops in one line naming the file and the
    names Hugo reads, never with a traceback."""
    settings = _site(tmp_path, HUGO_TOML, name)
    refused = subprocess.run(
        [hugo, "--quiet", "--source", str(tmp_path), "--config", name],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode != 0
    assert "is not a valid configuration format" in refused.stderr
    with pytest.raises(BuildError) as caught:
        build_site(tmp_path / "content", tmp_path / "out", settings)
    (problem,) = [p for p in caught.value.problems if name in p]
    shown, message = problem.split(": ", 1)
    assert shown.endswith(f"/{name}")
    assert message.startswith("is not a config file cameo can read")
    assert "hugo.toml, hugo.yaml, hugo.yml, hugo.json, config.toml" in problem
    assert ".toml, .yaml, .yml or .json" in problem
    assert "\n" not in problem
    assert not (tmp_path / "out").exists()


_SCALARS = st.one_of(
    st.booleans(), st.integers(-5, 50), st.text("abcXYZ/:._- ", max_size=8)
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.text("abcdeXYZ", min_size=1, max_size=6), inner, max_size=3),
    ),
    max_leaves=8,
)


@hypothesis_settings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(config=st.dictionaries(st.sampled_from(sorted(READ_KEYS)), _VALUES, max_size=4))
def test_any_value_of_a_key_read_is_read_named_or_stopped_at(tmp_path_factory, config):
    """Whatever shape each key's value has, the config is read (a value of
    another shape than Hugo reads named with why) or stopped with the
    config's own error, never another exception."""
    root = tmp_path_factory.mktemp("shapes")
    write_tree(root, {"hugo.json": json.dumps(config, indent=1)})
    (root / "content").mkdir()
    try:
        found = handoff.read_handoff("hugo.json", str(root / "content"))
    except HugoConfigError as error:
        assert error.path.endswith("hugo.json")
        assert "\n" not in str(error)
        return
    for key, value in config.items():
        shape = config_keys.SHAPES.get(key)
        if shape and not isinstance(value, shape.kinds):
            assert any(name.startswith(f"{key} (") for name in found.unused), key


@pytest.mark.hugo
@pytest.mark.slow
@pytest.mark.parametrize("value", ["true", "false", '"true"', '"t"', '"false"', '"x"'])
def test_enable_emoji_is_read_as_hugo_reads_it(hugo, tmp_path, value):
    """``enableEmoji`` as Go's cast reads it: ``"false"`` and ``"x"`` are
    false, ``"t"`` true (Python's ``bool`` took any text as true)."""
    config = f"enableEmoji = {value}\n{HUGO_TOML}"
    about = {"content/about.md": "---\ntitle: About\n---\nHi :smile:\n"}
    public = hugo_build(
        hugo,
        tmp_path / "hugo-site",
        {**CONTENT, **about, "hugo.toml": config},
        {"layouts/_default/single.html": "{{ .Content }}"},
    )
    settings = _site(tmp_path / "site", config)
    write_tree(tmp_path / "site", about)
    build_site(tmp_path / "site" / "content", tmp_path / "out", settings)
    page = _soup(tmp_path / "out" / "about" / "index.html").select_one(".e-content")
    hugo_emoji = "\U0001f604" in (public / "about" / "index.html").read_text("utf-8")
    assert ("\U0001f604" in page.get_text()) == hugo_emoji
