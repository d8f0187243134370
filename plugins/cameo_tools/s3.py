"""Publish a built site to an S3 bucket (or any S3-compatible store).

Only what changed is uploaded: each local file's MD5 is compared with the
object's ETag, or, where the ETag is not an MD5 (multipart uploads, some
stores), with the MD5 this publisher stored in the object's metadata. Assets go
first, then HTML, then deletions, so a visitor never gets a page whose assets
are missing, and a failed run leaves every page whole. Retries with backoff
are botocore's own ("standard" mode), bounded, as are the connect and read
timeouts; every failure of a request ends in one PublishError line.
"""

from __future__ import annotations

import fnmatch
import gzip
import hashlib
import logging
import mimetypes
import os
import re
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import targets
from .errors import PublishError, import_extra
from .progress import Phase, Progress

logger = logging.getLogger(__name__)

MD5_METADATA = "md5"  # x-amz-meta-md5: the MD5 of the body as uploaded
_PLAIN_MD5 = re.compile(r"^[0-9a-f]{32}$")
_FINGERPRINT = re.compile(r"\.[0-9a-f]{8,}\.[A-Za-z0-9]+$")
_TEXT_TYPES = {
    "application/javascript",
    "application/json",
    "application/xml",
    "application/atom+xml",
    "application/rss+xml",
    "image/svg+xml",
}

# Every S3 option, with its default; CAMEO_PUBLISH["s3"] and --flags set them.
DEFAULT_S3_OPTIONS: dict[str, Any] = {
    "bucket": None,
    "prefix": "",
    "region": None,
    "max_deletes": 256,
    "force": False,
    "gzip": False,  # gzip text files and send Content-Encoding: gzip
    "gzip_types": ["text/*", *sorted(_TEXT_TYPES)],
    "workers": 8,
    "retries": 5,  # attempts per request, with backoff (botocore "standard")
    "connect_timeout": 10,  # seconds to wait for a connection to the store
    "read_timeout": 60,  # seconds to wait for an answer to a request
    "cloudfront_distribution": None,  # invalidate changed paths when set
    # First matching pattern (on the path inside the site) wins.
    "cache_control": [
        ["*.html", "public, max-age=300, must-revalidate"],
        ["fingerprinted", "public, max-age=31536000, immutable"],
        ["*", "public, max-age=86400"],
    ],
}


@dataclass
class LocalFile:
    key: str
    path: Path
    body: bytes
    md5: str
    content_type: str
    cache_control: str
    content_encoding: str | None = None

    @property
    def is_html(self) -> bool:
        return self.content_type.startswith("text/html")


@dataclass
class Step:
    action: str  # upload, skip or delete
    key: str
    reason: str
    file: LocalFile | None = None


@dataclass
class Plan:
    assets: list[Step] = field(default_factory=list)
    html: list[Step] = field(default_factory=list)
    deletes: list[Step] = field(default_factory=list)
    skips: list[Step] = field(default_factory=list)

    @property
    def steps(self) -> list[Step]:
        return [*self.assets, *self.html, *self.deletes, *self.skips]

    def summary(self) -> str:
        uploads = len(self.assets) + len(self.html)
        return (
            f"{uploads} to upload ({len(self.assets)} assets, {len(self.html)} HTML), "
            f"{len(self.deletes)} to delete, {len(self.skips)} unchanged"
        )


def content_type(key: str) -> str:
    guessed, _ = mimetypes.guess_type(key)
    kind = guessed or "application/octet-stream"
    if kind.startswith("text/") or kind in _TEXT_TYPES:
        return f"{kind}; charset=utf-8"
    return kind


def cache_control(path: str, rules: Iterable[Iterable[str]]) -> str:
    for pattern, value in rules:
        if pattern == "fingerprinted":
            if _FINGERPRINT.search(path):
                return value
        elif fnmatch.fnmatchcase(path, pattern):
            return value
    return ""


