"""data/acronyms.yaml: loading, validation (errors name the file and the line), and what the
build indexes from it (the field ``sigle``)."""

from __future__ import annotations

import pytest

from undocs import analysis
from undocs.acronyms import DEFAULT_PATH, ExpansionFinder, load_acronyms
from undocs.errors import ConfigError


def test_the_archive_list_loads():
    entries = {a.id: a for a in load_acronyms(DEFAULT_PATH)}
    assert entries["otsc"].acronyms == ("OTSC", "CSTO")
    assert entries["otsc"].label == "OTSC = Organisation du Traité de sécurité collective"
    for wanted in ("onu", "tnp", "aiea", "tice", "otan", "osce", "cica", "oiac"):
        assert wanted in entries
    assert "UN" in entries["onu"].acronyms and "United Nations" in entries["onu"].expansions


def _write(tmp_path, text):
    path = tmp_path / "acronyms.yaml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = "- id: otan\n  acronyms: [OTAN, NATO]\n  expansions: [Organisation du Traité de l’Atlantique Nord]\n"


@pytest.mark.parametrize(
    "text, line, message",
    [
        (GOOD + "- id: otsc\n  acronyms: [otsc]\n  expansions: [Organisation du Traité de sécurité collective]\n", 4, "capital letters"),
        (GOOD + "- id: nato\n  acronyms: [NATO]\n  expansions: [North Atlantic Treaty Organization]\n", 4, "already a form of 'otan'"),
        (GOOD + "- id: x\n  acronyms: [XYZ]\n  expansions: [Organisation du traité de l'Atlantique nord]\n", 4, "already a form of 'otan'"),
        (GOOD + "- id: x\n  acronyms: [XYZ]\n  expansions: [de la]\n", 4, "only stop words"),
        (GOOD + "- id: x\n  acronyms: [XYZ]\n", 4, "missing field(s): expansions"),
        (GOOD + "- id: x\n  acronyms: [XYZ]\n  expansions: [Xyz]\n  note: y\n", 4, "unknown field(s): note"),
        (GOOD + "- id: Bad Id\n  acronyms: [XYZ]\n  expansions: [Xyz]\n", 4, "slug"),
        (GOOD + "- id: otan\n  acronyms: [XYZ]\n  expansions: [Xyz]\n", 4, "duplicate id"),
        (GOOD + "- id: x\n  acronyms: [UN]\n  expansions: [Xyz]\n", 4, "stop word"),
        (GOOD + "- id: x\n  acronyms: XYZ\n  expansions: [Xyz]\n", 4, "non-empty list"),
        (GOOD + "- id: x\n  acronyms: [XYZ, XYZ]\n  expansions: [Xyz]\n", 4, "listed twice"),
        (GOOD + "- id: x\n  acronyms: [XYZ\n", 6, "YAML syntax error"),  # where YAML notices
    ],
)
def test_bad_entries_are_named_with_their_line(tmp_path, text, line, message):
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_acronyms(path)
    assert caught.value.path == str(path) and caught.value.line == line, str(caught.value)
    assert message in caught.value.message


def test_empty_or_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="non-empty list"):
        load_acronyms(_write(tmp_path, "{}\n"))
    with pytest.raises(ConfigError, match="file not found"):
        load_acronyms(tmp_path / "none.yaml")
    assert load_acronyms(tmp_path / "none.yaml", optional=True) == ()


def test_expansions_found_in_analysed_text():
    finder = ExpansionFinder(load_acronyms(DEFAULT_PATH))
    text = "le Conseil de sécurité de l’Organisation des Nations unies et l'Organisation du Traité de l'Atlantique-Nord"
    assert finder.acronyms_in(analysis.analyze(text)) == ["ONU", "OTAN"]
    # the words apart are no expansion
    assert finder.acronyms_in(analysis.analyze("les Nations du monde sont unies")) == []
    assert finder.acronyms_in(analysis.analyze("the United Nations")) == ["ONU"]


def test_build_indexes_the_acronym_of_a_spelled_out_name(corpus):
    from undocs.search import index as search
    from undocs.views import build_views

    records = {r.paragraph.id: r for r in search.iter_records(build_views(corpus), load_acronyms(DEFAULT_PATH))}
    note = records["cd-2012-kazakhstan-otsc_note-verbale-2"]
    assert "Organisation du Traité de sécurité collective" in note.paragraph.text and "OTSC" in note.fields["sigle"].split()
    assert "ONU" in records["a-67-131_cuba-7"].fields["sigle"].split()
    assert records["a-67-131_espagne-21"].fields["sigle"] == ""  # it says "ONU" itself
