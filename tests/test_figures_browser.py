"""The three figures in Chromium, phone (360 px) and laptop (1280 px), light and dark.

- the world map (states page): visible, every state a link with a size, to its page, reached
  with the keyboard with a visible focus; the measure switch works without JavaScript;
- the heat map (states × topics): every shaded cell's number at least 4.5:1 against its shade,
  computed from the colours Chromium renders, in both colour schemes;
- the timeline (documents page, a state's page): drawn and readable without JavaScript, its
  rows adding up to the documents listed; axe finds nothing on a state page that has one;
- printed: the map without its controls, the heat map's shades kept, the timeline's rows in
  the PDF (read back with pypdfium2, as tests/test_reading_browser.py does).
"""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest

from site_server import new_page, serve_seeds_with_real_pdfs
from test_gates_a11y import describe, run_axe

PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 800}
WIDTHS = {"360": PHONE, "1280": LAPTOP}


@pytest.fixture(scope="module")
def mixed_site(tmp_path_factory):
    """The seeds plus the real PDFs of the test fixtures: documents from 1992 to 2025, state
    pages with their timeline."""
    with serve_seeds_with_real_pdfs(tmp_path_factory.mktemp("figures")) as served:
        yield served


def rgb(css: str) -> tuple[float, float, float]:
    """An ``rgb(…)``/``rgba(…)`` colour as Chromium computes it (opaque colours only)."""
    values = [float(v) for v in re.findall(r"[\d.]+", css)]
    assert len(values) == 3 or values[3] == 1, f"not an opaque colour: {css}"
    return values[0], values[1], values[2]


def luminance(color: tuple[float, float, float]) -> float:
    """WCAG 2 relative luminance."""
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in color)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(rgb(a)), luminance(rgb(b))), reverse=True)
    return (high + 0.05) / (low + 0.05)


# --------------------------------------------------------------------------------------------
# The world map


@pytest.mark.parametrize("width", list(WIDTHS))
def test_the_map_is_visible_and_every_state_is_a_link(browser, mixed_site, width):
    context, page = new_page(browser, WIDTHS[width])
    try:
        page.goto(mixed_site.url("etats/"), wait_until="load")
        svg = page.locator("svg.map-svg").bounding_box()
        main = page.locator("main").bounding_box()
        shapes = page.evaluate("""() => [...document.querySelectorAll('svg.map-svg a')].map(a => {
            const r = a.getBoundingClientRect();
            return {href: new URL(a.getAttribute('href'), location.href).href, w: r.width, h: r.height, x: r.x, y: r.y, name: a.querySelector('title').textContent};
        })""")
        table = page.evaluate("[...document.querySelectorAll('#etats-tableau tbody th a')].map(a => a.href)")
        missing = page.evaluate("[...document.querySelectorAll('.worldmap figcaption a')].map(a => a.href)")
    finally:
        context.close()
    assert svg and svg["width"] >= 0.9 * (main["width"] - 32), f"the map is {svg} wide in {main}"
    assert svg["height"] >= svg["width"] * 0.4
    # Every state of the table is on the map (or named in the caption), each once.
    assert sorted([s["href"] for s in shapes] + missing) == sorted(table)
    assert len(shapes) >= 100, f"only {len(shapes)} states on the map of the mixed build"
    tiny = [s["name"] for s in shapes if s["w"] <= 0 or s["h"] <= 0]
    outside = [s["name"] for s in shapes if not (svg["x"] - 1 <= s["x"] <= svg["x"] + svg["width"] and svg["y"] - 1 <= s["y"] <= svg["y"] + svg["height"])]
    assert not tiny and not outside, (tiny, outside)


#: A point of the page where a pointer reaches a link of the map (its shape or marker painted
#: on top there), or null: the bounding box is sampled, coarse then pixel by pixel.
HIT_POINT = """(a) => {
  const r = a.getBoundingClientRect();
  const hits = (x, y) => { const el = document.elementFromPoint(x, y); return el && el.closest('a') === a; };
  for (const step of [Math.max(1, Math.min(r.width, r.height) / 8), 1]) {
    for (let y = r.top + step / 2; y < r.bottom; y += step)
      for (let x = r.left + step / 2; x < r.right; x += step)
        if (hits(x, y)) return [x, y];
  }
  return null;
}"""


