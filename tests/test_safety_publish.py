"""Publishing and serving when something is wrong: each bad option and each
failed request ends in one line that says what to do, never a traceback;
Pages never replaces the branch the site's source lives on; and a republish
with nothing changed changes nothing. Every task runs in a new process, as a
person would run it, in the site's own folder."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cameo_tools.errors import PublishError
from cameo_tools.publish import publish

from .conftest import ROOT, commit_with_remote, free_port, git, write_tree
from .s3_server import FaultyProxy

PAGES = {
    "_index.md": (ROOT / "content" / "_index.md").read_text("utf-8"),
    "notes.md": "---\ntitle: Notes\n---\nSome notes.\n",
    "old.md": "---\ntitle: Old\n---\nAn old page.\n",
}
TASKS = "from cameo_tools.tasks import *  # noqa: F403\n"
# Credentials for a store that is not SeaweedFS (nothing ever checks them).
FAKE_AWS = {
    "AWS_ACCESS_KEY_ID": "cameo-fake-access",
    "AWS_SECRET_ACCESS_KEY": "cameo-fake-secret",
    "AWS_DEFAULT_REGION": "us-east-1",
}


def make_site(folder: Path, publishing: dict) -> Path:
    """A small site with its publishconf.py and a tasks.py that reuses ours."""
    write_tree(folder / "content", PAGES)
    (folder / "content" / "images").mkdir()
    shutil.copy(
        ROOT / "content" / "images" / "avatar.png", folder / "content" / "images"
    )
    (folder / "publishconf.py").write_text(
        "from pelicanconf import *\n"
        f"PATH = {str(folder / 'content')!r}\n"
        "SITEURL = 'https://example.org'\n"
        f"CAMEO_PUBLISH = {publishing!r}\n"
    )
    (folder / "tasks.py").write_text(TASKS)
    return folder


def invoke(
    folder: Path, *args: str, env: dict | None = None, timeout: float = 180
) -> subprocess.CompletedProcess:
    """`invoke ARGS` in ``folder``, a new process; pelicanconf.py from ROOT."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "400"}
    for name, value in (env or {}).items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environment,
    )


def error_line(run: subprocess.CompletedProcess) -> str:
    """The one line a failed task printed; no traceback, nothing else."""
    assert "Traceback" not in run.stdout + run.stderr, run.stderr
    assert run.returncode == 1, run.stdout + run.stderr
    return run.stderr.strip()


def s3_site(folder: Path, bucket: str, **s3_options) -> Path:
    return make_site(
        folder,
        {"target": "s3", "s3": {"bucket": bucket, "prefix": "site", **s3_options}},
    )


def no_aws_configuration(folder: Path) -> dict:
    """Environment that reads no ~/.aws of the person running the tests."""
    return {
        "HOME": str(folder),
        "AWS_CONFIG_FILE": str(folder / "no-aws-config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(folder / "no-aws-credentials"),
        "AWS_PROFILE": None,
        "AWS_ENDPOINT_URL_S3": None,
    }


# Options: each wrong value is one line naming the flag and what it takes.


@pytest.mark.slow
@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        (
            "--max-deletes",
            "x",
            "Error: --max-deletes must be a whole number, 0 or more, got x",
        ),
        (
            "--workers",
            "0",
            "Error: --workers must be a whole number from 1 to 64, got 0",
        ),
        (
            "--retries",
            "abc",
            "Error: --retries must be a whole number from 1 to 10, got abc",
        ),
        (
            "--connect-timeout",
            "0",
            "Error: --connect-timeout must be a number of seconds from 0.1 to 600, "
            "got 0",
        ),
        (
            "--read-timeout",
            "soon",
            "Error: --read-timeout must be a number of seconds from 0.1 to 600, "
            "got soon",
        ),
        (
            "--branch",
            "",
            "Error: --branch must be a branch name, e.g. 'gh-pages', got ''",
        ),
        (
            "--cache-control",
            "nonsense",
            "Error: --cache-control part 'nonsense' is not PATTERN=VALUE, e.g. "
            "'*.html=public, max-age=300'",
        ),
    ],
)
def test_a_wrong_publish_option_is_one_line(tmp_path, flag, value, message):
    site = s3_site(tmp_path, "any-bucket")
    run = invoke(site, "publish", flag, value, env=no_aws_configuration(tmp_path))
    assert error_line(run) == message


