"""The query logic in Python, the twin of ``static/js/search.js``: the tests run the readers'
queries (``tests/search_cases.yaml``) through it and through the browser, and demand the same."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from .. import analysis
from . import LEXICON_PATH, META_PATH, page_path, shard_path
from .index import FIELDS, WEIGHT_SCALE
from .shards import order

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


@dataclass
class Group:
    """One word of the query: the index terms that satisfy it, in which fields."""

    exact: list[str] = field(default_factory=list)
    completions: list[str] = field(default_factory=list)
    fields: tuple[str, ...] = ()
    presence: str = "required"  # required | optional | prohibited
    boost: float = 1.0
    #: Also satisfied by each of these term lists when all its terms match (the words typed of
    #: an acronym's expansion; a quoted phrase, whose terms must moreover be adjacent in the text).
    sets: list[list[str]] = field(default_factory=list)
    phrase: bool = False
    acronym: int | None = None  # index in meta.json's ``sg`` when the group is an acronym's
    #: A query word's French and English terms when they differ (for :func:`lang_penalty`).
    langs: dict[str, str] | None = None
    surface: str | None = None  # the word typed, for a word's group
    half: bool = False  # a word one language drops as a stop word: optional, or dropped


@dataclass(frozen=True)
class Word:
    """A query word analysed in both languages (``analysis.js``'s ``queryTerms``)."""

    surface: str
    wildcard: bool
    fr: str | None
    en: str | None
    terms: tuple[str, ...]

    def term(self, lang: str) -> str | None:
        return self.fr if lang == "fr" else self.en


def query_terms(text: str) -> list[Word]:
    """``undocsAnalysis.queryTerms`` (``static/js/analysis.js``): each token of each
    whitespace-separated word (French tokens), its term in French and in English; a word ending
    with ``*`` a prefix (its last token folded and stemmed); tokens both languages drop left
    out; a word given twice (same terms) once."""
    out: list[Word] = []
    seen: set[str] = set()
    for word in re.split(r"\s+", text):
        prefix = word.endswith("*")
        tokens = analysis.tokens(word.rstrip("*") if prefix else word)
        for j, token in enumerate(tokens):
            wildcard = prefix and j == len(tokens) - 1
            found: dict[str, str | None] = {}
            for lang in analysis.LANGUAGES:
                if wildcard:
                    folded = analysis.fold(token.surface, lang)
                    found[lang] = analysis.stem(folded, lang) if folded else None
                else:
                    found[lang] = analysis.term(token.surface, lang)
            terms = tuple(dict.fromkeys(t for t in found.values() if t))
            if not terms:
                continue
            key = " ".join(terms) + ("*" if wildcard else "")
            if key in seen:
                continue
            seen.add(key)
            out.append(Word(token.surface, wildcard, found["fr"] or None, found["en"] or None, terms))
    return out


def word_terms(surface: str) -> list[str]:
    """A word's distinct terms in French and English (stop words give none)."""
    return list(dict.fromkeys(t for t in (analysis.term(surface, lang) for lang in analysis.LANGUAGES) if t is not None))


def word_group(w: Word, exact: list[str] | None = None, fields: tuple[str, ...] = (), presence: str = "required", boost: float = 1.0) -> Group:
    """The group of a query word: either term satisfies it."""
    langs = {"fr": w.fr, "en": w.en} if w.fr is not None and w.en is not None and w.fr != w.en else None
    return Group(exact=list(w.terms) if exact is None else exact, fields=fields, presence=presence, boost=boost, langs=langs, surface=w.surface)


def lang_penalty(groups: list[Group], metadata: dict[str, dict[str, Any]], lang: str | None) -> int:
    """How many words of the query (groups whose French and English terms differ) a paragraph
    in ``lang`` matches only through the other language's term: its own language's term matched
    in none of the word's fields (``langPenalty`` of ``search.js``; docs/search-index.md). Hits
    are ranked by it, then by lunr's score. A word being typed, a state's name (fields etat,
    mention), or a paragraph of unknown language: 0."""
    if lang not in ("fr", "en"):
        return 0
    n = 0
    for g in groups:
        if g.langs is None:
            continue

        def matched(t: str) -> bool:
            return t in metadata and any(f in metadata[t] for f in g.fields)

        other = g.langs["en" if lang == "fr" else "fr"]
        if g.completions or matched(g.langs[lang]):  # a word being typed: either
            continue
        if other in metadata and ("etat" in metadata[other] or "mention" in metadata[other]):
            continue  # a state, by any of its names
        if matched(other):
            n += 1
    return n


#: Quoted phrases of a query: "…", « … », “…” (a quote left open is no phrase: the tokenizer
#: drops it, the words are searched as plain words).
PHRASE = re.compile(r'"([^"]*)"|«([^»]*)»|“([^”]*)”')


def split_phrases(text: str) -> tuple[list[str], str]:
    """The quoted phrases of ``text``, and the text with each of them replaced by a space."""
    phrases = [next(g for g in m.groups() if g is not None) for m in PHRASE.finditer(text)]
    return phrases, PHRASE.sub(" ", text)


def contains_run(terms: list[str], run: list[str]) -> bool:
    """Whether ``run`` occurs in ``terms`` as adjacent items, in order."""
    n = len(run)
    return any(terms[i : i + n] == run for i in range(len(terms) - n + 1))


@dataclass(frozen=True)
class Hit:
    ref: str
    id: str
    score: float
    terms: tuple[str, ...]
    penalty: int = 0  # words matched only through the other language (lang_penalty)


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
    """Answers queries as ``search.js`` does, from the files the build writes (all of them:
    the page loads only the shards a query needs, and scores with the same numbers)."""

    def __init__(self, files: dict[str, bytes]):
        from lunr.index import Index
        from lunr.pipeline import Pipeline
        from lunr.token_set_builder import TokenSetBuilder
        from lunr.vector import Vector

        analysis.register()
        meta = json.loads(files[META_PATH])
        self.fields = tuple(name for name, _ in meta["f"])
        lexicon = json.loads(files[LEXICON_PATH])
        self.terms = lexicon["t"]  # sorted as JavaScript sorts (shards.order)
        self.words = lexicon["w"]  # [word, document frequency of its term]
        self.paragraphs: list[dict[str, Any]] = []
        for n in range((meta["n"] + meta["ps"] - 1) // meta["ps"]):
            self.paragraphs += json.loads(files[page_path(n)])["p"]
        inverted: dict[str, dict[str, Any]] = {}
        vectors: dict[str, list[float]] = {}
        for n in range(len(meta["k"])):
            for row in json.loads(files[shard_path(n)])["t"]:
                inverted[row[0]] = {"_index": None, **{f: {} for f in self.fields}}
                for k, flat in enumerate(row[1:]):
                    ref = 0
                    for i in range(0, len(flat), 2):
                        ref += flat[i]
                        inverted[row[0]][self.fields[k]][str(ref)] = {}
                        vectors.setdefault(f"{self.fields[k]}/{ref}", []).append((row[0], flat[i + 1]))
        assert sorted(inverted, key=order) == self.terms
        builder = TokenSetBuilder()
        for i, term in enumerate(self.terms):
            inverted[term]["_index"] = i
            builder.insert(term)
        builder.finish()
        field_vectors = {}
        for field_ref, entries in vectors.items():
            elements: list[float] = []
            for term, weight in sorted(entries, key=lambda e: inverted[e[0]]["_index"]):
                elements += (inverted[term]["_index"], weight / WEIGHT_SCALE)
            field_vectors[field_ref] = Vector(elements)
        self.index = Index(inverted, field_vectors, builder.root, list(self.fields), Pipeline.load(meta["pipeline"]))
        self.known = set(self.terms)
        self._vocab: list[tuple[str, str, str, int]] | None = None
        self._analysed: dict[int, list[str]] = {}
        self._acronym_table(meta.get("sg", []))
        self.language_runs = meta.get("lg", [])

    def lang_of(self, ref: int) -> str | None:
        """A paragraph's language: "fr", "en", or None (not known), from meta.json's ``lg``."""
        for first, end, lang in self.language_runs:
            if first <= ref < end:
                return lang
        return "fr"

    # -- acronyms (meta.json's ``sg``: [[acronyms], [expansions]] per entry)
    def _acronym_table(self, table: list[list[list[str]]]) -> None:
        self.acronyms = table
        self._by_surface: dict[str, int] = {}  # an acronym as written (case-sensitive)
        self._by_term: dict[str, int] = {}  # an acronym's term ("UN" has none: a stop word)
        self._expansions: list[tuple[list[str], int, str]] = []  # analysed in each language
        for k, (acronyms, expansions) in enumerate(table):
            for a in acronyms:
                self._by_surface.setdefault(a, k)
                t = analysis.term(a)
                if t is not None:
                    self._by_term.setdefault(t, k)
            for e in expansions:
                for lang in analysis.LANGUAGES:
                    self._expansions.append((analysis.analyze(e, lang), k, lang))

    def _acronym_at(self, items: list[Word], i: int) -> tuple[int, int] | None:
        """(entry, number of items) of the longest form of an acronym entry at ``items[i]``: an
        acronym as written or by its (French) term, or an expansion in either language."""
        it = items[i]
        best = None
        k = self._by_surface.get(it.surface, self._by_term.get(it.fr) if it.fr is not None else None)
        if k is not None:
            best = (k, 1, 1)
        for terms, k, lang in self._expansions:
            width = len(terms)
            if not width or (best is not None and width <= best[2]) or it.term(lang) is None:
                continue
            found, j = [], i
            while j < len(items) and len(found) < width:
                t = items[j].term(lang)
                if t is not None:
                    found.append(t)
                j += 1
            if found == terms:
                best = (k, j - i, width)
        return best[:2] if best else None

    def _acronym_group(self, k: int, words: list[Word]) -> Group:
        """The group of acronym entry ``k``: its acronyms (in the text, or in the field
        ``sigle`` when the paragraph spells out an expansion), or all the words typed (in
        either language)."""
        acronyms, expansions = self.acronyms[k]
        exact = [t for t in (analysis.term(a) for a in acronyms) if t is not None]
        exact += [terms[0] for e in expansions for lang in analysis.LANGUAGES if len(terms := analysis.analyze(e, lang)) == 1]
        sets: list[list[str]] = []
        for lang in analysis.LANGUAGES:
            terms = [t for t in (w.term(lang) for w in words) if t is not None]
            if len(terms) > 1 and terms not in sets:
                sets.append(terms)
        return Group(exact=list(dict.fromkeys(exact)), sets=sets, acronym=k)

    def _plain_groups(self, text: str) -> list[Group]:
        """One group per query word (French and English terms), the forms of an acronym entry
        making one group; a word one language drops as a stop word is optional."""
        items = query_terms(text)
        groups: list[Group] = []
        seen: set[str | int] = set()
        i = 0
        while i < len(items):
            found = self._acronym_at(items, i)
            if found is not None:
                k, n = found
                if k not in seen:
                    seen.add(k)
                    groups.append(self._acronym_group(k, items[i : i + n]))
                i += n
                continue
            w = items[i]
            key = " ".join(w.terms)
            if key not in seen:
                seen.add(key)
                half = w.fr is None or w.en is None
                g = word_group(w, presence="optional" if half else "required")
                g.half = half
                groups.append(g)
            i += 1
        return groups

    def _phrase_group(self, phrase: str) -> Group | None:
        """A phrase analysed in French and in English: either analysis's terms, adjacent."""
        sets: list[list[str]] = []
        for lang in analysis.LANGUAGES:
            terms = analysis.analyze(phrase, lang)
            if terms and terms not in sets:
                sets.append(terms)
        if not sets:
            return None
        if all(len(t) == 1 for t in sets):
            return Group(exact=list(dict.fromkeys(t[0] for t in sets)))
        return Group(exact=[t[0] for t in sets if len(t) == 1], sets=[t for t in sets if len(t) > 1], phrase=True, fields=("texte",))

    def _text_terms(self, ref: int) -> list[str]:
        """A paragraph's analysed text, in its language."""
        if ref not in self._analysed:
            self._analysed[ref] = analysis.analyze(self.paragraphs[ref]["x"], self.lang_of(ref))
        return self._analysed[ref]

    @classmethod
    def from_files(cls, files: dict[str, bytes]) -> "Searcher":
        return cls(files)

    # -- vocabulary: (surface, folded, terms in both languages, document frequency), on first use
    @property
    def vocab(self) -> list[tuple[str, str, list[str], int]]:
        if self._vocab is None:
            out = []
            for word, df in self.words:
                terms = word_terms(word)
                if terms:
                    out.append((word, analysis.normalize(word), terms, df))
            self._vocab = out
        return self._vocab

    def _prefix_terms(self, prefix: str) -> list[str]:
        import bisect

        out = []
        i = bisect.bisect_left(self.terms, order(prefix), key=order)
        while i < len(self.terms) and self.terms[i].startswith(prefix) and len(out) < MAX_EXPANSION:
            out.append(self.terms[i])
            i += 1
        return out

    def _completions(self, folded: str) -> list[str]:
        """Index terms of the words being typed: terms with that prefix, stems of words with it."""
        if len(folded) < 2:
            return []
        found = dict.fromkeys(self._prefix_terms(folded))
        for _, word_folded, terms, _ in self.vocab:
            if word_folded.startswith(folded):
                found.update((t, None) for t in terms if t in self.known)
        return list(found)[:MAX_EXPANSION]

    # -- parsing
    def groups(self, text: str) -> list[Group]:
        phrases, text = split_phrases(text)
        typing = bool(text) and not text[-1].isspace()
        groups = None
        if any(c in text for c in ":*~^+") or any(w.startswith("-") for w in text.split()):
            groups = self._lunr_groups(text)
        if groups is None:
            groups = self._plain_groups(text)
            last = analysis.tokens(text)[-1:] if typing else []
            if last:
                self._complete_last(groups, last[0].surface)
        groups += [g for g in map(self._phrase_group, phrases) if g is not None]
        if not any(g.presence == "required" for g in groups):  # only half stop words ("un", "the")
            groups = [g for g in groups if not g.half]
        for g in groups:
            if not g.fields:
                g.fields = self.fields
        return [g for g in groups if g.exact or g.completions or g.sets or g.presence != "required"]

    def _complete_last(self, groups: list[Group], surface: str) -> None:
        """The word being typed also matches as a prefix; being typed, it is required."""
        folded = analysis.normalize(surface)
        terms = word_terms(surface)
        completions = [t for t in self._completions(folded) if t not in terms]
        if not completions:
            return
        if groups and terms and groups[-1].surface == surface:
            groups[-1].completions = completions
            groups[-1].presence = "required"
        elif not terms:  # a stop word so far ("de" on the way to "désarmement")
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
                    terms = list(
                        dict.fromkeys(
                            self._prefix_terms(folded)
                            + self._prefix_terms(stemmed)
                            + self._prefix_terms(analysis.stem(folded, "en"))
                            + self._completions(folded)
                        )
                    )
                else:
                    terms = self._wildcard_terms(raw)
                groups.append(Group(exact=terms, fields=fields, presence=presence, boost=boost))
                continue
            analysed = query_terms(raw)
            for w in analysed:
                terms = list(w.terms)
                if clause.edit_distance:
                    terms = list(dict.fromkeys(f for t in w.terms for f in self._fuzzy_terms(t, clause.edit_distance)))
                groups.append(word_group(w, terms, fields, presence, boost))
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
                if t in self.known:
                    query.clause(t, fields=list(g.fields), boost=g.boost, use_pipeline=False, presence=presence)
            for t in g.completions:
                if t in self.known:
                    boost = g.boost * (COMPLETION_BOOST if g.presence != "prohibited" else 1)
                    query.clause(t, fields=list(g.fields), boost=boost, use_pipeline=False, presence=presence)
            for terms in g.sets:  # a set weighs as much as one word
                for t in terms:
                    if t in self.known:
                        query.clause(t, fields=list(g.fields), boost=g.boost / len(terms), use_pipeline=False, presence=presence)
        if not query.clauses:
            return []
        hits = []
        for result in self.index.query(query):
            metadata = result["match_data"].metadata
            matched = {t for t, by_field in metadata.items() for f in by_field}

            ref = result["ref"]

            def matches(t: str, g: Group) -> bool:
                return t in metadata and any(f in metadata[t] for f in g.fields)

            def satisfies(g: Group) -> bool:
                if any(matches(t, g) for t in (*g.exact, *g.completions)):
                    return True
                return any(
                    all(matches(t, g) for t in terms) and (not g.phrase or contains_run(self._text_terms(int(ref)), terms))
                    for terms in g.sets
                )

            if all(satisfies(g) for g in positive if g.presence == "required"):
                penalty = lang_penalty(positive, metadata, self.lang_of(int(ref)))
                hits.append(Hit(ref, self.paragraphs[int(ref)]["i"], round(result["score"], 6), tuple(sorted(matched)), penalty))
        hits.sort(key=lambda h: (h.penalty, -h.score, int(h.ref)))
        return hits

    def suggest(self, text: str) -> str | None:
        """A corrected query: each plain word unknown to the index replaced by its nearest word."""
        changed = False
        out = []
        for token in analysis.tokens(text):
            terms = word_terms(token.surface)
            word = token.surface
            if terms and not any(t in self.known for t in terms):
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
        for surface, word_folded, _, df in self.vocab:
            d = levenshtein(folded, word_folded, limit)
            if d <= limit:
                key = (d, -df, surface)
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
