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


def test_indented_blocks_are_paragraphs_each_with_its_lines():
    """Two paragraphs indented by a tab: Markdown reads one code block (its blank lines kept
    in it); the reader gives the two paragraphs, each with its own lines."""
    paras = read("## T\n\n\tPremier alinéa,\n\tsur deux lignes.\n\n\tSecond alinéa.\n").drafts[0].paragraphs
    assert [(p.blocks, p.line_start, p.line_end) for p in paras] == [
        (["Premier alinéa, sur deux lignes."], 3, 4), (["Second alinéa."], 6, 6)]


def test_two_place_and_date_lines_in_one_part_have_their_own_ids():
    from undocs.parse.common import assemble

    drafts = read("## Déclaration\n\nTexte.\n\nMoscou, le 15 mai 2012\n\nAnnexe.\n\nAstana, le 2 juin 2012\n").drafts
    assert [(p.kind, p.blocks) for p in drafts[0].paragraphs][1::2] == [("closing", ["Moscou, le 15 mai 2012"]), ("closing", ["Astana, le 2 juin 2012"])]
    [part] = assemble(drafts, "x", "x.md")
    assert [p.id for p in part.paragraphs] == ["x_declaration-1", "x_declaration-cloture", "x_declaration-3", "x_declaration-cloture-2"]


def test_a_place_and_date_line_with_no_break_spaces_is_still_one():
    for line in ["Moscou, le 15\u00a0mai\u00a02012", "Moscou,\u00a0le\u00a015 mai 2012", "Moscou, le 1er\u202fmai 2012"]:
        paras = read(f"## T\n\n34. Texte.\n\n{line}\n").drafts[0].paragraphs
        assert [(p.kind, p.number, p.blocks) for p in paras] == [("paragraph", 34, ["Texte."]), ("closing", None, [line])], line


def paragraphs(text, part=0):
    return [(p.kind, p.number, p.blocks, p.line_start, p.line_end) for p in read(text).drafts[part].paragraphs]


def test_a_number_with_no_text_of_its_own_is_kept_as_an_empty_numbered_paragraph():
    assert paragraphs("## T\n\n3.\n\n4. Quatre.\n") == [("paragraph", 3, [""], 3, 3), ("paragraph", 4, ["Quatre."], 5, 5)]
    # "5. 6." is a list in a list for Markdown: both numbers are printed, both kept.
    assert paragraphs("## T\n\n5. 6. Six.\n") == [("paragraph", 5, [""], 3, 3), ("paragraph", 6, ["Six."], 3, 3)]
    # A bullet with no text prints no number: nothing to keep.
    assert paragraphs("## T\n\n-\n\n- Un.\n\n- Deux.\n") == [("item", None, ["Un."], 5, 5), ("item", None, ["Deux."], 7, 7)]


def test_fenced_and_indented_code_is_read_as_paragraphs_with_their_lines():
    assert paragraphs("## T\n\n```info\nLigne un\n\nLigne deux\n```\n") == [
        ("paragraph", None, ["info Ligne un"], 3, 4), ("paragraph", None, ["Ligne deux"], 6, 6)]
    assert paragraphs("## T\n\n```\nLigne un\n```\n") == [("paragraph", None, ["Ligne un"], 4, 4)]
    assert paragraphs("## T\n\n    Ligne un\n    suite\n\n\n    Ligne deux\n") == [
        ("paragraph", None, ["Ligne un suite"], 3, 4), ("paragraph", None, ["Ligne deux"], 7, 7)]


def test_links_images_and_code_are_text_with_their_addresses():
    text = ('## T\n\nVoir [le texte](https://exemple.org/a%20b "titre"), <https://x.org> et '
            '![carte](carte.png "Carte de la zone") et `code`.\n')
    assert paragraphs(text)[0][2] == [
        "Voir le texte (https://exemple.org/a b « titre »), https://x.org et carte (carte.png « Carte de la zone ») et code."]
    text = "## T\n\nVoir [deux\nlignes](https://x.org) et [**Traité** sur X](https://y.org) et [https://z.org\nici](https://z.org).\n"
    assert paragraphs(text)[0][2] == [
        "Voir deux lignes (https://x.org) et Traité sur X (https://y.org) et https://z.org ici (https://z.org)."]


