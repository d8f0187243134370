"""Publish a built site to a GitHub Pages branch with ghp-import.

ghp-import writes the branch's whole tree from the output folder in one commit.
Around it this module: fetches the remote branch first (so history is kept),
always adds ``.nojekyll`` and the ``CNAME`` (ghp-import drops a CNAME that is
not passed again), names the source commit in the message, commits with an
identity even where git has none configured, and pushes nothing when the new
tree equals the old one.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .s3 import PublishError

DEFAULT_PAGES_OPTIONS: dict[str, Any] = {
    "remote": "origin",
    "branch": "gh-pages",
    "cname": None,  # e.g. "www.example.org"; written to CNAME on every publish
    # Used only when git has no user.name / user.email configured.
    "committer_name": "pelican-cameo",
    "committer_email": "pelican-cameo@users.noreply.github.com",
}


@dataclass
class PagesResult:
    committed: bool
    commit: str | None
    message: str


def _git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=check
    )


def _config(repo: Path, key: str) -> str:
    return _git(repo, "config", key, check=False).stdout.strip()


def source_description(repo: Path) -> str:
    head = _git(repo, "rev-parse", "--short", "HEAD", check=False).stdout.strip()
    if not head:
        return "an uncommitted tree"
    dirty = _git(repo, "status", "--porcelain", check=False).stdout.strip()
    return f"{head}{' with uncommitted changes' if dirty else ''}"


def publish(
    output: Path, options: dict[str, Any], repo: Path, dry_run: bool = False
) -> PagesResult:
    """Commit ``output`` to the Pages branch and push it, if anything changed."""
    remote, branch = options["remote"], options["branch"]
    if _git(repo, "rev-parse", "--git-dir", check=False).returncode != 0:
        raise PublishError(
            f"{repo} is not a git repository; publish to Pages from the site's own"
        )
    if _git(repo, "remote", "get-url", remote, check=False).returncode != 0:
        raise PublishError(
            f"git has no remote {remote!r}; add it (git remote add {remote} URL) "
            "or pass --remote"
        )
    message = f"Publish the site built from {source_description(repo)}"
    if dry_run:
        return PagesResult(False, None, f"would commit to {remote}/{branch}: {message}")

    fetched = _git(
        repo,
        "fetch",
        "--quiet",
        remote,
        f"+{branch}:refs/remotes/{remote}/{branch}",
        check=False,
    )
    before = ""
    if fetched.returncode == 0:
        before = _git(repo, "rev-parse", f"refs/remotes/{remote}/{branch}").stdout
        before = before.strip()

    env = dict(os.environ)
    if not _config(repo, "user.name"):
        env["GIT_COMMITTER_NAME"] = options["committer_name"]
    if not _config(repo, "user.email"):
        env["GIT_COMMITTER_EMAIL"] = options["committer_email"]
    command = [sys.executable, "-m", "ghp_import", "--no-jekyll", "-m", message]
    command += ["-r", remote, "-b", branch]
    if options["cname"]:
        command += ["-c", options["cname"]]
    imported = subprocess.run(
        [*command, str(output)], cwd=repo, env=env, capture_output=True, text=True
    )
    if imported.returncode != 0:
        raise PublishError(
            f"ghp-import failed: {(imported.stderr or imported.stdout).strip()}"
        )

    new = _git(repo, "rev-parse", f"refs/heads/{branch}").stdout.strip()
    if before and _tree(repo, new) == _tree(repo, before):
        _git(repo, "update-ref", f"refs/heads/{branch}", before)
        return PagesResult(
            False, before, f"nothing changed; {remote}/{branch} left as it was"
        )
    pushed = _git(repo, "push", "--quiet", remote, f"refs/heads/{branch}", check=False)
    if pushed.returncode != 0:
        raise PublishError(
            f"git push to {remote} {branch} failed: {pushed.stderr.strip()}"
        )
    return PagesResult(True, new, f"pushed {new[:10]} to {remote}/{branch}: {message}")


def _tree(repo: Path, commit: str) -> str:
    return _git(repo, "rev-parse", f"{commit}^{{tree}}").stdout.strip()
