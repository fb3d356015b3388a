"""Rendering: the corpus as HTML pages (plus ``404.html``, ``robots.txt``, ``sitemap.xml``).

Every page is built in two steps: a ``*_view`` function computes plain data in Python (links
already made relative to the page, counts, citations, dates), then a Jinja template lays it
out. Templates hold no logic beyond loops and conditionals. Output is deterministic: corpus or
sorted order everywhere, no timestamps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import jinja2

from . import urls
from .export import FILES, export_data
from .model import Corpus, Document, Footnote, Paragraph, Part, Statement
from .report import BuildReport
from .settings import Settings
from .views import (
    Views,
    build_views,
    excerpt,
    french_date,
    iso,
    language_name,
    role_label,
    symbol_note,
)

#: Main navigation: (label, clean URL).
NAV = (
    ("Documents", urls.DOCUMENTS),
    ("États", urls.STATES),
    ("Thèmes", urls.TOPICS),
    ("États × thèmes", urls.MATRIX),
    ("À propos des données", urls.ABOUT),
    ("Recherche", urls.SEARCH),
)

#: Short series names for "Cote CD : inconnue".
BODY_SERIES = {"Conférence du désarmement": "CD"}

CITE_EXAMPLES = 3


def make_environment(templates_dir: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass(frozen=True)
class Page:
    url: str  # clean URL ("etats/norvege/")
    template: str
    title: str
    section: str | None  # the NAV entry it belongs to, for aria-current
    crumbs: tuple[tuple[str, str], ...]  # (label, clean URL) above this page
    context: dict[str, Any]
    crumb: str | None = None  # this page's label in the breadcrumbs (default: its title)


# --------------------------------------------------------------------------------------------
# Small helpers shared by the views


def size_label(n: int) -> str:
    """A file size in French (``12,3 ko``)."""
    if n < 1000:
        return f"{n} octets"
    if n < 1_000_000:
        return f"{n / 1000:.1f} ko".replace(".", ",")
    return f"{n / 1_000_000:.1f} Mo".replace(".", ",")


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def part_heading(part: Part) -> str:
    return f"{part.number}. {part.title}" if part.number and part.title else part.title or part.number or ""


class Linker:
    """Relative links from one page."""

    def __init__(self, page_url: str, settings: Settings):
        self.page = urls.page_path(page_url)
        self.settings = settings

    def __call__(self, url: str) -> str:
        return urls.href(self.page, url)

    def permalink(self, p: Paragraph) -> tuple[str, str]:
        """(href, shown text) of a paragraph's permalink for a cite block."""
        url = urls.paragraph_url(p)
        if self.settings.base_url:
            absolute = urls.absolute_url(self.settings.base_url, url)
            return absolute, absolute
        return self(url), url


def paragraph_summary(p: Paragraph, views: Views, link: Linker, *, full: bool) -> dict[str, Any]:
    """A paragraph as listed on a state or topic page: citation, link, text or excerpt."""
    return {
        "citation": views.citation(p),
        "href": link(urls.paragraph_url(p)),
        "blocks": list(p.blocks) if full else [excerpt(p.text)],
    }


# --------------------------------------------------------------------------------------------
# Document page


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
        "date": french_date(st.date) if st.date else None,
        "datetime": iso(st.date),
    }


def para_view(p: Paragraph, views: Views, link: Linker, notes: dict[str, Footnote], placed: set[str]) -> dict[str, Any]:
    number = p.number if p.number is not None else p.seq
    href, shown = link.permalink(p)
    mentions = [m for m in dict.fromkeys(p.mentions) if m in views.states and m != p.state]
    return {
        "id": p.id,
        "kind": p.kind,
        "numbered": p.number is not None,
        "marker": f"{p.number}." if p.number is not None else p.label,
        "aria_label": f"Paragraphe {number}, lien permanent",
        "blocks": list(p.blocks),
        "bulleted": p.kind == "item" and p.text.lstrip().startswith(("•", "-", "–", "·")),
        "refs": ref_views(p.footnote_refs, notes, placed),
        "citation": views.citation(p),
        "permalink_href": href,
        "permalink_text": shown,
        "topics": [
            {"label": views.topics[t].label, "href": link(urls.topic_url(t))}
            for t in dict.fromkeys(p.topics)
            if t in views.topics
        ],
        "states": [{"label": views.states[m].name, "href": link(urls.state_url(m))} for m in mentions],
    }


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


