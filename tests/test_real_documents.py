"""Real UN PDFs, as editors download them, against facts a person read from their pages.

``tests/fixtures/real/facts.yaml`` holds what a reader saw on the rendered pages of the 150
PDFs of ``../shared/un-corpus/`` (symbols, date, organs, languages, job number, senders,
sponsors, the title's first words); it was written without running this project. Eight of
those PDFs are copied in ``tests/fixtures/real/pdf/`` and are read in every run. The whole
corpus is built when ``../shared/un-corpus/`` is beside the repository (CI has it): every
document builds with no sidecar, ``--strict`` refuses exactly the files that have no masthead,
symbols and dates are right for at least 98 % of the documents with a masthead and senders for
at least 95 % of the letters, no paragraph holds page furniture, and no word is lost.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import shared
from undocs.errors import SourceError
from undocs.lang import language_code, french_name
from undocs.pipeline import PROJECT, Options, build, load_corpus
from undocs.states import Gazetteer, load_states

FIXTURES = PROJECT / "tests" / "fixtures" / "real"
CORPUS = PROJECT.parent / "shared" / "un-corpus"
FACTS = {fact["file"]: fact for fact in yaml.safe_load((FIXTURES / "facts.yaml").read_text(encoding="utf-8"))}
GAZETTEER = Gazetteer(load_states(PROJECT / "data" / "states.yaml"))
#: Page furniture as a reader spots it in running text: a job number with its language letter,
#: "2/4" beside a job number, a barcode, the recycling line.
FURNITURE = re.compile(
    r"(?:GE\.)?\b\d{2}-\d{5}X?\*?\s*\([A-Z]\)|\b\d{1,3}/\d{1,3}\s+\d{2}-\d{5}\b|\b\d{2}-\d{5}\s+\d{1,3}/\d{1,3}\b"
    r"|\*\d{7,8}\*|Please recycle"
)
#: The ODS "document not found" page, saved under a symbol's name: not a UN document.
NOT_FOUND = {name for name, fact in FACTS.items() if fact["note"].startswith("NOT a UN document")}


def state_ids(names: list[str]) -> set[str]:
    ids = set()
    for name in names:
        state = GAZETTEER.resolve(name)
        assert state is not None, f"the fact names {name!r}, which the gazetteer does not know"
        ids.add(state.id)
    return ids


def seeds_of(folder: Path, files: list[Path]) -> Path:
    seeds = folder / "seeds"
    seeds.mkdir()
    for file in files:
        shutil.copy(file, seeds / file.name)
    return seeds


def agrees(doc, fact) -> dict[str, bool]:
    """Which facts the parsed document agrees with."""
    symbols = ([doc.symbol] if doc.symbol else []) + list(doc.other_symbols)
    statements = {s.role: set() for s in doc.statements}
    for s in doc.statements:
        statements[s.role].add(s.state)
    result = {
        "symbols": symbols == fact["symbols"],
        "date": doc.date == (str(fact["date"]) if fact["date"] else None),
    }
    if "senders" in fact:
        result["senders"] = statements.get("sender", set()) == state_ids(fact["senders"])
    if "sponsors" in fact:
        result["sponsors"] = statements.get("sponsor", set()) == state_ids(fact["sponsors"])
    return result


# --- the fixtures: always ---------------------------------------------------------------------

@pytest.fixture(scope=shared("module"))
def fixtures(tmp_path_factory):
    seeds = seeds_of(tmp_path_factory.mktemp("fixtures"), sorted((FIXTURES / "pdf").glob("*.pdf")))
    corpus, report, _texts = load_corpus(seeds, PROJECT / "data", strict=True)
    return {doc.source_file: doc for doc in corpus.documents}, report


def test_the_fixtures_are_real_pdfs_with_facts():
    files = sorted(p.name for p in (FIXTURES / "pdf").glob("*.pdf"))
    assert len(files) == 8 and all(name in FACTS for name in files)
    assert sum(p.stat().st_size for p in (FIXTURES / "pdf").glob("*.pdf")) <= 3 * 1024 * 1024


@pytest.mark.parametrize("name", sorted(p.name for p in (FIXTURES / "pdf").glob("*.pdf")))
def test_fixture_metadata_is_what_a_person_read(fixtures, name):
    docs, _report = fixtures
    doc, fact = docs[name], FACTS[name]
    assert agrees(doc, fact) == {key: True for key in agrees(doc, fact)}, (doc.symbol, doc.date, doc.statements)
    assert doc.language == fact["language"]
    assert doc.body == (", ".join(fact["organs"]) or None)
    assert list(doc.original_languages) == [french_name(language_code(name)) for name in fact["original"]]
    if doc.title is not None:  # an unread title stays unknown (a Notice), never another text
        assert doc.title.startswith(fact["title_starts"]) or fact["title_starts"] in doc.title, doc.title
    assert dict(doc.extra).get("Numéro de tirage") == fact["job_number"]


def test_fixture_structure(fixtures):
    docs, report = fixtures
    letter = docs["A_80_191.en.pdf"]  # a letter of 15 States with two annexes
    assert [p.title.split()[:2] for p in letter.parts if p.title.startswith("Annex")] == [["Annex", "I"], ["Annex", "II"]]
    assert [s.role for s in letter.parts[0].statements] == ["sender"] * 15
    note = docs["E_HLPF_2025_3.en.pdf"]  # numbered paragraphs and footnotes, read on its pages
    numbers = [p.number for p in note.paragraphs if p.number is not None]
    assert numbers[:5] == [1, 2, 3, 4, 5] and numbers == sorted(numbers)
    assert sum(len(part.footnotes) for part in note.parts) >= 1
    record = docs["A_79_PV.64.en.pdf"]  # the verbatim record: each speaker a part, with the state
    speakers = {s.state for s in record.statements if s.role == "speaker"}
    assert {"congo", "etats-unis"} <= speakers
    assert not any(FURNITURE.search(p.text) for d in docs.values() for p in d.paragraphs)
    assert {r.rule for r in report.removals} >= {"symbol-header", "job-number", "page-number", "barcode"}


def paragraph_with(doc, words: str):
    (found,) = [p for p in doc.paragraphs if words in " ".join(p.text.split())]
    return found


def test_fixture_topics_and_states_in_english(fixtures):
    """Topics and states of English paragraphs, found with the English terms and names; each
    sentence was read on the PDF's page."""
    docs, _report = fixtures
    record = docs["A_79_PV.64.en.pdf"]
    assert record.language == "en"
    # Page 16, Iran's explanation of vote: "… my delegation's principled position on the need
    # for the peaceful settlement of disputes, in accordance with international law, and to
    # underline the need for full respect for the sovereignty and territorial integrity of all
    # States. … cooperation between the United Nations and the Council of Europe …"
    vote = paragraph_with(record, "need for the peaceful settlement of disputes, in accordance with international law")
    assert {"reglement-pacifique", "droit-international", "nations-unies"} <= set(vote.topics)
    # Page 16: "The Islamic Republic of Iran rejects all attempts leading to political isolation"
    assert "iran" in paragraph_with(record, "The Islamic Republic of Iran rejects all attempts").mentions
    resolution = docs["S_RES_2776 (2025).en.pdf"]
    # Page 3: "Noting with concern smuggling and trafficking of weapons, military equipment and
    # ammunition in contravention of the measures imposed by the Security Council …"
    smuggling = paragraph_with(resolution, "smuggling and trafficking of weapons, military equipment and ammunition")
    assert {"armes-classiques", "nations-unies"} <= set(smuggling.topics)
    # Page 3: "Recognising that Al-Shabaab poses a threat to peace and security in Somalia, and
    # that its terrorist and other activities pose a security threat to the region, … preventing
    # access to weapons and ammunition …"
    threat = paragraph_with(resolution, "its terrorist and other activities pose a security threat")
    assert {"terrorisme", "armes-classiques"} <= set(threat.topics)
    assert "somalie" in threat.mentions
    letter = docs["A_79_903.en.pdf"]
    # Page 1: "We have the honour to transmit herewith the joint Declaration of the Russian
    # Federation and the Republic of Belarus on the Strengthening of the Role of International
    # Law …"
    declaration = paragraph_with(letter, "the joint Declaration of the Russian Federation and the Republic of Belarus")
    assert {"russie", "belarus"} <= set(declaration.mentions)
    assert "droit-international" in declaration.topics


