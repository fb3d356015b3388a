"""The display store: what the search page shows and filters on, with short keys."""

from __future__ import annotations

from typing import Any

from .. import analysis, urls
from ..views import Views
from .index import SEARCH_FORMAT, Record, vocabulary


def display_store(views: Views, records: list[Record]) -> dict[str, Any]:
    """What ``search.js`` shows and filters on (short keys; see docs/search-index.md)."""
    corpus = views.corpus
    state_ids = [s.id for s in views.states_sorted]
    topic_ids = [t.id for t in corpus.topics]
    doc_ids = [d.id for d in corpus.documents]
    s_index = {s: i for i, s in enumerate(state_ids)}
    t_index = {t: i for i, t in enumerate(topic_ids)}
    d_index = {d: i for i, d in enumerate(doc_ids)}
    paragraphs = []
    for record in records:
        p = record.paragraph
        item: dict[str, Any] = {
            "i": p.id,
            "d": d_index[p.document],
            "c": views.citation(p),
            "x": p.text,
        }
        if record.speakers:
            item["s"] = [s_index[s] for s in record.speakers]
        if record.mentions:
            item["m"] = [s_index[s] for s in record.mentions]
        topics = [t_index[t] for t in dict.fromkeys(p.topics) if t in t_index]
        if topics:
            item["t"] = topics
        paragraphs.append(item)
    return {
        "v": SEARCH_FORMAT,
        "a": analysis.ANALYSIS_VERSION,
        "e": [[s.id, s.name] for s in views.states_sorted],
        "t": [[t.id, t.label] for t in corpus.topics],
        "d": [[d.id, d.cite_symbol, urls.document_url(d.id)] for d in corpus.documents],
        "p": paragraphs,
        "w": vocabulary(records),
    }
