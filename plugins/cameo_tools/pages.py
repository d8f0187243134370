"""Publish a built site to a GitHub Pages branch with ghp-import.

ghp-import writes the branch's whole tree from the output folder in one commit.
Around it this module: fetches the remote branch first (so history is kept),
always adds ``.nojekyll`` and the ``CNAME`` (ghp-import drops a CNAME that is
not passed again), names the source commit in the message, commits with an
identity even where git has none configured, and pushes nothing when the new
tree equals the old one. It refuses a branch that holds the site's source (the
one checked out, or the remote's default branch) unless told otherwise, since
ghp-import replaces the branch's whole tree.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import PublishError
from .progress import Progress

DEFAULT_PAGES_OPTIONS: dict[str, Any] = {
    "remote": "origin",
    "branch": "gh-pages",
    "cname": None,  # e.g. "www.example.org"; written to CNAME on every publish
    # Used only when git has no user.name / user.email configured.
    "committer_name": "pelican-cameo",
    "committer_email": "pelican-cameo@users.noreply.github.com",
    # Publish even to a branch that holds the site's source (--force-branch).
    "force_branch": False,
}


PUBLISH_SUBJECT = "Publish the site built from"


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


def source_branches(repo: Path, remote: str) -> dict[str, str]:
    """The branches that hold the site's source, each with the reason: the
    one checked out here (or in another worktree), and the remote's default
    branch when it is known."""
    found = {}
    current = _git(repo, "symbolic-ref", "--quiet", "--short", "HEAD", check=False)
    if current.stdout.strip():
        found[current.stdout.strip()] = f"it is the branch checked out in {repo}"
    worktrees = _git(repo, "worktree", "list", "--porcelain", check=False).stdout
    for line in worktrees.splitlines():
        if line.startswith("branch refs/heads/"):
            name = line.removeprefix("branch refs/heads/")
            found.setdefault(name, "it is checked out in a worktree of this repository")
    default = _git(
        repo, "symbolic-ref", "--quiet", f"refs/remotes/{remote}/HEAD", check=False
    ).stdout.strip()
    if not default:  # not recorded locally: ask the remote
        try:
            answer = subprocess.run(
                ["git", "ls-remote", "--symref", remote, "HEAD"],
                cwd=repo,
                capture_output=True,
                text=True,
                env={**os.environ, "GIT_TERMINAL_PROMPT": "0"},
                timeout=60,
            ).stdout
        except subprocess.TimeoutExpired:
            answer = ""  # unknown; the push will say what is wrong
        for line in answer.splitlines():
            if line.startswith("ref: ") and line.endswith("\tHEAD"):
                default = line.removeprefix("ref: ").removesuffix("\tHEAD")
    name = default.removeprefix(f"refs/remotes/{remote}/").removeprefix("refs/heads/")
    # A default branch whose last commit is one of our publishes holds the
    # built site (a repository of its own for the site), not the source.
    if name and name not in found and not _published_here(repo, remote, name):
        found[name] = f"it is {remote}'s default branch"
    return found


def _published_here(repo: Path, remote: str, branch: str) -> bool:
    subject = _git(
        repo, "log", "-1", "--format=%s", f"refs/remotes/{remote}/{branch}", check=False
    ).stdout
    return subject.startswith(PUBLISH_SUBJECT)


def check_branch(options: dict[str, Any], repo: Path) -> None:
    """Stop before anything is built or written when the Pages branch is not
    one to replace: no repository, no remote, or a branch of the source."""
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
    if options["force_branch"]:
        return
    why = source_branches(repo, remote).get(branch)
    if why:
        raise PublishError(
            f"refusing to publish to branch {branch!r}: {why}, and publishing "
            "replaces its whole tree with the built site; publish to another "
            "branch (--branch gh-pages), or pass --force-branch if "
            f"{branch!r} should hold only the built site"
        )


def publish(
    output: Path,
    options: dict[str, Any],
    repo: Path,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> PagesResult:
    """Commit ``output`` to the Pages branch and push it, if anything changed;
    ``progress`` shows the commit (with the files and bytes) and the push."""
    progress = progress or Progress(None)
    remote, branch = options["remote"], options["branch"]
    check_branch(options, repo)
    message = f"{PUBLISH_SUBJECT} {source_description(repo)}"
    if dry_run:
        return PagesResult(False, None, f"would commit to {remote}/{branch}: {message}")
    files = [path for path in output.rglob("*") if path.is_file()]
    sizes = sum(path.stat().st_size for path in files)
    with progress.phase("git commit", len(files), sizes) as phase:
        before, new = _commit(output, options, repo, message)
        phase.advance(len(files), sizes)
    if before and _tree(repo, new) == _tree(repo, before):
        _git(repo, "update-ref", f"refs/heads/{branch}", before)
        return PagesResult(
            False, before, f"nothing changed; {remote}/{branch} left as it was"
        )
    with progress.step("git push", f"to {remote}/{branch}"):
        pushed = _git(
            repo, "push", "--quiet", remote, f"refs/heads/{branch}", check=False
        )
    if pushed.returncode != 0:
        raise PublishError(
            f"git push to {remote} {branch} failed: {_one_line(pushed.stderr)}; "
            f"check that you may push to {remote} (git push {remote} {branch}), "
            "then run publish again"
        )
    return PagesResult(True, new, f"pushed {new[:10]} to {remote}/{branch}: {message}")


def _commit(
    output: Path, options: dict[str, Any], repo: Path, message: str
) -> tuple[str, str]:
    """Fetch the Pages branch and commit ``output`` on it with ghp-import;
    returns the branch's commit before (empty when it is new) and after."""
    remote, branch = options["remote"], options["branch"]
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
            f"ghp-import failed: {_one_line(imported.stderr or imported.stdout)}"
        )

    new = _git(repo, "rev-parse", f"refs/heads/{branch}").stdout.strip()
    return before, new


def _one_line(text: str) -> str:
    return " / ".join(line.strip() for line in text.splitlines() if line.strip())


def _tree(repo: Path, commit: str) -> str:
    return _git(repo, "rev-parse", f"{commit}^{{tree}}").stdout.strip()
