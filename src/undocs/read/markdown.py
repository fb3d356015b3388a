"""The reader of Markdown sources (``x.fr.md``): ``parse.markdown``."""

from __future__ import annotations

import html
from pathlib import Path

from ..parse.markdown import parse_markdown
from . import Hints, Reading, StateFinder
from .decode import decode


def read(path: Path, file: str, hints: Hints, states: StateFinder) -> Reading:
    text = decode(path)
    result = parse_markdown(text, file)
    # "&eacute;" is how a Markdown source writes "é": the word check compares the characters.
    return Reading(result.drafts, (), (), html.unescape(text), masthead=result.masthead)
