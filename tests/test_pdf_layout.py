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
from undocs.parse.common import assemble
from undocs.pdf.extract import Run
from undocs.pdf.layout import Builder, Metrics, footnotes_of, rows_of, split_footnotes
from undocs.states import Gazetteer, load_states
from undocs.pipeline import PROJECT
from undocs.read import Hints
from undocs.read import read as read_source

GAZETTEER = Gazetteer(load_states(PROJECT / "data" / "states.yaml"))


def r(text: str, top: float, x0: float = 123.4, page: int = 1, size: float = 10.5, bold: bool = False,
      sup: tuple = ()) -> Run:
    return Run(page=page, top=top, bottom=top + size, x0=x0, x1=488.0 if len(text) > 60 else x0 + 5 * len(text),
               size=size, bold=bold, text=text, sup=sup)


def read(pages: list[list[Run]]):
    numbered = []
    line = 0
    for runs in pages:
        page = []
        for run in runs:
            line += 1
            page.append((line, run))
        numbered.append(page)
    metrics = Metrics.of(rows_of([pair for page in numbered for pair in page]))
    builder = Builder("x.pdf", None, metrics, GAZETTEER.resolve, first_title="")
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
