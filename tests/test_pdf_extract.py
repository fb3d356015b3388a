"""From a PDF to positioned runs of text (``pdf.extract``): rows by baseline, runs split at
wide gaps or where the type changes size, raised calls marked, bold read, positions from the
page's top-left; and a file that is no readable PDF refused with one clear error."""

from __future__ import annotations

import pytest

from conftest import ROOT
from test_broken_pdf import damaged, encrypted, pages_pdf, plain_text, zero_pages
from undocs.errors import SourceError
from undocs.pdf.extract import read_pages

FONTS = {3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
         4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"}
RESOURCES = b"<< /Font << /F1 3 0 R /F2 4 0 R >> >>"


def pdf_of(pages: list[list[tuple]], tmp_path, name: str = "x.pdf"):
    """A PDF of A4 pages; each piece of text is (x, baseline from the page's top, text) or
    (x, baseline, text, size, font, rise): font "F1" is Helvetica, "F2" Helvetica-Bold."""
    contents = []
    for pieces in pages:
        shown = []
        for piece in pieces:
            x, base, text, size, font, rise = (piece + (11, "F1", 0))[:6] if len(piece) == 3 else piece
            # Several pieces of text may follow one another on one line: [(text, size, font, rise), …].
            segments = [(text, size, font, rise)] if isinstance(text, str) else text
            ops = []
            for words, points, face, raised in segments:
                escaped = words.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                ops.append(f"/{face} {points} Tf {raised} Ts ({escaped}) Tj")
            shown.append(f"BT 1 0 0 1 {x} {842 - base} Tm " + " ".join(ops) + " ET")
        contents.append("\n".join(shown).encode("cp1252"))
    path = tmp_path / name
    path.write_bytes(pages_pdf(contents, RESOURCES, FONTS))
    return path


def runs_of(path):
    return [(r.text, r.bold, r.sup) for page in read_pages(path) for r in page.runs]


def test_a_row_is_split_where_a_wide_gap_parts_it(tmp_path):
    # 11-point type: a gap of 2.5 em parts two columns (a masthead's), one of 0.6 em is a space.
    path = pdf_of([[(72, 100, "Nations Unies"), (400, 100, "A/67/131"), (72, 130, "Le texte"), (120, 130, "suit.")]], tmp_path)
    [page] = read_pages(path)
    assert [r.text for r in page.runs] == ["Nations Unies", "A/67/131", "Le texte suit."]
    first, second, third = page.runs
    assert (page.number, page.width, page.height) == (1, 595.0, 842.0)
    assert first.page == 1 and abs(first.x0 - 72) < 1 and abs(second.x0 - 400) < 1 and second.x1 > second.x0
    # From the page's top: the baseline at 100 points, the row's top above it, its bottom below.
    assert abs(first.bottom - 100) < 0.5 and first.bottom - first.top < 1.4 * 11
    assert abs(third.top - first.top - 30) < 0.5 and first.size == third.size


def test_type_that_changes_size_across_a_space_parts_a_row(tmp_path):
    path = pdf_of([[(72, 100, "Assemblée générale", 20, "F2", 0), (290, 100, "Distr. générale", 10, "F1", 0)]], tmp_path)
    assert runs_of(path) == [("Assemblée générale", True, ()), ("Distr. générale", False, ())]


def test_a_raised_smaller_figure_after_a_word_is_a_call(tmp_path):
    called = [("Conference held in 2012,", 11, "F1", 0), ("1", 7, "F1", 5), (" Member States", 11, "F1", 0)]
    path = pdf_of([[(72, 100, called)]], tmp_path)
    [(text, bold, sup)] = runs_of(path)
    assert text == "Conference held in 2012,1 Member States" and not bold
    assert [text[a:b] for a, b in sup] == ["1"]
    # Raised by a whole line, it is a line of its own; not smaller, a figure of the text.
    lines = pdf_of([[(72, 100, "Conference held in 2012,"), (198, 86, "1", 7, "F1", 0)]], tmp_path, "y.pdf")
    assert sorted(runs_of(lines)) == [("1", False, ()), ("Conference held in 2012,", False, ())]
    same = pdf_of([[(72, 100, [("Conference held in 2012,", 11, "F1", 0), ("1", 11, "F1", 5)])]], tmp_path, "z.pdf")
    assert all(sup == () for _, _, sup in runs_of(same))


def test_a_real_page_read_as_a_person_sees_it():
    """E/HLPF/2025/3, page 1, on its rendered page: the agenda item's title in bold in the
    masthead's left column, its first line ending "science- and evidence-"; the document's title
    in larger bold type at the text's left edge; paragraph 1's call "1" raised after
    "22 June 2012,"; paragraph 2's call "2" after "as appropriate."."""
    [first, _second] = read_pages(ROOT / "tests" / "fixtures" / "real" / "pdf" / "E_HLPF_2025_3.en.pdf")
    assert (first.width, first.height) == (612.0, 792.0)
    runs = {r.text: r for r in first.runs}
    agenda = runs["Advancing sustainable, inclusive, science- and evidence-"]
    title = runs["Reports of the regional forums on sustainable development"]
    assert agenda.bold and title.bold and title.size > 1.3 * agenda.size
    assert title.x0 > agenda.x0 + 50 and title.top > agenda.top
    body = next(r for r in first.runs if r.text.startswith("in Rio de Janeiro, Brazil, from 20 to 22 June 2012,"))
    assert not body.bold and [body.text[a:b] for a, b in body.sup] == ["1"]
    assert body.text[body.sup[0][0] - len("2012, "):body.sup[0][0]] == "2012, "
    second = next(r for r in first.runs if "as appropriate." in r.text)
    assert [second.text[a:b] for a, b in second.sup] == ["2"] and second.text.endswith("2")


@pytest.mark.parametrize("make,message", [
    (plain_text, "not a PDF file (no %PDF- header): is the extension right?"),
    (encrypted, "the PDF is encrypted (password-protected): cannot read its text"),
    (zero_pages, "the PDF has no pages"),
    (damaged, "damaged or truncated PDF (Failed to load document (PDFium: Data format error).)"),
])  # fmt: skip
def test_a_file_that_is_no_readable_pdf_is_one_error_naming_it(tmp_path, make, message):
    path = tmp_path / "x.pdf"
    path.write_bytes(make())
    with pytest.raises(SourceError) as info:
        list(read_pages(path))
    assert (info.value.path, info.value.line, info.value.message) == ("x.pdf", None, message)


def test_each_file_is_judged_on_its_own(tmp_path):
    """PDFium says why a file failed to open through its last error, which an empty file does
    not set: after an encrypted file, an empty one is still an empty one."""
    for make, message in [(encrypted, "encrypted"), (zero_pages, "no pages"), (damaged, "damaged"), (zero_pages, "no pages")]:
        path = tmp_path / "x.pdf"
        path.write_bytes(make())
        with pytest.raises(SourceError, match=message):
            list(read_pages(path))


def test_a_file_that_cannot_be_read_at_all(tmp_path):
    (tmp_path / "x.pdf").mkdir()
    with pytest.raises(SourceError) as info:
        list(read_pages(tmp_path / "x.pdf"))
    assert (info.value.path, info.value.message) == ("x.pdf", "cannot read the file (Is a directory)")


def test_bold_by_the_fonts_weight_else_by_its_name(tmp_path):
    """A font that gives its weight (``/FontWeight`` of its descriptor) is bold from 600 on,
    whatever its name says; one that does not (the standard fonts older PDFs do not embed) is
    bold when its name says bold, black, heavy, semibold or demi."""
    names = [("Foo-Regular", 600), ("Foo-Regular", 599), ("Foo-Bold", 400), ("Foo-Regular", 700), ("Foo-Bold", 1),
             ("Arial-Black", None), ("Foo-Heavy", None), ("Foo-Semibold", None), ("Foo-Demi", None),
             ("Foo-BOLD", None), ("Foo-Book", None)]
    fonts, extra = {}, {}
    for i, (name, weight) in enumerate(names):
        descriptor = b"" if weight is None else b" /FontDescriptor %d 0 R" % (40 + i)
        extra[20 + i] = b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding%s >>" % (name.encode(), descriptor)
        if weight is not None:
            extra[40 + i] = (b"<< /Type /FontDescriptor /FontName /%s /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0"
                             b" /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 /FontWeight %d >>" % (name.encode(), weight))
        fonts[f"G{i}"] = 20 + i
    resources = b"<< /Font << " + b" ".join(b"/%s %d 0 R" % (k.encode(), v) for k, v in fonts.items()) + b" >> >>"
    content = "\n".join(f"BT 1 0 0 1 72 {800 - 20 * i} Tm /G{i} 11 Tf (Line {i}) Tj ET" for i in range(len(names)))
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pages_pdf([content.encode()], resources, extra))
    [page] = read_pages(path)
    assert [r.bold for r in page.runs] == [True, False, False, True, False, True, True, True, True, True, False]


