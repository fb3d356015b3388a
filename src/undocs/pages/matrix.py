"""The states × topics table: for each state and topic, how many paragraphs, linked."""

from __future__ import annotations

from typing import Any

from .. import urls
from ..views import Views
from .common import Linker


def matrix_view(views: Views, link: Linker) -> dict[str, Any]:
    topics = [{"label": t.label, "href": link(urls.topic_url(t.id))} for t in views.corpus.topics]
    rows = []
    for s in views.states_sorted:
        cells = []
        for t in views.corpus.topics:
            n = views.count(s.id, t.id)
            href = link(urls.anchor_url(urls.state_url(s.id), f"theme-{t.id}")) if n else None
            cells.append({"count": n, "href": href, "topic": t.label})
        rows.append(
            {
                "name": s.name,
                "href": link(urls.state_url(s.id)),
                "cells": cells,
                "total": len(views.state_paragraphs[s.id]),
            }
        )
    return {"topics": topics, "rows": rows}
