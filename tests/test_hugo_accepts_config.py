"""A Hugo config folder read as Hugo 0.111 reads it (issue 22, point 6).

``config/_default/`` and the environment's folder (``config/production/``)
hold one key a file, named by the file: ``params.toml`` is ``params``,
``languages.en.toml`` is ``languages.en``, ``menus.en.toml`` the menus of
language ``en``; ``hugo.*`` and ``config.*`` are the top level. The oracle
is ``hugo config``, which prints the merged config: every top-level key
``config_files.read_config`` returns is compared with Hugo's line for it, on
generated config folders (keys in mixed case, TOML, YAML and JSON files, a
root file beside the folder).
"""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cameo_tools.build import build
from cameo_tools.errors import BuildError
from pelican.plugins.hugo_frontmatter.config import files as config_files
from pelican.plugins.hugo_frontmatter.config import formats
from pelican.plugins.hugo_frontmatter.config import settings as config

from .conftest import CACHE, ROOT, TITLE_LAYOUTS, hugo_build, write_tree

# A migrated site's settings: the theme, the plugins (an editable install
# does not discover them) and the Hugo config; nothing else.
MIGRATED_SETTINGS = f"""
THEME = {str(ROOT / "theme")!r}
PLUGIN_PATHS = [{str(ROOT / "plugins")!r}]
PLUGINS = ["hugo_frontmatter", "cameo"]
HUGO_FRONTMATTER = {{"hugo_config": "."}}
"""


def build_migrated(root: Path, output: Path, **overrides) -> None:
    """Build the Hugo site ``root`` as its migrating user would: with
    MIGRATED_SETTINGS in ``root``, from ``root``."""
    settings = root / "cameoconf.py"
    settings.write_text(MIGRATED_SETTINGS, "utf-8")
    here = os.getcwd()
    os.chdir(root)
    try:
        build(settings, output, overrides={"CACHE_PATH": str(CACHE), **overrides})
    finally:
        os.chdir(here)


# --- what Hugo prints -------------------------------------------------------


