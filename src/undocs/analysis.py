"""The text analysis of the search index, French and English, identical at build time and in the browser.

One analysis, written twice: here (Python, used by lunr.py when the build makes the index) and in
``static/js/analysis.js`` (used by lunr.js when a reader types a query). The two are kept equal by
``tests/test_analysis_parity.py``, which runs the JavaScript under Node over the whole corpus, in
both languages, and demands zero differences. See ``docs/search-analysis.md`` for the why.

Every function takes the language of the text, ``"fr"`` (the default, what existing callers
mean) or ``"en"``; :func:`analyze` and :func:`terms` also take ``None``: a text whose language is
unknown, analysed both ways (see :func:`terms`).

The steps, in order (each one a Lunr pipeline function, same label on both sides; French labels
``undocs-fr-*``, English ``undocs-en-*``, :data:`LABELS` and :data:`LABELS_EN`):

1. ``undocs-fr-trimmer`` -- tokenisation. A token is a run of word characters (Unicode letters,
   marks and digits: general categories L, M, N), where a run may contain an apostrophe
   (``'``, ``’``, ``‘`` or ``ʼ``) *between* two word characters. Everything else (spaces,
   punctuation, hyphens, slashes, quotes...) separates tokens, so punctuation never sticks to a
   word and ``non-prolifération`` gives ``non`` + ``prolifération``, ``A/67/131`` gives ``a``,
   ``67``, ``131``. Elided prefixes (``l’``, ``d’``, ``qu’``, ``jusqu’``... listed in
   ``data/stopwords-fr.txt``) are cut off the front: ``l’interdiction`` -> ``interdiction``,
   while ``aujourd’hui`` stays one token. ``undocs-en-trimmer``: the same tokens, nothing cut
   (English has no elision: ``Norway’s`` stays one token).
2. ``undocs-fr-folding`` -- lower case, compatibility decomposition (NFKD: ``ﬁ`` -> ``fi``,
   superscripts -> plain), combining marks dropped (``é`` -> ``e``, ``ç`` -> ``c``), ``œ`` ->
   ``oe``, ``æ`` -> ``ae``, every apostrophe -> ``'``; any character that is not a word character or
   ``'`` is dropped. ``undocs-en-folding``: the same, then a possessive ``'s`` is cut off the end
   (``Norway’s`` -> ``norway``, ``it's`` -> ``it``, a stop word): before the stop words, which
   Snowball's own ``'s`` step (after them) would come too late for.
3. ``undocs-fr-stopwords`` -- folded stop words of ``data/stopwords-fr.txt`` are removed.
   ``undocs-en-stopwords``: lunr's English list (``lunr.stop_word_filter.WORDS`` of lunr.py, the
   list of lunr.js's ``stopWordFilter``), shipped to the browser in ``assets/analysis.json``.
4. ``undocs-fr-stemmer`` -- Snowball French on the *folded* term: Python package
   ``PyStemmer`` 2.2.0.3, pinned exactly (the C libstemmer of Snowball 2.2.0; 3.x is another
   Snowball version) and, in the browser, ``dist/fr.js`` of npm
   package ``@orama/stemmers`` 3.1.18 (the same algorithm in plain JavaScript, 11 KB, no
   WebAssembly). Stemming after folding means that a query
   typed without accents gives exactly the same terms as the accented text.
   ``undocs-en-stemmer`` -- Snowball English (Porter2): PyStemmer's ``english`` and, in the
   browser, npm package ``porter2`` 1.1.0 (``dist/index.js``, plain JavaScript, 15 KB). Not
   ``@orama/stemmers``' ``en.js``: that one is the *original* Porter algorithm, with slips of its
   own (``addition`` -> ``addition``), 948 words apart from Porter2 on the seeds + un-corpus.

lunr.py cannot take another tokenizer (``Builder.add`` calls its own ``Tokenizer``, which splits
on whitespace and ``-``), and lunr.js's query parser splits queries its own way, so the *trimmer*
re-tokenises whatever token it receives and may return several tokens: the result of the
pipeline does not depend on the stock tokenizer in front of it. Hence, for any text and language::

    analyze(text, lang) == [str(t) for t in make_builder(lang=lang).pipeline.run(lunr.tokenizer.Tokenizer(text))]

Positions (``Token.start``/``Token.end`` and the ``position`` metadata of lunr tokens) count
code points here and UTF-16 code units in JavaScript: they differ only after a character outside
the Basic Multilingual Plane (emoji), which UN documents do not contain.
"""

