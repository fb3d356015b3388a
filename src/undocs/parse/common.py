"""What both parsers share: drafts of parts and paragraphs, line joining, ids, French dates.

A parser reads its format into ``PartDraft``/``ParaDraft`` objects (mutable, local to one
parse); ``assemble`` then freezes them into ``model.Part``/``model.Paragraph`` records with
stable ids. Keeping id rules here means both formats cite the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..errors import SourceError
from ..lang.fr import LANGUAGE as FRENCH
from ..model import Footnote, Paragraph, Part, SourceSpan, Statement
from ..textnorm import fold

#: The text and Markdown formats are the French seeds' (see ``undocs.lang.fr``).
MONTHS = FRENCH.months

#: How a reader marks a footnote call inside text while it assembles a paragraph (see
#: ``pdf.layout``): CALL_OPEN, the note's id, CALL_CLOSE. Private-use characters: no source
#: text has them (the PDF reader drops them from extracted text), none is a space or a letter.
CALL_OPEN, CALL_CLOSE = "\ue000", "\ue001"
_CALL = re.compile(f"{CALL_OPEN}([^{CALL_CLOSE}]*){CALL_CLOSE}")

_DATE = re.compile(r"(?P<day>1er|\d{1,2})\s+(?P<month>[^\W\d_]+)\s+(?P<year>\d{4})")
_WORD_END_HYPHEN = re.compile(r"[^\W\d_]-$")
_SPACES = re.compile(r"[ \t]+")
#: Words left out of part keys so that "Déclaration des chefs" gives "declaration-chefs".
_KEY_SKIP = {"de", "des", "du", "la", "le", "les", "l", "d", "et", "a", "au", "aux", "en", "sur"}


@dataclass
class ParaDraft:
    kind: str  # "paragraph" | "item" | "closing"
    number: int | None
    blocks: list[str]
    line_start: int
    line_end: int
    footnote_refs: list[str] = field(default_factory=list)
    #: Text continuing the last block (tails cut by page breaks), joined once by ``text_blocks``
    #: so that a paragraph continued across thousands of pages costs linear time.
    tail: list[str] = field(default_factory=list)

    def continue_last(self, text: str, line_end: int) -> None:
        """Join ``text`` (one re-flowed line) to the last block, as ``join_lines`` would."""
        self.line_end = line_end
        if not text:
            return
        last = self.tail[-1] if self.tail else self.blocks[-1]
        if last and not ends_split_word(last):
            self.tail.append(" ")
        self.tail.append(text)

    def text_blocks(self) -> list[str]:
        """The blocks, with any pending continuation joined to the last one."""
        if self.tail:
            self.blocks[-1] += "".join(self.tail)
            self.tail.clear()
        return self.blocks


@dataclass
class PartDraft:
    title: str
    level: int
    line: int
    number: str | None = None
    statements: list[Statement] = field(default_factory=list)
    paragraphs: list[ParaDraft] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    title_footnote_refs: list[str] = field(default_factory=list)
    key: str | None = None  # set when the key is known (a state's id, a sidecar override)


def finish(drafts: list[PartDraft]) -> list[PartDraft]:
    """Join every paragraph's pending continuations: what a parser returns is complete."""
    for draft in drafts:
        for para in draft.paragraphs:
            para.text_blocks()
    return drafts


def join_lines(lines: list[str]) -> str:
    """Re-flow hard-wrapped lines into one line of single spaces.

    A line that ends with a letter and a hyphen ("non-", "elle-") continues a word that the
    extraction split at a real hyphen: it is re-joined *with* the hyphen and no space.
    Pieces are collected in a list and joined once, and only the end of the text so far is
    looked at, so a paragraph of many lines costs linear time.
    """
    pieces: list[str] = []
    last = ""
    for raw in lines:
        line = _SPACES.sub(" ", raw.strip())
        if not line:
            continue
        if pieces and not ends_split_word(last):
            pieces.append(" ")
        pieces.append(line)
        last = line
    return "".join(pieces)


def ends_split_word(text: str) -> bool:
    """True when ``text`` ends with a letter and a hyphen: a word split at a real hyphen."""
    return _WORD_END_HYPHEN.match(text, max(len(text) - 2, 0)) is not None


def starts_lowercase(text: str) -> bool:
    """True when a block opens with a lower-case letter: the tail of a paragraph cut by a page break."""
    stripped = text.lstrip()
    return bool(stripped) and stripped[0].isalpha() and stripped[0].islower()


def slug(text: str, max_words: int | None = None) -> str:
    """ASCII, lower-case, hyphenated form of ``text`` for ids and URLs."""
    words = re.findall(r"[a-z0-9]+", fold(text))
    if max_words is not None:
        kept = [w for w in words if w not in _KEY_SKIP] or words
        words = kept[:max_words]
    return "-".join(words)


def parse_french_date(text: str, path: str, line: int) -> str:
    """"[1er juin 2012]" -> "2012-06-01"; an unreadable date is an error naming the line."""
    m = _DATE.search(text)
    month = MONTHS.get(m.group("month").lower()) if m else None
    if not m or month is None:
        raise SourceError(f"cannot read the date {text.strip()!r} (expected e.g. '5 juin 2012')", path, line)
    day = 1 if m.group("day") == "1er" else int(m.group("day"))
    try:
        return date(int(m.group("year")), month, day).isoformat()
    except ValueError:
        raise SourceError(f"the date {text.strip()!r} does not exist", path, line) from None


