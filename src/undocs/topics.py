"""Topics (``data/topics.yaml``): the themes readers browse by, and the matcher that assigns them.

A paragraph gets a topic when one of the topic's terms occurs in it. Terms are written the way
a person reads them ("sûreté nucléaire", "terroris*") and matched ignoring case and accents,
because sources are inconsistent about both (capitals lose their accents, PDF extraction breaks
hyphenated words across lines). Acronyms are the exception: "ONU" or "OTAN" must stay
case-sensitive, otherwise they would match ordinary words in other languages or in lower case.

``Topic`` has no field of its own for acronyms: ``load_topics`` appends the ``acronyms:`` of the
YAML to ``Topic.terms`` (and ``acronyms_en:`` to ``Topic.terms_en``), and a term written entirely
in capitals (``TNP``) is an acronym.

A topic is a concept with terms in each language: ``terms`` (French) and ``terms_en`` (English).
A paragraph is matched with the terms of its document's language only, so that "prolifération"
is looked for in French text and "proliferation" in English text; see ``TopicMatcher.spans``.

The terms of one language form one regular expression, searched left to right with the longest
term first at each position, so a term that is part of a longer one does not count: the name
"Conférence pour l'interaction et les mesures de confiance en Asie" is a regional organisation,
not a confidence-building measure.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .model import Topic
from .states import yaml_item_lines
from .textnorm import fold, fold_map
from .urls import is_web_url
from .yamlio import check_entry, load_yaml

_REQUIRED = ("id", "label", "label_en", "description", "terms")
_OPTIONAL = ("acronyms", "unbis", "terms_en", "acronyms_en")
#: The languages topics have terms in: ISO 639-1 code → (field of terms, field of acronyms).
LANGUAGES = {"fr": ("terms", "acronyms"), "en": ("terms_en", "acronyms_en")}
_ID = re.compile(r"[a-z][a-z0-9-]*")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]+")


def is_acronym(term: str) -> bool:
    """Whether the matcher treats ``term`` as a case-sensitive acronym (all capitals, no space)."""
    return _ACRONYM.fullmatch(term) is not None


def load_unbis(path: Path) -> dict[str, str]:
    """The UNBIS concepts of the TSV extract: URI → French label (upper case, no accents)."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
    except FileNotFoundError:
        raise ConfigError("file not found", path) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not valid UTF-8 (byte {exc.start})", path) from None
    if not rows or not {"uri", "fr"} <= set(rows[0]):
        raise ConfigError("expected a tab-separated table with columns 'uri' and 'fr'", path)
    for number, row in enumerate(rows, start=2):
        uri = row.get("uri")
        if uri and not is_web_url(uri):
            # The URI becomes a link on the topic's page: never a javascript: or data: URL.
            raise ConfigError(f"uri {uri!r} is not an http(s):// URL", path, number)
    return {row["uri"]: row["fr"] for row in rows if row.get("uri")}


def load_topics(path: Path, unbis_tsv: Path) -> tuple[Topic, ...]:
    """Read and validate the topics; any problem is a ``ConfigError`` naming the entry.

    ``Topic.unbis_label`` is the concept's French label exactly as the TSV gives it (upper
    case, without accents, e.g. "DESARMEMENT NUCLEAIRE"): it is the thesaurus' own spelling,
    which a reader can paste into the UNBIS search; presentation is the templates' business.
    """
    data = load_yaml(path, ConfigError)
    if not isinstance(data, list) or not data:
        raise ConfigError("expected a non-empty list of topics", path)
    unbis = load_unbis(unbis_tsv)
    lines = yaml_item_lines(path)
    topics: list[Topic] = []
    for index, entry in enumerate(data):
        line = lines[index] if index < len(lines) else None
        topic = _topic(entry, index, path, line, unbis)
        if any(t.id == topic.id for t in topics):
            raise ConfigError(f"topic {topic.id!r}: duplicate id", path, line)
        topics.append(topic)
    return tuple(topics)


