"""Topics: data/topics.yaml is valid, terms match what they should and only that; folding."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from conftest import shared
from undocs.errors import ConfigError
from undocs.textnorm import fold, fold_map
from undocs.topics import TopicMatcher, load_topics, load_unbis

ROOT = Path(__file__).resolve().parents[1]
TOPICS = ROOT / "data" / "topics.yaml"
UNBIS = ROOT / "data" / "unbis-disarmament-terms.tsv"
A67 = ROOT / "seeds" / "a-67-131.fr.txt"
CD = ROOT / "seeds" / "cd-2012-kazakhstan-otsc.fr.md"

REQUIRED_TOPICS = {
    "desarmement-nucleaire", "non-proliferation", "garanties-aiea", "armes-destruction-massive",
    "armes-chimiques", "armes-biologiques", "essais-nucleaires", "matieres-fissiles",
    "zones-exemptes", "missiles", "armes-classiques", "terrorisme", "criminalite-organisee",
    "drogues", "cyber", "surete-nucleaire", "mecanisme-desarmement", "multilateralisme",
    "nations-unies", "organisations-regionales", "conflits-regionaux", "confiance-transparence",
    "verification", "reglement-pacifique", "securite-internationale",
}


@pytest.fixture(scope=shared("module"))
def topics():
    return load_topics(TOPICS, UNBIS)


@pytest.fixture(scope=shared("module"))
def matcher(topics) -> TopicMatcher:
    return TopicMatcher(topics)


def cd_paragraph(number: int) -> str:
    """Paragraph ``number`` of the CSTO declaration; paragraph 7 spans a page break."""
    text = CD.read_text(encoding="utf-8")
    match = re.search(rf"^{number}\. (.+?)\n\n(?=\d+\. |Moscou)", text, re.M | re.S)
    assert match, number
    return " ".join(match.group(1).split())


def a67_passage(start: str, end: str) -> str:
    text = " ".join(A67.read_text(encoding="utf-8").split())
    i = text.index(start)
    return text[i : text.index(end, i) + len(end)]


# --- the real data ------------------------------------------------------------------------


def test_real_topics_load(topics):
    ids = [t.id for t in topics]
    assert 18 <= len(topics) <= 28
    assert len(set(ids)) == len(ids)
    assert REQUIRED_TOPICS <= set(ids)
    for topic in topics:
        assert topic.label and topic.label_en and topic.description and topic.terms


def test_every_unbis_uri_is_in_the_tsv(topics):
    with UNBIS.open(encoding="utf-8", newline="") as handle:
        labels = {row["uri"]: row["fr"] for row in csv.DictReader(handle, delimiter="\t")}
    linked = [t for t in topics if t.unbis]
    assert len(linked) >= 15
    for topic in linked:
        assert topic.unbis in labels
        assert topic.unbis_label == labels[topic.unbis]
    by_id = {t.id: t for t in topics}
    assert by_id["desarmement-nucleaire"].unbis_label == "DESARMEMENT NUCLEAIRE"
    assert by_id["cyber"].unbis is None and by_id["cyber"].unbis_label is None


def test_acronyms_are_kept_as_terms(topics):
    by_id = {t.id: t for t in topics}
    assert "AIEA" in by_id["garanties-aiea"].terms
    assert {"OTSC", "CICA", "OSCE", "OTAN"} <= set(by_id["organisations-regionales"].terms)


def test_every_topic_has_english_terms(topics):
    by_id = {t.id: t for t in topics}
    for topic in topics:
        assert topic.terms_en, topic.id
    # The English acronyms, where they differ from the French ones, in their own language only.
    for topic_id, french, english in [
        ("non-proliferation", "TNP", "NPT"),
        ("garanties-aiea", "AIEA", "IAEA"),
        ("essais-nucleaires", "TICE", "CTBT"),
        ("armes-chimiques", "OIAC", "OPCW"),
        ("organisations-regionales", "OTAN", "NATO"),
        ("organisations-regionales", "OTSC", "CSTO"),
        ("nations-unies", "ONU", "UN"),
    ]:
        topic = by_id[topic_id]
        assert french in topic.terms and french not in topic.terms_en
        assert english in topic.terms_en and english not in topic.terms


# --- positive examples from the seeds -----------------------------------------------------


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (7, {"desarmement-nucleaire", "non-proliferation", "zones-exemptes",
             "armes-destruction-massive", "multilateralisme", "maitrise-armements",
             "securite-internationale"}),
        (8, {"non-proliferation", "garanties-aiea"}),
        (9, {"desarmement-nucleaire", "essais-nucleaires", "matieres-fissiles", "zones-exemptes",
             "mecanisme-desarmement"}),
        (12, {"armes-chimiques", "armes-biologiques", "securite-internationale"}),
        (14, {"non-proliferation", "missiles", "organisations-regionales"}),
        (15, {"missiles", "securite-internationale"}),
        (20, {"terrorisme", "criminalite-organisee", "drogues", "organisations-regionales"}),
        (21, {"surete-nucleaire", "energie-nucleaire"}),
        (22, {"terrorisme", "drogues", "conflits-regionaux"}),
        (25, {"conflits-regionaux", "reglement-pacifique", "organisations-regionales"}),
        (31, {"conflits-regionaux", "reglement-pacifique"}),
        (33, {"organisations-regionales"}),
    ],
)
def test_csto_declaration(matcher, number, expected):
    assert expected <= set(matcher.match(cd_paragraph(number), "fr"))


def test_a67_replies(matcher):
    spain = a67_passage("La Stratégie espagnole de sécurité", "les utiliser.")
    expected = {"terrorisme", "criminalite-organisee", "cyber", "armes-destruction-massive"}
    assert expected <= set(matcher.match(spain, "fr"))
    panama = a67_passage("En ce qui concerne la question du désarmement", "entre autres.")
    expected = {"criminalite-organisee", "drogues", "terrorisme", "armes-classiques"}
    assert expected <= set(matcher.match(panama, "fr"))
    turkmenistan = a67_passage("Le Turkménistan a ratifié", "transnationale organisée.")
    expected = {"armes-chimiques", "armes-biologiques", "essais-nucleaires", "armes-classiques",
                "terrorisme", "criminalite-organisee"}
    assert expected <= set(matcher.match(turkmenistan, "fr"))
    norway = a67_passage("La Commission du désarmement des Nations Unies", "l’Assemblée générale.")
    assert {"mecanisme-desarmement", "nations-unies"} <= set(matcher.match(norway, "fr"))
    dual_use = a67_passage("• Renforcer le contrôle des exportations", "double usage;")
    assert matcher.match(dual_use, "fr") == ("armes-classiques",)


# --- negative examples --------------------------------------------------------------------


def test_security_assurances_are_not_iaea_safeguards(matcher):
    text = cd_paragraph(7)
    assert "garanties de sécurité" in text
    assert "garanties-aiea" not in matcher.match(text)
    # "sans leur fournir des garanties juridiquement contraignantes"
    assert "garanties-aiea" not in matcher.match(cd_paragraph(15))


def test_cica_name_is_not_a_confidence_building_measure(matcher):
    assert "confiance-transparence" not in matcher.match(cd_paragraph(33))
    # "accroître la confiance réciproque, la transparence"
    assert "confiance-transparence" in matcher.match(cd_paragraph(13))


@pytest.mark.parametrize(
    "text",
    [
        "Original: anglais et russe",
        "Moscou, le 15 mai 2012",
        "Nous appelons la communauté internationale à faire preuve de la plus grande retenue.",
        "la fourniture de garanties de sécurité et leur respect",
        "l'onu",  # acronyms are case-sensitive
        "la Cica",
        "les missionnaires",  # not "missile*"
        "un essai clinique nucléaire",
    ],
)
def test_no_topic(matcher, text):
    assert matcher.match(text) == ()


def test_plain_security_and_nuclear_weapons_are_not_enough(matcher):
    text = "En matière de sécurité, quelques difficultés demeurent"
    assert "securite-internationale" not in matcher.match(text)
    assert "desarmement-nucleaire" not in matcher.match(
        "un traité interdisant la production de matières fissiles pour les armes nucléaires"
    )


# --- matching semantics -------------------------------------------------------------------


def test_case_and_accent_insensitive(matcher):
    assert matcher.match("LA SURETE NUCLEAIRE") == ("surete-nucleaire",)
    assert matcher.match("la sûreté\n  nucléaire") == ("surete-nucleaire",)
    assert matcher.match("Cyberattaques") == ("cyber",)


def test_hyphen_broken_by_a_line_break(matcher):
    assert "non-proliferation" in matcher.match("des mécanismes internationaux de non-\nprolifération")


def test_prefix_terms(matcher):
    assert matcher.match("les organisations terroristes") == ("terrorisme",)
    assert matcher.match("le terrorisme international") == ("terrorisme",)
    assert matcher.match("le trafic illicites d’armes à feu") == ("armes-classiques",)


def test_acronyms_case_sensitive_with_apostrophe_boundary(matcher):
    assert matcher.match("le rôle de l’OTAN") == ("organisations-regionales",)
    assert matcher.match("l'AIEA") == ("garanties-aiea",)
    assert matcher.match("le TNP") == ("non-proliferation",)


def test_match_follows_yaml_order(matcher, topics):
    order = [t.id for t in topics]
    found = matcher.match("Le terrorisme et le désarmement nucléaire, selon l'ONU.")
    assert found == tuple(sorted(found, key=order.index))
    assert set(found) == {"terrorisme", "desarmement-nucleaire", "nations-unies"}


def test_spans_are_offsets_into_the_original_text(matcher):
    text = "La mise en œuvre de la su\u0302rete\u0301 nucléaire et l’AIEA."
    spans = matcher.spans(text)
    assert [(text[s:e], t) for s, e, t in spans] == [
        ("su\u0302rete\u0301 nucléaire", "surete-nucleaire"),
        ("AIEA", "garanties-aiea"),
    ]


def test_term_in_two_topics_gives_two_spans(matcher):
    text = "une zone exempte d'armes de destruction massive au Moyen-Orient"
    spans = matcher.spans(text)
    assert {t for _, _, t in spans} == {"armes-destruction-massive", "zones-exemptes"}
    assert len({(s, e) for s, e, _ in spans}) == 1


# --- French and English ----------------------------------------------------------------------

#: One concept said in French and in English, each as a UN document of that language says it.
BILINGUAL = [
    ("desarmement-nucleaire", "un monde exempt d'armes nucléaires", "a world free of nuclear weapons"),
    ("non-proliferation", "le TNP", "the NPT"),
    ("garanties-aiea", "les accords de garanties généralisées", "comprehensive safeguards agreements"),
    ("armes-destruction-massive", "les armes de destruction massive", "weapons of mass destruction"),
    ("armes-chimiques", "l'Organisation pour l'interdiction des armes chimiques",
     "the Organisation for the Prohibition of Chemical Weapons"),
    ("armes-biologiques", "les armes biologiques", "biological weapons"),
    ("essais-nucleaires", "le Traité d'interdiction complète des essais nucléaires",
     "the Comprehensive Nuclear-Test-Ban Treaty"),
    ("matieres-fissiles", "les matières fissiles", "fissile material"),
    ("zones-exemptes", "une zone exempte d'armes nucléaires en Asie centrale",
     "a nuclear-weapon-free zone in Central Asia"),
    ("missiles", "leurs vecteurs", "their means of delivery"),
    ("armes-classiques", "les armes légères et de petit calibre", "small arms and light weapons"),
    ("terrorisme", "la lutte antiterroriste", "the fight against terrorism"),
    ("criminalite-organisee", "le blanchiment d'argent", "money-laundering"),
    ("drogues", "les stupéfiants", "narcotic drugs"),
    ("cyber", "la sécurité de l'information", "information security"),
    ("surete-nucleaire", "la sûreté nucléaire", "nuclear safety"),
    ("energie-nucleaire", "les utilisations pacifiques de l'énergie nucléaire", "the peaceful uses of nuclear energy"),
    ("mecanisme-desarmement", "la Conférence du désarmement", "the Conference on Disarmament"),
    ("multilateralisme", "le multilatéralisme", "multilateralism"),
    ("nations-unies", "la Charte des Nations Unies", "the Charter of the United Nations"),
    ("organisations-regionales", "l'Organisation du Traité de sécurité collective",
     "the Collective Security Treaty Organization"),
    ("conflits-regionaux", "les conflits régionaux", "regional conflicts"),
    ("confiance-transparence", "les mesures de confiance", "confidence-building measures"),
    ("verification", "le respect des obligations", "compliance with obligations"),
    ("reglement-pacifique", "le règlement pacifique des différends", "the peaceful settlement of disputes"),
    ("securite-internationale", "la paix et la sécurité internationales", "international peace and security"),
    ("maitrise-armements", "la maîtrise des armements", "arms control"),
    ("droit-international", "le droit international", "international law"),
]


def test_bilingual_table_covers_every_topic(topics):
    assert {topic_id for topic_id, _, _ in BILINGUAL} == {t.id for t in topics}


@pytest.mark.parametrize(("topic_id", "french", "english"), BILINGUAL, ids=[b[0] for b in BILINGUAL])
def test_each_language_matched_with_its_own_terms(matcher, topic_id, french, english):
    assert topic_id in matcher.match(french, "fr")
    assert topic_id in matcher.match(english, "en")
    # A document of unknown language is matched with both.
    assert topic_id in matcher.match(french) and topic_id in matcher.match(english)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # French terms are not looked for in English text, nor English terms in French text.
        ("armes chimiques", "en"),
        ("les armes légères et de petit calibre", "en"),
        ("l'AIEA et le TNP", "en"),
        ("la sûreté nucléaire", "en"),
        ("chemical weapons", "fr"),
        ("small arms and light weapons", "fr"),
        ("the IAEA and the NPT", "fr"),
        ("nuclear safety", "fr"),
        ("the United Nations", "fr"),
    ],
)
def test_the_other_language_terms_are_not_matched(matcher, text, language):
    assert matcher.match(text, language) == ()
    assert matcher.match(text) != ()  # as a text of unknown language, it has a topic


@pytest.mark.parametrize(
    "text",
    [
        # Words an English terms list must not take alone (see the header of data/topics.yaml).
        "legal safeguards for personal data protection and privacy",
        "insecticide, drug resistance and invasive mosquito species",
        "36 were killed by live ammunition",
        "the nuclear Powers",
        "export processing free zones",
        "increase access to information and communications technology (ICT)",
        "the UNDP and UNICEF offices; the un-armed",  # whole-word, case-sensitive acronyms
        "Original: English",
    ],
)
def test_no_topic_in_english(matcher, text):
    assert matcher.match(text, "en") == ()


def test_longest_match_first_in_english(matcher):
    # A regional organisation's name, not a confidence-building measure.
    name = "the Conference on Interaction and Confidence-Building Measures in Asia"
    assert matcher.match(name, "en") == ("organisations-regionales",)
    assert matcher.match("the Collective Security Treaty Organization", "en") == ("organisations-regionales",)
    # "United Nations" must not hide the Disarmament Commission that follows it.
    assert matcher.match("the United Nations Disarmament Commission", "en") == ("mecanisme-desarmement", "nations-unies")
    # "illicit trafficking" (organized crime) gives way to illicit arms trafficking.
    assert matcher.match("illicit trafficking in small arms", "en") == ("armes-classiques",)
    assert matcher.match("illicit trafficking and money-laundering", "en") == ("criminalite-organisee",)


def test_english_hyphenation_and_case(matcher):
    assert matcher.match("the Treaty on the Non-\nProliferation of Nuclear Weapons", "en") == ("non-proliferation",)
    assert matcher.match("NUCLEAR DISARMAMENT", "en") == ("desarmement-nucleaire",)
    assert matcher.match("the Agency’s safeguards", "en") == ("garanties-aiea",)
    assert matcher.match("counter-terrorism", "en") == ("terrorisme",)


def test_unknown_language_spans_of_both_languages(matcher):
    text = "Le TNP and the NPT"
    assert [(text[s:e], t) for s, e, t in matcher.spans(text)] == [
        ("TNP", "non-proliferation"),
        ("NPT", "non-proliferation"),
    ]
    assert [text[s:e] for s, e, _ in matcher.spans(text, "en")] == ["NPT"]
    # A language topics have no terms in is read as unknown: both lists.
    assert matcher.match(text, "es") == ("non-proliferation",)
    assert len(matcher.spans(text, "es")) == 2


# --- textnorm -----------------------------------------------------------------------------


def test_fold():
    assert fold("Sûreté NUCLÉAIRE") == "surete nucleaire"
    assert fold("l’œuvre Æ") == "l'oeuvre ae"
    assert fold("e\u0301") == "e"


def test_fold_map_points_back_into_the_text():
    text = "Œuvre de\u0301j\u00e0"
    folded, origin = fold_map(text, lower=False)
    assert folded == "OEuvre deja"
    assert len(origin) == len(folded) + 1 and origin[-1] == len(text)
    start = folded.index("deja")
    assert text[origin[start] : origin[start + 4]] == "de\u0301j\u00e0"


def test_fold_map_is_fold_char_by_char():
    """The table-driven fold_map equals folding each character on its own, on random mixes
    of plain letters, accents, combining marks, ligatures, bidi controls and regex symbols."""
    import random

    from undocs.textnorm import _fold_char

    rng = random.Random(7)
    alphabet = "abcdeéèêàçœæÉŒ’'  -\u0301\u202eﬁ1|*(."
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        for lower in (True, False):
            parts = [_fold_char(c, lower) for c in text]
            origin = [i for i, part in enumerate(parts) for _ in part] + [len(text)]
            assert fold_map(text, lower=lower) == ("".join(parts), origin), repr(text)


# --- errors -------------------------------------------------------------------------------

GOOD = """\
- id: terrorisme
  label: Terrorisme
  label_en: Terrorism
  description: La lutte contre le terrorisme.
  unbis: http://metadata.un.org/thesaurus/1006475
  terms: [terroris*]
  acronyms: [CTC]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "topics.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_file_loads(tmp_path):
    (topic,) = load_topics(write(tmp_path, GOOD), UNBIS)
    assert topic.terms == ("terroris*", "CTC")
    assert topic.unbis_label == "TERRORISME"
    assert topic.terms_en == ()  # optional: a file without English terms stays valid


