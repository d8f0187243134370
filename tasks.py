"""invoke tasks for this site: `invoke --list` shows them, `invoke --help TASK`
explains one. All but `test` come from pelican-cameo, as another site's would.
"""

import sys

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


@task(help={"pytest-args": "extra arguments for pytest, e.g. '-k front_matter'"})
def test(c, pytest_args=""):
    """Install what the tests need (Debian's chromium, hugo), then run every test."""
    from tests.tools import ensure_programs

    ensure_programs()
    c.run(f"{sys.executable} -m pytest {pytest_args}", pty=False)
