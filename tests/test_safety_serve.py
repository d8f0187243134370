"""Serving safely: live reload's pages keep the CSP (content's scripts never
run, in a build or under live reload), no server follows a link out of the
folder it serves, a static file linked from outside the content folder is
refused, and every failed live rebuild is shown over the open pages."""

from __future__ import annotations

import io
import os
import re
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from playwright.sync_api import expect

from cameo_tools import serve
from cameo_tools.errors import BuildError

from .conftest import (
    build_site,
    fetch,
    live_socket_waiter,
    start_livereload,
    write_tree,
)

HOME = "---\ntitle: Home\n---\nHello\n"
# Raw HTML is let through (Goldmark's `unsafe`), so that the page carries
# what an attacker's content would: an inline script and an event handler.
ATTACKS = (
    "---\ntitle: Home\n---\nHello\n\n"
    '<script>document.documentElement.dataset.pwned = "script"; alert(1)</script>\n\n'
    '<img src="/no-such-image.png" '
    "onerror=\"document.documentElement.dataset.pwned = 'onerror'; alert(2)\">\n"
)
UNSAFE = "HUGO_FRONTMATTER = {'markup': {'goldmark': {'renderer': {'unsafe': True}}}}\n"
CSP = b'<meta http-equiv="Content-Security-Policy" content="default-src \'self\';'


def _live_site(tmp_path: Path, files: dict[str, str], extra: str = "") -> Path:
    content = write_tree(tmp_path / "content", files)
    settings = tmp_path / "site.py"
    settings.write_text(
        f"from pelicanconf import *\nPATH = {str(content)!r}\n"
        f"CACHE_PATH = {str(tmp_path / 'cache')!r}\n{extra}"
    )
    return settings


def _theme_pages(folder: Path) -> dict[str, bytes]:
    """The pages the theme writes: not Hugo's redirects (the owner's
    settings give one, from /en/ to the home page), which hold no script
    and no content."""
    pages = {
        name: html
        for name, html in _html_files(folder).items()
        if b'http-equiv="refresh"' not in html
    }
    assert {"index.html", "404.html"} <= pages.keys()
    return pages


def _html_files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*.html"))
    }


# --- 6: live reload's pages are a built site, CSP and all ---------------------


def test_live_reload_writes_what_a_build_writes_and_content_scripts_never_run(
    browser, tmp_path, run_server_task
):
    settings = _live_site(tmp_path, {"_index.md": ATTACKS}, UNSAFE)
    output = tmp_path / "output"
    url = start_livereload(run_server_task, settings, output)
    # What live reload leaves for `invoke serve` is what `invoke build`
    # writes: every page with the full CSP.
    built = tmp_path / "built"
    build_site(
        tmp_path / "content",
        built,
        settings,
        CACHE_PATH=str(tmp_path / "cache-of-build"),
    )
    assert _html_files(output) == _html_files(built)
    assert all(CSP in html for html in _theme_pages(output).values())
    served = fetch(url)[2]
    assert CSP in served and b"<script>document.documentElement" in served
    assert b'onerror="document.documentElement' in served

    context = browser.new_context()
    try:
        page = context.new_page()
        dialogs, errors = [], []
        page.on("dialog", lambda dialog: (dialogs.append(dialog), dialog.dismiss()))
        page.on(
            "console",
            lambda message: message.type == "error" and errors.append(message.text),
        )
        wait_for_socket = live_socket_waiter(page)
        page.goto(url)
        expect(page.locator("h1")).to_have_text("Home")
        # Live reload's own scripts run under the CSP: its socket connects
        # and an edit refreshes the page.
        wait_for_socket(1)
        (tmp_path / "content" / "_index.md").write_text(
            ATTACKS.replace("title: Home", "title: Edited")
        )
        expect(page.locator("h1")).to_have_text("Edited", timeout=30000)
        assert all(CSP in html for html in _theme_pages(output).values())
        wait_for_socket(2)
        assert page.locator("html[data-pwned]").count() == 0
        assert dialogs == []
        # What the CSP refused is the content's (on each load), nothing of
        # live reload's; the missing image is the attack's own request.
        refused = [text for text in errors if "Content Security Policy" in text]
        assert {text.split(" violates ")[0] for text in refused} == {
            "Executing inline script",
            "Executing inline event handler",
        }, refused
        assert all(
            "Content Security Policy" in text or "404" in text for text in errors
        ), errors
    finally:
        context.close()