@pytest.mark.slow
def test_a_wrong_number_in_the_settings_is_one_line(tmp_path):
    site = s3_site(tmp_path, "any-bucket", workers=0)
    run = invoke(site, "publish", "--dry-run", env=no_aws_configuration(tmp_path))
    assert error_line(run) == (
        "Error: CAMEO_PUBLISH['s3']['workers'] in publishconf.py must be a whole "
        "number from 1 to 64, got 0"
    )
    # A flag given for that option replaces the setting, and is checked instead.
    run = invoke(site, "publish", "--workers", "65", env=no_aws_configuration(tmp_path))
    assert error_line(run) == (
        "Error: --workers must be a whole number from 1 to 64, got 65"
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (
            "CAMEO_PUBLISH = {'target': 'pages',\nX = 1\n",
            "Error: publishconf.py:4: '{' was never closed (CAMEO_PUBLISH = "
            "{'target': 'pages',); correct the Python on that line",
        ),
        (
            "X = 1\nCAMEO_PUBLISH = {'target': pages}\n",
            "Error: publishconf.py:5: NameError: name 'pages' is not defined; "
            "correct the settings there",
        ),
        (
            "CAMEO_PUBLISH = 5\n",
            "Error: CAMEO_PUBLISH in publishconf.py must be a dict, e.g. "
            "CAMEO_PUBLISH = {'target': 'pages'}, got 5",
        ),
        (
            "CAMEO_PUBLISH = {'s3': ['bucket']}\n",
            "Error: CAMEO_PUBLISH['s3'] in publishconf.py must be a dict of its "
            "options, e.g. {'bucket': 'my-site'}, got ['bucket']",
        ),
        (
            "CAMEO_PUBLISH = {'target': 'pages', 'pages': {'branch': None}}\n",
            "Error: CAMEO_PUBLISH['pages']['branch'] in publishconf.py must be a "
            "branch name in quotes, e.g. 'gh-pages', got None",
        ),
        (
            "CAMEO_PUBLISH = {'target': ['s3']}\n",
            "Error: CAMEO_PUBLISH['target'] in publishconf.py must be 's3' or "
            "'pages', got ['s3']",
        ),
        (
            "CAMEO_PUBLISH = {'target': 's3', 's3': {'gzip_types': 'text/*'}}\n",
            "Error: CAMEO_PUBLISH['s3']['gzip_types'] in publishconf.py must be a "
            "list of media types, e.g. ['text/*', 'image/svg+xml'], got 'text/*'",
        ),
        (
            "CAMEO_PUBLISH = {'target': 'pages', 'pages': {'force_branch': 'yes'}}\n",
            "Error: CAMEO_PUBLISH['pages']['force_branch'] in publishconf.py must be "
            "True or False, got 'yes'",
        ),
    ],
)
def test_wrong_publish_settings_are_one_line(tmp_path, settings, message):
    site = make_site(tmp_path, {})
    conf = site / "publishconf.py"
    conf.write_text(conf.read_text().replace("CAMEO_PUBLISH = {}\n", settings))
    run = invoke(site, "publish", "--dry-run", env=no_aws_configuration(tmp_path))
    assert error_line(run) == message


def test_an_error_in_the_settings_publishconf_imports_names_its_line(tmp_path):
    site = make_site(tmp_path, {"target": "pages"})
    (site / "pelicanconf.py").write_text("SITENAME = 'Me'\nPATH = missing\n")
    run = invoke(site, "publish", "--dry-run")
    assert error_line(run) == (
        "Error: pelicanconf.py:2: NameError: name 'missing' is not defined; "
        "correct the settings there"
    )


