"""invoke tasks for this site: `invoke --list` shows them, `invoke --help TASK`
explains one. All but `test` come from pelican-cameo, as another site's would.
"""

import os
import sys
from pathlib import Path

from invoke import task

from cameo_tools.tasks import (  # noqa: F401 (invoke collects them)
    build,
    clean,
    livereload,
    preview,
    publish,
    rebuild,
    serve,
)


@task(
    help={
        "pytest-args": "extra arguments for pytest, e.g. '-k front_matter'",
        "quick": "only the tests that need nothing beyond Python (no browser, "
        "hugo, JRE, S3 server, package index or root), three at a time; "
        "installs nothing",
    }
)
def test(c, pytest_args="", quick=False):
    """Install what the tests need (Debian's chromium, hugo), then run every test
    (--quick: only those needing nothing beyond Python, installing nothing)."""
    if quick:
        # --quick: see tests/conftest.py. -n 3: pytest-xdist's workers, one
        # more than this machine's two cores, as many tests spend seconds
        # waiting (on a timeout, a subprocess, a build to kill). Compiled
        # bytecode is kept outside the checkout, even where
        # PYTHONDONTWRITEBYTECODE is set: some 60 new Python processes
        # would otherwise compile the plugins again, a quarter of the time.
        cache = Path.home() / ".cache" / "pelican-cameo" / "pycache"
        env = {
            "PYTHONPYCACHEPREFIX": os.environ.get("PYTHONPYCACHEPREFIX", str(cache)),
            "PYTHONDONTWRITEBYTECODE": "",
        }
        command = f"{sys.executable} -m pytest --quick -n 3 {pytest_args}"
        c.run(command, env=env, pty=False)
        return
    from tests.tools import ensure_programs

    ensure_programs()
    c.run(f"{sys.executable} -m pytest {pytest_args}", pty=False)
