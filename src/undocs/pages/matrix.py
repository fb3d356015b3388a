"""The states × topics table: for each state and topic, how many paragraphs, linked, each
cell shaded by its class (a heat map: :mod:`undocs.figures.heatmap`).

States that speak on no topic (named in the texts, never speaking) would be rows of zeros: they
are listed apart, under the table, so that every row of the table says something."""

from __future__ import annotations

from typing import Any

from .. import urls
from ..figures.config import HeatSettings
from ..figures.heatmap import heat_class, heat_legend, heat_scale
from ..views import Views
from .common import Linker


def matrix_view(views: Views, link: Linker, heat: HeatSettings = HeatSettings()) -> dict[str, Any]:
    topics = [{"label": t.label, "href": link(urls.topic_url(t.id))} for t in views.corpus.topics]
    rows = []
    silent = []
    for s in views.states_sorted:
        cells = []
        for t in views.corpus.topics:
            n = views.count(s.id, t.id)
            href = link(urls.anchor_url(urls.state_url(s.id), f"theme-{t.id}")) if n else None
            cells.append({"count": n, "href": href, "topic": t.label})
        row = {
            "name": s.name,
            "href": link(urls.state_url(s.id)),
            "cells": cells,
            "total": len(views.state_paragraphs[s.id]),
        }
        if any(c["count"] for c in cells):
            rows.append(row)
        else:
            silent.append({"name": s.name, "href": row["href"], "paragraphs": row["total"],
                           "mentions": len(views.state_mentions[s.id])})  # fmt: skip
    # The shades are classes of the numbers the table shows (zeros and totals unshaded).
    scale = heat_scale((c["count"] for r in rows for c in r["cells"]), heat.classes)
    for r in rows:
        for c in r["cells"]:
            c["heat"] = heat_class(scale, c["count"])
    return {"topics": topics, "rows": rows, "silent": silent, "legend": heat_legend(scale) if rows else []}