def test_every_state_on_the_map_can_be_clicked(browser, mixed_site):
    """On a laptop, each state's shape or marker is somewhere on top: none is hidden under
    another state's (a marker among the islands of the Caribbean, a small state in Europe)."""
    context, page = new_page(browser, {"width": 1280, "height": 1400})
    try:
        page.goto(mixed_site.url("etats/"), wait_until="load")
        page.locator("svg.map-svg").scroll_into_view_if_needed()
        links = page.locator("svg.map-svg a")
        hidden = []
        for i in range(links.count()):
            link = links.nth(i)
            if link.evaluate(HIT_POINT) is None:
                hidden.append(link.locator("title").text_content())
    finally:
        context.close()
    assert not hidden, f"{len(hidden)} states cannot be reached with a pointer: {hidden}"


def test_a_shape_leads_to_its_state_page(browser, site):
    context, page = new_page(browser, {"width": 1280, "height": 1400})
    try:
        page.goto(site.url("etats/"), wait_until="load")
        norway = page.locator("svg.map-svg a[href*='norvege']")
        x, y = norway.evaluate(HIT_POINT)
        page.mouse.click(x, y)
        page.wait_for_url(re.compile(r"/etats/norvege/(index\.html)?$"))
        assert page.locator("h1").text_content() == "Norvège"
    finally:
        context.close()


FOCUS = """() => {
  const el = document.activeElement, s = getComputedStyle(el);
  const path = el.querySelector('path, circle');
  return {tag: el.tagName.toLowerCase(), svg: !!el.closest('svg'), href: el.getAttribute('href'),
          text: el.textContent.trim().slice(0, 60), outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
          stroke: path ? getComputedStyle(path).strokeWidth : null, hash: location.hash};
}"""


def test_the_keyboard_skips_or_walks_the_map_with_a_visible_focus(browser, site):
    context, page = new_page(browser, LAPTOP)
    try:
        page.goto(site.url("etats/"), wait_until="load")
        page.focus("#contenu")
        for _ in range(30):
            page.keyboard.press("Tab")
            state = page.evaluate(FOCUS)
            if "Passer la carte" in state["text"]:
                break
        assert "Passer la carte" in state["text"], "the skip link before the map is not reached"
        assert page.locator(".skip-figure").is_visible(), "the skip link shows when focused"
        page.keyboard.press("Tab")  # the measure's radio buttons
        assert page.evaluate(FOCUS)["tag"] == "input"
        page.keyboard.press("Tab")
        first = page.evaluate(FOCUS)
        assert first["svg"] and first["tag"] == "a" and first["href"].endswith("index.html"), first
        assert first["outline"] and first["stroke"] == "3px", f"no visible focus on a map link: {first}"
        # The skip link goes to the table.
        page.goto(site.url("etats/"), wait_until="load")
        page.focus(".skip-figure")
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == "#etats-tableau"
    finally:
        context.close()


def test_the_measure_switch_works_without_javascript(browser, site):
    """A state named by others but speaking in no paragraph: unshaded by paragraphs, shaded by
    mentions; the key follows."""
    context, page = new_page(browser, LAPTOP, java_script_enabled=False)
    try:
        page.goto(site.url("etats/"), wait_until="load")
        state = page.locator("svg.map-svg a.p0:not(.m0)").first
        assert state.count() == 1
        fill = lambda: page.evaluate("el => getComputedStyle(el).fill", state.element_handle())  # noqa: E731
        level = next(c for c in state.get_attribute("class").split() if c.startswith("m"))
        none = page.evaluate("getComputedStyle(document.querySelector('.swatch.p0')).backgroundColor")
        assert fill() == none
        assert page.is_visible(".map-key-paragraphes") and not page.is_visible(".map-key-mentions")
        page.click("label:has(#carte-mentions)")
        shaded = page.evaluate(f"getComputedStyle(document.querySelector('.swatch.{level}')).backgroundColor")
        assert fill() == shaded != none
        assert page.is_visible(".map-key-mentions") and not page.is_visible(".map-key-paragraphes")
    finally:
        context.close()


# --------------------------------------------------------------------------------------------
# The heat map

