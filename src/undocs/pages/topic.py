"""A topic's page: its description, UNBIS concept and paragraphs by document and speaker."""

from __future__ import annotations

from typing import Any

from .. import urls
from ..model import Paragraph
from ..views import Views
from .common import Linker, paragraph_summary


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
