"""The document page: metadata, masthead, table of contents and the full text, each paragraph
with its permalink, citation and chips; footnotes linked both ways.

A paragraph carries its short citation and permalink as attributes (printed after it on paper);
its "Citer" block is built in the browser (``static/js/cite.js``) from them and the document's
reference, printed once on the page: the same words as a block per paragraph in the HTML, at
about 900 bytes less per paragraph, which a large archive needs to stay inside GitHub Pages'
1 GB (docs/benchmarks.md)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import markupsafe

from .. import citations, urls
from ..model import Document, Footnote, Paragraph, Statement
from ..views import (
    OWN_NUMBER_FLAG, UNKNOWN, Views, doc_title, french_date, iso, language_name, other_language, own_number,
    reference_prefix, symbol_note,
)
from .common import Linker, keep_together, part_heading

#: Characters past which a title is set smaller (a letter's title names all its senders).
LONG_TITLE = 120

#: Short series names for "Cote CD : inconnue".
BODY_SERIES = {"Conférence du désarmement": "CD"}


def footnote_refs(doc: Document) -> dict[str, str]:
    """Footnote id -> id of the anchor of its first reference (title or paragraph)."""
    first: dict[str, str] = {}
    for part in doc.parts:
        for ref in part.title_footnote_refs:
            first.setdefault(ref, f"ref-{ref}")
        for p in part.paragraphs:
            for ref in p.footnote_refs:
                first.setdefault(ref, f"ref-{ref}")
    return first


def ref_views(refs: Iterable[str], notes: dict[str, Footnote], placed: set[str]) -> list[dict[str, Any]]:
    out = []
    for ref in refs:
        note = notes.get(ref)
        if note is None:
            continue
        anchor = None if ref in placed else f"ref-{ref}"
        placed.add(ref)
        out.append({"href": f"#{ref}", "id": anchor, "marker": note.marker, "label": f"Note {note.marker}"})
    return out


def statement_line(st: Statement) -> dict[str, Any] | None:
    if st.role != "reply" or (not st.original_language and st.date is None):
        return None
    return {
        "language": language_name(st.original_language) if st.original_language else None,
        "date": st.date_text or (french_date(st.date) if st.date else None),
        "datetime": iso(st.date),
    }


#: The citation downloads of a document: (kind, label, MIME type).
CITE_FILES = (
    ("bib", "BibTeX", "application/x-bibtex"),
    ("ris", "RIS", "application/x-research-info-systems"),
    ("json", "CSL-JSON", "application/vnd.citationstyles.csl+json"),
)


def cite_files(doc_id: str, link: Linker) -> list[dict[str, str]]:
    """Links to the document's BibTeX, RIS and CSL-JSON entries (``citations.citation_files``)."""
    return [{"href": link(citations.document_file(doc_id, kind)), "label": label, "type": mime}
            for kind, label, mime in CITE_FILES]  # fmt: skip


def head_view(doc: Document, link: Linker) -> dict[str, Any]:
    """What the page's head says about the document, for reference managers and link previews:
    its own description, Highwire Press tags, Open Graph tags and schema.org JSON-LD."""
    base_url = link.settings.base_url
    return {
        "description": citations.description(doc),
        "highwire": citations.highwire_tags(doc, base_url),
        "open_graph": citations.open_graph(doc, link.settings.title, base_url),
        # A data block, never run (the CSP's script-src does not apply to it); "<" is escaped.
        "json_ld": markupsafe.Markup(citations.json_ld_script(citations.json_ld(doc, base_url))),
    }


def para_view(p: Paragraph, views: Views, notes: dict[str, Footnote], placed: set[str]) -> dict[str, Any]:
    number = p.number if p.number is not None else p.seq
    mentions = [m for m in dict.fromkeys(p.mentions) if m in views.states and m != p.state]
    return {
        "id": p.id,
        "kind": p.kind,
        "numbered": p.number is not None,
        "marker": f"{p.number}." if p.number is not None else keep_together(p.label),
        "aria_label": f"Paragraphe {number}, lien permanent",
        "blocks": _segments(p, notes, placed),
        "bulleted": p.kind == "item" and p.text.lstrip().startswith(("•", "-", "–", "·")),
        "refs": ref_views([r for r in p.footnote_refs if r not in {c[2] for c in p.calls}], notes, placed),
        "citation": keep_together(views.citation(p)),
        "own_number": own_number(p),
        # Its chips (made by chips.js from the page's lists of the document's topics and states).
        "topics": " ".join(t for t in dict.fromkeys(p.topics) if t in views.topics),
        "states": " ".join(mentions),
    }


def named_states(doc: Document, views: Views) -> list[str]:
    """The states the document's paragraphs name but that do not speak in it, in order of first
    mention: listed with the references (the paragraphs' chips link to them)."""
    speaking = set(views.document_states(doc.id))
    named = (m for p in doc.paragraphs for m in p.mentions if m in views.states and m not in speaking)
    return list(dict.fromkeys(named))


def _segments(p: Paragraph, notes: dict[str, Footnote], placed: set[str]) -> list[list[dict[str, Any]]]:
    """Each block as pieces of text, each followed by the footnote calls that stand there."""
    blocks = []
    for index, block in enumerate(p.blocks):
        pieces, at = [], 0
        for _, offset, note in (c for c in p.calls if c[0] == index):
            pieces.append({"text": block[at:offset], "refs": ref_views([note], notes, placed)})
            at = offset
        pieces.append({"text": block[at:], "refs": []})
        blocks.append(pieces)
    return blocks


