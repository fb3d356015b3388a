"""Gate: accessibility in Chromium.

- axe-core (node_modules/axe-core) on every page type and index page, light and dark colour
  schemes, at 1280 px and 360 px: zero violations of the WCAG 2.0/2.1 A and AA rules;
- keyboard only: on a document page, Tab reaches the skip link first, then the search form,
  the main navigation and every "Citer" summary; every focused element shows a visible focus
  indicator; Enter opens a summary; Enter in the search field runs a search whose results are
  reached and followed with Tab and Enter.
"""

from __future__ import annotations

import json

import pytest

from gates_common import INDEX_PAGES, PAGE_TYPES, SEARCH_RESULT, open_page
from site_server import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = {**PAGE_TYPES, **INDEX_PAGES}


def run_axe(page) -> list[dict]:
    assert AXE.is_file(), f"{AXE} is missing: run npm ci"
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return result["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {json.dumps(node['target'])}: {node.get('failureSummary', '')[:300]}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_wcag_violation(browser, site, name, scheme):
    problems = []
    for width, height in ((1280, 900), (360, 740)):
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
        page = context.new_page()
        try:
            open_page(page, site, name, PAGES[name])
            if name == "document":
                # The cite blocks have content too: check them open.
                page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            violations = run_axe(page)
        finally:
            context.close()
        if violations:
            problems.append(f"at {width} px:\n{describe(violations)}")
    assert not problems, f"{name} ({scheme}):\n" + "\n".join(problems)


FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    cls: el.className,
    text: (el.textContent || el.value || '').trim().slice(0, 40),
    href: el.getAttribute('href'),
    inNav: !!el.closest('.main-nav'),
    inCite: !!el.closest('details.cite'),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    shadow: style.boxShadow !== 'none',
    visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight,
  };
}"""


def tab(page) -> dict | None:
    page.keyboard.press("Tab")
    return page.evaluate(FOCUS_STATE)


def test_keyboard_reaches_every_action_on_a_document_page(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        open_page(page, site, "document", PAGE_TYPES["document"])
        first = tab(page)
        assert first and "skip-link" in first["cls"], f"the first Tab stop is {first}"
        assert first["visible"] and first["outline"], f"skip link focus is not visible: {first}"

        stops: list[dict] = [first]
        for _ in range(2000):
            state = tab(page)
            if state is None or (stops and state == stops[0]):
                break
            stops.append(state)
        invisible = [s for s in stops if not (s["visible"] and (s["outline"] or s["shadow"]))]
        assert not invisible, f"{len(invisible)} focus stops without a visible indicator: {invisible[:5]}"
        assert any(s["id"] == "q-header" for s in stops), "the search field is not reachable"
        assert sum(s["inNav"] for s in stops) >= 6, "the main navigation is not reachable"
        summaries = [s for s in stops if s["tag"] == "summary"]
        assert sum(s["text"] == "Citer" for s in summaries) >= 50, f"only {len(summaries)} 'Citer' summaries are reachable"
        # The folded references and contents open from the keyboard too.
        assert {"Références du document", "Sommaire"} <= {s["text"] for s in summaries}

        # The skip link moves the focus to the main content.
        page.goto(site.url(PAGE_TYPES["document"]))
        tab(page)
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "contenu"

        # Enter on a summary opens its cite block; the copy button is reachable next.
        for _ in range(200):
            state = tab(page)
            if state and state["tag"] == "summary" and state["text"] == "Citer":
                break
        assert page.evaluate("document.activeElement.parentElement.open") is False
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.parentElement.open") is True
        following = [tab(page) for _ in range(3)]
        assert any(s and s["inCite"] for s in following), f"nothing inside the open cite block is reachable: {following}"
    finally:
        context.close()


def test_keyboard_runs_a_search_and_opens_a_result(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        open_page(page, site, "home", PAGE_TYPES["home"])
        for _ in range(20):
            state = tab(page)
            if state and state["id"] == "q-home":
                break
        else:
            pytest.fail("the home page's search field is not reachable with Tab")
        page.keyboard.type("nucléaire")
        page.keyboard.press("Enter")
        page.wait_for_url("**/recherche/**")
        page.wait_for_selector(SEARCH_RESULT, timeout=10_000)
        target = None
        for _ in range(200):
            state = tab(page)
            if state and state["href"] and "documents/" in state["href"] and "#" in state["href"]:
                target = state
                break
        assert target, "no search result is reachable with Tab"
        assert target["outline"] or target["shadow"], f"the result's focus is not visible: {target}"
        page.keyboard.press("Enter")
        page.wait_for_url("**/documents/**#*")
        fragment = page.evaluate("location.hash.slice(1)")
        assert page.evaluate("id => !!document.getElementById(id)", fragment)
    finally:
        context.close()
