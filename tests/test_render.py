"""The rendered site: every page, escaping, links that resolve, anchors, citations, a11y basics."""

from __future__ import annotations

import posixpath
import base64
import dataclasses
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import shared
from corpus_fixture import SCRIPT, settings, small_corpus, small_report
from undocs import fidelity, urls
from undocs.export import export_data
from undocs.render import render_site as render_views
from undocs.render import static_files
from undocs.analysis import ANALYSIS_JSON_PATH
from undocs.search import META_PATH
from undocs.vendor_assets import SEARCH_BUNDLE, VENDOR_FILES
from undocs.model import ROLES
from undocs.views import build_views, role_label
from undocs.report import BuildReport

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "templates"
STATIC = ROOT / "static"
#: Pages written by other modules that our pages may link to.
#: Files the search page links to that other build steps write (search data, npm assets).
ELSEWHERE = {META_PATH, ANALYSIS_JSON_PATH, SEARCH_BUNDLE, *VENDOR_FILES.values()}


def render_site(corpus, settings, report, templates):
    """The pipeline's rendering step for one corpus: views and data export, then the pages."""
    views = build_views(corpus)
    return render_views(views, settings, report, templates, export_data(corpus, report, views))


class Page(HTMLParser):
    """Links, ids, headings and attributes of one HTML page."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: list[str] = []
        self.headings: list[int] = []
        self.attrs: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.attrs.append((tag, a))
        if "id" in a:
            self.ids.append(a["id"])
        name = {"a": "href", "link": "href", "script": "src", "img": "src", "form": "action"}.get(tag)
        if name and a.get(name) is not None and a.get("rel") != "canonical":
            self.links.append(a[name])
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope=shared("module"))
def site() -> dict[str, bytes]:
    corpus, report = small_corpus(), small_report()
    files = render_site(corpus, settings(), report, TEMPLATES)
    return files


@pytest.fixture(scope=shared("module"))
def site_with_base() -> dict[str, bytes]:
    return render_site(small_corpus(), settings("https://u.github.io/undocs/"), small_report(), TEMPLATES)


@pytest.fixture(scope=shared("module"))
def everything(site) -> dict[str, bytes]:
    files = dict(site)
    files.update(static_files(STATIC))
    files.update(export_data(small_corpus(), small_report()))
    return files


def html(files, path) -> str:
    return files[path].decode("utf-8")


def pages(files):
    return sorted(p for p in files if p.endswith(".html"))


EXPECTED = [
    "index.html",
    "documents/index.html",
    "documents/a-67-131/index.html",
    "documents/cd-2012-kazakhstan-otsc/index.html",
    "etats/index.html",
    "etats/norvege/index.html",
    "etats/cuba/index.html",
    "etats/kazakhstan/index.html",
    "etats/russie/index.html",
    "themes/index.html",
    "themes/multilateralisme/index.html",
    "themes/desarmement-nucleaire/index.html",
    "themes/armes-classiques/index.html",
    "etats-themes/index.html",
    "a-propos/index.html",
    "404.html",
    ".nojekyll",
    "robots.txt",
]


def test_every_page_is_written(site):
    for path in EXPECTED:
        assert path in site, path
    assert "sitemap.xml" not in site
    assert not any(p.startswith(("assets/", "data/")) for p in site)


def test_output_is_deterministic(site):
    again = render_site(small_corpus(), settings(), small_report(), TEMPLATES)
    assert again == site


def test_markup_in_text_is_escaped(site):
    for path in pages(site):
        assert "<script>alert(1)" not in html(site, path), path
    page = html(site, "documents/a-67-131/index.html")
    assert SCRIPT.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in page
    assert "Armes &lt;b&gt;classiques&lt;/b&gt; &amp; légères." in html(site, "themes/armes-classiques/index.html")
    assert "Un avertissement &lt;em&gt;échappé&lt;/em&gt;." in html(site, "a-propos/index.html")


#: The one page with inline blocks: 404.html of a site whose root is unknown (served at any
#: depth, it cannot link its stylesheet and scripts; see undocs.pages.not_found).
INLINE_PAGE = "404.html"


def inline_blocks(text: str, tag: str) -> list[str]:
    """The text of each inline ``<script>``/``<style>`` (scripts with a src or JSON-LD aside)."""
    return re.findall(rf"<{tag}>(.*?)</{tag}>", text, re.S)


def test_no_inline_script_style_or_handlers(site, site_with_base):
    for files in (site, site_with_base):
        for path in pages(files):
            text = html(files, path)
            parsed = Page(text)
            for tag, attrs in parsed.attrs:
                assert "style" not in attrs, (path, tag)
                assert not any(name.startswith("on") for name in attrs), (path, tag)
                # A schema.org JSON-LD block is data, never run (document pages).
                if tag == "script" and attrs.get("type") != "application/ld+json" and not attrs.get("src"):
                    assert files is site and path == INLINE_PAGE, (path, "inline script")
            if "<style" in text:
                assert files is site and path == INLINE_PAGE, path
            assert 'http-equiv="Content-Security-Policy"' in text
            assert "<html lang=\"fr\">" in text
    # Without a known root, 404.html carries its stylesheet and its two scripts inline.
    assert len(inline_blocks(html(site, INLINE_PAGE), "style")) == 1
    assert len(inline_blocks(html(site, INLINE_PAGE), "script")) == 2


#: The Content Security Policy of every page (a ``<meta http-equiv>``: GitHub Pages sets no
#: headers): only the site's own scripts, styles and images, no plugin, no <base>, forms to
#: the site only, and no 'unsafe-inline' or 'unsafe-eval' anywhere.
CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
#: One page of each kind the site has.
PAGE_KINDS = {
    "home": "index.html", "documents": "documents/index.html", "document": "documents/a-67-131/index.html",
    "states": "etats/index.html", "state": "etats/norvege/index.html", "topics": "themes/index.html",
    "topic": "themes/desarmement-nucleaire/index.html", "matrix": "etats-themes/index.html",
    "about": "a-propos/index.html", "search": "recherche/index.html", "not found": "404.html",
}


def expected_policy(text: str) -> dict[str, list[str]]:
    """:data:`CSP`, plus the SHA-256 of each inline script and style of the page (only 404.html
    of a site without a known root has any): each allowed by its own hash, nothing else."""
    policy = {k: list(v) for k, v in CSP.items()}
    for tag, directive in (("script", "script-src"), ("style", "style-src")):
        for block in inline_blocks(text, tag):
            policy[directive].append("'sha256-" + base64.b64encode(hashlib.sha256(block.encode()).digest()).decode() + "'")
    return policy


def policies(text: str) -> list[dict[str, list[str]]]:
    """The directives of each Content-Security-Policy meta tag of a page, as written."""
    found = []
    for tag, attrs in Page(text).attrs:
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy":
            found.append({d.split()[0]: d.split()[1:] for d in (attrs.get("content") or "").split(";") if d.strip()})
    return found


@pytest.mark.parametrize("kind", sorted(PAGE_KINDS))
def test_every_kind_of_page_has_the_content_security_policy(kind, site, site_with_base):
    for files in (site, site_with_base):
        text = html(files, PAGE_KINDS[kind])
        assert policies(text) == [expected_policy(text)], kind


def test_every_page_has_the_content_security_policy(site):
    assert {pages(site)[0]} | set(PAGE_KINDS.values()) <= set(pages(site))
    for path in pages(site):
        [policy] = policies(html(site, path))
        assert policy == expected_policy(html(site, path)), path
        assert not any(source.startswith("'unsafe-") for sources in policy.values() for source in sources), path


def test_relative_links_resolve(everything):
    checked = 0
    for path in pages(everything):
        parsed = Page(html(everything, path))
        for link in parsed.links:
            if "://" in link or link.startswith("mailto:"):
                continue
            assert not link.startswith("/"), (path, link)
            target, _, fragment = link.partition("#")
            target = target.partition("?")[0]  # a query (the search page's examples) is the page's
            resolved = path if not target else posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            assert resolved in everything or resolved in ELSEWHERE, (path, link)
            if fragment and resolved in everything:
                assert fragment in Page(html(everything, resolved)).ids, (path, link)
            checked += 1
    assert checked > 300


def test_ids_are_unique_and_headings_in_order(site):
    for path in pages(site):
        parsed = Page(html(site, path))
        assert len(parsed.ids) == len(set(parsed.ids)), path
        assert parsed.headings.count(1) == 1, path
        assert parsed.headings[0] == 1, path
        for before, after in zip(parsed.headings, parsed.headings[1:]):
            assert after <= before + 1, (path, parsed.headings)


def test_landmarks_skip_link_breadcrumbs_and_search(site):
    for path in pages(site):
        text = html(site, path)
        assert '<a class="skip-link" href="#contenu">' in text
        assert '<main id="contenu"' in text
        # One search box per page: the header's, or the page's own (home, search).
        assert text.count('type="search" name="q"') == 1, path
        assert text.count('role="search"') == 1, path
    state = html(site, "etats/norvege/index.html")
    assert '<nav class="breadcrumbs wrap" aria-label="Fil d’Ariane">' in state
    assert 'action="../../recherche/index.html"' in state
    assert 'href="../../assets/css/style.css"' in state


def test_document_page_anchors_and_permalinks(site):
    corpus = small_corpus()
    for doc in corpus.documents:
        page = html(site, urls.page_path(urls.document_url(doc.id)))
        ids = Page(page).ids
        for part in doc.parts:
            assert part.key in ids
            for fn in part.footnotes:
                assert fn.id in ids
            for p in part.paragraphs:
                assert p.id in ids
                assert f'<a href="#{p.id}" class="para-num' in page
    page = html(site, "documents/a-67-131/index.html")
    assert 'aria-label="Paragraphe 1, lien permanent">1.</a>' in page
    assert 'aria-label="Paragraphe 4, lien permanent">§\u00a04</a>' in page
    assert '<ul class="items">' in page
    assert re.search(r'<li id="a-67-131_norvege-2" class="para item', page)
    assert '<p class="statement">Original&nbsp;: espagnol — reçu le <time datetime="2012-06-05">5 juin 2012</time></p>' in page
    assert '<p class="statement">Original&nbsp;: anglais — reçu le <time datetime="2012-06-01">1er juin 2012</time></p>' in page
    assert '<script src="../../assets/js/cite.js" defer></script>' in page
    # Each paragraph's "Citer" block is built by cite.js from these attributes and #cite-doc.
    assert re.search(r'<div id="a-67-131_norvege-4" class="para" '
                     r'data-cite="A/67/131, réponse de la Norvège, §\u00a04" data-own-number data-topics="desarmement-nucleaire" data-states="kazakhstan">', page)
    assert re.search(r'<div id="a-67-131_introduction-1" class="para" [^>]*data-cite="A/67/131, Introduction, §\u00a01"[ >]', page)
    # The permalink of each paragraph is the page's (cite.js adds the anchor), not repeated per paragraph.
    assert "data-permalink" not in page.replace('data-permalink="documents/a-67-131/">', "", 1)
    assert ('<span id="cite-doc" class="cite-doc-text" data-symbol="A/67/131" data-flag=" [rang dans la partie, compté par l’archive]" '
            'data-permalink="documents/a-67-131/">'
            'Assemblée générale, «\u00a0Promotion du multilatéralisme dans le domaine du désarmement et de la non-prolifération\u00a0», A/67/131, 10 juillet 2012</span>') in page
    assert "<h2 id=\"introduction-h\"><span class=\"part-num\">I.</span> Introduction</h2>" in page
    assert '<h3 id="cuba-h">Cuba</h3>' in page


def test_citations_on_pages(site):
    report = html(site, "documents/a-67-131/index.html")
    # Shown with a no-break space between "§" and its number.
    assert "A/67/131, réponse de la Norvège, §\u00a04" in report
    assert "A/67/131, Introduction, §\u00a01" in report
    cd = html(site, "documents/cd-2012-kazakhstan-otsc/index.html")
    assert "A/66/823-S/2012/405, note verbale du Kazakhstan, §\u00a01" in cd
    assert "A/66/823-S/2012/405, Déclaration des chefs des États membres de l’Organisation du Traité de sécurité collective, §\u00a02" in cd
    assert "<dt>Cote CD</dt>" in cd
    assert "inconnue (publié initialement sous la cote A/66/823-S/2012/405)" in cd


def test_footnote_reference_and_back_link(site):
    cd = html(site, "documents/cd-2012-kazakhstan-otsc/index.html")
    assert '<sup class="fn-ref"><a href="#note-1" id="ref-note-1" aria-label="Note *">*</a></sup>' in cd
    assert '<a class="fn-back" href="#ref-note-1"' in cd
    assert '<div id="cd-2012-kazakhstan-otsc_declaration-cloture" class="para closing"' in cd


def test_document_text_holds_every_word_in_order(site):
    """The fidelity check's view of the page: masthead and paragraph words, in order."""
    for doc in small_corpus().documents:
        page = html(site, urls.page_path(urls.document_url(doc.id)))
        words = fidelity.page_words(page)
        source = list(doc.masthead)
        for part in doc.parts:
            source.append(part.title)
            source += [b for p in part.paragraphs for b in p.blocks]
            source += [fn.text for fn in part.footnotes]
        pos = 0
        for word in re.findall(r"\w+", " ".join(source)):
            assert word in words[pos:], (doc.id, word, pos)
            pos = words.index(word, pos) + 1
        assert pos > 0