def group_items(paras: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Consecutive list items become one list; other paragraphs stand alone."""
    groups: list[dict[str, Any]] = []
    for para in paras:
        if para["kind"] == "item" and groups and groups[-1]["type"] == "list":
            groups[-1]["members"].append(para)
        elif para["kind"] == "item":
            groups.append({"type": "list", "members": [para]})
        else:
            groups.append({"type": "single", "para": para})
    return groups


def facts(doc: Document) -> list[dict[str, Any]]:
    """The line under the title: what a reader checks first (date, body, language, size); the
    full references fold below it, so the text starts on the first screen of a phone."""
    out: list[dict[str, Any]] = []
    if doc.date:
        out.append({"value": french_date(doc.date), "datetime": iso(doc.date)})
    if doc.body:
        out.append({"value": doc.body, "datetime": None})
    if doc.language:
        out.append({"value": f"en {language_name(doc.language)}", "datetime": None})
    n = len(doc.paragraphs)
    out.append({"value": f"{n}\u00a0paragraphe{'s' if n != 1 else ''} citable{'s' if n != 1 else ''}", "datetime": None})
    return out


def document_view(doc: Document, views: Views, link: Linker) -> dict[str, Any]:
    notes = {fn.id: fn for part in doc.parts for fn in part.footnotes}
    first_refs = footnote_refs(doc)
    placed: set[str] = set()
    files = cite_files(doc.id, link)

    meta: list[dict[str, Any]] = []
    note = symbol_note(doc)
    if note:
        series = BODY_SERIES.get(doc.body)
        meta.append({"term": f"Cote {series}" if series else "Cote", "value": note, "datetime": None})
    else:
        meta.append({"term": "Cote", "value": doc.symbol or UNKNOWN, "datetime": None})
    if doc.other_symbols:
        term = "Publié sous la cote" if len(doc.other_symbols) == 1 else "Publié sous les cotes"
        meta.append({"term": term, "value": ", ".join(doc.other_symbols), "datetime": None})
    meta += [
        {"term": "Date", "value": french_date(doc.date) or UNKNOWN, "datetime": iso(doc.date)},
        {"term": "Organe", "value": doc.body or UNKNOWN, "datetime": None},
        {"term": "Langue", "value": language_name(doc.language) if doc.language else UNKNOWN, "datetime": None},
    ]
    if doc.original_languages:
        term = "Langue originale" if len(doc.original_languages) == 1 else "Langues originales"
        langs = ", ".join(language_name(lang) for lang in doc.original_languages)
        meta.append({"term": term, "value": langs, "datetime": None})
    for key, value in doc.extra:
        meta.append({"term": key, "value": value, "datetime": None})
    meta.append({"term": "Paragraphes citables", "value": str(len(doc.paragraphs)), "datetime": None})
    for row in meta:
        row.setdefault("lang", None)  # only the title, in the document's own language

    toc: list[dict[str, Any]] = []
    parts = []
    for part in doc.parts:
        entry = {"href": f"#{part.key}", "label": part_heading(part) or part.key, "children": []}
        if part.level >= 2 and toc:
            toc[-1]["children"].append(entry)
        else:
            toc.append(entry)
        title_refs = ref_views(part.title_footnote_refs, notes, placed)
        paras = [para_view(p, views, notes, placed) for p in part.paragraphs]
        lines = [line for line in (statement_line(s) for s in part.statements) if line]
        state = part.state
        parts.append(
            {
                "key": part.key,
                "tag": "h3" if part.level >= 2 else "h2",
                "number": part.number,
                "title": part.title,
                "title_refs": title_refs,
                "statements": lines,
                "state": (
                    {"label": views.states[state].name, "href": link(urls.state_url(state))}
                    if state in views.states
                    else None
                ),
                "groups": group_items(paras),
                "footnotes": [
                    {
                        "id": fn.id,
                        "marker": fn.marker,
                        "text": fn.text,
                        "back": f"#{first_refs[fn.id]}" if fn.id in first_refs else None,
                    }
                    for fn in part.footnotes
                ],
            }
        )
    return {
        "title": doc_title(doc),
        "facts": facts(doc),
        # A title of several lines on a phone is set smaller (the text must start on screen).
        "long_title": len(doc_title(doc)) > LONG_TITLE,
        # The document's own language where it is not the interface's (an English PDF).
        "lang": other_language(doc) if doc.title else None,
        "text_lang": other_language(doc),
        "cite_symbol": doc.cite_symbol,
        "meta": meta,
        "masthead": list(doc.masthead),
        "toc": toc,
        "parts": parts,
        "topics": [
            {"id": t.id, "label": t.label, "count": n, "href": link(urls.topic_url(t.id))}
            for t, n in views.document_topics(doc.id)
        ],
        "states": [
            {"id": s, "label": views.states[s].name, "href": link(urls.state_url(s))}
            for s in views.document_states(doc.id)
            if s in views.states
        ],
        "named": [
            {"id": s, "label": views.states[s].name, "href": link(urls.state_url(s))}
            for s in named_states(doc, views)
        ],
        # What the build removed from this document's source (the about page counts them).
        "removals": [
            {"line": r.line, "page": r.page, "text": r.text, "reason": r.reason} for r in doc.removals
        ],
        "data_href": link("data/paragraphs.json.xz"),
        "cite_files": files,
        "reference": keep_together(reference_prefix(doc)),
        "own_number_flag": OWN_NUMBER_FLAG,
        # cite.js shows a paragraph's permalink as this, its anchor added (urls.paragraph_url).
        "permalink": link.shown(urls.document_url(doc.id)),
        "head": head_view(doc, link),
    }
