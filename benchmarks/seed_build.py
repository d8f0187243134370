"""How long the owner's one-page site takes to build, and how big its page is.

Run from the repository root after the README's set-up:

    .venv/bin/python benchmarks/seed_build.py [--runs 7]

It times `invoke build` as a person runs it (a new process each time, so
Python start-up and imports count) and the build alone inside one process,
each into a fresh temporary folder, then prints a table of medians and the
sizes of index.html and the CSS it links, raw and gzip-compressed.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bs4 import BeautifulSoup

from cameo_tools.build import build

ROOT = Path(__file__).resolve().parent.parent


def quiet_build(output: Path) -> Path:
    with contextlib.redirect_stdout(io.StringIO()):  # Pelican prints "Done: ..."
        return build(ROOT / "pelicanconf.py", output).output


def time_task(runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "invoke", "build", "--output", folder + "/out"],
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
            times.append(time.perf_counter() - started)
    return times


def time_in_process(runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            quiet_build(Path(folder) / "out")
            times.append(time.perf_counter() - started)
    return times


def page_sizes() -> list[tuple[str, int, int]]:
    with tempfile.TemporaryDirectory() as folder:
        output = quiet_build(Path(folder) / "out")
        soup = BeautifulSoup((output / "index.html").read_text("utf-8"), "html.parser")
        sheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
        files = [output / "index.html", *(output / href.lstrip("/") for href in sheets)]
        rows = []
        for path in files:
            data = path.read_bytes()
            name = path.relative_to(output).as_posix()
            rows.append((name, len(data), len(gzip.compress(data, 9))))
        return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs

    timings = {
        "`invoke build` (new process)": time_task(runs),
        "build() in one process": time_in_process(runs),
    }
    print(f"Build of the seed site, {runs} runs each (seconds)\n")
    print(f"| {'what':<28} | median | min    | max    |")
    print(f"| {'-' * 28} | ------ | ------ | ------ |")
    for name, times in timings.items():
        print(
            f"| {name:<28} | {statistics.median(times):6.3f} | "
            f"{min(times):6.3f} | {max(times):6.3f} |"
        )

    rows = page_sizes()
    rows.append(("total", sum(r[1] for r in rows), sum(r[2] for r in rows)))
    print("\nThe home page and the CSS it links (bytes)\n")
    print(f"| {'file':<24} | {'raw':>6} | {'gzip -9':>7} |")
    print(f"| {'-' * 24} | {'-' * 6} | {'-' * 7} |")
    for name, raw, packed in rows:
        print(f"| {name:<24} | {raw:6d} | {packed:7d} |")


if __name__ == "__main__":
    main()
