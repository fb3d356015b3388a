"""From body runs to parts, paragraphs and footnotes (``pdf.layout``).

The pages are made of runs shaped as the PDF reader gives them, with the geometry of a modern
UN document (612 × 792 pt, body from x = 123 with first lines indented to 147, 12 pt pitch):
what is read here — a paragraph over a page break, a numbered paragraph, a heading, an annex, a
footnote and its call, a speaker of a verbatim record, a government's reply — is what a person
sees on such a page."""

from __future__ import annotations

import re

import pytest
import yaml

from test_real_documents import state_ids
from undocs import lang
from undocs.model import Footnote, SourceSpan
from undocs.parse.common import CALL_CLOSE, CALL_OPEN, assemble
from undocs.pdf.extract import Run
from undocs.pdf.layout import Builder, Metrics, Row, footnotes_of, rows_of, split_footnotes
from undocs.states import Gazetteer, load_states
from undocs.pipeline import PROJECT
from undocs.read import Hints
from undocs.read import read as read_source

GAZETTEER = Gazetteer(load_states(PROJECT / "data" / "states.yaml"))


def r(text: str, top: float, x0: float = 123.4, page: int = 1, size: float = 10.5, bold: bool = False,
      sup: tuple = ()) -> Run:
    return Run(page=page, top=top, bottom=top + size, x0=x0, x1=488.0 if len(text) > 60 else x0 + 5 * len(text),
               size=size, bold=bold, text=text, sup=sup)


def read(pages: list[list[Run]], language: lang.Language | None = None):
    numbered = []
    line = 0
    for runs in pages:
        page = []
        for run in runs:
            line += 1
            page.append((line, run))
        numbered.append(page)
    metrics = Metrics.of(rows_of([pair for page in numbered for pair in page]))
    builder = Builder("x.pdf", language, metrics, GAZETTEER.resolve, first_title="")
    for page in numbered:
        body, notes = split_footnotes(rows_of(page), metrics, 792.0)
        builder.page(body, footnotes_of(notes, "x.pdf"))
    drafts = [d for d in builder.drafts if d.paragraphs or d.title or d.footnotes]
    return assemble(drafts, "x", "x.pdf")


LONG = "text of a long line that runs from the left edge of the body to its right edge and on"


def test_paragraphs_by_indent_and_over_a_page_break():
    parts = read([
        [r("The Security Council has been informed of the situation in the region, which", 100, 147),
         r(LONG, 112), r("remains of concern.", 124),
         r("The Council met again on 3 March and heard the members of the group, who said", 142, 147),
         r(LONG, 154), r("that the situation continues and the", 166)],
        [r("humanitarian needs grow, as the Council was told by the Office.", 68, page=2),
         r("A third paragraph opens with its first line indented as the others do here.", 86, 147, page=2),
         r(LONG, 98, page=2)],
    ])
    texts = [p.text for p in parts[0].paragraphs]
    assert len(texts) == 3
    assert texts[1].endswith("that the situation continues and the humanitarian needs grow, as the Council was told by the Office.")
    assert texts[2].startswith("A third paragraph opens")


def test_numbered_paragraphs_keep_their_numbers_and_items_their_letters():
    parts = read([[
        r("1.", 100, 123.4), r("The Committee met twice during the period under review and adopted", 100, 147), r(LONG, 112),
        r("2.", 130, 123.4), r("It decided:", 130, 147),
        r("(a) To hold its next session in Geneva;", 148, 147),
        r("(b) To report to the Council.", 166, 147),
    ]])
    paragraphs = parts[0].paragraphs
    assert [p.number for p in paragraphs[:2]] == [1, 2]
    assert paragraphs[0].text.startswith("The Committee met twice")
    assert [p.kind for p in paragraphs[2:]] == ["item", "item"]
    assert paragraphs[2].text == "(a) To hold its next session in Geneva;"  # the letter is text


def test_headings_annexes_and_their_sections():
    parts = read([[
        r("I. Introduction", 100, 123.4, bold=True),
        r("The report covers the period from 1 January to 31 March 2025 and is submitted", 120, 147), r(LONG, 132),
        r("Annex I", 200, 440, bold=True),
        r("Explanatory memorandum", 218, 123.4, bold=True),
        r("I. Background", 240, 123.4, bold=True),
        r("The Organization was established in 2013 by the Council of Foreign Ministers and", 260, 147), r(LONG, 272),
    ]])
    assert [(p.title, p.level, p.number) for p in parts] == [
        ("Introduction", 1, "I"), ("Annex I Explanatory memorandum", 1, None), ("Background", 2, "I"),
    ]


def test_a_footnote_and_its_call():
    parts = read([[
        r("The Assembly recalled its resolution 70/1 on the 2030 Agenda for Sustainable", 100, 147),
        r("Development,1 and its other resolutions on the question, and decided to act.", 112, sup=((12, 13),)),
        r("1", 700, 117, size=5.0), r("Resolution 70/1 of 25 September 2015.", 700.8, 123.4, size=7.7),
    ]])
    paragraph = parts[0].paragraphs[0]
    (note,) = parts[0].footnotes
    assert (note.marker, note.text) == ("1", "Resolution 70/1 of 25 September 2015.")
    assert "Development, and its other" in paragraph.text  # the call is not a letter of the text
    assert paragraph.footnote_refs == (note.id,)
    block, offset, note_id = paragraph.calls[0]
    assert note_id == note.id and paragraph.blocks[block][:offset].endswith("Development,")


