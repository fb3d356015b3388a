"""A PDF's metadata: what its masthead says, what its sidecar adds or overrides, and what stays
unknown (``parse.document``). The PDF is S/RES/2776 (2025), a fixture; its facts were read on
its rendered first page (tests/fixtures/real/facts.yaml)."""

from __future__ import annotations

import shutil

import pytest

from undocs.errors import Notice, SourceError
from undocs.parse.document import parse_source
from undocs.pipeline import PROJECT
from undocs.sources import discover
from undocs.states import Gazetteer, load_states

PDF = PROJECT / "tests" / "fixtures" / "real" / "pdf" / "S_RES_2776 (2025).en.pdf"
GAZETTEER = Gazetteer(load_states(PROJECT / "data" / "states.yaml"))


def read(tmp_path, sidecar: str | None = None):
    shutil.copy(PDF, tmp_path / PDF.name)
    if sidecar is not None:
        (tmp_path / "S_RES_2776 (2025).en.yaml").write_text(sidecar, encoding="utf-8")
    (source,) = discover(tmp_path)
    document, warnings, _text = parse_source(source, GAZETTEER)
    return document, [str(w) for w in warnings]


def test_without_sidecar_the_masthead_says_what_the_document_is(tmp_path):
    document, warnings = read(tmp_path)
    assert (document.id, document.symbol, document.date, document.body) == (
        "s-res-2776-2025", "S/RES/2776 (2025)", "2025-03-03", "Security Council")
    assert document.sidecar_file is None and document.format == "pdf"
    assert [w for w in warnings if "differs" in w] == []


def test_a_sidecar_overrides_and_says_where_it_disagrees(tmp_path):
    document, warnings = read(tmp_path, 'date: "2025-03-07"\nextra:\n  Type: Resolution\n')
    assert document.date == "2025-03-07"
    assert "the sidecar's date '2025-03-07' differs from the document's '2025-03-03'" in " ".join(warnings)
    assert ("Type", "Resolution") in document.extra
    assert document.symbol == "S/RES/2776 (2025)"  # what the sidecar leaves out is still read


def test_a_sidecar_that_agrees_is_silent(tmp_path):
    _document, warnings = read(tmp_path, "symbol: S/RES/2776 (2025)\n")
    assert [w for w in warnings if "differs" in w] == []


def test_a_field_the_masthead_does_not_print_is_a_notice_not_a_guess(tmp_path):
    shutil.copy(PROJECT / "tests" / "fixtures" / "real" / "pdf" / "A_47_435.en.pdf", tmp_path)
    (source,) = discover(tmp_path)
    document, warnings, _text = parse_source(source, GAZETTEER)
    unknown = [w for w in warnings if isinstance(w, Notice)]
    assert document.title is None and any("does not give the title" in str(w) for w in unknown)


LETTER = PROJECT / "tests" / "fixtures" / "real" / "pdf" / "A_79_903.en.pdf"


def read_pdf(tmp_path, pdf, sidecar: str | None = None, taken=frozenset()):
    shutil.copy(pdf, tmp_path / pdf.name)
    if sidecar is not None:
        (tmp_path / (pdf.name[:-len(".pdf")] + ".yaml")).write_text(sidecar, encoding="utf-8")
    (source,) = discover(tmp_path)
    return parse_source(source, GAZETTEER, taken)


def test_the_masthead_gives_the_citation_metadata_of_a_letter(tmp_path):
    """A/79/903 (S/2025/294), read on its first page: Distr.: General, Seventy-ninth session,
    Agenda items 30 and 84, job number 25-07388, sent by Belarus and the Russian Federation."""
    document, warnings, _ = read_pdf(tmp_path, LETTER)
    assert warnings == ()
    assert (document.symbol, document.other_symbols, document.language) == ("A/79/903", ("S/2025/294",), "en")
    assert document.body == "General Assembly, Security Council" and document.original_languages == ("anglais",)
    extra = dict(document.extra)
    assert extra["Distribution"] == "General" and extra["Numéro de tirage"] == "25-07388"
    assert extra["Session"].startswith("Seventy-ninth session") and extra["Ordre du jour"] == "Agenda items 30 and 84"
    assert list(extra) == ["Distribution", "Session", "Ordre du jour", "Numéro de tirage"]
    assert {s.state for s in document.parts[0].statements} == {"belarus", "russie"}


