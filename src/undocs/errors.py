"""One small error hierarchy, caught once by the command line and printed as one line.

Every error names the file it is about and, where known, the line, so that a person who
added a document to ``seeds/`` can fix it without reading a traceback.
"""

from __future__ import annotations

from pathlib import Path


class UndocsError(Exception):
    """Base of every error the build reports to the user (exit status 1)."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class ConfigError(UndocsError):
    """Curated data or site settings (``data/*.yaml``) are missing or malformed."""


class SourceError(UndocsError):
    """A document or its sidecar in ``seeds/`` is missing, malformed or inconsistent."""


class Notice(SourceError):
    """A warning that stays a warning under ``--strict``: a field a masthead does not print."""


class OutputError(UndocsError):
    """The output folder cannot be written safely (e.g. it is not a previous build's output)."""


class FidelityError(UndocsError):
    """A word of a source is missing from its rendered page (an error under ``--strict``)."""
