"""The build's own proof that no word of a source was lost: every word of the source (less the
lines removed as recognised artefacts) must appear, in order, in the text of its page.

Words are runs of letters and digits, so markup (``**``, ``#``, ``1.``'s dot, bullets) and
line breaks do not count, while every letter of the document does. The page may have more
words (headings, permalinks, "Citer"): the source's words must be a subsequence of them.
"""

from __future__ import annotations

import html as html_lib
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from . import lang
from .model import Document

_WORD = re.compile(r"\w+")
#: The element of a document page that holds the document's text (see templates/document.html).
TEXT_ROOT_ID = "document-text"


@dataclass(frozen=True)
class Loss:
    """The first source word not found on the page, in order."""

    file: str
    line: int
    word: str
    why: str = "is missing from its page"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: the word {self.word!r} of the source {self.why}"


#: A page, token by token: a comment, a tag (closing?, name, attributes), or text. The pages
#: are the build's own (templates, autoescaped text): no raw < in text, attribute values quoted.
_TOKEN = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|[^<]+|<", re.S)
#: An attribute's name (its value, quoted or not, skipped).
_ATTRIBUTE = re.compile(r"""([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _attributes(text: str) -> dict[str, str]:
    """Attribute names (lower case) and values (entities decoded)."""
    return {m.group(1).lower(): html_lib.unescape(m.group(2) or m.group(3) or m.group(4) or "") for m in _ATTRIBUTE.finditer(text)}


def page_text(html: str) -> list[str]:
    """The source text of a page, in chunks: inside the element whose id is ``TEXT_ROOT_ID``,
    less the elements marked ``data-nonsource`` (cite blocks, chips, links the page adds), so
    that a word the page adds can never stand in for a word the source lost. A scanner of
    the build's own markup (a regex per token, ~10 times faster than ``html.parser`` on a large
    archive); ``tests/test_fidelity.py`` checks it against ``html.parser`` on built pages."""
    depth = 0  # nesting depth inside the text root (0: outside)
    skip_at: int | None = None  # depth of the data-nonsource element being skipped
    chunks: list[str] = []
    for token in _TOKEN.finditer(html):
        name = token.group(2)
        if name is None:
            text = token.group(0)
            if depth and skip_at is None and not text.startswith("<!--"):
                chunks.append(html_lib.unescape(text))
            continue
        name = name.lower()
        attributes = token.group(3)
        if name in _VOID or attributes.rstrip().endswith("/"):
            continue
        if token.group(1):  # an end tag
            if depth:
                if skip_at == depth:
                    skip_at = None
                depth -= 1
        elif depth:
            depth += 1
            if skip_at is None and "data-nonsource" in _attributes(attributes):
                skip_at = depth
        elif TEXT_ROOT_ID in attributes and _attributes(attributes).get("id") == TEXT_ROOT_ID:
            depth = 1
    return chunks


def page_words(html: str) -> list[str]:
    return _WORD.findall(" ".join(page_text(html)))


#: No page furniture has more words than this (``pdf.furniture.MAX_WORDS``, which the rules
#: keep): a longer removal is text a rule took by mistake.
MAX_REMOVED_WORDS = 9


def _symbols_alone(text: str) -> bool:
    """A running header of symbols: every piece holds a "/" ("A/79/807", "S/RES/2776", the OCR'd
    "A/39/36r"), or is a year or part in brackets, or the dash of a joint symbol. A word of
    running text ("A/52/23 (Part IV), chap. VII.") is not."""
    pieces = text.split()
    return bool(pieces) and all(
        "/" in piece or re.fullmatch(r"\((?:\d{4}\)|Part)|[IVXL]+\)|[-–—−]|\*", piece) for piece in pieces
    )


def _job_number(text: str) -> bool:
    """A job number, alone or with its language letter, date and page ("25-03068 (E) 260225",
    "GE.25-04731", "912-41314", "84-I7984 1304q (E)" as OCR read it): numbers around the
    "yy-nnnnn"."""
    if not re.search(r"\d{2}-[0-9A-Za-z]{5}", text):
        return False
    rest = re.sub(r"\d{2}-[0-9A-Za-z]{5}|\([A-Z]\)|^GE\.", " ", text)
    # What stands around it: numbers, and the date as OCR may misread it ("1304q").
    return all(re.fullmatch(r"[\d/X*]+|(?=(?:\D*\d){3})[0-9A-Za-z]{4,6}", piece) for piece in rest.split())


def _folded(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


#: The words of the languages' data (``undocs.lang``) that furniture may be: "Please recycle",
#: a version's language printed alone ("English", "EngL i sh" as OCR spaced it).
_FURNITURE_PHRASES = {_folded(w) for language in lang.languages() for w in language.furniture}
_LANGUAGE_NAMES = {_folded(name) for language in lang.languages() for name in language.language_names}

#: The shape of what each rule may remove, judged on the removed text alone: deliberately
#: coarser than the readers' own rules (``pdf.furniture.RULES``, ``parse.plaintext``) and
#: written apart from them, so that a rule loosened by mistake ("starts with the symbol")
#: removes a line that fails here. A rule not listed removes nothing.
SHAPES: dict[str, Callable[[str], bool]] = {
    "symbol-header": _symbols_alone,
    "date-header": lambda t: re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", t) is not None,
    "language-header": lambda t: _folded(t) in _LANGUAGE_NAMES,
    "page-number": lambda t: re.fullmatch(r"(?:Page\s*)?-?\s*\d{1,4}(?:\s*/\s*\d{1,4})?\s*-?", t) is not None,
    "job-number": _job_number,
    "hidden-job-number": _job_number,
    "continued-mark": lambda t: re.fullmatch(r"/?(?:\.\.\.|…)", t) is not None,
    "barcode": lambda t: re.fullmatch(r"\*\s?[0-9A-Z]{7,9}\s?\*", t) is not None or not re.search(r"\w", t),
    "recycle": lambda t: _folded(t) in _FURNITURE_PHRASES,
    "footnote-rule": lambda t: re.fullmatch(r"_{5,}", t) is not None,
    "reissue-note": lambda t: re.match(r"\*\s*(?:Reissued for technical reasons|Nouveau tirage pour raisons techniques)\b", t) is not None,
}


def check_removals(document: Document, source_text: str) -> Loss | None:
    """Removing too much is losing words too: every removal must be a whole line of the source,
    as short as furniture is, and have the shape of the rule that names it (``SHAPES``).
    Returns the first word of a removal that breaks this (the words it would hide), or None."""
    lines = source_text.split("\n")
    for removal in document.removals:
        words = _WORD.findall(removal.text)
        first = words[0] if words else removal.text
        if not 0 < removal.line <= len(lines):
            why = f"was removed as furniture ({removal.rule or 'no rule'}) from line {removal.line}, which the source does not have"
            return Loss(document.source_file, removal.line, first, why)
        whole = lines[removal.line - 1].strip() == removal.text.strip()
        if not whole or len(words) > MAX_REMOVED_WORDS or not removal.rule:
            why = f"was removed as furniture ({removal.rule or 'no rule'}) but the removal is not a whole short line"
            return Loss(document.source_file, removal.line, first, why)
        shape = SHAPES.get(removal.rule)
        if shape is None or not shape(removal.text.strip()):
            why = f"was removed as furniture ({removal.rule}) but {removal.text.strip()!r} does not have the shape of that rule"
            return Loss(document.source_file, removal.line, first, why)
    return None


def check(document: Document, source_text: str, html: str) -> Loss | None:
    """Return the first lost word of ``document``'s source, or None when every word is there.

    A footnote is shown at the end of its part, wherever the source put it (at the foot of a
    page, maybe before the rest of the part): its words must be on the page in their own
    order, and the rest of the source in its order, around them.
    """
    removed = {r.line for r in document.removals}
    notes = [
        range(note.source.line_start, note.source.line_end + 1)
        for part in document.parts for note in part.footnotes
    ]
    in_notes = {number for lines in notes for number in lines}
    where: dict[str, list[int]] = {}  # each word of the page -> its positions, in order
    for index, word in enumerate(page_words(html)):
        where.setdefault(word, []).append(index)
    lines = source_text.split("\n")
    main = [(n, line) for n, line in enumerate(lines, start=1) if n not in removed and n not in in_notes]
    for sequence in [main] + [[(n, lines[n - 1]) for n in note if n <= len(lines)] for note in notes]:
        position = 0
        for number, line in sequence:
            for word in _WORD.findall(line):
                positions = where.get(word, ())
                found = bisect_left(positions, position)
                if found == len(positions):
                    return Loss(document.source_file, number, word)
                position = positions[found] + 1
    return None
