"""Whatever stops a build (a signal at any moment, a full disk, an error),
the output folder afterwards is exactly the previous build or exactly the
new one, with nothing stray in it; and it is made with the umask's
permissions."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cameo_tools.errors import BuildError

from .conftest import (
    HUGO_SETTINGS,
    ROOT,
    build_site,
    missing,
    write_task_site,
    write_tree,
)

KILLS = 60

# Builds CONTENT into OUTPUT in a process of its own, saying on stderr when it
# starts putting the new output together and when it swaps it in.
BUILDER = textwrap.dedent(
    """
    import logging, sys
    from cameo_tools.build import build
    from cameo_tools.errors import BuildError
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.DEBUG)
    logger = logging.getLogger("cameo_tools.build")
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    logging.getLogger().setLevel(logging.WARNING)
    settings, content, output, cache = sys.argv[1:5]
    try:
        overrides = {"PATH": content, "CACHE_PATH": cache, "STATIC_PATHS": ["images"]}
        build(settings, output, overrides)
    except BuildError as error:
        print("ERROR", error.summary, file=sys.stderr, flush=True)
        sys.exit(1)
    print("BUILT", file=sys.stderr, flush=True)
    """
)


def _page(title: str, body: str) -> str:
    return f"---\ntitle: {title}\ndate: 2024-01-02\n---\n{body}\n"


def _two_versions(root: Path, pages: int = 80) -> tuple[Path, Path]:
    """Two content trees that differ in most pages, in which pages exist,
    and in a static file."""
    old = {f"posts/p{n}.md": _page(f"Post {n}", f"Old text {n}.") for n in range(pages)}
    old["images/note.txt"] = "old static file\n"
    new = {
        f"posts/p{n}.md": _page(f"Post {n}", f"New text {n}.")
        for n in range(pages // 4, pages + pages // 4)
    }
    new["images/note.txt"] = "new static file, longer than the old one\n"
    return write_tree(root / "old", old), write_tree(root / "new", new)


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() or path.is_symlink()
    }


def _build(content: Path, output: Path, cache: Path):
    return build_site(
        content, output, HUGO_SETTINGS, CACHE_PATH=str(cache), STATIC_PATHS=["images"]
    )


class _Builder:
    """One build in a new process, and the lines it writes to stderr."""

    def __init__(self, builder: Path, content: Path, output: Path, cache: Path):
        self.lines: list[str] = []
        self.seen = threading.Condition()
        self.process = subprocess.Popen(
            [sys.executable, str(builder), str(HUGO_SETTINGS), str(content)]
            + [str(output), str(cache)],
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stderr:
            with self.seen:
                self.lines.append(line)
                self.seen.notify_all()

    def wait_for(self, text: str, timeout: float = 30) -> bool:
        with self.seen:
            return self.seen.wait_for(
                lambda: (
                    any(text in line for line in self.lines)
                    or self.process.poll() is not None
                ),
                timeout,
            ) and any(text in line for line in self.lines)


@pytest.mark.slow
def test_a_build_killed_at_any_moment_leaves_the_old_or_the_new_output(tmp_path):
    old, new = _two_versions(tmp_path)
    expected = {}
    for name, content in (("old", old), ("new", new)):
        _build(content, tmp_path / f"expected-{name}", tmp_path / f"cache-{name}")
        expected[name] = _tree(tmp_path / f"expected-{name}")
    assert expected["old"] != expected["new"]
    output, cache = tmp_path / "site" / "output", tmp_path / "cache"
    _build(old, output, cache)
    builder = tmp_path / "builder.py"
    builder.write_text(BUILDER)

    # Kill at a random moment of the whole run, or of the step that puts the
    # new tree together, or right at the swap; with any stop signal.
    chance = random.Random(20261129)
    outcomes = {"old": 0, "new": 0}
    start_times = []
    for attempt in range(KILLS):
        now = "old" if _tree(output) == expected["old"] else "new"
        wanted = new if now == "old" else old
        started = time.monotonic()
        run = _Builder(builder, wanted, output, cache)
        moment = attempt % 3
        if moment == 0:
            time.sleep(chance.uniform(0, 1.5 * (start_times[-1] if start_times else 1)))
        elif moment == 1:
            run.wait_for("putting the new output together")
            time.sleep(chance.uniform(0, 0.03))
        else:
            run.wait_for("swapping")
        how = chance.choice([signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
        run.process.send_signal(how)
        run.process.wait(timeout=60)
        if any("BUILT" in line for line in run.lines):
            start_times.append(time.monotonic() - started)
        tree = _tree(output)
        state = [name for name, files in expected.items() if files == tree]
        assert state, (attempt, how, sorted(set(tree) ^ set(expected[now]))[:5])
        outcomes["old" if state[0] == now else "new"] += 1
    print(f"{KILLS} kills: old output {outcomes['old']}, new {outcomes['new']}")
    # Both ends happened: the kills really landed on both sides of the swap.
    assert outcomes["old"] > 0 and outcomes["new"] > 0, outcomes
    # Whatever was left beside the output goes with the next build.
    _build(new, output, cache)
    assert _tree(output) == expected["new"]
    assert sorted(p.name for p in output.parent.iterdir()) == ["output"]


@pytest.mark.slow
def test_an_interrupted_build_says_so_in_one_line(tmp_path):
    """`invoke build` stopped by Ctrl-C (SIGINT) or SIGTERM while Pelican runs."""
    for stop in (signal.SIGINT, signal.SIGTERM):
        site = tmp_path / stop.name
        pages = {
            f"content/posts/p{n}.md": _page(f"P{n}", "Text. " * 200) for n in range(400)
        }
        write_task_site(write_tree(site, pages))
        write_tree(site / "output", {"index.html": "the previous build\n"})
        process = subprocess.Popen(
            [str(Path(sys.executable).with_name("invoke")), "build"],
            cwd=site,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        # The build holds its lock from just after its signal handlers are
        # in place until it has finished.
        staging = site / "cache" / "cameo-staging"
        deadline = time.monotonic() + 60
        while not list(staging.glob("*.lock")) and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.2)
        process.send_signal(stop)
        out, err = process.communicate(timeout=60)
        assert process.returncode == 1, (out, err)
        assert "Traceback" not in err
        lines = [line for line in err.splitlines() if line.strip()]
        assert lines == [
            f"Error: the build was interrupted ({stop.name}), so "
            f"{site / 'output'} was left as it was"
        ], err
        assert _tree(site / "output") == {"index.html": b"the previous build\n"}
        assert sorted(p.name for p in site.iterdir()) == [
            "cache",
            "content",
            "output",
            "pelicanconf.py",
            "tasks.py",
        ]


@contextlib.contextmanager
def _tmpfs(mount_point: Path, options: str) -> Iterator[Path]:
    """A tmpfs of its own at ``mount_point`` (mounting needs root)."""
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        problem = (mounted.stderr.strip().splitlines() or ["mount failed"])[0]
        missing(f"cannot mount a tmpfs (root is needed): {problem}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)


@pytest.fixture
def small_disk(tmp_path):
    """A 1 MB file system."""
    with _tmpfs(tmp_path / "disk", "size=1m") as mount_point:
        yield mount_point


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder on a read-only file system (no one writes there, root included)."""
    with _tmpfs(tmp_path / "read-only", "ro,size=1m") as mount_point:
        yield mount_point


