"""The GitHub Actions workflows: this repository's own Pages workflow and the
two a new site gets (site_template/.github/workflows/).

Each validates against GitHub's workflow schema (check-jsonschema's built-in
copy) and passes zizmor's offline audits with no findings, pedantic ones
included. Their build steps then run here as the runner runs them: each
`run:` of the job, in order, with bash, in a copy of a small site, with this
checkout's venv on PATH. What needs GitHub is left out: the `uses:` steps,
and the `pip install` steps, which need the package index (the venv holds
what they install). The folder the artifact upload names must then hold the
built site; the S3 workflow's publish must put it in a bucket.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, missing

TEMPLATE = ROOT / "plugins" / "cameo_tools" / "site_template"
OWN_PAGES = ROOT / ".github" / "workflows" / "pages.yml"
SITE_PAGES = TEMPLATE / ".github" / "workflows" / "pages.yml"
SITE_S3 = TEMPLATE / ".github" / "workflows" / "s3.yml"
WORKFLOWS = [OWN_PAGES, SITE_PAGES, SITE_S3]
GARDEN = ROOT / "examples" / "garden"
VENV_BIN = Path(sys.executable).parent
# The names docs/reuse.md gives for an editable install (see _site).
EDITABLE_THEME = "from pelican.plugins.cameo import theme_path\n\nTHEME = theme_path()"
SHORT_PLUGINS = 'PLUGINS = ["hugo_frontmatter", "cameo"]'
EDITABLE_PLUGINS = (
    'PLUGINS = ["pelican.plugins.hugo_frontmatter", "pelican.plugins.cameo"]'
)
# What the runner would put in place of the expressions the run steps use.
EXPRESSIONS = {"steps.pages.outputs.base_url": "https://owner.github.io/site"}
# GitHub's own actions, by release tag; any other, by a commit, its tag beside.
TAG_PIN = re.compile(r"^actions/[\w.-]+@v\d+$")
COMMIT_PIN = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def _tool(name: str) -> str:
    path = VENV_BIN / name
    if path.is_file():
        return str(path)
    found = shutil.which(name)
    if not found:
        missing(f"{name} is not installed (pip install 'pelican-cameo[test]')")
    return found


def _load(path: Path) -> dict:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    workflow["on"] = workflow.pop(True)
    return workflow


def _ids(paths: list[Path]) -> list[str]:
    return [str(path.relative_to(ROOT)) for path in paths]


@pytest.mark.slow
@pytest.mark.parametrize("path", WORKFLOWS, ids=_ids(WORKFLOWS))
def test_workflow_validates_against_githubs_schema(path):
    result = subprocess.run(
        [
            _tool("check-jsonschema"),
            "--builtin-schema",
            "vendor.github-workflows",
            str(path),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "github", [ROOT / ".github", TEMPLATE / ".github"], ids=["own", "site"]
)
def test_zizmor_finds_nothing(github, tmp_path):
    # As its own repository root, the way a site holds it: zizmor finds the
    # folder's zizmor.yml (the pinning policy) itself.
    shutil.copytree(github, tmp_path / ".github")
    result = subprocess.run(
        [_tool("zizmor"), "--offline", "--pedantic", "--no-progress", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout, result.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=_ids(WORKFLOWS))
def test_actions_are_pinned_by_tag_or_by_a_tagged_commit(path):
    pins = re.findall(r"uses: (\S+(?: # \S+)?)", path.read_text(encoding="utf-8"))
    assert pins
    for pin in pins:
        assert TAG_PIN.match(pin) or COMMIT_PIN.match(pin), pin


@pytest.mark.parametrize("path", WORKFLOWS, ids=_ids(WORKFLOWS))
def test_workflow_runs_on_push_to_main_with_least_permissions(path):
    workflow = _load(path)
    assert workflow["on"]["push"] == {"branches": ["main"]}
    assert workflow["permissions"] == {}
    assert workflow["concurrency"]["cancel-in-progress"] is False
    for job in workflow["jobs"].values():
        assert set(job["permissions"]) <= {"contents", "pages", "id-token"}
        assert "write" not in job["permissions"].get("contents", "read")
        steps = {step.get("uses", "").split("@")[0]: step for step in job["steps"]}
        if "actions/checkout" in steps:
            assert steps["actions/checkout"]["with"]["persist-credentials"] is False
        if "actions/setup-python" in steps:
            assert steps["actions/setup-python"]["with"]["cache"] == "pip"


@pytest.mark.parametrize("path", [OWN_PAGES, SITE_PAGES], ids=["own", "site"])
def test_pages_deploy_job_only_deploys(path):
    deploy = _load(path)["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == [
        "actions/deploy-pages"
    ]


def test_s3_workflow_authenticates_by_oidc_never_by_stored_keys():
    text = SITE_S3.read_text(encoding="utf-8")
    job = _load(SITE_S3)["jobs"]["publish"]
    assert job["permissions"]["id-token"] == "write"
    (aws,) = [
        step
        for step in job["steps"]
        if step.get("uses", "").startswith("aws-actions/configure-aws-credentials@")
    ]
    assert aws["with"] == {
        "role-to-assume": "${{ vars.AWS_ROLE_ARN }}",
        "aws-region": "${{ vars.AWS_REGION }}",
    }
    assert "secrets." not in text
    assert "aws-access-key-id" not in text


def test_site_workflows_hold_no_template_placeholders():
    # pelican-cameo new copies them as they are: no {name} to fill in.
    for path in (SITE_PAGES, SITE_S3):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(?<![$])\{\w+\}", text), path


def _job_run_steps(path: Path, job: str) -> tuple[list[dict], dict]:
    """The steps of ``job`` this machine can run, and its artifact upload."""
    steps = _load(path)["jobs"][job]["steps"]
    runnable = []
    upload = {}
    for step in steps:
        if "uses" in step:
            if step["uses"].startswith("actions/upload-pages-artifact@"):
                upload = step
            continue
        if "python -m pip install " in step["run"]:
            continue  # the package index; the venv holds what it installs
        runnable.append(step)
    return runnable, upload


def _expand(value: str) -> str:
    def replace(match):
        expression = match.group(1).strip()
        assert expression in EXPRESSIONS, f"no stand-in for ${{{{ {expression} }}}}"
        return EXPRESSIONS[expression]

    return re.sub(r"\$\{\{(.*?)\}\}", replace, str(value))


def _run_steps(steps: list[dict], folder: Path) -> None:
    """Run each step as the runner does: `bash -e {0}` (with pipefail), in the
    checkout, with the step's env."""
    base = {
        **os.environ,
        "PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}",
        "CI": "true",
        "GITHUB_ACTIONS": "true",
    }
    for step in steps:
        step_env = {key: _expand(value) for key, value in step.get("env", {}).items()}
        result = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=folder / step.get("working-directory", "."),
            env={**base, **step_env},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, (step, result.stdout, result.stderr)


