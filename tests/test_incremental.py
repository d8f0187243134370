"""Builds after the first: the output ends up exactly as a fresh build makes
it, only changed files are written, and a failed build still changes
nothing."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from cameo_tools.errors import BuildError
from cameo_tools.swap import NEXT_PREFIX, RETIRED_PREFIX

from .conftest import HUGO_SETTINGS, build_site, write_tree


def _page(title: str, body: str = "Some text.") -> str:
    return f"---\ntitle: {title}\ndate: 2024-01-02\n---\n{body}\n"


def _site(root: Path) -> Path:
    return write_tree(
        root / "content",
        {
            "posts/a.md": _page("A"),
            "posts/b.md": _page("B"),
            "about.md": _page("About"),
            "images/dot.txt": "a static file\n",
        },
    )


def _build(content: Path, output: Path, cache: Path):
    return build_site(
        content,
        output,
        HUGO_SETTINGS,
        CACHE_PATH=str(cache),
        STATIC_PATHS=["images"],
        FEED_ALL_ATOM="feeds/all.atom.xml",  # feeds go through the writer too
    )


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _stamps(folder: Path) -> dict[str, int]:
    return {
        str(path.relative_to(folder)): path.stat().st_mtime_ns
        for path in folder.rglob("*")
        if path.is_file()
    }


def test_a_rebuild_writes_only_what_changed(tmp_path):
    content, output, cache = _site(tmp_path), tmp_path / "out", tmp_path / "cache"
    _build(content, output, cache)
    before = _stamps(output)
    (content / "posts" / "a.md").write_text(_page("A", "Edited text."))
    result = _build(content, output, cache)
    after = _stamps(output)
    assert "Edited text." in (output / "posts/a/index.html").read_text("utf-8")
    rewritten = sorted(name for name in after if after[name] != before.get(name))
    # The page and the feed, which carries the page's text; nothing else.
    assert rewritten == ["feeds/all.atom.xml", "posts/a/index.html"]
    assert result.changed == 2


def test_the_output_matches_a_fresh_build_after_edits_additions_and_removals(
    tmp_path,
):
    content, output, cache = _site(tmp_path), tmp_path / "out", tmp_path / "cache"
    _build(content, output, cache)
    (content / "posts" / "b.md").unlink()
    (content / "images" / "dot.txt").write_text("changed\n")
    write_tree(content, {"posts/c.md": _page("C"), "images/new.txt": "new\n"})
    _build(content, output, cache)
    fresh = tmp_path / "fresh"
    _build(content, fresh, tmp_path / "other-cache")
    assert _tree(output) == _tree(fresh)
    assert b"<title>C</title>" in _tree(output)["feeds/all.atom.xml"]
    assert not (output / "posts" / "b").exists()  # its folder went too
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "cache",
        "content",
        "fresh",
        "other-cache",
        "out",
    ]


def test_a_failed_rebuild_leaves_the_output_as_it_was(tmp_path):
    content, output, cache = _site(tmp_path), tmp_path / "out", tmp_path / "cache"
    _build(content, output, cache)
    before = _tree(output)
    write_tree(content, {"posts/new.md": _page("New"), "posts/bad.md": "---\n[\n---\n"})
    (content / "posts" / "a.md").write_text(_page("A", "Edited text."))
    with pytest.raises(BuildError, match="bad.md"):
        _build(content, output, cache)
    assert _tree(output) == before
    assert not (output / "posts" / "new").exists()  # not even an empty folder


def test_what_a_stopped_build_left_beside_the_output_is_removed(tmp_path):
    """Before the first build and before a rebuild: a half-made tree, and the
    folder an older version of the build left, are not output and go."""
    content, output, cache = _site(tmp_path), tmp_path / "out", tmp_path / "cache"

    def leave_leftovers() -> list[Path]:
        return [
            write_tree(
                tmp_path / (NEXT_PREFIX.format(name="out") + "1234"),
                {"index.html": "half"},
            ),
            write_tree(tmp_path / ".out.building-x", {"index.html": "older version's"}),
        ]

    leftovers = leave_leftovers()
    _build(content, output, cache)
    assert not any(b"half" in data for data in _tree(output).values())
    assert not any(path.exists() for path in leftovers)
    leftovers = leave_leftovers()
    result = _build(content, output, cache)
    assert result.changed == 0
    assert not any(path.exists() for path in leftovers)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "content", "out"]


def test_a_build_stopped_between_two_renames_gets_the_old_output_back(tmp_path):
    # Where no atomic exchange exists, the output is renamed away and the new
    # tree renamed in; a stop between the two leaves no output at all.
    content, output, cache = _site(tmp_path), tmp_path / "out", tmp_path / "cache"
    _build(content, output, cache)
    before = _tree(output)
    output.rename(tmp_path / (RETIRED_PREFIX.format(name="out") + "1234"))
    (content / "posts" / "a.md").write_text(_page("A", "Edited text."))
    result = _build(content, output, cache)
    assert result.changed == 2  # the page and the feed, against the old output
    assert _tree(output)["posts/b/index.html"] == before["posts/b/index.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "content", "out"]


def test_a_rebuild_with_no_change_writes_nothing(tmp_path):
    content, output, cache = _site(tmp_path), tmp_path / "out", tmp_path / "cache"
    _build(content, output, cache)
    before = _stamps(output)
    result = _build(content, output, cache)
    assert result.changed == 0
    assert _stamps(output) == before
    # Between builds the staging folder in the cache holds folders, no files.
    (staging,) = [path for path in (cache / "cameo-staging").iterdir() if path.is_dir()]
    assert any(path.is_dir() for path in staging.rglob("*"))
    assert not [path for path in staging.rglob("*") if path.is_file()]


@pytest.mark.slow
def test_two_builds_of_one_output_take_turns(tmp_path):
    pytest.importorskip("fcntl")
    content, output, cache = _site(tmp_path), tmp_path / "out", tmp_path / "cache"
    _build(content, output, cache)
    (lock_path,) = (cache / "cameo-staging").glob("*.lock")
    finished = threading.Event()

    def second_build() -> None:
        _build(content, output, cache)
        finished.set()

    # The lock held by another process, as a build there would hold it.
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(lock_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline() == "locked\n"
    thread = threading.Thread(target=second_build)
    thread.start()
    assert not finished.wait(1.0)  # it waits for its turn
    holder.communicate("")  # lets go
    thread.join(timeout=60)
    assert finished.is_set()


HOLD_LOCK = """
import fcntl, os, sys
with open(sys.argv[1], "a") as lock:
    fcntl.lockf(lock, fcntl.LOCK_EX)
    lock.write(f"{os.getpid()}\\n")
    lock.flush()
    print("locked", flush=True)
    sys.stdin.read()
