"""A real object store for the publishing tests: SeaweedFS on 127.0.0.1, and a
small proxy in front of it that fails the requests a test asks it to fail."""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ACCESS_KEY = "cameo-test-access"
SECRET_KEY = "cameo-test-secret-never-printed"


def find_weed() -> str | None:
    beside_python = Path(sys.executable).parent / "weed"
    if beside_python.is_file():
        return str(beside_python)
    return shutil.which("weed")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SeaweedFS:
    """`weed mini` with the loopback and no-telemetry flags, and nothing else."""

    def __init__(self, weed: str, folder: Path) -> None:
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        folder.mkdir(parents=True, exist_ok=True)
        self.log = open(folder / "weed.log", "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [
                weed,
                "mini",
                f"-dir={folder}",
                "-ip=127.0.0.1",
                "-ip.bind=127.0.0.1",
                "-master.telemetry=false",
                "-admin.ui=false",
                "-webdav=false",
                f"-s3.port={self.port}",
            ],
            env={
                **os.environ,
                "AWS_ACCESS_KEY_ID": ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
            },
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def wait_until_ready(self, client, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while True:
            try:
                client.list_buckets()
                return
            except Exception:
                if self.process.poll() is not None:
                    raise RuntimeError("weed exited; see weed.log") from None
                if time.monotonic() > deadline:
                    raise RuntimeError("SeaweedFS did not start") from None
                time.sleep(0.2)

    def stop(self) -> None:
        # weed shuts down in about 2 s on Ctrl+C; on SIGTERM it lingers.
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


class FaultyProxy:
    """Forwards HTTP to ``target``; ``should_fail(method, path)`` picks the
    requests to answer with 503 (or to drop, when it returns "drop")."""

    def __init__(self, target_port: int) -> None:
        self.should_fail: Callable[[str, str], str | bool] = lambda m, p: False
        self.requests: list[tuple[str, str, int]] = []
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _forward(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                verdict = proxy.should_fail(self.command, self.path)
                if verdict == "drop":
                    proxy.requests.append((self.command, self.path, 0))
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if verdict:
                    proxy.requests.append((self.command, self.path, 503))
                    payload = b"<Error><Code>SlowDown</Code></Error>"
                    self.send_response(503)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    return
                upstream = http.client.HTTPConnection(
                    "127.0.0.1", target_port, timeout=60
                )
                upstream.request(self.command, self.path, body, dict(self.headers))
                answer = upstream.getresponse()
                data = answer.read()
                proxy.requests.append((self.command, self.path, answer.status))
                self.send_response(answer.status)
                for name, value in answer.getheaders():
                    if name.lower() not in ("transfer-encoding", "connection"):
                        self.send_header(name, value)
                if answer.getheader("Content-Length") is None:
                    self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)
                upstream.close()

            do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _forward

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.endpoint = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
