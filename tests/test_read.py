"""The readers (``undocs.read``): one per format, each giving its parts, its removals, its
warnings and the text the build's word check compares with the page."""

from __future__ import annotations

import pytest

from conftest import DATA, ROOT, SEEDS, shared
from test_fidelity import positioned_pdf
from undocs.errors import SourceError
from undocs.read import Hints, read
from undocs.read.decode import decode
from undocs.states import Gazetteer, load_states

PDFS = ROOT / "tests" / "fixtures" / "real" / "pdf"


@pytest.fixture(scope=shared("module"))
def states():
    return Gazetteer(load_states(DATA / "states.yaml"))


# --- decoding text sources -------------------------------------------------------------------

def test_decoding_keeps_the_text_and_only_the_text(tmp_path):
    path = tmp_path / "x.fr.txt"
    for data, text in [(b"\xef\xbb\xbfUn\r\nDeux\rTrois\n", "Un\nDeux\nTrois\n"), ("É\r\n".encode(), "É\n"),
                       (b"\xef\xbb\xbf\xef\xbb\xbfUn", "\ufeffUn")]:  # one byte-order mark is taken off, not two
        path.write_bytes(data)
        assert decode(path) == text


@pytest.mark.parametrize("data,line,message", [
    (b"Un\nDeux \xe9t\xe9\n", 2, "not valid UTF-8 (byte 0xe9); save the file as UTF-8"),
    (b"\xef\xbb\xbf\xff", 1, "not valid UTF-8 (byte 0xff); save the file as UTF-8"),
    (b"Un\n\nTrois\x80", 3, "not valid UTF-8 (byte 0x80); save the file as UTF-8"),
    (b"", None, "the document is empty"),
    (b"\xef\xbb\xbf \n\t\r\n", None, "the document is empty"),
])  # fmt: skip
def test_a_text_that_cannot_be_read_is_an_error_naming_the_line(tmp_path, data, line, message):
    path = tmp_path / "x.fr.txt"
    path.write_bytes(data)
    with pytest.raises(SourceError) as info:
        decode(path)
    assert (info.value.path, info.value.line, info.value.message) == (str(path), line, message)


# --- text and Markdown -----------------------------------------------------------------------

def test_the_text_reader_gives_the_decoded_text_and_uses_the_job_number(tmp_path, states):
    path = tmp_path / "x.fr.txt"
    path.write_bytes(b" Un paragraphe.\r\n\r\n 912-34567\r\n\r\n 912-41314\r\n")
    reading = read(path, "plaintext", Hints(symbols=("A/1",), job_number="12-34567"), states)
    assert reading.text == " Un paragraphe.\n\n 912-34567\n\n 912-41314\n"
    assert [(r.file, r.line, r.text) for r in reading.removals] == [("x.fr.txt", 3, "912-34567")]
    assert [p.blocks for p in reading.drafts[0].paragraphs] == [["Un paragraphe."], ["912-41314"]]


def test_the_markdown_reader_gives_the_characters_entities_stand_for(states):
    reading = read(SEEDS / "cd-2012-kazakhstan-otsc.fr.md", "markdown", Hints(), states)
    assert reading.removals == () and reading.warnings == ()
    assert reading.masthead == ("Conférence du désarmement", "7 septembre 2012", "Français", "Original: anglais et russe")
    [note] = reading.drafts[0].footnotes
    assert (note.source.file, note.source.line_start) == ("cd-2012-kazakhstan-otsc.fr.md", 27)
    assert reading.text == (SEEDS / "cd-2012-kazakhstan-otsc.fr.md").read_text(encoding="utf-8")  # no entity in it


def test_markdown_entities_are_read_as_characters(tmp_path, states):
    path = tmp_path / "x.fr.md"
    path.write_text("## T\n\nle d&eacute;sarmement &amp; la paix\n", encoding="utf-8")
    assert read(path, "markdown", Hints(), states).text == "## T\n\nle désarmement & la paix\n"


# --- PDF ---------------------------------------------------------------------------------------

