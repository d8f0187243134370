"""`pelican-cameo new --from-hugo` brings what a Hugo site's Go templates
need, where Hugo reads it, so the migrated site builds with no port: the
site's shortcodes, render hooks and partials under ``layouts/``, its
``data/``, ``i18n/`` and ``assets/``, and its theme's under
``themes/<theme>/`` (the config still names the theme); not the theme's
page layouts, static files or config (cameo is the theme).

Hugo is the oracle for what the pages show: the same tree, built by Hugo
with the theme's own page layouts, writes the same shortcode output.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import FIXTURES

pytestmark = pytest.mark.slow

HUGO_SITE = FIXTURES / "new_hugo"
NEW = "import sys; from cameo_tools.new import main; sys.exit(main(sys.argv[1:]))"

# A site and its theme "t", each with what Go templates read. Where both
# have a file, the site's wins in Hugo: note.html, badge.html, greeting.txt;
# their i18n tables merge id by id (hello from the theme, bye from the site).
TREE = {
    "layouts/shortcodes/note.html": '<div class="note">{{ .Inner }}</div>\n',
    "layouts/partials/badge.html": "<b>site badge</b>",
    "layouts/_default/_markup/render-link.html": (
        '<a class="hooked" href="{{ .Destination | safeURL }}">{{ .Text }}</a>'
    ),
    "data/site.yaml": "name: Grace\n",
    "i18n/en.toml": 'bye = "Bye from the site"\n',
    "assets/greeting.txt": "site greeting",
    "themes/t/layouts/shortcodes/note.html": '<div class="note">theme note</div>\n',
    "themes/t/layouts/shortcodes/box.html": (
        '<div class="box">{{ partial "badge.html" . }}</div>\n'
    ),
    "themes/t/layouts/shortcodes/greet.html": (
        '<p class="greet">{{ T "hello" }} / {{ T "bye" }}</p>\n'
    ),
    "themes/t/layouts/shortcodes/facts.html": (
        '<p class="facts" title="{{ .Site.Data.colors.primary }}">'
        "{{ .Site.Data.site.name }}</p>\n"
    ),
    "themes/t/layouts/shortcodes/asset.html": (
        '<p class="asset">{{ (resources.Get "greeting.txt").Content }} '
        '{{ (resources.Get "theme.txt").Content }}</p>\n'
    ),
    "themes/t/layouts/partials/badge.html": "<b>theme badge</b>",
    "themes/t/data/colors.json": '{"primary": "teal"}\n',
    "themes/t/i18n/en.toml": 'hello = "Hello from the theme"\nbye = "theme bye"\n',
    "themes/t/assets/greeting.txt": "theme greeting",
    "themes/t/assets/theme.txt": "theme asset",
    # The theme's look: Hugo needs it to build; cameo is the theme.
    "themes/t/layouts/_default/single.html": "<main>{{ .Content }}</main>",
    "themes/t/layouts/_default/list.html": "{{ .Title }}",
    "themes/t/layouts/index.html": "{{ .Title }}",
    "themes/t/static/css/theme.css": "body { color: teal }\n",
    "themes/t/theme.toml": 'name = "t"\n',
}
# Shortcodes and partials: the site's own over the theme's.
TEMPLATES_PAGE = (
    "---\ntitle: Uses\n---\nOne.\n\n{{< note >}}hi{{< /note >}}\n\n{{< box >}}\n"
)
HOOK_PAGE = "---\ntitle: Uses\n---\nSee [about](/me/).\n"
# What they read beside them: i18n, data and assets, the site's and the theme's.
INPUTS_PAGE = "---\ntitle: Uses\n---\n{{< greet >}}\n\n{{< facts >}}\n\n{{< asset >}}\n"
NOT_COPIED = {
    "themes/t/layouts/_default/single.html",
    "themes/t/layouts/_default/list.html",
    "themes/t/layouts/index.html",
    "themes/t/static/css/theme.css",
    "themes/t/theme.toml",
}


def _tree(root: Path) -> Path:
    hugo = Path(shutil.copytree(HUGO_SITE, root))
    config = hugo / "hugo.toml"
    config.write_text('theme = "t"\n' + config.read_text("utf-8"), "utf-8")
    for name, text in TREE.items():
        (hugo / name).parent.mkdir(parents=True, exist_ok=True)
        (hugo / name).write_text(text, "utf-8")
    return hugo


def _new_from_hugo(site: Path, tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", NEW, "new", str(site), "--from-hugo", str(tree)],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_go_templates_and_what_they_read_come_over_not_the_theme_look(
    tmp_path,
):
    tree = _tree(tmp_path / "hugo")
    site = tmp_path / "site"
    done = _new_from_hugo(site, tree)
    assert done.returncode == 0, done.stdout + done.stderr
    for name, text in TREE.items():
        if name in NOT_COPIED:
            assert not (site / name).exists(), name
        else:
            assert (site / name).read_text("utf-8") == text, name
    assert "# The Hugo site's shortcodes (layouts/shortcodes, themes/t/layouts/" in (
        site / "pelicanconf.py"
    ).read_text("utf-8")
    printed = done.stdout
    assert (
        "Copied for the Go templates, which run as they are: layouts/shortcodes/, "
        "layouts/_default/_markup/, layouts/partials/, data/, i18n/, assets/, "
        "themes/t/layouts/shortcodes/, themes/t/layouts/partials/, "
        "themes/t/data/, themes/t/i18n/, themes/t/assets/\n"
    ) in printed
    assert (
        "Not copied (cameo is the theme): themes/t/layouts/ (its page layouts), "
        "themes/t/static/, themes/t/theme.toml\n"
    ) in printed
    readme = (site / "README.md").read_text("utf-8")
    assert "The Hugo config still names its theme" in readme
    assert "(`themes/t/`)" in readme
    assert 'theme = "t"' in (site / "hugo.toml").read_text("utf-8")


def test_a_theme_folder_the_config_does_not_name_is_left_out(tmp_path):
    tree = _tree(tmp_path / "hugo")
    config = tree / "hugo.toml"
    config.write_text(config.read_text("utf-8").replace('theme = "t"\n', ""))
    site = tmp_path / "site"
    done = _new_from_hugo(site, tree)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not (site / "themes").exists()
    assert (site / "layouts" / "shortcodes" / "note.html").is_file()
    assert "The Hugo config still names its theme" not in (
        site / "README.md"
    ).read_text("utf-8")


def _both(tmp_path: Path, hugo: str, page: str) -> tuple[BeautifulSoup, BeautifulSoup]:
    """The page ``uses.md`` as Hugo writes it (with the theme's layouts)
    and as the site new --from-hugo made writes it."""
    tree = _tree(tmp_path / "hugo")
    (tree / "content" / "uses.md").write_text(page, "utf-8")
    public = tmp_path / "public"
    subprocess.run(
        [hugo, "--quiet", "-s", str(tree), "-d", str(public)],
        check=True,
        capture_output=True,
    )
    hugos = BeautifulSoup(
        (public / "uses" / "index.html").read_text("utf-8"), "html.parser"
    )
    site = tmp_path / "site"
    done = _new_from_hugo(site, tree)
    assert done.returncode == 0, done.stdout + done.stderr
    ours = BeautifulSoup(
        (site / "output" / "uses" / "index.html").read_text("utf-8"), "html.parser"
    )
    return hugos, ours


@pytest.mark.hugo
def test_the_migrated_site_runs_the_go_templates_as_hugo_does(tmp_path, hugo):
    hugos, ours = _both(tmp_path, hugo, TEMPLATES_PAGE)
    # What Hugo says: the site's note and badge over the theme's.
    assert hugos.select_one(".note").get_text() == "hi"
    assert hugos.select_one(".box").get_text() == "site badge"
    for selector in (".note", ".box"):
        assert str(ours.select_one(f".e-content {selector}")) == str(
            hugos.select_one(selector)
        ), selector


@pytest.mark.hugo
def test_the_migrated_site_runs_the_render_hook_as_hugo_does(tmp_path, hugo):
    hugos, ours = _both(tmp_path, hugo, HOOK_PAGE)
    assert str(hugos.select_one("a")) == '<a class="hooked" href="/me/">about</a>'
    assert str(ours.select_one(".e-content a")) == str(hugos.select_one("a"))


@pytest.mark.hugo
def test_the_migrated_site_reads_data_i18n_and_assets_as_hugo_does(tmp_path, hugo):
    hugos, ours = _both(tmp_path, hugo, INPUTS_PAGE)
    # What Hugo says: both i18n tables, both data folders, the site's asset
    # over the theme's of the same name.
    assert hugos.select_one(".greet").get_text() == (
        "Hello from the theme / Bye from the site"
    )
    assert str(hugos.select_one(".facts")) == '<p class="facts" title="teal">Grace</p>'
    assert hugos.select_one(".asset").get_text() == "site greeting theme asset"
    for selector in (".greet", ".facts", ".asset"):
        assert str(ours.select_one(f".e-content {selector}")) == str(
            hugos.select_one(selector)
        ), selector
