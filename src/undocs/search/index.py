"""The search index: one record per paragraph with its fields, indexed by lunr.py with the
French analysis, and written in the compact form of ``docs/search-index.md``."""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable

from .. import analysis
from ..model import Paragraph, State, Topic
from ..views import Views

INDEX_PATH = "assets/search/index.json"
DOCS_PATH = "assets/search/docs.json"

#: Version of the files' format (``docs/search-index.md``); ``search.js`` checks it.
SEARCH_FORMAT = 1

#: Indexed fields and their boosts: a state or topic match outranks a passing mention.
FIELDS: tuple[tuple[str, float], ...] = (
    ("texte", 1.0),  # the paragraph's text
    ("etat", 6.0),  # the state(s) speaking: names, English name, ISO code, every form of data/states.yaml
    ("mention", 2.0),  # the states named in the paragraph, likewise (aliases: "Kirghizistan" for "kirghize")
    ("theme", 4.0),  # the topics: French and English labels, acronyms
    ("doc", 2.0),  # the document's symbols
    ("partie", 1.0),  # the part's title ("Déclaration conjointe ...")
)


@dataclass(frozen=True)
class Record:
    """One paragraph as indexed (``ref``: its ordinal) and as shown in results."""

    ref: str
    paragraph: Paragraph
    fields: dict[str, str]
    speakers: tuple[str, ...]
    mentions: tuple[str, ...]


def _dedupe_by_term(words: Iterable[str]) -> str:
    """The words, one per distinct index term (a field's length is its number of terms)."""
    seen: set[tuple[str, ...]] = set()
    out: list[str] = []
    for word in words:
        terms = tuple(analysis.analyze(word))
        if terms and terms not in seen:
            seen.add(terms)
            out.append(word)
    return " ".join(out)


def _state_words(state: State) -> list[str]:
    return [state.name, state.name_en, state.iso3, *state.forms]


def _topic_words(topic: Topic) -> list[str]:
    return [topic.label, topic.label_en]


def index_records(views: Views) -> list[Record]:
    """Every paragraph of the corpus, in corpus order, with its field texts."""
    records = []
    for i, p in enumerate(views.paragraphs):
        doc = views.documents[p.document]
        speakers = views.speakers(p)
        mentions = tuple(m for m in dict.fromkeys(p.mentions) if m in views.states)
        fields = {
            "texte": p.text,
            "etat": _dedupe_by_term(w for s in speakers for w in _state_words(views.states[s])),
            "mention": _dedupe_by_term(w for s in mentions for w in _state_words(views.states[s])),
            "theme": _dedupe_by_term(w for t in p.topics if t in views.topics for w in _topic_words(views.topics[t])),
            "doc": " ".join(dict.fromkeys((doc.cite_symbol, *(s for s in (doc.symbol,) if s), *doc.other_symbols))),
            "partie": views.part(p).title or "",
        }
        records.append(Record(str(i), p, fields, speakers, mentions))
    return records


def build_index(records: list[Record]) -> tuple[Any, dict[str, Any]]:
    """The lunr.py index of the records (French analysis, field boosts, no metadata), and the
    builder's statistics that :func:`compact_index` needs."""
    builder = analysis.make_builder(
        ref="ref", fields=[{"field_name": name, "boost": boost} for name, boost in FIELDS]
    )
    for record in records:
        builder.add({"ref": record.ref, **record.fields})
    index = builder.build()
    stats = {
        "field_term_frequencies": {k: dict(v) for k, v in builder.field_term_frequencies.items()},
        "field_lengths": dict(builder.field_lengths),
        "document_count": builder.document_count,
        "k1": builder._k1,
        "b": builder._b,
    }
    return index, stats


def vocabulary(records: list[Record]) -> list[str]:
    """The corpus's distinct words, lower case, one per folded form (its most frequent spelling)."""
    counts: Counter[str] = Counter()
    for record in records:
        for text in record.fields.values():
            for token in analysis.tokens(text):
                word = token.surface.lower().replace("\u2019", "'")
                if analysis.term(word) is not None and not word.isdigit():
                    counts[word] += 1
    best: dict[str, tuple[int, str]] = {}
    for word, n in counts.items():
        folded = analysis.normalize(word)
        if folded not in best or (n, word) > best[folded]:
            best[folded] = (n, word)
    return sorted(w for _, w in best.values())


