"""The benchmark corpus generator (bench/corpus.py): same seed, same bytes; the real seeds at
--docs 2; and a generated corpus that the strict build reads whole, both kinds of documents,
every paragraph and every page artefact the generator says it wrote."""

from __future__ import annotations

import importlib.util
import itertools
import json
import lzma
import re
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS
from undocs.cli import main as build_main


def _load_generator():
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it runs
    spec.loader.exec_module(module)
    return module


corpus = _load_generator()


def files_of(folder):
    """Every file of a corpus folder (the marker included) by name, with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def six(tmp_path_factory):
    """A corpus of 6 documents (the 2 seeds, 2 reports, 2 notes verbales), built with --strict."""
    base = tmp_path_factory.mktemp("corpus")
    stats = corpus.generate(6, base / "seeds", seed=7)
    assert build_main(["--seeds", str(base / "seeds"), "--out", str(base / "site"), "--strict"]) == 0
    return base, stats


def read_json(site, name):
    return json.loads(lzma.decompress((site / "data" / f"{name}.xz").read_bytes()).decode("utf-8"))


def test_same_seed_same_bytes(tmp_path):
    corpus.generate(6, tmp_path / "a", seed=3)
    corpus.generate(6, tmp_path / "b", seed=3)
    corpus.generate(6, tmp_path / "c", seed=4)
    assert files_of(tmp_path / "a") == files_of(tmp_path / "b")
    assert files_of(tmp_path / "a") != files_of(tmp_path / "c")


def test_small_corpus_is_a_prefix_of_a_larger_one(tmp_path):
    """One random generator per document: adding documents does not change the first ones."""
    corpus.generate(4, tmp_path / "small")
    corpus.generate(8, tmp_path / "large")
    small, large = files_of(tmp_path / "small"), files_of(tmp_path / "large")
    assert small.items() <= large.items()


def test_two_documents_are_the_real_seeds(tmp_path):
    stats = corpus.generate(2, tmp_path / "seeds")
    written = files_of(tmp_path / "seeds")
    assert written.pop(corpus.MARKER) == corpus.MARKER_TEXT
    assert written == {p.name: p.read_bytes() for p in sorted(SEEDS.iterdir()) if p.is_file()}
    assert stats["documents"] == 2
    assert stats["paragraphs"] == 94  # the seeds' count, as test_golden and the build report it
    assert stats["bytes"] == sum(len(b) for b in written.values())


def test_generated_corpus_builds_strict_with_every_paragraph(six):
    base, stats = six
    documents = read_json(base / "site", "documents.json")
    paragraphs = read_json(base / "site", "paragraphs.json")
    assert len(documents) == stats["documents"] == 6
    assert len(paragraphs) == stats["paragraphs"]
    assert {d["id"]: d["paragraph_count"] for d in documents} == stats["paragraphs_by_document"]
    assert sorted(d["format"] for d in documents) == ["markdown"] * 3 + ["plaintext"] * 3
    assert stats["plaintext"] == stats["markdown"] == 3


def test_generated_documents_have_both_structures(six):
    base, _ = six
    documents = {d["id"]: d for d in read_json(base / "site", "documents.json")}
    generated = [d for d in documents.values() if d["source_file"] not in {p.name for p in SEEDS.iterdir()}]
    reports = [d for d in generated if d["format"] == "plaintext"]
    notes = [d for d in generated if d["format"] == "markdown"]
    assert len(reports) == len(notes) == 2
    for report in reports:
        assert report["symbol"].startswith("A/")
        assert report["parts"][0]["title"] == "Introduction"
        replies = [s for s in report["statements"] if s["role"] == "reply"]
        assert len(replies) >= 2 and all(s["original_language"] and s["date"] for s in replies)
    for note in notes:
        assert note["symbol"].startswith("CD/")
        roles = {s["role"] for s in note["statements"]}
        assert roles == {"sender", "signatory"}
        assert note["parts"][0]["key"] == "note-verbale"
    assert len({d["title"] for d in documents.values()}) == len(documents)
    assert len({d["cite_symbol"] for d in documents.values()}) == len(documents)


def test_page_artefacts_are_recognised_and_removed(six):
    base, stats = six
    removals = read_json(base / "site", "report.json")["removals"]
    assert len(removals) == stats["removals"]
    generated = {r["file"] for r in removals} - {"a-67-131.fr.txt"}
    assert generated and all(name.endswith(".fr.txt") for name in generated)


def generated_paragraphs(base):
    seed_ids = {p.name.split(".")[0] for p in SEEDS.iterdir()}
    return [p for p in read_json(base / "site", "paragraphs.json") if p["document"] not in seed_ids]


def test_paragraph_kinds_of_both_formats(six):
    base, _ = six
    kinds = {(p["document"].split("-")[0], p["kind"], p["number"] is not None) for p in generated_paragraphs(base)}
    assert {("a", "paragraph", True), ("a", "paragraph", False), ("cd", "paragraph", True),
            ("cd", "paragraph", False), ("cd", "closing", False)} <= kinds


def test_words_split_at_a_line_end_hyphen_are_rejoined(six):
    """"non-" / "prolifération" in the source reads "non-prolifération" in the paragraph."""
    base, _ = six
    texts = " ".join(p["text"] for p in generated_paragraphs(base))
    splits = []
    for source in sorted(set((base / "seeds").glob("*.fr.txt")) - {base / "seeds" / p.name for p in SEEDS.iterdir()}):
        # Less blank lines and page headers/footers: a page may end right after "non-".
        lines = [line for line in source.read_text(encoding="utf-8").split("\n")
                 if line.strip() and not re.fullmatch(r"A/\d+/\d+|\d+-\d{5}", line.strip())]
        splits += [f"{a.split()[-1]}{b.split()[0]}" for a, b in itertools.pairwise(lines) if re.search(r"[^\W\d_]-$", a)]
    assert splits and all(word in texts for word in splits)


def test_cli_refuses_a_folder_it_did_not_write(tmp_path):
    (tmp_path / "mine.txt").write_text("not a corpus", encoding="utf-8")
    command = [sys.executable, str(ROOT / "bench" / "corpus.py"), "--docs", "3", "--out", str(tmp_path)]
    refused = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert refused.returncode == 1 and "refusing" in refused.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["mine.txt"]

    out = tmp_path / "corpus"
    command[-1] = str(out)
    for _ in range(2):  # a corpus folder it wrote is replaced
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("Wrote 3 documents") and done.stdout.count("\n") == 1
    assert len([p for p in out.iterdir() if p.suffix == ".yaml"]) == 3
