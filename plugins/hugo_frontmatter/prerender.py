"""Markdown converted before reading, in forked processes: on a cold cache
a large site's pages are converted by several processes at once, then read
from the Markdown cache as if converted in the build's own process.

The workers end with the build however it ends (a stop signal, Ctrl-C, the
build killed outright), and leave stop signals to it.
"""

from __future__ import annotations

import concurrent.futures
import ctypes
import logging
import multiprocessing
import os
import signal
import threading

from .markdown import cache as markdown_cache
from .markdown import goldmark

logger = logging.getLogger(__name__)


# Fewer texts than this are converted in the build's own process: starting
# the workers costs more than they save.
PARALLEL_AT_LEAST = 200
_worker_renderer: goldmark.Renderer | None = None


def convert_missing(
    texts: list[str], renderer: goldmark.Renderer, renderer_key: str, workers: int
) -> int:
    """Convert, in ``workers`` processes, the ``texts`` that the Markdown
    cache lacks for ``renderer`` and put them in it; nothing when they are
    too few to pay for the workers, or when this process cannot fork
    safely. The number of texts converted."""
    cache = markdown_cache.current()
    todo = cache.missing(renderer_key, list(dict.fromkeys(texts)))
    if len(todo) < PARALLEL_AT_LEAST or workers < 2:
        return 0
    # The workers are forked: a plugin loaded from PLUGIN_PATHS cannot be
    # imported by a fresh process. Forking a process that runs other
    # threads (live reload's server) could copy a lock another thread
    # holds: such a process converts on its own.
    if threading.active_count() > 1 or "fork" not in (
        multiprocessing.get_all_start_methods()
    ):
        return 0
    # Small chunks: a stopped build waits for the ones sent out.
    chunk = max(1, len(todo) // (workers * 16))
    try:
        done = _convert_in_workers(todo, workers, chunk, renderer)
    except Exception as error:  # a plugin that cannot be pickled, no fork
        logger.debug("Markdown in one process: %s", error)
        return 0
    for text, html in zip(todo, done, strict=True):
        cache.put(renderer_key, text, html)
    logger.info("converted %d pages' Markdown in %d processes", len(done), workers)
    return len(done)


# Signals that stop a build. The workers leave them to the build, which
# ends them (Ctrl-C in a terminal reaches every process of its group).
_STOP_SIGNALS = tuple(
    getattr(signal, name)
    for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT")
    if hasattr(signal, name)
)


def _convert_in_workers(
    texts: list[str], workers: int, chunk: int, renderer: goldmark.Renderer
) -> list[str]:
    """``texts`` converted by ``workers`` forked processes, which end with
    the build however it ends: when a stop signal raises here, they finish
    the few chunks already sent them and exit before it goes on (killing
    them instead can leave Python 3.11's pool blocked for good on a full
    pipe); when the build is killed outright, Linux kills them (the
    parent-death signal). Stop signals are held back while they are forked,
    so that none reaches a worker before it has set its own handling."""
    pool = concurrent.futures.ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_start_worker,
        initargs=(renderer.options, renderer.plugins, os.getpid()),
    )
    try:
        held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
        try:  # map submits every chunk at once; the first forks the workers
            results = pool.map(_render_in_worker, texts, chunksize=chunk)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        return list(results)
    finally:
        pool.shutdown(cancel_futures=True)


def _start_worker(options: goldmark.GoldmarkOptions, plugins: list, build: int) -> None:
    """Set up a worker: it dies with the build process ``build``, and
    leaves stop signals to the build."""
    _die_with(build)
    for number in _STOP_SIGNALS:
        signal.signal(number, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    global _worker_renderer
    _worker_renderer = goldmark.Renderer(options, plugins)


def _die_with(parent: int) -> None:
    """Have Linux kill this process when ``parent`` ends (prctl's
    PR_SET_PDEATHSIG); where there is no prctl, nothing."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        set_death_signal = 1  # PR_SET_PDEATHSIG, <linux/prctl.h>
        libc.prctl(set_death_signal, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux
        return
    if os.getppid() != parent:  # it ended before the line above
        os._exit(1)


def _render_in_worker(text: str) -> str:
    return _worker_renderer.render(text)