from __future__ import annotations

import functools
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, NamedTuple

from .errors import ConfigError
from .textnorm import fold as _textnorm_fold

__all__ = [
    "ANALYSIS_JSON_PATH",
    "DEFAULT_STOPWORDS_PATH",
    "LABELS",
    "LABELS_EN",
    "LANGUAGES",
    "Lexicon",
    "Token",
    "analysis_data",
    "analysis_json",
    "analyze",
    "fold",
    "is_stopword",
    "labels",
    "lexicon",
    "make_builder",
    "normalize",
    "register",
    "stem",
    "term",
    "terms",
    "tokenize",
    "tokens",
]

#: The stop words and elision prefixes (one data file, read by the build, shipped to the browser).
DEFAULT_STOPWORDS_PATH = Path(__file__).resolve().parents[2] / "data" / "stopwords-fr.txt"

#: Where the build must write :func:`analysis_json` in the site (``static/js/analysis.js`` loads it).
ANALYSIS_JSON_PATH = "assets/analysis.json"

#: Version of the analysis: bump it whenever a change alters index terms (an old index then no
#: longer matches new queries); it is written in ``assets/analysis.json``.
ANALYSIS_VERSION = 1

TRIMMER = "undocs-fr-trimmer"
FOLDING = "undocs-fr-folding"
STOPWORDS = "undocs-fr-stopwords"
STEMMER = "undocs-fr-stemmer"
#: The labels of the French pipeline functions, in pipeline order (the same in ``analysis.js``).
LABELS = (TRIMMER, FOLDING, STOPWORDS, STEMMER)
#: The labels of the English pipeline functions, in pipeline order (the same in ``analysis.js``).
LABELS_EN = ("undocs-en-trimmer", "undocs-en-folding", "undocs-en-stopwords", "undocs-en-stemmer")

#: The languages of the analysis (ISO 639-1), French first: the archive's interface language.
LANGUAGES = ("fr", "en")


def labels(lang: str = "fr") -> tuple[str, ...]:
    """The pipeline labels of one language."""
    return {"fr": LABELS, "en": LABELS_EN}[_check(lang)]


def _check(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"no analysis for language {lang!r} (known: {', '.join(LANGUAGES)})")
    return lang

#: Characters accepted as an apostrophe between two word characters (elision, aujourd’hui).
APOSTROPHES = "'\u2019\u2018\u02bc"


# --------------------------------------------------------------------------------------------
# Word characters: Unicode general categories L*, M*, N* (what JS writes [\p{L}\p{M}\p{N}]),
# minus the apostrophes (U+02BC MODIFIER LETTER APOSTROPHE is a letter, Lm, for Unicode).


def _word_class() -> str:
    """The body of a regex character class matching exactly one word character."""
    ranges: list[tuple[int, int]] = []
    excluded = {ord(a) for a in APOSTROPHES}
    for cp in range(sys.maxunicode + 1):
        if cp in excluded or unicodedata.category(chr(cp))[0] not in "LMN":
            continue
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))

    def esc(cp: int) -> str:
        return re.escape(chr(cp))

    return "".join(esc(a) if a == b else f"{esc(a)}-{esc(b)}" for a, b in ranges)


def _word_pattern() -> str:
    """A regex matching one word character, as :func:`_word_class` but ~4 times faster to
    match: Python's ``[^\\W_]`` is exactly the letters and numbers (L*, N*); the marks (M*) are
    added as a class of their own (``tests/test_analysis.py`` checks every code point)."""
    marks: list[tuple[int, int]] = []
    for cp in range(sys.maxunicode + 1):
        if unicodedata.category(chr(cp))[0] == "M" and chr(cp) not in APOSTROPHES:
            if marks and marks[-1][1] == cp - 1:
                marks[-1] = (marks[-1][0], cp)
            else:
                marks.append((cp, cp))
    esc = re.escape
    mark_class = "".join(esc(chr(a)) if a == b else f"{esc(chr(a))}-{esc(chr(b))}" for a, b in marks)
    return f"(?:[^\\W_{esc(APOSTROPHES)}]|[{mark_class}])"


