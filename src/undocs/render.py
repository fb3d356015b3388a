"""Rendering: the corpus as HTML pages (plus ``404.html``, ``robots.txt``, ``sitemap.xml``,
the Atom feed ``feed.xml``).

Every page is built in two steps: a ``*_view`` function computes plain data in Python (links
already made relative to the page, counts, citations, dates), then a Jinja template lays it
out. Templates hold no logic beyond loops and conditionals. Output is deterministic: corpus or
sorted order everywhere, no timestamps.
"""

from __future__ import annotations

import re

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import jinja2
import markupsafe

from . import urls
from .export import download_sizes
from .feed import FEED_PATH, atom_feed
from .figures.geometry import NODE_MODULES
from .figures.worldmap import state_geometry
from .pages.about import about_view
from .pages.common import Linker
from .pages.document import document_view
from .pages.lists import documents_page, home_view, states_page, topics_list
from .pages.matrix import matrix_view
from .pages.not_found import not_found_page
from .pages.search import search_view
from .pages.state import state_view
from .pages.topic import topic_view
from .report import BuildReport
from .settings import Settings
from .views import Views, doc_title

#: Main navigation: (label, clean URL).
NAV = (
    ("Documents", urls.DOCUMENTS),
    ("États", urls.STATES),
    ("Thèmes", urls.TOPICS),
    ("États × thèmes", urls.MATRIX),
    ("À propos des données", urls.ABOUT),
    ("Recherche", urls.SEARCH),
)


#: Bidi controls that open a level: embeddings and overrides (closed by PDF, U+202C) and
#: isolates (closed by PDI, U+2069).
_BIDI_EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")
_BIDI_ISOLATES = frozenset("\u2066\u2067\u2068")
_PDF, _PDI = "\u202c", "\u2069"
_BIDI_OPENER = re.compile("[" + "".join(sorted(_BIDI_EMBEDDINGS | _BIDI_ISOLATES)) + "]")


def close_bidi(value: Any) -> Any:
    """``value`` with the bidi embeddings, overrides and isolates it leaves open closed at its end.

    Every ``{{ … }}`` of the templates goes through it (the environment's ``finalize``): the
    text stays as its source wrote it, but a right-to-left override (U+202E) in a title or a
    paragraph can no longer reverse the page's own text that follows it. Markup (a macro's
    output) is made of values already closed.
    """
    if not isinstance(value, str) or isinstance(value, markupsafe.Markup):
        return value
    if not _BIDI_OPENER.search(value):
        return value
    stack: list[str] = []
    for c in value:
        if c in _BIDI_EMBEDDINGS:
            stack.append(_PDF)
        elif c in _BIDI_ISOLATES:
            stack.append(_PDI)
        elif c == _PDF and stack and stack[-1] == _PDF:
            stack.pop()
        elif c == _PDI and _PDI in stack:  # closes the innermost isolate and what it holds
            while stack.pop() != _PDI:
                pass
    return value + "".join(reversed(stack))


