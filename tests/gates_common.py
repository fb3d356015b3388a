"""What the browser gates share: the page types, how Chromium is launched, fixtures.

Browser gates must run in CI and fail, not skip, when Chromium is missing: launching raises.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from site_server import ROOT, Site, shared_site

CHROMIUM = os.environ.get("UNDOCS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]  # fmt: skip
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"

#: One page of each type: name -> path under the site root (query included).
PAGE_TYPES = {
    "home": "",
    "document": "documents/a-67-131/",
    "state": "etats/norvege/",
    "topic": "themes/desarmement-nucleaire/",
    "search": "recherche/?q=nucl%C3%A9aire",
    "about": "a-propos/",
    "404": "documents/inexistant/page/",
}
#: The index pages, checked by axe too.
INDEX_PAGES = {
    "documents": "documents/",
    "states": "etats/",
    "topics": "themes/",
    "matrix": "etats-themes/",
}

#: What "search with results" waits for: a result link to a paragraph.
SEARCH_RESULT = "main a[href*='documents/'][href*='#']"


@pytest.fixture(scope="session")
def site() -> Site:
    return shared_site()


#: The session's one Chromium: each test module that imports ``browser`` gets its own fixture
#: definition, and two sync Playwright sessions cannot be open at once, so later ones reuse it.
_SHARED: dict[str, object] = {}


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is required for the browser gates and is missing: {CHROMIUM}")
    if "browser" in _SHARED:
        yield _SHARED["browser"]
        return
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        _SHARED["browser"] = b
        try:
            yield b
        finally:
            _SHARED.pop("browser", None)
            b.close()


def open_page(page, site: Site, name: str, path: str) -> None:
    """Load one page type and wait until it is settled (search: until results are shown)."""
    page.goto(site.url(path), wait_until="load")
    if name == "search":
        page.wait_for_selector(SEARCH_RESULT, timeout=10_000)
    page.wait_for_load_state("networkidle")
