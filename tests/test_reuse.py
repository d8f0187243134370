"""Reuse by another site: the built wheel alone, in a fresh virtual environment.

The wheel is built from this repository, installed with its dependencies into
a new venv (not in editable mode, with the repository nowhere on the path),
and a different site is built with it: with `pelican` (the plugins found by
Pelican's auto-discovery, THEME = "cameo") and with the reused invoke tasks.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import ROOT, write_tree

SECOND_SITE = {
    "pelicanconf.py": """
        SITENAME = "Ann's corner"
        AUTHOR = "Ann Example"
        PATH = "content"
        TIMEZONE = "UTC"
        THEME = "cameo"
        HUGO_FRONTMATTER = {"hugo_urls": True}
        ARTICLE_PATHS = ["posts"]
        ARTICLE_EXCLUDES = []
        PAGE_PATHS = [""]
        STATIC_PATHS = ["images"]
        DIRECT_TEMPLATES = ["tags", "404"]
        FEED_ALL_ATOM = None
        CATEGORY_FEED_ATOM = None
        AUTHOR_FEED_ATOM = None
        AUTHOR_FEED_RSS = None
        SOCIAL = [("Mastodon", "https://social.example/@ann")]
    """,
    "tasks.py": "from pelican.plugins.cameo.tasks import *  # noqa: F403\n",
    "content/_index.md": """
        ---
        supertitle: Ann Example
        title: Hello, I'm Ann.
        subtitle: I write about gardens.
        icon:
          url: /images/ann.png
          alt: A drawing of a garden
        ---
        Welcome to my corner.
    """,
    "content/posts/_index.md": """
        +++
        title = "Posts"
        +++
        All my posts.
    """,
    "content/posts/first.md": """
        ---
        title: Tomatoes
        date: 2024-05-01
        tags: [garden, food]
        ---
        About tomatoes.
    """,
    "content/posts/second.md": """
        +++
        title = "Beans"
        date = 2024-06-01
        tags = ["garden"]
        slug = "climbing-beans"
        +++
        About beans.
    """,
}


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    """A new virtual environment holding the wheel and its dependencies."""
    folder = tmp_path_factory.mktemp("reuse")
    wheels = folder / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = wheels.glob("pelican_cameo-*.whl")
    environment = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(environment)], check=True)
    subprocess.run(
        [str(environment / "bin" / "pip"), "install", "-q", str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return environment


@pytest.fixture
def second_site(tmp_path) -> Path:
    site = write_tree(tmp_path / "ann", SECOND_SITE)
    (site / "content" / "images").mkdir()
    shutil.copy(
        ROOT / "content" / "images" / "avatar.png",
        site / "content" / "images" / "ann.png",
    )
    return site


def _run(venv: Path, site: Path, *command: str) -> subprocess.CompletedProcess:
    # A clean environment: no PYTHONPATH, not run from the repository.
    return subprocess.run(
        [str(venv / "bin" / command[0]), *command[1:]],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(site)},
    )


def _check_site(output: Path) -> None:
    home = BeautifulSoup((output / "index.html").read_text("utf-8"), "html.parser")
    assert home.h1.get_text() == "Hello, I'm Ann."
    assert home.select_one(".supertitle").get_text() == "Ann Example"
    assert home.select_one(".profile-links a")["rel"] == ["me"]
    assert (output / "images" / "ann-120.avif").is_file()
    assert (output / "theme" / "css" / "base.css").is_file()  # the cameo theme
    post = BeautifulSoup(
        (output / "posts" / "climbing-beans" / "index.html").read_text("utf-8"),
        "html.parser",
    )
    assert post.h1.get_text() == "Beans"
    assert (output / "posts" / "tomatoes" / "index.html").is_file() is False
    assert (output / "posts" / "first" / "index.html").is_file()
    section = BeautifulSoup(
        (output / "posts" / "index.html").read_text("utf-8"), "html.parser"
    )
    assert [a.get_text() for a in section.select(".dated-list a")] == [
        "Beans",
        "Tomatoes",
    ]
    assert (output / "tag" / "garden.html").is_file()
    assert (output / "sitemap.xml").is_file()


def test_installed_wheel_builds_another_site_with_pelican(venv, second_site):
    run = _run(
        venv, second_site, "pelican", "content", "-o", "output", "--fatal", "errors"
    )
    assert run.returncode == 0, run.stdout + run.stderr
    _check_site(second_site / "output")


def test_installed_wheel_gives_the_tasks(venv, second_site):
    listed = _run(venv, second_site, "invoke", "--list")
    assert listed.returncode == 0, listed.stderr
    for name in ("build", "serve", "livereload", "publish"):
        assert f"  {name} " in listed.stdout
    run = _run(venv, second_site, "invoke", "build")
    assert run.returncode == 0, run.stdout + run.stderr
    _check_site(second_site / "output")


def test_wheel_holds_no_repository_paths(venv):
    found = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "import pelican.plugins.cameo as c, pelican.plugins.hugo_frontmatter as h;"
            "import pelican, os;"
            "print(c.__file__); print(h.__file__);"
            "print(os.path.isdir(os.path.join(os.path.dirname(pelican.__file__),"
            " 'themes', 'cameo', 'templates')))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = found.stdout.split()
    assert all(str(ROOT) not in line for line in lines[:2])
    assert lines[2] == "True"
