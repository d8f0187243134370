"""Serve a built site on the loopback interface, plain or with live reload,
which draws a failed rebuild's errors over the open pages (BuildErrors).
Neither server follows a link out of the folder it serves (404), and live
reload's own scripts are files of the server, so the pages' CSP lets them
run and still blocks inline scripts. A port that is not a number, or cannot
be listened on, is a ServeError."""

from __future__ import annotations

import errno
import functools
import json
import logging
import mimetypes
import os
import re
import socket
import sys
import threading
from collections.abc import Callable, Iterable
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

from .errors import import_extra

logger = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
NOT_FOUND_PAGE = "404.html"
ERRORS_PATH = "/__cameo/errors.json"
LIVE_SCRIPT_PATH = "/__cameo/live.js"
# What SimpleHTTPRequestHandler opens for a folder.
_INDEX_PAGES = ("index.html", "index.htm")
# One problem of a BuildError: "file:line[:column]: message".
_PROBLEM = re.compile(
    r"(?P<file>[^\n]+?):(?P<line>\d+)(?::(?P<column>\d+))?: (?P<message>.*)", re.S
)


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


def is_inside(path: str | os.PathLike, folder: str | os.PathLike) -> bool:
    """Whether ``path``, its symbolic links followed, is ``folder`` or in it:
    a server answers nothing else, wherever a link in the folder points."""
    real, root = os.path.realpath(path), os.path.realpath(folder)
    return os.path.commonpath([real, root]) == root


def _opened_for(path: str, index_files: Iterable[str]) -> list[str]:
    """The files a request for ``path`` may open: itself, or in a folder
    its index file."""
    if not os.path.isdir(path):
        return [path]
    return [path, *(os.path.join(path, name) for name in index_files)]


def _leaves(paths: Iterable[str], folder: str) -> bool:
    return any(os.path.lexists(path) and not is_inside(path, folder) for path in paths)


def _not_found_page(folder: str) -> str | None:
    """The site's own 404 page in ``folder``, unless it is missing or a link
    out of the folder."""
    page = os.path.join(folder, NOT_FOUND_PAGE)
    return page if os.path.isfile(page) and is_inside(page, folder) else None


class SiteRequestHandler(SimpleHTTPRequestHandler):
    """Static files, answering a missing path, or a link out of the folder,
    with the site's own 404 page."""

    def send_head(self):
        opened = _opened_for(self.translate_path(self.path), _INDEX_PAGES)
        if _leaves(opened, self.directory):
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        return super().send_head()

    def send_error(self, code, message=None, explain=None):
        page = _not_found_page(self.directory)
        if code != HTTPStatus.NOT_FOUND or page is None:
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


class BuildErrors:
    """The last rebuild's errors, which live reload shows over the open pages;
    empty after a good build. ``rebuild`` records them, the server reads them."""

    def __init__(self) -> None:
        self.summary = ""
        self.problems: list[dict] = []

    def record(self, failure: BaseException | str) -> None:
        """Note a failed build: a BuildError's summary and problem lines (each
        split into file, line, column and message), or any error's type and
        text. Text that cannot be encoded (a lone surrogate) is escaped."""
        summary = getattr(failure, "summary", None)
        if not summary:
            summary = str(failure)
            if isinstance(failure, BaseException):
                summary = f"{type(failure).__name__}: {summary}"
        self.summary = " ".join(_escaped(summary).split()) or "unknown error"
        self.problems = [
            _split_problem(_escaped(str(line)))
            for line in getattr(failure, "problems", None) or []
        ]

    def clear(self) -> None:
        self.summary = ""
        self.problems = []

    def to_json(self) -> str:
        return json.dumps({"summary": self.summary, "problems": self.problems})


def _escaped(text: str, encoding: str = "utf-8") -> str:
    """``text`` with what ``encoding`` cannot write (a lone surrogate from
    a file, say) as a backslash escape."""
    return text.encode(encoding, "backslashreplace").decode(encoding)


def showing_errors(rebuild: Callable[[], None], errors: BuildErrors) -> Callable:
    """``rebuild`` for live reload: whatever it raises is kept in ``errors``
    (drawn over the open pages) and printed on one line, instead of reaching
    the server's loop, which would log a traceback and show nothing; a good
    build clears them. The server keeps serving the last good build."""

    def run() -> None:
        try:
            rebuild()
        except Exception as error:  # any failure is shown, not only a BuildError
            errors.record(error)
            encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
            print(_escaped(f"Error: {errors.summary}", encoding), flush=True)
        else:
            errors.clear()

    return run


