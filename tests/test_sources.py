"""Finding documents and reading sidecars: every problem is one error naming the file (and line)."""

from __future__ import annotations

import shutil

import pytest

from conftest import SEEDS, edit
from undocs.errors import SourceError
from undocs.sources import discover


def test_the_two_seeds_are_found_with_their_metadata():
    sources = discover(SEEDS)
    assert [(s.id, s.format, s.symbol) for s in sources] == [
        ("a-67-131", "plaintext", "A/67/131"),
        ("cd-2012-kazakhstan-otsc", "markdown", None),
    ]
    assert sources[1].other_symbols == ("A/66/823-S/2012/405",)
    assert sources[1].date == "2012-09-07" and sources[0].date == "2012"


def test_a_third_document_is_just_two_more_files(seeds):
    shutil.copy(seeds / "a-67-131.fr.txt", seeds / "a-67-999.fr.txt")
    (seeds / "a-67-999.fr.yaml").write_text(
        (seeds / "a-67-131.fr.yaml").read_text(encoding="utf-8").replace("symbol: A/67/131", "symbol: A/67/999"),
        encoding="utf-8")
    assert [s.id for s in discover(seeds)] == ["a-67-131", "a-67-999", "cd-2012-kazakhstan-otsc"]


def test_missing_sidecar(seeds):
    (seeds / "a-67-131.fr.yaml").unlink()
    with pytest.raises(SourceError, match=r"a-67-131\.fr\.txt: no metadata sidecar .*expected a-67-131\.fr\.yaml"):
        discover(seeds)


def test_yaml_syntax_error_names_file_and_line(seeds):
    edit(seeds / "a-67-131.fr.yaml", "body: Assemblée générale", "body: [Assemblée générale")
    with pytest.raises(SourceError) as info:
        discover(seeds)
    assert info.value.path.endswith("a-67-131.fr.yaml") and info.value.line is not None
    assert "YAML syntax error" in str(info.value)


def test_missing_required_field(seeds):
    edit(seeds / "a-67-131.fr.yaml", "body: Assemblée générale\n", "")
    with pytest.raises(SourceError, match=r"a-67-131\.fr\.yaml: missing required field\(s\): body"):
        discover(seeds)


def test_unknown_format_with_its_line(seeds):
    edit(seeds / "a-67-131.fr.yaml", "format: plaintext", "format: docx")
    with pytest.raises(SourceError, match=r"a-67-131\.fr\.yaml:\d+: unknown format 'docx'"):
        discover(seeds)


def test_format_that_contradicts_the_file_with_its_line(seeds):
    edit(seeds / "a-67-131.fr.yaml", "format: plaintext", "format: pdf")
    with pytest.raises(SourceError, match=r"a-67-131\.fr\.yaml:\d+: format 'pdf' does not match the source file a-67-131\.fr\.txt"):
        discover(seeds)


def test_a_pdf_needs_no_sidecar_but_another_file_does(seeds):
    (seeds / "notes.docx").write_bytes(b"PK\x03\x04")
    with pytest.raises(SourceError, match=r"notes\.docx: unsupported kind of file '\.docx'"):
        discover(seeds)


def test_empty_source(seeds):
    (seeds / "a-67-131.fr.txt").write_text("  \n\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"a-67-131\.fr\.txt: the document is empty"):
        discover(seeds)


def test_non_utf8_source_names_the_line(seeds):
    (seeds / "a-67-131.fr.txt").write_bytes("Ligne un\nd\xe9sarmement\n".encode("latin-1"))
    with pytest.raises(SourceError, match=r"a-67-131\.fr\.txt:2: not valid UTF-8"):
        discover(seeds)


def test_duplicate_symbol(seeds):
    edit(seeds / "cd-2012-kazakhstan-otsc.fr.yaml", "other_symbols: [A/66/823-S/2012/405]", "other_symbols: [A/67/131]")
    with pytest.raises(SourceError, match=r"duplicate symbol 'A/67/131' \(also used by a-67-131\.fr\.yaml\)"):
        discover(seeds)


def test_byte_order_mark_and_crlf_are_read(seeds):
    path = seeds / "a-67-131.fr.txt"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    source = discover(seeds)[0]
    assert "\r" not in source.text and not source.text.startswith("\ufeff")
