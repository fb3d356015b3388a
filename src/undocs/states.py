"""The state gazetteer (``data/states.yaml``): the states a text names, the state a heading is.

French names a state in many ways ("Fédération de Russie", "République kirghize", "les Syriens",
"la centrale nucléaire japonaise"), so each state lists its forms and the gazetteer looks for all
of them at once. Matching is case-sensitive on purpose: the curated forms carry their case, and
case is what tells the people ("les Syriens") from nothing at all, while accent- or
case-insensitive matching would only add false mentions. A form matches as a whole word; a
hyphen or an apostrophe is a boundary ("israélo" in "israélo-arabe", "Espagne" in "l’Espagne").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError
from .model import State
from .textnorm import fold
from .yamlio import check_entry, load_yaml

_FIELDS = ("id", "name", "name_en", "iso3", "genitive", "forms")
_ID = re.compile(r"[a-z][a-z0-9-]*")
_ISO3 = re.compile(r"[A-Z]{3}")


def yaml_item_lines(path: Path) -> list[int]:
    """The 1-based line where each item of the top-level YAML list at ``path`` starts.

    Used only to point an error at the right entry; call it after ``load_yaml`` succeeded, so
    the file is known to be readable and well-formed. Empty when the top level is not a list.
    """
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    if not isinstance(node, yaml.SequenceNode):
        return []
    return [item.start_mark.line + 1 for item in node.value]


def load_states(path: Path) -> tuple[State, ...]:
    """Read and validate the gazetteer; any problem is a ``ConfigError`` naming the entry."""
    data = load_yaml(path, ConfigError)
    if not isinstance(data, list) or not data:
        raise ConfigError("expected a non-empty list of states", path)
    lines = yaml_item_lines(path)
    states: list[State] = []
    owner_of_form: dict[str, str] = {}
    owner_of_folded: dict[str, tuple[str, str]] = {}
    seen_iso3: dict[str, str] = {}
    for index, entry in enumerate(data):
        line = lines[index] if index < len(lines) else None
        state = _state(entry, index, path, line)

        def fail(message: str) -> ConfigError:
            return ConfigError(f"state {state.id!r}: {message}", path, line)

        if any(s.id == state.id for s in states):
            raise fail("duplicate id")
        if state.iso3 in seen_iso3:
            raise fail(f"iso3 {state.iso3} is already used by {seen_iso3[state.iso3]!r}")
        seen_iso3[state.iso3] = state.id
        for form in state.forms:
            if owner_of_form.get(form, state.id) != state.id:
                raise fail(f"form {form!r} is already listed for {owner_of_form[form]!r}")
            owner_of_form[form] = state.id
            # resolve() falls back on folded forms, so they must not be ambiguous either.
            other_id, other_form = owner_of_folded.setdefault(fold(form), (state.id, form))
            if other_id != state.id:
                raise fail(
                    f"form {form!r} is the same as {other_form!r} of {other_id!r} "
                    "once case and accents are ignored"
                )
        states.append(state)
    return tuple(states)


def _state(entry: Any, index: int, path: Path, line: int | None) -> State:
    """Check the fields of one entry and build its record."""
    fail = check_entry(entry, "state", index, path, line, _FIELDS)
    for key in ("id", "name", "name_en", "iso3", "genitive"):
        if not isinstance(entry[key], str) or entry[key] != entry[key].strip():
            raise fail(f"{key} must be a string without surrounding spaces")
    if not _ID.fullmatch(entry["id"]):
        raise fail("id must be a lower-case ASCII slug")
    if not _ISO3.fullmatch(entry["iso3"]):
        raise fail(f"iso3 must be three upper-case letters, not {entry['iso3']!r}")
    forms = entry["forms"]
    if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
        raise fail("forms must be a list of non-empty strings")
    for form in forms:
        if form != " ".join(form.split()):
            raise fail(f"form {form!r} has extra spaces")
        if "'" in form or "’" in form:
            # An apostrophe is a word boundary, so the part after it is the form to list.
            raise fail(f"form {form!r} contains an apostrophe")
    if len(set(forms)) != len(forms):
        raise fail("a form is listed twice")
    if entry["name"] not in forms:
        raise fail(f"name {entry['name']!r} must be one of the forms")
    return State(
        id=entry["id"],
        name=entry["name"],
        name_en=entry["name_en"],
        iso3=entry["iso3"],
        forms=tuple(forms),
        genitive=entry["genitive"],
    )


class Gazetteer:
    """Looks states up by heading and finds the states a text names.

    Built from validated states (``load_states``): forms are assumed unique across states.
    """

    def __init__(self, states: Iterable[State]):
        self.states: tuple[State, ...] = tuple(states)
        self._by_id = {s.id: s for s in self.states}
        self._by_form: dict[str, State] = {}
        self._by_folded: dict[str, State] = {}
        for state in self.states:
            for form in state.forms:
                self._by_form[form] = state
                self._by_folded[fold(form)] = state
        # Longest first, so that at one position "Fédération de Russie" beats a shorter form;
        # a space in a form matches any run of white space (a line break in the source).
        forms = sorted(self._by_form, key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(map(re.escape, f.split())) for f in forms)
        self._pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")

    def get(self, state_id: str) -> State:
        """The state with this id; a ``KeyError`` means a parser or sidecar used an unknown id."""
        try:
            return self._by_id[state_id]
        except KeyError:
            raise KeyError(f"unknown state id {state_id!r}") from None

    def resolve(self, name: str) -> State | None:
        """The state a heading names ("Norvège", " Turkménistan ", "République kirghize").

        The exact form is tried first; then case and accents are ignored, because headings
        are sometimes printed in capitals or lose their accents in extraction.
        """
        collapsed = " ".join(name.split())
        return self._by_form.get(collapsed) or self._by_folded.get(fold(collapsed))

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """Every form found in ``text``: ``(start, end, state id)``, left to right, no overlap."""
        return [
            (m.start(), m.end(), self._by_form[" ".join(m.group().split())].id)
            for m in self._pattern.finditer(text)
        ]

    def mentions(self, text: str) -> tuple[str, ...]:
        """Ids of the states ``text`` names, in order of first appearance, each once."""
        return tuple(dict.fromkeys(state_id for _, _, state_id in self.spans(text)))
