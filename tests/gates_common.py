"""What the browser gates share: the page types and how a page is opened and settled.

The fixtures (``site``, ``browser``) are in ``conftest.py``.
"""

from __future__ import annotations



from site_server import ROOT, Site

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


def open_page(page, site: Site, name: str, path: str) -> None:
    """Load one page type and wait until it is settled (search: until results are shown)."""
    page.goto(site.url(path), wait_until="load")
    if name == "search":
        page.wait_for_selector(SEARCH_RESULT, timeout=10_000)
    page.wait_for_load_state("networkidle")