def test_speakers_of_a_verbatim_record():
    parts = read([[
        r("The Acting President: I now give the floor to the representative of the Congo to", 100, 141, bold=False),
        r("introduce draft resolution A/79/L.64.", 112),
        r("Mr. Makayat-Safouesse (Congo) (spoke in French): On behalf of the Republic", 130, 141),
        r(LONG, 142),
    ]])
    titles = [p.title for p in parts]
    assert "The Acting President" in titles and "Mr. Makayat-Safouesse (Congo)" in titles
    acting = parts[titles.index("The Acting President")]
    assert acting.statements == ()  # a presiding officer speaks for no state


def test_a_government_reply_in_an_english_report():
    parts = read([[
        r("II. Replies received from Governments", 100, 123.4, bold=True),
        r("Cuba", 130, 147, bold=True),
        r("The complexity of the international situation and the need to face the whole of", 150, 147), r(LONG, 162),
        r(LONG, 174), r(LONG, 186),
    ]])
    reply = parts[-1]
    assert reply.key == "cuba" and [(s.state, s.role) for s in reply.statements] == [("cuba", "reply")]


def test_footnote_series_after_a_starred_note():
    """E/HLPF/2025/3's first page (read on the page): "* E/HLPF/2025/1." then notes 1, 2, each
    its number raised on its own above the note's text."""
    parts = read([[
        r("The importance of the regional dimension of sustainable development has long", 100, 147),
        r("been recognized in Rio de Janeiro in 2012,1 and the Member States agreed on it.", 112, sup=((42, 43),)),
        r("* E/HLPF/2025/1.", 666.0, 115, size=7.8),
        r("1", 675.7, 117, size=5.0), r("See General Assembly resolution 66/288.", 676.5, 123.4, size=7.7),
        r("2", 686.2, 117, size=5.0), r("See General Assembly resolution 67/290.", 687.0, 123.4, size=7.7),
    ]])
    notes = [(n.marker, n.text) for n in parts[0].footnotes]
    assert notes == [("*", "E/HLPF/2025/1."), ("1", "See General Assembly resolution 66/288."),
                     ("2", "See General Assembly resolution 67/290.")]
    assert "in 2012, and the Member States" in parts[0].paragraphs[0].text


def test_items_are_cited_by_their_printed_letters_under_their_paragraph():
    """E/2025/L.4 (read on its page): "The Economic and Social Council decides: (a) …; (b) …;
    (c) … the segment: (i) …; (ii) …" — cited as § 1 (a), § 1 (c) (ii)."""
    parts = read([[
        r("1.", 100, 123.4), r("The Economic and Social Council decides:", 100, 147),
        r("(a) That the theme of the humanitarian affairs segment of its 2025 session will", 118, 147), r(LONG, 130),
        r("(b) That it will convene four panel discussions under the segment;", 148, 147),
        r("(c) To take note of the proposed topics for the panel discussions under the", 166, 147), r("segment:", 178),
        r("(i) The humanitarian reset: a dialogue with principals on the future of", 196, 147), r(LONG, 208, 147),
        r("(ii) The humanitarian consequences of armed conflict: promoting respect for", 226, 147), r(LONG, 238, 147),
    ]])
    labels = [p.label for p in parts[0].paragraphs]
    assert labels == ["§ 1", "§ 1 (a)", "§ 1 (b)", "§ 1 (c)", "§ 1 (c) (i)", "§ 1 (c) (ii)"]


def notes_of(*texts: str) -> list[tuple[str, str]]:
    """The (marker, text) of the footnotes of rows of these texts, in order."""
    rows = [Row(n, n, 1, 660.0 + 10 * n, 123.4, 488.0, 7.7, False, text) for n, text in enumerate(texts, start=1)]
    return [(marker, text) for marker, text, _, _ in footnotes_of(rows, "x.pdf")]


@pytest.mark.parametrize(("texts", "notes"), [
    # The next number, star, letter opens the next note; another is the line of a note.
    (("1 First note.", "2 Second note."), [("1", "First note."), ("2", "Second note.")]),
    (("1 First note, signed by", "12 States in all."), [("1", "First note, signed by 12 States in all.")]),
    (("1 First note, of", "1 more line."), [("1", "First note, of 1 more line.")]),
    (("* Starred.", "** Two stars."), [("*", "Starred."), ("**", "Two stars.")]),
    (("* Starred, one of", "*** Three stars."), [("*", "Starred, one of *** Three stars.")]),
    (("a First.", "b Second."), [("a", "First."), ("b", "Second.")]),
    (("a First, as in", "c Third."), [("a", "First, as in c Third.")]),
    (("a First, as in", "bb Twice."), [("a", "First, as in bb Twice.")]),
    # A new series opens at "1", "*" or "a" (or a dagger), never in the middle of another.
    (("* Starred.", "1 Numbered."), [("*", "Starred."), ("1", "Numbered.")]),
    (("1 Numbered.", "a Lettered."), [("1", "Numbered."), ("a", "Lettered.")]),
    (("a Lettered.", "* Starred."), [("a", "Lettered."), ("*", "Starred.")]),
    (("1 Numbered, for", "b Unknown."), [("1", "Numbered, for b Unknown.")]),
    (("* Starred, see", "2 Notes."), [("*", "Starred, see 2 Notes.")]),
    (("1 Numbered.", "† Dagger.", "‡ Double dagger."), [("1", "Numbered."), ("†", "Dagger."), ("‡", "Double dagger.")]),
    # A page whose notes start with a line of no marker: that line is a note of its own.
    (("continued from the page before.", "3 Third."), [("", "continued from the page before."), ("3", "Third.")]),
])
def test_which_line_opens_a_footnote(texts, notes):
    assert notes_of(*texts) == notes


