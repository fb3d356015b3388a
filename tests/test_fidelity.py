"""The build's fidelity check: it finds a lost word, and finds none on the real pages."""

from __future__ import annotations

import dataclasses
import json
import lzma
import re
import shutil
from html.parser import HTMLParser

import pytest

from conftest import DATA, ROOT, SEEDS, shared
from test_broken_pdf import HELVETICA, pages_pdf
from undocs import cli, pipeline
from undocs.errors import FidelityError
from undocs.fidelity import check, check_removals, page_text, page_words
from undocs.pdf import furniture
from undocs.pdf.masthead import is_symbol_run
from undocs.model import Document, Footnote, Part, Removal, SourceSpan
from undocs.read import Hints, read
from undocs.read.markdown import read as read_markdown
from undocs.states import Gazetteer, load_states

FIXTURES = ROOT / "tests" / "fixtures" / "real"


@pytest.fixture(scope=shared("module"))
def states_finder():
    return Gazetteer(load_states(DATA / "states.yaml"))


def document(removals=()):
    return Document(
        id="x", symbol="A/1", other_symbols=(), title="T", date="2012", body="B", language="fr",
        original_languages=(), format="plaintext", source_file="x.txt", sidecar_file="x.yaml",
        removals=tuple(removals),
    )


PAGE = '<html><body><nav>Accueil</nav><div id="document-text"><p>Un <b>deux</b></p><br><p>trois-quatre</p></div><p>cinq</p></body></html>'


def test_page_words_are_those_inside_the_document_text_only():
    assert page_words(PAGE) == ["Un", "deux", "trois", "quatre"]


def test_no_loss_when_every_word_is_there_in_order():
    assert check(document(), "Un deux\ntrois-\nquatre\n", PAGE) is None


def test_a_lost_word_is_reported_with_its_line():
    loss = check(document(), "Un deux\ntrois cinq\n", PAGE)
    assert (loss.file, loss.line, loss.word) == ("x.txt", 2, "cinq")


def test_words_out_of_order_are_a_loss():
    loss = check(document(), "deux Un\n", PAGE)
    assert loss is not None and loss.word == "Un"


def test_removed_lines_are_not_expected_on_the_page():
    removals = [Removal("x.txt", 2, "A/67/131", "en-tête", "symbol-header")]
    assert check(document(removals), "Un\nA/67/131\ndeux\n", PAGE) is None
    assert check(document(), "Un\nA/67/131\ndeux\n", PAGE) is not None


def test_words_the_page_adds_do_not_count():
    page = ('<div id="document-text"><p>Un</p><div class="para-meta" data-nonsource><p>deux</p>'
            '<details><summary>Citer</summary>trois</details></div><p>quatre</p></div>')
    assert page_words(page) == ["Un", "quatre"]
    loss = check(document(), "Un deux quatre\n", page)
    assert loss is not None and loss.word == "deux"


def test_markdown_entities_are_the_characters_they_stand_for(tmp_path):
    """The Markdown reader gives the check the characters its entities stand for; plain text
    is compared literally."""
    page = '<div id="document-text"><p>le désarmement &amp; la paix</p></div>'
    source = tmp_path / "x.fr.md"
    source.write_text("le d&eacute;sarmement &amp; la paix\n", encoding="utf-8")
    reading = read_markdown(source, source.name, Hints(), None)
    assert check(document(), reading.text, page) is None
    assert check(document(), "le d&eacute;sarmement\n", page) is not None  # plain text: literal


