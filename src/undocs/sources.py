"""Finding the documents in ``seeds/`` and reading their YAML metadata sidecars.

Each document is two files side by side: the source (``x.fr.txt`` or ``x.fr.md``) and its
sidecar (``x.fr.yaml``). Everything is checked here, before any parsing, and every problem
names its file (and line, where YAML gives one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import SourceError
from .yamlio import load_yaml

FORMATS = ("plaintext", "markdown")
ROLES_IN_SIDECAR = ("sender", "signatory")
REQUIRED = ("symbol", "title", "date", "body", "language", "original_languages", "format")
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_IGNORED = {"README.md", "README.txt"}


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
    """A document's text and metadata, validated, not yet parsed."""

    id: str
    path: Path
    sidecar: Path
    text: str
    symbol: str | None
    other_symbols: tuple[str, ...]
    title: str
    date: str
    body: str
    language: str
    original_languages: tuple[str, ...]
    format: str
    job_number: str | None
    parts: tuple[PartRule, ...]
    extra: tuple[tuple[str, str], ...]


def discover(seeds: Path) -> list[Source]:
    """All documents in ``seeds`` in file-name order, each with its sidecar, read and checked."""
    if not seeds.is_dir():
        raise SourceError("seeds folder not found", seeds)
    files = sorted(p for p in seeds.iterdir() if p.is_file() and not p.name.startswith(".") and p.name not in _IGNORED)
    sidecars = [p for p in files if p.suffix in (".yaml", ".yml")]
    sources = {p.stem: p for p in files if p.suffix not in (".yaml", ".yml")}
    if not sidecars and not sources:
        raise SourceError("no documents found (expected pairs like x.fr.txt + x.fr.yaml)", seeds)
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
        if path not in claimed:
            raise SourceError(f"no metadata sidecar for this document (expected {path.stem}.yaml)", path)
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
        raise SourceError(f"no source file {sidecar.stem}.txt or {sidecar.stem}.md beside this sidecar", sidecar)
    return sources[sidecar.stem]


def _line_of(path: Path, key: str) -> int | None:
    """The line where ``key:`` stands in a sidecar, so that an error can point at it."""
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.match(rf"^\s*-?\s*{re.escape(key)}\s*:", line):
                return number
    except (OSError, UnicodeDecodeError):
        return None
    return None


def _line_containing(path: Path, needle: str) -> int | None:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    return None


def _decode(path: Path) -> str:
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8", path, line) from None
    if not text.strip():
        raise SourceError("the document is empty", path)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _text_list(value: Any, field: str, sidecar: Path) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
        return tuple(str(v) for v in value)
    raise SourceError(f"{field} must be a text or a list of texts", sidecar, _line_of(sidecar, field))


def _read(sidecar: Path, meta: dict[str, Any], path: Path) -> Source:
    missing = [k for k in REQUIRED if k not in meta]
    if missing:
        raise SourceError(f"missing required field(s): {', '.join(missing)}", sidecar)
    for key in REQUIRED:
        if key != "symbol" and (meta[key] is None or meta[key] == ""):
            raise SourceError(f"field {key!r} is empty", sidecar, _line_of(sidecar, key))
    fmt = meta["format"]
    if fmt not in FORMATS:
        raise SourceError(f"unknown format {fmt!r} (expected one of: {', '.join(FORMATS)})", sidecar, _line_of(sidecar, "format"))
    date = str(meta["date"])
    if not _ISO_DATE.match(date):
        raise SourceError(f"date {date!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)", sidecar, _line_of(sidecar, "date"))
    doc_id = str(meta.get("id") or path.name.split(".")[0].lower())
    if not _ID.match(doc_id):
        raise SourceError(f"id {doc_id!r} must be lower-case letters, digits and hyphens", sidecar, _line_of(sidecar, "id"))
    symbol = meta["symbol"]
    extra = meta.get("extra") or {}
    if not isinstance(extra, dict):
        raise SourceError("extra must be a mapping of label: value", sidecar, _line_of(sidecar, "extra"))
    return Source(
        id=doc_id,
        path=path,
        sidecar=sidecar,
        text=_decode(path),
        symbol=str(symbol) if symbol else None,
        other_symbols=_text_list(meta.get("other_symbols"), "other_symbols", sidecar),
        title=str(meta["title"]).strip(),
        date=date,
        body=str(meta["body"]),
        language=str(meta["language"]),
        original_languages=_text_list(meta["original_languages"], "original_languages", sidecar),
        format=fmt,
        job_number=str(meta["job_number"]) if meta.get("job_number") else None,
        parts=_part_rules(meta.get("parts"), sidecar),
        extra=tuple((str(k), str(v)) for k, v in extra.items()),
    )


def _part_rules(value: Any, sidecar: Path) -> tuple[PartRule, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise SourceError("parts must be a list", sidecar, _line_of(sidecar, "parts"))
    rules = []
    for entry in value:
        line = _line_containing(sidecar, str(entry.get("title"))) if isinstance(entry, dict) else None
        if not isinstance(entry, dict) or not entry.get("title"):
            raise SourceError("each entry of parts needs a title (the beginning of the part's title)", sidecar, line)
        role = entry.get("role")
        if role is not None and role not in ROLES_IN_SIDECAR:
            raise SourceError(f"unknown role {role!r} (expected one of: {', '.join(ROLES_IN_SIDECAR)})", sidecar, line)
        states = _text_list(entry.get("states"), "states", sidecar)
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
        if source.id in seen_ids:
            raise SourceError(f"duplicate document id {source.id!r} (also used by {seen_ids[source.id].name})", source.sidecar)
        seen_ids[source.id] = source.sidecar
        for symbol in ((source.symbol,) if source.symbol else ()) + source.other_symbols:
            if symbol in seen_symbols:
                raise SourceError(
                    f"duplicate symbol {symbol!r} (also used by {seen_symbols[symbol].name})",
                    source.sidecar, _line_of(source.sidecar, "symbol"),
                )
            seen_symbols[symbol] = source.sidecar