def test_a_raised_marker_opens_its_note_even_before_a_small_letter():
    row = Row(2, 2, 1, 680.0, 123.4, 488.0, 7.7, False, "2ibid., p. 4.", sups=[(0, 1)])
    first = Row(1, 1, 1, 670.0, 123.4, 488.0, 7.7, False, "1 See resolution 66/288.")
    assert [(m, t) for m, t, _, _ in footnotes_of([first, row], "x.pdf")] == [("1", "See resolution 66/288."), ("2", "ibid., p. 4.")]
    # A raised character inside the line is no marker of the note.
    inside = Row(2, 2, 1, 680.0, 123.4, 488.0, 7.7, False, "see note 2 above.", sups=[(9, 10)])
    assert [(m, t) for m, t, _, _ in footnotes_of([first, inside], "x.pdf")] == [("1", "See resolution 66/288. see note 2 above.")]


def test_where_a_character_of_a_row_stands_in_the_readers_text():
    # A row joining the runs of lines 5 (from offset 0) and 6 (from offset 12).
    row = Row(5, 6, 1, 100.0, 123.4, 488.0, 10.5, False, "First run . second run", starts=[(5, 0), (6, 12)])
    assert [row.run_at(offset) for offset in (0, 3, 11, 12, 15)] == [(5, 0), (5, 3), (5, 11), (6, 0), (6, 3)]
    alone = Row(9, 9, 1, 100.0, 123.4, 488.0, 10.5, False, "A row built without its starts")
    assert alone.run_at(4) == (9, 4)


def test_a_headings_call_is_not_in_its_title():
    parts = read([[
        r("I. Introduction1", 100, 123.4, bold=True, sup=((15, 16),)),
        r("The report covers the period from 1 January to 31 March 2025 and is submitted", 120, 147), r(LONG, 132),
        r("1", 700, 117, size=5.0), r("Submitted late.", 700.8, 123.4, size=7.7),
    ]])
    [heading] = [p for p in parts if p.number == "I"]
    [note] = [n for p in parts for n in p.footnotes]
    assert heading.title == "Introduction" and heading.title_footnote_refs == (note.id,) and note.text == "Submitted late."


def test_a_footnote_called_from_a_heading_belongs_to_the_part_it_opens():
    """"II. Background¹" opens part II: its note is part II's, not part I's above it (the
    heading's row is read before the part it opens exists)."""
    parts = read([[
        r("I. Introduction", 100, 123.4, bold=True),
        r("The report covers the period from 1 January to 31 March 2025 and is submitted", 120, 147), r(LONG, 132),
        r("II. Background1", 160, 123.4, bold=True, sup=((14, 15),)),
        r("The Organization was established in 2013 by the Council of Foreign Ministers and", 180, 147), r(LONG, 192),
        r("1", 700, 117, size=5.0), r("Background prepared by the secretariat.", 700.8, 123.4, size=7.7),
    ]])
    first, second = [p for p in parts if p.number in ("I", "II")]
    assert (first.number, second.number, second.title) == ("I", "II", "Background")
    [note] = second.footnotes
    assert note.text == "Background prepared by the secretariat." and second.title_footnote_refs == (note.id,)
    assert first.footnotes == () and first.title_footnote_refs == ()


def test_a_footnote_called_in_a_speakers_first_row_belongs_to_the_speakers_part():
    """The row "Mr. Makayat-Safouesse (Congo)…: On behalf of the Republic¹" opens the speaker's
    part and is its first paragraph: the note it calls is his part's, not the Acting
    President's before him."""
    called = "Mr. Makayat-Safouesse (Congo) (spoke in French): On behalf of the Republic1"
    call = len(called) - 1  # the raised "1" ends the row
    parts = read([[
        r("The Acting President: I now give the floor to the representative of the Congo to", 100, 141),
        r("introduce draft resolution A/79/L.64.", 112),
        r(called, 130, 141, sup=((call, call + 1),)),
        r(LONG, 142),
        r("1", 700, 117, size=5.0), r("Interpretation from French.", 700.8, 123.4, size=7.7),
    ]])
    titles = [p.title for p in parts]
    acting, congo = parts[titles.index("The Acting President")], parts[titles.index("Mr. Makayat-Safouesse (Congo)")]
    [note] = congo.footnotes
    assert note.text == "Interpretation from French." and congo.paragraphs[0].footnote_refs == (note.id,)
    assert acting.footnotes == ()


def rows(*runs: Run) -> list[Row]:
    return rows_of(list(enumerate(runs, start=1)))


def test_runs_on_one_baseline_are_one_row():
    # Less than 0.45 of the row's size apart (10 points: 4.5), on the same page.
    assert [row.text for row in rows(r("One", 100, 123.4, size=10), r("two", 104.49, 150, size=10))] == ["One two"]
    assert [row.text for row in rows(r("One", 100, 123.4, size=10), r("two", 104.5, 150, size=10))] == ["One", "two"]
    assert [row.text for row in rows(r("One", 100, 123.4, size=10), r("two", 100, 150, page=2, size=10))] == ["One", "two"]
    # Of one point at least: type of 0.5 point is measured as if of 1 (0.45 point).
    assert len(rows(r("One", 100, 123.4, size=0.5), r("two", 100.44, 150, size=0.5))) == 1
    assert len(rows(r("One", 100, 123.4, size=0.5), r("two", 100.5, 150, size=0.5))) == 2