def test_every_publish_option_is_checked():
    from cameo_tools.publish import DEFAULT_PUBLISH, TARGETS

    for name, target in TARGETS.items():
        for key, default in DEFAULT_PUBLISH[name].items():
            # each option has a check, and its default passes it
            assert (key in target.numbers) != (key in target.checks), (name, key)
            assert target.check(key, default, key) == default, (name, key)


@pytest.mark.slow
def test_a_wrong_pages_branch_flag_is_one_line(pages_site):
    repo, remote = pages_site
    run = invoke(repo, "publish", "--branch", "a b", env=pages_env(repo))
    assert error_line(run) == (
        "Error: 'a b' is not a name git takes for a branch; pass a branch name "
        "such as --branch gh-pages (without refs/heads/)"
    )


@pytest.mark.slow
def test_an_unknown_aws_profile_is_one_line(tmp_path):
    site = s3_site(tmp_path, "any-bucket")
    env = {**no_aws_configuration(tmp_path), "AWS_PROFILE": "nosuch"}
    run = invoke(site, "publish", env=env)
    assert error_line(run) == (
        "Error: the AWS profile 'nosuch' (AWS_PROFILE) is not in the AWS "
        "configuration (~/.aws/config, ~/.aws/credentials); set AWS_PROFILE to a "
        "profile there, or unset it"
    )


@pytest.mark.slow
def test_an_endpoint_that_is_not_a_url_is_one_line(tmp_path):
    site = s3_site(tmp_path, "any-bucket")
    env = {**no_aws_configuration(tmp_path), **FAKE_AWS}
    run = invoke(site, "publish", env={**env, "AWS_ENDPOINT_URL": "not a url"})
    assert error_line(run) == (
        "Error: AWS_ENDPOINT_URL is not a URL (Invalid endpoint: not a url); set "
        "it to the store's address, e.g. http://127.0.0.1:8333, or unset it to "
        "use AWS"
    )


# Requests that fail: bounded, timed, and one line.


