"""How ``TopicMatcher`` chooses among terms, on small made-up topics (the real list of
``data/topics.yaml`` is in ``test_topics.py``): the longest term wins whatever its letters, a
hyphen may be followed by a line break, and the spans of a text of unknown language come in
the order of the text, then of the topics."""

from __future__ import annotations

from undocs.model import Topic
from undocs.topics import TopicMatcher


def topic(id_: str, terms=(), terms_en=()) -> Topic:
    return Topic(id=id_, label=id_, label_en=id_, description="", terms=tuple(terms), terms_en=tuple(terms_en))


def at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_a_hyphen_may_be_followed_by_a_line_break():
    matcher = TopicMatcher([topic("np", ["non-prolifération"])])
    text = "le régime de non-\nprolifération nucléaire"
    assert matcher.spans(text, "fr") == [(*at(text, "non-\nprolifération"), "np")]
    # The hyphen itself is required: "non prolifération" is another spelling, not listed.
    assert matcher.spans("la non prolifération", "fr") == []


def test_the_longest_term_wins_whatever_its_letters():
    # "résolution*" sorts after "résolution 1540" as text; the longer term is still tried first.
    matcher = TopicMatcher([topic("resolutions", ["résolution*"]), topic("r1540", ["résolution 1540"])])
    text = "application de la résolution 1540 du Conseil"
    assert matcher.spans(text, "fr") == [(*at(text, "résolution 1540"), "r1540")]
    assert matcher.spans("les résolutions du Conseil", "fr") == [(4, 15, "resolutions")]


def test_spans_of_a_text_of_unknown_language_are_in_text_then_topic_order():
    # The topics in the order of the list: "zz" before "aa" (not the order of their ids).
    matcher = TopicMatcher([
        topic("zz", terms=["désarmement"], terms_en=["control", "disarmament"]),
        topic("aa", terms=["arms control zone", "disarmament"]),
    ])
    text = "disarmament and arms control zone"
    assert matcher.spans(text, None) == [
        (*at(text, "disarmament"), "zz"),  # one span, two topics: topic order
        (*at(text, "disarmament"), "aa"),
        (*at(text, "arms control zone"), "aa"),  # starts first, ends last
        (*at(text, "control"), "zz"),
    ]
    shorter = "arms control zone"
    both = TopicMatcher([topic("zz", terms_en=["arms"]), topic("aa", terms=["arms control zone"])])
    # Same start: the shorter span first, whatever the topics' ids.
    assert both.spans(shorter, None) == [(0, 4, "zz"), (0, 17, "aa")]
