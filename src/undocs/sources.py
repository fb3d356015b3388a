"""Finding the documents in ``seeds/`` and reading their YAML metadata sidecars.

A document is its source file — a PDF as the UN publishes it (``x.pdf``), text extracted from
one (``x.fr.txt``) or Markdown (``x.fr.md``) — and, beside it, an optional sidecar of the same
stem (``x.yaml``). A PDF says what it is in its masthead, so its sidecar is optional and every
field of it too: a sidecar adds what the PDF lacks and overrides what it states. Text and
Markdown say nothing of themselves: their sidecar is required, with the fields of ``REQUIRED``.
Everything here is checked before any parsing, and every problem names its file (and line,
where YAML gives one).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import SourceError
from .read.decode import decode
from .yamlio import load_yaml

FORMATS = ("plaintext", "markdown", "pdf")
#: The format of each source file extension (the reader is chosen by it: ``undocs.read``).
EXTENSIONS = {".txt": "plaintext", ".md": "markdown", ".pdf": "pdf"}
ROLES_IN_SIDECAR = ("sender", "signatory")
REQUIRED = ("symbol", "title", "date", "body", "language", "original_languages", "format")
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_IGNORED = {"README.md", "README.txt"}
#: PyYAML's safe loader, in C when it has libyaml (as ``yamlio`` reads).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class PartRule:
    """A sidecar's word on a part: its short key, and who speaks in it (sender, signatories)."""

    title: str  # the beginning of the part's title
    key: str | None
    role: str | None
    states: tuple[str, ...]
    line: int | None


@dataclass(frozen=True)
class Source:
    """A document's file and what its sidecar says, validated, not yet read.

    For a PDF every metadata field may be ``None`` (unset): the masthead will say it. ``given``
    names the fields the sidecar set, so that they override the masthead.
    """

    id: str | None  # None: derived from the symbol once the document is read
    path: Path
    sidecar: Path | None
    symbol: str | None
    other_symbols: tuple[str, ...]
    title: str | None
    date: str | None
    body: str | None
    language: str | None
    original_languages: tuple[str, ...]
    format: str
    job_number: str | None
    parts: tuple[PartRule, ...]
    extra: tuple[tuple[str, str], ...]
    given: frozenset[str] = frozenset()

    @property
    def text(self) -> str:
        """The decoded text of a text or Markdown source."""
        return decode(self.path)


def discover(seeds: Path) -> list[Source]:
    """All documents in ``seeds`` in file-name order, each with its sidecar, read and checked."""
    if not seeds.is_dir():
        raise SourceError("seeds folder not found", seeds)
    files = sorted(p for p in seeds.iterdir() if p.is_file() and not p.name.startswith(".") and p.name not in _IGNORED)
    sidecars = [p for p in files if p.suffix in (".yaml", ".yml")]
    sources = {p.stem: p for p in files if p.suffix not in (".yaml", ".yml")}
    if not sidecars and not sources:
        raise SourceError("no documents found (expected x.pdf, or pairs like x.fr.txt + x.fr.yaml)", seeds)
    found: list[Source] = []
    claimed: set[Path] = set()
    for sidecar in sidecars:
        meta = load_yaml(sidecar, SourceError)
        if not isinstance(meta, dict):
            raise SourceError("a sidecar must be a YAML mapping of metadata fields", sidecar, 1)
        source_path = _source_path(sidecar, meta, sources)
        claimed.add(source_path)
        found.append(_read(sidecar, meta, source_path))
    for path in sources.values():
        if path in claimed:
            continue
        if path.suffix.lower() == ".pdf":
            found.append(_bare_pdf(path))
        elif path.suffix.lower() in EXTENSIONS:
            raise SourceError(f"no metadata sidecar for this document (expected {path.stem}.yaml)", path)
        else:
            known = ", ".join(EXTENSIONS)
            raise SourceError(f"unsupported kind of file {path.suffix or '(no extension)'!r} (expected one of: {known}, with .yaml sidecars)", path)
    _check_unique(found)
    return sorted(found, key=lambda s: s.path.name)


def _source_path(sidecar: Path, meta: dict[str, Any], sources: dict[str, Path]) -> Path:
    named = meta.get("source")
    if named is not None:
        path = sidecar.parent / str(named)
        if not path.is_file() or path.parent != sidecar.parent:
            raise SourceError(f"source file {named!r} not found beside the sidecar", sidecar, _line_of(sidecar, "source"))
        return path
    if sidecar.stem not in sources:
        raise SourceError(f"no source file {sidecar.stem}.pdf, .txt or .md beside this sidecar", sidecar)
    return sources[sidecar.stem]


