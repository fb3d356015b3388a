"""Search quality, undocs against Pagefind, on the same build and the same judged queries.

    python bench/quality.py [--cases tests/search_cases.yaml] [--out docs/search-quality.md]

1. builds the seeds plus the real PDFs of the test fixtures (French and English documents);
2. indexes the same document pages with Pagefind (``node_modules/.bin/pagefind``, npm);
3. serves the site under ``/undocs/`` and asks each engine every query of the case file, in
   Chromium, through each one's own API (``undocsSearch.answer``, Pagefind's ``search``);
4. judges both by the same expected answers: the paragraphs a person listed for the query
   (``top5`` of each case), at paragraph level — a result counts when it *is* one of those
   paragraphs (its permalink's fragment is the paragraph's id).

Reported per kind of query (``kind`` of a case: ``fr`` by default, ``en``, ``cross`` for a
query in one language meant to find the other's paragraphs): top-1 hit rate (the first result
is an expected paragraph), top-5 hit rate (one of the first five is), MRR (mean of 1 / rank of
the first expected paragraph, 0 when none is in the first 20), and, for context, the top-5
hit rates at section level (the part — a reply, a declaration — holding an expected
paragraph) and at document level.

Pagefind cuts a page into sections at headings with an id; it cannot point below a heading, so
at paragraph level its hits are counted only where a section *is* the paragraph: that is the
difference between the two engines' granularity, and the document-level column shows it.

A report, not a test: quality thresholds, where they exist, are the reader cases of the tests.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from playwright.sync_api import sync_playwright  # noqa: E402

from scale import PAGEFIND, PAGEFIND_ROOT, pagefind_version, write_pagefind_page  # noqa: E402
from site_server import PREFIX, build_site, serve  # noqa: E402

CASES = ROOT / "tests" / "search_cases.yaml"
FIXTURE_PDFS = ROOT / "tests" / "fixtures" / "real" / "pdf"
DEPTH = 20  # results read per query

ASK = """async ([engine, queries]) => {
  const out = [];
  for (const q of queries) {
    if (engine === "pagefind") {
      const r = await window.pagefindBench.answerAll(q);
      out.push(r);
    } else {
      const r = await window.undocsSearch.answer(q);
      out.push(r.ids.map((id) => ({ doc: null, para: id })));
    }
  }
  return out;
}"""

#: Pagefind's answers: every result's first section (its URL's fragment), up to DEPTH.
PAGEFIND_ALL = """
window.pagefindBench.answerAll = async (q) => {
  const pf = await import("./pagefind/pagefind.js");
  const res = await pf.search(q);
  const data = await Promise.all(res.results.slice(0, %d).map((x) => x.data()));
  return data.map((d) => {
    const url = d.sub_results && d.sub_results.length ? d.sub_results[0].url : d.url;
    const hash = url.includes("#") ? url.split("#")[1] : null;
    return { doc: d.url, para: hash };
  });
};
""" % DEPTH


def load_cases(path: Path) -> list[dict[str, Any]]:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [c for c in cases if c.get("top5")]


def document_of(paragraph_id: str) -> str:
    """``a-67-131_norvege-4`` -> ``a-67-131`` (the archive's ids start with the document's)."""
    return paragraph_id.split("_", 1)[0]


def section_of(paragraph_id: str) -> str:
    """``a-67-131_norvege-4`` -> ``a-67-131#norvege`` (the part: the section a heading opens)."""
    doc, _, rest = paragraph_id.partition("_")
    return f"{doc}#{rest.rsplit('-', 1)[0]}"


def judge(expected: list[str], answers: list[dict[str, Any]], site_docs: dict[str, str]) -> dict[str, float]:
    """Paragraph-level top-1, top-5 and reciprocal rank; section- and document-level top-5."""
    ids = [a.get("para") for a in answers]
    rank = next((i + 1 for i, pid in enumerate(ids[:DEPTH]) if pid in expected), None)
    docs = []
    for a in answers[:5]:
        if a.get("doc"):
            docs.append(site_docs.get(urllib.parse.urlsplit(a["doc"]).path.rstrip("/").rsplit("/", 1)[-1]))
        elif a.get("para"):
            docs.append(document_of(a["para"]))
    wanted = {document_of(e) for e in expected}
    sections = []
    for a, d in zip(answers[:5], docs):
        if a.get("doc"):  # Pagefind: the section its heading's id names ("norvege-h" or "norvege")
            sections.append(f"{d}#{(a.get('para') or '').removesuffix('-h')}")
        elif a.get("para"):
            sections.append(section_of(a["para"]))
    return {
        "section_top5": float(any(s in {section_of(e) for e in expected} for s in sections)),
        "top1": float(rank == 1),
        "top5": float(rank is not None and rank <= 5),
        "rr": 1.0 / rank if rank else 0.0,
        "doc_top5": float(any(d in wanted for d in docs)),
    }


