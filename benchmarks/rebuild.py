"""How long the live-reload loop takes to rebuild after one edited file.

Run from the repository root after the README's set-up:

    .venv/bin/python benchmarks/rebuild.py [--sizes 1 1000] [--runs 3]

`invoke livereload` calls the same all-or-nothing build as `invoke build`
each time a watched file changes, inside its long-lived process. This script
does what that loop does: one first build, then, for each run, edit one page
and time the rebuild until the new page is on disk. livereload itself checks
for changes every 0.8 s (its polling interval), which comes on top.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from content_tree import write_tree  # noqa: E402 (benchmarks/content_tree.py)

from pelican.plugins.cameo.build import build  # noqa: E402


def rebuild_seconds(folder: Path, runs: int) -> list[float]:
    settings, output = folder / "settings.py", folder / "output"
    with contextlib.redirect_stdout(io.StringIO()):
        build(settings, output)  # the first build, before any edit
    edited = folder / "content" / "posts" / "page-0.md"
    times = []
    for run in range(runs):
        edited.write_text(edited.read_text().replace("Paragraph 0", f"Edit {run}", 1))
        started = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            build(settings, output)
        times.append(time.perf_counter() - started)
        page = output / "posts" / "page-0" / "index.html"
        assert f"Edit {run}" in page.read_text(), "the edit did not reach the page"
        edited.write_text(edited.read_text().replace(f"Edit {run}", "Paragraph 0", 1))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 1000])
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        for size in options.sizes:
            folder = Path(temporary) / f"site-{size}"
            write_tree(folder, size, "cameo")
            rows.append((size, rebuild_seconds(folder, options.runs)))
    print(f"\nRebuild after one edit, {options.runs} runs (seconds, in one process)\n")
    print("| N | median | min | max |")
    print("| ---: | ---: | ---: | ---: |")
    for size, times in rows:
        print(
            f"| {size} | {statistics.median(times):.2f} | {min(times):.2f} | "
            f"{max(times):.2f} |"
        )


if __name__ == "__main__":
    main()