GOOD_EN = GOOD + """\
  terms_en: [terroris*, counter-terroris*]
  acronyms_en: [CTED]
"""


def test_english_terms_load(tmp_path):
    (topic,) = load_topics(write(tmp_path, GOOD_EN), UNBIS)
    assert topic.terms == ("terroris*", "CTC")
    assert topic.terms_en == ("terroris*", "counter-terroris*", "CTED")
    matcher = TopicMatcher([topic])
    assert matcher.match("le CTC", "fr") == ("terrorisme",) and matcher.match("le CTC", "en") == ()
    assert matcher.match("the CTED", "en") == ("terrorisme",) and matcher.match("the CTED", "fr") == ()


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        ("terms_en: [terroris*, counter-terroris*]", "terms_en: [TERRORISM]", "list it under acronyms_en"),
        ("terms_en: [terroris*, counter-terroris*]", "terms_en: terrorism", "terms_en must be a list"),
        ("terms_en: [terroris*, counter-terroris*]", "terms_en: [terrorism, '']", "terms_en must be a list"),
        ("terms_en: [terroris*, counter-terroris*]", "terms_en: ['*terror']", "terms_en: '*terror'"),
        ("terms_en: [terroris*, counter-terroris*]", "terms_en: [Terrorism, terrorism]", "terms_en: a term is listed twice"),
        ("acronyms_en: [CTED]", "acronyms_en: [Cted]", "acronyms_en: 'Cted' must be capital"),
        ("acronyms_en: [CTED]", "acronyms_en: CTED", "acronyms_en must be a list"),
        ("  acronyms_en: [CTED]\n", "  terms_fr: [terrorisme]\n", "unknown field(s): terms_fr"),
    ],
)
def test_invalid_english_terms(tmp_path, old, new, fragment):
    assert old in GOOD_EN
    path = write(tmp_path, GOOD_EN.replace(old, new))
    with pytest.raises(ConfigError) as info:
        load_topics(path, UNBIS)
    assert "topic 'terrorisme'" in info.value.message and fragment in info.value.message
    assert info.value.path == str(path)
    assert info.value.line == 1