class _Reference(HTMLParser):
    """The text of the page's document root less data-nonsource elements, by html.parser: the
    reference for the build's faster scanner."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth, self.skip_at, self.chunks = 0, None, []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        if self.depth:
            self.depth += 1
            if self.skip_at is None and any(name == "data-nonsource" for name, _ in attrs):
                self.skip_at = self.depth
        elif dict(attrs).get("id") == "document-text":
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth and tag not in VOID:
            if self.skip_at == self.depth:
                self.skip_at = None
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and self.skip_at is None:
            self.chunks.append(data)


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _reference_words(page: str) -> list[str]:
    parser = _Reference()
    parser.feed(page)
    parser.close()
    return re.findall(r"\w+", " ".join(parser.chunks))


def test_page_words_are_what_html_parser_reads_on_built_pages(built_site):
    """On every document page of the seeds, the scanner finds the words html.parser finds."""
    pages = sorted((built_site / "documents").glob("*/index.html"))
    assert len(pages) == 2
    for path in pages:
        page = path.read_text(encoding="utf-8")
        assert page_words(page) == _reference_words(page) != []


def test_page_words_on_tricky_markup():
    page = (
        '<p>avant</p><div title="a > b" id="document-text"><!-- <p>non</p> -->'
        '<p class=x>Un&nbsp;deux &amp; <br/>trois<img src="x.png" alt="non"></p>'
        "<span data-nonsource title='id=\"document-text\"'><b>non</b> non</span>"
        '<p data-x="data-nonsource">quatre</p></div><p>après</p>'
    )
    assert page_words(page) == _reference_words(page) == ["Un", "deux", "trois", "quatre"]


# --- removals: each must have the shape of the rule that names it ---------------------------

def pdf_document(removals):
    return Document(
        id="x", symbol=None, other_symbols=(), title=None, date=None, body=None, language=None,
        original_languages=(), format="pdf", source_file="x.pdf", sidecar_file=None, removals=tuple(removals),
    )


#: Lines of A/52/622 as its pages print them (pages 4 and 5): the running header, the
#: continued mark, and short lines of its text and footnotes.
FURNITURE = [("symbol-header", "A/52/622"), ("language-header", "English"), ("page-number", "Page 4"), ("continued-mark", "/...")] + [
    # The running header of DP/FPA/2025/4 (Part I/Add.1), and a part's number alone.
    ("symbol-header", "DP/FPA/2025/4 (Part I/Add.1)"), ("symbol-header", "A/52/23 (Part IV)"),
    # The job number at the foot of A/39/361's first page ("84-17984 1304q (E)") as its OCR
    # text layer reads it, and an Executive Board's, with its X (DP-FPA/2025/1).
    ("job-number", "84-I7984 1304q (E)"), ("job-number", "25-00440X (E) 150125"),
    # The French reissue note: nine words, as many as furniture may have.
    ("reissue-note", "* Nouveau tirage pour raisons techniques le 12 mars 2025."),
]
NOT_FURNITURE = [
    ("symbol-header", "A/52/23 (Part IV), chap. VII."),  # footnote 5
    ("symbol-header", "E/1997/81 and Add.1."),  # footnote 6
    ("language-header", "resolutions;"),  # the last line of a paragraph of page 5
    ("page-number", "5."),  # the number of paragraph 5 (page 5), a run of its own
    ("recycle", "appropriate assistance to those peoples;"),  # the last line of page 5's text
    ("job-number", "system in that regard,"),  # a line of page 4
    ("made-up-rule", "A/52/622"),  # a rule the check does not know removes nothing
]


@pytest.mark.parametrize("rule,text", FURNITURE)
def test_a_removal_with_the_shape_of_its_rule_is_accepted(rule, text):
    assert check_removals(pdf_document([Removal("x.pdf", 1, text, "…", rule, 4)]), text + "\n") is None


@pytest.mark.parametrize("rule,text", NOT_FURNITURE)
def test_a_whole_short_line_without_the_shape_of_its_rule_is_refused(rule, text):
    """Whole, short and named: what the check accepted before it judged shapes. A reader rule
    loosened by mistake removes such lines; the build's check refuses them whatever the rule says."""
    source = "A/52/622\n" + text + "\n"
    loss = check_removals(pdf_document([Removal("x.pdf", 2, text, "…", rule, 4)]), source)
    assert loss is not None and (loss.file, loss.line) == ("x.pdf", 2)
    assert f"removed as furniture ({rule}) but {text!r} does not have the shape of that rule" in str(loss)


def test_every_removal_of_the_real_pdfs_has_the_shape_of_its_rule(states_finder):
    """The eight real PDFs of tests/fixtures/real/pdf: each of their removals passes the check."""
    pdfs = sorted((FIXTURES / "pdf").glob("*.pdf"))
    assert len(pdfs) == 8
    rules = set()
    for path in pdfs:
        reading = read(path, "pdf", Hints(), states_finder)
        assert reading.removals, path.name
        rules |= {r.rule for r in reading.removals}
        document = dataclasses.replace(pdf_document(reading.removals), source_file=path.name)
        assert check_removals(document, reading.text) is None, path.name
    assert {"symbol-header", "page-number", "job-number", "barcode"} <= rules


