"""Lighthouse report: build the site, serve it under /undocs/ and audit three pages.

    python bench/lighthouse.py [--form-factor mobile|desktop] [--plain] [--check]

Runs ``node_modules/.bin/lighthouse`` (npm devDependency) with Debian's Chromium
(``CHROME_PATH``, default /usr/bin/chromium), offline: the site is served on 127.0.0.1 and
Chromium's background networking is off. The site is served as GitHub Pages serves it, text
gzipped on the wire (``bench/gzip_server.py``): Lighthouse's simulated mobile network
(1.6 Mbit/s) makes every uncompressed kilobyte cost about 5 ms, which the real host does not
charge. ``--plain`` serves the files as they are on disk (``tests/site_server.py``), as the
gate tests do. Audits the home page, a document page and the search
page (with a query) for performance, accessibility, best practices and SEO; prints a score
table, the requests that left the site's origin (there should be none) and writes
``bench/results/lighthouse.json`` and ``.md`` (``lighthouse-desktop.*`` with the desktop preset).

This is a report, not a test: the exit status is 0 unless Lighthouse could not run, or
``--check`` is given and a score is below its target (performance ≥ 95, accessibility 100,
best practices 100, SEO ≥ 95).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from gzip_server import reserve_port, origin_of, serve_gzip  # noqa: E402
from site_server import PREFIX, build_site, serve_built_site  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
RESULTS = ROOT / "bench" / "results"
PAGES = {
    "home": "",
    "document": "documents/a-67-131/",
    "search": "recherche/?q=nucl%C3%A9aire",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 95}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync"


def audit(url: str, form_factor: str, workdir: Path) -> dict:
    out = workdir / "report.json"
    cmd = [
        str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet", "--no-enable-error-reporting",
        f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}",
    ]  # fmt: skip
    if form_factor == "desktop":
        cmd.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0 or not out.exists():
        raise SystemExit(f"lighthouse failed on {url} (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def summarize(name: str, url: str, report: dict, origin: str) -> dict:
    scores = {c: round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
    audits = report["audits"]
    requests = audits.get("network-requests", {}).get("details", {}).get("items", [])
    outside = [r["url"] for r in requests
               if urllib.parse.urlsplit(r["url"]).scheme in ("http", "https")
               and not r["url"].startswith(origin)]  # fmt: skip
    failing = sorted(
        f"{c}: {a['id']} ({a['title']})"
        for c in CATEGORIES
        for ref in report["categories"][c]["auditRefs"]
        if ref.get("weight", 0) > 0
        for a in [audits[ref["id"]]]
        if a.get("score") is not None and a["score"] < 0.9
    )
    metrics = {k: audits[k]["displayValue"] for k in
               ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
                "speed-index") if k in audits}  # fmt: skip
    return {
        "page": name, "url": url, "scores": scores, "metrics": metrics, "requests": len(requests),
        "requests_outside_origin": outside, "failing_audits": failing,
        "runtime_error": report.get("runtimeError"), "lighthouse": report.get("lighthouseVersion"),
    }  # fmt: skip


@contextlib.contextmanager
def served_site(plain: bool) -> Iterator[Any]:
    """The site built for its address and served under /undocs/: gzipped, or ``plain``."""
    if plain:
        with serve_built_site() as site:
            yield site
        return
    sock = reserve_port()
    with tempfile.TemporaryDirectory(prefix="undocs-site-") as tmp:
        root = Path(tmp) / "site"
        build_site(root, origin_of(sock) + PREFIX)
        with serve_gzip(root, sock) as site:
            yield site


def markdown(rows: list[dict], form_factor: str, served: str) -> str:
    head = "| page | " + " | ".join(CATEGORIES) + " | requests (outside origin) |"
    lines = [f"# Lighthouse ({form_factor}, Lighthouse {rows[0]['lighthouse']}, {served})", "", head,
             "|" + "---|" * (len(CATEGORIES) + 2)]  # fmt: skip
    for r in rows:
        cells = " | ".join(str(r["scores"][c]) for c in CATEGORIES)
        lines.append(f"| {r['page']} | {cells} | {r['requests']} ({len(r['requests_outside_origin'])}) |")
    lines.append("")
    lines.append("Targets: " + ", ".join(f"{c} ≥ {t}" for c, t in TARGETS.items()))
    for r in rows:
        lines.append("")
        lines.append(f"- {r['page']}: " + ", ".join(f"{k} {v}" for k, v in r["metrics"].items()))
        for f in r["failing_audits"]:
            lines.append(f"  - below 0.9: {f}")
        for u in r["requests_outside_origin"]:
            lines.append(f"  - request outside the origin: {u}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--form-factor", choices=["mobile", "desktop"], default="mobile")
    parser.add_argument("--plain", action="store_true", help="serve the files uncompressed (default: gzipped, as GitHub Pages)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a score misses its target")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE} is missing: run npm ci", file=sys.stderr)
        return 2
    rows = []
    started = time.monotonic()
    served = "files served uncompressed" if args.plain else "text served gzipped, as on GitHub Pages"
    with served_site(args.plain) as site, tempfile.TemporaryDirectory() as tmp:
        for name, path in PAGES.items():
            url = site.url(path)
            rows.append(summarize(name, url, audit(url, args.form_factor, Path(tmp)), site.origin))
    RESULTS.mkdir(parents=True, exist_ok=True)
    for r in rows:  # the port changes from run to run
        r["url"] = r["url"].split("/undocs/", 1)[-1] or "/"
    stem = "lighthouse" if args.form_factor == "mobile" else f"lighthouse-{args.form_factor}"
    (RESULTS / f"{stem}.json").write_text(
        json.dumps({"form_factor": args.form_factor, "served": served, "targets": TARGETS, "pages": rows}, indent=2,
                   ensure_ascii=False) + "\n", encoding="utf-8")  # fmt: skip
    text = markdown(rows, args.form_factor, served)
    (RESULTS / f"{stem}.md").write_text(text, encoding="utf-8")
    print(text, end="")
    print(f"({time.monotonic() - started:.0f} s; written to bench/results/{stem}.json and .md)")
    missed = [(r["page"], c, r["scores"][c]) for r in rows for c in CATEGORIES if r["scores"][c] < TARGETS[c]]
    leaks = [u for r in rows for u in r["requests_outside_origin"]]
    if args.check and (missed or leaks):
        print(f"below target: {missed}; requests outside the origin: {leaks}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
