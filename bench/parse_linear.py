"""Parsing time must grow linearly with the size of a source: seconds per MB stay flat.

    python bench/parse_linear.py [--sizes 1,2,5,10,20] [--corpus] [--build]

Generates, deterministically, plain-text and Markdown documents of 1, 2, 5, 10 and 20 MB from
the real seeds (each seed repeated whole, with its page headers and footers, so the text is
realistic: UN paragraphs, replies, page artefacts, footnotes), plus adversarial inputs
(one paragraph of N MB cut by page breaks every few lines, a line of N MB without spaces, a
run of no-break spaces before a Markdown paragraph's last word, spaces in an "[Original :"
line: inputs that made regular expressions backtrack), and prints, for each, the seconds
spent in ``sources.discover`` + ``parse_source`` and the seconds per MB. ``--corpus`` also times ``pipeline.load_corpus`` (parse + states and
topics), ``--build`` the whole build into a temporary folder (slow: render, search index).

A superlinear step (string concatenation in a loop, a regex that backtracks, a list scan per
item) shows up as a s/MB column that grows with the size.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from undocs.parse.document import parse_source  # noqa: E402
from undocs.pipeline import load_corpus  # noqa: E402
from undocs.sources import discover  # noqa: E402
from undocs.states import Gazetteer, load_states  # noqa: E402

SEEDS = ROOT / "seeds"
DATA = ROOT / "data"
MB = 1_000_000

PLAIN_SIDECAR = """symbol: A/67/131
title: Bench
date: "2012"
body: Assemblée générale
language: fr
original_languages: [espagnol]
format: {format}
job_number: 12-41314
"""


def repeat_to(text: str, size: int, separator: str = "\n\n") -> str:
    """``text`` repeated whole until the result is at least ``size`` bytes of UTF-8."""
    unit = text.rstrip("\n") + separator
    count = -(-size // len(unit.encode("utf-8")))
    return unit * count


def plaintext(size: int) -> str:
    return repeat_to((SEEDS / "a-67-131.fr.txt").read_text(encoding="utf-8"), size)


def markdown(size: int) -> str:
    return repeat_to((SEEDS / "cd-2012-kazakhstan-otsc.fr.md").read_text(encoding="utf-8"), size)


def long_paragraph(size: int) -> str:
    """One reply paragraph continued across thousands of page breaks (lower-case tails)."""
    line = "des armements et de la non-prolifération, sans discrimination aucune entre les États \n"
    page = line * 40 + "\n\nA/67/131\n\n\n912-41314\n\n\n"
    return " 1. Le désarmement multilatéral \n" + repeat_to(page, size, separator="")


def long_line(size: int) -> str:
    """A single line of ``size`` bytes without a space, inside a normal paragraph."""
    return " 1. Début " + "x" * size + " fin.\n"


def nbsp_run(size: int) -> str:
    """A numbered Markdown paragraph with a run of ``size`` bytes of no-break spaces before
    its last word (a pattern with ``\\s*`` before a marker backtracked on it)."""
    return "## Titre\n\n1. Début" + "\u00a0" * (size // 2) + "fin\n"


def original_spaces(size: int) -> str:
    """A reply's "[Original :" line with ``size`` spaces before its language and no closing
    bracket (a lazy group before ``\\s*`` backtracked on it in cubic time)."""
    return "  Cuba \n\n[Original : " + " " * size + "x\n\n 1. Texte.\n"


GENERATORS = {
    "plaintext": (plaintext, "plaintext", ".txt"),
    "markdown": (markdown, "markdown", ".md"),
    "long paragraph": (long_paragraph, "plaintext", ".txt"),
    "line without spaces": (long_line, "plaintext", ".txt"),
    "no-break space run": (nbsp_run, "markdown", ".md"),
    "spaces in [Original]": (original_spaces, "plaintext", ".txt"),
}


def seeds_with(folder: Path, text: str, fmt: str, suffix: str) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / f"bench.fr{suffix}").write_text(text, encoding="utf-8")
    (folder / "bench.fr.yaml").write_text(PLAIN_SIDECAR.format(format=fmt), encoding="utf-8")
    return folder


def timed(function) -> float:
    gc.collect()
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,5,10,20", help="sizes in MB, comma-separated")
    parser.add_argument("--only", help="one input kind: " + ", ".join(GENERATORS))
    parser.add_argument("--corpus", action="store_true", help="also time load_corpus (parse + states + topics)")
    parser.add_argument("--build", action="store_true", help="also time the whole build (python build.py)")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    resolve = Gazetteer(load_states(DATA / "states.yaml"))
    columns = ["input", "MB", "parse s", "parse s/MB"]
    if args.corpus:
        columns += ["corpus s", "corpus s/MB"]
    if args.build:
        columns += ["build s", "build s/MB"]
    print(" | ".join(f"{c:>19}" if i == 0 else f"{c:>11}" for i, c in enumerate(columns)))
    with tempfile.TemporaryDirectory(prefix="undocs-bench-") as tmp:
        for name, (generate, fmt, suffix) in GENERATORS.items():
            if args.only and name != args.only:
                continue
            for size_mb in sizes:
                text = generate(int(size_mb * MB))
                real_mb = len(text.encode("utf-8")) / MB
                seeds = seeds_with(Path(tmp) / "seeds", text, fmt, suffix)
                del text
                row = [name, f"{real_mb:.1f}"]
                parse_s = timed(lambda: [parse_source(s, resolve) for s in discover(seeds)])
                row += [f"{parse_s:.2f}", f"{parse_s / real_mb:.3f}"]
                if args.corpus:
                    corpus_s = timed(lambda: load_corpus(seeds, DATA))
                    row += [f"{corpus_s:.2f}", f"{corpus_s / real_mb:.3f}"]
                if args.build:
                    from undocs.cli import main as build

                    build_s = timed(lambda: build(["--seeds", str(seeds), "--out", str(Path(tmp) / "site")]))
                    row += [f"{build_s:.2f}", f"{build_s / real_mb:.3f}"]
                print(" | ".join(f"{c:>19}" if i == 0 else f"{c:>11}" for i, c in enumerate(row)), flush=True)
    # The gazetteer's one regular expression for ~2,500 forms, over the text of both seeds.
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.fr.*")) if p.suffix != ".yaml")
    mentions_s = timed(lambda: [resolve.mentions(text) for _ in range(10)]) / 10
    print(f"states named in the seeds' text (gazetteer.mentions, {len(text) / MB:.2f} MB): {mentions_s:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