def test_the_fixtures_build_under_strict_with_every_word(tmp_path):
    seeds = seeds_of(tmp_path, sorted((FIXTURES / "pdf").glob("*.pdf")))
    options = Options(seeds=seeds, out=tmp_path / "site", data=PROJECT / "data", templates=PROJECT / "templates",
                      static=PROJECT / "static", strict=True, jobs=1)
    summary = build(options)  # --strict: a lost word or a wrongly removed line is an error
    assert summary.documents == 8
    assert [w for w in summary.warnings if "left unknown" not in w] == []  # only fields not printed
    assert len(summary.warnings) <= 1
    page = (tmp_path / "site" / "documents" / "a-80-191" / "index.html").read_text(encoding="utf-8")
    assert 'lang="en"' in page and "International Tropical Timber Organization" in page


# --- the whole corpus: when ../shared/un-corpus/ is there ------------------------------------

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"{CORPUS} is not there (CI has it): the whole corpus is not read")


@pytest.fixture(scope=shared("module"))
def corpus_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    seeds = seeds_of(folder, sorted(CORPUS.glob("*.pdf")))
    options = Options(seeds=seeds, out=folder / "site", data=PROJECT / "data", templates=PROJECT / "templates",
                      static=PROJECT / "static", strict=False, jobs=2)
    summary = build(options)
    corpus, _report, _texts = load_corpus(seeds, PROJECT / "data")
    return seeds, summary, {doc.source_file: doc for doc in corpus.documents}


