"""What the hugo_frontmatter plugin costs on a site of N pages.

Run from the repository root after the README's set-up:

    .venv/bin/python benchmarks/plugin_cost.py [--pages 1000] [--runs 5]

It writes the same N articles twice into a temporary folder: once with Hugo
front matter (YAML, built with the plugin), once in Pelican's own metadata
format (built without it), both with Pelican's bundled `simple` theme. It
builds the two sites alternately, each in a fresh Python process, and prints
the median wall times and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

COMMON_SETTINGS = """
SITENAME = "Benchmark"
SITEURL = ""
TIMEZONE = "UTC"
PATH = "content"
THEME = "simple"
DISPLAY_PAGES_ON_MENU = False
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
"""


def write_site(folder: Path, pages: int, hugo: bool) -> None:
    content = folder / "content" / "posts"
    content.mkdir(parents=True)
    for number in range(pages):
        day = 1 + number % 28
        tags = f"tag{number % 7}, tag{number % 11}"
        body = (
            f"Paragraph {number} with *some* text and a [link](https://example.org).\n"
        )
        if hugo:
            head = (
                f"---\ntitle: Page {number}\ndate: 2024-01-{day:02d}\n"
                f"tags: [{tags}]\ndescription: Page number {number}\n---\n"
            )
        else:
            head = (
                f"Title: Page {number}\nDate: 2024-01-{day:02d}\n"
                f"Tags: {tags}\nDescription: Page number {number}\n\n"
            )
        (content / f"page-{number}.md").write_text(head + "\n" + body * 5)
    plugins = (
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\nPLUGINS = ['hugo_frontmatter']\n"
        if hugo
        else "PLUGINS = []\n"
    )
    (folder / "pelicanconf.py").write_text(COMMON_SETTINGS + plugins)


def build_seconds(folder: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            "-s",
            "pelicanconf.py",
            "-o",
            "output",
            "--fatal",
            "errors",
            "-q",
        ],
        cwd=folder,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as temporary:
        sites = {
            "plugin (Hugo YAML)": Path(temporary) / "hugo",
            "no plugin (Pelican metadata)": Path(temporary) / "plain",
        }
        for name, folder in sites.items():
            write_site(folder, options.pages, hugo=name.startswith("plugin"))
        times: dict[str, list[float]] = {name: [] for name in sites}
        for _ in range(options.runs):
            for name, folder in sites.items():
                times[name].append(build_seconds(folder))

    medians = {name: statistics.median(values) for name, values in times.items()}
    print(
        textwrap.dedent(f"""
        {options.pages} articles, {options.runs} builds each, alternating (seconds)

        | build                          | median | min    | max    |
        | ------------------------------ | ------ | ------ | ------ |""")
    )
    for name, values in times.items():
        print(
            f"| {name:<30} | {medians[name]:6.3f} | {min(values):6.3f} | "
            f"{max(values):6.3f} |"
        )
    ratio = medians["plugin (Hugo YAML)"] / medians["no plugin (Pelican metadata)"]
    print(f"\nmedian ratio, plugin / no plugin: {ratio:.3f}")


if __name__ == "__main__":
    main()
