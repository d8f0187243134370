"""`invoke livereload`: an edit rebuilds the site and the open page refreshes."""

from __future__ import annotations

import asyncio
import os
import re
import threading
import time

import pytest
from playwright.sync_api import expect

from cameo_tools import serve

from .conftest import fetch, live_socket_waiter, start_livereload, write_tree


def test_edits_to_content_theme_and_settings_rebuild_and_refresh(
    browser, tmp_path, run_server_task
):
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
    url = start_livereload(run_server_task, settings, tmp_path / "output")
    context = browser.new_context()
    try:
        page = context.new_page()
        requested = []
        page.on("request", lambda request: requested.append(request.url))
        wait_for_socket = live_socket_waiter(page)

        page.goto(url)
        assert page.locator("h1").inner_text() == "Before the edit"
        wait_for_socket(1)

        (content / "_index.md").write_text("---\ntitle: After the edit\n---\nHello\n")
        # Locator waits, not wait_for_function: the page's CSP forbids eval.
        expect(page.locator("h1")).to_have_text("After the edit", timeout=30000)

        # A text edit alone: the quick path renders this page only.
        wait_for_socket(2)
        (content / "_index.md").write_text(
            "---\ntitle: After the edit\n---\nHello, again\n"
        )
        expect(page.locator("main")).to_contain_text("Hello, again", timeout=30000)

        wait_for_socket(3)
        (templates / "partials" / "extend_footer.html").write_text("<p id=added>Hi</p>")
        expect(page.locator("#added")).to_have_text("Hi", timeout=30000)

        wait_for_socket(4)
        settings.write_text(settings.read_text().replace("First name", "Second name"))
        expect(page).to_have_title(re.compile("Second name"), timeout=30000)

        assert requested
        for request in requested:
            assert request.startswith(("http://127.0.0.1:", "ws://127.0.0.1:")), request
    finally:
        context.close()


@pytest.mark.slow  # waits out the polling interval
def test_without_file_events_live_reload_checks_every_so_often(tmp_path):
    # watchfiles cannot watch a path that is not there; the watcher then falls
    # back to livereload's own check every 0.8 s instead of never rebuilding.
    watcher = serve._event_watcher()
    missing = tmp_path / "not-there"
    calls = []
    watcher.watch(str(missing), lambda: calls.append(time.monotonic()))

    async def serve_for_a_while() -> None:
        assert watcher.start(lambda: None)
        await asyncio.sleep(0.5)
        missing.write_text("now it is\n")  # seen by a check, not an event
        await asyncio.sleep(2)

    # In a thread of its own: Playwright keeps an event loop in this one.
    thread = threading.Thread(target=lambda: asyncio.run(serve_for_a_while()))
    thread.start()
    thread.join(timeout=30)
    assert len(calls) == 1


def test_a_quick_second_edit_refreshes_the_tabs_too(tmp_path, monkeypatch):
    # livereload's own check drops a refresh within 3 s of the last one.
    from livereload.handlers import LiveReloadHandler

    watched = tmp_path / "page.md"
    watched.write_text("first\n")
    watcher = serve._event_watcher()
    rebuilds = []
    watcher.watch(str(watched), lambda: rebuilds.append(1))

    class Tab:
        def __init__(self) -> None:
            self.messages = []

        def write_message(self, message) -> None:
            self.messages.append(message)

    tab = Tab()
    monkeypatch.setattr(LiveReloadHandler, "watcher", watcher)
    monkeypatch.setattr(LiveReloadHandler, "waiters", set())
    watcher.check()  # the files' times, noted, as the server starts
    LiveReloadHandler.waiters.add(tab)  # then a tab connects
    for number, text in enumerate(["second\n", "third, at once\n"], start=1):
        watched.write_text(text)
        os.utime(watched, (time.time() + number, time.time() + number))
        watcher.check()
    assert len(rebuilds) == 2
    assert [message["command"] for message in tab.messages] == ["reload", "reload"]


def test_a_failed_rebuild_shows_its_errors_over_the_page_until_a_good_one(
    browser, tmp_path, run_server_task, artifacts
):
    content = write_tree(
        tmp_path / "content", {"_index.md": "---\ntitle: Good\n---\nHello\n"}
    )
    settings = tmp_path / "site.py"
    settings.write_text(f"from pelicanconf import *\nPATH = {str(content)!r}\n")
    output = tmp_path / "output"
    url = start_livereload(run_server_task, settings, output)
    # The overlay's script is named as the page is served, not in the file,
    # and is a file of the server, which the page's CSP allows.
    status, _, served = fetch(url)
    assert status == 200
    assert serve.LIVE_SCRIPT_TAG in served
    assert b"__cameo" not in (output / "index.html").read_bytes()
    assert fetch(url + "__cameo/live.js")[2] == serve.LIVE_SCRIPT
    assert fetch(url + "__cameo/errors.json")[2] == b'{"summary": "", "problems": []}'

    context = browser.new_context()
    try:
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog), dialog.dismiss()))
        wait_for_socket = live_socket_waiter(page)
        page.goto(url)
        expect(page.locator("h1")).to_have_text("Good")
        wait_for_socket(1)  # before the edit
        overlay = page.locator("#cameo-build-errors")
        assert overlay.count() == 0

        # A url with a protocol: Hugo stops there too (a bad date it skips).
        script = "https://x.example/<script>alert(1)</script>"
        bad = f"---\ntitle: Broken\nurl: '{script}'\n---\nHello\n"
        (content / "_index.md").write_text(bad)
        expect(overlay).to_be_visible(timeout=30000)
        expect(overlay).to_contain_text("Build failed: the build logged")
        expect(overlay).to_contain_text(f"{content / '_index.md'}:3: 'url' must be")
        expect(overlay).to_contain_text(f"not '{script}'")
        assert overlay.locator("script").count() == 0
        assert dialogs == []
        page.screenshot(path=str(artifacts / "overlay.png"))
        expect(page.locator("h1")).to_have_text("Good")  # the last good build

        (content / "_index.md").write_text("---\ntitle: Fixed\n---\nHello\n")
        expect(page.locator("h1")).to_have_text("Fixed", timeout=30000)
        expect(overlay).to_have_count(0, timeout=30000)
    finally:
        context.close()


