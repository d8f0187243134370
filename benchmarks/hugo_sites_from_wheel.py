"""Do the shared Hugo sites build from the wheel, as a migrating user builds them?

Run from the repository root:

    .venv/bin/python benchmarks/hugo_sites_from_wheel.py [HUGO_SITE_DIR ...]

(default: every folder of ../shared/hugo-sites/). It builds this checkout's
wheel (``pip wheel --no-deps``), installs it into a new virtual environment
(its dependencies from the package index, nothing of this checkout on the
path), and for each site works on a copy in a temporary folder: the site's
theme shortcodes (``theme-shortcodes/*.html``, which the shared copies keep
apart from their theme) go into ``layouts/shortcodes/``, where Hugo would
read them too, and a settings file holds only::

    THEME = "cameo"
    HUGO_FRONTMATTER = {"hugo_config": "."}

Then ``pelican -s pelicanconf.py -o output`` runs in the copy, in a new
process, with the installed ``pelican``. It prints one row per site: the
exit status, the HTML files written, and the first error line if any. How
close those pages are to Hugo's is ``benchmarks/hugo_parity.py``'s job.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "hugo-sites"
SETTINGS = 'THEME = "cameo"\nHUGO_FRONTMATTER = {"hugo_config": "."}\n'


def install_wheel(folder: Path) -> Path:
    """A new virtual environment with this checkout's wheel; its bin folder."""
    wheels = folder / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels)]
        + [str(REPO)],
        check=True,
    )
    wheel = next(wheels.glob("pelican_cameo-*.whl"))
    environment = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(environment)], check=True)
    subprocess.run(
        [str(environment / "bin" / "pip"), "install", "-q", str(wheel)], check=True
    )
    return environment / "bin"


def migrated_copy(site: Path, folder: Path) -> Path:
    """The site as a migrating user would have it, with the two settings."""
    copy = folder / site.name
    shutil.copytree(site, copy)
    shortcodes = sorted((copy / "theme-shortcodes").glob("*.html"))
    if shortcodes:
        (copy / "layouts" / "shortcodes").mkdir(parents=True, exist_ok=True)
    for shortcode in shortcodes:
        shutil.copy2(shortcode, copy / "layouts" / "shortcodes" / shortcode.name)
    (copy / "pelicanconf.py").write_text(SETTINGS, encoding="utf-8")
    return copy


def build(bin_folder: Path, copy: Path) -> tuple[int, int, str, float]:
    """Exit status, HTML files written, the first error line, seconds."""
    started = time.perf_counter()
    done = subprocess.run(
        [str(bin_folder / "pelican"), "-s", "pelicanconf.py", "-o", "output"],
        cwd=copy,
        capture_output=True,
        text=True,
        env={"PATH": f"{bin_folder}:/usr/bin:/bin", "HOME": str(copy)},
        timeout=600,
    )
    seconds = time.perf_counter() - started
    pages = len(list((copy / "output").rglob("*.html")))
    said = (done.stdout + done.stderr).splitlines()
    error = next(
        (line.strip() for line in said if "ERROR" in line or "CRITICAL" in line), ""
    )
    return done.returncode, pages, error, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", nargs="*", type=Path)
    sites = parser.parse_args().sites or sorted(
        path for path in SHARED.iterdir() if path.is_dir()
    )
    with tempfile.TemporaryDirectory(prefix="cameo-wheel-sites-") as name:
        folder = Path(name)
        print(f"installing the wheel of {REPO} into a new venv ...", flush=True)
        bin_folder = install_wheel(folder)
        print()
        print("| site | exit | HTML files | seconds | first error |")
        print("| --- | ---: | ---: | ---: | --- |")
        failed = 0
        for site in sites:
            status, pages, error, seconds = build(
                bin_folder, migrated_copy(site, folder)
            )
            failed += status != 0
            print(f"| {site.name} | {status} | {pages} | {seconds:.1f} | {error} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
