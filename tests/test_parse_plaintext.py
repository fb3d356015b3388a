"""The plain-text reader: unit cases, then the acceptance facts of A/67/131."""

from __future__ import annotations

import pytest

from conftest import doc, part
from undocs.errors import SourceError
from undocs.model import State
from undocs.parse.plaintext import parse_plaintext

NORWAY = State("norvege", "Norvège", "Norway", "NOR", ("Norvège",), "de la Norvège")


def read(text, resolve=lambda name: NORWAY if name.strip() == "Norvège" else None):
    return parse_plaintext(text, "x.txt", ("A/1/2",), "12-34567", resolve)


def test_hard_wrapped_lines_are_reflowed_and_hyphen_splits_rejoined():
    result = read("  I. Intro\n\n1. Le texte de la non-\nprolifération elle-\nmême, coupé \nici.\n")
    [para] = result.drafts[0].paragraphs
    assert para.number == 1
    assert para.blocks == ["Le texte de la non-prolifération elle-même, coupé ici."]
    assert (para.line_start, para.line_end) == (3, 6)


def test_indented_capital_line_opens_a_paragraph_lowercase_continues():
    text = "  I. Intro\n\n Premier paragraphe \n suite en minuscule.\n  Deuxième paragraphe.\n"
    paras = read(text).drafts[0].paragraphs
    assert [p.blocks[0] for p in paras] == ["Premier paragraphe suite en minuscule.", "Deuxième paragraphe."]


def test_reply_heading_with_original_and_date():
    text = "  II. Réponses\n\n  Norvège  \n\n[Original : anglais] \n[1er juin 2012] \n\n Texte.\n"
    result = read(text)
    reply = result.drafts[1]
    assert reply.level == 2 and reply.key == "norvege"
    [statement] = reply.statements
    assert (statement.state, statement.role, statement.original_language, statement.date) == (
        "norvege", "reply", "anglais", "2012-06-01")
    assert reply.paragraphs[0].blocks == ["Texte."]


def test_unknown_state_heading_is_a_warning_with_file_and_line():
    result = read("  Atlantide\n\n[Original : anglais]\n[1er juin 2012]\n\n Texte.\n")
    [warning] = result.warnings
    assert isinstance(warning, SourceError)
    assert str(warning).startswith("x.txt:1: state heading 'Atlantide'")
    assert result.drafts[0].statements == []


def test_unreadable_reply_date_is_an_error_naming_the_line():
    with pytest.raises(SourceError, match=r"x.txt:4: cannot read the date"):
        read("  Norvège\n\n[Original : anglais]\n[32 brumaire 2012]\n\n Texte.\n")


def test_page_header_and_footer_removed_only_when_alone_and_exact():
    text = " Un paragraphe coupé par la \n\n A/1/2\n\n 312-34567 \n\n fin de page.\n\n Texte citant A/1/2 dans une phrase.\n"
    result = read(text)
    assert [(r.line, r.text) for r in result.removals] == [(3, "A/1/2"), (5, "312-34567")]
    paras = result.drafts[0].paragraphs
    assert paras[0].blocks == ["Un paragraphe coupé par la fin de page."]
    assert paras[1].blocks == ["Texte citant A/1/2 dans une phrase."]


def test_a_line_alone_that_starts_with_the_symbol_is_text():
    """Alone between blank lines, as a page header stands, but more than the symbol: text."""
    text = " Un paragraphe.\n\n A/1/2 est la cote de ce rapport.\n\n 312-34567 suite\n"
    result = read(text)
    assert result.removals == ()
    assert [p.blocks for p in result.drafts[0].paragraphs] == [
        ["Un paragraphe."], ["A/1/2 est la cote de ce rapport."], ["312-34567 suite"]]


def test_bullets_are_list_items():
    paras = read(" Il faudra :\n\n • Faire ceci;\n\n • Faire \ncela.\n").drafts[0].paragraphs
    assert [(p.kind, p.blocks[0]) for p in paras] == [
        ("paragraph", "Il faudra :"), ("item", "Faire ceci;"), ("item", "Faire cela.")]


# --- Acceptance facts of A/67/131 (issue 2) -------------------------------------------------

def test_a67131_introduction_has_paragraphs_1_and_2(corpus):
    intro = part(doc(corpus, "a-67-131"), "introduction")
    assert intro.number == "I" and intro.title == "Introduction"
    assert [p.number for p in intro.paragraphs] == [1, 2]
    assert [p.id for p in intro.paragraphs] == ["a-67-131_introduction-1", "a-67-131_introduction-2"]


def test_a67131_six_replies_with_language_and_date(corpus):
    statements = [(s.state, s.role, s.original_language, s.date) for s in doc(corpus, "a-67-131").statements]
    assert statements == [
        ("cuba", "reply", "espagnol", "2012-06-05"),
        ("espagne", "reply", "espagnol", "2012-03-26"),
        ("norvege", "reply", "anglais", "2012-06-01"),
        ("panama", "reply", "espagnol", "2012-05-23"),
        ("qatar", "reply", "anglais", "2012-04-11"),
        ("turkmenistan", "reply", "russe", "2012-05-14"),
    ]


def test_a67131_paragraph_cut_by_page_break_is_one_paragraph(corpus):
    cuba = part(doc(corpus, "a-67-131"), "cuba")
    [para] = [p for p in cuba.paragraphs if "ou par le recours" in p.text]
    assert "visant à conclure des accords négociés en dehors des cadres multilatéraux" in para.text
    assert para.text.startswith("Le désarmement, la maîtrise des armements")
    assert para.text.endswith("demeurent le meilleur moyen d’atteindre ces objectifs.")


