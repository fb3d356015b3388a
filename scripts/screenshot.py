#!/usr/bin/env python3
"""Regenerate docs/screenshot.png (the README's picture): the document page of A/67/131 at
Norway's reply, on a laptop (the contents column beside the text) and on a 360 px phone, side by side.

    python scripts/screenshot.py      (needs Debian's chromium and `pip install -e ".[test]"`)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402

from site_server import serve_built_site  # noqa: E402

PAGE = "documents/a-67-131/#a-67-131_norvege-2"


def main() -> None:
    with serve_built_site() as site, sync_playwright() as pw, tempfile.TemporaryDirectory() as tmp:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                     args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        shots = []
        for name, width, height in (("desktop", 1280, 760), ("phone", 360, 760)):
            page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
            page.goto(site.url(PAGE), wait_until="networkidle")
            path = Path(tmp) / f"{name}.png"
            page.screenshot(path=str(path))
            shots.append(path)
            page.close()
        # Put the two side by side in one page rendered by Chromium itself (no imaging library).
        html = Path(tmp) / "pair.html"
        html.write_text(
            "<html><body style='margin:0;background:#d0d7de;display:flex;gap:16px;padding:16px;align-items:flex-start'>"
            + "".join(f"<img src='{p.name}' style='box-shadow:0 2px 8px #0004'>" for p in shots)
            + "</body></html>", encoding="utf-8")
        page = browser.new_page(viewport={"width": 1280 + 360 + 48, "height": 760 + 32})
        page.goto(html.as_uri())
        page.screenshot(path=str(ROOT / "docs" / "screenshot.png"))
        browser.close()
    print(ROOT / "docs" / "screenshot.png")


if __name__ == "__main__":
    main()
