"""`invoke livereload`: an edit rebuilds the site and the open page refreshes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error

from .conftest import ROOT, write_tree
from .test_tasks import fetch, free_port


def _wait_until_served(
    url: str, process: subprocess.Popen, seconds: float = 60
) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            if fetch(url)[0] == 200:
                return
        except (urllib.error.URLError, ConnectionError):
            pass
        assert process.poll() is None, "livereload exited early"
        assert time.monotonic() < deadline, "livereload did not start"
        time.sleep(0.2)


def test_edits_to_content_theme_and_settings_rebuild_and_refresh(browser, tmp_path):
    content = write_tree(
        tmp_path / "content", {"_index.md": "---\ntitle: Before the edit\n---\nHello\n"}
    )
    settings = tmp_path / "site.py"
    templates = write_tree(tmp_path / "templates", {"partials/extend_footer.html": ""})
    settings.write_text(
        "from pelicanconf import *\n"
        f"PATH = {str(content)!r}\n"
        f"THEME_TEMPLATES_OVERRIDES = [{str(templates)!r}]\n"
        "SITENAME = 'First name'\n"
    )
    output = tmp_path / "output"
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "invoke",
            "livereload",
            "--port",
            str(port),
            "--settings",
            str(settings),
            "--output",
            str(output),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    context = browser.new_context()
    try:
        url = f"http://127.0.0.1:{port}/"
        _wait_until_served(url, process)
        page = context.new_page()
        requested = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(url)
        assert page.locator("h1").inner_text() == "Before the edit"
        page.wait_for_timeout(1500)  # let the page's live-reload socket connect

        (content / "_index.md").write_text("---\ntitle: After the edit\n---\nHello\n")
        page.wait_for_function(
            "document.querySelector('h1').innerText === 'After the edit'", timeout=30000
        )

        page.wait_for_timeout(1500)  # the reloaded page reconnects its socket
        (templates / "partials" / "extend_footer.html").write_text("<p id=added>Hi</p>")
        page.wait_for_selector("#added", timeout=30000)

        page.wait_for_timeout(1500)
        settings.write_text(settings.read_text().replace("First name", "Second name"))
        page.wait_for_function("document.title.includes('Second name')", timeout=30000)

        assert requested
        for request in requested:
            assert request.startswith(("http://127.0.0.1:", "ws://127.0.0.1:")), request
    except Exception:
        process.terminate()
        print(process.communicate(timeout=10)[0])
        print((output / "index.html").read_text())
        raise
    finally:
        context.close()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
