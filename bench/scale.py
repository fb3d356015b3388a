"""How undocs scales with the corpus, next to Pagefind on the same HTML (a benchmark, not a test).

    python bench/scale.py [--sizes 2,100,500,2000] [--runs N] [--queries Q ...]
                          [--real DIR [DIR ...]] [--no-profile]

``--sizes`` takes any sizes, 20000 included (≈ 400,000 paragraphs; ``--no-profile`` skips the
second, profiled build, which doubles the time of a large size). ``--real`` adds a row built
from real documents: the files of the given folders together (e.g. ``seeds ../shared/un-corpus``,
the two seeds and 150 UN PDFs), with the PDF pages read per second.

For each size, in one run (method and caveats: docs/benchmarks.md):

1. generates a corpus of n documents (``bench/corpus.py``; n=2 is the real seeds);
2. builds the site with the README's command (wall time, peak RSS of the build process), then
   once more in a profiling subprocess that times each stage of ``undocs.pipeline.build``;
3. measures the output: files, bytes, bytes of the search files (``assets/search/``);
4. indexes the document pages with Pagefind (``node_modules/.bin/pagefind``), timed;
5. serves the site under ``/undocs/`` with gzip, as GitHub Pages does (``bench/gzip_server.py``);
6. in headless Chromium, for each query, N cold loads of ``recherche/?q=…`` and of a Pagefind
   page doing the same: time to first results on screen, bytes on the wire before them, the
   top 5 results, then the time of each other query on the warm page; and N cold loads of the
   *floor* of each query: a copy of the search page that fetches the same search files as the
   search page did before its first results (in the same rounds) and shows 6 paragraphs, with
   no search code (``bench/search_speed.py``'s ``write_floor_page``): what the browser, the
   server and the network alone take; the report gives each size's distance to it;
7. writes ``bench/results/scale.json``, ``scale.md`` and ``scale.png``.

A query is the text of ``q``, optionally followed by URL parameters of the search page, e.g.
``nucléaire&etat=kazakhstan`` (the state facet). Exit status: 0 done, 1 a step failed (one
line says which), 2 bad usage.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import inspect
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import types
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
sys.path.insert(0, str(BENCH))

from gzip_server import PREFIX, Server, origin_of, reserve_port, serve_gzip  # noqa: E402
from search_speed import write_floor_page  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PAGEFIND = ROOT / "node_modules" / ".bin" / "pagefind"
UNDOCS_MARK = "undocs-search-first-results"
PAGEFIND_MARK = "pagefind-first-results"
DEFAULT_SIZES = "2,100,500,2000"
#: A common word, a rare one, a common word typed without its accents, a state facet.
DEFAULT_QUERIES = ["désarmement", "biologiques", "Turkménistan", "desarmement", "nucléaire&etat=kazakhstan"]
#: Pagefind indexes the document pages (what undocs indexes), their <main> (not the menus).
PAGEFIND_GLOB = "documents/*/index.html"
PAGEFIND_ROOT = "main"
LOAD_TIMEOUT_MS = 120_000
MB = 1_000_000


class BenchError(Exception):
    """A step failed; the message names it. Caught once in ``main``."""


def log(message: str) -> None:
    """A progress line, flushed at once (runs are long; the reader watches them)."""
    print(message, flush=True)


# ---------------------------------------------------------------------------------- queries


@dataclass(frozen=True)
class Query:
    """One benchmark query: the words and the search page's other URL parameters (facets)."""

    spec: str  # as given: "nucléaire&etat=kazakhstan"
    text: str  # "nucléaire"
    params: tuple[tuple[str, str], ...]  # (("etat", "kazakhstan"),)

    @classmethod
    def parse(cls, spec: str) -> Query:
        text, _, rest = spec.partition("&")
        return cls(spec=spec, text=text, params=tuple(urllib.parse.parse_qsl(rest)))

    def undocs_path(self) -> str:
        """The search page's URL for this query, relative to the site root."""
        return "recherche/?" + urllib.parse.urlencode((("q", self.text), *self.params))

    def pagefind_text(self, with_filters: bool) -> str:
        """Pagefind's query text: without filters in the index, facet values become words."""
        if with_filters:
            return self.text
        return " ".join([self.text, *(value for _, value in self.params)])

    def pagefind_path(self, with_filters: bool) -> str:
        """The Pagefind bench page's URL; facets become ``f.<name>`` filter parameters."""
        pairs: list[tuple[str, str]] = [("q", self.pagefind_text(with_filters))]
        if with_filters:
            pairs += [("f." + key, value) for key, value in self.params]
        return "pagefind-bench.html?" + urllib.parse.urlencode(pairs)


# ---------------------------------------------------------------------------------- processes


@dataclass(frozen=True)
class Measured:
    """A finished subprocess: its output, wall time and peak resident memory."""

    stdout: str
    stderr: str
    seconds: float
    peak_rss_mb: float  # the largest single process of the tree (exact, from wait4)
    tree_rss_mb: float  # the whole tree's RSS summed, sampled (an upper bound, see TreeMemory)


PAGE = os.sysconf("SC_PAGE_SIZE")


class TreeMemory(threading.Thread):
    """Samples the summed RSS of a process and all its descendants, every ``interval`` s.

    ``wait4``'s ``ru_maxrss`` is the peak of the largest single process; a build that forks a
    worker (the search index beside the pages) holds both at once. The sum of RSS is an upper
    bound of that (pages shared after the fork count once per process) and may miss a peak
    shorter than the interval. ``/proc/PID/statm`` is read, not ``smaps_rollup``: PSS would be
    exact, but reading it walks the page tables (~0.1 s for a 1.6 GB process) and would slow
    the build it measures.
    """

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_bytes = 0
        self.done = threading.Event()

    @staticmethod
    def tree(pid: int) -> list[int]:
        """``pid`` and its descendants, from ``/proc/PID/task/*/children``."""
        found, todo = [], [pid]
        while todo:
            current = todo.pop()
            found.append(current)
            for children in Path(f"/proc/{current}/task").glob("*/children"):
                with contextlib.suppress(OSError):
                    todo += [int(c) for c in children.read_text().split()]
        return found

    @staticmethod
    def rss(pid: int) -> int:
        try:
            return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            return 0

    def run(self) -> None:
        while not self.done.is_set():
            self.peak_bytes = max(self.peak_bytes, sum(self.rss(p) for p in self.tree(self.pid)))
            self.done.wait(self.interval)


