"""Lighthouse scores of the owner's page, mobile and desktop.

Run from the repository root after the README's test set-up:

    .venv/bin/python benchmarks/lighthouse.py

It builds the site twice: as plain `invoke build` makes it (SITEURL empty:
no canonical link, no sitemap) and with its address set to the local server
(canonical and sharing URLs absolute, as published). It serves each on
127.0.0.1 and runs Lighthouse (npm
`lighthouse`, installed under ~/.cache/pelican-cameo on the first run) with
Debian's chromium, once with the mobile and once with the desktop preset.
It prints the four category scores and any audit that lost points.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from programs import find_chromium, npm_install

from cameo_tools.build import build
from cameo_tools.serve import make_server

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE_VERSION = "12"
FOLDER = Path.home() / ".cache" / "pelican-cameo" / f"lighthouse-{LIGHTHOUSE_VERSION}"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse() -> Path:
    script = FOLDER / "node_modules" / ".bin" / "lighthouse"
    if not script.exists():
        print("Installing lighthouse into", FOLDER, "...", flush=True)
        npm_install(FOLDER, f"lighthouse@{LIGHTHOUSE_VERSION}")
    return script


def _score(runner: Path, chromium: str, build_name: str) -> list[tuple]:
    """Build, serve and score the page, mobile and desktop."""
    with tempfile.TemporaryDirectory() as temporary:
        output = Path(temporary) / "site"
        server = make_server(output, "127.0.0.1", 0)
        url = f"http://127.0.0.1:{server.server_port}"
        absolute = {"SITEURL": url} if build_name == "absolute SITEURL" else {}
        build(ROOT / "pelicanconf.py", output, absolute)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        rows = []
        try:
            for preset in ("mobile", "desktop"):
                report = Path(temporary) / f"{preset}.json"
                command = [
                    str(runner),
                    url + "/",
                    "--quiet",
                    "--output=json",
                    f"--output-path={report}",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
                    "--disable-background-networking --disable-component-update "
                    "--disable-sync --no-first-run",
                ]
                if preset == "desktop":
                    command.append("--preset=desktop")
                subprocess.run(
                    command, check=True, env={**os.environ, "CHROME_PATH": chromium}
                )
                result = json.loads(report.read_text())
                scores = [
                    round(result["categories"][c]["score"] * 100) for c in CATEGORIES
                ]
                lost = [
                    f"{audit['id']} ({audit['score']})"
                    for audit in result["audits"].values()
                    if audit.get("score") is not None
                    and audit["score"] < 1
                    and audit.get("scoreDisplayMode") in ("binary", "numeric")
                ]
                rows.append((f"{build_name}, {preset}", scores, lost))
        finally:
            server.shutdown()
            server.server_close()

    return rows


def main() -> None:
    chromium = find_chromium()
    if not chromium:
        sys.exit("chromium not found: apt-get install chromium")
    runner = lighthouse()
    rows = []
    for build_name in ("invoke build", "absolute SITEURL"):
        rows += _score(runner, chromium, build_name)

    print("\nLighthouse, the owner's page served on 127.0.0.1\n")
    names = ("build, preset", "performance", "accessibility", "best practices")
    print(f"| {names[0]:<25} | {' | '.join(names[1:])} | SEO |")
    print(f"| {'-' * 25} | ----------- | ------------- | -------------- | --- |")
    for preset, scores, _ in rows:
        print(
            f"| {preset:<25} | {scores[0]:11d} | {scores[1]:13d} | {scores[2]:14d} | "
            f"{scores[3]:3d} |"
        )
    for preset, _, lost in rows:
        if lost:
            print(f"\n{preset}: audits below full marks: {', '.join(lost)}")


if __name__ == "__main__":
    main()
