"""The search page in real Chromium, on the built site served under /undocs/ (conftest.site).

Never skipped: without Chromium the ``browser`` fixture fails.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml

from site_server import serve_built_site



CASES = yaml.safe_load((Path(__file__).parent / "search_cases.yaml").read_text(encoding="utf-8"))
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def fixtures_site(tmp_path_factory):
    """The seeds plus the real English PDFs of the fixtures (cases with ``corpus: fixtures``)."""
    seeds = tmp_path_factory.mktemp("search-fixtures") / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    for pdf in sorted((ROOT / "tests" / "fixtures" / "real" / "pdf").glob("*.pdf")):
        shutil.copy(pdf, seeds / pdf.name)
    with serve_built_site(seeds=seeds) as served:
        yield served


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


def run_cases(page, site, cases):
    open_search(page, site)
    failures = []
    for case in cases:
        page.locator("#q").fill(case["q"])
        page.wait_for_function("q => document.getElementById('search-results').dataset.query === q", arg=case["q"])
        ids = result_ids(page)  # the first 20 results are on the page
        for n in (5, 20):
            missing = [i for i in case.get(f"top{n}", []) if i not in ids[:n]]
            if missing:
                failures.append(f"{case['q']!r}: {missing} not in the top {n} {ids[:n]}")
    assert not failures, "\n".join(failures)
    assert page.errors == []


def test_search_cases_in_the_browser(page, site):
    run_cases(page, site, [c for c in CASES if c.get("corpus") != "fixtures"])


def test_search_cases_on_the_fixture_pdfs_in_the_browser(page, fixtures_site):
    run_cases(page, fixtures_site, [c for c in CASES if c.get("corpus") == "fixtures"])


def test_english_results_say_their_language_and_the_language_facet(page, fixtures_site):
    """An English paragraph says « en anglais », its snippet and title carry lang="en" (built
    with textContent), the French ones none; the language facet counts both and filters, in
    the URL (langue=en); the English snippet is highlighted with the English analysis."""
    open_search(page, fixtures_site, "q=" + quote("terrorisme"))
    items = page.eval_on_selector_all("#search-results .result", """els => els.map(li => ({
        id: li.querySelector('.result-link').getAttribute('href').split('#')[1],
        lang: li.querySelector('.result-lang') && li.querySelector('.result-lang').textContent,
        snippetLang: li.querySelector('.result-snippet').getAttribute('lang'),
        linkLang: li.querySelector('.result-link').getAttribute('lang'),
        marks: [...li.querySelectorAll('.result-snippet mark')].map(m => m.textContent)}))""")
    english = [it for it in items if it["id"].startswith("s-res-")]
    french = [it for it in items if it["id"].startswith(("a-67-131", "cd-2012"))]
    assert english and french and items.index(french[-1]) < items.index(english[0])  # French first
    assert all(it["lang"] == "en anglais" and it["snippetLang"] == "en" and it["linkLang"] == "en" for it in english)
    assert all(it["lang"] is None and it["snippetLang"] is None and it["linkLang"] is None for it in french)
    assert any(m.lower().startswith("terroris") for it in english for m in it["marks"]), english
    facet = page.locator("#search-facets button.facet[data-param=langue]")
    counts = dict(zip(facet.evaluate_all("bs => bs.map(b => b.dataset.id)"), facet.locator(".count").all_inner_texts()))
    assert set(counts) == {"fr", "en"} and int(counts["fr"]) + int(counts["en"]) == int(page.get_attribute("#search-app", "data-count"))
    page.locator("#search-facets button.facet[data-param=langue][data-id=en]").click()
    page.wait_for_function("() => location.search.includes('langue=en')")
    page.wait_for_function("n => document.getElementById('search-app').dataset.count === n", arg=counts["en"])
    ids = result_ids(page)
    assert ids and all(i.startswith(("s-res-", "a-79-", "a-80-", "e-", "hri-", "a-47-")) for i in ids)
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


READ_FETCHES = """() => {
  const m = performance.getEntriesByName("undocs-search-first-results")[0].startTime;
  return performance.getEntriesByType("resource").map((r) => [new URL(r.name).pathname, r.responseEnd <= m]);
}"""


def test_a_state_filter_reads_its_own_file_before_the_first_results(page, site):
    """A shared link with a state filter fetches that state's paragraphs (f/etat/<id>.json.gz)
    before its first results, not the whole facet table, which comes after them for the
    counts; the results and the counts are those of the filter."""
    open_search(page, site, "q=" + quote("désarmement") + "&etat=norvege")
    fetched = page.evaluate(READ_FETCHES)
    before = [path for path, early in fetched if early]
    assert any(path.endswith("/assets/search/f/etat/norvege.json.gz") for path in before), before
    assert not any(path.endswith("/facets.json.gz") for path in before), before
    assert any(path.endswith("/facets.json.gz") for path, _ in fetched)
    ids = result_ids(page)
    assert ids and all(i.startswith("a-67-131_norvege-") for i in ids)
    assert "Norvège" in page.locator("#search-active").inner_text()
    assert page.locator("#search-facets button[aria-pressed=true]", has_text="Norvège").count() == 1
    assert page.errors == []


def test_a_typed_query_ends_with_all_its_first_page_drawn(page, site):
    """A new query is drawn in two steps (its first 6 results, then the rest of the page of
    20): once its results are marked as the query's (data-query), all of them are there."""
    open_search(page, site, "q=biologiques")
    type_query(page, "désarmement")
    count = int(page.get_attribute("#search-app", "data-count"))
    assert count > 6 and len(result_ids(page)) == min(count, 20)
    type_query(page, "Turkménistan")
    count = int(page.get_attribute("#search-app", "data-count"))
    assert len(result_ids(page)) == min(count, 20) > 0
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
    page.wait_for_function("() => document.getElementById('search-status').textContent.startsWith('Aucun résultat')")
    assert page.errors == []