def _site(tmp_path: Path) -> Path:
    """A copy of examples/garden. The workflow installs pelican-cameo from
    the index, which puts the theme and plugins where their short names find
    them; this venv's editable install does not, so the copy names them the
    way docs/reuse.md gives for an editable install."""
    site = Path(shutil.copytree(GARDEN, tmp_path / "site"))
    for name, short, editable in (
        ("pelicanconf.py", 'THEME = "cameo"', EDITABLE_THEME),
        ("publishconf.py", SHORT_PLUGINS, EDITABLE_PLUGINS),
    ):
        settings = site / name
        text = settings.read_text(encoding="utf-8")
        assert short in text, name
        settings.write_text(text.replace(short, editable), encoding="utf-8")
    return site


@pytest.mark.slow
def test_sites_pages_build_steps_make_the_artifact_folder(tmp_path):
    site = _site(tmp_path)
    steps, upload = _job_run_steps(SITE_PAGES, "build")
    assert [step["run"] for step in steps] == ["invoke preview --output output"]
    _run_steps(steps, site)
    built = site / upload["with"]["path"]
    assert (built / "index.html").is_file()
    assert (built / "posts" / "first" / "index.html").is_file()


@pytest.mark.slow
def test_own_pages_build_steps_make_the_artifact_folder(tmp_path):
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    for name in ("pelicanconf.py", "publishconf.py", "tasks.py"):
        shutil.copy2(ROOT / name, checkout / name)
    shutil.copytree(ROOT / "content", checkout / "content")
    for name in ("theme", "plugins"):
        (checkout / name).symlink_to(ROOT / name)
    steps, upload = _job_run_steps(OWN_PAGES, "build")
    _run_steps(steps, checkout)
    index = checkout / upload["with"]["path"] / "index.html"
    # publishconf.py takes the address Pages gives (configure-pages' base_url).
    assert 'href="https://owner.github.io/site/' in index.read_text(encoding="utf-8")


def test_sites_s3_steps_publish_the_site(s3_bucket, seaweedfs, tmp_path):
    site = _site(tmp_path)
    settings = site / "publishconf.py"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("ann-example-site", s3_bucket), encoding="utf-8")
    steps, _ = _job_run_steps(SITE_S3, "publish")
    assert [step["run"] for step in steps] == ["invoke publish --target s3"]
    # The s3_bucket fixture's environment stands in for what
    # configure-aws-credentials exports (keys, region), with the store's URL.
    _run_steps(steps, site)
    listing = seaweedfs.client.list_objects_v2(Bucket=s3_bucket)
    keys = {item["Key"] for item in listing.get("Contents", [])}
    assert {"index.html", "posts/first/index.html"} <= keys