# --- 12: every failed live rebuild is drawn over the page ---------------------


def test_a_surrogate_in_front_matter_shows_its_error_over_the_page(
    browser, tmp_path, run_server_task
):
    settings = _live_site(tmp_path, {"_index.md": HOME})
    url = start_livereload(run_server_task, settings, tmp_path / "output")
    context = browser.new_context()
    try:
        page = context.new_page()
        wait_for_socket = live_socket_waiter(page)
        page.goto(url)
        expect(page.locator("h1")).to_have_text("Home")
        wait_for_socket(1)
        overlay = page.locator("#cameo-build-errors")
        (tmp_path / "content" / "_index.md").write_text('{"title": "\\ud800"}\nHello\n')
        expect(overlay).to_be_visible(timeout=30000)
        expect(overlay).to_contain_text("Build failed: ")
        # The file named (the reader's own error), or the text escaped.
        expect(overlay).to_contain_text(re.compile(r"_index\.md|\\ud800"))
        expect(page.locator("h1")).to_have_text("Home")  # the last good build
        (tmp_path / "content" / "_index.md").write_text(HOME.replace("Home", "Fixed"))
        expect(page.locator("h1")).to_have_text("Fixed", timeout=30000)
        expect(overlay).to_have_count(0, timeout=30000)
    finally:
        context.close()


@pytest.mark.parametrize(
    "failure",
    [
        UnicodeEncodeError("utf-8", "title \ud800", 6, 7, "surrogates not allowed"),
        RuntimeError("a template broke on 'caf\udce9' <b>"),
        BuildError("the build logged 1 error", ["content/a.md:2: bad \ud800 <i>"]),
    ],
    ids=["encode-error", "any-error", "build-error"],
)
def test_any_failed_rebuild_is_recorded_and_printed_on_one_line(failure):
    errors = serve.BuildErrors()

    def rebuild() -> None:
        raise failure

    printed = io.StringIO()
    with redirect_stdout(printed):
        serve.showing_errors(rebuild, errors)()
    line = printed.getvalue()
    assert line.startswith("Error: ") and line.count("\n") == 1
    line.encode("utf-8")  # a lone surrogate would not print to a UTF-8 terminal
    state = errors.to_json()
    state.encode("utf-8")
    assert errors.summary
    assert "\\ud800" in errors.summary + str(errors.problems) or "\\udce9" in (
        errors.summary
    )
    if isinstance(failure, BuildError):
        assert errors.problems[0]["file"] == "content/a.md"
    else:
        assert type(failure).__name__ in errors.summary

    serve.showing_errors(lambda: None, errors)()  # a good build clears them
    assert errors.to_json() == '{"summary": "", "problems": []}'


# --- 11: no server follows a link out of its folder --------------------------


@pytest.fixture
def linked_output(tmp_path) -> Path:
    """A served folder holding links: one inside it, three out of it."""
    outside = write_tree(
        tmp_path / "outside", {"secret.txt": "secret\n", "page.html": "secret page"}
    )
    output = write_tree(
        tmp_path / "output",
        {
            "index.html": "<html><head></head><body>home</body></html>",
            "404.html": "<p>Page not found</p>",
            "real.txt": "real\n",
        },
    )
    (output / "inside.txt").symlink_to(output / "real.txt")
    (output / "passwd.txt").symlink_to(outside / "secret.txt")
    (output / "folder").symlink_to(outside, target_is_directory=True)
    (output / "sub").mkdir()
    (output / "sub" / "index.html").symlink_to(outside / "page.html")
    return output