def test_keyboard(page, site):
    open_search(page, site, "q=norvege")
    # Not a click on the title: it is the field's label, which focuses the field (the "/" was
    # then typed into the query, and the results it gave raced the arrows below).
    page.evaluate("document.activeElement && document.activeElement.blur()")
    assert page.evaluate("document.activeElement === document.body")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q"
    field = page.evaluate("[document.getElementById('q').value, document.getElementById('q').selectionStart, document.getElementById('q').selectionEnd]")
    assert field == ["norvege", 0, len("norvege")]  # focused and selected, nothing typed
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



# --------------------------------------------------------------------------------------------
# Issue 12: the search on a phone, why a result, phrases, empty states, focus and history.

NB = "\u00a0"


def phone(browser, site, query=""):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    open_search(page, site, query)
    return context, page


def top(page, selector):
    return page.eval_on_selector(selector, "e => e.getBoundingClientRect().top + scrollY")


def test_phone_one_box_filters_in_the_first_screen_and_touch_help(browser, site):
    context, page = phone(browser, site, "q=" + quote("désarmement"))
    try:
        assert page.locator("input[type=search]:visible").count() == 1
        toggle = page.locator("#search-filters-toggle")
        assert toggle.is_visible() and top(page, "#search-filters-toggle") + 44 <= 740
        assert top(page, "#search-results .result") < 740 / 2  # the first result in the first half-screen
        assert toggle.get_attribute("aria-expanded") == "false" and not page.locator("#search-facets").is_visible()
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
        first = page.locator("#search-facets button.facet").first
        assert first.is_visible() and top(page, "#search-facets button.facet") < 740
        assert int(first.locator(".count").inner_text()) > 0
        # the facets come before the results on a phone
        assert top(page, "#search-facets") < top(page, "#search-results .result")
        first.click()
        page.wait_for_function("() => /\\(1.actif\\)/.test(document.getElementById('search-filters-toggle').textContent)")
        # touch screen: the keyboard help is not offered
        page.locator(".search-help summary").click()
        assert page.locator("#search-help-text").is_visible()
        assert not page.locator(".search-keys").is_visible()
        assert "guillemets" in page.inner_text("#search-help-text")
        assert page.errors == []
    finally:
        context.close()


