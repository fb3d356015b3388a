"""The search page: the links and data files its script needs, examples of queries for the
page before any query; without JavaScript, the ways to browse instead (states, topics)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from .. import analysis, urls
from ..vendor_assets import SEARCH_BUNDLE
from ..search import META_PATH
from ..views import Views
from .common import Linker

#: Examples that show what the search understands, each offered when the archive's text has it:
#: (query, what it shows, words the text must contain).
_FIXED_EXAMPLES = (
    ('"armes nucléaires"', "une expression exacte, entre guillemets", "armes nucléaires"),
    ("TNP", "un sigle, qui trouve aussi son nom en toutes lettres", "non-prolifération"),
)


def _contains(terms: list[str], run: list[str]) -> bool:
    return any(terms[i : i + len(run)] == run for i in range(len(terms) - len(run) + 1))


def examples(views: Views) -> list[dict[str, str]]:
    """Queries for the page before any query: the archive's most frequent topic and speaking
    state, and the fixed examples its text allows."""
    out = []
    topics = Counter(t for p in views.paragraphs for t in p.topics if t in views.topics)
    if topics:
        out.append({"q": views.topics[topics.most_common(1)[0][0]].label, "why": "un thème"})
    for query, why, needed in _FIXED_EXAMPLES:
        run = analysis.analyze(needed)
        if any(_contains(analysis.analyze(p.text), run) for p in views.paragraphs):  # stops at the first
            out.append({"q": query, "why": why})
    states = Counter(s for p in views.paragraphs for s in views.speakers(p))
    if states:
        state = views.states[states.most_common(1)[0][0]]
        out.append({"q": state.name, "why": "un État, ce qu’il dit et où il est nommé"})
    return out


def search_view(views: Views, link: Linker) -> dict[str, Any]:
    return {
        "meta_href": link(META_PATH),
        "lunr_href": link("assets/vendor/lunr/lunr.min.js"),
        "bundle_href": link(SEARCH_BUNDLE),
        "self_href": link(urls.SEARCH),
        "states_href": link(urls.STATES),
        "topics_href": link(urls.TOPICS),
        "documents_href": link(urls.DOCUMENTS),
        "states": [{"label": s.name, "href": link(urls.state_url(s.id))} for s in views.states_sorted],
        "topics": [{"label": t.label, "href": link(urls.topic_url(t.id))} for t in views.corpus.topics],
        "examples": examples(views),
    }
