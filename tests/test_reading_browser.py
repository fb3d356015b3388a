"""The reading experience in Chromium, phone first (360×740) and on a laptop (1280×800).

What a reader meets before the text (header, title, folded references and contents), the
contents that follow the reader, the way back to them, tap targets, the states × topics table
(fixed header and column, whole words, scroll cue, states apart, every column printed), the
citation a reader copies, and printing (every page whole, each page saying what it is: the
printed PDF is read back with pypdfium2, the reader the archive itself uses for PDFs).
"""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest

from gates_common import INDEX_PAGES, PAGE_TYPES, open_page
from site_server import new_page, serve_seeds_with_real_pdfs

PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 800}
DOCUMENT = "documents/a-67-131/"


@pytest.fixture(scope="module")
def mixed_site(tmp_path_factory):
    """The seeds plus the real PDFs of the test fixtures (long English documents)."""
    with serve_seeds_with_real_pdfs(tmp_path_factory.mktemp("reading")) as served:
        yield served


def document_paths(site) -> list[str]:
    return sorted(f"documents/{d.name}/" for d in (site.root / "documents").iterdir() if d.is_dir())


def test_first_paragraph_within_one_and_a_half_screens_on_a_phone(browser, mixed_site):
    paths = document_paths(mixed_site)
    assert len(paths) >= 9, paths  # the 2 seeds and the fixture PDFs
    context, page = new_page(browser, PHONE)
    late = {}
    try:
        for path in paths:
            page.goto(mixed_site.url(path), wait_until="load")
            top = page.evaluate("document.querySelector('.doc-text .para').getBoundingClientRect().top + scrollY")
            if top > 1.5 * PHONE["height"]:
                late[path] = round(top)
    finally:
        context.close()
    assert not late, f"first paragraph below 1.5 screens (1110 px): {late}"


def test_compact_header_on_a_phone(browser, site):
    context, page = new_page(browser, PHONE)
    try:
        page.goto(site.url(DOCUMENT), wait_until="load")
        header = page.evaluate("document.querySelector('.site-header').getBoundingClientRect().height")
        nav_rows = page.evaluate(
            "new Set([...document.querySelectorAll('.main-nav a')].map(a => a.getBoundingClientRect().top)).size")
        header_box_visible = page.is_visible(".site-header input[type=search]")
    finally:
        context.close()
    assert header <= 110, f"the header is {header} px tall on a phone"
    assert nav_rows == 1, "the navigation should be one scrolling line"
    assert not header_box_visible, "the header's search box takes a phone's first screen"


def test_references_and_contents_fold_and_work_without_javascript(browser, site):
    context, page = new_page(browser, PHONE, java_script_enabled=False)
    try:
        page.goto(site.url(DOCUMENT), wait_until="load")
        assert not page.is_visible(".doc-meta-block .meta")
        assert not page.is_visible(".doc-toc nav")
        page.click(".doc-meta-block > summary")
        assert page.is_visible("text=Numéro de tirage")
        page.click(".doc-toc > summary")
        page.click(".doc-toc nav >> text=Norvège")
        assert page.url.endswith("#norvege")
        top = page.evaluate("document.getElementById('norvege').getBoundingClientRect().top")
        assert 0 <= top < 100
    finally:
        context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_contents_follow_the_reader_on_wide_screens(browser, site, javascript):
    context, page = new_page(browser, LAPTOP, java_script_enabled=javascript)
    try:
        page.goto(site.url(DOCUMENT + "#a-67-131_norvege-3"), wait_until="load")
        page.wait_for_timeout(300)
        box = page.locator(".doc-toc nav").bounding_box()
        text_box = page.locator("#a-67-131_norvege-3").bounding_box()
        current = page.evaluate("[...document.querySelectorAll('.doc-toc a[aria-current]')].map(a => a.textContent)")
    finally:
        context.close()
    assert box and box["height"] > 100, "the contents are not shown on a wide screen"
    assert 0 <= box["y"] < LAPTOP["height"] and box["x"] > text_box["x"] + text_box["width"], \
        "the contents should stay in view, in a column right of the text"  # fmt: skip
    if javascript:
        assert current == ["Norvège"], current


def test_a_way_back_to_the_contents_on_a_phone(browser, site):
    context, page = new_page(browser, PHONE)
    try:
        page.goto(site.url(DOCUMENT + "#a-67-131_norvege-4"), wait_until="load")
        back = page.locator(".to-top a")
        box = back.bounding_box()
        assert box and 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"], "no way back in view"
        back.click()
        page.wait_for_timeout(200)
        assert page.evaluate("document.querySelector('details.doc-toc').open")
        top = page.evaluate("document.getElementById('sommaire').getBoundingClientRect().top")
        assert -2 <= top < PHONE["height"]
    finally:
        context.close()


