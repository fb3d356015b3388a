"""Shared fixtures: the project's folders and the real corpus, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from undocs.pipeline import load_corpus

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def loaded():
    """(corpus, report, texts) for the real seeds."""
    return load_corpus(SEEDS, DATA)


@pytest.fixture(scope="session")
def corpus(loaded):
    return loaded[0]


@pytest.fixture(scope="session")
def report(loaded):
    return loaded[1]


def doc(corpus, doc_id):
    return next(d for d in corpus.documents if d.id == doc_id)


def part(document, key):
    return next(p for p in document.parts if p.key == key)


# --------------------------------------------------------------------------------------------
# The built site, served over HTTP under a sub-path (as GitHub Pages serves a project site),
# for the browser tests. Built once per session.

import functools  # noqa: E402
import http.server  # noqa: E402
import threading  # noqa: E402
from dataclasses import dataclass  # noqa: E402

SITE_PREFIX = "/undocs/"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves ``directory`` at ``SITE_PREFIX`` only (404 elsewhere), with the right MIME types."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".wasm": "application/wasm",
        ".css": "text/css",
        ".html": "text/html; charset=utf-8",
        ".xml": "application/xml",
        ".csv": "text/csv; charset=utf-8",
    }

    def translate_path(self, path):
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(SITE_PREFIX):
            return str(Path(self.directory) / ".undocs-not-served" / "missing")  # 404
        return super().translate_path("/" + clean[len(SITE_PREFIX):])

    def log_message(self, format, *args):  # quiet
        pass


@dataclass(frozen=True)
class ServedSite:
    """A built site: its folder and the URL it is served at (ending with ``/undocs/``)."""

    path: Path
    url: str


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The real seeds built into a temporary folder (``python build.py`` equivalent)."""
    from undocs.cli import main

    out = tmp_path_factory.mktemp("site") / "_site"
    assert main(["--out", str(out)]) == 0
    return out


@pytest.fixture(scope="session")
def site_server(built_site):
    """The built site served at ``http://127.0.0.1:<free port>/undocs/`` by a threaded server."""
    handler = functools.partial(_SubPathHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield ServedSite(built_site, f"http://127.0.0.1:{server.server_address[1]}{SITE_PREFIX}")
    finally:
        server.shutdown()
        server.server_close()


# The browser: the session's one Chromium is the ``browser`` fixture of tests/gates_common.py
# (import it in the test module, as the gates do: two sync Playwright sessions cannot be open at
# once). Missing Chromium fails, never skips.