def _topic(entry: Any, index: int, path: Path, line: int | None, unbis: dict[str, str]) -> Topic:
    """Check the fields of one entry and build its record."""
    fail = check_entry(entry, "topic", index, path, line, _REQUIRED, _OPTIONAL)
    for key in ("id", "label", "label_en", "description"):
        if not isinstance(entry[key], str) or not entry[key].strip():
            raise fail(f"{key} must be a non-empty string")
    if not _ID.fullmatch(entry["id"]):
        raise fail("id must be a lower-case ASCII slug")
    terms = {language: _terms(entry, *fields, fail) for language, fields in LANGUAGES.items()}
    uri = entry.get("unbis")
    if uri is not None and (not isinstance(uri, str) or uri not in unbis):
        raise fail(f"unbis {uri!r} is not a concept of the UNBIS extract")
    return Topic(
        id=entry["id"],
        label=entry["label"],
        label_en=entry["label_en"],
        description=entry["description"],
        terms=terms["fr"],
        unbis=uri,
        unbis_label=unbis[uri] if uri is not None else None,
        terms_en=terms["en"],
    )


def _terms(
    entry: dict[str, Any], terms_key: str, acronyms_key: str, fail: Callable[[str], ConfigError]
) -> tuple[str, ...]:
    """One language's terms of an entry, then its acronyms, checked ("terms" is required, the
    English fields are optional: a topic without them is not looked for in English text)."""
    terms = _string_list(entry.get(terms_key, []), terms_key, fail)
    acronyms = _string_list(entry.get(acronyms_key, []), acronyms_key, fail)
    for term in terms:
        if is_acronym(term):
            raise fail(f"{terms_key}: {term!r} is in capitals: list it under {acronyms_key}")
        if not re.match(r"\w", term) or re.search(r"\*(?=\w)|(?<!\w)\*|\s\s", term):
            raise fail(f"{terms_key}: {term!r}: start with a letter, single spaces, '*' only ending a word")
    for acronym in acronyms:
        if not is_acronym(acronym):
            raise fail(f"{acronyms_key}: {acronym!r} must be capital letters and digits only")
    all_terms = terms + acronyms
    if len({fold(t) if not is_acronym(t) else t for t in all_terms}) != len(all_terms):
        raise fail(f"{terms_key}: a term is listed twice")
    return tuple(all_terms)


def _string_list(value: Any, key: str, fail: Callable[[str], ConfigError]) -> list[str]:
    """``value`` checked to be a list of trimmed, non-empty strings."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(f"{key} must be a list of non-empty strings")
    if any(v != v.strip() for v in value):
        raise fail(f"{key}: no spaces around a term")
    return value


def _term_pattern(term: str) -> str:
    """The regular expression for one term, matched against text folded without lower-casing."""
    if is_acronym(term):
        return re.escape(term)
    parts = []
    for token in re.split(r"(\s+|-|\*)", fold(term)):
        if token == "*":
            parts.append(r"\w*")
        elif token == "-":
            parts.append(r"-\s*")  # "non-\nprolifération" when a line break follows the hyphen
        elif token.isspace():
            parts.append(r"\s+")
        elif token:
            parts.append(re.escape(token))
    return "(?i:" + "".join(parts) + ")"


#: How many first letters of a term index it (see ``_TermIndex``).
_KEY = 3
_WORD_START = re.compile(r"(?<!\w)\w")


def _key(term: str) -> str:
    """The first letters of a term's first word, lower case: where in a text it can start."""
    first = re.match(r"\w*", fold(term).lower()).group()
    return first[:_KEY]