def _split_problem(line: str) -> dict:
    found = _PROBLEM.fullmatch(line)
    if not found:
        return {"file": None, "line": None, "column": None, "message": line}
    column = found["column"]
    return {
        "file": found["file"],
        "line": int(found["line"]),
        "column": None if column is None else int(column),
        "message": found["message"],
    }


# Served at LIVE_SCRIPT_PATH and named by a <script src> put before </head>
# of every HTML page live reload serves (the pages on disk stay as built): a
# file of the server, which the page's CSP allows as it allows the site's
# own ('self'), where an inline script would need the CSP widened. It loads
# livereload's client (which connects to the server's socket, 'self' too) and
# asks for the errors once the page has loaded and, while there are some,
# every second, so a good build removes the overlay even when livereload
# swaps a stylesheet instead of reloading. Text goes in through
# textContent, never as HTML; styles through the CSSOM, which style-src
# does not govern.
LIVE_SCRIPT = (
    """(function () {
  var client = document.createElement("script");
  client.src = "/livereload.js?port="
    + (location.port || (location.protocol === "https:" ? 443 : 80));
  document.head.appendChild(client);
  var shown = "";
  function element(tag, text, style) {
    var node = document.createElement(tag);
    node.textContent = text;
    node.style.cssText = style || "";
    return node;
  }
  function draw(state) {
    var text = JSON.stringify(state);
    if (text === shown) return;
    shown = text;
    var old = document.getElementById("cameo-build-errors");
    if (old) old.remove();
    if (!state.summary) return;
    var box = element("div", "", "position:fixed;inset:0;z-index:2147483647;"
      + "overflow:auto;padding:2rem;background:#1b1b1bf2;color:#f2f2f2;"
      + "font:15px/1.5 ui-monospace,monospace;white-space:pre-wrap;text-align:left");
    box.id = "cameo-build-errors";
    box.setAttribute("role", "alert");
    box.appendChild(element("p", "Build failed: " + state.summary,
      "margin:0 0 1rem;font-weight:bold;color:#ff8a80"));
    state.problems.forEach(function (problem) {
      var row = element("p", "", "margin:0 0 .75rem");
      if (problem.file) {
        var where = problem.file + ":" + problem.line
          + (problem.column ? ":" + problem.column : "");
        row.appendChild(element("span", where + ": ", "color:#ffd180"));
      }
      row.appendChild(element("span", problem.message));
      box.appendChild(row);
    });
    document.body.appendChild(box);
  }
  function check() {
    fetch("""
    + json.dumps(ERRORS_PATH)
    + """, {cache: "no-store"})
      .then(function (response) { return response.json(); })
      .then(function (state) {
        draw(state);
        if (state.summary) setTimeout(check, 1000);
      })
      .catch(function () {});
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", check);
  } else {
    check();
  }
})();
"""
).encode()
LIVE_SCRIPT_TAG = f'<script src="{LIVE_SCRIPT_PATH}" defer></script>'.encode()


def with_live_script(html: bytes) -> bytes:
    """A page's HTML with live reload's script before its ``</head>``."""
    return html.replace(b"</head>", LIVE_SCRIPT_TAG + b"</head>", 1)


def _is_html(path: str) -> bool:
    return mimetypes.guess_type(path)[0] == "text/html"


def livereload(
    directory: str | os.PathLike,
    watched: Iterable[str | os.PathLike],
    rebuild: Callable[[], None],
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    errors: BuildErrors | None = None,
    changes: ChangedFiles | None = None,
    ignore: Callable[[str], bool] | None = None,
) -> None:
    """Serve ``directory``, call ``rebuild`` when a watched path changes, and
    tell the open browser tabs to reload (the livereload package's script).
    ``errors``, which ``rebuild`` keeps, are drawn over the open pages;
    ``changes`` collects the paths the file events name, for ``rebuild``;
    a file ``ignore`` takes (the build's own output) rebuilds nothing."""
    import_extra("livereload", "tasks", "live reload", ServeError)

    errors = errors or BuildErrors()
    server = _overlay_server(errors, _event_watcher(changes or ChangedFiles()))
    rebuild = showing_errors(rebuild, errors)  # one task for every path
    for path in watched:
        server.watch(os.fspath(path), rebuild, ignore=ignore)
    try:
        server.serve(
            host=host, port=port, root=os.fspath(directory), open_url_delay=None
        )
    except OSError as error:  # the port was taken after check_port
        raise _cannot_listen(host, port, error) from None


