"""What both text parsers share (``parse.common``): re-flowing lines, continuing a paragraph
across a page break, French dates, list-item markers, and the stable ids of ``assemble``."""

from __future__ import annotations

import pytest

from undocs.errors import SourceError
from undocs.model import Statement
from undocs.parse.common import (
    CALL_CLOSE, CALL_OPEN, ParaDraft, PartDraft, assemble, ends_split_word, item_markers, join_lines, parse_french_date,
)


def para(text, number=None, kind="paragraph", line=1) -> ParaDraft:
    return ParaDraft(kind, number, [text], line, line)


def test_lines_are_reflowed_and_words_split_at_a_hyphen_rejoined():
    assert join_lines(["  Le désarmement \t nucléaire  ", "", "et la non-", "prolifération", " ", "elle-", "même."]) == \
        "Le désarmement nucléaire et la non-prolifération elle-même."
    assert join_lines(["", "  "]) == ""
    assert ends_split_word("a-") and ends_split_word("non-") and not ends_split_word("2012-") and not ends_split_word("-")


def test_a_paragraph_continued_after_a_page_break():
    split = para("Le régime de")
    split.continue_last("non-", 4)
    split.continue_last("prolifération", 6)
    assert split.text_blocks() == ["Le régime de non-prolifération"] and split.line_end == 6
    empty = para("")  # a numbered paragraph with no text of its own ("3." alone)
    empty.continue_last("texte", 2)
    assert empty.text_blocks() == ["texte"]


def test_french_dates():
    assert parse_french_date("[1er juin 2012]", "x.txt", 3) == "2012-06-01"
    assert parse_french_date("[5 Juin 2012]", "x.txt", 3) == "2012-06-05"
    with pytest.raises(SourceError) as info:
        parse_french_date(" [31 juin 2012] ", "x.txt", 3)
    assert (info.value.path, info.value.line, info.value.message) == ("x.txt", 3, "the date '[31 juin 2012]' does not exist")
    for text in ("[juin 2012]", "[5 brumaire 2012]"):
        with pytest.raises(SourceError) as info:
            parse_french_date(text, "x.txt", 4)
        assert (info.value.path, info.value.line, info.value.message) == ("x.txt", 4, f"cannot read the date {text!r} (expected e.g. '5 juin 2012')")


def items(*marks: str, number: int | None = 2) -> list[ParaDraft]:
    return ([para("Texte.", number)] if number is not None else []) + [para(f"({m}) Alinéa.", kind="item") for m in marks]


def test_item_markers_follow_the_paragraph_and_letter_they_stand_under():
    assert item_markers(items("a", "b", "i", "ii", "c")) == [None, "2 (a)", "2 (b)", "2 (b) (i)", "2 (b) (ii)", "2 (c)"]
    # "(i)" after "(h)" is the letter i; after a numeral list, "(i)" starts no new one.
    assert item_markers(items("h", "i", "j")) == [None, "2 (h)", "2 (i)", "2 (j)"]
    assert item_markers(items("a", "i", "ii", "iii", "b")) == [None, "2 (a)", "2 (a) (i)", "2 (a) (ii)", "2 (a) (iii)", "2 (b)"]
    assert item_markers(items("1", "2", number=None)) == ["(1)", "(2)"]
    assert item_markers(items("a", "i", number=None)) == ["(a)", "(a) (i)"]
    assert item_markers(items("i", number=None)) == ["(i)"]
    # A new numbered paragraph starts again; a paragraph (not an item) is never marked.
    assert item_markers(items("a") + [para("Texte.", 3), para("(b) Texte.")] + items("i", number=None)) == [None, "2 (a)", None, None, "3 (i)"]
    assert item_markers([para("", kind="item")] + items("b", number=None)) == [None, "(b)"]
    # A list that starts at a letter that is also a numeral, and a numeral after a letter other than h.
    assert item_markers(items("v", "vi", number=None)) == ["(v)", "(vi)"]
    assert item_markers(items("v", "vi")) == [None, "2 (v)", "2 (vi)"]
    assert item_markers(items("a", "v")) == [None, "2 (a)", "2 (v)"]


