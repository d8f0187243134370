"""Which way live reload rebuilds each kind of edit, and how long it takes.

Run from the repository root after the README's set-up:

    .venv/bin/python benchmarks/live_paths.py [--sizes 1000 5000] [--runs 5]

rebuild.py times the whole loop (file event, rebuild, page on disk) beside
`hugo server`. This script times the rebuild alone, in one process, for
more kinds of edit: also a new date and a new tag, which move the post in
the lists and between them. For each N it writes build.py's N-post tree
(content_tree.py), builds it once with live reload's LiveSite, then edits
post 0 run after run and rebuilds with the changed file named, as the
live-reload server does. It prints, per kind of edit, the path taken
("page": the edited page alone; "lists": the page and the lists and feeds,
worked out again when the post moved; "full": everything) and the median
seconds.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from content_tree import write_tree

from cameo_tools.build import BuildResult
from cameo_tools.incremental import LiveSite

# No progress lines from long builds.
QUIET = {"CAMEO_PROGRESS_AFTER": None}

# Each kind of edit: post 0's text after run number ``n``.
EDITS = {
    "end of text": lambda text, n: text.replace("More text.", f"More text {n}.", 1),
    "first paragraph": lambda text, n: text.replace(
        "Paragraph 0 ", f"Paragraph 0 ({n}) ", 1
    ),
    "title": lambda text, n: text.replace(
        "title: Page 0\n", f"title: Page 0, edit {n}\n", 1
    ),
    "date": lambda text, n: text.replace(
        "date: 2024-01-01", f"date: 2024-02-{n + 1:02d}"
    ),
    # from tag0 to another tag that has posts (a tag left with none, whose
    # page then goes, is a full build)
    "tags": lambda text, n: text.replace("tags: [tag0,", f"tags: [tag{n % 6 + 1},", 1),
}


def time_edits(size: int, runs: int, folder: Path) -> list[tuple[str, str, float]]:
    """(kind of edit, path taken, median seconds) for each kind of edit."""
    write_tree(folder, size, "cameo")
    previous = os.getcwd()
    os.chdir(folder)  # the settings' paths are relative to it
    try:
        # Pelican prints a "Done" line a build.
        with contextlib.redirect_stdout(io.StringIO()):
            return _edit_and_rebuild(folder, runs)
    finally:
        os.chdir(previous)


def _edit_and_rebuild(folder: Path, runs: int) -> list[tuple[str, str, float]]:
    settings, output = folder / "settings.py", folder / "output"
    source = folder / "content" / "posts" / "page-0.md"
    original = source.read_text()
    live = LiveSite()
    live.build(settings, output, QUIET)
    rows = []
    for kind, edit in EDITS.items():
        seconds, paths = [], set()
        for run in range(runs):
            source.write_text(edit(original, run))
            started = time.perf_counter()
            result = live.build(settings, output, QUIET, [str(source)])
            seconds.append(time.perf_counter() - started)
            paths.add(_path_taken(result))
        source.write_text(original)  # back, before the next kind
        live.build(settings, output, QUIET, [str(source)])
        rows.append((kind, "/".join(sorted(paths)), statistics.median(seconds)))
    return rows


def _path_taken(result) -> str:
    if isinstance(result, BuildResult):
        return "full"
    return "page" if result == 1 else "lists"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    logging.disable(logging.WARNING)  # Pelican's own lines, each build
    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        for size in options.sizes:
            for kind, path, seconds in time_edits(
                size, options.runs, Path(temporary) / str(size)
            ):
                rows.append((size, kind, path, seconds))
            print(f"N={size} done", file=sys.stderr, flush=True)
    print(f"\nLive rebuild alone, median of {options.runs} edits (seconds)\n")
    print("| N | edit | path | seconds |")
    print("| ---: | --- | --- | ---: |")
    for size, kind, path, seconds in rows:
        print(f"| {size} | {kind} | {path} | {seconds:.3f} |")


if __name__ == "__main__":
    main()