def _overlay_server(errors: BuildErrors, watcher):
    """livereload's server, with live reload's script named in the HTML it
    serves (LIVE_SCRIPT_TAG), the script at LIVE_SCRIPT_PATH and ``errors``
    at ERRORS_PATH. Its ``application`` sets up livereload's public handlers
    as livereload's own does, but without the inline script livereload
    would put in each page, which the page's CSP blocks."""
    from livereload import Server
    from livereload.handlers import (
        LiveReloadHandler,
        LiveReloadJSHandler,
        StaticFileHandler,
    )
    from tornado import web

    class ErrorsHandler(web.RequestHandler):
        def get(self) -> None:
            self.set_header("Content-Type", "application/json")
            self.set_header("Cache-Control", "no-store")
            self.write(errors.to_json())

    class LiveScriptHandler(web.RequestHandler):
        def get(self) -> None:
            self.set_header("Content-Type", "text/javascript; charset=utf-8")
            self.set_header("Cache-Control", "no-store")
            self.write(LIVE_SCRIPT)

    class PageHandler(StaticFileHandler):
        """The site's files, none through a link out of the folder; HTML
        pages get live reload's script."""

        def validate_absolute_path(self, root, absolute_path):
            index = [self.default_filename] if self.default_filename else []
            if _leaves(_opened_for(absolute_path, index), root):
                raise web.HTTPError(HTTPStatus.NOT_FOUND)
            return super().validate_absolute_path(root, absolute_path)

        def write_error(self, status_code: int, **kwargs) -> None:
            """The site's own 404 page, as ``serve`` answers."""
            page = _not_found_page(self.root)
            if status_code != HTTPStatus.NOT_FOUND or page is None:
                return super().write_error(status_code, **kwargs)
            with open(page, "rb") as handle:
                body = with_live_script(handle.read())
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(body)

        @classmethod
        def get_content(cls, abspath, start=None, end=None):
            if not _is_html(abspath):
                return super().get_content(abspath, start, end)
            with open(abspath, "rb") as handle:
                return with_live_script(handle.read())[start:end]

        def get_content_size(self) -> int:
            if not _is_html(self.absolute_path):
                return super().get_content_size()
            return len(self.get_content(self.absolute_path))

    class OverlayServer(Server):
        def __init__(self) -> None:
            super().__init__(watcher=watcher)

        def application(self, port, host, liveport=None, debug=None, live_css=True):
            LiveReloadHandler.watcher = self.watcher
            LiveReloadHandler.live_css = live_css
            files = {"path": self.root or ".", "default_filename": "index.html"}
            handlers = [
                (r"/livereload", LiveReloadHandler),
                (r"/livereload\.js", LiveReloadJSHandler),
                (re.escape(ERRORS_PATH), ErrorsHandler),
                (re.escape(LIVE_SCRIPT_PATH), LiveScriptHandler),
                (r"/(.*)", PageHandler, files),
            ]
            web.Application(handlers).listen(port, address=host)

    return OverlayServer()


