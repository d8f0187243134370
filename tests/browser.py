"""Finding (and on Debian, installing) the Chromium the browser tests drive.

Playwright cannot download its own browser here, so the tests use Debian's
chromium package through Playwright's ``executable_path``.
"""

from __future__ import annotations

import os
import shutil
import subprocess

CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
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


def find_chromium() -> str | None:
    found = os.environ.get("CAMEO_CHROMIUM")
    if found:
        return found
    for path in CHROMIUM_PATHS:
        if os.access(path, os.X_OK):
            return path
    return shutil.which("chromium")


def ensure_chromium() -> str:
    """Chromium's path, installing Debian's package first when it is missing."""
    path = find_chromium()
    if path:
        return path
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        raise SystemExit(
            "The browser tests need Chromium: install Debian's 'chromium' package "
            "(apt-get install chromium) or set CAMEO_CHROMIUM to its path."
        )
    print("Installing Debian's chromium for the browser tests ...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "chromium"],
        check=True,
        env=env,
    )
    path = find_chromium()
    if not path:
        raise SystemExit("apt-get installed chromium, but no chromium is on the PATH")
    return path
