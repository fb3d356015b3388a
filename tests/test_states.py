"""The gazetteer: data/states.yaml is valid, and mentions are found without false ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from undocs.errors import ConfigError
from undocs.states import Gazetteer, load_states

ROOT = Path(__file__).resolve().parents[1]
STATES = ROOT / "data" / "states.yaml"
A67 = ROOT / "seeds" / "a-67-131.fr.txt"
CD = ROOT / "seeds" / "cd-2012-kazakhstan-otsc.fr.md"

EXPECTED_IDS = {
    "afghanistan", "armenie", "belarus", "cuba", "espagne", "iran", "israel", "japon",
    "kazakhstan", "kirghizistan", "norvege", "palestine", "panama", "qatar", "russie", "syrie",
    "tadjikistan", "turkmenistan",
}


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(load_states(STATES))


def cd_paragraph(number: int) -> str:
    """Paragraph ``number`` of the CSTO declaration (the first numbered series of the file)."""
    match = re.search(rf"^{number}\. (.+)$", CD.read_text(encoding="utf-8"), re.M)
    assert match, number
    return match.group(1)


def a67_passage(start: str, end: str) -> str:
    """The text of A/67/131 from ``start`` to ``end`` included, white space collapsed."""
    text = " ".join(A67.read_text(encoding="utf-8").split())
    i = text.index(start)
    return text[i : text.index(end, i) + len(end)]


def test_real_gazetteer_loads_with_every_state_of_the_seeds():
    states = load_states(STATES)
    assert {s.id for s in states} == EXPECTED_IDS
    for state in states:
        assert re.fullmatch(r"[A-Z]{3}", state.iso3)
        assert state.name in state.forms
        assert state.genitive.startswith(("de ", "du ", "d’", "de l’", "de la "))
    russie = next(s for s in states if s.id == "russie")
    assert russie.name == "Fédération de Russie"
    assert russie.iso3 == "RUS"
    assert russie.genitive == "de la Fédération de Russie"


@pytest.mark.parametrize(
    ("heading", "state_id"),
    [
        ("Norvège", "norvege"),
        (" Turkménistan ", "turkmenistan"),
        ("Turkménistan\n", "turkmenistan"),
        ("République kirghize", "kirghizistan"),
        ("République  kirghize", "kirghizistan"),
        ("Fédération de Russie", "russie"),
        ("NORVÈGE", "norvege"),
        ("Belarus", "belarus"),
        ("Qatar", "qatar"),
        ("Cuba", "cuba"),
    ],
)
def test_resolve_heading(gazetteer, heading, state_id):
    assert gazetteer.resolve(heading).id == state_id


@pytest.mark.parametrize("heading", ["Europe", "Moscou", "Asie centrale", "Réponses reçues", ""])
def test_resolve_unknown_heading(gazetteer, heading):
    assert gazetteer.resolve(heading) is None


def test_get(gazetteer):
    assert gazetteer.get("panama").genitive == "du Panama"
    with pytest.raises(KeyError):
        gazetteer.get("atlantide")


def test_japanese_power_plant_names_japan_only(gazetteer):
    text = cd_paragraph(21)
    assert "l'accident survenu à la centrale nucléaire japonaise de Fukushima" in text
    assert gazetteer.mentions(text) == ("japon",)


@pytest.mark.parametrize(
    "text",
    [
        "La situation en Syrie et à ses frontières",
        "la crise soit rapidement surmontée par les Syriens eux-mêmes",
        "dans le respect de la souveraineté de la République arabe syrienne",
    ],
)
def test_syria_forms(gazetteer, text):
    assert gazetteer.mentions(text) == ("syrie",)


def test_syria_paragraphs(gazetteer):
    assert gazetteer.mentions(cd_paragraph(28)) == ("syrie",)
    # The League of Arab States and the Security Council are not states.
    assert gazetteer.mentions(cd_paragraph(29)) == ("syrie",)


@pytest.mark.parametrize(
    "text",
    [
        "Ligue des États arabes",
        "Asie centrale",
        "Moyen-Orient",
        "la stabilité stratégique en Europe et dans le monde entier",
        "La Stratégie européenne de sécurité identifie cinq menaces principales",
        "Groupe de Minsk de l'OSCE",
        "Moscou, le 15 mai 2012",
        "[Original : espagnol]",
        "[Original : russe]",
        "Original: anglais et russe",
        "la Déclaration d'Astana",
        "l'Acte final d'Helsinki",
        "Organisation de Shanghai pour la coopération",
        "Organisation du Traité de l'Atlantique-Nord",
        "Envoyé spécial des Nations Unies",
        "la vie politique intérieure des pays arabes",
        "les événements qui secouent le monde arabe",
        "la paix en Eurasie",
    ],
)
def test_not_states(gazetteer, text):
    assert gazetteer.mentions(text) == ()


def test_not_states_in_real_paragraphs(gazetteer):
    # Haut-Karabakh, Minsk, Helsinki: a conflict, a city, a city.
    assert gazetteer.mentions(cd_paragraph(25)) == ()
    # Middle East, North Africa: regions; Iran is the only state.
    assert gazetteer.mentions(cd_paragraph(26)) == ("iran",)
    assert gazetteer.mentions(cd_paragraph(22)) == ("afghanistan",)
    assert gazetteer.mentions(cd_paragraph(30)) == ()


def test_hyphen_is_a_boundary(gazetteer):
    assert gazetteer.mentions(cd_paragraph(31)) == ("israel", "palestine")
    assert gazetteer.mentions("le conflit israélo-palestinien") == ("israel", "palestine")


def test_apostrophe_is_a_boundary(gazetteer):
    assert gazetteer.mentions("l’Espagne s’associe") == ("espagne",)
    assert gazetteer.mentions("l'engagement qu'a pris l'Espagne") == ("espagne",)
    assert gazetteer.mentions("la République islamique d’Iran") == ("iran",)


def test_whole_words_and_case(gazetteer):
    assert gazetteer.mentions("Cubana Panamax Russien") == ()
    assert gazetteer.mentions("qatar cuba") == ()  # case-sensitive: forms carry their case
    assert gazetteer.mentions("le Gouvernement cubain") == ("cuba",)


def test_csto_members_in_order(gazetteer):
    joint = CD.read_text(encoding="utf-8").split("**Déclaration conjointe", 1)[1]
    assert gazetteer.mentions(joint) == (
        "russie", "armenie", "belarus", "kazakhstan", "kirghizistan", "tadjikistan",
    )


def test_longest_form_wins_and_spans_are_offsets(gazetteer):
    text = "la Fédération de\nRussie et la République kirghize"
    spans = gazetteer.spans(text)
    assert [(text[s:e], i) for s, e, i in spans] == [
        ("Fédération de\nRussie", "russie"),
        ("République kirghize", "kirghizistan"),
    ]


def test_replies_of_a67_name_their_state(gazetteer):
    text = a67_passage("Le seul moyen de sauvegarder", "prise de décisions.")
    assert gazetteer.mentions(text) == ("cuba",)
    text = a67_passage("La Stratégie espagnole de sécurité", "les utiliser.")
    assert gazetteer.mentions(text) == ("espagne",)
    text = a67_passage("Dans le domaine du désarmement et de la non-prolifération, l’État", "matière.")
    assert gazetteer.mentions(text) == ("qatar",)


def test_mentions_are_unique_in_first_order(gazetteer):
    assert gazetteer.mentions("Norvège, Cuba, la Norvège, Cuba") == ("norvege", "cuba")


# --- errors -------------------------------------------------------------------------------

GOOD = """\
- id: cuba
  name: Cuba
  name_en: Cuba
  iso3: CUB
  genitive: de Cuba
  forms: [Cuba, cubain]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "states.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_file_loads(tmp_path):
    (state,) = load_states(write(tmp_path, GOOD))
    assert state.forms == ("Cuba", "cubain")


