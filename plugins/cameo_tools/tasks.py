"""invoke tasks for a Pelican site: build, serve, live reload, publish.

Another site reuses them with one line in its tasks.py::

    from cameo_tools.tasks import *  # noqa: F403

Paths are relative to the folder invoke runs in (the site's own folder).
Each task parses its options and calls the library beside this module.
"""

import contextlib
import time
from pathlib import Path

from .errors import BuildError, missing_extra

try:
    from invoke import Exit, task
except ImportError:
    message = missing_extra("invoke", "tasks", "pelican-cameo's tasks")
    raise ImportError(message) from None

from . import build as builder
from . import incremental
from . import publish as publishing
from . import serve as server

__all__ = ["build", "clean", "livereload", "preview", "publish", "rebuild", "serve"]

SETTINGS = "pelicanconf.py"
PUBLISH_SETTINGS = "publishconf.py"
OUTPUT = "output"

HOST_HELP = "address to listen on (default 127.0.0.1, this machine only)"
PORT_HELP = "port to listen on (default 8000)"


@contextlib.contextmanager
def _one_line():
    """A BuildError as the task's one line and exit status 1."""
    try:
        yield
    except BuildError as error:
        raise Exit(f"Error: {error.summary}", code=1) from None


def _build(settings, output, overrides=None, background=False):
    builder.configure_logging()
    with _one_line():
        try:
            result = builder.build(
                settings, output, overrides, remove_old_in_background=background
            )
        except KeyboardInterrupt:  # Ctrl-C before build() took the signals over
            raise Exit(INTERRUPTED, code=1) from None
    _report(result)
    return result


INTERRUPTED = "Error: interrupted (SIGINT) before the build began; nothing was changed"


def _clean(output, settings):
    with _one_line():
        return builder.clean(output, settings)


def _report(result) -> None:
    changed = "" if result.changed is None else f" ({result.changed} changed)"
    print(
        f"Built {result.files} files{changed} into {result.output} "
        f"in {result.seconds:.2f} s",
        flush=True,
    )


def _live_build(live, settings, output, changed):
    """Live reload's build: the quick path for an edit it allows, else a
    whole build (cameo_tools.incremental), with the same settings as
    `invoke build`, so that output/ is never a lesser site."""
    builder.configure_logging()
    started = time.perf_counter()
    result = live.build(settings, output, None, changed, True)
    if isinstance(result, int):  # the quick path: files written
        seconds = time.perf_counter() - started
        print(
            f"Built {result} changed file{'s' if result > 1 else ''} of the edit "
            f"into {output} in {seconds:.2f} s",
            flush=True,
        )
    else:
        _report(result)


@task(
    help={
        "settings": "settings file (default pelicanconf.py)",
        "output": "output folder (default output/)",
    }
)
def build(c, settings=str(SETTINGS), output=str(OUTPUT)):
    """Build the site into output/; a failed build leaves output/ as it was."""
    _build(settings, output)


@task(
    help={
        "output": "output folder (default output/)",
        "settings": "settings file (default pelicanconf.py): what is not output",
    }
)
def clean(c, output=str(OUTPUT), settings=str(SETTINGS)):
    """Remove output/ and any unfinished build folders beside it."""
    for path in _clean(output, settings):
        print(f"Removed {path}")


@task(
    help={
        "settings": "settings file (default pelicanconf.py)",
        "output": "output folder (default output/)",
    }
)
def rebuild(c, settings=str(SETTINGS), output=str(OUTPUT)):
    """Remove output/ and build the site from scratch."""
    _clean(output, settings)
    _build(settings, output)


@task(help={"output": "output folder (default output/)"})
def preview(c, output=str(OUTPUT)):
    """Build with publishconf.py, the settings of the published site."""
    _build(PUBLISH_SETTINGS, output)


@task(
    help={
        "host": HOST_HELP,
        "port": PORT_HELP,
        "output": "folder to serve (default output/)",
    }
)
def serve(
    c, host=server.DEFAULT_HOST, port=str(server.DEFAULT_PORT), output=str(OUTPUT)
):
    """Serve output/ at http://127.0.0.1:8000/ (run `invoke build` first)."""
    if not Path(output).is_dir():
        raise Exit(f"Error: {output} does not exist; run `invoke build` first", code=1)
    try:
        server.serve(output, host, server.parse_port(port))
    except server.ServeError as error:
        raise Exit(f"Error: {error}", code=1) from None


