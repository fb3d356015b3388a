"""What differs between the languages of UN documents, as data: one module per language.

The readers never branch on a language: they ask the ``Language`` of a document (or try each
one, while the language is not known yet, as when reading a masthead) for its month names, its
masthead words, its heading words and the wording of its titles. Adding a language is adding a
module here and listing it in ``LANGUAGES``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Language:
    """One language's words, as UN documents print them (see ``en`` and ``fr``)."""

    code: str  # ISO 639-1
    #: The language's own name in French, the archive's interface language ("anglais").
    name_fr: str
    #: Month names (lower case) -> month number; with the abbreviations documents use.
    months: dict[str, int]
    #: A day before its month: "1er", "24"; the pattern of a full date in running text.
    day: str
    #: Language names as an "Original:" line prints them (lower case) -> ISO 639-1 code.
    language_names: dict[str, str]
    #: The job number's language letter ("25-03068 (E)") for this language.
    job_letter: str
    #: Masthead words: distribution line, "Original:" label, session, agenda item.
    distribution: re.Pattern[str]
    original: re.Pattern[str]
    session: re.Pattern[str]
    agenda: re.Pattern[str]
    #: The organs a masthead names, as printed (matched case-insensitively, whole run).
    organs: tuple[str, ...]
    #: A heading that opens an annex, an enclosure or an appendix ("Annex I", "Enclosure").
    annex: re.Pattern[str]
    #: A letter's or a note verbale's title, with the group ``senders`` holding who sends it.
    letter_title: re.Pattern[str]
    #: Who in a letter's "from …" speaks for a state (a Permanent Representative, a Mission),
    #: not for an office (the Chair of a committee, whose title may name a country).
    representative: re.Pattern[str]
    #: A draft resolution's title, with the group ``sponsors`` listing its sponsors.
    draft_title: re.Pattern[str]
    #: A verbatim record's speaker line: "Mr. X (Kazakhstan) (spoke in French):".
    speaker: re.Pattern[str]
    #: A verbatim record's masthead: its meeting ("64th plenary meeting") and "Official Records".
    meeting: re.Pattern[str] = re.compile(r"(?!)")
    #: Words of the lines a masthead or a page prints that are never the document's text.
    furniture: tuple[str, ...] = field(default=())

    def parse_date(self, text: str, *, line: bool = False) -> date | None:
        """The first full date in ``text`` ("24 February 2025", "1er juin 2012"), or None.

        With ``line``, only a date that opens the text, after a weekday at most ("Wednesday,
        16 April 2025, 10 a.m."): a masthead's date line, not a date inside a phrase such as
        "(New York, 17 February–14 March 2025)"."""
        months = "|".join(sorted(map(re.escape, self.months), key=len, reverse=True))
        pattern = rf"(?<!\w)({self.day})\s+({months})\.?,?\s+(\d{{4}})(?!\d)"
        if line:
            pattern = r"^(?:\w+,?\s+)?" + pattern
        for m in re.finditer(pattern, text, re.IGNORECASE):
            day = int(re.sub(r"\D", "", m.group(1)))
            try:
                return date(int(m.group(3)), self.months[m.group(2).lower()], day)
            except ValueError:
                continue
        return None


def languages() -> tuple[Language, ...]:
    """Every language the readers know, in a fixed order (tried in turn on a masthead)."""
    from . import en, fr

    return (en.LANGUAGE, fr.LANGUAGE)


def by_code(code: str | None) -> Language | None:
    """The language with this ISO 639-1 code, or None."""
    return next((lang for lang in languages() if lang.code == code), None)


def language_code(name: str) -> str | None:
    """"English", "anglais", "ENGLISH" -> "en": a language's name in any known language."""
    key = name.strip().lower()
    for lang in languages():
        if key in lang.language_names:
            return lang.language_names[key]
    return None


def french_name(code: str) -> str:
    """The French name of a language code ("en" -> "anglais"); the code itself if unknown."""
    from . import fr

    for name, value in fr.LANGUAGE.language_names.items():
        if value == code:
            return name
    return code
