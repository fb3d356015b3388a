"""The built site, served over HTTP under a sub-path, as GitHub Pages serves a project site.

Used by the gate tests (``tests/test_gates_*.py``) and by ``bench/lighthouse.py``. The port is
reserved first, so the site can be built with ``--base-url http://127.0.0.1:<port>/undocs/``
(sitemap, canonical links and the 404 page then carry the real address); the server answers
only under ``/undocs/``, serves ``index.html`` for directories and ``404.html`` with status 404
for anything missing, with the MIME types GitHub Pages uses (``.wasm``, ``.mjs``, ``.json`` …).

    with serve_built_site() as site:
        site.url("documents/a-67-131/")   # http://127.0.0.1:<port>/undocs/documents/a-67-131/
"""

from __future__ import annotations

import contextlib
import http.server
import shutil
import socket
import sys
import tempfile
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PREFIX = "/undocs/"

MIME = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".wasm": "application/wasm",
    ".gz": "application/gzip",  # the search files, stored gzipped (sent as they are, as Pages does)
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".webmanifest": "application/manifest+json",
}


@dataclass(frozen=True)
class Site:
    root: Path  # the build output folder
    origin: str  # http://127.0.0.1:<port>
    base_url: str  # http://127.0.0.1:<port>/undocs/

    def url(self, path: str = "") -> str:
        """The absolute URL of a clean URL or file path relative to the site root."""
        return self.base_url + path.lstrip("/")


def build_site(out: Path, base_url: str | None, seeds: Path | None = None, data: Path | None = None) -> None:
    """Build with the README's command (``python build.py``) into ``out``.

    ``seeds`` and ``data`` replace ``seeds/`` and ``data/`` (e.g. the hostile corpus of
    ``tests/hostile/``); by default the real ones are built.
    """
    import subprocess

    cmd = [sys.executable, str(ROOT / "build.py"), "--out", str(out)]
    if base_url:
        cmd += ["--base-url", base_url]
    if seeds is not None:
        cmd += ["--seeds", str(seeds)]
    if data is not None:
        cmd += ["--data", str(data)]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True)


def resolve(root: Path, raw_path: str) -> tuple[int, Path | None, str | None]:
    """(status, file, redirect) for a request path, as GitHub Pages resolves it: only under
    ``PREFIX``, a folder to its ``index.html`` (redirected when its slash is missing), nothing
    outside ``root``. Also used by ``bench/gzip_server.py``."""
    path = urllib.parse.unquote(urllib.parse.urlsplit(raw_path).path)
    if path == PREFIX.rstrip("/"):
        return 301, None, PREFIX
    if not path.startswith(PREFIX):
        return 404, None, None
    target = (root / path[len(PREFIX):]).resolve()
    if target != root and root not in target.parents:
        return 404, None, None
    if target.is_dir():
        if not path.endswith("/"):
            return 301, None, path + "/"
        target = target / "index.html"
    return (200, target, None) if target.is_file() else (404, None, None)


class StaticHandler(http.server.BaseHTTPRequestHandler):
    """Serves the folder ``root`` (set by a subclass) as GitHub Pages does: :func:`resolve`,
    redirects, ``404.html``. ``payload`` and ``sent`` are what ``bench/gzip_server.py`` changes."""

    root: Path
    server_version = "undocs-test"
    # Headers and body go out in separate writes: without this, Nagle and delayed ACKs add
    # ~40 ms to every response, which no real static host (GitHub Pages) does.
    disable_nagle_algorithm = True
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def payload(self, target: Path) -> tuple[bytes, dict[str, str]]:
        """The body for ``target`` (a file, or the missing ``404.html``) and its headers,
        besides Content-Length and Cache-Control."""
        body = target.read_bytes() if target.is_file() else b"not found"
        return body, {"Content-Type": MIME.get(target.suffix, "application/octet-stream")}

    def sent(self, body_bytes: int) -> None:
        """Called once a response is written (``body_bytes``: 0 for HEAD and redirects)."""

    def _send(self, head_only: bool) -> None:
        status, target, location = resolve(self.root, self.path)
        if status == 301:
            self.send_response(301)
            self.send_header("Location", location or PREFIX)
            self.send_header("Content-Length", "0")
            self.end_headers()
            self.sent(0)
            return
        body, headers = self.payload(target or self.root / "404.html")
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        if not head_only:
            self.wfile.write(body)
        self.sent(0 if head_only else len(body))

    def do_GET(self) -> None:  # noqa: N802
        self._send(head_only=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._send(head_only=True)


def _handler(root: Path) -> type[StaticHandler]:
    return type("Handler", (StaticHandler,), {"root": root})


@contextlib.contextmanager
def serve(root: Path, sock: socket.socket | None = None) -> Iterator[str]:
    """Serve ``root`` under ``/undocs/`` on 127.0.0.1; yields the origin."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(root.resolve()), bind_and_activate=sock is None)
    if sock is not None:
        server.socket.close()
        server.socket = sock
        server.server_address = sock.getsockname()
        server.server_activate()
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def serve_built_site(out: Path | None = None, seeds: Path | None = None, data: Path | None = None) -> Iterator[Site]:
    """Reserve a port, build the site for it (into ``out`` or a temp dir) and serve it.

    ``seeds`` and ``data``: another corpus than the real one (see ``build_site``)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    origin = f"http://127.0.0.1:{sock.getsockname()[1]}"
    with tempfile.TemporaryDirectory(prefix="undocs-site-") as tmp:
        root = (out or Path(tmp) / "site").resolve()
        build_site(root, origin + PREFIX, seeds, data)
        with serve(root, sock):
            yield Site(root=root, origin=origin, base_url=origin + PREFIX)


#: Real UN PDFs kept with the tests (long English documents, 1992 to 2025).
REAL_PDFS = ROOT / "tests" / "fixtures" / "real" / "pdf"


@contextlib.contextmanager
def serve_seeds_with_real_pdfs(folder: Path) -> Iterator[Site]:
    """The seeds plus the real PDFs of the test fixtures, built into ``folder`` and served."""
    seeds = folder / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    for pdf in sorted(REAL_PDFS.glob("*.pdf")):
        shutil.copy(pdf, seeds / pdf.name)
    with serve_built_site(seeds=seeds) as served:
        yield served


def new_page(browser, viewport, **options):
    """A page in a French-speaking browser context of its own (close the context after)."""
    context = browser.new_context(viewport=viewport, locale="fr-FR", **options)
    return context, context.new_page()
