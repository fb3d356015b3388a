"""Search speed and size on the seed corpus, in headless Chromium (a benchmark, not a test).

    python bench/search_speed.py [--runs N]

Builds the site into a temporary folder, serves it under /undocs/ (as GitHub Pages does) and
reports:

* the search payload: what the search page fetches before the first results of
  ``?q=désarmement`` (search.bundle.js = lunr + stemmer + analysis.js + search.js,
  analysis.json, meta.json, the term shard(s) and store pages of that query), raw and gzipped
  (level 9), and the size of all the search files (fetched only as queries need them);
* the time from navigation start to the first results rendered for ``?q=désarmement`` (the
  ``undocs-search-first-results`` performance mark set by search.js), median of N cold loads,
  with the marks before it (scripts running, index loaded) and the machine's load average;
* the time per query (``await undocsSearch.answer(q)``, the page's own search, over the queries
  of tests/search_cases.yaml, once their files are loaded), median and 95th percentile.

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

SCRIPTS = ["assets/js/search.bundle.js", "assets/analysis.json"]  # lunr + fr.js + analysis.js + search.js


def sizes(site: Path, names: list[str]) -> tuple[int, int]:
    """Raw and gzipped (level 9) bytes of these files of the site."""
    data = [(site / name).read_bytes() for name in names]
    return sum(len(d) for d in data), sum(len(gzip.compress(d, 9)) for d in data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="cold page loads to time (default 15)")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with serve_built_site() as served:
        site = served.root
        search_files = sorted(p.relative_to(site).as_posix() for p in (site / "assets" / "search").rglob("*.json"))
        raw, gz = sizes(site, search_files)
        print(f"\nall search files: {len(search_files)} files, {raw:,} B raw, {gz:,} B gzipped")
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
                fetched = page.evaluate(
                    """() => {
                      const first = performance.getEntriesByName("undocs-search-first-results")[0].startTime;
                      return performance.getEntriesByType("resource").filter(r => r.responseEnd <= first).map(r => new URL(r.name).pathname);
                    }"""
                )
                firsts.append(marks["undocs-search-first-results"])
                phases.append(marks)
                context.close()
            page = browser.new_page()
            page.goto(url)
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
            browser.close()
            names = [path.split("/undocs/", 1)[1] for path in fetched if path.endswith((".js", ".json"))]
            names = [n for n in names if n.startswith("assets/search/") or n in SCRIPTS]
            print("fetched for searching before the first results (last cold load):")
            for name in sorted(set(names)):
                raw, gz = sizes(site, [name])
                print(f"  {name:40} {raw:9,} {gz:9,}")
            raw, gz = sizes(site, sorted(set(names)))
            print(f"  {'search payload':40} {raw:9,} {gz:9,}   (target <= 61,440 gzipped)")
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