def _check_links_are_refused(base: str) -> None:
    assert fetch(base + "inside.txt")[::2] == (200, b"real\n")
    for path in ("passwd.txt", "folder/secret.txt", "folder/page.html", "sub/"):
        status, _, body = fetch(base + path)
        assert status == 404, path
        assert b"secret" not in body, path


def test_serve_answers_404_for_a_link_out_of_the_folder(linked_output, serve_dir):
    base = serve_dir(linked_output) + "/"
    _check_links_are_refused(base)
    assert b"Page not found" in fetch(base + "passwd.txt")[2]


@pytest.mark.slow
def test_live_reload_answers_404_for_a_link_out_of_the_folder(
    tmp_path, run_server_task
):
    settings = _live_site(tmp_path, {"_index.md": HOME})
    output = tmp_path / "output"
    url = start_livereload(run_server_task, settings, output)
    outside = write_tree(
        tmp_path / "outside", {"secret.txt": "secret\n", "page.html": "secret page"}
    )
    (output / "real.txt").write_text("real\n")
    (output / "inside.txt").symlink_to(output / "real.txt")
    (output / "passwd.txt").symlink_to(outside / "secret.txt")
    (output / "folder").symlink_to(outside, target_is_directory=True)
    (output / "sub").mkdir()
    (output / "sub" / "index.html").symlink_to(outside / "page.html")
    _check_links_are_refused(url)
    status, kind, body = fetch(url + "passwd.txt")
    assert kind.startswith("text/html") and b"Page not found" in body
    assert serve.LIVE_SCRIPT_TAG in body


# --- 11: a static file linked from outside the content folder ----------------


def test_a_static_link_out_of_content_stops_the_build(tmp_path, monkeypatch):
    outside = write_tree(tmp_path / "elsewhere", {"out.txt": "secret\n"})
    content = write_tree(
        tmp_path / "content",
        {"_index.md": HOME, "images/photo.txt": "photo\n", "shared/a.txt": "a\n"},
    )
    images = content / "images"
    (images / "out.txt").symlink_to(outside / "out.txt")
    (images / "folder").symlink_to(outside, target_is_directory=True)
    (images / "inside.txt").symlink_to(content / "shared" / "a.txt")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BuildError) as caught:
        build_site(content, tmp_path / "out")
    assert not (tmp_path / "out").exists()
    problems = caught.value.problems
    links = [p for p in problems if p.startswith("content/")]
    assert links == [
        f"content/images/folder: is a link to {outside}, outside the content "
        "folder, so it is not copied; put the file itself in the folder, or "
        "remove the link",
        f"content/images/out.txt: is a link to {outside / 'out.txt'}, outside the "
        "content folder, so it is not copied; put the file itself in the folder, "
        "or remove the link",
    ], problems


def test_a_static_link_inside_content_is_copied(tmp_path):
    content = write_tree(
        tmp_path / "content", {"_index.md": HOME, "shared/a.txt": "shared\n"}
    )
    (content / "images").mkdir()
    (content / "images" / "a.txt").symlink_to(content / "shared" / "a.txt")
    build_site(content, tmp_path / "out")
    copied = tmp_path / "out" / "images" / "a.txt"
    assert copied.read_text() == "shared\n" and not copied.is_symlink()


def test_serve_does_not_follow_the_folders_own_404_page_out(tmp_path, serve_dir):
    outside = write_tree(tmp_path / "outside", {"404.html": "secret 404"})
    output = write_tree(tmp_path / "output", {"index.html": "home"})
    (output / "404.html").symlink_to(outside / "404.html")
    status, _, body = fetch(serve_dir(output) + "/missing")
    assert status == 404 and b"secret" not in body
    assert os.path.islink(output / "404.html")