def go_value(value) -> str:
    """``value`` as Go's fmt %v prints what Hugo decoded (maps by key)."""
    if isinstance(value, dict):
        inner = " ".join(f"{key}:{go_value(value[key])}" for key in sorted(value))
        return f"map[{inner}]"
    if isinstance(value, list):
        return "[" + " ".join(go_value(item) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "<nil>"
    return str(value)


def go_line(value) -> str:
    """A top-level value as ``hugo config`` prints it (strings quoted)."""
    return json.dumps(value) if isinstance(value, str) else go_value(value)


PRINTED_LINE = re.compile(r"(?m)^(\w+)(?: = |: )(.*)$")


def hugo_config(hugo: str, site: Path, environment: str | None = None) -> dict:
    """``hugo config`` of ``site``: top-level key -> its printed value."""
    env = {key: value for key, value in os.environ.items() if "HUGO" not in key}
    if environment:
        env["HUGO_ENVIRONMENT"] = environment
    done = subprocess.run(
        [hugo, "config", "--source", str(site)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=True,
    )
    # "key = value" after a TOML root file, else "key: value".
    return dict(PRINTED_LINE.findall(done.stdout))


# --- writing config files ---------------------------------------------------


def toml_value(value) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(value)


def dump(data: dict, kind: str) -> str:
    if kind == "toml":
        return "".join(f"{key} = {toml_value(value)}\n" for key, value in data.items())
    if kind == "json":
        return json.dumps(data, indent=1)
    return yaml.safe_dump(data, sort_keys=False)


def case_of(name: str, draw) -> str:
    """``name`` with each letter's case drawn: Hugo's keys are case-blind."""
    return "".join(letter.upper() if draw(st.booleans()) else letter for letter in name)


# No word go-yaml (YAML 1.1, Hugo's) would read as a boolean: y, n, on, no ...
WORDS = st.text("abcdfgxz", min_size=1, max_size=5)
SCALARS = st.one_of(WORDS, st.integers(0, 99), st.booleans())


@st.composite
def mixed_map(draw, depth: int = 2) -> dict:
    """A small map with keys in mixed case, distinct once lower-cased."""
    names = draw(st.lists(WORDS, max_size=3, unique_by=str.lower))
    values = (
        st.one_of(SCALARS, st.lists(WORDS, max_size=2), mixed_map(depth - 1))
        if depth
        else SCALARS
    )
    return {case_of(name, draw): draw(values) for name in names}


MENU = st.lists(
    st.builds(lambda name: {"name": name, "url": f"/{name}/"}, WORDS),
    min_size=1,
    max_size=2,
)
# A file of a config folder: its stem -> what it may hold.
FOLDER_FILES = {
    "params": mixed_map(),
    "menus": st.builds(lambda entries: {"main": entries}, MENU),
    "menu": st.builds(lambda entries: {"main": entries}, MENU),
    "taxonomies": st.dictionaries(WORDS, WORDS, min_size=1, max_size=2),
    "hugo": st.builds(
        lambda title, extra: {"title": title, "Extra": extra}, WORDS, mixed_map()
    ),
    "config": st.builds(lambda title: {"Title": title}, WORDS),
    "languages": st.builds(
        lambda en, fr: {"en": en, "fr": fr},
        st.fixed_dictionaries({"title": WORDS, "weight": st.integers(1, 3)}),
        st.fixed_dictionaries({"title": WORDS, "weight": st.integers(1, 3)}),
    ),
    "params.en": mixed_map(),
    "params.fr": mixed_map(),
    "menus.fr": st.builds(lambda entries: {"main": entries}, MENU),
    "languages.en": st.fixed_dictionaries(
        {"title": WORDS, "params": mixed_map(), "weight": st.integers(1, 3)}
    ),
    "languages.fr": st.fixed_dictionaries({"title": WORDS, "languageName": WORDS}),
    "other.fr": mixed_map(),
}
KINDS = st.sampled_from(["toml", "yaml", "json"])
EXTENSION = {"toml": "toml", "yaml": "yaml", "json": "json"}


@st.composite
def config_sites(draw) -> dict[str, str]:
    """A Hugo site's config: maybe a root file, and files in config/."""
    files: dict[str, str] = {}
    root_names = draw(
        st.lists(st.sampled_from(config_files.CONFIG_NAMES), max_size=2, unique=True)
    )
    for name in root_names:
        data = {"title": draw(WORDS), "Params": draw(mixed_map())}
        files[name] = dump(data, formats.format_of(name))
    languages = False
    for folder in ("_default", "production", "development", "staging"):
        stems = draw(st.lists(st.sampled_from(sorted(FOLDER_FILES)), max_size=4))
        for stem in dict.fromkeys(stems):
            kind = draw(KINDS)
            data = draw(FOLDER_FILES[stem])
            if not data:
                continue
            languages = languages or "languages" in stem or "." in stem
            shown = case_of(stem, draw)
            below = draw(st.sampled_from(["", "more/"]))
            files[f"config/{folder}/{below}{shown}.{EXTENSION[kind]}"] = dump(
                data, kind
            )
    if languages:
        # Hugo needs its default language among the languages.
        files["config/_default/a-languages.en.toml"] = "weight = 1\n"
    if (
        not any(
            name.startswith(("config/_default/", "config/production/"))
            for name in files
        )
        and not root_names
    ):
        files["hugo.toml"] = 'title = "t"\n'  # else Hugo finds no config
    return files


@pytest.mark.hugo
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(site=config_sites())
def test_config_folders_read_as_hugo_config_prints_them(hugo, tmp_path_factory, site):
    root = write_tree(tmp_path_factory.mktemp("config"), site)
    mine = config_files.read_config(config_files.find_files(".", str(root)))
    printed = hugo_config(hugo, root)
    for key, value in mine.items():
        assert printed.get(key) == go_line(value), (key, site)


@pytest.mark.hugo
@pytest.mark.parametrize("environment", ["production", "development", "staging"])
def test_the_environment_folder_is_hugos(hugo, tmp_path, monkeypatch, environment):
    """``hugo`` builds for production: config/production/ wins over
    _default, config/development/ is left out; HUGO_ENVIRONMENT picks
    another, as in Hugo."""
    root = write_tree(
        tmp_path,
        {
            "hugo.toml": 'title = "root"\n',
            "config/_default/params.toml": 'where = "default"\nkept = 1\n',
            "config/production/params.toml": 'where = "production"\n',
            "config/development/params.yaml": "where: development\n",
            "config/staging/params.json": '{"where": "staging"}',
        },
    )
    monkeypatch.delenv("HUGO_ENV", raising=False)
    if environment == "production":
        monkeypatch.delenv("HUGO_ENVIRONMENT", raising=False)
    else:
        monkeypatch.setenv("HUGO_ENVIRONMENT", environment)
    mine = config_files.read_config(config_files.find_files(".", str(root)))
    assert mine["params"] == {"where": environment, "kept": 1}
    printed = hugo_config(
        hugo, root, None if environment == "production" else environment
    )
    assert printed["params"] == go_line(mine["params"])


YAML_AS_HUGO_READS_IT = """\
title: t
params:
  yes_no: [yes, No, on, OFF, y, N, true]
  y: 1
  Off: 2
  octal: 0777
  digits: 1_000
  binary: 0b11
  hex: 0x1F
  octal_too: 0o17
  day: 2024-01-02
  clock: 12:30
  none: ~
  twice: 1
  twice: 2
"""


@pytest.mark.hugo
def test_yaml_config_read_as_hugo_reads_it(hugo, tmp_path):
    """Hugo 0.111 reads its config's YAML with go-yaml v2's rules: yes, on,
    y are true (keys too), 0777 is octal, dates and 12:30 stay text, the
    last of a key given twice wins."""
    root = write_tree(tmp_path, {"hugo.yaml": YAML_AS_HUGO_READS_IT})
    mine = config_files.read_config(config_files.find_files(".", str(root)))
    assert mine["params"]["yes_no"] == [True, False, True, False, True, False, True]
    assert mine["params"]["octal"] == 0o777
    assert hugo_config(hugo, root)["params"] == go_line(mine["params"])


LANGUAGE_FILE_SITE = {
    "config/_default/hugo.toml": """
        baseURL = "https://example.org/"
        defaultContentLanguage = "en"
    """,
    "config/_default/languages.en.toml": """
        title = "Jane's Notes"
        languageCode = "en-gb"
        weight = 1
        mainSections = ["notes"]
        [params]
        author = "Jane Roe"
        description = "Notes on small things"
    """,
    "config/_default/menus.en.toml": """
        [[main]]
        name = "Notes"
        url = "/notes/"
    """,
    "content/notes/first.md": "---\ntitle: First\ndate: 2024-01-02\n---\nHello.\n",
    "content/about.md": "---\ntitle: About\n---\nMe.\n",
}


def test_a_language_file_of_the_config_folder_gives_the_sites_title(tmp_path):
    """``config/_default/languages.en.toml`` is ``languages.en`` (not
    ``languages.en.languages``): the default language's title, author,
    description, mainSections and menu are the site's."""
    root = write_tree(tmp_path / "site", LANGUAGE_FILE_SITE)
    read = config_files.read_config(config_files.find_files(".", str(root)))
    assert read["languages"]["en"]["title"] == "Jane's Notes"
    found, _ = config.hugo_settings(read)
    assert found["SITENAME"] == "Jane's Notes"
    assert found["AUTHOR"] == "Jane Roe"
    assert found["CAMEO_DESCRIPTION"] == "Notes on small things"
    assert found["ARTICLE_PATHS"] == ["notes"]
    assert found["MENUITEMS"] == [("Notes", "/notes/")]
    build_migrated(root, tmp_path / "out", PATH=str(root / "content"))
    home = BeautifulSoup(
        (tmp_path / "out" / "index.html").read_text("utf-8"), "html.parser"
    )
    assert "Jane's Notes" in home.title.get_text()
    assert home.find("meta", attrs={"name": "description"})["content"] == (
        "Notes on small things"
    )
    assert re.search(r"notes/first/", (tmp_path / "out" / "index.xml").read_text())


# --- no page or feed Hugo would not write (point 8) ---------------------------

OUTPUT_POSTS = {
    "content/posts/one.md": (
        "---\ntitle: One\ndate: 2024-01-02\ntags: [go]\ncategories: [code]\n"
        "author: Jane Roe\nauthors: [jane]\nusers: [joe]\n---\nOne.\n"
    ),
    "content/posts/two.md": "---\ntitle: Two\ndate: 2024-01-03\ntags: [go, web]\n---\n",
    "content/about.md": "---\ntitle: About\nauthor: Jane Roe\n---\nMe.\n",
}
TAXONOMY_CHOICES = st.sampled_from(
    [
        None,  # Hugo's default: tags and categories
        {},
        {"tag": "tags"},
        {"author": "authors"},
        {"tag": "tags", "user": "users"},
        {"category": "categories", "author": "authors"},
    ]
)


@st.composite
def output_configs(draw) -> str:
    """A config's taxonomies, disableKinds and outputs, as TOML."""
    lines = ['baseURL = "https://example.org/"', 'title = "Site"']
    kinds = draw(st.lists(st.sampled_from(["taxonomy", "term", "RSS"]), unique=True))
    lines.append(f"disableKinds = {toml_value(kinds)}")
    outputs = dict(
        draw(
            st.lists(
                st.tuples(
                    st.sampled_from(
                        ["home", "section", "term", "Home", "taxonomyTerm"]
                    ),
                    st.sampled_from([["HTML"], ["HTML", "RSS"], ["html", "rss"], []]),
                ),
                max_size=2,
                unique_by=lambda pair: pair[0].lower(),  # Hugo's keys are case-blind
            )
        )
    )
    taxonomies = draw(TAXONOMY_CHOICES)
    if outputs:
        lines.append("[outputs]")
        lines.extend(f"{kind} = {toml_value(v)}" for kind, v in outputs.items())
    if taxonomies is not None:
        lines.append("[taxonomies]")
        lines.extend(f"{one} = {toml_value(many)}" for one, many in taxonomies.items())
    return "\n".join(lines) + "\n"


def written(folder: Path) -> set[str]:
    """The pages and feeds of a built site (not its sitemap, 404 page or
    robots.txt, the theme's files or redirects, nor a paged list's page/1/
    redirect, which Hugo writes only from a layout that pages)."""
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.suffix in (".html", ".xml")
        and path.name not in ("sitemap.xml", "404.html")
        and not path.relative_to(folder).as_posix().startswith(("theme/", "cards/"))
        and "page/1/" not in path.relative_to(folder).as_posix()
    }


@pytest.mark.hugo
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(hugo_toml=output_configs())
def test_no_page_or_feed_hugo_would_not_write(hugo, tmp_path_factory, hugo_toml):
    """Author pages only with an author taxonomy, feeds only for the kinds
    whose outputs have RSS: the same pages and feeds as Hugo's."""
    root = tmp_path_factory.mktemp("outputs")
    files = {"hugo.toml": hugo_toml, **OUTPUT_POSTS}
    site = write_tree(root / "site", files)
    try:
        public = hugo_build(hugo, root / "hugo-site", files)
    except subprocess.CalledProcessError:  # Hugo stops: so does cameo
        with pytest.raises(BuildError) as stopped:
            build_migrated(site, root / "cameo")
        assert any(p.startswith("hugo.toml:") for p in stopped.value.problems)
        return
    build_migrated(site, root / "cameo")
    assert written(root / "cameo") == written(public), hugo_toml


BASE_URL = 'baseURL = "https://example.org/"\n'
TAXONOMY_TAG = '[taxonomies]\ntag = "tags"\n'


@pytest.mark.parametrize(
    ("config_text", "key", "line"),
    [
        ('[outputs]\ntaxonomy = ["HTML"]\n', "outputs", 5),
        ('disableKinds = ["taxonomy"]\n', "disableKinds", 3),
    ],
)
def test_taxonomy_without_term_stops_as_in_hugo(tmp_path, config_text, key, line):
    """Hugo 0.111 stops on ``taxonomy`` without ``term`` in outputs or
    disableKinds (its meaning changed in Hugo 0.73) unless ignoreErrors
    says so: one line naming the config's line."""
    root = write_tree(
        tmp_path / "site",
        {
            "hugo.toml": BASE_URL
            + (TAXONOMY_TAG if key == "outputs" else 'title = "T"\n'),
            "content/about.md": "---\ntitle: About\n---\n",
        },
    )
    text = (root / "hugo.toml").read_text()
    (root / "hugo.toml").write_text(text + config_text)
    with pytest.raises(BuildError) as stopped:
        build_migrated(root, tmp_path / "out")
    (problem,) = [p for p in stopped.value.problems if "'taxonomy' without" in p]
    assert problem.startswith(f"hugo.toml:{line}: {key} names 'taxonomy' without")
    error = "error-output-taxonomy" if key == "outputs" else "error-disable-taxonomy"
    assert f'ignoreErrors = ["{error}"]' in problem
    (root / "hugo.toml").write_text(
        f'ignoreErrors = ["{error}"]\n' + text + config_text
    )
    build_migrated(root, tmp_path / "out")
    assert (tmp_path / "out" / "about" / "index.html").is_file()


@pytest.mark.hugo
@pytest.mark.parametrize("languages", [False, True])
@pytest.mark.parametrize("in_subdir", [False, True])
@pytest.mark.parametrize("disabled", [False, True])
def test_a_404_page_per_language_as_hugo_writes_them(
    hugo, tmp_path, languages, in_subdir, disabled
):
    """Hugo writes each language's 404 page in its folder (fr/404.html),
    the default language's at the top unless it is in a subfolder too, and
    none with disableKinds = ["404"]."""
    config_text = BASE_URL + 'title = "Site"\n'
    if in_subdir:
        config_text += "defaultContentLanguageInSubdir = true\n"
    if disabled:
        config_text += 'disableKinds = ["404"]\n'
    if languages:
        config_text += "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"
    files = {
        "hugo.toml": config_text,
        "content/_index.md": "---\ntitle: Home\n---\n",
        "content/about.md": "---\ntitle: A\n---\n",
    }
    public = hugo_build(
        hugo, tmp_path / "hugo-site", files, {**TITLE_LAYOUTS, "layouts/404.html": "-"}
    )
    site = write_tree(tmp_path / "site", files)
    build_migrated(site, tmp_path / "cameo")

    def not_found(folder: Path) -> set[str]:
        return {p.relative_to(folder).as_posix() for p in folder.rglob("404.html")}

    assert not_found(tmp_path / "cameo") == not_found(public)


# Keys written with a value of another shape than Hugo reads; Hugo 0.111
# ignores most (a default, or none: taxonomies, staticDir), stops on
# languages and writes no page with outputs.
MISSHAPEN = [
    ("markup", '"x"'),
    ("markup", "3"),
    ("params", "3"),
    ("params", '"x"'),
    ("menus", '"x"'),
    ("menu", "[]"),
    ("menus.main", '"x"'),
    ("taxonomies", "[]"),
    ("taxonomies", '"tags"'),
    ("permalinks", '"/:slug/"'),
    ("staticDir", "3"),
    ("mainSections", "3"),
    ("disableKinds", "3"),
    ("imaging", '"x"'),
    ("title", "[]"),
    ("languages", '"en"'),
    ("languages", "[]"),
    ("languages.en", "3"),
    ("languages.fr", '"x"'),
    ("outputs", '"HTML"'),
    ("outputs", "[]"),
]


@pytest.mark.hugo
@pytest.mark.slow
@pytest.mark.parametrize(("key", "value"), MISSHAPEN)
def test_a_key_of_another_shape_is_never_dropped_silently(
    hugo, tmp_path, caplog, key, value
):
    """Where Hugo 0.111 stops, or writes no page, cameo stops at the key's
    line saying what to write; elsewhere it writes what Hugo writes and
    names the key in the unused-keys warning with why."""
    files = {
        "hugo.toml": f"{BASE_URL}{key} = {value}\n",
        "static/robots-extra.txt": "static\n",
        **OUTPUT_POSTS,
    }
    site = write_tree(tmp_path / "site", files)
    try:
        # Never an empty page, which Hugo does not write (a title-less home).
        layouts = {name: f"page {text}" for name, text in TITLE_LAYOUTS.items()}
        public = hugo_build(hugo, tmp_path / "hugo-site", files, layouts)
    except subprocess.CalledProcessError:
        public = None
    if public is None or not written(public):
        with pytest.raises(BuildError) as stopped:
            build_migrated(site, tmp_path / "cameo")
        (problem,) = [p for p in stopped.value.problems if p.startswith("hugo.toml")]
        assert problem.startswith(f"hugo.toml:2: {key.lower()} is a ")
        assert "; write a table" in problem
        return
    caplog.set_level(logging.WARNING)
    build_migrated(site, tmp_path / "cameo")
    (warning,) = [m for m in caplog.messages if "not used by this build" in m]
    assert re.search(rf"\b{key.lower()} \(a \w+, not .*Hugo 0\.111", warning), warning
    assert written(tmp_path / "cameo") == written(public)
    assert (tmp_path / "cameo" / "robots-extra.txt").is_file() == (
        public / "robots-extra.txt"
    ).is_file()


# A list layout that pages, as cameo's theme pages every list.
PAGING_LAYOUTS = {
    **TITLE_LAYOUTS,
    "layouts/_default/list.html": "{{ range .Paginator.Pages }}{{ .Title }},{{ end }}",
    "layouts/index.html": "{{ range .Paginator.Pages }}{{ .Title }},{{ end }}",
}
PAGED_POSTS = {
    f"content/posts/p{n}.md": f"---\ntitle: P{n}\ndate: 2024-01-{n + 1:02}\n---\n"
    for n in range(9)
}


@pytest.mark.hugo
@pytest.mark.slow
@pytest.mark.parametrize(
    "value", ["0", "-1", "[2]", '"x"', "true", '"2.0"', '"010"', "2.5", "4"]
)
def test_paginate_is_read_as_hugo_reads_it(hugo, tmp_path, value):
    """``paginate`` read as Go's cast reads it ("010" is 8, 2.5 is 2, true
    is 1): the same paged lists as Hugo's; where Hugo stops at the first
    list a layout pages (not a page size above 0), cameo stops at its line."""
    files = {"hugo.toml": f"{BASE_URL}paginate = {value}\n", **PAGED_POSTS}
    site = write_tree(tmp_path / "site", files)
    try:
        public = hugo_build(hugo, tmp_path / "hugo-site", files, PAGING_LAYOUTS)
    except subprocess.CalledProcessError:
        with pytest.raises(BuildError) as stopped:
            build_migrated(site, tmp_path / "cameo")
        (problem,) = [p for p in stopped.value.problems if p.startswith("hugo.toml")]
        assert problem.startswith("hugo.toml:2: paginate is a ")
        assert "write a whole number above 0" in problem
        return
    build_migrated(site, tmp_path / "cameo")

    def paged(folder: Path) -> set[str]:
        return {p for p in written(folder) if "/page/" in f"/{p}"}

    assert paged(tmp_path / "cameo") == paged(public)
    assert paged(public)  # each case pages some list
