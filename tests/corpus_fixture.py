"""A small hand-made corpus for the render and export tests (no parser needed).

Two documents (one whose own symbol is unknown), a few parts, three states, three topics,
a footnote, list items, a closing line and a paragraph with markup that must be escaped.

Every value has the shape the real pipeline gives it (``tests/test_corpus_fixture.py`` holds
the fixture to the records the readers make of the seeds): formats ``plaintext`` and
``markdown``, ISO 639-1 document languages, original languages as French names
(``anglais``), ISO dates as strings with the date as the source prints it, paragraph ids
``<document>_<part>-<number>`` (``-cloture`` for a closing line), list items without their
bullet, the reader's removal labels; the states and topics are those of ``data/``.
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

from undocs.model import (
    Corpus,
    Document,
    Footnote,
    Paragraph,
    Part,
    Removal,
    SourceSpan,
    Statement,
)
from undocs.report import BuildReport
from undocs.settings import Settings
from undocs.states import load_states
from undocs.topics import load_topics

DATA = Path(__file__).resolve().parents[1] / "data"

A = "a-67-131.fr.txt"
CD = "cd-2012-kazakhstan-otsc.fr.md"
SCRIPT = "Texte piégé <script>alert(1)</script> & « guillemets »."


def _para(doc, part, seq, blocks, line, *, number=None, kind="paragraph", state=None,
          topics=(), mentions=(), footnote_refs=(), file=A):  # fmt: skip
    """A paragraph as ``parse.common.assemble`` makes it: its id from its number, or
    ``cloture`` for a closing line, or its rank in an unnumbered part."""
    local = "cloture" if kind == "closing" else (number if number is not None else seq)
    return Paragraph(
        id=f"{doc}_{part}-{local}",
        document=doc,
        part=part,
        kind=kind,
        seq=seq,
        number=number,
        blocks=tuple(blocks),
        source=SourceSpan(file, line, line + len(blocks) - 1),
        state=state,
        footnote_refs=tuple(footnote_refs),
        topics=tuple(topics),
        mentions=tuple(mentions),
    )


#: The removals the plain-text reader makes of A/67/131 (a page header and a page footer).
HEADER = Removal(A, 407, "A/67/131", "en-tête de page : cote du document", "symbol-header")
FOOTER = Removal(A, 411, "912-41314", "pied de page : numéro de page et numéro de tirage", "job-number")


def _report_doc() -> Document:
    d = "a-67-131"
    intro = Part(
        key="introduction",
        title="Introduction",
        level=1,
        number="I",
        paragraphs=(
            _para(d, "introduction", 1, ["Le 2 décembre 2011, l’Assemblée générale a adopté la résolution 66/32."], 4, number=1, topics=("multilateralisme",)),
            _para(d, "introduction", 2, ["Le 13 février 2012, une note verbale a été adressée aux États Membres."], 8, number=2),
        ),
        source=SourceSpan(A, 1, 1),
    )
    replies = Part(key="reponses-recues-gouvernements", title="Réponses reçues des gouvernements", level=1, number="II",
                   source=SourceSpan(A, 14, 14))  # fmt: skip
    cuba = Part(
        key="cuba",
        title="Cuba",
        level=2,
        statements=(Statement("cuba", "reply", "espagnol", "2012-06-05", "5 juin 2012"),),
        paragraphs=(
            _para(d, "cuba", 1, ["La complexité de la situation internationale fait ressortir l’importance du multilatéralisme."], 24, state="cuba", topics=("multilateralisme",)),
            _para(d, "cuba", 2, ["Cuba salue la position de la Norvège sur le désarmement nucléaire."], 30, state="cuba", topics=("desarmement-nucleaire", "multilateralisme"), mentions=("norvege", "cuba")),
        ),
        source=SourceSpan(A, 18, 18),
    )
    norway = Part(
        key="norvege",
        title="Norvège",
        level=2,
        statements=(Statement("norvege", "reply", "anglais", "2012-06-01", "1er juin 2012"),),
        paragraphs=(
            _para(d, "norvege", 1, ["Pour ce faire, il faudra :"], 50, state="norvege"),
            _para(d, "norvege", 2, ["Réduire le recours aux armes classiques;"], 52, kind="item", state="norvege", topics=("armes-classiques",)),
            _para(d, "norvege", 3, ["Renforcer le rôle du Conseil de sécurité;"], 54, kind="item", state="norvege"),
            _para(d, "norvege", 4, [SCRIPT, "Deuxième alinéa du même paragraphe, qui cite le Kazakhstan."], 56, state="norvege", topics=("desarmement-nucleaire",), mentions=("kazakhstan",)),
        ),
        source=SourceSpan(A, 44, 44),
    )
    return Document(
        id=d,
        symbol="A/67/131",
        other_symbols=(),
        title="Promotion du multilatéralisme dans le domaine du désarmement et de la non-prolifération",
        date="2012-07-10",
        body="Assemblée générale",
        language="fr",
        original_languages=("espagnol", "anglais", "russe"),
        format="plaintext",
        source_file=A,
        sidecar_file="a-67-131.fr.yaml",
        parts=(intro, replies, cuba, norway),
        removals=(HEADER, FOOTER),
        extra=(("Point de l’ordre du jour", "99 t) de la liste préliminaire"),),
    )


def _cd_doc() -> Document:
    d = "cd-2012-kazakhstan-otsc"
    fn = Footnote(
        id="note-1",
        marker="*",
        text="Publié initialement comme document de l’Assemblée générale et du Conseil de sécurité, daté du 6 juin 2012, sous la cote A/66/823-S/2012/405.",
        source=SourceSpan(CD, 20, 20),
    )
    note = Part(
        key="note-verbale",
        title="Note verbale datée du 5 septembre 2012, adressée au Secrétaire général de la Conférence du désarmement par la Mission permanente du Kazakhstan",
        level=1,
        statements=(Statement("kazakhstan", "sender"),),
        paragraphs=(
            _para(d, "note-verbale", 1, ["La Mission permanente de la République du Kazakhstan présente ses compliments au secrétariat."], 16, state="kazakhstan", file=CD),
        ),
        footnotes=(fn,),
        title_footnote_refs=("note-1",),
        source=SourceSpan(CD, 10, 10),
    )
    declaration = Part(
        key="declaration",
        title="Déclaration des chefs des États membres de l’Organisation du Traité de sécurité collective",
        level=1,
        # Signed by several states (six in the real one): its paragraphs have no one speaker.
        statements=(Statement("russie", "signatory"), Statement("kazakhstan", "signatory")),
        paragraphs=(
            _para(d, "declaration", 1, ["La mise en place d’un système multipolaire caractérise l’état du monde."], 24, number=1, file=CD, topics=("multilateralisme",)),
            _para(d, "declaration", 2, ["Nous renouvelons notre ferme soutien au Traité sur la non-prolifération, comme la Norvège."], 26, number=2, file=CD, topics=("desarmement-nucleaire",), mentions=("norvege",)),
            _para(d, "declaration", 3, ["Moscou, le 15 mai 2012"], 30, kind="closing", file=CD),
        ),
        source=SourceSpan(CD, 22, 22),
    )
    return Document(
        id=d,
        symbol=None,
        other_symbols=("A/66/823-S/2012/405",),
        title="Note verbale datée du 5 septembre 2012 adressée par la Mission permanente du Kazakhstan",
        date="2012-09-07",
        body="Conférence du désarmement",
        language="fr",
        original_languages=("anglais", "russe"),
        format="markdown",
        source_file=CD,
        sidecar_file="cd-2012-kazakhstan-otsc.fr.yaml",
        parts=(note, declaration),
        masthead=("Conférence du désarmement", "7 septembre 2012", "Français", "Original: anglais et russe"),
    )


@functools.lru_cache(maxsize=1)
def _data():
    states = {s.id: s for s in load_states(DATA / "states.yaml")}
    topics = {t.id: t for t in load_topics(DATA / "topics.yaml", DATA / "unbis-disarmament-terms.tsv")}
    return states, topics


def small_corpus() -> Corpus:
    states, topics = _data()
    classiques = topics["armes-classiques"]
    return Corpus(
        documents=(_report_doc(), _cd_doc()),
        states=tuple(states[i] for i in ("norvege", "cuba", "kazakhstan", "russie")),
        topics=(
            topics["multilateralisme"],
            topics["desarmement-nucleaire"],
            # Markup in a curated text is text too (the hostile corpus puts it everywhere).
            dataclasses.replace(classiques, description="Armes <b>classiques</b> & légères."),
        ),
    )


def small_report() -> BuildReport:
    return BuildReport(removals=(HEADER, FOOTER), warnings=("Un avertissement <em>échappé</em>.",))


def settings(base_url: str | None = None) -> Settings:
    return Settings(
        title="undocs",
        tagline="Archive des documents de l’ONU sur le désarmement",
        description="Les documents de l’ONU sur le désarmement, citables au paragraphe près.",
        language="fr",
        repository=None,
        base_url=base_url,
    )