@task(
    help={
        "host": HOST_HELP,
        "port": PORT_HELP,
        "settings": "settings file (default pelicanconf.py)",
        "output": "output folder (default output/)",
    }
)
def livereload(
    c,
    host=server.DEFAULT_HOST,
    port=str(server.DEFAULT_PORT),  # text: checked here, not by invoke
    settings=str(SETTINGS),
    output=str(OUTPUT),
):
    """Build, serve, and rebuild and refresh the browser on every edit."""
    try:
        port = server.parse_port(port)
        server.check_port(host, port)  # before the build, not after it
    except server.ServeError as error:
        raise Exit(f"Error: {error}", code=1) from None
    live = incremental.LiveSite()
    with _one_line():
        _live_build(live, settings, output, ())

    build_errors = server.BuildErrors()  # drawn over the open pages
    changes = server.ChangedFiles()  # what the file events named

    def rebuild_after_edit():  # its errors go to build_errors (serve.py)
        _live_build(live, settings, output, changes.take())

    watched = builder.watched_paths(settings)
    print("Watching " + ", ".join(str(path) for path in watched), flush=True)
    try:
        server.livereload(
            output,
            watched,
            rebuild_after_edit,
            host,
            port,
            build_errors,
            changes,
            ignore=builder.unwatched(settings, output),
        )
    except server.ServeError as error:
        raise Exit(f"Error: {error}", code=1) from None


@task(
    help={
        "target": "s3 or pages (default: CAMEO_PUBLISH['target'] in publishconf.py)",
        "dry-run": "print what would be uploaded, deleted and skipped; change nothing",
        "bucket": "S3 bucket",
        "prefix": "folder inside the bucket (default: the bucket's root)",
        "region": "S3 region (default: from the AWS configuration)",
        "max-deletes": "refuse to delete more objects than this (default 256)",
        "force": "delete even more than --max-deletes objects",
        "gzip": "gzip text files (Content-Encoding: gzip)",
        "cloudfront": "CloudFront distribution id: invalidate what changed",
        "remote": "git remote for GitHub Pages (default origin)",
        "branch": "branch for GitHub Pages (default gh-pages)",
        "cname": "custom domain written to CNAME on every Pages publish",
        "force-branch": "publish to Pages even on a branch that holds the site's "
        "source (checked out, rebased, the remote's default, or sharing history "
        "with HEAD)",
        "workers": "S3 uploads in parallel, 1 to 64 (default 8)",
        "retries": "S3 attempts per request, with backoff, 1 to 10 (default 5)",
        "connect-timeout": "seconds to wait for a connection to S3 (default 10)",
        "read-timeout": "seconds to wait for each answer from S3 (default 60)",
        "cache-control": "S3 Cache-Control rules, 'PATTERN=VALUE;PATTERN=VALUE'",
        "gzip-types": "media types --gzip applies to, 'text/*,image/svg+xml'",
        "committer-name": "Pages committer name where git has none",
        "committer-email": "Pages committer e-mail where git has none",
        "settings": "settings file (default publishconf.py); its folder is the "
        "git repository Pages publishes from",
    }
)
def publish(
    c,
    target=None,
    dry_run=False,
    bucket=None,
    prefix=None,
    region=None,
    max_deletes=None,
    force=False,
    gzip=False,
    cloudfront=None,
    remote=None,
    branch=None,
    cname=None,
    workers=None,
    retries=None,
    cache_control=None,
    gzip_types=None,
    committer_name=None,
    committer_email=None,
    settings=str(PUBLISH_SETTINGS),
    # Newer options last: invoke gives short flags in this order, and the
    # older options keep theirs.
    force_branch=False,
    connect_timeout=None,
    read_timeout=None,
):
    """Build with publishconf.py into a fresh folder, then deploy (S3 or Pages)."""
    # Numbers stay text here: publish_options checks them, naming the flag.
    flags = {
        "target": target,
        "bucket": bucket,
        "prefix": prefix,
        "region": region,
        "max_deletes": max_deletes,
        "force": force or None,  # a flag only turns these on
        "gzip": gzip or None,
        "cloudfront_distribution": cloudfront,
        "remote": remote,
        "branch": branch,
        "cname": cname,
        "force_branch": force_branch or None,
        "workers": workers,
        "retries": retries,
        "connect_timeout": connect_timeout,
        "read_timeout": read_timeout,
        "gzip_types": None if gzip_types is None else gzip_types.split(","),
        "committer_name": committer_name,
        "committer_email": committer_email,
    }
    builder.configure_logging()
    try:
        flags["cache_control"] = publishing.parse_rules(cache_control)
        report = publishing.publish(
            settings, flags, dry_run=dry_run, repo=Path(settings).resolve().parent
        )
    except publishing.PublishError as error:
        raise Exit(f"Error: {error}", code=1) from None
    print(report)
