"""The search index: one record per paragraph with its fields, each analysed in its language
(``undocs.analysis``: French, English, or both when the document's language is unknown), and
written in the compact form of ``docs/search-index.md``."""

from __future__ import annotations

import functools
import json
import math
from array import array
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from .. import analysis
from ..acronyms import Acronym, ExpansionFinder
from ..model import Document, Paragraph, State, Topic
from ..views import Views

#: Version of the files' format (``docs/search-index.md``); ``search.js`` checks it.
SEARCH_FORMAT = 2

#: Posting weights are stored as ``value × WEIGHT_SCALE``: lunr rounds values to 3 decimals.
WEIGHT_SCALE = 1000

#: Indexed fields and their boosts: a state or topic match outranks a passing mention.
FIELDS: tuple[tuple[str, float], ...] = (
    ("texte", 1.0),  # the paragraph's text
    ("etat", 6.0),  # the state(s) speaking: names, English name, ISO code, every form of data/states.yaml
    ("mention", 2.0),  # the states named in the paragraph, likewise (aliases: "Kirghizistan" for "kirghize")
    ("theme", 4.0),  # the topics: French and English labels, acronyms
    ("doc", 2.0),  # the document's symbols
    ("partie", 1.0),  # the part's title ("Déclaration conjointe ...")
    ("sigle", 1.0),  # the acronyms whose expansion the text or the part's title spells out (data/acronyms.yaml)
)


#: A piece of a field's text and the language it is analysed in (``None``: both, unknown).
Run = tuple[str, str | None]


@dataclass(frozen=True, slots=True)
class Record:
    """One paragraph as indexed (``ref``: its ordinal) and as shown in results.

    ``runs``: each field's text as pieces in their language, what the index analyses (empty
    in :func:`shown_records`).
    """

    ref: str
    paragraph: Paragraph
    speakers: tuple[str, ...]
    mentions: tuple[str, ...]
    runs: dict[str, tuple[Run, ...]]

    @property
    def fields(self) -> dict[str, str]:
        """Each field's text, its runs joined by spaces."""
        return {name: _text(runs) for name, runs in self.runs.items()}


def shown_records(views: Views) -> Iterator[Record]:
    """Every paragraph as the results and the filters need it: its paragraph and states, not
    its field texts. Made again for each use rather than kept from the counting (at 400,000
    paragraphs, about 100 MB beside the index being counted)."""
    for i, p in enumerate(views.paragraphs):
        yield Record(str(i), p, *_voices(views, p), {})


