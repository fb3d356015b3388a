"""Page furniture is removed only when a rule recognises it; real text that looks like furniture
stays. The runs here are shaped as the PDF reader gives them (``pdf.extract.Run``): text and
its place on a 612 × 792 pt page, as read from real UN documents."""

from __future__ import annotations

from undocs.fidelity import check_removals
from undocs.model import Document, Removal
from undocs.pdf.extract import Page, Run
from undocs.pdf.furniture import FOOTER_BAND, HEADER_BAND, JOB_BAND, page_furniture


def run(text: str, top: float, x0: float = 123.0, page: int = 2, size: float = 11.0) -> Run:
    return Run(page=page, top=top, bottom=top + size, x0=x0, x1=x0 + 6 * len(text), size=size, bold=False, text=text)


def removed(runs: list[Run], number: int = 2) -> list[tuple[str, str]]:
    page = Page(number, 612.0, 792.0, tuple(runs))
    rules = page_furniture(page)
    return [(r.text, rules[id(r)].id) for r in runs if id(r) in rules]


BODY = [run("The Security Council reaffirms its commitment to the sovereignty of the country.", 300)]


def test_running_header_and_footer_of_a_modern_page_are_removed():
    runs = [run("A/79/807", 50), run("S/2025/132", 62)] + BODY + [run("25-03628", 748, 60), run("2/4", 748, 520)]
    assert removed(runs) == [("A/79/807", "symbol-header"), ("S/2025/132", "symbol-header"),
                             ("25-03628", "job-number"), ("2/4", "page-number")]


def test_a_sentence_starting_with_the_symbol_stays():
    sentence = run("A/79/807 was issued as a document of the General Assembly and of the Council.", 50)
    assert removed([sentence] + BODY) == []


def test_a_short_line_starting_with_a_symbol_at_the_top_of_a_page_stays():
    """Footnotes 5 and 6 of A/52/622 (pages 4 and 5) read "A/52/23 (Part IV), chap. VII." and
    "E/1997/81 and Add.1.": short enough for furniture, they start with a symbol but are not one. Where such a line opens a page, under
    the running header, it is text; a rule loosened to "starts with the symbol" would take it."""
    header = run("A/52/622", 40)
    line = run("A/52/23 (Part IV), chap. VII.", 66)
    assert removed([header, line] + BODY) == [("A/52/622", "symbol-header")]
    assert removed([header, run("E/1997/81 and Add.1.", 66)] + BODY) == [("A/52/622", "symbol-header")]


def test_a_short_first_line_at_the_top_of_the_page_stays():
    # A short paragraph at the top of every page ("Introduction", "Annex") is text.
    assert removed([run("Introduction", 50)] + BODY) == []


def test_a_number_alone_is_furniture_only_at_the_page_edge():
    footnote_number = run("13", 725.6, 117, size=5.0)
    footnote_text = run("Ibid., Sixty-sixth Session, Supplement No. 18 (A/66/18), annex IX.", 726.5, 123, size=7.7)
    page_number = run("3", 760)
    assert removed(BODY + [footnote_number, footnote_text, page_number]) == [("3", "page-number")]


def test_a_numbered_paragraph_in_the_body_stays():
    assert removed([run("3.", 400, 123), run("The Committee met in New York.", 400, 147)] + BODY) == []


def test_first_page_masthead_foot():
    runs = BODY + [run("25-03068 (E) 260225", 740.6, 65), run("*2503068*", 749.4, 65)]
    assert removed(runs, number=1) == [("25-03068 (E) 260225", "job-number"), ("*2503068*", "barcode")]


def document(removals: tuple[Removal, ...]) -> Document:
    return Document(
        id="x", symbol=None, other_symbols=(), title=None, date=None, body=None, language=None,
        original_languages=(), format="pdf", source_file="x.pdf", sidecar_file=None, removals=removals,
    )


def test_the_word_check_refuses_a_removal_that_is_not_furniture():
    """A rule loosened to "starts with the symbol" would delete this sentence: the build's own
    check says so, whatever the rule claims."""
    text = "A/79/807\nA/79/807 was issued as a document of the General Assembly and of the Security Council.\n"
    good = Removal("x.pdf", 1, "A/79/807", "en-tête", "symbol-header", 2)
    bad = Removal("x.pdf", 2, text.split("\n")[1], "en-tête", "symbol-header", 2)
    assert check_removals(document((good,)), text) is None
    loss = check_removals(document((good, bad)), text)
    assert loss is not None and loss.line == 2 and "not a whole short line" in str(loss)
    partial = Removal("x.pdf", 2, "A/79/807", "en-tête", "symbol-header", 2)  # a piece of a line
    assert check_removals(document((partial,)), text) is not None


# --- the bands, at their edges (a 612 × 792 pt page) ------------------------------------------

def test_the_header_band_ends_at_a_tenth_of_the_page_and_four_points():
    edge = 792 * HEADER_BAND + 4  # 83.2
    assert removed([run("A/79/807", edge - 11)] + BODY) == [("A/79/807", "symbol-header")]
    assert removed([run("A/79/807", edge - 11 + 0.1)] + BODY) == []
    assert removed([run("A/79/807", 84 - 11)] + BODY) == []


def test_the_foot_bands_start_where_they_say():
    assert removed(BODY + [run("3", 792 * FOOTER_BAND)]) == [("3", "page-number")]
    assert removed(BODY + [run("3", 792 * FOOTER_BAND - 0.1)]) == []
    assert removed(BODY + [run("25-03628", 792 * JOB_BAND)]) == [("25-03628", "job-number")]
    assert removed(BODY + [run("25-03628", 792 * JOB_BAND - 0.1)]) == []


def test_furniture_stands_outermost_to_the_point():
    """A footer whose top is a point above the lowest text's bottom, or less, is outermost; a
    header whose bottom is a point below the highest text's top, or less, too."""
    text_foot = run("The end of the text of the page.", 740)  # bottom 751
    assert removed([text_foot, run("3", 750)]) == [("3", "page-number")]
    assert removed([text_foot, run("3", 749.5)]) == []
    text_top = run("The text of the page begins here.", 60)
    assert removed([run("A/79/807", 50), text_top]) == [("A/79/807", "symbol-header")]  # bottom 61
    assert removed([run("A/79/807", 50.5), text_top]) == []  # bottom 61.5


def test_text_beyond_a_footer_in_the_job_band_keeps_it_text_but_the_footnote_rule():
    """Between the job band and the footer band (84 to 90 % of the page) a job-number-shaped
    line with text below it is text; the rule above the footnotes is removed wherever it is."""
    below = run("1 See the report of the Committee.", 700, size=8)
    assert removed(BODY + [run("25-03628", 680), below]) == []
    assert removed(BODY + [run("__________", 680), below]) == [("__________", "footnote-rule")]


def test_a_page_of_furniture_alone_and_a_header_that_is_not_outermost():
    assert removed([run("A/79/807", 50), run("3", 760)]) == [("A/79/807", "symbol-header"), ("3", "page-number")]
    # A short first line above the symbol: the symbol is text, the page number is still furniture.
    assert removed([run("Annex", 40), run("A/79/807", 52)] + BODY + [run("3", 760)]) == [("3", "page-number")]


def test_furniture_has_at_most_nine_words():
    note = "* Nouveau tirage pour raisons techniques le 12 mars 2025."  # nine words
    assert removed(BODY + [run(note, 700)], number=1) == [(note, "reissue-note")]
    assert removed(BODY + [run(note.replace("12 mars", "12 mars de"), 700)], number=1) == []