def test_invalid_english_terms_name_the_entry_line(tmp_path):
    second = GOOD_EN.replace("id: terrorisme", "id: terrorisme-2").replace("[CTED]", "[cted]")
    path = write(tmp_path, GOOD + "\n" + second)
    with pytest.raises(ConfigError, match="terrorisme-2.*acronyms_en") as info:
        load_topics(path, UNBIS)
    assert info.value.line == 9


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        ("1006475", "9999999", "UNBIS"),
        ("  terms: [terroris*]\n", "", "missing field(s): terms"),
        ("terms: [terroris*]", "terms: []", "missing field(s): terms"),
        ("terms: [terroris*]", "terms: [TERRORISME]", "acronyms"),
        ("acronyms: [CTC]", "acronyms: [Ctc]", "acronym"),
        ("terms: [terroris*]", "terms: ['*terror']", "term"),
        ("terms: [terroris*]", "terms: [terrorisme, Terrorisme]", "twice"),
        ("  label_en: Terrorism\n", "  label_en: Terrorism\n  colour: red\n", "unknown"),
    ],
)
def test_invalid_entries(tmp_path, old, new, fragment):
    path = write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(ConfigError) as info:
        load_topics(path, UNBIS)
    assert fragment in info.value.message
    assert info.value.path == str(path)
    assert info.value.line == 1


