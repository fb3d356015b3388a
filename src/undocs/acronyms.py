"""Acronyms (``data/acronyms.yaml``): the names the search treats as one ("OTSC", "CSTO",
"Organisation du Traité de sécurité collective").

Only the search uses them, at query time, in the browser (``static/js/search/query.mjs``), from
the table the build writes into ``meta.json`` (:func:`table`), and at build time, to index the
acronyms whose expansion a paragraph spells out (field ``sigle``).
Forms are compared after the search's analysis (``undocs.analysis``), so the file is written
as a reader writes and checked here for what would make a form useless or ambiguous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import analysis
from .errors import ConfigError
from .states import yaml_item_lines
from .topics import is_acronym
from .yamlio import check_entry, load_yaml

#: The archive's list (the build reads the one of its ``--data`` folder).
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "data" / "acronyms.yaml"

_ID = re.compile(r"[a-z][a-z0-9-]*")


@dataclass(frozen=True)
class Acronym:
    """One organisation or treaty: its acronyms and what they stand for, French first."""

    id: str
    acronyms: tuple[str, ...]  # capitals and digits: "TNP", "NPT"
    expansions: tuple[str, ...]  # "Traité sur la non-prolifération des armes nucléaires", …

    @property
    def label(self) -> str:
        """How the search page names it: "TNP = Traité sur la non-prolifération …"."""
        return f"{self.acronyms[0]} = {self.expansions[0]}"


def load_acronyms(path: Path = DEFAULT_PATH, optional: bool = False) -> tuple[Acronym, ...]:
    """Read and validate the list; any problem is a ``ConfigError`` naming the file and line.
    ``optional``: a missing file is an empty list (a data folder without acronyms)."""
    if optional and not Path(path).exists():
        return ()
    data = load_yaml(path, ConfigError)
    if not isinstance(data, list) or not data:
        raise ConfigError("expected a non-empty list of acronyms", path)
    lines = yaml_item_lines(path)
    out: list[Acronym] = []
    owner: dict[str, str] = {}  # an acronym or an analysed expansion -> its entry's id
    for index, entry in enumerate(data):
        line = lines[index] if index < len(lines) else None
        fail = check_entry(entry, "acronym entry", index, path, line, ("id", "acronyms", "expansions"))
        if not isinstance(entry["id"], str) or not _ID.fullmatch(entry["id"]):
            raise fail("id must be a lower-case ASCII slug")
        if any(a.id == entry["id"] for a in out):
            raise fail("duplicate id")
        acronyms = _strings(entry["acronyms"], "acronyms", fail)
        expansions = _strings(entry["expansions"], "expansions", fail)
        keys = []
        for acronym in acronyms:
            if not is_acronym(acronym):
                raise fail(f"acronym {acronym!r} must be capital letters and digits only (two or more)")
            keys.append(acronym)
        if all(analysis.term(a) is None for a in acronyms):
            raise fail("no acronym the search indexes (each is a French stop word): add one")
        for expansion in expansions:
            terms = analysis.analyze(expansion)
            if not terms:
                raise fail(f"expansion {expansion!r} has no word the search indexes (only stop words)")
            if is_acronym(expansion):
                raise fail(f"expansion {expansion!r} is in capitals: list it under acronyms")
            keys.append(" ".join(terms))
        for key in keys:
            if owner.get(key, entry["id"]) != entry["id"]:
                raise fail(f"{key!r} is already a form of {owner[key]!r}")
            if key in owner:
                raise fail(f"{key!r} is listed twice")
            owner[key] = entry["id"]
        out.append(Acronym(entry["id"], tuple(acronyms), tuple(expansions)))
    return tuple(out)


def _strings(value: Any, key: str, fail: Any) -> list[str]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(f"{key} must be a non-empty list of non-empty strings")
    if any(v != v.strip() or "  " in v for v in value):
        raise fail(f"{key}: no spaces around a form, single spaces inside")
    return value


class ExpansionFinder:
    """Which entries a text spells out: an expansion's terms adjacent, in order, in the text's
    analysed terms (the build indexes the entry's acronym with the paragraph: field ``sigle``).

    ``lang``: the language the text is analysed in; every expansion, French or English, is
    analysed in it too (an English expansion in an English text, a French one in a French
    text; the other language's rarely matches anything). The acronym indexed is the entry's
    first that the search indexes in French, the language of the field ``sigle`` and of the
    file's validation (acronyms are capitals, no word of either language)."""

    def __init__(self, acronyms: tuple[Acronym, ...], lang: str = "fr"):
        self._by_first: dict[str, list[tuple[list[str], str]]] = {}
        for entry in acronyms:
            word = next(a for a in entry.acronyms if analysis.term(a) is not None)
            for expansion in entry.expansions:
                terms = analysis.analyze(expansion, lang)
                if terms:  # an expansion of English stop words only would match everywhere
                    self._by_first.setdefault(terms[0], []).append((terms, word))

    def acronyms_in(self, terms: list[str]) -> list[str]:
        """The indexed acronym of each entry whose expansion occurs in ``terms``, in order."""
        found: dict[str, None] = {}
        for i, t in enumerate(terms):
            for expansion, word in self._by_first.get(t, ()):
                if terms[i : i + len(expansion)] == expansion:
                    found[word] = None
        return list(found)


def table(acronyms: tuple[Acronym, ...]) -> list[list[list[str]]]:
    """What ``meta.json`` carries (key ``sg``): ``[[acronyms…], [expansions…]]`` per entry."""
    return [[list(a.acronyms), list(a.expansions)] for a in acronyms]
