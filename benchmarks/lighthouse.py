"""Lighthouse scores of the owner's profile in both languages and of a post
with math, mobile and desktop.

Run from the repository root after the README's test set-up:

    .venv/bin/python benchmarks/lighthouse.py

It builds issue 26's worked example: this repository's pelicanconf.py with
PATH a temporary copy of content/ (the profile, content/_index.md at / and
its Chinese version content/_index.zh.md at /zh/) plus
tests/fixtures/profile_extras/ (publications.bib, read as
CAMEO_PUBLICATIONS, and posts/softmax.md, a post with math at
/softmax-by-hand.html). It builds it twice: as plain `invoke build` makes it
(SITEURL empty: no canonical or hreflang links, no sitemap) and with its
address set to the local server (canonical and sharing URLs absolute, as
published). It serves each on 127.0.0.1 and runs Lighthouse (npm
`lighthouse`, installed under ~/.cache/pelican-cameo on the first run) with
Debian's chromium on each page, once with the mobile and once with the
desktop preset. It prints one table (page, build, preset, the four category
scores), each audit that lost points (one a category weighs) and, in one
line, those below full marks that weigh nothing (insights, metrics shown for
information).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from pathlib import Path

from programs import find_chromium, npm_install

from cameo_tools.build import build
from cameo_tools.serve import make_server

ROOT = Path(__file__).resolve().parent.parent
EXTRAS = ROOT / "tests" / "fixtures" / "profile_extras"
LIGHTHOUSE_VERSION = "12"
FOLDER = Path.home() / ".cache" / "pelican-cameo" / f"lighthouse-{LIGHTHOUSE_VERSION}"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = ("/", "/zh/", "/softmax-by-hand.html")
BUILDS = ("invoke build", "absolute SITEURL")
PRESETS = ("mobile", "desktop")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


def lighthouse() -> Path:
    script = FOLDER / "node_modules" / ".bin" / "lighthouse"
    if not script.exists():
        print("Installing lighthouse into", FOLDER, "...", flush=True)
        npm_install(FOLDER, f"lighthouse@{LIGHTHOUSE_VERSION}")
    return script


def _content(folder: Path) -> Path:
    """The worked example's content: content/ and the extras over it."""
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(EXTRAS, content, dirs_exist_ok=True)
    return content


def _score(runner: Path, chromium: str, build_name: str) -> list[tuple]:
    """Build, serve and score each page, mobile and desktop."""
    with tempfile.TemporaryDirectory() as temporary:
        output = Path(temporary) / "site"
        server = make_server(output, "127.0.0.1", 0)
        url = f"http://127.0.0.1:{server.server_port}"
        overrides = {
            "PATH": str(_content(Path(temporary))),
            "CAMEO_PUBLICATIONS": "publications.bib",
        }
        if build_name == "absolute SITEURL":
            overrides["SITEURL"] = url
        build(ROOT / "pelicanconf.py", output, overrides)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        rows = []
        try:
            for page in PAGES:
                for preset in PRESETS:
                    report = Path(temporary) / "report.json"
                    measured = _lighthouse(runner, chromium, url + page, preset, report)
                    rows.append((page, build_name, preset, *measured))
        finally:
            server.shutdown()
            server.server_close()
    return rows


def _lighthouse(
    runner: Path, chromium: str, url: str, preset: str, report: Path
) -> tuple[list[int], list[str], list[str]]:
    """One Lighthouse run: the four scores, the audits that lost points and
    those below full marks that weigh nothing in any category (insights and
    metrics shown for information)."""
    command = [
        str(runner),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": chromium})
    result = json.loads(report.read_text())
    scores = [round(result["categories"][c]["score"] * 100) for c in CATEGORIES]
    weights: dict[str, float] = {}
    for category in result["categories"].values():
        for ref in category["auditRefs"]:
            weights[ref["id"]] = max(weights.get(ref["id"], 0), ref["weight"])
    below = [
        audit
        for audit in result["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") in ("binary", "numeric")
    ]
    lost = [f"{a['id']} ({a['score']})" for a in below if weights.get(a["id"])]
    unweighted = [a["id"] for a in below if not weights.get(a["id"])]
    return scores, lost, unweighted


def main() -> None:
    chromium = find_chromium()
    if not chromium:
        sys.exit("chromium not found: apt-get install chromium")
    runner = lighthouse()
    rows = []
    for build_name in BUILDS:
        rows += _score(runner, chromium, build_name)

    print("\nLighthouse, issue 26's worked example served on 127.0.0.1\n")
    print(
        "| page                  | build            | preset  | performance "
        "| accessibility | best practices | SEO |"
    )
    print(
        "| --------------------- | ---------------- | ------- | ----------- "
        "| ------------- | -------------- | --- |"
    )
    for page, build_name, preset, scores, _, _ in rows:
        print(
            f"| {page:<21} | {build_name:<16} | {preset:<7} | {scores[0]:11d} "
            f"| {scores[1]:13d} | {scores[2]:14d} | {scores[3]:3d} |"
        )
    for page, build_name, preset, _, lost, _ in rows:
        if lost:
            print(
                f"\n{page}, {build_name}, {preset}: audits that lost points: "
                f"{', '.join(lost)}"
            )
    unweighted = Counter(audit for *_, audits in rows for audit in audits)
    if unweighted:
        print(
            f"\nBelow full marks but weighing nothing (in how many of the {len(rows)} "
            f"runs): {', '.join(f'{a} ({n})' for a, n in unweighted.most_common())}"
        )


if __name__ == "__main__":
    main()
