"""The search as the page runs it, driven from Python: ``tests/js/search_engine.mjs`` (the
modules of ``static/js/search/`` under Node) on a folder of search files, one request per line.
The reader cases and the query tests ask it; there is no second implementation to agree with."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from undocs.search import META_PATH, page_path, unpacked

ROOT = Path(__file__).resolve().parents[1]
RUNNER = ROOT / "tests" / "js" / "search_engine.mjs"


@dataclass(frozen=True)
class Answer:
    """What the engine answers: every hit's paragraph id (best first), the suggestion used."""

    ids: list[str]
    suggestion: str | None


class NodeSearch:
    """A running engine over the search files of ``folder`` (a built site), or over ``files``
    (site path -> bytes, as :func:`undocs.search.iter_search_files` makes them) first written there.
    Close it (or use it as a context manager)."""

    def __init__(self, files: dict[str, bytes] | None, folder: Path) -> None:
        node = shutil.which("node")
        if node is None:
            raise RuntimeError("node is not installed: the search cannot run")
        for name, data in (files or {}).items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
        meta = unpacked((folder / META_PATH).read_bytes())
        #: The store's paragraphs in ref order ({i: id, x: text, …}, docs/search-index.md).
        self.paragraphs = [p for n in range(-(-meta["n"] // meta["ps"])) for p in unpacked((folder / page_path(n)).read_bytes())["p"]]
        self._process = subprocess.Popen(
            [node, str(RUNNER), str(folder)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8"
        )  # fmt: skip

    def find(self, q: str, n: int = 20, **filters: str) -> dict:
        """The engine's raw answer: refs, ids (of the first n), count, suggestion."""
        return self._ask({"q": q, "filters": filters, "n": n})

    def _ask(self, request: dict) -> dict:
        assert self._process.stdin and self._process.stdout
        self._process.stdin.write(json.dumps(request) + "\n")
        self._process.stdin.flush()
        line = self._process.stdout.readline()
        if not line:
            raise RuntimeError(f"the search engine stopped (exit {self._process.wait()})")
        out = json.loads(line)
        if "error" in out:
            raise RuntimeError(f"the search engine failed on {request['q']!r}: {out['error']}")
        return out

    def scorers(self, q: str) -> dict:
        """The hits of ``q`` scored by the page's own scorer and by lunr.Index.query:
        ``{"fast": hits, "lunr": hits}``, each hit ``[ref, score, terms, {term: fields}]``."""
        return self._ask({"q": q, "scorers": True})

    def answer(self, q: str, **filters: str) -> Answer:
        """Every hit of a query (with filters: etat, theme, doc, langue), best first."""
        out = self.find(q, 0, **filters)
        return Answer([self.paragraphs[r]["i"] for r in out["refs"]], out["suggestion"])

    def ids(self, q: str, **filters: str) -> set[str]:
        return set(self.answer(q, **filters).ids)

    def close(self) -> None:
        if self._process.stdin:
            self._process.stdin.close()
        self._process.wait(timeout=30)

    def __enter__(self) -> "NodeSearch":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
