"""About the data: downloads and their fields, how to cite, what the build removed or warned.

The page stays the same size however large the archive: the documents are listed on the
documents page, and each document's page lists what was removed from it (all of it is in
``data/report.json.xz``); here, the counts by rule."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..export import FILES
from .. import urls
from ..feed import FEED_PATH
from ..report import BuildReport
from ..settings import Settings
from ..views import Views
from .common import Linker, plural, size_label

CITE_EXAMPLES = 3


def repository_url(repository: str | None) -> str | None:
    if not repository:
        return None
    return repository if "://" in repository else f"https://github.com/{repository}"


def about_view(
    views: Views, report: BuildReport, data_sizes: Mapping[str, tuple[int, int | None]], settings: Settings,
    link: Linker,
) -> dict[str, Any]:
    """``data_sizes``: each download's size as published and, if compressed, decompressed."""
    downloads = [
        {
            "path": f["path"],
            "href": link(f["path"]),
            "size": size_label(data_sizes[f["path"]][0]),
            "unpacked": size_label(unpacked) if (unpacked := data_sizes[f["path"]][1]) is not None else None,
            "summary": f["summary"],
            "fields": [{"name": n, "type": t, "description": d} for n, t, d in f["fields"]],
        }
        for f in FILES
        if f["path"] in data_sizes
    ]
    examples = []
    seen_parts: set[tuple[str, str]] = set()
    for p in views.paragraphs:
        if (p.document, p.part) in seen_parts or p.kind != "paragraph":
            continue
        seen_parts.add((p.document, p.part))
        href, shown = link.permalink(p)
        examples.append({"citation": views.citation(p), "href": href, "url": shown})
        if len(examples) == CITE_EXAMPLES:
            break
    corpus = views.corpus
    return {
        "counts": {
            "documents": plural(len(corpus.documents), "document", "documents"),
            "paragraphs": plural(len(views.paragraphs), "paragraphe citable", "paragraphes citables"),
            "states": plural(len(corpus.states), "État", "États"),
            "topics": plural(len(corpus.topics), "thème", "thèmes"),
        },
        "documents_href": link(urls.DOCUMENTS),
        "report_href": link("data/report.json.xz"),
        "downloads": downloads,
        "examples": examples,
        "removals": len(report.removals),
        "removal_rules": removal_rules(report),
        "warnings": list(report.warnings),
        "repository": repository_url(settings.repository),
        "base_url": settings.base_url,
        "feed_href": link(FEED_PATH),
    }


def removal_rules(report: BuildReport) -> list[dict[str, Any]]:
    """How many removals each rule made, most first (ties by rule id): the page's summary."""
    counts: dict[str, list] = {}
    for r in report.removals:
        counts.setdefault(r.rule, [r.reason, 0])[1] += 1
    return [
        {"rule": rule, "reason": reason, "count": count}
        for rule, (reason, count) in sorted(counts.items(), key=lambda item: (-item[1][1], item[0]))
    ]