def run_measured(cmd: list[str], what: str, env: dict[str, str] | None = None) -> Measured:
    """Run ``cmd``; its wall time and peak memory: of its largest process (``wait4``, the
    process and the children it waited for), and of the whole tree (``TreeMemory``).

    ``wait4`` gives the rusage of this one child (``RUSAGE_CHILDREN`` would mix every child the
    harness ever waited for); Linux reports ``ru_maxrss`` in KiB.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=err, env=env)
        sampler = TreeMemory(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        sampler.done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        tail = (stderr.strip() or stdout.strip()).splitlines()[-5:]
        raise BenchError(f"{what} failed (exit {proc.returncode}): " + " | ".join(tail))
    largest = usage.ru_maxrss * 1024 / MB
    return Measured(stdout, stderr, seconds, largest, max(largest, sampler.peak_bytes / MB))


def project_env() -> dict[str, str]:
    """The environment for builds: this checkout's ``src/`` first, whatever is installed."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), *filter(None, [env.get("PYTHONPATH")])])
    return env


# ---------------------------------------------------------------------------------- corpus


def generate_corpus(n_docs: int, out: Path, seed: int) -> dict[str, Any]:
    """Write a seeds folder of ``n_docs`` documents with ``bench/corpus.py``.

    Until that generator exists, n=2 falls back on a copy of the real seeds (what it makes for
    n=2 anyway); any other size then fails, clearly.
    """
    try:
        import corpus  # bench/corpus.py
    except ImportError as exc:
        if n_docs != 2:
            raise BenchError(f"bench/corpus.py cannot be imported ({exc}); only --sizes 2 (the real seeds) works without it") from exc
        shutil.copytree(ROOT / "seeds", out)
        return {"source": "seeds/ (bench/corpus.py not available)", "documents": 2}
    started = time.perf_counter()
    try:
        info = corpus.generate(n_docs, out, seed=seed)
    except (OSError, ValueError) as exc:
        raise BenchError(f"bench/corpus.py could not write {n_docs} documents: {exc}") from exc
    # Per-document details would swamp scale.json; the totals are what the report needs.
    totals = {k: v for k, v in (info or {}).items() if not isinstance(v, (dict, list))}
    return {"source": "bench/corpus.py", "seconds": round(time.perf_counter() - started, 2), **totals}


# ---------------------------------------------------------------------------------- build


SUMMARY = re.compile(r"Built (\d+) documents, (\d+) statements, (\d+) paragraphs.*?: (\d+) pages \((\d+) files\)")


def build_site(seeds: Path, out: Path, base_url: str) -> dict[str, Any]:
    """Build with the README's command; wall time, peak RSS and what the summary line says."""
    cmd = [sys.executable, str(ROOT / "build.py"), "--seeds", str(seeds), "--out", str(out), "--base-url", base_url]
    done = run_measured(cmd, "build.py", env=project_env())
    result: dict[str, Any] = {"seconds": round(done.seconds, 3), "peak_rss_mb": round(done.peak_rss_mb, 1),
                              "tree_rss_mb": round(done.tree_rss_mb, 1),
                              "warnings": sum(1 for line in done.stderr.splitlines() if line.startswith("warning:"))}
    match = SUMMARY.search(done.stdout)
    if match:
        documents, statements, paragraphs, pages, files = map(int, match.groups())
        result.update(documents=documents, statements=statements, paragraphs=paragraphs, pages=pages, files=files)
    return result


def profile_build(seeds: Path, out: Path, base_url: str) -> dict[str, Any]:
    """Time the build's stages in a fresh interpreter (``--profile-build``, below)."""
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--profile-build", str(seeds), str(out), base_url, report.name]
        run_measured(cmd, "profiled build", env=project_env())
        return json.loads(Path(report.name).read_text(encoding="utf-8"))


