"""`pelican-cameo new DIR`: the site it writes builds at once into a profile
page with the given name; values with quotes keep the settings and the front
matter valid; a non-empty folder is refused unless --force; --from-hugo
copies a Hugo site, builds it and prints the parity of pages and aliases.

The wheel in a fresh venv running the command: tests/test_reuse.py.
"""

from __future__ import annotations

import ast
import gzip
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from cameo_tools.build import build
from cameo_tools.hugo_parity import hugo_parity
from cameo_tools.new import main

from .conftest import CACHE, FIXTURES, ROOT

HUGO_SITE = FIXTURES / "new_hugo"


def _build(site: Path) -> Path:
    output = site / "output"
    build(site / "pelicanconf.py", output, {"CACHE_PATH": str(CACHE), **SAME_PLUGINS})
    return output


# The plugins under the names the other tests of this process load them by:
# one process given a plugin under two module names would run its signal
# receivers twice (the site's settings name them as an editable install
# needs, pelican.plugins.cameo).
SAME_PLUGINS = {
    "PLUGIN_PATHS": [str(ROOT / "plugins")],
    "PLUGINS": ["hugo_frontmatter", "cameo"],
}


def _new_from_hugo(*args: str, cwd: Path | None = None) -> tuple[int, str]:
    """`pelican-cameo new ... --from-hugo`, which builds the site: in a
    process of its own, for the same reason."""
    done = subprocess.run(
        [sys.executable, "-c", NEW, "new", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
    )
    return done.returncode, done.stdout


NEW = "import sys; from cameo_tools.new import main; sys.exit(main(sys.argv[1:]))"


def _home(output: Path) -> BeautifulSoup:
    return BeautifulSoup((output / "index.html").read_text("utf-8"), "html.parser")


def _settings(site: Path, name: str = "pelicanconf.py") -> dict[str, object]:
    """The constant assignments of a settings file, read without running it."""
    tree = ast.parse((site / name).read_text("utf-8"))
    return {
        node.targets[0].id: ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.targets[0], ast.Name)
        and isinstance(node.value, ast.Constant | ast.Dict | ast.List)
    }


def _front_matter(page: Path) -> dict[str, object]:
    return yaml.safe_load(page.read_text("utf-8").split("---\n")[1])


def test_new_site_builds_a_profile_page_with_the_given_name(tmp_path, capsys):
    site = tmp_path / "mysite"
    assert main(["new", str(site), "--title", "Ada Lovelace"]) == 0
    assert "cd " in capsys.readouterr().out
    for name in ("pelicanconf.py", "publishconf.py", "tasks.py", "README.md"):
        assert (site / name).is_file()
    assert (site / "tasks.py").read_text("utf-8").strip() == (
        "from cameo_tools.tasks import *  # noqa: F403"
    )
    assert "output/" in (site / ".gitignore").read_text("utf-8").split()
    front = _front_matter(site / "content" / "_index.md")
    assert front["title"] == "Ada Lovelace"
    assert "content/_index.md" in front["subtitle"]  # says what to replace
    output = _build(site)
    home = _home(output)
    assert home.h1.get_text() == "Ada Lovelace"
    assert home.title.get_text() == "Ada Lovelace"
    avatar = home.select_one("img")
    assert avatar["src"] == "/images/avatar.png"
    assert (output / "images" / "avatar.png").is_file()
    assert (output / "images" / "avatar-360.avif").is_file()  # the theme's sizes
    assert (output / "favicon.ico").is_file()
    sheets = [
        output / link["href"].lstrip("/")
        for link in home.find_all("link", rel="stylesheet")
    ]
    compressed = [gzip.compress(p.read_bytes(), 9) for p in [output / "index.html"]]
    compressed += [gzip.compress(p.read_bytes(), 9) for p in sheets]
    assert sum(map(len, compressed)) <= 14 * 1024  # the theme's page budget


