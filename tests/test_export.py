"""The data export: files, fields and types of the public contract, citations, stability."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import lzma

import pytest

from conftest import shared
from corpus_fixture import small_corpus, small_report
from undocs.citations import DOCUMENT_FILES, citation_files
from undocs.export import CSV_COLUMNS, FILES, download_sizes, export_data, packed_json_array, paragraph_files, spreadsheet_safe, unpacked_size
from undocs.views import build_views, short_title

STR, INT, NULL, LIST, DICT = str, int, type(None), list, dict


@pytest.fixture(scope=shared("module"))
def files() -> dict[str, bytes]:
    return export_data(small_corpus(), small_report())


def load(files, path):
    return json.loads(text_of(files[path]))


def text_of(data: bytes) -> str:
    """A file of the export as text: the JSON and CSV are published compressed with xz."""
    return (lzma.decompress(data) if data[:6] == b"\xfd7zXZ\x00" else data).decode("utf-8")


def test_every_file_is_written_utf8_with_trailing_newline(files):
    per_document = [f"documents/{d.id}/{name}" for d in small_corpus().documents for name in DOCUMENT_FILES.values()]
    assert sorted(files) == sorted([f["path"] for f in FILES] + per_document)
    for path, data in files.items():
        text = text_of(data)
        assert text.endswith("\n"), path
        if path.endswith((".json", ".json.xz")):
            assert "\\u" not in text  # ensure_ascii=False
            assert text.startswith(("[\n  {", "{\n  "))


def test_export_is_stable(files):
    assert export_data(small_corpus(), small_report()) == files


def test_the_json_and_csv_are_xz_files_with_nothing_that_varies(files):
    """xz file format: magic, stream flags CRC64 (0x00 0x04), no name or date anywhere, one
    stream (the footer's magic "YZ" at the end): the same corpus gives the same bytes. The
    archive-wide citations stay plain, for reference managers."""
    packed = sorted(p for p in files if p.startswith("data/") and p.endswith((".json.xz", ".csv.xz")))
    assert packed == ["data/citations.json.xz", "data/documents.json.xz", "data/paragraphs.csv.xz", "data/paragraphs.json.xz",
                      "data/report.json.xz", "data/states.json.xz", "data/topics.json.xz"]  # fmt: skip
    for path in packed:
        data = files[path]
        assert data[:8] == b"\xfd7zXZ\x00\x00\x04" and data[-2:] == b"YZ", path
        assert lzma.decompress(data, format=lzma.FORMAT_XZ), path
    # The archive's references: compressed, the same text as citation_files makes; each
    # document's own stay plain (a reference manager imports them as they are).
    plain = citation_files(small_corpus().documents)
    for path in ("data/citations.bib", "data/citations.ris", "data/citations.json"):
        assert path not in files and lzma.decompress(files[path + ".xz"], format=lzma.FORMAT_XZ) == plain[path], path
    assert files["documents/a-67-131/citation.bib"] == plain["documents/a-67-131/citation.bib"]
    assert files["documents/a-67-131/citation.bib"].startswith(b"@techreport")


def test_the_about_page_sizes_are_those_published_and_decompressed(files):
    sizes = download_sizes(files)
    data = files["data/paragraphs.json.xz"]
    assert sizes["data/paragraphs.json.xz"] == (len(data), len(lzma.decompress(data)))
    bib = files["data/citations.bib.xz"]
    assert sizes["data/citations.bib.xz"] == (len(bib), len(lzma.decompress(bib)))
    assert sizes["documents/a-67-131/citation.bib"] == (len(files["documents/a-67-131/citation.bib"]), None)


def test_records_have_the_documented_fields(files):
    for spec in FILES:
        if not spec["fields"]:
            continue
        data = load(files, spec["path"])
        records = data if isinstance(data, list) else [data]
        names = [name for name, _, _ in spec["fields"]]
        for record in records:
            for name in names:
                assert name in record, (spec["path"], name)


PARAGRAPH_TYPES = {
    "id": (STR,), "document": (STR,), "symbol": (STR, NULL), "cite_symbol": (STR,), "part": (STR,),
    "part_key": (STR,), "kind": (STR,), "state": (STR, NULL), "number": (INT, NULL), "seq": (INT,),
    "label": (STR,), "citation": (STR,), "text": (STR,), "blocks": (LIST,), "url": (STR,),
    "topics": (LIST,), "mentions": (LIST,), "source": (DICT,),
}  # fmt: skip


def test_paragraph_fields_are_typed(files):
    paragraphs = load(files, "data/paragraphs.json.xz")
    assert len(paragraphs) == 12
    for p in paragraphs:
        for name, types in PARAGRAPH_TYPES.items():
            assert isinstance(p[name], types), (p["id"], name, p[name])
        assert set(p["source"]) == {"file", "line_start", "line_end"}
        assert isinstance(p["source"]["line_start"], int)
        assert p["url"] == f"documents/{p['document']}/#{p['id']}"
        assert "\n" not in p["text"] and "  " not in p["text"]
        assert p["kind"] in ("paragraph", "item", "closing")


def test_paragraph_values(files):
    by_key = {p["id"]: p for p in load(files, "data/paragraphs.json.xz")}
    norway = by_key["a-67-131_norvege-4"]
    assert norway["citation"] == "A/67/131, réponse de la Norvège, § 4"
    assert norway["label"] == "§ 4" and norway["number"] is None and norway["seq"] == 4
    assert norway["part"] == "Norvège" and norway["part_key"] == "norvege"
    assert norway["state"] == "norvege" and norway["symbol"] == "A/67/131"
    assert norway["blocks"][0].startswith("Texte piégé <script>")
    assert norway["text"] == " ".join(norway["blocks"])
    assert norway["document"] == "a-67-131"
    assert norway["url"] == "documents/a-67-131/#a-67-131_norvege-4"
    assert norway["source"] == {"file": "a-67-131.fr.txt", "line_start": 56, "line_end": 57}
    intro = by_key["a-67-131_introduction-1"]
    assert intro["citation"] == "A/67/131, Introduction, § 1" and intro["number"] == 1
    note = by_key["cd-2012-kazakhstan-otsc_note-verbale-1"]
    assert note["symbol"] is None and note["cite_symbol"] == "A/66/823-S/2012/405"
    assert note["citation"] == "A/66/823-S/2012/405, note verbale du Kazakhstan, § 1"
    closing = by_key["cd-2012-kazakhstan-otsc_declaration-cloture"]
    assert closing["kind"] == "closing" and closing["label"] == "lieu et date" and closing["seq"] == 3
    assert closing["number"] is None and closing["state"] is None  # signed by several states


def test_documents(files):
    docs = load(files, "data/documents.json.xz")
    assert [d["id"] for d in docs] == ["a-67-131", "cd-2012-kazakhstan-otsc"]
    report, cd = docs
    assert report["date"] == "2012-07-10" and report["url"] == "documents/a-67-131/"
    assert report["format"] == "plaintext" and cd["format"] == "markdown"
    assert report["language"] == "fr" and report["original_languages"] == ["espagnol", "anglais", "russe"]
    assert report["paragraph_count"] == 8
    assert report["statements"][0] == {
        "state": "cuba", "role": "reply", "original_language": "espagnol", "date": "2012-06-05", "part": "cuba",
    }  # fmt: skip
    assert [p["key"] for p in report["parts"]] == ["introduction", "reponses-recues-gouvernements", "cuba", "norvege"]
    assert report["parts"][0] == {
        "key": "introduction", "title": "Introduction", "level": 1, "number": "I", "state": None, "paragraph_count": 2,
    }  # fmt: skip
    assert cd["symbol"] is None and cd["other_symbols"] == ["A/66/823-S/2012/405"]
    assert cd["cite_symbol"] == "A/66/823-S/2012/405"
    assert cd["statements"] == [
        {"state": "kazakhstan", "role": "sender", "original_language": None, "date": None, "part": "note-verbale"},
        {"state": "russie", "role": "signatory", "original_language": None, "date": None, "part": "declaration"},
        {"state": "kazakhstan", "role": "signatory", "original_language": None, "date": None, "part": "declaration"},
    ]


def test_states(files):
    states = load(files, "data/states.json.xz")
    # Alphabetical by French name: Cuba, Fédération de Russie, Kazakhstan, Norvège.
    assert [s["id"] for s in states] == ["cuba", "russie", "kazakhstan", "norvege"]
    by_id = {s["id"]: s for s in states}
    norway = by_id["norvege"]
    assert norway["url"] == "etats/norvege/" and norway["iso3"] == "NOR"
    assert norway["roles"] == [
        {"document": "a-67-131", "role": "reply"},
        {"document": "a-67-131", "role": "mentioned"},
        {"document": "cd-2012-kazakhstan-otsc", "role": "mentioned"},
    ]
    assert norway["paragraph_count"] == 4 and norway["mention_count"] == 2
    kaz = by_id["kazakhstan"]
    assert [r["role"] for r in kaz["roles"]] == ["mentioned", "sender", "signatory"]
    # Sender of the note (1 paragraph) and one of the signatories of the declaration (3).
    assert kaz["paragraph_count"] == 4 and kaz["mention_count"] == 1
    russia = by_id["russie"]
    assert [r["role"] for r in russia["roles"]] == ["signatory"] and russia["paragraph_count"] == 3
    cuba = by_id["cuba"]
    assert cuba["mention_count"] == 0  # its own paragraph naming it does not count


def test_topics(files):
    topics = load(files, "data/topics.json.xz")
    assert [t["id"] for t in topics] == ["multilateralisme", "desarmement-nucleaire", "armes-classiques"]
    nuclear = topics[1]
    assert nuclear["paragraphs"] == ["a-67-131_cuba-2", "a-67-131_norvege-4", "cd-2012-kazakhstan-otsc_declaration-2"]
    assert nuclear["paragraph_urls"][-1] == "documents/cd-2012-kazakhstan-otsc/#cd-2012-kazakhstan-otsc_declaration-2"
    assert nuclear["unbis"] == "http://metadata.un.org/thesaurus/1004485" and nuclear["url"] == "themes/desarmement-nucleaire/"
    assert topics[2]["unbis"] is None


def test_report(files):
    report = load(files, "data/report.json.xz")
    assert report["removals"] == [
        {"file": "a-67-131.fr.txt", "line": 407, "page": None, "text": "A/67/131", "rule": "symbol-header",
         "reason": "en-tête de page : cote du document"},
        {"file": "a-67-131.fr.txt", "line": 411, "page": None, "text": "912-41314", "rule": "job-number",
         "reason": "pied de page : numéro de page et numéro de tirage"},
    ]
    assert report["warnings"] == ["Un avertissement <em>échappé</em>."]


def test_csv(files):
    rows = list(csv.reader(io.StringIO(text_of(files["data/paragraphs.csv.xz"]))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 13
    records = [dict(zip(rows[0], r)) for r in rows[1:]]
    cuba = next(r for r in records if r["id"] == "a-67-131_cuba-2")
    assert cuba["topics"] == "desarmement-nucleaire|multilateralisme"
    assert cuba["mentions"] == "norvege|cuba"
    assert cuba["number"] == "" and cuba["seq"] == "2"
    assert cuba["source_file"] == "a-67-131.fr.txt" and (cuba["source_line_start"], cuba["source_line_end"]) == ("30", "30")
    norway = next(r for r in records if r["id"] == "a-67-131_norvege-4")
    assert (norway["source_line_start"], norway["source_line_end"]) == ("56", "57")
    assert "\r" not in text_of(files["data/paragraphs.csv.xz"])  # lines end with LF, as every file of the export
    assert cuba["citation"] == "A/67/131, réponse de Cuba, § 2"


@pytest.mark.parametrize("text", ["=1+2", "+33 1 23", "-2 dollars", "@SUM(A1)", "\tx", "\rx", "- Le désarmement"])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(text):
    """OWASP's CSV-injection guidance: a leading ``=``, ``+``, ``-``, ``@``, tab or CR gets a quote."""
    assert spreadsheet_safe(text) == "'" + text
    assert spreadsheet_safe("Le " + text) == "Le " + text  # only at the start of a cell
    assert spreadsheet_safe(-3) == -3 and spreadsheet_safe(None) is None


def test_csv_of_a_paragraph_that_begins_with_a_dash():
    """A real list item begins with a dash: the CSV neutralises it, the JSON keeps it exact."""
    corpus = small_corpus()
    doc = corpus.documents[0]
    part = doc.parts[0]
    first = part.paragraphs[0]
    hostile = dataclasses.replace(first, blocks=("- =HYPERLINK(\"https://evil.example\",\"x\")",))
    part = dataclasses.replace(part, paragraphs=(hostile,) + part.paragraphs[1:])
    doc = dataclasses.replace(doc, parts=(part,) + doc.parts[1:])
    corpus = dataclasses.replace(corpus, documents=(doc,) + corpus.documents[1:])
    out = export_data(corpus, small_report())
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(text_of(out["data/paragraphs.csv.xz"])))}
    assert rows[first.id]["text"] == "'- =HYPERLINK(\"https://evil.example\",\"x\")"
    record = next(p for p in load(out, "data/paragraphs.json.xz") if p["id"] == first.id)
    assert record["text"] == "- =HYPERLINK(\"https://evil.example\",\"x\")"
    assert record["blocks"] == ["- =HYPERLINK(\"https://evil.example\",\"x\")"]
    # No cell of the file begins with what a spreadsheet reads as a formula.
    for row in csv.reader(io.StringIO(text_of(out["data/paragraphs.csv.xz"]))):
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), row