def test_a_run_is_bold_when_it_starts_and_ends_bold(tmp_path):
    path = pdf_of([[(72, 100, [("Bold then", 11, "F2", 0), (" regular", 11, "F1", 0)]),
                    (72, 130, [("Regular then", 11, "F1", 0), (" bold", 11, "F2", 0)]),
                    (72, 160, [("All", 11, "F2", 0), (" bold", 11, "F2", 0)])]], tmp_path)
    assert [(text, bold) for text, bold, _ in runs_of(path)] == [("Bold then regular", False), ("Regular then bold", False), ("All bold", True)]


def test_ligatures_are_spelled_out_and_calls_kept_in_place():
    from undocs.pdf.extract import Run, _clean

    run = Run(page=1, top=0.0, bottom=10.0, x0=0.0, x1=100.0, size=10.0, bold=False, text="ﬁnancial ﬂows2 and eﬀorts", sup=((13, 14),))
    cleaned = _clean(run)
    assert cleaned.text == "financial flows2 and efforts" and cleaned.sup == ((15, 16),)
    assert cleaned.text[15:16] == "2"
    assert cleaned == Run(page=1, top=0.0, bottom=10.0, x0=0.0, x1=100.0, size=10.0, bold=False, text="financial flows2 and efforts", sup=((15, 16),))
    bold = Run(page=2, top=1.0, bottom=11.0, x0=3.0, x1=90.0, size=9.0, bold=True, text="ﬁnal", sup=())
    assert _clean(bold) == Run(page=2, top=1.0, bottom=11.0, x0=3.0, x1=90.0, size=9.0, bold=True, text="final", sup=())
    plain = Run(page=1, top=0.0, bottom=10.0, x0=0.0, x1=100.0, size=10.0, bold=False, text="plain", sup=())
    assert _clean(plain) is plain