def test_a_row_of_cells_is_a_table_row_and_a_marker_is_not_a_cell():
    # Cells: 4 sizes apart or more (10.5-point type: 42 points); nearer, words of one line.
    near, far = rows(r("Total", 100, 100.0), r("12", 100, 166.9)), rows(r("Total", 100, 100.0), r("12", 100, 167.0))
    assert (near[0].text, near[0].table) == ("Total 12", False)  # "Total" ends at 125: 41.9 points apart
    assert (far[0].text, far[0].table) == ("Total | 12", True)
    assert rows(r("Total", 100, 100.0), r("12", 100, 172.0))[0].text == "Total | 12"  # 4.5 sizes
    three = rows(r("Total", 100, 100.0), r("12", 100, 200.0), r("15", 100, 300.0))[0]
    assert (three.text, three.table) == ("Total | 12 | 15", True)
    # A paragraph's marker printed apart from its text: one line, not a table.
    marked = rows(r("1.", 100, 123.4), r("The Committee met twice during the period.", 100, 200.0))[0]
    assert (marked.text, marked.table) == ("1. The Committee met twice during the period.", False)


def test_a_rows_calls_and_runs_keep_their_places():
    row = rows(r("States", 100, 100.0, bold=True), r("agree2 on it.", 100, 131.0, bold=True, sup=((5, 6),)))[0]
    assert row.text == "States agree2 on it." and row.sups == [(12, 13)] and row.text[12:13] == "2"
    assert row.starts == [(1, 0), (2, 7)] and (row.line, row.last_line) == (1, 2)
    assert row.bold is True and row.x1 == 131.0 + 5 * len("agree2 on it.")
    mixed = rows(r("States", 100, 100.0, bold=True), r("agree.", 100, 131.0))[0]
    assert mixed.bold is False


def test_the_bodys_metrics_are_those_of_its_long_lines():
    """The left edge, right edge and size of the lines of more than 40 characters, and the
    usual distance from one row to the next on a page (less than 3 sizes)."""
    long, short = "x" * 41, "y" * 40
    page1 = [Row(n, n, 1, 100 + 12.34 * n, 147.2 if n in (0, 4) else 123.4, 488.0, 10.46, False, long) for n in range(8)]
    # More lines of 40 characters, in another place and size, 40 points apart: not counted.
    page2 = [Row(20 + n, 20 + n, 2, 100 + 40.0 * n, 60.0, 300.0, 9.0, False, short) for n in range(10)]
    assert Metrics.of(page1 + page2) == Metrics(left=123.0, right=488.0, pitch=12.3, size=10.5)
    assert Metrics.of(page2) == Metrics.of([]) == Metrics(left=72.0, right=540.0, pitch=12.0, size=10.0)


def pitch_of(*places: tuple[int, float], size: float = 10.0) -> float:
    return Metrics.of([Row(n, n, page, top, 123.4, 488.0, size, False, "z") for n, (page, top) in enumerate(places)]).pitch


def test_the_line_pitch_is_a_step_down_the_same_page_of_less_than_3_sizes():
    assert pitch_of((1, 100), (1, 100), (1, 100), (1, 100), (1, 112.3)) == 12.3  # no step: not a pitch
    assert pitch_of((1, 100), (1, 100.5), (1, 101), (1, 101.5), (1, 113.8)) == 0.5  # the smallest step is one
    assert pitch_of((1, 100), (1, 130), (1, 160), (1, 190), (1, 202.3)) == 12.3  # 3 sizes: too far
    assert pitch_of((1, 100), (2, 110), (1, 120), (2, 130), (2, 142.3)) == 12.3  # across pages: no step


def test_the_left_edge_is_where_15_percent_of_the_long_lines_start():
    long = "x" * 41
    def left(at_edge: int, indented: int) -> float:
        rows = [Row(n, n, 1, 100 + 12 * n, 110.0, 488.0, 10.0, False, long) for n in range(at_edge)]
        rows += [Row(50 + n, 50 + n, 2, 100 + 12 * n, 123.4, 488.0, 10.0, False, long) for n in range(indented)]
        return Metrics.of(rows).left
    assert left(3, 17) == 110.0  # 3 of 20 lines: 15 %
    assert left(2, 17) == 123.0  # 2 of 19: less


# --- what the mutation run of pdf.layout (bench/mutation.py) found untested ---------------------

FOOT = Metrics(left=123.0, right=488.0, pitch=12.0, size=10.0)  # 10-point text: 9.3 is 0.93 of it, 9.7 is 0.97


def foot_of(*rows: Row, height: float = 1000.0) -> list[str]:
    """The texts of the rows ``split_footnotes`` takes as footnotes, under a line of 10-point body text."""
    body = Row(1, 1, 1, 100.0, 123.4, 488.0, 10.0, False, LONG)
    kept, notes = split_footnotes([body, *rows], FOOT, height)
    assert kept + notes == [body, *rows]
    return [row.text for row in notes]


def small(text: str, top: float, size: float = 8.0, sups: list | None = None, n: int = 2) -> Row:
    return Row(n, n, 1, top, 123.4, 488.0, size, False, text, sups=sups or [])