def run(cases: list[dict[str, Any]], with_un_corpus: Path | None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    with tempfile.TemporaryDirectory(prefix="undocs-quality-") as tmp:
        seeds = Path(tmp) / "seeds"
        shutil.copytree(ROOT / "seeds", seeds)
        for pdf in sorted(FIXTURE_PDFS.glob("*.pdf")):
            shutil.copy(pdf, seeds / pdf.name)
        if with_un_corpus:
            for pdf in sorted(with_un_corpus.glob("*.pdf")):
                shutil.copy(pdf, seeds / pdf.name)
        site = Path(tmp) / "site"
        build_site(site, None, seeds)
        subprocess.run([str(PAGEFIND), "--site", str(site), "--glob", "documents/*/index.html",
                        "--root-selector", PAGEFIND_ROOT], check=True, capture_output=True, text=True)  # fmt: skip
        write_pagefind_page(site)
        site_docs = {d.name: d.name for d in (site / "documents").iterdir() if d.is_dir()}
        queries = [c["q"] for c in cases]
        with serve(site) as origin, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.goto(origin + PREFIX + "recherche/")
            page.wait_for_selector("#search-app[data-ready]", timeout=60_000)
            undocs = page.evaluate(ASK, ["undocs", queries])
            page.goto(origin + PREFIX + "pagefind-bench.html?q=x")
            page.wait_for_selector("#pagefind-app[data-ready]", timeout=60_000)
            page.evaluate(PAGEFIND_ALL)
            pagefind = page.evaluate(ASK, ["pagefind", queries])
            browser.close()
    rows = []
    for case, u, p in zip(cases, undocs, pagefind):
        rows.append({"q": case["q"], "kind": case.get("kind", "fr"), "expected": case["top5"],
                     "undocs": judge(case["top5"], u, site_docs), "pagefind": judge(case["top5"], p, site_docs)})  # fmt: skip
    return {"pagefind": pagefind_version(), "cases": len(rows)}, rows


def summary(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    kinds = sorted({r["kind"] for r in rows}, key=lambda k: ["fr", "en", "cross"].index(k) if k in ("fr", "en", "cross") else 9)
    for kind in kinds + ["all"]:
        chosen = [r for r in rows if kind in ("all", r["kind"])]
        line: dict[str, Any] = {"kind": kind, "n": len(chosen)}
        for engine in ("undocs", "pagefind"):
            for metric in ("top1", "top5", "rr", "section_top5", "doc_top5"):
                line[f"{engine}_{metric}"] = sum(r[engine][metric] for r in chosen) / len(chosen)
        out.append(line)
    return out


def markdown(info: dict[str, Any], lines: list[dict[str, Any]], rows: list[dict[str, Any]]) -> str:
    text = [
        "# Search quality: undocs and Pagefind on the same queries",
        "",
        f"`python bench/quality.py` — {info['cases']} judged queries of `tests/search_cases.yaml`, "
        f"the seeds plus the real PDFs of the test fixtures, Pagefind {info['pagefind']} indexing the "
        "same document pages. Paragraph level: a result counts when it is one of the paragraphs a "
        "person listed for the query. See the script's docstring for the method.",
        "",
        "| queries | n | top-1 undocs | top-1 Pagefind | top-5 undocs | top-5 Pagefind | MRR undocs | MRR Pagefind | section top-5 undocs | section top-5 Pagefind | document top-5 undocs | document top-5 Pagefind |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in lines:
        text.append(
            f"| {s['kind']} | {s['n']} | {s['undocs_top1']:.2f} | {s['pagefind_top1']:.2f} | {s['undocs_top5']:.2f} "
            f"| {s['pagefind_top5']:.2f} | {s['undocs_rr']:.2f} | {s['pagefind_rr']:.2f} | {s['undocs_section_top5']:.2f} "
            f"| {s['pagefind_section_top5']:.2f} | {s['undocs_doc_top5']:.2f} | {s['pagefind_doc_top5']:.2f} |"
        )
    misses = [r for r in rows if not r["undocs"]["top5"]]
    text += ["", f"Queries whose expected paragraphs undocs does not return in its first five: {len(misses)}."]
    for r in misses:
        text.append(f"- `{r['q']}` ({r['kind']})")
    return "\n".join(text) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=Path, default=CASES)
    parser.add_argument("--out", type=Path, help="write the Markdown report there")
    parser.add_argument("--json", type=Path, help="write every judged query there")
    parser.add_argument("--un-corpus", type=Path, help="also build these PDFs (e.g. ../shared/un-corpus)")
    args = parser.parse_args()
    info, rows = run(load_cases(args.cases), args.un_corpus)
    lines = summary(rows)
    report = markdown(info, lines, rows)
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps({"info": info, "rows": rows}, ensure_ascii=False, indent=1), encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