#: Targets smaller than 44×44 px that are not links inside a sentence or a block of text
#: (WCAG 2.5.5's inline exception): visible, enabled controls only. A state on the world map is
#: as small as the state: the same link is in the table below the map (2.5.5's "equivalent").
SMALL_TARGETS = """() => {
  const inline = el => {
    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display === 'inline') block = block.parentElement;
    if (!block) return false;
    let text = block.textContent;
    for (const c of block.querySelectorAll('a, button')) text = text.replace(c.textContent, '');
    return /[\\p{L}\\p{N}]{2,}/u.test(text);
  };
  const out = [];
  for (const el of document.querySelectorAll('a[href], button, summary, input:not([type=hidden]), select')) {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (!r.width || !r.height || style.visibility === 'hidden' || el.closest('[hidden]')) continue;
    if (el.classList.contains('skip-link') || inline(el) || el.closest('svg.map-svg')) continue;
    if (r.width < 43.5 || r.height < 43.5)
      out.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
  }
  return out;
}"""


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["360", "1280"])
@pytest.mark.parametrize("name", list({**PAGE_TYPES, **INDEX_PAGES}))
def test_tap_targets_are_at_least_44_px(browser, site, name, viewport):
    context, page = new_page(browser, viewport)
    try:
        open_page(page, site, name, {**PAGE_TYPES, **INDEX_PAGES}[name])
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        small = page.evaluate(SMALL_TARGETS)
    finally:
        context.close()
    assert not small, f"{len(small)} targets under 44×44 px: {small[:8]}"


def test_matrix_keeps_header_and_states_in_view_and_words_whole(browser, site):
    context, page = new_page(browser, PHONE)
    try:
        page.goto(site.url("etats-themes/"), wait_until="load")
        assert page.is_visible("#matrix-cue")
        box = page.locator(".matrix-scroll")
        overflow = box.evaluate("el => el.scrollWidth - el.clientWidth")
        box.evaluate("el => el.scrollTo(400, 300)")
        page.wait_for_timeout(100)
        frame = box.bounding_box()
        first_state = page.locator(".matrix tbody tr:nth-child(6) th").bounding_box()
        heading = page.locator(".matrix thead th.topic-col").nth(8).bounding_box()
        broken = page.evaluate("""() => {
          const out = [];
          for (const label of document.querySelectorAll('.matrix .vlabel')) {
            const text = label.firstChild;
            let at = 0;
            for (const word of text.data.split(' ')) {
              const range = document.createRange();
              range.setStart(text, at); range.setEnd(text, at + word.length);
              if (range.getClientRects().length > 1) out.push(word);
              at += word.length + 1;
            }
          }
          return out;
        }""")
    finally:
        context.close()
    assert overflow > 0, "the table fits: the scroll cue would lie"
    assert abs(first_state["x"] - frame["x"]) < 3, "the state column scrolled away"
    assert abs(heading["y"] - frame["y"]) < 3 + 40, "the header row scrolled away"  # below the caption at most
    assert not broken, f"words broken in the headings: {broken}"


def test_matrix_lists_silent_states_apart(site):
    page = (site.root / "etats-themes" / "index.html").read_text(encoding="utf-8")
    table, _, after = page.partition("</table>")
    # Afghanistan is only named (by the CSTO declaration, on drugs): never a speaker.
    assert "Afghanistan" not in table
    assert 'id="h-silent"' in after and "Afghanistan" in after
    # Norway replies: its row stays.
    assert ">Norvège</a></th>" in table


def print_pdf(browser, url: str) -> list[tuple[tuple[float, float], str]]:
    """Print a page as Chromium does (CSS page sizes honoured) and read each page back."""
    context, page = new_page(browser, LAPTOP)
    try:
        page.goto(url, wait_until="load")
        data = page.pdf(format="A4", prefer_css_page_size=True, print_background=False)
    finally:
        context.close()
    pdf = pdfium.PdfDocument(data)
    try:
        return [(pg.get_size(), pg.get_textpage().get_text_range()) for pg in pdf]
    finally:
        pdf.close()