def scan(output: Path, options: dict[str, Any]) -> dict[str, LocalFile]:
    """Every file of the built site, keyed by its object key."""
    prefix = key_prefix(options["prefix"])
    files = {}
    for path in sorted(p for p in output.rglob("*") if p.is_file()):
        relative = path.relative_to(output).as_posix()
        kind = content_type(relative)
        body = path.read_bytes()
        encoding = None
        if options["gzip"] and _matches_any(kind.split(";")[0], options["gzip_types"]):
            body = gzip.compress(body, compresslevel=9, mtime=0)  # same bytes each run
            encoding = "gzip"
        files[prefix + relative] = LocalFile(
            key=prefix + relative,
            path=path,
            body=body,
            md5=hashlib.md5(body).hexdigest(),
            content_type=kind,
            cache_control=cache_control(relative, options["cache_control"]),
            content_encoding=encoding,
        )
    return files


def remote_objects(client, bucket: str, prefix: str) -> dict[str, str]:
    """Object key -> ETag (without quotes), for every object under the prefix."""
    objects = {}
    paginator = client.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=bucket, Prefix=key_prefix(prefix)):
        for item in page.get("Contents", []):
            objects[item["Key"]] = item["ETag"].strip('"')
    return objects


def make_plan(
    local: dict[str, LocalFile],
    remote: dict[str, str],
    stored_md5: Callable[[str], str | None],
    options: dict[str, Any],
) -> Plan:
    """What to upload, delete and skip, each with its reason."""
    plan = Plan()
    for key, file in local.items():
        etag = remote.get(key)
        if etag is None:
            step = Step("upload", key, "new", file)
        elif _PLAIN_MD5.match(etag) and etag == file.md5:
            step = Step("skip", key, "unchanged (MD5 matches the ETag)", file)
        elif not _PLAIN_MD5.match(etag) and stored_md5(key) == file.md5:
            step = Step("skip", key, "unchanged (MD5 matches the stored MD5)", file)
        else:
            step = Step("upload", key, "changed", file)
        if step.action == "skip":
            plan.skips.append(step)
        elif file.is_html:
            plan.html.append(step)
        else:
            plan.assets.append(step)
    prefix = key_prefix(options["prefix"])
    for key in sorted(set(remote) - set(local)):
        if key.startswith(prefix):  # never anything outside the prefix
            plan.deletes.append(Step("delete", key, "gone from the built site"))
    if len(plan.deletes) > options["max_deletes"] and not options["force"]:
        raise PublishError(
            f"{len(plan.deletes)} objects would be deleted, more than max_deletes "
            f"({options['max_deletes']}); check --bucket and --prefix, then run "
            "again with --force (or a higher --max-deletes) if that is right"
        )
    return plan


def make_client(options: dict[str, Any], service: str = "s3"):
    """A boto3 client from the standard credential chain; AWS_ENDPOINT_URL
    points it at an S3-compatible store."""
    boto3 = import_extra("boto3", "s3", "publishing to S3", PublishError)
    from botocore.config import Config
    from botocore.exceptions import BotoCoreError

    config = Config(
        retries={"total_max_attempts": options["retries"], "mode": "standard"},
        connect_timeout=options["connect_timeout"],
        read_timeout=options["read_timeout"],
        max_pool_connections=max(10, options["workers"]),
    )
    try:
        return boto3.client(service, region_name=options["region"], config=config)
    except (BotoCoreError, ValueError) as error:
        raise PublishError(_client_problem(error)) from None


def _client_problem(error: Exception) -> str:
    """Why no client could be made (a bad profile or endpoint), as one line."""
    from botocore.exceptions import ProfileNotFound

    if isinstance(error, ProfileNotFound):
        profile = error.kwargs.get("profile", "")
        return (
            f"the AWS profile {profile!r} (AWS_PROFILE) is not in the AWS "
            "configuration (~/.aws/config, ~/.aws/credentials); set AWS_PROFILE "
            "to a profile there, or unset it"
        )
    text = _reason(error)
    if text.startswith("Invalid endpoint"):
        names = [
            name
            for name in ("AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL")
            if os.environ.get(name)
        ]
        where = names[0] if names else "the endpoint_url in the AWS configuration"
        return (
            f"{where} is not a URL ({text}); set it to the store's address, "
            "e.g. http://127.0.0.1:8333, or unset it to use AWS"
        )
    return f"cannot set up the AWS client: {text}; check the AWS configuration"