def test_state_page(site):
    page = html(site, "etats/norvege/index.html")
    # The topic index points at the paragraphs shown once, whole, below it.
    topic = page.split('<li id="theme-desarmement-nucleaire">', 1)[1].split("</li>", 1)[0]
    assert '<a href="#a-67-131_norvege-4">A/67/131\u00a0§\u00a04</a>' in topic
    assert page.count('<li id="a-67-131_norvege-4" class="summary" data-topics="desarmement-nucleaire">') == 1
    assert "A/67/131, réponse de la Norvège, §\u00a04" in page
    assert "A/67/131, réponse de Cuba, §\u00a02" in page  # Cuba mentions Norway
    assert "../../documents/a-67-131/index.html#a-67-131_norvege-4" in page
    cuba = html(site, "etats/cuba/index.html")
    # Cuba mentioning itself is not a mention.
    assert "Aucun autre intervenant ne le mentionne." in cuba


def test_matrix_links_to_state_topic_sections(site):
    page = html(site, "etats-themes/index.html")
    assert "<caption id=\"matrix-caption\">" in page
    assert '<th scope="col" class="topic-col">' in page and '<th scope="row">' in page
    assert 'href="../etats/norvege/index.html#theme-desarmement-nucleaire"' in page
    assert 'class="table-scroll matrix-scroll"' in page
    # Cuba: multilatéralisme 2, désarmement nucléaire 1, armes classiques 0
    row = page.split('href="../etats/cuba/index.html">Cuba</a></th>', 1)[1].split("</tr>", 1)[0]
    assert re.findall(r">(\d+)</(?:a|span|td)>", row) == ["2", "1", "0", "2"]


