"""The Markdown reader: unit cases, then the acceptance facts of the CD note verbale."""

from __future__ import annotations

from conftest import doc, part
from undocs.parse.markdown import parse_markdown


def read(text):
    return parse_markdown(text, "x.md")


def test_numbered_list_is_numbered_paragraphs_not_a_list():
    drafts = read("## Titre\n\n1. Un.\n\n2. Deux.\n\n7. Sept.\n").drafts
    assert [(p.kind, p.number, p.blocks) for p in drafts[0].paragraphs] == [
        ("paragraph", 1, ["Un."]), ("paragraph", 2, ["Deux."]), ("paragraph", 7, ["Sept."])]


def test_unnumbered_block_after_numbered_paragraph_belongs_to_it():
    [para] = read("## T\n\n4. Premier bloc.\n\nDe nos jours, second bloc.\n").drafts[0].paragraphs
    assert para.number == 4 and para.blocks == ["Premier bloc.", "De nos jours, second bloc."]
    assert (para.line_start, para.line_end) == (3, 5)


def test_lowercase_block_continues_the_paragraph_cut_by_a_page_break():
    paras = read("## T\n\n7. Coupé par la page de\n\nzones exemptes.\n\n8. Suivant.\n").drafts[0].paragraphs
    assert [(p.number, p.blocks) for p in paras] == [(7, ["Coupé par la page de zones exemptes."]), (8, ["Suivant."])]


def test_bold_paragraph_opens_a_part_and_footnote_is_linked():
    result = read("**Note verbale\nadressée\\***\n\nTexte.\n\n---\n\n\\* Publié sous la cote A/1/2.\n")
    [note] = result.drafts
    assert note.title == "Note verbale adressée"
    assert note.title_footnote_refs == ["note-1"]
    [footnote] = note.footnotes
    assert (footnote.id, footnote.marker, footnote.text) == ("note-1", "*", "Publié sous la cote A/1/2.")


def test_marker_without_footnote_stays_in_the_text():
    [para] = read("Texte avec étoile *\n").drafts[0].paragraphs
    assert para.blocks == ["Texte avec étoile *"] and para.footnote_refs == []


def test_place_and_date_line_closes_the_part():
    paras = read("## T\n\n1. Texte.\n\nMoscou, le 15 mai 2012\n").drafts[0].paragraphs
    assert [(p.kind, p.blocks[0]) for p in paras] == [("paragraph", "Texte."), ("closing", "Moscou, le 15 mai 2012")]


def test_masthead_is_h1_and_following_lines():
    result = read("# Conférence du désarmement\n\n7 septembre 2012  \nFrançais\n\n---\n\n## T\n\nTexte.\n")
    assert result.masthead == ("Conférence du désarmement", "7 septembre 2012", "Français")


def test_link_and_image_addresses_are_kept_as_text():
    [para] = read('Voir [le site](https://un.org/fr/d%C3%A9sarmement "Titre") et ![logo](logo.png) et <https://un.org>.\n').drafts[0].paragraphs
    assert para.blocks == ["Voir le site (https://un.org/fr/désarmement « Titre ») et logo (logo.png) et https://un.org."]


def test_raw_html_is_text():
    [para] = read("<script>alert(1)</script> texte\n").drafts[0].paragraphs
    assert para.blocks == ["<script>alert(1)</script> texte"]


# --- Acceptance facts of the CD document (issue 2) -------------------------------------------

CD = "cd-2012-kazakhstan-otsc"


def test_cd_symbol_unknown_and_first_issued_symbol_kept(corpus):
    document = doc(corpus, CD)
    assert document.symbol is None
    assert document.other_symbols == ("A/66/823-S/2012/405",)
    assert document.cite_symbol == "A/66/823-S/2012/405"
    assert document.masthead == ("Conférence du désarmement", "7 septembre 2012", "Français", "Original: anglais et russe")


def test_cd_note_verbale_two_paragraphs_sender_and_linked_footnote(corpus):
    note = part(doc(corpus, CD), "note-verbale")
    assert len(note.paragraphs) == 2
    assert [(s.state, s.role) for s in note.statements] == [("kazakhstan", "sender")]
    assert note.title_footnote_refs == ("note-1",)
    assert note.footnotes[0].text.endswith("sous la cote A/66/823-S/2012/405.")
    assert all(p.state == "kazakhstan" for p in note.paragraphs)


def test_cd_declaration_paragraphs_1_to_34_once_in_order_then_place_and_date(corpus):
    declaration = part(doc(corpus, CD), "declaration")
    numbered = [p for p in declaration.paragraphs if p.number is not None]
    assert [p.number for p in numbered] == list(range(1, 35))
    closing = declaration.paragraphs[-1]
    assert (closing.kind, closing.text, closing.id) == ("closing", "Moscou, le 15 mai 2012", "cd-2012-kazakhstan-otsc_declaration-cloture")


def test_cd_paragraph_4_has_its_second_block(corpus):
    p4 = next(p for p in part(doc(corpus, CD), "declaration").paragraphs if p.number == 4)
    assert len(p4.blocks) == 2 and p4.blocks[1].startswith("De nos jours, l'influence")
    assert p4.id == "cd-2012-kazakhstan-otsc_declaration-4"


def test_cd_paragraph_7_is_one_paragraph_across_its_page_break(corpus):
    p7 = next(p for p in part(doc(corpus, CD), "declaration").paragraphs if p.number == 7)
    assert p7.blocks == (p7.text,)
    assert "l'appui au processus de création de zones exemptes d'armes de destruction massive" in p7.text
    assert (p7.source.line_start, p7.source.line_end) == (45, 47)


def test_cd_joint_declaration_1_to_5_and_six_signatories(corpus):
    joint = part(doc(corpus, CD), "declaration-conjointe")
    assert [p.number for p in joint.paragraphs] == [1, 2, 3, 4, 5]
    assert sorted(s.state for s in joint.statements) == sorted(
        ["russie", "armenie", "belarus", "kazakhstan", "kirghizistan", "tadjikistan"])
    assert {s.role for s in joint.statements} == {"signatory"}
    assert all(p.state is None for p in joint.paragraphs)
