"""Enrichment: each paragraph's states and topics, in its document's language, and no speaking
role given to a state the document never names."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import DATA, shared
from undocs.enrich import enrich
from undocs.errors import SourceError
from undocs.model import Document, Paragraph, Part, SourceSpan, Statement
from undocs.states import Gazetteer, load_states
from undocs.topics import TopicMatcher, load_topics

SIDECAR = "seeds/x.yaml"


@pytest.fixture(scope=shared("module"))
def tools():
    return (Gazetteer(load_states(DATA / "states.yaml")),
            TopicMatcher(load_topics(DATA / "topics.yaml", DATA / "unbis-disarmament-terms.tsv")))


def paragraph(text: str, seq: int = 1) -> Paragraph:
    return Paragraph(id=f"x_p-{seq}", document="x", part="p", kind="paragraph", seq=seq, number=None,
                     blocks=(text,), source=SourceSpan("x.pdf", seq, seq))


def document(*parts: Part, title: str | None = "Document", language: str | None = "fr", masthead: tuple = ()) -> Document:
    return Document(id="x", symbol="A/1", other_symbols=(), title=title, date=None, body=None, language=language,
                    original_languages=(), format="pdf", source_file="x.pdf", sidecar_file=None, parts=parts, masthead=masthead)


def part(*texts: str, title: str = "Partie", statements: tuple = ()) -> Part:
    return Part(key="p", title=title, level=1, statements=statements,
                paragraphs=tuple(paragraph(t, i) for i, t in enumerate(texts, start=1)))


def test_each_paragraph_gets_the_states_it_names_and_the_topics_of_its_language(tools):
    gazetteer, topics = tools
    french = "La Norvège appuie le désarmement nucléaire."
    english = "Norway supports nuclear disarmament."
    fr = enrich(document(part(french, english)), gazetteer, topics, SIDECAR)
    en = enrich(document(part(french, english), language="en"), gazetteer, topics, SIDECAR)
    # Both languages name Norway; a topic is matched in the document's language only.
    assert [p.mentions for p in fr.paragraphs] == [("norvege",), ("norvege",)]
    assert [p.topics for p in fr.paragraphs] == [("desarmement-nucleaire",), ()]
    assert [p.topics for p in en.paragraphs] == [(), ("desarmement-nucleaire",)]
    # An unknown language: both.
    unknown = enrich(document(part(french, english), language=None), gazetteer, topics, SIDECAR)
    assert [p.topics for p in unknown.paragraphs] == [("desarmement-nucleaire",), ("desarmement-nucleaire",)]


def test_a_sender_named_only_in_the_title_or_masthead_is_named(tools):
    gazetteer, topics = tools
    sender = (Statement("kazakhstan", "sender"),)
    text = part("Le texte de la déclaration est joint.", statements=sender)
    assert enrich(document(text, title="Note verbale de la Mission permanente du Kazakhstan"), gazetteer, topics, SIDECAR)
    assert enrich(document(text, title=None, masthead=("Mission permanente du Kazakhstan",)), gazetteer, topics, SIDECAR)
    # The title and the masthead's lines are read apart: a name at the end of one is whole.
    assert enrich(document(text, title="Note verbale du Kazakhstan", masthead=("Nations Unies", "CD/1929")), gazetteer, topics, SIDECAR)
    named_in_heading = part("Le texte est joint.", title="Note verbale du Kazakhstan", statements=sender)
    assert enrich(document(named_in_heading), gazetteer, topics, SIDECAR)


def test_a_role_for_a_state_never_named_is_an_error_naming_the_sidecar(tools):
    gazetteer, topics = tools
    for role in ("sender", "signatory", "sponsor", "speaker"):
        text = part("Le texte de la déclaration est joint.", statements=(Statement("kazakhstan", role),))
        with pytest.raises(SourceError) as info:
            enrich(document(text), gazetteer, topics, SIDECAR)
        assert (info.value.path, info.value.line) == (SIDECAR, None)
        assert info.value.message == f"state 'kazakhstan' is given the role {role!r} but the document never names it"


def test_a_reply_is_not_held_to_it_and_does_not_stop_the_check(tools):
    """A reply's state is its heading's (the reader resolved it): not checked. A statement after
    it in the same part still is."""
    gazetteer, topics = tools
    reply = Statement("norvege", "reply")
    assert enrich(document(part("Le texte.", title="Réponse", statements=(reply,))), gazetteer, topics, SIDECAR)
    both = part("Le texte.", title="Réponse", statements=(reply, Statement("kazakhstan", "signatory")))
    with pytest.raises(SourceError, match="state 'kazakhstan' is given the role 'signatory'"):
        enrich(document(both), gazetteer, topics, SIDECAR)


def test_a_state_not_in_the_gazetteer_is_an_error_naming_the_part(tools):
    gazetteer, topics = tools
    title = "Déclaration des chefs des États membres de l'Organisation du Traité de sécurité collective"
    text = part("Le texte.", title=title, statements=(Statement("atlantide", "signatory"),))
    with pytest.raises(SourceError) as info:
        enrich(document(text), gazetteer, topics, SIDECAR)
    assert (info.value.path, info.value.line) == (SIDECAR, None)
    # The part is named by the first 40 characters of its title.
    assert info.value.message == "state 'atlantide' (part 'Déclaration des chefs des États membres ') is not in data/states.yaml"


def test_the_parsed_records_are_not_changed(tools):
    gazetteer, topics = tools
    before = document(part("La Norvège appuie le désarmement nucléaire."))
    after = enrich(before, gazetteer, topics, SIDECAR)
    assert before.paragraphs[0].mentions == () and after.paragraphs[0].mentions == ("norvege",)
    assert dataclasses.replace(after.paragraphs[0], mentions=(), topics=()) == before.paragraphs[0]
