"""The gazetteer: data/states.yaml is valid, covers every State of the UN, and mentions are found
without false ones, in French and in English."""

from __future__ import annotations

import re
from pathlib import Path

import pycountry
import pytest

from conftest import shared
from undocs.errors import ConfigError
from undocs.states import Gazetteer, load_states

ROOT = Path(__file__).resolve().parents[1]
STATES = ROOT / "data" / "states.yaml"
A67 = ROOT / "seeds" / "a-67-131.fr.txt"
CD = ROOT / "seeds" / "cd-2012-kazakhstan-otsc.fr.md"

#: The 193 Member States of the United Nations (ISO 3166-1 alpha-3), from the UN's list of
#: Member States, in the order of their English short names.
MEMBER_STATES = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK
DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB
GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO
LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB
ZWE
""".split()
#: The two non-member observer States.
OBSERVER_STATES = ["VAT", "PSE"]

#: The ids of the first gazetteer (they are in URLs: they never change) and their names.
FIRST_IDS = {
    "afghanistan": "Afghanistan", "armenie": "Arménie", "belarus": "Bélarus", "cuba": "Cuba",
    "espagne": "Espagne", "iran": "Iran", "israel": "Israël", "japon": "Japon",
    "kazakhstan": "Kazakhstan", "kirghizistan": "Kirghizistan", "norvege": "Norvège",
    "palestine": "Palestine", "panama": "Panama", "qatar": "Qatar", "russie": "Fédération de Russie",
    "syrie": "Syrie", "tadjikistan": "Tadjikistan", "turkmenistan": "Turkménistan",
}


@pytest.fixture(scope=shared("module"))
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


def test_the_member_list_is_the_un_list():
    assert len(MEMBER_STATES) == len(set(MEMBER_STATES)) == 193
    assert not set(OBSERVER_STATES) & set(MEMBER_STATES)


def test_every_state_of_the_un_is_in_the_gazetteer():
    states = load_states(STATES)
    assert len(states) == 195
    assert sorted(s.iso3 for s in states) == sorted(MEMBER_STATES + OBSERVER_STATES)
    for state in states:
        assert pycountry.countries.get(alpha_3=state.iso3) is not None, state.iso3
    assert {s.iso3 for s in states if s.observer} == set(OBSERVER_STATES)
    assert {s.id for s in states if s.observer} == {"saint-siege", "palestine"}


def test_real_gazetteer_keeps_its_first_ids_and_is_well_formed():
    states = load_states(STATES)
    by_id = {s.id: s for s in states}
    for state_id, name in FIRST_IDS.items():
        assert by_id[state_id].name == name
    for state in states:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", state.id)
        assert re.fullmatch(r"[A-Z]{3}", state.iso3)
        assert state.name in state.forms
        assert state.name_en in state.forms_en
        assert state.genitive.startswith(("de ", "du ", "des ", "d’", "de l’", "de la "))
    russie = by_id["russie"]
    assert russie.name == "Fédération de Russie"
    assert russie.iso3 == "RUS"
    assert russie.genitive == "de la Fédération de Russie"
    assert russie.forms == ("Fédération de Russie", "Russie", "russes", "Russes", "russo")


def test_every_name_and_genitive_names_its_state(gazetteer):
    """A heading resolves to its state, and a citation's genitive ("réponse de la Norvège") or a
    name in running text is found as that state and no other."""
    for state in gazetteer.states:
        for name in (state.name, state.name_en):
            assert gazetteer.resolve(name) is state, name
            assert gazetteer.mentions(name) == (state.id,), name
        assert gazetteer.mentions(state.genitive) == (state.id,), state.genitive


def test_iso_names_come_from_pycountry(gazetteer):
    norway = gazetteer.get("norvege")
    assert "Kingdom of Norway" in norway.iso_names and "Royaume de Norvège" in norway.iso_names
    assert gazetteer.mentions("the Kingdom of Norway") == ("norvege",)
    assert gazetteer.mentions("le Royaume de Norvège") == ("norvege",)
    # Inverted list forms are not text; an article is not part of the name.
    iran = gazetteer.get("iran")
    assert not any("," in n for n in iran.iso_names)
    assert "State of Eritrea" in gazetteer.get("erythree").iso_names
    assert "État de Palestine" in gazetteer.get("palestine").iso_names


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



# --- English text, and French names of the states added since ------------------------------

@pytest.mark.parametrize(
    ("heading", "state_id"),
    [
        # Speakers of verbatim records and list headings give the UN short name in its list form.
        ("Iran (Islamic Republic of)", "iran"),
        ("Iran (République islamique d’)", "iran"),
        ("Venezuela (Bolivarian Republic of)", "venezuela"),
        ("Bolivia (Plurinational State of)", "bolivie"),
        ("Micronesia (Federated States of)", "micronesie"),
        ("Netherlands (Kingdom of the)", "pays-bas"),
        ("Pays-Bas (Royaume des)", "pays-bas"),
        ("the Sudan", "soudan"),
        ("South Sudan", "soudan-du-sud"),
        ("United Kingdom of Great Britain and Northern Ireland", "royaume-uni"),
        ("Royaume-Uni de Grande-Bretagne et d'Irlande du Nord", "royaume-uni"),
        ("Democratic People’s Republic of Korea", "coree-du-nord"),
        ("Republic of Korea", "coree-du-sud"),
        ("Türkiye", "turkiye"),
        ("TURKIYE", "turkiye"),
        ("Holy See", "saint-siege"),
        ("State of Palestine", "palestine"),
        ("Viet Nam", "viet-nam"),
        ("Czechia", "tchequie"),
    ],
)
def test_resolve_english_and_un_list_forms(gazetteer, heading, state_id):
    assert gazetteer.resolve(heading).id == state_id


@pytest.mark.parametrize(
    ("text", "state_ids"),
    [
        # The title of a letter (the senders) and of a draft resolution (the sponsors).
        (
            "Letter dated 3 June 2025 from the Permanent Representatives of Denmark, Sierra Leone "
            "and the United Kingdom of Great Britain and Northern Ireland to the United Nations",
            ("danemark", "sierra-leone", "royaume-uni"),
        ),
        (
            "Azerbaijan,* Bangladesh, Bolivia (Plurinational State of),* Cuba,* Dominica,* "
            "Saint Kitts and Nevis, Venezuela (Bolivarian Republic of): draft resolution",
            ("azerbaidjan", "bangladesh", "bolivie", "cuba", "dominique", "saint-kitts-et-nevis",
             "venezuela"),
        ),
        ("the nuclear programme of the Islamic Republic of Iran", ("iran",)),
        ("China’s five-point proposition on the Iranian nuclear issue", ("chine", "iran")),
        ("Türkiye and the Russian Federation", ("turkiye", "russie")),
        ("the situation in the Sudan and in South Sudan", ("soudan", "soudan-du-sud")),
        ("the Government of South Sudan", ("soudan-du-sud",)),
        ("South Sudanese and Sudanese refugees", ("soudan-du-sud", "soudan")),
        ("Guinea-Bissau", ("guinee-bissau",)),
        ("Papua New Guinea and Equatorial Guinea", ("papouasie-nouvelle-guinee", "guinee-equatoriale")),
        ("the deployment of Guinean soldiers; Bissau-Guinean authorities", ("guinee", "guinee-bissau")),
        ("Nigeria", ("nigeria",)),
        ("Niger, Nigeria", ("niger", "nigeria")),
        ("The Nigerien transitional authorities and Nigerian forces", ("niger", "nigeria")),
        ("Dominica, Dominican Republic, Ecuador", ("dominique", "republique-dominicaine", "equateur")),
        ("the Democratic Republic of the Congo and the Congo", ("rd-congo", "congo")),
        ("in the Democratic Republic of Congo, Ethiopia", ("rd-congo", "ethiopie")),
        ("the Democratic People's Republic of Korea and the Republic of Korea", ("coree-du-nord", "coree-du-sud")),
        ("Lao People’s Democratic Republic", ("laos",)),
        ("Côte d'Ivoire, Côte d’Ivoire", ("cote-d-ivoire",)),
        ("evacuation from the Niger to the Kingdom of the Netherlands", ("niger", "pays-bas")),
        ("Greek Cypriot and Turkish Cypriot leaders", ("chypre",)),
        ("the Norwegian Refugee Council and Ukrainian nationals", ("norvege", "ukraine")),
        ("Israeli-Palestinian", ("israel", "palestine")),
        ("Micronesia (Federated States of)", ("micronesie",)),
        ("the former Yugoslav Republic of Macedonia, Turkey", ("macedoine-du-nord", "turkiye")),
        ("the Holy See and the State of Palestine", ("saint-siege", "palestine")),
        ("in Mexico", ("mexique",)),
        # States named in English text: the names, the possessive, the article.
        ("Norway, Cyprus and the Russian Federation voted in favour", ("norvege", "chypre", "russie")),
        ("Norway’s reply and the Government of Cyprus", ("norvege", "chypre")),
    ],
)
def test_english_mentions(gazetteer, text, state_ids):
    assert gazetteer.mentions(text) == state_ids


@pytest.mark.parametrize(
    "text",
    [
        # Languages of mastheads and interpretation.
        "Original: Russian",
        "Original: Arabic, Chinese, English, French, Russian and Spanish",
        "Mr. Smith (spoke in Arabic)",
        "(spoke in French)",
        "(in Spanish)",
        "in Hindi, Kiswahili and Portuguese",
        # Regions, seas, peoples and territories that contain a state's name.
        "the Korean Peninsula",
        "Latin American and Caribbean States",
        "the League of Arab States",
        "piracy in the Gulf of Guinea",
        "the South China Sea",
        "the Lake Chad Basin",
        "the Niger Delta",
        "the Indian Ocean",
        "Women in Northern Ireland",
        "the Turkish Republic of Northern Cyprus",
        "Mexico City",
        "American Samoa, British Virgin Islands, United States Virgin Islands",
        "Central African States",
        "the Jordan Valley",
        "the Greek Orthodox Church",
        "Micronesian",
        "US$ 3 million",
        "Kosovo Albanians",
    ],
)
def test_english_not_states(gazetteer, text):
    assert gazetteer.mentions(text) == ()


@pytest.mark.parametrize(
    ("text", "state_ids"),
    [
        ("la République islamique d’Iran", ("iran",)),
        ("le Soudan du Sud", ("soudan-du-sud",)),
        ("le Soudan et le Soudan du Sud", ("soudan", "soudan-du-sud")),
        ("les autorités sud-soudanaises", ("soudan-du-sud",)),
        ("la Côte d’Ivoire", ("cote-d-ivoire",)),
        ("la Côte d'Ivoire", ("cote-d-ivoire",)),
        ("la Guinée-Bissau", ("guinee-bissau",)),
        ("la Papouasie-Nouvelle-Guinée", ("papouasie-nouvelle-guinee",)),
        ("le Niger et le Nigéria", ("niger", "nigeria")),
        ("les autorités nigériennes", ("niger",)),
        ("les États-Unis d’Amérique", ("etats-unis",)),
        ("du Royaume-Uni de Grande-Bretagne et d’Irlande du Nord", ("royaume-uni",)),
        ("la République populaire démocratique de Corée et la République de Corée",
         ("coree-du-nord", "coree-du-sud")),
        ("les Chypriotes grecs et les Chypriotes turcs", ("chypre",)),
        ("la délégation sud-africaine", ("afrique-du-sud",)),
        ("le Gouvernement japonais et le Gouvernement ukrainien", ("japon", "ukraine")),
        ("les autorités ukrainiennes", ("ukraine",)),
        ("la Türkiye", ("turkiye",)),
        ("la République bolivarienne du Venezuela", ("venezuela",)),
        ("le Saint-Siège", ("saint-siege",)),
    ],
)
def test_french_mentions_of_new_states(gazetteer, text, state_ids):
    assert gazetteer.mentions(text) == state_ids


@pytest.mark.parametrize(
    "text",
    [
        "[Original : anglais]",
        "[Original : français]",
        "[Original : chinois]",
        "la version française fait foi",
        "Communauté des pays de langue portugaise",
        "l’Organisation des États américains",
        "le golfe de Guinée",
        "l’océan Indien",
        "la mer de Chine méridionale",
        "le bassin du Congo",
        "le lac Tchad",
        "l’Irlande du Nord",
        "la Conférence de Mexico",
        "les Samoa américaines",
        "la péninsule coréenne",
    ],
)
def test_french_not_states(gazetteer, text):
    assert gazetteer.mentions(text) == ()


# --- errors -------------------------------------------------------------------------------

GOOD = """\
- id: cuba
  name: Cuba
  name_en: Cuba
  iso3: CUB
  genitive: de Cuba
  forms: [Cuba, cubain]
  forms_en: [Cuba, Cuban]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "states.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_file_loads(tmp_path):
    (state,) = load_states(write(tmp_path, GOOD))
    assert state.forms == ("Cuba", "cubain")
    assert state.forms_en == ("Cuba", "Cuban")
    assert state.iso_names == ("Republic of Cuba", "République de Cuba")
    assert state.exceptions == () and state.observer is False


