"""Search speed and size on the seed corpus, in headless Chromium (a benchmark, not a test).

    python bench/search_speed.py [--runs N]

Builds the site into a temporary folder, serves it under /undocs/ (as GitHub Pages does) and
reports:

* the search payload: every file the search page fetches for searching (search.bundle.js =
  lunr + stemmer + analysis.js + search.js, analysis.json, index.json, docs.json), raw and gzipped (level 9);
* the time from navigation start to the first results rendered for ``?q=désarmement`` (the
  ``undocs-search-first-results`` performance mark set by search.js), median of N cold loads,
  with the marks before it (scripts running, index loaded) and the machine's load average;
* the time per query (``undocsSearch.answer``, the page's own search, over the queries of
  tests/search_cases.yaml), median and 95th percentile.

Targets (issue): payload <= 60 KB gzipped, first results <= 150 ms, <= 5 ms per query.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from site_server import serve_built_site  # noqa: E402

PAYLOAD = [
    "assets/js/search.bundle.js",  # lunr.min.js + fr.js + analysis.js + search.js
    "assets/analysis.json",
    "assets/search/index.json",
    "assets/search/docs.json",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="cold page loads to time (default 15)")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with serve_built_site() as served:
        site = served.root
        print()
        print(f"{'file':42} {'raw':>9} {'gzip':>9}")
        raw_total = gz_total = 0
        for name in PAYLOAD:
            data = (site / name).read_bytes()
            raw, gz = len(data), len(gzip.compress(data, 9))
            raw_total += raw
            gz_total += gz
            print(f"{name:42} {raw:9,} {gz:9,}")
        print(f"{'search payload':42} {raw_total:9,} {gz_total:9,}   (target <= 61,440 gzipped)")

        url = served.url("recherche/?q=d%C3%A9sarmement")
        queries = [c["q"] for c in yaml.safe_load((ROOT / "tests" / "search_cases.yaml").read_text(encoding="utf-8"))]
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            firsts, phases = [], []
            for _ in range(args.runs):
                context = browser.new_context()  # cold: empty cache
                page = context.new_page()
                page.goto(url)
                page.wait_for_selector("#search-app[data-ready]")
                marks = page.evaluate(
                    """() => {
                      const out = {};
                      for (const m of performance.getEntriesByType("mark")) if (m.name.startsWith("undocs-")) out[m.name] = m.startTime;
                      const nav = performance.getEntriesByType("navigation")[0];
                      out["(html responseEnd)"] = nav.responseEnd;
                      out["(DOMContentLoaded)"] = nav.domContentLoadedEventStart;
                      out["(domInteractive)"] = nav.domInteractive;
                      for (const r of performance.getEntriesByType("resource")) {
                        const name = new URL(r.name).pathname.split("/").pop();
                        out["(" + name + " start)"] = r.startTime;
                        out["(" + name + " end)"] = r.responseEnd;
                      }
                      return out;
                    }"""
                )
                firsts.append(marks["undocs-search-first-results"])
                phases.append(marks)
                context.close()
            page = browser.new_page()
            page.goto(url)
            page.wait_for_selector("#search-app[data-ready]")
            times = page.evaluate(
                """qs => {
                    qs.forEach(q => window.undocsSearch.answer(q));  // warm up
                    const out = [];
                    for (let r = 0; r < 5; r++) for (const q of qs) {
                      const t = performance.now(); window.undocsSearch.answer(q); out.push(performance.now() - t);
                    }
                    return out;
                }""",
                queries,
            )
            browser.close()
    times.sort()
    if hasattr(os, "getloadavg"):
        load = os.getloadavg()
        print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} CPUs (timings are noisy on a busy machine)")
    names = sorted({n for p in phases for n in p}, key=lambda n: statistics.median(p.get(n, 0) for p in phases))
    print("phases (median ms after navigation start; resources in parentheses):")
    for name in names:
        print(f"  {name:44} {statistics.median(p[name] for p in phases if name in p):6.0f}")
    for name, label in (("undocs-search-start", "scripts running"), ("undocs-search-loaded", "index loaded")):
        print(f"  {label + ' at':28} median {statistics.median(p[name] for p in phases):.0f} ms")
    print(f"first results after navigation: median {statistics.median(firsts):.0f} ms, "
          f"max {max(firsts):.0f} ms over {len(firsts)} cold loads   (target <= 150 ms)")  # fmt: skip
    print(f"time per query: median {statistics.median(times):.2f} ms, p95 {times[int(len(times) * 0.95)]:.2f} ms, "
          f"max {times[-1]:.2f} ms over {len(times)} queries   (target <= 5 ms)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
