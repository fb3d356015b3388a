"""The search: the index files the build writes (format, weights, store), and the reader cases of
search_cases.yaml and the query features run on the page's own query code (static/js/search/,
under Node: tests/js_search.py)."""

from __future__ import annotations

import gzip
import itertools
import json
import shutil
from pathlib import Path

import pytest
import yaml

from undocs import analysis
from undocs.acronyms import load_acronyms
from undocs.search import FACETS_PATH, LEXICON_PATH, META_PATH, filter_path, iter_search_files, packed, page_path, shard_path, unpacked, write_search_files
from undocs.search import index as search
from undocs.search.shards import order, shard_of
from undocs.views import build_views

from js_search import NodeSearch

CASES = yaml.safe_load((Path(__file__).parent / "search_cases.yaml").read_text(encoding="utf-8"))
#: The cases on the seeds, and those on the seeds plus the real PDFs of the fixtures.
SEED_CASES = [c for c in CASES if c.get("corpus") != "fixtures"]
FIXTURE_CASES = [c for c in CASES if c.get("corpus") == "fixtures"]
REAL_PDFS = Path(__file__).parent / "fixtures" / "real" / "pdf"


@pytest.fixture(scope="module")
def files(corpus):
    return dict(iter_search_files(build_views(corpus)))


@pytest.fixture(scope="module")
def searcher(files, tmp_path_factory):
    with NodeSearch(files, tmp_path_factory.mktemp("search")) as engine:
        yield engine


def _json(files, path):
    return unpacked(files[path])


