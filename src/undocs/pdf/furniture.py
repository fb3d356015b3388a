"""Page furniture: what the printer puts on every page that is not the document's text.

A run is furniture only when a named rule recognises it, and every rule asks two things: that
the run stands in the page's margin (its top or bottom band, or the first page's foot) — or
draws a line of underscores, the rule above footnotes —, and that its *whole* text has the rule's shape — a symbol alone, a job number, a page number, a
barcode. A sentence that starts with the symbol, a short paragraph at the top of every page or
a numbered line in the body is never furniture: it is not in the margin, or it has more than
the shape. Each removal names its rule (``Removal.rule``) and is listed in the build report;
``fidelity.check_removals`` holds every removal to the same limits independently.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .. import lang
from .extract import Page, Run
from .masthead import is_symbol_run

#: The page's top and bottom bands, as shares of its height, where furniture may stand.
HEADER_BAND = 0.1
FOOTER_BAND = 0.90
#: The job number may stand higher on a first page (above a barcode, or a 1990s footnote).
JOB_BAND = 0.84

_PAGE_NUMBER = re.compile(r"^(?:\d{1,4}|\d{1,4}\s*/\s*\d{1,4}|Page \d{1,4}|-\s*\d{1,4}\s*-)$")
_JOB_NUMBER = re.compile(
    r"^(?:\d{1,4}/\d{1,4}\s+)?(?:GE\.)?\d{2}-[0-9A-Za-z]{5}X?\*?(?:\s*[0-9A-Za-z]{4,6})?(?:\s*\([A-Z]\))?"
    r"(?:\s+\d{6}){0,2}(?:\s+\d{1,4}/\d{1,4})?$"
)
_BARCODE = re.compile(r"^\*\s?[0-9A-Z]{7,9}\s?\*$")
_DATE_HEADER = re.compile(r"^\d{2}/\d{2}/\d{4}$")
_REISSUE = re.compile(r"^\*\s*(?:Reissued for technical reasons on|Nouveau tirage pour raisons techniques le)\b.{0,40}$")


@dataclass(frozen=True)
class Rule:
    """A kind of furniture: its id (in the report), its French label, where and what it is."""

    id: str
    label: str
    applies: Callable[[Run, Page], bool]


def _in_header(run: Run, page: Page) -> bool:
    return run.bottom <= page.height * HEADER_BAND + 4


def _in_footer(run: Run, page: Page) -> bool:
    return run.top >= page.height * FOOTER_BAND


def _in_job_band(run: Run, page: Page) -> bool:
    return run.top >= page.height * JOB_BAND


def _margin(run: Run, page: Page) -> bool:
    return _in_header(run, page) or _in_footer(run, page)


def _folded(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


_LANGUAGE_WORDS = {name for language in lang.languages() for name in language.language_names}
_RECYCLE = {_folded(w) for language in lang.languages() for w in language.furniture}

RULES: tuple[Rule, ...] = (
    Rule("symbol-header", "en-tête de page : cote du document",
         lambda r, p: p.number > 1 and _in_header(r, p) and is_symbol_run(r.text)),
    Rule("date-header", "en-tête de page : date de la séance",
         lambda r, p: p.number > 1 and _in_header(r, p) and bool(_DATE_HEADER.match(r.text))),
    Rule("language-header", "en-tête de page : langue de la version",
         lambda r, p: p.number > 1 and _in_header(r, p) and _folded(r.text) in _LANGUAGE_WORDS),
    Rule("page-number", "numéro de page",
         lambda r, p: _margin(r, p) and bool(_PAGE_NUMBER.match(r.text))),
    Rule("job-number", "pied de page : numéro de tirage",
         lambda r, p: _in_job_band(r, p) and bool(_JOB_NUMBER.match(r.text))),
    Rule("hidden-job-number", "numéro de tirage en texte invisible (moins de 2 points)",
         lambda r, p: r.size < 2 and bool(_JOB_NUMBER.match(r.text))),
    Rule("continued-mark", "pied de page : « /... » (suite à la page suivante)",
         lambda r, p: _in_job_band(r, p) and r.text.strip() in ("/...", "/…", "...", "…")),
    Rule("barcode", "code-barres",
         lambda r, p: _in_job_band(r, p) and (bool(_BARCODE.match(r.text)) or not re.search(r"\w", r.text))),
    Rule("recycle", "mention « Please recycle »",
         lambda r, p: p.number == 1 and _margin(r, p) and _folded(r.text) in _RECYCLE),
    Rule("footnote-rule", "filet au-dessus des notes de bas de page",
         lambda r, p: bool(re.fullmatch(r"_{5,}", r.text))),
    Rule("reissue-note", "note de nouveau tirage",
         lambda r, p: p.number == 1 and r.top >= p.height * 0.6 and bool(_REISSUE.match(r.text))),
)

BY_ID = {rule.id: rule for rule in RULES}
#: No furniture has more words than this: ``fidelity.check_removals`` refuses longer removals.
MAX_WORDS = 9


def furniture_rule(run: Run, page: Page) -> Rule | None:
    """The rule whose shape ``run`` has, or None (then it is text)."""
    if len(re.findall(r"\w+", run.text)) > MAX_WORDS:
        return None
    for rule in RULES:
        if rule.applies(run, page):
            return rule
    return None


def page_furniture(page: Page) -> dict[int, Rule]:
    """The furniture of a page: ``id(run)`` -> its rule.

    A run of the right shape in a margin band is furniture only if it is *outermost*: no text
    stands above a header or below a footer. A footnote's number near the foot of the page,
    or a short first line at its top, has text beyond it, and stays text.
    """
    shaped = {id(run): rule for run in page.runs if (rule := furniture_rule(run, page)) is not None}
    text = [run for run in page.runs if id(run) not in shaped]
    lowest_text = max((run.bottom for run in text), default=-1.0)
    highest_text = min((run.top for run in text), default=page.height + 1)
    furniture = {}
    for run in page.runs:
        rule = shaped.get(id(run))
        if rule is None:
            continue
        if (_in_footer(run, page) or _in_job_band(run, page)) and not _in_header(run, page) \
                and run.top < lowest_text - 1 and rule.id != "footnote-rule":
            continue
        if _in_header(run, page) and run.bottom > highest_text + 1:
            continue
        furniture[id(run)] = rule
    return furniture
