"""English, as UN documents print it: "Distr.: General", "Original: English", "Annex I"."""

from __future__ import annotations

import re

from . import Language

_I = re.IGNORECASE

LANGUAGE = Language(
    code="en",
    name_fr="anglais",
    months={
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
        "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
        "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    },
    day=r"\d{1,2}",
    language_names={
        "english": "en", "french": "fr", "spanish": "es", "russian": "ru", "chinese": "zh",
        "arabic": "ar",
    },
    job_letter="E",
    distribution=re.compile(r"^Distr\.?\s*:?\s*(?P<value>[A-Za-z][A-Za-z ]*)$", _I),
    original=re.compile(r"^Original\s*:\s*(?P<value>.+)$", _I),
    session=re.compile(r"^(?P<value>(?:[\w-]+(?: [\w-]+)?|\d{4}) (?:regular |special |resumed |substantive |organizational )*session\b.*|[\w-]+ year)$", _I),
    agenda=re.compile(r"^(?P<value>(?:Provisional agenda )?(?:Agenda )?items? [\d(].*|Items? \d+.* of the (?:provisional )?agenda.*)$", _I),
    organs=(
        "General Assembly", "Security Council", "Economic and Social Council", "Trusteeship Council",
        "International Court of Justice", "Secretariat", "Human Rights Council",
        "Conference on Disarmament", "Disarmament Commission", "United Nations Development Programme",
        "Executive Board of the United Nations Development Programme, the United Nations Population Fund and the United Nations Office for Project Services",
    ),
    annex=re.compile(r"^(?P<kind>Annex|Annexes|Enclosure|Appendix|Attachment|Addendum)(?: (?P<number>[IVXLC]+|\d+|[A-Z]))?(?: to .*)?$"),
    letter_title=re.compile(
        r"^(?:Identical )?(?:[Ll]etters?|Note verbale|Notes verbales)(?: dated .+?)? from (?P<senders>.+?)"
        r"(?: to the United Nations| to the United Nations Office at \w+| in \w+)?(?:,? addressed to .*)?$",
        re.S,
    ),
    representative=re.compile(r"\b(?:Permanent|Deputy|Charg[ée]s? d.affaires|Representatives?|Missions?|Observer|Ambassadors?|Ministers?|Government|Head of State|President of the Republic)\b", _I),
    draft_title=re.compile(r"^(?P<sponsors>.+?)\s*:\s*(?:revised )?(?:draft resolution|draft decision|amendments?(?: to .*)?)\b", re.S | _I),
    speaker=re.compile(
        r"^(?P<who>(?:The (?:Acting )?(?:President|Chair|Secretary-General|Co-Chair)"
        r"|(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Archbishop|Cardinal|Monsignor|Prince|Princess|Sheikh|Sheikha)\.? [^():]{1,80}?))"
        r"(?: \((?P<state>[^()]{2,80})\))?(?: \((?:spoke in|interpretation from) (?P<language>\w+)\))?:\s"
    ),
    meeting=re.compile(r"^(?:\d+(?:st|nd|rd|th) (?:plenary )?meeting|Official Records)$", _I),
    furniture=("Please recycle", "Accessible document"),
)
