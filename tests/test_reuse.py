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

from .conftest import ROOT

EXAMPLE = ROOT / "examples" / "garden"  # the site docs/reuse.md walks through


# The supported Pelican range is pyproject.toml's; its lowest and newest.
PELICAN_VERSIONS = {"lowest": "pelican==4.11.0", "newest": "pelican>=4.12,<5"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel that `pip wheel` builds from this checkout."""
    wheels = tmp_path_factory.mktemp("wheels")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels)]
        + [str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = wheels.glob("pelican_cameo-*.whl")
    return built


@pytest.fixture(scope="module", params=sorted(PELICAN_VERSIONS))
def venv(tmp_path_factory, request, wheel) -> Path:
    """A new virtual environment holding the wheel with its tasks and s3
    extras, and the lowest or the newest Pelican 4.x."""
    folder = tmp_path_factory.mktemp("reuse")
    source = f"{wheel}[tasks,s3]"
    environment = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(environment)], check=True)
    subprocess.run(
        [
            str(environment / "bin" / "pip"),
            "install",
            "-q",
            source,
            PELICAN_VERSIONS[request.param],
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return environment


@pytest.fixture
def second_site(tmp_path) -> Path:
    return Path(shutil.copytree(EXAMPLE, tmp_path / "garden"))


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
    # publishconf.py names its plugins (PLUGINS = [...]) instead of relying
    # on auto-discovery; that works too.
    preview = _run(venv, second_site, "invoke", "preview")
    assert preview.returncode == 0, preview.stdout + preview.stderr
    home = (second_site / "output" / "index.html").read_text("utf-8")
    assert '<link rel="canonical" href="https://ann.example.org/">' in home


def test_wheel_installs_where_pelican_looks(venv, request):
    found = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "import pelican.plugins.cameo as c, pelican.plugins.hugo_frontmatter as h;"
            "import pelican, os;"
            "print(c.__file__); print(h.__file__);"
            "print(c.theme_path()); print(pelican.__version__);"
            "print(os.path.isfile(os.path.join(c.theme_path(), 'templates',"
            " 'base.html')))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = found.stdout.split()
    assert all(str(ROOT) not in line for line in lines[:3])
    assert lines[2].endswith("/pelican/themes/cameo")
    assert lines[4] == "True"
    version = tuple(int(part) for part in lines[3].split(".")[:2])
    assert version == (4, 11) if "lowest" in request.node.name else version >= (4, 12)


def test_sdist_and_wheel_build_and_pass_twine_check(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    built = sorted(path.name for path in tmp_path.iterdir())
    assert [name.split("-")[0] for name in built] == ["pelican_cameo"] * 2
    assert built[0].endswith(".tar.gz") or built[1].endswith(".tar.gz")
    check = subprocess.run(
        [
            sys.executable,
            "-m",
            "twine",
            "check",
            "--strict",
            *map(str, tmp_path.iterdir()),
        ],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.count("PASSED") == 2