def test_a_pdf_reading_shows_its_masthead_once_and_names_its_furniture(states):
    """A/79/903, read on its pages: its masthead (Distr.: General, 7 May 2025, Seventy-ninth
    session, Agenda items 30 and 84), its title, the letter in a first part of that title."""
    reading = read(PDFS / "A_79_903.en.pdf", "pdf", Hints(), states)
    masthead = reading.masthead
    assert masthead[:5] == ("United Nations", "A/79/903-S/2025/294", "General Assembly", "Distr.: General", "7 May 2025")
    lines = reading.text.split("\n")
    assert tuple(lines[:len(masthead)]) == masthead
    assert all(lines.count(line) == 1 for line in ("Distr.: General", "7 May 2025", "Agenda items 30 and 84"))
    body = [p.blocks[0] for d in reading.drafts for p in d.paragraphs]
    assert not any(line in block for block in body for line in ("Distr.: General", "Agenda items 30 and 84"))
    first = reading.drafts[0]
    assert first.title.startswith("Letter dated 6 May 2025 from the representatives of Belarus and")
    assert body[0].startswith("We have the honour to transmit herewith the joint Declaration")
    assert {s.state for s in first.statements} == {"belarus", "russie"}
    found = reading.found
    assert (found.distribution, found.session, found.agenda_items, found.job_number) == (
        "General", "Seventy-ninth session ; Eightieth year", ["Agenda items 30 and 84"], "25-07388")
    header = next(r for r in reading.removals if r.rule == "symbol-header")
    assert (header.file, header.page, header.reason, lines[header.line - 1]) == (
        "A_79_903.en.pdf", 2, "en-tête de page : cote du document", header.text)
    assert {(r.rule, r.reason) for r in reading.removals} >= {("job-number", "pied de page : numéro de tirage"), ("barcode", "code-barres")}


def test_a_pdf_the_reader_refuses(tmp_path, states):
    images = tmp_path / "scan.pdf"
    images.write_bytes(positioned_pdf([[], []]))
    with pytest.raises(SourceError) as info:
        read(images, "pdf", Hints(), states)
    assert (info.value.path, info.value.message) == ("scan.pdf", "the PDF has no text layer (2 pages of images: a scan without OCR?)")
    ods = "The document you are looking for does not exist in the Official Document System"
    missing = tmp_path / "missing.pdf"
    missing.write_bytes(positioned_pdf([[(100, "Official Document System"), (120, ods)]]))
    with pytest.raises(SourceError) as info:
        read(missing, "pdf", Hints(), states)
    assert (info.value.path, info.value.message) == (
        "missing.pdf", "not a UN document: the Official Document System's 'document not found' page (download it again)")
    # The same words in a document of two pages are its text.
    quoting = tmp_path / "quoting.pdf"
    quoting.write_bytes(positioned_pdf([[(120, "A page that quotes it:")], [(120, ods)]]))
    assert ods in read(quoting, "pdf", Hints(), states).text


def test_the_language_a_sidecar_gives_decides_the_wording_read(states):
    english = read(PDFS / "A_79_903.en.pdf", "pdf", Hints(language="en"), states)
    french = read(PDFS / "A_79_903.en.pdf", "pdf", Hints(language="fr"), states)
    assert {s.state for s in english.drafts[0].statements} == {"belarus", "russie"}
    assert french.drafts[0].statements == []


def test_what_pdfium_repaired_or_found_empty_is_one_warning_naming_the_file(tmp_path, states):
    """A PDF truncated after a trailer up front (as linearized files have one): PDFium repairs
    it and the pages past the cut have no content. A damaged middle: those pages are empty."""
    from test_broken_pdf import damaged_in_the_middle, truncated_trailer_up_front

    for make, message in [
        (truncated_trailer_up_front, "its cross-reference table is damaged (truncated?): PDFium repaired it, and pages may have "
                                     "lost their text; damaged page(s) 4, 5, 6, 7, 8, 9, 10: no content at all"),
        (damaged_in_the_middle, "damaged page(s) 4, 5: no content at all"),
    ]:
        path = tmp_path / "x.pdf"
        path.write_bytes(make())
        reading = read(path, "pdf", Hints(), states)
        assert [(w.path, w.line, w.message) for w in reading.warnings] == [("x.pdf", None, message)]
        assert reading.drafts[0].paragraphs  # the pages that have text are read
    assert read(PDFS / "A_79_903.en.pdf", "pdf", Hints(), states).warnings == ()
