"""How a heading's name is read as a state (``Gazetteer.resolve``) when it is not one of the
listed forms as printed: an English name with its article, a list form with brackets."""

from __future__ import annotations

import pytest

from conftest import DATA, shared
from undocs.states import Gazetteer, State, load_states


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


@pytest.mark.parametrize("heading, state_id", [
    # The UN's and ISO 3166's list forms put the words before the name in brackets after it.
    # Read as the name before the brackets, the first would be the Republic of the Congo.
    ("Congo (Democratic Republic of the)", "rd-congo"),
    ("Congo (République démocratique du)", "rd-congo"),
    ("Corée (République de)", "coree-du-sud"),
    ("Iran (République islamique d’)", "iran"),  # an elided article: "d’Iran", no space
    ("Iran (Islamic Republic of)", "iran"),  # listed as it is
    ("Moldova (République de)", "moldova"),
])
def test_a_list_form_is_read_with_its_brackets_in_front(gazetteer, heading, state_id):
    assert gazetteer.resolve(heading).id == state_id


def test_the_brackets_are_put_back_in_front_before_they_are_dropped():
    # Two states, one named as the other is in list form: the brackets read in front name the
    # first, the name before them the second.
    one = State(id="un", name="Un", name_en="One", iso3="AAA", forms=("Grand Un",), forms_en=())
    other = State(id="autre", name="Un", name_en="Other", iso3="BBB", forms=("Un",), forms_en=())
    gazetteer = Gazetteer([one, other])
    assert gazetteer.resolve("Un (Grand)").id == "un"
    assert gazetteer.resolve("Un (Petit)").id == "autre"


def test_each_last_bracket_is_dropped_in_turn(gazetteer):
    # A heading that adds its own bracket to a list form: "(suite)" (continued) dropped first.
    assert gazetteer.resolve("Iran (République islamique d’) (suite)").id == "iran"
    assert gazetteer.resolve("Bolivie (État plurinational de) (suite)").id == "bolivie"
    assert gazetteer.resolve("Congo (République démocratique du) (suite)").id == "rd-congo"


def test_a_listed_name_with_brackets_is_found_as_it_is():
    # Listed only in its list form: neither its brackets in front nor the name before them is
    # a form, so only the heading as printed finds it.
    gazetteer = Gazetteer([State(id="zed", name="Zed (Nord)", name_en="North Zed", iso3="AAA", forms=("Zed (Nord)",))])
    assert gazetteer.resolve("Zed (Nord)").id == "zed"


@pytest.mark.parametrize("heading", ["Oz (Royaume d’)", "Oz (Royaume d')"])
def test_an_elided_article_is_joined_to_the_name(heading):
    # "Royaume d’Oz", not "Royaume d’ Oz"; and "Oz" alone names nothing here.
    gazetteer = Gazetteer([State(id="oz", name="Royaume d’Oz", name_en="Kingdom of Oz", iso3="AAA", forms=("Royaume d’Oz",))])
    assert gazetteer.resolve(heading).id == "oz"