def test_a_full_disk_leaves_the_previous_output_whole(tmp_path, small_disk):
    content = write_tree(
        tmp_path / "content", {"posts/a.md": _page("A", "Short."), "images/x.txt": "x"}
    )
    output, cache = small_disk / "output", tmp_path / "cache"
    _build(content, output, cache)
    before = _tree(output)
    (content / "posts" / "a.md").write_text(_page("A", "Edited."))
    (content / "images" / "big.bin").write_bytes(os.urandom(2 * 1024 * 1024))
    with pytest.raises(BuildError) as raised:
        _build(content, output, cache)
    assert "No space left on device" in raised.value.summary
    assert f"so {output} was left as it was" in raised.value.summary
    assert "\n" not in raised.value.summary
    assert _tree(output) == before
    assert sorted(p.name for p in small_disk.iterdir()) == ["output"]
    # With room again, the next build is whole.
    (content / "images" / "big.bin").unlink()
    _build(content, output, cache)
    assert b"Edited." in (output / "posts" / "a" / "index.html").read_bytes()


def test_a_read_only_folder_is_a_one_line_error(tmp_path, read_only_folder):
    output = read_only_folder / "output"
    with pytest.raises(BuildError) as raised:
        # The owner's site, with its settings (it has a Chinese page).
        build_site(ROOT / "content", output, CACHE_PATH=str(tmp_path / "cache"))
    assert raised.value.summary == (
        f"could not write {output}: Read-only file system, so {output} was left "
        "as it was; free some space or fix the folder's permissions, then build "
        "again"
    )


def test_a_file_where_the_output_folder_goes_is_a_one_line_error(tmp_path):
    (tmp_path / "site").write_text("a file, not a folder\n")
    with pytest.raises(BuildError) as raised:
        build_site(
            ROOT / "content",
            tmp_path / "site" / "output",
            CACHE_PATH=str(tmp_path / "cache"),
        )
    assert "could not write" in raised.value.summary
    assert "\n" not in raised.value.summary


def test_the_output_gets_the_umask_permissions(tmp_path):
    previous = os.umask(0o022)
    try:
        for _ in range(2):  # the first build and a rebuild
            result = build_site(ROOT / "content", tmp_path / "out")
            folders = [
                result.output,
                *(p for p in result.output.rglob("*") if p.is_dir()),
            ]
            assert {oct(p.stat().st_mode & 0o777) for p in folders} == {"0o755"}
            files = [p for p in result.output.rglob("*") if p.is_file()]
            assert {oct(p.stat().st_mode & 0o777) for p in files} == {"0o644"}
    finally:
        os.umask(previous)
