"""Gate: every page type in Chromium, at 1280 px and at 360×740.

- privacy: no request leaves the site's origin (counted with Playwright's request events);
- robustness: no console error, no page error, no failed same-site request;
- small screens: at 360 px nothing scrolls horizontally;
- screenshots of each page type at both widths in test-artifacts/screenshots/ (for humans).
"""

from __future__ import annotations

import urllib.parse

import pytest

from gates_common import PAGE_TYPES, SCREENSHOTS, open_page

WIDTHS = {1280: 900, 360: 740}


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_page_type_in_chromium(browser, site, name, width):
    context = browser.new_context(viewport={"width": width, "height": WIDTHS[width]}, locale="fr-FR")
    page = context.new_page()
    requests: list[str] = []
    outside: list[str] = []
    failed: list[str] = []
    console: list[str] = []
    errors: list[str] = []

    def on_request(request):
        requests.append(request.url)
        parts = urllib.parse.urlsplit(request.url)
        if parts.scheme in ("data", "blob"):
            return
        if f"{parts.scheme}://{parts.netloc}" != site.origin:
            outside.append(request.url)

    def on_response(response):
        expected_404 = name == "404" and response.request.is_navigation_request()
        if response.status >= 400 and not expected_404:
            failed.append(f"{response.status} {response.url}")

    page.on("request", on_request)
    page.on("response", on_response)
    page.on("requestfailed", lambda r: failed.append(f"{r.failure} {r.url}"))
    def on_console(message):
        where = message.location.get("url", "")
        if message.type not in ("error", "warning"):
            return
        if name == "404" and where == site.url(PAGE_TYPES[name]) and "404" in message.text:
            return  # the expected status of the missing page itself
        console.append(f"{message.type}: {message.text} ({where})")

    page.on("console", on_console)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        open_page(page, site, name, PAGE_TYPES[name])
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
        overflow = page.evaluate(
            """() => {
                const doc = document.documentElement;
                const wide = [...document.querySelectorAll('body *')]
                  .filter(el => el.getBoundingClientRect().right > doc.clientWidth + 1
                                && !el.closest('.table-scroll'))
                  .slice(0, 5)
                  .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
                             + ' right=' + Math.round(el.getBoundingClientRect().right));
                return {scroll: doc.scrollWidth, client: doc.clientWidth, wide};
            }"""
        )
    finally:
        context.close()

    assert requests, "no request was seen"
    assert not outside, f"{len(outside)} requests left the site's origin: {outside}"
    assert not errors, f"page errors: {errors}"
    assert not console, f"console errors or warnings: {console}"
    assert not failed, f"failed requests: {failed}"
    if width == 360:
        assert overflow["scroll"] <= overflow["client"], f"scrolls horizontally at 360 px: {overflow}"
