"""The full reference a reader copies, and when a "§" is the archive's own count."""

from __future__ import annotations

from conftest import doc
from undocs.views import build_views, own_number


def paragraph(corpus, doc_id, pid):
    return next(p for p in doc(corpus, doc_id).paragraphs if p.id == pid)


def test_reference_names_body_title_symbol_date_part_and_paragraph(corpus):
    views = build_views(corpus)
    # Read from seeds/a-67-131.fr.txt: Norway's reply does not number its paragraphs.
    norway = paragraph(corpus, "a-67-131", "a-67-131_norvege-4")
    assert views.reference(norway) == (
        "Assemblée générale, «\u00a0Promotion du multilatéralisme dans le domaine du désarmement et de la "
        "non-prolifération\u00a0», A/67/131, 2012, réponse de la Norvège, "
        "§ 4 [rang dans la partie, compté par l’archive]"
    )
    # The introduction's paragraphs are numbered "1.", "2." in the source: no note.
    intro = paragraph(corpus, "a-67-131", "a-67-131_introduction-1")
    assert views.reference(intro).endswith("A/67/131, 2012, Introduction, § 1")


def test_own_number_only_where_the_source_prints_none(corpus):
    a = doc(corpus, "a-67-131")
    numbered = [p for p in a.paragraphs if not own_number(p)]
    assert {p.id for p in numbered} == {"a-67-131_introduction-1", "a-67-131_introduction-2"}
    cd = doc(corpus, "cd-2012-kazakhstan-otsc")
    closing = next(p for p in cd.paragraphs if p.kind == "closing")
    assert not own_number(closing)  # "lieu et date" is no count
