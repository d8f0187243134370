"""Every layout of content folders Hugo 0.111 allows (issue 22, point 1).

Hugo's content is ``content/``, or the top-level ``contentDir``, or each
language's own ``contentDir`` (``content.en`` at the site's root,
``content/en`` nested), a language without one reading the top-level
folder, and a folder an earlier language has being no other's. A migrated
site's settings are the theme, the plugins and ``hugo_config`` only; PATH is
left out, so Pelican reads the site's root, where the plugin finds the
config and, from it, the content folders.

Two oracles: ``hugo config mounts`` (each language's folder, compared with
``mounts.content_mounts`` on generated configs), and ``hugo`` itself: a
generated site built by both lands its pages at the same paths.
"""

from __future__ import annotations

import json
import os
import posixpath
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cameo_tools.errors import BuildError
from pelican.plugins.hugo_frontmatter.config import files as config_files
from pelican.plugins.hugo_frontmatter.config import mounts

from .conftest import TITLE_LAYOUTS, write_tree
from .test_hugo_accepts_config import build_migrated, toml_value

HYPOTHESIS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
LANGUAGES = ("en", "fr", "de")
FOLDERS = ("content", "content.en", "content.fr", "content/en", "content/fr", "site")


def toml(data: dict) -> str:
    """A config as TOML: top-level keys, then one table a language."""
    languages = data.pop("languages", {})
    lines = [f"{key} = {toml_value(value)}" for key, value in data.items()]
    for name, values in languages.items():
        lines.append(f"[languages.{name}]")
        lines.extend(f"{key} = {toml_value(value)}" for key, value in values.items())
    return "\n".join(lines) + "\n"


@st.composite
def content_configs(draw) -> dict:
    """A config's content folders: the top-level contentDir, languages with
    or without their own (written as Hugo takes them: ``./content.fr/``)."""
    data: dict = {"baseURL": "https://example.org/"}
    # The top-level folder as Hugo cleans it: Hugo 0.111 compares a
    # language's own (cleaned) folder with the top-level one as written, so
    # "./site/" and "site" would be one folder read in two languages.
    top = draw(st.sampled_from([None, "content", "site"]))
    if top:
        data["contentDir"] = top
    names = draw(st.lists(st.sampled_from(LANGUAGES), max_size=3, unique=True))
    if names:
        data["defaultContentLanguage"] = draw(st.sampled_from(names))
        languages = {}
        # Weights all 0, or none 0: Hugo 0.111 orders a mix of both at
        # random (its comparison of weights is not an order; measured: one
        # config's folder went to one language 7 times in 8, else another).
        weights = [0] if draw(st.booleans()) else [1, 2, -1]
        for name in names:
            entry: dict = {"weight": draw(st.sampled_from(weights))}
            folder = draw(st.sampled_from([None, *FOLDERS]))
            if folder:
                entry["contentDir"] = draw(
                    st.sampled_from([folder, f"./{folder}", f"{folder}/"])
                )
            languages[name] = entry
        data["languages"] = languages
    return data


