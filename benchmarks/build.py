"""Build time of cameo against bare Pelican and Hugo, for N pages.

Run from the repository root after the README's set-up:

    .venv/bin/python benchmarks/build.py [--sizes 1 100 1000 5000] [--runs 3]

For each N it writes the same Hugo-style content tree three ways
(content_tree.py): for cameo (theme and plugins, cameo's settings for a Hugo
blog), for bare Pelican (the `simple` theme, no plugin, the same pages in
Pelican's own metadata format) and for Hugo (Debian's `hugo`, a minimal
layout), when hugo is installed. It builds them in turn, several rounds,
each build a new process into an empty output folder, and prints medians:

- cameo: a build as the owner runs it, after an earlier one (the
  converted-Markdown cache under cache/ is warm);
- cameo, cold: the same with cache/ deleted first;
- the ratios to bare Pelican and to Hugo, milliseconds per page, how
  many files each wrote, and each builder's peak memory: the build
  process's maximum resident set size, read with os.wait4 for that one
  process (median of the runs).
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from content_tree import ROOT, write_tree

KINDS = ("cameo", "cameo-cold", "bare", "hugo")


def build_once(folder: Path, kind: str) -> tuple[float, float, int]:
    """One build's wall time, peak memory (MB) and the files it wrote."""
    output = folder / "output"
    shutil.rmtree(output, ignore_errors=True)
    if kind == "cameo-cold":
        shutil.rmtree(folder / "cache", ignore_errors=True)
    if kind == "hugo":
        command = ["hugo", "--quiet", "-d", str(output)]
    else:
        command = [sys.executable, "-m", "pelican", "-s", "settings.py"]
        command += ["-o", str(output), "-q", "--fatal", "errors"]
    seconds, peak = run_measured(command, folder)
    return seconds, peak, sum(1 for path in output.rglob("*") if path.is_file())


def run_measured(command: list[str], folder: Path) -> tuple[float, float]:
    """Run a build; its wall time and its peak memory (maximum resident set
    size, MB). The peak is this one process's, from wait4: getrusage's
    RUSAGE_CHILDREN keeps the largest of every child so far, so a build
    after a bigger one would report the bigger one's peak."""
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=folder, stdout=log, stderr=log)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            log.seek(0)
            sys.stderr.write(log.read().decode(errors="replace"))
            raise subprocess.CalledProcessError(process.returncode, command)
    return seconds, usage.ru_maxrss / 1024  # Linux gives kilobytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 100, 1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    kinds = [kind for kind in KINDS if kind != "hugo" or shutil.which("hugo")]
    # Pelican's modules were compiled when pip installed them; compile the
    # plugins here too (Python may be told not to write bytecode on import).
    compileall.compile_dir(ROOT / "plugins", quiet=1)

    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        for size in options.sizes:
            folders = {}
            for kind in kinds:
                tree = "cameo" if kind.startswith("cameo") else kind
                folders[kind] = Path(temporary) / f"{tree}-{size}"
                if not folders[kind].exists():
                    write_tree(folders[kind], size, tree)
            build_once(folders["cameo"], "cameo")  # fills cameo's cache
            times: dict[str, list[float]] = {kind: [] for kind in kinds}
            peaks: dict[str, list[float]] = {kind: [] for kind in kinds}
            files: dict[str, int] = {}
            for _ in range(options.runs):
                for kind in kinds:
                    seconds, peak, files[kind] = build_once(folders[kind], kind)
                    times[kind].append(seconds)
                    peaks[kind].append(peak)
            medians = {kind: statistics.median(times[kind]) for kind in kinds}
            memory = {kind: statistics.median(peaks[kind]) for kind in kinds}
            rows.append((size, medians, memory, files))
            print(f"N={size} done", file=sys.stderr, flush=True)
    print_table(rows, options.runs, "hugo" in kinds)


def print_table(rows, runs: int, with_hugo: bool) -> None:
    print(f"\nBuild time, median of {runs} (seconds; each build a new process)\n")
    header = [
        "N",
        "cameo",
        "cameo, cold",
        "bare Pelican",
        "cameo / bare",
        "cold / bare",
        "ms per page (cameo)",
    ]
    if with_hugo:
        header += ["Hugo", "cameo / Hugo"]
    header += ["files: cameo / bare" + (" / Hugo" if with_hugo else "")]
    header += ["peak MB: cameo / cold / bare" + (" / Hugo" if with_hugo else "")]
    print("| " + " | ".join(header) + " |")
    print("|" + " ---: |" * len(header))
    for size, medians, memory, files in rows:
        cells = [
            str(size),
            f"{medians['cameo']:.2f}",
            f"{medians['cameo-cold']:.2f}",
            f"{medians['bare']:.2f}",
            f"{medians['cameo'] / medians['bare']:.2f}",
            f"{medians['cameo-cold'] / medians['bare']:.2f}",
            f"{1000 * medians['cameo'] / size:.1f}",
        ]
        counts = [files["cameo"], files["bare"]]
        if with_hugo:
            cells += [
                f"{medians['hugo']:.2f}",
                f"{medians['cameo'] / medians['hugo']:.1f}",
            ]
            counts.append(files["hugo"])
        cells.append(" / ".join(str(count) for count in counts))
        cells.append(" / ".join(f"{peak:.0f}" for peak in memory.values()))
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
