"""`pelican-cameo new` writes inside its folder and nowhere else: a link in
the folder is refused before anything is written, a file it replaces under
--force is kept in a backup folder, a hard link's other name keeps its bytes;
--from-hugo refuses config paths that leave the Hugo site and copies no link
Hugo would not read nor one that leads out of the Hugo site.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cameo_tools.build import build
from cameo_tools.hugo_copy import plan_hugo_copy, read_hugo_config
from cameo_tools.new import main

from .conftest import CACHE, FIXTURES, ROOT

HUGO_SITE = FIXTURES / "new_hugo"
BACKUP_GLOB = "pelican-cameo-backup-*"
NEW = "import sys; from cameo_tools.new import main; sys.exit(main(sys.argv[1:]))"


def _new_in_a_process(*args: str) -> subprocess.CompletedProcess:
    """`pelican-cameo new`, which builds a --from-hugo site, in a process of
    its own (test_new_site.py says why)."""
    return subprocess.run(
        [sys.executable, "-c", NEW, "new", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def _build(site: Path) -> Path:
    plugins = {
        "PLUGIN_PATHS": [str(ROOT / "plugins")],
        "PLUGINS": ["hugo_frontmatter", "cameo"],
        "CACHE_PATH": str(CACHE),
    }
    build(site / "pelicanconf.py", site / "output", plugins)
    return site / "output"


def _one_line(error: str) -> str:
    assert error.count("\n") == 1, error
    assert "Traceback" not in error
    return error


# --- point 9: links, hard links and what --force replaces ------------------


def test_force_refuses_a_file_link_and_writes_nothing(tmp_path, capsys):
    victim = tmp_path / "victim.txt"
    victim.write_text("the owner's\n", "utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "README.md").symlink_to("../victim.txt")
    assert main(["new", str(site), "--title", "Ada", "--force"]) == 2
    error = _one_line(capsys.readouterr().err)
    assert f"{site / 'README.md'} is a symbolic link" in error
    assert "../victim.txt" in error
    assert victim.read_text("utf-8") == "the owner's\n"
    assert [path.name for path in site.iterdir()] == ["README.md"]  # nothing else


def test_force_refuses_a_folder_link_and_writes_nothing(tmp_path, capsys):
    other = tmp_path / "other"
    other.mkdir()
    site = tmp_path / "site"
    site.mkdir()
    (site / "content").symlink_to(other)
    assert main(["new", str(site), "--force"]) == 2
    error = _one_line(capsys.readouterr().err)
    assert f"{site / 'content'} is a symbolic link" in error
    assert list(other.iterdir()) == []
    assert [path.name for path in site.iterdir()] == ["content"]


def test_force_leaves_a_hard_linked_file_outside_as_it_was(tmp_path, capsys):
    victim = tmp_path / "victim.txt"
    victim.write_text("the owner's\n", "utf-8")
    site = tmp_path / "site"
    site.mkdir()
    os.link(victim, site / "README.md")
    assert main(["new", str(site), "--title", "Ada", "--force"]) == 0
    assert victim.read_text("utf-8") == "the owner's\n"
    assert (site / "README.md").read_text("utf-8").startswith("# Ada")
    (backup,) = site.glob(BACKUP_GLOB)
    assert (backup / "README.md").read_text("utf-8") == "the owner's\n"


def test_force_keeps_every_file_it_replaces_and_publishes_none(tmp_path, capsys):
    site = tmp_path / "site"
    (site / "content" / "images").mkdir(parents=True)
    owners = {
        "pelicanconf.py": b"MINE = 1\n",
        "content/_index.md": b"---\ntitle: The owner's page\n---\nWritten by hand.\n",
        "content/images/avatar.png": b"the owner's photo",
    }
    for name, data in owners.items():
        (site / name).write_bytes(data)
    (site / "notes.txt").write_text("kept\n", "utf-8")
    assert main(["new", str(site), "--title", "Ada", "--force"]) == 0
    printed = capsys.readouterr().out
    (backup,) = site.glob(BACKUP_GLOB)
    assert f"{backup}{os.sep}" in printed  # says where
    for name, data in owners.items():
        assert name in printed
        assert (backup / name).read_bytes() == data
    assert {p.relative_to(backup).as_posix() for p in backup.rglob("*.*")} == set(
        owners
    )
    assert (site / "notes.txt").read_text("utf-8") == "kept\n"
    output = _build(site)
    home = (output / "index.html").read_text("utf-8")
    assert "<h1" in home and "Ada" in home and "Written by hand" not in home
    published = {p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert not published & set(owners.values())
    # Run again: the files are the template's own, so nothing is replaced.
    assert main(["new", str(site), "--title", "Ada", "--force"]) == 0
    assert "backup" not in capsys.readouterr().out
    assert len(list(site.glob(BACKUP_GLOB))) == 1


def test_the_folder_named_may_itself_be_a_link(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "site").symlink_to(real)
    assert main(["new", str(tmp_path / "site"), "--title", "Ada"]) == 0
    assert (real / "content" / "_index.md").is_file()


def test_from_hugo_refuses_an_output_link_in_the_folder(tmp_path, capsys):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    site = tmp_path / "site"
    site.mkdir()
    (site / "output").symlink_to(elsewhere)
    code = main(["new", str(site), "--force", "--from-hugo", str(HUGO_SITE)])
    assert code == 2
    assert f"{site / 'output'} is a symbolic link" in _one_line(capsys.readouterr().err)
    assert list(elsewhere.iterdir()) == []
    assert [path.name for path in site.iterdir()] == ["output"]


# --- point 10: the Hugo site's config paths and links ----------------------


def _hugo_copy(tmp_path: Path, extra_config: str = "") -> Path:
    """A copy of the Hugo site with ``extra_config``: top-level keys at the
    top of hugo.toml, a table at its end."""
    hugo = Path(shutil.copytree(HUGO_SITE, tmp_path / "a" / "hugo"))
    config = hugo / "hugo.toml"
    text = config.read_text("utf-8")
    if extra_config.startswith("["):
        config.write_text(text + extra_config, "utf-8")
    else:
        config.write_text(extra_config + text, "utf-8")
    return hugo


def test_from_hugo_refuses_a_static_dir_outside_the_site(tmp_path, capsys):
    hugo = _hugo_copy(tmp_path, 'staticDir = "../victimstatic"\n')
    (tmp_path / "a" / "victimstatic").mkdir()
    (tmp_path / "a" / "victimstatic" / "secret.txt").write_text("s", "utf-8")
    site = tmp_path / "b" / "site"
    assert main(["new", str(site), "--from-hugo", str(hugo)]) == 2
    error = _one_line(capsys.readouterr().err)
    assert f"{hugo / 'hugo.toml'}:1: staticDir" in error
    assert "outside the Hugo site" in error
    assert not (tmp_path / "b").exists()  # neither the site nor ../victimstatic


@pytest.mark.parametrize(
    ("config", "named"),
    [
        ('staticDir = "/etc"\n', "staticDir"),
        ('staticDir = ["static", "../victimstatic"]\n', "staticDir"),
        ('contentDir = "../elsewhere"\n', "contentDir"),
        ('[languages.fr]\ncontentDir = "../french"\n', "languages.fr.contentDir"),
        ('layoutDir = "../victimlayouts"\n', "layoutDir"),
        ('theme = "t"\nthemesDir = "/etc"\n', "themesDir"),
    ],
)
def test_from_hugo_refuses_each_config_path_outside_the_site(
    tmp_path, capsys, config, named
):
    hugo = _hugo_copy(tmp_path, config)
    site = tmp_path / "b" / "site"
    assert main(["new", str(site), "--from-hugo", str(hugo)]) == 2
    error = _one_line(capsys.readouterr().err)
    assert f"{hugo / 'hugo.toml'}:" in error and f" {named} = " in error
    assert not (tmp_path / "b").exists()


def test_from_hugo_refuses_a_content_folder_that_links_outside(tmp_path, capsys):
    hugo = _hugo_copy(tmp_path)
    shutil.move(hugo / "content", tmp_path / "a" / "shared")
    (hugo / "content").symlink_to("../shared")
    site = tmp_path / "b" / "site"
    assert main(["new", str(site), "--from-hugo", str(hugo)]) == 2
    error = _one_line(capsys.readouterr().err)
    assert f"{hugo / 'content'} leads to" in error and "outside the Hugo site" in error
    assert not (tmp_path / "b").exists()


@pytest.mark.parametrize("theme", [None, "plain"])
def test_from_hugo_refuses_a_shortcode_folder_that_links_outside(
    tmp_path, capsys, theme
):
    hugo = _hugo_copy(tmp_path, f'theme = "{theme}"\n' if theme else "")
    shared = tmp_path / "a" / "shared"
    shared.mkdir()
    (shared / "secret.html").write_text("s", "utf-8")
    layouts = hugo / (f"themes/{theme}/layouts" if theme else "layouts")
    layouts.mkdir(parents=True)
    (layouts / "shortcodes").symlink_to(shared)
    site = tmp_path / "b" / "site"
    assert main(["new", str(site), "--from-hugo", str(hugo)]) == 2
    error = _one_line(capsys.readouterr().err)
    assert f"{layouts / 'shortcodes'} leads to" in error
    assert "outside the Hugo site" in error
    assert not (tmp_path / "b").exists()


def test_from_hugo_refuses_a_config_file_that_links_outside(tmp_path, capsys):
    hugo = _hugo_copy(tmp_path)
    shutil.move(hugo / "hugo.toml", tmp_path / "a" / "shared.toml")
    (hugo / "hugo.toml").symlink_to("../shared.toml")
    site = tmp_path / "b" / "site"
    assert main(["new", str(site), "--from-hugo", str(hugo)]) == 2
    error = _one_line(capsys.readouterr().err)
    assert f"{hugo / 'hugo.toml'} leads to" in error
    assert not (tmp_path / "b").exists()


@pytest.mark.slow
def test_from_hugo_copies_no_link_that_leads_out_of_the_hugo_site(tmp_path):
    """A link out of the Hugo site is not followed (Hugo would), nor one
    that would loop or stop Hugo; each link left out is one line."""
    hugo = _hugo_copy(tmp_path)
    outside = tmp_path / "a" / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "key.txt").write_text("secret key\n", "utf-8")
    (outside / "folder" / "page.md").write_text("---\ntitle: Out\n---\nx\n", "utf-8")
    bundle = hugo / "content" / "posts" / "bundle"
    bundle.mkdir()
    (bundle / "index.md").write_text("---\ntitle: Bundle\n---\nText.\n", "utf-8")
    (bundle / "key.txt").symlink_to(outside / "key.txt")
    (hugo / "static" / "key.txt").symlink_to(outside / "key.txt")
    (hugo / "content" / "away").symlink_to(outside / "folder")
    (hugo / "notes").mkdir()
    (hugo / "notes" / "kept.md").write_text("---\ntitle: Kept\n---\nx\n", "utf-8")
    (hugo / "content" / "notes").symlink_to("../notes")  # inside: followed
    (hugo / "content" / "loop").symlink_to("..")  # holds itself
    (hugo / "content" / "gone.md").symlink_to("../nothing.md")
    (hugo / "static" / "notes").symlink_to("../notes")  # stops Hugo
    (hugo / "static" / "cv.txt").symlink_to("files/cv.txt")  # inside: copied
    site = tmp_path / "b" / "site"
    done = _new_in_a_process(str(site), "--from-hugo", str(hugo))
    assert done.returncode == 0, done.stdout + done.stderr
    not_copied = sorted(
        line.split()[2].rstrip(":")
        for line in done.stdout.splitlines()
        if line.startswith("Not copied: ") and "cameo is the theme" not in line
    )
    assert not_copied == [
        "content/away",
        "content/gone.md",
        "content/loop",
        "content/posts/bundle/key.txt",
        "static/key.txt",
        "static/notes",
    ]
    assert (site / "content" / "notes" / "kept.md").is_file()
    written = [p for p in site.rglob("*") if p.is_file() or p.is_symlink()]
    assert not [p for p in written if p.is_symlink()]
    assert not [p for p in written if p.read_bytes() == b"secret key\n"]
    assert (site / "static" / "cv.txt").read_bytes() == (
        hugo / "static" / "files" / "cv.txt"
    ).read_bytes()
    output = site / "output"
    assert (output / "notes" / "kept" / "index.html").is_file()
    assert (output / "posts" / "bundle" / "index.html").is_file()
    assert (output / "cv.txt").is_file()
    assert not (output / "away").exists() and not (output / "key.txt").exists()
    assert list(tmp_path.joinpath("b").iterdir()) == [site]


def test_the_links_copied_are_those_hugo_reads(tmp_path, hugo):
    """Inside the Hugo site, --from-hugo reads what Hugo 0.111 reads: linked
    files and folders in the content, folders in folders, linked files in a
    static folder."""
    site = _hugo_copy(tmp_path)
    (site / "notes").mkdir()
    (site / "more").mkdir()
    for name in ("notes/kept.md", "notes/single.md", "more/deep.md"):
        (site / name).write_text("---\ntitle: N\n---\nx\n", "utf-8")
    (site / "notes" / "more").symlink_to("../more")
    (site / "notes" / "again.md").symlink_to("single.md")
    (site / "content" / "notes").symlink_to("../notes")
    (site / "content" / "posts" / "single.md").symlink_to("../../notes/single.md")
    (site / "static" / "cv.txt").symlink_to("files/cv.txt")
    listed = subprocess.run(
        [hugo, "list", "all", "--source", str(site)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.splitlines()[1:]
    public = tmp_path / "public"
    subprocess.run(
        [hugo, "--quiet", "--source", str(site), "--destination", str(public)],
        capture_output=True,
        timeout=60,
        check=True,
    )
    files, config = read_hugo_config(site)
    copied = plan_hugo_copy(site, files, config).files
    pages = sorted(
        source.relative_to(site).as_posix()
        for target, source in copied.items()
        if target.parts[0] == "content" and target.name != "_index.md"
    )
    assert pages == sorted(line.split(",")[0] for line in listed)
    assert "content/notes/more/deep.md" in pages
    static = {str(p)[len("static/") :] for p in copied if p.parts[0] == "static"}
    assert static == {
        p.relative_to(public).as_posix()
        for p in public.rglob("*")
        if p.is_file() and p.suffix not in (".xml", ".html")  # not pages
    }