def test_footnotes_are_smaller_rows_below_the_middle_of_the_page_from_a_marker():
    # Below 0.45 of the page's height (1000 points: 450), not above it.
    assert foot_of(small("1 A note.", 450.0)) == ["1 A note."]
    assert foot_of(small("1 A note.", 449.9)) == []
    # Smaller than 0.93 of the text (10 points: 9.3), all of them smaller than 0.97 (9.7).
    assert foot_of(small("1 A note.", 700.0, size=9.2)) == ["1 A note."]
    assert foot_of(small("1 A note.", 700.0, size=9.3)) == []
    assert foot_of(small("1 A note.", 700.0), small("on two lines.", 710.0, size=9.69, n=3)) == ["1 A note.", "on two lines."]
    assert foot_of(small("1 A note.", 700.0), small("on two lines.", 710.0, size=9.7, n=3)) == []
    # From a row that starts with a marker, printed or raised ("2ibid.": no space after it).
    assert foot_of(small("2ibid., p. 4.", 700.0, sups=[(0, 1)])) == ["2ibid., p. 4."]
    assert foot_of(small("see note 2 above.", 700.0, sups=[(9, 10)])) == []
    assert foot_of(small("Source: the Secretariat.", 700.0)) == []
    assert foot_of(small("Source: the Secretariat.", 700.0), small("1 A note.", 710.0, n=3)) == ["1 A note."]


def test_the_first_part_and_the_footnotes_know_their_lines_and_the_notes_are_counted_over_pages():
    """Lines 1 and 4 are the text of pages 1 and 2; lines 2-3 and 5-6 the marker and text of a
    footnote at the foot of each (one row each: the marker is on the note's baseline)."""
    parts = read([
        [r(LONG, 100), r("1", 700, 117, size=5.0), r("First note.", 700.8, 123.4, size=7.7)],
        [r(LONG, 100, page=2), r("2", 700, 117, page=2, size=5.0), r("Second note.", 700.8, 123.4, page=2, size=7.7)],
    ])
    (part,) = parts
    assert (part.title, part.level, part.source) == ("", 1, SourceSpan("x.pdf", 1, 1))
    assert [p.source for p in part.paragraphs] == [SourceSpan("x.pdf", 1, 4)]  # one paragraph over the break
    assert part.footnotes == (Footnote("note-1", "1", "First note.", SourceSpan("x.pdf", 2, 3)),
                              Footnote("note-2", "2", "Second note.", SourceSpan("x.pdf", 5, 6)))


def test_a_document_in_one_language_is_read_with_its_own_formulas_only():
    """"M. Dupont (France) :" is the French formula of a speaker: read as French (or in no
    known language) it opens his part; read as English, the row is a paragraph's text."""
    page = [[r("M. Dupont (France) : Je remercie le Président de nous avoir donné la parole et", 100, 141),
             r(LONG, 112)]]
    assert [p.title for p in read(page, lang.by_code("fr"))] == ["M. Dupont (France)"]
    assert [p.title for p in read(page)] == ["M. Dupont (France)"]
    (english,) = read(page, lang.by_code("en"))
    assert english.title == "" and english.paragraphs[0].text.startswith("M. Dupont (France) : Je remercie")


P10 = Metrics(left=123.0, right=488.0, pitch=10.0, size=10.0)  # 1.35 pitch: 13.5; 2.2 pitch: 22.0; an indent: past 129


def line(n: int, text: str, top: float, x0: float = 123.4, page: int = 1, bold: bool = False, table: bool = False,
         sups: list | None = None) -> Row:
    """Row ``n`` of the reader's text: one run of 10-point type."""
    return Row(n, n, page, top, x0, 488.0, 10.0, bold, text, table=table, sups=sups or [], starts=[(n, 0)])


def build(*pages: list[Row], metrics: Metrics = FOOT, notes: list | None = None):
    """The builder and the parts of pages of rows (``notes``: the footnotes of the first page)."""
    builder = Builder("x.pdf", None, metrics, GAZETTEER.resolve, first_title="")
    for index, body in enumerate(pages):
        builder.page(body, notes if notes and index == 0 else [])
    drafts = [d for d in builder.drafts if d.paragraphs or d.title or d.footnotes]
    return builder, assemble(drafts, "x", "x.pdf")


def paragraphs(*pages: list[Row], metrics: Metrics = P10) -> list[str]:
    """The texts of the paragraphs these rows make, all in one untitled part."""
    (part,) = build(*pages, metrics=metrics)[1]
    assert part.title == ""
    return [p.text for p in part.paragraphs]