def _node(path: Path) -> yaml.Node | None:
    """The YAML tree of a sidecar, with where each node stands (read after ``load_yaml``
    succeeded, to point an error at its line)."""
    try:
        return yaml.compose(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


def _line_of(path: Path, key: str) -> int | None:
    """The line where the top-level field ``key`` of a sidecar stands, so that an error can
    point at it (a field of the same name inside ``parts`` or ``extra`` is another one)."""
    node = _node(path)
    if isinstance(node, yaml.MappingNode):
        for name, _value in node.value:
            if isinstance(name, yaml.ScalarNode) and name.value == key:
                return name.start_mark.line + 1
    return None


def _item_lines(path: Path, key: str) -> list[int]:
    """The line where each item of the top-level list ``key`` starts (the entries of ``parts``)."""
    node = _node(path)
    if isinstance(node, yaml.MappingNode):
        for name, value in node.value:
            if isinstance(name, yaml.ScalarNode) and name.value == key and isinstance(value, yaml.SequenceNode):
                return [item.start_mark.line + 1 for item in value.value]
    return []


def _text_list(value: Any, field: str, sidecar: Path, line: int | None = None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
        return tuple(str(v) for v in value)
    raise SourceError(f"{field} must be a text or a list of texts", sidecar, line or _line_of(sidecar, field))


def _is_iso_date(text: str) -> bool:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, of a month and a day that exist ("2012-02-30" does not)."""
    if not _ISO_DATE.match(text):
        return False
    try:
        datetime.date.fromisoformat((text + "-01-01")[:10])
    except ValueError:
        return False
    return True


def _bare_pdf(path: Path) -> Source:
    """A PDF without a sidecar: everything is read from the document itself."""
    return Source(
        id=None, path=path, sidecar=None, symbol=None, other_symbols=(), title=None, date=None, body=None,
        language=None, original_languages=(), format="pdf", job_number=None, parts=(), extra=(),
    )


def _read(sidecar: Path, meta: dict[str, Any], path: Path) -> Source:
    fmt = EXTENSIONS.get(path.suffix.lower())
    declared = meta.get("format")
    if declared is not None and declared not in FORMATS:
        raise SourceError(f"unknown format {declared!r} (expected one of: {', '.join(FORMATS)})", sidecar, _line_of(sidecar, "format"))
    if fmt is None:
        fmt = declared
    elif declared is not None and declared != fmt:
        raise SourceError(f"format {declared!r} does not match the source file {path.name}", sidecar, _line_of(sidecar, "format"))
    if fmt is None:
        raise SourceError(f"unsupported kind of file {path.suffix!r}: give format (plaintext or markdown)", sidecar)
    if fmt != "pdf":
        decode(path)  # a text source that is empty or not UTF-8 is refused here, before parsing
    required = () if fmt == "pdf" else REQUIRED
    missing = [k for k in required if k not in meta]
    if missing:
        raise SourceError(f"missing required field(s): {', '.join(missing)}", sidecar)
    for key in required:
        if key != "symbol" and (meta[key] is None or meta[key] == ""):
            raise SourceError(f"field {key!r} is empty", sidecar, _line_of(sidecar, key))
    date = str(meta["date"]) if meta.get("date") is not None else None
    if date is not None and not _is_iso_date(date):
        raise SourceError(f"date {date!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)", sidecar, _line_of(sidecar, "date"))
    doc_id = meta.get("id")
    if doc_id is None and fmt != "pdf":
        doc_id = path.name.split(".")[0].lower()
    if doc_id is not None and not _ID.match(str(doc_id)):
        raise SourceError(f"id {doc_id!r} must be lower-case letters, digits and hyphens", sidecar, _line_of(sidecar, "id"))
    symbol = meta.get("symbol")
    extra = meta.get("extra") or {}
    if not isinstance(extra, dict):
        raise SourceError("extra must be a mapping of label: value", sidecar, _line_of(sidecar, "extra"))

    def text(key: str) -> str | None:
        value = meta.get(key)
        return str(value).strip() if value not in (None, "") else None

    return Source(
        id=str(doc_id) if doc_id is not None else None,
        path=path,
        sidecar=sidecar,
        symbol=str(symbol) if symbol else None,
        other_symbols=_text_list(meta.get("other_symbols"), "other_symbols", sidecar),
        title=text("title"),
        date=date,
        body=text("body"),
        language=text("language"),
        original_languages=_text_list(meta.get("original_languages"), "original_languages", sidecar),
        format=fmt,
        job_number=text("job_number"),
        parts=_part_rules(meta.get("parts"), sidecar),
        extra=tuple((str(k), str(v)) for k, v in extra.items()),
        given=frozenset(k for k, v in meta.items() if v is not None),
    )


def _part_rules(value: Any, sidecar: Path) -> tuple[PartRule, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise SourceError("parts must be a list", sidecar, _line_of(sidecar, "parts"))
    rules = []
    lines = _item_lines(sidecar, "parts")
    for index, entry in enumerate(value):
        line = lines[index] if index < len(lines) else None
        if not isinstance(entry, dict) or not entry.get("title"):
            raise SourceError("each entry of parts needs a title (the beginning of the part's title)", sidecar, line)
        role = entry.get("role")
        if role is not None and role not in ROLES_IN_SIDECAR:
            raise SourceError(f"unknown role {role!r} (expected one of: {', '.join(ROLES_IN_SIDECAR)})", sidecar, line)
        states = _text_list(entry.get("states"), "states", sidecar, line)
        if bool(role) != bool(states):
            raise SourceError("a part's role and states go together", sidecar, line)
        key = entry.get("id")
        if key is not None and not _ID.match(str(key)):
            raise SourceError(f"part id {key!r} must be lower-case letters, digits and hyphens", sidecar, line)
        rules.append(PartRule(str(entry["title"]), str(key) if key else None, role, states, line))
    return tuple(rules)


def _check_unique(sources: list[Source]) -> None:
    seen_ids: dict[str, Path] = {}
    seen_symbols: dict[str, Path] = {}
    for source in sources:
        if source.sidecar is None:
            continue
        if source.id is not None and source.id in seen_ids:
            raise SourceError(f"duplicate document id {source.id!r} (also used by {seen_ids[source.id].name})", source.sidecar)
        if source.id is not None:
            seen_ids[source.id] = source.sidecar
        for symbol in ((source.symbol,) if source.symbol else ()) + source.other_symbols:
            if symbol in seen_symbols:
                raise SourceError(
                    f"duplicate symbol {symbol!r} (also used by {seen_symbols[symbol].name})",
                    source.sidecar, _line_of(source.sidecar, "symbol"),
                )
            seen_symbols[symbol] = source.sidecar
