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


@pytest.mark.parametrize("written,read", [
    ('"2012"', "2012"), ("2012", "2012"), ('"2012-06"', "2012-06"), ('"2012-06-05"', "2012-06-05"),
    ("2012-06-05", "2012-06-05"),  # a YAML date, unquoted
])  # fmt: skip
def test_a_sidecar_date_is_iso_with_the_precision_it_has(seeds, written, read):
    edit(seeds / "a-67-131.fr.yaml", 'date: "2012"', f"date: {written}")
    assert discover(seeds)[0].date == read


@pytest.mark.parametrize("written,shown", [
    ('"5 juin 2012"', "5 juin 2012"), ('"05/06/2012"', "05/06/2012"), ('"2012-6"', "2012-6"),
    ('"2012-13"', "2012-13"), ('"2012-02-30"', "2012-02-30"), ('"2012-06-05T10:00"', "2012-06-05T10:00"),
    ("2012.5", "2012.5"), ("true", "True"), ("[2012]", "[2012]"),
])  # fmt: skip
def test_a_sidecar_date_that_is_not_iso_is_refused_with_its_line(seeds, written, shown):
    """The date of a text source is its sidecar's, shown and exported as is: it must be a date
    ISO 8601 can write, of a month and day that exist. Line 6 of the sidecar holds it."""
    assert (seeds / "a-67-131.fr.yaml").read_text(encoding="utf-8").splitlines()[5].startswith('date: "2012"')
    edit(seeds / "a-67-131.fr.yaml", 'date: "2012"', f"date: {written}")
    with pytest.raises(SourceError) as info:
        discover(seeds)
    assert str(info.value) == f"{seeds / 'a-67-131.fr.yaml'}:6: date {shown!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"


def test_an_error_in_a_part_names_the_line_of_its_entry(seeds):
    """The first entry of the CSTO sidecar's parts starts at line 20 ("- title: Note verbale");
    its title is also the start of the document's title (line 7), which is not where it is."""
    sidecar = seeds / "cd-2012-kazakhstan-otsc.fr.yaml"
    assert sidecar.read_text(encoding="utf-8").splitlines()[19] == "  - title: Note verbale"
    edit(sidecar, "    role: sender", "    role: speaker")
    with pytest.raises(SourceError) as info:
        discover(seeds)
    assert str(info.value) == f"{sidecar}:20: unknown role 'speaker' (expected one of: sender, signatory)"


# --- every check of a sidecar: the file, the line and the message ---------------------------

TEXT = "  I. Introduction\n\n 1. Le texte.\n"


def folder(tmp_path, sidecar: str | None, source: str = "x.fr.txt", text: str = TEXT, extra_files: dict | None = None):
    """A seeds folder with one source, its sidecar (as written), and other files."""
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    if source:
        (seeds / source).write_text(text, encoding="utf-8")
    if sidecar is not None:
        (seeds / (source.split(".")[0] + ".fr.yaml" if source.endswith((".txt", ".md")) else "x.yaml")).write_text(sidecar, encoding="utf-8")
    for name, data in (extra_files or {}).items():
        (seeds / name).write_bytes(data)
    return seeds


#: A good sidecar for x.fr.txt, one field a line (line 1: symbol … line 7: format).
GOOD = ('symbol: A/1/2\ntitle: "  Un titre  "\ndate: "2012"\nbody: Assemblée\nlanguage: fr\n'
        "original_languages: anglais\nformat: plaintext\n")