def test_wide_screen_keeps_the_facets_beside_and_the_keyboard_help(page, site):
    open_search(page, site, "q=" + quote("désarmement"))
    assert not page.locator("#search-filters-toggle").is_visible()
    assert page.locator("#search-facets button.facet").first.is_visible()
    page.locator(".search-help summary").click()
    assert page.locator(".search-keys").is_visible()
    # the facets are after the results in the page's order (keyboard), beside them on screen
    assert page.evaluate("document.getElementById('search-results').compareDocumentPosition(document.getElementById('search-facets')) & 4")
    assert page.errors == []


def reasons_of(page, result_id):
    item = page.locator(f"#search-results .result:has(a[href$='#{result_id}'])")
    return item.locator(".result-why li").all_inner_texts(), item.locator("mark").all_inner_texts()


def test_why_this_result_russia(page, site):
    open_search(page, site, "q=Russie")
    # a paragraph of the CSTO declaration, which Russia signed, that does not name it
    labels, marks = reasons_of(page, "cd-2012-kazakhstan-otsc_declaration-conjointe-2")
    assert f"État{NB}: Fédération de Russie" in labels
    # a paragraph that names it: its name as the text writes it is marked
    labels, marks = reasons_of(page, "cd-2012-kazakhstan-otsc_declaration-conjointe-1")
    assert "Fédération de Russie" in marks
    assert page.errors == []


def test_why_this_result_acronym_and_topic(page, site):
    open_search(page, site, "q=TNP")
    labels, marks = reasons_of(page, "cd-2012-kazakhstan-otsc_declaration-8")
    assert f"Sigle{NB}: TNP = Traité sur la non-prolifération des armes nucléaires" in labels
    assert "Traité sur la non-prolifération des armes nucléaires" in marks and "TNP" in marks
    open_search(page, site, "q=OTSC")
    assert page.get_attribute("#search-app", "data-count") != "0"
    labels, marks = reasons_of(page, "cd-2012-kazakhstan-otsc_note-verbale-2")
    assert f"Sigle{NB}: OTSC = Organisation du Traité de sécurité collective" in labels
    assert marks == ["Organisation du Traité de sécurité collective"]
    open_search(page, site, "q=" + quote("chemical weapons"))
    labels, _ = reasons_of(page, "a-67-131_turkmenistan-5")
    assert labels == [f"Thème{NB}: Armes chimiques"]
    assert page.errors == []


def test_the_bundle_answers_as_the_modules_under_node(page, site):
    """The page's bundle (esbuild's output, minified) and the modules it is made from, run under
    Node on the same site's files (the reader cases' engine, tests/js_search.py), answer alike."""
    from js_search import NodeSearch

    open_search(page, site)
    with NodeSearch(None, site.root) as engine:
        for q in ["OTSC", "CSTO", "ONU", "UN", "Nations Unies", "NPT", '"armes chimiques"', '"Conseil de sécurité" ONU',
                  "« Conseil de sécurité »", "chemical weapons", "désarmemnt", "nucl*", "etat:russie otan", "Norway"]:  # fmt: skip
            js = page.evaluate("q => window.undocsSearch.answer(q)", q)
            node = engine.find(q)
            assert js["count"] == node["count"] > 0 and js["ids"] == node["ids"] and js["suggestion"] == node["suggestion"], q
    assert page.errors == []


def test_phrase_search_in_the_browser(page, site):
    open_search(page, site, "q=" + quote('"armes chimiques"'))
    assert result_ids(page) == ["a-67-131_turkmenistan-5"]
    assert page.locator("#search-results mark").all_inner_texts() == ["armes chimiques"]
    type_query(page, '"chimiques armes"')
    assert result_ids(page) == []
    type_query(page, '"armes chimiques')  # left open: plain words
    assert len(result_ids(page)) > 1
    assert page.errors == []


def test_empty_query_offers_a_start(page, site):
    open_search(page, site)
    start = page.locator("#search-start")
    assert start.is_visible()
    assert page.locator("#search-facets").inner_text().count("—") == 0
    assert start.locator("a[href='../themes/index.html']").count() == 1
    assert start.locator("a[href='../etats/index.html']").count() == 1
    example = start.locator(".search-examples a", has_text='"armes nucléaires"')
    example.click()
    page.wait_for_function("() => document.getElementById('search-results').children.length > 0")
    assert not start.is_visible() and page.input_value("#q") == '"armes nucléaires"'
    assert page.evaluate("document.activeElement.id") == "q"
    assert "q=%22armes" in page.url
    # with no words, the facets count every paragraph: a reader can start from them
    page.goto(site.base_url + "recherche/")
    page.wait_for_selector("#search-app[data-ready]")
    page.wait_for_selector("#search-facets button.facet")
    assert page.errors == []