# --- the rules of rows, calls and runs, on characters placed by hand ---------------------------
# A row of 10-point type whose baseline is at 100 (PDF coordinates: y grows upwards), its last
# full-size character ending at x = 50.

from undocs.pdf.extract import _Row, _rows, _runs  # noqa: E402


def accepts(ch="x", left=50.0, bottom=100.0, size=10.0, last_right=50.0):
    return _Row(100.0, 108.0, 10.0).accepts(ch, left, bottom, size, last_right)


def test_a_character_on_the_rows_baseline_belongs_to_it():
    # Within 0.35 of the row's size of its baseline, and not left of its last character by more
    # than two sizes (a line that starts again at the left margin is the next row).
    assert accepts(bottom=103.5) == accepts(bottom=96.5) == (True, False)
    assert accepts(bottom=103.6, size=10.0) == accepts(bottom=96.4) == (False, False)
    assert accepts(left=30.0) == (True, False) and accepts(left=29.9) == (False, False)


@pytest.mark.parametrize(("ch", "left", "bottom", "size", "call"), [
    ("1", 50.0, 104.0, 7.0, True), ("*", 50.0, 104.0, 7.0, True), ("†", 50.0, 104.0, 7.0, True), ("a", 50.0, 104.0, 7.0, True),
    ("A", 50.0, 104.0, 7.0, False), ("(", 50.0, 104.0, 7.0, False),  # not what a call is made of
    ("1", 50.0, 105.9, 7.0, True), ("1", 50.0, 106.0, 7.0, False),  # raised by less than 0.6 of the row's size
    ("1", 50.0, 104.0, 8.4, True), ("1", 50.0, 104.0, 8.5, False),  # smaller than 0.85 of the row's size
    ("1", 49.0, 104.0, 7.0, True), ("1", 48.9, 104.0, 7.0, False),  # hugging the word: from 1 point left of its end...
    ("1", 53.0, 104.0, 7.0, True), ("1", 53.1, 104.0, 7.0, False),  # ... to 0.3 of the row's size right of it
])
def test_a_raised_smaller_character_after_a_word_is_a_call(ch, left, bottom, size, call):
    assert accepts(ch, left, bottom, size) == ((True, True) if call else (False, False))


