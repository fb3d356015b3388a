"""The search: a lunr index of the corpus's paragraphs, built here, queried in the browser.

The build writes (format in ``docs/search-index.md``), under ``assets/search/``:

* ``meta.json``     -- what every search needs first: fields, number of paragraphs, the
  boundaries of the term shards, the state and topic labels;
* ``t/<n>.json``    -- the term shards: each term's postings (ref, weight) per field, and the
  vocabulary words of the shard's range (to complete the word being typed);
* ``p/<n>.json``    -- the paragraphs, by pages of refs: what a result shows;
* ``facets.json``   -- documents, and the paragraphs of each state and topic (filters, counts);
* ``f/<etat|theme>/<id>.json`` -- the paragraphs of one state or topic (a filter set before
  the first results);
* ``lexicon.json``  -- every term and vocabulary word (only for ``*``/``~`` queries and
  "Vouliez-vous dire");

and ``recherche/index.html``, the search page (``templates/search.html``).

Queries are answered in the browser, by one implementation: the modules of
``static/js/search/`` (bundled by esbuild into ``assets/js/search.bundle.js``,
:mod:`undocs.vendor_assets`), which load the shards of a query's terms and make a
``lunr.Index`` of just those terms. The tests run the reader queries of
``tests/search_cases.yaml`` on those very modules under Node (``tests/js/search_engine.mjs``)
and on the built page in Chromium; there is no Python twin to keep in step.

The query logic (``static/js/search/query.mjs``), in both languages:

1. The text is read with lunr's query syntax when it uses any (``etat:russie``, ``nucl*``,
   ``desarmement~1``, ``+otan -nucleaire``, ``^2``); a query lunr cannot parse (``etat:``,
   ``~``, an unclosed ``"``) falls back to plain words. Plain words: every token is a *group*,
   analysed in French and in English and satisfied by either term, and every group must match
   (AND). Stop words of both languages are dropped; a word that only one language drops
   ("the", "de") is optional (and dropped when no other word is required).
2. Each group expands to index terms: the analysed term; ``*`` -> every term with that (folded,
   stemmed) prefix; ``~n`` -> lunr's edit distance. The last group -- the word being typed, when
   the text does not end with a space -- also matches as a prefix (terms starting with it, and
   the stems of the vocabulary's words starting with it), so results do not vanish mid-word.
3. One lunr query scores the expanded terms (exact term boost 1, completions 0.5); results
   that miss a required group, or contain a prohibited one, are dropped. Results are ranked by
   the number of words a paragraph matches only through the other language's term
   (``langPenalty``; the paragraph's language: ``meta.json``'s ``lg``), then by
   lunr's score; ties go to corpus order.
   An acronym of ``data/acronyms.yaml`` (``OTSC``), or words that are one of its expansions
   (``Nations Unies``), make one group satisfied by any of the entry's acronyms -- in the text,
   or in the field ``sigle``, where the build indexes the acronyms whose expansion a paragraph
   spells out -- or by the words typed (all of them). A quoted phrase (``"armes chimiques"``) is
   one group satisfied when its terms are adjacent, in order, in the analysed text.
4. Nothing found: each unknown word is replaced by the nearest vocabulary word (edit distance
   1, or 2 for words of 8+ letters) and the query is retried (``suggest``).
"""

from __future__ import annotations

import functools
import gzip
import itertools
import json
import operator
from collections.abc import Callable, Iterator
from typing import Any

from .. import analysis
from ..acronyms import Acronym, load_acronyms, table
from ..views import Views
from .index import (
    FIELDS,
    Counted,
    Records,
    SEARCH_FORMAT,
    WEIGHT_SCALE,
    count,
    dump,
    iter_records,
    merged,
    shown_records,
    vocabulary,
    weighted_rows,
)
from .shards import order, split
from .store import PAGE_SIZE, facet_table, filter_lists, labels, languages, store_pages

SEARCH_DIR = "assets/search/"
#: Plain JSON: the bundle carries it, and anyone else may read it as it is.
META_PATH = SEARCH_DIR + "meta.json"
# The files fetched on demand are stored gzipped (``.json.gz``): a third to a quarter of their
# bytes on disk, where GitHub Pages limits a site to 1 GB. Pages sends them as they are (no
# Content-Encoding: they are already compressed, as Pagefind's own files are) and the page
# decompresses them (DecompressionStream, ``static/js/search/files.mjs``): the same bytes on the
# wire as the plain files gzipped by Pages.
FACETS_PATH = SEARCH_DIR + "facets.json.gz"
LEXICON_PATH = SEARCH_DIR + "lexicon.json.gz"


def shard_path(n: int) -> str:
    return f"{SEARCH_DIR}t/{n}.json.gz"


def page_path(n: int) -> str:
    return f"{SEARCH_DIR}p/{n}.json.gz"


