"""The search index (Python side): files, format, and the reader cases of search_cases.yaml."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
import yaml

from undocs import analysis
from undocs.search import DOCS_PATH, INDEX_PATH, search_files
from undocs.search import index as search
from undocs.search.index import expand_index
from undocs.search.query import Searcher
from undocs.views import build_views

CASES = yaml.safe_load((Path(__file__).parent / "search_cases.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def files(corpus):
    return search_files(build_views(corpus))


@pytest.fixture(scope="module")
def searcher(files):
    return Searcher.from_files(files)


def test_files_are_compact_json(files):
    assert set(files) == {INDEX_PATH, DOCS_PATH, analysis.ANALYSIS_JSON_PATH}
    for path in (INDEX_PATH, DOCS_PATH):
        text = files[path].decode("utf-8")
        assert "\n" not in text and ": " not in text[:2000]  # no pretty-printing
        json.loads(text)


def test_payload_is_small(files):
    gz = sum(len(gzip.compress(files[p], 9)) for p in (INDEX_PATH, DOCS_PATH))
    assert gz < 40_000, gz


def test_index_covers_every_paragraph(corpus, files):
    store = json.loads(files[DOCS_PATH])
    ids = [p.id for d in corpus.documents for p in d.paragraphs]
    assert [p["i"] for p in store["p"]] == ids
    index = json.loads(files[INDEX_PATH])
    assert index["n"] == len(ids)
    assert index["pipeline"] == list(analysis.LABELS)
    assert [f for f, _ in index["f"]] == ["texte", "etat", "mention", "theme", "doc", "partie"]
    assert [row[0] for row in index["i"]] == sorted(row[0] for row in index["i"])


def test_compact_index_expands_to_what_lunr_py_built(corpus):
    views = build_views(corpus)
    records = search.index_records(views)
    index, stats = search.build_index(records)
    direct = index.serialize()
    expanded = expand_index(search.compact_index(index, stats))

    def by_term(data):
        names = {posting["_index"]: term for term, posting in data["invertedIndex"]}
        vectors = {ref: {names[v[i]]: v[i + 1] for i in range(0, len(v), 2)} for ref, v in data["fieldVectors"]}
        postings = {term: {f: set(refs) for f, refs in p.items() if f != "_index"} for term, p in data["invertedIndex"]}
        return vectors, postings

    assert by_term(expanded) == by_term(direct)


def test_store_records(files):
    store = json.loads(files[DOCS_PATH])
    states = [s for s, _ in store["e"]]
    topics = [t for t, _ in store["t"]]
    p = next(p for p in store["p"] if p["i"] == "a-67-131_norvege-4")
    assert p["c"] == "A/67/131, réponse de la Norvège, § 4"
    assert [states[i] for i in p["s"]] == ["norvege"]
    assert "desarmement-nucleaire" in [topics[i] for i in p["t"]]
    assert store["d"][p["d"]] == ["a-67-131", "A/67/131", "documents/a-67-131/"]
    # The CSTO declaration speaks for its six signatories.
    decl = next(p for p in store["p"] if p["i"] == "cd-2012-kazakhstan-otsc_declaration-13")
    assert {states[i] for i in decl["s"]} == {"russie", "armenie", "belarus", "kazakhstan", "kirghizistan", "tadjikistan"}
    assert "désarmement" in store["w"] and "desarmement" not in store["w"]


def test_state_aliases_are_indexed(corpus):
    records = search.index_records(build_views(corpus))
    record = next(r for r in records if r.paragraph.id == "cd-2012-kazakhstan-otsc_declaration-conjointe-1")
    assert "Kirghizistan" in record.fields["etat"] and "Kirghizstan" in record.fields["etat"]
    assert "Kyrgyzstan" in record.fields["etat"]


@pytest.mark.parametrize("case", CASES, ids=[c["q"] for c in CASES])
def test_search_case(searcher, case):
    hits, _ = searcher.answer(case["q"])
    top = [h.id for h in hits[:5]]
    missing = [i for i in case["top5"] if i not in top]
    assert not missing, f"{case['q']!r}: {missing} not in the top 5 {top} ({case['why']})"


def test_there_are_enough_cases():
    assert len(CASES) >= 40
    assert any("typo" in c["why"] for c in CASES)


def test_malformed_queries_fall_back_to_plain_words(searcher):
    for q in ("etat:", "~", '"desarmement', "desarmement:", "^", "*", ":", "+", "-", "etat:*", "nucl*~2^"):
        searcher.answer(q)  # never raises
    assert [h.id for h in searcher.search("etat:")] == [h.id for h in searcher.search("etat")]
    assert searcher.search('"norvège') and searcher.search("norvège:")


def test_stop_words_alone_find_nothing(searcher):
    assert searcher.answer("le la les de ")[0] == []


def test_prefix_while_typing(searcher):
    assert searcher.search("nucléai") and not searcher.search("nucléai ")
    assert {h.id for h in searcher.search("désarmement")} <= {h.id for h in searcher.search("désarm")}


def test_prohibited_and_required(searcher):
    with_nuclear = {h.id for h in searcher.search("armes nucleaires")}
    without = {h.id for h in searcher.search("armes -nucleaires")}
    assert with_nuclear and without and not (with_nuclear & without)
    assert {h.id for h in searcher.search("+otan russie")} == {"cd-2012-kazakhstan-otsc_declaration-13", "cd-2012-kazakhstan-otsc_declaration-14"}


def test_suggestion(searcher):
    hits, suggestion = searcher.answer("désarmemnt")
    assert suggestion == "désarmement" and hits
    assert searcher.answer("zzzzqqq") == ([], None)