def test_malformed_yaml(tmp_path):
    path = write(tmp_path, "- id: cuba\n  name: [Cuba\n")
    with pytest.raises(ConfigError) as info:
        load_states(path)
    assert str(path) in str(info.value)


def test_missing_field_names_file_entry_and_line(tmp_path):
    panama = "- id: panama\n  name: Panama\n  name_en: Panama\n  iso3: PAN\n  forms: [Panama]\n"
    path = write(tmp_path, GOOD + "\n" + panama)
    with pytest.raises(ConfigError) as info:
        load_states(path)
    assert info.value.path == str(path)
    assert info.value.line == 8
    assert "'panama'" in info.value.message and "genitive" in info.value.message


def test_duplicate_form(tmp_path):
    other = GOOD.replace("id: cuba", "id: kuba").replace("CUB", "KUB").replace(", cubain", "")
    path = write(tmp_path, GOOD + other)
    with pytest.raises(ConfigError) as info:
        load_states(path)
    assert str(path) in str(info.value)
    assert "'Cuba'" in info.value.message and "'kuba'" in info.value.message
    assert info.value.line == 7


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        ("iso3: CUB", "iso3: cub", "iso3"),
        ("iso3: CUB", "iso3: CUBA", "iso3"),
        ("forms: [Cuba, cubain]", "forms: [cubain]", "must be one of the forms"),
        ("forms: [Cuba, cubain]", "forms: [Cuba, d’Cuba]", "apostrophe"),
        ("id: cuba", "id: Cuba", "slug"),
        ("genitive: de Cuba", "genitive: de Cuba\n  capital: La Havane", "unknown"),
    ],
)
def test_invalid_entries(tmp_path, old, new, fragment):
    path = write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(ConfigError) as info:
        load_states(path)
    assert fragment in info.value.message
    assert info.value.path == str(path)


def test_duplicate_id_and_iso3(tmp_path):
    kuba = GOOD.replace("[Cuba, cubain]", "[Kuba]").replace("name: Cuba", "name: Kuba")
    with pytest.raises(ConfigError, match="duplicate id"):
        load_states(write(tmp_path, GOOD + kuba))
    with pytest.raises(ConfigError, match="iso3 CUB"):
        load_states(write(tmp_path, GOOD + kuba.replace("id: cuba", "id: kuba")))


def test_not_a_list(tmp_path):
    with pytest.raises(ConfigError, match="list of states"):
        load_states(write(tmp_path, "cuba: Cuba\n"))
