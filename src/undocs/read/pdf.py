"""The reader of PDFs as the UN's Official Document System publishes them.

    pages (pdf.extract) → masthead (pdf.masthead) → furniture (pdf.furniture)
        → rows, footnotes, paragraphs, parts (pdf.layout) → who speaks (pdf.speakers)

The text the word check compares with the page is the extracted text itself, one run a line:
the masthead first (shown as the document's masthead), then the body and footnotes page by
page. Furniture lines are in it too, and are listed as removals, so the check proves that every
other extracted word is on the page, in order.
"""

from __future__ import annotations

from pathlib import Path

from .. import lang
from ..errors import SourceError
from ..model import Removal
from ..pdf.extract import Run, read_pages
from ..pdf.furniture import page_furniture
from ..pdf.layout import Builder, Metrics, footnotes_of, rows_of, split_footnotes
from ..pdf.masthead import read_masthead
from ..pdf.speakers import add_speakers
from . import Found, Hints, Reading, StateFinder


#: What the Official Document System serves, as a PDF, for a symbol it does not have.
_ODS_NOT_FOUND = "The document you are looking for does not exist in the Official Document System"


def read(path: Path, file: str, hints: Hints, states: StateFinder) -> Reading:
    problems: list[str] = []
    pages = list(read_pages(path, problems))
    if not any(page.runs for page in pages):
        raise SourceError(f"the PDF has no text layer ({len(pages)} pages of images: a scan without OCR?)", file)
    first_page = " ".join(run.text for run in pages[0].runs)
    if len(pages) == 1 and _ODS_NOT_FOUND in first_page:
        raise SourceError("not a UN document: the Official Document System's 'document not found' page (download it again)", file)
    everything = [run for page in pages for run in page.runs]
    metrics = Metrics.of(rows_of(list(enumerate(everything, start=1))))
    mast = read_masthead(pages, metrics.left, metrics.right, metrics.size)
    language = lang.by_code(hints.language or mast.language)

    lines: list[str] = []
    removals: list[Removal] = []
    title_ids = {id(r) for r in mast.title_runs}
    masthead_ids = {id(r) for r in mast.runs} | title_ids
    shown = sorted(mast.runs + mast.title_runs, key=lambda r: (r.top, r.x0))
    for run in shown:
        lines.append(run.text)
    masthead_lines = tuple(lines)

    builder = Builder(file, language, metrics, states.resolve, first_title="")
    for page in pages:
        body: list[tuple[int, Run]] = []
        furniture = page_furniture(page)
        for run in sorted(page.runs, key=lambda r: (round(r.top), r.x0)):
            if id(run) in masthead_ids:
                continue
            lines.append(run.text)
            rule = furniture.get(id(run))
            if rule is not None:
                removals.append(Removal(file, len(lines), run.text, rule.label, rule.id, page.number))
            else:
                body.append((len(lines), run))
        rows = rows_of(body)
        main, notes = split_footnotes(rows, metrics, page.height)
        builder.page(main, footnotes_of(notes, file))
    drafts = [d for d in builder.drafts if d.paragraphs or d.title or d.footnotes]
    # A footnote call is a raised mark, not a letter of the word it follows ("General¹"):
    # the text the word check reads has it apart, as the page shows it.
    for line, start, end in sorted(set(builder.call_spans), reverse=True):
        text = lines[line - 1]
        lines[line - 1] = f"{text[:start]} {text[start:end]} {text[end:]}"
    found = Found(
        symbols=list(mast.symbols), title=mast.title, date=mast.date, organs=list(mast.organs),
        distribution=mast.distribution, language=mast.language,
        original_languages=list(mast.original_languages), session=mast.session,
        agenda_items=list(mast.agenda_items), job_number=mast.job_number, has_masthead=mast.found,
    )
    add_speakers(drafts, found, language, states)
    warnings = (SourceError("; ".join(problems), file),) if problems else ()
    return Reading(drafts, tuple(removals), warnings, "\n".join(lines), masthead_lines, found)