def test_no_result_says_it_once_and_offers_next_steps(page, site):
    open_search(page, site, "q=" + quote("zzzqqq armes"))
    page.wait_for_function("() => document.getElementById('search-status').textContent !== ''")
    seen = page.evaluate("""() => [...document.querySelectorAll('#search-app *')].filter(e =>
        [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.includes('Aucun résultat'))
        && e.getBoundingClientRect().width > 1).map(e => e.id || e.className)""")
    assert seen == ["notice-title"], seen  # on screen once; the status says it to screen readers only
    assert page.inner_text("#search-status").startswith("Aucun résultat")
    steps = page.locator("#search-notice .next-steps a")
    texts = steps.all_inner_texts()
    assert any(t.startswith(f"sans «{NB}zzzqqq{NB}»") and "armes" in t for t in texts), texts
    assert page.locator("#search-notice a[href='../themes/index.html']").count() == 1
    assert page.locator("#search-notice a[href='../etats/index.html']").count() == 1
    steps.filter(has_text="zzzqqq").click()
    page.wait_for_function("() => document.getElementById('q').value === 'armes'")
    page.wait_for_function("() => document.querySelectorAll('#search-results .result').length > 0")
    assert page.errors == []


def test_filter_keeps_the_focus(page, site):
    open_search(page, site, "q=" + quote("désarmement"))
    button = page.locator("#search-facets button.facet[data-id=norvege]")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**etat=norvege**")
    page.wait_for_function("() => document.activeElement.matches('button.facet[data-id=norvege][aria-pressed=true]')")
    page.keyboard.press(" ")
    page.wait_for_function("() => !location.search.includes('etat=')")
    page.wait_for_function("() => document.activeElement.matches('button.facet[data-id=norvege][aria-pressed=false]')")
    assert page.evaluate("document.activeElement !== document.body")
    assert page.errors == []


def test_back_restores_more_results_and_the_scroll(page, site):
    open_search(page, site, "q=" + quote("désarmement"))
    total = int(page.get_attribute("#search-app", "data-count"))
    assert total > 25
    page.click("#search-more")
    page.wait_for_function("n => document.querySelectorAll('#search-results .result').length === n", arg=total)
    link = page.locator("#search-results .result-link").nth(25)
    link.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, 100)")
    y = page.evaluate("Math.round(scrollY)")
    assert y > 1000
    link.click()
    page.wait_for_url("**/documents/**")
    page.go_back()
    page.wait_for_selector("#search-app[data-ready]")
    page.wait_for_function("n => document.querySelectorAll('#search-results .result').length === n", arg=total)
    page.wait_for_function("y => Math.abs(scrollY - y) < 3", arg=y)
    assert page.errors == []


TAP_TARGETS = """() => [...document.querySelectorAll('#search-app a, #search-app button, #search-app summary, #search-app input, #search-app select')]
  .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
  .filter(e => !(e.tagName === 'A' && getComputedStyle(e).display === 'inline' && e.parentElement.closest('p')))
  .map(e => [e.tagName + '.' + e.className + ' ' + e.textContent.slice(0, 30), e.getBoundingClientRect()])
  .filter(([, b]) => b.width < 44 || b.height < 44).map(([name, b]) => name + ' ' + Math.round(b.width) + 'x' + Math.round(b.height))"""


@pytest.mark.parametrize("width, height", [(360, 740), (1280, 800)])
def test_tap_targets(browser, site, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        small = []
        for query in ["", "q=" + quote("désarmement"), "q=" + quote("zzzqqq armes"), "q=desarmemnt&etat=cuba"]:
            open_search(page, site, query)
            page.wait_for_timeout(450)
            if page.locator("#search-filters-toggle").is_visible():
                page.click("#search-filters-toggle")
            page.locator(".search-help summary").click()
            small += page.evaluate(TAP_TARGETS)
        assert not small, small
    finally:
        context.close()
