"""Publish a built site to a GitHub Pages branch with ghp-import.

ghp-import writes the branch's whole tree from the output folder in one commit.
Around it this module: fetches the remote branch first (so history is kept),
always adds ``.nojekyll`` and the ``CNAME`` (ghp-import drops a CNAME that is
not passed again), names the source commit in the message, commits with an
identity even where git has none configured, and pushes nothing when the new
tree equals the old one. It refuses a branch that holds the site's source
unless told otherwise, since ghp-import replaces the branch's whole tree: one
checked out, rebased or bisected in a worktree, the remote's default branch, and
any branch whose tip (local or the remote's) shares history with a commit a
worktree has checked out, however HEAD points at it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import targets
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


def source_branches(
    repo: Path, remote: str, worktrees: list[_Worktree]
) -> dict[str, str]:
    """The branches that hold the site's source by name, each with the
    reason: one checked out here or in another of ``worktrees`` (the
    repository's, from _worktrees), one a worktree is rebasing or bisecting
    (HEAD is detached meanwhile), and the remote's default branch when it is
    known."""
    found = {}
    current = _git(repo, "symbolic-ref", "--quiet", "--short", "HEAD", check=False)
    if current.stdout.strip():
        found[current.stdout.strip()] = f"it is the branch checked out in {repo}"
    for worktree in worktrees:
        if worktree.branch:
            found.setdefault(
                worktree.branch, "it is checked out in a worktree of this repository"
            )
        for name, doing in worktree.busy_with():
            found.setdefault(name, f"it is being {doing} in {worktree.path}")
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
                env=_no_prompt(),
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


@dataclass
class _Worktree:
    path: str
    git_dir: Path
    head: str | None  # the commit checked out, None before the first commit
    branch: str | None  # None when HEAD is detached

    def busy_with(self) -> list[tuple[str, str]]:
        """The branches a rebase or a bisection here started from: HEAD is
        detached until it ends, and then the branch is moved or checked out."""
        found = []
        for state, doing in _BUSY_STATES:
            try:
                name = (self.git_dir / state).read_text("utf-8").strip()
            except (OSError, UnicodeDecodeError):
                continue
            if state == "BISECT_START" and _OBJECT_NAME.fullmatch(name):
                continue  # started detached: no branch to go back to
            if state == "BISECT_START" and not name.startswith("refs/"):
                name = f"refs/heads/{name}"  # bisect keeps the short name
            if name.startswith("refs/heads/"):
                found.append((name.removeprefix("refs/heads/"), doing))
        return found


_OBJECT_NAME = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
# Files in a worktree's git folder naming the branch an operation left.
_BUSY_STATES = (
    ("rebase-merge/head-name", "rebased"),
    ("rebase-apply/head-name", "rebased"),
    ("BISECT_START", "bisected"),
)


def _no_prompt() -> dict[str, str]:
    """The environment for git talking to a remote: never ask for a password."""
    return {**os.environ, "GIT_TERMINAL_PROMPT": "0"}


def _worktrees(repo: Path) -> list[_Worktree]:
    """Every worktree of the repository, the main one first."""
    listing = _git(repo, "worktree", "list", "--porcelain", "-z", check=False).stdout
    common = Path(
        _git(
            repo, "rev-parse", "--path-format=absolute", "--git-common-dir"
        ).stdout.strip()
    )
    git_dirs = {}  # worktree path -> its own git folder
    for linked in (common / "worktrees").glob("*/gitdir"):
        try:
            dot_git = linked.read_text("utf-8").strip()
        except (OSError, UnicodeDecodeError):
            continue
        git_dirs[str(Path(dot_git).parent)] = linked.parent
    found = []
    for block in listing.split("\0\0"):  # NUL ends lines: any path is safe
        fields = dict(line.partition(" ")[::2] for line in block.split("\0"))
        if "worktree" not in fields or "bare" in fields:
            continue
        path = fields["worktree"]
        head = fields.get("HEAD", "")
        if not head.strip("0"):  # no commit yet: git shows all zeros, or none
            head = ""
        branch = fields.get("branch", "").removeprefix("refs/heads/") or None
        git_dir = git_dirs.get(path, common)
        found.append(_Worktree(path, git_dir, head or None, branch))
    return found


def shared_history(
    repo: Path, remote: str, branch: str, worktrees: list[_Worktree]
) -> str | None:
    """Why ``branch`` holds the source by its history, or None: its tip (here
    or at the remote, as last fetched) is a commit a worktree has checked out,
    holds one, or shares history with one. A tip that is one of our publishes
    holds the built site, whatever came before it."""
    sources = [tree for tree in worktrees if tree.head]
    for tip_ref in (f"refs/heads/{branch}", f"refs/remotes/{remote}/{branch}"):
        tip = _git(
            repo, "rev-parse", "--verify", "--quiet", tip_ref + "^{commit}", check=False
        ).stdout.strip()
        if not tip or _is_publish(repo, tip):
            continue
        label = tip_ref.removeprefix("refs/heads/").removeprefix("refs/remotes/")
        for tree in sources:
            base = _git(repo, "merge-base", tip, tree.head, check=False).stdout.strip()
            source = f"the source commit {tree.head[:7]} (HEAD in {tree.path})"
            if tip == tree.head:
                return f"{label} is at {source}"
            if base == tree.head:
                return f"{label} holds {source}"
            if base == tip:
                return f"{source} is built on {label}"
            if base:
                return f"{label} shares history with {source}"
    return None


def _is_publish(repo: Path, commit: str) -> bool:
    subject = _git(repo, "log", "-1", "--format=%s", commit, check=False).stdout
    return subject.startswith(PUBLISH_SUBJECT)


def _published_here(repo: Path, remote: str, branch: str) -> bool:
    return _is_publish(repo, f"refs/remotes/{remote}/{branch}")


def _fetch(repo: Path, remote: str, branch: str) -> bool:
    """Bring the remote's tip of ``branch`` to refs/remotes/REMOTE/BRANCH;
    False when the remote has no such branch (or cannot be reached)."""
    try:
        fetched = subprocess.run(
            [
                "git",
                "fetch",
                "--quiet",
                remote,
                f"+refs/heads/{branch}:refs/remotes/{remote}/{branch}",
            ],
            cwd=repo,
            capture_output=True,
            text=True,
            env=_no_prompt(),
            timeout=120,
        )
    except subprocess.TimeoutExpired:
        return False
    return fetched.returncode == 0


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
    checked = _git(repo, "check-ref-format", "--branch", branch, check=False)
    if checked.stdout.strip() != branch or branch.startswith("refs/"):
        raise PublishError(
            f"{branch!r} is not a name git takes for a branch; pass a branch name "
            "such as --branch gh-pages (without refs/heads/)"
        )
    if options["force_branch"]:
        return
    worktrees = _worktrees(repo)  # git is asked once for both checks
    why = source_branches(repo, remote, worktrees).get(branch)
    if not why:
        _fetch(repo, remote, branch)  # the remote's tip, not last week's
        why = shared_history(repo, remote, branch, worktrees)
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


# --- the target `invoke publish` deploys through (targets.py) ---------------


def deploy(
    site: Path,
    options: dict[str, Any],
    repo: Path,
    dry_run: bool,
    progress: Progress,
) -> targets.Report:
    """Commit ``site`` to the Pages branch and push it, if anything changed."""
    result = publish(site, options, repo, dry_run, progress)
    return targets.Report(result.message, result.committed)


TARGET = targets.Target(
    name="pages",
    needs=("ghp_import", "tasks", "publishing to GitHub Pages"),
    defaults=DEFAULT_PAGES_OPTIONS,
    checks={
        "remote": (targets.text, "a git remote's name in quotes, e.g. 'origin'"),
        "branch": (targets.text, "a branch name in quotes, e.g. 'gh-pages'"),
        "cname": (
            targets.str_or_none,
            "a domain in quotes, e.g. 'www.example.org', or None",
        ),
        "committer_name": (targets.text, "a name in quotes, e.g. 'pelican-cameo'"),
        "committer_email": (
            targets.text,
            "an e-mail address in quotes, e.g. 'me@example.org'",
        ),
        "force_branch": (targets.yes_or_no, "True or False"),
    },
    example="{'branch': 'gh-pages'}",
    deploy=deploy,
    preflight=check_branch,
)
