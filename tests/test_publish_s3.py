"""`invoke publish` to S3, against a real object store (SeaweedFS on 127.0.0.1)."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cameo_tools.publish import publish
from cameo_tools.s3 import PublishError

from .conftest import ROOT, write_tree
from .s3_server import SECRET_KEY, FaultyProxy

PAGES = {
    "_index.md": (ROOT / "content" / "_index.md").read_text("utf-8"),
    "notes.md": "---\ntitle: Notes\n---\nSome notes.\n",
    "old.md": "---\ntitle: Old\n---\nAn old page.\n",
}


def make_site(folder: Path, bucket: str, prefix: str = "site", **s3_options) -> Path:
    """A small site (the owner's page and two more) with its publish settings."""
    write_tree(folder / "content", PAGES)
    (folder / "content" / "images").mkdir()
    shutil.copy(
        ROOT / "content" / "images" / "avatar.png", folder / "content" / "images"
    )
    options = {"bucket": bucket, "prefix": prefix, **s3_options}
    (folder / "publishconf.py").write_text(
        "from pelicanconf import *\n"
        f"PATH = {str(folder / 'content')!r}\n"
        "SITEURL = 'https://example.org'\n"
        f"CAMEO_PUBLISH = {{'target': 's3', 's3': {options!r}}}\n"
    )
    return folder / "publishconf.py"


def objects(client, bucket: str) -> dict[str, dict]:
    found = {}
    for item in client.list_objects_v2(Bucket=bucket).get("Contents", []):
        head = client.head_object(Bucket=bucket, Key=item["Key"])
        found[item["Key"]] = head
    return found


def uploads(report: str) -> int:
    return int(report.split(": ", 1)[1].split(" to upload")[0])


def test_first_publish_holds_exactly_the_site(s3_bucket, seaweedfs, tmp_path):
    settings = make_site(tmp_path, s3_bucket)
    report = publish(settings)
    stored = objects(seaweedfs.client, s3_bucket)
    built = tmp_path / "check"
    from cameo_tools.build import build

    build(settings, built)
    expected = {
        "site/" + p.relative_to(built).as_posix()
        for p in built.rglob("*")
        if p.is_file()
    }
    assert set(stored) == expected
    assert uploads(report) == len(expected)
    home = stored["site/index.html"]
    assert home["ContentType"] == "text/html; charset=utf-8"
    assert home["CacheControl"] == "public, max-age=300, must-revalidate"
    assert stored["site/theme/css/base.css"]["ContentType"] == "text/css; charset=utf-8"
    assert stored["site/theme/css/base.css"]["CacheControl"] == "public, max-age=86400"
    assert stored["site/images/avatar.png"]["ContentType"] == "image/png"
    body = seaweedfs.client.get_object(Bucket=s3_bucket, Key="site/index.html")["Body"]
    assert body.read() == (built / "index.html").read_bytes()


def test_republish_with_nothing_changed_uploads_nothing(s3_bucket, tmp_path):
    settings = make_site(tmp_path, s3_bucket)
    publish(settings)
    report = publish(settings)  # a full rebuild, into a fresh folder
    assert uploads(report) == 0
    assert "0 to delete" in report


def test_one_changed_file_uploads_one(s3_bucket, seaweedfs, tmp_path):
    settings = make_site(tmp_path, s3_bucket)
    publish(settings)
    (tmp_path / "content" / "notes.md").write_text(
        "---\ntitle: Notes\n---\nNew words.\n"
    )
    report = publish(settings, dry_run=True)
    assert "upload site/notes/index.html  (changed)" in report
    assert uploads(publish(settings)) == 1
    body = seaweedfs.client.get_object(Bucket=s3_bucket, Key="site/notes/index.html")
    assert b"New words." in body["Body"].read()


def test_removed_file_is_deleted_and_nothing_outside_the_prefix(
    s3_bucket, seaweedfs, tmp_path
):
    seaweedfs.client.put_object(Bucket=s3_bucket, Key="other/keep.txt", Body=b"mine")
    seaweedfs.client.put_object(Bucket=s3_bucket, Key="sitemap-not-ours.xml", Body=b"x")
    settings = make_site(tmp_path, s3_bucket)
    publish(settings)
    cards = {key for key in objects(seaweedfs.client, s3_bucket) if "/cards/" in key}
    (tmp_path / "content" / "old.md").unlink()
    report = publish(settings)
    assert "2 to delete" in report  # the page and its social card
    stored = objects(seaweedfs.client, s3_bucket)
    assert "site/old/index.html" not in stored
    assert (
        len(cards - set(stored)) == 1 and {k for k in stored if "/cards/" in k} < cards
    )
    assert "other/keep.txt" in stored and "sitemap-not-ours.xml" in stored


def test_more_deletions_than_allowed_are_refused(s3_bucket, seaweedfs, tmp_path):
    for number in range(5):
        seaweedfs.client.put_object(
            Bucket=s3_bucket, Key=f"site/stale{number}.html", Body=b"x"
        )
    settings = make_site(tmp_path, s3_bucket, max_deletes=3)
    with pytest.raises(PublishError, match="5 objects would be deleted, more than"):
        publish(settings)
    assert len(objects(seaweedfs.client, s3_bucket)) == 5  # nothing uploaded either
    report = publish(settings, {"force": True})
    assert "5 to delete" in report


def test_failed_build_uploads_nothing(s3_bucket, seaweedfs, tmp_path):
    settings = make_site(tmp_path, s3_bucket)
    (tmp_path / "content" / "bad.md").write_text("---\ntitle: [oops\n---\n")
    with pytest.raises(PublishError, match="nothing was published"):
        publish(settings)
    assert objects(seaweedfs.client, s3_bucket) == {}


def test_dry_run_changes_nothing(s3_bucket, seaweedfs, tmp_path):
    settings = make_site(tmp_path, s3_bucket)
    report = publish(settings, dry_run=True)
    assert report.startswith("Dry run, nothing changed.")
    assert "upload site/index.html  (new)" in report
    assert objects(seaweedfs.client, s3_bucket) == {}


def test_object_with_a_multipart_etag_is_compared_by_its_stored_md5(
    s3_bucket, seaweedfs, tmp_path
):
    settings = make_site(tmp_path, s3_bucket)
    # S3 parts are at least 5 MiB, so the file needs two parts' worth.
    (tmp_path / "content" / "images" / "big.png").write_bytes(
        bytes(range(256)) * 24_000
    )
    publish(settings)
    # Re-upload that file in two parts: its ETag is no longer an MD5.
    key = "site/images/big.png"
    data = seaweedfs.client.get_object(Bucket=s3_bucket, Key=key)["Body"].read()
    md5 = seaweedfs.client.head_object(Bucket=s3_bucket, Key=key)["Metadata"]["md5"]
    upload = seaweedfs.client.create_multipart_upload(
        Bucket=s3_bucket, Key=key, ContentType="image/png", Metadata={"md5": md5}
    )
    parts = []
    half = 5 * 1024 * 1024
    for number, chunk in enumerate((data[:half], data[half:]), start=1):
        part = seaweedfs.client.upload_part(
            Bucket=s3_bucket,
            Key=key,
            PartNumber=number,
            UploadId=upload["UploadId"],
            Body=chunk,
        )
        parts.append({"PartNumber": number, "ETag": part["ETag"]})
    seaweedfs.client.complete_multipart_upload(
        Bucket=s3_bucket,
        Key=key,
        UploadId=upload["UploadId"],
        MultipartUpload={"Parts": parts},
    )
    assert "-" in seaweedfs.client.head_object(Bucket=s3_bucket, Key=key)["ETag"]
    report = publish(settings, dry_run=True)
    assert (
        "skip   site/images/big.png  (unchanged (MD5 matches the stored MD5))" in report
    )


def test_gzip_sets_content_encoding_and_stays_incremental(
    s3_bucket, seaweedfs, tmp_path
):
    settings = make_site(tmp_path, s3_bucket, gzip=True)
    publish(settings)
    head = seaweedfs.client.head_object(Bucket=s3_bucket, Key="site/index.html")
    assert head["ContentEncoding"] == "gzip"
    png = seaweedfs.client.head_object(Bucket=s3_bucket, Key="site/images/avatar.png")
    assert "ContentEncoding" not in png
    assert uploads(publish(settings)) == 0


def test_retries_get_through_failing_requests(
    s3_bucket, seaweedfs, tmp_path, monkeypatch
):
    proxy = FaultyProxy(seaweedfs.port)
    try:
        seen: dict[str, int] = {}

        def every_first_put_fails(method: str, path: str):
            if method != "PUT":
                return False
            seen[path] = seen.get(path, 0) + 1
            if seen[path] == 1:
                return "drop" if len(seen) % 2 else True
            return False

        proxy.should_fail = every_first_put_fails
        monkeypatch.setenv("AWS_ENDPOINT_URL", proxy.endpoint)
        settings = make_site(tmp_path, s3_bucket)
        report = publish(settings)
        failed = [r for r in proxy.requests if r[2] in (0, 503)]
        assert len(failed) == uploads(report) > 5
        monkeypatch.setenv("AWS_ENDPOINT_URL", seaweedfs.endpoint)
        assert uploads(publish(settings)) == 0  # everything arrived whole
    finally:
        proxy.stop()


def test_final_failure_leaves_the_old_pages_whole(
    s3_bucket, seaweedfs, tmp_path, monkeypatch
):
    settings = make_site(tmp_path, s3_bucket)
    publish(settings)
    old_home = seaweedfs.client.get_object(Bucket=s3_bucket, Key="site/index.html")[
        "Body"
    ].read()
    # A changed page and a removed one; every HTML upload fails for good.
    (tmp_path / "content" / "notes.md").write_text("---\ntitle: Notes\n---\nChanged.\n")
    (tmp_path / "content" / "old.md").unlink()
    proxy = FaultyProxy(seaweedfs.port)
    try:
        proxy.should_fail = lambda method, path: (
            method == "PUT" and path.split("?")[0].endswith(".html")
        )
        monkeypatch.setenv("AWS_ENDPOINT_URL", proxy.endpoint)
        with pytest.raises(
            PublishError, match="uploads failed after retries"
        ) as caught:
            publish(settings, {"retries": 2})
        assert "site/notes/index.html" in str(caught.value)
    finally:
        proxy.stop()
    stored = objects(seaweedfs.client, s3_bucket)
    # Nothing was deleted, and the pages online are the old ones, whole.
    assert "site/old/index.html" in stored
    home = seaweedfs.client.get_object(Bucket=s3_bucket, Key="site/index.html")[
        "Body"
    ].read()
    assert home == old_home
    for sheet in ("base", "profile", "code"):
        assert f"site/theme/css/{sheet}.css" in stored


def _publish_task(settings: Path, *flags: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "invoke",
            "publish",
            "--settings",
            str(settings),
            *flags,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_publish_task_never_prints_the_credentials(s3_bucket, tmp_path):
    settings = make_site(tmp_path, s3_bucket)
    run = _publish_task(settings, "--dry-run")
    assert run.returncode == 0, run.stderr
    assert "Dry run, nothing changed" in run.stdout
    assert SECRET_KEY not in run.stdout + run.stderr
    assert os.environ["AWS_ACCESS_KEY_ID"] not in run.stdout + run.stderr
    bad = _publish_task(settings, "--bucket", "no-such-bucket-here")
    assert bad.returncode == 1
    assert "cannot list s3://no-such-bucket-here/" in bad.stderr
    assert SECRET_KEY not in bad.stdout + bad.stderr


def test_cloudfront_invalidates_what_changed(s3_bucket, tmp_path, monkeypatch):
    """CloudFront's API served by moto on 127.0.0.1 (the one part here that is
    an emulator: CloudFront itself cannot run on this machine)."""
    import boto3
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        monkeypatch.setenv("AWS_ENDPOINT_URL_CLOUDFRONT", f"http://{host}:{port}")
        cloudfront = boto3.client("cloudfront")
        origin = {
            "Id": "site",
            "DomainName": "example.org",
            "CustomOriginConfig": {
                "HTTPPort": 80,
                "HTTPSPort": 443,
                "OriginProtocolPolicy": "http-only",
            },
        }
        distribution = cloudfront.create_distribution(
            DistributionConfig={
                "CallerReference": "test",
                "Origins": {"Quantity": 1, "Items": [origin]},
                "DefaultCacheBehavior": {
                    "TargetOriginId": "site",
                    "ViewerProtocolPolicy": "allow-all",
                    "MinTTL": 0,
                    "ForwardedValues": {
                        "QueryString": False,
                        "Cookies": {"Forward": "none"},
                    },
                    "TrustedSigners": {"Enabled": False, "Quantity": 0},
                },
                "Comment": "",
                "Enabled": True,
            }
        )["Distribution"]["Id"]
        settings = make_site(tmp_path, s3_bucket, cloudfront_distribution=distribution)
        publish(settings)
        (tmp_path / "content" / "notes.md").write_text(
            "---\ntitle: Notes\n---\nMore.\n"
        )
        publish(settings)
        publish(settings)  # nothing changed: no invalidation
        listed = cloudfront.list_invalidations(DistributionId=distribution)
        ids = [item["Id"] for item in listed["InvalidationList"]["Items"]]
        assert len(ids) == 2
        batches = [
            cloudfront.get_invalidation(DistributionId=distribution, Id=id_)[
                "Invalidation"
            ]["InvalidationBatch"]["Paths"]["Items"]
            for id_ in ids
        ]
        assert ["/notes/", "/notes/index.html"] in batches
    finally:
        server.stop()


def test_flags_override_the_settings(s3_bucket, seaweedfs, tmp_path):
    from cameo_tools.publish import parse_rules

    settings = make_site(tmp_path, s3_bucket)
    rules = parse_rules("*.css=no-store;*=public, max-age=60")
    publish(settings, {"cache_control": rules, "workers": 2, "prefix": "other"})
    css = seaweedfs.client.head_object(Bucket=s3_bucket, Key="other/theme/css/base.css")
    assert css["CacheControl"] == "no-store"
    html = seaweedfs.client.head_object(Bucket=s3_bucket, Key="other/index.html")
    assert html["CacheControl"] == "public, max-age=60"
    with pytest.raises(PublishError, match="is not PATTERN=VALUE"):
        parse_rules("no equals sign")


def phase_lines(text: str, name: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(name + ": ")]


def test_publish_shows_each_phase_in_plain_lines(s3_bucket, tmp_path):
    from cameo_tools.progress import Progress

    settings = make_site(tmp_path, s3_bucket)
    write_tree(
        tmp_path / "content",
        {
            **{f"images/many/file{n}.txt": f"file {n}\n" * 20 for n in range(250)},
            **{f"page{n}.md": f"---\ntitle: Page {n}\n---\nText.\n" for n in range(60)},
        },
    )
    stream = io.StringIO()  # not a terminal: plain lines
    report = publish(settings, progress=Progress(stream, every=0))
    counts = re.search(r"(\d+) to upload \((\d+) assets, (\d+) HTML\)", report)
    assets, html = int(counts[2]), int(counts[3])
    assert assets > 250 and html > 60
    text = stream.getvalue()
    assert text.splitlines()[0].startswith("upload assets: 0/")
    for name, total in (("upload assets", assets), ("upload HTML", html)):
        lines = phase_lines(text, name)
        first = re.fullmatch(rf"{name}: 0/{total} files, 0 B/(.+) \(0%\)", lines[0])
        assert first, lines[0]
        final = rf"{name}: {total}/{total} files, (.+)/(.+) \(100%\), done in .* s"
        last = re.fullmatch(final, lines[-1])
        assert last and last[1] == last[2] == first[1], lines[-1]
        done = [int(line.split(": ")[1].split("/")[0]) for line in lines]
        assert done == sorted(done)
        assert len(lines) <= 13  # a line every 10 % at most (here every=0 s)
    # Assets first, then HTML.
    assert text.index("upload assets: 0/") < text.index("upload HTML: 0/")
    assert "delete: " not in text  # nothing to delete: no phase

    for n in range(100):
        (tmp_path / "content" / "images" / "many" / f"file{n}.txt").unlink()
    stream = io.StringIO()
    report = publish(settings, progress=Progress(stream, every=0))
    assert "100 to delete" in report
    lines = phase_lines(stream.getvalue(), "delete")
    assert lines[0] == "delete: 0/100 objects (0%)"
    assert re.fullmatch(r"delete: 100/100 objects \(100%\), done in .* s", lines[-1])
    if "0 to upload" in report:
        assert "upload assets: " not in stream.getvalue()  # no phase without work