def filter_path(param: str, value: str) -> str:
    """The file of one filter's paragraphs: ``param`` ``etat`` or ``theme``, ``value`` the id."""
    return f"{SEARCH_DIR}f/{param}/{value}.json.gz"


def packed(data: bytes) -> bytes:
    """A search file as stored: gzip at level 9, no timestamp or name (the same input gives the
    same bytes)."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def unpacked(data: bytes) -> Any:
    """The JSON of a search file, stored gzipped or plain."""
    return json.loads(gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data)


__all__ = ["FACETS_PATH", "LEXICON_PATH", "META_PATH", "SEARCH_DIR", "filter_path", "packed", "page_path", "iter_search_files", "shard_path", "unpacked", "write_search_files"]


#: ``reuse(document id, count)``: the document's counts, kept from a previous build or
#: ``count()`` (the build cache's hook, ``pipeline``).
CountReuse = Callable[[str, Callable[[], Counted]], Counted]


def write_search_files(views: Views, acronyms: tuple[Acronym, ...] | None, write: Callable[[str, bytes], None],
                       reuse: CountReuse | None = None) -> list[str]:  # fmt: skip
    """Write each search file as soon as it is made (``write(name, data)``); the names, in order.

    What the build runs in its second process: the files never sit together in memory, nor
    go back to the first process as one message (at 400,000 paragraphs they are 200 MB)."""
    names = []
    for name, data in iter_search_files(views, acronyms, reuse):
        write(name, data)
        names.append(name)
    return names


def iter_search_files(views: Views, acronyms: tuple[Acronym, ...] | None = None,
                      reuse: CountReuse | None = None) -> Iterator[tuple[str, bytes]]:  # fmt: skip
    """The search's data files, one at a time: metadata, term shards, store pages, facets,
    lexicon, analysis data (the page is a page view: ``undocs.pages.search``). ``acronyms``:
    those the queries expand (default: ``data/acronyms.yaml`` of the project). Each shard's
    rows are let go once it is written. With ``reuse``, the paragraphs are counted document
    by document, each document's counts asked of it (the same files)."""
    if acronyms is None:
        acronyms = load_acronyms()
    if reuse is None:
        counted = count(iter_records(views, acronyms))
    else:
        counted = merged(_document_counts(views, acronyms, reuse))
    words = vocabulary(counted.words)
    rows = weighted_rows(counted)  # empties counted.postings on the way
    del counted
    terms = sorted(rows, key=order)
    folded_words = [(analysis.normalize(w), w) for w in words]
    bounds, shards = split([(t, rows[t][0]) for t in terms], [len(rows[t][0]) for t in terms], folded_words)
    df = {t: rows[t][1] for t in terms}
    del rows
    version: dict[str, Any] = {"v": SEARCH_FORMAT, "a": analysis.ANALYSIS_VERSION}
    meta = {
        **version,
        "pipeline": list(analysis.LABELS),
        "f": [[name, boost] for name, boost in FIELDS],
        "n": len(views.paragraphs),
        "ps": PAGE_SIZE,
        "s": WEIGHT_SCALE,
        "k": bounds,
        **labels(views),
        "sg": table(acronyms),
        "lg": languages(views, shown_records(views)),
    }
    yield META_PATH, dump(meta)
    yield analysis.ANALYSIS_JSON_PATH, analysis.analysis_json()
    head = dump(version)[:-1]  # the shard's JSON, as dump({**version, "t": rows, "w": words}) writes it
    shards.reverse()  # taken from the end, first shard first: a shard's rows go once it is made
    for n in range(len(shards)):
        shard = shards.pop()
        body = b",".join(row for _, row in shard.rows)
        yield shard_path(n), packed(head + b',"t":[' + body + b'],"w":' + dump(shard.words) + b"}")
    for n, page in enumerate(store_pages(views, shown_records(views))):
        yield page_path(n), packed(dump({**version, **page}))
    facets = facet_table(views, shown_records(views))
    yield FACETS_PATH, packed(dump({**version, **facets}))
    for (param, value), refs in filter_lists(views, facets).items():
        yield filter_path(param, value), packed(dump({**version, "r": refs}))
    # in the order the page's script meets them, shard after shard (completions keep the first ones)
    lexicon_words = [[w, df.get(analysis.term(w) or "", 0)] for _, w in sorted(folded_words, key=lambda fw: (order(fw[0]), fw[1]))]
    yield LEXICON_PATH, packed(dump({**version, "t": terms, "w": lexicon_words}))


def _document_counts(views: Views, acronyms: tuple[Acronym, ...], reuse: CountReuse) -> Iterator[Counted]:
    """Each document's counts, in corpus order (its paragraphs are consecutive there)."""
    records, start = Records(views, acronyms), 0
    for doc_id, group in itertools.groupby(views.paragraphs, key=operator.attrgetter("document")):
        paragraphs = tuple(group)
        yield reuse(doc_id, functools.partial(count, records(paragraphs, start)))
        start += len(paragraphs)
