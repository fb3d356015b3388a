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