"""


def test_a_file_where_a_folder_goes_and_the_reverse_are_replaced(tmp_path):
    content, output, cache = _site(tmp_path), tmp_path / "out", tmp_path / "cache"
    _build(content, output, cache)
    # As an older build, or a person, may have left them:
    (output / "posts" / "a" / "index.html").unlink()
    (output / "posts" / "a").rmdir()
    (output / "posts" / "a").write_text("a file where a folder goes")
    (output / "images" / "dot.txt").unlink()
    (output / "images" / "dot.txt").mkdir()  # a folder where a static file goes
    (output / "feeds" / "all.atom.xml").unlink()
    (output / "feeds" / "all.atom.xml" / "x").mkdir(parents=True)
    _build(content, output, cache)
    fresh = tmp_path / "fresh"
    _build(content, fresh, tmp_path / "other-cache")
    assert _tree(output) == _tree(fresh)


def test_a_replaced_avatar_gets_its_new_size_in_the_same_process(tmp_path):
    # As in live reload: the page's file is unchanged (its parsed front matter
    # is reused), only the image it points to is replaced.
    from PIL import Image

    content = write_tree(
        tmp_path / "content",
        {"_index.md": "---\ntitle: Me\nicon:\n  url: /images/me.png\n  alt: Me\n---\n"},
    )
    (content / "images").mkdir()
    output, cache = tmp_path / "out", tmp_path / "cache"
    for side in (400, 600):
        Image.new("RGB", (side, side), "grey").save(content / "images" / "me.png")
        _build(content, output, cache)
        html = (output / "index.html").read_text("utf-8")
        assert f'width="{side}"' in html, side


def test_what_a_build_changes_in_a_page_does_not_carry_into_the_next(tmp_path):
    # The parsed front matter is kept between builds in one process; a
    # template (or plugin) that changes a page's dict must not change it.
    # (Not `n`: in Hugo's YAML, go-yaml v2, a key `n` is the boolean false.)
    templates = write_tree(
        tmp_path / "templates",
        {
            "partials/extend_footer.html": (
                "{% if page is defined and page.extra %}"
                "{% set _ = page.extra.update(count=page.extra.count + 1) %}"
                "<p id=n>{{ page.extra.count }}</p>{% endif %}"
            )
        },
    )
    content = write_tree(
        tmp_path / "content",
        {"about.md": "---\ntitle: About\nextra:\n  count: 1\n---\n"},
    )
    for _ in range(2):
        build_site(
            content,
            tmp_path / "out",
            HUGO_SETTINGS,
            CACHE_PATH=str(tmp_path / "cache"),
            THEME_TEMPLATES_OVERRIDES=[str(templates)],
        )
        html = (tmp_path / "out" / "about" / "index.html").read_text("utf-8")
        assert '<p id="n">2</p>' in html or "<p id=n>2</p>" in html
