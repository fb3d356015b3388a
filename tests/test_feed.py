"""The Atom feed (``feed.xml``), read by feedparser: valid (no bozo), newest first, undated
documents last, relative links resolved against the feed's address, absolute with --base-url,
the same bytes on every build, and linked from every page's head."""

from __future__ import annotations

import html.parser

import feedparser
import pytest

import dataclasses

from corpus_fixture import settings, small_corpus
from undocs.feed import FEED_PATH, atom_feed, newest_first
from undocs.model import Document

BASE = "https://u.github.io/undocs/"


def doc(doc_id: str, date: str | None, title: str | None = "Titre") -> Document:
    return Document(id=doc_id, symbol=f"A/{doc_id.upper()}", other_symbols=(), title=title, date=date,
                    body="Assemblée générale", language="fr", original_languages=(), format="plaintext",
                    source_file="x.txt", sidecar_file=None)  # fmt: skip


DOCUMENTS = (
    doc("a", "2012"), doc("b", None), doc("c", "2013-02-01"), doc("d", "2012-09"),
    doc("e", "2012-09-07", title="Texte <script>alert(1)</script> & \x0b \u202e عربي"), doc("f", None, title=None),
)  # fmt: skip


def test_feed_is_valid_atom_newest_first():
    parsed = feedparser.parse(atom_feed(DOCUMENTS, settings(BASE)))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    ids = [e.link.rsplit("/", 2)[-2] for e in parsed.entries]
    assert ids == ["c", "e", "d", "a", "b", "f"]  # undated last, by symbol
    assert parsed.feed.updated == "2013-02-01T00:00:00Z"
    assert parsed.entries[1].title.startswith("A/E – Texte <script>alert(1)</script> &")
    assert "published" not in parsed.entries[-1] and "Date inconnue" in parsed.entries[-1].summary
    for entry in parsed.entries:
        assert entry.link.startswith(BASE + "documents/") and entry.id == entry.link
    assert parsed.feed.links[0].href == BASE + FEED_PATH


def test_relative_links_resolve_against_the_feed():
    feed = atom_feed(DOCUMENTS, settings())
    parsed = feedparser.parse(feed, response_headers={"content-location": "https://host.example/site/feed.xml", "content-type": "application/xml"})
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.entries[0].link == "https://host.example/site/documents/c/"
    assert all(e.id.startswith("urn:uuid:") for e in parsed.entries)
    assert atom_feed(DOCUMENTS, settings()) == feed  # no build time in it
    assert atom_feed(tuple(reversed(DOCUMENTS)), settings()) == feed  # nor input order


def test_the_feed_has_the_newest_documents_of_its_limit():
    """``lists.feed`` in site.yaml: a feed is fetched again by every reader that follows it, so
    it has the newest documents, not the archive (one entry per document was 17.8 MB at 20,000)."""
    limited = dataclasses.replace(settings(BASE), lists=dataclasses.replace(settings(BASE).lists, feed=3))
    parsed = feedparser.parse(atom_feed(DOCUMENTS, limited))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert [e.link.rsplit("/", 2)[-2] for e in parsed.entries] == ["c", "e", "d"]
    assert parsed.feed.updated == "2013-02-01T00:00:00Z"


def test_order_of_partial_dates():
    order = [d.id for d in newest_first(DOCUMENTS)]
    assert order.index("e") < order.index("d")  # 7 September before "September"


class Alternates(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.feeds: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "alternate" and a.get("type") == "application/atom+xml":
            self.feeds.append(a["href"])


@pytest.mark.parametrize("base", [None, BASE])
def test_every_page_links_the_feed(base):
    import posixpath

    from corpus_fixture import small_report
    from site_server import ROOT
    from undocs.export import export_data
    from undocs.render import render_site
    from undocs.views import build_views

    corpus, report = small_corpus(), small_report()
    views = build_views(corpus)
    site = render_site(views, settings(base), report, ROOT / "templates", export_data(corpus, report, views))
    assert not feedparser.parse(site[FEED_PATH]).bozo
    for path, body in site.items():
        if not path.endswith(".html"):
            continue
        parser = Alternates()
        parser.feed(body.decode("utf-8"))
        assert len(parser.feeds) == 1, path
        href = parser.feeds[0]
        if path == "404.html" and base:
            assert href == BASE + FEED_PATH
        elif path != "404.html":
            assert posixpath.normpath(posixpath.join(posixpath.dirname(path), href)) == FEED_PATH, (path, href)