def test_apostrophe_inside_a_form(tmp_path):
    civ = """\
- id: cote-d-ivoire
  name: Côte d’Ivoire
  name_en: Côte d'Ivoire
  iso3: CIV
  genitive: de la Côte d’Ivoire
  forms: [Côte d’Ivoire, ivoirien]
  forms_en: [Côte d'Ivoire, Ivorian]
  observer: false
"""
    gazetteer = Gazetteer(load_states(write(tmp_path, civ)))
    for text in ("la Côte d’Ivoire", "Côte d'Ivoire", "la Côte dʼIvoire", "le Gouvernement ivoirien"):
        assert gazetteer.mentions(text) == ("cote-d-ivoire",), text
    assert gazetteer.resolve("COTE D'IVOIRE").id == "cote-d-ivoire"
    assert gazetteer.spans("de la Côte d'Ivoire") == [(6, 19, "cote-d-ivoire")]


def test_exceptions_name_nothing_and_hide_an_iso_name(tmp_path):
    slv = """\
- id: el-salvador
  name: El Salvador
  name_en: El Salvador
  iso3: SLV
  genitive: d’El Salvador
  forms: [El Salvador]
  forms_en: [El Salvador]
  exceptions: [Salvador, San Salvador Declaration]
"""
    (state,) = load_states(write(tmp_path, slv))
    assert "Salvador" not in state.iso_names  # pycountry's French short name, a first name
    gazetteer = Gazetteer([state])
    assert gazetteer.mentions("María Isabel Salvador (Ecuador)") == ()
    assert gazetteer.mentions("the San Salvador Declaration") == ()
    assert gazetteer.mentions("in El Salvador") == ("el-salvador",)
    assert gazetteer.resolve("Salvador") is None


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
    assert info.value.line == 9
    assert "'panama'" in info.value.message and "genitive" in info.value.message
    assert "forms_en" in info.value.message