def test_only_a_paragraph_bold_as_a_whole_opens_a_part():
    [part] = read("**Titre**\n\n**Gras** et suite.\n\n**Un** **Deux**\n\n1. **Gras**\n").drafts
    assert part.title == "Titre"
    assert [(p.number, p.blocks) for p in part.paragraphs] == [(None, ["Gras et suite."]), (None, ["Un Deux"]), (1, ["Gras"])]


def test_heading_levels_and_the_text_before_any_heading():
    drafts = read("Avant.\n\n# A\n\n## B\n\n### C\n\n#### D\n\n# E\n").drafts
    assert [(d.title, d.level, d.line) for d in drafts] == [("", 1, 1), ("A", 1, 3), ("B", 1, 5), ("C", 2, 7), ("D", 2, 9), ("E", 1, 11)]
    assert [p.blocks for p in drafts[0].paragraphs] == [["Avant."]]


def test_the_masthead_takes_every_line_under_it_and_a_note_needs_a_rule():
    result = read("# Masthead\n\nLigne\n\n    Code un\n\n    Code deux\n\n---\n\n## P\n\nTexte\\*\n\n\\* Pas une note sans filet.\n")
    assert result.masthead == ("Masthead", "Ligne", "Code un", "Code deux")
    [part] = result.drafts
    assert [p.blocks for p in part.paragraphs] == [["Texte*"], ["* Pas une note sans filet."]]
    assert part.footnotes == [] and part.paragraphs[0].footnote_refs == []


def test_a_marker_with_no_note_is_put_back_where_it_was():
    drafts = read("## Titre \\*\n\nTexte\\**\n\n## Autre\\***\n\nSuite.\n").drafts
    assert [(d.title, d.title_footnote_refs) for d in drafts] == [("Titre *", []), ("Autre***", [])]
    assert drafts[0].paragraphs[0].blocks == ["Texte**"] and drafts[0].paragraphs[0].footnote_refs == []


def test_a_link_without_an_address_is_its_text():
    assert paragraphs("## T\n\nVoir [le texte]() ici.\n")[0][2] == ["Voir le texte ici."]


def test_an_image_or_link_whose_text_is_its_address_shows_it_once():
    assert paragraphs("## T\n\n![carte.png](carte.png) et [voir\nhttps://z.org](https://z.org).\n")[0][2] == [
        "carte.png et voir https://z.org (https://z.org)."]


def test_notes_called_from_a_continued_or_second_block():
    text = ("## T\n\n4. Premier bloc.\n\nSecond bloc\\*\n\nun paragraphe coupé\n\npar la page\\*\\*\n\n---\n\n"
            "\\* Note du second bloc.\n\n\\*\\* Note de la suite.\n")
    [part] = read(text).drafts
    # The lower-case blocks are the tail of paragraph 4's second block; both calls are its own.
    assert [(p.number, p.blocks, p.footnote_refs) for p in part.paragraphs] == [
        (4, ["Premier bloc.", "Second bloc un paragraphe coupé par la page"], ["note-1", "note-2"])]
    assert [(n.id, n.marker, n.text) for n in part.footnotes] == [("note-1", "*", "Note du second bloc."), ("note-2", "**", "Note de la suite.")]


def test_a_note_needs_a_rule_even_right_after_a_heading():
    [part] = read("## Titre\\*\n\n\\* Texte qui suit le titre.\n").drafts
    assert part.title == "Titre*" and part.footnotes == []
    assert [p.blocks for p in part.paragraphs] == [["* Texte qui suit le titre."]]


def test_a_title_marker_after_a_space_and_its_note():
    [part] = read("## Titre \\*\n\nTexte.\n\n---\n\n\\* La note.\n").drafts
    assert (part.title, part.title_footnote_refs, [n.text for n in part.footnotes]) == ("Titre", ["note-1"], ["La note."])


def test_indented_blocks_after_a_rule_a_note_then_text():
    [part] = read("## Titre\\*\n\nTexte.\n\n---\n\n    * La note.\n\n    Suite du texte.\n").drafts
    assert [n.text for n in part.footnotes] == ["La note."]
    assert [p.blocks for p in part.paragraphs] == [["Texte."], ["Suite du texte."]]


def test_an_empty_number_before_any_heading():
    [part] = read("3.\n\n4. Quatre.\n").drafts
    assert (part.title, part.line) == ("", 1)
    assert [(p.number, p.blocks) for p in part.paragraphs] == [(3, [""]), (4, ["Quatre."])]
