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
        "quick": "the fast set: only the tests that need nothing beyond Python "
        "(no browser, hugo, JRE, S3 server, package index or root) and are "
        "not marked slow, with few property examples, two at a time; "
        "installs nothing",
    }
)
def test(c, pytest_args="", quick=False):
    """Install what the tests need (Debian's chromium, hugo), then run every test
    (--quick: the fast set, installing nothing)."""
    if quick:
        # --quick: see tests/conftest.py. -n 2: pytest-xdist's workers, one
        # per core of this machine: the quick tests keep a core busy (the
        # ones that wait on a timeout or a killed build are marked slow),
        # and a third worker only adds its own start-up (some 2 s of CPU
        # to import and collect). Compiled bytecode is kept outside the
        # checkout, even where PYTHONDONTWRITEBYTECODE is set: the new
        # Python processes would otherwise compile the plugins again.
        cache = Path.home() / ".cache" / "pelican-cameo" / "pycache"
        env = {
            "PYTHONPYCACHEPREFIX": os.environ.get("PYTHONPYCACHEPREFIX", str(cache)),
            "PYTHONDONTWRITEBYTECODE": "",
        }
        command = f"{sys.executable} -m pytest --quick -n 2 {pytest_args}"
        c.run(command, env=env, pty=False)
        return
    from tests.tools import ensure_programs

    ensure_programs()
    c.run(f"{sys.executable} -m pytest {pytest_args}", pty=False)