def test_duplicate_id_names_the_second_entry(tmp_path):
    path = write(tmp_path, GOOD + "\n" + GOOD)
    with pytest.raises(ConfigError, match="duplicate id") as info:
        load_topics(path, UNBIS)
    assert info.value.line == 9


def test_malformed_yaml(tmp_path):
    path = write(tmp_path, "- id: x\n  terms: [a\n")
    with pytest.raises(ConfigError) as info:
        load_topics(path, UNBIS)
    assert str(path) in str(info.value)


def test_missing_tsv(tmp_path):
    missing = tmp_path / "nope.tsv"
    with pytest.raises(ConfigError) as info:
        load_topics(write(tmp_path, GOOD), missing)
    assert info.value.path == str(missing)


def config_error(call) -> tuple:
    with pytest.raises(ConfigError) as info:
        call()
    return info.value.path, info.value.line, info.value.message


@pytest.mark.parametrize("text,line,message", [
    ("", None, "expected a non-empty list of topics"),
    ("[]\n", None, "expected a non-empty list of topics"),
    ("id: terrorisme\n", None, "expected a non-empty list of topics"),
    (GOOD + "\n" + GOOD.replace("id: terrorisme", "id: Terrorisme"), 9, "topic 'Terrorisme': id must be a lower-case ASCII slug"),
    (GOOD.replace("label: Terrorisme", "label: '  '"), 1, "topic 'terrorisme': label must be a non-empty string"),
    (GOOD.replace("label_en: Terrorism", "label_en: [Terrorism]"), 1, "topic 'terrorisme': label_en must be a non-empty string"),
    (GOOD.replace("terms: [terroris*]", "terms: [' terroris*']"), 1, "topic 'terrorisme': terms: no spaces around a term"),
    (GOOD.replace("terms: [terroris*]", "terms: ['-terroris*']"), 1,
     "topic 'terrorisme': terms: '-terroris*': start with a letter, single spaces, '*' only ending a word"),
    (GOOD.replace("terms: [terroris*]", "terms: ['lutte  contre']"), 1,
     "topic 'terrorisme': terms: 'lutte  contre': start with a letter, single spaces, '*' only ending a word"),
    (GOOD.replace("terms: [terroris*]", "terms: ['terror*isme']"), 1,
     "topic 'terrorisme': terms: 'terror*isme': start with a letter, single spaces, '*' only ending a word"),
    (GOOD.replace("1006475", "9999999"), 1, "topic 'terrorisme': unbis 'http://metadata.un.org/thesaurus/9999999' is not a concept of the UNBIS extract"),
    (GOOD + "\n" + GOOD, 9, "topic 'terrorisme': duplicate id"),
    ("- terrorisme\n", 1, "topic #1: expected a mapping"),
])  # fmt: skip
def test_each_fault_of_the_topics_is_named_with_its_entry(tmp_path, text, line, message):
    path = write(tmp_path, text)
    assert config_error(lambda: load_topics(path, UNBIS)) == (str(path), line, message)


