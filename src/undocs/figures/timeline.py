"""The timeline: how many documents each year, by organ, as columns, and the same in words.

The chart is a row of columns, one per year from the first dated document to the last (a year
without a document is an empty place: time runs evenly along the axis), each stacked by organ;
when every dated document falls in one year, one column per month of that year. It is an SVG
whose rectangles are computed here (attributes, not inline styles: the CSP forbids those),
hidden from screen readers: its text equivalent follows it, a list of the years ("1995–2000 :
aucun document" for a run of empty years), each with its number of documents and each organ's
share, a year with many documents (``month_detail`` in site.yaml) broken down by month, and
the documents whose date is not read in a last row, never placed on the axis.

A document counts once, under the curated organ its ``body`` names first (site.yaml,
``figures.timeline.bodies``); any other organ is "autres organes", one that is not read
"organe non lu". An organ's colour is its place in site.yaml, the same on every page.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..model import Document
from ..textnorm import fold
from ..views import MONTHS
from .config import Body, TimelineSettings

#: The keys and labels of the two groups that are not a curated organ.
OTHER = ("autres", "autres organes")
UNKNOWN = ("non lu", "organe non lu")

#: Short month names for the axis and the month rows.
MONTH_SHORT = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")

#: The chart's units: each column's place, the column itself, the height of the tallest one,
#: and the least height of a column that has a document (one document among a hundred stays
#: visible; its number is in the list).
SLOT, COLUMN, HEIGHT, MIN_HEIGHT = 10, 8, 100, 6


def body_of(body: str | None, bodies: tuple[Body, ...]) -> str:
    """The short label of the curated organ named first in a document's ``body`` (the longest
    name wins at a position), ``autres`` for any other organ, ``non lu`` when not read."""
    if not body:
        return UNKNOWN[0]
    text = fold(body)
    best: tuple[int, int, str] | None = None
    for b in bodies:
        for name in b.names:
            at = text.find(fold(name))
            if at >= 0 and (best is None or (at, -len(name)) < (best[0], best[1])):
                best = (at, -len(name), b.short)
    return best[2] if best else OTHER[0]


def year_month(date: object) -> tuple[int, int | None] | None:
    """(year, month or None) of an ISO date, full or reduced (``2012``, ``2012-09``); None if unknown."""
    if date is None:
        return None
    text = str(date)
    if len(text) < 4 or not text[:4].isdigit():
        return None
    month = int(text[5:7]) if len(text) >= 7 and text[5:7].isdigit() and 1 <= int(text[5:7]) <= 12 else None
    return int(text[:4]), month


def _count(n: int) -> str:
    return f"{n}\u00a0document{'s' if n != 1 else ''}"


def _column(index: int, counts: dict[str, int], order: list[str], classes: dict[str, str], top: int) -> list[dict[str, str]]:
    """The rectangles of one column, stacked from the axis up in legend order; ``top``
    documents fill the chart's height."""
    n = sum(counts.values())
    if not n:
        return []
    height = max(HEIGHT * n / top, MIN_HEIGHT)
    rects, y = [], float(HEIGHT)
    for key in order:
        if counts.get(key):
            h = height * counts[key] / n
            y -= h
            rects.append({"cls": classes[key], "x": _num(index * SLOT + (SLOT - COLUMN) / 2),
                          "y": _num(y), "width": _num(COLUMN), "height": _num(h)})  # fmt: skip
    return rects


def _num(x: float) -> str:
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def _detail(counts: dict[str, int], order: list[str], classes: dict[str, str]) -> list[dict[str, Any]]:
    """The row in words: each organ's short label and its count, in legend order."""
    return [{"cls": classes[key], "short": key, "count": counts[key]} for key in order if counts.get(key)]


def _words(detail: list[dict[str, Any]]) -> str:
    return ", ".join(f"{d['short']} {d['count']}" for d in detail)


