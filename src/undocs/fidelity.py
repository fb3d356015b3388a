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
    """Collects the source text of a page: inside the element whose id is ``TEXT_ROOT_ID``,
    less the elements marked ``data-nonsource`` (cite blocks, chips, links the page adds), so
    that a word the page adds can never stand in for a word the source lost."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # nesting depth inside the text root (0: outside)
        self.skip_at: int | None = None  # depth of the data-nonsource element being skipped
        self.chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        if self.depth:
            self.depth += 1
            if self.skip_at is None and any(name == "data-nonsource" for name, _ in attrs):
                self.skip_at = self.depth
        elif dict(attrs).get("id") == TEXT_ROOT_ID:
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in _VOID:
            if self.skip_at == self.depth:
                self.skip_at = None
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and self.skip_at is None:
            self.chunks.append(data)


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def page_words(html: str) -> list[str]:
    parser = _TextOf()
    parser.feed(html)
    parser.close()
    return _WORD.findall(" ".join(parser.chunks))


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
    # In Markdown, "&eacute;" is how a source writes "é": compare the characters it stands for.
    text = html_lib.unescape(source_text) if document.format == "markdown" else source_text
    lines = text.split("\n")
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
