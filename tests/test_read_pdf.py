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