def hugo_mounts(hugo: str, root: Path, default: str) -> dict[str, str]:
    """``hugo config mounts``: each content mount's language -> folder (a
    mount of no language is the default language's)."""
    done = subprocess.run(
        [hugo, "config", "mounts", "--source", str(root)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    printed = json.loads(done.stdout)
    return {
        mount.get("lang") or default: posixpath.normpath(mount["source"])
        for mount in printed["mounts"]
        if mount["target"] == "content"
    }


@pytest.mark.hugo
@HYPOTHESIS
@given(data=content_configs())
def test_each_language_reads_the_folder_hugo_mounts(hugo, tmp_path_factory, data):
    root = write_tree(tmp_path_factory.mktemp("mounts"), {"hugo.toml": toml(data)})
    mine = mounts.content_mounts(config_files.read_config([str(root / "hugo.toml")]))
    default = str(data.get("defaultContentLanguage", "en"))
    assert mine == hugo_mounts(hugo, root, default)
    assert list(mine)[0] == default  # Hugo's order: the default language first


# --- built pages, against Hugo ----------------------------------------------

PAGE = "---\ntitle: {title}\ndate: 2024-01-0{day}\n---\nText of {title}.\n"
# Each layout: the config's content keys, and the folder of each language
# (None: the language has no folder of its own, only files named for it).
LAYOUTS = {
    "content/": ({}, {"en": "content"}),
    "contentDir at the top": ({"contentDir": "site"}, {"en": "site"}),
    "languages in content/": ({}, {"en": "content", "fr": None}),
    "root folders": (
        {"en": {"contentDir": "content.en"}, "fr": {"contentDir": "content.fr"}},
        {"en": "content.en", "fr": "content.fr"},
    ),
    "nested folders": (
        {"en": {"contentDir": "content/en"}, "fr": {"contentDir": "content/fr"}},
        {"en": "content/en", "fr": "content/fr"},
    ),
    "one language without a folder": (
        {"en": {"contentDir": "content.en"}, "fr": {}},
        {"en": "content.en", "fr": "content"},
    ),
    "a folder two languages name": (
        {"en": {"contentDir": "content.en"}, "fr": {"contentDir": "content.en"}},
        {"en": "content.en", "fr": None},
    ),
}


@st.composite
def content_sites(draw) -> tuple[str, dict[str, str]]:
    """A small site in one of LAYOUTS: pages in each language's folder
    (or named for it), a section, maybe a home page of its own."""
    name = draw(st.sampled_from(sorted(LAYOUTS)))
    keys, folders = LAYOUTS[name]
    data: dict = {
        "baseURL": "https://example.org/",
        "title": "Site",
        "disableKinds": ["taxonomy", "term", "RSS", "sitemap"],
    }
    if "contentDir" in keys:
        data["contentDir"] = keys["contentDir"]
    if len(folders) > 1:
        data["defaultContentLanguage"] = "en"
        data["languages"] = {
            lang: {"weight": weight, **keys.get(lang, {})}
            for weight, lang in enumerate(folders, 1)
        }
    files = {"hugo.toml": toml(data)}
    day = 1
    for lang, folder in folders.items():
        where = folder or folders["en"]
        suffix = "" if folder else f".{lang}"  # named for it, in en's folder
        pages = draw(
            st.lists(
                st.sampled_from(["about", "posts/first", "posts/second", "notes/n"]),
                min_size=1,
                max_size=3,
                unique=True,
            )
        )
        for page in pages:
            files[f"{where}/{page}{suffix}.md"] = PAGE.format(
                title=f"{page} {lang}", day=day
            )
            day = day % 9 + 1
        if draw(st.booleans()):
            files[f"{where}/_index{suffix}.md"] = f"---\ntitle: Home {lang}\n---\n"
    return name, files


def html_pages(folder: Path) -> set[str]:
    """The HTML files of a built site, by path; the theme's 404 page and a
    paged list's page/1/ redirect aside (Hugo writes them only from layouts
    that have them)."""
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*.html")
        if path.name != "404.html" and "page/1/" not in path.as_posix()
    }


@pytest.mark.hugo
@HYPOTHESIS
@given(site=content_sites())
def test_pages_land_where_hugo_writes_them(hugo, tmp_path_factory, site):
    name, files = site
    root = tmp_path_factory.mktemp("layout")
    write_tree(root, {**files, **TITLE_LAYOUTS})
    subprocess.run(
        [hugo, "--quiet", "--source", str(root), "-d", str(root / "hugo")],
        check=True,
        capture_output=True,
        timeout=120,
    )
    for layout in TITLE_LAYOUTS:  # Hugo's templates are not the site's pages
        (root / layout).unlink()
    build_migrated(root, root / "cameo")
    assert html_pages(root / "cameo") == html_pages(root / "hugo"), name


def test_root_language_folders_build_with_the_theme_and_config_only(tmp_path):
    """The issue's site: content.en and content.fr at the root, no content/;
    Pelican used to stop ("You need to specify a path containing the
    content"). Each page is at Hugo's path, in its language."""
    root = write_tree(
        tmp_path / "site",
        {
            "hugo.toml": """
                baseURL = "https://example.org/"
                title = "Site"
                defaultContentLanguage = "en"
                [languages.en]
                contentDir = "content.en"
                weight = 1
                [languages.fr]
                contentDir = "content.fr"
                title = "Le site"
                weight = 2
            """,
            "content.en/posts/hello.md": PAGE.format(title="Hello", day=2),
            "content.fr/posts/hello.md": PAGE.format(title="Bonjour", day=2),
            "content.en/about.md": "---\ntitle: About\n---\nMe.\n",
            "layouts/_default/single.html": "{{ .Title }}",
            "README.md": "# A theme's notes, not a page\n",
        },
    )
    build_migrated(root, tmp_path / "out")
    out = tmp_path / "out"
    english = (out / "posts" / "hello" / "index.html").read_text("utf-8")
    french = (out / "fr" / "posts" / "hello" / "index.html").read_text("utf-8")
    assert "Hello" in english and 'lang="en"' in english
    assert "Bonjour" in french and 'lang="fr"' in french
    assert (out / "about" / "index.html").is_file()
    assert not (out / "readme").exists() and not (out / "layouts").exists()
    assert not (out / "content.en").exists()


def test_a_content_folder_outside_path_names_its_line(tmp_path):
    """A PATH the user set that does not hold a language's folder: one line
    naming the config's line and what to do."""
    root = write_tree(
        tmp_path / "site",
        {
            "hugo.toml": (
                'baseURL = "https://example.org/"\n'
                "[languages.en]\nweight = 1\n"
                '[languages.fr]\ncontentDir = "content.fr"\n'
            ),
            "content/about.md": "---\ntitle: About\n---\n",
            "content.fr/about.md": "---\ntitle: Sur\n---\n",
        },
    )
    with pytest.raises(BuildError) as stopped:
        build_migrated(root, tmp_path / "out", PATH=str(root / "content"))
    (message,) = [line for line in stopped.value.problems if "contentDir" in line]
    assert message.startswith("hugo.toml:5: languages.fr.contentDir = 'content.fr'")
    assert "leave PATH out of the settings" in message
    assert "\n" not in message and "Traceback" not in str(stopped.value)


@pytest.mark.parametrize("path", [None, "content"])
def test_path_the_site_or_its_content_folder_builds_the_same(tmp_path, path):
    """Both settings a user may have: PATH left out (the site's root) or
    PATH = "content" (the folder above it is the site's root)."""
    root = write_tree(
        tmp_path / "site",
        {
            "hugo.toml": 'baseURL = "https://example.org/"\ntitle = "Site"\n',
            "content/posts/hello.md": PAGE.format(title="Hello", day=2),
            "content/about.en.md": "---\ntitle: About\n---\nMe.\n",
            "static/robots-extra.txt": "x\n",
        },
    )
    overrides = {"PATH": str(root / path)} if path else {}
    build_migrated(root, tmp_path / "out", **overrides)
    out = tmp_path / "out"
    assert (out / "posts" / "hello" / "index.html").is_file()
    assert (out / "about" / "index.html").is_file()  # about.en.md: en's about
    assert (out / "robots-extra.txt").is_file()
    assert not os.path.exists(out / "content")
