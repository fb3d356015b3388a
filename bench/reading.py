"""Reading measures of a built site in Chromium, at 360×740 (phone) and 1280×800 (laptop).

    python bench/reading.py [--site DIR] [--out FILE] [--shots DIR]

For each page type: the header's height, where the first paragraph of a document starts, the
page's height, the tap targets under 44×44 px (links inside a sentence excepted, as in
``tests/test_reading_browser.py``) and the width the page would scroll. Without ``--site`` the
seeds are built into a temporary folder. ``--shots`` writes a first-screen screenshot of each
page at both sizes (the before/after pictures of ``docs/reading.md``).

A report for people, not a test: the pass/fail thresholds are in the browser tests.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402

from site_server import PREFIX, build_site, serve  # noqa: E402
from undocs.textnorm import fold  # noqa: E402
from test_reading_browser import SMALL_TARGETS  # noqa: E402

PAGES = {
    "home": "",
    "document A/67/131": "documents/a-67-131/",
    "document CD (long title)": "documents/cd-2012-kazakhstan-otsc/",
    "state (Norvège)": "etats/norvege/",
    "topic": "themes/desarmement-nucleaire/",
    "search « Russie »": "recherche/?q=Russie",
    "states × topics": "etats-themes/",
    "states": "etats/",
}
SIZES = {"360": (360, 740), "1280": (1280, 800)}

MEASURE = """() => {
  const header = document.querySelector('.site-header');
  const para = document.querySelector('.doc-text .para, .search-results li');
  return {
    header: header ? Math.round(header.getBoundingClientRect().height) : null,
    first: para ? Math.round(para.getBoundingClientRect().top + scrollY) : null,
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
  };
}"""


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name).lower().replace("×", "x")).strip("-")


def measure(site_dir: Path, shots: Path | None) -> list[dict]:
    rows = []
    with serve(site_dir) as origin, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        for size, (width, height) in SIZES.items():
            context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR")
            page = context.new_page()
            for name, path in PAGES.items():
                page.goto(origin + PREFIX + path, wait_until="networkidle")
                if "recherche" in path:
                    page.wait_for_timeout(500)
                if shots:
                    shots.mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=str(shots / f"{slugify(name)}-{size}.jpg"), type="jpeg", quality=70)
                row = {"page": name, "size": size, **page.evaluate(MEASURE)}
                page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
                row["small_targets"] = len(page.evaluate(SMALL_TARGETS))
                rows.append(row)
            context.close()
        browser.close()
    return rows


def report(rows: list[dict]) -> str:
    lines = [
        "| page | width | header (px) | first paragraph / result at (px) | page height (px) | targets < 44 px | scroll width |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(f"| {r['page']} | {r['size']} | {r['header']} | {r['first'] if r['first'] is not None else '—'} "
                     f"| {r['height']:,} | {r['small_targets']} | {r['width']} |")  # fmt: skip
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="a built site (default: build the seeds)")
    parser.add_argument("--out", type=Path, help="write the Markdown table there")
    parser.add_argument("--shots", type=Path, help="write first-screen screenshots there")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build_site(site, None)
        table = report(measure(site.resolve(), args.shots))
    if args.out:
        args.out.write_text(table, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
