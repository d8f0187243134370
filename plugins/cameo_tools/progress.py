"""Progress lines for long work: a reporter for publishing's phases, and a
Pelican build's progress worked out from its signals.

On a terminal each phase is one line rewritten in place; elsewhere (CI, a
pipe, a file) plain lines, few enough for a CI log: one when a phase starts,
then at most one every ``every`` seconds *and* 10 % of the work, and one when
it ends. The standard library is enough for both, and one formatter serves
both (rich's live display would take over the terminal and run a thread of
its own for one line a phase).
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any, TextIO

# A build says how far it is once it has run this many seconds (the setting
# CAMEO_PROGRESS_AFTER; None turns it off).
DEFAULT_AFTER = 3.0
# Plain lines: at most one every this many seconds, and every 10 % of a phase.
DEFAULT_EVERY = 5.0
PLAIN_STEP = 10.0  # percent
# A terminal's line is rewritten at most this often (seconds).
REFRESH = 0.1


def on_terminal(stream: TextIO) -> bool:
    """Whether ``stream`` is a terminal a line can be rewritten on (not under
    CI, whose logs keep every ``\\r``, nor on a dumb terminal)."""
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def size(count: int) -> str:
    """A number of bytes for a person: 0 B, 512 B, 1.5 kB, 3.1 MB."""
    if count < 1000:
        return f"{count} B"
    value, unit = count / 1000, "kB"
    for bigger in ("MB", "GB"):
        if value < 1000:
            break
        value, unit = value / 1000, bigger
    return f"{value:.1f} {unit}"


class Progress:
    """Writes the progress of one run's phases to ``stream`` (None: nowhere).

    ``live`` (default: ``stream`` is a terminal) rewrites one line a phase;
    ``after`` keeps everything quiet until that many seconds have passed since
    the reporter was made. ``clock`` is for tests.
    """

    def __init__(
        self,
        stream: TextIO | None,
        *,
        live: bool | None = None,
        every: float = DEFAULT_EVERY,
        after: float = 0.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.live = on_terminal(stream) if live is None and stream else bool(live)
        self.every = every
        self.clock = clock
        self.quiet_until = clock() + after
        self.lock = threading.RLock()
        self._width = 0  # of the line now on the terminal, to blank it out

    def phase(
        self,
        name: str,
        total: int,
        total_bytes: int | None = None,
        unit: str = "files",
        done: int = 0,
        started: float | None = None,
    ) -> Phase:
        """A phase of ``total`` items (and ``total_bytes``, when bytes count),
        ``done`` of them already, started now (or at ``started``, a time of
        the clock); use it as a context manager, or call ``finish()``."""
        return Phase(self, name, total, total_bytes, unit, done, started)

    @contextlib.contextmanager
    def step(self, name: str, text: str) -> Iterator[None]:
        """One piece of work without parts (a CloudFront invalidation, a git
        push): one line, ended with how long it took."""
        started = self.clock()
        with self.lock:
            if self.live and self._due(started):
                self._write(f"{name}: {text} ...", final=False)
        try:
            yield
        except BaseException:
            self._end(f"{name}: {text}, stopped after {self._took(started)}")
            raise
        self._end(f"{name}: {text}, done in {self._took(started)}")

    def due(self) -> bool:
        """Whether the quiet time (``after``) is over."""
        return self._due(self.clock())

    def _due(self, now: float) -> bool:
        return self.stream is not None and now >= self.quiet_until

    def _took(self, started: float) -> str:
        return f"{self.clock() - started:.1f} s"

    def _end(self, line: str) -> None:
        with self.lock:
            if self._due(self.clock()):
                self._write(line, final=True)

    def _write(self, line: str, final: bool) -> None:
        """Print ``line``: on a terminal over the line before, ended by a
        newline when ``final``; elsewhere on a line of its own. Call with the
        lock held."""
        if self.live:
            padding = " " * max(0, self._width - len(line))
            self.stream.write("\r" + line + padding + ("\n" if final else ""))
            self._width = 0 if final else len(line)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


class Phase:
    """One phase's counts; ``advance`` may be called from any thread."""

    def __init__(
        self,
        progress: Progress,
        name: str,
        total: int,
        total_bytes: int | None,
        unit: str,
        done: int = 0,
        started: float | None = None,
    ) -> None:
        self.progress = progress
        self.name = name
        self.total_bytes = total_bytes
        self.unit = unit
        self.done = done
        self.total = max(total, done)
        self.done_bytes = 0
        self.finished = False
        now = progress.clock()
        self.started = now if started is None else started
        self._shown: tuple[float, float] | None = None  # (time, percent) last shown
        with progress.lock:
            self._show(now)

    def __enter__(self) -> Phase:
        return self

    def __exit__(self, kind, error, traceback) -> None:
        self.finish(stopped=kind is not None)

    def percent(self) -> float:
        if self.total_bytes:
            return 100.0 * min(self.done_bytes, self.total_bytes) / self.total_bytes
        if self.total:
            return 100.0 * min(self.done, self.total) / self.total
        return 100.0

    def line(self) -> str:
        text = f"{self.name}: {self.done}/{self.total} {self.unit}"
        if self.total_bytes is not None:
            text += f", {size(self.done_bytes)}/{size(self.total_bytes)}"
        return text + f" ({self.percent():.0f}%)"

    def advance(self, count: int = 1, nbytes: int = 0) -> None:
        """``count`` more items (``nbytes`` more bytes) are done."""
        progress = self.progress
        with progress.lock:
            self.done += count
            self.done_bytes += nbytes
            self.total = max(self.total, self.done)
            if self.total_bytes is not None:
                self.total_bytes = max(self.total_bytes, self.done_bytes)
            self._show(progress.clock())

    def finish(self, stopped: bool = False) -> None:
        """The last line of the phase (once): how much, and how long it took."""
        progress = self.progress
        with progress.lock:
            if self.finished:
                return
            self.finished = True
            now = progress.clock()
            if not progress._due(now):
                return
            took = f"{now - self.started:.1f} s"
            end = f"stopped after {took}" if stopped else f"done in {took}"
            progress._write(f"{self.line()}, {end}", final=True)

    def _show(self, now: float) -> None:
        """Show the counts if a line is due. Call with the lock held."""
        progress = self.progress
        if self.finished or not progress._due(now):
            return
        percent = self.percent()
        if self._shown is not None:
            then, shown = self._shown
            if progress.live:
                if now - then < REFRESH:
                    return
            elif now - then < progress.every or percent - shown < PLAIN_STEP:
                return
        self._shown = (now, percent)
        progress._write(self.line(), final=False)