def publish(
    output: Path,
    options: dict[str, Any],
    dry_run: bool = False,
    progress: Progress | None = None,
) -> Plan:
    """Bring the bucket in line with ``output``. Returns the plan it carried out;
    ``progress`` shows each phase (assets, HTML, deletions, CloudFront)."""
    progress = progress or Progress(None)
    if not options["bucket"]:
        raise PublishError(
            "no bucket: set CAMEO_PUBLISH['s3']['bucket'] in publishconf.py "
            "or pass --bucket"
        )
    client = make_client(options)
    bucket = options["bucket"]
    where = f"s3://{bucket}/{key_prefix(options['prefix'])}"
    try:
        remote = remote_objects(client, bucket, options["prefix"])
    except Exception as error:  # botocore raises many kinds; all stop here
        raise PublishError(
            f"cannot list s3://{bucket}/: {_reason(error, options)}"
        ) from None

    def stored_md5(key: str) -> str | None:
        try:
            head = client.head_object(Bucket=bucket, Key=key)
        except Exception as error:  # noqa: BLE001 - one line for any failure
            raise PublishError(
                f"cannot read s3://{bucket}/{key}: {_reason(error, options)}"
            ) from None
        return head.get("Metadata", {}).get(MD5_METADATA)

    plan = make_plan(scan(output, options), remote, stored_md5, options)
    if dry_run:
        return plan
    for name, group in (("upload assets", plan.assets), ("upload HTML", plan.html)):
        if not group:
            continue
        sizes = sum(len(step.file.body) for step in group)
        with progress.phase(name, len(group), sizes) as phase:
            _run_parallel(
                group, lambda step: _upload(client, bucket, step.file), options, phase
            )
    try:
        if plan.deletes:
            keys = [step.key for step in plan.deletes]
            with progress.phase("delete", len(keys), unit="objects") as phase:
                _delete(client, bucket, keys, phase)
    except Exception as error:  # noqa: BLE001 - one line for any failure
        count = len(plan.deletes)
        raise PublishError(
            f"cannot delete {count} old object{'s' if count != 1 else ''} from "
            f"{where} (the new pages are online, the old objects are still "
            f"there): {_reason(error, options)}"
        ) from None
    if options["cloudfront_distribution"] and (
        plan.assets or plan.html or plan.deletes
    ):
        distribution = options["cloudfront_distribution"]
        paths = invalidation_paths(plan, options["prefix"])
        try:
            with progress.step(
                "CloudFront",
                f"invalidation of {len(paths)} paths in distribution {distribution}",
            ):
                invalidate(options, paths)
        except PublishError:
            raise
        except Exception as error:  # noqa: BLE001 - one line for any failure
            raise PublishError(
                f"the site is published, but invalidating CloudFront distribution "
                f"{distribution} failed: {_reason(error, options)}; check the "
                "distribution id, or invalidate the changed paths by hand"
            ) from None
    return plan


def _upload(client, bucket: str, file: LocalFile) -> None:
    extra: dict[str, Any] = {
        "ContentType": file.content_type,
        "Metadata": {MD5_METADATA: file.md5},
    }
    if file.cache_control:
        extra["CacheControl"] = file.cache_control
    if file.content_encoding:
        extra["ContentEncoding"] = file.content_encoding
    client.put_object(Bucket=bucket, Key=file.key, Body=file.body, **extra)


