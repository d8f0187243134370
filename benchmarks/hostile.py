"""What a few hostile bytes cost a build: cameo beside Hugo.

Run from the repository root after the README's set-up:

    .venv/bin/python benchmarks/hostile.py [--runs 3] [--case youtube]

Each case is a tiny site written into a temporary folder and built in a new
process, several rounds; the table gives the median wall time, the peak
memory of the build process (os.wait4) and how the build ended: "built",
or the first line it printed. Hugo (Debian's `hugo`) builds the same site
when it is installed. The limits are issue 25's:

- one page of 10 000 `{{< youtube >}}` and one of 20 000 reference
  definitions build in under 5 s (20 000 `{{< youtube >}}`, no limit, shows
  that twice the shortcodes cost about twice the time);
- a fence with `hl_lines=["1-30000000"]`, and the highlight shortcode with
  `hl_lines=1-30000000`, build (Hugo highlights the lines the block has)
  and a YAML "billion laughs" in `hugo.yaml` or in front matter stops in
  under 1 s with one line (the build's own time: the process also starts
  Python and Pelican, the "start-up" row).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SETTINGS = f"""
SITENAME = "Hostile"
SITEURL = ""
TIMEZONE = "UTC"
PATH = "content"
THEME = {str(ROOT / "theme")!r}
PLUGIN_PATHS = [{str(ROOT / "plugins")!r}]
PLUGINS = ["hugo_frontmatter", "cameo"]
HUGO_FRONTMATTER = {{"hugo_urls": True, "hugo_config": "hugo.yaml"}}
ARTICLE_PATHS = ["posts"]
PAGE_PATHS = [""]
CACHE_PATH = "cache"
LOAD_CONTENT_CACHE = False
"""
HUGO_LAYOUTS = {
    "layouts/_default/single.html": "{{ .Content }}",
    "layouts/_default/list.html": "{{ range .Pages }}{{ .Summary }}{{ end }}",
    "layouts/index.html": "{{ range .Site.RegularPages }}{{ .Summary }}{{ end }}",
}
# Build in the new process: print the first problem as a user sees it,
# and the seconds build() took (the process also starts Python and Pelican).
BUILD = """
import sys, time
from cameo_tools.build import build
from cameo_tools.errors import BuildError
started = time.perf_counter()
try:
    build("settings.py", "output")
except BuildError as error:
    print("Error:", error.problems[0] if error.problems else error.summary)
    status = 1
else:
    status = 0