def dump(data: Any) -> bytes:
    """Compact JSON (no spaces, UTF-8): these files are downloaded by every search."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def compact_index(index: Any, builder_stats: dict[str, Any]) -> dict[str, Any]:
    """The lunr.py index in the compact form of ``docs/search-index.md``.

    Terms (sorted) with, per field, their postings as ref deltas (``[delta, tf]`` when the term
    occurs more than once), and each field's lengths per ref: everything lunr's ``Builder``
    scores with. :func:`expand_index` rebuilds lunr's serialisation from it with lunr's own BM25
    formula, so ``lunr.Index.load`` takes it; ``buildIndex`` in ``search.js`` builds the same
    ``lunr.Index`` directly.
    """
    fields = [name for name, _ in FIELDS]
    tf: dict[str, dict[str, int]] = builder_stats["field_term_frequencies"]
    rows = []
    for term in sorted(index.inverted_index):
        posting = index.inverted_index[term]
        row: list[Any] = [term]
        for name in fields:
            refs = sorted(int(r) for r in posting[name])
            out: list[Any] = []
            previous = 0
            for ref in refs:
                n = tf[f"{name}/{ref}"][term]
                out.append(ref - previous if n == 1 else [ref - previous, n])
                previous = ref
            row.append(out)
        while row and row[-1] == []:
            row.pop()
        rows.append(row)
    count = builder_stats["document_count"]
    lengths = [[builder_stats["field_lengths"][f"{name}/{ref}"] for ref in range(count)] for name in fields]
    return {
        "v": SEARCH_FORMAT,
        "a": analysis.ANALYSIS_VERSION,
        "pipeline": list(analysis.LABELS),
        "k1": builder_stats["k1"],
        "b": builder_stats["b"],
        "n": count,
        "f": [[name, boost] for name, boost in FIELDS],
        "l": lengths,
        "i": rows,
    }


def _idf(df: int, n: int) -> float:
    return math.log(1 + abs((n - df + 0.5) / (df + 0.5)))


def expand_index(compact: dict[str, Any]) -> dict[str, Any]:
    """lunr's index serialisation from :func:`compact_index` (what ``buildIndex`` in search.js
    builds, without the serialisation)."""
    fields = [name for name, _ in compact["f"]]
    boosts = {name: boost for name, boost in compact["f"]}
    n, k1, b = compact["n"], compact["k1"], compact["b"]
    lengths = {name: compact["l"][k] for k, name in enumerate(fields)}
    average = {name: sum(lengths[name]) / n for name in fields}
    inverted = []
    vectors: dict[str, list[float]] = {f"{name}/{ref}": [] for ref in range(n) for name in fields}
    for term_index, row in enumerate(compact["i"]):
        term, postings = row[0], row[1:]
        posting: dict[str, Any] = {}
        entries: list[tuple[str, int, int]] = []
        for k, name in enumerate(fields):
            refs: dict[str, dict[str, Any]] = {}
            ref = 0
            for item in postings[k] if k < len(postings) else []:
                delta, tf = (item, 1) if isinstance(item, int) else item
                ref += delta
                refs[str(ref)] = {}
                entries.append((name, ref, tf))
            posting[name] = refs
        posting["_index"] = term_index
        inverted.append([term, posting])
        idf = _idf(len(entries), n)
        for name, ref, tf in entries:
            length = lengths[name][ref]
            score = idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * (length / average[name])) + tf)
            score *= boosts[name]
            vectors[f"{name}/{ref}"] += [term_index, math.floor(score * 1000 + 0.5) / 1000]
    return {
        "version": "2.3.9",
        "fields": fields,
        "fieldVectors": [[ref, vector] for ref, vector in vectors.items()],
        "invertedIndex": inverted,
        "pipeline": compact["pipeline"],
    }
