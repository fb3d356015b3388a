"""Why undocs reads PDFs with pypdfium2: the measurement behind the choice.

    python bench/pdf_libraries.py ../shared/un-corpus [--libraries pypdfium2,pdfplumber,pypdf]
                                  [--sample FILE:PAGE ...] [--results DIR]

The PDF reader (``src/undocs/pdf/extract.py``) needs every character of a page with its box,
its font size and its weight. The library that gives them was first picked by a quick try;
this script makes the choice a measurement that anyone can re-run on the development corpus
(``../shared/un-corpus``: 150 real UN documents, 928 pages), so that a change of library, or
of version, is argued from the same numbers. Method and conclusions: ``docs/pdf-library.md``.

Each library runs alone in a fresh interpreter (``--worker``), one after the other, so that
its peak memory (``ru_maxrss``) is its own and the two cores are not shared. A worker reads
every page as the reader would need it, and times that (wall and CPU seconds, the CPU time
being the steadier of the two on a shared machine):

- pypdfium2: ``page.get_textpage()``, ``count_chars``, then per character ``get_charbox``,
  ``FPDFText_GetFontSize``, ``FPDFText_GetMatrix`` (the size as printed), ``FPDFText_GetFontWeight``
  and ``FPDFText_IsGenerated``; the page's text is ``get_text_range()`` (PDFium's spaces and
  line breaks);
- pdfplumber (on pdfminer.six): ``page.chars`` (box, ``fontname``, ``size``), and
  ``page.extract_text()`` (default settings) for the text;
- pypdf: ``page.extract_text(visitor_text=...)``: the text, and per text-showing operator (not
  per character) its matrices, font and font size, the closest it comes to positions.

The parent then compares the texts: words (``\\w+`` runs) per document, marks left in the text
(ligatures, soft hyphens, PDFium's U+FFFE), whether the OCR'd scans give text, word boundaries
that one library misses or adds where both others agree, font sizes and bold. It prints the
tables, and writes them to ``RESULTS/pdf_libraries.md`` and every number to
``RESULTS/pdf_libraries.json``. Exit status: 0 done; 1 a worker crashed; 2 bad usage.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import json
import math
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any, TypedDict

ROOT = Path(__file__).resolve().parent.parent
LIBRARIES = ("pypdfium2", "pdfplumber", "pypdf")
DISTRIBUTIONS = {"pypdfium2": ("pypdfium2",), "pdfplumber": ("pdfplumber", "pdfminer.six"), "pypdf": ("pypdf",)}
LICENCES = {
    "pypdfium2": "Apache-2.0 or BSD-3-Clause; PDFium BSD-3-Clause",
    "pdfplumber": "MIT; pdfminer.six MIT",
    "pypdf": "BSD-3-Clause",
}
WORD = re.compile(r"\w+")
BOLD_NAME = re.compile(r"bold|black|heavy|demi", re.IGNORECASE)
#: Marks that are not the document's letters: typographic ligatures, the soft hyphen, PDFium's
#: U+FFFE (it stands for a hyphen that ended a line), U+FFFD (an unmapped glyph), C0 controls.
MARKS = {
    "ligatures ﬀ ﬁ ﬂ ﬃ ﬄ": re.compile("[\ufb00-\ufb04]"),
    "soft hyphen U+00AD": re.compile("\u00ad"),
    "U+FFFE for a line-end hyphen": re.compile("\ufffe"),
    "U+FFFD (unmapped glyph)": re.compile("\ufffd"),
    "C0 control characters": re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]"),
}
#: A typical modern page (the verbatim record), a tightly justified 1998 page, a 2025 page.
SAMPLES = ["A_79_PV.64.en.pdf:2", "A_53_601.en.pdf:2", "E_CN.18_2025_2.en.pdf:5"]
WORD_GAP = 0.02  # documents whose word counts differ by more than 2 % are listed


class PageStats(TypedDict):
    text: str
    chars: int  # characters with a box, spaces and generated characters not counted
    unit_size: int  # of which the font size as reported is <= 1 (the size before the text matrix)
    unit_size_scaled: int  # of which the size is still <= 1 once the matrices are applied
    bold: int  # of which bold (PDFium: weight >= 600; the others: "Bold" in the font's name)


# --- workers: one library, every page, in its own interpreter -------------------------------


def read_pypdfium2(path: Path) -> list[PageStats]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pages: list[PageStats] = []
    matrix = raw.FS_MATRIX()
    document = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            count = textpage.count_chars()
            text = textpage.get_text_range() if count else ""
            chars = text if len(text) == count else "".join(chr(raw.FPDFText_GetUnicode(textpage.raw, i)) for i in range(count))
            stats = PageStats(text=text, chars=0, unit_size=0, unit_size_scaled=0, bold=0)
            for i in range(count):
                textpage.get_charbox(i, loose=True)
                size = raw.FPDFText_GetFontSize(textpage.raw, i)
                raw.FPDFText_GetMatrix(textpage.raw, i, matrix)
                weight = raw.FPDFText_GetFontWeight(textpage.raw, i)
                if raw.FPDFText_IsGenerated(textpage.raw, i) or chars[i].isspace():
                    continue
                stats["chars"] += 1
                stats["unit_size"] += size <= 1.0
                stats["unit_size_scaled"] += size * math.hypot(matrix.c, matrix.d) <= 1.0
                stats["bold"] += weight >= 600
            pages.append(stats)
            textpage.close()
            page.close()
    finally:
        document.close()
    return pages


def read_pdfplumber(path: Path) -> list[PageStats]:
    import pdfplumber

    pages: list[PageStats] = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            chars = [c for c in page.chars if not c["text"].isspace()]  # size is the printed size
            unit = sum(1 for c in chars if c["size"] <= 1.0)
            bold = sum(1 for c in chars if BOLD_NAME.search(c["fontname"]))
            pages.append(PageStats(text=page.extract_text(), chars=len(chars), unit_size=unit, unit_size_scaled=unit, bold=bold))
            page.close()  # drops pdfplumber's per-page caches
    return pages


def read_pypdf(path: Path) -> list[PageStats]:
    import pypdf

    pages: list[PageStats] = []
    for page in pypdf.PdfReader(path).pages:
        stats = PageStats(text="", chars=0, unit_size=0, unit_size_scaled=0, bold=0)

        def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
            n = sum(1 for ch in text if not ch.isspace())
            scaled = size * math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
            stats["chars"] += n
            stats["unit_size"] += n if size <= 1.0 else 0
            stats["unit_size_scaled"] += n if scaled <= 1.0 else 0
            if font is not None and BOLD_NAME.search(str(font.get("/BaseFont", ""))):
                stats["bold"] += n

        stats["text"] = page.extract_text(visitor_text=visit)
        pages.append(stats)
    return pages


READERS: dict[str, Callable[[Path], list[PageStats]]] = {
    "pypdfium2": read_pypdfium2,
    "pdfplumber": read_pdfplumber,
    "pypdf": read_pypdf,
}


def worker(library: str, corpus: Path, out: Path) -> None:
    """Read every PDF of ``corpus`` with ``library``; write texts, times and memory to ``out``."""
    reader = READERS[library]
    __import__(library)
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    paths = sorted(corpus.glob("*.pdf"))
    reader(paths[0])  # lazy imports and first-call set-up, untimed
    documents: dict[str, Any] = {}
    total = cpu = 0.0
    for path in paths:
        start, start_cpu = time.perf_counter(), time.process_time()
        try:
            pages, error = reader(path), None
        except Exception as exc:  # a failure is a result: which file, which exception
            pages, error = [], f"{type(exc).__name__}: {exc}"
        seconds = time.perf_counter() - start
        total += seconds
        cpu += time.process_time() - start_cpu
        documents[path.name] = {"seconds": seconds, "error": error, "pages": pages}
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out.write_text(json.dumps({"seconds": total, "cpu_seconds": cpu, "baseline_kb": baseline, "peak_kb": peak, "documents": documents}))


# --- comparison -------------------------------------------------------------------------------


def tokens(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def boundaries(mine: list[str], other: list[str]) -> tuple[Counter[str], Counter[str]]:
    """Where ``mine`` and ``other`` have the same letters but not the same words: the word
    boundaries ``mine`` misses (glued) and adds (split), keyed by ``mine``'s words and their
    counterpart, as ``"mine ← other"``."""
    glued: Counter[str] = Counter()
    split: Counter[str] = Counter()
    for op, a0, a1, b0, b1 in difflib.SequenceMatcher(None, mine, other, autojunk=False).get_opcodes():
        if op == "replace" and "".join(mine[a0:a1]) == "".join(other[b0:b1]):
            key = " ".join(mine[a0:a1])
            if a1 - a0 < b1 - b0:
                glued[key] += (b1 - b0) - (a1 - a0)
            else:
                split[key] += (a1 - a0) - (b1 - b0)
    return glued, split


def is_scan(path: Path) -> bool:
    """A scan with an OCR text layer: nine in ten text objects of page 1 are invisible (mode 3)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    document = pdfium.PdfDocument(str(path))
    try:
        objects = list(document[0].get_objects(filter=(raw.FPDF_PAGEOBJ_TEXT,)))
        invisible = sum(raw.FPDFTextObj_GetTextRenderMode(o.raw) == raw.FPDF_TEXTRENDERMODE_INVISIBLE for o in objects)
        return bool(objects) and invisible >= 0.9 * len(objects)
    finally:
        document.close()


