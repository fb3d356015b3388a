"""Enrichment: which states each paragraph names and which topics it addresses.

Returns new records (``dataclasses.replace``); the parsed ones are never changed in place.
It also checks the sidecars' word against the text: a state named as sender or signatory
must be named somewhere in the document, so that no role is invented.
"""

from __future__ import annotations

from dataclasses import replace

from .errors import SourceError
from .model import Document, Part
from .states import Gazetteer
from .topics import TopicMatcher


def enrich(document: Document, gazetteer: Gazetteer, topics: TopicMatcher, sidecar: str) -> Document:
    """The document with each paragraph's states and topics. Topics are matched in the
    document's language (``TopicMatcher.spans``); state names are found in either language,
    since a French text may quote an English name and the forms of both rarely collide."""
    parts = tuple(_enrich_part(part, gazetteer, topics, document.language) for part in document.parts)
    enriched = replace(document, parts=parts)
    named = set(gazetteer.mentions(" ".join((document.title or "",) + document.masthead)))
    for part in parts:
        named.update(gazetteer.mentions(part.title))
        for paragraph in part.paragraphs:
            named.update(paragraph.mentions)
    for part in parts:
        for statement in part.statements:
            if statement.role == "reply":
                continue
            if statement.state not in {s.id for s in gazetteer.states}:
                raise SourceError(f"state {statement.state!r} (part {part.title[:40]!r}) is not in data/states.yaml", sidecar)
            if statement.state not in named:
                raise SourceError(
                    f"state {statement.state!r} is given the role {statement.role!r} but the document never names it",
                    sidecar,
                )
    return enriched


def _enrich_part(part: Part, gazetteer: Gazetteer, topics: TopicMatcher, language: str | None) -> Part:
    paragraphs = tuple(
        replace(p, mentions=gazetteer.mentions(p.text), topics=topics.match(p.text, language)) for p in part.paragraphs
    )
    return replace(part, paragraphs=paragraphs)
