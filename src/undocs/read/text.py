"""The reader of plain text extracted from a PDF (``x.fr.txt``): ``parse.plaintext``."""

from __future__ import annotations

from pathlib import Path

from ..parse.plaintext import parse_plaintext
from . import Hints, Reading, StateFinder
from .decode import decode


def read(path: Path, file: str, hints: Hints, states: StateFinder) -> Reading:
    text = decode(path)
    result = parse_plaintext(text, file, hints.symbols, hints.job_number, states.resolve)
    return Reading(result.drafts, result.removals, result.warnings, text)