def test_duplicate_form(tmp_path):
    other = GOOD.replace("id: cuba", "id: kuba").replace("CUB", "ABW").replace(", cubain", "")
    path = write(tmp_path, GOOD + other)
    with pytest.raises(ConfigError) as info:
        load_states(path)
    assert str(path) in str(info.value)
    assert "'Cuba'" in info.value.message and "'kuba'" in info.value.message
    assert info.value.line == 8


def test_a_form_that_is_another_states_iso_name(tmp_path):
    other = GOOD.replace("id: cuba", "id: kuba").replace("CUB", "ABW").replace(
        "[Cuba, cubain]", "[Kuba, République de Cuba]").replace("name: Cuba", "name: Kuba")
    other = other.replace("[Cuba, Cuban]", "[Kuba]").replace("name_en: Cuba", "name_en: Kuba")
    with pytest.raises(ConfigError, match="ISO name 'République de Cuba'"):
        load_states(write(tmp_path, GOOD + other))


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        ("iso3: CUB", "iso3: cub", "iso3"),
        ("iso3: CUB", "iso3: CUBA", "iso3"),
        ("iso3: CUB", "iso3: QQQ", "not an ISO 3166-1 alpha-3 code"),
        ("forms: [Cuba, cubain]", "forms: [cubain]", "must be one of the forms"),
        ("forms_en: [Cuba, Cuban]", "forms_en: [Cuban]", "must be one of the forms_en"),
        ("forms: [Cuba, cubain]", "forms: [Cuba, d’Cuba]", "apostrophe"),
        ("forms: [Cuba, cubain]", "forms: [Cuba, l'Cuba]", "apostrophe"),
        ("forms_en: [Cuba, Cuban]", "forms_en: [Cuba, Cubans’]", "apostrophe"),
        ("forms: [Cuba, cubain]", "forms: [Cuba, cubain, cubain]", "listed twice"),
        ("forms: [Cuba, cubain]", "forms: [Cuba, cubain]\n  exceptions: [cubain]", "also a form"),
        ("forms: [Cuba, cubain]", "forms: [Cuba, cubain]\n  observer: yes please", "observer"),
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


