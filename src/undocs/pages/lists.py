"""Lists shared by the home page and the index pages: documents, states with roles, topics."""

from __future__ import annotations

from typing import Any

from .. import urls
from ..views import Views, doc_title, french_date, iso, role_label, symbol_note
from .common import Linker, plural


def documents_list(views: Views, link: Linker) -> list[dict[str, Any]]:
    out = []
    for doc in views.corpus.documents:
        out.append(
            {
                "href": link(urls.document_url(doc.id)),
                "symbol": doc.symbol,
                "cite_symbol": doc.cite_symbol,
                "symbol_note": symbol_note(doc),
                "title": doc_title(doc),
                "date": french_date(doc.date) or "date inconnue",
                "datetime": iso(doc.date),
                "body": doc.body or "organe inconnu",
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
                "states": len(views.topic_states(t.id)),
            }
        )
    return out
