"""Search speed and size on the seed corpus, in headless Chromium (a benchmark, not a test).

    python bench/search_speed.py [--runs N] [--seeds DIR]

Builds the site (of ``seeds/``, or of DIR: e.g. the seeds plus ``../shared/un-corpus/``) into a temporary folder, serves it under /undocs/ (as GitHub Pages does) and
reports:

* the search payload: what the search page fetches before the first results of
  ``?q=désarmement`` (search.bundle.js = meta.json + analysis data + esbuild's bundle of
  lunr, the stemmers, analysis.js and static/js/search/, then the term shard(s) and store pages of that query), raw and
  gzipped (level 9), and the size of all the search files (fetched only as queries need them);
* the time from navigation start to the first results rendered for ``?q=désarmement`` (the
  ``undocs-search-first-results`` performance mark set by the page's script), median and max of N cold
  loads of two kinds, with the marks and resources before it:

  - *first visit, running browser*: one browser profile (warmed by a page of another site);
    each load opens a new tab on a site name never used before (``v<N>.test``, sent to the
    server by Chromium's ``--host-resolver-rules``). Chromium keys its HTTP cache by site and
    gives each tab of a new site its own renderer process: no byte is cached (checked: every
    resource of the page has a ``transferSize``), the renderer and V8 start cold. This is a
    reader opening a shared link;
  - *fresh browser profile*: a new Playwright context per load, which also creates a network
    context and a cache back end for it (the number earlier runs reported);

* the floor of this machine, in both kinds of load: the search page with its script replaced
  by one with no search code, which puts the text of the first 6 paragraphs in the results
  list after fetching the files the search page fetched before its first results, in the same
  order (the term shards, then the store pages), or all at once (one round), or nothing at
  all (the page and a script only); all the pages are loaded in turn, so that a busy moment of
  the machine weighs on all alike;
* the time per query (``await undocsSearch.answer(q)``, the page's own search, over the queries
  of tests/search_cases.yaml, once their files are loaded), median and 95th percentile.

A load is waited for by polling ``page.evaluate`` after its navigation commits: Playwright's
``wait_for_selector`` injects its own script into the page, a large compile on the page's
main thread while the search starts, which the measure must not include.

Targets (issue): payload <= 60 KB gzipped, first results <= 150 ms, <= 5 ms per query.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

BUNDLE = "assets/js/search.bundle.js"
QUERY = "recherche/?q=d%C3%A9sarmement"
FIRST = "undocs-search-first-results"
SHOWN = 6  # results the page renders at once (FIRST in static/js/search/page.mjs)

READ_MARKS = """() => {
  const out = {marks: {}, resources: []};
  for (const m of performance.getEntriesByType("mark")) if (m.name.startsWith("undocs-")) out.marks[m.name] = m.startTime;
  const nav = performance.getEntriesByType("navigation")[0];
  out.marks["(html responseEnd)"] = nav.responseEnd;
  out.marks["(DOMContentLoaded)"] = nav.domContentLoadedEventStart;
  for (const p of performance.getEntriesByType("paint")) out.marks["(" + p.name + ")"] = p.startTime;
  for (const r of performance.getEntriesByType("resource")) {
    const path = new URL(r.name).pathname.replace(/^\\/undocs\\//, "");
    out.resources.push({path, start: r.startTime, end: r.responseEnd, transfer: r.transferSize});
  }
  return out;
}"""


def sizes(site: Path, names: list[str]) -> tuple[int, int]:
    """Raw and gzipped bytes of these files of the site: a file stored gzipped (the search's
    ``.json.gz``) counts its JSON as raw and its bytes as gzipped; another, its bytes and their
    gzip at level 9."""
    data = [(site / name).read_bytes() for name in names]
    raw = [gzip.decompress(d) if name.endswith(".gz") else d for name, d in zip(names, data)]
    return sum(len(d) for d in raw), sum(len(d) if name.endswith(".gz") else len(gzip.compress(d, 9)) for name, d in zip(names, data))


def write_floor_page(site: Path, name: str, rounds: list[list[str]]) -> str:
    """A copy of the search page whose script only fetches ``rounds`` of files (the files of
    a round at once, a round after the other) and shows the text of the first paragraphs of
    the store pages among them: what the browser and the network alone take here. Returns
    its path in the site."""
    html = (site / "recherche" / "index.html").read_text(encoding="utf-8")
    if html.count("../" + BUNDLE) != 1:  # its deferred script (no preload: it delayed the first paint)
        raise SystemExit("recherche/index.html: the search bundle is not where this benchmark expects it")
    script = f"assets/js/{name}.js"
    (site / "recherche" / f"{name}.html").write_text(html.replace("../" + BUNDLE, "../" + script), encoding="utf-8")
    (site / script).write_text(
        f"""performance.mark("undocs-search-bundle");
(function () {{
  var base = new URL("../", document.currentScript.src), rounds = {json.dumps(rounds)}, loaded = [];
  function get(path) {{  // gzipped on disk (.json.gz): decompressed as the search page does
    return fetch(new URL(path, base)).then(function (r) {{
      return new Response(r.body.pipeThrough(new DecompressionStream("gzip"))).json();
    }});
  }}
  (function next(i) {{
    if (i < rounds.length) {{
      Promise.all(rounds[i].map(get)).then(function (files) {{ loaded = loaded.concat(files); next(i + 1); }});
      return;
    }}
    var list = document.getElementById("search-results"), n = 0;
    loaded.forEach(function (file) {{
      (file.p || []).forEach(function (p) {{
        if (n++ >= {SHOWN}) return;
        var li = document.createElement("li");
        li.textContent = p.c + " " + p.x;
        list.appendChild(li);
      }});
    }});
    performance.mark("{FIRST}");
    document.getElementById("search-app").setAttribute("data-ready", "true");
  }})(0);
}})();
""",
        encoding="utf-8",
    )
    return f"recherche/{name}.html"


def load_cold(page: Any, url: str) -> dict[str, Any]:
    """Load ``url`` in ``page``, wait for the search to be ready: its marks and resources."""
    page.goto(url, wait_until="commit")
    deadline = time.monotonic() + 15
    time.sleep(0.5)
    while not page.evaluate("() => !!document.querySelector('#search-app[data-ready]')"):
        if time.monotonic() > deadline:
            raise SystemExit(f"{url}: no results after 15 s")
        time.sleep(0.1)
    return page.evaluate(READ_MARKS)


SITE_NAMES = (f"v{n}.test" for n in itertools.count())  # never the same site twice


def run_loads(browser: Any, origin: str, paths: list[str], runs: int, scenario: str) -> list[list[dict[str, Any]]]:
    """``runs`` cold loads of each path (after one discarded round), the paths in turn so that
    a busy moment of the machine weighs on all alike. ``scenario``: "visit" (a new tab on a
    new site, in the browser's first context) or "profile" (a new context). Loads by path."""
    out: list[list[dict[str, Any]]] = [[] for _ in paths]
    for n in range(runs + 1):
        for k, path in enumerate(paths):
            if scenario == "visit":
                page = browser.contexts[0].new_page()
                try:
                    read = load_cold(page, origin.replace("127.0.0.1", next(SITE_NAMES)) + "/undocs/" + path)
                finally:
                    page.close()
                cached = [r["path"] for r in read["resources"] if not r["transfer"]]
                if cached:
                    raise SystemExit(f"not a cold load: {cached} came from a cache")
            else:
                context = browser.new_context()
                try:
                    read = load_cold(context.new_page(), origin + "/undocs/" + path)
                finally:
                    context.close()
            if n:
                out[k].append(read)
    return out


def report(title: str, loads: list[dict[str, Any]], phases: bool) -> float:
    """Print the median phases and first results of these loads; return the median."""
    firsts = [load["marks"][FIRST] for load in loads]
    print(f"{title}: first results median {statistics.median(firsts):.0f} ms, min {min(firsts):.0f}, "
          f"max {max(firsts):.0f} over {len(firsts)} cold loads   (target <= 150 ms)")  # fmt: skip
    if phases:
        rows: dict[str, list[float]] = {}
        for load in loads:
            for name, at in load["marks"].items():
                rows.setdefault(name, []).append(at)
            for r in load["resources"]:
                rows.setdefault(f"({r['path']} requested)", []).append(r["start"])
                rows.setdefault(f"({r['path']} received)", []).append(r["end"])
        for name in sorted(rows, key=lambda k: statistics.median(rows[k])):
            if statistics.median(rows[name]) <= statistics.median(firsts) + 1:
                print(f"  {name:52} {statistics.median(rows[name]):6.0f}")
    return statistics.median(firsts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="cold page loads to time, per kind (default 15)")
    parser.add_argument("--seeds", type=Path, default=None, help="the documents to build (default: the project's seeds/)")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    # Here, not at the top: bench/scale.py imports write_floor_page without the tests' fixtures.
    from conftest import CHROMIUM, CHROMIUM_ARGS
    from site_server import serve_built_site

    queries = [c["q"] for c in yaml.safe_load((ROOT / "tests" / "search_cases.yaml").read_text(encoding="utf-8"))]
    with serve_built_site(seeds=args.seeds) as served:
        site, origin = served.root, served.origin
        search_files = sorted(p.relative_to(site).as_posix() for p in (site / "assets" / "search").rglob("*.json*"))
        raw, gz = sizes(site, search_files)
        print(f"\nall search files: {len(search_files)} files, {raw:,} B raw, {gz:,} B gzipped")
        with sync_playwright() as p:
            args_ = CHROMIUM_ARGS + ["--host-resolver-rules=MAP *.test 127.0.0.1"]
            browser = p.chromium.launch(executable_path=CHROMIUM, args=args_, headless=True)
            browser.new_context().new_page().goto(served.url("404.html"))  # the running browser's first page

            # One load to learn what the page fetches before its first results.
            (probe,) = run_loads(browser, origin, [QUERY], 1, "visit")[0]
            before = [r["path"] for r in probe["resources"] if r["end"] <= probe["marks"][FIRST]]
            payload = sorted({p for p in before if p == BUNDLE or p.startswith("assets/search/")})
            shards = [p.removeprefix("assets/") for p in before if p.startswith("assets/search/t/")]
            pages = [p.removeprefix("assets/") for p in before if p.startswith("assets/search/p/")]
            floors = {
                "its files, shards then store pages (as the search page)": write_floor_page(site, "floor2", [shards, pages]),
                "its files at once (one round)": write_floor_page(site, "floor1", [shards + pages]),
                "no file (the page and a script only)": write_floor_page(site, "floor0", []),
            }
            paths = [QUERY, *floors.values()]
            loads = {scenario: run_loads(browser, origin, paths, args.runs, scenario) for scenario in ("visit", "profile")}

            page = browser.contexts[0].new_page()
            page.goto(served.url(QUERY))
            page.wait_for_selector("#search-app[data-ready]")
            times = page.evaluate(
                """async qs => {
                    for (const q of qs) await window.undocsSearch.answer(q);  // warm up: files loaded
                    const out = [];
                    for (let r = 0; r < 5; r++) for (const q of qs) {
                      const t = performance.now(); await window.undocsSearch.answer(q); out.push(performance.now() - t);
                    }
                    return out;
                }""",
                queries,
            )
            version = browser.version
            browser.close()
        print(f"Chromium {version}; fetched for searching before the first results (last first-visit load):")
        for name in payload:
            raw, gz = sizes(site, [name])
            print(f"  {name:40} {raw:9,} {gz:9,}")
        raw, gz = sizes(site, payload)
        print(f"  {'search payload':40} {raw:9,} {gz:9,}   (target <= 61,440 gzipped)")
    times.sort()
    if hasattr(os, "getloadavg"):
        load = os.getloadavg()
        print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} CPUs (timings are noisy on a busy machine)")
    for scenario, title in (("visit", "first visit, running browser"), ("profile", "fresh browser profile")):
        print(f"\n== {title}")
        report("the search page", loads[scenario][0], phases=scenario == "visit")
        for k, name in enumerate(floors, start=1):
            report(f"floor: no search code, {SHOWN} paragraphs shown, {name}", loads[scenario][k], phases=False)
    print(f"\ntime per query: median {statistics.median(times):.2f} ms, p95 {times[int(len(times) * 0.95)]:.2f} ms, "
          f"max {times[-1]:.2f} ms over {len(times)} queries   (target <= 5 ms)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
