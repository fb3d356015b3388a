"""The site's URL layout: the one module that knows where every page lives.

URLs here are *clean* and relative to the site root, directory style, with no leading slash
(``documents/a-67-131/``, ``""`` for the home page). They are what the data export publishes.
Pages link to each other with :func:`href`, which turns a clean URL into a relative link to
the ``index.html`` file, so the site works under ``/<repo>/`` on GitHub Pages and straight from
the file system.
"""

from __future__ import annotations

import functools
import posixpath
import urllib.parse

from .model import Paragraph

HOME = ""
DOCUMENTS = "documents/"
STATES = "etats/"
TOPICS = "themes/"
MATRIX = "etats-themes/"
ABOUT = "a-propos/"
SEARCH = "recherche/"
NOT_FOUND = "404.html"


def document_url(doc_id: str) -> str:
    return f"documents/{doc_id}/"


def state_url(state_id: str) -> str:
    return f"etats/{state_id}/"


def topic_url(topic_id: str) -> str:
    return f"themes/{topic_id}/"


def paragraph_url(p: Paragraph) -> str:
    """The permalink of a paragraph: its document page and its anchor."""
    return f"{document_url(p.document)}#{p.id}"


def anchor_url(page: str, anchor: str) -> str:
    return f"{page}#{anchor}"


def page_path(url: str) -> str:
    """The file that serves a clean URL: ``etats/`` -> ``etats/index.html``, ``""`` -> ``index.html``.

    A fragment is dropped; a URL naming a file (``data/documents.json``) is returned unchanged.
    """
    path = url.split("#", 1)[0]
    if path == "" or path.endswith("/"):
        return f"{path}index.html"
    return path


def root_prefix(from_page: str) -> str:
    """The relative prefix from a page to the site root (``"../../"`` for ``etats/x/index.html``)."""
    depth = page_path(from_page).count("/")
    return "../" * depth


def href(from_page: str, to_url: str) -> str:
    """A relative link from one page to a clean URL (or a file path) of the site.

    ``from_page`` is the page's file path (``etats/norvege/index.html``) or its clean URL
    (``etats/norvege/``). The link points at the target's ``index.html`` so that it also works
    from the file system; a link to the same page keeps only the fragment.
    """
    if "://" in to_url or to_url.startswith(("mailto:", "/")):
        return to_url
    path, sep, fragment = to_url.partition("#")
    source = page_path(from_page)
    target = page_path(path)
    if sep and target == source:
        return f"#{fragment}"
    link = _relpath(target, posixpath.dirname(source) or ".")
    return f"{link}#{fragment}" if sep else link


@functools.lru_cache(maxsize=65_536)
def _relpath(target: str, start: str) -> str:
    """``posixpath.relpath``, once per pair: a state page links to the same pages many times."""
    return posixpath.relpath(target, start)


def absolute_url(base_url: str, url: str) -> str:
    """``base_url`` (ending with ``/``) joined with a clean URL."""
    if not base_url.endswith("/"):
        base_url += "/"
    return base_url + url


def is_web_url(text: str) -> bool:
    """Whether ``text`` is an absolute ``http(s)://host/...`` URL, safe to put in an ``href``.

    Used to check the URLs that come from data files (``repository``, UNBIS concepts) when they
    are loaded: a ``javascript:`` or ``data:`` URL there would otherwise become a link.
    """
    if not text or any(c.isspace() or ord(c) < 0x20 or ord(c) == 0x7F for c in text):
        return False
    parts = urllib.parse.urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and text.lower().startswith(parts.scheme + "://")