def draft(title: str, *paragraphs: ParaDraft, key: str | None = None, statements=()) -> PartDraft:
    part = PartDraft(title=title, level=1, line=1)
    part.paragraphs, part.key, part.statements = list(paragraphs), key, list(statements)
    return part


def test_part_keys_are_unique_and_stable():
    parts = assemble([
        draft("Déclaration des chefs des États membres", para("Un.")),
        draft("Déclaration des chefs des États membres", para("Deux.")),
        draft("", para("Trois.")),
        draft("Déclaration des chefs d'État", para("Quatre.")),
        draft("Cuba", para("Cinq."), key="cuba", statements=(Statement("cuba", "reply"),)),
        draft("", para("Six.")),
    ], "x", "x.txt")
    assert [p.key for p in parts] == ["declaration-chefs-etats", "declaration-chefs-etats-2", "partie-3",
                                      "declaration-chefs-etat", "cuba", "partie-6"]
    assert [p.paragraphs[0].id for p in parts] == ["x_declaration-chefs-etats-1", "x_declaration-chefs-etats-2-1", "x_partie-3-1",
                                                   "x_declaration-chefs-etat-1", "x_cuba-1", "x_partie-6-1"]
    assert parts[4].paragraphs[0].state == "cuba" and parts[0].paragraphs[0].state is None
    again = assemble([draft("Annexe"), draft("Annexe"), draft("Annexe 2"), draft("Annexe")], "x", "x.txt")
    assert [p.key for p in again] == ["annexe", "annexe-2", "annexe-2-2", "annexe-3"]


def test_paragraph_ids_numbers_ranks_and_closing_lines():
    [part] = assemble([draft("Partie", para("Intro."), para("Un.", 1), para("Suite.", line=3), para("Deux.", 2),
                             para("(a) Alinéa.", kind="item"), para("Genève, le 2 mai 2012", kind="closing"))], "x", "x.txt")
    assert [(p.id, p.seq, p.number, p.marker) for p in part.paragraphs] == [
        ("x_partie-n1", 1, None, None), ("x_partie-1", 2, 1, None), ("x_partie-n3", 3, None, None),
        ("x_partie-2", 4, 2, None), ("x_partie-n5", 5, None, "2 (a)"), ("x_partie-cloture", 6, None, None)]


def test_two_closing_lines_in_a_row():
    [part] = assemble([draft("Partie", para("Texte."), para("Genève, le 2 mai 2012", kind="closing"),
                             para("New York, le 3 mai 2012", kind="closing"))], "x", "x.md")
    assert [p.id for p in part.paragraphs] == ["x_partie-1", "x_partie-cloture", "x_partie-cloture-2"]


def test_a_number_twice_in_a_part_is_an_error_at_the_second():
    with pytest.raises(SourceError) as info:
        assemble([draft("Introduction", para("Un.", 1, line=5), para("Deux.", 1, line=12))], "x", "x.txt")
    assert (info.value.path, info.value.line, info.value.message) == ("x.txt", 12, "paragraph number 1 appears twice in part 'Introduction'")


def test_footnote_calls_are_taken_out_of_the_text_where_they_stand():
    call = lambda note: f"{CALL_OPEN}{note}{CALL_CLOSE}"
    marked = ParaDraft("paragraph", None, [f"Le Traité{call('note-1')} et la Convention{call('note-2')}.", "Second alinéa."], 1, 2)
    marked.footnote_refs = ["note-0"]
    [part] = assemble([draft("P", marked)], "x", "x.pdf")
    [paragraph] = part.paragraphs
    assert paragraph.blocks == ("Le Traité et la Convention.", "Second alinéa.")
    assert paragraph.calls == ((0, 9, "note-1"), (0, 26, "note-2"))
    assert paragraph.footnote_refs == ("note-0", "note-1", "note-2")
    assert [paragraph.blocks[0][:at] for _, at, _ in paragraph.calls] == ["Le Traité", "Le Traité et la Convention"]
