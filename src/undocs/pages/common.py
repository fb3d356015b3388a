"""What every page view uses: relative links from a page, French counts and sizes."""

from __future__ import annotations

from typing import Any

from .. import urls
from ..model import Paragraph, Part
from ..settings import Settings
from ..views import Views, excerpt


def size_label(n: int) -> str:
    """A file size in French (``12,3 ko``)."""
    if n < 1000:
        return f"{n} octets"
    if n < 1_000_000:
        return f"{n / 1000:.1f} ko".replace(".", ",")
    return f"{n / 1_000_000:.1f} Mo".replace(".", ",")


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
        if self.settings.base_url:
            absolute = urls.absolute_url(self.settings.base_url, url)
            return absolute, absolute
        return self(url), url


def paragraph_summary(p: Paragraph, views: Views, link: Linker, *, full: bool) -> dict[str, Any]:
    """A paragraph as listed on a state or topic page: citation, link, text or excerpt."""
    return {
        "citation": views.citation(p),
        "href": link(urls.paragraph_url(p)),
        "blocks": list(p.blocks) if full else [excerpt(p.text)],
    }
