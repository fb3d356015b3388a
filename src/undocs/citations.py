"""Citations that reference managers read: a document's record as CSL-JSON, BibTeX and RIS,
and as the metadata of its page (Highwire Press ``citation_*`` tags, schema.org JSON-LD,
description and Open Graph).

One function reads the record (:func:`csl_item`); BibTeX and RIS are written from that item,
so the three downloads always say the same thing. Only what the record holds is written: a
document without a known title or date has no title or date in its entries, never a guess.
The page's URL is given only when the build knows the public root (``--base-url``): a
relative URL means nothing in a reference manager.
"""

from __future__ import annotations

import json
import re
from typing import Any

from . import urls
from .model import Document
from .views import french_date, iso

#: The publisher of every document of the archive; the organ is added after it.
PUBLISHER = "United Nations"
#: What BibTeX's ``@techreport`` prints instead of its default "Technical report".
BIBTEX_TYPE = "United Nations document"

#: Where the downloads are written: per document, beside its page; for the whole archive
#: (published compressed, with ``.xz`` added: ``export.export_data``).
DOCUMENT_FILES = {"bib": "citation.bib", "ris": "citation.ris", "json": "citation.json"}
ARCHIVE_FILES = {"bib": "data/citations.bib", "ris": "data/citations.ris", "json": "data/citations.json"}


def document_file(doc_id: str, kind: str) -> str:
    """The path of a document's citation file (``documents/a-67-131/citation.bib``)."""
    return urls.document_url(doc_id) + DOCUMENT_FILES[kind]


def report_number(doc: Document) -> str | None:
    """The symbol to cite as the report's number: its own, else the first it was issued under
    (never the archive's id)."""
    return doc.symbol or (doc.other_symbols[0] if doc.other_symbols else None)


def institution(doc: Document) -> str:
    """``United Nations, Assemblée générale``: the publisher and the organ, as printed."""
    return f"{PUBLISHER}, {doc.body}" if doc.body else PUBLISHER


def date_parts(doc: Document) -> list[int] | None:
    """The document's date as CSL date-parts (``[2012, 6, 5]``, ``[2012, 9]``, ``[2012]``)."""
    value = iso(doc.date)
    if not value or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return None
    return [int(piece) for piece in value.split("-")]


def page_url(doc: Document, base_url: str | None) -> str | None:
    return urls.absolute_url(base_url, urls.document_url(doc.id)) if base_url else None


def _clean(text: str) -> str:
    """One line, single spaces: what every citation format can carry."""
    return " ".join(text.split())


# ------------------------------------------------------------------------------------------
# CSL-JSON: the item every other format is written from


def csl_item(doc: Document, base_url: str | None = None) -> dict[str, Any]:
    """The document as a CSL-JSON item of type ``report`` (CSL 1.0.2 schema)."""
    item: dict[str, Any] = {"id": doc.id, "type": "report"}
    if doc.title:
        item["title"] = _clean(doc.title)
    # The organ is the document's corporate author, as UN documents are cited ("United Nations,
    # General Assembly, <title>, A/67/131"); the publisher is the Organization.
    item["author"] = [{"literal": _clean(institution(doc))}]
    item["publisher"] = PUBLISHER
    number = report_number(doc)
    if number:
        item["number"] = _clean(number)
    item["genre"] = BIBTEX_TYPE
    parts = date_parts(doc)
    if parts:
        item["issued"] = {"date-parts": [parts]}
    if doc.language:
        item["language"] = doc.language
    url = page_url(doc, base_url)
    if url:
        item["URL"] = url
    return item