def test_topic_page_groups_by_document_then_state(site):
    page = html(site, "themes/desarmement-nucleaire/index.html")
    assert page.index("A/67/131") < page.index("A/66/823-S/2012/405")
    assert "<h3>Cuba</h3>" in page and "<h3>Norvège</h3>" in page
    assert "<h3>Déclaration des chefs" in page
    assert 'href="http://metadata.un.org/thesaurus/1004485"' in page


def test_about_page(site, everything):
    page = html(site, "a-propos/index.html")
    for path in ("data/documents.json.xz", "data/paragraphs.json.xz", "data/paragraphs.csv.xz",
                 "data/states.json.xz", "data/topics.json.xz", "data/report.json.xz"):  # fmt: skip
        assert f'href="../{path}"' in page
    assert "<code>cite_symbol</code>" in page
    assert "numéro de tirage" in page and "12-41314" not in page  # the rule's count; the removal is on its document's page
    doc = html(site, "documents/a-67-131/index.html")
    removals = doc.split('<details class="removals" id="retraits">', 1)[1].split("</details>", 1)[0]
    assert "<summary>Retiré de la source (2)</summary>" in removals
    assert "<code>912-41314</code>" in removals and "numéro de tirage" in removals
    assert "A/67/131, Introduction, § 1" in page


