"""A state's page: its roles, statements, paragraphs by document, topics, where it is named."""

from __future__ import annotations

from typing import Any

from urllib.parse import urlencode

from .. import urls
from ..figures.config import TimelineSettings
from ..figures.timeline import timeline_view
from ..model import Paragraph
from ..settings import ListLimits
from ..views import Views, french_date, iso, language_name, pkey, role_label
from .common import Linker, full_text_then_links, keep_together, paragraph_summary, topic_links
from .lists import roles_by_role


def paragraph_short(p: Paragraph, views: Views) -> str:
    """``A/67/131 § 3``: a paragraph named in a list of links (the citation says the rest)."""
    return keep_together(f"{views.documents[p.document].cite_symbol}\u00a0{p.label}")


def state_view(state_id: str, views: Views, link: Linker, limits: ListLimits = ListLimits(),
               timeline: TimelineSettings = TimelineSettings()) -> dict[str, Any]:  # fmt: skip
    state = views.states[state_id]
    # The documents it has a role in (speaking or named), in corpus order: its timeline, when
    # there are enough of them for bars to say more than the list of roles.
    doc_ids = set(r.document for r in views.state_roles[state_id])
    its_documents = [d for d in views.corpus.documents if d.id in doc_ids]
    search = link(urls.SEARCH)
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
    by_doc: dict[str, list[Paragraph]] = {}
    for p in views.state_paragraphs[state_id]:
        by_doc.setdefault(p.document, []).append(p)
    documents, more_documents = full_text_then_links(by_doc, views, link, limits.full_text)
    # Each paragraph once on the page, whole: the topics point at it instead of repeating it.
    shown = {pkey(p["paragraph"]) for d in documents for g in d["groups"] for p in g["paragraphs"]}
    mentions = []
    others = [p for p in views.state_mentions[state_id] if pkey(p) not in shown]
    for p in others[: limits.mentions]:
        item = paragraph_summary(p, views, link)
        item["speaker"] = views.states[p.state].name if p.state in views.states else None
        mentions.append(item)
    shown |= {pkey(p) for p in others[: limits.mentions]}
    topics = []
    for topic, count in views.state_topics(state_id):
        paras = views.state_topic_paragraphs[(state_id, topic.id)]
        on_page = [p for p in paras if pkey(p) in shown]
        topics.append(
            {
                "id": topic.id,
                "anchor": f"theme-{topic.id}",
                "label": topic.label,
                "count": count,
                "topic_href": link(urls.topic_url(topic.id)),
                "paragraphs": [
                    {"href": f"#{p.id}", "label": paragraph_short(p, views)}
                    for p in on_page[: limits.per_topic]
                ],
                "more": max(0, len(paras) - min(len(on_page), limits.per_topic)),
                "search_href": search + "?" + urlencode({"etat": state_id, "theme": topic.id}),
            }
        )
    return {
        "name": state.name,
        "name_en": state.name_en,
        "iso3": state.iso3,
        "roles": roles_by_role(state_id, views, link),
        "statements": statements,
        "topics": topics,
        "documents": documents,
        "more_documents": more_documents,
        "documents_href": link(urls.DOCUMENTS),
        "mentions": mentions,
        # The topics of the mentions, which the topic index (the state's own paragraphs) may lack.
        "mention_topics": topic_links(mentions, views, link),
        "more_mentions": max(0, len(others) - limits.mentions),
        "search_href": search + "?" + urlencode({"etat": state_id}),
        "timeline": timeline_view(its_documents, timeline, "chronologie")
        if len(its_documents) >= timeline.state_min_documents else None,
        "paragraph_count": len(views.state_paragraphs[state_id]),
        "mention_count": len(views.state_mentions[state_id]),
    }
