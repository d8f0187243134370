"""The invoke tasks and the library behind them: builds, cleaning, serving."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from cameo_tools.build import build, clean
from cameo_tools.errors import BuildError

from .conftest import ROOT, build_site, fetch, write_tree

TASKS = [
    "build",
    "clean",
    "livereload",
    "preview",
    "publish",
    "rebuild",
    "serve",
    "test",
]


def invoke(*args: str, cwd: Path = ROOT, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,
    )


def listening_addresses(port: int) -> set[str]:
    """The local addresses with a socket listening on ``port`` (Linux /proc)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as lines:
            for line in list(lines)[1:]:
                local, state = line.split()[1], line.split()[3]
                address, port_hex = local.split(":")
                if state == "0A" and int(port_hex, 16) == port:
                    if len(address) == 8:
                        found.add(socket.inet_ntoa(bytes.fromhex(address)[::-1]))
                    else:
                        found.add(address)
    return found


def test_every_task_is_listed_with_its_help():
    listed = invoke("--list")
    assert listed.returncode == 0, listed.stderr
    lines = {
        line.split()[0]: line
        for line in listed.stdout.splitlines()[2:]
        if line.strip() and not line.startswith("    ")
    }
    assert sorted(lines) == TASKS
    for name, line in lines.items():
        assert len(line.split()) > 2, f"task {name} has no help line"


@pytest.mark.slow
def test_build_task_writes_the_site(tmp_path):
    run = invoke("build", "--output", str(tmp_path / "site"))
    assert run.returncode == 0, run.stderr
    assert "Built" in run.stdout and str(tmp_path / "site") in run.stdout
    soup = BeautifulSoup(
        (tmp_path / "site" / "index.html").read_text("utf-8"), "html.parser"
    )
    assert soup.h1.get_text() == "Hey, I'm Tianyu."


@pytest.mark.slow
def test_preview_uses_the_published_address(tmp_path):
    run = invoke(
        "preview",
        "--output",
        str(tmp_path / "site"),
        env={**os.environ, "CAMEO_SITEURL": "https://me.example.org"},
    )
    assert run.returncode == 0, run.stderr
    html = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert 'src="https://me.example.org/images/avatar.png"' in html
    assert 'href="https://me.example.org/theme/css/base.css"' in html


@pytest.mark.slow
def test_failed_build_task_exits_non_zero_and_keeps_the_old_output(tmp_path):
    bad_settings = tmp_path / "bad.py"
    bad_settings.write_text(
        f"from pelicanconf import *\nPATH = {str(tmp_path / 'content')!r}\n"
    )
    write_tree(tmp_path / "content", {"_index.md": "---\ntitle: [oops\n---\n"})
    old = write_tree(tmp_path / "site", {"index.html": "old\n"})
    run = invoke(
        "build",
        "--settings",
        str(bad_settings),
        "--output",
        str(old),
        env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "400"},
    )
    assert run.returncode == 1
    assert "_index.md:3:1: front matter is not valid YAML" in run.stderr
    assert (old / "index.html").read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.py", "content", "site"]


def test_template_error_fails_the_build_without_leftovers(tmp_path):
    broken = write_tree(
        tmp_path / "override", {"page.html": "{{ page.title | no_such_filter }}"}
    )
    with pytest.raises(BuildError, match="no_such_filter"):
        build_site(
            ROOT / "content", tmp_path / "out", THEME_TEMPLATES_OVERRIDES=[str(broken)]
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["override"]


def test_successful_build_replaces_the_old_output_whole(tmp_path):
    older = {"index.html": "older\n", "stale.html": "from an older build\n"}
    output = write_tree(tmp_path / "out", older)
    result = build_site(ROOT / "content", output)
    assert result.output == output
    assert not (output / "stale.html").exists()
    assert (output / "index.html").is_file()
    assert result.files == sum(1 for p in output.rglob("*") if p.is_file())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_clean_removes_output_and_unfinished_builds(tmp_path):
    output = write_tree(tmp_path / "output", {"index.html": "x"})
    write_tree(tmp_path / ".output.building-abc", {"index.html": "half"})
    write_tree(tmp_path / "keep", {"a": "b"})
    removed = clean(output)
    assert sorted(p.name for p in removed) == [".output.building-abc", "output"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep"]


def test_settings_error_is_a_build_error(tmp_path):
    settings = tmp_path / "settings.py"
    settings.write_text("PATH = 'content'\nTHEME = 'no-such-theme'\n")
    (tmp_path / "content").mkdir()
    with pytest.raises(BuildError, match="no-such-theme"):
        build(settings, tmp_path / "out")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "settings.py"]


def test_server_answers_pages_files_and_its_404_page(seed_site, serve_dir):
    base = serve_dir(seed_site)
    status, kind, body = fetch(base + "/")
    assert (status, kind) == (200, "text/html")
    assert (
        b'<h1 class="title">Hey, I&#39;m Tianyu.</h1>' in body
        or b"Hey, I'm Tianyu." in body
    )
    status, kind, body = fetch(base + "/images/avatar.png")
    assert (status, kind) == (200, "image/png") and body.startswith(b"\x89PNG")
    status, kind, body = fetch(base + "/no/such/page/")
    assert status == 404 and kind.startswith("text/html")
    assert b"Page not found" in body


def test_serve_task_listens_on_loopback_only(seed_site, run_server_task):
    url = run_server_task("serve", "--output", str(seed_site))
    status, _, body = fetch(url)
    assert status == 200 and b"Tianyu" in body
    port = int(url.rsplit(":", 1)[1].strip("/"))
    assert listening_addresses(port) == {"127.0.0.1"}


def test_serve_task_refuses_a_missing_folder(tmp_path):
    run = invoke("serve", "--output", str(tmp_path / "missing"))
    assert run.returncode == 1
    assert "run `invoke build` first" in run.stderr
