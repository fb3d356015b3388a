"""French, as UN documents print it: "Distr. générale", "Original : anglais", "Annexe I"."""

from __future__ import annotations

import re

from . import Language

_I = re.IGNORECASE

LANGUAGE = Language(
    code="fr",
    name_fr="français",
    months={
        "janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
        "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    },
    day=r"1er|\d{1,2}",
    language_names={
        "anglais": "en", "français": "fr", "espagnol": "es", "russe": "ru", "chinois": "zh",
        "arabe": "ar",
    },
    job_letter="F",
    distribution=re.compile(r"^Distr\.?\s*:?\s*(?P<value>[A-Za-zéèÉ][A-Za-zéèÉ ]*)$", _I),
    original=re.compile(r"^Original\s*:\s*(?P<value>.+)$", _I),
    session=re.compile(r"^(?P<value>(?:[\w-]+ )?session(?: [\w-]+)*)$", _I),
    agenda=re.compile(r"^(?P<value>Points? [\d(].*(?:de l.ordre du jour).*|Points? \d+.*)$", _I),
    organs=(
        "Assemblée générale", "Conseil de sécurité", "Conseil économique et social", "Conseil de tutelle",
        "Cour internationale de Justice", "Secrétariat", "Conseil des droits de l’homme",
        "Conseil des droits de l'homme", "Conférence du désarmement", "Commission du désarmement",
    ),
    annex=re.compile(r"^(?P<kind>Annexe|Annexes|Pièce jointe|Appendice|Additif)(?: (?P<number>[IVXLC]+|\d+|[A-Z]))?$"),
    letter_title=re.compile(
        r"^(?:Lettres? (?:identiques )?|Notes? verbales? )(?:datées? d[ue] .+?)?,? adressées? .+? par (?P<senders>.+?)"
        r"(?: auprès de l.Organisation des Nations Unies.*)?$",
        re.S,
    ),
    representative=re.compile(r"\b(?:[Rr]eprésentante?s? permanente?s?|[Rr]eprésentante?s?|[Cc]hargée?s? d.affaires|Mission|[Oo]bservateur|[Aa]mbassadeur|[Mm]inistre|Gouvernement|Président de la République)\b", _I),
    draft_title=re.compile(r"^(?P<sponsors>.+?)\s*:\s*(?:projet (?:révisé )?de (?:résolution|décision)|amendements?)\b", re.S | _I),
    speaker=re.compile(
        r"^(?P<who>(?:L[ea] (?:Président(?:e)?|Secrétaire général(?:e)?)(?: par intérim)?"
        r"|(?:M|Mme|Mlle|Sir|Dame)\.? [^():]{1,80}?))"
        r"(?: \((?P<state>[^()]{2,80})\))?(?: \((?:parle en|interprétation de l.)\s*(?P<language>\w+)\))?\s?:\s"
    ),
    meeting=re.compile(r"^(?:\d+e séance(?: plénière)?|Documents officiels)$", _I),
    furniture=("Merci de recycler", "Document accessible"),
)