def _run_parallel(
    steps: list[Step], work: Callable[[Step], None], options, phase: Phase
) -> None:
    failures: dict[str, list[str]] = {}  # reason -> keys
    with ThreadPoolExecutor(max_workers=options["workers"]) as pool:
        futures = {pool.submit(work, step): step for step in steps}
        for future in as_completed(futures):
            step = futures[future]
            try:
                future.result()
            except Exception as error:  # noqa: BLE001 - collected and reported
                reason = _reason(error, options)
                failures.setdefault(reason, []).append(step.key)
            else:
                phase.advance(1, len(step.file.body))
    if failures:
        failed = sum(len(keys) for keys in failures.values())
        details = "; ".join(
            f"{', '.join(sorted(keys))}: {reason}"
            for reason, keys in sorted(failures.items())
        )
        raise PublishError(
            f"{failed} of {len(steps)} uploads failed after retries ({details}); "
            "the pages already online were left whole (new assets go up before "
            "HTML, deletions come last); run publish again"
        )


def _delete(client, bucket: str, keys: list[str], phase: Phase) -> None:
    for start in range(0, len(keys), 1000):
        batch = [{"Key": key} for key in keys[start : start + 1000]]
        answer = client.delete_objects(
            Bucket=bucket, Delete={"Objects": batch, "Quiet": True}
        )
        errors = answer.get("Errors", [])
        if errors:
            raise PublishError(
                f"{len(errors)} deletions failed: "
                + ", ".join(f"{e['Key']} ({e.get('Message', '')})" for e in errors)
            )
        phase.advance(len(batch))


def invalidation_paths(plan: Plan, prefix: str) -> list[str]:
    """CloudFront paths for what changed: each key, and a page's folder URL."""
    strip = key_prefix(prefix)
    paths = set()
    for step in [*plan.assets, *plan.html, *plan.deletes]:
        path = "/" + step.key.removeprefix(strip)
        paths.add(path)
        if path.endswith("/index.html"):
            paths.add(path.removesuffix("index.html"))
    return sorted(paths)


def invalidate(options: dict[str, Any], paths: list[str]) -> None:
    import time

    client = make_client(options, "cloudfront")
    client.create_invalidation(
        DistributionId=options["cloudfront_distribution"],
        InvalidationBatch={
            "Paths": {"Quantity": len(paths), "Items": paths},
            "CallerReference": f"pelican-cameo-{time.time_ns()}",
        },
    )


def key_prefix(prefix: str | None) -> str:
    """The keys' common start: ``prefix`` with one slash after it, or nothing."""
    prefix = (prefix or "").strip("/")
    return f"{prefix}/" if prefix else ""


def _matches_any(kind: str, patterns: Iterable[str]) -> bool:
    return any(fnmatch.fnmatchcase(kind, pattern) for pattern in patterns)


def _reason(error: Exception, options: dict[str, Any] | None = None) -> str:
    """What went wrong with a request, and what to try, on one line and
    without credentials (botocore never includes the secret key, but a signed
    URL may carry the access key id)."""
    from botocore.exceptions import (
        ClientError,
        ConnectTimeoutError,
        EndpointConnectionError,
        NoCredentialsError,
        ReadTimeoutError,
    )

    options = options or DEFAULT_S3_OPTIONS
    attempts = options["retries"]
    address = _address(getattr(error, "kwargs", {}).get("endpoint_url"))
    if isinstance(error, ReadTimeoutError):
        text = (
            f"no answer from {address} within {options['read_timeout']} s "
            f"(read timeout), {attempts} attempts; check that the store is up "
            "and AWS_ENDPOINT_URL is right, or raise --read-timeout"
        )
    elif isinstance(error, ConnectTimeoutError):
        text = (
            f"no connection to {address} within {options['connect_timeout']} s "
            f"(connect timeout), {attempts} attempts; check the network and "
            "AWS_ENDPOINT_URL, or raise --connect-timeout"
        )
    elif isinstance(error, EndpointConnectionError):
        text = (
            f"cannot connect to {address}, {attempts} attempts; check that the "
            "store is up and AWS_ENDPOINT_URL is right"
        )
    elif isinstance(error, NoCredentialsError):
        text = (
            "no AWS credentials found; set AWS_ACCESS_KEY_ID and "
            "AWS_SECRET_ACCESS_KEY, or AWS_PROFILE"
        )
    elif isinstance(error, ClientError):
        details = error.response.get("Error", {})
        code = details.get("Code") or "error"
        status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        message = details.get("Message") or ""
        text = f"{code} (HTTP {status})" + (f": {message}" if message else "")
        if status and status >= 500 or code in ("SlowDown", "Throttling"):
            text += (
                f", {attempts} attempts; the store is failing or busy, "
                "run publish again later (or raise --retries)"
            )
        elif code == "NoSuchBucket":
            text += "; check --bucket"
        elif status == 403:
            text += "; check the credentials and what they may do"
    else:
        text = " ".join(str(error).split())
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        secret = os.environ.get(name)
        if secret:
            text = text.replace(secret, "***")
    return text


