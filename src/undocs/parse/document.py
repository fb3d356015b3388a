"""From a ``Source`` to a ``Document``: pick the format's reader, apply the sidecar's part rules,
freeze the result into records."""

from __future__ import annotations

from collections.abc import Callable

from ..errors import SourceError
from ..model import Document, State, Statement
from ..sources import Source
from .common import PartDraft, assemble
from .markdown import parse_markdown
from .plaintext import parse_plaintext


def parse_source(source: Source, resolve_state: Callable[[str], State | None]) -> tuple[Document, tuple[SourceError, ...]]:
    """Parse one document; returns it with the warnings its reading raised."""
    file = source.path.name
    removals: tuple = ()
    warnings: tuple[SourceError, ...] = ()
    masthead: tuple[str, ...] = ()
    if source.format == "plaintext":
        symbols = ((source.symbol,) if source.symbol else ()) + source.other_symbols
        result = parse_plaintext(source.text, file, symbols, source.job_number, resolve_state)
        drafts, removals, warnings = result.drafts, result.removals, result.warnings
    else:
        md = parse_markdown(source.text, file)
        drafts, masthead = md.drafts, md.masthead
    if not any(d.paragraphs for d in drafts):
        raise SourceError("no paragraph found in the document", source.path)
    _apply_part_rules(source, drafts)
    document = Document(
        id=source.id,
        symbol=source.symbol,
        other_symbols=source.other_symbols,
        title=source.title,
        date=source.date,
        body=source.body,
        language=source.language,
        original_languages=source.original_languages,
        format=source.format,
        source_file=file,
        sidecar_file=source.sidecar.name,
        parts=assemble(drafts, source.id, file),
        masthead=masthead,
        removals=tuple(removals),
        extra=source.extra,
    )
    return document, tuple(warnings)


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