@contextlib.contextmanager
def build_progress(
    settings: dict[str, Any], stream: TextIO | None = None
) -> Iterator[None]:
    """While a Pelican build runs, say how far it is once it has taken more
    than CAMEO_PROGRESS_AFTER seconds: content files read, then pages
    written, counted from Pelican's signals (to ``stream``, default stdout).
    A quicker build prints nothing, and counts cost a few instructions each.
    """
    after = settings.get("CAMEO_PROGRESS_AFTER", DEFAULT_AFTER)
    if after is None:
        yield
        return
    from pelican import signals

    watcher = _BuildWatcher(
        Progress(sys.stdout if stream is None else stream, after=float(after))
    )
    receivers = [
        (signals.article_generator_init, watcher.on_generator_init),
        (signals.page_generator_init, watcher.on_generator_init),
        (signals.content_object_init, watcher.on_content_read),
        (signals.all_generators_finalized, watcher.on_generators_finalized),
        (signals.article_generator_write_article, watcher.on_content_written),
        (signals.page_generator_write_page, watcher.on_content_written),
        (signals.finalized, watcher.on_finalized),  # before Pelican's "Done"
    ]
    for signal, receiver in receivers:
        signal.connect(receiver, weak=False)  # disconnected below
    try:
        yield
    except BaseException:
        watcher.close(stopped=True)
        raise
    else:
        watcher.close(stopped=False)
    finally:
        for signal, receiver in receivers:
            signal.disconnect(receiver)


class _Tally:
    """One phase of a build counted; its progress line is opened (and its
    total worked out, by ``total``) only once the quiet time is over."""

    def __init__(
        self, progress: Progress, name: str, unit: str, total: Callable[[], int]
    ) -> None:
        self.progress = progress
        self.name, self.unit, self.total = name, unit, total
        self.count = 0
        self.started = 0.0
        self.phase: Phase | None = None

    def add(self) -> None:
        self.count += 1
        if self.phase is not None:
            self.phase.advance()
            return
        if self.count == 1:
            self.started = self.progress.clock()
        if self.progress.due():
            self.phase = self.progress.phase(
                self.name,
                self.total(),
                unit=self.unit,
                done=self.count,
                started=self.started,
            )

    def finish(self, stopped: bool = False) -> None:
        if self.phase is not None:
            self.phase.finish(stopped=stopped)


class _BuildWatcher:
    """Counts a build's content files read and pages written."""

    def __init__(self, progress: Progress) -> None:
        from pelican.contents import Static

        self.static = Static  # static files are not content files
        self.generators: list[Any] = []
        self.reading = _Tally(progress, "build (read)", "files", self._content_files)
        self.writing = _Tally(progress, "build (write)", "pages", self._pages)
        self.read_done = False

    def on_generator_init(self, generator: Any) -> None:
        self.generators.append(generator)

    def on_content_read(self, instance: Any) -> None:
        if not self.read_done and not isinstance(instance, self.static):
            self.reading.add()

    def on_generators_finalized(self, generators: Any) -> None:
        self.read_done = True
        self.reading.finish()

    def on_content_written(self, sender: Any, content: Any = None) -> None:
        self.writing.add()

    def on_finalized(self, pelican: Any) -> None:
        self.close(stopped=False)

    def close(self, stopped: bool) -> None:
        for tally in (self.reading, self.writing):
            tally.finish(stopped=stopped)

    def _content_files(self) -> int:
        """The content files the generators read (a walk of the content
        folder, made once, and only for a build that is taking long)."""
        from pelican.generators import ArticlesGenerator, PagesGenerator

        total = 0
        for generator in self.generators:
            settings = generator.settings
            if isinstance(generator, ArticlesGenerator):
                paths, excludes = (
                    settings["ARTICLE_PATHS"],
                    settings["ARTICLE_EXCLUDES"],
                )
            elif isinstance(generator, PagesGenerator):
                paths, excludes = settings["PAGE_PATHS"], settings["PAGE_EXCLUDES"]
            else:
                continue
            total += len(generator.get_files(paths, exclude=excludes))
        return total

    def _pages(self) -> int:
        """The pages the generators write, one signal each (Pelican's
        generate_articles and PagesGenerator.generate_output)."""
        from pelican.generators import ArticlesGenerator, PagesGenerator

        lists: tuple[str, ...]
        total = 0
        for generator in self.generators:
            if isinstance(generator, ArticlesGenerator):
                lists = ("articles", "translations", "hidden_articles")
                lists += ("hidden_translations",)
            elif isinstance(generator, PagesGenerator):
                lists = ("pages", "translations", "hidden_pages")
                lists += ("hidden_translations", "draft_pages", "draft_translations")
            else:
                continue
            total += sum(len(getattr(generator, name, ())) for name in lists)
        return total