@needs_corpus
def test_every_real_pdf_builds_without_sidecar_and_keeps_every_word(corpus_build):
    _seeds, summary, docs = corpus_build
    assert set(FACTS) == {p.name for p in CORPUS.glob("*.pdf")}
    assert set(docs) == set(FACTS) - NOT_FOUND
    assert [w for w in summary.warnings if "of the source" in w] == []  # no word lost, none removed wrongly
    left_out = {w.split(":")[0] for w in summary.warnings if w.endswith("(left out of the archive)")}
    assert left_out == NOT_FOUND
    assert not [p.id for d in docs.values() for p in d.paragraphs if FURNITURE.search(p.text)]


@needs_corpus
def test_strict_refuses_exactly_the_files_without_a_masthead(corpus_build, tmp_path):
    seeds, _summary, _docs = corpus_build
    without = {name for name, fact in FACTS.items() if not fact["symbols"]}
    options = Options(seeds=seeds, out=tmp_path / "site", data=PROJECT / "data", templates=PROJECT / "templates",
                      static=PROJECT / "static", strict=True, jobs=1)
    with pytest.raises(SourceError) as refused:
        build(options)
    named = set(re.findall(r"(?:: |; )([^;]+?\.pdf):", str(refused.value)))
    assert named == without


@needs_corpus
def test_symbols_dates_and_senders_agree_with_what_a_person_read(corpus_build):
    _seeds, _summary, docs = corpus_build
    with_masthead = [name for name, fact in FACTS.items() if fact["symbols"]]
    results = {name: agrees(docs[name], FACTS[name]) for name in with_masthead}
    symbols = sum(r["symbols"] for r in results.values()) / len(results)
    dates = sum(r["date"] for r in results.values()) / len(results)
    letters = [r["senders"] for r in results.values() if "senders" in r]
    misses = {name: [k for k, ok in r.items() if not ok] for name, r in results.items() if not all(r.values())}
    assert len(with_masthead) >= 140 and len(letters) >= 40
    assert symbols >= 0.98 and dates >= 0.98, misses
    assert sum(letters) / len(letters) >= 0.95, misses
