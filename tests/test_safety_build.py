"""A build stopped in any way never blocks the next one; a build never
replaces or removes a folder that is not its output; and what goes wrong in
a build, a clean or the first moments of either is one line that says what
to do."""

from __future__ import annotations

import contextlib
import fcntl
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pelican.settings import DEFAULT_CONFIG

from cameo_tools.errors import BuildError
from pelican.plugins.hugo_frontmatter.prerender import PARALLEL_AT_LEAST

from .conftest import (
    HUGO_SETTINGS,
    ROOT,
    build_site,
    git,
    missing,
    write_task_site,
    write_tree,
)

INVOKE = str(Path(sys.executable).with_name("invoke"))
KILLS = 54  # 18 of each: SIGINT to the group, SIGTERM and SIGKILL to the build
# Seconds a build of the small site below may take on a busy 2-core machine.
BUILD_LIMIT = 60


def _page(n: int) -> str:
    # Each text its own, long enough that the workers are busy a while.
    lines = "\n\n".join(
        f"Paragraph {k} of post {n}: *some* `code` text." for k in range(40)
    )
    return f"---\ntitle: Post {n}\ndate: 2024-01-02\n---\nMarker-{n}.\n\n{lines}\n"


def _site(root: Path, pages: int = 0, parallel: int = 2) -> Path:
    """A site with ``pages`` posts (enough for the parallel conversion by
    default), its own settings, cache and tasks.py; the converted Markdown
    is not kept, so that every build forks its workers."""
    pages = pages or PARALLEL_AT_LEAST + 40
    write_tree(root, {f"content/posts/p{n}.md": _page(n) for n in range(pages)})
    options = {"hugo_urls": True, "markdown_cache": False}
    return write_task_site(root, {**options, "parallel_markdown": parallel})


