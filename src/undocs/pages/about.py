"""About the data: downloads and their fields, how to cite, what the build removed or warned."""

from __future__ import annotations

from typing import Any

from ..export import FILES
from ..feed import FEED_PATH
from ..report import BuildReport
from ..settings import Settings
from ..views import Views
from .common import Linker, plural, size_label
from .lists import documents_list

CITE_EXAMPLES = 3


def repository_url(repository: str | None) -> str | None:
    if not repository:
        return None
    return repository if "://" in repository else f"https://github.com/{repository}"


def about_view(
    views: Views, report: BuildReport, data_files: dict[str, bytes], settings: Settings, link: Linker
) -> dict[str, Any]:
    downloads = [
        {
            "path": f["path"],
            "href": link(f["path"]),
            "size": size_label(len(data_files[f["path"]])),
            "summary": f["summary"],
            "fields": [{"name": n, "type": t, "description": d} for n, t, d in f["fields"]],
        }
        for f in FILES
        if f["path"] in data_files
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
        "documents": documents_list(views, link),
        "downloads": downloads,
        "examples": examples,
        "removals": len(report.removals),
        "removal_rules": removal_rules(report),
        "removals_by_file": removals_by_file(report),
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


def removals_by_file(report: BuildReport) -> list[dict[str, Any]]:
    """Every removal, grouped by source file in build order: one table per file (folded)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in report.removals:
        groups.setdefault(r.file, []).append(
            {"line": r.line, "page": r.page, "text": r.text, "reason": r.reason, "rule": r.rule}
        )
    return [{"file": file, "count": len(rows), "rows": rows} for file, rows in groups.items()]