def test_a_paragraph_opens_at_a_gap_an_indent_a_marker_a_change_to_bold_or_to_a_table():
    first = "The Committee met twice during the period under review and adopted"
    # A gap wider than 1.35 times the pitch (10 points: 13.5).
    assert paragraphs([line(1, first, 100), line(2, "its report.", 113.5)]) == [f"{first} its report."]
    assert paragraphs([line(1, first, 100), line(2, "Its report.", 113.6)]) == [first, "Its report."]
    # A first line indented: more than 6 points right of the line before and of the left edge (123: 129).
    assert paragraphs([line(1, first, 100), line(2, "Its report.", 110, 147.0)]) == [first, "Its report."]
    assert paragraphs([line(1, first, 100, 123.0), line(2, "Its report.", 110, 129.5)]) == [first, "Its report."]
    assert paragraphs([line(1, first, 100, 124.0), line(2, "its report.", 110, 130.0)]) == [f"{first} its report."]
    assert paragraphs([line(1, first, 100, 122.0), line(2, "its report.", 110, 129.0)]) == [f"{first} its report."]
    assert paragraphs([line(1, first, 100, 100.0), line(2, "its report.", 110, 120.0)]) == [f"{first} its report."]
    # A marker, a bold line (a sentence in bold: no heading), a table row.
    assert paragraphs([line(1, "1. The Committee met.", 100), line(2, "2. It adopted its report.", 110)]) == [
        "The Committee met.", "It adopted its report."]
    assert paragraphs([line(1, first, 100), line(2, "The meeting rose at 1 p.m.", 110, bold=True)]) == [
        first, "The meeting rose at 1 p.m."]
    _, (part,) = build([line(1, first, 100), line(2, "Region | Number", 110, table=True),
                        line(3, "Africa | 12", 120, table=True)], metrics=P10)
    text, table = part.paragraphs
    assert (text.blocks, text.kind, text.source) == ((first,), "paragraph", SourceSpan("x.pdf", 1, 1))
    # Each table row a block of its own; the lines of a paragraph are one block.
    assert (table.blocks, table.source) == (("Region | Number", "Africa | 12"), SourceSpan("x.pdf", 2, 3))
    _, (part,) = build([line(1, first, 100), line(2, "its report.", 110)], metrics=P10)
    assert [(p.blocks, p.source) for p in part.paragraphs] == [((f"{first} its report.",), SourceSpan("x.pdf", 1, 2))]


def test_a_bulleted_line_is_an_item_without_its_bullet():
    _, (part,) = build([line(1, "The Council:", 100), line(2, "• Welcomes the report;", 110),
                        line(3, "• Decides to remain seized of the matter.", 120)], metrics=P10)
    assert [(p.kind, p.text) for p in part.paragraphs] == [
        ("paragraph", "The Council:"), ("item", "Welcomes the report;"), ("item", "Decides to remain seized of the matter.")]


def over_a_break(last: str, first: str, x0: float = 123.4) -> int:
    """How many paragraphs: a paragraph of three lines ending with ``last`` at the foot of page 1,
    then page 2 opening on ``first`` (at ``x0``) and a long line (the left edge is 123)."""
    page1 = [line(1, "The Security Council has been informed of the situation in the region, which", 100, 147.0),
             line(2, LONG, 112), line(3, last, 124)]
    page2 = [line(4, first, 100, x0, page=2), line(5, LONG, 112, page=2)]
    return len(paragraphs(page1, page2, metrics=FOOT))


def test_a_paragraph_runs_over_a_page_break_when_the_next_page_opens_unindented_on_its_sentence():
    assert over_a_break("remains of concern.", "The Council met again on 3 March.") == 2  # the sentence ended
    assert over_a_break("remains of concern.", "and of the Office.") == 1  # ... a small letter goes on
    assert over_a_break("remains of concern.", "3rd meeting, on 3 March.") == 2  # ... no small letter first
    assert over_a_break("remains of concern to the", "Security Council and the Office.") == 1  # not ended
    assert over_a_break("remains of concern to the", "Security Council and the Office.", x0=147.0) == 2  # indented
    assert over_a_break("remains of concern to the", "Security Council and the Office.", x0=129.5) == 2
    assert over_a_break("remains of concern to the", "Security Council and the Office.", x0=129.0) == 1
    # A page that ends on a heading: the next page opens that heading's part.
    _, parts = build([line(1, LONG, 100), line(2, "II. Findings", 124, bold=True)],
                     [line(3, "The Council met again on 3 March.", 100, page=2)])
    assert [(p.number, [q.text for q in p.paragraphs]) for p in parts] == [
        (None, [LONG]), ("II", ["The Council met again on 3 March."])]


def headings(*rows: Row, metrics: Metrics = FOOT) -> list[tuple]:
    return [(p.title, p.level, p.number) for p in build(list(rows), metrics=metrics)[1]]


def test_a_heading_opens_its_part_one_line_above_the_text():
    # A lettered heading just below a roman one opens a part of its own; the text right below it is its.
    _, parts = build([line(1, "I. Introduction", 100, bold=True), line(2, "A. Background", 112, bold=True),
                      line(3, "The Organization was established in 2013.", 124)])
    assert [(p.title, p.level, p.number, p.source) for p in parts] == [
        ("Introduction", 1, "I", SourceSpan("x.pdf", 1, 1)), ("Background", 2, "A", SourceSpan("x.pdf", 2, 2))]
    assert [p.text for p in parts[1].paragraphs] == ["The Organization was established in 2013."]
    # An annex just below a heading, too.
    assert headings(line(1, "Summary of decisions", 100, bold=True), line(2, "Annex", 112, bold=True)) == [
        ("Summary of decisions", 1, None), ("Annex", 1, None)]
    # Bold lines 2.2 pitches apart or less (10 points: 22) are one heading; farther, two.
    one = headings(line(1, "Report of the Committee", 100, bold=True), line(2, "on its first session", 122, bold=True),
                   metrics=P10)
    assert one == [("Report of the Committee on its first session", 1, None)]
    two = headings(line(1, "Report of the Committee", 100, bold=True), line(2, "On its first session", 122.1, bold=True),
                   metrics=P10)
    assert [title for title, _, _ in two] == ["Report of the Committee", "On its first session"]


