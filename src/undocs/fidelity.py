"""The build's own proof that no word of a source was lost: every word of the source (less the
lines removed as recognised artefacts) must appear, in order, in the text of its page.

Words are runs of letters and digits, so markup (``**``, ``#``, ``1.``'s dot, bullets) and
line breaks do not count, while every letter of the document does. The page may have more
words (headings, permalinks, "Citer"): the source's words must be a subsequence of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

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

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: the word {self.word!r} of the source is missing from its page"


class _TextOf(HTMLParser):
    """Collects the text inside the element whose id is ``TEXT_ROOT_ID``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            if tag not in _VOID:
                self.depth += 1
        elif dict(attrs).get("id") == TEXT_ROOT_ID:
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in _VOID:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.chunks.append(data)


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def page_words(html: str) -> list[str]:
    parser = _TextOf()
    parser.feed(html)
    parser.close()
    return _WORD.findall(" ".join(parser.chunks))


def check(document: Document, source_text: str, html: str) -> Loss | None:
    """Return the first lost word of ``document``'s source, or None when every word is there."""
    removed = {r.line for r in document.removals}
    words = page_words(html)
    position = 0
    for number, line in enumerate(source_text.split("\n"), start=1):
        if number in removed:
            continue
        for word in _WORD.findall(line):
            try:
                position = words.index(word, position) + 1
            except ValueError:
                return Loss(document.source_file, number, word)
    return None