def test_views_are_shared_and_consistent():
    views = build_views(small_corpus())
    assert views.count("cuba", "multilateralisme") == 2
    assert views.count("norvege", "armes-classiques") == 1
    assert views.count("kazakhstan", "multilateralisme") == 1  # a declaration it signed
    assert [p.id for p in views.state_mentions["kazakhstan"]] == ["a-67-131_norvege-4"]


def test_short_title():
    long = ("Déclaration conjointe des chefs des États membres de l'Organisation du Traité de sécurité collective "
            "– Fédération de Russie, République d'Arménie – faite à l'occasion du vingtième anniversaire")  # fmt: skip
    assert short_title(long) == "Déclaration conjointe des chefs des États membres de l'Organisation du Traité de sécurité collective"
    assert short_title("Note verbale*") == "Note verbale"
    assert short_title(" ".join(["mot"] * 20)) == " ".join(["mot"] * 12) + " …"


def test_signatories_speak_the_declarations_they_sign(corpus):
    """Roles come from the part's statements: each CSTO signatory speaks every paragraph of the
    declarations, so it counts among the states addressing their topics."""
    views = build_views(corpus)
    csto = ("armenie", "belarus", "kazakhstan", "kirghizistan", "russie", "tadjikistan")
    last = views.paragraphs[-1]  # paragraph 5 of the joint declaration
    assert sorted(views.speakers(last)) == sorted(csto)
    assert set(csto) <= set(views.topic_states("zones-exemptes"))
    assert "norvege" not in views.topic_states("zones-exemptes")