class ChangedFiles:
    """The paths file events named since a rebuild last took them (empty
    when events are unavailable: a rebuild then builds the whole site)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._paths: set[str] = set()

    def add(self, paths: Iterable[str]) -> None:
        with self._lock:
            self._paths.update(paths)

    def take(self) -> set[str]:
        with self._lock:
            paths, self._paths = self._paths, set()
        return paths

    def peek(self) -> set[str]:
        """The paths named so far, left for the rebuild to take."""
        with self._lock:
            return set(self._paths)


def _event_watcher(changes: ChangedFiles | None = None):
    """livereload's watcher, woken by the system's file events (through
    watchfiles, which Pelican uses too) instead of looking every 0.8 s: an
    edit is seen within about 50 ms.

    On each event it runs the task of each watched path the events name (the
    rebuild), once each, and then refreshes the open tabs itself
    (``LiveReloadHandler.reload_waiters``): livereload's callback would drop
    the refresh for an edit made within 3 s of the last one, leaving the tab
    stale after a quick second save; a build takes a fraction of a second,
    so every one is followed by a refresh. Only
    livereload's public methods and attributes are used: the watched paths
    and their tasks are kept here, not read from it.
    """
    import watchfiles
    from livereload.handlers import LiveReloadHandler

    changes = changes if changes is not None else ChangedFiles()
    from livereload.watcher import Watcher
    from tornado import ioloop

    class EventWatcher(Watcher):
        def __init__(self) -> None:
            super().__init__()
            self.paths: list[str] = []
            self.tasks: dict[str, tuple] = {}  # path -> (func, ignore)

        def watch(self, path, func=None, delay=0, ignore=None) -> None:
            super().watch(path, func, delay, ignore)
            if path not in self.paths:
                self.paths.append(path)
            self.tasks[path] = (func, ignore)

        def note(self, paths: Iterable[str]) -> bool:
            """Keep the paths of file events that a watched path's task
            takes (not an editor's swap file, nor a file beside a watched
            one); whether there were any."""
            kept = [path for path in paths if self._tasks_of(path)]
            changes.add(kept)
            return bool(kept)

        def check_events(self) -> None:
            """Run the task of each watched path the file events named, each
            task once; then refresh the open tabs. Nothing when an earlier
            check's rebuild took the paths already (a burst of events)."""
            due = _due_tasks(changes.peek(), self._tasks_of)
            for func in due:
                func()
            if due and LiveReloadHandler.waiters:
                LiveReloadHandler.reload_waiters()

        def _tasks_of(self, file: str) -> list:
            return _tasks_naming(file, self.tasks, self.ignored_dirs, self.ignore)

        def check(self) -> None:
            """Run the tasks of what changed, then refresh the open tabs."""
            filepath, delay = self.examine()
            if filepath and delay != "forever" and LiveReloadHandler.waiters:
                LiveReloadHandler.reload_waiters()

        def start(self, callback) -> bool:
            # ``callback`` is livereload's throttled check; self.check stands
            # in for it.
            paths = list(self.paths) or [os.getcwd()]
            follow = (watchfiles.watch, paths, self, ioloop.IOLoop.current())
            threading.Thread(target=_follow_events, args=follow, daemon=True).start()
            self.check()  # note the files' times now, to compare with later
            return True

    return EventWatcher()


def _due_tasks(paths: Iterable[str], tasks_of: Callable[[str], list]) -> list:
    """The tasks of the watched paths that name any of ``paths``, each once
    (a rebuild runs once for a burst of changed files), in order."""
    due = []
    for path in paths:
        for func in tasks_of(path):
            if func is not None and func not in due:
                due.append(func)
    return due


def _tasks_naming(
    file: str,
    tasks: dict[str, tuple],
    ignored_dirs: Iterable[str],
    ignored: Callable[[str], bool],
) -> list:
    """The tasks (None for a path watched without one) of the watched paths
    that name ``file``: it is the watched path or in it, and not a file
    livereload's own check would ignore (``ignored_dirs``, ``ignored``), nor
    one the path's own ``ignore`` takes (the build's output)."""
    found = []
    for watched, (func, ignore) in tasks.items():
        inside = os.path.relpath(file, watched)
        if inside == os.pardir or inside.startswith(os.pardir + os.sep):
            continue
        if any(part in ignored_dirs for part in inside.split(os.sep)):
            continue
        if not ignored(file) and not (ignore and ignore(file)):
            found.append(func)
    return found


def _follow_events(watch: Callable, paths: list[str], watcher, loop) -> None:
    """In a thread of its own: hand the file events under ``paths`` that
    ``watcher`` notes to the server's thread (``loop``), where the check and
    the rebuild run. Without events (e.g. the system's watch limit),
    livereload's check of every watched file's time runs every 0.8 s
    instead (50 ms at 5000 files: the events already name them)."""
    from tornado import ioloop

    try:
        for events in watch(*paths, step=20, raise_interrupt=False):
            if watcher.note(path for _, path in events):
                loop.add_callback(watcher.check_events)
    except Exception as error:  # e.g. the system's watch limit
        logger.warning("file events unavailable (%s); checking every 0.8 s", error)
        loop.add_callback(lambda: ioloop.PeriodicCallback(watcher.check, 800).start())
