"""A stop signal (Ctrl-C, SIGTERM, SIGHUP, SIGQUIT) during a build: one line
instead of a traceback, and never between the two halves of the swap.

While a build runs, a stop signal raises BuildInterrupted, which the build
turns into "the build was interrupted, so output/ was left as it was";
while the new output is put in place, it waits until that is done.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
from collections.abc import Iterator

logger = logging.getLogger(__name__)

# Signals that stop a build with a message instead of a traceback.
STOP_SIGNALS = tuple(
    getattr(signal, name)
    for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT")
    if hasattr(signal, name)
)


class BuildInterrupted(BaseException):
    """A stop signal arrived during a build (a BaseException, like
    KeyboardInterrupt, so that Pelican's own ``except Exception`` lets it by)."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(signal.Signals(signum).name)


class StopSignals:
    """While a build runs, a stop signal raises BuildInterrupted; inside
    ``held()`` it waits until the block is done, then raises."""

    def __init__(self) -> None:
        self.holding = False
        self.pending: int | None = None

    def handle(self, signum: int, frame: object) -> None:
        if self.holding:
            self.pending = signum
        else:
            raise BuildInterrupted(signum)

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        self.holding = True
        try:
            yield
        finally:
            self.holding = False
        if self.pending is not None:
            logger.warning(
                "%s arrived as the new output was put in place; the build is complete",
                signal.Signals(self.pending).name,
            )
            self.pending = None


@contextlib.contextmanager
def stop_signals_raise() -> Iterator[StopSignals]:
    """Turn stop signals into BuildInterrupted for the length of a build, in
    the main thread (Python runs signal handlers only there)."""
    stops = StopSignals()
    if threading.current_thread() is not threading.main_thread():
        yield stops
        return
    previous = {number: signal.getsignal(number) for number in STOP_SIGNALS}
    for number in STOP_SIGNALS:
        signal.signal(number, stops.handle)
    try:
        yield stops
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
