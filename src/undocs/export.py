"""The data export: the corpus as JSON and CSV files under ``data/`` (a public contract).

The field lists in :data:`FILES` are the documentation of that contract: the "about the data"
page renders them as tables, and the tests check every exported record against them.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from . import urls
from .citations import ARCHIVE_FILES, citation_files
from .model import Corpus, Document, Paragraph, State, Topic
from .report import BuildReport
from .views import Views, build_views, iso

#: Each exported file: its path, what one record is, and its fields (name, type, meaning).
FILES: tuple[dict[str, Any], ...] = (
    {
        "path": "data/documents.json",
        "summary": "Un objet par document, avec ses métadonnées et la liste de ses parties.",
        "fields": (
            ("id", "texte", "Identifiant du document dans l’archive (ex. « a-67-131 »)."),
            ("symbol", "texte ou null", "Cote propre du document ; null si elle est inconnue."),
            ("other_symbols", "liste de textes", "Autres cotes sous lesquelles le texte a été publié."),
            ("cite_symbol", "texte", "Cote à citer : la cote propre, sinon la première autre cote."),
            ("title", "texte", "Titre du document."),
            ("date", "date ISO", "Date du document : AAAA-MM-JJ, ou AAAA-MM, ou AAAA quand seule l’année est connue."),
            ("body", "texte", "Organe (ex. « Assemblée générale »)."),
            ("language", "texte", "Langue de cette version (code ISO 639-1)."),
            ("original_languages", "liste de textes", "Langue(s) originale(s) du texte, nommées en français (ex. « anglais »)."),
            ("format", "texte", "Format du fichier source : « pdf », « plaintext » (texte extrait d’un PDF) ou « markdown »."),
            ("url", "texte", "Adresse de la page, relative à la racine du site."),
            ("source_file", "texte", "Fichier source, relatif au dossier seeds/."),
            ("statements", "liste d’objets", "Interventions d’États : state, role, original_language (nommée en français, ou null), date (ISO ou null), part."),
            ("parts", "liste d’objets", "Parties : key, title, level, number, state, paragraph_count."),
            ("paragraph_count", "entier", "Nombre de paragraphes citables."),
        ),
    },
    {
        "path": "data/paragraphs.json",
        "summary": "Un objet par paragraphe citable (paragraphe, élément de liste ou formule finale), dans l’ordre du corpus.",
        "fields": (
            ("id", "texte", "Identifiant du paragraphe, unique dans l’archive et stable d’une construction à l’autre : « <document>_<partie>-<numéro> » (ex. « a-67-131_norvege-3 ») ; c’est aussi l’ancre de son lien permanent."),
            ("document", "texte", "Identifiant du document."),
            ("symbol", "texte ou null", "Cote propre du document ; null si elle est inconnue."),
            ("cite_symbol", "texte", "Cote à citer."),
            ("part", "texte", "Titre de la partie."),
            ("part_key", "texte", "Identifiant de la partie (ancre de la section)."),
            ("kind", "texte", "« paragraph », « item » (élément de liste) ou « closing » (lieu et date)."),
            ("state", "texte ou null", "Identifiant de l’État qui s’exprime, s’il y en a un."),
            ("number", "entier ou null", "Numéro imprimé dans la source ; null si non numéroté."),
            ("seq", "entier", "Rang dans la partie (utilisé pour la citation si number est null)."),
            ("label", "texte", "Numéro de citation (ex. « § 3 »)."),
            ("citation", "texte", "Référence complète (ex. « A/67/131, réponse de la Norvège, § 3 »)."),
            ("text", "texte", "Texte du paragraphe, espaces simples, sans saut de ligne."),
            ("blocks", "liste de textes", "Alinéas du paragraphe (absent du CSV)."),
            ("url", "texte", "Lien permanent, relatif à la racine du site (se termine par #id)."),
            ("topics", "liste de textes", "Identifiants des thèmes."),
            ("mentions", "liste de textes", "Identifiants des États nommés dans le texte."),
            ("source", "objet", "file, line_start, line_end : emplacement dans le fichier source."),
        ),
    },
    {
        "path": "data/paragraphs.csv",
        "summary": "Les mêmes paragraphes en CSV (UTF-8, virgule, guillemets doubles, une ligne d’en-tête) ; les listes sont jointes par « | » ; source devient source_file, source_line_start, source_line_end ; blocks est omis. Une cellule qui commence par =, +, -, @, une tabulation ou un retour chariot est précédée d’une apostrophe (') pour qu’un tableur ne la lise pas comme une formule ; le JSON garde le texte exact.",
        "fields": (),
    },
    {
        "path": "data/states.json",
        "summary": "Un objet par État du répertoire, par ordre alphabétique.",
        "fields": (
            ("id", "texte", "Identifiant de l’État (ex. « norvege »)."),
            ("name", "texte", "Nom en français."),
            ("name_en", "texte", "Nom en anglais."),
            ("iso3", "texte", "Code ISO 3166-1 alpha-3."),
            ("url", "texte", "Adresse de la page de l’État, relative à la racine du site."),
            ("roles", "liste d’objets", "document, role : « reply », « sender », « signatory », « sponsor », « speaker » ou « mentioned » ; triés par document puis rôle."),
            ("paragraph_count", "entier", "Nombre de paragraphes où l’État s’exprime : sa réponse, sa note verbale, les déclarations qu’il signe."),
            ("mention_count", "entier", "Nombre de paragraphes qui le nomment, hors sa propre réponse ou note verbale."),
        ),
    },
    {
        "path": "data/topics.json",
        "summary": "Un objet par thème, dans l’ordre du référentiel.",
        "fields": (
            ("id", "texte", "Identifiant du thème."),
            ("label", "texte", "Libellé en français."),
            ("label_en", "texte", "Libellé en anglais."),
            ("description", "texte", "Description du thème."),
            ("unbis", "texte ou null", "Adresse du descripteur UNBIS correspondant (http://metadata.un.org/thesaurus/…) ; null s’il n’y en a pas."),
            ("url", "texte", "Adresse de la page du thème, relative à la racine du site."),
            ("paragraphs", "liste de textes", "Identifiants des paragraphes du thème, dans l’ordre du corpus."),
            ("paragraph_urls", "liste de textes", "Liens permanents des mêmes paragraphes, dans le même ordre."),
        ),
    },
    {
        "path": ARCHIVE_FILES["bib"],
        "summary": "La notice de chaque document au format BibTeX (entrées @techreport, UTF-8), pour LaTeX, Zotero, JabRef… Chaque page de document a la sienne (citation.bib).",
        "fields": (),
    },
    {
        "path": ARCHIVE_FILES["ris"],
        "summary": "Les mêmes notices au format RIS (type RPRT), pour Zotero, EndNote, Mendeley… Chaque page de document a la sienne (citation.ris).",
        "fields": (),
    },
    {
        "path": ARCHIVE_FILES["json"],
        "summary": "Les mêmes notices en CSL-JSON (type report), pour les logiciels qui mettent en forme les citations (Zotero, Pandoc, citeproc). Chaque page de document a la sienne (citation.json).",
        "fields": (),
    },
    {
        "path": "data/report.json",
        "summary": "Le rapport de construction : ce qui a été retiré des sources et les avertissements.",
        "fields": (
            ("removals", "liste d’objets", "file, line (ligne du texte extrait), page (page du PDF, null pour un texte), text, rule (la règle qui l’a reconnu), reason : artefacts d’extraction retirés."),
            ("warnings", "liste de textes", "Avertissements de la construction."),
        ),
    },
)

CSV_COLUMNS = (
    "id", "document", "symbol", "cite_symbol", "part", "part_key", "kind", "state", "number",
    "seq", "label", "citation", "text", "url", "topics", "mentions",
    "source_file", "source_line_start", "source_line_end",
)  # fmt: skip


def document_record(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "symbol": doc.symbol,
        "other_symbols": list(doc.other_symbols),
        "cite_symbol": doc.cite_symbol,
        "title": doc.title,
        "date": iso(doc.date),
        "body": doc.body,
        "language": doc.language,
        "original_languages": list(doc.original_languages),
        "format": doc.format,
        "url": urls.document_url(doc.id),
        "source_file": doc.source_file,
        "statements": [
            {
                "state": s.state,
                "role": s.role,
                "original_language": s.original_language,
                "date": iso(s.date),
                "part": part.key,
            }
            for part in doc.parts
            for s in part.statements
        ],
        "parts": [
            {
                "key": part.key,
                "title": part.title,
                "level": part.level,
                "number": part.number,
                "state": part.state,
                "paragraph_count": len(part.paragraphs),
            }
            for part in doc.parts
        ],
        "paragraph_count": len(doc.paragraphs),
    }


def paragraph_record(p: Paragraph, views: Views) -> dict[str, Any]:
    doc = views.documents[p.document]
    return {
        "id": p.id,
        "document": p.document,
        "symbol": doc.symbol,
        "cite_symbol": doc.cite_symbol,
        "part": views.part(p).title,
        "part_key": p.part,
        "kind": p.kind,
        "state": p.state,
        "number": p.number,
        "seq": p.seq,
        "label": p.label,
        "citation": views.citation(p),
        "text": " ".join(p.text.split()),
        "blocks": list(p.blocks),
        "url": urls.paragraph_url(p),
        "topics": list(p.topics),
        "mentions": list(p.mentions),
        "source": {
            "file": p.source.file,
            "line_start": p.source.line_start,
            "line_end": p.source.line_end,
        },
    }


def state_record(state: State, views: Views) -> dict[str, Any]:
    return {
        "id": state.id,
        "name": state.name,
        "name_en": state.name_en,
        "iso3": state.iso3,
        "url": urls.state_url(state.id),
        "roles": [{"document": r.document, "role": r.role} for r in views.state_roles[state.id]],
        "paragraph_count": len(views.state_paragraphs[state.id]),
        "mention_count": len(views.state_mentions[state.id]),
    }


def topic_record(topic: Topic, views: Views) -> dict[str, Any]:
    paragraphs = views.topic_paragraphs[topic.id]
    return {
        "id": topic.id,
        "label": topic.label,
        "label_en": topic.label_en,
        "description": topic.description,
        "unbis": topic.unbis,
        "url": urls.topic_url(topic.id),
        "paragraphs": [p.id for p in paragraphs],
        "paragraph_urls": [urls.paragraph_url(p) for p in paragraphs],
    }


def report_record(report: BuildReport) -> dict[str, Any]:
    return {
        "removals": [
            {"file": r.file, "line": r.line, "page": r.page, "text": r.text, "rule": r.rule, "reason": r.reason}
            for r in report.removals
        ],
        "warnings": list(report.warnings),
    }


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


#: What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A CSV cell a spreadsheet cannot run: text that begins with ``=``, ``+``, ``-``, ``@``, a
    tab or a carriage return gets a leading single quote, as OWASP's CSV-injection guidance
    says (a paragraph that begins with a dash then reads ``'- …``). Other values are unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv(rows: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        flat = dict(r)
        flat["topics"] = "|".join(r["topics"])
        flat["mentions"] = "|".join(r["mentions"])
        flat["source_file"] = r["source"]["file"]
        flat["source_line_start"] = r["source"]["line_start"]
        flat["source_line_end"] = r["source"]["line_end"]
        writer.writerow(["" if flat[c] is None else spreadsheet_safe(flat[c]) for c in CSV_COLUMNS])
    return out.getvalue().encode("utf-8")


def export_data(corpus: Corpus, report: BuildReport, views: Views | None = None,
                base_url: str | None = None) -> dict[str, bytes]:  # fmt: skip
    """Every data file (path relative to the site root -> bytes), with the citation downloads
    (``data/citations.*`` and each document's ``documents/<id>/citation.*``); ``base_url`` puts
    each document's absolute address in its citations."""
    views = views or build_views(corpus)
    paragraphs = [paragraph_record(p, views) for p in views.paragraphs]
    return {
        **citation_files(corpus.documents, base_url),
        "data/documents.json": _json([document_record(d) for d in corpus.documents]),
        "data/paragraphs.json": _json(paragraphs),
        "data/paragraphs.csv": _csv(paragraphs),
        "data/states.json": _json([state_record(s, views) for s in views.states_sorted]),
        "data/topics.json": _json([topic_record(t, views) for t in corpus.topics]),
        "data/report.json": _json(report_record(report)),
    }