def test_matrix_prints_every_column(browser, site):
    pages = print_pdf(browser, site.url("etats-themes/"))
    html = (site.root / "etats-themes" / "index.html").read_text(encoding="utf-8")
    labels = re.findall(r'<span class="vlabel">([^<]+)</span>', html)
    assert len(labels) == 29  # 28 topics and the total
    text = "".join(t for _, t in pages)
    letters = re.sub(r"\s+", "", text)
    missing = [label for label in labels if re.sub(r"\s+", "", label.replace("&#39;", "'")) not in letters]
    assert not missing, f"printed without these columns: {missing}"
    row = next(line for line in text.splitlines() if line.startswith("Norvège "))
    assert len(row.split()) == 1 + 29, row
    assert any(w > h for (w, h), _ in pages), "the table should print on a landscape page"


def test_document_prints_whole_and_every_page_says_what_it_is(browser, site):
    pages = print_pdf(browser, site.url(DOCUMENT))
    texts = [t for _, t in pages]
    assert len(texts) > 3
    assert "Numéro de tirage" in texts[0], "the folded references should print"
    assert "Promotion du multilatéralisme" in texts[0]
    for number, text in enumerate(texts[1:], start=2):
        assert "A/67/131, " in text, f"printed page {number} does not say which document it is"
    norway = next(t for t in texts if "La Norvège souscrit pleinement" in t)
    assert "réponse de la Norvège, §" in norway


def test_state_page_prints_whole_paragraphs(browser, site):
    pages = print_pdf(browser, site.url("etats/norvege/"))
    text = re.sub(r"\s+", " ", " ".join(t for _, t in pages))
    # Read from seeds/a-67-131.fr.txt: the last sentence of Norway's paragraph 4.
    assert "Cette solution permettrait de sortir du statu quo actuel." in text
    assert "…" not in text


def test_each_paragraph_gets_its_full_reference_from_the_script(browser, site):
    """cite.js composes each paragraph's "Citer" block from the page (#cite-doc and the
    paragraph's data-cite): its reference must be the one the build computes for it
    (``Views.reference``), on every paragraph of both seeds, with its permalink."""
    from conftest import DATA, SEEDS
    from undocs.pages.common import keep_together
    from undocs.pipeline import load_corpus
    from undocs.views import build_views

    views = build_views(load_corpus(SEEDS, DATA)[0])
    for doc in views.corpus.documents:
        context, page = new_page(browser, LAPTOP)
        try:
            page.goto(site.url(f"documents/{doc.id}/"), wait_until="load")
            blocks = page.eval_on_selector_all(".para[data-cite]", """paras => paras.map(p => [
                p.id, p.querySelector('details.cite .cite-text')?.textContent,
                p.querySelector('details.cite .cite-url')?.getAttribute('href'),
                p.querySelector('details.cite .cite-url')?.textContent, p.getAttribute('data-permalink'),
                [...p.querySelectorAll('.para-meta')].map(m => [m.hasAttribute('data-nonsource'),
                    m === p.lastElementChild, m.closest('[lang]').lang])])""")
        finally:
            context.close()
        assert [b[0] for b in blocks] == [p.id for p in doc.paragraphs]
        for (pid, text, href, shown, printed, metas), p in zip(blocks, doc.paragraphs):
            assert text == keep_together(views.reference(p)), pid
            assert href == f"#{pid}"
            # The permalink a reader copies, and prints: absolute, as the site is built with its address.
            assert shown == printed == f"{site.base_url}documents/{doc.id}/#{pid}"
            # One place for what the archive adds, after the text, marked, in the interface's French.
            assert metas == [[True, True, "fr"]], pid


def test_each_paragraph_gets_its_chips_from_the_script(browser, site):
    """chips.js makes each paragraph's chips from its data-topics and data-states and the
    page's lists: the labels and links must be the paragraph's topics, then the states it
    names (not its speaker), as the corpus records them, and each link must lead to that
    topic's or state's page."""
    from conftest import DATA, SEEDS
    from undocs.pipeline import load_corpus
    from undocs.views import build_views

    views = build_views(load_corpus(SEEDS, DATA)[0])
    doc = views.documents["cd-2012-kazakhstan-otsc"]
    context, page = new_page(browser, PHONE)
    try:
        page.goto(site.url(f"documents/{doc.id}/"), wait_until="load")
        chips = dict(page.eval_on_selector_all(".para[data-cite]", """paras => paras.map(p => [p.id,
            [...p.querySelectorAll('.chips a')].map(a => [a.className, a.textContent, a.getAttribute('href')])])"""))
    finally:
        context.close()
    assert any(chips.values())
    for p in doc.paragraphs:
        topics = [t for t in dict.fromkeys(p.topics) if t in views.topics]
        named = [m for m in dict.fromkeys(p.mentions) if m in views.states and m != p.state]
        expected = [["chip chip-topic", views.topics[t].label, f"../../themes/{t}/index.html"] for t in topics]
        expected += [["chip chip-state", views.states[m].name, f"../../etats/{m}/index.html"] for m in named]
        assert chips[p.id] == expected, p.id


