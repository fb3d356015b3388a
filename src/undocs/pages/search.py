"""The search page: the links and data files its script needs; without JavaScript, the ways to
browse instead (states, topics)."""

from __future__ import annotations

from typing import Any

from .. import analysis, urls
from ..vendor_assets import SEARCH_BUNDLE
from ..search import META_PATH
from ..views import Views
from .common import Linker


def search_view(views: Views, link: Linker) -> dict[str, Any]:
    return {
        "meta_href": link(META_PATH),
        "analysis_href": link(analysis.ANALYSIS_JSON_PATH),
        "stemmer_href": link("assets/vendor/orama-stemmers/fr.js"),
        "lunr_href": link("assets/vendor/lunr/lunr.min.js"),
        "bundle_href": link(SEARCH_BUNDLE),
        "self_href": link(urls.SEARCH),
        "states_href": link(urls.STATES),
        "topics_href": link(urls.TOPICS),
        "documents_href": link(urls.DOCUMENTS),
        "states": [{"label": s.name, "href": link(urls.state_url(s.id))} for s in views.states_sorted],
        "topics": [{"label": t.label, "href": link(urls.topic_url(t.id))} for t in views.corpus.topics],
    }
