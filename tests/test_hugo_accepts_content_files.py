"""The files of a Hugo content folder that are not pages, copied as Hugo
0.111 copies them (issue 22, points 5 and 9): an ``.html`` file that opens
with a tag (a page a theme ships as it is), the files beside the home
page's ``content/_index.md``, beside any ``_index.md`` (to its list page's
folder, also when its ``url`` moves it), in a leaf bundle (beside its page)
and in no bundle at all (to their own path); names Hugo ignores are left
out. An ``.html`` file with front matter is a page, its HTML kept as it is.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cameo_tools.build import build
from cameo_tools.errors import BuildError

from .conftest import (
    CACHE,
    HUGO_SETTINGS,
    ROOT,
    build_site,
    examples,
    hugo_build,
    write_tree,
)

PNG = b"\x89PNG\r\n\x1a\n not really an image"

SITE: dict[str, str | bytes] = {
    "config.toml": 'baseURL = "https://example.org/"\n',
    "content/_index.md": "---\ntitle: Home\n---\n![me](me.png)\n",
    "content/me.png": PNG,
    "content/data.json": '{"a": 1}\n',
    "content/.hidden.png": PNG,
    "content/notes.txt~": "a backup\n",
    "content/raw.html": "<!doctype html>\n<html><body><p>shipped</p></body></html>\n",
    "content/spaced.htm": "  \n\t<p>opens with white space</p>\n",
    "content/empty.html": b"",
    "content/not-a-comment.html": "<!-x>\n",
    "content/fm.html": (
        "---\ntitle: An HTML page\n---\n<p>one {{< param title >}}</p>\n"
        "<!--more-->\n<p>two *not Markdown*</p>\n"
    ),
    "content/text.htm": "plain text, no front matter\n",
    "content/commented.html": "<!--\n---\ntitle: Commented\n---\n-->\n<p>c</p>\n",
    "content/sub/x.html": "<p>in a folder without _index.md</p>\n",
    "content/sub/deeper/z.png": PNG,
    "content/branch/_index.md": "---\ntitle: Branch\nurl: /moved/\n---\nB.\n",
    "content/branch/pic.png": PNG,
    "content/branch/y.html": "<p>beside a branch</p>\n",
    "content/branch/.dot.png": PNG,
    "content/branch/deep/pic2.png": PNG,
    "content/branch/deeper/_index.md": "---\ntitle: Deeper\n---\n",
    "content/branch/deeper/q.png": PNG,
    "content/posts/first.md": "---\ntitle: First\ndate: 2023-01-02\n---\nA.\n",
    "content/posts/p.html": "<p>a post shipped as it is</p>\n",
    "content/bundle/index.md": "---\ntitle: Bundle\nurl: /elsewhere/\n---\nB.\n",
    "content/bundle/pic.png": PNG,
    "content/bundle/extra.html": "<p>bundle html</p>\n",
    "content/bundle/fm.html": "---\ntitle: A resource\n---\n<p>not published</p>\n",
    "content/bundle/sub/more.png": PNG,
    # Hugo ignores these names beside a bundle's page, not in its folders.
    "content/bundle/.top.png": PNG,
    "content/bundle/.hidden/f.png": PNG,
    "content/bundle/sub/.dot.png": PNG,
    "content/bundle/sub/#hash.png": PNG,
    "content/bundle/sub/backup~": PNG,
}


def _files(folder: Path) -> dict[str, bytes]:
    """Every file Hugo or cameo writes that is no page, feed or theme file
    (nor the theme plugin's robots.txt)."""
    found = {}
    for path in folder.rglob("*"):
        relative = path.relative_to(folder).as_posix()
        if (
            path.is_file()
            and path.name != "index.html"
            and path.suffix != ".xml"
            and not relative.startswith(("theme/", "cards/"))
            and relative != "robots.txt"
        ):
            found[relative] = path.read_bytes()
    return found


def _pages(folder: Path) -> set[str]:
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("index.html")
        if path.parts[len(folder.parts)] not in ("tags", "categories")
    }


def _cameo(root: Path, **overrides) -> Path:
    output = root / "output"
    build_site(root / "content", output, HUGO_SETTINGS, **overrides)
    return output