@pytest.mark.parametrize("sidecar,line,message", [
    ("- a\n- b\n", 1, "a sidecar must be a YAML mapping of metadata fields"),
    ("texte\n", 1, "a sidecar must be a YAML mapping of metadata fields"),
    (GOOD + "source: autre.txt\n", 8, "source file 'autre.txt' not found beside the sidecar"),
    (GOOD + "source: ../x.fr.txt\n", 8, "source file '../x.fr.txt' not found beside the sidecar"),
    (GOOD.replace("format: plaintext", "format: markdown"), 7, "format 'markdown' does not match the source file x.fr.txt"),
    (GOOD.replace("format: plaintext", "format: [plaintext]"), 7, "unknown format ['plaintext'] (expected one of: plaintext, markdown, pdf)"),
    (GOOD.replace("body: Assemblée\n", "").replace("language: fr\n", ""), None, "missing required field(s): body, language"),
    (GOOD.replace("title: \"  Un titre  \"", "title:"), 2, "field 'title' is empty"),
    (GOOD.replace("original_languages: anglais", "original_languages: ''"), 6, "field 'original_languages' is empty"),
    (GOOD + "id: Mon_Document\n", 8, "id 'Mon_Document' must be lower-case letters, digits and hyphens"),
    (GOOD + "extra: [Type, Rapport]\n", 8, "extra must be a mapping of label: value"),
    (GOOD + "other_symbols: {a: b}\n", 8, "other_symbols must be a text or a list of texts"),
    (GOOD.replace("original_languages: anglais", "original_languages: [anglais, null]"), 6, "original_languages must be a text or a list of texts"),
    (GOOD + "parts: Introduction\n", 8, "parts must be a list"),
    (GOOD + "parts:\n  - id: intro\n", 9, "each entry of parts needs a title (the beginning of the part's title)"),
    (GOOD + "parts:\n  - title: Intro\n  - Texte\n", 10, "each entry of parts needs a title (the beginning of the part's title)"),
    (GOOD + "parts:\n  - title: Intro\n    role: reply\n    states: [cuba]\n", 9, "unknown role 'reply' (expected one of: sender, signatory)"),
    (GOOD + "parts:\n  - title: Intro\n  - title: Texte\n    states: [cuba]\n", 10, "a part's role and states go together"),
    (GOOD + "parts:\n  - title: Intro\n    role: sender\n    states: {a: b}\n", 9, "states must be a text or a list of texts"),
    (GOOD + "parts:\n  - title: Intro\n    id: Intro\n", 9, "part id 'Intro' must be lower-case letters, digits and hyphens"),
])  # fmt: skip
def test_each_fault_of_a_sidecar_is_named_with_its_line(tmp_path, sidecar, line, message):
    seeds = folder(tmp_path, sidecar)
    with pytest.raises(SourceError) as info:
        discover(seeds)
    assert (info.value.path, info.value.line, info.value.message) == (str(seeds / "x.fr.yaml"), line, message)


@pytest.mark.parametrize("files,where,message", [
    ({}, "seeds", "no documents found (expected x.pdf, or pairs like x.fr.txt + x.fr.yaml)"),
    ({"README.md": b"# Les documents\n", ".cache": b"x"}, "seeds", "no documents found (expected x.pdf, or pairs like x.fr.txt + x.fr.yaml)"),
    ({"x.fr.yaml": GOOD.encode()}, "x.fr.yaml", "no source file x.fr.pdf, .txt or .md beside this sidecar"),
    ({"notes": b"x"}, "notes", "unsupported kind of file '(no extension)' (expected one of: .txt, .md, .pdf, with .yaml sidecars)"),
    ({"notes.docx": b"x"}, "notes.docx", "unsupported kind of file '.docx' (expected one of: .txt, .md, .pdf, with .yaml sidecars)"),
])  # fmt: skip
def test_each_fault_of_a_seeds_folder_is_named(tmp_path, files, where, message):
    seeds = folder(tmp_path, None, source="", extra_files=files)
    with pytest.raises(SourceError) as info:
        discover(seeds)
    assert (info.value.path, info.value.line, info.value.message) == (str(seeds if where == "seeds" else seeds / where), None, message)


def test_a_missing_seeds_folder_is_named(tmp_path):
    with pytest.raises(SourceError) as info:
        discover(tmp_path / "nowhere")
    assert (info.value.path, info.value.message) == (str(tmp_path / "nowhere"), "seeds folder not found")


def test_what_a_good_sidecar_gives(tmp_path):
    sidecar = GOOD + ("other_symbols: [S/2012/1, 12]\njob_number: ' 12-41314 '\nextra:\n  Type: Rapport\n  Cote: 12\n"
                      "unknown: 5\nparts:\n  - title: Introduction\n    id: intro\n    role: sender\n    states: cuba\n  - title: II\n")
    seeds = folder(tmp_path, sidecar, extra_files={"README.md": b"# notes\n", ".x.fr.txt": b"cach\xe9"})
    [source] = discover(seeds)
    assert (source.id, source.path, source.sidecar, source.format) == ("x", seeds / "x.fr.txt", seeds / "x.fr.yaml", "plaintext")
    assert (source.symbol, source.other_symbols, source.title, source.date, source.body, source.language) == (
        "A/1/2", ("S/2012/1", "12"), "Un titre", "2012", "Assemblée", "fr")
    assert source.original_languages == ("anglais",) and source.job_number == "12-41314"
    assert source.extra == (("Type", "Rapport"), ("Cote", "12"))
    assert [(r.title, r.key, r.role, r.states, r.line) for r in source.parts] == [
        ("Introduction", "intro", "sender", ("cuba",), 15), ("II", None, None, (), 19)]
    assert source.given == {"symbol", "title", "date", "body", "language", "original_languages", "format",
                            "other_symbols", "job_number", "extra", "unknown", "parts"}
    assert source.text == TEXT


