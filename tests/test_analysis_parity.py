"""Python and JavaScript analyses must agree exactly, on the whole corpus.

Runs ``static/js/analysis.js`` under Node (``tests/js/analysis_parity.mjs``, with lunr and the
stemmer from ``node_modules/``: run ``npm ci`` first) and compares, with zero tolerance:

* every whitespace-separated token of every file of ``seeds/`` (plus its upper-case and
  accent-less variants) and a list of tricky words: folding, tokens, index terms;
* every line of every seed, and every whole seed: tokens with offsets, index terms, and the
  terms that lunr.js's own tokenizer followed by the registered pipeline produces;
* an index built by lunr.py over the seeds, loaded by ``lunr.Index.load`` in Node: the search
  pipeline labels, and the results of queries.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from undocs import analysis

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
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
]


def _utf16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def _fold_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.category(c).startswith("M"))


def _corpus() -> tuple[list[str], list[str], list[str]]:
    files = sorted(p for p in SEEDS.iterdir() if p.is_file())
    assert files, "no seed files"
    texts = [p.read_text(encoding="utf-8") for p in files]
    words: set[str] = set()
    lines: list[str] = []
    for text in texts:
        for line in text.splitlines():
            lines.append(line)
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


@pytest.fixture(scope="module")
def parity(tmp_path_factory):
    words, lines, texts = _corpus()
    inputs = words + lines + texts
    builder = analysis.make_builder(fields=["body"], metadata_whitelist=["position"])
    for i, text in enumerate(texts):
        builder.add({"id": f"seed{i}", "body": text})
    index = json.loads(json.dumps(builder.build().serialize()))
    queries = ["l’interdiction", "Interdiction", "desarmement", "ÉTATS", "japonaise", "A/67/131", "TNP", "nucléaire*", "désarm*"]
    js = _run_node({"data": analysis.analysis_data(), "texts": inputs, "index": index, "queries": queries}, tmp_path_factory.mktemp("parity"))
    return {"inputs": inputs, "texts": texts, "words": words, "js": js, "queries": queries, "index": index}


def test_labels_are_the_same(parity):
    assert parity["js"]["labels"] == list(analysis.LABELS)
    assert parity["js"]["indexPipeline"] == list(analysis.LABELS)


def test_folding_is_identical(parity):
    inputs = parity["inputs"]
    diffs = _report("normalize", inputs, [analysis.normalize(t) for t in inputs], parity["js"]["normalize"])
    assert not diffs, f"{len(diffs)} differences, first ones:\n" + "\n".join(diffs[:20])


def test_tokens_with_offsets_are_identical(parity):
    inputs = parity["inputs"]
    python = [[[_utf16(t, tok.start), _utf16(t, tok.end), tok.surface] for tok in analysis.tokens(t)] for t in inputs]
    diffs = _report("tokens", inputs, python, parity["js"]["tokens"])
    assert not diffs, f"{len(diffs)} differences, first ones:\n" + "\n".join(diffs[:20])


def test_index_terms_are_identical_over_the_whole_corpus(parity):
    inputs = parity["inputs"]
    python = [analysis.analyze(t) for t in inputs]
    diffs = _report("analyze", inputs, python, parity["js"]["analyze"])
    diffs += _report("lunr.tokenizer + search pipeline", inputs, python, parity["js"]["pipeline"])
    assert not diffs, f"{len(diffs)} differences, first ones:\n" + "\n".join(diffs[:20])
    # The comparison is not vacuous: the corpus vocabulary went through the stemmer.
    assert len({t for terms in python for t in terms}) > 1000


def test_tricky_words(parity):
    js = dict(zip(parity["inputs"], parity["js"]["analyze"]))
    for word in TRICKY:
        assert js[word] == analysis.analyze(word), word
    assert js["française"] == js["françaises"] == js["Française"] == ["francais"]
    assert js["français"] == js["FRANÇAIS"] == ["franc"]  # Snowball 2.2 French: a known limit
    assert js["l’interdiction"] == js["l'interdiction"] == ["interdict"]
    assert js["Œuvre"] == js["œuvrer"] == ["oeuvr"]


def test_index_built_by_python_is_searched_by_lunr_js(parity):
    texts = parity["texts"]
    terms_of = [set(analysis.analyze(t)) for t in texts]
    for query, result in zip(parity["queries"], parity["js"]["search"]):
        if query.endswith("*"):
            prefix = analysis.stem(analysis.normalize(query[:-1]))
            expected = {f"seed{i}" for i, terms in enumerate(terms_of) if any(t.startswith(prefix) for t in terms)}
        else:
            wanted = set(analysis.analyze(query))
            expected = {f"seed{i}" for i, terms in enumerate(terms_of) if wanted <= terms}
        assert expected, query
        assert set(result["helper"]) == expected, query
        if "/" not in query and "*" not in query:
            # lunr.js's own query parser runs the registered search pipeline too.
            assert set(result["lunrSearch"]) >= expected, query