def test_an_unnumbered_heading_is_a_part_until_a_part_has_been_opened():
    assert headings(line(1, "A. Sources", 100, bold=True), line(2, LONG, 124), line(3, "Conclusions", 160, bold=True)) == [
        ("Sources", 2, "A"), ("Conclusions", 1, None)]
    assert headings(line(1, "I. Sources", 100, bold=True), line(2, LONG, 124), line(3, "Conclusions", 160, bold=True)) == [
        ("Sources", 1, "I"), ("Conclusions", 2, None)]


def test_what_is_a_heading_by_its_length_case_and_punctuation():
    caps = "II. REPLIES RECEIVED FROM GOVERNMENTS"
    assert headings(line(1, caps, 100)) == [("REPLIES RECEIVED FROM GOVERNMENTS", 1, "II")]  # capitals, not bold
    assert headings(line(1, "II. Replies received from Governments", 100)) == [("", 1, None)]  # a paragraph
    long_caps = "II. " + "REPLIES RECEIVED FROM GOVERNMENTS, " * 4
    assert headings(line(1, long_caps[:119], 100))[0][2] == "II"  # under 120 characters
    assert headings(line(1, long_caps[:120], 100)) == [("", 1, None)]
    lettered = "A. Draft " + "The question of the protection of the environment in times of armed conflict " * 3
    assert lettered[157] != " " and headings(line(1, lettered[:158] + ".", 100, bold=True))[0][2] == "A"  # 159
    assert headings(line(1, lettered[:159] + ".", 100, bold=True)) == [("", 1, None)]  # 160: a bold sentence
    bold = "The report " + "of the Committee on the protection of the environment in times of armed conflict " * 3
    assert bold[159] != " " and headings(line(1, bold[:160], 100, bold=True)) == [(bold[:160], 1, None)]
    assert headings(line(1, bold[:161], 100, bold=True)) == [("", 1, None)]
    assert headings(line(1, "Region | Number", 100, bold=True, table=True)) == [("", 1, None)]  # a table's head
    assert headings(line(1, "The President:", 100, bold=True)) == [("", 1, None)]  # a speaker's formula


def test_a_calls_mark_counts_in_the_length_of_a_heading():
    builder, _ = build([])
    row = line(1, "x", 100, bold=True)
    title = "Report of the Committee on the protection of the environment in times of armed conflict "
    call = f"{CALL_OPEN}note-1{CALL_CLOSE}"
    assert builder._heading_kind(row, (title * 2)[:160 - len(call)] + call) == "bold"
    assert builder._heading_kind(row, (title * 2)[:161 - len(call)] + call) is None


def test_a_heading_ends_at_its_call_even_before_a_space():
    note_row = Row(9, 9, 1, 700.0, 123.4, 488.0, 7.7, False, "1 Submitted late.")
    _, parts = build([line(1, "I. Introduction1 ", 100, bold=True, sups=[(15, 16)]),
                      line(2, "Background and context", 112, bold=True), line(3, LONG, 136)],
                     notes=[("1", "Submitted late.", note_row, note_row)])
    assert [(p.title, p.number) for p in parts] == [("Introduction", "I"), ("Background and context", None)]
    # The text one line below such a heading, unindented, is the first paragraph of its part.
    _, parts = build([line(1, "I. Introduction1", 100, bold=True, sups=[(15, 16)]), line(2, LONG, 112), line(3, LONG, 124)],
                     notes=[("1", "Submitted late.", note_row, note_row)])
    assert [(p.title, [q.text for q in p.paragraphs]) for p in parts] == [("Introduction", [f"{LONG} {LONG}"])]


def test_each_note_goes_to_the_part_it_is_called_from():
    """Part I's text calls note 1, part II's heading note 2; the page ends in part III."""
    notes = [(marker, text, row, row) for marker, text, row in (
        ("1", "Resolution 70/1.", Row(10, 10, 1, 700.0, 123.4, 488.0, 7.7, False, "1 Resolution 70/1.")),
        ("2", "Prepared by the secretariat.", Row(11, 11, 1, 710.0, 123.4, 488.0, 7.7, False, "2 Prepared by the secretariat.")))]
    _, parts = build([
        line(1, "I. Introduction", 100, bold=True),
        line(2, "The Assembly recalled its resolution 70/11 and decided to act.", 124, sups=[(41, 42)]),
        line(3, "II. Background2", 160, bold=True, sups=[(14, 15)]), line(4, LONG, 184),
        line(5, "III. Findings", 220, bold=True), line(6, LONG, 244),
    ], notes=notes)
    assert [(p.number, [n.text for n in p.footnotes]) for p in parts] == [
        ("I", ["Resolution 70/1."]), ("II", ["Prepared by the secretariat."]), ("III", [])]


def test_a_raised_character_is_a_call_only_of_a_note_of_the_page_and_not_first_on_its_row():
    note_row = Row(9, 9, 1, 700.0, 123.4, 488.0, 7.7, False, "1 Resolution 70/1.")
    notes = [("1", "Resolution 70/1.", note_row, note_row)]
    # "km2": a raised 2 that is no note's marker; then the call of note 1.
    text = "an area of 20 km2 named in resolution 70/11 and"
    builder, (part,) = build([
        line(1, "The Council noted that the zone covers", 100),
        Row(2, 3, 1, 112.0, 123.4, 488.0, 10.0, False, text, sups=[(16, 17), (42, 43)], starts=[(2, 0), (3, 21)]),
        line(4, "1 raised at the start of a line is no call.", 124, sups=[(0, 1)]),
    ], notes=notes)
    (paragraph,) = part.paragraphs
    assert paragraph.text == ("The Council noted that the zone covers an area of 20 km2 named in resolution 70/1 and"
                              " 1 raised at the start of a line is no call.")
    assert paragraph.footnote_refs == (part.footnotes[0].id,)
    # The call stands in line 3 (from offset 21 of the row): its characters 21 to 22.
    assert builder.call_spans == [(3, 21, 22)]


