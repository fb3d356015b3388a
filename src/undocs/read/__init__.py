"""One reader per source format, behind one interface.

A reader takes a document's file (and what its sidecar says, which may be nothing) and returns
a ``Reading``: the part drafts, the artefacts it removed, its warnings, what the document says
about itself, and the text the fidelity check compares the page with. The format is chosen by
the file's extension (``sources.EXTENSIONS``, then ``readers``): adding a format is adding a module here, not an ``elif``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..errors import SourceError
from ..model import Removal, State
from ..parse.common import PartDraft


@dataclass
class Found:
    """What a document says about itself (its masthead); ``None``/empty where it says nothing."""

    symbols: list[str] = field(default_factory=list)
    title: str | None = None
    date: str | None = None
    organs: list[str] = field(default_factory=list)
    distribution: str | None = None
    language: str | None = None
    original_languages: list[str] = field(default_factory=list)  # ISO 639-1
    session: str | None = None
    agenda_items: list[str] = field(default_factory=list)
    job_number: str | None = None
    has_masthead: bool = False


@dataclass
class Reading:
    drafts: list[PartDraft]
    removals: tuple[Removal, ...]
    warnings: tuple[SourceError, ...]
    #: The text the build's word check compares with the page: the source as the reader saw it.
    text: str
    masthead: tuple[str, ...] = ()
    found: Found = field(default_factory=Found)


@dataclass(frozen=True)
class Hints:
    """What the sidecar tells a reader before it reads (symbols and job number recognise page
    headers and footers in extracted text)."""

    symbols: tuple[str, ...] = ()
    job_number: str | None = None
    language: str | None = None


class StateFinder(Protocol):
    """What readers ask of the gazetteer (``states.Gazetteer``)."""

    def resolve(self, name: str) -> State | None: ...

    def mentions(self, text: str) -> tuple[str, ...]: ...


Reader = Callable[[Path, str, Hints, StateFinder], Reading]


def readers() -> dict[str, Reader]:
    """Format (``sources.EXTENSIONS`` maps file extensions to formats) -> its reader."""
    from . import markdown, pdf, text

    return {"plaintext": text.read, "markdown": markdown.read, "pdf": pdf.read}


def read(path: Path, fmt: str, hints: Hints, states: StateFinder) -> Reading:
    """Read ``path`` with the reader of format ``fmt``."""
    return readers()[fmt](path, path.name, hints, states)