def excerpt(text: str, start: int, end: int, width: int = 25) -> str:
    return repr(text[max(0, start - width): end + width].replace("\r\n", "⏎").replace("\n", "⏎"))


def compare(corpus: Path, runs: dict[str, dict[str, Any]], samples: list[tuple[str, int]]) -> dict[str, Any]:
    libraries = list(runs)
    names = [p.name for p in sorted(corpus.glob("*.pdf"))]
    pages_of = {lib: {name: runs[lib]["documents"][name]["pages"] for name in names} for lib in libraries}
    report: dict[str, Any] = {"speed": {}, "fonts": {}, "marks": {}, "words": {}, "scans": {}, "spaces": {}}
    for lib in libraries:
        run, docs = runs[lib], pages_of[lib]
        pages = sum(len(d) for d in docs.values())
        report["speed"][lib] = {
            "seconds": round(run["seconds"], 2),
            "cpu_seconds": round(run["cpu_seconds"], 2),
            "pages": pages,
            "pages_per_second": round(pages / run["seconds"], 1),
            "peak_mb": round(run["peak_kb"] / 1024, 1),
            "peak_over_import_mb": round((run["peak_kb"] - run["baseline_kb"]) / 1024, 1),
            "failures": {name: d["error"] for name, d in run["documents"].items() if d["error"]},
            "chars": sum(p["chars"] for d in docs.values() for p in d),
            "empty_pages": sum(1 for d in docs.values() for p in d if not p["text"].strip()),
        }

        def share(d: list[PageStats], key: str) -> float:
            return sum(p[key] for p in d) / max(1, sum(p["chars"] for p in d))  # type: ignore[literal-required]

        report["fonts"][lib] = {
            "unit_size_docs": [n for n, d in docs.items() if share(d, "unit_size") > 0.5],
            "unit_size_scaled_docs": [n for n, d in docs.items() if share(d, "unit_size_scaled") > 0.5],
            "bold_chars": sum(p["bold"] for d in docs.values() for p in d),
            "bold": {n: sum(p["bold"] for p in d) for n, d in docs.items()},
        }
        marks: dict[str, Any] = {}
        for label, pattern in MARKS.items():
            hits = [(n, i + 1, m, p["text"]) for n, d in docs.items() for i, p in enumerate(d) for m in pattern.finditer(p["text"])]
            marks[label] = {
                "count": len(hits),
                "documents": len({h[0] for h in hits}),
                "example": f"{hits[0][0]} p. {hits[0][1]}: {excerpt(hits[0][3], hits[0][2].start(), hits[0][2].end())}" if hits else "",
            }
        report["marks"][lib] = marks
    words = {n: {lib: sum(len(tokens(p["text"])) for p in pages_of[lib][n]) for lib in libraries} for n in names}
    report["words"] = {
        "total": {lib: sum(w[lib] for w in words.values()) for lib in libraries},
        "differing": {n: w for n, w in words.items() if max(w.values()) > (1 + WORD_GAP) * max(1, min(w.values()))},
        "per_document": words,
    }
    reference = "pdfplumber" if "pdfplumber" in libraries else libraries[-1]
    report["fonts"]["bold_reference"] = reference
    report["fonts"]["bold_differing"] = {
        n: {lib: report["fonts"][lib]["bold"][n] for lib in libraries}
        for n in names
        if abs(report["fonts"][libraries[0]]["bold"][n] - report["fonts"][reference]["bold"][n]) > 0.1 * max(1, report["fonts"][reference]["bold"][n])
    }
    for name in names:
        if is_scan(corpus / name):
            report["scans"][name] = {
                lib: {
                    "words": words[name][lib],
                    "empty_pages": sum(1 for p in pages_of[lib][name] if not p["text"].strip()),
                    "first_words": " ".join(WORD.findall(pages_of[lib][name][0]["text"])[:10]) if pages_of[lib][name] else "",
                }
                for lib in libraries
            }
    # Word boundaries: each library against each other one, page by page. A boundary counts
    # against a library when both others put it the other way on the same page.
    for lib in libraries:
        others = [o for o in libraries if o != lib]
        counts: Counter[str] = Counter()
        by_document: Counter[str] = Counter()
        examples: dict[str, list[str]] = {"glued": [], "split": []}
        for name in names:
            if len({len(pages_of[x][name]) for x in libraries}) != 1:
                continue  # a library failed on this file
            for i, page in enumerate(pages_of[lib][name]):
                mine = tokens(page["text"])
                found = [boundaries(mine, tokens(pages_of[o][name][i]["text"])) for o in others]
                for k, kind in enumerate(("glued", "split")):
                    agreed = found[0][k]
                    for other, result in zip(others, found):
                        counts[f"{kind} vs {other}"] += result[k].total()
                        agreed = agreed & result[k]
                    counts[kind] += agreed.total()
                    by_document[f"{kind} {name}"] += agreed.total()
                    if agreed and len(examples[kind]) < 10 and not any(e.startswith(name) for e in examples[kind]):
                        word = next(iter(agreed))
                        theirs = _counterpart(word, mine, tokens(pages_of[others[0]][name][i]["text"]))
                        examples[kind].append(f"{name} p. {i + 1}: {word!r} where the others have {theirs!r}")
        report["spaces"][lib] = {**counts, "examples": examples, "by_document": dict(by_document.most_common())}
    report["samples"] = {}
    for name, number in samples:
        texts = {lib: tokens(pages_of[lib][name][number - 1]["text"]) for lib in libraries}
        pairs: dict[str, Any] = {}
        for i, lib in enumerate(libraries):
            for other in libraries[i + 1:]:
                glued, split = boundaries(texts[lib], texts[other])
                pairs[f"{lib} vs {other}"] = {
                    "words": [len(texts[lib]), len(texts[other])],
                    "same_sequence": texts[lib] == texts[other],
                    "glued": sorted(glued),
                    "split": sorted(split),
                }
        report["samples"][f"{name} p. {number}"] = pairs
    report["pages"] = sum(len(d) for d in pages_of[libraries[0]].values())
    return report


