"""What a UN document says about itself: its masthead, read from the runs of its first page.

The modern masthead (2000s on) reads, left and right of the page's top:

    United Nations                         A/79/807–S/2025/132
    General Assembly   Security Council    Distr.: General
                                           3 March 2025
                                           Original: English
    Seventy-ninth session
    Agenda items 35 and 37
    <item title>
                     <document title, bold>

with the job number ("25-03628 (E) 040325") and a barcode at the foot of the page. The
1984–2001 layout prints "UNITED NATIONS", "Distr. GENERAL", the symbol, the date, the version's
language in capitals ("ENGLISH") and "ORIGINAL: ARABIC" in one right-hand column. The Geneva
layout draws its masthead as graphics: only the job number ("GE.25-04731 (E)") is text on the
first page, the symbol is the running header of the pages after it.

Every field is read, never guessed: what is not printed stays ``None``; the words of each
language (month names, "Distr.", "Original", organ names) come from ``undocs.lang``. The runs
read as masthead are returned so that the reader shows them as the document's masthead.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .. import lang
from .extract import Page, Run

#: A UN document symbol: a series letter group, then "/"-separated elements ("A/79/807",
#: "S/RES/2776 (2025)", "E/CN.6/2025/NGO/40", "DP/FPA/2025/4 (Part I/Add.1)", "A/ES-10/1027").
SYMBOL = r"[A-Z][A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-]+(?:\(\d{1,3}\))?)+(?: ?\((?:\d{4}|Part [IVX]+(?:/[A-Za-z0-9.]+)*)\))?"
_SYMBOL_ALONE = re.compile(rf"({SYMBOL})\*?")
#: Where a joint symbol parts: a dash, or a hyphen before the next symbol's series and its "/"
#: ("A/80/275-S/2025/491"), once the symbol before it has its own "/" (so neither the hyphen of
#: "A/ES-10/1027" nor that of the series "DP-FPA/2025/1" parts anything).
_JOINT = re.compile(r"\s*[–—−]\s*|\s+-\s+|-(?=[A-Z][A-Z.\d]*/)")
#: A job number: year, a hyphen, five digits ("25-03068"), Geneva's prefixed "GE.25-04731"; the
#: version's language letter follows in brackets. Executive boards add an "X" ("24-22638X"),
#: a reissue an asterisk ("25-03579*"); OCR'd scans misread digits ("84-I7984").
_JOB = re.compile(r"^(?P<job>(?:GE\.)?\d{2}-[0-9A-Za-z]{5}X?)\*?(?:\s*[0-9A-Za-z]{4,6})?\s*\((?P<letter>[A-Z])\)")
_UNITED_NATIONS = re.compile(r"^(?:United Nations|UNITED\s*NATIONS|Nations\s+Unies|NATIONS\s+UNIES|UNITED|NATIONS|UNIES)$")
#: The 1984–2001 masthead prints the version's language alone, in capitals.
_VERSION_LANGUAGE = re.compile(r"^(?:English|French|Spanish|Russian|Arabic|Chinese|Français|Anglais)$", re.IGNORECASE)
#: How far down the first page a masthead may reach, as a share of the page's height.
_MASTHEAD_DEPTH = 0.42


@dataclass
class Masthead:
    """The fields a masthead printed (``None`` or empty where it printed none)."""

    symbols: list[str] = field(default_factory=list)
    organs: list[str] = field(default_factory=list)
    distribution: str | None = None
    date: str | None = None  # ISO
    date_text: str | None = None
    language: str | None = None  # ISO 639-1 of this version
    original_languages: list[str] = field(default_factory=list)  # ISO 639-1
    session: str | None = None
    agenda_items: list[str] = field(default_factory=list)
    title: str | None = None
    job_number: str | None = None
    #: The first-page runs read as masthead (shown as such), and those of the title.
    runs: list[Run] = field(default_factory=list)
    title_runs: list[Run] = field(default_factory=list)
    #: Where the masthead's left column stands (a session, an agenda item and its title).
    left_columns: set[int] = field(default_factory=set)
    organ_runs: list[Run] = field(default_factory=list)
    meeting: str | None = None  # a verbatim record's "64th plenary meeting": its title

    @property
    def found(self) -> bool:
        """True when the page has a masthead at all (a symbol, a distribution line or a date)."""
        return bool(self.symbols or self.distribution or self.date)


def symbols_in(text: str) -> list[str]:
    """The symbols of a masthead run: "A/79/807–S/2025/132*" -> ["A/79/807", "S/2025/132"]."""
    pieces, start = [], 0
    text = text.strip()
    for m in _JOINT.finditer(text):
        if "/" in text[start:m.start()]:
            pieces.append(text[start:m.start()])
            start = m.end()
    pieces.append(text[start:])
    found = [_SYMBOL_ALONE.fullmatch(piece) for piece in pieces]
    if not all(found):
        return []
    return [m.group(1) for m in found if m is not None]


#: One element of a symbol, well formed: a series or body ("A", "CN.4", "ES-10", "COP(8)"), a
#: number ("2025", "SR.2-5"), or an addendum word ("Add.1", "Misc.14"). OCR misreadings fail it
#: ("36I", "A.").
_ELEMENT = re.compile(r"[A-Z]+(?:[.\-]?[A-Z0-9]+)*(?:\(\d+\))?|\d+(?:-\d+)?|(?:Add|Rev|Corr|Misc|Amend|Suppl?)\.\d+")


def well_formed(symbol: str) -> bool:
    """True when every element of ``symbol`` has the shape UN symbols give their elements."""
    core = re.sub(r" ?\((?:\d{4}|Part [^)]*)\)$", "", symbol)
    return all(_ELEMENT.fullmatch(element) for element in core.split("/"))


def is_symbol_run(text: str) -> bool:
    return bool(symbols_in(text))


def read_masthead(pages: list[Page], body_left: float, body_right: float, body_size: float = 10.0) -> Masthead:
    """Read the masthead of ``pages[0]``; the running header of later pages gives the symbol
    where the first page prints none (the Geneva layout)."""
    mast = Masthead()
    first = pages[0]
    depth = first.height * _MASTHEAD_DEPTH
    runs = sorted(first.runs, key=lambda r: (round(r.top), r.x0))
    known = lang.languages()
    agenda_column: float | None = None
    last_agenda: Run | None = None
    ended = False  # the masthead ends where the title (or the text) begins
    foot_symbols: list[str] = []
    for run in runs:
        text = run.text.strip()
        job = _JOB.match(text)
        if job and run.top > first.height * 0.8:
            mast.job_number = mast.job_number or job.group("job")
            letter = job.group("letter")
            mast.language = mast.language or next((l.code for l in known if l.job_letter == letter), None)
            continue
        if run.top > first.height * 0.8 and not mast.symbols and symbols_in(text):
            # The Geneva layout of the 2000s prints the symbol at the foot of the first page.
            foot_symbols = foot_symbols or symbols_in(text)
            mast.runs.append(run)
            continue
        if run.top > depth or ended:
            continue
        organ = mast.organ_runs[-1] if mast.organ_runs else None
        if organ is not None and run.bold and organ.size >= 14 and not _known_organ(mast.organs[-1], known) \
                and abs(run.x0 - organ.x0) < 2 and abs(run.size - organ.size) < 1.5 and 0 < run.top - organ.top < 1.6 * run.size:
            # An organ's name on several lines ("Executive Board of the / United Nations …").
            mast.organs[-1] += " " + text
            mast.organ_runs.append(run)
            mast.runs.append(run)
            continue
        claimed = _claim(run, text, mast, known)
        if claimed == "organ":
            mast.organ_runs.append(run)
        if claimed:
            mast.runs.append(run)
            if claimed == "agenda":
                agenda_column, last_agenda = run.x0, run
            if claimed in ("agenda", "session"):
                mast.left_columns.add(round(run.x0))
            continue
        if last_agenda is not None and agenda_column is not None and abs(run.x0 - agenda_column) < 3 and run.x0 < body_left - 20 \
                and run.top - last_agenda.top < 2.2 * run.size:
            # The agenda item's title, printed under "Agenda item 88" in the left column.
            mast.runs.append(run)
            last_agenda = run
        elif abs(run.x0 - body_left) < 30 and (mast.found or mast.organs):
            # Unclaimed text in the body's column: the title; nothing after it is masthead (the
            # "Security Council" that ends a letter's title is not an organ line).
            ended = True
    if not mast.symbols:
        mast.symbols = foot_symbols or _header_symbols(pages)
    elif not all(well_formed(symbol) for symbol in mast.symbols):
        # An OCR'd masthead may misread its symbol ("A./47/435"); where the running headers
        # print it well formed, that is the document's own reading, not a correction.
        printed = [symbol for symbol in _header_symbols(pages) if well_formed(symbol)]
        mast.symbols = printed or mast.symbols
    if mast.found or mast.runs:
        _read_title(mast, runs, first, body_left, body_right, body_size)
    if mast.title is None and mast.meeting:
        mast.title = mast.meeting
    return mast


def _claim(run: Run, text: str, mast: Masthead, known: tuple[lang.Language, ...]) -> str | None:
    """Which masthead field ``run`` is (and fill it), or None when it is not a masthead run."""
    if _UNITED_NATIONS.match(" ".join(text.split())):
        return "united-nations"
    organs = _organs_in(text, known)
    if organs:
        # One line may print two organs ("General Assembly Security Council"); a joint
        # document prints them again above its sessions: each is listed once.
        mast.organs.extend(o for o in organs if o not in mast.organs)
        return "organ"
    symbols = symbols_in(text)
    if symbols and not mast.symbols:
        mast.symbols = symbols
        return "symbol"
    for language in known:
        if run.bold and run.size >= 14 and not mast.distribution and _is_organ_like(text):
            mast.organs.append(text)
            return "organ"
        m = language.distribution.match(text)
        if m and not mast.distribution:
            mast.distribution = m.group("value").strip()
            return "distribution"
        m = language.original.match(text)
        if m and not mast.original_languages:
            codes = [lang.language_code(name) for name in re.split(r"\s*(?:/|,|\band\b|\bet\b)\s*", m.group("value")) if name.strip()]
            mast.original_languages = [c for c in codes if c]
            return "original"
        if mast.date is None and len(text.split()) <= 8:  # "Wednesday, 16 April 2025, 10 a.m."
            parsed = language.parse_date(text, line=True)
            if parsed is not None:
                mast.date, mast.date_text = parsed.isoformat(), text
                return "date"
        m = language.session.match(text)
        if m and len(text.split()) <= 6:
            # A joint document prints each organ's session ("Seventy-ninth session", "Eightieth year").
            mast.session = f"{mast.session} ; {m.group('value')}" if mast.session else m.group("value")
            return "session"
        if language.meeting.match(text):
            if text[:1].isdigit():
                mast.meeting = text
            return "meeting"
        m = language.agenda.match(text)
        if m and len(text) < 120:
            mast.agenda_items.append(m.group("value"))
            return "agenda"
    if _VERSION_LANGUAGE.match(text):
        mast.language = mast.language or lang.language_code(text)
        return "language"
    if text in ("Distr.", "DISTR.") or text.upper() in ("GENERAL", "LIMITED", "RESTRICTED"):
        if text.upper() != text.lower():
            mast.distribution = mast.distribution or (text.capitalize() if text.upper() == text and text != "DISTR." else None)
        return "distribution"
    return None


def _known_organ(text: str, known: tuple[lang.Language, ...]) -> bool:
    return any(text.lower() == organ.lower() for language in known for organ in language.organs)


def _organs_in(text: str, known: tuple[lang.Language, ...]) -> list[str]:
    """The known organs a run consists of, in order ("General Assembly Security Council" is
    two), or [] when the run is anything else."""
    names = sorted({organ for language in known for organ in language.organs}, key=len, reverse=True)
    found, rest = [], text.strip()
    while rest:
        organ = next((name for name in names if rest.lower().startswith(name.lower())
                      and (len(rest) == len(name) or rest[len(name)] == " ")), None)
        if organ is None:
            return []
        found.append(rest[: len(organ)])
        rest = rest[len(organ):].strip()
    return found


def _is_organ_like(text: str) -> bool:
    """A large bold line of the masthead's left column: an organ ("General Assembly") or a
    body it names ("Executive Board of …"), never a sentence."""
    return len(text) < 90 and not text.endswith(".") and text[:1].isupper() and len(text.split()) >= 2


def _header_symbols(pages: list[Page]) -> list[str]:
    """The symbol printed as the running header of pages 2 and after (the Geneva layout)."""
    counts: Counter[str] = Counter()
    for page in pages[1:6]:
        for run in page.runs:
            if run.top < page.height * 0.09:
                for symbol in symbols_in(run.text):
                    counts[symbol] += 1
    if not counts:
        return []
    symbol, count = counts.most_common(1)[0]
    return [symbol] if count >= max(1, min(2, len(pages) - 1)) else []


def _read_title(mast: Masthead, runs: list[Run], page: Page, body_left: float, body_right: float, body_size: float) -> None:
    """The title: the first block of bold or larger lines after the masthead (or, in the
    1984–2001 layout, of centred lines), each block joined; lines a blank line apart are blocks
    of one title. Lines of the masthead's left column (a meeting's place and dates, an agenda
    item's title) before it are passed over."""
    claimed = {id(r) for r in mast.runs}
    bottom = max((r.bottom for r in mast.runs if r.top < page.height * _MASTHEAD_DEPTH), default=0.0)
    blocks: list[list[Run]] = []
    previous: Run | None = None
    for run in runs:
        if id(run) in claimed or run.top <= bottom or run.top > page.height * 0.8:
            continue
        if not blocks and any(abs(run.x0 - column) < 3 for column in mast.left_columns):
            continue
        # Centred: as far from the body's left edge as from its right one (a first-line
        # indent is only on the left).
        centred = run.x0 > body_left + 15 and abs((run.x0 - body_left) - (body_right - run.x1)) < 14
        near = previous is not None and run.top - previous.top <= 1.6 * run.size
        # A title's last line may lose its weight (before a raised "*"): same column, next line.
        continues = near and previous is not None and abs(run.x0 - previous.x0) < 2 and not previous.text.rstrip().endswith(".")
        large = run.size >= 1.2 * body_size
        if not (run.bold or large or centred or continues) or _looks_like_section(run.text):
            break
        if previous is not None and not near and blocks:
            blocks.append([run])
        elif blocks:
            blocks[-1].append(run)
        else:
            blocks.append([run])
        previous = run
    if not blocks:
        return
    mast.title_runs = [r for block in blocks for r in block]
    mast.title = " : ".join(" ".join(r.text.strip() for r in block) for block in blocks)


_SECTION = re.compile(r"^(?:[IVXLC]+|[A-H]|\d{1,2})\.\s+\S")


def _looks_like_section(text: str) -> bool:
    return bool(_SECTION.match(text.strip()))
