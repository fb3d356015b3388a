"""From a PDF file to positioned runs of text, page by page (PDFium, through pypdfium2).

The reader needs more than a text dump: where each run of text stands on the page (a header,
a footer, the right-hand column of the masthead, an indented paragraph), its font size (a
footnote is smaller, a title larger) and weight (headings are bold), and which characters are
raised (a footnote call). So every character's box is read and characters are grouped here:

- into **rows** by baseline (a raised, smaller character stays in the row it is called from and
  is marked as a superscript);
- each row into **runs** where a horizontal gap wider than ``_COLUMN_GAP`` em separates them
  (the two columns of a masthead, the cells of a table, a job number and its page number).

Nothing is interpreted here: which run is a header, a heading or a paragraph is the business of
``furniture``, ``masthead`` and ``layout``. Pages are read one at a time and only their runs are
kept, so memory stays bounded by the text, not by the file (a 1,000-page PDF is fine).
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import SourceError

#: A gap wider than this many font heights splits a row into runs (masthead columns, table
#: cells). Spaces between words are PDFium's (real ones, or generated where glyphs part).
_COLUMN_GAP = 1.9
#: What a footnote call is made of: figures, asterisks, daggers, small letters ("1", "**", "a").
_CALL_CHARACTERS = frozenset("0123456789*†‡abcdefghijklmnopqrstuvwxyz")
#: The font's descent as a share of its loose box (ascent plus descent), to find the baseline.
_DESCENT = 0.21
#: A character this much smaller than its row and raised above the row's baseline is a call.
_SUPERSCRIPT_RATIO = 0.85
#: Characters PDFium reports that are not text: line breaks it generates, and the NUL it may
#: give for an unmapped glyph.
_NOT_TEXT = {"\r", "\n", "\x00", "\uffff", "\ue000", "\ue001"}
#: PDFium gives a hyphen that ends a line as U+FFFE: it is the printed hyphen ("Secretary-" /
#: "General"), kept as one, so that ``join_lines`` rejoins the word with it.
_LINE_END_HYPHEN = "\ufffe"
#: Typographic ligatures of the PDF's fonts, spelled out as the letters they stand for, so that
#: "ﬁnancial" is the word "financial" (the letters are the same, only their drawing differs).
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})


@dataclass(frozen=True)
class Run:
    """A run of text on one row of a page, in PDF points measured from the page's top-left.

    ``sup`` lists the ``(start, end)`` offsets in ``text`` of raised, smaller characters
    (footnote calls). ``size`` is the height of the row's font (ascent plus descent, about 1.15 em: PDFium's
    font size is that of the font *before* the text matrix scales it, 1.0 in some documents).
    """

    page: int  # 1-based
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool
    text: str
    sup: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    runs: tuple[Run, ...]


#: UTF-16 surrogates: a character outside the Basic Multilingual Plane is a high half
#: (D800–DBFF) then a low half (DC00–DFFF). PDFium counts each half as a character index.
_HIGH = range(0xD800, 0xDC00)
_LOW = range(0xDC00, 0xE000)


def _characters(units: list[int]) -> list[str]:
    """The text at each of PDFium's character indices, from its UTF-16 code units.

    PDFium gives a character outside the Basic Multilingual Plane (an emoji, a mathematical
    letter U+1D400…) as two indices, its UTF-16 halves, both with the character's box. Read
    alone each half is no character: it would cut the word the source has and could not be
    written as UTF-8. So the pair is joined into its one character at the high half's index and
    the low half's index is left empty (``""``, skipped by ``_rows``), which keeps every other
    index on its own box. A half without its partner (a font's ToUnicode map can give one)
    becomes U+FFFD where it stands: dropping it would glue its neighbours into a word the page
    does not have, and the replacement character says a character there was unreadable."""
    text: list[str] = []
    index = 0
    while index < len(units):
        unit = units[index]
        following = units[index + 1] if index + 1 < len(units) else -1  # -1: no unit follows
        if unit in _HIGH and following in _LOW:
            text += [chr(0x10000 + ((unit - 0xD800) << 10) + (following - 0xDC00)), ""]
            index += 2
            continue
        text.append("\ufffd" if unit in _HIGH or unit in _LOW else chr(unit))
        index += 1
    return text


class _Chars:
    """One page's characters read through PDFium's C API with reusable out-parameters."""

    def __init__(self, textpage: pdfium.PdfTextPage):
        self.raw = textpage.raw
        self.count = pdfium_c.FPDFText_CountChars(self.raw)
        text = textpage.get_text_range() if self.count > 0 else ""
        # One call for the page's text; per character only where astral characters shift it
        # (the page's text gives each as one character, PDFium's indices as two halves).
        self.text: str | list[str] = text if len(text) == self.count else _characters(
            [pdfium_c.FPDFText_GetUnicode(self.raw, i) for i in range(self.count)]
        )
        self._rect = pdfium_c.FS_RECTF()

    def box(self, i: int) -> tuple[float, float, float, float]:
        """The character's loose box (its font's ascent and descent, not the glyph's ink):
        every character of a line has the same bottom, a raised one a higher bottom, and the
        gap between two letters of a word is near zero whatever their shapes."""
        rect = self._rect
        pdfium_c.FPDFText_GetLooseCharBox(self.raw, i, rect)
        return rect.left, rect.right, rect.bottom, rect.top

    def bold(self, i: int) -> bool:
        """Bold by the font's weight; by its name ("Times-Bold") when the weight is not given,
        as for the standard fonts that older PDFs do not embed."""
        weight = pdfium_c.FPDFText_GetFontWeight(self.raw, i)
        if weight > 0:
            return weight >= 600
        size = pdfium_c.FPDFText_GetFontInfo(self.raw, i, None, 0, None)
        if size <= 0:
            return False
        buffer = ctypes.create_string_buffer(size)
        pdfium_c.FPDFText_GetFontInfo(self.raw, i, buffer, size, None)
        name = buffer.value.decode("latin-1").lower()
        return any(word in name for word in ("bold", "black", "heavy", "semibold", "demi"))


class _Row:
    """Characters sharing a baseline, being collected (a mutable helper of ``_rows``)."""

    def __init__(self, base: float, top: float, size: float):
        self.base = base  # bottom of the row's first full-size character
        self.top = top
        self.size = size
        self.chars: list[tuple[int, str, float, float, float, float, bool]] = []  # i, ch, l, r, b, t, sup

    def accepts(self, ch: str, left: float, bottom: float, size: float, last_right: float) -> tuple[bool, bool]:
        """(belongs to this row, is a superscript) for a character with this box and size."""
        tolerance = 0.35 * max(self.size, 1.0)
        if abs(bottom - self.base) <= tolerance and left >= last_right - 2 * self.size:
            return True, False
        # A call is raised by about a third of the line, never by a whole line.
        raised = bottom > self.base + tolerance / 2 and bottom < self.base + 0.6 * self.size
        hugs = last_right - 1 <= left <= last_right + 0.3 * self.size  # a call follows its word
        if raised and size < self.size * _SUPERSCRIPT_RATIO and hugs and ch in _CALL_CHARACTERS:
            return True, True
        return False, False


def _rows(chars: _Chars) -> Iterator[_Row]:
    row: _Row | None = None
    last_right = 0.0
    for i, ch in enumerate(chars.text):
        if not ch or ch in _NOT_TEXT:  # "": the low half of a pair joined at the index before
            continue
        if ch == _LINE_END_HYPHEN:
            ch = "-"
        if ch.isspace():
            if row is not None and row.chars:
                row.chars.append((i, " ", last_right, last_right, row.base, row.top, False))
            continue
        left, right, box_bottom, top = chars.box(i)
        size = (top - box_bottom) or 1.0
        # The baseline, about a fifth of the loose box above its bottom (the font's descent):
        # type of two sizes on one line shares it, while their boxes' bottoms differ.
        bottom = box_bottom + _DESCENT * size
        if row is not None:
            belongs, sup = row.accepts(ch, left, bottom, size, last_right)
            if belongs:
                row.chars.append((i, ch, left, right, bottom, top, sup))
                if not sup:
                    last_right = right
                    row.top = max(row.top, top)
                continue
            yield row
        row = _Row(bottom, top, size)
        row.chars.append((i, ch, left, right, bottom, top, False))
        last_right = right
    if row is not None and row.chars:
        yield row


def _runs(row: _Row, chars: _Chars, number: int, box: tuple[float, float, float, float]) -> Iterator[Run]:
    """Split a row at wide gaps and build each run's text (spaces where words part)."""
    page_left, _bottom, _right, page_top = box  # the visible page: its origin need not be (0, 0)
    pieces: list[str] = []
    sup: list[tuple[int, int]] = []
    first = row.chars[0]
    x0 = x1 = first[2]
    bottom = row.base
    previous_right: float | None = None
    spaced = False
    start_index = first[0]

    def run() -> Run:
        text = "".join(pieces).rstrip()
        return Run(
            page=number, top=round(page_top - row.top, 2), bottom=round(page_top - bottom, 2),
            x0=round(x0 - page_left, 2), x1=round(x1 - page_left, 2), size=round(row.size, 2),
            bold=chars.bold(start_index) and chars.bold(last_index),
            text=text, sup=tuple((s, min(e, len(text))) for s, e in sup if s < len(text)),
        )

    last_index = start_index
    previous_height = None
    for i, ch, left, right, low, top, is_sup in row.chars:
        if ch == " ":
            spaced = True
            continue
        glyph = top - low
        if previous_right is not None:
            gap = left - previous_right
            # Two columns also part where the type changes size across a space (a masthead's
            # large organ name, then its small "Distr.: General").
            resized = spaced and not is_sup and previous_height and abs(glyph - previous_height) > 0.4 * max(glyph, previous_height)
            if (gap > _COLUMN_GAP * row.size or resized) and pieces:
                yield run()
                pieces, sup, x0, spaced, start_index = [], [], left, False, i
                x1 = right
            elif pieces and spaced and pieces[-1] != " ":
                pieces.append(" ")
        spaced = False
        offset = sum(len(p) for p in pieces) if is_sup else 0
        pieces.append(ch)
        if is_sup:
            if sup and sup[-1][1] == offset:
                sup[-1] = (sup[-1][0], offset + len(ch))
            else:
                sup.append((offset, offset + len(ch)))
        else:
            bottom = min(bottom, low)
        previous_right = max(previous_right or right, right)
        x1 = max(x1, right)
        if not is_sup:
            last_index = i
            previous_height = glyph
    if pieces:
        yield run()


def _clean(run: Run) -> Run:
    text = run.text.translate(_LIGATURES)
    if text == run.text:
        return run
    # Ligatures change lengths: superscript offsets are recomputed on the cleaned text.
    sup = []
    for start, end in run.sup:
        prefix = run.text[:start].translate(_LIGATURES)
        sup.append((len(prefix), len(prefix) + len(run.text[start:end].translate(_LIGATURES))))
    return Run(run.page, run.top, run.bottom, run.x0, run.x1, run.size, run.bold, text, tuple(sup))


#: An empty page tree, which PDFium refuses to load without saying why.
_NO_PAGES = re.compile(rb"/Type\s*/Pages\b[^>]*/Count\s+0\b|/Count\s+0\b[^>]*/Type\s*/Pages\b")


def open_pdf(path: Path) -> pdfium.PdfDocument:
    """Open ``path``; a file that is not a readable PDF is one clear ``SourceError`` naming it
    (by its name: the published report must not depend on where the seeds folder is)."""
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read the file ({exc.strerror})", name) from None
    if b"%PDF-" not in data[:1024]:
        raise SourceError("not a PDF file (no %PDF- header): is the extension right?", name)
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        # PDFium's reason is its last error, which a file that fails without one (an empty
        # page tree) leaves as the previous file's: the file's own structure is read first.
        reason = str(exc).lower()
        if _NO_PAGES.search(data):
            raise SourceError("the PDF has no pages", name) from None
        if b"/Encrypt" in data and ("password" in reason or "security" in reason):
            raise SourceError("the PDF is encrypted (password-protected): cannot read its text", name) from None
        raise SourceError(f"damaged or truncated PDF ({exc})", name) from None
    if len(document) == 0:
        document.close()
        raise SourceError("the PDF has no pages", name)
    return document


def damage(document: pdfium.PdfDocument) -> str | None:
    """What PDFium had to repair to open the file, or None: a file whose cross-reference
    table is broken (truncated, rewritten in place) may have lost the text of some pages."""
    if not pdfium_c.FPDF_DocumentHasValidCrossReferenceTable(document.raw):
        return "its cross-reference table is damaged (truncated?): PDFium repaired it, and pages may have lost their text"
    return None


def read_pages(path: Path, problems: list[str] | None = None) -> Iterator[Page]:
    """The pages of the PDF at ``path``, one at a time, as runs of text. What PDFium had to
    repair (a damaged file, a page with no content at all) is added to ``problems``."""
    document = open_pdf(path)
    try:
        repaired = damage(document)
        if repaired and problems is not None:
            problems.append(repaired)
        empty: list[str] = []
        for index in range(len(document)):
            page = document[index]
            if pdfium_c.FPDFPage_CountObjects(page.raw) == 0:
                empty.append(str(index + 1))
            try:
                box = page.get_cropbox()
                width, height = box[2] - box[0], box[3] - box[1]
                textpage = page.get_textpage()
                try:
                    chars = _Chars(textpage)
                    runs = [
                        _clean(run)
                        for row in _rows(chars)
                        for run in _runs(row, chars, index + 1, box)
                        if run.text
                    ]
                finally:
                    textpage.close()
            except pdfium.PdfiumError as exc:
                raise SourceError(f"page {index + 1} cannot be read ({exc})", path.name) from None
            finally:
                page.close()
            yield Page(index + 1, width, height, tuple(runs))
        if empty and problems is not None and len(empty) < len(document):
            problems.append(f"damaged page(s) {', '.join(empty)}: no content at all")
    finally:
        document.close()
