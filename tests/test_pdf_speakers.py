"""Who speaks in a PDF, as its title says (``pdf.speakers``): a letter's senders, a draft's
sponsors, in the words of the document's language."""

from __future__ import annotations

import pytest

from conftest import DATA, shared
from undocs import lang
from undocs.model import Statement
from undocs.parse.common import PartDraft
from undocs.pdf.speakers import add_speakers
from undocs.read import Found
from undocs.states import Gazetteer, load_states

#: The title of A/79/903 (S/2025/294), as its first page prints it.
LETTER = ("Letter dated 6 May 2025 from the representatives of Belarus and the Russian Federation to the "
          "United Nations addressed to the Secretary-General")
#: The same letter's title as a French version prints such titles.
LETTRE = ("Lettre datée du 6 mai 2025, adressée au Secrétaire général par les représentants du Bélarus et "
          "de la Fédération de Russie auprès de l'Organisation des Nations Unies")


@pytest.fixture(scope=shared("module"))
def states():
    return Gazetteer(load_states(DATA / "states.yaml"))


def first_part(title: str = "", statements=()) -> list[PartDraft]:
    part = PartDraft(title=title, level=1, line=1)
    part.statements = list(statements)
    return [part, PartDraft(title="Annex", level=1, line=9)]


def speakers(title, language, states, drafts=None):
    drafts = drafts or first_part()
    add_speakers(drafts, Found(title=title), language, states)
    return drafts


def test_a_letters_senders_in_the_language_of_the_document(states):
    for title, language in ((LETTER, lang.by_code("en")), (LETTRE, lang.by_code("fr")), (LETTER, None), (LETTRE, None)):
        drafts = speakers(title, language, states)
        assert [(s.state, s.role) for s in drafts[0].statements] == [("belarus", "sender"), ("russie", "sender")], title
        assert drafts[0].title == title  # the letter's heading names the part it opens
        assert drafts[1].title == "Annex" and drafts[1].statements == []


def test_a_title_in_another_language_names_no_one(states):
    assert speakers(LETTRE, lang.by_code("en"), states)[0].statements == []
    assert speakers(LETTER, lang.by_code("fr"), states)[0].statements == []


def test_what_the_reader_already_knows_is_kept(states):
    reply = Statement("norvege", "reply")
    drafts = speakers(LETTER, lang.by_code("en"), states, first_part("Norway", [reply]))
    assert drafts[0].statements == [reply] and drafts[0].title == "Norway"


def test_a_letter_from_no_state_and_a_title_of_no_letter(states):
    office = "Letter dated 3 March 2025 from the Secretary-General addressed to the President of the Security Council"
    assert speakers(office, lang.by_code("en"), states)[0].statements == []
    assert speakers("Report of the Secretary-General", lang.by_code("en"), states)[0].statements == []
    assert speakers(None, lang.by_code("en"), states)[0].statements == []


def test_a_drafts_sponsors_before_the_colon(states):
    title = "Azerbaijan,* Bangladesh and Belarus: draft resolution"
    drafts = speakers(title, lang.by_code("en"), states)
    assert [(s.state, s.role) for s in drafts[0].statements] == [("azerbaidjan", "sponsor"), ("bangladesh", "sponsor"), ("belarus", "sponsor")]
    assert drafts[0].title == ""