def test_home_page(site):
    page = html(site, "index.html")
    assert 'href="documents/a-67-131/index.html"' in page
    assert 'href="etats/norvege/index.html"' in page
    assert 'href="themes/multilateralisme/index.html"' in page
    assert 'action="recherche/index.html"' in page


def test_base_url_adds_sitemap_and_canonical(site, site_with_base):
    assert "canonical" not in html(site, "etats/index.html")
    assert '<link rel="canonical" href="https://u.github.io/undocs/etats/">' in html(site_with_base, "etats/index.html")
    sitemap = site_with_base["sitemap.xml"].decode()
    assert "<loc>https://u.github.io/undocs/</loc>" in sitemap
    assert "<loc>https://u.github.io/undocs/documents/a-67-131/</loc>" in sitemap
    assert b"Sitemap: https://u.github.io/undocs/sitemap.xml" in site_with_base["robots.txt"]
    cite = html(site_with_base, "documents/a-67-131/index.html")
    assert 'data-permalink="https://u.github.io/undocs/documents/a-67-131/">' in cite


def test_404_uses_absolute_links_when_the_root_is_known(site, site_with_base):
    page = html(site_with_base, "404.html")
    assert 'href="https://u.github.io/undocs/assets/css/style.css"' in page
    assert '<a id="home-link" href="https://u.github.io/undocs/">Accueil</a>' in page
    plain = html(site, "404.html")
    assert "data-compute-root" in plain
    # No root known: 404.js is written into the page (it must run at any depth), as it is in static/.
    assert "<script src=" not in plain and (STATIC / "js" / "404.js").read_text(encoding="utf-8") in inline_blocks(plain, "script")


