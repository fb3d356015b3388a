"""The search: a lunr index of the corpus's paragraphs, built here, queried in the browser.

The build writes three things (format in ``docs/search-index.md``):

* ``assets/search/index.json`` -- the serialised lunr.py index (refs are paragraph ordinals);
* ``assets/search/docs.json``  -- the display store: paragraphs (id, citation, text, states,
  topics, document), the labels of states, topics and documents (for facets), and the
  vocabulary (the corpus's distinct words, for prefix completion and "Vouliez-vous dire");
* ``recherche/index.html``     -- the search page (``templates/search.html``), which loads
  ``assets/js/search.js``.

Queries are answered by ``static/js/search.js``. ``query.Searcher`` is the same query logic in
Python (same analysis, same expansion, same filtering and ranking): the tests run the reader
queries of ``tests/search_cases.yaml`` through it, and through the browser, and demand the same.

The query logic, in both languages:

1. The text is read with lunr's query syntax when it uses any (``etat:russie``, ``nucl*``,
   ``desarmement~1``, ``+otan -nucleaire``, ``^2``); a query lunr cannot parse (``etat:``,
   ``~``, an unclosed ``"``) falls back to plain words. Plain words: every token of the French
   analysis is a *group*, and every group must match (AND). Stop words are dropped.
2. Each group expands to index terms: the analysed term; ``*`` -> every term with that (folded,
   stemmed) prefix; ``~n`` -> lunr's edit distance. The last group -- the word being typed, when
   the text does not end with a space -- also matches as a prefix (terms starting with it, and
   the stems of the vocabulary's words starting with it), so results do not vanish mid-word.
3. One lunr query scores the expanded terms (exact term boost 1, completions 0.5); results
   that miss a required group, or contain a prohibited one, are dropped; ties go to corpus order.
4. Nothing found: each unknown word is replaced by the nearest vocabulary word (edit distance
   1, or 2 for words of 8+ letters) and the query is retried (:meth:`Searcher.suggest`).
"""

from __future__ import annotations

from .. import analysis
from ..views import Views
from .index import DOCS_PATH, INDEX_PATH, build_index, compact_index, dump, index_records
from .store import display_store

__all__ = ["DOCS_PATH", "INDEX_PATH", "search_files"]


def search_files(views: Views) -> dict[str, bytes]:
    """The search's data files: index, display store, analysis data (the page is a page view:
    ``undocs.pages.search``)."""
    records = index_records(views)
    index, stats = build_index(records)
    return {
        INDEX_PATH: dump(compact_index(index, stats)),
        DOCS_PATH: dump(display_store(views, records)),
        analysis.ANALYSIS_JSON_PATH: analysis.analysis_json(),
    }