def test_build_errors_are_split_into_file_line_column_and_message():
    class Failure(Exception):
        summary = "the build logged 3 errors"
        problems = [
            "/site/content/a.md:4:1: front matter is not valid YAML: <b>",
            "/site/content/b.md:3: 'date' must be a date",
            "Could not process ./a.md",
        ]

    errors = serve.BuildErrors()
    errors.record(Failure())
    assert errors.problems == [
        {
            "file": "/site/content/a.md",
            "line": 4,
            "column": 1,
            "message": "front matter is not valid YAML: <b>",
        },
        {
            "file": "/site/content/b.md",
            "line": 3,
            "column": None,
            "message": "'date' must be a date",
        },
        {"file": None, "line": None, "column": None, "message": Failure.problems[2]},
    ]
    errors.clear()
    assert errors.to_json() == '{"summary": "", "problems": []}'


def test_file_events_run_each_task_they_name_once(tmp_path, monkeypatch):
    """The events name the files: no look at every watched file, and one
    rebuild however many watched paths a burst touches."""
    from livereload.handlers import LiveReloadHandler

    content, theme = tmp_path / "content", tmp_path / "theme"
    content.mkdir()
    theme.mkdir()
    changes = serve.ChangedFiles()
    watcher = serve._event_watcher(changes)
    rebuilds, other = [], []

    def rebuild() -> None:
        rebuilds.append(changes.take())

    watcher.watch(str(content), rebuild)
    watcher.watch(str(theme), rebuild)
    watcher.watch(str(tmp_path / "settings.py"), lambda: other.append(1))
    monkeypatch.setattr(LiveReloadHandler, "waiters", set())

    post, template = str(content / "post.md"), str(theme / "base.html")
    assert watcher.note([post, template])
    watcher.check_events()
    assert rebuilds == [{post, template}] and other == []
    watcher.check_events()  # a second callback of the same burst: taken
    assert len(rebuilds) == 1
    # What livereload's own check leaves out: an editor's swap file, a
    # version control folder, a file outside every watched path.
    swap = str(content / ".post.md.swp")
    assert not watcher.note([swap, str(content / ".git/index"), str(tmp_path / "x")])
    assert changes.peek() == set()
    watcher.check_events()
    assert len(rebuilds) == 1 and other == []


def test_the_builds_own_files_rebuild_nothing_when_the_site_is_its_content(
    tmp_path, monkeypatch
):
    """A migrated Hugo site's content folder is its root (PATH left out), which
    holds the output, the cache and the folders a build leaves beside the
    output: their writes must not set off another rebuild; an edit still
    does."""
    from livereload.handlers import LiveReloadHandler

    from cameo_tools import build

    write_tree(
        tmp_path,
        {
            "cameoconf.py": (
                "from pelican.plugins.cameo import theme_path\n"
                'THEME = theme_path()\nCACHE_PATH = "cache"\n'
            ),
            "content/posts/a.md": "---\ntitle: A\n---\nA\n",
        },
    )
    monkeypatch.chdir(tmp_path)
    output = tmp_path / "output"
    ignore = build.unwatched(tmp_path / "cameoconf.py", output)
    changes = serve.ChangedFiles()
    watcher = serve._event_watcher(changes)
    rebuilds = []
    watcher.watch(str(tmp_path), lambda: rebuilds.append(changes.take()), ignore=ignore)
    monkeypatch.setattr(LiveReloadHandler, "waiters", set())

    own = [
        output / "index.html",
        tmp_path / "cache" / "cameo-staging" / "x" / "page.html",
        tmp_path / ".output.next-1a2b" / "index.html",
        tmp_path / ".output.old-1a2b" / "index.html",
    ]
    assert not watcher.note(str(path) for path in own)
    watcher.check_events()
    assert rebuilds == []
    post = str(tmp_path / "content" / "posts" / "a.md")
    assert watcher.note([post, str(tmp_path / "outputs.md")])
    watcher.check_events()
    assert rebuilds == [{post, str(tmp_path / "outputs.md")}]
