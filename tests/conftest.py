"""Shared fixtures: paths to the example pages and a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

# A small article page, used by the server routes and the CLI tests.
STORY = [
    "The harbor ferry between Eastport and the islands will run twice as often from March, "
    "the port authority announced on Monday after a year of complaints about crowded boats.",
    "The new timetable adds a boat every thirty minutes during the morning and evening rush, "
    "paid for by a fare increase of forty cents and a grant from the regional transit fund.",
    "Commuters who crowd the dock each morning welcomed the change but said the ferries "
    "themselves also need repairs, pointing to broken seats and a leaking cabin roof.",
]


def article_html(title: str = "Ferry service doubles", story: list[str] | None = None) -> str:
    paras = "".join(f"<p>{p}</p>\n" for p in (story or STORY))
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body>"
        f'<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        f"<article><h1>{title}</h1>\n{paras}</article>"
        f"<footer>Copyright 2024 Eastport Tribune</footer></body></html>"
    )


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests to 127.0.0.1 must not go through a proxy set in the environment."""
    for var in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the response starts
    trickle: float = 0.0  # seconds between body chunks of 16 bytes


class LocalServer:
    """Serves ``routes`` (path -> Route) and records the request headers it saw."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[dict[str, str]] = []
        self.stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 -- the http.server API
                server.seen.append(dict(self.headers.items()))
                route = server.routes.get(self.path.split("?")[0])
                if route is None:
                    route = Route(404, b"<html><body>Not found</body></html>")
                if route.delay and server.stop.wait(route.delay):
                    return
                try:
                    self.send_response(route.status)
                    for k, v in route.headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    if not route.trickle:
                        self.wfile.write(route.body)
                        return
                    for i in range(0, len(route.body), 16):
                        self.wfile.write(route.body[i : i + 16])
                        self.wfile.flush()
                        if server.stop.wait(route.trickle):
                            return
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up, as the timeout tests intend

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture(scope="session")
def http_server() -> Iterator[LocalServer]:
    srv = LocalServer()
    page = article_html().encode()
    html = {"Content-Type": "text/html; charset=utf-8"}
    big = b"<html><body>" + b"<p>padding text</p>" * 20000 + b"</body></html>"  # ~380 kB
    cyrillic = (
        "<html><head><meta charset=\"windows-1252\"><title>Совет</title></head><body><article>"
        "<h1>Городской совет</h1><p>"
        + "Городской совет принял решение о строительстве новой школы в центре города. " * 4
        + "</p></article></body></html>"
    ).encode("cp1251")
    srv.routes.update(
        {
            "/page": Route(200, page, dict(html)),
            "/redirect": Route(302, b"", {"Location": "/page"}),
            "/caf%C3%A9": Route(200, page, dict(html)),
            "/to-ftp": Route(302, b"", {"Location": "ftp://127.0.0.1/x"}),
            "/loop": Route(302, b"", {"Location": "/loop"}),
            "/missing": Route(404, b"<html><body>gone</body></html>", dict(html)),
            "/error": Route(500, b"<html><body>oops</body></html>", dict(html)),
            "/slow": Route(200, page, dict(html), delay=5.0),
            "/trickle": Route(200, page, dict(html), trickle=0.25),
            "/big": Route(200, big, {**html, "Content-Length": str(len(big))}),
            "/big-unsized": Route(200, big, dict(html)),
            "/cyrillic": Route(200, cyrillic, {"Content-Type": "text/html; charset=windows-1251"}),
            "/gzip": Route(200, gzip.compress(page), {**html, "Content-Encoding": "gzip"}),
            "/image": Route(200, b"\x89PNG\r\n\x1a\n", {"Content-Type": "image/png"}),
            "/recent": Route(200, page.replace(b"</h1>", b"</h1><p>Posted 2 days ago</p>"), dict(html)),
        }
    )
    srv.thread.start()
    try:
        yield srv
    finally:
        srv.stop.set()
        srv.httpd.shutdown()
        srv.httpd.server_close()
