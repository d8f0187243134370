"""How long after saving an edit the live-reload loop has the page rebuilt.

Run from the repository root after the README's set-up:

    .venv/bin/python benchmarks/rebuild.py [--sizes 1 1000] [--runs 5]

For each N it writes the content tree of build.py (content_tree.py), starts
`invoke livereload` on 127.0.0.1 for it, as the owner would, and then, run
after run, edits one page and times how long it takes until the page on disk
holds the edit: noticing the change, rebuilding, updating the output. The
server's own report of each build's time is shown beside it. The server is
stopped at the end.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from content_tree import ROOT, write_tree

BUILT = re.compile(r"^Built .* in ([0-9.]+) s$", re.MULTILINE)


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


def builds_done(log: Path) -> int:
    return len(BUILT.findall(log.read_text()))


def measure(folder: Path, runs: int) -> tuple[list[float], list[float]]:
    """Seconds from save to rebuilt page, and the builds' own times."""
    output = folder / "output"
    log = folder / "livereload.log"
    with open(log, "w") as handle:
        server = subprocess.Popen(
            [sys.executable, "-m", "invoke", "livereload"]
            + ["--settings", str(folder / "settings.py"), "--output", str(output)]
            + ["--port", str(free_port())],
            cwd=ROOT,
            stdout=handle,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    try:
        wait_for(lambda: "Serving on" in log.read_text(), 120, "the server")
        time.sleep(0.5)  # let the watcher settle
        edited = folder / "content" / "posts" / "page-0.md"
        page = output / "posts" / "page-0" / "index.html"
        original = edited.read_text()
        seconds = []
        for run in range(runs):
            marker = f"Edit number {run}"
            edited.write_text(original.replace("Paragraph 0", marker, 1))
            saved = time.perf_counter()
            wait_for(lambda m=marker: m in page.read_text(), 60, "the rebuilt page")
            seconds.append(time.perf_counter() - saved)
            # The build reports itself once it has finished the whole output.
            wait_for(lambda r=run: builds_done(log) > r + 1, 60, "the report")
        builds = [float(value) for value in BUILT.findall(log.read_text())[1:]]
        return seconds, builds
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 1000])
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        for size in options.sizes:
            folder = Path(temporary) / f"site-{size}"
            write_tree(folder, size, "cameo")
            rows.append((size, *measure(folder, options.runs)))
            print(f"N={size} done", file=sys.stderr, flush=True)
    print(f"\nLive reload after one edit, {options.runs} edits (seconds)\n")
    print("| N | save to rebuilt page: median | min | max | the build alone: median |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for size, seconds, builds in rows:
        build = f"{statistics.median(builds):.2f}" if builds else "?"
        print(
            f"| {size} | {statistics.median(seconds):.2f} | {min(seconds):.2f} | "
            f"{max(seconds):.2f} | {build} |"
        )


if __name__ == "__main__":
    main()
