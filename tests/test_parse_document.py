"""A PDF's metadata: what its masthead says, what its sidecar adds or overrides, and what stays
unknown (``parse.document``). The PDF is S/RES/2776 (2025), a fixture; its facts were read on
its rendered first page (tests/fixtures/real/facts.yaml)."""

from __future__ import annotations

import shutil

from undocs.errors import Notice
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