def document_view(doc: Document, views: Views, link: Linker) -> dict[str, Any]:
    notes = {fn.id: fn for part in doc.parts for fn in part.footnotes}
    first_refs = footnote_refs(doc)
    placed: set[str] = set()

    meta: list[dict[str, Any]] = []
    note = symbol_note(doc)
    if note:
        series = BODY_SERIES.get(doc.body)
        meta.append({"term": f"Cote {series}" if series else "Cote", "value": note, "datetime": None})
    else:
        meta.append({"term": "Cote", "value": doc.symbol, "datetime": None})
    if doc.other_symbols:
        term = "Publié sous la cote" if len(doc.other_symbols) == 1 else "Publié sous les cotes"
        meta.append({"term": term, "value": ", ".join(doc.other_symbols), "datetime": None})
    meta += [
        {"term": "Titre", "value": doc.title, "datetime": None},
        {"term": "Date", "value": french_date(doc.date), "datetime": iso(doc.date)},
        {"term": "Organe", "value": doc.body, "datetime": None},
        {"term": "Langue", "value": language_name(doc.language), "datetime": None},
    ]
    if doc.original_languages:
        term = "Langue originale" if len(doc.original_languages) == 1 else "Langues originales"
        langs = ", ".join(language_name(lang) for lang in doc.original_languages)
        meta.append({"term": term, "value": langs, "datetime": None})
    meta.append({"term": "Fichier source", "value": f"seeds/{doc.source_file}", "datetime": None})
    for key, value in doc.extra:
        meta.append({"term": key, "value": value, "datetime": None})
    meta.append({"term": "Paragraphes citables", "value": str(len(doc.paragraphs)), "datetime": None})

    toc: list[dict[str, Any]] = []
    parts = []
    for part in doc.parts:
        entry = {"href": f"#{part.key}", "label": part_heading(part) or part.key, "children": []}
        if part.level >= 2 and toc:
            toc[-1]["children"].append(entry)
        else:
            toc.append(entry)
        title_refs = ref_views(part.title_footnote_refs, notes, placed)
        paras = [para_view(p, views, link, notes, placed) for p in part.paragraphs]
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
        "title": doc.title,
        "cite_symbol": doc.cite_symbol,
        "meta": meta,
        "masthead": list(doc.masthead),
        "toc": toc,
        "parts": parts,
        "topics": [
            {"label": t.label, "count": n, "href": link(urls.topic_url(t.id))}
            for t, n in views.document_topics(doc.id)
        ],
        "states": [
            {"label": views.states[s].name, "href": link(urls.state_url(s))}
            for s in views.document_states(doc.id)
            if s in views.states
        ],
        "data_href": link("data/paragraphs.json"),
    }


# --------------------------------------------------------------------------------------------
# Lists shared by the home page and the index pages


def documents_list(views: Views, link: Linker) -> list[dict[str, Any]]:
    out = []
    for doc in views.corpus.documents:
        out.append(
            {
                "href": link(urls.document_url(doc.id)),
                "symbol": doc.symbol,
                "cite_symbol": doc.cite_symbol,
                "symbol_note": symbol_note(doc),
                "title": doc.title,
                "date": french_date(doc.date),
                "datetime": iso(doc.date),
                "body": doc.body,
                "paragraphs": plural(len(doc.paragraphs), "paragraphe", "paragraphes"),
                "states": plural(len(views.document_states(doc.id)), "État", "États"),
            }
        )
    return out


def roles_of(state_id: str, views: Views, link: Linker) -> list[dict[str, Any]]:
    return [
        {
            "document": views.documents[r.document].cite_symbol,
            "href": link(urls.document_url(r.document)),
            "role": role_label(r.role),
        }
        for r in views.state_roles[state_id]
    ]


def roles_by_document(state_id: str, views: Views, link: Linker) -> list[dict[str, Any]]:
    """Roles grouped per document: ``A/67/131 (réponse, mentionné)``."""
    grouped: dict[str, list[str]] = {}
    for r in views.state_roles[state_id]:
        grouped.setdefault(r.document, []).append(role_label(r.role))
    return [
        {
            "document": views.documents[d].cite_symbol,
            "href": link(urls.document_url(d)),
            "roles": ", ".join(roles),
        }
        for d, roles in grouped.items()
    ]


def states_list(views: Views, link: Linker) -> list[dict[str, Any]]:
    return [
        {
            "name": s.name,
            "iso3": s.iso3,
            "href": link(urls.state_url(s.id)),
            "roles": roles_by_document(s.id, views, link),
            "paragraphs": len(views.state_paragraphs[s.id]),
            "mentions": len(views.state_mentions[s.id]),
        }
        for s in views.states_sorted
    ]