class StageTimer:
    """Wraps the functions the pipeline calls and adds up their seconds, nested calls apart.

    A stage is a function that ``pipeline.build`` calls by a name of the ``pipeline`` module
    (``load_corpus``, ``build_views``, ``render_site``, ``search_files`` …) or through an
    imported module (``fidelity.check``). Names are found, not listed, so a renamed or new
    stage is still timed. A call made inside another timed call is booked under its path
    (``load_corpus > parse_source``); the top level adds up to the build, less ``(other)``.
    """

    def __init__(self) -> None:
        self.stack: list[str] = []
        self.seconds: dict[str, float] = {}
        self.calls: dict[str, int] = {}

    def wrap(self, name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            self.stack.append(name)
            key = " > ".join(self.stack)
            started = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                self.seconds[key] = self.seconds.get(key, 0.0) + time.perf_counter() - started
                self.calls[key] = self.calls.get(key, 0) + 1
                self.stack.pop()

        return timed

    def instrument(self, module: types.ModuleType, skip: frozenset[str]) -> None:
        """Replace, in ``module``, every undocs function it imported or defines, and the
        functions of every undocs module it imported (``fidelity``), by timed ones."""
        for name, value in list(vars(module).items()):
            if name in skip or name.startswith("_"):
                continue
            if inspect.isfunction(value) and value.__module__.startswith("undocs"):
                setattr(module, name, self.wrap(name, value))
            elif inspect.ismodule(value) and value.__name__.startswith("undocs."):
                for attr, func in list(vars(value).items()):
                    if inspect.isfunction(func) and func.__module__ == value.__name__ and not attr.startswith("_"):
                        setattr(value, attr, self.wrap(f"{name}.{attr}", func))


def profile_build_here(seeds: Path, out: Path, base_url: str, report: Path) -> int:
    """The ``--profile-build`` mode: one build in this process, its stages timed, as JSON.

    Runs ``undocs.cli.main`` (the same options as ``build.py``) with the pipeline's stage
    functions wrapped; nothing in ``src/`` is edited. In one process (``--jobs 1`` when the
    command has it): a stage run in a forked worker would be timed in the worker, out of
    sight, and the stages' seconds are the work each one costs, not how they overlap.
    """
    started = time.perf_counter()
    from undocs import cli, pipeline

    imported = time.perf_counter() - started
    timer = StageTimer()
    timer.instrument(pipeline, skip=frozenset({"build"}))
    argv = ["--seeds", str(seeds), "--out", str(out), "--base-url", base_url]
    parser = getattr(cli, "_parser", None)
    one_process = parser is not None and "--jobs" in parser().format_help()
    if one_process:
        argv += ["--jobs", "1"]
    build_started = time.perf_counter()
    with contextlib.redirect_stdout(sys.stderr):
        status = cli.main(argv)
    total = time.perf_counter() - build_started
    if status != 0:
        return status
    top = {k: round(v, 4) for k, v in timer.seconds.items() if " > " not in k}
    nested = {k: round(v, 4) for k, v in timer.seconds.items() if " > " in k}
    top["(other)"] = round(total - sum(timer.seconds[k] for k in top), 4)
    report.write_text(json.dumps({"import_seconds": round(imported, 4), "build_seconds": round(total, 4), "jobs_1": one_process,
                                  "stages": top, "nested": nested, "calls": timer.calls}), encoding="utf-8")
    return 0


# ---------------------------------------------------------------------------------- output


def folder_size(folder: Path) -> tuple[int, int]:
    """(files, bytes) under ``folder``."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def gzip_size(folder: Path) -> int:
    """Bytes of ``folder``'s files each gzipped at level 6 (what the server sends), or as they
    are when stored gzipped (``.gz``: sent as they are)."""
    return sum(p.stat().st_size if p.suffix == ".gz" else len(gzip.compress(p.read_bytes(), 6, mtime=0)) for p in sorted(folder.rglob("*")) if p.is_file())


#: The kinds of files of a site, by the first pattern their path matches (``fnmatch``), in the
#: order the report lists them: where the bytes go.
FILE_KINDS = (
    ("document pages", "documents/*/index.html"),
    ("document citations", "documents/*/citation.*"),
    ("state pages", "etats/*"),
    ("topic pages", "themes/*"),
    ("search store pages", "assets/search/p/*"),
    ("search term shards", "assets/search/t/*"),
    ("other search files", "assets/search/*"),
    ("search bundle", "assets/js/search.bundle.js"),
    ("data downloads", "data/*"),
    ("about page", "a-propos/*"),
    ("other", "*"),
)


def bytes_by_kind(site: Path) -> dict[str, list[int]]:
    """Files and bytes per kind of file (:data:`FILE_KINDS`): ``{kind: [files, bytes]}``."""
    import fnmatch

    out: dict[str, list[int]] = {kind: [0, 0] for kind, _ in FILE_KINDS}
    for path in site.rglob("*"):
        if path.is_file():
            rel = path.relative_to(site).as_posix()
            kind = next(k for k, pattern in FILE_KINDS if fnmatch.fnmatch(rel, pattern))
            out[kind][0] += 1
            out[kind][1] += path.stat().st_size
    return out


def output_size(site: Path) -> dict[str, Any]:
    """The build output: files, bytes, the search files (``assets/search/``) on disk and on the
    wire, and bytes by kind of file."""
    files, size = folder_size(site)
    search = site / "assets" / "search"
    search_files, search_bytes = folder_size(search) if search.is_dir() else (0, 0)
    return {"files": files, "bytes": size, "search_files": search_files, "search_bytes": search_bytes,
            "search_gzip_bytes": gzip_size(search) if search.is_dir() else 0, "by_kind": bytes_by_kind(site)}


# ---------------------------------------------------------------------------------- pagefind


def pagefind_version() -> str:
    """``pagefind --version`` of the npm package, or a clear error when it is not installed."""
    if not PAGEFIND.exists():
        raise BenchError(f"{PAGEFIND.relative_to(ROOT)} is missing: run `npm ci` (package.json pins pagefind)")
    done = subprocess.run([str(PAGEFIND), "--version"], cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BenchError(f"pagefind --version failed: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout.strip().removeprefix("pagefind ").strip()


#: Pagefind's ready-made interfaces, written into every bundle but not used by a page that
#: calls the API (``pagefind.js`` + worker + wasm + index): left out of its "search bytes".
UI_FILES = re.compile(r"pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$")


def index_pagefind(site: Path, glob: str) -> dict[str, Any]:
    """Index the built HTML with Pagefind's CLI, into ``site/pagefind/``; timed, sized."""
    cmd = [str(PAGEFIND), "--site", str(site), "--glob", glob, "--root-selector", PAGEFIND_ROOT]
    done = run_measured(cmd, "pagefind")
    counts = {key: int(n) for n, key in re.findall(r"Indexed (\d+) (pages|words|filters)", done.stdout)}
    files, size = folder_size(site / "pagefind")
    ui = sum(p.stat().st_size for p in (site / "pagefind").glob("*") if p.is_file() and UI_FILES.match(p.name))
    return {"seconds": round(done.seconds, 3), "peak_rss_mb": round(done.peak_rss_mb, 1), "tree_rss_mb": round(done.tree_rss_mb, 1), **counts,
            "bundle_files": files, "bundle_bytes": size, "search_bytes": size - ui}


BENCH_HTML = """<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pagefind bench</title>
<script type="module" src="pagefind-bench.js"></script>
</head>
<body>
<main id="pagefind-app"><h1>Recherche (Pagefind)</h1><ol id="results"></ol></main>
</body>
</html>
"""

#: Pagefind's documented API, nothing more: import, search, data() of the first 6 results
#: (what the undocs page renders first), rendered, then the mark. ``f.<name>`` parameters
#: become filters. ``pagefindBench.answer`` is the warm-page query, like ``undocsSearch.answer``.
BENCH_JS = """const app = document.getElementById("pagefind-app");
const params = new URLSearchParams(location.search);
const filters = {};
for (const [key, value] of params) if (key.startsWith("f.")) filters[key.slice(2)] = value;
const FIRST = 6;
function show(r, first) {
  const list = document.getElementById("results");
  for (const d of first) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = d.sub_results && d.sub_results.length ? d.sub_results[0].url : d.url;
    a.textContent = d.meta && d.meta.title ? d.meta.title : d.url;
    const p = document.createElement("p");
    p.innerHTML = d.excerpt;
    li.append(a, p);
    list.append(li);
  }
  app.dataset.count = String(r.results.length);
}
function summary(d) {
  return { url: d.url, section: d.sub_results && d.sub_results.length ? d.sub_results[0].url : null };
}
try {
  const pf = await import("./pagefind/pagefind.js");
  const opts = Object.keys(filters).length ? { filters } : {};
  const r = await pf.search(params.get("q") || "", opts);
  const first = await Promise.all(r.results.slice(0, FIRST).map((x) => x.data()));
  show(r, first);
  performance.mark("pagefind-first-results");
  window.pagefindBench = {
    first: first.map(summary),
    answer: async (q) => {
      const res = await pf.search(q);
      const data = await Promise.all(res.results.slice(0, FIRST).map((x) => x.data()));
      return data.map(summary);
    },
  };
  app.dataset.ready = "true";
} catch (e) {
  app.dataset.error = String(e && e.stack || e);
}
"""


def write_pagefind_page(site: Path) -> None:
    """The Pagefind bench page, same origin as the site (``pagefind-bench.html`` + its module)."""
    (site / "pagefind-bench.html").write_text(BENCH_HTML, encoding="utf-8")
    (site / "pagefind-bench.js").write_text(BENCH_JS, encoding="utf-8")


# ---------------------------------------------------------------------------------- browser


@dataclass(frozen=True)
class Engine:
    """What differs between the two search pages for the harness."""

    name: str
    mark: str
    ready: str  # selector present once the page is done


UNDOCS = Engine("undocs", UNDOCS_MARK, "#search-app[data-ready]")
PAGEFIND_ENGINE = Engine("pagefind", PAGEFIND_MARK, "#pagefind-app[data-ready]")
#: The floor page of a query (no search code): it sets the search page's mark and data-ready.
FLOOR = Engine("floor", UNDOCS_MARK, "#search-app[data-ready]")
#: What the page draws first (FIRST in static/js/search/page.mjs; Pagefind's page asks data()
#: of as many): a next query is timed until their text is in hand, for both engines.
FIRST_RESULTS = 6

#: After the load: the mark, the page's time origin, main-thread Resource Timing bytes up to
#: the mark (a cross-check: a worker's fetches are not in it) and the first 5 result links.
READ_LOAD = """([mark, engine]) => {
  const m = performance.getEntriesByName(mark)[0];
  const nav = performance.getEntriesByType("navigation")[0];
  let rt = nav.transferSize;
  for (const r of performance.getEntriesByType("resource")) if (r.responseEnd <= m.startTime) rt += r.transferSize;
  let top;
  if (engine === "pagefind") top = window.pagefindBench.first.slice(0, 5);
  else top = [...document.querySelectorAll("#search-results a[href]")].slice(0, 5).map((a) => ({ url: a.href }));
  return { ms: m.startTime, origin: performance.timeOrigin, rt_bytes: rt, top: top };
}"""

TIME_ANSWERS = """async ([engine, queries, first]) => {
  const answer = engine === "pagefind" ? (q) => window.pagefindBench.answer(q) : (q) => window.undocsSearch.answer(q, first);
  const out = [];
  for (const q of queries) {
    const t = performance.now();
    await answer(q);
    out.push(performance.now() - t);
  }
  return out;
}"""


def wire_bytes_until(server: Server, deadline: float) -> int:
    """Bytes the server finished sending (headers + bodies) by ``deadline`` (epoch seconds).

    Counted at the server so that every request counts, whoever made it: the page, a module,
    or a Web Worker (Pagefind searches in one; its fetches are not in the page's Resource
    Timing). The browser's clock (``performance.timeOrigin``) and the server's are the same
    machine's wall clock.
    """
    return sum(entry.header_bytes + entry.body_bytes for entry in list(server.log) if entry.end <= deadline)


def site_relative(url: str | None, server: Server) -> str | None:
    """A result URL as a path under the site root (``documents/a-67-131/#norvege-h``)."""
    if url is None:
        return None
    path = url.removeprefix(server.origin)
    return path.removeprefix(PREFIX) if path.startswith(PREFIX) else path


def wait_ready(page: Any, engine: Engine, path: str, errors: list[str]) -> None:
    """Wait for the page to be ready; fail at once on an uncaught error, else after a timeout."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    deadline = time.monotonic() + LOAD_TIMEOUT_MS / 1000
    while True:
        try:
            page.wait_for_selector(f"{engine.ready}, [data-error]", state="attached", timeout=1000)
            break
        except PlaywrightTimeout:
            if errors:
                raise BenchError(f"{engine.name} page {path} threw: {errors[0]}") from None
            if time.monotonic() > deadline:
                raise BenchError(f"{engine.name} page {path} showed no results in {LOAD_TIMEOUT_MS / 1000:.0f} s") from None
    failed = page.eval_on_selector_all("[data-error]", "els => els.map(e => e.dataset.error)")
    if failed or errors:
        raise BenchError(f"{engine.name} page {path} failed: {(failed or errors)[0]}")


def one_load(browser: Any, server: Server, engine: Engine, path: str, following: list[str]) -> dict[str, Any]:
    """One cold load (new context: empty cache): time and bytes to first results, top 5,
    then the warm page's time for each following query."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        server.log.clear()
        page.goto(server.url(path), wait_until="commit")
        wait_ready(page, engine, path, errors)
        read = page.evaluate(READ_LOAD, [engine.mark, engine.name])
        deadline = (read["origin"] + read["ms"]) / 1000
        wire = wire_bytes_until(server, deadline)
        fetched = [e.path for e in list(server.log) if e.end <= deadline]
        times = page.evaluate(TIME_ANSWERS, [engine.name, following, FIRST_RESULTS]) if following else []
        if errors:
            raise BenchError(f"{engine.name} page {path}: {errors[0]}")
    finally:
        context.close()
    top = [{k: site_relative(v, server) for k, v in hit.items()} for hit in read["top"]]
    return {"ms": read["ms"], "bytes": wire, "rt_bytes": read["rt_bytes"], "top": top, "following": dict(zip(following, times)),
            "fetched": fetched}


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def measure_query(browser: Any, server: Server, engine: Engine, path: str, following: list[str], runs: int) -> dict[str, Any]:
    """A warm-up load (discarded: fills the server's gzip cache and the OS's file cache), then
    ``runs`` cold loads; medians of time and bytes, all samples kept."""
    one_load(browser, server, engine, path, [])
    loads = [one_load(browser, server, engine, path, following) for _ in range(runs)]
    following_ms = {q: round(median([load["following"][q] for load in loads]), 2) for q in following}
    return {
        "path": path,
        "first_results_ms": round(median([load["ms"] for load in loads]), 1),
        "first_results_ms_all": [round(load["ms"], 1) for load in loads],
        "bytes_before_first_results": int(median([load["bytes"] for load in loads])),
        "main_thread_rt_bytes": int(median([load["rt_bytes"] for load in loads])),
        "top5": loads[-1]["top"],
        "following_ms": following_ms,
        "fetched": loads[-1]["fetched"],
    }


def floor_rounds(fetched: list[str]) -> list[list[str]]:
    """The search files the search page fetched before its first results (server paths), in its
    rounds: the term shards, filter files and facets first, then the store pages (paths under
    ``assets/``, as ``write_floor_page`` wants them)."""
    marker = "/assets/search/"
    files = [path.split(marker, 1)[1].split("?")[0] for path in fetched if marker in path]
    first = [f"search/{f}" for f in files if not f.startswith("p/") and f != "meta.json"]
    pages = [f"search/{f}" for f in files if f.startswith("p/")]
    return [r for r in (first, pages) if r]


def measure_browser(server: Server, site: Path, queries: list[Query], runs: int, pagefind_filters: bool, tag: str) -> dict[str, Any]:
    """Both engines, every query: cold loads, then the other queries on the warm page; then
    the floor of each query (its files fetched, no search code)."""
    from playwright.sync_api import sync_playwright

    texts = [q.text for q in queries]
    out: dict[str, Any] = {"undocs": {}, "pagefind": {}, "floor": {}}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            out["chromium"] = browser.version
            for query in queries:
                following = [t for t in texts if t != query.text]
                for engine, path in ((UNDOCS, query.undocs_path()), (PAGEFIND_ENGINE, query.pagefind_path(pagefind_filters))):
                    result = measure_query(browser, server, engine, path, following, runs)
                    out[engine.name][query.spec] = result
                    log(f"{tag} {engine.name:8} {query.spec:28} first results {result['first_results_ms']:7.1f} ms, "
                        f"{result['bytes_before_first_results'] / 1000:8.1f} kB before them")  # fmt: skip
                rounds = floor_rounds(out["undocs"][query.spec]["fetched"])
                path = write_floor_page(site, f"floor-{len(out['floor'])}", rounds)
                result = measure_query(browser, server, FLOOR, path, [], runs)
                result["rounds"] = rounds
                out["floor"][query.spec] = result
                log(f"{tag} {'floor':8} {query.spec:28} first results {result['first_results_ms']:7.1f} ms, "
                    f"{result['bytes_before_first_results'] / 1000:8.1f} kB before them")  # fmt: skip
        finally:
            browser.close()
    return out


# ---------------------------------------------------------------------------------- one size


def pdf_pages(folder: Path) -> int:
    """The pages of the PDFs of a seeds folder (read with the build's own PDF reader)."""
    code = ("import sys; from pathlib import Path; from undocs.pdf.extract import open_pdf\n"
            "n = 0\nfor p in sorted(Path(sys.argv[1]).glob('*.pdf')):\n    d = open_pdf(p); n += len(d); d.close()\nprint(n)")
    done = subprocess.run([sys.executable, "-c", code, str(folder)], cwd=ROOT, env=project_env(), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BenchError(f"counting the PDF pages of {folder} failed: {done.stderr.strip()[-300:]}")
    return int(done.stdout.strip())


def real_corpus(folders: list[Path], out: Path) -> dict[str, Any]:
    """One seeds folder of the files of ``folders`` (documents and sidecars), as they are."""
    out.mkdir(parents=True)
    names: dict[str, Path] = {}
    for folder in folders:
        if not folder.is_dir():
            raise BenchError(f"--real: {folder} is not a folder")
        for path in sorted(folder.iterdir()):
            if path.is_file() and not path.name.startswith("."):
                if path.name in names:
                    raise BenchError(f"--real: {path.name} is in both {names[path.name].parent} and {folder}")
                names[path.name] = path
                shutil.copy(path, out / path.name)
    pdfs = sum(1 for n in names if n.endswith(".pdf"))
    return {"source": "real: " + " + ".join(str(f) for f in folders), "files": len(names), "pdfs": pdfs, "pdf_pages": pdf_pages(out)}


def run_size(n_docs: int, work: Path, queries: list[Query], runs: int, seed: int, glob: str,
             real: list[Path] | None = None, profile: bool = True) -> dict[str, Any]:
    """Every measure for one corpus size (the numbered steps of the module's docstring); with
    ``real``, for the documents of those folders instead of a generated corpus."""
    tag = "[real]" if real else f"[n={n_docs}]"
    seeds, site = work / "seeds", work / "site"
    if real:
        log(f"{tag} copying {', '.join(map(str, real))}")
        corpus_info = real_corpus(real, seeds)
    else:
        log(f"{tag} generating the corpus")
        corpus_info = generate_corpus(n_docs, seeds, seed)
    sock = reserve_port()
    base_url = origin_of(sock) + PREFIX
    log(f"{tag} building (build.py)")
    digest = source_digest()
    build = build_site(seeds, site, base_url)
    build["source_digest"] = digest
    log(f"{tag} built {build.get('documents')} documents, {build.get('paragraphs')} paragraphs "
        f"in {build['seconds']:.2f} s, peak {build['peak_rss_mb']:.0f} MB; profiling the stages")  # fmt: skip
    expected = corpus_info.get("paragraphs")
    if expected is not None and build.get("paragraphs") not in (None, expected):
        log(f"{tag} warning: the corpus has {expected} paragraphs, the build counted {build.get('paragraphs')}")
    build["profile"] = profile_build(seeds, work / "profile-site", base_url) if profile else None
    if source_digest() != digest:
        log(f"{tag} warning: the sources changed between the timed and the profiled build")
        build["source_digest"] = digest + "-changed"
    shutil.rmtree(work / "profile-site", ignore_errors=True)
    output = output_size(site)
    log(f"{tag} output {output['files']} files, {output['bytes'] / MB:.1f} MB, search {output['search_bytes'] / 1000:.0f} kB; indexing with Pagefind")
    pagefind = index_pagefind(site, glob)
    log(f"{tag} pagefind: {pagefind.get('pages')} pages in {pagefind['seconds']:.2f} s, {pagefind['search_bytes'] / 1000:.0f} kB without its UI files")
    write_pagefind_page(site)
    with serve_gzip(site, sock) as server:
        browser = measure_browser(server, site, queries, runs, bool(pagefind.get("filters")), tag)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    out = {"n": n_docs, "corpus": corpus_info, "build": build, "output": output, "pagefind": pagefind, "browser": browser,
           "load_average_after": load}
    if real:
        out["real"] = True
        reading = (build["profile"] or {}).get("stages", {}).get("load_corpus")
        out["pdf_pages_per_second"] = {"build": round(corpus_info["pdf_pages"] / build["seconds"], 1),
                                       "reading": round(corpus_info["pdf_pages"] / reading, 1) if reading else None}
    return out


# ---------------------------------------------------------------------------------- reports


def summary_row(size: dict[str, Any], engine: str) -> dict[str, float]:
    """One engine at one size: medians over the queries of the per-query medians."""
    per_query = size["browser"].get(engine, {}).values()
    return {
        "first_ms": median([q["first_results_ms"] for q in per_query]),
        "bytes": median([q["bytes_before_first_results"] for q in per_query]),
        "following_ms": median([ms for q in per_query for ms in q["following_ms"].values()]),
    }


def size_label(size: dict[str, Any]) -> str:
    """The first cell of a size's rows: its documents (``real`` for the real corpus row)."""
    docs = size["build"].get("documents", size["n"])
    return f"{docs} (real)" if size.get("real") else str(docs)


def floor_distance(size: dict[str, Any]) -> str:
    """undocs's first results against the floor: median over the queries of (undocs − floor)
    ms, and of undocs / floor."""
    u, f = size["browser"]["undocs"], size["browser"].get("floor", {})
    specs = [q for q in u if q in f]
    if not specs:
        return "–"
    gaps = [u[q]["first_results_ms"] - f[q]["first_results_ms"] for q in specs]
    ratios = [u[q]["first_results_ms"] / f[q]["first_results_ms"] for q in specs if f[q]["first_results_ms"]]
    return f"{median([f[q]['first_results_ms'] for q in specs]):.0f} (+{median(gaps):.0f}, ×{median(ratios):.2f})"


def markdown(report: dict[str, Any]) -> str:
    """``scale.md``: the summary table, the build stages, each query, the top results."""
    lines = [
        "# Scale: undocs and Pagefind on the same site",
        "",
        f"`python bench/scale.py --sizes {','.join(str(s['n']) for s in report['sizes'] if not s.get('real'))} --runs {report['runs']}"
        f"{real_option(report)}` "
        f"— method: `docs/benchmarks.md`. Pagefind {report['pagefind_version']}, Chromium {report['sizes'][0]['browser']['chromium']}, "
        f"{report['machine']['cpus']} CPUs, load average {report['machine']['load_average']} at the start, "
        f"{report['machine'].get('load_average_end', '?')} at the end; commit {report['machine']['commit']}.",
        "",
        *source_warning(report),
        "Search times and bytes: medians over the queries of each query's median over the cold loads; bytes are on the wire "
        "(gzip), counted by the server until the first results are on screen.",
        "",
        "| docs | paragraphs | build s | peak MB (largest process / all) | output MB | search kB (gzip) | Pagefind index s | Pagefind search kB "
        "| first results ms undocs / Pagefind | kB before first results undocs / Pagefind | next query ms undocs / Pagefind "
        "| floor ms (undocs − floor, undocs / floor) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in report["sizes"]:
        u, p = summary_row(s, "undocs"), summary_row(s, "pagefind")
        b, o, pf = s["build"], s["output"], s["pagefind"]
        lines.append(
            f"| {size_label(s)} | {b.get('paragraphs', '?')} | {b['seconds']:.2f} "
            f"| {b['peak_rss_mb']:.0f} / ≤ {b.get('tree_rss_mb', b['peak_rss_mb']):.0f} "
            f"| {o['bytes'] / MB:.1f} | {o['search_bytes'] / 1000:.0f} ({o['search_gzip_bytes'] / 1000:.0f}) "
            f"| {pf['seconds']:.2f} | {pf['search_bytes'] / 1000:.0f} "
            f"| {u['first_ms']:.0f} / {p['first_ms']:.0f} | {u['bytes'] / 1000:.0f} / {p['bytes'] / 1000:.0f} "
            f"| {u['following_ms']:.1f} / {p['following_ms']:.1f} | {floor_distance(s)} |"
        )
    lines += ["", "The floor: the search page with a script that fetches the search files the search page fetched before its "
              "first results, in the same rounds, and shows 6 paragraphs, with no search code; per size, the median over "
              "the queries of its first results, and of undocs's distance to it. The next query: until the text of its "
              f"first {FIRST_RESULTS} results is in hand, for both engines."]
    lines += real_lines(report) + kind_table(report) + stage_table(report) + query_tables(report) + top_tables(report)
    return "\n".join(lines) + "\n"


def real_option(report: dict[str, Any]) -> str:
    """`` --real DIR …`` when the report has a real corpus row."""
    real = [s for s in report["sizes"] if s.get("real")]
    return " --real " + real[0]["corpus"]["source"].removeprefix("real: ").replace(" + ", " ") if real else ""


def real_lines(report: dict[str, Any]) -> list[str]:
    """What the real corpus row is, and its PDF pages read per second."""
    lines = []
    for s in report["sizes"]:
        if s.get("real"):
            c, rate = s["corpus"], s["pdf_pages_per_second"]
            reading = f"{rate['reading']:.0f} in reading the sources (`load_corpus`, profiled build, one process), " if rate.get("reading") else ""
            lines += ["", f"The real corpus row ({c['source']}): {c['files']} files, {c['pdfs']} PDFs of {c['pdf_pages']} pages; "
                      f"PDF pages per second: {reading}{rate['build']:.0f} over the whole build (`--jobs 2`)."]
    return lines


def kind_table(report: dict[str, Any]) -> list[str]:
    """Where the bytes go: MB per kind of file, per size, and bytes per paragraph."""
    kinds = [k for k, _ in FILE_KINDS]
    lines = ["", "## Bytes on disk by kind of file (MB; the last column: bytes per paragraph)", "",
             "| docs | " + " | ".join(kinds) + " | all | per paragraph |", "|---:|" + "---:|" * (len(kinds) + 2)]
    for s in report["sizes"]:
        by_kind = s["output"].get("by_kind", {})
        paragraphs = s["build"].get("paragraphs") or 0
        cells = [f"{by_kind.get(k, [0, 0])[1] / MB:.1f}" for k in kinds]
        per = f"{s['output']['bytes'] / paragraphs:,.0f}" if paragraphs else "?"
        lines.append(f"| {size_label(s)} | " + " | ".join(cells) + f" | {s['output']['bytes'] / MB:.1f} | {per} |")
    return lines


def source_warning(report: dict[str, Any]) -> list[str]:
    """A warning when the sources changed between sizes (see ``source_digest``)."""
    digests = [str(s["build"].get("source_digest")) for s in report["sizes"]]
    lines = []
    if len({d.removesuffix("-changed") for d in digests}) > 1:
        lines += ["**The sources changed between sizes** (digest per size: "
                  + ", ".join(f"{s['n']}: `{d}`" for s, d in zip(report["sizes"], digests)) + "): sizes are not comparable.", ""]
    changed = [str(s["n"]) for s, d in zip(report["sizes"], digests) if d.endswith("-changed")]
    if changed:
        lines += [f"**The sources changed during the profiled build** of n = {', '.join(changed)}: its build stages may be "
                  "of other code (its other measures are of the sources the other sizes were built from).", ""]
    return lines


def stage_table(report: dict[str, Any]) -> list[str]:
    """Seconds per build stage (top-level calls of ``pipeline.build``), per size."""
    names: list[str] = []
    profiled = [s for s in report["sizes"] if s["build"].get("profile")]
    for s in profiled:
        names += [n for n in s["build"]["profile"]["stages"] if n not in names]
    lines = ["", "## Build stages (seconds, profiled run, one process)", "",
             "| docs | " + " | ".join(f"`{n}`" for n in names) + " | build() | imports |",
             "|---:|" + "---:|" * (len(names) + 2)]
    for s in profiled:
        prof = s["build"]["profile"]
        cells = [f"{prof['stages'].get(n, 0):.2f}" for n in names]
        lines.append(f"| {size_label(s)} | " + " | ".join(cells) + f" | {prof['build_seconds']:.2f} | {prof['import_seconds']:.2f} |")
    return lines


def query_tables(report: dict[str, Any]) -> list[str]:
    """Each query: first results (ms), kB before them, next-query ms, both engines."""
    lines = ["", "## Per query", "",
             "| docs | query | first results ms undocs / Pagefind / floor | kB before undocs / Pagefind / floor "
             "| as next query ms undocs / Pagefind |",
             "|---:|---|---:|---:|---:|"]
    for s in report["sizes"]:
        for spec, u in s["browser"]["undocs"].items():
            p = s["browser"]["pagefind"][spec]
            text = Query.parse(spec).text
            nu = median([q["following_ms"][text] for q in s["browser"]["undocs"].values() if text in q["following_ms"]])
            np_ = median([q["following_ms"][text] for q in s["browser"]["pagefind"].values() if text in q["following_ms"]])
            f = s["browser"].get("floor", {}).get(spec)
            fms = f" / {f['first_results_ms']:.0f}" if f else ""
            fkb = f" / {f['bytes_before_first_results'] / 1000:.1f}" if f else ""
            lines.append(f"| {size_label(s)} | `{spec}` | {u['first_results_ms']:.0f} / {p['first_results_ms']:.0f}{fms} "
                         f"| {u['bytes_before_first_results'] / 1000:.1f} / {p['bytes_before_first_results'] / 1000:.1f}{fkb} | {nu:.1f} / {np_:.1f} |")
    return lines


def top_tables(report: dict[str, Any]) -> list[str]:
    """The top 5 of each engine at the smallest size: paragraphs (undocs) vs pages (Pagefind)."""
    s = report["sizes"][0]
    lines = ["", f"## Top 5 at {size_label(s)} documents", "",
             "undocs links to a paragraph; Pagefind to a page, with the section of its best match (after →).", ""]
    for spec, u in s["browser"]["undocs"].items():
        p = s["browser"]["pagefind"][spec]
        pf_query = ", ".join(f"{k}={v}" for k, v in urllib.parse.parse_qsl(urllib.parse.urlsplit(p["path"]).query))
        lines.append(f"- `{spec}` (Pagefind: `{pf_query}`)")
        lines.append("  - undocs: " + (", ".join(f"`{h['url']}`" for h in u["top5"]) or "none"))
        lines.append("  - Pagefind: " + (", ".join(f"`{h['url']}` → `{h.get('section')}`" for h in p["top5"]) or "none"))
    return lines


def plot(report: dict[str, Any], target: Path) -> None:
    """``scale.png``: build time and memory, time to first results, bytes before them, vs docs."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import matplotlib.ticker

    sizes = [s for s in report["sizes"] if not s.get("real")]
    if not sizes:
        return
    docs = [s["build"].get("documents", s["n"]) for s in sizes]
    fig, axes = plt.subplots(1, 3, figsize=(15, 4.5))
    build_ax = axes[0]
    build_ax.plot(docs, [s["build"]["seconds"] for s in sizes], "o-", label="undocs build (s)")
    build_ax.plot(docs, [s["pagefind"]["seconds"] for s in sizes], "s--", label="Pagefind index (s)")
    build_ax.set_ylabel("seconds")
    mem = build_ax.twinx()
    mem.plot(docs, [s["build"]["peak_rss_mb"] for s in sizes], "^:", color="grey", label="build peak RSS, largest process (MB)")
    mem.plot(docs, [s["build"].get("tree_rss_mb", s["build"]["peak_rss_mb"]) for s in sizes], "v:", color="silver",
             label="build peak RSS, all processes ≤ (MB)")  # fmt: skip
    mem.set_ylabel("MB")
    build_ax.legend(loc="upper left", fontsize=8)
    mem.legend(loc="lower right", fontsize=8)
    build_ax.set_title("Build")
    for ax, key, label in ((axes[1], "first_ms", "first results (ms)"), (axes[2], "bytes", "kB before first results")):
        scale = 1000 if key == "bytes" else 1
        for engine, style in (("undocs", "o-"), ("pagefind", "s--")):
            ax.plot(docs, [summary_row(s, engine)[key] / scale for s in sizes], style, label=engine)
        ax.set_title(label)
        ax.legend(fontsize=8)
    build_ax.set_yscale("log")  # log-log: a straight line's slope is the growth's exponent
    build_ax.yaxis.set_major_formatter(matplotlib.ticker.ScalarFormatter())
    mem.set_ylim(bottom=0)
    for ax in axes[1:]:
        ax.set_ylim(bottom=0)
    for ax in axes:
        ax.set_xscale("log")
        ax.xaxis.set_major_formatter(matplotlib.ticker.ScalarFormatter())
        ax.set_xlabel("documents")
        ax.grid(True, alpha=0.3)
    fig.suptitle("undocs vs Pagefind (medians over queries and cold loads; gzip, loopback)")
    fig.tight_layout()
    fig.savefig(target, dpi=100)
    plt.close(fig)


def source_digest() -> str:
    """A digest of what the build runs (``src/``, ``static/``, ``templates/``, ``data/``).

    Taken at each size: a checkout edited during a long run shows up as sizes with different
    digests (the commit alone would not say it).
    """
    import hashlib

    digest = hashlib.sha256()
    for folder in ("src", "static", "templates", "data"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def machine() -> dict[str, Any]:
    """What the numbers depend on: CPUs, load, versions, the checkout."""
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "src", "static", "templates"], cwd=ROOT,
                           capture_output=True, text=True, check=False).stdout.strip()  # fmt: skip
    node = subprocess.run(["node", "--version"], capture_output=True, text=True, check=False).stdout.strip()
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {"cpus": os.cpu_count(), "load_average": " ".join(f"{x:.2f}" for x in load), "python": platform.python_version(),
            "node": node, "platform": platform.platform(), "commit": commit + ("+changes" if dirty else "")}


def write_reports(report: dict[str, Any], results: Path, with_plot: bool) -> None:
    """scale.json (everything), scale.md (tables), scale.png (plot)."""
    results.mkdir(parents=True, exist_ok=True)
    (results / "scale.json").write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (results / "scale.md").write_text(markdown(report), encoding="utf-8")
    if with_plot:
        plot(report, results / "scale.png")
    log(f"wrote {', '.join(str((results / n).relative_to(ROOT)) if results.is_relative_to(ROOT) else str(results / n) for n in ('scale.json', 'scale.md', 'scale.png')[: 3 if with_plot else 2])}")


# ---------------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help=f"corpus sizes in documents, comma-separated (default {DEFAULT_SIZES})")
    parser.add_argument("--runs", type=int, default=5, help="cold page loads per query and engine (default 5)")
    parser.add_argument("--queries", nargs="+", default=DEFAULT_QUERIES, metavar="Q",
                        help="queries: words, then optional search-page parameters, e.g. 'nucléaire&etat=kazakhstan'")  # fmt: skip
    parser.add_argument("--seed", type=int, default=0, help="the corpus generator's seed (default 0)")
    parser.add_argument("--pagefind-glob", default=PAGEFIND_GLOB, help=f"pages Pagefind indexes (default {PAGEFIND_GLOB})")
    parser.add_argument("--results", type=Path, default=BENCH / "results", help="where scale.json/.md/.png go (default bench/results)")
    parser.add_argument("--keep", action="store_true", help="keep the corpora and sites (prints where)")
    parser.add_argument("--no-plot", action="store_true", help="skip scale.png (matplotlib not needed)")
    parser.add_argument("--real", nargs="+", type=Path, metavar="DIR",
                        help="also a row of real documents: the files of these folders together, e.g. seeds ../shared/un-corpus")
    parser.add_argument("--no-profile", action="store_true", help="skip the profiled second build of each size (build stages)")
    parser.add_argument("--profile-build", nargs=4, metavar=("SEEDS", "OUT", "BASE_URL", "REPORT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.profile_build:
        return args
    try:
        args.size_list = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes: not a list of integers: {args.sizes!r}")
    if (not args.size_list and not args.real) or any(n < 1 for n in args.size_list) or args.runs < 1:
        parser.error("--sizes needs positive integers (or --real folders) and --runs at least 1")
    return args


def check_tools(with_plot: bool) -> str:
    """Fail before the long run, not after it: Chromium, Playwright, matplotlib, Pagefind."""
    if not Path(CHROMIUM).exists():
        raise BenchError(f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        raise BenchError("playwright is not installed (pip install -e '.[test]')") from exc
    if with_plot:
        try:
            import matplotlib  # noqa: F401
        except ImportError as exc:
            raise BenchError("matplotlib is not installed (pip install matplotlib), or pass --no-plot") from exc
    return pagefind_version()


@contextlib.contextmanager
def workspace(keep: bool) -> Iterator[Path]:
    """A temporary folder for the corpora and sites, removed unless ``--keep``."""
    folder = Path(tempfile.mkdtemp(prefix="undocs-scale-"))
    try:
        yield folder
    finally:
        if keep:
            log(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.profile_build:
        seeds, out, base_url, report_path = args.profile_build
        return profile_build_here(Path(seeds), Path(out), base_url, Path(report_path))
    queries = [Query.parse(spec) for spec in args.queries]
    try:
        version = check_tools(not args.no_plot)
        log(f"pagefind {version}; sizes {args.size_list}; {args.runs} cold loads per query and engine; queries {args.queries}")
        report: dict[str, Any] = {"runs": args.runs, "queries": args.queries, "seed": args.seed, "pagefind_version": version,
                                  "pagefind_options": {"glob": args.pagefind_glob, "root_selector": PAGEFIND_ROOT},
                                  "machine": machine(), "sizes": []}  # fmt: skip
        with workspace(args.keep) as work:
            for n_docs in args.size_list:
                started = time.perf_counter()
                report["sizes"].append(run_size(n_docs, work / f"n{n_docs}", queries, args.runs, args.seed, args.pagefind_glob,
                                                profile=not args.no_profile))
                log(f"[n={n_docs}] done in {time.perf_counter() - started:.0f} s")
                if not args.keep:
                    shutil.rmtree(work / f"n{n_docs}", ignore_errors=True)
            if args.real:
                started = time.perf_counter()
                real = [folder.resolve() for folder in args.real]
                report["sizes"].append(run_size(0, work / "real", queries, args.runs, args.seed, args.pagefind_glob, real=real,
                                                profile=not args.no_profile))
                log(f"[real] done in {time.perf_counter() - started:.0f} s")
                if not args.keep:
                    shutil.rmtree(work / "real", ignore_errors=True)
        report["machine"]["load_average_end"] = machine()["load_average"]
        write_reports(report, args.results, not args.no_plot)
    except BenchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(markdown(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
