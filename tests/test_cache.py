"""The build cache (``--cache DIR``): the same output as a full build, and only what changed read.

The seeds and two real PDFs of the test fixtures stand for an archive; a third PDF is the
document an editor drops in.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import DATA, ROOT, SEEDS
from undocs.cache import BuildCache, code_digest, digest
from undocs.cli import main as build_main
from undocs.pipeline import load_corpus

PDFS = ROOT / "tests" / "fixtures" / "real" / "pdf"


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture()
def archive(tmp_path: Path) -> tuple[Path, list[Path]]:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    pdfs = sorted(PDFS.glob("*.pdf"))
    assert len(pdfs) >= 3
    for pdf in pdfs[:2]:
        shutil.copy(pdf, seeds)
    return seeds, pdfs


def test_a_build_with_the_cache_gives_the_bytes_of_a_full_build(archive, tmp_path):
    seeds, pdfs = archive
    cache = tmp_path / "cache"
    assert build_main(["--seeds", str(seeds), "--out", str(tmp_path / "full"), "--jobs", "1"]) == 0
    assert build_main(["--seeds", str(seeds), "--out", str(tmp_path / "cold"), "--cache", str(cache)]) == 0
    pages = sorted((cache / "page").rglob("*.pickle"))
    assert len(pages) == 4  # each document's page: the seeds and two PDFs
    counts = {p: p.stat().st_mtime_ns for p in (cache / "count").rglob("*.pickle")}
    assert len(counts) == 4  # and its search counts, made in the search process
    shutil.copy(pdfs[2], seeds)  # an editor adds a document, then builds again
    assert build_main(["--seeds", str(seeds), "--out", str(tmp_path / "warm"), "--cache", str(cache)]) == 0
    # The four pages were reused (another document does not change them): kept, and one added.
    assert set(pages) < set((cache / "page").rglob("*.pickle")) and len(list((cache / "page").rglob("*.pickle"))) == 5
    # So were the four documents' counts: read, not written again, and not pruned.
    after = {p: p.stat().st_mtime_ns for p in (cache / "count").rglob("*.pickle")}
    assert len(after) == 5 and {p: after[p] for p in counts} == counts
    assert build_main(["--seeds", str(seeds), "--out", str(tmp_path / "full2"), "--jobs", "1"]) == 0
    assert files_of(tmp_path / "cold") == files_of(tmp_path / "full")
    assert files_of(tmp_path / "warm") == files_of(tmp_path / "full2")


def test_adding_a_document_reads_and_enriches_that_one_only(archive, tmp_path):
    seeds, pdfs = archive
    first = BuildCache(tmp_path / "cache")
    before = load_corpus(seeds, DATA, cache=first)[0]
    assert (first.hits, first.misses) == (0, 2 * len(before.documents))  # read + enrich each
    first.prune()
    shutil.copy(pdfs[2], seeds)
    second = BuildCache(tmp_path / "cache")
    after = load_corpus(seeds, DATA, cache=second)[0]
    assert len(after.documents) == len(before.documents) + 1
    assert (second.hits, second.misses) == (2 * len(before.documents), 2)
    assert after.documents == load_corpus(seeds, DATA)[0].documents


def test_a_changed_document_is_read_again_and_the_old_entry_pruned(archive, tmp_path):
    seeds, _ = archive
    cache = BuildCache(tmp_path / "cache")
    load_corpus(seeds, DATA, cache=cache)
    cache.prune()
    entries = sorted((tmp_path / "cache").rglob("*.pickle"))
    source = seeds / "a-67-131.fr.txt"
    # One word of Norway's reply changed: its reading and enrichment are no longer valid.
    text = source.read_text(encoding="utf-8")
    assert text.count("statu quo actuel") == 1
    source.write_text(text.replace("statu quo actuel", "statu quo présent"), encoding="utf-8")
    again = BuildCache(tmp_path / "cache")
    corpus = load_corpus(seeds, DATA, cache=again)[0]
    assert again.misses == 2
    norway = next(d for d in corpus.documents if d.id == "a-67-131")
    assert any("statu quo présent" in p.text for p in norway.paragraphs)
    again.prune()
    now = sorted((tmp_path / "cache").rglob("*.pickle"))
    assert len(now) == len(entries) and len(set(now) - set(entries)) == 2


def test_a_damaged_entry_is_recomputed(tmp_path):
    cache = BuildCache(tmp_path, salt=b"s")
    assert cache.get_or_make("k", [b"x"], lambda: [1, 2]) == [1, 2]
    (entry,) = tmp_path.rglob("*.pickle")
    entry.write_bytes(entry.read_bytes()[:5])
    again = BuildCache(tmp_path, salt=b"s")
    assert again.get_or_make("k", [b"x"], lambda: [3]) == [3] and again.misses == 1
    assert BuildCache(tmp_path, salt=b"s").get_or_make("k", [b"x"], lambda: [4]) == [3]


def test_the_key_changes_with_the_code_and_with_each_input(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "a.py").write_text("x = 1\n")
    before = code_digest(package)
    (package / "a.py").write_text("x = 2\n")
    assert code_digest(package) != before
    assert digest([b"ab", b"c"]) != digest([b"a", b"bc"])
    cache = BuildCache(tmp_path / "c", salt=b"s")
    cache.get_or_make("k", [b"1"], lambda: 1)
    assert BuildCache(tmp_path / "c", salt=b"t").get_or_make("k", [b"1"], lambda: 2) == 2
