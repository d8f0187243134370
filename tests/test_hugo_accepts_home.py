"""A stranger's Hugo-layout site with ``THEME`` and the plugins alone: its
``content/_index.md`` is the home page and Pelican's list of posts moves
aside by itself (issue 22, point 12)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from cameo_tools.build import build
from cameo_tools.errors import BuildError

from .conftest import CACHE, ROOT, hugo_build, write_tree

SITE = {
    "content/_index.md": """
        ---
        title: Welcome home
        ---
        Hello from the home page.
        """,
    "content/posts/first.md": """
        ---
        title: First post
        date: 2023-01-02
        ---
        The post's text.
        """,
}


def _settings(root: Path, extra: str = "") -> Path:
    """A settings file naming the theme and the plugins, and nothing else."""
    path = root / "stranger.py"
    path.write_text(
        textwrap.dedent(
            f"""
            THEME = {str(ROOT / "theme")!r}
            PLUGIN_PATHS = [{str(ROOT / "plugins")!r}]
            PLUGINS = ["hugo_frontmatter", "cameo"]
            """
        )
        + extra
    )
    return path


def _build(root: Path, extra: str = "") -> Path:
    output = root / "output"
    overrides = {"PATH": str(root / "content"), "CACHE_PATH": str(CACHE)}
    build(_settings(root, extra), output, overrides=overrides)
    return output


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def test_home_page_is_the_index_file_and_the_posts_move_aside(tmp_path):
    output = _build(write_tree(tmp_path, SITE))
    home = _soup(output / "index.html")
    assert home.h1.get_text(strip=True) == "Welcome home"
    assert "Hello from the home page." in home.get_text()
    blog = _soup(output / "blog_index.html")
    assert [a.get_text(strip=True) for a in blog.select("main a.u-url")] == [
        "First post"
    ]
    # The home page is not a post: no list or feed shows it.
    for listing in ("blog_index.html", "archives.html", "feeds/all.atom.xml"):
        assert "Welcome home" not in (output / listing).read_text("utf-8")


def test_index_save_as_set_elsewhere_is_kept(tmp_path):
    output = _build(write_tree(tmp_path, SITE), 'INDEX_SAVE_AS = "posts.html"\n')
    assert "First post" in (output / "posts.html").read_text("utf-8")
    assert not (output / "blog_index.html").exists()
    assert _soup(output / "index.html").h1.get_text(strip=True) == "Welcome home"


def test_a_site_without_a_home_page_keeps_its_list_of_posts(tmp_path):
    files = {name: text for name, text in SITE.items() if "posts/" in name}
    output = _build(write_tree(tmp_path, files))
    assert "First post" in (output / "index.html").read_text("utf-8")
    assert not (output / "blog_index.html").exists()


def test_what_else_writes_the_home_page_is_named_in_one_line(tmp_path):
    root = write_tree(tmp_path, SITE)
    with pytest.raises(BuildError) as caught:
        _build(root, 'TEMPLATE_PAGES = {"404.html": "index.html"}\n')
    lines = str(caught.value).splitlines()
    [line] = [line for line in lines if "content/_index.md" in line]
    assert "Traceback" not in str(caught.value)
    assert "the template page 404.html (TEMPLATE_PAGES)" in line
    assert "the home page is always at the site's root" in line
    assert "slug" not in line


@pytest.mark.parametrize("hugo_urls", [False, True])
def test_hugo_pages_are_among_cameos(tmp_path, hugo, hugo_urls):
    """Hugo's home page, post and (with Hugo's URLs) the posts' list page."""
    root = write_tree(tmp_path, SITE)
    public = hugo_build(hugo, tmp_path / "hugo-site", {**SITE, "config.toml": ""})
    extra = 'HUGO_FRONTMATTER = {"hugo_urls": True}\n' if hugo_urls else ""
    output = _build(root, extra)
    assert (public / "index.html").read_text("utf-8").strip() == "Welcome home"
    assert _soup(output / "index.html").h1.get_text(strip=True) == "Welcome home"
    if hugo_urls:
        hugo_pages = {
            path.relative_to(public).as_posix()
            for path in public.rglob("index.html")
            if path.parent.name not in ("tags", "categories")
        }
        assert hugo_pages == {
            "index.html",
            "posts/index.html",
            "posts/first/index.html",
        }
        built = {path.relative_to(output).as_posix() for path in output.rglob("*")}
        assert hugo_pages <= built