def _counterpart(word: str, mine: list[str], other: list[str]) -> str:
    """The words of ``other`` aligned with the words ``word`` of ``mine``."""
    for op, a0, a1, b0, b1 in difflib.SequenceMatcher(None, mine, other, autojunk=False).get_opcodes():
        if op == "replace" and " ".join(mine[a0:a1]) == word:
            return " ".join(other[b0:b1])
    return ""


# --- report -----------------------------------------------------------------------------------


def machine() -> str:
    lines = Path("/proc/cpuinfo").read_text().splitlines() if Path("/proc/cpuinfo").exists() else []
    cpu = next((line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")), platform.processor())
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def markdown(report: dict[str, Any]) -> str:
    libs = list(report["speed"])
    out = [f"`{report['command']}` — {report['machine']}. Corpus: {report['documents']} PDFs, {report['pages']} pages.", ""]
    out += ["| library | version | licence | seconds (CPU) | pages/s | peak MB (over import) | failures | characters | words | bold chars |",
            "|---|---|---|--:|--:|--:|--:|--:|--:|--:|"]
    for lib in libs:
        s = report["speed"][lib]
        out.append(f"| {lib} | {report['versions'][lib]} | {LICENCES[lib]} | {s['seconds']} ({s['cpu_seconds']}) | {s['pages_per_second']} | "
                   f"{s['peak_mb']} ({s['peak_over_import_mb']}) | {len(s['failures'])} | {s['chars']:,} | "
                   f"{report['words']['total'][lib]:,} | {report['fonts'][lib]['bold_chars']:,} |")
    for lib in libs:
        for name, error in report["speed"][lib]["failures"].items():
            out.append(f"\n{lib} fails on {name}: {error}")
    out += ["", "Font size <= 1 pt for most characters of a document (the size before the text matrix), as reported / once the matrices are applied:", ""]
    for lib in libs:
        f = report["fonts"][lib]
        out.append(f"- {lib}: {len(f['unit_size_docs'])} / {len(f['unit_size_scaled_docs'])} documents {f['unit_size_docs'][:4]}")
    out += ["", f"Bold characters differing by more than 10 % between {libs[0]} and {report['fonts']['bold_reference']}:", "",
            "| document | " + " | ".join(libs) + " |", "|---|" + "--:|" * len(libs)]
    for name, per in report["fonts"]["bold_differing"].items():
        out.append(f"| {name} | " + " | ".join(str(per[lib]) for lib in libs) + " |")
    out += ["", "Marks left in the text: occurrences (documents):", "", "| mark | " + " | ".join(libs) + " |", "|---|" + "--:|" * len(libs)]
    for label in MARKS:
        out.append(f"| {label} | " + " | ".join(f"{report['marks'][lib][label]['count']} ({report['marks'][lib][label]['documents']})" for lib in libs) + " |")
    for lib in libs:
        for label, m in report["marks"][lib].items():
            if m["example"]:
                out.append(f"\n{lib}, {label}: {m['example']}")
    out += ["", "Word boundaries where both other libraries agree against this one (glued: a boundary missing; split: one too many):", "",
            "| library | glued | split |", "|---|--:|--:|"]
    for lib in libs:
        out.append(f"| {lib} | {report['spaces'][lib].get('glued', 0)} | {report['spaces'][lib].get('split', 0)} |")
    for lib in libs:
        for kind in ("glued", "split"):
            for example in report["spaces"][lib]["examples"][kind][:6]:
                out.append(f"\n{lib} {kind}: {example}")
    out += ["", "OCR'd scans (invisible text over a page image): words, empty pages, first words of page 1:", "",
            "| document | " + " | ".join(libs) + " |", "|---|" + "---|" * len(libs)]
    for name, per in report["scans"].items():
        out.append(f"| {name} | " + " | ".join(f"{per[lib]['words']}, {per[lib]['empty_pages']}: {per[lib]['first_words']}" for lib in libs) + " |")
    out += ["", f"Documents whose word counts differ by more than {WORD_GAP:.0%}:", "", "| document | " + " | ".join(libs) + " |", "|---|" + "--:|" * len(libs)]
    for name, w in report["words"]["differing"].items():
        out.append(f"| {name} | " + " | ".join(str(w[lib]) for lib in libs) + " |")
    for page, pairs in report["samples"].items():
        out += ["", f"Sample page {page}, words of the first library glued / split relative to the second:", ""]
        for key, value in pairs.items():
            out.append(f"- {key}: {value['words'][0]} and {value['words'][1]} words, same sequence: {value['same_sequence']}; "
                       f"glued {value['glued'][:5]}, split {value['split'][:5]}")
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("corpus", type=Path, help="folder of PDFs (../shared/un-corpus)")
    parser.add_argument("--libraries", default=",".join(LIBRARIES), help="comma-separated, among " + ", ".join(LIBRARIES))
    parser.add_argument("--sample", nargs="+", default=SAMPLES, help="FILE:PAGE whose words are compared in full")
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--worker", choices=LIBRARIES, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.corpus, args.out)
        return 0
    libraries = [lib for lib in args.libraries.split(",") if lib]
    samples = [(name, int(page)) for name, _, page in (s.rpartition(":") for s in args.sample) if page.isdigit()]
    if not args.corpus.is_dir() or not any(args.corpus.glob("*.pdf")):
        parser.error(f"{args.corpus}: no PDF files there")
    if len(libraries) < 2 or any(lib not in READERS for lib in libraries):
        parser.error("--libraries: two or more of " + ", ".join(LIBRARIES))
    for lib in {"pypdfium2", *libraries}:
        if importlib.util.find_spec(lib) is None:
            parser.error(f"{lib} is not installed: pip install {lib}")
    if len(samples) != len(args.sample) or not all((args.corpus / name).is_file() for name, _ in samples):
        parser.error("--sample: FILE:PAGE of a PDF in the corpus")
    runs: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for lib in libraries:
            out = Path(tmp) / f"{lib}.json"
            start = time.perf_counter()
            done = subprocess.run([sys.executable, __file__, str(args.corpus), "--worker", lib, "--out", str(out)])
            if done.returncode != 0:
                print(f"{lib}: the worker exited with status {done.returncode}", file=sys.stderr)
                return 1
            print(f"{lib}: {time.perf_counter() - start:.1f} s with interpreter start-up", file=sys.stderr)
            runs[lib] = json.loads(out.read_text())
    report = compare(args.corpus, runs, samples)
    report["machine"] = machine()
    report["documents"] = len(list(args.corpus.glob("*.pdf")))
    report["versions"] = {lib: ", ".join(f"{d} {version(d)}" for d in DISTRIBUTIONS[lib]) for lib in libraries}
    report["command"] = "python bench/pdf_libraries.py " + " ".join(sys.argv[1:])
    text = markdown(report)
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / "pdf_libraries.md").write_text(text)
    (args.results / "pdf_libraries.json").write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