# --- the build: a loss is an error under --strict, a warning otherwise -----------------------

def positioned_pdf(pages: list[list[tuple[int, str]]]) -> bytes:
    """An A4 PDF whose lines stand where each says (points from the top), in 11-point Helvetica."""
    contents = []
    for lines in pages:
        shown = []
        for top, text in lines:
            escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            shown.append(f"BT /F1 11 Tf 1 0 0 1 72 {842 - top - 9} Tm ({escaped}) Tj ET")
        contents.append("\n".join(shown).encode("cp1252"))
    return pages_pdf(contents, b"<< /Font << /F1 3 0 R >> >>", HELVETICA)


#: Two pages with the words of A/52/622 (pages 4 and 5): the second opens under its running
#: header with a line that starts with a symbol, as footnote 5 of page 4 does.
PAGES = [
    [(120, "Reaffirming the mandates of the specialized agencies and other"),
     (134, "organizations of the United Nations system, as recalled in")],
    [(40, "A/52/622"),
     (66, "A/52/23 (Part IV), chap. VII."),
     (120, "5. Reaffirms also that the recognition by the General Assembly, the"),
     (134, "Security Council and other United Nations organs of the legitimacy.")],
]
PDF_SIDECAR = 'symbol: A/52/622\ntitle: Question of Western Sahara\ndate: "1997"\nbody: General Assembly\nlanguage: en\n'


def build(seeds, out, strict, templates=ROOT / "templates"):
    return pipeline.build(pipeline.Options(seeds=seeds, out=out, data=DATA, templates=templates,
                                           static=ROOT / "static", strict=strict, jobs=1))


@pytest.fixture
def pdf_seeds(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "x.pdf").write_bytes(positioned_pdf(PAGES))
    (seeds / "x.yaml").write_text(PDF_SIDECAR, encoding="utf-8")
    return seeds


def test_the_line_under_the_running_header_is_kept(pdf_seeds, tmp_path):
    summary = build(pdf_seeds, tmp_path / "site", strict=True)
    assert summary.warnings == ()
    page = (tmp_path / "site" / "documents" / "a-52-622" / "index.html").read_text(encoding="utf-8")
    assert "A/52/23 (Part IV), chap. VII." in " ".join(page_text(page))
    report = json.loads(lzma.decompress((tmp_path / "site" / "data" / "report.json.xz").read_bytes()))
    assert [(r["text"], r["rule"], r["page"]) for r in report["removals"]] == [("A/52/622", "symbol-header", 2)]


def test_a_reader_rule_that_removes_too_much_is_caught_by_the_build(pdf_seeds, tmp_path, monkeypatch):
    """The reader's rule loosened to "starts with the symbol": the reader removes the line and
    reports it as a header; the build's own check refuses the removal (an error under --strict,
    a warning otherwise), whatever the rule claims."""
    loosened = furniture.Rule("symbol-header", "en-tête de page : cote du document",
                              lambda r, p: p.number > 1 and r.top < 0.1 * p.height and is_symbol_run(r.text.split()[0]))
    monkeypatch.setattr(furniture, "RULES", (loosened,) + furniture.RULES[1:])
    why = (r"the word 'A' of the source was removed as furniture \(symbol-header\) "
           r"but 'A/52/23 \(Part IV\), chap\. VII\.' does not have the shape of that rule")
    with pytest.raises(FidelityError, match=rf"^x\.pdf:\d+: {why}$"):
        build(pdf_seeds, tmp_path / "site", strict=True)
    summary = build(pdf_seeds, tmp_path / "site", strict=False)
    assert len(summary.warnings) == 1 and re.fullmatch(rf"x\.pdf:\d+: {why}", summary.warnings[0]), summary.warnings


