"""Real HTTP servers on 127.0.0.1 for the link tests, with counted routes.

Each :class:`Site` listens on its own port (a separate "host" for the checker), serves
HTTP/1.1 with keep-alive from a thread per connection, and counts every request by path
and by (method, path), so tests can assert that no URL was asked more often than the
retry policy allows.
"""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b"<html><title>ok</title>fine</html>"
    delay: float = 0.0
    #: stream this many bytes (no Content-Length, close-delimited) instead of ``body``
    stream: int = 0


Route = Callable[["Site", str, int], Reply]


def _redirect(status: int, to: str) -> Route:
    return lambda site, method, n: Reply(status, {"Location": to}, b"")


def _first_then(first: Reply, then: Reply) -> Route:
    return lambda site, method, n: first if n == 1 else then


STANDARD: dict[str, Route] = {
    "/": lambda s, m, n: Reply(),
    "/ok": lambda s, m, n: Reply(),
    "/page2": lambda s, m, n: Reply(),
    "/moved": _redirect(301, "/page2"),
    "/moved-308": _redirect(308, "/page2"),
    "/temp": _redirect(302, "/page2"),
    "/to-root": _redirect(301, "/"),
    "/to-error-page": _redirect(302, "/errors/404.html"),
    "/errors/404.html": lambda s, m, n: Reply(),
    "/missing": lambda s, m, n: Reply(404, body=b"<html>not found</html>"),
    "/gone": lambda s, m, n: Reply(410, body=b"gone"),
    "/to-missing": _redirect(301, "/missing"),
    "/rate-limited": _first_then(Reply(429, {"Retry-After": "1"}, b"slow down"), Reply()),
    "/rate-limited-long": lambda s, m, n: Reply(429, {"Retry-After": "3600"}, b"slow down"),
    "/flaky": _first_then(Reply(503, body=b"busy"), Reply()),
    "/down": lambda s, m, n: Reply(503, body=b"busy"),
    "/slow": lambda s, m, n: Reply(delay=4.0),
    "/no-head": lambda s, m, n: Reply(405, body=b"") if m == "HEAD" else Reply(),
    "/huge": lambda s, m, n: Reply(405, body=b"") if m == "HEAD" else Reply(stream=1 << 30),
    "/loop-a": _redirect(301, "/loop-b"),
    "/loop-b": _redirect(301, "/loop-a"),
    "/bot-wall": lambda s, m, n: Reply(403, {"cf-mitigated": "challenge"}, b"just a moment"),
    "/forbidden": lambda s, m, n: Reply(403, body=b"no"),
    "/linkedin": lambda s, m, n: Reply(999, body=b""),
    "/head-404": lambda s, m, n: Reply(404, body=b"") if m == "HEAD" else Reply(),
    "/snapshot": lambda s, m, n: Reply(body=b"<html>archived copy</html>"),
    # prefix routes: any path below them
    "/p/*": lambda s, m, n: Reply(),
    "/delay/*": lambda s, m, n: Reply(delay=0.2),
    "/dead/*": lambda s, m, n: Reply(404, body=b"not found"),
}


def _route(routes: dict[str, Route], path: str) -> Route | None:
    route = routes.get(path)
    if route is None:
        for key, value in routes.items():
            if key.endswith("*") and path.startswith(key[:-1]):
                return value
    return route


class Site:
    """An HTTP server on 127.0.0.1 with the standard routes plus any extra ones."""

    def __init__(self, routes: dict[str, Route] | None = None, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = {**STANDARD, **(routes or {})}
        self.counts: Counter[str] = Counter()
        self.by_method: Counter[tuple[str, str]] = Counter()
        self.bytes_sent: Counter[str] = Counter()
        self.user_agents: set[str] = set()
        #: (monotonic time, Host header) of every request, in arrival order
        self.arrivals: list[tuple[float, str]] = []
        self.in_flight = 0
        self.peak_in_flight = 0
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer((host, 0), _make_handler(self))
        self.server.daemon_threads = True
        self.server.block_on_close = False
        self.host, self.port = self.server.server_address[:2]
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def reset(self) -> None:
        with self.lock:
            self.counts.clear()
            self.by_method.clear()
            self.arrivals.clear()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _make_handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_HEAD(self) -> None:
            self._serve("HEAD")

        def do_GET(self) -> None:
            self._serve("GET")

        def _serve(self, method: str) -> None:
            path = self.path.split("?", 1)[0]
            with site.lock:
                site.counts[path] += 1
                site.by_method[(method, path)] += 1
                n = site.counts[path]
                site.user_agents.add(self.headers.get("User-Agent", ""))
                site.arrivals.append((time.monotonic(), self.headers.get("Host", "")))
                site.in_flight += 1
                site.peak_in_flight = max(site.peak_in_flight, site.in_flight)
            counted = True
            try:
                route = _route(site.routes, path)
                reply = route(site, method, n) if route else Reply(404, body=b"no route")
                if reply.delay:
                    time.sleep(reply.delay)
                # the request stops counting before the reply goes out: once the client has
                # it, it may send the next one before this thread would reach `finally`
                with site.lock:
                    site.in_flight -= 1
                counted = False
                self.send_response(reply.status)
                for k, v in reply.headers.items():
                    self.send_header(k, v)
                if reply.stream:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                    self.end_headers()
                    if method == "GET":
                        self._stream(path, reply.stream)
                    return
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                if method == "GET":
                    self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True
            finally:
                if counted:
                    with site.lock:
                        site.in_flight -= 1

        def _stream(self, path: str, size: int) -> None:
            chunk = b"x" * 65536
            sent = 0
            try:
                while sent < size:
                    self.wfile.write(chunk)
                    sent += len(chunk)
            except (BrokenPipeError, ConnectionResetError, OSError):
                pass
            with site.lock:
                site.bytes_sent[path] += sent

    return Handler


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (connections are refused)."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port