class _TermIndex:
    """The terms of one language, indexed for ``TopicMatcher``.

    One alternation of every term tried at every word start cost ~8 s per MB of text; the
    terms are instead indexed by their first letters, and at each word start only the few
    terms that can begin there are tried, longest first, with the same result: the longest
    term at the leftmost position wins, and matching resumes after it.
    """

    def __init__(self, terms: Iterable[tuple[str, str]]):
        """``terms``: ``(term, topic id)`` pairs, in the order of the topics."""
        # pattern → the topics listing that term (a term may belong to two topics)
        owners: dict[str, list[str]] = {}
        lengths: dict[str, int] = {}
        keys: dict[str, str] = {}
        for term, topic_id in terms:
            pattern = _term_pattern(term)
            if topic_id not in owners.setdefault(pattern, []):
                owners[pattern].append(topic_id)
            lengths[pattern] = max(lengths.get(pattern, 0), len(term))
            keys[pattern] = _key(term)
        patterns = sorted(owners, key=lambda p: lengths[p], reverse=True)
        # first letters → [(rank, compiled term, its topics)]; rank 0 is the longest term
        self._by_key: dict[str, list[tuple[int, re.Pattern[str], list[str]]]] = {}
        for rank, pattern in enumerate(patterns):
            compiled = re.compile(rf"(?:{pattern})(?!\w)")
            self._by_key.setdefault(keys[pattern], []).append((rank, compiled, owners[pattern]))
        self._key_lengths = sorted({len(k) for k in self._by_key}, reverse=True)
        self._candidates_of: dict[str, list[tuple[int, re.Pattern[str], list[str]]]] = {}

    def _candidates(self, word_start: str) -> list[tuple[int, re.Pattern[str], list[str]]]:
        """The terms that can start with these letters, longest first (the alternation's order)."""
        found = self._candidates_of.get(word_start)  # word starts repeat: computed once each
        if found is None:
            lower = word_start.lower()
            found = sorted(c for n in self._key_lengths if len(lower) >= n for c in self._by_key.get(lower[:n], ()))
            self._candidates_of[word_start] = found
        return found

    def spans(self, folded: str, origin: list[int]) -> list[tuple[int, int, str]]:
        """The terms in ``folded`` (``fold_map`` of a text), with offsets into the text."""
        out: list[tuple[int, int, str]] = []
        resume = 0
        for start in _WORD_START.finditer(folded):
            at = start.start()
            if at < resume:
                continue
            for _, compiled, topic_ids in self._candidates(folded[at : at + _KEY]):
                m = compiled.match(folded, at)
                if m:
                    out.extend((origin[m.start()], origin[m.end()], topic_id) for topic_id in topic_ids)
                    resume = m.end()
                    break
        return out


class TopicMatcher:
    """Says which topics a text addresses, and where (for highlighting), in the text's language."""

    def __init__(self, topics: Iterable[Topic]):
        self.topics: tuple[Topic, ...] = tuple(topics)
        self._rank = {t.id: i for i, t in enumerate(self.topics)}
        # language → its terms (the ``Topic`` field is named like the YAML's: terms, terms_en)
        self._indexes = {
            language: _TermIndex((term, t.id) for t in self.topics for term in getattr(t, field))
            for language, (field, _) in LANGUAGES.items()
        }

    def spans(self, text: str, language: str | None = None) -> list[tuple[int, int, str]]:
        """Every term found in ``text``: ``(start, end, topic id)``, left to right.

        ``language`` is the text's (its document's ``language``): a French text is matched
        with the French terms only and an English text with the English terms only, because
        a term of one language can be an ordinary word of the other, and the longest match
        must be chosen among the terms of the text's own language. A text of unknown language
        (None, or a language topics have no terms in) is matched with every language's terms:
        its topics are then found whichever language it is in, at the small risk of a term that
        happens to be a word of the other language; there the spans of two languages may
        overlap.

        Offsets are into ``text`` itself, not its folded form. A term listed under two topics
        gives one span per topic, with the same offsets.
        """
        folded, origin = fold_map(text, lower=False)
        index = self._indexes.get(language)  # None for an unknown language
        if index is not None:
            return index.spans(folded, origin)
        found = {span for index in self._indexes.values() for span in index.spans(folded, origin)}
        return sorted(found, key=lambda s: (s[0], s[1], self._rank[s[2]]))

    def match(self, text: str, language: str | None = None) -> tuple[str, ...]:
        """Ids of the topics ``text`` (in ``language``, see ``spans``) addresses, in the order
        of ``data/topics.yaml``."""
        found = {topic_id for _, _, topic_id in self.spans(text, language)}
        return tuple(sorted(found, key=self._rank.__getitem__))
