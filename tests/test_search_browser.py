"""The search page in real Chromium, on the built site served under /undocs/ (conftest.site).

Never skipped: without Chromium the ``browser`` fixture fails.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
import yaml



CASES = yaml.safe_load((Path(__file__).parent / "search_cases.yaml").read_text(encoding="utf-8"))


@pytest.fixture()
def page(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("dialog", lambda d: (page.errors.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("console", lambda m: page.errors.append(f"console: {m.text}") if m.type == "error" else None)
    yield page
    context.close()


def open_search(page, site, query=""):
    url = site.base_url + "recherche/" + (query and "?" + query)
    page.goto(url)
    page.wait_for_selector("#search-app[data-ready]", timeout=15_000)


def result_ids(page):
    hrefs = page.eval_on_selector_all("#search-results .result-link", "els => els.map(e => e.getAttribute('href'))")
    return [h.split("#", 1)[1] for h in hrefs]


def type_query(page, text):
    box = page.locator("#q")
    box.fill("")
    box.press_sequentially(text, delay=5)
    page.wait_for_function("q => document.getElementById('search-results').dataset.query === q", arg=text)


def test_search_cases_in_the_browser(page, site):
    open_search(page, site)
    failures = []
    for case in CASES:
        page.locator("#q").fill(case["q"])
        page.wait_for_function("q => document.getElementById('search-results').dataset.query === q", arg=case["q"])
        top = result_ids(page)[:5]
        missing = [i for i in case["top5"] if i not in top]
        if missing:
            failures.append(f"{case['q']!r}: {missing} not in {top}")
    assert not failures, "\n".join(failures)
    assert page.errors == []


def test_typing_shows_highlighted_results_and_announces_them(page, site):
    open_search(page, site)
    type_query(page, "Norvège désarm")
    assert result_ids(page)[:1] and all(i.startswith("a-67-131_norvege-") for i in result_ids(page))
    first = page.locator("#search-results .result").first
    assert "A/67/131" in first.inner_text() and "Norvège" in first.inner_text() and "§" in first.inner_text()
    marks = page.eval_on_selector_all("#search-results mark", "els => els.map(e => e.textContent)")
    assert any(m.lower().startswith("désarm") for m in marks)
    assert any(m == "Norvège" for m in marks)
    page.wait_for_function("() => document.getElementById('search-status').textContent.includes('résultat')")
    assert page.get_attribute("#search-status", "aria-live") == "polite"
    href = page.get_attribute("#search-results .result-link >> nth=0", "href")
    assert href.startswith("../documents/a-67-131/index.html#a-67-131_norvege-")
    assert "q=Norv%C3%A8ge+d%C3%A9sarm" in page.url or "q=Norv%C3%A8ge%20d%C3%A9sarm" in page.url
    assert page.errors == []


def test_highlights_fold_like_the_analysis(page, site):
    """The snippet marks every word whose term is the query's, however it is written: a
    ligature (œuvre for "oeuvre"), an elision (l'œuvre), capitals and accents (États)."""
    open_search(page, site, "q=" + quote("oeuvre etats"))
    marks = {m.lower() for m in page.eval_on_selector_all("#search-results mark", "els => els.map(e => e.textContent)")}
    assert "œuvre" in marks and "états" in marks, marks
    assert not any(m.startswith(("l'", "l’", "d'", "d’")) for m in marks), marks
    assert page.errors == []


def test_facets_combine_with_the_query_and_live_in_the_url(page, site):
    open_search(page, site, "q=" + quote("désarmement"))
    total = len(page.locator("#search-results .result").all())
    page.locator("#search-facets button.facet", has_text="Norvège").click()
    page.wait_for_function("n => document.querySelectorAll('#search-results .result').length < n", arg=total)
    assert all(i.startswith("a-67-131_norvege-") for i in result_ids(page))
    assert "etat=norvege" in page.url
    pressed = page.locator("#search-facets button[aria-pressed=true]")
    assert pressed.count() == 1 and "Norvège" in pressed.inner_text()
    # Counts of the topic facet are those of the filtered results.
    counts = page.eval_on_selector_all(
        "#facet-theme ~ ul .count", "els => els.map(e => Number(e.textContent))"
    )
    assert counts and max(counts) <= len(result_ids(page))
    page.locator("#search-facets button.facet", has_text="A/67/131").click()
    page.wait_for_url("**doc=a-67-131**")
    # Back: the document filter goes, the state filter stays; back again: no filter.
    page.go_back()
    page.wait_for_function("() => !location.search.includes('doc=')")
    assert "etat=norvege" in page.url
    page.go_back()
    page.wait_for_function("() => !location.search.includes('etat=')")
    page.wait_for_function("n => document.querySelectorAll('#search-results .result').length === n", arg=min(total, 20))
    assert page.input_value("#q") == "désarmement"
    page.go_forward()
    page.wait_for_function("() => location.search.includes('etat=norvege')")
    page.wait_for_function("() => [...document.querySelectorAll('#search-results .result-link')].every(a => a.href.includes('#a-67-131_norvege-'))")
    assert page.errors == []


def test_shared_url_restores_the_search(page, site):
    open_search(page, site, "q=otan&etat=russie&theme=missiles")
    assert page.input_value("#q") == "otan"
    assert result_ids(page) == ["cd-2012-kazakhstan-otsc_declaration-14"]
    assert page.locator("#search-active button").count() == 2
    assert page.errors == []


def test_malformed_queries_never_error(page, site):
    open_search(page, site)
    for q in ["etat:", "~", '"désarmement', "desarmement:", "^2", "*", "+", "-", "theme:*", "nucl*~2^", "::", "\\"]:
        page.locator("#q").fill(q)
        page.wait_for_function("q => document.getElementById('search-results').dataset.query === q", arg=q)
    page.locator("#q").fill('"norvège')
    page.wait_for_function("() => document.getElementById('search-results').dataset.query === '\"norvège'")
    assert result_ids(page)
    assert page.errors == []


def test_html_in_the_query_is_inert(page, site):
    payload = '<img src=x onerror="alert(1)"><script>alert(2)</script> désarmemnt'
    open_search(page, site, "q=" + quote(payload))
    page.wait_for_timeout(300)
    assert page.locator("#search-app img, #search-app script").count() == 0
    notice = page.inner_text("#search-notice")
    assert "<script>" in notice and "Vouliez-vous dire" in notice
    assert page.errors == []


def test_nothing_found_offers_a_fuzzy_retry(page, site):
    open_search(page, site)
    type_query(page, "proliferaton")
    assert "Vouliez-vous dire" in page.inner_text("#search-notice")
    assert result_ids(page)
    page.locator("#search-notice a.suggestion").click()
    page.wait_for_function("() => document.getElementById('q').value === 'prolifération'")
    type_query(page, "zzzqqq")
    assert "Aucun résultat" in page.inner_text("#search-notice")
    page.wait_for_function("() => document.getElementById('search-status').textContent === 'Aucun résultat'")
    assert page.errors == []


def test_keyboard(page, site):
    open_search(page, site, "q=norvege")
    page.locator("h1").click()
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.getAttribute('href')")
    assert first != second and "#a-67-131_norvege-" in second
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.getAttribute('href')") == first
    page.keyboard.press("Enter")
    page.wait_for_url("**/documents/a-67-131/**#a-67-131_norvege-*")
    assert page.errors == []


def test_without_javascript_the_page_explains(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.base_url + "recherche/")
    text = page.inner_text("#search-nojs")
    assert "JavaScript" in text
    assert page.locator("#search-nojs a[href='../etats/index.html']").count() == 1
    assert page.locator("#search-nojs a[href='../themes/index.html']").count() == 1
    assert not page.locator("#search-form").is_visible()
    context.close()


def test_header_search_box_leads_to_the_search_page(page, site):
    page.goto(site.base_url + "etats/norvege/")
    page.fill("#q-header", "otan")
    page.press("#q-header", "Enter")
    page.wait_for_selector("#search-app[data-ready]")
    assert "/undocs/recherche/" in page.url
    assert result_ids(page) == ["cd-2012-kazakhstan-otsc_declaration-13", "cd-2012-kazakhstan-otsc_declaration-14"]
    assert page.errors == []