def test_a_sidecar_label_replaces_the_mastheads_and_its_disagreements_are_each_named(tmp_path):
    sidecar = ("symbol: A/79/999\nother_symbols: [S/2025/294]\noriginal_languages: [français]\njob_number: 25-00001\n"
               "extra:\n  Session: 79e session\n")
    document, warnings, _ = read_pdf(tmp_path, LETTER, sidecar)
    where = "A_79_903.en.yaml"
    assert [str(w) for w in warnings] == [
        f"{where}: the sidecar's symbol 'A/79/999' differs from the document's 'A/79/903' (the sidecar's is used)",
        f"{where}: the sidecar's job_number '25-00001' differs from the document's '25-07388' (the sidecar's is used)",
    ]  # the original languages the sidecar gives are its own names for them: no disagreement
    assert document.id == "a-79-999" and document.original_languages == ("français",)
    assert dict(document.extra)["Session"] == "79e session" and [k for k, _ in document.extra].count("Session") == 1
    assert dict(document.extra)["Numéro de tirage"] == "25-00001"


def test_the_sidecars_language_is_the_one_the_text_is_read_in(tmp_path):
    """A code (``fr``) tells the reader which wording to read: the English letter's title is
    not a French one, so it names no sender. A name that is not a code is shown as given."""
    document, _, _ = read_pdf(tmp_path, LETTER, "language: fr\n")
    assert document.language == "fr" and document.parts[0].statements == ()
    other = tmp_path / "other"
    other.mkdir()
    document, _, _ = read_pdf(other, LETTER, "language: english\n")
    assert document.language == "english" and {s.state for s in document.parts[0].statements} == {"belarus", "russie"}


def test_the_id_of_a_pdf(tmp_path):
    document, _, _ = read_pdf(tmp_path, LETTER, taken=frozenset({"a-79-903"}))
    assert document.id == "a-79-903-en"  # another version of the same document came first
    again = tmp_path / "again"
    again.mkdir()
    with pytest.raises(SourceError) as info:
        read_pdf(again, LETTER, taken=frozenset({"a-79-903", "a-79-903-en"}))
    assert (info.value.path, info.value.line) == ("A_79_903.en.pdf", None)
    assert info.value.message == "another document has the id 'a-79-903-en' (the same symbol?): give this one an id in a sidecar"


def test_a_pdf_without_a_readable_masthead_names_what_is_unknown(tmp_path):
    """Two pages of text and no masthead: every field a citation needs is unknown, in one warning;
    the file's name is the id (the only thing it gives)."""
    from test_fidelity import positioned_pdf

    (tmp_path / "Lettre (copie).pdf").write_bytes(positioned_pdf([[(120, "Le texte de la lettre, sans en-tête.")]]))
    (source,) = discover(tmp_path)
    document, warnings, _ = parse_source(source, GAZETTEER)
    assert [str(w) for w in warnings] == ["Lettre (copie).pdf: no masthead could be read: unknown symbol, title, date, body, "
                                          "language (give them in a sidecar Lettre (copie).yaml)"]
    assert document.id == "lettre-copie" and document.symbol is None
    (tmp_path / "Lettre (copie).yaml").write_text("symbol: A/1/2\ntitle: Lettre\ndate: '2012'\nbody: AG\nlanguage: fr\n", encoding="utf-8")
    (source,) = discover(tmp_path)
    assert parse_source(source, GAZETTEER)[1] == ()


def test_a_document_without_a_paragraph_is_an_error(tmp_path):
    (tmp_path / "x.fr.txt").write_text("  I. Titre seul\n", encoding="utf-8")
    (tmp_path / "x.fr.yaml").write_text("symbol: A/1\ntitle: T\ndate: '2012'\nbody: B\nlanguage: fr\noriginal_languages: []\n"
                                        "format: plaintext\n", encoding="utf-8")
    (source,) = discover(tmp_path)
    with pytest.raises(SourceError) as info:
        parse_source(source, GAZETTEER)
    assert (info.value.path, info.value.line, info.value.message) == (str(tmp_path / "x.fr.txt"), None, "no paragraph found in the document")


