"""A built site served as GitHub Pages serves it: under a sub-path, text gzipped on the wire.

``tests/site_server.py`` serves files as they are on disk, which is right for the gate tests
but makes a benchmark of *bytes before first results* pessimistic for text files and unfair
between engines: GitHub Pages sends HTML, CSS, JavaScript, JSON, SVG … with
``Content-Encoding: gzip`` to any browser that accepts it. This server does the same:

* only under ``/undocs/`` (``index.html`` for a folder, ``404.html`` with status 404 otherwise);
* text types are gzipped (level 6, zlib's default, about what a CDN does) when the request's
  ``Accept-Encoding`` names gzip; the compressed body is kept in memory, as a CDN caches it,
  so compression time is paid once, not on every timed load;
* everything else goes out as it is on disk: images, WebAssembly, and Pagefind's own files
  (``*.pf_meta``, ``*.pf_index``, ``*.pf_fragment``, ``*.pf_filter``, ``wasm.*.pagefind``),
  which Pagefind writes already gzipped and decompresses itself; GitHub Pages sends them as
  ``application/octet-stream`` without a ``Content-Encoding``;
* every response is logged (``Server.log``): path, bytes of headers and body as sent, and the
  wall-clock time its last byte was handed to the socket, so a benchmark can count the bytes
  on the wire before a moment of the page, whoever fetched them (page, module or worker).

    with serve_gzip(site_dir) as server:
        server.url("recherche/?q=x")   # http://127.0.0.1:<port>/undocs/recherche/?q=x
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import socket
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

# The sub-path, GitHub Pages' content types and path resolution: the gate tests' server's.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from site_server import MIME, PREFIX, StaticHandler  # noqa: E402

#: Content types sent gzipped (the text types; never Pagefind's pre-compressed files).
COMPRESSIBLE = ("text/", "application/json", "application/xml", "image/svg+xml", "application/manifest+json")


def content_type(path: Path) -> str:
    """The Content-Type GitHub Pages would send for this file."""
    return MIME.get(path.suffix, "application/octet-stream")


def compressible(ctype: str) -> bool:
    """Whether GitHub Pages would gzip a response of this type."""
    return ctype.startswith(COMPRESSIBLE)


@dataclass(frozen=True)
class Sent:
    """One response as it went out."""

    path: str
    header_bytes: int
    body_bytes: int
    end: float  # time.time() once the last byte was written


@dataclass
class Server:
    """A running server: where it is and what it sent (``log``, cleared by its user)."""

    root: Path
    origin: str  # http://127.0.0.1:<port>
    log: list[Sent] = field(default_factory=list)

    @property
    def base_url(self) -> str:
        return self.origin + PREFIX

    def url(self, path: str = "") -> str:
        """The absolute URL of a path relative to the site root."""
        return self.base_url + path.lstrip("/")


def _handler(server_state: Server) -> type[StaticHandler]:
    root = server_state.root
    cache: dict[Path, bytes] = {}
    lock = threading.Lock()

    def gzipped(target: Path) -> bytes:
        with lock:
            if target not in cache:
                # mtime=0: the same bytes on every run (a deterministic byte count).
                cache[target] = gzip.compress(target.read_bytes(), compresslevel=6, mtime=0)
            return cache[target]

    class Handler(StaticHandler):
        server_version = "undocs-bench"

        def end_headers(self) -> None:
            # The status line and headers as they are about to be written (for Server.log).
            self.header_bytes = sum(len(chunk) for chunk in getattr(self, "_headers_buffer", [])) + 2
            super().end_headers()

        def payload(self, target: Path) -> tuple[bytes, dict[str, str]]:
            ctype = content_type(target)
            headers = {"Content-Type": ctype}
            if not target.is_file():
                return b"not found", headers
            if compressible(ctype):
                headers["Vary"] = "Accept-Encoding"
                if "gzip" in self.headers.get("Accept-Encoding", ""):
                    headers["Content-Encoding"] = "gzip"
                    return gzipped(target), headers
            return target.read_bytes(), headers

        def sent(self, body_bytes: int) -> None:
            path = urllib.parse.urlsplit(self.path).path
            server_state.log.append(Sent(path, self.header_bytes, body_bytes, time.time()))

    Handler.root = root
    return Handler


def reserve_port() -> socket.socket:
    """A bound socket on 127.0.0.1, so the site can be built for its address before serving."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


def origin_of(sock: socket.socket) -> str:
    """``http://127.0.0.1:<port>`` for a reserved socket."""
    return f"http://127.0.0.1:{sock.getsockname()[1]}"


@contextlib.contextmanager
def serve_gzip(root: Path, sock: socket.socket | None = None) -> Iterator[Server]:
    """Serve ``root`` under ``/undocs/`` on 127.0.0.1 (on ``sock`` if given, see ``reserve_port``)."""
    sock = sock or reserve_port()
    state = Server(root=root.resolve(), origin=origin_of(sock))
    httpd = http.server.ThreadingHTTPServer(sock.getsockname(), _handler(state), bind_and_activate=False)
    httpd.socket.close()
    httpd.socket = sock
    httpd.server_activate()
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