@pytest.fixture
def silent_endpoint() -> Iterator[str]:
    """A socket on 127.0.0.1 that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            held.append(connection)  # read nothing, answer nothing

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join(timeout=5)
    for connection in held:
        connection.close()
    listener.close()


@pytest.mark.slow
def test_a_silent_endpoint_fails_soon_in_one_line(tmp_path, silent_endpoint):
    site = s3_site(tmp_path, "quiet-bucket")
    env = {**no_aws_configuration(tmp_path), **FAKE_AWS}
    started = time.monotonic()
    run = invoke(
        site,
        "publish",
        "--read-timeout",
        "1",
        env={**env, "AWS_ENDPOINT_URL": silent_endpoint},
    )
    seconds = time.monotonic() - started
    assert error_line(run) == (
        f"Error: cannot list s3://quiet-bucket/: no answer from {silent_endpoint} "
        "within 1 s (read timeout), 5 attempts; check that the store is up and "
        "AWS_ENDPOINT_URL is right, or raise --read-timeout"
    )
    # 5 attempts of 1 s, at most 1 + 2 + 4 + 8 s of backoff, and the build.
    assert seconds < 45


@pytest.mark.slow
def test_an_endpoint_that_refuses_connections_is_one_line(tmp_path):
    site = s3_site(tmp_path, "closed-bucket")
    endpoint = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    env = {**no_aws_configuration(tmp_path), **FAKE_AWS, "AWS_ENDPOINT_URL": endpoint}
    run = invoke(site, "publish", "--retries", "2", env=env)
    assert error_line(run) == (
        f"Error: cannot list s3://closed-bucket/: cannot connect to {endpoint}, "
        "2 attempts; check that the store is up and AWS_ENDPOINT_URL is right"
    )


def test_deletions_answered_503_are_one_line(s3_bucket, seaweedfs, tmp_path):
    site = s3_site(tmp_path, s3_bucket)
    publish(site / "publishconf.py")
    (site / "content" / "old.md").unlink()
    proxy = FaultyProxy(seaweedfs.port)
    try:
        proxy.should_fail = lambda method, path: method == "POST" and "delete" in path
        run = invoke(
            site,
            "publish",
            "--retries",
            "2",
            env={"AWS_ENDPOINT_URL": proxy.endpoint},
        )
        deletes = [r for r in proxy.requests if r[0] == "POST" and "delete" in r[1]]
    finally:
        proxy.stop()
    assert error_line(run) == (
        # the page and its social card
        f"Error: cannot delete 2 old objects from s3://{s3_bucket}/site/ (the new "
        "pages are online, the old objects are still there): SlowDown (HTTP 503), "
        "2 attempts; the store is failing or busy, run publish again later (or "
        "raise --retries)"
    )
    assert [status for _, _, status in deletes] == [503, 503]  # bounded retries
    stored = seaweedfs.client.list_objects_v2(Bucket=s3_bucket)["Contents"]
    assert "site/old/index.html" in {item["Key"] for item in stored}


# invoke serve and invoke livereload: the port.


@pytest.mark.parametrize("task", ["serve", "livereload"])
def test_a_port_that_is_not_a_number_is_one_line(tmp_path, task):
    run = invoke(ROOT, task, "--port", "abc", "--output", str(tmp_path))
    assert error_line(run) == (
        "Error: --port must be a whole number from 1 to 65535, got abc"
    )


@pytest.mark.parametrize("task", ["serve", "livereload"])
def test_a_port_in_use_is_one_line(tmp_path, task):
    output = tmp_path / "out"
    output.mkdir()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = invoke(ROOT, task, "--port", str(port), "--output", str(output))
    assert error_line(run) == (
        f"Error: cannot listen on 127.0.0.1:{port}: the port is in use; stop what "
        "uses it, or pass another --port"
    )
    assert list(output.iterdir()) == []  # livereload stopped before building


# GitHub Pages never replaces the branch of the site's source.


@pytest.fixture
def pages_site(tmp_path) -> tuple[Path, Path]:
    """A site committed on `main` with no git identity, and a bare remote."""
    remote = tmp_path / "remote.git"
    repo = make_site(
        tmp_path / "site",
        {"target": "pages", "pages": {"cname": "me.example.org"}},
    )
    commit_with_remote(repo, remote)
    return repo, remote


def pages_env(repo: Path) -> dict:
    return {
        "HOME": str(repo.parent),  # no global git identity
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_COMMITTER_NAME": None,
        "GIT_COMMITTER_EMAIL": None,
    }


@pytest.mark.slow
def test_pages_refuses_the_branch_checked_out(pages_site):
    repo, remote = pages_site
    source = git(repo, "rev-parse", "main")
    run = invoke(repo, "publish", "--branch", "main", env=pages_env(repo))
    assert error_line(run) == (
        "Error: refusing to publish to branch 'main': it is the branch checked out "
        f"in {repo.resolve()}, and publishing replaces its whole tree with the "
        "built site; publish to another branch (--branch gh-pages), or pass "
        "--force-branch if 'main' should hold only the built site"
    )
    assert git(repo, "rev-parse", "main") == source
    assert git(repo, "status", "--porcelain") == ""
    assert git(remote, "for-each-ref") == ""  # nothing pushed


@pytest.mark.slow
def test_pages_refuses_the_remotes_default_branch_unless_forced(pages_site):
    repo, remote = pages_site
    git(repo, "push", "--quiet", "origin", "main:live")
    git(remote, "symbolic-ref", "HEAD", "refs/heads/live")  # as GitHub's default
    source = git(remote, "rev-parse", "live")
    run = invoke(repo, "publish", "--branch", "live", env=pages_env(repo))
    assert error_line(run) == (
        "Error: refusing to publish to branch 'live': it is origin's default "
        "branch, and publishing replaces its whole tree with the built site; "
        "publish to another branch (--branch gh-pages), or pass --force-branch if "
        "'live' should hold only the built site"
    )
    assert git(remote, "rev-parse", "live") == source

    forced = invoke(
        repo, "publish", "--branch", "live", "--force-branch", env=pages_env(repo)
    )
    assert forced.returncode == 0, forced.stderr
    assert git(remote, "rev-parse", "live~1") == source  # history kept
    files = set(git(remote, "ls-tree", "-r", "--name-only", "live").splitlines())
    assert {"index.html", ".nojekyll", "CNAME"} <= files
    # Once it holds a publish of ours, it is the site's branch, not the source's.
    again = invoke(repo, "publish", "--branch", "live", env=pages_env(repo))
    assert again.returncode == 0, again.stderr
    subject = git(remote, "log", "-1", "--format=%s", "live")
    assert subject.startswith("Publish the site built from")
    assert git(repo, "rev-parse", "main") == source  # the source never moved


# A republish with no change changes nothing, each run a new process.


def test_s3_republish_in_a_new_process_changes_nothing(s3_bucket, seaweedfs, tmp_path):
    site = s3_site(tmp_path, s3_bucket)

    def stored() -> dict[str, tuple]:
        listed = seaweedfs.client.list_objects_v2(Bucket=s3_bucket)["Contents"]
        return {item["Key"]: (item["ETag"], item["LastModified"]) for item in listed}

    first = invoke(site, "publish")
    assert first.returncode == 0, first.stderr
    before = stored()
    assert "site/index.html" in before
    time.sleep(1.1)  # a new upload would have a later LastModified
    second = invoke(site, "publish")
    assert second.returncode == 0, second.stderr
    after = stored()
    assert sorted(key for key in after if after[key] != before.get(key)) == []
    assert after == before
    assert second.stdout.splitlines()[-1] == (
        f"Published to s3://{s3_bucket}/site/: 0 to upload (0 assets, 0 HTML), "
        f"0 to delete, {len(before)} unchanged"
    )


@pytest.mark.slow
def test_pages_republish_in_a_new_process_makes_no_commit(pages_site):
    repo, remote = pages_site
    first = invoke(repo, "publish", env=pages_env(repo))
    assert first.returncode == 0, first.stderr
    commit = git(remote, "rev-parse", "gh-pages")
    second = invoke(repo, "publish", env=pages_env(repo))
    assert second.returncode == 0, second.stderr
    changed = git(remote, "diff", "--name-only", commit, "gh-pages")
    assert changed == "", f"the second publish changed {changed}"
    assert (
        second.stdout.splitlines()[-1]
        == "nothing changed; origin/gh-pages left as it was"
    )
    assert git(remote, "rev-parse", "gh-pages") == commit
    assert git(repo, "rev-parse", "gh-pages") == commit


# However HEAD points at the source (detached, mid-rebase, mid-bisect), the
# branches that hold it are refused: by name, and by the history of their tip.


def as_owner(repo: Path, *args: str, check: bool = True) -> str:
    """git with an identity for the commits a person would make."""
    return subprocess.run(
        ["git", "-c", "user.name=Site Owner", "-c", "user.email=o@example.org", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=check,
        env={"HOME": str(repo), "PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1"},
    ).stdout.strip()


def refusal(branch: str, why: str) -> str:
    return (
        f"Error: refusing to publish to branch {branch!r}: {why}, and publishing "
        "replaces its whole tree with the built site; publish to another branch "
        f"(--branch gh-pages), or pass --force-branch if {branch!r} should hold "
        "only the built site"
    )


@pytest.mark.slow
def test_pages_refuses_the_sources_branch_with_head_detached(pages_site):
    repo, remote = pages_site
    (repo / "content" / "notes.md").write_text("---\ntitle: Notes\n---\nMore.\n")
    as_owner(repo, "commit", "--quiet", "-am", "More notes")
    git(repo, "push", "--quiet", "origin", "main")
    pushed = git(remote, "rev-parse", "main")
    where = f"HEAD in {repo.resolve()}"

    git(repo, "checkout", "--quiet", "--detach")  # at main's tip
    run = invoke(repo, "publish", "--branch", "main", env=pages_env(repo))
    why = f"main is at the source commit {pushed[:7]} ({where})"
    assert error_line(run) == refusal("main", why)

    git(repo, "checkout", "--quiet", "main~1")  # an older commit of main
    older = git(repo, "rev-parse", "HEAD")
    run = invoke(repo, "publish", "--branch", "main", env=pages_env(repo))
    assert error_line(run) == refusal(
        "main", f"main holds the source commit {older[:7]} ({where})"
    )
    # Only the remote has the branch, and the last fetch did not see it: the
    # remote's own tip is fetched and refused.
    git(repo, "push", "--quiet", "origin", "main:live")
    git(repo, "branch", "--quiet", "-D", "main")
    git(repo, "update-ref", "-d", "refs/remotes/origin/live")
    run = invoke(repo, "publish", "--branch", "live", env=pages_env(repo))
    assert error_line(run) == refusal(
        "live", f"origin/live holds the source commit {older[:7]} ({where})"
    )
    assert git(remote, "rev-parse", "main") == git(remote, "rev-parse", "live")
    assert git(remote, "rev-parse", "main") == pushed  # nothing pushed over them

    # The site's own branch, which a publish makes, is still published to.
    first = invoke(repo, "publish", env=pages_env(repo))
    assert first.returncode == 0, first.stderr
    (repo / "content" / "notes.md").write_text("---\ntitle: Notes\n---\nNew.\n")
    second = invoke(repo, "publish", env=pages_env(repo))
    assert second.returncode == 0, second.stderr
    assert git(remote, "rev-list", "--count", "gh-pages") == "2"


def rebase_stopped(repo: Path) -> None:
    """`feature` rebased onto `main` stopped at a conflict: HEAD detached."""
    page = repo / "content" / "notes.md"
    as_owner(repo, "checkout", "--quiet", "-b", "feature")
    page.write_text("---\ntitle: Notes\n---\nFeature.\n")
    as_owner(repo, "commit", "--quiet", "-am", "Feature notes")
    as_owner(repo, "checkout", "--quiet", "main")
    page.write_text("---\ntitle: Notes\n---\nMain.\n")
    as_owner(repo, "commit", "--quiet", "-am", "Main notes")
    git(repo, "push", "--quiet", "origin", "main", "feature")
    as_owner(repo, "checkout", "--quiet", "feature")
    as_owner(repo, "rebase", "main", check=False)
    assert (repo / ".git" / "rebase-merge" / "head-name").is_file()


def bisect_started(repo: Path) -> None:
    """A bisection of `main` that checked out an older commit."""
    for text in ("More.", "Most."):
        (repo / "content" / "notes.md").write_text(f"---\ntitle: N\n---\n{text}\n")
        as_owner(repo, "commit", "--quiet", "-am", text)
    git(repo, "push", "--quiet", "origin", "main")
    as_owner(repo, "bisect", "start", "main", "main~2")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("setup", "branch", "doing"),
    [(rebase_stopped, "feature", "rebased"), (bisect_started, "main", "bisected")],
)
def test_pages_refuses_the_branch_being_rebased_or_bisected(
    pages_site, setup, branch, doing
):
    repo, remote = pages_site
    setup(repo)
    assert as_owner(repo, "symbolic-ref", "-q", "HEAD", check=False) == ""
    tips = git(remote, "for-each-ref", "--format=%(refname) %(objectname)")
    run = invoke(repo, "publish", "--branch", branch, env=pages_env(repo))
    why = f"it is being {doing} in {repo.resolve()}"
    assert error_line(run) == refusal(branch, why)
    assert git(remote, "for-each-ref", "--format=%(refname) %(objectname)") == tips


# Nothing is published into a folder git takes for its own.


STATIC = "a static file, a theme asset or a plugin's file"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "content", "path", "source"),
    [
        ("evil.md", "url: /.git/config", ".git/config/index.html", "content/evil.md"),
        ("evil.md", "url: /docs/.GIT/", "docs/.GIT/index.html", "content/evil.md"),
        ("evil.md", "slug: .git", ".git/index.html", "content/evil.md"),
        (
            "evil.md",
            "aliases: [/.git./hooks/]",
            ".git./hooks/index.html",
            STATIC,  # the Hugo plugin writes its redirects as files
        ),
        ("images/.Git", None, "images/.Git", STATIC),
    ],
)
def test_pages_publishes_no_path_into_git(pages_site, name, content, path, source):
    """The build itself refuses such a path, naming what writes it, so the
    fresh build that publishing starts with fails and nothing is pushed."""
    repo, remote = pages_site
    text = "[core]\n" if content is None else f"---\ntitle: E\n{content}\n---\nx\n"
    (repo / "content" / name).write_text(text)
    run = invoke(repo, "publish", env=pages_env(repo))
    assert error_line(run) == (
        f"Error: nothing was published: {path} ({source}) is a path into a folder "
        "git takes for its own repository (.git, in any case); change the page's "
        "url, slug or aliases, or rename the file, so that no part of the path "
        "is .git"
    )
    assert git(remote, "for-each-ref") == ""  # nothing pushed
    assert git(repo, "branch", "--list", "gh-pages") == ""  # nor committed


def test_a_built_tree_with_a_git_path_is_never_published(tmp_path):
    """The second line of defence, for a site built by a writer of a
    plugin's own (whose pages the build does not see)."""
    from cameo_tools.publish import refuse_git_paths

    (tmp_path / "index.html").write_text("x")
    (tmp_path / "docs" / ".Git").mkdir(parents=True)
    (tmp_path / "docs" / ".Git" / "config").write_text("[core]")
    with pytest.raises(PublishError, match=r"the built site has docs/\.Git/config,"):
        refuse_git_paths(tmp_path)
    shutil.rmtree(tmp_path / "docs")
    refuse_git_paths(tmp_path)  # nothing left to refuse