def test_options_fill_the_settings(tmp_path):
    site = tmp_path / "site"
    assert (
        main(
            ["new", str(site), "--title", "Ada", "--author", "A. Lovelace"]
            + ["--url", "https://ada.example.org/", "--lang", "zh-CN"]
        )
        == 0
    )
    settings = _settings(site)
    assert settings["SITENAME"] == "Ada"
    assert settings["AUTHOR"] == "A. Lovelace"
    assert settings["DEFAULT_LANG"] == "zh-CN"
    assert _settings(site, "publishconf.py")["SITEURL"] == "https://ada.example.org"
    assert _home(_build(site)).html["lang"].lower() == "zh-cn"


TRICKY = 'Ada "Countess" O\'Brien \\ {title} #1 <b>*x*</b> 李'


def test_quotes_and_markup_in_a_title_keep_every_file_valid(tmp_path):
    site = tmp_path / "site"
    assert main(["new", str(site), "--title", TRICKY]) == 0
    assert _settings(site)["SITENAME"] == TRICKY
    assert _settings(site)["AUTHOR"] == TRICKY
    assert _front_matter(site / "content" / "_index.md")["title"] == TRICKY
    readme = (site / "README.md").read_text("utf-8").splitlines()[0]
    assert "<b>" not in readme and "\\<b\\>" in readme  # Markdown, escaped
    home = _home(_build(site))
    assert home.h1.get_text() == TRICKY
    assert home.find("b") is None