def timeline_view(documents: Iterable[Document], settings: TimelineSettings, prefix: str = "tl") -> dict[str, Any]:
    """The timeline of ``documents``: the chart's ``columns`` (with its ``viewbox`` and ``axis``
    labels), the list's ``rows`` (periods, empty runs, then unknown dates), the ``legend`` (the
    organs present, with their counts) and the caption's numbers; ``prefix`` is the figure's id."""
    docs = list(documents)
    keyed = [(year_month(d.date), body_of(d.body, settings.bodies)) for d in docs]
    present = {key for _, key in keyed}
    order = [b.short for b in settings.bodies if b.short in present]
    order += [k for k in (OTHER[0], UNKNOWN[0]) if k in present]
    labels = {b.short: b.label for b in settings.bodies} | {OTHER[0]: OTHER[1], UNKNOWN[0]: UNKNOWN[1]}
    classes = {b.short: f"tl-{i}" for i, b in enumerate(settings.bodies, 1)}
    classes |= {OTHER[0]: "tl-other", UNKNOWN[0]: "tl-unknown"}

    by_year: dict[int, dict[str, int]] = {}
    by_month: dict[int, dict[int | None, dict[str, int]]] = {}
    undated: dict[str, int] = {}
    for when, key in keyed:
        if when is None:
            undated[key] = undated.get(key, 0) + 1
            continue
        year, month = when
        counts = by_year.setdefault(year, {})
        counts[key] = counts.get(key, 0) + 1
        months = by_month.setdefault(year, {}).setdefault(month, {})
        months[key] = months.get(key, 0) + 1

    def row(label: str, datetime: str | None, counts: dict[str, int], kind: str = "period",
            full: str | None = None) -> dict[str, Any]:  # fmt: skip
        n = sum(counts.values())
        return {"kind": kind, "label": label, "datetime": datetime, "full": full or label, "count": n,
                "count_label": _count(n) if n else "aucun document",
                "detail": _detail(counts, order, classes), "months": None}  # fmt: skip

    def month_rows(year: int) -> list[dict[str, Any]]:
        months = by_month[year]
        rows = [row(MONTH_SHORT[m - 1], f"{year}-{m:02d}", months.get(m, {}), full=f"{MONTHS[m - 1]} {year}")
                for m in range(1, 13)]  # fmt: skip
        if None in months:
            rows.append(row("mois non lu", None, months[None], "undated", f"{year}, mois non lu"))
        return rows

    years = sorted(by_year)
    rows: list[dict[str, Any]] = []
    periods: list[dict[str, Any]] = []  # the chart's columns, in time order, empty ones too
    if len(years) == 1:
        # One year: the months are the axis and the list.
        rows = month_rows(years[0])
        periods = [r for r in rows if r["datetime"]]
        per_month = by_month[years[0]]
        counts_of = [per_month.get(m, {}) for m in range(1, 13)]
        axis = [f"{MONTH_SHORT[0]} {years[0]}", f"{MONTH_SHORT[-1]} {years[0]}"]
    elif years:
        for i, year in enumerate(years):
            if i and year - years[i - 1] > 1:
                first, last = years[i - 1] + 1, year - 1
                label = str(first) if first == last else f"{first}\u2013{last}"
                rows.append(row(label, None, {}, "gap"))
            item = row(str(year), str(year), by_year[year])
            if item["count"] > settings.month_detail:
                item["months"] = month_rows(year)
            rows.append(item)
        periods = [row(str(y), str(y), by_year.get(y, {})) for y in range(years[0], years[-1] + 1)]
        counts_of = [by_year.get(y, {}) for y in range(years[0], years[-1] + 1)]
        axis = [str(years[0]), str(years[-1])]
    else:
        counts_of, axis = [], []
    if undated:
        rows.append(row("date non lue", None, undated, "undated"))

    top = max([sum(c.values()) for c in counts_of] + [1])
    columns = [
        {"title": f"{p['full']}\u00a0: {p['count_label']}" + (f" ({_words(p['detail'])})" if p["detail"] else ""),
         "rects": _column(i, c, order, classes, top)}
        for i, (p, c) in enumerate(zip(periods, counts_of))
        if sum(c.values())
    ]  # fmt: skip
    tallest = max(periods, key=lambda p: p["count"], default=None)
    totals: dict[str, int] = {}
    for _, key in keyed:
        totals[key] = totals.get(key, 0) + 1
    return {
        "id": prefix,
        "viewbox": f"0 0 {len(periods) * SLOT} {HEIGHT}",
        "columns": columns,
        "axis": axis,
        "unit": "mois" if len(years) == 1 else "année",
        "list_label": "Mois par mois" if len(years) == 1 else "Année par année",
        "tallest": f"{tallest['count_label']} ({tallest['full']})" if tallest and tallest["count"] else None,
        "rows": rows,
        # A curated organ is keyed by its short label in the rows ("CS 43"); the legend says it in full.
        "legend": [{"cls": classes[k], "short": k if k not in (OTHER[0], UNKNOWN[0]) else None,
                    "label": labels[k], "count": totals[k]} for k in order],  # fmt: skip
        "total": len(docs),
        "total_label": _count(len(docs)),
        "span": f"{years[0]}\u2013{years[-1]}" if len(years) > 1 else (str(years[0]) if years else None),
        # Documents the axis cannot place: date not read (or, on a month axis, month not read).
        "off_axis": len(docs) - sum(sum(c.values()) for c in counts_of),
        "off_axis_label": "mois ou date non lus" if len(years) == 1 else "date non lue",
    }