def _pages(files):
    meta = _json(files, META_PATH)
    return [p for n in range(-(-meta["n"] // meta["ps"])) for p in _json(files, page_path(n))["p"]]


def test_files_are_compact_json(files):
    meta = _json(files, META_PATH)
    shards = {shard_path(n) for n in range(len(meta["k"]))}
    pages = {page_path(n) for n in range(-(-meta["n"] // meta["ps"]))}
    assert len(shards) > 1 and len(pages) > 1  # the seeds are already split
    filters = {filter_path("etat", s[0]) for s in meta["e"]} | {filter_path("theme", t[0]) for t in meta["t"]}
    assert set(files) == {META_PATH, FACETS_PATH, LEXICON_PATH, analysis.ANALYSIS_JSON_PATH, *shards, *pages, *filters}
    for path in set(files) - {analysis.ANALYSIS_JSON_PATH}:
        data = files[path]
        if path != META_PATH:  # stored gzipped, the same bytes for the same file
            assert path.endswith(".json.gz") and data == packed(gzip.decompress(data))
            data = gzip.decompress(data)
        text = data.decode("utf-8")
        data = json.loads(text)  # no pretty-printing: exactly the compact dump
        assert text == json.dumps(data, ensure_ascii=False, separators=(",", ":")), path
        assert data["v"] == 2


def test_a_query_downloads_little(files):
    """What one word needs before its first results: meta.json, a shard, a few store pages."""
    gz = {path: len(data) if path.endswith(".gz") else len(gzip.compress(data, 9)) for path, data in files.items()}
    meta = _json(files, META_PATH)
    largest_shard = max(gz[shard_path(n)] for n in range(len(meta["k"])))
    largest_pages = sorted((gz[p] for p in gz if p.startswith(page_path(0)[:-9])), reverse=True)[:3]
    assert gz[META_PATH] + largest_shard + sum(largest_pages) < 25_000, (gz[META_PATH], largest_shard, largest_pages)


def test_index_covers_every_paragraph(corpus, files):
    ids = [p.id for d in corpus.documents for p in d.paragraphs]
    assert [p["i"] for p in _pages(files)] == ids
    meta = _json(files, META_PATH)
    assert meta["n"] == len(ids)
    assert meta["pipeline"] == list(analysis.LABELS)
    assert [f for f, _ in meta["f"]] == ["texte", "etat", "mention", "theme", "doc", "partie", "sigle"]
    terms = _json(files, LEXICON_PATH)["t"]
    assert terms == sorted(terms, key=order) and len(terms) > 1000
    # Each shard holds exactly the terms and words of its key range, in order.
    bounds = meta["k"]
    seen = []
    for n in range(len(bounds)):
        shard = _json(files, shard_path(n))
        rows = [row[0] for row in shard["t"]]
        assert rows == sorted(rows, key=order)
        assert all(shard_of(t, bounds) == n for t in rows)
        assert all(shard_of(analysis.normalize(w), bounds) == n for w in shard["w"])
        seen += rows
    assert seen == terms


def test_the_lexicon_counts_the_paragraphs_of_each_word(corpus, files):
    """A suggestion is ranked by the number of paragraphs its term is in (any field), counted
    here from each record's runs, each word through the analysis of its run's language,
    independently of the index's own count."""
    having: dict[str, int] = {}
    for record in search.iter_records(build_views(corpus), load_acronyms()):
        terms = {t for runs in record.runs.values() for text, lang in runs
                 for word in analysis.tokenize(text, lang or "en") for t in analysis.terms(word, lang)}  # fmt: skip
        for term in terms:
            having[term] = having.get(term, 0) + 1
    lexicon = _json(files, LEXICON_PATH)["w"]
    checked = [(w, df) for w, df in lexicon if analysis.term(w)]
    assert len(checked) > 1000
    for word, df in checked:
        assert df == having.get(analysis.term(word), 0), word
    # Read in the source: Turkmenistan's reply in A/67/131 has at least six paragraphs, each indexed
    # under its name (the speaking state's field).
    assert dict(lexicon)["turkménistan"] >= 6



def _generated_corpus(tmp_path_factory):
    """Eight documents of bench/corpus.py (the seeds and six generated ones, both kinds)."""
    import importlib.util
    import sys

    from conftest import ROOT
    from undocs.pipeline import load_corpus

    spec = importlib.util.spec_from_file_location("bench_corpus_for_search", ROOT / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    seeds = tmp_path_factory.mktemp("generated") / "seeds"
    module.generate(8, seeds, seed=11)
    return load_corpus(seeds, ROOT / "data")[0]


def _builder_by_language():
    """A lunr.py Builder whose one pipeline function runs each field run ("fr\x1ftext", given as
    a list: one lunr token per run) through the registered pipeline of the run's language, and
    a run of unknown language ("both") token by token through both, keeping distinct terms."""
    from lunr.pipeline import Pipeline

    builder = analysis.make_builder(ref="ref", fields=[{"field_name": n, "boost": b} for n, b in search.FIELDS])
    pipelines = {lang: analysis.register(Pipeline(), lang) for lang in analysis.LANGUAGES}

    def by_language(token, i=None, tokens=None):
        lang, _, text = token.string.partition("\x1f")
        token.update(lambda s, metadata: text)
        if lang != "both":
            return pipelines[lang].run([token])
        out = []
        for surface in pipelines["en"]._stack[0](token):  # the English trimmer: tokens before elision
            terms = [str(t) for lang in ("fr", "en") for t in pipelines[lang].run([surface.clone()])]
            out.extend(surface.clone(lambda s, metadata, t=t: t) for t in dict.fromkeys(terms))
        return out

    builder.pipeline.reset()
    builder.pipeline.add(by_language)
    return builder


@pytest.mark.parametrize("which", ["seeds", "generated"])
def test_weights_are_lunr_py_field_vectors(which, corpus, tmp_path_factory):
    """The postings of the shards are, term for term and weight for weight, the field vectors
    and inverted index lunr.py's Builder makes when it analyses the text itself, token by
    token, each run of a field through the pipeline of its language (``analysis.LABELS``,
    ``analysis.LABELS_EN``, both for a text of unknown language): the build analyses each word
    once and weighs the terms with lunr's formula."""
    if which == "generated":
        corpus = _generated_corpus(tmp_path_factory)
    views = build_views(corpus)
    files = dict(iter_search_files(views))
    builder = _builder_by_language()
    for record in search.iter_records(views, load_acronyms()):
        builder.add({"ref": record.ref, **{name: [f"{lang or 'both'}\x1f{text}" for text, lang in runs] for name, runs in record.runs.items()}})
    index = builder.build()
    names = {posting["_index"]: term for term, posting in index.inverted_index.items()}
    direct = {str(ref): {names[v.elements[i]]: v.elements[i + 1] for i in range(0, len(v.elements), 2)} for ref, v in index.field_vectors.items() if v.elements}
    meta = _json(files, META_PATH)
    fields = [f for f, _ in meta["f"]]
    from_files: dict = {}
    postings: dict = {}
    for n in range(len(meta["k"])):
        for row in _json(files, shard_path(n))["t"]:
            for k, flat in enumerate(row[1:]):
                ref = 0
                for i in range(0, len(flat), 2):
                    ref += flat[i]
                    from_files.setdefault(f"{fields[k]}/{ref}", {})[row[0]] = flat[i + 1] / meta["s"]
                    postings.setdefault(row[0], {}).setdefault(fields[k], set()).add(str(ref))
    assert len(direct) > 100 and from_files == direct
    lunr_postings = {t: {f: set(refs) for f, refs in p.items() if f != "_index" and refs} for t, p in index.inverted_index.items()}
    assert postings == lunr_postings


@pytest.mark.parametrize("which", ["seeds", "generated"])
def test_counts_kept_document_by_document_give_the_same_files(which, corpus, tmp_path_factory):
    """What ``--cache`` does: each document's paragraphs counted apart, asked of ``reuse`` in
    corpus order, and the counts it returns (here, those kept from a first pass, without
    counting again) merged into the same files as one count of the whole corpus."""
    if which == "generated":
        corpus = _generated_corpus(tmp_path_factory)
    views = build_views(corpus)
    whole = dict(iter_search_files(views))
    kept: dict = {}

    def keep(doc_id, count):
        kept[doc_id] = count()
        return kept[doc_id]

    assert dict(iter_search_files(views, None, keep)) == whole
    assert list(kept) == [d.id for d in corpus.documents] and len(kept) > 1
    assert [c.n for c in kept.values()] == [len(d.paragraphs) for d in corpus.documents]
    assert dict(iter_search_files(views, None, lambda doc_id, count: kept[doc_id])) == whole


def test_store_records(files):
    meta = _json(files, META_PATH)
    states = [s for s, _ in meta["e"]]
    topics = [t for t, _ in meta["t"]]
    pages = _pages(files)
    ref = next(i for i, p in enumerate(pages) if p["i"] == "a-67-131_norvege-4")
    p = pages[ref]
    assert p["c"] == "A/67/131, réponse de la Norvège, § 4"
    assert [states[i] for i in p["s"]] == ["norvege"]
    page = _json(files, page_path(ref // meta["ps"]))
    assert page["d"][str(p["d"])] == ["a-67-131", "A/67/131", "documents/a-67-131/"]
    facets = _json(files, FACETS_PATH)

    def refs(deltas):
        return list(itertools.accumulate(deltas))

    assert ref in refs(facets["t"][topics.index("desarmement-nucleaire")])
    assert ref in refs(facets["e"][states.index("norvege")])
    # A filter's own file: the same paragraphs as the facet table's list, for every value.
    for param, key, ids in (("etat", "e", states), ("theme", "t", topics)):
        for i, value in enumerate(ids):
            assert _json(files, filter_path(param, value))["r"] == facets[key][i], (param, value)
    assert ref in refs(_json(files, filter_path("etat", "norvege"))["r"])
    # Documents: consecutive refs from their first.
    firsts = [d[3] for d in facets["d"]]
    assert [d[0] for d in facets["d"]] == ["a-67-131", "cd-2012-kazakhstan-otsc"]
    assert firsts[0] == 0 and all(pages[i]["i"].startswith("cd-2012") for i in range(firsts[1], len(pages)))
    # The CSTO declaration speaks for its six signatories.
    decl = next(p for p in pages if p["i"] == "cd-2012-kazakhstan-otsc_declaration-13")
    assert {states[i] for i in decl["s"]} == {"russie", "armenie", "belarus", "kazakhstan", "kirghizistan", "tadjikistan"}
    words = [w for w, _ in _json(files, LEXICON_PATH)["w"]]
    assert "désarmement" in words and "desarmement" not in words


def test_state_aliases_are_indexed(corpus):
    records = search.iter_records(build_views(corpus))
    record = next(r for r in records if r.paragraph.id == "cd-2012-kazakhstan-otsc_declaration-conjointe-1")
    # Whole words of the field's text (its runs joined by spaces), as read in data/states.yaml.
    assert {"Kirghizistan", "Kirghizstan", "Kyrgyzstan"} <= set(record.fields["etat"].split())


@pytest.fixture(scope="module")
def fixture_searcher(tmp_path_factory):
    """The seeds plus the real English PDFs of the fixtures (cases with ``corpus: fixtures``)."""
    from undocs.pipeline import load_corpus

    root = Path(__file__).resolve().parents[1]
    seeds = tmp_path_factory.mktemp("fixtures") / "seeds"
    shutil.copytree(root / "seeds", seeds)
    for pdf in sorted(REAL_PDFS.glob("*.pdf")):
        shutil.copy(pdf, seeds / pdf.name)
    corpus = load_corpus(seeds, root / "data")[0]
    assert {d.language for d in corpus.documents} == {"fr", "en"}
    with NodeSearch(dict(iter_search_files(build_views(corpus))), tmp_path_factory.mktemp("search")) as engine:
        yield engine


def check_case(searcher, case):
    ids = searcher.answer(case["q"]).ids
    for n in (5, 20):
        missing = [i for i in case.get(f"top{n}", []) if i not in ids[:n]]
        assert not missing, f"{case['q']!r}: {missing} not in the top {n} {ids[:n]} ({case['why']})"


@pytest.mark.parametrize("case", SEED_CASES, ids=[c["q"] for c in SEED_CASES])
def test_search_case(searcher, case):
    check_case(searcher, case)


@pytest.mark.parametrize("case", FIXTURE_CASES, ids=[c["q"] for c in FIXTURE_CASES])
def test_search_case_on_seeds_and_fixture_pdfs(fixture_searcher, case):
    check_case(fixture_searcher, case)


def test_there_are_enough_cases():
    assert len(CASES) >= 40
    assert any("typo" in c["why"] for c in CASES)
    assert {c.get("kind", "fr") for c in CASES} == {"fr", "en", "cross"}
    assert sum(c.get("kind", "fr") != "fr" for c in CASES) >= 40  # issue 13


def test_malformed_queries_fall_back_to_plain_words(searcher):
    for q in ("etat:", "~", '"desarmement', "desarmement:", "^", "*", ":", "+", "-", "etat:*", "nucl*~2^"):
        searcher.answer(q)  # never fails
    assert searcher.answer("etat:").ids == searcher.answer("etat").ids
    assert searcher.answer('"norvège').ids and searcher.answer("norvège:").ids


def test_stop_words_alone_find_nothing(searcher):
    assert searcher.answer("le la les de ").ids == []


def test_prefix_while_typing(searcher):
    typing, typed = searcher.answer("nucléai"), searcher.answer("nucléai ")
    assert typing.ids and typing.suggestion is None  # completed while typed
    assert typed.suggestion is not None  # ended by a space, no word: only a correction finds some
    assert searcher.ids("désarmement") <= searcher.ids("désarm")


def test_prohibited_and_required(searcher):
    with_nuclear = searcher.ids("armes nucleaires")
    without = searcher.ids("armes -nucleaires")
    assert with_nuclear and without and not (with_nuclear & without)
    assert searcher.ids("+otan russie") == {"cd-2012-kazakhstan-otsc_declaration-13", "cd-2012-kazakhstan-otsc_declaration-14"}


def test_suggestion(searcher):
    answer = searcher.answer("désarmemnt")
    assert answer.suggestion == "désarmement" and answer.ids
    assert searcher.answer("zzzzqqq").ids == [] and searcher.answer("zzzzqqq").suggestion is None


def _ids(searcher, q):
    return searcher.ids(q)


def test_phrase_search(searcher):
    """Quotes search the words adjacent, in order, after the analysis; unbalanced quotes are
    plain words."""
    text = {p["i"]: p["x"] for p in searcher.paragraphs}
    phrase = _ids(searcher, '"armes chimiques"')
    assert phrase == {i for i, x in text.items() if "armes chimiques" in x.lower()} == {"a-67-131_turkmenistan-5"}
    assert phrase < _ids(searcher, "armes chimiques")  # the words apart are more
    assert _ids(searcher, '"chimiques armes"') == set()  # order matters
    council = _ids(searcher, '"Conseil de sécurité"')
    assert council == _ids(searcher, '"conseil securite"') == _ids(searcher, "« Conseil de sécurité »")
    assert council == {i for i, x in text.items() if "Conseil de sécurité" in x}
    # a phrase and a word: both required
    assert _ids(searcher, '"Conseil de sécurité" ONU') == {"a-67-131_espagne-21"} | (council & _ids(searcher, "ONU"))
    assert _ids(searcher, '"armes chimiques') == _ids(searcher, "armes chimiques")
    for q in ('"', '""', '" "', '"le la"', '«', '»armes«'):
        searcher.answer(q)  # never fails


def test_acronyms_and_expansions_find_each_other(searcher):
    otsc = _ids(searcher, "OTSC")
    assert "cd-2012-kazakhstan-otsc_note-verbale-2" in otsc and otsc == _ids(searcher, "CSTO") == _ids(searcher, "otsc")
    onu = _ids(searcher, "ONU")
    text = {p["i"]: p["x"] for p in searcher.paragraphs}
    assert {i for i, x in text.items() if "ONU" in x or "Nations Unies" in x} <= onu
    assert onu == _ids(searcher, "UN")  # "UN" in capitals is the acronym...
    assert _ids(searcher, "un ") == set()  # ...in lower case, a stop word
    nations = _ids(searcher, "Nations Unies")
    assert "a-67-131_espagne-21" in nations and "Nations Unies" not in text["a-67-131_espagne-21"]
    assert onu <= nations and onu <= _ids(searcher, "United Nations")
    assert _ids(searcher, "NPT") == _ids(searcher, "TNP") and _ids(searcher, "NATO") == _ids(searcher, "OTAN")


def test_meta_ships_the_acronyms_and_why_data(files):
    meta = _json(files, META_PATH)
    entries = {tuple(a): e for a, e in meta["sg"]}
    assert entries[("OTSC", "CSTO")][0] == "Organisation du Traité de sécurité collective"
    assert len(meta["ew"]) == len(meta["e"]) and len(meta["te"]) == len(meta["t"])
    russia = [s for s, _ in meta["e"]].index("russie")
    assert "Fédération de Russie" in meta["ew"][russia] and "Russie" in meta["ew"][russia]
    page = _pages(files)
    decl = next(p for p in page if p["i"] == "cd-2012-kazakhstan-otsc_declaration-13")
    assert decl["t"] and all(0 <= t < len(meta["t"]) for t in decl["t"])


def test_the_state_filter_keeps_states_named_as_well_as_speaking(searcher):
    """A state's filter keeps the paragraphs where it speaks and those that name it (facets.json
    lists both). Syria never speaks in the seeds; the CSTO declaration names it twice, in
    "La situation en Syrie et à ses frontières suscite de sérieuses inquiétudes" and in the next
    paragraph, on the Special Envoy's plan "pour la Syrie" (read in seeds/cd-2012-kazakhstan-otsc.fr.md)."""
    situation = searcher.ids("situation")
    syria = searcher.ids("situation", etat="syrie")
    assert "cd-2012-kazakhstan-otsc_declaration-28" in syria and syria < situation
    text = {p["i"]: p["x"] for p in searcher.paragraphs}
    assert all("Syrie" in text[i] for i in syria)
    assert searcher.ids("Plan", etat="syrie") == {"cd-2012-kazakhstan-otsc_declaration-29"}
    # Speaking: Norway's reply, filtered by Norway, and not by Syria.
    norway = searcher.ids("désarmement", etat="norvege")
    assert "a-67-131_norvege-2" in norway and all(i.startswith("a-67-131_norvege") for i in norway)
    assert not norway & searcher.ids("désarmement", etat="syrie")


#: Queries beside the reader cases for the scorer's parity: common words, completions, several
#: words, phrases, acronyms, fields, lunr's syntax (a prohibited term goes to lunr itself).
SCORER_QUERIES = ["désarmement", "desarmement", "nucléai", "armes nucléaires", '"armes chimiques"', "OTSC", "Nations Unies",
                  "etat:russie", "nucl*", "desarmement~1", "+traité nucléaire", "+otan -nucleaire", "the treaty", "terrorism"]


@pytest.mark.parametrize("corpus_name", ["seeds", "fixtures"])
def test_scores_are_lunr_index_query_s(corpus_name, searcher, fixture_searcher):
    """The page scores a query straight from the postings (query.mjs's scoreClauses); lunr's
    own Index.query over the same terms gives every hit the same score to the last bit, the
    same match metadata and the same terms in the same order (on which the ranking, the check
    of each word and the reasons shown depend)."""
    engine = searcher if corpus_name == "seeds" else fixture_searcher
    cases = SEED_CASES if corpus_name == "seeds" else FIXTURE_CASES
    found = 0
    for q in [c["q"] for c in cases] + SCORER_QUERIES:
        both = engine.scorers(q)
        assert both["fast"] == both["lunr"], q
        found += bool(both["fast"])
    assert found >= len(cases) // 2  # the comparison is of real hits, not of empty lists


def test_a_filter_reads_its_own_file_as_the_facet_table_says(searcher, files):
    """A state or topic filter keeps, of the hits, exactly the paragraphs the facet table lists
    for that value (the page reads them from f/<param>/<id>.json before its first results, not
    from facets.json); an unknown value keeps nothing; a document filter still works."""
    facets = _json(files, FACETS_PATH)
    meta = _json(files, META_PATH)
    ids = [p["i"] for p in searcher.paragraphs]
    every = searcher.answer("désarmement").ids
    checked = 0
    for param, key in (("etat", "e"), ("theme", "t")):
        for i, (value, _) in enumerate(meta[key]):
            listed = {ids[r] for r in itertools.accumulate(facets[key][i])}
            kept = searcher.answer("désarmement", **{param: value}).ids
            assert kept == [x for x in every if x in listed], (param, value)
            checked += bool(kept)
    assert checked >= 5
    assert searcher.answer("désarmement", etat="atlantide").ids == []
    assert searcher.answer("désarmement", theme="nulle-part").ids == []
    cd = searcher.answer("désarmement", doc="cd-2012-kazakhstan-otsc").ids
    assert cd and cd == [x for x in every if x.startswith("cd-2012-kazakhstan-otsc_")]
    both = searcher.answer("désarmement", etat="kazakhstan", doc="cd-2012-kazakhstan-otsc").ids
    assert both and set(both) <= set(cd) and set(both) <= set(searcher.answer("désarmement", etat="kazakhstan").ids)


def test_each_search_file_is_written_as_made_and_named_in_order(corpus, files):
    """What the build's search process runs: every file of ``iter_search_files``, the same bytes,
    handed to ``write`` one at a time, their names returned in the order written."""
    views, acronyms = build_views(corpus), ()  # no acronyms, where None is data/acronyms.yaml's
    expected = dict(iter_search_files(views, acronyms))
    assert expected != files  # the acronyms are part of the index: they must be passed on
    written: list[tuple[str, bytes]] = []
    names = write_search_files(views, acronyms, lambda name, data: written.append((name, data)))
    assert names == [name for name, _ in written] == list(expected)
    assert dict(written) == expected
