"""The state gazetteer (``data/states.yaml``): the states a text names, the state a heading is.

A state is named in many ways ("Fédération de Russie", "République kirghize", "les Syriens",
"la centrale nucléaire japonaise", "the Islamic Republic of Iran", "Norwegian"), so each state
lists its forms, in French and in English, and the gazetteer looks for all of them at once,
whatever the language of the text. The ISO 3166-1 names (short, official and common, in
English and French) come from pycountry, which also vouches for every code; the file holds
what is the UN's own. Matching is case-sensitive on purpose: the curated forms carry their
case, and case is what tells the people ("les Syriens") from nothing at all, while accent- or
case-insensitive matching would only add false mentions. A form matches as a whole word; a
hyphen is a boundary ("israélo" in "israélo-arabe") and so is an apostrophe before a word
("Espagne" in "l’Espagne"), while an apostrophe inside a form matches ’ and ' alike ("Côte
d’Ivoire"). The longest form wins at a position ("Guinea-Bissau" is not Guinea); exceptions
are phrases matched like forms that name nothing ("Gulf of Guinea").
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry
import yaml

from .errors import ConfigError
from .model import State
from .textnorm import fold
from .yamlio import check_entry, load_yaml

_FIELDS = ("id", "name", "name_en", "iso3", "genitive", "forms", "forms_en")
_OPTIONAL = ("exceptions", "observer")
_LISTS = ("forms", "forms_en", "exceptions")
_ID = re.compile(r"[a-z][a-z0-9-]*")
_ISO3 = re.compile(r"[A-Z]{3}")
#: The apostrophes a text may print; a form's apostrophe matches any of them.
_APOSTROPHES = "'’ʼ"
_APOSTROPHE = re.compile(f"[{_APOSTROPHES}]")
#: A form must not begin with an elided word ("d’Iran", "l'Espagne"): the apostrophe before a
#: word is a boundary, so the form to list is the part after it.
_ELIDED_START = re.compile(rf"\w+[{_APOSTROPHES}]")
#: An ISO name that starts with an article ("the State of Eritrea", "L'État de Palestine").
_ISO_ARTICLE = re.compile(rf"^(?:the |The |L[{_APOSTROPHES}])")


def yaml_item_lines(path: Path) -> list[int]:
    """The 1-based line where each item of the top-level YAML list at ``path`` starts.

    Used only to point an error at the right entry; call it after ``load_yaml`` succeeded, so
    the file is known to be readable and well-formed. Empty when the top level is not a list.
    """
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # in C when PyYAML has libyaml: 8× faster
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=loader)
    if not isinstance(node, yaml.SequenceNode):
        return []
    return [item.start_mark.line + 1 for item in node.value]


def key(text: str) -> str:
    """A form or a matched text as the gazetteer compares them: white space collapsed to one
    space, every apostrophe made ``’``."""
    return _APOSTROPHE.sub("’", " ".join(text.split()))


@lru_cache(maxsize=1)
def _french() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])


def iso_names(iso3: str) -> tuple[str, ...] | None:
    """The ISO 3166-1 names of ``iso3`` that read as text, English then French; ``None`` when
    pycountry does not know the code.

    The short, official and common names ("Norway", "Kingdom of Norway"; "Bolivia"), and their
    French translations where pycountry has one; the inverted list forms ("Iran, Islamic
    Republic of") are left out and a leading article is dropped ("the State of Eritrea").
    """
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return None
    english = [getattr(country, f, None) for f in ("name", "official_name", "common_name")]
    english = [n for n in english if n]
    french = [t for t in map(_french().gettext, english) if t not in english]
    names = (" ".join(_ISO_ARTICLE.sub("", n, count=1).split()) for n in english + french)
    return tuple(dict.fromkeys(n for n in names if n and "," not in n))


def load_states(path: Path) -> tuple[State, ...]:
    """Read and validate the gazetteer; any problem is a ``ConfigError`` naming the entry."""
    data = load_yaml(path, ConfigError)
    if not isinstance(data, list) or not data:
        raise ConfigError("expected a non-empty list of states", path)
    lines = yaml_item_lines(path)
    states: list[State] = []
    # Who owns each key, and each folded key (resolve() falls back on folded names, so they
    # must not be ambiguous either): (state id, the form as listed, where it comes from).
    owner_of_key: dict[str, tuple[str, str, str]] = {}
    owner_of_folded: dict[str, tuple[str, str, str]] = {}
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
        for form, origin in _named(state):
            other = owner_of_key.setdefault(key(form), (state.id, form, origin))
            if other[0] != state.id:
                raise fail(f"{origin} {form!r} is already listed for {other[0]!r} ({other[2]} {other[1]!r})")
            if origin == "exception":
                continue  # exceptions are matched exactly, never folded
            other = owner_of_folded.setdefault(fold(key(form)), (state.id, form, origin))
            if other[0] != state.id:
                raise fail(
                    f"{origin} {form!r} is the same as {other[2]} {other[1]!r} of {other[0]!r} "
                    "once case and accents are ignored"
                )
        states.append(state)
    return tuple(states)


def _named(state: State) -> Iterator[tuple[str, str]]:
    """Every name of ``state`` with where it comes from, for the checks across states."""
    for field, origin in (("forms", "form"), ("forms_en", "form"), ("iso_names", "ISO name"),
                          ("exceptions", "exception")):
        for form in getattr(state, field):
            yield form, origin


def _state(entry: Any, index: int, path: Path, line: int | None) -> State:
    """Check the fields of one entry and build its record (with its ISO names)."""
    fail = check_entry(entry, "state", index, path, line, _FIELDS, _OPTIONAL)
    for field in ("id", "name", "name_en", "iso3", "genitive"):
        if not isinstance(entry[field], str) or entry[field] != entry[field].strip():
            raise fail(f"{field} must be a string without surrounding spaces")
    if not _ID.fullmatch(entry["id"]):
        raise fail("id must be a lower-case ASCII slug")
    if not _ISO3.fullmatch(entry["iso3"]):
        raise fail(f"iso3 must be three upper-case letters, not {entry['iso3']!r}")
    found = iso_names(entry["iso3"])
    if found is None:
        raise fail(f"iso3 {entry['iso3']} is not an ISO 3166-1 alpha-3 code (pycountry)")
    lists: dict[str, list[str]] = {}
    for field in _LISTS:
        values = entry.get(field, [])
        if not isinstance(values, list) or not all(isinstance(f, str) and f.strip() for f in values):
            raise fail(f"{field} must be a list of non-empty strings")
        for form in values:
            if form != " ".join(form.split()):
                raise fail(f"{field}: {form!r} has extra spaces")
            if _ELIDED_START.match(form) or form[0] in _APOSTROPHES or form[-1] in _APOSTROPHES:
                # An apostrophe before a word is a boundary ("l’Espagne"), so the part after
                # it is the form to list; inside a form it is kept ("Côte d’Ivoire").
                raise fail(f"{field}: {form!r} begins or ends at an apostrophe (an elided article?)")
        if len(set(map(key, values))) != len(values):
            raise fail(f"{field}: a form is listed twice")
        lists[field] = values
    in_forms = {key(f) for f in lists["forms"] + lists["forms_en"]}
    clash = [f for f in lists["exceptions"] if key(f) in in_forms]
    if clash:
        raise fail(f"exceptions: {clash[0]!r} is also a form")
    if entry["name"] not in lists["forms"]:
        raise fail(f"name {entry['name']!r} must be one of the forms")
    if entry["name_en"] not in lists["forms_en"]:
        raise fail(f"name_en {entry['name_en']!r} must be one of the forms_en")
    if not isinstance(entry.get("observer", False), bool):
        raise fail("observer must be true or false")
    # The ISO names add to the forms, unless the file lists them already (as a form, or as an
    # exception that names nothing: "Salvador" is a first name, the state is "El Salvador").
    listed = in_forms | {key(f) for f in lists["exceptions"]}
    return State(
        id=entry["id"],
        name=entry["name"],
        name_en=entry["name_en"],
        iso3=entry["iso3"],
        forms=tuple(lists["forms"]),
        genitive=entry["genitive"],
        forms_en=tuple(lists["forms_en"]),
        iso_names=tuple(n for n in found if key(n) not in listed),
        exceptions=tuple(lists["exceptions"]),
        observer=entry.get("observer", False),
    )


def _pattern(forms: Iterable[str]) -> re.Pattern[str]:
    """One regular expression finding every form as a whole word, the longest at a position.

    The forms are merged into a trie (one alternative per distinct next character), so the
    engine tries a handful of characters at each position rather than thousands of forms; a
    longer continuation is tried before a form may end there, and it may end only before a
    non-word character. A space matches any run of white space (a line break in the source),
    an apostrophe any apostrophe.
    """
    trie: dict[str, Any] = {}
    end = ""  # the key marking that a form ends at a node (no unit is empty)
    for form in forms:
        node = trie
        for unit in _units(form):
            node = node.setdefault(unit, {})
        node[end] = True

    def compile_node(node: dict[str, Any]) -> str:
        branches = [unit + compile_node(child) for unit, child in sorted(node.items()) if unit != end]
        if end in node:
            branches.append(r"(?!\w)")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return re.compile(r"(?<!\w)" + compile_node(trie))


def _units(form: str) -> Iterator[str]:
    """The regular expression of each character of ``form`` (a run of spaces is one unit)."""
    for token in re.split(r"(\s+)", form):
        if not token:
            continue
        if token.isspace():
            yield r"\s+"
            continue
        for char in token:
            yield f"[{_APOSTROPHES}]" if char in _APOSTROPHES else re.escape(char)


class Gazetteer:
    """Looks states up by heading and finds the states a text names.

    Built from validated states (``load_states``): names are assumed unique across states.
    """

    def __init__(self, states: Iterable[State]):
        self.states: tuple[State, ...] = tuple(states)
        self._by_id = {s.id: s for s in self.states}
        self._in_text: dict[str, str | None] = {}  # form or exception -> state id (None: nothing)
        self._by_name: dict[str, State] = {}  # what resolve() accepts
        self._by_folded: dict[str, State] = {}
        for state in self.states:
            for form in (*state.forms, *state.forms_en, *state.iso_names):
                self._in_text[key(form)] = state.id
            for exception in state.exceptions:
                self._in_text[key(exception)] = None
            for name in (*state.forms, *state.forms_en, *state.iso_names):
                self._by_name[key(name)] = state
                self._by_folded[fold(key(name))] = state
        self._pattern = _pattern(self._in_text)

    def get(self, state_id: str) -> State:
        """The state with this id; a ``KeyError`` means a parser or sidecar used an unknown id."""
        try:
            return self._by_id[state_id]
        except KeyError:
            raise KeyError(f"unknown state id {state_id!r}") from None

    def resolve(self, name: str) -> State | None:
        """The state a heading names ("Norvège", " Turkménistan ", "République kirghize").

        The exact form is tried first; then case and accents are ignored, because headings
        are sometimes printed in capitals or lose their accents in extraction. A name in its
        list form is read with its brackets put back in front ("Congo (Democratic Republic of
        the)": "Democratic Republic of the Congo", not the Congo; "Iran (République islamique
        d’)": "République islamique d’Iran"), then as the name before them ("Iran"); a last
        bracket that is no part of the name ("… (suite)") is dropped the same way. An English
        name may come with its article ("the Sudan").
        """
        collapsed = key(name)
        candidates = [collapsed]
        rest = collapsed
        while rest.endswith(")") and " (" in rest:
            cut = rest.rindex(" (")
            inner, rest = rest[cut + 2 : -1], rest[:cut]
            candidates += [inner + ("" if inner.endswith("’") else " ") + rest, rest]  # key(): every apostrophe ’
        if collapsed.startswith(("the ", "The ")):
            candidates.append(collapsed[4:])
        for candidate in candidates:
            state = self._by_name.get(candidate) or self._by_folded.get(fold(candidate))
            if state is not None:
                return state
        return None

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """Every form found in ``text``: ``(start, end, state id)``, left to right, no overlap."""
        found = []
        for m in self._pattern.finditer(text):
            state_id = self._in_text[key(m.group())]
            if state_id is not None:
                found.append((m.start(), m.end(), state_id))
        return found

    def mentions(self, text: str) -> tuple[str, ...]:
        """Ids of the states ``text`` names, in order of first appearance, each once."""
        return tuple(dict.fromkeys(state_id for _, _, state_id in self.spans(text)))
