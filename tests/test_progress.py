"""Progress lines: the reporter on a terminal and in plain mode (a fake clock,
no timing), from many threads at once, and a real build's progress."""

from __future__ import annotations

import io
import re
import threading

import pytest

from cameo_tools.progress import Progress, on_terminal, size

from .conftest import build_site, write_tree


class Clock:
    """A clock that moves only when told."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def plain(**options) -> tuple[Progress, io.StringIO, Clock]:
    stream, clock = io.StringIO(), Clock()
    return Progress(stream, live=False, clock=clock, **options), stream, clock


def test_plain_lines_at_start_at_most_every_n_seconds_and_10_percent_and_end():
    progress, stream, clock = plain(every=5)
    with progress.phase("assets", 100, 100_000) as phase:
        for _ in range(100):
            clock.now += 1  # a file a second: 10 % takes 10 s, rarer than 5 s
            phase.advance(1, 1000)
    assert stream.getvalue().splitlines() == [
        "assets: 0/100 files, 0 B/100.0 kB (0%)",
        "assets: 10/100 files, 10.0 kB/100.0 kB (10%)",
        "assets: 20/100 files, 20.0 kB/100.0 kB (20%)",
        "assets: 30/100 files, 30.0 kB/100.0 kB (30%)",
        "assets: 40/100 files, 40.0 kB/100.0 kB (40%)",
        "assets: 50/100 files, 50.0 kB/100.0 kB (50%)",
        "assets: 60/100 files, 60.0 kB/100.0 kB (60%)",
        "assets: 70/100 files, 70.0 kB/100.0 kB (70%)",
        "assets: 80/100 files, 80.0 kB/100.0 kB (80%)",
        "assets: 90/100 files, 90.0 kB/100.0 kB (90%)",
        "assets: 100/100 files, 100.0 kB/100.0 kB (100%)",
        "assets: 100/100 files, 100.0 kB/100.0 kB (100%), done in 100.0 s",
    ]


def test_plain_lines_wait_for_the_seconds_when_those_are_rarer():
    progress, stream, clock = plain(every=30)
    with progress.phase("HTML", 100, 100) as phase:
        for _ in range(100):
            clock.now += 1
            phase.advance(1, 1)
    lines = stream.getvalue().splitlines()
    assert [line.split(" ", 2)[1] for line in lines] == [
        "0/100",
        "30/100",
        "60/100",
        "90/100",
        "100/100",
    ]


def test_a_quick_phase_is_a_start_and_an_end_line():
    progress, stream, clock = plain()
    with progress.phase("deletes", 3000, unit="objects") as phase:
        for _ in range(3):
            phase.advance(1000)
    assert stream.getvalue().splitlines() == [
        "deletes: 0/3000 objects (0%)",
        "deletes: 3000/3000 objects (100%), done in 0.0 s",
    ]


def test_percent_goes_by_bytes_when_they_count():
    progress, stream, clock = plain(every=0)
    with progress.phase("assets", 2, 1000) as phase:
        phase.advance(1, 900)  # one big file of two
    assert "assets: 1/2 files, 900 B/1.0 kB (90%)" in stream.getvalue().splitlines()


def test_a_failed_phase_ends_its_line_with_stopped():
    progress, stream, clock = plain()
    with pytest.raises(RuntimeError):
        with progress.phase("HTML", 10, 10) as phase:
            phase.advance(4, 4)
            clock.now += 2
            raise RuntimeError("store went away")
    assert stream.getvalue().splitlines()[-1] == (
        "HTML: 4/10 files, 4 B/10 B (40%), stopped after 2.0 s"
    )


def test_terminal_line_is_rewritten_in_place_and_ended_with_a_newline():
    stream, clock = io.StringIO(), Clock()
    progress = Progress(stream, live=True, clock=clock)
    with progress.phase("assets", 1000, 1000) as phase:
        for _ in range(1000):
            clock.now += 0.01  # a rewrite every tenth of a second at most
            phase.advance(1, 1)
    text = stream.getvalue()
    assert text.count("\n") == 1 and text.endswith("(100%), done in 10.0 s\n")
    shown = text.split("\r")[1:]
    assert shown[0] == "assets: 0/1000 files, 0 B/1.0 kB (0%)"
    assert 90 <= len(shown) <= 102  # throttled, not one a file
    assert all(
        re.fullmatch(r"assets: \d+/1000 files, .*\(\d+%\)\s*", s) for s in shown[:-1]
    )


def test_terminal_blanks_out_the_end_of_a_longer_line_before():
    stream, clock = io.StringIO(), Clock()
    progress = Progress(stream, live=True, clock=clock)
    with progress.phase("assets", 2, 2_000_000) as phase:
        clock.now += 1
        phase.advance(1, 999_900)
        clock.now += 1
        phase.advance(0, 100)  # 999.9 kB -> 1.0 MB: two characters fewer
    shown = stream.getvalue().split("\r")[1:]
    assert shown[1] == "assets: 1/2 files, 999.9 kB/2.0 MB (50%)"
    assert shown[2] == "assets: 1/2 files, 1.0 MB/2.0 MB (50%)  "


def test_a_step_on_a_terminal_is_one_line_rewritten_when_done():
    stream, clock = io.StringIO(), Clock()
    progress = Progress(stream, live=True, clock=clock)
    with progress.step("CloudFront", "invalidation of 12 paths in distribution E1"):
        clock.now += 0.5
    assert stream.getvalue() == (
        "\rCloudFront: invalidation of 12 paths in distribution E1 ..."
        "\rCloudFront: invalidation of 12 paths in distribution E1, done in 0.5 s\n"
    )


def test_a_step_is_one_plain_line():
    progress, stream, clock = plain()
    with progress.step("push", "to origin/gh-pages"):
        clock.now += 1.25
    assert stream.getvalue() == "push: to origin/gh-pages, done in 1.2 s\n"


def test_nothing_is_shown_before_the_quiet_time_is_over():
    progress, stream, clock = plain(every=0, after=3)
    with progress.phase("read", 10) as quick:
        quick.advance(10)
    assert stream.getvalue() == ""  # a quick phase says nothing
    with progress.phase("write", 10, unit="pages") as slow:
        for _ in range(10):
            clock.now += 1
            slow.advance()
    lines = stream.getvalue().splitlines()
    assert lines[0] == "write: 3/10 pages (30%)"
    assert lines[-1] == "write: 10/10 pages (100%), done in 10.0 s"


def test_no_stream_prints_nothing(capsys):
    progress = Progress(None)
    with progress.phase("assets", 3, 3) as phase:
        phase.advance(3, 3)
    with progress.step("push", "to origin/gh-pages"):
        pass
    assert capsys.readouterr() == ("", "")  # not on stdout or stderr either


def test_advancing_from_many_threads_counts_everything_once():
    progress, stream, clock = plain(every=0)
    with progress.phase("assets", 8000, 8000) as phase:

        def upload_many():
            for _ in range(1000):
                phase.advance(1, 1)

        threads = [threading.Thread(target=upload_many) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert (phase.done, phase.done_bytes) == (8000, 8000)
    lines = stream.getvalue().splitlines()
    assert lines[-1].startswith("assets: 8000/8000 files, 8.0 kB/8.0 kB (100%)")
    counts = []
    for line in lines:  # whole lines, never two written into one another
        found = re.fullmatch(
            r"assets: (\d+)/8000 files, .* \((\d+)%\)(, done.*)?", line
        )
        assert found, line
        counts.append(int(found[1]))
    assert counts == sorted(counts) and len(lines) <= 13


def test_terminal_only_outside_ci(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert on_terminal(Terminal())
    assert not on_terminal(io.StringIO())
    monkeypatch.setenv("CI", "true")
    assert not on_terminal(Terminal())
    assert not Progress(Terminal()).live


def test_sizes_read_as_a_person_would():
    assert [size(n) for n in (0, 999, 1000, 1_534_000, 2_000_000_000)] == [
        "0 B",
        "999 B",
        "1.0 kB",
        "1.5 MB",
        "2.0 GB",
    ]


def many_pages(count: int) -> dict[str, str]:
    return {
        f"page{number}.md": f"---\ntitle: Page {number}\n---\nText {number}.\n"
        for number in range(count)
    }


def test_a_long_build_says_how_far_it_is(tmp_path, capsys):
    content = write_tree(tmp_path / "content", many_pages(40))
    build_site(content, tmp_path / "output", CAMEO_PROGRESS_AFTER=0)
    lines = capsys.readouterr().out.splitlines()
    assert "build (read): 40/40 files (100%), done in" in "\n".join(lines)
    written = [line for line in lines if line.startswith("build (write): ")]
    assert re.fullmatch(
        r"build \(write\): 40/40 pages \(100%\), done in \d+\.\d s", written[-1]
    )


def test_a_quick_build_says_nothing_of_its_progress(tmp_path, capsys):
    content = write_tree(tmp_path / "content", many_pages(5))
    build_site(content, tmp_path / "output", CAMEO_PROGRESS_AFTER=600)
    build_site(content, tmp_path / "again", CAMEO_PROGRESS_AFTER=None)
    shown = capsys.readouterr()
    assert "build (" not in shown.out + shown.err