def test_static_files_are_copied_under_assets():
    files = static_files(STATIC)
    assert "assets/css/style.css" in files
    assert "assets/js/cite.js" in files and "assets/js/chips.js" in files
    assert "assets/js/404.js" in files
    assert b"innerHTML" not in files["assets/js/cite.js"] and b"innerHTML" not in files["assets/js/chips.js"]


def test_real_corpus_renders_and_keeps_every_word(loaded):
    corpus, report, texts = loaded
    files = render_site(corpus, settings(), report, TEMPLATES)
    for doc in corpus.documents:
        page = files[urls.page_path(urls.document_url(doc.id))].decode()
        assert fidelity.check(doc, texts[doc.id], page) is None
    assert "A/67/131, réponse de la Norvège, §\u00a03" in files["documents/a-67-131/index.html"].decode()


def test_empty_report_renders(site):
    files = render_site(small_corpus(), settings(), BuildReport(), TEMPLATES)
    assert "Aucun retrait." in html(files, "a-propos/index.html")


def test_the_states_table_names_lists_roles_documents_then_counts_the_rest():
    """lists.roles bounds the table of states (a state of a large archive is in thousands of
    documents): Norway replies in A/67/131 and is named in the CD document of the fixture."""
    limited = dataclasses.replace(settings(), lists=dataclasses.replace(settings().lists, roles=1))
    table = html(render_site(small_corpus(), limited, small_report(), TEMPLATES), "etats/index.html")
    norway = table.split('<a href="norvege/index.html">Norvège</a>', 1)[1].split("</tr>", 1)[0]
    assert norway.count('<a class="symbol"') == 1
    assert '<li class="more"><a href="norvege/index.html">et 1 autre document</a></li>' in norway
    whole = html(render_site(small_corpus(), settings(), small_report(), TEMPLATES), "etats/index.html")
    norway = whole.split('<a href="norvege/index.html">Norvège</a>', 1)[1].split("</tr>", 1)[0]
    assert norway.count('<a class="symbol"') == 2 and 'class="more"' not in norway


def test_a_state_page_lists_its_documents_once_per_role():
    """Each role once, with its count, then the symbol of every document where the state has
    that role, in corpus order: no document nor role left out (pages.lists.roles_by_role)."""
    corpus = small_corpus()
    views = build_views(corpus)
    files = render_site(corpus, settings(), small_report(), TEMPLATES)
    order = {d.id: i for i, d in enumerate(corpus.documents)}
    for state in corpus.states:
        page = html(files, urls.page_path(urls.state_url(state.id)))
        expected = {}
        for r in views.state_roles[state.id]:
            expected.setdefault(r.role, []).append(r.document)
        listed = re.findall(r'<dt>([^<]+) <span class="count">\((\d+) documents?\)</span></dt>\n<dd><ul class="symbol-grid">\n(.*?)</ul></dd>',
                            page, re.S)
        assert [label for label, _, _ in listed] == [role_label(r).capitalize() for r in ROLES if r in expected], state.id
        for (label, count, items), role in zip(listed, [r for r in ROLES if r in expected]):
            documents = expected[role]
            assert sorted(documents, key=order.get) == documents
            assert re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', items) == [
                (f"../../documents/{d}/index.html", views.documents[d].cite_symbol) for d in documents]
            assert int(count) == len(documents), (state.id, role)
    norway = html(files, "etats/norvege/index.html")
    assert '<dt>Réponse <span class="count">(1 document)</span></dt>' in norway
    # Norway replies in A/67/131, and is named in it (by Cuba) and in the CD document.
    assert '<dt>Mentionné <span class="count">(2 documents)</span></dt>' in norway