print("build seconds:", time.perf_counter() - started)
sys.exit(status)
"""


def laughs(levels: int = 9, width: int = 9) -> str:
    """A YAML "billion laughs": 500 bytes that stand for 9**9 values."""
    lines = ['a0: &a0 "lol"']
    for level in range(1, levels + 1):
        refs = ", ".join([f"*a{level - 1}"] * width)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


def _post(body: str, front: str = "") -> str:
    return f"---\ntitle: Post\ndate: 2024-01-01\n{front}---\n{body}"


def cases() -> dict[str, tuple[dict[str, str], float | None]]:
    """Each case's files (beside the home page and hugo.yaml) and its limit
    in seconds (None: no limit, a reference)."""
    refs = 20_000
    return {
        "start-up (one short page)": ({"content/posts/p.md": _post("Hi.\n")}, None),
        "10 000 youtube shortcodes on one page": (
            {
                "content/posts/p.md": _post(
                    "".join(
                        f"{{{{< youtube v{i:05d}xyzAB >}}}}\n\n" for i in range(10_000)
                    )
                )
            },
            5.0,
        ),
        "20 000 youtube shortcodes on one page": (
            {
                "content/posts/p.md": _post(
                    "".join(
                        f"{{{{< youtube v{i:05d}xyzAB >}}}}\n\n" for i in range(20_000)
                    )
                )
            },
            None,
        ),
        "20 000 reference definitions": (
            {
                "content/posts/p.md": _post(
                    "".join(f"[r{i}]\n\n" for i in range(refs))
                    + "".join(f"[r{i}]: https://example.org/{i}\n" for i in range(refs))
                )
            },
            5.0,
        ),
        'hl_lines=["1-30000000"]': (
            {
                "content/posts/p.md": _post(
                    '```go {hl_lines=["1-30000000"]}\nfunc a() {}\nfunc b() {}\n```\n'
                )
            },
            1.0,
        ),
        '{{< highlight go "hl_lines=1-30000000" >}}': (
            {
                "content/posts/p.md": _post(
                    '{{< highlight go "hl_lines=1-30000000" >}}\n'
                    "func a() {}\nfunc b() {}\n{{< /highlight >}}\n"
                )
            },
            1.0,
        ),
        # Goldmark's linkify and typographer look on along the line at every
        # space and quote: linear, not quadratic, in the line's length.
        "one line of 2 000 bare links, addresses and quotes": (
            {
                "content/posts/p.md": _post(
                    "x@y.zz 'a' http://a.bc www.d.ef (g) " * 2_000
                )
            },
            2.0,
        ),
        "one line of 16 000 bare links, addresses and quotes": (
            {
                "content/posts/p.md": _post(
                    "x@y.zz 'a' http://a.bc www.d.ef (g) " * 16_000
                )
            },
            None,
        ),
        "billion laughs in hugo.yaml": ({"hugo.yaml": laughs()}, 1.0),
        "billion laughs in front matter, {{< param >}}": (
            {"content/posts/p.md": _post("{{< param a9 >}}\n", laughs())},
            1.0,
        ),
    }


def write_site(folder: Path, files: dict[str, str]) -> None:
    everything = {
        "settings.py": SETTINGS,
        "content/_index.md": "---\ntitle: Home\n---\nHi.\n",
        **HUGO_LAYOUTS,
        **files,
    }
    everything["hugo.yaml"] = (
        'baseURL: "https://example.org/"\ntitle: Hostile\n' + files.get("hugo.yaml", "")
    )
    for name, text in everything.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def run(command: list[str], folder: Path) -> tuple[float, float, str, float | None]:
    """Wall time, peak memory (MB) of that one process, how it ended, and
    the seconds it says the build took (None if it does not say)."""
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=folder, stdout=log, stderr=log)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        log.seek(0)
        lines = log.read().decode(errors="replace").strip().splitlines()
    said = [line for line in lines if line.startswith("build seconds: ")]
    build_seconds = float(said[-1].split(": ")[1]) if said else None
    if os.waitstatus_to_exitcode(status) == 0:
        ended = "built"
    else:
        errors = [line for line in lines if "Error" in line] or lines[-1:] or ["?"]
        ended = errors[0].removeprefix("Error: ")
    return seconds, usage.ru_maxrss / 1024, ended, build_seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--case",
        action="append",
        metavar="TEXT",
        help="run only the cases whose name holds TEXT (may be repeated)",
    )
    options = parser.parse_args()
    hugo = shutil.which("hugo")
    chosen = {
        name: case
        for name, case in cases().items()
        if not options.case or any(text in name for text in options.case)
    }
    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        for number, (name, (files, limit)) in enumerate(chosen.items()):
            folder = Path(temporary) / f"case{number}"
            write_site(folder, files)
            results = []
            for _ in range(options.runs):
                shutil.rmtree(folder / "output", ignore_errors=True)
                shutil.rmtree(folder / "cache", ignore_errors=True)  # no cache
                results.append(run([sys.executable, "-c", BUILD], folder))
            hugo_result = None
            if hugo:
                shutil.rmtree(folder / "public", ignore_errors=True)
                hugo_result = run([hugo, "--quiet", "-d", "public"], folder)
            rows.append((name, limit, results, hugo_result))
            print(f"{name}: done", file=sys.stderr, flush=True)
    print_table(rows, options.runs, bool(hugo))


def print_table(rows, runs: int, with_hugo: bool) -> None:
    print(f"\nHostile input, median of {runs} (each build a new process)\n")
    header = ["case", "limit s", "build s", "process s", "peak MB", "ended"]
    if with_hugo:
        header += ["Hugo s", "Hugo MB", "Hugo ended"]
    print("| " + " | ".join(header) + " |")
    print("| --- |" + " ---: |" * 4 + " --- |" + " ---: | ---: | --- |" * with_hugo)
    for name, limit, results, hugo_result in rows:
        seconds = statistics.median(r[0] for r in results)
        peak = statistics.median(r[1] for r in results)
        build_seconds = statistics.median(r[3] or 0.0 for r in results)
        cells = [
            name,
            "" if limit is None else f"{limit:g}",
            f"{build_seconds:.2f}"
            + ("" if limit is None or build_seconds < limit else " (over)"),
            f"{seconds:.2f}",
            f"{peak:.0f}",
            results[-1][2][:200],
        ]
        if hugo_result:
            cells += [f"{hugo_result[0]:.2f}", f"{hugo_result[1]:.0f}"]
            cells.append(hugo_result[2][:100])
        print("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")


if __name__ == "__main__":
    main()