def test_a_call_is_raised_by_more_than_half_the_tolerance():
    row = _Row(100.0, 108.0, 10.0)
    # Below the row's baseline, or barely above it past a gap (left < last_right - 20): no call.
    assert row.accepts("1", 30.0, 101.75, 7.0, 51.0) == (False, False)
    assert row.accepts("1", 50.0, 96.0, 7.0, 50.0) == (False, False)


class _Chars:
    """Characters as ``_Chars`` gives them: their text, boxes and weights."""

    def __init__(self, text="", boxes=(), bold=()):
        self.text, self.boxes, self.bolds = text, list(boxes), set(bold)

    def box(self, i):
        return self.boxes[i]

    def bold(self, i):
        return i in self.bolds


def row_of(chars, size=10.0, base=100.0, top=108.0):
    row = _Row(base, top, size)
    row.chars = chars
    return row


def glyph(i, ch, left, width=5.0, low=100.0, height=8.0, sup=False):
    return (i, ch, left, left + width, low, low + height, sup)


def space(i):
    return (i, " ", 0.0, 0.0, 100.0, 108.0, False)


def texts(row, bold=()):
    return [r.text for r in _runs(row, _Chars(bold=bold), 1, (0.0, 0.0, 595.0, 842.0))]


def test_a_row_parts_at_a_gap_wider_than_1_9_sizes():
    # "b" ends at 10; a gap of 19 points (1.9 x 10) is a space between words, 19.01 parts columns.
    row = row_of([glyph(0, "a", 0), glyph(1, "b", 5), space(2), glyph(3, "c", 29), space(4), glyph(5, "d", 53.01)])
    assert texts(row) == ["ab c", "d"]
    assert texts(row_of([glyph(0, "a", 0), glyph(1, "b", 24.01)])) == ["a", "b"]  # a gap parts even without a space


def test_a_row_parts_where_the_type_changes_size_across_a_space():
    # Glyphs of 20 and 12 points differ by 8 = 0.4 x 20: the same run; 11.9: another.
    same = row_of([glyph(0, "A", 0, height=20.0), space(1), glyph(2, "d", 8, height=12.0)])
    assert texts(same) == ["A d"]
    other = row_of([glyph(0, "A", 0, height=20.0), space(1), glyph(2, "d", 8, height=11.9)])
    assert texts(other) == ["A", "d"]
    # Without a space, or for a call, type of another size stays in the run.
    assert texts(row_of([glyph(0, "A", 0, height=20.0), glyph(1, "d", 5, height=11.9)])) == ["Ad"]
    assert texts(row_of([glyph(0, "A", 0, height=20.0), space(1), glyph(2, "1", 5, height=5.0, sup=True)])) == ["A 1"]


def test_a_runs_place_text_calls_and_weight():
    chars = [glyph(0, "W", 10, low=99.0), glyph(1, "o", 15), glyph(2, "r", 20), glyph(3, "d", 25),
             glyph(4, "1", 30, 3.0, low=104.0, height=5.0, sup=True), glyph(5, "2", 33, 3.0, low=103.0, height=5.0, sup=True),
             space(6), glyph(7, "x", 40), glyph(8, "3", 45, 3.0, low=104.0, height=5.0, sup=True)]
    box = (5.0, 0.0, 600.0, 800.0)  # a page whose visible box starts at x = 5, y = 800
    (run,) = _runs(row_of(chars, size=10.0, base=100.0, top=109.5), _Chars(bold={0, 7}), 3, box)
    assert run.text == "Word12 x3" and [run.text[a:b] for a, b in run.sup] == ["12", "3"]
    # From the visible page's top-left: top 800 - 109.5, bottom at the lowest full-size glyph (99).
    assert (run.page, run.top, run.bottom, run.x0, run.x1, run.size) == (3, 690.5, 701.0, 5.0, 43.0, 10.0)
    assert run.bold  # its first and last full-size characters are bold (a call's weight does not count)
    (run,) = _runs(row_of(chars), _Chars(bold={0}), 1, box)
    assert not run.bold