@pytest.mark.parametrize("path, own", [("etats/kazakhstan/", None), ("etats/norvege/", None),
                                       ("themes/desarmement-nucleaire/", "desarmement-nucleaire")])
def test_each_listed_paragraph_gets_its_chips_from_the_script(browser, site, path, own):
    """On a state or topic page, chips.js makes each listed paragraph's chips from its
    data-topics and the page's links to topics (the topic index, the topics of the mentions, a
    topic's related topics): its topics as the corpus records them (on a topic page, less that
    topic), each leading to that topic's page; no paragraph left without its chips."""
    from conftest import DATA, SEEDS
    from undocs.pipeline import load_corpus
    from undocs.views import build_views

    views = build_views(load_corpus(SEEDS, DATA)[0])
    paragraphs = {p.id: p for p in views.paragraphs}
    context, page = new_page(browser, PHONE)
    try:
        page.goto(site.url(path), wait_until="load")
        chips = dict(page.eval_on_selector_all("li.summary", """items => items.map(p => [p.id,
            [...p.querySelectorAll('.chips a')].map(a => [a.className, a.textContent, a.getAttribute('href')])])"""))
    finally:
        context.close()
    assert chips and any(chips.values())
    root = "../../themes/" if own is None else "../"
    for pid, made in chips.items():
        topics = [t for t in dict.fromkeys(paragraphs[pid].topics) if t in views.topics and t != own]
        assert made == [["chip chip-topic", views.topics[t].label, f"{root}{t}/index.html"] for t in topics], pid


def test_citation_copied_whole(browser, site):
    context, page = new_page(browser, LAPTOP, permissions=["clipboard-read", "clipboard-write"])
    try:
        page.goto(site.url(DOCUMENT + "#a-67-131_norvege-4"), wait_until="load")
        block = page.locator("#a-67-131_norvege-4 details.cite")
        block.locator("summary").click()
        note = block.locator(".cite-note").text_content()
        block.locator("button.copy-button").click()
        page.wait_for_timeout(200)
        copied = page.evaluate("navigator.clipboard.readText()")
        numbered = page.locator("#a-67-131_introduction-1 details.cite")
        numbered_note = numbered.locator(".cite-note").count()
    finally:
        context.close()
    # Read from the source: A/67/131, General Assembly, 2012, Norway's reply, unnumbered paragraphs.
    for piece in ("Assemblée générale", "Promotion du multilatéralisme dans le domaine du désarmement",
                  "A/67/131", "2012", "réponse de la Norvège", "§\u00a04", "/documents/a-67-131/#a-67-131_norvege-4"):
        assert piece in copied, (piece, copied)
    assert "archive" in copied, "the copied § must say it is the archive's count"
    assert "ne numérote pas" in note
    assert numbered_note == 0, "the introduction's paragraphs are numbered in the source: no note"


def test_documents_list_has_a_language_facet(mixed_site):
    page = (mixed_site.root / "documents" / "index.html").read_text(encoding="utf-8")
    # The seeds are two French documents; the 8 fixture PDFs are English (each says
    # "Original: English" or is the English version of a resolution or record).
    facet = page.split('aria-label="Langue des documents">', 1)[1].split("</nav>", 1)[0]
    assert '<a href="#langue-fr">en français <span class="count">(2)</span></a>' in facet
    assert '<a href="#langue-en">en anglais <span class="count">(8)</span></a>' in facet
    english = page.split('<section id="langue-en"', 1)[1].split("</section>", 1)[0]
    assert "A/80/191" in english and "A/67/131" not in english


def test_english_passages_on_french_pages_say_so(mixed_site):
    # Austria signs the letter A/80/191 (read in the PDF: "from the representatives of Angola,
    # Austria, …"), whose first paragraph begins "We have the honour to refer to rule 14".
    page = (mixed_site.root / "etats" / "autriche" / "index.html").read_text(encoding="utf-8")
    assert '<p class="summary-text" lang="en">We have the honour to refer to rule 14' in page
    assert '<html lang="fr">' in page
    # And the document's English title in the lists.
    documents = (mixed_site.root / "documents" / "index.html").read_text(encoding="utf-8")
    assert '<span lang="en">Request for the inclusion of a supplementary item' in documents