def test_a67131_hyphen_splits_rejoined_with_hyphen(corpus):
    texts = [p.text for p in doc(corpus, "a-67-131").paragraphs]
    assert any("l’Organisation des Nations Unies elle-même et la crédibilité" in t for t in texts)
    assert any("des mécanismes internationaux de non-prolifération et de maîtrise" in t for t in texts)
    assert not any("elle- même" in t or "non- prolifération" in t or "ellemême" in t for t in texts)


def test_a67131_spain_bullets_are_list_items(corpus):
    spain = part(doc(corpus, "a-67-131"), "espagne")
    items = [p for p in spain.paragraphs if p.kind == "item"]
    assert len(items) == 12
    assert items[0].text.startswith("Rechercher des solutions politiques mondiales")
    assert items[-1].text.endswith("qui poursuivent le même objectif.")


def test_a67131_page_header_footer_in_no_paragraph_and_reported(corpus, report):
    texts = [p.text for d in corpus.documents for p in d.paragraphs]
    assert not any("912-41314" in t or "12-41314" in t for t in texts)
    assert not any(t.strip() == "A/67/131" for t in texts)
    removed = [(r.file, r.line, r.text) for r in report.removals]
    assert removed == [("a-67-131.fr.txt", 407, "A/67/131"), ("a-67-131.fr.txt", 411, "912-41314")]


def test_a67131_turkmenistan_last_paragraph_after_page_break(corpus):
    turkmenistan = part(doc(corpus, "a-67-131"), "turkmenistan")
    assert turkmenistan.paragraphs[-1].text.startswith("Ne produisant pas d’armes")
    assert turkmenistan.paragraphs[-2].text.endswith("contre la criminalité transnationale organisée.")


def test_a67131_sentences_without_full_stop_kept_as_they_are(corpus):
    norway = part(doc(corpus, "a-67-131"), "norvege")
    assert "les travaux vers une impasse Ce sont ces problèmes" in norway.paragraphs[0].text


def test_the_footer_removed_is_the_documents_own_job_number():
    """With the job number the sidecar gives, only it is furniture; without one, any job number."""
    text = " Un.\n\n 912-34567\n\n 912-41314\n\n Deux.\n"
    assert [r.text for r in read(text).removals] == ["912-34567"]
    anyone = parse_plaintext(text, "x.txt", ("A/1/2",), None, lambda name: None)
    assert [r.text for r in anyone.removals] == ["912-34567", "912-41314"]


def test_only_a_line_alone_is_furniture_or_a_section():
    result = read(" Un.\n\nA/1/2\n suite du bloc.\n\n II. Titre\n suite du titre.\n")
    assert result.removals == ()
    assert len(result.drafts) == 1
    assert [p.blocks for p in result.drafts[0].paragraphs] == [["Un."], ["A/1/2 suite du bloc."], ["II. Titre suite du titre."]]


def test_text_before_any_section_is_an_untitled_first_part():
    [intro, section] = read("\n\n Avant tout titre.\n\n  I. Titre\n\n 1. Texte.").drafts
    assert (intro.title, intro.level, intro.line, intro.number) == ("", 1, 3, None)
    assert [p.blocks for p in intro.paragraphs] == [["Avant tout titre."]]
    assert (section.title, section.level, section.number) == ("Titre", 1, "I")
    assert [(p.number, p.blocks) for p in section.paragraphs] == [(1, ["Texte."])]  # no final newline


def test_paragraphs_open_on_any_indented_capital_line():
    paras = read(" I. T\n\n Premier.\n Deuxième, sur\ndeux lignes.\n\t• un • deux\n").drafts[0].paragraphs
    assert [(p.kind, p.blocks, p.line_start, p.line_end) for p in paras] == [
        ("paragraph", ["Premier."], 3, 3), ("paragraph", ["Deuxième, sur deux lignes."], 4, 5),
        ("item", ["un • deux"], 6, 6)]  # only the bullet that opens it is taken off


def test_a_tail_after_a_page_break_joins_and_the_block_goes_on():
    text = " I. T\n\n Un paragraphe coupé par la\n\n A/1/2\n\n fin de la page, puis\n Un nouveau paragraphe.\n"
    paras = read(text).drafts[0].paragraphs
    assert [(p.blocks, p.line_start, p.line_end) for p in paras] == [
        (["Un paragraphe coupé par la fin de la page, puis"], 3, 7), (["Un nouveau paragraphe."], 8, 8)]


def test_a_reply_that_ends_the_text_and_one_without_a_date():
    reply = read("  Norvège\n\n[Original : anglais]\n[1er juin 2012]\n").drafts[0]
    assert reply.key == "norvege" and reply.paragraphs == []
    [statement] = reply.statements
    assert (statement.original_language, statement.date, statement.date_text) == ("anglais", "2012-06-01", "1er juin 2012")
    [statement] = read("  Norvège\n\n[Original : anglais]\n\n Texte.\n").drafts[0].statements
    assert (statement.original_language, statement.date, statement.date_text) == ("anglais", None, None)


@pytest.mark.parametrize("header,line,message", [
    ("[Original : anglais]\n[Original : russe]", 4, "a reply's header has a second [Original : …] line: '[Original : russe]'"),
    ("[Original : anglais]\n[1er juin 2012]\n[2 juin 2012]", 5, "a reply's header has a second date line: '[2 juin 2012]'"),
    ("[Original : anglais]\n[Voir la note]", 4, "unexpected line in a reply's header: '[Voir la note]'"),
])  # fmt: skip
def test_a_reply_header_with_a_line_too_many_is_an_error(header, line, message):
    with pytest.raises(SourceError) as info:
        read(f"  Norvège\n\n{header}\n\n Texte.\n")
    assert (info.value.path, info.value.line, info.value.message) == ("x.txt", line, message)
