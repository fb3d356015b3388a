"""What the search page shows and filters on, cut so that the first results need little of it:
pages of paragraphs by ref, one facet table, the facet labels (short keys; docs/search-index.md)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from .. import urls
from ..views import Views
from .index import Record, language, state_words

#: Paragraphs per store page: a result shown costs the download of its page, so pages are
#: small (the first 6 results of a query fetch at most 6 of them). 10, not 20: at 2,000
#: documents a page is 3.2 KB gzipped instead of 5.7 KB (median), for 13 % more bytes on disk.
PAGE_SIZE = 10


def _indexes(views: Views) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    states = {s.id: i for i, s in enumerate(views.states_sorted)}
    topics = {t.id: i for i, t in enumerate(views.corpus.topics)}
    documents = {d.id: i for i, d in enumerate(views.corpus.documents)}
    return states, topics, documents


def labels(views: Views) -> dict[str, Any]:
    """The state and topic facets' ids and names (facet order = this order); for saying why a
    paragraph matched, each state's indexed words (``ew``: the names that find it, in the
    fields ``etat`` and ``mention``) and each topic's English label (``te``)."""
    return {
        "e": [[s.id, s.name] for s in views.states_sorted],
        "t": [[t.id, t.label] for t in views.corpus.topics],
        "ew": [state_words(s) for s in views.states_sorted],
        "te": [t.label_en for t in views.corpus.topics],
    }


def languages(views: Views, records: Iterable[Record]) -> list[list[Any]]:
    """The paragraphs not in French, as runs of consecutive refs: ``[first ref, end ref,
    language]`` (``"en"``, or ``None``: a document whose language is not known, analysed both
    ways). A few numbers per run, not per document: ``meta.json`` (in the search bundle) says
    each result's language before any store page is loaded -- for the ranking across
    languages, the highlighting, the phrase check and the language facet."""
    runs: list[list[Any]] = []
    for ref, record in enumerate(records):
        lang = language(views.documents[record.paragraph.document])
        if lang == "fr":
            continue
        if runs and runs[-1][1] == ref and runs[-1][2] == lang:
            runs[-1][1] = ref + 1
        else:
            runs.append([ref, ref + 1, lang])
    return runs


def store_pages(views: Views, records: Iterable[Record]) -> Iterator[dict[str, Any]]:
    """Pages of ``PAGE_SIZE`` paragraphs by ref: what a result shows (id, citation, text,
    speaking states, other states named, topics) and the documents they belong to; one at a
    time (at 400,000 paragraphs, all of them are the corpus's text again)."""
    states, topic_index, documents = _indexes(views)
    records = iter(records)
    while page := list(itertools.islice(records, PAGE_SIZE)):
        items = []
        docs: dict[str, list[str]] = {}
        for record in page:
            p = record.paragraph
            doc = views.documents[p.document]
            number = documents[doc.id]
            docs[str(number)] = [doc.id, doc.cite_symbol, urls.document_url(doc.id)]
            item: dict[str, Any] = {"i": p.id, "d": number, "c": views.citation(p), "x": p.text}
            if record.speakers:
                item["s"] = [states[s] for s in record.speakers]
            mentions = [states[s] for s in record.mentions if s not in record.speakers]
            if mentions:
                item["m"] = mentions
            topics = [ti for ti in (topic_index.get(t) for t in dict.fromkeys(p.topics)) if ti is not None]
            if topics:
                item["t"] = topics
            items.append(item)
        yield {"p": items, "d": docs}


def _deltas(refs: list[int]) -> list[int]:
    out, previous = [], 0
    for ref in refs:
        out.append(ref - previous)
        previous = ref
    return out


def facet_table(views: Views, records: Iterable[Record]) -> dict[str, Any]:
    """For filtering and counting: each document (id, symbol, URL, first ref: a document's
    paragraphs are consecutive refs), and for each state (speaking or named) and topic the
    refs of its paragraphs, as ascending deltas."""
    states, topics, _ = _indexes(views)
    by_state: list[list[int]] = [[] for _ in states]
    by_topic: list[list[int]] = [[] for _ in topics]
    first: dict[str, int] = {}
    for ref, record in enumerate(records):
        p = record.paragraph
        first.setdefault(p.document, ref)
        for s in dict.fromkeys((*record.speakers, *record.mentions)):
            by_state[states[s]].append(ref)
        for t in dict.fromkeys(p.topics):
            if t in topics:
                by_topic[topics[t]].append(ref)
    docs: list[list[Any]] = []
    following = len(views.paragraphs)  # a document without paragraphs: an empty range before the next
    for d in reversed(views.corpus.documents):
        following = first.get(d.id, following)
        docs.append([d.id, d.cite_symbol, urls.document_url(d.id), following])
    docs.reverse()
    return {"d": docs, "e": [_deltas(r) for r in by_state], "t": [_deltas(r) for r in by_topic]}


#: The facets a reader may set before any result is shown (URL parameters ``etat``, ``theme``)
#: and the key of their lists in ``facet_table``.
FILTERS = (("etat", "e"), ("theme", "t"))


def filter_lists(views: Views, table: dict[str, Any]) -> dict[tuple[str, str], list[int]]:
    """Each state's and topic's paragraphs (refs as ascending deltas, as in ``facet_table``),
    by (URL parameter, id): one small file each, so that a search with a filter set fetches the
    refs of that one value, not the whole facet table, before its first results (the table
    follows, for the counts)."""
    ids = {"e": [s.id for s in views.states_sorted], "t": [t.id for t in views.corpus.topics]}
    return {(param, value): table[key][i] for param, key in FILTERS for i, value in enumerate(ids[key])}