def test_a_speakers_part_and_a_speaker_at_the_top_of_a_page():
    _, parts = build(
        [line(1, "The Acting President: I now give the floor to the representative of the Congo.", 100)],
        [line(2, "Mr. Makayat-Safouesse (Congo) (spoke in French): On behalf of the Republic", 100, page=2),
         line(3, LONG, 112, page=2)])
    acting, congo = parts
    assert (acting.title, acting.level, acting.statements) == ("The Acting President", 2, ())
    assert (congo.title, congo.level, congo.source) == ("Mr. Makayat-Safouesse (Congo)", 2, SourceSpan("x.pdf", 2, 2))
    assert [(s.state, s.role) for s in congo.statements] == [("congo", "speaker")]


def test_a_government_reply_is_a_sub_part_and_a_numbered_heading_no_reply():
    _, parts = build([line(1, "II. Replies received from Governments", 100, bold=True),
                      line(2, "Cuba", 140, bold=True), line(3, LONG, 164)])
    reply = parts[-1]
    assert (reply.title, reply.level, reply.key, [(s.state, s.role) for s in reply.statements]) == (
        "Cuba", 2, "cuba", [("cuba", "reply")])
    _, parts = build([line(1, "II. Replies received from Governments", 100, bold=True),
                      line(2, "A. Cuba", 140, bold=True), line(3, LONG, 164)])
    assert [(p.title, p.number, p.statements) for p in parts[1:]] == [("Cuba", "A", ())]


def test_a_footnote_with_no_marker_is_marked_with_a_dot():
    note_row = Row(9, 9, 1, 700.0, 123.4, 488.0, 7.7, False, "continued from the page before.")
    _, (part,) = build([line(1, LONG, 100)], notes=[("", "continued from the page before.", note_row, note_row)])
    assert [(n.marker, n.text) for n in part.footnotes] == [("·", "continued from the page before.")]


def test_a_marker_printed_alone_opens_the_note_on_the_next_row():
    rows = [Row(n, n, 1, 660.0 + 10 * n, 123.4, 488.0, 7.7, False, text) for n, text in enumerate(
        ["1", "See General Assembly resolution 66/288.", "2", "See General Assembly resolution 67/290,", "annex."], start=1)]
    notes = footnotes_of(rows, "x.pdf")
    assert [(m, t, first.line, last.line) for m, t, first, last in notes] == [
        ("1", "See General Assembly resolution 66/288.", 1, 2), ("2", "See General Assembly resolution 67/290, annex.", 3, 5)]
    # A number alone that does not follow the note before is the end of its line; a word split at
    # its hyphen is joined again.
    assert notes_of("1 See the report of the Secretary-General, annex", "3") == [
        ("1", "See the report of the Secretary-General, annex 3")]
    assert notes_of("1 The Committee heard a non-", "governmental organization.") == [
        ("1", "The Committee heard a non-governmental organization.")]


# --- the 150 real PDFs of ../shared/un-corpus, when it is there (as in CI) ---------------------

CORPUS = PROJECT.parent / "shared" / "un-corpus"
FACTS = {fact["file"]: fact for fact in yaml.safe_load((PROJECT / "tests" / "fixtures" / "real" / "facts.yaml").read_text(encoding="utf-8"))}
#: A heading that opens an annex, as the facts count them ("Annex", "Annex I", "Enclosure"…).
ANNEX = re.compile(r"^(?:Annex|Annexes|Enclosure|Appendix|Attachment)\b")


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"{CORPUS} is not there (CI has it): the whole corpus is not read")
def test_the_parts_and_speakers_of_the_whole_corpus_agree_with_what_a_person_read():
    """Read from each of the 145 real PDFs with a masthead: how many annexes open a part (137
    agree with the facts today: a ratchet), and every letter's senders and every draft's
    sponsors, as a person read them from the title."""
    gazetteer = Gazetteer(load_states(PROJECT / "data" / "states.yaml"))
    annexes, letters, drafts, read_count = 0, [], [], 0
    for pdf in sorted(CORPUS.glob("*.pdf")):
        fact = FACTS[pdf.name]
        if not fact["symbols"]:
            continue
        reading = read_source(pdf, "pdf", Hints(), gazetteer)
        read_count += 1
        annexes += sum(1 for draft in reading.drafts if ANNEX.match(draft.title or "")) == fact["annexes"]
        roles: dict[str, set[str]] = {}
        for draft in reading.drafts:
            for statement in draft.statements:
                roles.setdefault(statement.role, set()).add(statement.state)
        if "senders" in fact:
            letters.append(roles.get("sender", set()) == state_ids(fact["senders"]))
        if "sponsors" in fact:
            drafts.append(roles.get("sponsor", set()) == state_ids(fact["sponsors"]))
    assert read_count == 145 and annexes >= 137
    assert (len(letters), sum(letters), len(drafts), sum(drafts)) == (58, 58, 4, 4)