def _address(url: str | None) -> str:
    """The scheme and host of a request's URL: where the store is."""
    if not url:
        return "the endpoint"
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else url


# --- the target `invoke publish` deploys through (targets.py) ---------------


def _rules(value: Any) -> bool:
    """Cache-Control rules: [pattern, value] pairs."""
    return isinstance(value, (list, tuple)) and all(
        isinstance(rule, (list, tuple))
        and len(rule) == 2
        and targets.text(rule[0])
        and isinstance(rule[1], str)
        for rule in value
    )


def deploy(
    site: Path,
    options: dict[str, Any],
    repo: Path,
    dry_run: bool,
    progress: Progress,
) -> targets.Report:
    """Publish ``site`` to the bucket; the report lists the plan of a dry run."""
    plan = publish(site, options, dry_run, progress)
    where = f"s3://{options['bucket']}/{key_prefix(options['prefix'])}"
    if not dry_run:
        return targets.Report(
            f"Published to {where}: {plan.summary()}", bool(plan.steps)
        )
    lines = [f"Dry run, nothing changed. Plan for {where}:"]
    lines += [f"  {step.action:<6} {step.key}  ({step.reason})" for step in plan.steps]
    lines.append(f"Would: {plan.summary()}")
    return targets.Report("\n".join(lines), False)


TARGET = targets.Target(
    name="s3",
    needs=("boto3", "s3", "publishing to S3"),
    defaults=DEFAULT_S3_OPTIONS,
    checks={
        "bucket": (targets.text_or_none, "a bucket's name in quotes, e.g. 'my-site'"),
        "prefix": (
            targets.str_or_none,
            "a folder in quotes, e.g. 'site' ('' for the bucket's root)",
        ),
        "region": (
            targets.text_or_none,
            "a region in quotes, e.g. 'eu-west-1', or None",
        ),
        "force": (targets.yes_or_no, "True or False"),
        "gzip": (targets.yes_or_no, "True or False"),
        "gzip_types": (
            targets.texts,
            "a list of media types, e.g. ['text/*', 'image/svg+xml']",
        ),
        "cloudfront_distribution": (
            targets.text_or_none,
            "a distribution id in quotes, e.g. 'E2ABC123', or None",
        ),
        "cache_control": (
            _rules,
            "a list of [pattern, Cache-Control] pairs, e.g. "
            "[['*.html', 'no-cache'], ['*', 'public, max-age=3600']]",
        ),
    },
    numbers={
        "max_deletes": (True, 0, None),
        "workers": (True, 1, 64),
        "retries": (True, 1, 10),
        "connect_timeout": (False, 0.1, 600),
        "read_timeout": (False, 0.1, 600),
    },
    example="{'bucket': 'my-site'}",
    deploy=deploy,
    flags={"cloudfront_distribution": "--cloudfront"},
    flag_wanted={"gzip_types": "media types and commas, e.g. 'text/*,image/svg+xml'"},
)