def listed_summaries(page: str) -> dict[str, str | None]:
    """The paragraphs a state or topic page lists: id -> its data-topics (None: no attribute)."""
    return {pid: topics or None for pid, topics in
            re.findall(r'<li id="([^"]+)" class="summary"(?: data-topics="([^"]*)")?>', page)}


def topic_links(page: str) -> dict[str, tuple[str, str]]:
    """The page's links marked data-topic (chips.js copies them): topic id -> (href, label)."""
    out = {}
    for tag, a in Page(page).attrs:
        if tag == "a" and a.get("data-topic"):
            out.setdefault(a["data-topic"], set()).add(a["href"])
    labels = dict((t, label) for t, label in re.findall(r'data-topic="([^"]+)">([^<]+)</a>', page))
    return {t: (hrefs.pop() if len(hrefs) == 1 else hrefs, labels[t]) for t, hrefs in out.items()}


def test_listed_paragraphs_carry_their_topics_and_the_page_their_links(site):
    """No chips in the HTML of state and topic pages (about 500 bytes a paragraph): each listed
    paragraph names its topics (data-topics; on a topic page, less that topic) and the page
    has a link to each of them (data-topic), its page and label, for chips.js and for a reader
    without JavaScript."""
    corpus = small_corpus()
    views = build_views(corpus)
    paragraphs = {p.id: p for p in views.paragraphs}
    pages_of = [(urls.state_url(s.id), None) for s in corpus.states] + [(urls.topic_url(t.id), t.id) for t in corpus.topics]
    seen = 0
    for url, own in pages_of:
        page = html(site, urls.page_path(url))
        assert 'class="chips"' not in page, url
        links = topic_links(page)
        for pid, topics in listed_summaries(page).items():
            expected = [t for t in dict.fromkeys(paragraphs[pid].topics) if t in views.topics and t != own]
            assert (topics or "").split() == expected, (url, pid)
            for t in expected:
                assert links[t] == (f"../../themes/{t}/index.html" if own is None else f"../{t}/index.html",
                                    views.topics[t].label), (url, t)
                seen += 1
        if listed_summaries(page):
            assert '<script src="../../assets/js/chips.js" defer></script>' in page, url
    assert seen
    # A state's topic index carries the ids; so does the line of the topics of its mentions.
    norway = html(site, "etats/norvege/index.html")
    assert '<a class="topic-name" href="../../themes/desarmement-nucleaire/index.html" data-topic="desarmement-nucleaire">' in norway


def test_the_documents_a_long_page_leaves_out_are_listed_by_symbol_and_count():
    """Past lists.full_text, a page lists the other documents as their symbol (the link) and
    their number of paragraphs, with a heading that counts them and a link to the list of
    documents, where their titles are."""
    corpus = small_corpus()
    views = build_views(corpus)
    one = dataclasses.replace(settings(), lists=dataclasses.replace(settings().lists, full_text=1))
    files = render_site(corpus, one, small_report(), TEMPLATES)
    checked = 0
    for topic in corpus.topics:
        page = html(files, urls.page_path(urls.topic_url(topic.id)))
        counts = {}
        for p in views.topic_paragraphs[topic.id]:
            counts[p.document] = counts.get(p.document, 0) + 1
        others = list(counts)[1:]  # the first document is shown in full whatever its size
        if not others:
            assert "more-documents" not in page
            continue
        assert f'<h3>Autres documents <span class="count">({len(others)})</span></h3>' in page
        assert '<a href="../../documents/index.html">liste des documents</a>' in page
        listed = page.split('<ul class="more-documents">', 1)[1].split("</ul>", 1)[0]
        assert re.findall(r'<li><a href="([^"]+)">([^<]+)</a> \((\d+)\)</li>', listed) == [
            (f"../../documents/{d}/index.html", views.documents[d].cite_symbol, str(counts[d])) for d in others]
        checked += 1
    assert checked