def test_a_lost_word_is_a_warning_without_strict(tmp_path, monkeypatch, capsys):
    """Templates that drop the footnotes lose the note of the CSTO document (its line 27 reads
    "\\* Publié initialement comme document de l'Assemblée générale …"): the build still writes
    the site, and says which word of which line is missing; under --strict it stops there."""
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    page = templates / "document.html"
    text = page.read_text(encoding="utf-8")
    assert text.count("{% if part.footnotes %}") == 1
    page.write_text(text.replace("{% if part.footnotes %}", "{% if false %}"), encoding="utf-8")
    expected = "cd-2012-kazakhstan-otsc.fr.md:27: the word 'Publié' of the source is missing from its page"
    monkeypatch.setattr(cli, "build", lambda options: pipeline.build(dataclasses.replace(options, templates=templates, jobs=1)))
    out = tmp_path / "site"
    assert cli.main(["--seeds", str(SEEDS), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [f"warning: {expected}"]
    assert (out / "documents" / "cd-2012-kazakhstan-otsc" / "index.html").is_file()
    assert cli.main(["--seeds", str(SEEDS), "--out", str(out), "--strict"]) == 1
    assert capsys.readouterr().err.splitlines() == [f"error: {expected}"]


def test_the_shape_of_a_job_number_as_ocr_misreads_it():
    """OCR reads a digit of a job number as a letter, of either case: still a job number."""
    for text in ["84-I7984 1304q (E)", "84-l7984 (E)", "GE.25-04731 (E)", "912-41314"]:
        assert check_removals(pdf_document([Removal("x.pdf", 1, text, "…", "job-number", 1)]), text) is None, text


def test_a_removal_the_check_refuses_says_which_and_why():
    text = "A/1/2\nUne phrase entière de la source.\n"
    loss = check_removals(pdf_document([Removal("x.pdf", 2, "Une phrase entière de la source.", "…", "", 1)]), text)
    assert (loss.file, loss.line, loss.word) == ("x.pdf", 2, "Une")
    assert str(loss) == ("x.pdf:2: the word 'Une' of the source was removed as furniture (no rule) "
                         "but the removal is not a whole short line")
    # A line the source does not have (0, or past its end) is no removal of it.
    for line in (0, 4, 99):  # the text has three lines, the last one empty
        for removed in ("A/1/2", "", "*2503068*"):
            loss = check_removals(pdf_document([Removal("x.pdf", line, removed, "…", "barcode" if "*" in removed else "symbol-header", 1)]), text)
            assert loss is not None and loss.line == line and "which the source does not have" in loss.why, (line, removed)
    loss = check_removals(pdf_document([Removal("x.pdf", 9, "A/1/2", "…", "", 1)]), text)
    assert str(loss) == "x.pdf:9: the word 'A' of the source was removed as furniture (no rule) from line 9, which the source does not have"


def test_the_scanner_reads_every_way_of_writing_an_attribute():
    for root in ('id="document-text"', "id='document-text'", "id=document-text", 'ID="document-text" data-x'):
        assert page_words(f'<p>avant</p><div {root}><p>un</p></div><p>après</p>') == ["un"], root
    # A self-closing tag that is not void (a space before its ">"), and an attribute that only
    # contains the root's id: neither opens nor closes anything.
    page = '<p title="document-text">hors</p><div id="document-text"><p>un</p><span class="x" / ><p>deux</p></div><p>trois</p>'
    assert page_words(page) == ["un", "deux"]  # as a browser reads it (html.parser counts the span open)


def test_notes_are_checked_in_their_own_order():
    """A note of line 2 shown at the end of its part: the text around it in its order, the note
    in its own; a note on the last line is checked too."""
    notes = lambda start, end: (Part(key="p", title="", level=1, footnotes=(Footnote("note-1", "*", "beta", SourceSpan("x.txt", start, end)),)),)
    source = "Alpha\n* Note beta\nGamma"
    page = '<div id="document-text"><p>Alpha Gamma</p><p>Note beta</p></div>'
    assert check(dataclasses.replace(document(), parts=notes(2, 2)), source, page) is None
    assert check(document(), source, page) is not None  # read as running text, it is out of order
    last = "Alpha\n* Note beta"
    loss = check(dataclasses.replace(document(), parts=notes(2, 2)), last, '<div id="document-text"><p>Alpha</p></div>')
    assert (loss.line, loss.word) == (2, "Note")
    two_lines = "Alpha\n* Note\nbeta\nGamma"
    assert check(dataclasses.replace(document(), parts=notes(2, 3)), two_lines, page) is None