def test_a_sidecar_may_name_its_source_and_end_in_yml(tmp_path):
    seeds = folder(tmp_path, None, extra_files={"meta.yml": (GOOD + "source: x.fr.txt\nid: mon-id\n").encode()})
    [source] = discover(seeds)
    assert (source.id, source.path.name, source.sidecar.name) == ("mon-id", "x.fr.txt", "meta.yml")


def test_a_pdf_needs_no_sidecar_and_its_sidecar_no_field(tmp_path):
    pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"  # a PDF's binary comment: not text
    seeds = folder(tmp_path, None, source="", extra_files={"B.PDF": pdf, "a.pdf": pdf, "a.yaml": b"title: Titre\nbody: ''\n"})
    by_name = {s.path.name: s for s in discover(seeds)}
    assert [s.path.name for s in discover(seeds)] == ["B.PDF", "a.pdf"]
    assert (by_name["B.PDF"].sidecar, by_name["B.PDF"].format, by_name["B.PDF"].id, by_name["B.PDF"].given) == (None, "pdf", None, frozenset())
    assert (by_name["a.pdf"].sidecar, by_name["a.pdf"].title, by_name["a.pdf"].id, by_name["a.pdf"].date) == (seeds / "a.yaml", "Titre", None, None)
    assert by_name["a.pdf"].given == {"title", "body"} and by_name["a.pdf"].body is None
    for source in by_name.values():
        assert (source.other_symbols, source.original_languages, source.parts, source.extra, source.job_number) == ((), (), (), (), None)


def test_two_documents_with_one_id_or_symbol_are_refused(tmp_path):
    seeds = folder(tmp_path, GOOD)
    (seeds / "y.fr.txt").write_text(TEXT, encoding="utf-8")
    (seeds / "y.fr.yaml").write_text(GOOD.replace("A/1/2", "A/1/3") + "id: x\n", encoding="utf-8")
    with pytest.raises(SourceError) as info:
        discover(seeds)
    assert (info.value.path, info.value.line, info.value.message) == (str(seeds / "y.fr.yaml"), None, "duplicate document id 'x' (also used by x.fr.yaml)")
    (seeds / "y.fr.yaml").write_text("other_symbols: [S/1]\n" + GOOD, encoding="utf-8")
    with pytest.raises(SourceError) as info:
        discover(seeds)
    assert (info.value.path, info.value.line, info.value.message) == (str(seeds / "y.fr.yaml"), 2, "duplicate symbol 'A/1/2' (also used by x.fr.yaml)")
    # PDFs without a sidecar are told apart later, by the symbols their mastheads print.
    (seeds / "y.fr.yaml").unlink()
    (seeds / "y.fr.txt").unlink()
    for name in ("p.pdf", "q.pdf"):
        (seeds / name).write_bytes(b"%PDF-1.4")
    assert [s.path.name for s in discover(seeds)] == ["p.pdf", "q.pdf", "x.fr.txt"]


def test_a_sidecar_may_give_the_format_of_a_file_of_another_extension(tmp_path):
    seeds = folder(tmp_path, None, source="", extra_files={"notes.text": TEXT.encode(), "notes.yaml": (GOOD + "source: notes.text\n").encode()})
    [source] = discover(seeds)
    assert (source.path.name, source.format, source.id, source.job_number) == ("notes.text", "plaintext", "notes", None)
    (seeds / "notes.yaml").write_text(GOOD.replace("format: plaintext\n", "") + "source: notes.text\n", encoding="utf-8")
    with pytest.raises(SourceError) as info:
        discover(seeds)
    assert (info.value.path, info.value.line, info.value.message) == (
        str(seeds / "notes.yaml"), None, "unsupported kind of file '.text': give format (plaintext or markdown)")


def test_documents_without_a_symbol_share_none(tmp_path):
    seeds = folder(tmp_path, GOOD.replace("symbol: A/1/2", "symbol: null"))
    (seeds / "y.fr.txt").write_text(TEXT, encoding="utf-8")
    (seeds / "y.fr.yaml").write_text(GOOD.replace("symbol: A/1/2", "symbol:"), encoding="utf-8")
    assert [(s.id, s.symbol) for s in discover(seeds)] == [("x", None), ("y", None)]