def fault(path) -> tuple:
    with pytest.raises(ConfigError) as info:
        load_states(path)
    return info.value.path, info.value.line, info.value.message


def test_each_fault_of_the_gazetteer_is_named_with_its_entry(tmp_path):
    kuba = GOOD.replace("[Cuba, cubain]", "[Kuba]").replace("name: Cuba", "name: Kuba")
    cases = [
        ("cuba: Cuba\n", None, "expected a non-empty list of states"),
        ("[]\n", None, "expected a non-empty list of states"),
        (GOOD + kuba, 8, "state 'cuba': duplicate id"),
        (GOOD.replace("  forms: [Cuba, cubain]", "  forms: [Cuba, cubain]\n  observer: yes please"), 1,
         "state 'cuba': observer must be true or false"),
        (GOOD.replace("name: Cuba", "name: ' Cuba'"), 1, "state 'cuba': name must be a string without surrounding spaces"),
        (GOOD.replace("forms: [Cuba, cubain]", "forms: [Cuba, '']"), 1, "state 'cuba': forms must be a list of non-empty strings"),
        (GOOD.replace("forms: [Cuba, cubain]", "forms: Cuba"), 1, "state 'cuba': forms must be a list of non-empty strings"),
        (GOOD.replace("forms: [Cuba, cubain]", "forms: [Cuba, 'cubain ']"), 1, "state 'cuba': forms: 'cubain ' has extra spaces"),
    ]
    for text, line, message in cases:
        path = write(tmp_path, text)
        assert fault(path) == (str(path), line, message), message
    other = GOOD.replace("id: cuba", "id: kuba").replace("CUB", "ABW").replace(", cubain", "")
    path = write(tmp_path, GOOD + other)
    assert fault(path) == (str(path), 8, "state 'kuba': form 'Cuba' is already listed for 'cuba' (form 'Cuba')")
    folded = other.replace("[Cuba]", "[CUBA]").replace("forms_en: [Cuba, Cuban]", "forms_en: [Kuban]").replace("name_en: Cuba", "name_en: Kuban")
    path = write(tmp_path, GOOD + folded.replace("name: Cuba", "name: CUBA"))
    assert fault(path) == (str(path), 8, "state 'kuba': form 'CUBA' is the same as form 'Cuba' of 'cuba' once case and accents are ignored")


def test_an_unknown_id_is_a_key_error_naming_it(gazetteer):
    with pytest.raises(KeyError) as info:
        gazetteer.get("atlantide")
    assert info.value.args == ("unknown state id 'atlantide'",)