def _voices(views: Views, p: Paragraph) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The states speaking in a paragraph and the states it names (known ones, once each)."""
    return views.speakers(p), tuple(m for m in dict.fromkeys(p.mentions) if m in views.states)


def language(doc: Document) -> str | None:
    """The language a document's text is analysed in: its own (``Document.language``) when the
    analysis has it, else ``None``: both analyses (see :func:`analysis.terms`). Not read is
    never guessed: a document whose masthead and sidecar say no language may be either, and a
    guess from its words would be wrong exactly where a reader then fails to find it; analysed
    both ways, it is found by a word of either language, at the cost of a longer field."""
    return doc.language if doc.language in analysis.LANGUAGES else None


def _distinct_runs(runs: Iterable[Run]) -> tuple[Run, ...]:
    """The runs, one per distinct sequence of index terms (a field's length is its number of
    terms: "Norvège" and "Norway" count once each, "Kazakhstan" in French and in English once)."""
    return _distinct(tuple(runs))


@functools.lru_cache(maxsize=4096)
def _distinct(runs: tuple[Run, ...]) -> tuple[Run, ...]:  # the same states and topics recur paragraph after paragraph
    seen: set[tuple[str, ...]] = set()
    out: list[Run] = []
    for word, lang in runs:
        terms = tuple(analysis.analyze(word, lang))
        if terms and terms not in seen:
            seen.add(terms)
            out.append((word, lang))
    return tuple(out)


def _state_words(state: State) -> list[Run]:
    """A state's names in their language: French names and forms (and the ISO code, as
    before) in French, English names and forms in English."""
    french = [state.name, state.iso3, *state.forms]
    english = [state.name_en, *state.forms_en]
    return [(w, "fr") for w in french] + [(w, "en") for w in english]


def state_words(state: State) -> list[str]:
    """The words that find a state in the fields ``etat`` and ``mention``, one per distinct
    index term sequence (what the search page looks for in a result's text)."""
    return [word for word, _ in _distinct(tuple(_state_words(state)))]


def _topic_words(topic: Topic) -> list[Run]:
    return [(topic.label, "fr"), (topic.label_en, "en")]


def _text(runs: tuple[Run, ...]) -> str:
    return " ".join(text for text, _ in runs)


class Records:
    """Makes the records of paragraphs, consecutive in corpus order, with their field texts in
    their languages. One maker serves every call: its acronym finders (each analyses every
    expansion: 1.6 ms, which once per document would be half a minute at 20,000 documents) and
    the acronyms of each part's title are made once.

    ``texte`` and ``partie``: the document's language (:func:`language`); ``etat`` and
    ``mention``: a state's French names in French, its English names in English; ``theme``: a
    topic's French label in French, its English label in English; ``doc`` (symbols) and
    ``sigle`` (acronyms, capitals that are no word of either language; the query side matches
    them in French) in French, as before. The acronyms of ``sigle`` are those whose expansion
    the text spells out, expansions and text analysed in the text's language.
    """

    def __init__(self, views: Views, acronyms: tuple[Acronym, ...] = ()) -> None:
        self._views = views
        self._finders = {lang: ExpansionFinder(acronyms, lang) for lang in analysis.LANGUAGES}
        self._titles: dict[tuple[str, str | None], list[str]] = {}  # a part's title -> its acronyms (one title, many paragraphs)

    def _spelled_out(self, text: str, lang: str | None) -> list[str]:
        found: list[str] = []
        for one in (lang,) if lang is not None else analysis.LANGUAGES:
            found += self._finders[one].acronyms_in(analysis.analyze(text, one))
        return list(dict.fromkeys(found))

    def __call__(self, paragraphs: tuple[Paragraph, ...] | None = None, start: int = 0) -> Iterator[Record]:
        """The records of ``paragraphs`` (default: the whole corpus), the first at ordinal ``start``."""
        views, titles = self._views, self._titles
        for i, p in enumerate(views.paragraphs if paragraphs is None else paragraphs, start):
            doc = views.documents[p.document]
            lang = language(doc)
            speakers, mentions = _voices(views, p)
            title = views.part(p).title or ""
            runs: dict[str, tuple[Run, ...]] = {
                "texte": ((p.text, lang),),
                "etat": _distinct_runs(w for s in speakers for w in _state_words(views.states[s])),
                "mention": _distinct_runs(w for s in mentions for w in _state_words(views.states[s])),
                "theme": _distinct_runs(w for t in p.topics if t in views.topics for w in _topic_words(views.topics[t])),
                "doc": ((" ".join(dict.fromkeys((doc.cite_symbol, *(s for s in (doc.symbol,) if s), *doc.other_symbols))), "fr"),),
                "partie": ((title, lang),),
            }
            if (title, lang) not in titles:
                titles[(title, lang)] = self._spelled_out(title, lang)
            runs["sigle"] = ((" ".join(dict.fromkeys(self._spelled_out(p.text, lang) + titles[(title, lang)])), "fr"),)
            yield Record(str(i), p, speakers, mentions, runs)


def iter_records(views: Views, acronyms: tuple[Acronym, ...] = ()) -> Iterator[Record]:
    """Every paragraph of the corpus, in corpus order, as :class:`Records` makes it."""
    return Records(views, acronyms)()


#: A posting's field is kept in the low bits of its ref (``ref << FIELD_BITS | field``): as
#: many bits as the fields' indexes need (3 for 7 fields).
FIELD_BITS = (len(FIELDS) - 1).bit_length()


@dataclass(frozen=True)
class Counted:
    """The index before its weights: each field's length in terms for each ref, each term's
    postings (ref and field, term frequency, ref and field, tf, … in one array of machine
    integers per term: at 400,000 paragraphs most of the ~400,000 terms occur once, and a list
    of arrays per term cost twice the postings themselves) and every indexed word (lower
    case) with its number of occurrences."""

    n: int
    lengths: list[array]
    postings: dict[str, array]
    words: Counter[str]


def count(records: Iterable[Record]) -> Counted:
    """Each run of each field of each record through the analysis of its language, once, and
    its terms counted at once: a record's terms are never kept (at 400,000 paragraphs, with the
    records themselves, they were most of a build's memory), so ``records`` may be made one at
    a time.

    This is what lunr's pipeline of the run's language (``analysis.LABELS``,
    ``analysis.LABELS_EN``; a run of unknown language: each token's terms in both) makes of the
    text, token by token; done here with the analysis memoised per distinct word, it is the
    same terms at a fraction of the cost (``tests/test_search.py`` checks the index against one
    built through the pipelines). The vocabulary is counted on the way.
    """
    names = [name for name, _ in FIELDS]
    lengths = [array("i") for _ in names]
    postings: dict[str, array] = {}
    words: Counter[str] = Counter()
    n = 0
    for ref, record in enumerate(records):
        for k, name in enumerate(names):
            field: list[str] = []
            for text, lang in record.runs.get(name, ()):
                surfaces = analysis.tokenize(text, lang or "en")
                analysed = [analysis.terms(s, lang) for s in surfaces]
                for found in analysed:
                    field.extend(found)
                words.update(s.lower().replace("\u2019", "'") for s, t in zip(surfaces, analysed) if t)
            lengths[k].append(len(field))
            for term, tf in Counter(field).items():
                found_in = postings.get(term)
                if found_in is None:
                    found_in = postings[term] = array("i")
                found_in.append(ref << FIELD_BITS | k)
                found_in.append(tf)
        n = ref + 1
    return Counted(n, lengths, postings, words)


def merged(parts: Iterable[Counted]) -> Counted:
    """The counts of consecutive runs of records, each counted apart (refs from 0), as
    :func:`count` gives them for all the records at once: each part's refs shifted by the
    records before it, each term's postings still by ascending ref.

    What lets the build keep each document's counts in its cache (``--cache``): adding a
    document to a large archive then analyses that document's paragraphs only."""
    lengths = [array("i") for _ in FIELDS]
    postings: dict[str, array] = {}
    words: Counter[str] = Counter()
    n = 0
    for part in parts:
        shift = n << FIELD_BITS
        for k, field_lengths in enumerate(part.lengths):
            lengths[k].extend(field_lengths)
        for term, pairs in part.postings.items():
            found_in = postings.get(term)
            if found_in is None:
                found_in = postings[term] = array("i")
            start = len(found_in)
            found_in.extend(pairs)
            for i in range(start, len(found_in), 2):
                found_in[i] += shift
        words.update(part.words)
        n += part.n
    return Counted(n, lengths, postings, words)


#: lunr's BM25 parameters (its ``Builder`` defaults, which undocs does not change).
K1, B = 1.2, 0.75


def weighted_rows(counted: Counted) -> dict[str, tuple[bytes, int]]:
    """Each term's row of the index, ``[term, field 0, field 1, …]`` as compact JSON (each field
    a flat list ``[ref delta, weight, …]`` by ascending ref, trailing empty fields dropped; in
    ``FIELDS`` order), with the number of paragraphs it occurs in (which ranks spelling
    suggestions).

    The weight is the value lunr's ``Builder`` gives the term in the field's vector -- BM25
    with lunr's idf and parameters, times the field's boost, rounded to 3 decimals, the same
    floating-point operations in the same order as lunr.py's ``_create_field_vectors`` -- times
    ``WEIGHT_SCALE``: an exact integer. lunr scores a field as ``query vector · field vector /
    |query vector|`` (``Vector.similarity`` called on the query's vector), so only the query's
    own terms count: a query needs only their postings. ``tests/test_search.py`` checks, term
    for term and weight for weight, that this is what lunr.py builds through the analysis
    pipeline.

    Memory is what bounds a large build (400,000 paragraphs: about 30 million postings): each
    term's row is kept only as its JSON, made as its postings are dropped from ``counted``.
    """
    n, lengths, counts = counted.n, counted.lengths, counted.postings
    average = [sum(field_lengths) / n if n else 0.0 for field_lengths in lengths]
    rows: dict[str, tuple[bytes, int]] = {}
    field_mask = (1 << FIELD_BITS) - 1
    for term in list(counts):
        pairs = counts.pop(term)
        df = len(pairs) // 2  # lunr's idf counts (field, ref) pairs
        idf = math.log(1 + abs((n - df + 0.5) / (df + 0.5)))
        lists: list[list[int]] = [[] for _ in FIELDS]  # per field: ref, tf, … by ascending ref
        for i in range(0, len(pairs), 2):
            lists[pairs[i] & field_mask] += (pairs[i] >> FIELD_BITS, pairs[i + 1])
        row: list[Any] = [term]
        refs: set[int] = set()
        for k, postings in enumerate(lists):
            flat: list[int] = []
            if postings:
                boost, previous = FIELDS[k][1], 0
                for i in range(0, len(postings), 2):
                    ref, tf = postings[i], postings[i + 1]
                    score = idf * ((K1 + 1) * tf) / (K1 * (1 - B + B * (lengths[k][ref] / average[k])) + tf)
                    score *= boost
                    flat += (ref - previous, math.floor(round(score, 3) * WEIGHT_SCALE + 0.5))
                    previous = ref
                    refs.add(ref)
            row.append(flat)
        while len(row) > 1 and row[-1] == []:
            row.pop()
        rows[term] = (dump(row), len(refs))
    return rows


def vocabulary(words: Counter[str]) -> list[str]:
    """The corpus's distinct words, lower case, one per folded form (its most frequent spelling)."""
    best: dict[str, tuple[int, str]] = {}
    for word, n in words.items():
        if word.isdigit():
            continue
        folded = analysis.normalize(word)
        if folded not in best or (n, word) > best[folded]:
            best[folded] = (n, word)
    return sorted(w for _, w in best.values())


def dump(data: Any) -> bytes:
    """Compact JSON (no spaces, UTF-8): these files are downloaded by every search."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