def topics_list(views: Views, link: Linker) -> list[dict[str, Any]]:
    out = []
    for t in views.corpus.topics:
        paras = views.topic_paragraphs[t.id]
        out.append(
            {
                "label": t.label,
                "label_en": t.label_en,
                "href": link(urls.topic_url(t.id)),
                "count": len(paras),
                "documents": len({p.document for p in paras}),
                "states": len({p.state for p in paras if p.state}),
            }
        )
    return out


# --------------------------------------------------------------------------------------------
# State and topic pages


def state_view(state_id: str, views: Views, link: Linker) -> dict[str, Any]:
    state = views.states[state_id]
    statements = [
        {
            "document": views.documents[ref.document].cite_symbol,
            "href": link(urls.anchor_url(urls.document_url(ref.document), ref.part)),
            "role": role_label(ref.statement.role),
            "language": language_name(ref.statement.original_language),
            "date": french_date(ref.statement.date),
            "datetime": iso(ref.statement.date),
        }
        for ref in views.state_statements[state_id]
    ]
    topics = []
    for topic, count in views.state_topics(state_id):
        paras = views.state_topic_paragraphs[(state_id, topic.id)]
        topics.append(
            {
                "anchor": f"theme-{topic.id}",
                "label": topic.label,
                "count": count,
                "topic_href": link(urls.topic_url(topic.id)),
                "paragraphs": [paragraph_summary(p, views, link, full=False) for p in paras],
            }
        )
    by_doc: dict[str, list[Paragraph]] = {}
    for p in views.state_paragraphs[state_id]:
        by_doc.setdefault(p.document, []).append(p)
    documents = [
        {
            "title": views.documents[d].title,
            "cite_symbol": views.documents[d].cite_symbol,
            "href": link(urls.document_url(d)),
            "paragraphs": [paragraph_summary(p, views, link, full=True) for p in paras],
        }
        for d, paras in by_doc.items()
    ]
    mentions = []
    for p in views.state_mentions[state_id]:
        item = paragraph_summary(p, views, link, full=False)
        item["speaker"] = views.states[p.state].name if p.state in views.states else None
        mentions.append(item)
    return {
        "name": state.name,
        "name_en": state.name_en,
        "iso3": state.iso3,
        "roles": roles_of(state_id, views, link),
        "statements": statements,
        "topics": topics,
        "documents": documents,
        "mentions": mentions,
        "paragraph_count": len(views.state_paragraphs[state_id]),
        "mention_count": len(views.state_mentions[state_id]),
    }


def unbis_href(unbis: str) -> str:
    return unbis if "://" in unbis else f"http://metadata.un.org/thesaurus/{unbis}"


def topic_view(topic_id: str, views: Views, link: Linker) -> dict[str, Any]:
    topic = views.topics[topic_id]
    documents: list[dict[str, Any]] = []
    by_doc: dict[str, dict[str, list[Paragraph]]] = {}
    for p in views.topic_paragraphs[topic_id]:
        by_doc.setdefault(p.document, {}).setdefault(views.group_key(p), []).append(p)
    for doc_id, groups in by_doc.items():
        doc = views.documents[doc_id]
        documents.append(
            {
                "title": doc.title,
                "cite_symbol": doc.cite_symbol,
                "href": link(urls.document_url(doc_id)),
                "groups": [
                    {
                        "label": label,
                        "paragraphs": [paragraph_summary(p, views, link, full=True) for p in paras],
                    }
                    for label, paras in groups.items()
                ],
            }
        )
    return {
        "label": topic.label,
        "label_en": topic.label_en,
        "description": topic.description,
        "unbis": topic.unbis,
        "unbis_label": topic.unbis_label or topic.unbis,
        "unbis_href": unbis_href(topic.unbis) if topic.unbis else None,
        "count": len(views.topic_paragraphs[topic_id]),
        "documents": documents,
    }


def matrix_view(views: Views, link: Linker) -> dict[str, Any]:
    topics = [{"label": t.label, "href": link(urls.topic_url(t.id))} for t in views.corpus.topics]
    rows = []
    for s in views.states_sorted:
        cells = []
        for t in views.corpus.topics:
            n = views.count(s.id, t.id)
            href = link(urls.anchor_url(urls.state_url(s.id), f"theme-{t.id}")) if n else None
            cells.append({"count": n, "href": href, "topic": t.label})
        rows.append(
            {
                "name": s.name,
                "href": link(urls.state_url(s.id)),
                "cells": cells,
                "total": len(views.state_paragraphs[s.id]),
            }
        )
    return {"topics": topics, "rows": rows}


