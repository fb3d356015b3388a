"""Mutation testing with mutmut: how many deliberate bugs the tests aimed at each module catch.

    pip install -e ".[mutation]"
    python bench/mutation.py                    # every module below, smallest first
    python bench/mutation.py fidelity output    # some of them
    python bench/mutation.py --survivors pdf.furniture   # re-run only the last run's survivors (not the equivalent ones)
    python bench/mutation.py --timeouts states  # re-run only the last run's timeouts (on an idle machine)
    python bench/mutation.py states --only 'undocs.states.xǁGazetteerǁresolve__*'  # a changed function's mutants
    python bench/mutation.py --report           # rewrite docs/mutation.md from the stored results
    python bench/mutation.py --list             # the modules, their files and their tests

For each module, mutmut 3 (configured in ``[tool.mutmut]`` of pyproject.toml) copies the project
into ``mutants/`` (ignored by git, removed before each module), writes every mutant of the
module's functions there, runs the tests aimed at the module once to learn which test runs
which function, then, for each mutant, the tests that run its function. A mutant a test fails
on is killed; one every test passes on survived: either a test is missing, or the mutant
behaves as the original (an equivalent mutant, explained in ``docs/mutation.md``).

Each module runs in a child process (mutmut's configuration is read once per process); the
child finds the mutated code first on ``PYTHONPATH`` (subprocesses too) and sets
``UNDOCS_MUTATION``, which gives the shared fixtures of the tests each test's own scope
(``tests/conftest.py::shared``), and ``UNDOCS_SHARED``, the ``../shared`` folder of the
repository (its ``un-corpus/``, which ``tests/test_analysis_parity.py`` reads, is not beside
mutmut's copy). Results, with each survivor's diff and the time taken, are
stored in ``bench/results/mutation.json``; ``docs/mutation.md`` is written from them.

mutmut runs each mutant in a process forked from one that has already run the tests once: what a
module computes at import (``analysis._FUNCTIONS``) or keeps in a cache (``functools.cache``:
``analysis.lexicon``, ``analysis.term``...) was computed there by the original code, and a mutant
of the function behind it shows only to a test that calls that function itself, on inputs of its
own (``tests/test_analysis.py`` does; mutmut does not mutate decorated functions themselves).

Not part of the test run: it takes minutes per module (the table gives the time of each).
Module-level code (constants, the lambdas of ``pdf.furniture.RULES`` and of
``fidelity.SHAPES``) is not mutated by mutmut, which mutates function bodies only.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "mutation.json"
#: Survivors read and found equivalent (they behave as the original): mutant name -> why.
EQUIVALENT = ROOT / "bench" / "mutation_equivalent.json"
REPORT = ROOT / "docs" / "mutation.md"
TARGET = 0.90

#: Each module: the files mutated and the tests aimed at it: unit and in-process tests. Left
#: out: the property tests of broken input, the browser tests, the builds run as a command
#: (mutmut cannot tell which function a subprocess ran, so it never runs them for a mutant)
#: and the build of the 150 real PDFs (minutes a run; a survivor runs every test of its function).
MODULES: dict[str, tuple[list[str], list[str]]] = {
    "output": (["src/undocs/output.py"], ["tests/test_output.py"]),
    "fidelity": (["src/undocs/fidelity.py"], ["tests/test_fidelity.py", "tests/test_pdf_furniture.py"]),
    "enrich": (["src/undocs/enrich.py"], ["tests/test_enrich.py", "tests/test_golden.py"]),
    "sources": (["src/undocs/sources.py"], ["tests/test_sources.py"]),
    "export": (["src/undocs/export.py"], ["tests/test_export.py", "tests/test_corpus_fixture.py"]),
    "states": (["src/undocs/states.py"], ["tests/test_states.py", "tests/test_states_resolve.py"]),
    "topics": (["src/undocs/topics.py"], ["tests/test_topics.py", "tests/test_topic_matching.py"]),
    "read": (["src/undocs/read/*.py"], ["tests/test_read.py", "tests/test_read_pdf.py", "tests/test_parse_document.py", "tests/test_real_documents.py"]),
    "parse.plaintext": (["src/undocs/parse/plaintext.py"], ["tests/test_parse_plaintext.py", "tests/test_golden.py"]),
    "parse.markdown": (["src/undocs/parse/markdown.py"], ["tests/test_parse_markdown.py", "tests/test_parse_markdown_links.py", "tests/test_golden.py"]),
    "parse.common": (["src/undocs/parse/common.py"], ["tests/test_parse_common.py", "tests/test_parse_plaintext.py", "tests/test_parse_markdown.py",
                                                       "tests/test_parse_document.py", "tests/test_golden.py"]),
    "parse.document": (["src/undocs/parse/document.py"], ["tests/test_parse_document.py", "tests/test_real_documents.py", "tests/test_golden.py"]),
    "pdf.furniture": (["src/undocs/pdf/furniture.py"], ["tests/test_pdf_furniture.py", "tests/test_fidelity.py", "tests/test_real_documents.py"]),
    "pdf.speakers": (["src/undocs/pdf/speakers.py"], ["tests/test_pdf_speakers.py", "tests/test_pdf_layout.py", "tests/test_real_documents.py"]),
    "pdf.extract": (["src/undocs/pdf/extract.py"], ["tests/test_pdf_extract.py", "tests/test_pdf_layout.py", "tests/test_real_documents.py"]),
    "pdf.masthead": (["src/undocs/pdf/masthead.py"], ["tests/test_pdf_masthead.py", "tests/test_real_documents.py"]),
    "pdf.layout": (["src/undocs/pdf/layout.py"], ["tests/test_pdf_layout.py", "tests/test_real_documents.py"]),
    # The search index: Python writes it, Node (the site's own search modules) reads it back in
    # tests/test_search.py; the engine's own JavaScript is another tool's (StrykerJS) to mutate.
    "search.store": (["src/undocs/search/store.py"], ["tests/test_search.py"]),
    "search": (["src/undocs/search/__init__.py"], ["tests/test_search.py", "tests/test_search_shards.py"]),
    "search.index": (["src/undocs/search/index.py"], ["tests/test_search.py"]),
    "analysis": (["src/undocs/analysis.py"], ["tests/test_analysis.py", "tests/test_analysis_parity.py", "tests/test_acronyms.py"]),
}
#: Tests left out of every selection: the build of the whole un-corpus (minutes a run).
DESELECT = ["-k", "not every_real_pdf and not strict_refuses_exactly and not symbols_dates_and_senders and not 1000_page"]


def child(module: str, max_children: int, names: list[str]) -> None:
    """Run mutmut on one module, in this process (``--child``), and store its results."""
    os.chdir(ROOT)
    import dataclasses

    from mutmut import configuration

    files, tests = MODULES[module]
    base = configuration._load_config()
    configuration._config = dataclasses.replace(
        base, only_mutate=files, debug=bool(os.environ.get("UNDOCS_MUTATION_DEBUG")),
        timeout_multiplier=float(os.environ.get("UNDOCS_MUTATION_TIMEOUT_MULTIPLIER") or base.timeout_multiplier),
        pytest_add_cli_args_test_selection=[t for t in tests if (ROOT / t.split("::")[0]).exists()] + DESELECT,
    )
    from mutmut.__main__ import _run, walk_mutatable_files
    from mutmut.mutation.data import SourceFileMutationData
    from mutmut.mutation.diff_apply import get_diff_for_mutant
    from mutmut.stats import status_by_exit_code

    # The npm packages the build copies (257 MB): linked, not copied.
    (ROOT / "mutants").mkdir(exist_ok=True)
    if not (ROOT / "mutants" / "node_modules").exists():
        (ROOT / "mutants" / "node_modules").symlink_to(ROOT / "node_modules")
    started = time.monotonic()
    try:
        _run(tuple(names), max_children)
    except SystemExit as stop:
        if stop.code not in (0, None):
            raise
    seconds = time.monotonic() - started
    statuses: dict[str, str] = {}
    survived: dict[str, str] = {}
    for path in walk_mutatable_files():
        data = SourceFileMutationData(path=path)
        data.load()
        for name, code in data.exit_code_by_key.items():
            statuses[name] = status_by_exit_code[code]
            if statuses[name] == "survived":
                survived[name] = get_diff_for_mutant(name, path=path)
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    previous = results.get(module, {})
    if names:  # only these ran again (names or fnmatch patterns): the other verdicts stand
        def ran(name: str) -> bool:
            return any(fnmatch.fnmatchcase(name, pattern) for pattern in names)

        # A changed function's mutants are numbered afresh: its old verdicts are all replaced.
        kept = {k: v for k, v in previous.get("statuses", {}).items() if not ran(k)}
        statuses = {**kept, **{k: v for k, v in statuses.items() if ran(k)}}
        survived = {k: v for k, v in {**previous.get("survived", {}), **survived}.items() if statuses.get(k) == "survived"}
        seconds += previous.get("seconds", 0.0)
    results[module] = {"files": files, "tests": tests, "seconds": round(seconds, 1), "statuses": statuses,
                       "survived": survived}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")


def run_module(module: str, max_children: int, again: str | None, only: list[str]) -> None:
    """Run one module's mutants, or only those whose last verdict was ``again`` ("survived" or
    "timeout": a timeout on a loaded machine may be a slow test run, not a loop), or only
    those whose names match a pattern of ``only`` (the functions a change touched)."""
    names: list[str] = list(only)
    if again:
        results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
        # An equivalent mutant behaves as the original whatever the tests: not run again.
        equivalent = json.loads(EQUIVALENT.read_text(encoding="utf-8")) if EQUIVALENT.exists() else {}
        statuses = results.get(module, {}).get("statuses", {})
        names = sorted(name for name, status in statuses.items() if status == again and name not in equivalent)
        if not names:
            print(f"{module}: no mutant to run again ({again})")
            return
    shutil.rmtree(ROOT / "mutants", ignore_errors=True)
    # There before the child starts: Python caches a folder of PYTHONPATH that is missing.
    (ROOT / "mutants" / "src").mkdir(parents=True, exist_ok=True)
    # The shared folder (../shared/un-corpus, read by tests/test_analysis_parity.py) is beside
    # the repository, not beside mutmut's copy of it: the tests are told where it is.
    env = dict(os.environ, PYTHONPATH=str(ROOT / "mutants" / "src"), UNDOCS_MUTATION="1")
    if (ROOT.parent / "shared").is_dir():
        env.setdefault("UNDOCS_SHARED", str(ROOT.parent / "shared"))
    command = [sys.executable, __file__, "--child", module, "--max-children", str(max_children), *names]
    print(f"== {module}: {', '.join(MODULES[module][0])}", flush=True)
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def score(entry: dict, equivalent: dict[str, str]) -> tuple[int, int, int, int, int, int]:
    """(mutants, killed, timeouts, equivalent, survived, other): a timeout (a mutant that loops,
    or whose tests ran past mutmut's CPU-time limit) counts as killed in the score; an
    equivalent survivor is one read and explained in ``EQUIVALENT``."""
    statuses = entry["statuses"]
    killed = sum(s == "killed" for s in statuses.values())
    timeouts = sum(s == "timeout" for s in statuses.values())
    # An equivalent mutant behaves as the original: if it timed out, the machine was slow.
    same = sum(s in ("survived", "timeout") and name in equivalent for name, s in statuses.items())
    timeouts -= sum(s == "timeout" and name in equivalent for name, s in statuses.items())
    survived = sum(s == "survived" and name not in equivalent for name, s in statuses.items())
    return len(statuses), killed, timeouts, same, survived, len(statuses) - killed - timeouts - same - survived


def write_report() -> None:
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    equivalent = json.loads(EQUIVALENT.read_text(encoding="utf-8")) if EQUIVALENT.exists() else {}
    lines = [
        "# Mutation testing",
        "",
        "Written by `python bench/mutation.py` (mutmut 3.8.1, `[tool.mutmut]` in pyproject.toml): each module is",
        "mutated function by function, and each mutant is run against the tests aimed at that module",
        "(listed below), the tests mutmut saw run the mutated function. A mutant is killed when a test",
        "fails on it (or times out). A survivor is either equivalent — it behaves as the original; each",
        "one is explained below, from `bench/mutation_equivalent.json` — or a test is missing.",
        "Score: (killed + timeout + equivalent) ÷ mutants; killed ÷ mutants in brackets. Target: 90 % per module.",
        "A timeout is a mutant whose tests ran past mutmut's limits: their time on the original plus 1 s, times",
        "30 in CPU time or times 15 in wall time. A mutant that loops passes them; so can a test run on a machine",
        "loaded far beyond its cores (`pdf.masthead`'s 26 timeouts of a run on a machine shared with other work,",
        "run again at load 2 with `--timeouts`, were 14 killed and 12 survivors, which tests now kill). The timed-out",
        "mutants of each module are named in its section, to be run again before they are trusted as killed.",
        "Each mutant runs in a process forked after a first run of the tests: what a module computes at import",
        "or caches was computed by the original code there, so the tests call the functions behind such values",
        "directly (see the docstring of `bench/mutation.py`).",
        "",
        "| module | mutants | killed | timeout | equivalent | survived | not run | score (killed only) | time |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    order = [m for m in MODULES if m in results]
    for module in order:
        entry = results[module]
        total, killed, timeouts, same, survived, other = score(entry, equivalent)
        rate, strict = ((killed + timeouts + same) / total, killed / total) if total else (0.0, 0.0)
        lines.append(f"| `{module}` | {total} | {killed} | {timeouts} | {same} | {survived} | {other} | {rate:.1%} ({strict:.1%}) | "
                     f"{entry['seconds'] / 60:.1f} min |")
    missing = [m for m in MODULES if m not in results]
    if missing:
        lines += ["", "Not run yet: " + ", ".join(f"`{m}`" for m in missing) + " (listed in `bench/mutation.py`,",
                  "no result stored: run `python bench/mutation.py MODULE`)."]
    lines.append("")
    for module in order:
        entry = results[module]
        lines += [f"## `{module}`", "", "Files: " + ", ".join(f"`{f}`" for f in entry["files"]) + ".",
                  "Tests: " + ", ".join(f"`{t}`" for t in entry["tests"]) + ".", ""]
        timed_out = sorted(k for k, v in entry["statuses"].items() if v == "timeout" and k not in equivalent)
        if timed_out:
            lines += [f"Timed out ({len(timed_out)}): " + ", ".join(f"`{k}`" for k in timed_out) + ".", ""]
        others = {k: v for k, v in entry["statuses"].items() if v not in ("killed", "timeout", "survived")}
        if others:
            lines += [f"Not run ({len(others)}): " + ", ".join(sorted({v for v in others.values()})) + ".", ""]
        if not entry["survived"]:
            lines += ["No survivor.", ""]
            continue
        for name, diff in sorted(entry["survived"].items(), key=lambda item: (item[0] not in equivalent, item[0])):
            why = f"equivalent: {equivalent[name]}" if name in equivalent else "**survived: a test is missing**"
            lines += [f"- `{name}` — {why}", "", "  ```diff", *("  " + line for line in diff.splitlines()[2:]), "  ```", ""]
    REPORT.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    print(f"wrote {REPORT.relative_to(ROOT)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help=f"among: {', '.join(MODULES)} (default: all)")
    parser.add_argument("--max-children", type=int, default=2, help="mutants run at once (default 2)")
    parser.add_argument("--survivors", action="store_true",
                        help="run only the survivors of the last run again (those not recorded as equivalent)")
    parser.add_argument("--timeouts", action="store_true",
                        help="run only the mutants that timed out in the last run again (those not recorded as equivalent)")
    parser.add_argument("--only", action="append", default=[], metavar="PATTERN",
                        help="run only the mutants whose names match (fnmatch; repeatable): a changed function's "
                             "mutants, whose stored verdicts they replace")
    parser.add_argument("--timeout-multiplier", type=float,
                        help="mutmut's timeout_multiplier (default 15): lower, a mutant that loops is stopped sooner "
                             "(with --timeouts, on an idle machine)")
    parser.add_argument("--report", action="store_true", help="only write docs/mutation.md from the stored results")
    parser.add_argument("--list", action="store_true", help="list the modules, their files and tests")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.max_children, args.modules)
        return
    if args.list:
        for module, (files, tests) in MODULES.items():
            print(f"{module}: {' '.join(files)}\n    {' '.join(tests)}")
        return
    if not args.report:
        unknown = [m for m in args.modules if m not in MODULES]
        if unknown:
            parser.error(f"unknown module(s): {', '.join(unknown)}")
        if args.survivors + args.timeouts + bool(args.only) > 1:
            parser.error("--survivors, --timeouts and --only each choose the mutants to run: give one")
        if args.timeout_multiplier:
            os.environ["UNDOCS_MUTATION_TIMEOUT_MULTIPLIER"] = str(args.timeout_multiplier)
        again = "survived" if args.survivors else "timeout" if args.timeouts else None
        for module in args.modules or list(MODULES):
            run_module(module, args.max_children, again, args.only)
        shutil.rmtree(ROOT / "mutants", ignore_errors=True)
    write_report()


if __name__ == "__main__":
    main()