def _invoke(site: Path, *args: str, timeout: float = BUILD_LIMIT):
    return subprocess.run(
        [INVOKE, *args],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _children(pid: int) -> list[int]:
    """The processes ``pid`` has forked (Linux's /proc)."""
    found = []
    with contextlib.suppress(OSError):
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as listed:
                found += [int(word) for word in listed.read().split()]
    return found


def _running(pid: int) -> bool:
    """Whether ``pid`` is a process that has not ended (a zombie has)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except (OSError, IndexError):
        return False


def _lock_is_free(site: Path) -> bool:
    """Whether another process could take the build's lock now."""
    (lock_path,) = (site / "cache" / "cameo-staging").glob("*.lock")
    with open(lock_path, "a") as lock:
        try:
            fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        fcntl.lockf(lock, fcntl.LOCK_UN)
        return True


def _wait(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


def _built_whole(site: Path, pages: int) -> None:
    """Every post's page is in the output, with its own text."""
    output = site / "output"
    for n in range(pages):
        assert f"Marker-{n}." in (output / "posts" / f"p{n}" / "index.html").read_text()


@pytest.mark.slow
@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs Linux /proc")
def test_a_build_killed_while_its_workers_convert_never_blocks_the_next(
    tmp_path,
):
    """SIGINT to the process group (Ctrl-C in a terminal), SIGTERM and
    SIGKILL to the build, each while the Markdown workers are alive: no
    worker outlives the build, the lock is free at once, the output is the
    previous build's, and the next build gets through in time."""
    pages = PARALLEL_AT_LEAST + 40
    site = _site(tmp_path / "site", pages)
    first = _invoke(site, "build")
    assert first.returncode == 0, first.stderr
    before = _tree(site / "output")
    chance = random.Random(25)
    hows = ["group", "SIGTERM", "SIGKILL"]
    landed = dict.fromkeys(hows, 0)
    seen: set[int] = set()
    try:
        for attempt in range(KILLS):
            how = hows[attempt % 3]
            run = subprocess.Popen(
                [INVOKE, "build"],
                cwd=site,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                stdin=subprocess.DEVNULL,
                text=True,
                start_new_session=True,  # a group of its own, as in a terminal
            )
            # The build is past the lock once it forks its workers.
            assert _wait(lambda run=run: _children(run.pid), BUILD_LIMIT), (
                f"attempt {attempt}: no workers after {BUILD_LIMIT} s: "
                "the build is stuck (on the lock?)"
            )
            time.sleep(chance.uniform(0, 0.05))
            workers = _children(run.pid)
            seen.update([run.pid, *workers])
            if workers and all(_running(pid) for pid in workers):
                landed[how] += 1
            if how == "group":
                os.killpg(run.pid, signal.SIGINT)
            else:
                run.send_signal(getattr(signal, how))
            err = run.communicate(timeout=BUILD_LIMIT)[1]
            assert _wait(lambda gone=workers: not any(map(_running, gone)), 5), (
                attempt,
                how,
                [pid for pid in workers if _running(pid)],
            )
            assert _lock_is_free(site), (attempt, how)
            if how != "SIGKILL":
                stop = "SIGINT" if how == "group" else how
                assert run.returncode == 1, (attempt, how, err)
                assert err.strip().splitlines() == [
                    f"Error: the build was interrupted ({stop}), so "
                    f"{site / 'output'} was left as it was"
                ], (attempt, how, err)
            assert _tree(site / "output") == before, (attempt, how)
            if attempt % 10 == 9:  # now and then, a build to the end
                done = _invoke(site, "build")
                assert done.returncode == 0, done.stderr
        print(f"{KILLS} kills with the workers alive: {landed}")
        assert sum(landed.values()) >= KILLS * 0.9, landed
        # The build after the last kill finishes, whole, in time.
        (site / "content" / "posts" / "p0.md").write_text(_page(0) + "\nEdited.\n")
        done = _invoke(site, "build")
        assert done.returncode == 0, done.stderr
        _built_whole(site, pages)
        assert (
            "Edited." in (site / "output" / "posts" / "p0" / "index.html").read_text()
        )
    finally:
        for pid in seen:  # none should be left; never leave one running
            if _running(pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)


def _start_build(site: Path) -> subprocess.Popen:
    """`invoke build` in ``site``, once it holds the build's lock (its
    process id is in the lock file)."""
    run = subprocess.Popen(
        [INVOKE, "build"],
        cwd=site,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    staging = site / "cache" / "cameo-staging"

    def holds() -> bool:
        return any(
            path.read_text().strip() == str(run.pid) for path in staging.glob("*.lock")
        )

    assert _wait(holds, BUILD_LIMIT), "the build never took its lock"
    return run


@pytest.mark.slow
@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux /proc")
def test_a_build_that_waits_says_for_whom_and_a_stopped_one_is_an_error(tmp_path):
    site = _site(tmp_path / "site", parallel=0)
    first = _start_build(site)
    try:
        first.send_signal(signal.SIGSTOP)  # Ctrl-Z in its terminal
        second = _invoke(site, "build")
        assert second.returncode == 1
        (line,) = second.stderr.strip().splitlines()
        assert re.fullmatch(
            rf"Error: process {first.pid} \(\S+ invoke build\) is building "
            + re.escape(
                f"{site / 'output'} but is stopped; resume it (`fg` in its "
                "terminal) or end it, then build again"
            ),
            line,
        ), line
        # Resumed, it finishes.
        first.send_signal(signal.SIGCONT)
        err = first.communicate(timeout=BUILD_LIMIT)[1]
        assert first.returncode == 0, err
        # A build that finds the lock held by a running process says whose
        # it is, waits, and builds once it is free.
        (lock_path,) = (site / "cache" / "cameo-staging").glob("*.lock")
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLD_LOCK, str(lock_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert holder.stdout.readline() == "locked\n"
        waiting = subprocess.Popen(
            [INVOKE, "build"],
            cwd=site,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        line = waiting.stderr.readline()
        assert re.fullmatch(
            rf"WARNING waiting for process {holder.pid} \(.+\), "
            + re.escape(f"which is building {site / 'output'}\n"),
            line,
        ), line
        assert waiting.poll() is None
        holder.communicate("")  # lets go
        out, err = waiting.communicate(timeout=BUILD_LIMIT)
        assert waiting.returncode == 0, err
        assert "(0 changed)" in out
    finally:
        with contextlib.suppress(ProcessLookupError):
            first.send_signal(signal.SIGCONT)
            first.kill()
        first.communicate()


# Holds the lock of a build, as a build in another process would, until its
# standard input closes.
HOLD_LOCK = """
import fcntl, os, sys
with open(sys.argv[1], "a") as lock:
    fcntl.lockf(lock, fcntl.LOCK_EX)
    lock.truncate(0)
    lock.write(f"{os.getpid()}\\n")
    lock.flush()
    print("locked", flush=True)
    sys.stdin.read()
"""


# An output folder is replaced whole: a folder that is not one is refused.


@pytest.fixture
def repository(tmp_path) -> Path:
    """A small site in a git repository, with every file committed."""
    site = _site(tmp_path / "site", pages=3, parallel=0)
    git(site, "init", "--quiet")
    git(site, "add", ".")
    git(site, "-c", "user.name=A", "-c", "user.email=a@b.c", "commit", "-qm", "site")
    return site


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "cache" not in path.relative_to(folder).parts
    }


# What each task says it did not do, and what to do instead (rebuild is
# refused as it cleans first).
_VERB = {
    "build": "built into",
    "preview": "built into",
    "rebuild": "removed",
    "clean": "removed",
}
_ADVICE = {
    "build": "build into a folder of its own (--output output)",
    "preview": "build into a folder of its own (--output output)",
    "rebuild": "pass the output folder itself (--output output)",
    "clean": "pass the output folder itself (--output output)",
}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("task", "output", "reason"),
    [
        ("build", ".", "holds the site's settings file ("),
        ("build", "content", "is the site's content,"),
        ("preview", ".", "holds the site's settings file ("),
        ("rebuild", "content", "is the site's content,"),
        ("clean", ".", "holds the site's settings file ("),
        ("clean", "content", "is the site's content,"),
        ("clean", "..", "holds the site's settings file ("),
    ],
)
def test_the_site_folder_or_its_content_is_never_the_output(
    repository, task, output, reason
):
    before = _snapshot(repository)
    (repository / "publishconf.py").write_text("from pelicanconf import *\n")
    run = _invoke(repository, task, "--output", output)
    assert run.returncode == 1, run.stdout
    target = (repository / output).resolve()
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith(f"Error: {target} {reason}"), lines
    assert lines[0].endswith(f", so it was not {_VERB[task]}; {_ADVICE[task]}")
    (repository / "publishconf.py").unlink()
    assert _snapshot(repository) == before
    assert git(repository, "status", "--porcelain") == ""


@pytest.mark.slow
def test_a_repository_is_never_the_output(repository, tmp_path):
    other = tmp_path / "notes"
    other.mkdir()
    git(other, "init", "--quiet")
    for task in ("build", "clean"):
        run = _invoke(repository, task, "--output", str(other))
        assert run.returncode == 1
        assert run.stderr.strip() == (
            f"Error: {other} is a repository (it has .git), so it was not "
            f"{_VERB[task]}; " + _ADVICE[task]
        )
    assert (other / ".git").is_dir()


@pytest.mark.slow
def test_a_folder_of_other_files_is_refused_and_kept(repository, tmp_path):
    notes = write_tree(tmp_path / "notes", {"todo.txt": "mine\n", "a/b.md": "x"})
    for task in ("build", "rebuild", "clean"):
        run = _invoke(repository, task, "--output", str(notes))
        assert run.returncode == 1
        assert run.stderr.strip().splitlines() == [
            f"Error: {notes} holds files no build wrote (a, ...), so it was not "
            f"{_VERB[task]}; move them away or " + _ADVICE[task]
        ]
    assert _tree(notes) == {"a/b.md": b"x", "todo.txt": b"mine\n"}


@pytest.mark.slow
def test_outputs_are_still_built_into_and_cleaned(repository, tmp_path):
    """An empty folder; the output the last build wrote (this site has no
    index.html), with a file added since; and an output of an earlier
    version that the cache does not know, as it looks like a built site."""
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _invoke(repository, "build", "--output", str(empty)).returncode == 0
    (empty / "added.txt").write_text("added by hand\n")
    assert not (empty / "index.html").exists()
    again = _invoke(repository, "build", "--output", str(empty))
    assert again.returncode == 0, again.stderr
    assert not (empty / "added.txt").exists()
    shutil.rmtree(repository / "cache")  # as an earlier version left it
    again = _invoke(repository, "build", "--output", str(empty))
    assert again.returncode == 0, again.stderr
    shutil.rmtree(repository / "cache")
    cleaned = _invoke(repository, "clean", "--output", str(empty))
    assert cleaned.returncode == 0, cleaned.stderr
    assert not empty.exists()


# One line, never a traceback.


@pytest.fixture
def read_only_output(tmp_path) -> Iterator[tuple[Path, Path]]:
    """A site, and its built output on a file system mounted read-only
    since (a tmpfs of its own: mounting needs root)."""
    site = _site(tmp_path / "site", pages=3, parallel=0)
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        missing(f"cannot mount a tmpfs (root is needed): {mounted.stderr.strip()}")
    try:
        built = _invoke(site, "build", "--output", str(disk / "output"))
        assert built.returncode == 0, built.stderr
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        yield site, disk / "output"
    finally:
        subprocess.run(["umount", str(disk)], check=True)


@pytest.mark.root
@pytest.mark.parametrize("task", ["clean", "rebuild"])
def test_clean_on_a_read_only_folder_is_one_line(read_only_output, task):
    site, output = read_only_output
    before = _tree(output)
    run = _invoke(site, task, "--output", str(output))
    assert run.returncode == 1
    (line,) = run.stderr.strip().splitlines()
    assert line.startswith(f"Error: could not remove {output}/"), line
    assert line.endswith(
        ": Read-only file system; fix the folder's permissions, then clean again"
    )
    assert _tree(output) == before


@pytest.mark.slow
def test_ctrl_c_while_a_build_imports_pelican_is_one_line(tmp_path):
    """SIGINT once the build task has begun, before the build has its signal
    handlers in place (reading the settings imports Pelican)."""
    site = _site(tmp_path / "site", pages=3, parallel=0)
    (site / "tasks.py").write_text(
        textwrap.dedent(
            """
            import sys
            from invoke import task
            from cameo_tools import tasks

            @task
            def build(c):
                print("task began", file=sys.stderr, flush=True)
                tasks.build(c)
            """
        )
    )
    chance = random.Random(12)
    interrupted = 0
    for attempt in range(8):
        # An attempt the signal came too late for built the output; an
        # interrupted one must leave it as it was before it.
        before = _tree(site / "output") if (site / "output").exists() else None
        run = subprocess.Popen(
            [INVOKE, "build"],
            cwd=site,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        assert run.stderr.readline() == "task began\n"
        time.sleep(chance.uniform(0, 0.1))
        run.send_signal(signal.SIGINT)
        out, err = run.communicate(timeout=BUILD_LIMIT)
        if run.returncode == 0:
            continue  # built before the signal came
        interrupted += 1
        assert run.returncode == 1, (attempt, err)
        assert err.strip().splitlines() in (
            [
                "Error: the build was interrupted (SIGINT), so "
                f"{site / 'output'} was left as it was"
            ],
            ["Error: interrupted (SIGINT) before the build began; nothing was changed"],
        ), (attempt, err)
        after = _tree(site / "output") if (site / "output").exists() else None
        assert after == before, attempt
    assert interrupted >= 4


def test_a_page_at_the_theme_404_page_is_a_clash_naming_both(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    content = write_tree(
        tmp_path / "content",
        {
            "_index.md": "---\ntitle: Home\n---\nHi.\n",
            "four.md": "---\ntitle: Four\nslug: 404.html\n---\nBody.\n",
        },
    )
    with pytest.raises(BuildError) as raised:
        build_site(content, tmp_path / "output", CACHE_PATH=str(tmp_path / "cache"))
    assert raised.value.summary == (
        "404.html is both the theme's 404 page 404.html and a folder, of "
        "404.html/index.html (content/four.md); give one of them another url or "
        "slug"
    )
    assert not (tmp_path / "output").exists()


@pytest.mark.parametrize(
    ("term", "path", "first", "second"),
    [(".", "tags/index.html", "the theme's tags page", "the tag page tags/./")],
)
def test_a_term_dot_or_dot_dot_names_the_file_and_its_source(
    tmp_path, monkeypatch, term, path, first, second
):
    monkeypatch.chdir(tmp_path)
    root = write_tree(
        tmp_path,
        {
            "hugo.toml": '[taxonomies]\ntag = "tags"\n',
            "content/_index.md": "---\ntitle: Home\n---\nHi.\n",
            "content/posts/a.md": (
                f'---\ntitle: A\ndate: 2024-01-01\ntags: ["{term}"]\n---\nA.\n'
            ),
        },
    )
    with pytest.raises(BuildError) as raised:
        build_site(
            root / "content",
            tmp_path / "output",
            HUGO_SETTINGS,
            CACHE_PATH=str(tmp_path / "cache"),
            HUGO_FRONTMATTER={
                "hugo_urls": True,
                "hugo_config": str(root / "hugo.toml"),
            },
            TAG_SAVE_AS=DEFAULT_CONFIG["TAG_SAVE_AS"],
            DIRECT_TEMPLATES=DEFAULT_CONFIG["DIRECT_TEMPLATES"],
        )
    problems = [line for line in raised.value.problems if f"{path} would be" in line]
    assert problems, raised.value.problems
    (problem,) = problems[:1]
    assert problem.startswith(f"{path} would be written twice")
    assert first in problem and second in problem
    assert os.path.relpath(root / "content" / "posts" / "a.md") in problem
    assert not (tmp_path / "output").exists()


def test_a_term_dot_dot_has_no_feed_over_the_sites(tmp_path, monkeypatch):
    """The term ``..`` gives no path (nameless_terms), so neither its page
    nor its feed, which would be ``tags/../index.xml``, the site's feed."""
    monkeypatch.chdir(tmp_path)
    root = write_tree(
        tmp_path,
        {
            "hugo.toml": 'title = "Site"\n[taxonomies]\ntag = "tags"\n',
            "content/_index.md": "---\ntitle: Home\n---\nHi.\n",
            "content/posts/a.md": (
                '---\ntitle: A\ndate: 2024-01-01\ntags: [".."]\n---\nA.\n'
            ),
        },
    )
    build_site(
        root / "content",
        tmp_path / "output",
        HUGO_SETTINGS,
        CACHE_PATH=str(tmp_path / "cache"),
        HUGO_FRONTMATTER={"hugo_urls": True, "hugo_config": str(root / "hugo.toml")},
        TAG_SAVE_AS=DEFAULT_CONFIG["TAG_SAVE_AS"],
        DIRECT_TEMPLATES=DEFAULT_CONFIG["DIRECT_TEMPLATES"],
    )
    feed = (tmp_path / "output" / "index.xml").read_text("utf-8")
    assert '<atom:link href="/index.xml" rel="self"/>' in feed
    assert not list((tmp_path / "output" / "tags").glob("*/index.*"))


def test_unchanged_files_get_the_new_umask(tmp_path):
    """Built under umask 077, then again under 022 with nothing changed:
    every file 644 and folder 755, as a fresh build under 022 gives."""
    previous = os.umask(0o077)
    try:
        build_site(ROOT / "content", tmp_path / "out", CACHE_PATH=str(tmp_path / "c"))
        os.umask(0o022)
        result = build_site(
            ROOT / "content", tmp_path / "out", CACHE_PATH=str(tmp_path / "c")
        )
    finally:
        os.umask(previous)
    files = [p for p in result.output.rglob("*") if p.is_file()]
    folders = [result.output, *(p for p in result.output.rglob("*") if p.is_dir())]
    assert {oct(p.stat().st_mode & 0o777) for p in files} == {"0o644"}
    assert {oct(p.stat().st_mode & 0o777) for p in folders} == {"0o755"}
    # Built again under 022, the files are the same ones: hard links, kept.
    again = build_site(
        ROOT / "content", tmp_path / "out", CACHE_PATH=str(tmp_path / "c")
    )
    assert again.changed == 0


def test_a_path_into_a_git_folder_is_never_built(tmp_path, monkeypatch):
    """A static folder named .git (any case) or a page's url into one stops
    the build: a later `git status` inside the output would run that
    folder's config (core.fsmonitor), and git refuses such a tree."""
    monkeypatch.chdir(tmp_path)
    home = "---\ntitle: Home\n---\nHi.\n"
    cases = [
        ({"images/.Git/config": "[core]\n"}, "images/.Git/config", "a static file"),
        (
            {"evil.md": "---\ntitle: E\nurl: /docs/.git./\n---\nx\n"},
            "docs/.git./index.html",
            "content/evil.md",
        ),
    ]
    for files, path, source in cases:
        content = tmp_path / "content"
        shutil.rmtree(content, ignore_errors=True)
        write_tree(content, {"_index.md": home, **files})
        with pytest.raises(BuildError) as raised:
            build_site(content, tmp_path / "output", CACHE_PATH=str(tmp_path / "c"))
        assert raised.value.summary.startswith(f"{path} ({source}"), raised.value
        assert "folder git takes for its own repository" in raised.value.summary
        assert not (tmp_path / "output").exists()


def test_terms_with_no_letter_build_without_a_page(tmp_path, monkeypatch, caplog):
    """A tag, category or author with no letter or digit has no name for
    its page: as in Hugo 0.111, none is written and the site builds."""
    monkeypatch.chdir(tmp_path)
    content = write_tree(
        tmp_path / "content",
        {
            "_index.md": "---\ntitle: Home\n---\nHi.\n",
            # Names of their own: Pelican's loggers say a message once a
            # process, and other tests warn of '!!!' and '%%' in posts/p.md.
            "posts/nameless.md": (
                "---\ntitle: P\ndate: 2024-01-01\ntags: ['!?!', ok]\n"
                "categories: ['%%%']\nauthor: '<em open>'\n---\nP.\n"
            ),
        },
    )
    result = build_site(
        content,
        tmp_path / "output",
        HUGO_SETTINGS,
        CACHE_PATH=str(tmp_path / "cache"),
        TAG_SAVE_AS=DEFAULT_CONFIG["TAG_SAVE_AS"],
        CATEGORY_SAVE_AS=DEFAULT_CONFIG["CATEGORY_SAVE_AS"],
        AUTHOR_SAVE_AS=DEFAULT_CONFIG["AUTHOR_SAVE_AS"],
        CATEGORY_FEED_ATOM=DEFAULT_CONFIG["CATEGORY_FEED_ATOM"],
    )
    written = sorted(
        str(p.relative_to(result.output)) for p in result.output.rglob("*")
    )
    assert "tag/ok.html" in written
    assert not [p for p in written if "/." in f"/{p}" or "//" in p], written
    warned = [
        r.getMessage() for r in caplog.records if "no letter or digit" in r.getMessage()
    ]
    assert len(warned) == 3 and all("nameless.md" in line for line in warned)


def test_settings_python_cannot_run_are_one_line_naming_file_and_line(
    tmp_path, monkeypatch
):
    """The reader publishing uses (cameo_tools.settings) serves the build too."""
    from cameo_tools.build import build

    monkeypatch.chdir(tmp_path)
    for text, line in (
        (
            "SITENAME = 'x'\nX = {\n",
            "pelicanconf.py:2: '{' was never closed (X = {); "
            "correct the Python on that line",
        ),
        (
            "from nowhere import x\n",
            "pelicanconf.py:1: ModuleNotFoundError: No module "
            "named 'nowhere'; correct the settings there",
        ),
    ):
        (tmp_path / "pelicanconf.py").write_text(text)
        with pytest.raises(BuildError) as raised:
            build("pelicanconf.py", tmp_path / "output")
        assert raised.value.summary == line
        assert not (tmp_path / "output").exists()
