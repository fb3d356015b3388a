"""How a heading's name is read as a state (``Gazetteer.resolve``) when it is not one of the
listed forms as printed: an English name with its article, a list form with brackets."""

from __future__ import annotations

import pytest

from conftest import DATA, shared
from undocs.states import Gazetteer, load_states


@pytest.fixture(scope=shared("module"))
def gazetteer() -> Gazetteer:
    return Gazetteer(load_states(DATA / "states.yaml"))


@pytest.mark.parametrize("heading, state_id", [
    # data/states.yaml lists "Gambia", "Bahamas", "Netherlands" among forms_en, not with "the".
    ("The Gambia", "gambie"),
    ("the Gambia", "gambie"),
    ("The Bahamas", "bahamas"),
    ("The Netherlands", "pays-bas"),
])
def test_an_english_name_may_come_with_its_article(gazetteer, heading, state_id):
    assert gazetteer.resolve(heading).id == state_id


def test_only_the_article_is_dropped(gazetteer):
    # "Theocratic" is no article; "Then" neither.
    assert gazetteer.resolve("Theocratic Gambia") is None
    assert gazetteer.resolve("Then Gambia") is None


def test_a_bracket_is_read_as_the_list_form_only_at_the_end(gazetteer):
    assert gazetteer.resolve("Norvège (Royaume de)").id == "norvege"
    # An unclosed bracket is not the list form of a name.
    assert gazetteer.resolve("Norvège (Royaume de") is None
