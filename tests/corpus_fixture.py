"""A small hand-made corpus for the render and export tests (no parser needed).

Two documents (one whose own symbol is unknown), a few parts, three states, three topics,
a footnote, list items, a closing line and a paragraph with markup that must be escaped.
"""

from __future__ import annotations

from datetime import date

from undocs.model import (
    Corpus,
    Document,
    Footnote,
    Paragraph,
    Part,
    Removal,
    SourceSpan,
    State,
    Statement,
    Topic,
)
from undocs.report import BuildReport
from undocs.settings import Settings

A = "a-67-131.fr.txt"
CD = "cd-2012-kazakhstan-otsc.fr.md"
SCRIPT = "Texte piégé <script>alert(1)</script> & « guillemets »."


def _para(doc, part, seq, blocks, line, *, number=None, kind="paragraph", state=None,
          topics=(), mentions=(), footnote_refs=(), file=A):  # fmt: skip
    return Paragraph(
        id=f"{part}-{seq}",
        document=doc,
        part=part,
        kind=kind,
        seq=seq,
        number=number,
        blocks=tuple(blocks),
        source=SourceSpan(file, line, line + len(blocks)),
        state=state,
        footnote_refs=tuple(footnote_refs),
        topics=tuple(topics),
        mentions=tuple(mentions),
    )


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
        source=SourceSpan(A, 1, 12),
    )
    replies = Part(key="reponses", title="Réponses reçues des gouvernements", level=1, number="II",
                   source=SourceSpan(A, 14, 14))  # fmt: skip
    cuba = Part(
        key="cuba",
        title="Cuba",
        level=2,
        statements=(Statement("cuba", "reply", "espagnol", date(2012, 6, 5)),),
        paragraphs=(
            _para(d, "cuba", 1, ["La complexité de la situation internationale fait ressortir l’importance du multilatéralisme."], 24, state="cuba", topics=("multilateralisme",)),
            _para(d, "cuba", 2, ["Cuba salue la position de la Norvège sur le désarmement nucléaire."], 30, state="cuba", topics=("desarmement-nucleaire", "multilateralisme"), mentions=("norvege", "cuba")),
        ),
        source=SourceSpan(A, 18, 40),
    )
    norway = Part(
        key="norvege",
        title="Norvège",
        level=2,
        statements=(Statement("norvege", "reply", "en", date(2012, 6, 1)),),
        paragraphs=(
            _para(d, "norvege", 1, ["Pour ce faire, il faudra :"], 50, state="norvege"),
            _para(d, "norvege", 2, ["• Réduire le recours aux armes classiques;"], 52, kind="item", state="norvege", topics=("armes-classiques",)),
            _para(d, "norvege", 3, ["• Renforcer le rôle du Conseil de sécurité;"], 54, kind="item", state="norvege"),
            _para(d, "norvege", 4, [SCRIPT, "Deuxième alinéa du même paragraphe, qui cite le Kazakhstan."], 56, state="norvege", topics=("desarmement-nucleaire",), mentions=("kazakhstan",)),
        ),
        source=SourceSpan(A, 44, 60),
    )
    return Document(
        id=d,
        symbol="A/67/131",
        other_symbols=(),
        title="Promotion du multilatéralisme dans le domaine du désarmement et de la non-prolifération",
        date=date(2012, 7, 10),
        body="Assemblée générale",
        language="fr",
        original_languages=("en", "es", "ru"),
        format="txt",
        source_file=A,
        sidecar_file="a-67-131.fr.yaml",
        parts=(intro, replies, cuba, norway),
        masthead=("Nations Unies", "A/67/131", "Assemblée générale", "Distr. générale", "10 juillet 2012"),
        removals=(Removal(A, 288, "A/67/131", "en-tête de page répété", "symbol-header"),),
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
        statements=(Statement("kazakhstan", "sender", None, date(2012, 9, 5)),),
        paragraphs=(
            _para(d, "note-verbale", 1, ["La Mission permanente de la République du Kazakhstan présente ses compliments au secrétariat."], 16, state="kazakhstan", file=CD),
        ),
        footnotes=(fn,),
        title_footnote_refs=("note-1",),
        source=SourceSpan(CD, 10, 20),
    )
    declaration = Part(
        key="declaration",
        title="Déclaration des chefs des États membres de l’Organisation du Traité de sécurité collective",
        level=1,
        statements=(Statement("kazakhstan", "signatory"),),
        paragraphs=(
            _para(d, "declaration", 1, ["La mise en place d’un système multipolaire caractérise l’état du monde."], 24, number=1, file=CD, topics=("multilateralisme",)),
            _para(d, "declaration", 2, ["Nous renouvelons notre ferme soutien au Traité sur la non-prolifération, comme la Norvège."], 26, number=2, file=CD, topics=("desarmement-nucleaire",), mentions=("norvege",)),
            _para(d, "declaration", 3, ["Moscou, le 15 mai 2012"], 30, kind="closing", file=CD),
        ),
        source=SourceSpan(CD, 22, 30),
    )
    return Document(
        id=d,
        symbol=None,
        other_symbols=("A/66/823-S/2012/405",),
        title="Note verbale datée du 5 septembre 2012 adressée par la Mission permanente du Kazakhstan",
        date=date(2012, 9, 7),
        body="Conférence du désarmement",
        language="fr",
        original_languages=("en", "ru"),
        format="md",
        source_file=CD,
        sidecar_file="cd-2012-kazakhstan-otsc.fr.yaml",
        parts=(note, declaration),
        masthead=("Conférence du désarmement", "7 septembre 2012", "Français", "Original: anglais et russe"),
    )


def small_corpus() -> Corpus:
    return Corpus(
        documents=(_report_doc(), _cd_doc()),
        states=(
            State("norvege", "Norvège", "Norway", "NOR", ("Norvège", "norvégien"), "de la Norvège"),
            State("cuba", "Cuba", "Cuba", "CUB", ("Cuba", "cubain"), "de Cuba"),
            State("kazakhstan", "Kazakhstan", "Kazakhstan", "KAZ", ("Kazakhstan",), "du Kazakhstan"),
        ),
        topics=(
            Topic("multilateralisme", "Multilatéralisme", "Multilateralism", "Le multilatéralisme en matière de désarmement.", ("multilatéralisme",), "1004634", "MULTILATERALISM"),
            Topic("desarmement-nucleaire", "Désarmement nucléaire", "Nuclear disarmament", "Réduction et élimination des armes nucléaires.", ("désarmement nucléaire",), "1004485", "NUCLEAR DISARMAMENT"),
            Topic("armes-classiques", "Armes classiques", "Conventional weapons", "Armes <b>classiques</b> & légères.", ("armes classiques",)),
        ),
    )


def small_report() -> BuildReport:
    return BuildReport(
        removals=(Removal(A, 288, "A/67/131", "en-tête de page répété", "symbol-header"), Removal(A, 292, "12-41314", "numéro de tirage", "job-number")),
        warnings=("Un avertissement <em>échappé</em>.",),
    )


def settings(base_url: str | None = None) -> Settings:
    return Settings(
        title="undocs",
        tagline="Archive des documents de l’ONU sur le désarmement",
        description="Les documents de l’ONU sur le désarmement, citables au paragraphe près.",
        language="fr",
        repository=None,
        base_url=base_url,
    )
