"""The data export: the corpus as JSON and CSV files under ``data/`` (a public contract).

The field lists in :data:`FILES` are the documentation of that contract: the "about the data"
page renders them as tables, and the tests check every exported record against them.

The JSON and CSV files are published compressed with xz (``.json.xz``, ``.csv.xz``, as the
about page says): they repeat the text of every paragraph, and as they are they would take a
third of a large archive's bytes where GitHub Pages allows 1 GB (docs/benchmarks.md). xz (LZMA2,
in Python's standard library, read by pandas, R, 7-Zip and the archive tools of every system)
makes them 30 to 40 % smaller than gzip -9 at the same speed (preset 2; docs/benchmarks.md),
because its window spans many paragraphs. The browser never reads them. The archive-wide
citation files stay plain, for reference managers that import them as they are.
"""

from __future__ import annotations

import csv
import io
import json
import lzma
from collections.abc import Iterable
from typing import Any

from . import urls
from .citations import ARCHIVE_FILES, citation_files
from .model import Corpus, Document, Paragraph, State, Topic
from .report import BuildReport
from .views import Views, build_views, iso

#: Each exported file: its path, what one record is, and its fields (name, type, meaning).
FILES: tuple[dict[str, Any], ...] = (
    {
        "path": "data/documents.json.xz",
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
        "path": "data/paragraphs.json.xz",
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
        "path": "data/paragraphs.csv.xz",
        "summary": "Les mêmes paragraphes en CSV (UTF-8, virgule, guillemets doubles, une ligne d’en-tête) ; les listes sont jointes par « | » ; source devient source_file, source_line_start, source_line_end ; blocks est omis. Une cellule qui commence par =, +, -, @, une tabulation ou un retour chariot est précédée d’une apostrophe (') pour qu’un tableur ne la lise pas comme une formule ; le JSON garde le texte exact.",
        "fields": (),
    },
    {
        "path": "data/states.json.xz",
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
        "path": "data/topics.json.xz",
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
        "path": ARCHIVE_FILES["bib"] + ".xz",
        "summary": "La notice de chaque document au format BibTeX (entrées @techreport, UTF-8), pour LaTeX, Zotero, JabRef…, compressée avec xz : à décompresser avant de l’importer. Chaque page de document a la sienne, à importer telle quelle (citation.bib).",
        "fields": (),
    },
    {
        "path": ARCHIVE_FILES["ris"] + ".xz",
        "summary": "Les mêmes notices au format RIS (type RPRT), pour Zotero, EndNote, Mendeley…, compressées avec xz. Chaque page de document a la sienne (citation.ris).",
        "fields": (),
    },
    {
        "path": ARCHIVE_FILES["json"] + ".xz",
        "summary": "Les mêmes notices en CSL-JSON (type report), pour les logiciels qui mettent en forme les citations (Zotero, Pandoc, citeproc), compressées avec xz. Chaque page de document a la sienne (citation.json).",
        "fields": (),
    },
    {
        "path": "data/report.json.xz",
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


#: xz's preset: 2 compresses a paragraph export a third smaller than gzip -9 in about the same
#: time; 6 (xz's default) only a sixth smaller again, five times slower (docs/benchmarks.md).
XZ_PRESET = 2
XZ_MAGIC = b"\xfd7zXZ\x00"


def packed(data: bytes) -> bytes:
    """A download as published: xz, which stores no name or date (the same data gives the
    same bytes, build after build)."""
    return lzma.compress(data, format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC64, preset=XZ_PRESET)


def _varint(data: bytes, at: int) -> tuple[int, int]:
    """An xz multibyte integer at ``at``: (value, next position)."""
    value = shift = 0
    while True:
        byte = data[at]
        value |= (byte & 0x7F) << shift
        at, shift = at + 1, shift + 7
        if not byte & 0x80:
            return value, at


def unpacked_size(data: bytes) -> int | None:
    """The size of an xz file once decompressed, or None if plain. Read from the stream's
    index, which records each block's uncompressed size (xz file format 1.2.1, §4): the
    footer's backward size locates the index, then (unpadded, uncompressed) size pairs."""
    if not data.startswith(XZ_MAGIC):
        return None
    index_size = (int.from_bytes(data[-8:-4], "little") + 1) * 4
    at = len(data) - 12 - index_size + 1  # past the index indicator (0x00)
    records, at = _varint(data, at)
    total = 0
    for _ in range(records):
        _, at = _varint(data, at)
        size, at = _varint(data, at)
        total += size
    return total


def download_sizes(files: dict[str, bytes]) -> dict[str, tuple[int, int | None]]:
    """Each download's size as published and decompressed (None for a plain file), for the
    about page: the build writes the files, then lists them by these numbers alone."""
    return {path: (len(data), unpacked_size(data)) for path, data in files.items()}


#: What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A CSV cell a spreadsheet cannot run: text that begins with ``=``, ``+``, ``-``, ``@``, a
    tab or a carriage return gets a leading single quote, as OWASP's CSV-injection guidance
    says (a paragraph that begins with a dash then reads ``'- …``). Other values are unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _Packed:
    """A compressed download written piece by piece: the paragraphs' JSON and CSV are never
    held whole (at 400,000 paragraphs they would be over a gigabyte of text), only compressed."""

    def __init__(self) -> None:
        self._pieces: list[bytes] = []
        self._xz = lzma.LZMACompressor(format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC64, preset=XZ_PRESET)

    def write(self, text: str) -> None:
        self._pieces.append(self._xz.compress(text.encode("utf-8")))

    def close(self) -> bytes:
        self._pieces.append(self._xz.flush())
        return b"".join(self._pieces)


def _json_item(record: dict[str, Any], first: bool) -> str:
    """One element of a JSON array as ``json.dumps(array, indent=2)`` would write it."""
    body = json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n  ")
    return ("[\n  " if first else ",\n  ") + body


def _csv_row(record: dict[str, Any]) -> list[Any]:
    flat = dict(record)
    flat["topics"] = "|".join(record["topics"])
    flat["mentions"] = "|".join(record["mentions"])
    flat["source_file"] = record["source"]["file"]
    flat["source_line_start"] = record["source"]["line_start"]
    flat["source_line_end"] = record["source"]["line_end"]
    return ["" if flat[c] is None else spreadsheet_safe(flat[c]) for c in CSV_COLUMNS]


def packed_json_array(records: Iterable[dict[str, Any]]) -> bytes:
    """A compressed JSON array, written one record at a time: the same text as ``_json(list)``."""
    out, first = _Packed(), True
    for record in records:
        out.write(_json_item(record, first))
        first = False
    out.write("[]\n" if first else "\n]\n")
    return out.close()


def paragraph_files(views: Views) -> dict[str, bytes]:
    """``data/paragraphs.json.xz`` and ``data/paragraphs.csv.xz``, made in one pass over the
    paragraphs, one record at a time."""
    as_json, as_csv = _Packed(), _Packed()
    line = io.StringIO()
    writer = csv.writer(line, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for i, p in enumerate(views.paragraphs):
        record = paragraph_record(p, views)
        as_json.write(_json_item(record, i == 0))
        writer.writerow(_csv_row(record))
        if line.tell() > 1 << 16:
            as_csv.write(line.getvalue())
            line.seek(0)
            line.truncate()
    as_json.write("\n]\n" if views.paragraphs else "[]\n")
    as_csv.write(line.getvalue())
    return {"data/paragraphs.json.xz": as_json.close(), "data/paragraphs.csv.xz": as_csv.close()}


def export_data(corpus: Corpus, report: BuildReport, views: Views | None = None,
                base_url: str | None = None) -> dict[str, bytes]:  # fmt: skip
    """Every data file (path relative to the site root -> bytes), with the citation downloads
    (``data/citations.*.xz`` and each document's ``documents/<id>/citation.*``); ``base_url`` puts
    each document's absolute address in its citations."""
    views = views or build_views(corpus)
    files = citation_files(corpus.documents, base_url)
    for path in ARCHIVE_FILES.values():
        # The whole archive's references are compressed like every archive-wide download (at
        # 20,000 documents, 29 MB of text, 3 MB in xz); each document's stay plain, to import.
        files[path + ".xz"] = packed(files.pop(path))
    return {
        **files,
        "data/documents.json.xz": packed_json_array(document_record(d) for d in corpus.documents),
        **paragraph_files(views),
        "data/states.json.xz": packed_json_array(state_record(s, views) for s in views.states_sorted),
        "data/topics.json.xz": packed_json_array(topic_record(t, views) for t in corpus.topics),
        "data/report.json.xz": packed(_json(report_record(report))),
    }