def csl_json(items: list[dict[str, Any]]) -> bytes:
    return (json.dumps(items, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# ------------------------------------------------------------------------------------------
# BibTeX

#: TeX's special characters, escaped so that any text survives as text (a brace in a title
#: can no longer close the field, a ``%`` no longer starts a comment).
_TEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_TEX_SPECIAL = re.compile("[" + re.escape("".join(_TEX)) + "]")


def tex_escape(text: str) -> str:
    return _TEX_SPECIAL.sub(lambda m: _TEX[m.group(0)], _clean(text))


def bibtex_key(item: dict[str, Any]) -> str:
    """The entry's key: the archive's id (letters, digits and hyphens)."""
    return re.sub(r"[^A-Za-z0-9_:-]", "-", item["id"])


def bibtex_entry(item: dict[str, Any]) -> str:
    """One ``@techreport`` entry (BibTeX and biblatex fields), UTF-8."""
    fields: list[tuple[str, str]] = []
    if "title" in item:
        # Double braces keep the title's capitals as printed (BibTeX styles lowercase titles).
        fields.append(("title", "{" + tex_escape(item["title"]) + "}"))
    # Double braces: a corporate author, not a person's "Last, First".
    fields.append(("author", "{" + tex_escape(item["author"][0]["literal"]) + "}"))
    fields.append(("institution", tex_escape(item["publisher"])))
    fields.append(("type", tex_escape(item["genre"])))
    if "number" in item:
        fields.append(("number", tex_escape(item["number"])))
    parts = item.get("issued", {}).get("date-parts", [[]])[0]
    if parts:
        fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", str(parts[1])))
        fields.append(("date", "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))))
    if "language" in item:
        fields.append(("langid", tex_escape(item["language"])))
    if "URL" in item:
        fields.append(("url", item["URL"]))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@techreport{{{bibtex_key(item)},\n{body}\n}}\n"


def bibtex(items: list[dict[str, Any]]) -> bytes:
    return "\n".join(bibtex_entry(item) for item in items).encode("utf-8")


# ------------------------------------------------------------------------------------------
# RIS


def ris_record(item: dict[str, Any]) -> str:
    """One RIS record (``TY  - RPRT`` … ``ER  -``), lines ending with CR LF as the format says."""
    lines = [("TY", "RPRT"), ("ID", item["id"])]
    if "title" in item:
        lines.append(("TI", item["title"]))
    # No AU line: RIS readers split a name at its comma ("United Nations, Assemblée générale"
    # would become a person); the organ is in PB with the publisher.
    lines.append(("PB", item["author"][0]["literal"]))
    if "number" in item:
        lines.append(("SN", item["number"]))  # the report number, for a report
    lines.append(("M3", item["genre"]))
    parts = item.get("issued", {}).get("date-parts", [[]])[0]
    if parts:
        lines.append(("PY", str(parts[0])))
        lines.append(("DA", "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts)) + "/" * (4 - len(parts))))
    if "language" in item:
        lines.append(("LA", item["language"]))
    if "URL" in item:
        lines.append(("UR", item["URL"]))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {_clean(value)}\r\n" for tag, value in lines)


def ris(items: list[dict[str, Any]]) -> bytes:
    return "\r\n".join(ris_record(item) for item in items).encode("utf-8")


# ------------------------------------------------------------------------------------------
# The files: per document and for the whole archive


def citation_files(documents: tuple[Document, ...] | list[Document], base_url: str | None = None) -> dict[str, bytes]:
    """Every citation download (path relative to the site root -> bytes), in corpus order."""
    items = [csl_item(doc, base_url) for doc in documents]
    out: dict[str, bytes] = {
        ARCHIVE_FILES["bib"]: bibtex(items),
        ARCHIVE_FILES["ris"]: ris(items),
        ARCHIVE_FILES["json"]: csl_json(items),
    }
    for doc, item in zip(documents, items):
        out[document_file(doc.id, "bib")] = bibtex([item])
        out[document_file(doc.id, "ris")] = ris([item])
        out[document_file(doc.id, "json")] = csl_json([item])
    return out


# ------------------------------------------------------------------------------------------
# The document page's metadata


def scholar_date(doc: Document) -> str | None:
    """The date as Google Scholar asks for it: ``2012/06/05``, or the year alone."""
    parts = date_parts(doc)
    if not parts:
        return None
    if len(parts) == 3:
        return f"{parts[0]:04d}/{parts[1]:02d}/{parts[2]:02d}"
    return str(parts[0])


def description(doc: Document) -> str:
    """The page's own description: symbol, title, organ and date, as far as they are known."""
    pieces = [report_number(doc) or doc.cite_symbol]
    if doc.title:
        pieces.append(_clean(doc.title))
    tail = ", ".join(p for p in (doc.body, french_date(doc.date) if doc.date else None) if p)
    if tail:
        pieces.append(tail)
    return " – ".join(pieces) + "."


def highwire_tags(doc: Document, base_url: str | None = None) -> list[tuple[str, str]]:
    """``<meta name content>`` pairs of the Highwire Press tags (Google Scholar, Zotero)."""
    tags: list[tuple[str, str]] = []
    if doc.title:
        tags.append(("citation_title", _clean(doc.title)))
    date = scholar_date(doc)
    if date:
        tags.append(("citation_publication_date", date))
        tags.append(("citation_date", date))
    tags.append(("citation_technical_report_institution", institution(doc)))
    tags.append(("citation_publisher", institution(doc)))
    number = report_number(doc)
    if number:
        tags.append(("citation_technical_report_number", number))
    if doc.language:
        tags.append(("citation_language", doc.language))
    url = page_url(doc, base_url)
    if url:
        # The page holds the document's whole text (the archive serves no PDF: no citation_pdf_url).
        tags.append(("citation_fulltext_html_url", url))
        tags.append(("citation_abstract_html_url", url))
    return tags


def open_graph(doc: Document, site_name: str, base_url: str | None = None) -> list[tuple[str, str]]:
    """``<meta property content>`` pairs of the Open Graph protocol."""
    tags = [("og:type", "article"), ("og:site_name", site_name),
            ("og:title", f"{doc.cite_symbol} – {_clean(doc.title)}" if doc.title else doc.cite_symbol),
            ("og:description", description(doc))]  # fmt: skip
    if doc.language:
        tags.append(("og:locale", {"fr": "fr_FR", "en": "en_GB", "es": "es_ES"}.get(doc.language, doc.language)))
    url = page_url(doc, base_url)
    if url:
        tags.append(("og:url", url))
    if iso(doc.date):
        tags.append(("article:published_time", iso(doc.date) or ""))
    return tags


def json_ld(doc: Document, base_url: str | None = None) -> dict[str, Any]:
    """The document as a schema.org ``Report``."""
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Report"}
    if doc.title:
        data["name"] = _clean(doc.title)
    number = report_number(doc)
    if number:
        data["reportNumber"] = number
    if iso(doc.date):
        data["datePublished"] = iso(doc.date)
    if doc.language:
        data["inLanguage"] = doc.language
    un = {"@type": "Organization", "name": PUBLISHER}
    data["author"] = {"@type": "Organization", "name": doc.body, "parentOrganization": un} if doc.body else un
    data["publisher"] = un
    data["description"] = description(doc)
    url = page_url(doc, base_url)
    if url:
        data["url"] = url
    return data


#: Escaped in a JSON-LD block: markup, line separators, and bidi controls (left open, they
#: would run on in a view of the page's source).
_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_ld_script(data: dict[str, Any]) -> str:
    """JSON for a ``<script type="application/ld+json">`` block: ``<``, ``>`` and ``&`` as
    ``\\u`` escapes (and line separators and bidi controls), so that no text of the record can
    close the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False)
    return _SCRIPT_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
