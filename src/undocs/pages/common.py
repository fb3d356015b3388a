"""What every page view uses: relative links from a page, French counts and sizes."""

from __future__ import annotations

from typing import Any

from .. import urls
from ..model import Paragraph, Part
from ..settings import Settings
from ..views import Views, doc_title, other_language


def size_label(n: int) -> str:
    """A file size in French (``12,3 ko``)."""
    if n < 1000:
        return f"{n} octets"
    if n < 1_000_000:
        return f"{n / 1000:.1f} ko".replace(".", ",")
    return f"{n / 1_000_000:.1f} Mo".replace(".", ",")


def keep_together(text: str) -> str:
    """A citation as the interface shows it: "§" and its number never split across lines (a
    no-break space; the exported data keep the plain space)."""
    return text.replace("§ ", "§\u00a0")


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def part_heading(part: Part) -> str:
    return f"{part.number}. {part.title}" if part.number and part.title else part.title or part.number or ""


class Linker:
    """Relative links from one page."""

    def __init__(self, page_url: str, settings: Settings):
        self.page = urls.page_path(page_url)
        self.settings = settings

    def __call__(self, url: str) -> str:
        return urls.href(self.page, url)

    def permalink(self, p: Paragraph) -> tuple[str, str]:
        """(href, shown text) of a paragraph's permalink for a cite block."""
        url = urls.paragraph_url(p)
        shown = self.shown(url)
        return (shown if self.settings.base_url else self(url)), shown

    def shown(self, url: str) -> str:
        """A clean URL as a reader copies it: absolute when the site's address is known."""
        return urls.absolute_url(self.settings.base_url, url) if self.settings.base_url else url


def paragraph_summary(p: Paragraph, views: Views, link: Linker, but: str | None = None) -> dict[str, Any]:
    """A paragraph as listed on a state or topic page: citation, link, its whole text (an
    excerpt cut mid-sentence would print and read as if it were the paragraph) and its topics
    as ids, less ``but`` (the topic of the page it is on): static/js/chips.js makes their chips
    from the page's links to topics (``a[data-topic]``), about 500 bytes a paragraph that the
    HTML does not carry (issue 15)."""
    return {
        "id": p.id,
        "paragraph": p,
        "citation": keep_together(views.citation(p)),
        "href": link(urls.paragraph_url(p)),
        "blocks": list(p.blocks),
        # A paragraph of an English document on a French page carries its language.
        "lang": other_language(views.documents[p.document]),
        "topics": " ".join(t for t in dict.fromkeys(p.topics) if t in views.topics and t != but),
    }


def topic_links(summaries: list[dict[str, Any]], views: Views, link: Linker) -> list[dict[str, Any]]:
    """The topics of listed paragraphs, in topic order, with how many of them each has: the
    page's links (``data-topic``) that chips.js copies into each paragraph's chips, and what a
    reader without JavaScript has instead of them."""
    counts: dict[str, int] = {}
    for s in summaries:
        for t in s["topics"].split():
            counts[t] = counts.get(t, 0) + 1
    return [
        {"id": t.id, "label": t.label, "href": link(urls.topic_url(t.id)), "count": counts[t.id]}
        for t in views.corpus.topics
        if t.id in counts
    ]


def full_text_then_links(
    by_doc: dict[str, Any], views: Views, link: Linker, limit: int, but: str | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Documents with their paragraphs in full, until ``limit`` paragraphs are shown; then the
    other documents as links with their number of paragraphs (a page of a large archive stays
    readable on a phone; 20,000 of them stay a few bytes each: symbol and count, the title is on
    the document's page and in the list of documents). ``by_doc``: document id -> paragraphs, or
    -> {group label: paragraphs}; ``but``: the topic the summaries leave out (the page's)."""
    shown = 0
    full: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    for doc_id, paras in by_doc.items():
        doc = views.documents[doc_id]
        groups = paras if isinstance(paras, dict) else {"": paras}
        count = sum(len(g) for g in groups.values())
        href = link(urls.document_url(doc_id))
        if shown + count > limit and shown:
            links.append({"cite_symbol": doc.cite_symbol, "href": href, "count": count})
            continue
        shown += count
        full.append(
            {
                "title": doc_title(doc),
                "cite_symbol": doc.cite_symbol,
                "href": href,
                "count": count,
                "lang": other_language(doc) if doc.title else None,
                "groups": [
                    {"label": label, "paragraphs": [paragraph_summary(p, views, link, but) for p in group]}
                    for label, group in groups.items()
                ],
            }
        )
    return full, links
