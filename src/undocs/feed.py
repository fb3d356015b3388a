"""The archive's Atom feed (``feed.xml``, RFC 4287): an entry for each of its newest documents
(``lists.feed`` in site.yaml), newest first. A feed is fetched again and again by every reader
that follows it: one entry per document of a 20,000-document archive was 17.8 MB.

Deterministic: no build time anywhere. An entry's ``updated`` and ``published`` are its
document's date (a year or a month alone is read as its first day); the feed's ``updated``
is the newest of them. Documents without a date come last (by symbol), carry the feed's
``updated`` (Atom requires one) and no ``published``, and their summary says the date is not
known.

Links: with ``--base-url`` every link and id is absolute. Without it the links are relative
to the feed's own address (``documents/a-67-131/`` beside ``feed.xml`` at the site root),
which is how feed readers resolve them (RFC 4287 § 4.2.7.1, ``xml:base`` absent), and each
id is a ``urn:uuid:`` derived from the document's id, the same on every build.
"""

from __future__ import annotations

import re
import uuid
from xml.sax.saxutils import escape as _escape
from xml.sax.saxutils import quoteattr as _quoteattr

from . import urls
from .citations import date_parts, description, institution, report_number
from .model import Document
from .settings import Settings
from .views import doc_title

FEED_PATH = "feed.xml"
#: ``updated`` of a feed none of whose documents has a date (Atom requires one).
NO_DATE = "1970-01-01T00:00:00Z"
#: The namespace of the ``urn:uuid:`` ids of a build without ``--base-url``.
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/undocs/undocs#documents")


#: Characters XML 1.0 does not allow (C0 controls but tab and newlines, surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    """Text as XML character data: escaped, on one line, without characters XML cannot hold."""
    return _escape(_NOT_XML.sub("", " ".join(text.split())))


def quoteattr(text: str) -> str:
    return _quoteattr(_NOT_XML.sub("", " ".join(text.split())))


def timestamp(doc: Document) -> str | None:
    """The document's date as an RFC 3339 timestamp (``2012-06-05T00:00:00Z``), or None."""
    parts = date_parts(doc)
    if not parts:
        return None
    year, month, day = (parts + [1, 1])[:3]
    return f"{year:04d}-{month:02d}-{day:02d}T00:00:00Z"


def newest_first(documents: tuple[Document, ...] | list[Document]) -> list[Document]:
    """Dated documents newest first (a full date before a month or year alone of the same
    start), then undated ones; ties by symbol then id, so the order never depends on input order."""
    dated = sorted((d for d in documents if timestamp(d)), key=lambda d: (d.cite_symbol, d.id))
    dated.sort(key=lambda d: (timestamp(d), len(date_parts(d) or [])), reverse=True)
    undated = sorted((d for d in documents if not timestamp(d)), key=lambda d: (d.cite_symbol, d.id))
    return dated + undated


def _link(settings: Settings, url: str) -> str:
    return urls.absolute_url(settings.base_url, url) if settings.base_url else url


def _id(settings: Settings, url: str, doc_id: str | None = None) -> str:
    if settings.base_url:
        return urls.absolute_url(settings.base_url, url)
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, doc_id or 'feed')}"


def atom_feed(documents: tuple[Document, ...] | list[Document], settings: Settings) -> bytes:
    ordered = newest_first(documents)[: settings.lists.feed]
    stamps = [timestamp(d) for d in ordered if timestamp(d)]
    feed_updated = max(stamps) if stamps else NO_DATE
    lang = settings.language or "fr"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(lang)}>',
        f"  <title>{escape(settings.title)} – documents</title>",
        f"  <subtitle>{escape(settings.tagline)}</subtitle>",
        f"  <id>{escape(_id(settings, FEED_PATH))}</id>",
        f"  <updated>{feed_updated}</updated>",
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(_link(settings, FEED_PATH))}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(_link(settings, urls.DOCUMENTS))}/>',
        f"  <author><name>{escape(settings.title)}</name></author>",
    ]
    for doc in ordered:
        url = urls.document_url(doc.id)
        stamp = timestamp(doc)
        summary = description(doc) if stamp else description(doc) + " Date inconnue (non lue dans le document)."
        title = f"{doc.cite_symbol} – {doc_title(doc)}"
        lines += [
            "  <entry>",
            f"    <title>{escape(title)}</title>",
            f"    <id>{escape(_id(settings, url, doc.id))}</id>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(_link(settings, url))}/>',
            f"    <updated>{stamp or feed_updated}</updated>",
        ]
        if stamp:
            lines.append(f"    <published>{stamp}</published>")
        lines.append(f"    <author><name>{escape(institution(doc))}</name></author>")
        if report_number(doc):
            lines.append(f"    <category term={quoteattr(report_number(doc) or '')} label=\"cote\"/>")
        lines += [f"    <summary>{escape(summary)}</summary>", "  </entry>"]
    lines.append("</feed>")
    return ("\n".join(lines) + "\n").encode("utf-8")