def test_part_rules_that_match_no_part_or_two(seeds):
    sidecar = seeds / "cd-2012-kazakhstan-otsc.fr.yaml"
    text = sidecar.read_text(encoding="utf-8")
    for title, found in (("Annexe", "no part"), ("Déclaration", "2 parts")):
        sidecar.write_text(text.replace("  - title: Déclaration conjointe", f"  - title: {title}"), encoding="utf-8")
        source = next(s for s in discover(seeds) if s.format == "markdown")
        with pytest.raises(SourceError) as info:
            parse_source(source, GAZETTEER)
        assert (info.value.path, info.value.line) == (str(sidecar), 30)
        assert info.value.message == f"parts: {found} of the document has a title starting with {title!r}"


def test_a_text_source_is_described_by_its_sidecar_alone(seeds):
    """No masthead to read, no warning: the sidecar says everything; its job number is the one
    footer line removed (another job number is text)."""
    text = seeds / "a-67-131.fr.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\n 999-99999\n\n 912-41314\n", encoding="utf-8")
    source = next(s for s in discover(seeds) if s.format == "plaintext")
    document, warnings, _ = parse_source(source, GAZETTEER)
    assert warnings == ()
    assert (document.symbol, document.date, document.language, document.extra[0]) == ("A/67/131", "2012", "fr", ("Type", "Rapport du Secrétaire général"))
    assert [r.text for r in document.removals][-1] == "912-41314"
    assert "999-99999" not in [r.text for r in document.removals] and document.paragraphs[-1].text == "999-99999"


def test_what_a_pdf_of_furniture_alone_and_one_of_no_name_give(tmp_path):
    from test_fidelity import positioned_pdf

    (tmp_path / "x.pdf").write_bytes(positioned_pdf([[(760, "3")], [(760, "4")]]))
    (source,) = discover(tmp_path)
    with pytest.raises(SourceError) as info:
        parse_source(source, GAZETTEER)
    assert (info.value.path, info.value.line, info.value.message) == ("x.pdf", None, "no paragraph found in the document")
    (tmp_path / "x.pdf").rename(tmp_path / "«».pdf")
    (tmp_path / "«».pdf").write_bytes(positioned_pdf([[(120, "Un texte sans en-tête.")]]))
    (source,) = discover(tmp_path)
    assert parse_source(source, GAZETTEER)[0].id == "document"  # a name with no letter or digit


def test_a_field_the_masthead_does_not_print_is_named_in_a_notice(tmp_path):
    shutil.copy(PROJECT / "tests" / "fixtures" / "real" / "pdf" / "A_47_435.en.pdf", tmp_path)
    (source,) = discover(tmp_path)
    _, warnings, _ = parse_source(source, GAZETTEER)
    assert [(type(w), str(w)) for w in warnings] == [(Notice, "A_47_435.en.pdf: the masthead does not give the title: left unknown")]


def test_a_text_sources_job_number_is_not_added_to_its_references(tmp_path):
    """The reference "Numéro de tirage" comes from a PDF's masthead; a text source's sidecar
    lists its own references in ``extra``."""
    (tmp_path / "x.fr.txt").write_text(" Un texte.\n\n 912-41314\n", encoding="utf-8")
    (tmp_path / "x.fr.yaml").write_text("symbol: A/1\ntitle: T\ndate: '2012'\nbody: B\nlanguage: fr\noriginal_languages: []\n"
                                        "format: plaintext\njob_number: 12-41314\n", encoding="utf-8")
    (source,) = discover(tmp_path)
    document, warnings, _ = parse_source(source, GAZETTEER)
    assert (document.extra, warnings, [r.text for r in document.removals]) == ((), (), ["912-41314"])


def test_agenda_items_printed_on_two_lines_are_one_reference(tmp_path):
    """A masthead that prints its agenda items on lines of their own (a joint document: one for
    each organ's session) gives one "Ordre du jour", the items joined by " ; "."""
    import dataclasses

    from undocs.read import read as read_file
    from undocs.parse.document import source_hints

    shutil.copy(LETTER, tmp_path / LETTER.name)
    (source,) = discover(tmp_path)
    reading = read_file(source.path, source.format, source_hints(source), GAZETTEER)
    found = dataclasses.replace(reading.found, agenda_items=["Agenda item 30", "Agenda item 84"])
    document, _, _ = parse_source(source, GAZETTEER, reading=dataclasses.replace(reading, found=found))
    assert dict(document.extra)["Ordre du jour"] == "Agenda item 30 ; Agenda item 84"
