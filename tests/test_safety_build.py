"""A build stopped in any way never blocks the next one; a build never
replaces or removes a folder that is not its output; and what goes wrong in
a build, a clean or the first moments of either is one line that says what
to do."""

from __future__ import annotations

import contextlib
import fcntl
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pelican.plugins.hugo_frontmatter.reader import PARALLEL_AT_LEAST

from .conftest import HUGO_SETTINGS, ROOT, write_tree

INVOKE = str(Path(sys.executable).with_name("invoke"))
KILLS = 54  # 18 of each: SIGINT to the group, SIGTERM and SIGKILL to the build
QUICK_KILLS = 12
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
    (root / "pelicanconf.py").write_text(
        textwrap.dedent(
            f"""
            import sys
            sys.path.insert(0, {str(HUGO_SETTINGS.parent)!r})
            from hugoconf import *
            PATH = "content"
            CACHE_PATH = "cache"
            THEME = {str(ROOT / "theme")!r}
            PLUGIN_PATHS = [{str(ROOT / "plugins")!r}]
            HUGO_FRONTMATTER = {{
                "hugo_urls": True,
                "markdown_cache": False,
                "parallel_markdown": {parallel},
            }}
            """
        )
    )
    (root / "tasks.py").write_text("from cameo_tools.tasks import *  # noqa: F403\n")
    return root


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


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs Linux /proc")
def test_a_build_killed_while_its_workers_convert_never_blocks_the_next(
    tmp_path, pytestconfig
):
    """SIGINT to the process group (Ctrl-C in a terminal), SIGTERM and
    SIGKILL to the build, each while the Markdown workers are alive: no
    worker outlives the build, the lock is free at once, the output is the
    previous build's, and the next build gets through in time."""
    kills = QUICK_KILLS if pytestconfig.getoption("quick") else KILLS
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
        for attempt in range(kills):
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
            seen.update(workers)
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
        print(f"{kills} kills with the workers alive: {landed}")
        assert sum(landed.values()) >= kills * 0.9, landed
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
