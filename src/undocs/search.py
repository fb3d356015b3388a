"""The search: a lunr index of the corpus's paragraphs, built here, queried in the browser.

The build writes three things (format in ``docs/search-index.md``):

* ``assets/search/index.json`` -- the serialised lunr.py index (refs are paragraph ordinals);
* ``assets/search/docs.json``  -- the display store: paragraphs (id, citation, text, states,
  topics, document), the labels of states, topics and documents (for facets), and the
  vocabulary (the corpus's distinct words, for prefix completion and "Vouliez-vous dire");
* ``recherche/index.html``     -- the search page (``templates/search.html``), which loads
  ``assets/js/search.js``.

Queries are answered by ``static/js/search.js``. :class:`Searcher` is the same query logic in
Python (same analysis, same expansion, same filtering and ranking): the tests run the reader
queries of ``tests/search_cases.yaml`` through it, and through the browser, and demand the same.

The query logic, in both languages:

1. The text is read with lunr's query syntax when it uses any (``etat:russie``, ``nucl*``,
   ``desarmement~1``, ``+otan -nucleaire``, ``^2``); a query lunr cannot parse (``etat:``,
   ``~``, an unclosed ``"``) falls back to plain words. Plain words: every token of the French
   analysis is a *group*, and every group must match (AND). Stop words are dropped.
2. Each group expands to index terms: the analysed term; ``*`` -> every term with that (folded,
   stemmed) prefix; ``~n`` -> lunr's edit distance. The last group -- the word being typed, when
   the text does not end with a space -- also matches as a prefix (terms starting with it, and
   the stems of the vocabulary's words starting with it), so results do not vanish mid-word.
3. One lunr query scores the expanded terms (exact term boost 1, completions 0.5); results
   that miss a required group, or contain a prohibited one, are dropped; ties go to corpus order.
4. Nothing found: each unknown word is replaced by the nearest vocabulary word (edit distance
   1, or 2 for words of 8+ letters) and the query is retried (:meth:`Searcher.suggest`).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from . import analysis, urls
from .model import Corpus, Paragraph, State, Topic
from .views import Views, build_views

__all__ = [
    "DOCS_PATH",
    "FIELDS",
    "FIELD_ALIASES",
    "INDEX_PATH",
    "SEARCH_FORMAT",
    "Hit",
    "Searcher",
    "build_index",
    "index_records",
    "search_files",
    "search_page",
]

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

#: Field names a reader may type before ``:`` (folded), -> the indexed field.
FIELD_ALIASES: dict[str, str] = {
    **{name: name for name, _ in FIELDS},
    "text": "texte", "state": "etat", "etats": "etat", "pays": "etat", "topic": "theme",
    "themes": "theme", "sujet": "theme", "document": "doc", "symbole": "doc", "cote": "doc",
    "part": "partie",
}  # fmt: skip

#: Boost of a term reached by completion (prefix of the word being typed), relative to 1.
COMPLETION_BOOST = 0.5
#: At most this many index terms for one prefix.
MAX_EXPANSION = 200


# --------------------------------------------------------------------------------------------
# Records and the index


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


def speakers_of(p: Paragraph, views: Views) -> tuple[str, ...]:
    """The states speaking in a paragraph: its own state, else the part's (signatories)."""
    if p.state:
        return (p.state,)
    return tuple(dict.fromkeys(s.state for s in views.part(p).statements if s.state in views.states))


def index_records(views: Views) -> list[Record]:
    """Every paragraph of the corpus, in corpus order, with its field texts."""
    records = []
    for i, p in enumerate(views.paragraphs):
        doc = views.documents[p.document]
        speakers = speakers_of(p, views)
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


# --------------------------------------------------------------------------------------------
# The site files


def _compact(data: Any) -> bytes:
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


def search_page(views: Views, settings: Any, templates_dir: Path) -> bytes:
    """``recherche/index.html``, rendered with the site's Jinja environment and common context."""
    from . import render

    env = render.make_environment(templates_dir)
    ctx = render.common_context(urls.SEARCH, "Recherche", urls.SEARCH, (("Accueil", urls.HOME),), settings)
    link = render.Linker(urls.SEARCH, settings)
    ctx["search"] = {
        "index_href": f"{ctx['root']}{INDEX_PATH}",
        "docs_href": f"{ctx['root']}{DOCS_PATH}",
        "analysis_href": f"{ctx['root']}{analysis.ANALYSIS_JSON_PATH}",
        "stemmer_href": f"{ctx['root']}assets/vendor/orama-stemmers/fr.js",
        "lunr_href": f"{ctx['root']}assets/vendor/lunr/lunr.min.js",
        "self_href": link(urls.SEARCH),
        "states_href": link(urls.STATES),
        "topics_href": link(urls.TOPICS),
        "documents_href": link(urls.DOCUMENTS),
        "states": [{"label": s.name, "href": link(urls.state_url(s.id))} for s in views.states_sorted],
        "topics": [{"label": t.label, "href": link(urls.topic_url(t.id))} for t in views.corpus.topics],
    }
    return env.get_template("search.html").render(ctx).encode("utf-8")