@functools.cache
def _regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    w = _word_pattern()
    token = re.compile(f"{w}+(?:[{APOSTROPHES}]{w}+)*")
    apostrophe = re.compile(f"[{APOSTROPHES}]")
    not_term = re.compile(f"[^{_word_class()}']+")
    return token, apostrophe, not_term


# --------------------------------------------------------------------------------------------
# The lexicon: stop words and elision prefixes, from data/stopwords-fr.txt.


@dataclass(frozen=True)
class Lexicon:
    """Folded stop words and folded elision prefixes (without their apostrophe)."""

    stopwords: frozenset[str]
    elisions: frozenset[str]

    @classmethod
    def load(cls, path: Path = DEFAULT_STOPWORDS_PATH) -> "Lexicon":
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as e:
            raise ConfigError(f"cannot read the French stop-word list: {e.strerror or e}", path) from e
        stopwords: set[str] = set()
        elisions: set[str] = set()
        for number, raw in enumerate(text.splitlines(), start=1):
            entry = raw.split("#", 1)[0].strip()
            if not entry:
                continue
            is_elision = entry[-1] in APOSTROPHES
            word = normalize(entry[:-1] if is_elision else entry)
            if not word or "'" in word or len(entry.split()) != 1:
                raise ConfigError(f"not a single word or elision prefix: {entry!r}", path, number)
            stopwords.add(word)
            if is_elision:
                elisions.add(word)
        return cls(frozenset(stopwords), frozenset(elisions))


    @classmethod
    def english(cls) -> "Lexicon":
        """lunr's English stop words (lunr.py's ``stop_word_filter.WORDS``, the list of lunr.js's
        ``stopWordFilter``: 119 words, lower-case ASCII); no elision."""
        from lunr.stop_word_filter import WORDS

        return cls(frozenset(normalize(w) for w in WORDS), frozenset())


@functools.cache
def lexicon(lang: str = "fr") -> Lexicon:
    """The lexicon of a language (read once): French from :data:`DEFAULT_STOPWORDS_PATH`,
    English from lunr."""
    return Lexicon.load() if _check(lang) == "fr" else Lexicon.english()


#: A run of more letters than this, without a space, is no French word (an extraction artefact,
#: an encoded string): it is not indexed, for stemming it and lunr's token set of it cost time
#: in proportion to its length (a 1 MB "word" took ~30 s). Counted in code points on both sides.
MAX_TERM_LENGTH = 64


def is_stopword(term: str, lang: str = "fr") -> bool:
    """Whether the (already folded) term is left out of the index: a stop word of the language,
    or longer than :data:`MAX_TERM_LENGTH`."""
    return term in lexicon(lang).stopwords or len(term) > MAX_TERM_LENGTH


# --------------------------------------------------------------------------------------------
# The four steps.


class Token(NamedTuple):
    """A token of a text: ``text[start:end] == surface`` (elided prefix already cut off)."""

    start: int
    end: int
    surface: str


def tokens(text: str, lang: str = "fr") -> list[Token]:
    """Split ``text`` into tokens, with their offsets (for highlighting)."""
    token_re, apostrophe_re, _ = _regexes()
    elisions = lexicon(lang).elisions
    out: list[Token] = []
    for match in token_re.finditer(text):
        start, surface = match.start(), match.group()
        if not elisions or not apostrophe_re.search(surface):  # most words: nothing elided
            out.append(Token(start, start + len(surface), surface))
            continue
        # Cut elided prefixes off the front, repeatedly: "qu’aujourd’hui" -> "aujourd’hui".
        while True:
            apostrophe = apostrophe_re.search(surface)
            if apostrophe is None or normalize(surface[: apostrophe.start()]) not in elisions:
                break
            start += apostrophe.end()
            surface = surface[apostrophe.end() :]
        out.append(Token(start, start + len(surface), surface))
    return out


def tokenize(text: str, lang: str = "fr") -> list[str]:
    """The surfaces of :func:`tokens` (original case and accents, elisions cut off), without
    their offsets: the regex's ``findall`` in C, and a look at the few words with an
    apostrophe (the build analyses every word of the corpus through this)."""
    token_re, apostrophe_re, _ = _regexes()
    surfaces = token_re.findall(text)
    elisions = lexicon(lang).elisions
    if not elisions or not apostrophe_re.search(text):
        return surfaces
    for i, surface in enumerate(surfaces):
        if apostrophe_re.search(surface):
            surfaces[i] = _elide(surface, elisions)
    return surfaces