def test_rows_of_characters():
    """Line breaks and NULs PDFium reports are no text, its line-end hyphen is a hyphen, a space
    belongs to the row it is in (none opens one), and the baseline is a fifth of the loose box
    above its bottom."""
    text = " a\ufffe\r\nb\x00 c"
    boxes = {1: (0, 5, 98.0, 108.0), 2: (5, 8, 98.0, 108.0), 5: (0, 5, 78.0, 88.0), 8: (9, 14, 78.0, 88.0)}
    rows = list(_rows(_Chars(text, [boxes.get(i, (0, 0, 0, 0)) for i in range(len(text))])))
    assert [[c[1] for c in row.chars] for row in rows] == [["a", "-"], ["b", " ", "c"]]
    assert rows[0].base == pytest.approx(98.0 + 0.21 * 10.0) and rows[0].size == 10.0 and rows[0].top == 108.0
    flat = list(_rows(_Chars("x", [(0, 5, 50.0, 50.0)])))  # a box of no height counts as one point
    assert flat[0].size == 1.0 and flat[0].base == pytest.approx(50.21)
    assert list(_rows(_Chars("  \n"))) == []


def test_what_pdfium_repaired_is_a_problem_named(tmp_path):
    from test_broken_pdf import HELVETICA, text_content, truncated_trailer_up_front, valid_pdf

    path = tmp_path / "x.pdf"
    path.write_bytes(truncated_trailer_up_front())
    problems: list[str] = []
    list(read_pages(path, problems))
    # (the pages of the half that is lost come back empty: named too)
    assert problems[0] == "its cross-reference table is damaged (truncated?): PDFium repaired it, and pages may have lost their text"
    assert problems[1:] == ["damaged page(s) 4, 5, 6, 7, 8, 9, 10: no content at all"]
    # Pages with no content at all beside pages with text: named; a file of such pages alone
    # (nothing lost: nothing there) is not a repair.
    text = text_content(["Some text"])
    path.write_bytes(pages_pdf([text, b"", text, b""], b"<< /Font << /F1 3 0 R >> >>", HELVETICA))
    problems = []
    assert len(list(read_pages(path, problems))) == 4 and problems == ["damaged page(s) 2, 4: no content at all"]
    assert len(list(read_pages(path))) == 4  # nobody asks: nothing said
    path.write_bytes(pages_pdf([b"", b""], b"<< >>"))
    problems = []
    assert len(list(read_pages(path, problems))) == 2 and problems == []
    path.write_bytes(valid_pdf())
    problems = []
    assert len(list(read_pages(path, problems))) == 10 and problems == []