def search_files(corpus: Corpus, settings: Any = None, templates_dir: Path | None = None,
                 views: Views | None = None) -> dict[str, bytes]:  # fmt: skip
    """The search's site files: index, display store, analysis data and (given settings and
    templates) the search page."""
    views = views or build_views(corpus)
    records = index_records(views)
    index, stats = build_index(records)
    files = {
        INDEX_PATH: _compact(compact_index(index, stats)),
        DOCS_PATH: _compact(display_store(views, records)),
        analysis.ANALYSIS_JSON_PATH: analysis.analysis_json(),
    }
    if settings is not None and templates_dir is not None:
        files[urls.page_path(urls.SEARCH)] = search_page(views, settings, templates_dir)
    return files


# --------------------------------------------------------------------------------------------
# The query logic (the twin of static/js/search.js)


@dataclass
class Group:
    """One word of the query: the index terms that satisfy it, in which fields."""

    exact: list[str] = field(default_factory=list)
    completions: list[str] = field(default_factory=list)
    fields: tuple[str, ...] = ()
    presence: str = "required"  # required | optional | prohibited
    boost: float = 1.0


@dataclass(frozen=True)
class Hit:
    ref: str
    id: str
    score: float
    terms: tuple[str, ...]


def levenshtein(a: str, b: str, limit: int) -> int:
    """Edit distance (insert, delete, substitute), or ``limit + 1`` once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


class Searcher:
    """Answers queries as ``search.js`` does, from the files the build writes."""

    def __init__(self, index_json: dict[str, Any] | bytes, store: dict[str, Any] | bytes):
        from lunr.index import Index

        analysis.register()
        if isinstance(index_json, bytes):
            index_json = json.loads(index_json)
        if isinstance(store, bytes):
            store = json.loads(store)
        if "i" in index_json:  # the compact form the build writes
            index_json = expand_index(index_json)
        self.index = Index.load(index_json)
        self.store = store
        self.fields = tuple(name for name, _ in FIELDS)
        self.terms = sorted(t for t, _ in index_json["invertedIndex"])
        self.df = {t: len({r for f in self.fields for r in posting.get(f, {})}) for t, posting in index_json["invertedIndex"]}
        self._vocab: list[tuple[str, str, str]] | None = None

    @classmethod
    def from_files(cls, files: dict[str, bytes]) -> "Searcher":
        return cls(files[INDEX_PATH], files[DOCS_PATH])

    # -- vocabulary: (surface, folded, term), built on first use
    @property
    def vocab(self) -> list[tuple[str, str, str]]:
        if self._vocab is None:
            out = []
            for word in self.store["w"]:
                t = analysis.term(word)
                if t is not None:
                    out.append((word, analysis.normalize(word), t))
            self._vocab = out
        return self._vocab

    def _prefix_terms(self, prefix: str) -> list[str]:
        import bisect

        out = []
        i = bisect.bisect_left(self.terms, prefix)
        while i < len(self.terms) and self.terms[i].startswith(prefix) and len(out) < MAX_EXPANSION:
            out.append(self.terms[i])
            i += 1
        return out

    def _completions(self, folded: str) -> list[str]:
        """Index terms of the words being typed: terms with that prefix, stems of words with it."""
        if len(folded) < 2:
            return []
        found = dict.fromkeys(self._prefix_terms(folded))
        for _, word_folded, t in self.vocab:
            if word_folded.startswith(folded) and t in self.df:
                found[t] = None
        return list(found)[:MAX_EXPANSION]

    # -- parsing
    def groups(self, text: str) -> list[Group]:
        typing = bool(text) and not text[-1].isspace()
        groups = None
        if any(c in text for c in ":*~^+") or any(w.startswith("-") for w in text.split()):
            groups = self._lunr_groups(text)
        if groups is None:
            groups = [Group(exact=[t]) for t in dict.fromkeys(analysis.analyze(text))]
            last = analysis.tokens(text)[-1:] if typing else []
            if last:
                self._complete_last(groups, last[0].surface)
        for g in groups:
            if not g.fields:
                g.fields = self.fields
        return [g for g in groups if g.exact or g.completions or g.presence != "required"]

    def _complete_last(self, groups: list[Group], surface: str) -> None:
        folded = analysis.normalize(surface)
        term = analysis.term(surface)
        completions = [t for t in self._completions(folded) if t != term]
        if not completions:
            return
        if groups and term is not None and groups[-1].exact == [term]:
            groups[-1].completions = completions
        elif term is None:  # a stop word so far ("de" on the way to "désarmement")
            groups.append(Group(completions=completions))

    def _lunr_groups(self, text: str) -> list[Group] | None:
        from lunr.exceptions import QueryParseError
        from lunr.query import Query, QueryPresence
        from lunr.query_parser import QueryParser

        query = Query(list(FIELD_ALIASES))
        try:
            QueryParser(text, query).parse()
        except (QueryParseError, Exception):  # noqa: BLE001 -- any parse failure -> plain words
            return None
        typing = bool(text) and not text[-1].isspace()
        groups: list[Group] = []
        for n, clause in enumerate(query.clauses):
            fields = tuple(dict.fromkeys(FIELD_ALIASES[f] for f in clause.fields))
            if set(fields) == set(self.fields):
                fields = self.fields
            presence = {QueryPresence.REQUIRED: "required", QueryPresence.PROHIBITED: "prohibited"}.get(clause.presence, "default")
            boost = float(clause.boost or 1)
            raw = clause.term
            if "*" in raw:
                core = raw.strip("*")
                folded = analysis.normalize(core)
                if not folded:
                    continue
                if raw.endswith("*") and not raw.startswith("*") and "*" not in core:
                    stemmed = analysis.stem(folded)
                    terms = list(dict.fromkeys(self._prefix_terms(folded) + self._prefix_terms(stemmed) + self._completions(folded)))
                else:
                    terms = self._wildcard_terms(raw)
                groups.append(Group(exact=terms, fields=fields, presence=presence, boost=boost))
                continue
            analysed = analysis.analyze(raw)
            for k, t in enumerate(analysed):
                if clause.edit_distance:
                    terms = self._fuzzy_terms(t, clause.edit_distance)
                else:
                    terms = [t]
                groups.append(Group(exact=terms, fields=fields, presence=presence, boost=boost))
            if typing and n == len(query.clauses) - 1 and not clause.edit_distance and analysed and presence != "prohibited":
                last = analysis.tokens(raw)[-1]
                completions = [t for t in self._completions(analysis.normalize(last.surface)) if t not in groups[-1].exact]
                groups[-1].completions = completions
        if any(g.presence == "required" for g in groups):
            for g in groups:
                if g.presence == "default":
                    g.presence = "optional"
        else:
            for g in groups:
                if g.presence == "default":
                    g.presence = "required"
        return groups

    def _wildcard_terms(self, raw: str) -> list[str]:
        from lunr.token_set import TokenSet

        pattern = "*".join(analysis.normalize(part) for part in raw.split("*"))
        return self.index.token_set.intersect(TokenSet.from_string(pattern)).to_list()[:MAX_EXPANSION]

    def _fuzzy_terms(self, term: str, distance: int) -> list[str]:
        from lunr.token_set import TokenSet

        return self.index.token_set.intersect(TokenSet.from_fuzzy_string(term, distance)).to_list()[:MAX_EXPANSION]

    # -- running
    def search(self, text: str) -> list[Hit]:
        return self.run(self.groups(text))

    def run(self, groups: list[Group]) -> list[Hit]:
        from lunr.query import QueryPresence

        positive = [g for g in groups if g.presence != "prohibited"]
        if not positive:
            return []
        query = self.index.create_query()
        for g in groups:
            presence = QueryPresence.PROHIBITED if g.presence == "prohibited" else QueryPresence.OPTIONAL
            for t in g.exact:
                if t in self.df:
                    query.clause(t, fields=list(g.fields), boost=g.boost, use_pipeline=False, presence=presence)
            for t in g.completions:
                if t in self.df:
                    boost = g.boost * (COMPLETION_BOOST if g.presence != "prohibited" else 1)
                    query.clause(t, fields=list(g.fields), boost=boost, use_pipeline=False, presence=presence)
        if not query.clauses:
            return []
        hits = []
        for result in self.index.query(query):
            metadata = result["match_data"].metadata
            matched = {t for t, by_field in metadata.items() for f in by_field}

            def satisfies(g: Group) -> bool:
                return any(t in metadata and any(f in metadata[t] for f in g.fields) for t in (*g.exact, *g.completions))

            if all(satisfies(g) for g in positive if g.presence == "required"):
                ref = result["ref"]
                hits.append(Hit(ref, self.store["p"][int(ref)]["i"], round(result["score"], 6), tuple(sorted(matched))))
        hits.sort(key=lambda h: (-h.score, int(h.ref)))
        return hits

    def suggest(self, text: str) -> str | None:
        """A corrected query: each plain word unknown to the index replaced by its nearest word."""
        changed = False
        out = []
        for token in analysis.tokens(text):
            t = analysis.term(token.surface)
            word = token.surface
            if t is not None and t not in self.df:
                best = self.nearest(analysis.normalize(word))
                if best is not None:
                    word, changed = best, True
            out.append(word)
        return " ".join(out) if changed else None

    def nearest(self, folded: str) -> str | None:
        limit = 2 if len(folded) >= 8 else 1 if len(folded) >= 4 else 0
        if limit == 0:
            return None
        best: tuple[int, int, str] | None = None
        for surface, word_folded, t in self.vocab:
            d = levenshtein(folded, word_folded, limit)
            if d <= limit:
                key = (d, -self.df.get(t, 0), surface)
                if best is None or key < best:
                    best = key
        return best[2] if best else None

    def answer(self, text: str) -> tuple[list[Hit], str | None]:
        """What the page shows: the hits, or, when there are none, those of the suggestion."""
        hits = self.search(text)
        if hits:
            return hits, None
        suggestion = self.suggest(text)
        if suggestion is None:
            return [], None
        return self.search(suggestion), suggestion
