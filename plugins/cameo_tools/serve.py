"""Serve a built site on the loopback interface, plain or with live reload.
A port that is not a number, or cannot be listened on, is a ServeError."""

from __future__ import annotations

import errno
import functools
import logging
import os
import socket
from collections.abc import Callable, Iterable
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

from .errors import import_extra

logger = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
NOT_FOUND_PAGE = "404.html"


class ServeError(Exception):
    """The server cannot start; the message says why and what to do."""


def parse_port(value: str | int) -> int:
    """A --port value as a port number, 1 to 65535."""
    try:
        port = int(str(value).strip())
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise ServeError(f"--port must be a whole number from 1 to 65535, got {value}")
    return port


def _cannot_listen(host: str, port: int, error: OSError) -> ServeError:
    if error.errno == errno.EADDRINUSE:
        why = "the port is in use; stop what uses it, or pass another --port"
    elif error.errno == errno.EACCES:
        why = "permission denied; pass a --port above 1023"
    else:
        reason = error.strerror or str(error)
        why = f"{reason}; check --host and --port"
    return ServeError(f"cannot listen on {host}:{port}: {why}")


def check_port(host: str, port: int) -> None:
    """Fail now, before a build, if ``host:port`` cannot be listened on."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        family, kind, _, _, address = infos[0]
        with socket.socket(family, kind) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
            probe.listen()
    except OSError as error:
        raise _cannot_listen(host, port, error) from None


class SiteRequestHandler(SimpleHTTPRequestHandler):
    """Static files, answering a missing path with the site's own 404 page."""

    def send_error(self, code, message=None, explain=None):
        page = os.path.join(self.directory, NOT_FOUND_PAGE)
        if code != HTTPStatus.NOT_FOUND or not os.path.isfile(page):
            return super().send_error(code, message, explain)
        with open(page, "rb") as handle:
            body = handle.read()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        logger.info("%s %s", self.address_string(), format % args)


def make_server(
    directory: str | os.PathLike, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT
) -> ThreadingHTTPServer:
    """An HTTP server for ``directory``; port 0 picks a free port."""
    handler = functools.partial(SiteRequestHandler, directory=os.fspath(directory))
    try:
        return ThreadingHTTPServer((host, port), handler)
    except OSError as error:
        raise _cannot_listen(host, port, error) from None


def serve(
    directory: str | os.PathLike, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT
) -> None:
    with make_server(directory, host, port) as server:
        print(f"Serving {directory} at http://{host}:{server.server_port}/")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


def livereload(
    directory: str | os.PathLike,
    watched: Iterable[str | os.PathLike],
    rebuild: Callable[[], None],
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
) -> None:
    """Serve ``directory``, call ``rebuild`` when a watched path changes, and
    tell the open browser tabs to reload (the livereload package's script)."""
    import_extra("livereload", "tasks", "live reload", ServeError)
    from livereload import Server

    server = Server(watcher=_event_watcher())
    for path in watched:
        server.watch(os.fspath(path), rebuild)
    try:
        server.serve(
            host=host, port=port, root=os.fspath(directory), open_url_delay=None
        )
    except OSError as error:  # the port was taken after check_port
        raise _cannot_listen(host, port, error) from None


def _event_watcher():
    """livereload's watcher, woken by the system's file events (through
    watchfiles, which Pelican uses too) instead of looking every 0.8 s: an
    edit is seen within about 50 ms.

    On each event it runs livereload's own check (``examine``, which runs the
    rebuild for what changed) and then refreshes the open tabs itself
    (``LiveReloadHandler.reload_waiters``). livereload's callback would drop
    the refresh for an edit made within 3 s of the last one, so a quick second
    save rebuilt the site but left the tab stale; a build takes a fraction of
    a second, so every one is followed by a refresh. Only livereload's public
    methods are used: the watched paths are kept here, not read from it.
    """
    import threading

    import watchfiles
    from livereload.handlers import LiveReloadHandler
    from livereload.watcher import Watcher
    from tornado import ioloop

    class EventWatcher(Watcher):
        def __init__(self) -> None:
            super().__init__()
            self.paths: list[str] = []

        def watch(self, path, func=None, delay=0, ignore=None) -> None:
            super().watch(path, func, delay, ignore)
            if path not in self.paths:
                self.paths.append(path)

        def check(self) -> None:
            """Run the tasks of what changed, then refresh the open tabs."""
            filepath, delay = self.examine()
            if filepath and delay != "forever" and LiveReloadHandler.waiters:
                LiveReloadHandler.reload_waiters()

        def start(self, callback) -> bool:
            # ``callback`` is livereload's throttled check; self.check stands
            # in for it.
            loop = ioloop.IOLoop.current()
            paths = list(self.paths) or [os.getcwd()]

            def wait_for_changes() -> None:
                try:
                    for _ in watchfiles.watch(*paths, step=20, raise_interrupt=False):
                        # The check and the rebuild run in the server's thread.
                        loop.add_callback(self.check)
                except Exception as error:  # e.g. the system's watch limit
                    logger.warning(
                        "file events unavailable (%s); checking every 0.8 s", error
                    )
                    loop.add_callback(
                        lambda: ioloop.PeriodicCallback(self.check, 800).start()
                    )

            threading.Thread(target=wait_for_changes, daemon=True).start()
            self.check()  # note the files' times now, to compare with later
            return True

    return EventWatcher()
