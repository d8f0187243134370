"""Build time of cameo against bare Pelican and Hugo, for N pages.

Run from the repository root after the README's set-up:

    .venv/bin/python benchmarks/build_speed.py [--sizes 1 100 1000 5000] [--runs 3]

For each N it writes the same Hugo-style content tree three ways (a few
sections, tags, YAML and TOML front matter): for cameo (the theme and both
plugins, Hugo's URLs), for bare Pelican (the `simple` theme, no plugin, the
same pages in Pelican's own metadata format) and for Hugo (Debian's `hugo`,
with a minimal layout written here), when hugo is installed. It builds them
alternately, each build in a new process, and prints the medians, the ratios
cameo / bare Pelican and cameo / Hugo, and the milliseconds per page.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = ("posts", "notes", "docs")

COMMON = """
SITENAME = "Benchmark"
SITEURL = ""
TIMEZONE = "UTC"
PATH = "content"
ARTICLE_PATHS = ["posts", "notes", "docs"]
PAGE_PATHS = ["pages"]
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
"""
CAMEO = f"""
THEME = {str(ROOT / "theme")!r}
PLUGIN_PATHS = [{str(ROOT / "plugins")!r}]
PLUGINS = ["hugo_frontmatter", "cameo"]
HUGO_FRONTMATTER = {{"hugo_urls": True}}
"""
BARE = """
THEME = "simple"
PLUGINS = []
DISPLAY_PAGES_ON_MENU = False
"""
HUGO_CONFIG = """baseURL = "http://example.org/"
disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]
"""
HUGO_LAYOUTS = {
    "_default/baseof.html": "<!doctype html><html><head><title>{{ .Title }}</title>"
    '</head><body>{{ block "main" . }}{{ end }}</body></html>',
    "_default/single.html": '{{ define "main" }}<h1>{{ .Title }}</h1>'
    "{{ .Content }}{{ end }}",
    "_default/list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>'
    '{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}'
    "</a></li>{{ end }}</ul>{{ end }}",
}


def page(number: int, hugo: bool, toml: bool) -> str:
    day = 1 + number % 28
    tags = [f"tag{number % 7}", f"topic{number % 13}"]
    body = (
        f"Paragraph {number} with *emphasis*, `code` and a "
        "[link](https://example.org).\n\n"
    ) * 6 + "## A heading\n\nMore text.\n"
    if not hugo:
        return (
            f"Title: Page {number}\nDate: 2024-01-{day:02d}\n"
            f"Tags: {', '.join(tags)}\nSummary: Page number {number}\n\n" + body
        )
    if toml:
        return (
            f'+++\ntitle = "Page {number}"\ndate = 2024-01-{day:02d}\n'
            f"tags = {tags!r}\n".replace("'", '"')
            + f'description = "Page number {number}"\n+++\n'
            + body
        )
    return (
        f"---\ntitle: Page {number}\ndate: 2024-01-{day:02d}\n"
        f"tags: [{', '.join(tags)}]\ndescription: Page number {number}\n---\n" + body
    )


def write_tree(folder: Path, pages: int, kind: str) -> None:
    content = folder / "content"
    for number in range(pages):
        section = SECTIONS[number % len(SECTIONS)]
        text = page(number, hugo=kind != "bare", toml=number % 3 == 2)
        path = content / section / f"page-{number}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    if kind == "hugo":
        (folder / "hugo.toml").write_text(HUGO_CONFIG)
        for name, text in HUGO_LAYOUTS.items():
            target = folder / "layouts" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
    else:
        (folder / "content" / "pages").mkdir(exist_ok=True)
        settings = COMMON + (CAMEO if kind == "cameo" else BARE)
        (folder / "settings.py").write_text(settings)


def build_seconds(folder: Path, kind: str) -> float:
    output = folder / "output"
    if output.exists():
        shutil.rmtree(output)
    if kind == "hugo":
        command = ["hugo", "--quiet", "-d", str(output)]
    else:
        command = [
            sys.executable,
            "-m",
            "pelican",
            "-s",
            "settings.py",
            "-o",
            str(output),
            "-q",
            "--fatal",
            "errors",
        ]
    started = time.perf_counter()
    subprocess.run(command, cwd=folder, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 100, 1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    kinds = ["cameo", "bare"] + (["hugo"] if shutil.which("hugo") else [])

    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        for size in options.sizes:
            folders = {kind: Path(temporary) / f"{kind}-{size}" for kind in kinds}
            for kind, folder in folders.items():
                write_tree(folder, size, kind)
            times: dict[str, list[float]] = {kind: [] for kind in kinds}
            for _ in range(options.runs):
                for kind in kinds:
                    times[kind].append(build_seconds(folders[kind], kind))
            rows.append((size, {k: statistics.median(v) for k, v in times.items()}))
            print(f"N={size} done", file=sys.stderr, flush=True)

    print(
        f"\nBuild time, median of {options.runs} (seconds; each build a new process)\n"
    )
    header = "| N | cameo | bare Pelican | cameo / bare | ms per page (cameo) |"
    rule = "| ---: | ---: | ---: | ---: | ---: |"
    if "hugo" in kinds:
        header = header[:-1] + "| Hugo | cameo / Hugo |"
        rule += " ---: | ---: |"
    print(header)
    print(rule)
    for size, medians in rows:
        line = (
            f"| {size} | {medians['cameo']:.2f} | {medians['bare']:.2f} | "
            f"{medians['cameo'] / medians['bare']:.2f} | "
            f"{1000 * medians['cameo'] / size:.1f} |"
        )
        if "hugo" in medians:
            line += (
                f" {medians['hugo']:.2f} | {medians['cameo'] / medians['hugo']:.1f} |"
            )
        print(line)


if __name__ == "__main__":
    main()
