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

# Every test here builds or installs with pip, from the package index.
pytestmark = pytest.mark.index

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
    assert not (output / "sitemap.xml").exists()  # no SITEURL: no sitemap


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


def _docs_settings() -> str:
    """The settings block docs/reuse.md gives a stranger: the first Python
    block under its "Settings" heading."""
    text = (ROOT / "docs" / "reuse.md").read_text("utf-8")
    section = text.split("\n## Settings", 1)[1]
    return section.split("```python\n", 1)[1].split("```", 1)[0]


def test_the_settings_the_docs_give_build_the_example_site(venv, second_site):
    (second_site / "pelicanconf.py").write_text(_docs_settings(), "utf-8")
    run = _run(venv, second_site, "pelican", "content", "-s", "pelicanconf.py")
    assert run.returncode == 0, run.stdout + run.stderr
    _check_site(second_site / "output")


def test_the_docs_name_the_pelican_versions_tested():
    lowest = PELICAN_VERSIONS["lowest"].removeprefix("pelican==")
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    assert f'"pelican>={lowest.rsplit(".", 1)[0]},<5"' in pyproject
    versions = (ROOT / "docs" / "reuse.md").read_text("utf-8").split("## Versions")[1]
    assert f"lowest ({lowest})" in " ".join(versions.split())
    assert "newest 4.x" in " ".join(versions.split())


@pytest.fixture(scope="module")
def theme_only(tmp_path_factory, wheel) -> Path:
    """A new virtual environment with the wheel alone, no extras."""
    environment = tmp_path_factory.mktemp("theme-only") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(environment)], check=True)
    subprocess.run(
        [str(environment / "bin" / "pip"), "install", "-q", str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return environment


def test_the_theme_alone_installs_no_tooling(theme_only, second_site):
    listed = _run(theme_only, second_site, "pip", "list", "--format=freeze")
    installed = {line.split("==")[0].lower() for line in listed.stdout.split()}
    assert "pelican" in installed
    assert not installed & {"invoke", "boto3", "livereload", "ghp-import"}
    run = _run(theme_only, second_site, "pelican", "content", "-s", "pelicanconf.py")
    assert run.returncode == 0, run.stdout + run.stderr
    _check_site(second_site / "output")


def test_a_missing_extra_is_one_line_naming_the_install(theme_only, second_site):
    tasks = _run(theme_only, second_site, "python", "-c", "import cameo_tools.tasks")
    assert tasks.returncode == 1
    last = tasks.stderr.strip().splitlines()[-1]
    assert last == (
        "ImportError: pelican-cameo's tasks needs the Python package 'invoke', "
        "which is not installed; install it with: pip install 'pelican-cameo[tasks]'"
    )
    publish = _run(
        theme_only,
        second_site,
        "python",
        "-c",
        "from cameo_tools import publish\n"
        "try:\n"
        "    publish.publish('publishconf.py', {'target': 's3'})\n"
        "except publish.PublishError as error:\n"
        "    print(error)\n",
    )
    assert publish.returncode == 0, publish.stderr
    assert publish.stdout.strip() == (
        "publishing to S3 needs the Python package 'boto3', which is not "
        "installed; install it with: pip install 'pelican-cameo[s3]'"
    )
    assert not (second_site / "output").exists()  # refused before any build


EDITABLE_SETTINGS = """\
from pelican.plugins.cameo import theme_path

THEME = theme_path()
PLUGINS = ["pelican.plugins.hugo_frontmatter", "pelican.plugins.cameo"]
"""


def test_an_editable_install_builds_with_the_names_the_docs_give(second_site):
    """This repository's own venv is an editable install (`pip install -e`)."""
    text = (ROOT / "docs" / "reuse.md").read_text("utf-8")
    assert f"```python\n{EDITABLE_SETTINGS}```" in text
    conf = (second_site / "pelicanconf.py").read_text("utf-8")
    conf = conf.replace('THEME = "cameo"', EDITABLE_SETTINGS)
    (second_site / "pelicanconf.py").write_text(conf, "utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py"],
        cwd=second_site,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "HOME": str(second_site)},
    )
    assert run.returncode == 0, run.stdout + run.stderr
    _check_site(second_site / "output")


def test_installed_wheel_starts_a_new_site(venv, tmp_path):
    """The issue's check: `pelican-cameo new mysite --title "Ada Lovelace"`,
    then `invoke build` in it, gives a profile page titled "Ada Lovelace"."""
    made = _run(venv, tmp_path, "pelican-cameo", "new", "mysite", "--title")
    assert made.returncode == 2  # --title without its value: argparse's usage
    made = _run(
        venv, tmp_path, "pelican-cameo", "new", "mysite", "--title", "Ada Lovelace"
    )
    assert made.returncode == 0, made.stdout + made.stderr
    site = tmp_path / "mysite"
    assert 'THEME = "cameo"' in (site / "pelicanconf.py").read_text("utf-8")
    for name in (".gitignore", "README.md", "tasks.py", "content/images/avatar.png"):
        assert (site / name).is_file(), name
    run = _run(venv, site, "invoke", "build")
    assert run.returncode == 0, run.stdout + run.stderr
    home = BeautifulSoup(
        (site / "output" / "index.html").read_text("utf-8"), "html.parser"
    )
    assert home.h1.get_text() == "Ada Lovelace"
    assert home.title.get_text() == "Ada Lovelace"
    assert (site / "output" / "images" / "avatar-120.avif").is_file()