# --------------------------------------------------------------------------------------------
# About the data


def repository_url(repository: str | None) -> str | None:
    if not repository:
        return None
    return repository if "://" in repository else f"https://github.com/{repository}"


def about_view(
    views: Views, report: BuildReport, data_files: dict[str, bytes], settings: Settings, link: Linker
) -> dict[str, Any]:
    downloads = [
        {
            "path": f["path"],
            "href": link(f["path"]),
            "size": size_label(len(data_files[f["path"]])),
            "summary": f["summary"],
            "fields": [{"name": n, "type": t, "description": d} for n, t, d in f["fields"]],
        }
        for f in FILES
        if f["path"] in data_files
    ]
    examples = []
    seen_parts: set[tuple[str, str]] = set()
    for p in views.paragraphs:
        if (p.document, p.part) in seen_parts or p.kind != "paragraph":
            continue
        seen_parts.add((p.document, p.part))
        href, shown = link.permalink(p)
        examples.append({"citation": views.citation(p), "href": href, "url": shown})
        if len(examples) == CITE_EXAMPLES:
            break
    corpus = views.corpus
    return {
        "counts": {
            "documents": plural(len(corpus.documents), "document", "documents"),
            "paragraphs": plural(len(views.paragraphs), "paragraphe citable", "paragraphes citables"),
            "states": plural(len(corpus.states), "État", "États"),
            "topics": plural(len(corpus.topics), "thème", "thèmes"),
        },
        "documents": documents_list(views, link),
        "downloads": downloads,
        "examples": examples,
        "removals": [
            {"file": r.file, "line": r.line, "text": r.text, "reason": r.reason} for r in report.removals
        ],
        "warnings": list(report.warnings),
        "repository": repository_url(settings.repository),
        "base_url": settings.base_url,
    }


# --------------------------------------------------------------------------------------------
# The site


def site_pages(views: Views, report: BuildReport, data_files: dict[str, bytes], settings: Settings) -> list[Page]:
    """Every HTML page but 404, with its view data (links relative to that page)."""
    pages: list[Page] = []

    def add(url: str, template: str, title: str, section: str | None,
            crumbs: tuple[tuple[str, str], ...], make: Callable[[Linker], dict[str, Any]],
            crumb: str | None = None) -> None:  # fmt: skip
        pages.append(Page(url, template, title, section, crumbs, make(Linker(url, settings)), crumb))

    home = (("Accueil", urls.HOME),)
    corpus = views.corpus
    add(urls.HOME, "index.html", settings.title, None, (), lambda link: {
        "documents": documents_list(views, link),
        "states": states_list(views, link),
        "topics": topics_list(views, link),
    })  # fmt: skip
    add(urls.DOCUMENTS, "documents.html", "Documents", urls.DOCUMENTS, home,
        lambda link: {"documents": documents_list(views, link)})  # fmt: skip
    for doc in corpus.documents:
        add(urls.document_url(doc.id), "document.html", f"{doc.cite_symbol} – {doc.title}",
            urls.DOCUMENTS, home + (("Documents", urls.DOCUMENTS),),
            lambda link, doc=doc: {"doc": document_view(doc, views, link)}, doc.cite_symbol)  # fmt: skip
    add(urls.STATES, "states.html", "États", urls.STATES, home,
        lambda link: {"states": states_list(views, link)})  # fmt: skip
    for state in views.states_sorted:
        add(urls.state_url(state.id), "state.html", state.name, urls.STATES,
            home + (("États", urls.STATES),),
            lambda link, s=state.id: {"state": state_view(s, views, link)})  # fmt: skip
    add(urls.TOPICS, "topics.html", "Thèmes", urls.TOPICS, home,
        lambda link: {"topics": topics_list(views, link)})  # fmt: skip
    for topic in corpus.topics:
        add(urls.topic_url(topic.id), "topic.html", topic.label, urls.TOPICS,
            home + (("Thèmes", urls.TOPICS),),
            lambda link, t=topic.id: {"topic": topic_view(t, views, link)})  # fmt: skip
    add(urls.MATRIX, "matrix.html", "États × thèmes", urls.MATRIX, home,
        lambda link: {"matrix": matrix_view(views, link)})  # fmt: skip
    add(urls.ABOUT, "about.html", "À propos des données", urls.ABOUT, home,
        lambda link: {"about": about_view(views, report, data_files, settings, link)})  # fmt: skip
    return pages