@pytest.mark.slow
def test_s3_publishes_no_path_into_git(tmp_path):
    site = s3_site(tmp_path, "any-bucket")
    (site / "content" / "evil.md").write_text("---\ntitle: E\nurl: /.git/x/\n---\n")
    endpoint = f"http://127.0.0.1:{free_port()}"  # reached only past the refusal
    env = {**no_aws_configuration(tmp_path), **FAKE_AWS, "AWS_ENDPOINT_URL": endpoint}
    run = invoke(site, "publish", "--dry-run", env=env)
    assert error_line(run).startswith(
        "Error: nothing was published: .git/x/index.html (content/evil.md) is a "
        "path into a folder git takes for its own"
    )


@pytest.mark.parametrize(
    ("name", "is_git"),
    [
        (".git", True),
        (".GiT", True),
        (".git.", True),  # Windows drops trailing dots and spaces
        (".git ", True),
        (".git::$INDEX_ALLOCATION", True),  # an NTFS stream of the folder
        ("GIT~1", True),  # its short name
        (".g\u200cit", True),  # macOS leaves the zero-width non-joiner out
        (".gitignore", False),
        (".github", False),
        ("git", False),
        ("x.git", False),
    ],
)
def test_the_names_git_takes_for_its_own(name, is_git):
    from cameo_tools.git_names import is_git_name

    assert is_git_name(name) is is_git