def test_the_citations_give_the_public_address_when_the_build_knows_it(files):
    """With --base-url the reference managers' files carry each document's address."""
    public = export_data(small_corpus(), small_report(), base_url="https://u.github.io/undocs/")
    assert "url = {https://u.github.io/undocs/documents/a-67-131/}" in lzma.decompress(public["data/citations.bib.xz"]).decode("utf-8")
    assert "UR  - https://u.github.io/undocs/documents/a-67-131/" in public["documents/a-67-131/citation.ris"].decode("utf-8")
    assert "https://u.github.io/" not in lzma.decompress(files["data/citations.bib.xz"]).decode("utf-8")


def test_the_json_is_written_as_json_dumps_with_two_spaces_writes_it(files):
    """Each JSON download, written record by record, is the exact text of
    ``json.dumps(data, ensure_ascii=False, indent=2)`` and a newline (a public contract:
    diff-able from one version to the next)."""
    for path in sorted(p for p in files if p.endswith(".json.xz")):
        text = text_of(files[path])
        assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n", path


def test_an_empty_list_is_an_empty_json_array():
    assert lzma.decompress(packed_json_array([])) == b"[]\n"
    assert lzma.decompress(packed_json_array([{"a": 1}])) == b'[\n  {\n    "a": 1\n  }\n]\n'
    empty = build_views(dataclasses.replace(small_corpus(), documents=()))
    out = paragraph_files(empty)
    assert lzma.decompress(out["data/paragraphs.json.xz"]) == b"[]\n"
    assert text_of(out["data/paragraphs.csv.xz"]) == ",".join(CSV_COLUMNS) + "\n"


