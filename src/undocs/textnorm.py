"""Folding text so that "Sûreté", "surete" and "SÛRETÉ" compare equal: the one folding function.

Slugs, sort keys, state and topic look-ups and the search's analysis (``analysis.normalize``,
whose JavaScript twin ``static/js/analysis.js`` the parity test holds to it) all fold here.

Topic terms, heading look-ups and search all need the same notion of "the same word once
case, accents, ligatures and the typographic apostrophe are ignored"; keeping it in one place
keeps them consistent. Folding works one character at a time so that a match found in the
folded text can be mapped back to the original (``fold_map``): highlighting needs offsets into
what the reader sees, and folding can change the length (``œ`` → ``oe``, a decomposed accent
→ nothing).
"""

from __future__ import annotations

import re

import unicodedata
from functools import lru_cache

#: Characters NFKD leaves alone but a French reader treats as spelling variants.
_SPECIAL = {
    "œ": "oe",
    "Œ": "OE",
    "æ": "ae",
    "Æ": "AE",
    "ß": "ss",
    "’": "'",
    "‘": "'",
    "ʼ": "'",
    "‐": "-",  # U+2010, also what NFKD makes of the non-breaking hyphen U+2011
}


@lru_cache(maxsize=4096)
def _fold_char(char: str, lower: bool) -> str:
    """Fold one character; the result may be empty (a combining mark) or longer (``œ``)."""
    text = char.lower() if lower else char
    decomposed = unicodedata.normalize("NFKD", text)
    if lower:
        decomposed = decomposed.lower()  # NFKD can give capitals ("ℌ" -> "H")
    return "".join(_SPECIAL.get(c, c) for c in decomposed if not unicodedata.category(c).startswith("M"))


def fold(text: str) -> str:
    """Lower-case ``text`` and drop accents, expand ``œ``/``æ``, make every apostrophe ``'``."""
    return "".join(_fold_char(c, True) for c in text)


def fold_map(text: str, *, lower: bool = True) -> tuple[str, list[int]]:
    """Fold ``text`` and say where each folded character comes from.

    Returns ``(folded, origin)`` where ``origin[i]`` is the index in ``text`` of the character
    that produced ``folded[i]``, plus one last entry ``len(text)``, so a match ``[s, e)`` of the
    folded text is ``text[origin[s]:origin[e]]`` (a dropped accent stays with its letter).
    With ``lower=False`` case is kept, for matchers that treat acronyms case-sensitively.
    """
    # One translation table for the text's distinct characters (C speed); the origin map is
    # the identity unless a character folds to none or several (a combining mark, œ).
    table = {ord(c): _fold_char(c, lower) for c in set(text)}
    folded = text.translate(table)
    if len(folded) == len(text) and all(len(v) == 1 for v in table.values()):
        return folded, list(range(len(text) + 1))
    odd = {chr(k): len(v) for k, v in table.items() if len(v) != 1}
    origin: list[int] = []
    previous = 0
    for match in re.finditer("|".join(map(re.escape, odd)), text):
        at = match.start()
        origin.extend(range(previous, at))  # characters folding to one: the identity
        origin.extend([at] * odd[text[at]])
        previous = at + 1
    origin.extend(range(previous, len(text) + 1))
    return folded, origin