def test_a_folder_with_files_is_refused_and_left_alone(tmp_path, capsys):
    site = tmp_path / "site"
    site.mkdir()
    (site / "pelicanconf.py").write_text("MINE = 1\n", "utf-8")
    assert main(["new", str(site), "--title", "Ada"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "--force" in error and str(site) in error
    assert [p.name for p in site.iterdir()] == ["pelicanconf.py"]
    assert (site / "pelicanconf.py").read_text("utf-8") == "MINE = 1\n"


def test_force_writes_into_a_folder_with_files(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "pelicanconf.py").write_text("MINE = 1\n", "utf-8")
    (site / "notes.txt").write_text("kept\n", "utf-8")
    assert main(["new", str(site), "--title", "Ada", "--force"]) == 0
    assert _settings(site)["SITENAME"] == "Ada"
    assert (site / "notes.txt").read_text("utf-8") == "kept\n"
    assert _home(_build(site)).h1.get_text() == "Ada"


def test_an_empty_existing_folder_is_used(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    assert main(["new", str(site)]) == 0
    assert _settings(site)["SITENAME"] == "Your Name"


@pytest.mark.parametrize(
    ("option", "value", "named"),
    [
        ("--url", "ada.example.org", "http(s)"),
        ("--lang", "english!", "language code"),
        ("--title", "Ada\nLovelace", "control character"),
        ("--title", "  ", "empty"),
    ],
)
def test_a_bad_option_is_one_line_and_writes_nothing(
    tmp_path, capsys, option, value, named
):
    site = tmp_path / "site"
    assert main(["new", str(site), option, value]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and named in error and option in error
    assert not site.exists()


def test_a_file_in_place_of_the_folder_is_refused(tmp_path, capsys):
    (tmp_path / "site").write_text("", "utf-8")
    assert main(["new", str(tmp_path / "site")]) == 2
    assert "is a file" in capsys.readouterr().err


@pytest.mark.slow
def test_from_hugo_copies_the_site_builds_it_and_prints_the_parity(tmp_path):
    site = tmp_path / "moved"
    code, printed = _new_from_hugo(str(site), "--from-hugo", str(HUGO_SITE))
    assert code == 0, printed
    rows = {line.split()[0]: line.split()[1:] for line in printed.splitlines()}
    assert rows["pages"] == ["3", "3"]  # home, about, the post; not the draft
    assert rows["aliases"] == ["2", "2"]
    assert "missing" not in printed
    for name in ("hugo.toml", "content/about.md", "static/files/cv.txt", "tasks.py"):
        assert (site / name).is_file(), name
    assert _settings(site)["HUGO_FRONTMATTER"] == {"hugo_config": "hugo.toml"}
    assert "SITENAME" not in _settings(site)  # the config's title stands
    publish = _settings(site, "publishconf.py")
    assert publish["SITEURL"] == "https://grace.example.org"  # the baseURL
    assert not (site / "content" / "_index.md").read_text("utf-8").count("Replace")
    output = site / "output"
    assert _home(output).h1.get_text() == "Grace Hopper"
    assert (output / "files" / "cv.txt").is_file()
    assert (output / "me" / "index.html").is_file()
    assert (output / "1947" / "moth" / "index.html").is_file()
    assert not (output / "posts" / "unfinished").exists()


@pytest.mark.slow
def test_from_hugo_takes_folders_relative_to_the_working_folder(tmp_path):
    shutil.copytree(HUGO_SITE, tmp_path / "hugo")
    code, printed = _new_from_hugo("site", "--from-hugo", "hugo", cwd=tmp_path)
    assert code == 0, printed
    assert "\npages                   3        3\n" in printed
    assert (tmp_path / "site" / "output" / "me" / "index.html").is_file()


@pytest.mark.slow
def test_from_hugo_follows_url_and_the_config_permalinks(tmp_path):
    hugo = Path(shutil.copytree(HUGO_SITE, tmp_path / "hugo"))
    with (hugo / "hugo.toml").open("a", encoding="utf-8") as config:
        config.write('\n[permalinks]\nposts = "/:year/:month/:slug/"\n')
    (hugo / "content" / "about.md").write_text(
        "---\ntitle: About\nurl: /who/\nslug: x\naliases: [me]\n---\nText.\n",
        "utf-8",
    )
    site = tmp_path / "site"
    code, printed = _new_from_hugo(str(site), "--from-hugo", str(hugo))
    assert code == 0, printed
    assert "missing" not in printed
    assert "\npages                   3        3\n" in printed
    assert (site / "output" / "2024" / "09" / "the-first-bug" / "index.html").is_file()
    assert (site / "output" / "who" / "index.html").is_file()
    assert (site / "output" / "me" / "index.html").is_file()


@pytest.mark.slow
def test_from_hugo_leaves_pages_of_other_languages_out_of_the_count(tmp_path):
    hugo = Path(shutil.copytree(HUGO_SITE, tmp_path / "hugo"))
    with (hugo / "hugo.toml").open("a", encoding="utf-8") as config:
        config.write("\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n")
    (hugo / "content" / "about.fr.md").write_text(
        "---\ntitle: À propos\n---\nTexte.\n", "utf-8"
    )
    site = tmp_path / "site"
    code, printed = _new_from_hugo(str(site), "--from-hugo", str(hugo))
    assert code == 0, printed
    assert "missing" not in printed
    assert "\npages                   3        3\n" in printed
    assert (site / "output" / "fr" / "about" / "index.html").is_file()


def test_the_parity_names_a_page_the_build_did_not_write(tmp_path):
    site = tmp_path / "site"
    code, printed = _new_from_hugo(str(site), "--from-hugo", str(HUGO_SITE))
    assert code == 0, printed
    (site / "output" / "about" / "index.html").unlink()
    (site / "output" / "me" / "index.html").unlink()
    table = hugo_parity(site, site / "output").table()
    assert table.splitlines()[1].split() == ["pages", "3", "2"]
    assert table.splitlines()[2].split() == ["aliases", "2", "1"]
    assert "missing: about/index.html (from content/about.md)" in table
    assert "missing: me/index.html (from content/about.md)" in table


@pytest.mark.slow
def test_from_hugo_settings_given_win_over_the_config(tmp_path):
    site = tmp_path / "site"
    given = ["--title", 'Grace "Amazing"', "--lang", "de"]
    code, printed = _new_from_hugo(str(site), "--from-hugo", str(HUGO_SITE), *given)
    assert code == 0, printed
    settings = _settings(site)
    assert settings["SITENAME"] == 'Grace "Amazing"'
    assert settings["DEFAULT_LANG"] == "de"
    assert _home(site / "output").html["lang"] == "de"


def test_from_hugo_refuses_a_folder_that_is_not_a_hugo_site(tmp_path, capsys):
    (tmp_path / "nothing").mkdir()
    target = tmp_path / "site"
    assert main(["new", str(target), "--from-hugo", str(tmp_path / "nothing")]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "hugo.toml" in error
    assert not target.exists()


def test_from_hugo_refuses_to_write_inside_the_hugo_site(tmp_path, capsys):
    hugo = Path(shutil.copytree(HUGO_SITE, tmp_path / "hugo"))
    assert main(["new", str(hugo / "new"), "--from-hugo", str(hugo)]) == 2
    assert "outside the Hugo site" in capsys.readouterr().err
    assert not (hugo / "new").exists()


@pytest.mark.slow
def test_the_console_script_and_invoke_build(tmp_path):
    script = Path(sys.executable).with_name("pelican-cameo")
    if not script.is_file():
        pytest.fail(f"{script} is missing; run: pip install -e . (the console script)")
    made = subprocess.run(
        [str(script), "new", "mysite", "--title", "Ada Lovelace"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert made.returncode == 0, made.stderr
    built = subprocess.run(
        [str(Path(sys.executable).with_name("invoke")), "build"],
        cwd=tmp_path / "mysite",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    assert _home(tmp_path / "mysite" / "output").h1.get_text() == "Ada Lovelace"
    refused = subprocess.run(
        [str(script), "new", "mysite"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode == 2
    assert refused.stderr.startswith("pelican-cameo new: error: mysite is not empty")


# -- a Hugo site's shortcodes, errors, README, content folders per language --

# Hugo's lookup of a shortcode: the site's layouts/shortcodes/ over its
# theme's. Each template prints where it comes from.
SHORTCODE_TREE = {
    "layouts/shortcodes/notice.html": "<aside>site notice: {{ .Inner }}</aside>\n",
    "themes/plain/layouts/shortcodes/notice.html": "<aside>theme notice</aside>\n",
    "themes/plain/layouts/shortcodes/box.html": '<div class="box">theme box</div>\n',
    "layouts/_default/single.html": "<main>{{ .Content }}</main>",
    "layouts/_default/list.html": "{{ .Title }}",
    "layouts/index.html": "{{ .Title }}",
}
USES = (
    "---\ntitle: Uses\n---\nOne.\n\n{{< notice >}}hi{{< /notice >}}\n\n"
    "Two {{< box >}} and {{</* box */>}}.\n"
)


def _hugo_tree(root: Path, files: dict[str, str], theme: str | None = None) -> Path:
    hugo = Path(shutil.copytree(HUGO_SITE, root))
    if theme:
        with (hugo / "hugo.toml").open("r+", encoding="utf-8") as config:
            text = config.read()
            config.seek(0)
            config.write(f'theme = "{theme}"\n{text}')
    for name, text in files.items():
        (hugo / name).parent.mkdir(parents=True, exist_ok=True)
        (hugo / name).write_text(text, "utf-8")
    return hugo


def _new_from_hugo_stderr(*args: str) -> tuple[int, str, str]:
    done = subprocess.run(
        [sys.executable, "-c", NEW, "new", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return done.returncode, done.stdout, done.stderr


@pytest.mark.hugo
def test_from_hugo_keeps_the_go_shortcodes_where_hugo_reads_them(tmp_path, hugo):
    """The site's shortcodes in layouts/shortcodes/, the theme's in its
    folder, no Jinja folder named; a Jinja port written as the README says
    wins over the Go template and shows what Hugo's shows."""
    tree = _hugo_tree(tmp_path / "hugo", SHORTCODE_TREE, theme="plain")
    (tree / "content" / "uses.md").write_text(USES, "utf-8")
    subprocess.run(
        [hugo, "--quiet", "-s", str(tree), "-d", str(tmp_path / "public")],
        check=True,
        capture_output=True,
    )
    hugos = BeautifulSoup(
        (tmp_path / "public" / "uses" / "index.html").read_text("utf-8"),
        "html.parser",
    )
    (tree / "content" / "uses.md").unlink()  # the first build goes through
    site = tmp_path / "site"
    code, printed = _new_from_hugo(str(site), "--from-hugo", str(tree))
    assert code == 0, printed
    assert _settings(site)["HUGO_FRONTMATTER"] == {"hugo_config": "hugo.toml"}
    assert (
        "Copied for the Go templates, which run as they are: layouts/shortcodes/, "
        "themes/plain/layouts/shortcodes/\n"
    ) in printed
    assert "Not copied (cameo is the theme): layouts/ (its page layouts)\n" in printed
    own = site / "layouts" / "shortcodes"
    assert [path.name for path in own.iterdir()] == ["notice.html"]
    assert "site notice" in (own / "notice.html").read_text("utf-8")
    theirs = site / "themes" / "plain" / "layouts" / "shortcodes"
    assert sorted(path.name for path in theirs.iterdir()) == [
        "box.html",
        "notice.html",
    ]
    assert not (site / "layouts" / "_default").exists()
    readme = (site / "README.md").read_text("utf-8")
    assert "cannot run Go templates" not in readme
    assert "they run as they are, the site's own over its theme's" in readme
    assert "write `shortcodes/NAME.html`" in readme
    # Ported to Jinja as the README says: that port wins, and shows Hugo's.
    (site / "shortcodes").mkdir()
    (site / "shortcodes" / "notice.html").write_text(
        "<aside>site notice: {{ inner }}</aside>\n", "utf-8"
    )
    settings = site / "pelicanconf.py"
    settings.write_text(
        settings.read_text("utf-8").replace(
            '"hugo_config": "hugo.toml"',
            '"hugo_config": "hugo.toml", "shortcodes": "shortcodes"',
        ),
        "utf-8",
    )
    (site / "content" / "uses.md").write_text(
        "---\ntitle: Uses\n---\nOne.\n\n{{< notice >}}hi{{< /notice >}}\n", "utf-8"
    )
    output = _build(site)
    ours = BeautifulSoup(
        (output / "uses" / "index.html").read_text("utf-8"), "html.parser"
    )
    assert ours.select_one(".e-content aside").get_text() == hugos.aside.get_text()


@pytest.mark.hugo
def test_from_hugo_names_every_shortcode_it_cannot_run_once_with_file_and_line(
    tmp_path, hugo
):
    tree = _hugo_tree(tmp_path / "hugo", SHORTCODE_TREE, theme="plain")
    (tree / "content" / "uses.md").write_text(USES, "utf-8")
    (tree / "content" / "posts" / "more.md").write_text(
        "---\ntitle: More\n---\nText.\n\n{{% box %}} {{< gone >}}\n{{< gone >}}\n",
        "utf-8",
    )
    # Hugo stops at an unknown shortcode and names it where this does.
    run = subprocess.run(
        [hugo, "--quiet", "-s", str(tree), "-d", str(tmp_path / "public")],
        capture_output=True,
        text=True,
    )
    assert run.returncode != 0
    assert 'content/posts/more.md:6:13": failed to extract shortcode' in run.stderr
    site = tmp_path / "site"
    code, printed, errors = _new_from_hugo_stderr(str(site), "--from-hugo", str(tree))
    assert code == 1, printed + errors
    lines = errors.splitlines()
    more = f"{site}/content/posts/more.md"
    # A Go template of the site or its theme runs as it is: not named.
    expected = [
        (f"{more}:6:", 'unknown shortcode "gone"'),
        (f"{more}:7:", 'unknown shortcode "gone"'),
    ]
    assert len(lines) == len(expected) + 1
    for line, (where, what) in zip(lines, expected, strict=False):
        assert line.startswith(where) and what in line, line
    assert "write one as layouts/shortcodes/gone.html (a Go template" in lines[0]
    assert lines[-1] == (
        f"pelican-cameo new: error: the site was written to {site}, but it cannot "
        "be built yet: 2 use(s) of shortcodes, listed above, stop the build; write "
        f"or remove them, then run: cd {site} && invoke build"
    )
    assert "Traceback" not in errors and not (site / "output").exists()
    assert (site / "content" / "uses.md").is_file()


@pytest.mark.slow
def test_a_failed_first_build_prints_each_error_once(tmp_path):
    tree = _hugo_tree(
        tmp_path / "hugo",
        {"content/posts/bad.md": '---\ntitle: Bad\n---\nSee {{< ref "nowhere" >}}.\n'},
    )
    site = tmp_path / "site"
    code, printed, errors = _new_from_hugo_stderr(str(site), "--from-hugo", str(tree))
    assert code == 1
    shown = printed + errors
    named = [line for line in shown.splitlines() if "bad.md:4" in line]
    assert len(named) == 1, shown
    assert errors.splitlines()[-1].startswith(
        f"pelican-cameo new: error: the site was written to {site}, but its build "
        "failed: "
    )
    assert errors.splitlines()[-1].endswith(
        f"fix what the errors above name, then run: cd {site} && invoke build"
    )


@pytest.mark.slow
def test_the_readme_of_a_migrated_site_speaks_of_what_came_over(tmp_path):
    site = tmp_path / "site"
    code, printed = _new_from_hugo(str(site), "--from-hugo", str(HUGO_SITE))
    assert code == 0, printed
    readme = (site / "README.md").read_text("utf-8")
    assert readme.startswith("# Grace's notes\n")
    for absent in ("avatar", "profile page", "_index.md: the profile"):
        assert absent not in readme.lower()
    for present in ("`hugo.toml`", "`content/`", "Hugo's built-in ones"):
        assert present in readme
    assert not (site / "content" / "images" / "avatar.png").exists()


# Hugo's other layout of languages: each language's own contentDir at the
# site's root, and no content/ folder.
LANGUAGE_FOLDERS = {
    "hugo.toml": (
        'baseURL = "https://ml.example.org/"\ntitle = "Multi"\n'
        'defaultContentLanguage = "en"\n'
        '[languages.en]\ncontentDir = "content.en"\nweight = 1\n'
        '[languages.fr]\ncontentDir = "content.fr"\nweight = 2\n'
    ),
    "content.en/_index.md": "---\ntitle: Home\n---\nWelcome.\n",
    "content.en/about.md": "---\ntitle: About\n---\nAbout.\n",
    "content.en/posts/hello.md": (
        "---\ntitle: Hello\ndate: 2024-01-02\naliases: [/old/]\n---\nHi.\n"
    ),
    "content.fr/posts/bonjour.md": (
        "---\ntitle: Bonjour\ndate: 2024-01-02\n---\nSalut.\n"
    ),
}


@pytest.mark.hugo
def test_from_hugo_takes_content_folders_per_language_at_the_root(tmp_path, hugo):
    tree = tmp_path / "hugo"
    for name, text in LANGUAGE_FOLDERS.items():
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_text(text, "utf-8")
    site = tmp_path / "site"
    code, printed = _new_from_hugo(str(site), "--from-hugo", str(tree))
    assert code == 0, printed
    assert "\npages                   3        3\n" in printed
    assert "\naliases                 1        1\n" in printed
    assert _settings(site)["PATH"] == "."
    assert (site / "content.fr" / "posts" / "bonjour.md").is_file()
    assert "- `content.en/`, `content.fr/`: the pages" in (
        site / "README.md"
    ).read_text("utf-8")
    layouts = {
        "layouts/_default/single.html": "{{ .Title }}",
        "layouts/_default/list.html": "{{ .Title }}",
        "layouts/index.html": "{{ .Title }}",
    }
    for name, text in layouts.items():
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_text(text, "utf-8")
    public = tmp_path / "public"
    subprocess.run(
        [hugo, "--quiet", "-s", str(tree), "-d", str(public)],
        check=True,
        capture_output=True,
    )

    def pages(folder: Path) -> set[str]:
        return {path.relative_to(folder).as_posix() for path in folder.rglob("*.html")}

    # Every page Hugo writes for that content is written (what else the
    # theme writes, 404 pages and pagination, is other tests' business).
    assert pages(public) <= pages(site / "output")


@pytest.mark.slow
def test_from_hugo_keeps_a_content_folder_of_another_name(tmp_path):
    hugo = Path(shutil.copytree(HUGO_SITE, tmp_path / "hugo"))
    (hugo / "content").rename(hugo / "notes")
    config = hugo / "hugo.toml"
    config.write_text('contentDir = "notes"\n' + config.read_text("utf-8"), "utf-8")
    site = tmp_path / "site"
    code, printed = _new_from_hugo(str(site), "--from-hugo", str(hugo))
    assert code == 0, printed
    assert "\npages                   3        3\n" in printed
    assert "missing" not in printed
    assert (site / "notes" / "about.md").is_file() and not (site / "content").exists()
    assert _settings(site)["PATH"] == "."
    assert (site / "output" / "me" / "index.html").is_file()