# Layouts that write something for every page (Hugo writes no empty file,
# so a title alone would leave out an untitled page).
LAYOUTS = {
    "layouts/_default/single.html": "<p>{{ .Title }}</p>",
    "layouts/_default/list.html": "<p>{{ .Title }}</p>",
    "layouts/index.html": "<p>{{ .Title }}</p>",
}


def _hugo(hugo: str, root: Path, files: dict) -> Path:
    return hugo_build(hugo, root, files, LAYOUTS)


@pytest.fixture(scope="module")
def both(tmp_path_factory, hugo) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("content-files")
    public = _hugo(hugo, root, SITE)
    return public, _cameo(root)


def test_files_hugo_copies_are_copied_byte_for_byte(both):
    public, output = both
    hugo_files = _files(public)
    assert "me.png" in hugo_files and "raw.html" in hugo_files  # the oracle's
    assert _files(output) == hugo_files


def test_html_pages_are_the_pages_hugo_writes(both):
    public, output = both
    assert {"fm/index.html", "text/index.html", "commented/index.html"} <= (
        _pages(public)
    )
    assert _pages(public) <= _pages(output)


def test_an_html_page_keeps_its_html_as_written(both):
    _, output = both
    page = BeautifulSoup(
        (output / "fm" / "index.html").read_text("utf-8"), "html.parser"
    )
    assert page.h1.get_text(strip=True) == "An HTML page"
    body = page.select_one(".prose") or page
    # Hugo 0.111 expands no shortcode in HTML content and converts no
    # Markdown; its content is what follows <!--more-->.
    assert "two *not Markdown*" in body.get_text()
    text = (output / "fm" / "index.html").read_text("utf-8")
    assert "<p>two *not Markdown*</p>" in text


def test_an_html_file_opening_with_a_comment_without_front_matter_stops(tmp_path, hugo):
    files = {
        "config.toml": "",
        "content/_index.md": "---\ntitle: Home\n---\n",
        "content/page.html": "<!-- a comment -->\n<p>no front matter</p>\n",
    }
    write_tree(tmp_path, files)
    refused = subprocess.run(
        [hugo, "--quiet", "--source", str(tmp_path), "-d", str(tmp_path / "h")],
        capture_output=True,
        text=True,
    )
    assert refused.returncode != 0
    assert "page.html:1:1" in refused.stderr
    with pytest.raises(BuildError) as caught:
        _cameo(tmp_path)
    lines = str(caught.value).splitlines()
    [line] = [line for line in lines if "page.html:1:" in line]
    assert "add front matter" in line
    assert "Traceback" not in str(caught.value)


def test_without_hugo_urls_html_is_pelicans(tmp_path):
    """A Pelican site's HTML page (title in its head) is Pelican's to read."""
    write_tree(
        tmp_path,
        {
            "content/about.html": (
                "<html><head><title>About us</title></head>"
                "<body><p>Pelican's own</p></body></html>\n"
            )
        },
    )
    output = _cameo(tmp_path, HUGO_FRONTMATTER={})
    [page] = [path for path in output.rglob("*.html") if "about" in path.as_posix()]
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    assert soup.h1.get_text(strip=True) == "About us"  # in the theme
    assert "Pelican's own" in soup.get_text()


# --- generated trees --------------------------------------------------------

_FOLDERS = st.sampled_from(["", "a/", "a/b/", "c/", "c/d/"])
# Markdown pages, bundles' own files among them; other files by kind.
_PAGE_NAMES = st.sampled_from(["f", "index", "_index"])
_FILE_NAMES = st.sampled_from(["f", "g", ".h", "#k", "k~"])
_KINDS: dict[str, tuple[str, str | bytes]] = {
    "png": ("png", PNG),
    "raw": ("html", "<div>shipped</div>\n"),
    "spaced": ("htm", "\n  <p>spaced</p>\n"),
    "front": ("html", "---\ntitle: Front\n---\n<p>front</p>\n"),
    "text": ("html", "just text\n"),
    "comment": ("html", "<!--\n---\ntitle: C\n---\n-->\n<p>c</p>\n"),
    "empty": ("html", b""),
}


