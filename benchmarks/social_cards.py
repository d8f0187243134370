"""What the social cards cost on a site of N pages, cold and warm.

Run from the repository root after the README's set-up:

    .venv/bin/python benchmarks/social_cards.py [--pages 1 100 1000] [--runs 1]

First it draws 100 cards alone three ways (one after another, in threads, in
processes), which is how cards.py's choice of threads was made. Then it
builds benchmarks/content_tree.py's site of N pages with an absolute SITEURL,
each build in a fresh Python process: with CAMEO_SOCIAL_CARDS = False, with
cards and an empty cache (cold: every card drawn), and again with the cache
kept (warm: every card copied from the cache). It prints the median wall
times and what the cards add.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

from pelican.plugins.cameo import cards

sys.path.insert(0, str(Path(__file__).resolve().parent))

# The benchmarks' own modules, found through the line above. Not sorted:
# `build` is this folder's build.py, which isort would take for the
# package index's `build` or for a ./build folder, depending on the checkout.
# isort: off
from build import run_measured  # noqa: E402
from content_tree import write_tree  # noqa: E402

# isort: on

ROOT = Path(__file__).resolve().parent.parent
AVATAR = ROOT / "content" / "images" / "avatar.png"
DRAWN = 100


def _cards(count: int) -> list:
    colours = tuple(sorted(cards.theme_colours(str(ROOT / "theme")).items()))
    font = cards.card_fonts({})[0]
    return [
        cards.Card(
            name=f"card-{number}",
            title=f"Page {number}: notes on building systems for machine learning",
            label="Benchmark",
            avatar=str(AVATAR),
            colours=colours,
            fonts=(font, font),
            alt="",
        )
        for number in range(count)
    ]


def _draw(job) -> None:
    cards._draw_into(job)


def drawing_alone() -> list[tuple[str, float]]:
    """Seconds to draw DRAWN cards serially, in threads and in processes."""
    workers = os.cpu_count() or 1
    rows = []
    for way in ("one after another", "threads", "processes"):
        with tempfile.TemporaryDirectory() as folder:
            jobs = [(card, f"{folder}/{card.name}.png") for card in _cards(DRAWN)]
            started = time.perf_counter()
            if way == "one after another":
                for job in jobs:
                    _draw(job)
            else:
                pool = ThreadPoolExecutor if way == "threads" else ProcessPoolExecutor
                with pool(workers) as executor:
                    list(executor.map(_draw, jobs))
            rows.append((way, time.perf_counter() - started))
    return rows


def build(folder: Path, cards_on: bool, cold: bool) -> float:
    shutil.rmtree(folder / "output", ignore_errors=True)
    if cold:
        shutil.rmtree(folder / "cache" / cards.CACHE_FOLDER, ignore_errors=True)
    command = [sys.executable, "-m", "pelican", "-s", "settings.py", "-q"]
    command += ["-o", str(folder / "output"), "--fatal", "errors"]
    command += ["-e", 'SITEURL="https://example.org"']
    command += [f"CAMEO_SOCIAL_CARDS={str(cards_on).lower()}"]
    command += [f'CACHE_PATH="{folder / "cache"}"']
    seconds, _ = run_measured(command, folder)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[1, 100, 1000])
    parser.add_argument("--runs", type=int, default=1)
    options = parser.parse_args()
    print(f"Drawing {DRAWN} cards alone ({os.cpu_count()} cores):\n")
    print("| how | seconds | ms a card |\n| --- | ---: | ---: |")
    for way, seconds in drawing_alone():
        print(f"| {way} | {seconds:.2f} | {seconds * 1000 / DRAWN:.1f} |")
    print("\nWhole builds, median of", options.runs, "run(s):\n")
    print("| pages | no cards | cards, cold | cards, warm | cold adds | warm adds |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for pages in options.pages:
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            write_tree(folder, pages, "cameo")
            times: dict[str, list[float]] = {"off": [], "cold": [], "warm": []}
            build(folder, False, cold=True)  # compiles the templates once
            for _ in range(options.runs):
                times["off"].append(build(folder, False, cold=True))
                times["cold"].append(build(folder, True, cold=True))
                times["warm"].append(build(folder, True, cold=False))
            off, cold, warm = (statistics.median(times[k]) for k in times)
            print(
                f"| {pages} | {off:.2f} s | {cold:.2f} s | {warm:.2f} s "
                f"| {cold - off:+.2f} s | {warm - off:+.2f} s |"
            )


if __name__ == "__main__":
    main()