def make_environment(templates_dir: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=True,
        finalize=close_bidi,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass(frozen=True)
class Page:
    url: str  # clean URL ("etats/norvege/")
    template: str
    title: str
    section: str | None  # the NAV entry it belongs to, for aria-current
    crumbs: tuple[tuple[str, str], ...]  # (label, clean URL) above this page
    make: Callable[[Linker], dict[str, Any]]  # its view data, computed when it is rendered
    crumb: str | None = None  # this page's label in the breadcrumbs (default: its title)


def site_pages(views: Views, report: BuildReport, data_sizes: Mapping[str, tuple[int, int | None]],
               settings: Settings) -> list[Page]:  # fmt: skip
    """Every HTML page but 404. Each page's view data (links relative to it) is computed only
    when the page is rendered, so that a large archive never holds every page's data at once."""
    pages: list[Page] = []

    def add(url: str, template: str, title: str, section: str | None,
            crumbs: tuple[tuple[str, str], ...], make: Callable[[Linker], dict[str, Any]],
            crumb: str | None = None) -> None:  # fmt: skip
        pages.append(Page(url, template, title, section, crumbs, make, crumb))

    home = (("Accueil", urls.HOME),)
    corpus = views.corpus
    add(urls.HOME, "index.html", settings.title, None, (), lambda link: {
        "home": home_view(views, link, settings.lists.home),
    })  # fmt: skip
    add(urls.DOCUMENTS, "documents.html", "Documents", urls.DOCUMENTS, home,
        lambda link: documents_page(views, link, settings.figures))  # fmt: skip
    for doc in corpus.documents:
        add(urls.document_url(doc.id), "document.html", f"{doc.cite_symbol} – {doc_title(doc)}",
            urls.DOCUMENTS, home + (("Documents", urls.DOCUMENTS),),
            lambda link, doc=doc: {"doc": document_view(doc, views, link)}, doc.cite_symbol)  # fmt: skip
    # The world map's geometry, projected once (by Node) for the whole build.
    geometry = state_geometry(corpus.states, NODE_MODULES, settings.figures.map) if corpus.states else None
    add(urls.STATES, "states.html", "États", urls.STATES, home,
        lambda link: states_page(views, link, geometry, settings.figures, settings.lists.roles))  # fmt: skip
    for state in views.states_sorted:
        add(urls.state_url(state.id), "state.html", state.name, urls.STATES,
            home + (("États", urls.STATES),),
            lambda link, s=state.id: {"state": state_view(s, views, link, settings.lists, settings.figures.timeline)})  # fmt: skip
    add(urls.TOPICS, "topics.html", "Thèmes", urls.TOPICS, home,
        lambda link: {"topics": topics_list(views, link)})  # fmt: skip
    for topic in corpus.topics:
        add(urls.topic_url(topic.id), "topic.html", topic.label, urls.TOPICS,
            home + (("Thèmes", urls.TOPICS),),
            lambda link, t=topic.id: {"topic": topic_view(t, views, link, settings.lists)})  # fmt: skip
    add(urls.MATRIX, "matrix.html", "États × thèmes", urls.MATRIX, home,
        lambda link: {"matrix": matrix_view(views, link, settings.figures.heat)})  # fmt: skip
    add(urls.SEARCH, "search.html", "Recherche", urls.SEARCH, home,
        lambda link: {"search": search_view(views, link)})  # fmt: skip
    add(urls.ABOUT, "about.html", "À propos des données", urls.ABOUT, home,
        lambda link: {"about": about_view(views, report, data_sizes, settings, link)})  # fmt: skip
    return pages


def common_context(page_url: str, title: str, section: str | None,
                   crumbs: tuple[tuple[str, str], ...], settings: Settings,
                   crumb: str | None = None) -> dict[str, Any]:  # fmt: skip
    link = Linker(page_url, settings)
    root = urls.root_prefix(page_url)
    return {
        "site": {"title": settings.title, "tagline": settings.tagline, "description": settings.description},
        "lang": settings.language or "fr",
        "root": root,
        "page_title": title,
        "canonical": urls.absolute_url(settings.base_url, page_url) if settings.base_url else None,
        "home_href": link(urls.HOME),
        "search_href": link(urls.SEARCH),
        "about_href": link(urls.ABOUT),
        "css_href": f"{root}assets/css/style.css",
        "js_root": f"{root}assets/js/",
        "feed_href": f"{root}{FEED_PATH}",
        "nav": [
            {"label": label, "href": link(url), "current": url == section and url == page_url,
             "section": url == section}
            for label, url in NAV
        ],  # fmt: skip
        "breadcrumbs": [{"label": label, "href": link(url)} for label, url in crumbs],
        "crumb": crumb or title,
        "is_home": page_url == urls.HOME,
        # The home and search pages have their own search box: one box per page.
        "header_search": page_url not in (urls.HOME, urls.SEARCH),
    }


def sitemap(urls_: list[str], base_url: str) -> bytes:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']  # fmt: skip
    for url in sorted(urls_):
        lines.append(f"  <url><loc>{xml_escape(urls.absolute_url(base_url, url))}</loc></url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def robots(base_url: str | None) -> bytes:
    text = "User-agent: *\nAllow: /\n"
    if base_url:
        text += f"Sitemap: {urls.absolute_url(base_url, 'sitemap.xml')}\n"
    return text.encode("utf-8")


def render_pages(views: Views, settings: Settings, report: BuildReport, templates_dir: Path,
                 data_sizes: Mapping[str, tuple[int, int | None]],
                 reuse: Callable[[str, Callable[[], bytes]], bytes] | None = None) -> Iterator[tuple[str, bytes]]:  # fmt: skip
    """Every HTML page, 404, robots, the feed and the sitemap, one file at a time (path, bytes),
    for the build to write each as soon as it is made.

    ``data_sizes``: the data export's files (sizes as published and decompressed), which the
    about page lists. ``reuse(path, render)``: the page at ``path``, from the build cache when
    it holds it, else ``render()`` (the build passes it for the document pages, see
    ``pipeline``).
    """
    env = make_environment(templates_dir)
    pages = site_pages(views, report, data_sizes, settings)
    for page in pages:

        def render(page: Page = page) -> bytes:
            ctx = common_context(page.url, page.title, page.section, page.crumbs, settings, page.crumb)
            ctx.update(page.make(Linker(page.url, settings)))
            return env.get_template(page.template).render(ctx).encode("utf-8")

        path = urls.page_path(page.url)
        yield path, reuse(path, render) if reuse else render()
    yield "404.html", not_found_page(env, settings, templates_dir)
    yield ".nojekyll", b""
    yield "robots.txt", robots(settings.base_url)
    yield FEED_PATH, atom_feed(views.corpus.documents, settings)
    if settings.base_url:
        yield "sitemap.xml", sitemap([p.url for p in pages], settings.base_url)


def render_site(views: Views, settings: Settings, report: BuildReport, templates_dir: Path,
                data_files: Mapping[str, bytes]) -> dict[str, bytes]:  # fmt: skip
    """The files of :func:`render_pages` as one mapping, sorted (for a small archive: tests,
    tools); ``data_files`` are the export's files."""
    out: dict[str, bytes] = {}
    for path, data in render_pages(views, settings, report, templates_dir, download_sizes(data_files)):
        if path in out:
            raise ValueError(f"two pages would be written to {path}")
        out[path] = data
    return dict(sorted(out.items()))


def static_files(static_dir: Path) -> dict[str, bytes]:
    """The files of ``static/`` as ``assets/...`` (sorted, hidden files skipped, and the ES
    modules of the search, ``.mjs``: sources of the bundle, see :mod:`undocs.vendor_assets`)."""
    out: dict[str, bytes] = {}
    for path in sorted(static_dir.rglob("*")):
        rel = path.relative_to(static_dir)
        if path.is_file() and path.suffix != ".mjs" and not any(part.startswith(".") for part in rel.parts):
            out[f"assets/{rel.as_posix()}"] = path.read_bytes()
    return out
