"""Derived views of a corpus, computed once and shared by the pages and the data export.

Everything a reader browses by (roles per state, paragraphs per state and per topic, the
states × topics counts) and the citation string of every paragraph is computed here, in one
pass, so that a page and the JSON that describes it can never disagree.

Paragraphs are keyed by ``(document id, paragraph id)`` (see :func:`pkey`); the parsers make
ids unique across the archive, the key does not rely on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .model import ROLES, Corpus, Document, Paragraph, Part, State, Statement, Topic
from .textnorm import fold

PKey = tuple[str, str]

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip

LANGUAGES = {
    "fr": "français",
    "en": "anglais",
    "es": "espagnol",
    "ru": "russe",
    "ar": "arabe",
    "zh": "chinois",
    "de": "allemand",
}

ROLE_LABELS = {
    "reply": "réponse",
    "sender": "note verbale",
    "signatory": "signataire",
    "sponsor": "auteur du projet",
    "speaker": "intervention",
    "mentioned": "mentionné",
}
#: A part sent by a state that is a letter, not a note verbale (its title says so).
_LETTER_TITLES = ("letter", "lettre", "identical letters", "lettres identiques")

KIND_LABELS = {"paragraph": "paragraphe", "item": "élément de liste", "closing": "formule finale"}

#: Longest part title used as is in a citation; longer ones are cut to their first words.
MAX_TITLE_WORDS = 14
SHORT_TITLE_WORDS = 12


def pkey(p: Paragraph) -> PKey:
    return (p.document, p.id)


def as_date(d: date | str | None) -> date | None:
    """A date, tolerating an ISO string (as YAML may leave it)."""
    if d is None or isinstance(d, date):
        return d
    try:
        return date.fromisoformat(str(d))
    except ValueError:
        return None


def iso(d: date | str | None) -> str | None:
    """ISO form of a date (``2012-06-05``), None for None."""
    parsed = as_date(d)
    if parsed is not None:
        return parsed.isoformat()
    return str(d) if d is not None else None


#: What the interface shows for a field the document does not state (never a guess).
UNKNOWN = "inconnu (non lu dans le document)"


def doc_title(doc: Document) -> str:
    """The title to show: the document's own, or a plain word that it is not known."""
    return doc.title or f"Titre inconnu (non lu dans le document {doc.cite_symbol})"


def french_date(d: date | str | None) -> str:
    """``5 juin 2012``; the first of the month is ``1er juin 2012``, as UN documents write it.

    A partial ISO date (``2012``, ``2012-09``) gives ``2012``, ``septembre 2012``.
    """
    if d is None:
        return ""
    parsed = as_date(d)
    if parsed is None:
        pieces = str(d).split("-")
        if len(pieces) == 2 and pieces[1].isdigit() and 1 <= int(pieces[1]) <= 12:
            return f"{MONTHS[int(pieces[1]) - 1]} {pieces[0]}"
        return str(d)
    day = "1er" if parsed.day == 1 else str(parsed.day)
    return f"{day} {MONTHS[parsed.month - 1]} {parsed.year}"


def language_name(code: str | None) -> str:
    """A French language name for an ISO 639-1 code; anything else is shown as given."""
    if not code:
        return ""
    return LANGUAGES.get(code.lower(), code)


def role_label(role: str) -> str:
    return ROLE_LABELS.get(role, role)


def sort_key(text: str) -> str:
    """A collation key for French names: accents and case ignored (``États`` sorts with ``E``)."""
    return fold(text)


def short_title(title: str) -> str:
    """A part title shortened for a citation: before an em/en dash aside, at most a few words."""
    for dash in (" – ", " — "):
        if dash in title:
            title = title.split(dash, 1)[0]
    title = title.rstrip(" *")
    words = title.split()
    if len(words) > MAX_TITLE_WORDS:
        return " ".join(words[:SHORT_TITLE_WORDS]) + " …"
    return " ".join(words)


def genitive(state: State) -> str:
    return state.genitive or f"({state.name})"


def part_phrase(part: Part, states: dict[str, State]) -> str:
    """How a citation names a part: ``réponse de la Norvège``, ``note verbale du Kazakhstan``,
    else the (shortened) part title, else nothing."""
    if len(part.statements) == 1 and part.statements[0].role in ("reply", "sender"):
        statement = part.statements[0]
        state = states.get(statement.state)
        if state is not None:
            label = role_label(statement.role)
            if statement.role == "sender" and fold(part.title).startswith(_LETTER_TITLES):
                label = "lettre"
            return f"{label} {genitive(state)}"
    if part.title:
        return short_title(part.title)
    return ""


