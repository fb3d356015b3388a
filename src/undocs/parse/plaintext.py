"""Reader for plain text extracted from a UN PDF (format ``plaintext``).

What the extraction leaves, and how each is read (see seeds/ and the README's "Formats"):

- lines hard-wrapped at ~85 columns: re-flowed (``common.join_lines``), words split at a real
  hyphen re-joined with it;
- a paragraph starts on a line indented by spaces whose first letter is not lower case; an
  indented line that starts lower case continues the paragraph across a page break, and so
  does a block (after blank lines) that starts lower case;
- ``I. Introduction``: a section; a short line followed by ``[Original : <langue>]`` and a
  bracketed date: one state's reply;
- ``1. …``: a numbered paragraph; ``• …``: a list item;
- the running page header (the document's symbol alone on a line) and footer (page number
  glued to the job number, ``912-41314``) are removed only when they stand alone between
  blank lines and match exactly; each removal is returned for the build report.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import SourceError
from ..model import Removal, State, Statement
from .common import PartDraft, ParaDraft, finish, join_lines, parse_french_date, starts_lowercase

_SECTION = re.compile(r"^([IVXLC]+)\.\s+(\S.*)$")
#: ``[Original : espagnol]``; the language is stripped in Python, not by the pattern: a lazy
#: group before ``\s*`` backtracks in cubic time on a long run of spaces.
_ORIGINAL = re.compile(r"^\[\s*Original\s*:([^\]]*)\]$")
_BRACKET_DATE = re.compile(r"^\[[^\]]*\d{4}\s*\]$")
_NUMBERED = re.compile(r"^(\d{1,3})\.\s+")
_BULLET = re.compile(r"^[•▪◦·]\s*")
#: A UN job number: two digits of year, a hyphen, five digits ("12-41314").
_JOB = r"\d{2}-\d{5}"


@dataclass(frozen=True)
class PlaintextResult:
    drafts: list[PartDraft]
    removals: tuple[Removal, ...]
    warnings: tuple[SourceError, ...]  # errors under --strict, warnings otherwise


@dataclass
class _Block:
    lines: list[tuple[int, str]]  # (1-based line number, raw line without the newline)

    @property
    def first(self) -> str:
        return self.lines[0][1].strip()


def _is_original(line: str) -> bool:
    m = _ORIGINAL.match(line)
    return bool(m and m.group(1).strip())


def _artefact_reason(line: str, symbols: tuple[str, ...], job_number: str | None) -> tuple[str, str] | None:
    """(rule id, label) of a page header or footer line, as ``pdf.furniture`` names them."""
    stripped = line.strip()
    if stripped in symbols:
        return "symbol-header", "en-tête de page : cote du document"
    job = re.escape(job_number) if job_number else _JOB
    if re.fullmatch(rf"\d{{0,3}}{job}\d{{0,3}}", stripped):
        return "job-number", "pied de page : numéro de page et numéro de tirage"
    return None


def _blocks(lines: list[str]) -> list[_Block]:
    blocks: list[_Block] = []
    current: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            current.append((number, line))
        elif current:
            blocks.append(_Block(current))
            current = []
    if current:
        blocks.append(_Block(current))
    return blocks


def parse_plaintext(
    text: str,
    file: str,
    symbols: tuple[str, ...],
    job_number: str | None,
    resolve_state: Callable[[str], State | None],
) -> PlaintextResult:
    """Read ``text`` (already decoded, LF line ends) into part drafts."""
    removals: list[Removal] = []
    warnings: list[SourceError] = []
    blocks = []
    for block in _blocks(text.split("\n")):
        reason = _artefact_reason(block.first, symbols, job_number) if len(block.lines) == 1 else None
        if reason:
            number, line = block.lines[0]
            removals.append(Removal(file, number, line.strip(), reason[1], reason[0]))
        else:
            blocks.append(block)

    drafts: list[PartDraft] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        first_no, first = block.lines[0][0], block.first
        section = _SECTION.match(first) if len(block.lines) == 1 else None
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        original = _is_original(following.first) if following else False
        if section:
            drafts.append(PartDraft(title=section.group(2).strip(), level=1, line=first_no, number=section.group(1)))
        elif len(block.lines) == 1 and original and following is not None:
            drafts.append(_statement_part(first, first_no, following, file, resolve_state, warnings))
            i += 1  # the [Original] / [date] block is consumed
        else:
            if not drafts:
                drafts.append(PartDraft(title="", level=1, line=first_no))
            _read_paragraphs(block, drafts[-1])
        i += 1
    return PlaintextResult(finish(drafts), tuple(removals), tuple(warnings))


def _statement_part(
    heading: str,
    line: int,
    meta: _Block,
    file: str,
    resolve_state: Callable[[str], State | None],
    warnings: list[SourceError],
) -> PartDraft:
    """A state's reply: heading, then ``[Original : langue]`` and ``[date]`` lines."""
    language = None
    received = None
    received_text = None
    for number, raw in meta.lines:
        stripped = raw.strip()
        m = _ORIGINAL.match(stripped)
        if m and m.group(1).strip() and language is None:
            language = m.group(1).strip()
        elif _BRACKET_DATE.match(stripped) and received is None:
            received = parse_french_date(stripped, file, number)
            received_text = stripped[1:-1].strip()
        elif (m and m.group(1).strip()) or _BRACKET_DATE.match(stripped):
            what = "[Original : …]" if m else "date"
            raise SourceError(f"a reply's header has a second {what} line: {stripped!r}", file, number)
        else:
            raise SourceError(f"unexpected line in a reply's header: {stripped!r}", file, number)
    state = resolve_state(heading)
    draft = PartDraft(title=heading, level=2, line=line)
    if state is None:
        warnings.append(SourceError(f"state heading {heading!r} is not in the gazetteer (data/states.yaml)", file, line))
    else:
        draft.key = state.id
        draft.statements.append(Statement(
            state=state.id, role="reply", original_language=language, date=received, date_text=received_text
        ))
    return draft


def _read_paragraphs(block: _Block, part: PartDraft) -> None:
    """Split one block of non-blank lines into paragraphs and add them to ``part``."""
    groups: list[list[tuple[int, str]]] = []
    for number, raw in block.lines:
        indented = raw[:1].isspace()
        opens = not groups or (indented and not starts_lowercase(raw))
        if opens:
            groups.append([(number, raw)])
        else:
            groups[-1].append((number, raw))
    for k, group in enumerate(groups):
        body = join_lines([raw for _, raw in group])
        start, end = group[0][0], group[-1][0]
        if k == 0 and starts_lowercase(body) and part.paragraphs:
            # The tail of a paragraph cut by a page break (blank lines, removed footer between).
            part.paragraphs[-1].continue_last(body, end)
            continue
        number = None
        kind = "paragraph"
        m = _NUMBERED.match(body)
        if m:
            number = int(m.group(1))
            body = body[m.end():]
        elif _BULLET.match(body):
            kind = "item"
            body = _BULLET.sub("", body, count=1)
        part.paragraphs.append(ParaDraft(kind=kind, number=number, blocks=[body], line_start=start, line_end=end))