def unbis_file(tmp_path, text: str) -> Path:
    path = tmp_path / "unbis.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_unbis_extract_is_read_as_a_table(tmp_path):
    text = "id\turi\ten\tfr\n1\thttp://metadata.un.org/thesaurus/1\tA\tÉ\r\n2\t\tB\tF\n"
    assert load_unbis(unbis_file(tmp_path, text)) == {"http://metadata.un.org/thesaurus/1": "É"}


@pytest.mark.parametrize("text,line,message", [
    ("", None, "expected a tab-separated table with columns 'uri' and 'fr'"),
    ("id\turi\ten\n1\thttp://x.org/1\tA\n", None, "expected a tab-separated table with columns 'uri' and 'fr'"),
    ("uri,fr\nhttp://x.org/1,A\n", None, "expected a tab-separated table with columns 'uri' and 'fr'"),
    ("uri\tfr\nhttp://x.org/1\tA\njavascript:alert(1)\tB\n", 3, "uri 'javascript:alert(1)' is not an http(s):// URL"),
])  # fmt: skip
def test_each_fault_of_the_unbis_extract_is_named(tmp_path, text, line, message):
    path = unbis_file(tmp_path, text)
    assert config_error(lambda: load_unbis(path)) == (str(path), line, message)


def test_an_unbis_extract_that_cannot_be_read(tmp_path):
    latin = tmp_path / "latin.tsv"
    latin.write_bytes("uri\tfr\nhttp://x.org/1\tDÉSARMEMENT\n".encode("latin-1"))
    assert config_error(lambda: load_unbis(latin)) == (str(latin), None, "not valid UTF-8 (byte 23)")
    assert config_error(lambda: load_unbis(tmp_path / "none.tsv")) == (str(tmp_path / "none.tsv"), None, "file not found")


def test_spans_of_one_term_follow_the_order_of_the_topics(matcher, topics):
    """Paragraph 12 of the CSTO declaration names "armes biologiques, à toxines et chimiques":
    one term of two topics, chemical (listed first in data/topics.yaml) then biological."""
    assert [t.id for t in topics].index("armes-chimiques") < [t.id for t in topics].index("armes-biologiques")
    text = cd_paragraph(12)
    spans = [(text[a:b], topic) for a, b, topic in matcher.spans(text, "fr")]
    assert spans == [("armes biologiques, à toxines et chimiques", "armes-chimiques"),
                     ("armes biologiques, à toxines et chimiques", "armes-biologiques"),
                     ("sécurité internationale", "securite-internationale")]
    # A text of unknown language (matched with both languages' terms): the same, in that order.
    assert matcher.spans(text, None) == matcher.spans(text, "fr")


def test_a_term_with_a_hyphen_matches_across_a_line_break_after_it(matcher):
    assert "non-proliferation" in matcher.match("le régime de non-\nprolifération nucléaire", "fr")
    assert "non-proliferation" in matcher.match("the nuclear non-\nproliferation regime", "en")
