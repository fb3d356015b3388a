"""From a ``Source`` to a ``Document``: read it with its format's reader, settle its metadata
(the sidecar's word over the masthead's, a warning where they disagree), apply the sidecar's
part rules, freeze the result into records."""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from ..errors import Notice, SourceError
from ..lang import french_name
from ..model import Document, Statement
from ..read import Found, Hints, Reading, StateFinder, read
from ..sources import Source
from .common import PartDraft, assemble, slug

#: Masthead fields a reader would cite; an unread one is named in a warning.
_CITED = ("symbol", "title", "date", "body", "language")


def source_hints(source: Source) -> Hints:
    """What the sidecar tells the reader of a PDF before it reads the masthead."""
    return Hints(
        symbols=((source.symbol,) if source.symbol else ()) + source.other_symbols,
        job_number=source.job_number,
        language=source.language if source.language and len(source.language) == 2 else None,
    )


def parse_source(
    source: Source, states: StateFinder, taken: AbstractSet[str] = frozenset(), reading: Reading | None = None
) -> tuple[Document, tuple[SourceError, ...], str]:
    """Read and parse one document; returns it, the warnings its reading raised, and the text
    the fidelity check compares its page with. ``taken``: the ids of documents read before;
    ``reading``: the file already read (``read(source.path, source.format,
    source_hints(source), states)``, kept by the build cache).

    Warnings that are ``Notice``s (a field the masthead did not print) are reported but never
    fail a ``--strict`` build; the others (a masthead that cannot be read at all, a sidecar that
    contradicts the document, a lost word) do.
    """
    if reading is None:
        reading = read(source.path, source.format, source_hints(source), states)
    drafts = reading.drafts
    if not any(d.paragraphs for d in drafts):
        raise SourceError("no paragraph found in the document", source.path.name if source.format == "pdf" else source.path)
    _apply_part_rules(source, drafts)
    meta, warnings = _metadata(source, reading.found) if source.format == "pdf" else (_sidecar_only(source), [])
    doc_id = source.id or _id_from(meta["symbol"], meta["language"], source, taken)
    document = Document(
        id=doc_id,
        symbol=meta["symbol"],
        other_symbols=meta["other_symbols"],
        title=meta["title"],
        date=meta["date"],
        body=meta["body"],
        language=meta["language"],
        original_languages=meta["original_languages"],
        format=source.format,
        source_file=source.path.name,
        sidecar_file=source.sidecar.name if source.sidecar else None,
        parts=assemble(drafts, doc_id, source.path.name),
        masthead=reading.masthead,
        removals=reading.removals,
        extra=meta["extra"],
    )
    return document, tuple(reading.warnings) + tuple(warnings), reading.text


def _sidecar_only(source: Source) -> dict:
    return {
        "symbol": source.symbol, "other_symbols": source.other_symbols, "title": source.title,
        "date": source.date, "body": source.body, "language": source.language,
        "original_languages": source.original_languages, "extra": source.extra,
    }


def _metadata(source: Source, found: Found) -> tuple[dict, list[SourceError]]:
    """The sidecar's fields where it gives them, the masthead's elsewhere; a warning for each
    disagreement (naming both values) and for each field neither gives."""
    warnings: list[SourceError] = []
    where = (source.sidecar or source.path).name
    read_values = {
        "symbol": found.symbols[0] if found.symbols else None,
        "other_symbols": tuple(found.symbols[1:]),
        "title": found.title,
        "date": found.date,
        "body": ", ".join(found.organs) or None,
        "language": found.language,
        "original_languages": tuple(french_name(code) for code in found.original_languages),
        "job_number": found.job_number,
    }
    meta: dict = {}
    for key, value in read_values.items():
        given = getattr(source, key)
        if key in source.given:
            if value and given != value and key != "original_languages":
                warnings.append(SourceError(f"the sidecar's {key} {given!r} differs from the document's {value!r} (the sidecar's is used)", where))
            meta[key] = given
        else:
            meta[key] = value
    if not found.has_masthead:
        missing = [k for k in _CITED if not meta.get(k)]
        if missing:
            warnings.append(SourceError(f"no masthead could be read: unknown {', '.join(missing)} (give them in a sidecar {source.path.stem}.yaml)", source.path.name))
    else:
        for key in _CITED:
            if not meta.get(key):
                warnings.append(Notice(f"the masthead does not give the {key}: left unknown", source.path.name))
    extra = list(source.extra)
    labels = {k for k, _ in extra}
    for label, value in (
        ("Distribution", found.distribution),
        ("Session", found.session),
        ("Ordre du jour", " ; ".join(found.agenda_items) or None),
        ("Numéro de tirage", meta.pop("job_number")),
    ):
        if value and label not in labels:
            extra.append((label, value))
    meta["extra"] = tuple(extra)
    return meta, warnings


def _id_from(symbol: str | None, language: str | None, source: Source, taken: AbstractSet[str]) -> str:
    """A PDF's id: its symbol as a slug ("A/79/807" -> "a-79-807"), with its language when
    another version of the same document came first ("a-79-807-fr"); without a symbol, its
    file's name (an identifier only, never read as metadata)."""
    base = slug(symbol) if symbol else slug(source.path.stem) or "document"
    if base in taken and language:
        base = f"{base}-{slug(language)}"
    if base in taken:
        raise SourceError(f"another document has the id {base!r} (the same symbol?): give this one an id in a sidecar", source.path.name)
    return base


def _apply_part_rules(source: Source, drafts: list[PartDraft]) -> None:
    """Give parts the keys and speaking states their sidecar names (matched by title start)."""
    for rule in source.parts:
        matches = [d for d in drafts if d.title.startswith(rule.title)]
        if len(matches) != 1:
            found = "no part" if not matches else f"{len(matches)} parts"
            raise SourceError(f"parts: {found} of the document has a title starting with {rule.title!r}", source.sidecar, rule.line)
        part = matches[0]
        if rule.key:
            part.key = rule.key
        if rule.role:
            part.statements = [Statement(state=state, role=rule.role) for state in rule.states]
