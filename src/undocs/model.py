"""The archive's records: plain, frozen dataclasses.

Parsers produce them, enrichment returns new copies with states and topics filled in
(``dataclasses.replace``), renderers and exporters only read them. Nothing here does I/O.

Identifiers are derived from a record's position in its source (part key + ordinal), never
from a counter shared across documents, so a permalink stays put when another document is
added to ``seeds/``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Roles a state can play in a document (``mentioned`` is derived from the text).
ROLES = ("reply", "sender", "signatory", "sponsor", "speaker", "mentioned")


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """Where a record comes from: file name (relative to ``seeds/``) and 1-based line range."""

    file: str
    line_start: int
    line_end: int


@dataclass(frozen=True, slots=True)
class Footnote:
    """A note of the source (e.g. ``*``); ``id`` is its anchor, ``marker`` the sign used in the text."""

    id: str
    marker: str
    text: str
    source: SourceSpan


@dataclass(frozen=True, slots=True)
class Paragraph:
    """The citable unit: a paragraph, a list item or a closing line (place and date).

    ``blocks`` keeps the visual paragraphs of one logical paragraph (paragraph 4 of the CSTO
    declaration has two); ``text`` joins them with single spaces. ``number`` is the number
    printed in the source (None when the source does not number it); ``seq`` is the ordinal
    within the part and is what a citation uses when ``number`` is None.
    """

    id: str
    document: str
    part: str
    kind: str  # "paragraph" | "item" | "closing"
    seq: int
    number: int | None
    blocks: tuple[str, ...]
    source: SourceSpan
    state: str | None = None
    footnote_refs: tuple[str, ...] = ()
    #: Where a footnote is called inside the text: (block index, character offset, note id).
    #: Empty when the source marks calls only at the paragraph's end (text and Markdown).
    calls: tuple[tuple[int, int, str], ...] = ()
    #: A list item's printed letter or numeral with the number of the paragraph it belongs to
    #: ("2 (a)", "2 (a) (i)"): what a citation gives instead of the item's ordinal.
    marker: str | None = None
    topics: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return " ".join(self.blocks)

    @property
    def label(self) -> str:
        """How a citation points at this paragraph: ``§ 3``, or the closing line as such."""
        if self.kind == "closing":
            return "lieu et date"
        if self.marker:
            return f"§ {self.marker}"
        return f"§ {self.number if self.number is not None else self.seq}"


@dataclass(frozen=True, slots=True)
class Statement:
    """A state's contribution to a document: a reply, a note it sent, a text it signed."""

    state: str
    role: str
    original_language: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD)
    date_text: str | None = None  # the date as the source prints it ("1er juin 2012"), shown as is


@dataclass(frozen=True, slots=True)
class Part:
    """A section of a document: an introduction, one state's reply, a declaration.

    ``level`` 1 is a top section, 2 a subsection (a reply under "Réponses reçues").
    ``statements`` name the states speaking in this part with their role.
    """

    key: str
    title: str
    level: int
    number: str | None = None  # printed section number, e.g. "II"
    paragraphs: tuple[Paragraph, ...] = ()
    statements: tuple[Statement, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    title_footnote_refs: tuple[str, ...] = ()
    source: SourceSpan | None = None

    @property
    def state(self) -> str | None:
        """The one state speaking in this part, if there is exactly one (a reply, a sender)."""
        return self.statements[0].state if len(self.statements) == 1 else None


@dataclass(frozen=True, slots=True)
class Removal:
    """An extraction artefact the parser recognised and left out (listed in the build report)."""

    file: str
    line: int
    text: str
    reason: str  # what it is, in French, for the report
    rule: str  # the rule that recognised it (see ``pdf.furniture.RULES``, ``parse.plaintext``)
    page: int | None = None  # the PDF page it stood on


@dataclass(frozen=True, slots=True)
class Document:
    """One UN document, with its metadata (from its masthead or sidecar) and its parsed parts.

    A field the document does not state and no sidecar gives is ``None``: unknown, never guessed.
    """

    id: str
    symbol: str | None
    other_symbols: tuple[str, ...]
    title: str | None
    date: str | None  # ISO 8601, possibly reduced precision ("2012") when the source gives no more
    body: str | None  # the organ(s), as printed
    language: str | None  # ISO 639-1 of this version
    original_languages: tuple[str, ...]  # French names ("anglais"), as the interface shows them
    format: str
    source_file: str
    sidecar_file: str | None
    parts: tuple[Part, ...] = ()
    masthead: tuple[str, ...] = ()
    removals: tuple[Removal, ...] = ()
    extra: tuple[tuple[str, str], ...] = field(default=())  # other citation metadata, in sidecar order

    @property
    def cite_symbol(self) -> str:
        """The symbol a reader can cite: the document's own, else the first it was issued under."""
        if self.symbol:
            return self.symbol
        return self.other_symbols[0] if self.other_symbols else self.id

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(p for part in self.parts for p in part.paragraphs)

    @property
    def statements(self) -> tuple[Statement, ...]:
        return tuple(s for part in self.parts for s in part.statements)


@dataclass(frozen=True, slots=True)
class State:
    """An entry of the gazetteer (``data/states.yaml``)."""

    id: str
    name: str
    name_en: str
    iso3: str
    forms: tuple[str, ...]  # every form that names this state in French text (names, adjectives)
    genitive: str = ""  # "de la Norvège", "du Panama", "de Cuba": for citations ("réponse de la Norvège")
    forms_en: tuple[str, ...] = ()  # every form that names it in English text ("Norway", "Norwegian")
    iso_names: tuple[str, ...] = ()  # its ISO 3166-1 names from pycountry, English and French, also matched
    exceptions: tuple[str, ...] = ()  # phrases containing a form that name nothing ("Gulf of Guinea")
    observer: bool = False  # an observer State of the UN (Holy See, State of Palestine), not a Member


@dataclass(frozen=True, slots=True)
class Topic:
    """An entry of ``data/topics.yaml``: a theme readers browse and search by.

    ``terms`` are matched in French text, ``terms_en`` in English text; each includes its
    language's acronyms (a term in capitals, e.g. "TNP", "NPT").
    """

    id: str
    label: str
    label_en: str
    description: str
    terms: tuple[str, ...]
    unbis: str | None = None
    unbis_label: str | None = None
    terms_en: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Corpus:
    """Everything one build works on, enriched and validated."""

    documents: tuple[Document, ...]
    states: tuple[State, ...]
    topics: tuple[Topic, ...]
