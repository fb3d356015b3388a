"""The build's fidelity check: it finds a lost word, and finds none on the real pages."""

from __future__ import annotations

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
    removals = [Removal("x.txt", 2, "A/67/131", "en-tête")]
    assert check(document(removals), "Un\nA/67/131\ndeux\n", PAGE) is None
    assert check(document(), "Un\nA/67/131\ndeux\n", PAGE) is not None


def test_words_the_page_adds_do_not_count():
    page = ('<div id="document-text"><p>Un</p><div class="para-meta" data-nonsource><p>deux</p>'
            '<details><summary>Citer</summary>trois</details></div><p>quatre</p></div>')
    assert page_words(page) == ["Un", "quatre"]
    loss = check(document(), "Un deux quatre\n", page)
    assert loss is not None and loss.word == "deux"


def test_markdown_entities_are_the_characters_they_stand_for():
    page = '<div id="document-text"><p>le désarmement &amp; la paix</p></div>'
    markdown = Document(**{**document().__dict__, "format": "markdown"})
    assert check(markdown, "le d&eacute;sarmement &amp; la paix\n", page) is None
    assert check(document(), "le d&eacute;sarmement\n", page) is not None  # plain text: literal
