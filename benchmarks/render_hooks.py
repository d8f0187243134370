"""What a Markdown render hook costs a build: cameo beside Hugo.

Run from the repository root:

    .venv/bin/python benchmarks/render_hooks.py [--pages 10] [--links 1000]

A site of ``--pages`` pages of ``--links`` Markdown links each (with a title
and emphasis) is built by cameo (in this process, a fresh Markdown cache
each time, the best of three) and by Hugo, once without hooks and once with
a ``layouts/_default/_markup/render-link.html`` that writes the link as
Goldmark does. The table gives the wall times and what the hook adds per
link. The exit status is 0 (a measurement).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from cameo_tools.build import build

REPO = Path(__file__).resolve().parent.parent
HOOK = (
    '<a href="{{ .Destination | safeURL }}"'
    '{{ with .Title }} title="{{ . }}"{{ end }}>{{ .Text | safeHTML }}</a>'
)
SETTINGS = f"""
THEME = {str(REPO / "theme")!r}
PLUGIN_PATHS = [{str(REPO / "plugins")!r}]
PLUGINS = ["hugo_frontmatter", "cameo"]
HUGO_FRONTMATTER = {{"hugo_config": "."}}
TIMEZONE = "UTC"
"""


def write_site(folder: Path, pages: int, links: int, hook: bool) -> None:
    """The site: a Hugo config, cameo's settings, the pages, the hook."""
    (folder / "content" / "posts").mkdir(parents=True)
    (folder / "hugo.toml").write_text('baseURL = "https://example.org/"\ntitle = "B"\n')
    (folder / "cameoconf.py").write_text(SETTINGS)
    (folder / "layouts" / "_default").mkdir(parents=True)
    (folder / "layouts" / "_default" / "single.html").write_text("{{ .Content }}")
    for page in range(pages):
        lines = "\n".join(
            f'Item {i}: [link *{i}*](/p/{page}/{i}/ "t{i}") text.' for i in range(links)
        )
        path = folder / "content" / "posts" / f"p{page}.md"
        path.write_text(f"---\ntitle: P{page}\n---\n{lines}\n")
    if hook:
        markup = folder / "layouts" / "_default" / "_markup"
        markup.mkdir(parents=True)
        (markup / "render-link.html").write_text(HOOK)


def cameo_seconds(pages: int, links: int, hook: bool) -> float:
    """The best of three cameo builds, each from nothing."""
    times = []
    for _ in range(3):
        with tempfile.TemporaryDirectory() as where:
            folder = Path(where) / "site"
            write_site(folder, pages, links, hook)
            start = time.perf_counter()
            build(
                folder / "cameoconf.py",
                folder / "out",
                overrides={"PATH": str(folder), "CACHE_PATH": str(folder / "cache")},
            )
            times.append(time.perf_counter() - start)
    return min(times)


def hugo_seconds(pages: int, links: int, hook: bool) -> float | None:
    """One Hugo build of the same site, or None without ``hugo``."""
    hugo = shutil.which("hugo")
    if hugo is None:
        return None
    with tempfile.TemporaryDirectory() as where:
        folder = Path(where) / "site"
        write_site(folder, pages, links, hook)
        start = time.perf_counter()
        subprocess.run(
            [hugo, "--quiet", "-s", str(folder), "-d", str(folder / "public")],
            check=True,
            capture_output=True,
        )
        return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10, help="pages in the site")
    parser.add_argument("--links", type=int, default=1000, help="links a page")
    args = parser.parse_args()
    rows = {}
    for hook in (False, True):
        rows[hook] = (
            cameo_seconds(args.pages, args.links, hook),
            hugo_seconds(args.pages, args.links, hook),
        )
    count = args.pages * args.links
    print(f"{args.pages} pages x {args.links} links ({count} links)")
    print(f"{'':<22}{'cameo s':>10}{'hugo s':>10}")
    for hook, (cameo, hugo) in rows.items():
        shown = "-" if hugo is None else f"{hugo:.2f}"
        label = "render-link hook" if hook else "no hook"
        print(f"{label:<22}{cameo:>10.2f}{shown:>10}")
    added = (rows[True][0] - rows[False][0]) / count * 1e6
    print(f"the hook adds {added:.0f} us a link to cameo's build")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
