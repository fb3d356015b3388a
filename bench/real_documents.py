#!/usr/bin/env python3
"""How well the archive reads real UN PDFs: one row per document, and a summary.

    python bench/real_documents.py ../shared/un-corpus [--markdown docs/real-documents.md]

Builds the seeds plus every PDF of the folder into a temporary site (the real command, with
``--jobs 2``), then reads the parsed records and says, per document, what the masthead gave
(symbols, date, organ, languages, title), the parts, paragraphs, footnotes and removals, who
speaks, and the warnings. The summary gives the build's time and pages per second, the fields
left unknown, the paragraphs that still hold page furniture (by the shapes a person would
recognise: a job number, "2/4" beside it, a barcode, "Please recycle") and, where
``tests/fixtures/real/facts.yaml`` (facts read by a person from the PDFs) names a document,
how many symbols, dates and senders agree with it. A report, not a test: the targets are
checked by ``tests/test_real_corpus.py``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from undocs.pdf.extract import open_pdf  # noqa: E402
from undocs.pipeline import load_corpus  # noqa: E402
from undocs.states import Gazetteer, load_states  # noqa: E402

FACTS = ROOT / "tests" / "fixtures" / "real" / "facts.yaml"
#: Page furniture a reader would spot in a paragraph (the build must leave none).
FURNITURE = re.compile(
    r"(?:GE\.)?\b\d{2}-\d{5}\s*\([A-Z]\)|\b\d{1,3}/\d{1,3}\s+\d{2}-\d{5}\b|\b\d{2}-\d{5}\s+\d{1,3}/\d{1,3}\b"
    r"|\*\d{7,8}\*|Please recycle"
)


def pages_of(folder: Path) -> int:
    total = 0
    for pdf in folder.glob("*.pdf"):
        document = open_pdf(pdf)
        total += len(document)
        document.close()
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, help="a folder of UN PDFs (e.g. ../shared/un-corpus)")
    parser.add_argument("--markdown", type=Path, help="also write the report as Markdown to this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        shutil.copytree(ROOT / "seeds", seeds)
        for pdf in sorted(args.corpus.glob("*.pdf")):
            shutil.copy(pdf, seeds / pdf.name)
        pages = pages_of(seeds)
        started = time.perf_counter()
        build = subprocess.run(
            [sys.executable, str(ROOT / "build.py"), "--seeds", str(seeds), "--out", str(Path(tmp) / "site")],
            capture_output=True, text=True, check=False,
        )
        seconds = time.perf_counter() - started
        corpus, report, _texts = load_corpus(seeds, ROOT / "data")
    warnings = [line for line in build.stderr.splitlines() if line.startswith("warning:")]
    lines = report_lines(corpus, report, warnings, pages, seconds, build)
    print("\n".join(lines))
    if args.markdown:
        args.markdown.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0 if build.returncode == 0 else 1


INTRO = [
    "Made by `python bench/real_documents.py ../shared/un-corpus --markdown docs/real-documents.md`:",
    "the seeds and the 150 PDFs of `../shared/un-corpus/` (as the Official Document System",
    "publishes them, no sidecar) built in one run, then one row per document — the symbols, date,",
    "organ, languages and title read from its masthead (`?`: not printed, left unknown), its parts,",
    "paragraphs (§§), footnotes, the page furniture removed, who speaks and the warnings. The facts",
    "it is checked against were read by a person from the rendered pages",
    "(`tests/fixtures/real/facts.yaml`); `tests/test_real_documents.py` holds the targets.",
]
LIMITS = [
    "## What is not read, and why",
    "",
    "- Four files are the Official Document System's \"document not found\" page saved under a",
    "  symbol's name: recognised and left out, with a warning (an error under `--strict`).",
    "- OCR'd scans keep their recognition errors as text. A masthead symbol misread by OCR gives",
    "  way to the running headers' reading when they print it well formed (A/47/435); where no page",
    "  prints it well (A/39/36I, E/CNA/UO) it stays as printed: correcting it would be a guess. An",
    "  OCR'd date that is not a date (\"25 July 19 84\", \"3 June 19k8\") is left unknown.",
    "- Titles are left unknown where the first page sets none apart (1990s layouts in plain",
    "  capitals, Official Records covers, OCR): the text is all there, only the title field is empty.",
    "- The version's language is read from the job number's letter (\"(E)\"); documents that print",
    "  none (Official Records covers, older Geneva documents) leave it unknown.",
    "- Spaces are PDFium's: a few justified lines have a space inside a word in the PDF's own text",
    "  layer (\"bene fits\"), kept as extracted. Table cells are kept apart by \" | \" (no word).",
    "- A two-column page (the UN University policy brief) is read in PDFium's order.",
]


def report_lines(corpus, report, warnings: list[str], pages: int, seconds: float, build) -> list[str]:
    by_file: dict[str, list[str]] = {}
    for line in warnings:
        for doc in corpus.documents:
            if doc.source_file in line:
                by_file.setdefault(doc.source_file, []).append(line)
    out = [
        "| file | symbols | date | organ | lang. | orig. | title | parts | §§ | notes | removed | who speaks | warnings |",
        "|---|---|---|---|---|---|---|---:|---:|---:|---:|---|---:|",
    ]
    furniture = 0
    for doc in corpus.documents:
        held = [p for p in doc.paragraphs if FURNITURE.search(p.text)]
        furniture += len(held)
        speakers = Counter(s.role for s in doc.statements)
        who = ", ".join(f"{n} {role}" for role, n in sorted(speakers.items())) or "—"
        title = (doc.title or "?")[:40].replace("|", "/")
        out.append(
            f"| {doc.source_file} | {' '.join(((doc.symbol,) if doc.symbol else ()) + doc.other_symbols) or '?'} "
            f"| {doc.date or '?'} | {(doc.body or '?')[:28]} | {doc.language or '?'} | {','.join(doc.original_languages) or '?'} "
            f"| {title} | {len(doc.parts)} | {len(doc.paragraphs)} | {sum(len(p.footnotes) for p in doc.parts)} "
            f"| {len(doc.removals)} | {who} | {len(by_file.get(doc.source_file, []))} |"
        )
    documents = corpus.documents
    pdfs = [d for d in documents if d.format == "pdf"]
    unknown = {field: [d.source_file for d in pdfs if not getattr(d, field)] for field in ("symbol", "date", "title", "body", "language")}
    losses = [w for w in warnings if "missing from its page" in w or "removed as furniture" in w]
    built_line = re.sub(r" written to \S+", "", build.stdout.strip())  # not the temporary folder
    summary = [
        "",
        "## Summary",
        "",
        f"- Build (seeds + {len(pdfs)} PDFs, {pages} PDF pages): exit {build.returncode}, {seconds:.1f} s wall, "
        f"{pages / seconds:.0f} PDF pages per second (whole build, `--jobs 2`).",
        f"- {built_line}",
        f"- Paragraphs {sum(len(d.paragraphs) for d in documents)}; footnotes {sum(len(p.footnotes) for d in documents for p in d.parts)}; "
        f"statements {sum(len(d.statements) for d in documents)} ({dict(Counter(s.role for d in documents for s in d.statements))}).",
        f"- Removals {len(report.removals)}, by rule: {dict(Counter(r.rule for r in report.removals).most_common())}.",
        f"- Paragraphs still holding page furniture: {furniture}.",
        f"- Words lost or wrongly removed (the build's word check): {len(losses)}" + ("" if not losses else ": " + "; ".join(losses)),
        "- Unknown fields (PDFs): " + "; ".join(f"{k} {len(v)}" for k, v in unknown.items()) + ".",
    ]
    for field, files in unknown.items():
        if files:
            summary.append(f"  - {field} unknown: {', '.join(files)}")
    summary += facts_summary(documents)
    return ["# Real UN documents: what the archive reads", "", *INTRO, ""] + out + summary + ["", *LIMITS]


def facts_summary(documents) -> list[str]:
    """Agreement with the facts a person read, over the documents that print a masthead (as
    ``tests/test_real_documents.py`` counts it)."""
    if not FACTS.exists():
        return ["- No hand-read facts file: accuracy not measured."]
    facts = yaml.safe_load(FACTS.read_text(encoding="utf-8"))
    gazetteer = Gazetteer(load_states(ROOT / "data" / "states.yaml"))
    by_file = {d.source_file: d for d in documents}
    symbols = dates = senders = letters = masthead = 0
    misses: list[str] = []
    for fact in facts:
        doc = by_file.get(fact["file"])
        if doc is None or not fact["symbols"]:
            continue
        masthead += 1
        read = [s for s in ((doc.symbol,) if doc.symbol else ()) + doc.other_symbols]
        if read == fact["symbols"]:
            symbols += 1
        else:
            misses.append(f"{fact['file']}: symbols {read} ≠ {fact['symbols']}")
        if (str(fact["date"]) if fact.get("date") else None) == doc.date:
            dates += 1
        else:
            misses.append(f"{fact['file']}: date {doc.date} ≠ {fact.get('date')}")
        if "senders" in fact:
            letters += 1
            names = {s.state for s in doc.statements if s.role == "sender"}
            expected = {getattr(gazetteer.resolve(name), "id", name) for name in fact["senders"]}
            if names == expected:
                senders += 1
            else:
                misses.append(f"{fact['file']}: senders {sorted(names)} ≠ {fact['senders']}")
    return [
        f"- Against the facts a person read from the pages ({FACTS.relative_to(ROOT)}), over the "
        f"{masthead} documents that print a masthead: symbols {symbols}/{masthead} ({100 * symbols / masthead:.1f} %), "
        f"dates {dates}/{masthead} ({100 * dates / masthead:.1f} %), senders {senders}/{letters} letters "
        f"({100 * senders / max(letters, 1):.1f} %).",
    ] + [f"  - {m}" for m in misses]


if __name__ == "__main__":
    sys.exit(main())
