"""A topic's page: its description, UNBIS concept and paragraphs by document and speaker."""

from __future__ import annotations

from typing import Any

from urllib.parse import urlencode

from .. import urls
from ..model import Paragraph
from ..settings import ListLimits
from ..views import Views
from .common import Linker, full_text_then_links, topic_links


def unbis_href(unbis: str) -> str:
    return unbis if "://" in unbis else f"http://metadata.un.org/thesaurus/{unbis}"


def topic_view(topic_id: str, views: Views, link: Linker, limits: ListLimits = ListLimits()) -> dict[str, Any]:
    topic = views.topics[topic_id]
    by_doc: dict[str, dict[str, list[Paragraph]]] = {}
    for p in views.topic_paragraphs[topic_id]:
        by_doc.setdefault(p.document, {}).setdefault(views.group_key(p), []).append(p)
    documents, more_documents = full_text_then_links(by_doc, views, link, limits.full_text, but=topic_id)
    summaries = [p for d in documents for g in d["groups"] for p in g["paragraphs"]]
    return {
        "label": topic.label,
        "label_en": topic.label_en,
        "description": topic.description,
        "unbis": topic.unbis,
        "unbis_label": topic.unbis_label or topic.unbis,
        "unbis_href": unbis_href(topic.unbis) if topic.unbis else None,
        "count": len(views.topic_paragraphs[topic_id]),
        "documents": documents,
        "more_documents": more_documents,
        "documents_href": link(urls.DOCUMENTS),
        # The other topics of its paragraphs: each paragraph's chips link to them (chips.js).
        "other_topics": topic_links(summaries, views, link),
        "search_href": link(urls.SEARCH) + "?" + urlencode({"theme": topic_id}),
    }