def _copies(corpus, n: int):
    """The corpus's documents ``n`` times, each copy with its own ids (a large export)."""
    documents = []
    for k in range(n):
        for doc in corpus.documents:
            new_id = f"{doc.id}-{k}"
            parts = tuple(
                dataclasses.replace(part, paragraphs=tuple(
                    dataclasses.replace(p, id=p.id.replace(doc.id, new_id, 1), document=new_id) for p in part.paragraphs))
                for part in doc.parts
            )  # fmt: skip
            documents.append(dataclasses.replace(doc, id=new_id, parts=parts))
    return dataclasses.replace(corpus, documents=tuple(documents))


def test_a_large_export_is_whole_in_both_formats():
    """Past the CSV's 64 KB write buffer, every record is still there once, in order, and the
    CSV says what the JSON says."""
    views = build_views(_copies(small_corpus(), 200))
    out = paragraph_files(views)
    records = json.loads(lzma.decompress(out["data/paragraphs.json.xz"]))
    csv_text = text_of(out["data/paragraphs.csv.xz"])
    assert len(csv_text) > 4 * (1 << 16)
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    assert [r["id"] for r in rows] == [r["id"] for r in records] == [p.id for p in views.paragraphs]
    assert len(set(r["id"] for r in rows)) == len(rows)
    assert all(row["text"].lstrip("'") == record["text"] for row, record in zip(rows, records))


def test_each_compressed_download_is_xz_preset_2_with_crc64(files):
    """The downloads are what ``xz -2`` (CRC64 check) makes of their text, whether written whole
    (the report) or record by record (the others): the size and the integrity check the about
    page and docs/benchmarks.md describe, and the same bytes for the same data."""
    for path in sorted(p for p in files if p.endswith(".xz")):
        text = lzma.decompress(files[path])
        assert files[path] == lzma.compress(text, format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC64, preset=2), path
        assert unpacked_size(files[path]) == len(text), path
