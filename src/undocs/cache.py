"""The build cache: what each document gave a build, kept for the next.

Reading a PDF (layout, furniture, mastheads), finding the states and topics of every
paragraph, rendering and checking its page and analysing its paragraphs for the search are
most of a build's time spent on the documents, and they depend only on the document's bytes,
the curated data and the code. With ``--cache DIR`` the build keeps each result under the
digest of exactly those inputs (kinds ``read``, ``enrich``, ``page``, ``fidelity``,
``count``: ``pipeline``), so that adding one document to a large archive reads, renders and
analyses that one document; what depends on every document (lists, state and topic pages, the
index's weights, the downloads) is made again, so the output is byte-identical to a build
without the cache (``tests/test_cache.py`` checks it).

The key of every entry includes a digest of the code of the ``undocs`` package and of the
Python version: a changed parser never serves a stale result. What a build did not use is
deleted at its end (:meth:`BuildCache.prune`), so the folder holds one archive's entries.
Entries are pickles: the folder is the project's own, as trusted as its code (the Pages
workflow keeps it with ``actions/cache``); one that does not load is recomputed.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

#: Bump when the meaning of an entry changes without the code changing (never so far).
CACHE_FORMAT = b"undocs-cache-1"

#: The package whose code keys every entry.
PACKAGE = Path(__file__).resolve().parent


def code_digest(package: Path = PACKAGE) -> bytes:
    """Digest of every ``.py`` file of the package (path and bytes) and the Python version."""
    h = hashlib.sha256(CACHE_FORMAT + sys.version.encode())
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.digest()


def digest(parts: Iterable[bytes]) -> str:
    """One hex digest of several byte strings (each length-prefixed: no two lists collide)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "big") + part)
    return h.hexdigest()


class BuildCache:
    """Results of one kind of build step, each under the digest of its inputs."""

    def __init__(self, folder: Path, salt: bytes | None = None) -> None:
        self.folder = folder
        self._salt = code_digest() if salt is None else salt
        self._used: set[Path] = set()
        self.hits = 0
        self.misses = 0

    def get_or_make(self, kind: str, inputs: Iterable[bytes], make: Callable[[], T]) -> T:
        """The stored result for these inputs, or ``make()``, stored (exceptions are not)."""
        path = self._path(kind, inputs)
        self._used.add(path)
        try:
            with path.open("rb") as f:
                value: T = pickle.load(f)
        except Exception:  # noqa: BLE001 -- missing, truncated or foreign: recomputed
            pass
        else:
            self.hits += 1
            return value
        self.misses += 1
        value = make()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return value

    def keep(self, kind: str, inputs: Iterable[bytes]) -> None:
        """Count the entry of these inputs as used, though another process asked for it (the
        search worker, a fork of the build): :meth:`prune` leaves it."""
        self._used.add(self._path(kind, inputs))

    def _path(self, kind: str, inputs: Iterable[bytes]) -> Path:
        key = digest([self._salt, kind.encode(), *inputs])
        return self.folder / kind / key[:2] / f"{key}.pickle"

    def prune(self) -> None:
        """Delete every entry this build did not use (a removed or changed document's)."""
        if not self.folder.is_dir():
            return
        for path in self.folder.glob("*/*/*"):
            if path not in self._used and path.is_file():
                path.unlink()
