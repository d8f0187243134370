"""How long after saving an edit the page is rebuilt on disk: cameo's live
reload beside `hugo server`.

Run from the repository root after the README's set-up:

    .venv/bin/python benchmarks/rebuild.py [--sizes 1 1000 5000] [--runs 10]

For each N it writes the content tree of build.py (content_tree.py) for cameo
and for Hugo, then, one server at a time, starts it on 127.0.0.1 as the owner
would and edits one post run after run, alternately its body and its title,
timing each save until the post's page on disk holds the edit (noticing the
change, rebuilding, writing the output). Body and title edits are timed apart
(a title also shows in the lists and tag pages):

- cameo: `invoke livereload`;
- Hugo: Debian's `hugo server --renderToDisk --disableLiveReload` (its
  default fast render mode), when hugo is installed.

After each edit it waits for the server to report the rebuild finished
before the next one. Each server's own report of its builds' time (both
kinds of edit together) is shown too.
The servers are stopped at the end.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from content_tree import ROOT, write_tree

# "body": the post's first paragraph, which its summary shows in the lists;
# "end": its last paragraph, past the summary (the page alone changes);
# "title": its title.
EDITS = ("body", "end", "title")
CAMEO_BUILT = re.compile(r"^Built .* in ([0-9.]+) s$", re.MULTILINE)
HUGO_BUILT = re.compile(r"^Total in ([0-9.]+) ms$", re.MULTILINE)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(check, seconds: float, what: str) -> None:
    deadline = time.perf_counter() + seconds
    while not check():
        if time.perf_counter() > deadline:
            raise SystemExit(f"gave up waiting for {what}")
        time.sleep(0.002)


def wait_until_quiet(log: Path, seconds: float) -> None:
    """Until the server has written nothing for ``seconds`` (cameo rebuilds
    once more as its watcher starts; an edit may raise a late event)."""
    size, since = -1, time.perf_counter()
    while time.perf_counter() - since < seconds:
        if log.stat().st_size != size:
            size, since = log.stat().st_size, time.perf_counter()
        time.sleep(0.02)


def edited(original: str, now: dict[str, str]) -> str:
    """Post 0 (YAML front matter) with its first paragraph, last paragraph
    and title as ``now`` has them: an edit changes one, the others stay as
    the last edits left them."""
    text = original.replace("Paragraph 0", now["body"], 1)
    text = text.replace("More text.", now["end"], 1)
    return text.replace("title: Page 0\n", f"title: {now['title']}\n", 1)


def measure(
    command: list[str],
    folder: Path,
    output: Path,
    ready: str,
    built: re.Pattern,
    runs: int,
) -> tuple[dict[str, list[float]], list[float]]:
    """Seconds from save to rebuilt page for each kind of edit, and the
    numbers the server reports for the builds the edits caused."""
    log = folder / f"{Path(command[0]).name}.log"
    with open(log, "w") as handle:
        server = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=handle,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    try:
        wait_for(lambda: ready in log.read_text(), 600, f"{command[0]} to serve")
        wait_until_quiet(log, 1.0)
        first = len(built.findall(log.read_text()))
        source = folder / "content" / "posts" / "page-0.md"
        page = output / "posts" / "page-0" / "index.html"
        original = source.read_text()
        seconds: dict[str, list[float]] = {kind: [] for kind in EDITS}
        now = {"body": "Paragraph 0", "end": "More text.", "title": "Page 0"}
        for run in range(runs):
            for kind in EDITS:
                marker = f"{kind.title()} edit {run} here"
                # The generated posts share dates, and Hugo orders the posts
                # of a date by title: a title edit keeps "Page 0" in front,
                # so the post keeps its place (one that moves it among them
                # is a full build in cameo).
                now[kind] = f"Page 0, {marker}" if kind == "title" else marker
                reports = len(built.findall(log.read_text()))
                source.write_text(edited(original, now))
                saved = time.perf_counter()
                wait_for(lambda m=marker: m in page.read_text(), 120, "the page")
                seconds[kind].append(time.perf_counter() - saved)
                wait_for(
                    lambda r=reports: len(built.findall(log.read_text())) > r,
                    120,
                    "the server's report",
                )
                wait_until_quiet(log, 0.3)
        builds = [float(value) for value in built.findall(log.read_text())[first:]]
        return seconds, builds
    except SystemExit:
        sys.stderr.write(log.read_text()[-3000:])  # what the server said last
        raise
    finally:
        server.terminate()  # during a rebuild it stops only the rebuild
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def cameo(folder: Path, runs: int):
    output = folder / "output"
    command = [sys.executable, "-m", "invoke", "livereload"]
    command += ["--settings", str(folder / "settings.py"), "--output", str(output)]
    command += ["--port", str(free_port())]
    return measure(command, folder, output, "Serving on", CAMEO_BUILT, runs)


def hugo(folder: Path, runs: int):
    output = folder / "output"
    command = [shutil.which("hugo"), "server", "--renderToDisk"]
    command += ["--source", str(folder), "--destination", str(output)]
    command += ["--port", str(free_port()), "--bind", "127.0.0.1"]
    command += ["--disableLiveReload"]
    ready = "Web Server is available"
    return measure(command, folder, output, ready, HUGO_BUILT, runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 1000, 5000])
    parser.add_argument("--runs", type=int, default=10)
    options = parser.parse_args()
    with_hugo = shutil.which("hugo") is not None
    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        for size in options.sizes:
            folder = Path(temporary) / f"cameo-{size}"
            write_tree(folder, size, "cameo")
            cameo_seconds, cameo_builds = cameo(folder, options.runs)
            hugo_seconds, hugo_builds = None, []
            if with_hugo:
                folder = Path(temporary) / f"hugo-{size}"
                write_tree(folder, size, "hugo")
                hugo_seconds, hugo_ms = hugo(folder, options.runs)
                hugo_builds = [ms / 1000 for ms in hugo_ms]
            rows.append((size, cameo_seconds, cameo_builds, hugo_seconds, hugo_builds))
            print(f"N={size} done", file=sys.stderr, flush=True)
    print_table(rows, options.runs)


def print_table(rows, runs: int) -> None:
    print(f"\nSave to rebuilt page on disk, median of {runs} edits (seconds)\n")
    print(
        "| N | edit | cameo (invoke livereload) | Hugo (hugo server) | "
        "cameo / Hugo | builds alone: cameo / Hugo |"
    )
    print("| ---: | --- | ---: | ---: | ---: | ---: |")
    for size, cameo_seconds, cameo_builds, hugo_seconds, hugo_builds in rows:
        builds = " / ".join(
            f"{statistics.median(times):.3f}" if times else "?"
            for times in (cameo_builds, hugo_builds)
        )
        for kind in EDITS:
            ours = statistics.median(cameo_seconds[kind])
            if hugo_seconds is None:
                theirs, ratio = "no hugo", ""
            else:
                median = statistics.median(hugo_seconds[kind])
                theirs, ratio = f"{median:.3f}", f"{ours / median:.2f}"
            print(f"| {size} | {kind} | {ours:.3f} | {theirs} | {ratio} | {builds} |")


if __name__ == "__main__":
    main()
