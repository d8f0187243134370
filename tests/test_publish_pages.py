"""`invoke publish --target pages`: ghp-import into a real local bare repository."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cameo_tools.publish import publish
from cameo_tools.s3 import PublishError

from .conftest import ROOT, commit_with_remote, git, write_tree


@pytest.fixture
def site_repo(tmp_path) -> tuple[Path, Path]:
    """A site in a git repository with no identity configured, and a bare remote."""
    remote = tmp_path / "remote.git"
    repo = tmp_path / "site"
    write_tree(
        repo / "content", {"_index.md": (ROOT / "content" / "_index.md").read_text()}
    )
    (repo / "content" / "images").mkdir()
    shutil.copy(ROOT / "content" / "images" / "avatar.png", repo / "content" / "images")
    (repo / "publishconf.py").write_text(
        "from pelicanconf import *\n"
        f"PATH = {str(repo / 'content')!r}\n"
        "CAMEO_PUBLISH = {'target': 'pages',"
        " 'pages': {'cname': 'me.example.org'}}\n"
    )
    commit_with_remote(repo, remote)
    return repo, remote


def test_publish_to_pages_pushes_the_site(site_repo, monkeypatch):
    repo, remote = site_repo
    monkeypatch.setenv("HOME", str(repo.parent))  # no global git identity
    monkeypatch.delenv("GIT_COMMITTER_NAME", raising=False)
    monkeypatch.delenv("GIT_COMMITTER_EMAIL", raising=False)
    report = publish(repo / "publishconf.py", repo=repo)
    assert report.startswith("pushed ")
    files = set(git(remote, "ls-tree", "-r", "--name-only", "gh-pages").splitlines())
    assert {"index.html", "images/avatar.png", ".nojekyll", "CNAME"} <= files
    assert git(remote, "show", "gh-pages:CNAME") == "me.example.org"
    source = git(repo, "rev-parse", "--short", "HEAD")
    message = git(remote, "log", "-1", "--format=%s", "gh-pages")
    assert message == f"Publish the site built from {source}"
    committer = git(remote, "log", "-1", "--format=%cn <%ce>", "gh-pages")
    assert committer == "pelican-cameo <pelican-cameo@users.noreply.github.com>"


@pytest.mark.slow
def test_second_publish_without_changes_adds_no_commit(site_repo, monkeypatch):
    repo, remote = site_repo
    monkeypatch.setenv("HOME", str(repo.parent))
    publish(repo / "publishconf.py", repo=repo)
    first = git(remote, "rev-parse", "gh-pages")
    report = publish(repo / "publishconf.py", repo=repo)
    assert report.startswith("nothing changed")
    assert git(remote, "rev-parse", "gh-pages") == first
    # A change makes one new commit on top, CNAME kept.
    (repo / "content" / "_index.md").write_text(
        (repo / "content" / "_index.md").read_text().replace("Mandarin", "Mandarin.")
    )
    publish(repo / "publishconf.py", repo=repo)
    assert git(remote, "rev-parse", "gh-pages~1") == first
    assert git(remote, "show", "gh-pages:CNAME") == "me.example.org"
    message = git(remote, "log", "-1", "--format=%s", "gh-pages")
    assert message.endswith("with uncommitted changes")


def test_configured_identity_is_used(site_repo, monkeypatch):
    repo, remote = site_repo
    monkeypatch.setenv("HOME", str(repo.parent))
    git(repo, "config", "user.name", "Site Owner")
    git(repo, "config", "user.email", "owner@example.org")
    publish(repo / "publishconf.py", repo=repo)
    assert git(remote, "log", "-1", "--format=%cn", "gh-pages") == "Site Owner"


def test_flags_override_branch_and_remote(site_repo, monkeypatch):
    repo, remote = site_repo
    monkeypatch.setenv("HOME", str(repo.parent))
    publish(
        repo / "publishconf.py", {"branch": "site", "cname": "other.example"}, repo=repo
    )
    assert git(remote, "show", "site:CNAME") == "other.example"
    with pytest.raises(PublishError, match="git has no remote 'upstream'"):
        publish(repo / "publishconf.py", {"remote": "upstream"}, repo=repo)


def test_failed_build_pushes_nothing(site_repo, monkeypatch):
    repo, remote = site_repo
    monkeypatch.setenv("HOME", str(repo.parent))
    # A url with a protocol stops the build (Hugo stops there too).
    (repo / "content" / "bad.md").write_text("---\nurl: https://x.example/\n---\n")
    with pytest.raises(PublishError, match="nothing was published"):
        publish(repo / "publishconf.py", repo=repo)
    assert git(remote, "branch", "--list") == ""
