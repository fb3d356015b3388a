"""The hand-made corpus of the render and export tests (``corpus_fixture``) has the shapes the
real pipeline gives: the same types field by field as the records of the seeds and of the
eight real PDFs, the values the readers produce (formats, language codes, French language
names, ISO dates, roles, removal rules and labels), and the ids ``parse.common.assemble``
derives. A fixture that drifts from the pipeline tests pages the archive never shows."""

from __future__ import annotations

import dataclasses
import re

import pytest

from conftest import DATA, ROOT, shared
from corpus_fixture import small_corpus, small_report
from undocs import lang
from undocs.model import ROLES, Document, Footnote, Paragraph, Part, Statement
from undocs.parse.common import ParaDraft, PartDraft, assemble
from undocs.parse.plaintext import _artefact_reason
from undocs.pdf.furniture import RULES
from undocs.pipeline import load_corpus
from undocs.read import readers
from undocs.states import load_states
from undocs.topics import load_topics

ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
FRENCH_NAMES = set(lang.by_code("fr").language_names)


@pytest.fixture(scope=shared("module"))
def real(corpus):
    """The records of the seeds (text and Markdown) and of the eight real PDFs."""
    pdfs, report, _ = load_corpus(ROOT / "tests" / "fixtures" / "real" / "pdf", DATA)
    return corpus.documents + pdfs.documents, report


def records(documents):
    """Every record of ``documents``, by its class."""
    out: dict[type, list] = {Document: [], Part: [], Paragraph: [], Statement: [], Footnote: []}
    for doc in documents:
        out[Document].append(doc)
        for part in doc.parts:
            out[Part].append(part)
            out[Paragraph] += part.paragraphs
            out[Statement] += part.statements
            out[Footnote] += part.footnotes
    return out


def shapes(values) -> set[str]:
    """The type of each value, and of the items of tuples (a tuple of str is not a tuple of int)."""
    out = set()
    for value in values:
        if isinstance(value, tuple):
            out |= {f"tuple[{type(item).__name__}]" for item in value} or {"tuple[]"}
        else:
            out.add(type(value).__name__)
    return out


@pytest.mark.parametrize("kind", [Document, Part, Paragraph, Statement, Footnote], ids=lambda k: k.__name__)
def test_every_field_has_a_type_the_pipeline_gives_it(kind, real):
    mine, theirs = records(small_corpus().documents)[kind], records(real[0])[kind]
    assert mine and theirs
    for field in dataclasses.fields(kind):
        if field.name in ("source",):  # SourceSpan, compared below
            continue
        given = shapes(getattr(r, field.name) for r in mine) - {"tuple[]"}
        produced = shapes(getattr(r, field.name) for r in theirs) | {"NoneType"}
        assert given <= produced, (kind.__name__, field.name, given - produced)


def test_values_are_those_the_readers_produce(real):
    documents, _ = real
    seeds = {doc.source_file: doc for doc in documents}
    for doc in small_corpus().documents:
        assert doc.format in readers()
        assert doc.format == seeds[doc.source_file].format  # the seed of the same file
        assert doc.language in {language.code for language in lang.languages()}
        assert set(doc.original_languages) <= FRENCH_NAMES, doc.original_languages
        assert ISO_DATE.fullmatch(doc.date)
        for statement in doc.statements:
            assert statement.role in ROLES and statement.role != "mentioned"
            assert statement.original_language is None or statement.original_language in FRENCH_NAMES
            if statement.date is not None:
                # A reply's date, as its "[5 juin 2012]" line gives it: ISO, and as printed.
                assert statement.role == "reply" and ISO_DATE.fullmatch(statement.date) and statement.date_text
        for paragraph in doc.paragraphs:
            assert paragraph.kind in ("paragraph", "item", "closing")
            # The plain-text reader takes the bullet off a list item ("• Réduire …").
            assert not paragraph.blocks[0].startswith(("•", "▪", "◦", "·"))
            assert paragraph.source.file == doc.source_file and paragraph.source.line_start <= paragraph.source.line_end


def test_ids_keys_and_markers_are_those_assemble_derives():
    for doc in small_corpus().documents:
        drafts = []
        for part in doc.parts:
            draft = PartDraft(title=part.title, level=part.level, line=part.source.line_start, number=part.number)
            draft.key = part.key
            draft.statements = list(part.statements)
            draft.paragraphs = [
                ParaDraft(kind=p.kind, number=p.number, blocks=list(p.blocks), line_start=p.source.line_start, line_end=p.source.line_end)
                for p in part.paragraphs
            ]
            drafts.append(draft)
        derived = assemble(drafts, doc.id, doc.source_file)
        assert [p.key for p in derived] == [p.key for p in doc.parts]
        fields = ("id", "document", "part", "kind", "seq", "number", "blocks", "state", "marker")
        for made, given in zip((p for part in derived for p in part.paragraphs), doc.paragraphs, strict=True):
            assert [getattr(made, f) for f in fields] == [getattr(given, f) for f in fields], given.id


def test_removals_are_those_the_readers_make(real):
    _, report = real
    pdf_labels = {(rule.id, rule.label) for rule in RULES}
    assert {(r.rule, r.reason) for r in report.removals} <= pdf_labels
    for doc in small_corpus().documents:
        for removal in doc.removals:
            assert removal.file == doc.source_file
            # What parse.plaintext says of that line, with the symbol and job number of the seed.
            assert _artefact_reason(removal.text, (doc.symbol,), "12-41314") == (removal.rule, removal.reason)
    assert small_report().removals == small_corpus().documents[0].removals


def test_states_and_topics_are_those_of_the_curated_data():
    states = {s.id: s for s in load_states(DATA / "states.yaml")}
    topics = {t.id: t for t in load_topics(DATA / "topics.yaml", DATA / "unbis-disarmament-terms.tsv")}
    corpus = small_corpus()
    assert all(state == states[state.id] for state in corpus.states)
    for topic in corpus.topics:
        # Only the hostile description of one topic differs from the data.
        assert dataclasses.replace(topic, description=topics[topic.id].description) == topics[topic.id]
