"""What ``undocs.read.pdf.read`` keeps apart, on the real PDFs of ``tests/fixtures/real/pdf``:
the masthead's title is not read a second time as a part of the body, and each footnote
names the file it was read from (its source span is what the fidelity report cites)."""

from __future__ import annotations

import pytest

from conftest import DATA, ROOT, shared
from undocs.read import Hints, read
from undocs.states import Gazetteer, load_states

PDFS = ROOT / "tests" / "fixtures" / "real" / "pdf"


@pytest.fixture(scope=shared("module"))
def states() -> Gazetteer:
    return Gazetteer(load_states(DATA / "states.yaml"))


def test_the_masthead_title_is_not_read_again_as_a_part(states):
    # A/80/191, page 1: under the masthead, the item's title in bold, then the letter.
    reading = read(PDFS / "A_80_191.en.pdf", "pdf", Hints(), states)
    item = "Request for the inclusion of a supplementary item in the agenda of the eightieth session"
    assert reading.found.title.startswith(item)
    titles = [d.title for d in reading.drafts]
    assert item not in titles
    assert titles[0].startswith("Letter dated 25 July 2025 from the representatives of Angola, Austria, Brazil")


def test_each_footnote_names_the_file_it_was_read_from(states):
    # A/79/903, page 1: the note of the asterisk after the title.
    reading = read(PDFS / "A_79_903.en.pdf", "pdf", Hints(), states)
    [note] = [n for d in reading.drafts for n in d.footnotes]
    assert (note.marker, note.text) == ("*", "Circulated in the languages of submission only in line with current "
                                             "liquidity management measures.")
    assert note.source.file == "A_79_903.en.pdf"
    assert note.source.line_start <= note.source.line_end
    assert "Circulated in the languages" in reading.text.split("\n")[note.source.line_start - 1]


# --- a page made for the case (the reader's pages replaced) ------------------------------------

from undocs.pdf.extract import Page, Run  # noqa: E402


def _run(text: str, top: float, size: float = 10.0, sup: tuple[tuple[int, int], ...] = ()) -> Run:
    return Run(page=1, top=top, bottom=top + size, x0=72.0, x1=72.0 + 5 * len(text), size=size, bold=False, text=text, sup=sup)


def read_page(monkeypatch, states, runs: list[Run], hints: Hints):
    import undocs.read.pdf

    monkeypatch.setattr(undocs.read.pdf, "read_pages", lambda path, problems: [Page(1, 612.0, 792.0, tuple(runs))])
    return read(ROOT / "made-up.pdf", "pdf", hints, states)


def test_two_footnote_calls_on_one_line_are_both_set_apart(monkeypatch, states):
    """A line that calls two notes ("States¹ and others²"): in the text the word check reads,
    each raised marker stands apart from the word it follows, where the page prints it."""
    line = "States1 and others2 agree on the text of this paragraph, which is long enough."
    reading = read_page(monkeypatch, states, [
        _run("The first paragraph of a page made for the case, long enough to count.", 100.0),
        _run(line, 112.0, sup=((6, 7), (18, 19))),
        _run("1 The first note.", 700.0, 8.0), _run("2 The second note.", 710.0, 8.0),
    ], Hints(language="en"))
    assert "States 1  and others 2  agree on the text of this paragraph, which is long enough." in reading.text.split("\n")
    assert [(n.marker, n.text) for d in reading.drafts for n in d.footnotes] == [("1", "The first note."), ("2", "The second note.")]


def test_the_body_is_read_in_the_documents_language_only(monkeypatch, states):
    """In an English document, "M. Dupont (France) :" is text, not a French speaker's turn."""
    runs = [_run("The first paragraph of a page made for the case, long enough to count.", 100.0),
            _run("M. Dupont (France) : Je remercie le Président de sa déclaration liminaire.", 130.0)]
    english = read_page(monkeypatch, states, runs, Hints(language="en"))
    assert [d.title for d in english.drafts if d.title] == []
    french = read_page(monkeypatch, states, runs, Hints(language="fr"))
    assert [d.title for d in french.drafts if d.title] == ["M. Dupont (France)"]