def _elide(surface: str, elisions: frozenset[str]) -> str:
    """``surface`` with its elided prefixes cut off the front, repeatedly."""
    _, apostrophe_re, _ = _regexes()
    while True:
        apostrophe = apostrophe_re.search(surface)
        if apostrophe is None or normalize(surface[: apostrophe.start()]) not in elisions:
            return surface
        surface = surface[apostrophe.end() :]


#: Distinct words each memoised step keeps, the most recently used. A corpus's words follow
#: Zipf's law: the 65,536 most frequent give almost every hit (2,000 documents: 80,000
#: distinct words; :func:`term` then misses 1,300 more times than unbounded, in 4.5 million
#: calls), while at 400,000 paragraphs an unbounded memo of each step would hold hundreds of
#: thousands of rare words (the search step's memory).
MEMO_SIZE = 65_536


@functools.lru_cache(maxsize=MEMO_SIZE)
def normalize(term: str) -> str:
    """Fold a term (``textnorm.fold``: lower case, NFKD, no marks, œ/æ/ß expanded, apostrophes
    as ``'``) and keep only what a term is made of."""
    _, _, not_term = _regexes()
    # Lower-cased as a whole first, as JavaScript's toLowerCase does: a final sigma stays "ς".
    return not_term.sub("", _textnorm_fold(term.lower()))


@functools.cache
def _stemmer(lang: str) -> Any:
    # PyStemmer 2.2.0.3 is Snowball 2.2.0 in C: "french" is the algorithm of @orama/stemmers'
    # fr.js, "english" (Porter2) that of npm porter2 (the parity test runs both over the
    # corpus); ~50 times faster than the pure-Python package of the same Snowball version: a
    # 2,000-document archive has ~80,000 distinct words.
    import Stemmer

    return Stemmer.Stemmer({"fr": "french", "en": "english"}[_check(lang)])


@functools.lru_cache(maxsize=MEMO_SIZE)
def stem(term: str, lang: str = "fr") -> str:
    """Snowball stem (French, or English Porter2) of a folded term."""
    return _stemmer(lang).stemWord(term)


def fold(surface: str, lang: str = "fr") -> str:
    """The folding step of a language: :func:`normalize`, and in English a possessive ``'s``
    cut off the end (``Norway’s`` -> ``norway``)."""
    folded = normalize(surface)
    if lang == "en" and folded.endswith("'s") and len(folded) > 2:
        return folded[:-2]
    return folded


@functools.lru_cache(maxsize=MEMO_SIZE)
def term(surface: str, lang: str = "fr") -> str | None:
    """The index term of one token's surface, or None for a stop word (or nothing left)."""
    folded = fold(surface, lang)
    if not folded or is_stopword(folded, lang):
        return None
    return stem(folded, lang)


@functools.lru_cache(maxsize=MEMO_SIZE)
def terms(surface: str, lang: str | None = "fr") -> tuple[str, ...]:
    """The index terms of one token's surface: its :func:`term` in ``lang`` (none or one), or,
    for ``lang=None`` (a text whose language is unknown), its distinct terms in French (its
    elided prefixes cut off) and English, in that order.

    Why both, not a guess: the language of a document is what its masthead or sidecar says, and
    what they do not say stays unknown -- never guessed from the words (the rule of
    ``model.Document``). A reader may type either language's word and must find the paragraph;
    a token whose two terms agree (``67``, ``Norway``) counts once, so the field's length (BM25)
    grows only by the words the two analyses see differently.
    """
    if lang is not None:
        t = term(surface, lang)
        return () if t is None else (t,)
    fr = term(_elide(surface, lexicon("fr").elisions), "fr")
    en = term(surface, "en")
    return tuple(dict.fromkeys(t for t in (fr, en) if t is not None))


def analyze(text: str, lang: str | None = "fr") -> list[str]:
    """The index terms of ``text`` in its language, in order (what the pipeline produces);
    ``lang=None``: each token's :func:`terms` in both languages (the English tokens, which are
    the French ones before elision)."""
    out: list[str] = []
    if lang is None:
        for surface in tokenize(text, "en"):
            out.extend(terms(surface, None))
        return out
    for surface in tokenize(text, lang):
        t = term(surface, lang)
        if t is not None:
            out.append(t)
    return out


