"""Python and JavaScript analyses must agree exactly, on the whole corpus, in both languages.

Runs ``static/js/analysis.js`` under Node (``tests/js/analysis_parity.mjs``, with lunr and the
stemmers from ``node_modules/``: run ``npm ci`` first) and compares, with zero tolerance, in
French, in English and both ways (a text of unknown language):

* every whitespace-separated token of every file of ``seeds/`` and, when it is beside the
  repository, of every PDF of ``../shared/un-corpus/`` (plus its upper-case and accent-less
  variants) and a list of tricky words: folding, tokens, index terms. ``UNDOCS_SHARED`` names
  another ``shared`` folder: ``bench/mutation.py`` sets it, for mutmut runs the tests in a copy
  of the project (``mutants/``) that has no ``../shared`` beside it; when it is set, the corpus
  must be there;
* every line of every seed and every run of text of those PDFs, and every whole seed: tokens
  with offsets, index terms, and the terms that lunr.js's own tokenizer followed by the
  registered pipeline produces;
* an index built by lunr.py over the seeds, loaded by ``lunr.Index.load`` in Node: the search
  pipeline labels, and the results of queries.

Each language runs over all the words (the English analysis over French words too: it costs
little, and a stemmer must agree on whatever a reader types).
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import time
import unicodedata
from pathlib import Path

import pytest

from undocs import analysis

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
#: The shared folder beside the repository, or the one ``UNDOCS_SHARED`` names (mutation runs).
SHARED = Path(os.environ.get("UNDOCS_SHARED") or ROOT.parent / "shared")
CORPUS = SHARED / "un-corpus"
RUNNER = ROOT / "tests" / "js" / "analysis_parity.mjs"

TRICKY = [
    "a" * 64, "a" * 65, "é" * 65, "\U0001d400" * 40, "x" * 5000,  # the length cap, in code points
    "française", "françaises", "français", "Française", "FRANÇAIS",
    "œuvrer", "Œuvre", "oeuvre", "Æther",
    "l’interdiction", "l'interdiction", "Lʼinterdiction", "L’Interdiction.",
    "qu’il", "Qu'il", "aujourd’hui", "aujourd'hui", "qu’aujourd’hui", "jusqu’à", "lorsqu’il",
    "puisqu’elle", "quoiqu’on", "prud’hommes", "d’‘armes’",
    "États", "Etats", "ÉTATS", "état", "non-prolifération", "désarmement", "nucléaires",
    "AIEA", "TNP", "1er", "1re", "2e", "XXe", "66/32", "A/67/131", "CD/1864", "A/RES/66/32",
    "chimiques.", "chimique", "«paix»", "(TNP),", "armes;", "…", "—", "e\u0301te\u0301",
    "ﬁnancement", "½", "Ⅸ", "Straße", "İstanbul", "ΣΟΦΟΣ", "Москва", "日本", "Ⅻ",
    "soixante-septième", "ci-dessous", "c’est-à-dire", "peut-être",
    "10\u00a0000", "10\u202f000", "l’ONU", "d’Amérique", "n’ont", "s’est", "m’a", "t’a", "j’ai",
    "", " ", "'", "’", "l’", "'x'",
    "Norway's", "Norway’s", "NORWAY'S", "States'", "it's", "It’s", "don't", "o'clock", "O’Brien", "'s", "s's",
    "generously", "dying", "news", "skies", "cannot", "United Kingdom's", "1990s", "weapons", "proliferation",
]


def _utf16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def _fold_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.category(c).startswith("M"))


@functools.cache  # read once per run: the fixture is each test's own under mutation testing
def _pdf_lines() -> tuple[str, ...]:
    """The runs of text of the PDFs of ``../shared/un-corpus/`` (none when it is not there;
    a failure when ``UNDOCS_SHARED`` names a folder without it)."""
    if not CORPUS.is_dir():
        if os.environ.get("UNDOCS_SHARED"):
            pytest.fail(f"UNDOCS_SHARED is set but {CORPUS} is not a folder")
        return ()
    from undocs.pdf.extract import read_pages

    runs: dict[str, None] = {}
    for path in sorted(CORPUS.glob("*.pdf")):
        try:
            for page in read_pages(path, []):
                runs.update((run.text, None) for run in page.runs)
        except Exception:  # a file the reader refuses (the corpus has a few): its words are not needed
            continue
    assert runs, f"no text read from the PDFs of {CORPUS}"
    return tuple(runs)


def _corpus() -> tuple[list[str], list[str], list[str]]:
    files = sorted(p for p in SEEDS.iterdir() if p.is_file())
    assert files, "no seed files"
    texts = [p.read_text(encoding="utf-8") for p in files]
    words: set[str] = set()
    lines: list[str] = []
    for text in texts:
        lines.extend(text.splitlines())
    lines.extend(_pdf_lines())
    for line in lines:
        for word in line.split():
            words.update((word, word.upper(), _fold_accents(word)))
    return sorted(words) + TRICKY, lines, texts


def _run_node(payload: dict, tmp_path: Path) -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed: the JS/Python parity cannot be checked")
    for needed in ("lunr/lunr.js", "@orama/stemmers/dist/fr.js"):
        if not (ROOT / "node_modules" / needed).exists():
            pytest.fail(f"node_modules/{needed} missing: run `npm ci` in {ROOT}")
    source = tmp_path / "input.json"
    source.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run(
        [node, str(RUNNER), str(source)], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=300
    )
    assert result.returncode == 0, f"node failed:\n{result.stderr}"
    return json.loads(result.stdout)


def _report(kind: str, inputs: list[str], python: list, js: list) -> list[str]:
    assert len(python) == len(js)
    return [
        f"{kind}: {text!r}\n   python: {p!r}\n   js:     {j!r}"
        for text, p, j in zip(inputs, python, js)
        if p != j
    ]


QUERIES = ["l’interdiction", "Interdiction", "desarmement", "ÉTATS", "japonaise", "A/67/131", "TNP", "nucléaire*", "désarm*",
           "Norway's", "chemical weapons", "states", "prohibition*"]


@pytest.fixture(scope="module")
def parity(tmp_path_factory):
    words, lines, texts = _corpus()
    inputs = words + lines + texts
    builder = analysis.make_builder(fields=["body"], metadata_whitelist=["position"])
    for i, text in enumerate(texts):
        builder.add({"id": f"seed{i}", "body": text})
    index = json.loads(json.dumps(builder.build().serialize()))
    started = time.perf_counter()
    js = _run_node({"data": analysis.analysis_data(), "texts": inputs, "index": index, "queries": QUERIES}, tmp_path_factory.mktemp("parity"))
    seconds = time.perf_counter() - started
    print(f"\nparity: {len(words)} words, {len(lines)} lines, {len(texts)} seeds, per language (fr, en, both); node {seconds:.1f} s")
    return {"inputs": inputs, "texts": texts, "words": words, "js": js, "queries": QUERIES, "index": index}


def test_labels_are_the_same(parity):
    assert parity["js"]["labels"] == {"fr": list(analysis.LABELS), "en": list(analysis.LABELS_EN)}
    assert parity["js"]["indexPipeline"] == list(analysis.LABELS)


def test_folding_is_identical(parity):
    inputs = parity["inputs"]
    diffs = _report("normalize", inputs, [analysis.normalize(t) for t in inputs], parity["js"]["normalize"])
    assert not diffs, f"{len(diffs)} differences, first ones:\n" + "\n".join(diffs[:20])


@pytest.mark.parametrize("lang", analysis.LANGUAGES)
def test_tokens_with_offsets_are_identical(parity, lang):
    inputs = parity["inputs"]
    python = [[[_utf16(t, tok.start), _utf16(t, tok.end), tok.surface] for tok in analysis.tokens(t, lang)] for t in inputs]
    diffs = _report(f"tokens ({lang})", inputs, python, parity["js"][lang]["tokens"])
    assert not diffs, f"{len(diffs)} differences, first ones:\n" + "\n".join(diffs[:20])


@pytest.mark.parametrize("lang", analysis.LANGUAGES)
def test_index_terms_are_identical_over_the_whole_corpus(parity, lang):
    inputs = parity["inputs"]
    python = [analysis.analyze(t, lang) for t in inputs]
    diffs = _report(f"analyze ({lang})", inputs, python, parity["js"][lang]["analyze"])
    diffs += _report(f"lunr.tokenizer + search pipeline ({lang})", inputs, python, parity["js"][lang]["pipeline"])
    assert not diffs, f"{len(diffs)} differences, first ones:\n" + "\n".join(diffs[:20])
    # The comparison is not vacuous: the corpus vocabulary went through the stemmer.
    assert len({t for terms in python for t in terms}) > 1000


def test_unknown_language_terms_are_identical(parity):
    inputs = parity["inputs"]
    diffs = _report("analyze (unknown)", inputs, [analysis.analyze(t, None) for t in inputs], parity["js"]["unknown"])
    assert not diffs, f"{len(diffs)} differences, first ones:\n" + "\n".join(diffs[:20])


def test_tricky_words(parity):
    fr = dict(zip(parity["inputs"], parity["js"]["fr"]["analyze"]))
    en = dict(zip(parity["inputs"], parity["js"]["en"]["analyze"]))
    for word in TRICKY:
        assert fr[word] == analysis.analyze(word), word
        assert en[word] == analysis.analyze(word, "en"), word
    assert fr["française"] == fr["françaises"] == fr["Française"] == ["francais"]
    assert fr["français"] == fr["FRANÇAIS"] == ["franc"]  # Snowball 2.2 French: a known limit
    assert fr["l’interdiction"] == fr["l'interdiction"] == ["interdict"]
    assert fr["Œuvre"] == fr["œuvrer"] == ["oeuvr"]
    # English: possessives, no elision, lunr's stop words, Porter2 (not the original Porter).
    assert en["Norway's"] == en["Norway’s"] == en["NORWAY'S"] == en["States'"][:0] + ["norway"]
    assert en["States'"] == ["state"] and en["it's"] == en["It’s"] == [] and en["don't"] == ["don't"]
    assert en["l’interdiction"] == ["l'interdict"] and en["United Kingdom's"] == ["unit", "kingdom"]
    assert en["generously"] == ["generous"] and en["dying"] == ["die"] and en["skies"] == ["sky"] and en["news"] == ["news"]
    assert en["1990s"] == ["1990s"] and en["proliferation"] == ["prolifer"]


def test_query_terms_give_both_languages(parity):
    for query, words in zip(parity["queries"], parity["js"]["queryTerms"]):
        for word in words:
            for lang in analysis.LANGUAGES:
                surface = word["surface"]
                expected = analysis.stem(analysis.fold(surface, lang), lang) if word["wildcard"] else analysis.term(surface, lang)
                assert word[lang] == (expected or None), (query, word, lang)
            assert word["terms"] == list(dict.fromkeys(t for t in (word["fr"], word["en"]) if t)), query
    by_query = dict(zip(parity["queries"], parity["js"]["queryTerms"]))
    assert [(w["fr"], w["en"]) for w in by_query["Norway's"]] == [("norway'", "norway")]
    assert [w["terms"] for w in by_query["chemical weapons"]] == [["chemical", "chemic"], ["weapon"]]


def test_index_built_by_python_is_searched_by_lunr_js(parity):
    texts = parity["texts"]
    terms_of = [set(analysis.analyze(t)) for t in texts]
    for query, words, result in zip(parity["queries"], parity["js"]["queryTerms"], parity["js"]["search"]):
        # Each query word matches by its French or its English term (or, for "nucl*", prefix).
        def matches(word, terms):
            if word["wildcard"]:
                return any(t.startswith(w) for w in word["terms"] for t in terms)
            return any(w in terms for w in word["terms"])

        expected = {f"seed{i}" for i, terms in enumerate(terms_of) if all(matches(w, terms) for w in words)}
        if query in ("l’interdiction", "desarmement", "japonaise", "TNP", "nucléaire*", "désarm*"):
            assert expected, query
        assert set(result["helper"]) == expected, query
        if "/" not in query and "*" not in query and "'" not in query and " " not in query:
            # lunr.js's own query parser runs the registered (French) search pipeline too.
            assert set(result["lunrSearch"]) >= expected, query
