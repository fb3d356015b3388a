"""The build's fidelity check: it finds a lost word, and finds none on the real pages."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from undocs.read import Hints
from undocs.read.markdown import read as read_markdown
from undocs.fidelity import check, page_words
from undocs.model import Document, Removal


def document(removals=()):
    return Document(
        id="x", symbol="A/1", other_symbols=(), title="T", date="2012", body="B", language="fr",
        original_languages=(), format="plaintext", source_file="x.txt", sidecar_file="x.yaml",
        removals=tuple(removals),
    )


PAGE = '<html><body><nav>Accueil</nav><div id="document-text"><p>Un <b>deux</b></p><br><p>trois-quatre</p></div><p>cinq</p></body></html>'


def test_page_words_are_those_inside_the_document_text_only():
    assert page_words(PAGE) == ["Un", "deux", "trois", "quatre"]


def test_no_loss_when_every_word_is_there_in_order():
    assert check(document(), "Un deux\ntrois-\nquatre\n", PAGE) is None


def test_a_lost_word_is_reported_with_its_line():
    loss = check(document(), "Un deux\ntrois cinq\n", PAGE)
    assert (loss.file, loss.line, loss.word) == ("x.txt", 2, "cinq")


def test_words_out_of_order_are_a_loss():
    loss = check(document(), "deux Un\n", PAGE)
    assert loss is not None and loss.word == "Un"


def test_removed_lines_are_not_expected_on_the_page():
    removals = [Removal("x.txt", 2, "A/67/131", "en-tête", "symbol-header")]
    assert check(document(removals), "Un\nA/67/131\ndeux\n", PAGE) is None
    assert check(document(), "Un\nA/67/131\ndeux\n", PAGE) is not None


def test_words_the_page_adds_do_not_count():
    page = ('<div id="document-text"><p>Un</p><div class="para-meta" data-nonsource><p>deux</p>'
            '<details><summary>Citer</summary>trois</details></div><p>quatre</p></div>')
    assert page_words(page) == ["Un", "quatre"]
    loss = check(document(), "Un deux quatre\n", page)
    assert loss is not None and loss.word == "deux"


def test_markdown_entities_are_the_characters_they_stand_for(tmp_path):
    """The Markdown reader gives the check the characters its entities stand for; plain text
    is compared literally."""
    page = '<div id="document-text"><p>le désarmement &amp; la paix</p></div>'
    source = tmp_path / "x.fr.md"
    source.write_text("le d&eacute;sarmement &amp; la paix\n", encoding="utf-8")
    reading = read_markdown(source, source.name, Hints(), None)
    assert check(document(), reading.text, page) is None
    assert check(document(), "le d&eacute;sarmement\n", page) is not None  # plain text: literal


class _Reference(HTMLParser):
    """The text of the page's document root less data-nonsource elements, by html.parser: the
    reference for the build's faster scanner."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth, self.skip_at, self.chunks = 0, None, []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        if self.depth:
            self.depth += 1
            if self.skip_at is None and any(name == "data-nonsource" for name, _ in attrs):
                self.skip_at = self.depth
        elif dict(attrs).get("id") == "document-text":
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth and tag not in VOID:
            if self.skip_at == self.depth:
                self.skip_at = None
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and self.skip_at is None:
            self.chunks.append(data)


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _reference_words(page: str) -> list[str]:
    parser = _Reference()
    parser.feed(page)
    parser.close()
    return re.findall(r"\w+", " ".join(parser.chunks))


def test_page_words_are_what_html_parser_reads_on_built_pages(built_site):
    """On every document page of the seeds, the scanner finds the words html.parser finds."""
    pages = sorted((built_site / "documents").glob("*/index.html"))
    assert len(pages) == 2
    for path in pages:
        page = path.read_text(encoding="utf-8")
        assert page_words(page) == _reference_words(page) != []


def test_page_words_on_tricky_markup():
    page = (
        '<p>avant</p><div title="a > b" id="document-text"><!-- <p>non</p> -->'
        '<p class=x>Un&nbsp;deux &amp; <br/>trois<img src="x.png" alt="non"></p>'
        "<span data-nonsource title='id=\"document-text\"'><b>non</b> non</span>"
        '<p data-x="data-nonsource">quatre</p></div><p>après</p>'
    )
    assert page_words(page) == _reference_words(page) == ["Un", "deux", "trois", "quatre"]
