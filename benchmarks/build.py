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
- the ratios to bare Pelican and to Hugo, milliseconds per page, and how
  many files each wrote.
"""

from __future__ import annotations

import argparse
import compileall
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from content_tree import ROOT, write_tree

KINDS = ("cameo", "cameo-cold", "bare", "hugo")


def build_seconds(folder: Path, kind: str) -> tuple[float, int]:
    """One build's wall time and the number of files it wrote."""
    output = folder / "output"
    shutil.rmtree(output, ignore_errors=True)
    if kind == "cameo-cold":
        shutil.rmtree(folder / "cache", ignore_errors=True)
    if kind == "hugo":
        command = ["hugo", "--quiet", "-d", str(output)]
    else:
        command = [sys.executable, "-m", "pelican", "-s", "settings.py"]
        command += ["-o", str(output), "-q", "--fatal", "errors"]
    started = time.perf_counter()
    subprocess.run(command, cwd=folder, check=True, capture_output=True)
    seconds = time.perf_counter() - started
    return seconds, sum(1 for path in output.rglob("*") if path.is_file())


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
            build_seconds(folders["cameo"], "cameo")  # fills cameo's cache
            times: dict[str, list[float]] = {kind: [] for kind in kinds}
            files: dict[str, int] = {}
            for _ in range(options.runs):
                for kind in kinds:
                    seconds, files[kind] = build_seconds(folders[kind], kind)
                    times[kind].append(seconds)
            medians = {kind: statistics.median(times[kind]) for kind in kinds}
            rows.append((size, medians, files))
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
    print("| " + " | ".join(header) + " |")
    print("|" + " ---: |" * len(header))
    for size, medians, files in rows:
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
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