def citation(document: Document, part: Part, paragraph: Paragraph, states: dict[str, State]) -> str:
    """``A/67/131, réponse de la Norvège, § 3``."""
    pieces = [document.cite_symbol, part_phrase(part, states), paragraph.label]
    return ", ".join(p for p in pieces if p)


def other_language(document: Document) -> str | None:
    """The document's language where it is not the interface's (French): what a page marks
    with ``lang`` around the document's own words. Unknown stays unmarked (never guessed)."""
    return document.language if document.language and document.language != "fr" else None


def own_number(paragraph: Paragraph) -> bool:
    """True when the ``§`` of a citation is the archive's count within its part, not a number
    or letter printed in the document (a reader must be told: the UN text has no "§ 4")."""
    return paragraph.kind != "closing" and paragraph.number is None and not paragraph.marker


#: What a full reference adds to the ``§`` the archive counts (:func:`own_number`).
OWN_NUMBER_FLAG = " [rang dans la partie, compté par l’archive]"


def reference_prefix(document: Document) -> str:
    """What a full reference says of the document: body, title, symbol, date, each only when
    the document gives it (``Assemblée générale, « Promotion du multilatéralisme… »,
    A/67/131, 2012``). A document page prints it once; its script composes each paragraph's
    full reference from it and the paragraph's short citation."""
    title = f"«\u00a0{document.title}\u00a0»" if document.title else None
    pieces = [document.body, title, document.cite_symbol, french_date(document.date) or None]
    return ", ".join(p for p in pieces if p)


def reference(document: Document, part: Part, paragraph: Paragraph, states: dict[str, State]) -> str:
    """The full reference a reader pastes into a paper: :func:`reference_prefix`, then the
    part and the paragraph (``…, A/67/131, 2012, réponse de la Norvège, § 3``)."""
    label = paragraph.label + (OWN_NUMBER_FLAG if own_number(paragraph) else "")
    pieces = [reference_prefix(document), part_phrase(part, states), label]
    return ", ".join(p for p in pieces if p)


def symbol_note(document: Document) -> str | None:
    """What to say when the document's own symbol is unknown, else None."""
    if document.symbol:
        return None
    if document.other_symbols:
        return f"inconnue (publié initialement sous la cote {document.other_symbols[0]})"
    return "inconnue"


def part_speakers(part: Part, states: dict[str, State]) -> tuple[str, ...]:
    """The known states speaking in a part (reply, sender, signatories), each once."""
    return tuple(dict.fromkeys(st.state for st in part.statements if st.state in states))


@dataclass(frozen=True)
class Role:
    document: str
    role: str


@dataclass(frozen=True)
class StatementRef:
    """A statement with where it is: its document and its part."""

    document: str
    part: str
    statement: Statement


@dataclass(frozen=True)
class Views:
    """Lookups and groupings over one corpus (build it with :func:`build_views`)."""

    corpus: Corpus
    documents: dict[str, Document]
    states: dict[str, State]
    topics: dict[str, Topic]
    states_sorted: tuple[State, ...]
    paragraphs: tuple[Paragraph, ...]  # corpus order
    parts: dict[PKey, Part]  # paragraph key -> its part
    citations: dict[PKey, str]
    state_roles: dict[str, tuple[Role, ...]]
    state_statements: dict[str, tuple[StatementRef, ...]]
    state_paragraphs: dict[str, tuple[Paragraph, ...]]  # paragraphs of parts the state speaks in
    state_mentions: dict[str, tuple[Paragraph, ...]]  # paragraphs naming it, but for its own reply or note
    topic_paragraphs: dict[str, tuple[Paragraph, ...]]
    state_topic_paragraphs: dict[tuple[str, str], tuple[Paragraph, ...]]

    def citation(self, p: Paragraph) -> str:
        return self.citations[pkey(p)]

    def part(self, p: Paragraph) -> Part:
        return self.parts[pkey(p)]

    def reference(self, p: Paragraph) -> str:
        return reference(self.documents[p.document], self.part(p), p, self.states)

    def count(self, state_id: str, topic_id: str) -> int:
        return len(self.state_topic_paragraphs.get((state_id, topic_id), ()))

    def state_topics(self, state_id: str) -> tuple[tuple[Topic, int], ...]:
        """The topics a state speaks about, with paragraph counts, in topic order."""
        return tuple(
            (t, self.count(state_id, t.id)) for t in self.corpus.topics if self.count(state_id, t.id)
        )

    def document_topics(self, doc_id: str) -> tuple[tuple[Topic, int], ...]:
        doc = self.documents[doc_id]
        counts = {t.id: 0 for t in self.corpus.topics}
        for p in doc.paragraphs:
            for t in p.topics:
                if t in counts:
                    counts[t] += 1
        return tuple((t, counts[t.id]) for t in self.corpus.topics if counts[t.id])

    def document_states(self, doc_id: str) -> tuple[str, ...]:
        """States speaking in a document (statements), in document order, without repeats."""
        seen: list[str] = []
        for s in self.documents[doc_id].statements:
            if s.state not in seen:
                seen.append(s.state)
        return tuple(seen)

    def speakers(self, p: Paragraph) -> tuple[str, ...]:
        """The states speaking in a paragraph: its part's replying, sending or signing states."""
        return part_speakers(self.part(p), self.states)

    def topic_states(self, topic_id: str) -> tuple[str, ...]:
        """The states speaking about a topic, in the states' order."""
        return tuple(s.id for s in self.states_sorted if self.count(s.id, topic_id))

    def group_key(self, p: Paragraph) -> str:
        """How a topic page groups a document's paragraphs: by state, else by part."""
        if p.state and p.state in self.states:
            return self.states[p.state].name
        part = self.part(p)
        return part.title or part.key


