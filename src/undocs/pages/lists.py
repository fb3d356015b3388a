"""Lists shared by the home page and the index pages: documents, states with roles, topics."""

from __future__ import annotations

from typing import Any

from .. import urls
from ..figures.config import FigureSettings
from ..figures.geometry import Geometry
from ..figures.timeline import timeline_view
from ..figures.worldmap import map_view
from ..model import ROLES, Document
from ..views import Views, doc_title, french_date, iso, language_name, other_language, role_label
from .common import Linker, plural


def list_note(doc: Document) -> str | None:
    """What a list says of a document whose own symbol is unknown: the symbol shown is the one it
    was first published under (plain words, no "cote propre")."""
    if doc.symbol or not doc.other_symbols:
        return None
    return "cité sous la cote de sa première parution, la sienne n’étant pas connue"


def documents_list(views: Views, link: Linker) -> list[dict[str, Any]]:
    out = []
    for doc in views.corpus.documents:
        out.append(
            {
                "href": link(urls.document_url(doc.id)),
                "symbol": doc.symbol,
                "cite_symbol": doc.cite_symbol,
                "symbol_note": list_note(doc),
                "title": doc_title(doc),
                # An English title inside the French interface says so (screen readers).
                "lang": other_language(doc) if doc.title else None,
                "date": french_date(doc.date) or "date inconnue",
                "datetime": iso(doc.date),
                "body": doc.body or "organe inconnu",
                "paragraphs": plural(len(doc.paragraphs), "paragraphe", "paragraphes"),
                "states": plural(len(views.document_states(doc.id)), "État", "États"),
            }
        )
    return out


def documents_by_language(views: Views, link: Linker) -> list[dict[str, Any]]:
    """The documents list's facet: the documents grouped by their language (French first, then
    by number of documents), each group with its count; a document whose language is not read
    is listed under "langue non lue", never guessed."""
    groups: dict[str | None, list[dict[str, Any]]] = {}
    for doc, item in zip(views.corpus.documents, documents_list(views, link)):
        groups.setdefault(doc.language, []).append(item)
    order = sorted(groups, key=lambda lang: (lang != "fr", lang is None, -len(groups[lang]), lang or ""))
    return [
        {
            "id": f"langue-{lang or 'inconnue'}",
            "label": f"en {language_name(lang)}" if lang else "langue non lue",
            "count": len(groups[lang]),
            "documents": groups[lang],
        }
        for lang in order
    ]


def documents_page(views: Views, link: Linker, figures: FigureSettings) -> dict[str, Any]:
    """The documents page: the timeline of every document, then the documents by language."""
    return {
        "languages": documents_by_language(views, link),
        "timeline": timeline_view(views.corpus.documents, figures.timeline, "chronologie") if views.corpus.documents else None,
    }


def states_page(views: Views, link: Linker, geometry: Geometry | None, figures: FigureSettings,
                roles: int) -> dict[str, Any]:  # fmt: skip
    """The states page: the world map (when there is geometry: an archive without states has
    none), then the table of states, its text equivalent, naming ``roles`` documents per state
    (a state of a large archive is in thousands: its own page lists them)."""
    return {
        "states": states_list(views, link, roles),
        "map": map_view(views, geometry, figures.map, link) if geometry is not None else None,
    }


def roles_by_role(state_id: str, views: Views, link: Linker) -> list[dict[str, Any]]:
    """A state's documents grouped by its role in them (roles in ``model.ROLES`` order,
    documents in corpus order): the role said once per group, not once per document (a state of
    a large archive is named in thousands of them)."""
    grouped: dict[str, list[dict[str, str]]] = {}
    for r in views.state_roles[state_id]:
        doc = {"document": views.documents[r.document].cite_symbol, "href": link(urls.document_url(r.document))}
        grouped.setdefault(r.role, []).append(doc)
    order = {role: i for i, role in enumerate(ROLES)}
    return [
        {
            "role": role,
            "label": (label := role_label(role))[:1].upper() + label[1:],
            "count": plural(len(docs), "document", "documents"),
            "documents": docs,
        }
        for role, docs in sorted(grouped.items(), key=lambda item: (order.get(item[0], len(ROLES)), item[0]))
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


def states_list(views: Views, link: Linker, roles: int | None = None) -> list[dict[str, Any]]:
    """Every state with its counts and its role in each document (the first ``roles`` documents,
    and how many more, when ``roles`` is given)."""
    return [
        {
            "name": s.name,
            "iso3": s.iso3,
            "href": link(urls.state_url(s.id)),
            "roles": (grouped := roles_by_document(s.id, views, link))[:roles],
            "more_roles": len(grouped) - roles if roles is not None and len(grouped) > roles else 0,
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
                "states": len(views.topic_states(t.id)),
            }
        )
    return out


def home_view(views: Views, link: Linker, limit: int) -> dict[str, Any]:
    """The home page: the first ``limit`` documents, the states that say most and the topics
    most addressed, each list ending with a link to the whole list (a large archive's home page
    stays one screen of choices, not a directory)."""
    documents = documents_list(views, link)
    states = sorted(states_list(views, link), key=lambda s: (-s["paragraphs"], -s["mentions"]))
    topics = sorted(topics_list(views, link), key=lambda t: -t["count"])
    return {
        "documents": documents[:limit],
        "states": states[:limit],
        "topics": topics[:limit],
        "counts": {"documents": len(documents), "states": len(states), "topics": len(topics)},
        "documents_href": link(urls.DOCUMENTS),
        "states_href": link(urls.STATES),
        "topics_href": link(urls.TOPICS),
        "matrix_href": link(urls.MATRIX),
        # The map stays on the states page (60 KB of SVG would double the home page): a link to it.
        "map_href": link(urls.anchor_url(urls.STATES, "carte")) if states else None,
    }
