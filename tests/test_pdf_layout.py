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
from undocs.parse.common import assemble
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
