"""The list limits of ``data/site.yaml`` reach the pages: ``lists.full_text`` is how many
paragraphs a state's or topic's page shows in full before it lists the other documents as links."""

from __future__ import annotations

import yaml

from conftest import DATA
from undocs import urls
from undocs.pages.common import Linker
from undocs.pages.topic import topic_view
from undocs.settings import load_settings
from undocs.views import build_views


def limits_from_site_yaml(tmp_path, **lists):
    data = yaml.safe_load((DATA / "site.yaml").read_text(encoding="utf-8"))
    data["lists"] = {**data.get("lists", {}), **lists}
    path = tmp_path / "site.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_settings(path)


def topic_page(corpus, settings, topic):
    views = build_views(corpus)
    url = urls.topic_url(topic)
    return views, topic_view(topic, views, Linker(url, settings), settings.lists)


def paragraphs_by_document(views, topic):
    counts: dict[str, int] = {}
    for p in views.topic_paragraphs[topic]:
        counts[p.document] = counts.get(p.document, 0) + 1
    return counts


def test_full_text_of_site_yaml_cuts_a_topic_page_after_the_first_document(corpus, tmp_path):
    # Nuclear disarmament is a topic of both seeds: the replies of A/67/131 and the CSTO
    # declaration (seeds/a-67-131.fr.txt, seeds/cd-2012-kazakhstan-otsc.fr.md).
    settings = limits_from_site_yaml(tmp_path, full_text=1)
    assert settings.lists.full_text == 1
    views, page = topic_page(corpus, settings, "desarmement-nucleaire")
    counts = paragraphs_by_document(views, "desarmement-nucleaire")
    first, *others = [d.id for d in corpus.documents if d.id in counts]
    assert first == "a-67-131" and others == ["cd-2012-kazakhstan-otsc"]
    # The first document is shown whatever its size; the next one would pass the limit.
    assert [d["cite_symbol"] for d in page["documents"]] == ["A/67/131"]
    assert sum(len(g["paragraphs"]) for g in page["documents"][0]["groups"]) == counts[first]
    assert [(d["href"], d["count"]) for d in page["more_documents"]] == [
        ("../../documents/cd-2012-kazakhstan-otsc/index.html", counts["cd-2012-kazakhstan-otsc"])]
    assert all("groups" not in d for d in page["more_documents"])


def test_a_full_text_limit_above_the_topic_shows_every_document_in_full(corpus, tmp_path):
    settings = limits_from_site_yaml(tmp_path, full_text=1000)
    views, page = topic_page(corpus, settings, "non-proliferation")
    counts = paragraphs_by_document(views, "non-proliferation")
    assert page["more_documents"] == []
    assert {d["href"].split("/")[-2]: sum(len(g["paragraphs"]) for g in d["groups"]) for d in page["documents"]} == counts


def test_the_limit_counts_paragraphs_not_documents(corpus, tmp_path):
    views = build_views(corpus)
    counts = paragraphs_by_document(views, "non-proliferation")
    first = next(d.id for d in corpus.documents if d.id in counts)
    total = sum(counts.values())
    # One paragraph short of both documents: the second is a link; exactly both: in full.
    for limit, in_full in ((total - 1, 1), (total, 2)):
        settings = limits_from_site_yaml(tmp_path, full_text=limit)
        _, page = topic_page(corpus, settings, "non-proliferation")
        assert len(page["documents"]) == in_full and len(page["more_documents"]) == 2 - in_full, limit
        assert page["documents"][0]["count"] == counts[first]
