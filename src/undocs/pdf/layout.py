"""From the runs of a PDF's body to parts and paragraphs, as a person reads the printed page.

- **Rows**: runs on one baseline. A row whose first run is a marker ("1.", "(a)", "•") printed
  apart from its text is one line; other rows of several runs are table rows, their cells
  kept apart by `` | `` (the only character this reader adds, and not a word).
- **Paragraphs**: a new paragraph opens after a vertical gap wider than the document's line
  pitch, at a first-line indent, at a marker, or at a change to bold. A paragraph runs over a
  page break when the next page opens unindented, with no marker, on a paragraph that did not
  end its sentence. Lines are joined as ``parse.common.join_lines`` does (a real hyphen kept).
- **Headings**: short bold rows ("I. Introduction", "B. Sources", "Annex II"), or short
  centred or capitalised rows with a section number in the 1984–2001 layout. A roman-numbered
  heading or an annex opens a part; a lettered or unnumbered heading a sub-part.
- **Footnotes**: the smaller rows at the foot of a page, from one that starts with a marker to
  the page's end. A raised marker in the body that matches one of them is its call.
- **Speakers** of a verbatim record: a paragraph that opens "Mr. X (Kazakhstan) (spoke in
  French):" opens that speaker's part. A sub-heading that is a state's name alone ("Cuba")
  opens that government's reply, as in a report that reproduces the replies received.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from .. import lang
from ..model import Footnote, SourceSpan, State, Statement
from ..parse.common import CALL_CLOSE, CALL_OPEN, PartDraft, ParaDraft, ends_split_word
from .extract import Run

_MARKER_RUN = re.compile(r"^(?:\d{1,3}\.|\(?[a-z]{1,4}\)|\(\d{1,3}\)|[IVXLC]+\.|[A-Z]\.|[•▪◦·–-])$")
_NUMBERED = re.compile(r"^(\d{1,3})\.\s+(?=\S)")
_ITEM = re.compile(r"^\((?:[a-z]{1,4}|\d{1,3})\)\s+|^[a-z]\)\s+")
_BULLET = re.compile(r"^[•▪◦·]\s*")
_ROMAN = re.compile(r"^(?P<number>[IVXLC]+)\.\s+(?P<title>\S.*)$")
_LETTER = re.compile(r"^(?P<number>[A-H])\.\s+(?P<title>\S.*)$")
_SENTENCE_END = re.compile(r"[.!?:;»”\"’)]$")
_MARKER_ALONE = re.compile(r"\*{1,3}|[†‡]|\d{1,3}")
_FOOTNOTE_START = re.compile(r"^(?P<marker>\*{1,3}|[†‡]|\d{1,3}|[a-z])(?:\s+|(?=[A-Z“\"(]))(?P<text>\S.*)$")


@dataclass
class Row:
    """One printed line of the body (see the module docstring), with its place in the text."""

    line: int  # number of its first run in the reader's text (1-based)
    last_line: int
    page: int
    top: float
    x0: float
    x1: float
    size: float
    bold: bool
    text: str
    table: bool = False
    sups: list[tuple[int, int]] = field(default_factory=list)
    #: (line number, offset in ``text``) of each run the row joins, to map a call to its run.
    starts: list[tuple[int, int]] = field(default_factory=list)

    def run_at(self, offset: int) -> tuple[int, int]:
        """(line number, offset within that run's line) of the row's character ``offset``."""
        line, start = self.starts[0] if self.starts else (self.line, 0)
        for candidate, at in self.starts:
            if at <= offset:
                line, start = candidate, at
        return line, offset - start


def rows_of(runs: list[tuple[int, Run]]) -> list[Row]:
    """Group one page's numbered runs (already in reading order) into rows."""
    rows: list[Row] = []
    for number, run in runs:
        row = rows[-1] if rows else None
        if row is not None and row.page == run.page and abs(run.top - row.top) < 0.45 * max(row.size, 1):
            marker = not row.table and _MARKER_RUN.match(row.text) is not None
            joiner = " " if marker or run.x0 - row.x1 < 4 * row.size else " | "
            offset = len(row.text) + len(joiner)
            row.sups.extend((offset + s, offset + e) for s, e in run.sup)
            row.starts.append((number, offset))
            row.text += joiner + run.text
            row.table = row.table or joiner == " | "
            row.x1, row.last_line = max(row.x1, run.x1), number
            row.bold = row.bold and run.bold
            continue
        rows.append(Row(number, number, run.page, run.top, run.x0, run.x1, run.size, run.bold, run.text,
                        sups=list(run.sup), starts=[(number, 0)]))
    return rows


@dataclass
class Metrics:
    """The body's usual left edge, line pitch and text size: what "indented", "a gap" and
    "smaller" are measured against."""

    left: float
    right: float
    pitch: float
    size: float

    @classmethod
    def of(cls, rows: list[Row]) -> Metrics:
        lefts = Counter(round(r.x0) for r in rows if len(r.text) > 40)
        rights = Counter(round(r.x1) for r in rows if len(r.text) > 40)
        sizes = Counter(round(r.size, 1) for r in rows if len(r.text) > 40)
        pitches = Counter(
            round(b.top - a.top, 1) for a, b in zip(rows, rows[1:])
            if a.page == b.page and 0 < b.top - a.top < 3 * a.size
        )
        # The left edge: the leftmost x where many long lines start (in a letter of short
        # paragraphs, indented first lines may outnumber the lines at the edge).
        total = sum(lefts.values())
        edge = min((x for x, n in lefts.items() if n >= 0.15 * total), default=None)
        return cls(
            left=float(edge) if edge is not None else 72.0,
            right=float(rights.most_common(1)[0][0]) if rights else 540.0,
            pitch=float(pitches.most_common(1)[0][0]) if pitches else 12.0,
            size=float(sizes.most_common(1)[0][0]) if sizes else 10.0,
        )


def split_footnotes(rows: list[Row], metrics: Metrics, page_height: float) -> tuple[list[Row], list[Row]]:
    """One page's rows: (body, footnotes). Footnotes are smaller rows at the foot of the page,
    from one that starts with a marker to the page's end."""
    for index, row in enumerate(rows):
        if row.top < page_height * 0.45 or row.size >= metrics.size * 0.93:
            continue
        rest = rows[index:]
        starts = _FOOTNOTE_START.match(row.text) or (row.sups and row.sups[0][0] == 0)
        if starts and all(r.size < metrics.size * 0.97 for r in rest):
            return rows[:index], rest
    return rows, []


def footnotes_of(rows: list[Row], file: str) -> list[tuple[str, str, Row, Row]]:
    """(marker, text, first row, last row) of each footnote in a page's footnote rows. A marker
    printed alone on its row (raised above the note's first line) opens the note of the next."""
    notes: list[tuple[str, str, Row, Row]] = []
    for row in rows:
        if notes and notes[-1][1] == "" and notes[-1][0]:
            marker, _, first, _ = notes[-1]
            notes[-1] = (marker, row.text, first, row)
            continue
        if _MARKER_ALONE.fullmatch(row.text.strip()) and (not notes or _follows(notes[-1][0], row.text.strip())):
            notes.append((row.text.strip(), "", row, row))
            continue
        marker, text = _note_start(row)
        if marker is not None and (not notes or _follows(notes[-1][0], marker)):
            notes.append((marker, text, row, row))
        elif notes:
            m, t, first, _ = notes[-1]
            joiner = "" if ends_split_word(t) else " "
            notes[-1] = (m, t + joiner + row.text, first, row)
        else:
            notes.append(("", row.text, row, row))
    return notes


def _note_start(row: Row) -> tuple[str | None, str]:
    if row.sups and row.sups[0][0] == 0:
        end = row.sups[0][1]
        return row.text[:end].strip(), row.text[end:].strip()
    m = _FOOTNOTE_START.match(row.text)
    if m:
        return m.group("marker"), m.group("text")
    return None, row.text


def _follows(previous: str, marker: str) -> bool:
    """True when ``marker`` can be the note after ``previous`` (1 then 2; * then **; a then b;
    a series may start after another: "*" then "1"): a note's continuation line that happens
    to start with a number or a letter is not a note."""
    def kind(m: str) -> str:
        return "digit" if m.isdigit() else "star" if set(m) == {"*"} else "letter" if m.islower() else "other"

    if not previous:
        return True
    if kind(previous) != kind(marker):
        return marker in ("1", "*", "a") or kind(marker) == "other"
    if marker.isdigit():
        return int(marker) == int(previous) + 1
    if kind(marker) == "star":
        return len(marker) == len(previous) + 1
    if kind(marker) == "letter":
        return len(marker) == len(previous) == 1 and ord(marker) == ord(previous) + 1
    return True


class Builder:
    """Turns the body rows of a document, page after page, into part drafts."""

    def __init__(self, file: str, language: lang.Language | None, metrics: Metrics,
                 resolve_state: Callable[[str], State | None], first_title: str):
        self.file = file
        self.languages = (language,) if language else lang.languages()
        self.metrics = metrics
        self.resolve_state = resolve_state
        self.drafts: list[PartDraft] = [PartDraft(title=first_title, level=1, line=1)]
        self.previous: Row | None = None
        self.para: ParaDraft | None = None
        self.heading: list[Row] = []
        self.note_count = 0
        self.in_annex = False
        self.page_calls: dict[str, str] = {}  # marker -> footnote id, for the page being read
        #: Where each call stands in the reader's text: (line number, start, end) in its run.
        self.call_spans: list[tuple[int, int, int]] = []

    @property
    def part(self) -> PartDraft:
        return self.drafts[-1]

    def page(self, body: list[Row], notes: list[tuple[str, str, Row, Row]]) -> None:
        """Read one page: its body rows, then its footnotes (attached to the part they are
        called from, else to the part the page ends in)."""
        pending: list[tuple[str, Footnote]] = []
        self.page_calls = {}
        for marker, text, first, last in notes:
            self.note_count += 1
            note = Footnote(f"note-{self.note_count}", marker or "·", text, SourceSpan(self.file, first.line, last.last_line))
            pending.append((marker, note))
            if marker:
                self.page_calls[marker] = note.id
        self.called: dict[str, PartDraft] = {}
        for index, row in enumerate(body):
            self.row(row, first_on_page=index == 0)
        self._flush_heading()
        for marker, note in pending:
            (self.called.get(note.id) or self.part).footnotes.append(note)

    def row(self, row: Row, first_on_page: bool) -> None:
        text = self._with_calls(row)
        m = self.metrics
        gap = row.top - self.previous.top if self.previous and self.previous.page == row.page else None
        heading = self._heading_kind(row, text)
        if heading:
            if self.heading and (gap is None or gap > 2.2 * m.pitch or heading == "new"):
                self._flush_heading()
            self.heading.append(row)
            self.previous = row
            self.para = None
            if text.rstrip().endswith(CALL_CLOSE):
                # A heading ends at its footnote call ("… Development³"): what follows in bold
                # is another heading, and the call stays between the two, where it stands.
                self._flush_heading()
            return
        self._flush_heading()
        speaker = self._speaker(text)
        if speaker is not None:
            who, state = speaker
            draft = PartDraft(title=who, level=2, line=row.line)
            if state is not None:
                draft.statements.append(Statement(state=state.id, role="speaker"))
                draft.key = None
            self.drafts.append(draft)
            self.para = None
        opens = self._opens(row, text, gap, first_on_page) or speaker is not None
        if not opens and self.para is not None:
            if row.table and self.para.blocks:
                self.para.text_blocks().append(text)
                self.para.line_end = row.last_line
            else:
                self.para.continue_last(text, row.last_line)
        else:
            self._open(row, text)
        # The row's calls are the part's that now holds its text (a speaker's row opens his).
        for note_id in _strip_calls(text)[1]:
            self.called.setdefault(note_id, self.part)
        self.previous = row

    def _with_calls(self, row: Row) -> str:
        """The row's text with each raised marker that calls a footnote of the page marked as a
        call (``CALL_OPEN id CALL_CLOSE``); other raised text stays as printed. Which part a
        call's note goes to is left to where the text lands (``row``, ``_flush_heading``): a
        heading's row is read before the part it opens exists, and ``self.part`` is then the
        part before it."""
        if not row.sups or not self.page_calls:
            return row.text
        pieces, at = [], 0
        for start, end in row.sups:
            marker = row.text[start:end].strip()
            note = self.page_calls.get(marker)
            if note is None or start == 0:
                continue
            pieces.append(row.text[at:start])
            pieces.append(f"{CALL_OPEN}{note}{CALL_CLOSE}")
            line, at_run = row.run_at(start)
            self.call_spans.append((line, at_run, at_run + end - start))
            at = end
        pieces.append(row.text[at:])
        return "".join(pieces)

    def _heading_kind(self, row: Row, text: str) -> str | None:
        """"new" for a heading that opens a part by its own pattern, "bold" for a bold short row
        (continued by the next bold row), None for text."""
        stripped = text.strip()
        if row.table or len(stripped) > 160 or CALL_OPEN in stripped and len(stripped) > 160:
            return None
        for language in self.languages:
            if language.annex.fullmatch(stripped):
                return "new"
            if language.speaker.match(stripped + " "):
                return None
        roman = _ROMAN.match(stripped)
        shouting = stripped.upper() == stripped and any(c.isalpha() for c in stripped)
        if roman and len(stripped) < 120 and (row.bold or shouting):
            return "new"
        if _LETTER.match(stripped) and row.bold and len(stripped) < 160:
            return "new"
        if row.bold and not _NUMBERED.match(stripped) and not re.search(r"[.;,]$", stripped):
            return "bold"
        return None

    def _flush_heading(self) -> None:
        if not self.heading:
            return
        rows, self.heading = self.heading, []
        title = ""
        for row in rows:
            text = self._with_calls(row).strip()
            title = title + ("" if not title or ends_split_word(title) else " ") + text
        title, refs = _strip_calls(title)
        number, level = None, 2
        roman, letter = _ROMAN.match(title), _LETTER.match(title)
        annex = any(language.annex.match(rows[0].text.strip()) for language in self.languages)
        if annex:
            level = 1
            self.in_annex = True
        elif roman:
            # Sections of an annex are its sub-parts.
            number, title, level = roman.group("number"), roman.group("title"), 2 if self.in_annex else 1
        elif letter:
            number, title = letter.group("number"), letter.group("title")
        elif not any(d.level == 1 and d.title for d in self.drafts[1:]):
            level = 1
        draft = PartDraft(title=title, level=level, line=rows[0].line, number=number)
        state = self.resolve_state(title) if not number and level == 2 else None
        if state is not None:
            # A heading that is a state's name alone: that government's reply (a report
            # reproducing the replies received, as A/67/131 does).
            draft.level, draft.key = 2, state.id
            draft.statements.append(Statement(state=state.id, role="reply"))
        draft.title_footnote_refs.extend(refs)
        for note_id in refs:
            self.called.setdefault(note_id, draft)
        self.drafts.append(draft)
        self.para = None

    def _speaker(self, text: str) -> tuple[str, State | None] | None:
        for language in self.languages:
            m = language.speaker.match(text)
            if m:
                state = self.resolve_state(m.group("state")) if m.group("state") else None
                who = m.group("who") + (f" ({m.group('state')})" if m.group("state") else "")
                return who, state
        return None

    def _opens(self, row: Row, text: str, gap: float | None, first_on_page: bool) -> bool:
        """Does ``row`` open a new paragraph (rather than continue the one before)?"""
        if self.para is None or self.previous is None:
            return True
        m = self.metrics
        marker = _NUMBERED.match(text) or _ITEM.match(text) or _BULLET.match(text)
        if marker:
            return True
        if row.table != self.previous.table:
            return True
        if first_on_page:
            ended = _SENTENCE_END.search(self.para.blocks[-1] if not self.para.tail else self.para.tail[-1])
            indented = row.x0 > m.left + 6
            return bool(indented or (ended and not text[:1].islower()))
        if gap is not None and gap > 1.35 * m.pitch:
            return True
        if row.bold and not self.previous.bold:
            return True
        if row.x0 > self.previous.x0 + 6 and row.x0 > m.left + 6:
            return True  # a first-line indent
        return False

    def _open(self, row: Row, text: str) -> None:
        kind, number = "paragraph", None
        numbered = _NUMBERED.match(text)
        if numbered and not row.table:
            value = int(numbered.group(1))
            if all(p.number != value for p in self.part.paragraphs):
                number, text = value, text[numbered.end():]
        elif _ITEM.match(text):
            kind = "item"
        elif _BULLET.match(text):
            kind, text = "item", _BULLET.sub("", text, count=1)
        self.para = ParaDraft(kind=kind, number=number, blocks=[text], line_start=row.line, line_end=row.last_line)
        self.part.paragraphs.append(self.para)


def _strip_calls(text: str) -> tuple[str, list[str]]:
    refs = re.findall(f"{CALL_OPEN}([^{CALL_CLOSE}]*){CALL_CLOSE}", text)
    return re.sub(f"{CALL_OPEN}[^{CALL_CLOSE}]*{CALL_CLOSE}", "", text), refs