CELLS = """() => [...document.querySelectorAll('.matrix td[class*="heat-"]:not(.heat-0) a, .heat-key li')].map(el => {
  let bg = el, color = getComputedStyle(el).color;
  while (bg && getComputedStyle(bg).backgroundColor === 'rgba(0, 0, 0, 0)') bg = bg.parentElement;
  return {text: el.textContent, cls: (el.closest('td') || el).className, color, bg: getComputedStyle(bg).backgroundColor};
})"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_heat_map_numbers_keep_aa_contrast(browser, mixed_site, scheme):
    context, page = new_page(browser, LAPTOP, color_scheme=scheme)
    try:
        page.goto(mixed_site.url("etats-themes/"), wait_until="load")
        cells = page.evaluate(CELLS)
        page_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    finally:
        context.close()
    shades = {c["cls"] for c in cells}
    assert {"num heat-1", "num heat-5"} <= shades, f"the table should use the lightest and darkest shades: {shades}"
    low = [(c["cls"], c["text"], round(contrast(c["color"], c["bg"]), 2)) for c in cells if contrast(c["color"], c["bg"]) < 4.5]
    assert not low, f"{scheme}: numbers under 4.5:1 on their shade: {low[:10]}"
    # The shades are shades: the darkest stands out from the page more than the lightest (light),
    # the brightest (dark).
    by_level = {c["cls"].split("heat-")[1][0]: c["bg"] for c in cells}
    assert contrast(by_level["5"], page_bg) > contrast(by_level["1"], page_bg)


# --------------------------------------------------------------------------------------------
# The timeline


@pytest.mark.parametrize("width", list(WIDTHS))
def test_the_timeline_works_without_javascript(browser, mixed_site, width):
    context, page = new_page(browser, WIDTHS[width], java_script_enabled=False)
    try:
        page.goto(mixed_site.url("documents/"), wait_until="load")
        chart = page.locator(".timeline .tl-columns").bounding_box()
        rects = page.evaluate("[...document.querySelectorAll('.timeline .tl-columns rect')].map(r => r.getBoundingClientRect().height)")
        axis = page.locator(".timeline .tl-axis").inner_text()
        assert not page.is_visible(".timeline .tl-rows"), "the list is folded under the chart"
        page.click(".timeline .tl-list > summary")
        counts = page.evaluate("""[...document.querySelectorAll('.timeline .tl-list > .tl-rows > .tl-row > .tl-count')]
                                  .map(e => e.textContent)""")
        listed = page.locator(".doc-list .doc-item").count()
    finally:
        context.close()
    assert chart and chart["width"] >= min(0.8 * (WIDTHS[width]["width"] - 40), 700), chart
    assert rects and min(rects) > 0, "every column with documents has a height"
    assert axis.split() == ["1992", "2025"], axis  # A/47/435 (1992) … the 2025 fixture PDFs
    numbers = [int(c.split()[0]) if c[0].isdigit() else 0 for c in counts]
    assert sum(numbers) == listed == 10, (counts, listed)


def test_a_state_page_timeline_passes_axe(browser, mixed_site):
    problems = []
    for scheme in ("light", "dark"):
        for viewport in (LAPTOP, PHONE):
            context, page = new_page(browser, viewport, color_scheme=scheme)
            try:
                page.goto(mixed_site.url("etats/russie/"), wait_until="load")
                assert page.is_visible("#chronologie .tl-columns")
                page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
                violations = run_axe(page)
            finally:
                context.close()
            if violations:
                problems.append(f"{scheme} {viewport['width']} px:\n{describe(violations)}")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------------------------
# Printed


def printed_text(browser, site, path: str) -> tuple[str, dict]:
    context, page = new_page(browser, LAPTOP)
    try:
        page.goto(site.url(path), wait_until="load")
        page.emulate_media(media="print")
        styles = page.evaluate("""() => ({
          controls: getComputedStyle(document.querySelector('.map-measure') || document.body).display,
          heat: [...document.querySelectorAll('.matrix td.heat-5, .matrix td.heat-4')].slice(0, 1).map(td =>
                 [getComputedStyle(td).backgroundColor, getComputedStyle(td).printColorAdjust]),
        })""")
        pdf = page.pdf(format="A4")
    finally:
        context.close()
    document = pdfium.PdfDocument(pdf)
    text = "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    return text, styles


def test_figures_print(browser, mixed_site):
    text, styles = printed_text(browser, mixed_site, "etats/")
    assert styles["controls"] == "none", "the measure's radio buttons do not print"
    assert "Carte des États de l’archive" in text and "Teinte selon" not in text
    text, styles = printed_text(browser, mixed_site, "etats-themes/")
    (background, adjust), = styles["heat"]
    assert adjust == "exact" and rgb(background) != (255, 255, 255), "the heat map's shades print"
    text, _ = printed_text(browser, mixed_site, "documents/")
    # The folded list prints open: its rows are in the PDF.
    assert "Année par année" in text and re.search(r"1992\s+1\s+document", text), text[:1500]