def assemble(drafts: list[PartDraft], doc_id: str, file: str) -> tuple[Part, ...]:
    """Freeze drafts into parts with unique keys and stable paragraph ids.

    A part's key is its speaking state's id, a sidecar override, or the first significant
    words of its title. A paragraph's id is ``<document>_<key>-<number>`` when the source
    numbers it, ``<document>_<key>-<ordinal>`` in an unnumbered part, ``<document>_<key>-cloture``
    for a place-and-date line (``-cloture-2`` for a second one) (``a-67-131_norvege-3``): unique across the archive (document ids
    have no ``_``), readable, and unchanged when another document is added.
    """
    used: set[str] = set()
    next_suffix: dict[str, int] = {}  # where to resume numbering a repeated key (linear time)
    parts: list[Part] = []
    for index, draft in enumerate(drafts, start=1):
        base = draft.key or slug(draft.title, max_words=3) or f"partie-{index}"
        key = base
        n = next_suffix.get(base, 2)
        while key in used:
            key = f"{base}-{n}"
            n += 1
        next_suffix[base] = n
        used.add(key)
        single = draft.statements[0].state if len(draft.statements) == 1 else None
        numbered = any(p.number is not None for p in draft.paragraphs)
        para_ids: set[str] = set()
        paragraphs = []
        markers = item_markers(draft.paragraphs)
        for seq, para in enumerate(draft.paragraphs, start=1):
            if para.kind == "closing":
                # A second place-and-date line in a part (a text and its annex signed apart).
                closings = sum(1 for q in draft.paragraphs[:seq - 1] if q.kind == "closing")
                local = f"{key}-cloture" + (f"-{closings + 1}" if closings else "")
            elif para.number is not None:
                local = f"{key}-{para.number}"
            else:
                local = f"{key}-{'n' if numbered else ''}{seq}"
            if local in para_ids:
                raise SourceError(
                    f"paragraph number {para.number} appears twice in part {draft.title!r}",
                    file, para.line_start,
                )
            para_ids.add(local)
            blocks, calls = _take_calls(para.text_blocks())
            refs = tuple(dict.fromkeys(list(para.footnote_refs) + [note for _, _, note in calls]))
            paragraphs.append(
                Paragraph(
                    id=f"{doc_id}_{local}", document=doc_id, part=key, kind=para.kind, seq=seq, number=para.number,
                    blocks=blocks, source=SourceSpan(file, para.line_start, para.line_end),
                    state=single, footnote_refs=refs, calls=calls, marker=markers[seq - 1],
                )
            )
        parts.append(
            Part(
                key=key, title=draft.title, level=draft.level, number=draft.number,
                paragraphs=tuple(paragraphs), statements=tuple(draft.statements),
                footnotes=tuple(draft.footnotes), title_footnote_refs=tuple(draft.title_footnote_refs),
                source=SourceSpan(file, draft.line, draft.line),
            )
        )
    return tuple(parts)


def _take_calls(blocks: list[str]) -> tuple[tuple[str, ...], tuple[tuple[int, int, str], ...]]:
    """Blocks without their call marks, and where each call stood."""
    clean: list[str] = []
    calls: list[tuple[int, int, str]] = []
    for index, block in enumerate(blocks):
        if CALL_OPEN not in block:
            clean.append(block)
            continue
        pieces, at = [], 0
        for m in _CALL.finditer(block):
            pieces.append(block[at:m.start()])
            calls.append((index, sum(len(p) for p in pieces), m.group(1)))
            at = m.end()
        pieces.append(block[at:])
        clean.append("".join(pieces))
    return tuple(clean), tuple(calls)


_ITEM_MARK = re.compile(r"^\(([a-z]{1,4}|\d{1,3})\)\s")
_ROMAN = re.compile(r"^[ivxl]+$")


def item_markers(paragraphs: list[ParaDraft]) -> list[str | None]:
    """The citation marker of each list item printed with a letter or numeral: "(a)" after
    paragraph 2 is "2 (a)", "(i)" under it "2 (a) (i)"; None for anything else. A letter that
    could be a numeral ("i") is a letter when it follows "h"."""
    out: list[str | None] = []
    number: int | None = None
    letter: str | None = None
    numerals = False  # inside a "(i)", "(ii)" list under a lettered item
    for para in paragraphs:
        if para.number is not None:
            number, letter, numerals = para.number, None, False
        m = _ITEM_MARK.match(para.blocks[0]) if para.kind == "item" and para.blocks else None
        if m is None:
            out.append(None)
            continue
        mark = m.group(1)
        starts = mark == "i" and letter is not None and letter != "h"
        numerals = bool(_ROMAN.match(mark)) and (starts or (numerals and mark != "i"))
        if numerals:
            parts = [str(number)] if number is not None else []
            out.append(" ".join(parts + [f"({letter})", f"({mark})"]))
        else:
            if not mark.isdigit():
                letter = mark
            out.append(f"{number} ({mark})" if number is not None else f"({mark})")
    return out