# --------------------------------------------------------------------------------------------
# lunr.py integration.


def _functions(lang: str) -> dict[str, Any]:
    """The four pipeline functions of a language, by label."""
    from lunr.token import Token as LunrToken

    def trimmer(token: Any, i: int | None = None, tokens_: Any = None) -> list[Any]:
        position = token.metadata.get("position")
        out = []
        for t in tokens(token.string, lang):
            metadata = dict(token.metadata)
            if position:
                metadata["position"] = [position[0] + t.start, t.end - t.start]
            out.append(LunrToken(t.surface, metadata))
        return out

    def folding(token: Any, i: int | None = None, tokens_: Any = None) -> Any:
        token.update(lambda s, metadata: fold(s, lang))
        return token if token.string else None

    def stopwords(token: Any, i: int | None = None, tokens_: Any = None) -> Any:
        return None if is_stopword(token.string, lang) else token

    def stemmer(token: Any, i: int | None = None, tokens_: Any = None) -> Any:
        token.update(lambda s, metadata: stem(s, lang))
        return token

    return dict(zip(labels(lang), (trimmer, folding, stopwords, stemmer)))


_FUNCTIONS = {lang: _functions(lang) for lang in LANGUAGES}


def register(target: Any = None, lang: str = "fr") -> Any:
    """Register the pipeline functions of every language with lunr.py's ``Pipeline`` under
    :data:`LABELS` and :data:`LABELS_EN`.

    Registration is global (``Pipeline.registered_functions``) and is what ``Index.load`` needs.
    ``target`` may also be a lunr.py ``Builder`` (its ``pipeline`` and ``search_pipeline`` are
    replaced by the analysis of ``lang``) or a ``Pipeline`` (emptied, then given the four
    functions of ``lang``). Returns ``target``.
    """
    from lunr.builder import Builder
    from lunr.pipeline import Pipeline

    for functions in _FUNCTIONS.values():
        for label, fn in functions.items():
            if Pipeline.registered_functions.get(label) is not fn:
                Pipeline.register_function(fn, label)
    pipelines: Iterable[Any]
    if isinstance(target, Builder):
        pipelines = (target.pipeline, target.search_pipeline)
    elif isinstance(target, Pipeline):
        pipelines = (target,)
    else:
        pipelines = ()
    for pipeline in pipelines:
        pipeline.reset()
        pipeline.add(*_FUNCTIONS[_check(lang)].values())
    return target


def make_builder(
    ref: str = "id", fields: Iterable[str | dict[str, Any]] = (), metadata_whitelist: Iterable[str] = (), lang: str = "fr"
) -> Any:
    """A lunr.py ``Builder`` analysing text of language ``lang`` with this module, and no
    English default of lunr's.

    ``fields`` are field names or ``{"field_name": ..., "boost": ..., "extractor": ...}`` dicts;
    add ``"position"`` to ``metadata_whitelist`` to keep offsets for highlighting. The stock
    tokenizer of lunr.py stays (it cannot be replaced); the trimmer re-tokenises its output.
    """
    from lunr.builder import Builder

    builder = Builder()
    register(builder, lang)
    builder.ref(ref)
    for field in fields:
        if isinstance(field, str):
            builder.field(field)
        else:
            builder.field(**field)
    builder.metadata_whitelist = list(metadata_whitelist)
    return builder


# --------------------------------------------------------------------------------------------
# What the browser needs.


def analysis_data() -> dict[str, Any]:
    """The lexicons as ``static/js/analysis.js`` expects them (see :func:`analysis_json`):
    French at the top level (as before English came), English under ``"en"``."""
    lex = lexicon("fr")
    return {
        "version": ANALYSIS_VERSION,
        "labels": list(LABELS),
        "stemmer": "snowball-french-2.2",
        "elisions": sorted(lex.elisions),
        "stopwords": sorted(lex.stopwords),
        "en": {"labels": list(LABELS_EN), "stemmer": "snowball-english-2.2", "stopwords": sorted(lexicon("en").stopwords)},
    }


def analysis_json() -> bytes:
    """The bytes the build writes at :data:`ANALYSIS_JSON_PATH` in the site."""
    return (json.dumps(analysis_data(), ensure_ascii=False, indent=0, sort_keys=True) + "\n").encode("utf-8")
