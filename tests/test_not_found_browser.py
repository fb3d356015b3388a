"""The 404 page of a site built without ``--base-url``, in Chromium: its links lead to the root.

GitHub Pages serves ``404.html`` for any missing address, at any depth, so the page's
relative links cannot know where the root is; a build that knows its public root writes
absolute links (``tests/test_render.py``), one that does not writes its stylesheet and scripts
into the page (``undocs.pages.not_found``, ``tests/test_not_found.py``) and leaves the root for
``static/js/404.js`` to find from the address. That runs only in a browser: here the seeds are
built without ``--base-url`` and served under ``/undocs/``, and Chromium asks for missing pages,
at the root and deeper, on a ``<user>.github.io`` host (resolved to the local server) and on
another host, and follows what the page offers: the "Accueil" link, the menu, the stylesheet.
"""

from __future__ import annotations

import tempfile
import urllib.request
from pathlib import Path

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS
from site_server import PREFIX, build_site, serve


@pytest.fixture(scope="module")
def unrooted():
    """The seeds built without --base-url, served under /undocs/: yields the server's port."""
    with tempfile.TemporaryDirectory(prefix="undocs-404-") as tmp:
        root = Path(tmp) / "site"
        build_site(root, None)
        assert "data-compute-root" in (root / "404.html").read_text(encoding="utf-8")
        with serve(root) as origin:
            yield int(origin.rsplit(":", 1)[1])


@pytest.fixture(scope="module")
def chromium(playwright_driver):
    """Chromium with every ``*.github.io`` host resolved to this machine."""
    browser = playwright_driver.chromium.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS + ["--host-resolver-rules=MAP *.github.io 127.0.0.1"])
    try:
        yield browser
    finally:
        browser.close()


def visit(chromium, url: str) -> dict:
    """Open a missing page; what it offers: where its links go, whether its style applied."""
    context = chromium.new_context()
    page = context.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    try:
        response = page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        return {
            "status": response.status,
            "heading": page.locator("h1").inner_text(),
            "home": page.eval_on_selector("#home-link", "a => a.href"),
            "links": page.eval_on_selector_all("header a, footer a, form", "els => els.map(e => e.href || e.action)"),
            # The stylesheet applied: the skip link is moved off screen by it.
            "styled": page.eval_on_selector(".skip-link", "a => getComputedStyle(a).position") == "absolute",
            "failed": failed,
        }
    finally:
        context.close()


def ok(url: str) -> bool:
    """Whether the local server serves ``url`` (the github.io host resolved to it)."""
    local = url.replace("://user.github.io:", "://127.0.0.1:")
    try:
        with urllib.request.urlopen(local) as response:
            return response.status == 200
    except OSError:
        return False


#: (host, missing path under the site, whether every request must succeed). Off github.io the
#: address says nothing of the root: the script finds the folder that serves the site's own
#: ``assets/js/404.js``, by requests that may fail on the way.
MISSING = {
    "under the root of a github.io site": ("user.github.io", "page-inexistante", True),
    "deeper in a github.io site": ("user.github.io", "documents/inexistant/page/", True),
    "deeper on another host": ("127.0.0.1", "etats/inexistant/encore/plus/loin.html", False),
    "under the root on another host": ("127.0.0.1", "page-inexistante", False),
}


@pytest.mark.parametrize("case", sorted(MISSING))
def test_a_missing_page_finds_the_site_root(case, chromium, unrooted):
    host, path, all_served = MISSING[case]
    origin = f"http://{host}:{unrooted}"
    seen = visit(chromium, f"{origin}{PREFIX}{path}")
    assert seen["status"] == 404 and seen["heading"] == "Page introuvable"
    assert seen["home"] == f"{origin}{PREFIX}"
    assert seen["styled"]
    assert seen["links"] and all(link.startswith(origin + PREFIX) and ok(link) for link in seen["links"]), seen["links"]
    if all_served:
        assert seen["failed"] == []