def build_views(corpus: Corpus) -> Views:
    states = {s.id: s for s in corpus.states}
    topics = {t.id: t for t in corpus.topics}
    documents = {d.id: d for d in corpus.documents}
    doc_order = {d.id: i for i, d in enumerate(corpus.documents)}
    role_order = {r: i for i, r in enumerate(ROLES)}

    paragraphs: list[Paragraph] = []
    parts: dict[PKey, Part] = {}
    citations: dict[PKey, str] = {}
    roles: dict[str, set[tuple[str, str]]] = {s: set() for s in states}
    statements: dict[str, list[StatementRef]] = {s: [] for s in states}
    speaking: dict[str, list[Paragraph]] = {s: [] for s in states}
    mentioned: dict[str, list[Paragraph]] = {s: [] for s in states}
    by_topic: dict[str, list[Paragraph]] = {t: [] for t in topics}
    by_state_topic: dict[tuple[str, str], list[Paragraph]] = {}

    for doc in corpus.documents:
        for part in doc.parts:
            for st in part.statements:
                if st.state in states:
                    roles[st.state].add((doc.id, st.role))
                    statements[st.state].append(StatementRef(doc.id, part.key, st))
            # Every state speaking in a part (replying, sending, signing) speaks its paragraphs:
            # the six signatories of a declaration each "say" all of it.
            speakers = part_speakers(part, states)
            for p in part.paragraphs:
                key = pkey(p)
                paragraphs.append(p)
                parts[key] = part
                citations[key] = citation(doc, part, p, states)
                for s in speakers:
                    speaking[s].append(p)
                for m in dict.fromkeys(p.mentions):
                    # A reply naming its own state is no mention; a declaration singling out
                    # one of its signatories ("l'initiative de la Fédération de Russie") is.
                    if m in states and m != part.state:
                        mentioned[m].append(p)
                        roles[m].add((doc.id, "mentioned"))
                for t in dict.fromkeys(p.topics):
                    if t in topics:
                        by_topic[t].append(p)
                        for s in speakers:
                            by_state_topic.setdefault((s, t), []).append(p)

    def role_sort(r: tuple[str, str]) -> tuple[int, int, str]:
        return (doc_order[r[0]], role_order.get(r[1], len(ROLES)), r[1])

    return Views(
        corpus=corpus,
        documents=documents,
        states=states,
        topics=topics,
        states_sorted=tuple(sorted(corpus.states, key=lambda s: (sort_key(s.name), s.id))),
        paragraphs=tuple(paragraphs),
        parts=parts,
        citations=citations,
        state_roles={
            s: tuple(Role(d, r) for d, r in sorted(v, key=role_sort)) for s, v in roles.items()
        },
        state_statements={s: tuple(v) for s, v in statements.items()},
        state_paragraphs={s: tuple(v) for s, v in speaking.items()},
        state_mentions={s: tuple(v) for s, v in mentioned.items()},
        topic_paragraphs={t: tuple(v) for t, v in by_topic.items()},
        state_topic_paragraphs={k: tuple(v) for k, v in sorted(by_state_topic.items())},
    )
