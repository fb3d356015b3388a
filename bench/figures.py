"""Screenshots of the three figures (world map, heat map, timeline) at 360 and 1280 px, and
their sizes, for docs/figures.md.

    python bench/figures.py [PDF_DIR ...] [--shots DIR]

The seeds are built with the PDFs of each PDF_DIR added (default: the fixture PDFs of
``tests/fixtures/real/pdf``; ``../shared/un-corpus`` gives 148 documents and every state) and
served under ``/undocs/`` as GitHub Pages would; each figure is photographed in Chromium, as a
JPEG, into ``docs/figures/`` (or ``--shots``). The report lists the map's SVG bytes and the
pages' bytes, raw and gzipped. A report for people: the tests are in
``tests/test_figures*.py``.
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402

from site_server import serve_built_site  # noqa: E402

#: (name, page, element photographed, scheme, what is done first).
SHOTS = (
    ("map", "etats/", ".worldmap", "light", None),
    ("map-mentions-dark", "etats/", ".worldmap", "dark", "label:has(#carte-mentions)"),
    ("heatmap", "etats-themes/", "main", "light", None),
    ("heatmap-dark", "etats-themes/", "main", "dark", None),
    ("timeline", "documents/", ".timeline", "light", ".timeline .tl-list > summary"),
    ("timeline-state", "etats/russie/", "#chronologie", "dark", None),
)
WIDTHS = {"360": (360, 740), "1280": (1280, 800)}
#: How much of a long element is photographed (the heat map's page is long).
MAX_HEIGHT = 900


def sizes(root: Path) -> list[tuple[str, int, int]]:
    out = []
    for page in ("etats/index.html", "documents/index.html", "etats-themes/index.html", "etats/russie/index.html"):
        path = root / page
        if path.is_file():
            data = path.read_bytes()
            out.append((page, len(data), len(gzip.compress(data, 9, mtime=0))))
    html = (root / "etats/index.html").read_text(encoding="utf-8")
    svg = re.search(r'<svg class="map-svg".*?</svg>', html, re.S)
    if svg:
        data = svg.group(0).encode("utf-8")
        out.insert(0, ("map SVG (in etats/index.html)", len(data), len(gzip.compress(data, 9, mtime=0))))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pdfs", nargs="*", type=Path, help="folders of PDFs added to the seeds")
    parser.add_argument("--shots", type=Path, default=ROOT / "docs" / "figures")
    args = parser.parse_args()
    folders = args.pdfs or [ROOT / "tests" / "fixtures" / "real" / "pdf"]
    args.shots.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        shutil.copytree(ROOT / "seeds", seeds)
        for folder in folders:
            for pdf in sorted(folder.glob("*.pdf")):
                shutil.copy(pdf, seeds / pdf.name)
        with serve_built_site(seeds=seeds) as site, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                         args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])  # fmt: skip
            for name, page_path, selector, scheme, action in SHOTS:
                for width, (w, h) in WIDTHS.items():
                    page = browser.new_page(viewport={"width": w, "height": h}, color_scheme=scheme, device_scale_factor=1)
                    page.goto(site.url(page_path), wait_until="networkidle")
                    if action:
                        page.click(action)
                    box = page.locator(selector).first.bounding_box()
                    clip = {"x": box["x"], "y": box["y"], "width": box["width"], "height": min(box["height"], MAX_HEIGHT)}
                    out = args.shots / f"{name}-{width}.jpg"
                    page.screenshot(path=str(out), clip=clip, full_page=True, type="jpeg", quality=72)
                    print(f"{out.relative_to(ROOT)}: {out.stat().st_size:,} bytes")
                    page.close()
            browser.close()
            print("\nbytes (raw, gzip -9):")
            for label, raw, packed in sizes(site.root):
                print(f"  {label}: {raw:,} / {packed:,}")


if __name__ == "__main__":
    main()