@st.composite
def content_trees(draw) -> dict[str, str | bytes]:
    """A home page, Markdown pages (some a bundle's index.md or a section's
    _index.md) and other files of every kind, in a few folders."""
    files: dict[str, str | bytes] = {"content/_index.md": "---\ntitle: Home\n---\n"}
    for folder, name in draw(st.lists(st.tuples(_FOLDERS, _PAGE_NAMES), max_size=4)):
        if folder or name == "f":  # the top holds the home page's _index.md
            files[f"content/{folder}{name}.md"] = "---\ntitle: Page\n---\nText.\n"
    kinds = st.sampled_from(sorted(_KINDS))
    for folder, name, kind in draw(
        st.lists(st.tuples(_FOLDERS, _FILE_NAMES, kinds), min_size=1, max_size=8)
    ):
        extension, text = _KINDS[kind]
        files[f"content/{folder}{name}-{kind}.{extension}"] = text
    return files


@pytest.mark.filterwarnings("ignore")
@settings(
    max_examples=examples(30),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(files=content_trees())
@example(  # found by Hypothesis: index.md beside _index.md (Hugo ignores it)
    files={
        "content/_index.md": "---\ntitle: Home\n---\n",
        "content/a/index.md": "---\ntitle: Page\n---\nText.\n",
        "content/a/_index.md": "---\ntitle: Page\n---\nText.\n",
        "content/a/f-comment.html": "<!--\n---\ntitle: C\n---\n-->\n<p>c</p>\n",
        "content/a/b/.h-empty.html": b"",
    }
)
@example(  # found by Hypothesis: a leaf bundle's index.md below another's
    files={
        "content/_index.md": "---\ntitle: Home\n---\n",
        "content/a/index.md": "---\ntitle: Page\n---\nText.\n",
        "content/a/b/index.md": "---\ntitle: Page\n---\nText.\n",
        "content/a/b/.h-empty.html": b"",
    }
)
@example(  # found by Hypothesis: an ignored name below a bundle's folder
    files={
        "content/_index.md": "---\ntitle: Home\n---\n",
        "content/a/index.md": "---\ntitle: Page\n---\nText.\n",
        "content/a/b/.h-empty.html": b"",
    }
)
def test_generated_trees_copy_what_hugo_copies(tmp_path, hugo, files):
    root = tmp_path / "site"
    shutil.rmtree(root, ignore_errors=True)
    public = _hugo(hugo, root, {"config.toml": "", **files})
    output = root / "output"
    build_site(root / "content", output, HUGO_SETTINGS, CACHE_PATH=str(CACHE))
    assert _files(output) == _files(public)
    assert _pages(public) <= _pages(output)


MULTILINGUAL = {
    "config.toml": """
        defaultContentLanguage = "en"
        [languages.en]
        weight = 1
        [languages.fr]
        weight = 2
        """,
    "content/_index.md": "---\ntitle: Home\n---\n",
    "content/_index.fr.md": "---\ntitle: Accueil\n---\n",
    "content/pic.png": PNG,
    "content/sub/z.png": PNG,
    "content/sub/page.md": "---\ntitle: Page\n---\nText.\n",
}


def test_the_home_pages_files_are_in_each_languages_home(tmp_path, hugo):
    public = _hugo(hugo, tmp_path, MULTILINGUAL)
    output = tmp_path / "output"
    settings = tmp_path / "cameoconf.py"
    settings.write_text(
        f"THEME = {str(ROOT / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
        'PLUGINS = ["hugo_frontmatter", "cameo"]\n'
        f"HUGO_FRONTMATTER = {{'hugo_config': {str(tmp_path / 'config.toml')!r}}}\n"
    )
    build(
        settings,
        output,
        overrides={"PATH": str(tmp_path / "content"), "CACHE_PATH": str(CACHE)},
    )
    hugo_files = _files(public)
    assert {"pic.png", "fr/pic.png", "sub/z.png"} <= set(hugo_files)
    ours = {name: data for name, data in _files(output).items() if "404" not in name}
    assert ours == hugo_files