def test_the_pdf_header_within_the_first_1024_bytes(tmp_path):
    from test_broken_pdf import valid_pdf, write_pdf

    path = tmp_path / "x.pdf"
    path.write_bytes(b" " * 1019 + valid_pdf())  # "%PDF-" ends at byte 1024
    assert len(list(read_pages(path))) == 10
    path.write_bytes(b" " * 1020 + valid_pdf())
    with pytest.raises(SourceError, match="no %PDF- header"):
        list(read_pages(path))
    # An empty page tree, its entries in either order.
    path.write_bytes(write_pdf({1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Count 0 /Kids [] /Type /Pages >>"}))
    with pytest.raises(SourceError) as info:
        list(read_pages(path))
    assert info.value.message == "the PDF has no pages"


def test_a_character_outside_the_bmp_keeps_every_box_in_place(tmp_path):
    """PDFium counts a character outside the Basic Multilingual Plane (a font whose ToUnicode
    map gives "A" as U+1D400 𝐀) as its two UTF-16 halves, while the page's text gives it as one:
    the text is then read character by character, so that each index is its own box's; the
    run spans the whole line, as the same line in plain letters does."""
    from test_broken_pdf import stream

    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            b"1 begincodespacerange <00> <FF> endcodespacerange\n"
            b"3 beginbfchar <41> <D835DC00> <42> <0042> <43> <0043> endbfchar\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding%s >>"
    content = b"BT 1 0 0 1 72 700 Tm /F1 11 Tf (ABC BCA) Tj ET"
    astral, plain = tmp_path / "astral.pdf", tmp_path / "plain.pdf"
    astral.write_bytes(pages_pdf([content], b"<< /Font << /F1 3 0 R >> >>", {3: font % b" /ToUnicode 4 0 R", 4: stream(cmap)}))
    plain.write_bytes(pages_pdf([content], b"<< /Font << /F1 3 0 R >> >>", {3: font % b""}))
    [[run]], [[line]] = [[p.runs for p in read_pages(path)] for path in (astral, plain)]
    assert line.text == "ABC BCA"
    # One character, not its two UTF-16 halves: the text must be writable as UTF-8.
    assert run.text == "𝐀BC BC𝐀" and run.text.encode("utf-8")
    assert (run.x0, run.x1, run.top, run.bottom) == (line.x0, line.x1, line.top, line.bottom)


def astral_pdf(tmp_path, unicode: bytes, shown: bytes = b"BAC") -> list[str]:
    """The texts of the runs of a one-line PDF whose font maps "A" to ``unicode`` (UTF-16BE
    hex of a ToUnicode map: ``<D83DDE00>`` is 😀, ``<D835>`` half of a character)."""
    from test_broken_pdf import stream

    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            b"1 begincodespacerange <00> <FF> endcodespacerange\n"
            b"3 beginbfchar <41> %s <42> <0042> <43> <0043> endbfchar\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end") % unicode
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 4 0 R >>"
    path = tmp_path / "astral.pdf"
    path.write_bytes(pages_pdf([b"BT 1 0 0 1 72 700 Tm /F1 11 Tf (%s) Tj ET" % shown], b"<< /Font << /F1 3 0 R >> >>",
                               {3: font, 4: stream(cmap)}))
    return [run.text for page in read_pages(path) for run in page.runs]


@pytest.mark.parametrize("unicode, text", [
    (b"<D83DDE00>", "B\U0001F600C"),  # an emoji (😀), its halves D83D DE00
    (b"<D835DC00>", "B\U0001D400C"),  # MATHEMATICAL BOLD CAPITAL A (𝐀)
    (b"<0041D835DC00>", "BA\U0001D400C"),  # one glyph for two characters, the second astral
])
def test_a_character_outside_the_bmp_is_one_character(tmp_path, unicode, text):
    """PDFium gives such a character as its two UTF-16 halves at two indices: they are joined
    into the one character the map gives, so that the word is the source's and UTF-8 writes it."""
    [read] = astral_pdf(tmp_path, unicode)
    assert read == text and read.encode("utf-8")


@pytest.mark.parametrize("unicode, text", [
    (b"<D835>", "B\ufffdC"),  # a high half with no low half after it
    (b"<DC00>", "B\ufffdC"),  # a low half with no high half before it
    (b"<DC00D835>", "B\ufffd\ufffdC"),  # the two halves in the wrong order
    (b"<D835D835>", "B\ufffd\ufffdC"),  # two high halves
])
def test_half_a_character_is_kept_visibly_as_the_replacement_character(tmp_path, unicode, text):
    """A glyph the map gives as a lone half of a UTF-16 pair is no character at all: it cannot
    be written as UTF-8, and dropping it would glue "B" and "C" into a word the page does not
    have. It stays where it was drawn, as U+FFFD, which says a character there was unreadable."""
    assert astral_pdf(tmp_path, unicode) == [text]


def test_characters_of_code_units():
    from undocs.pdf.extract import _characters

    high, low = 0xD83D, 0xDE00  # 😀 U+1F600
    # The pair's character at the high half's index, nothing at the low half's: indices stay boxes'.
    assert _characters([0x42, high, low, 0x43]) == ["B", "\U0001F600", "", "C"]
    assert _characters([high, low]) == ["\U0001F600", ""]
    assert _characters([high]) == ["\ufffd"] and _characters([low, 0x43]) == ["\ufffd", "C"]
    assert _characters([high, high, low]) == ["\ufffd", "\U0001F600", ""]
    assert _characters([high, low, low]) == ["\U0001F600", "", "\ufffd"]
    assert _characters([]) == [] and _characters([0xE9, 0xFFFE]) == ["é", "\ufffe"]
    # The edges of the two ranges of halves (D800–DBFF high, DC00–DFFF low), and just outside.
    assert _characters([0xD800, 0xDC00, 0xDBFF, 0xDFFF]) == ["\U00010000", "", "\U0010FFFF", ""]
    assert _characters([0xD7FF, 0xE000]) == ["\ud7ff", "\ue000"]


def test_a_runs_place_is_rounded_to_a_hundredth_of_a_point():
    chars = [glyph(0, "a", 10.4567, 5.0, low=99.1234), glyph(1, "b", 15.4567, 5.1234)]
    (run,) = _runs(row_of(chars, size=10.4567, base=100.0, top=109.4567), _Chars(), 1, (0.3333, 0.0, 600.0, 800.0))
    # top 800 - 109.4567, bottom 800 - 99.1234, x0 10.4567 - 0.3333, x1 20.5801 - 0.3333
    assert (run.top, run.bottom, run.x0, run.x1, run.size) == (690.54, 700.88, 10.12, 20.25, 10.46)


def test_rows_of_type_under_a_point():
    """The tolerance is 0.35 of the row's size, of one point at least; a call is raised above
    half of it. Type this small is no text anyone reads, but the rule holds at any size."""
    one = _Row(100.0, 101.0, 1.0)
    assert one.accepts("x", 50.0, 100.35, 1.0, 50.0) == (True, False)
    assert one.accepts("x", 50.0, 100.5, 1.0, 50.0) == (False, False)
    tiny = _Row(0.0, 0.4, 0.4)  # its tolerance: 0.35 point; a call hugs its word from 1 point left of it
    assert tiny.accepts("1", 49.1, 0.35 / 2 + 0.01, 0.3, 50.0) == (True, True)
    assert tiny.accepts("1", 49.1, 0.35 / 2, 0.3, 50.0) == (False, False)  # not raised above half the tolerance
    assert tiny.accepts("1", 49.1, 0.0, 0.3, 50.0) == (False, False)  # on the baseline, left of the row's end


def test_encrypted_is_what_pdfium_says_of_a_file_with_an_encryption_dictionary(tmp_path):
    """A file is called encrypted when it has an /Encrypt dictionary and PDFium refuses it for
    its password or its security handler ("Unsupported security scheme"); a damaged file that
    happens to contain the word is damaged."""
    from test_broken_pdf import damaged, encrypted

    path = tmp_path / "x.pdf"
    for data, message in [
        (encrypted().replace(b"/Filter /Standard", b"/Filter /Unknownx"), "the PDF is encrypted (password-protected): cannot read its text"),
        (damaged() + b"\n/Encrypt 5 0 R\n", "damaged or truncated PDF (Failed to load document (PDFium: Data format error).)"),
    ]:
        path.write_bytes(data)
        with pytest.raises(SourceError) as info:
            list(read_pages(path))
        assert info.value.message == message


def test_a_page_whose_visible_box_is_not_at_the_origin(tmp_path):
    """A page's size is its crop box's (what a viewer shows), and a run's place is measured from
    that box's top-left corner."""
    from test_broken_pdf import stream, write_pdf

    content = b"BT 1 0 0 1 72 600 Tm /F1 11 Tf (Cropped text) Tj ET"
    path = tmp_path / "x.pdf"
    path.write_bytes(write_pdf({
        1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [10 0 R] /Count 1 >>", 3: FONTS[3],
        10: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /CropBox [10 20 500 700] /Resources << /Font << /F1 3 0 R >> >> /Contents 11 0 R >>",
        11: stream(content),
    }))
    [page] = read_pages(path)
    assert (page.width, page.height) == (490.0, 680.0)
    [run] = page.runs
    assert run.text == "Cropped text" and abs(run.x0 - 62) < 0.5 and abs(run.bottom - 100) < 0.5


def test_a_page_pdfium_cannot_read_is_named(tmp_path, monkeypatch):
    import pypdfium2 as pdfium

    path = pdf_of([[(72, 100, "First page")], [(72, 100, "Second page")]], tmp_path)
    real = pdfium.PdfPage.get_textpage
    calls = []

    def get_textpage(self):
        calls.append(self)
        if len(calls) == 2:
            raise pdfium.PdfiumError("Failed to load text page.")
        return real(self)

    monkeypatch.setattr(pdfium.PdfPage, "get_textpage", get_textpage)
    pages = read_pages(path)
    assert next(pages).runs[0].text == "First page"
    with pytest.raises(SourceError) as info:
        next(pages)
    assert (info.value.path, info.value.message) == ("x.pdf", "page 2 cannot be read (Failed to load text page.)")