def site_root_path(settings: Settings) -> str | None:
    """The absolute path of the site root on its server (``/repo/``), if it can be known."""
    if settings.base_url:
        rest = settings.base_url.split("://", 1)[-1]
        path = "/" + rest.split("/", 1)[1] if "/" in rest else "/"
        return path if path.endswith("/") else path + "/"
    if settings.repository:
        name = settings.repository.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")
        if name and not name.endswith(".github.io"):
            return f"/{name}/"
        return "/"
    return None


def common_context(page_url: str, title: str, section: str | None,
                   crumbs: tuple[tuple[str, str], ...], settings: Settings,
                   crumb: str | None = None) -> dict[str, Any]:  # fmt: skip
    link = Linker(page_url, settings)
    root = urls.root_prefix(page_url)
    return {
        "site": {"title": settings.title, "tagline": settings.tagline, "description": settings.description},
        "lang": settings.language or "fr",
        "root": root,
        "page_title": title,
        "canonical": urls.absolute_url(settings.base_url, page_url) if settings.base_url else None,
        "home_href": link(urls.HOME),
        "search_href": link(urls.SEARCH),
        "about_href": link(urls.ABOUT),
        "css_href": f"{root}assets/css/style.css",
        "js_root": f"{root}assets/js/",
        "nav": [
            {"label": label, "href": link(url), "current": url == section and url == page_url,
             "section": url == section}
            for label, url in NAV
        ],  # fmt: skip
        "breadcrumbs": [{"label": label, "href": link(url)} for label, url in crumbs],
        "crumb": crumb or title,
        "is_home": page_url == urls.HOME,
    }


def not_found_context(settings: Settings) -> dict[str, Any]:
    """404 is served at any depth: use absolute paths when the root is known, else root-relative."""
    root_path = site_root_path(settings)
    prefix = settings.base_url or root_path or ""
    ctx = common_context(urls.NOT_FOUND, "Page introuvable", None, (), settings)
    ctx.update(
        {
            "root": prefix,
            "canonical": None,
            "home_href": f"{prefix}index.html" if not root_path else prefix,
            "search_href": f"{prefix}{urls.page_path(urls.SEARCH)}",
            "about_href": f"{prefix}{urls.page_path(urls.ABOUT)}",
            "css_href": f"{prefix}assets/css/style.css",
            "js_root": f"{prefix}assets/js/",
            "nav": [
                {"label": label, "href": f"{prefix}{urls.page_path(url)}", "current": False, "section": False}
                for label, url in NAV
            ],
            "root_known": bool(root_path),
        }
    )
    return ctx


def sitemap(urls_: list[str], base_url: str) -> bytes:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']  # fmt: skip
    for url in sorted(urls_):
        lines.append(f"  <url><loc>{xml_escape(urls.absolute_url(base_url, url))}</loc></url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def robots(base_url: str | None) -> bytes:
    text = "User-agent: *\nAllow: /\n"
    if base_url:
        text += f"Sitemap: {urls.absolute_url(base_url, 'sitemap.xml')}\n"
    return text.encode("utf-8")


def render_site(corpus: Corpus, settings: Settings, report: BuildReport, templates_dir: Path,
                views: Views | None = None) -> dict[str, bytes]:  # fmt: skip
    """Every output file but static assets and search files (path relative to the root -> bytes)."""
    env = make_environment(templates_dir)
    views = views or build_views(corpus)
    data_files = export_data(corpus, report, views)
    out: dict[str, bytes] = {}
    pages = site_pages(views, report, data_files, settings)
    for page in pages:
        ctx = common_context(page.url, page.title, page.section, page.crumbs, settings, page.crumb)
        ctx.update(page.context)
        path = urls.page_path(page.url)
        if path in out:
            raise ValueError(f"two pages would be written to {path}")
        out[path] = env.get_template(page.template).render(ctx).encode("utf-8")
    out["404.html"] = env.get_template("404.html").render(not_found_context(settings)).encode("utf-8")
    out[".nojekyll"] = b""
    out["robots.txt"] = robots(settings.base_url)
    if settings.base_url:
        out["sitemap.xml"] = sitemap([p.url for p in pages], settings.base_url)
    return dict(sorted(out.items()))


def static_files(static_dir: Path) -> dict[str, bytes]:
    """The files of ``static/`` as ``assets/...`` (sorted, hidden files skipped)."""
    out: dict[str, bytes] = {}
    for path in sorted(static_dir.rglob("*")):
        rel = path.relative_to(static_dir)
        if path.is_file() and not any(part.startswith(".") for part in rel.parts):
            out[f"assets/{rel.as_posix()}"] = path.read_bytes()
    return out
