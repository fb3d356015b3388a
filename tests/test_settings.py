"""Site settings (``data/site.yaml``): what is read, what is refused, and the list limits that
the state and topic pages of a large archive honour."""

from __future__ import annotations

import dataclasses
import re

import pytest
import yaml

from conftest import DATA, ROOT
from corpus_fixture import small_corpus, small_report
from undocs.errors import ConfigError
from undocs.export import export_data
from undocs.model import Statement
from undocs.render import render_site
from undocs.settings import ListLimits, load_settings
from undocs.views import build_views

TEMPLATES = ROOT / "templates"


def site_yaml(tmp_path, **changes):
    """``data/site.yaml`` with ``changes`` (``lists={...}`` replaces the list limits)."""
    data = yaml.safe_load((DATA / "site.yaml").read_text(encoding="utf-8"))
    data.update(changes)
    path = tmp_path / "site.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_the_real_settings():
    settings = load_settings(DATA / "site.yaml", "https://u.github.io/undocs")
    assert (settings.title, settings.language, settings.repository) == ("undocs", "fr", None)
    assert settings.base_url == "https://u.github.io/undocs/"  # a trailing slash is added
    assert settings.lists == ListLimits(full_text=100, per_topic=10, mentions=50, home=12)
    assert load_settings(DATA / "site.yaml").base_url is None


def test_each_list_limit_is_read(tmp_path):
    settings = load_settings(site_yaml(tmp_path, lists={"full_text": 4, "per_topic": 3, "mentions": 7, "home": 2}))
    assert settings.lists == ListLimits(full_text=4, per_topic=3, mentions=7, home=2)
    # A limit left out keeps its default.
    assert load_settings(site_yaml(tmp_path, lists={"mentions": 5})).lists == ListLimits(mentions=5)


@pytest.mark.parametrize("lists,message", [
    ({"full_text": 0}, "lists.full_text must be a whole number of at least 1, not 0"),
    ({"home": True}, "lists.home must be a whole number of at least 1, not True"),
    ({"per_topic": "10"}, "lists.per_topic must be a whole number of at least 1, not '10'"),
    ({"full_txt": 10}, "lists must be a mapping of feed, full_text, home, mentions, per_topic, roles"),
    ([10], "lists must be a mapping of feed, full_text, home, mentions, per_topic, roles"),
])  # fmt: skip
def test_a_bad_list_limit_is_one_error_naming_the_file(tmp_path, lists, message):
    with pytest.raises(ConfigError) as info:
        load_settings(site_yaml(tmp_path, lists=lists))
    assert str(info.value) == f"{tmp_path / 'site.yaml'}: {message}"


@pytest.mark.parametrize("changes,message", [
    ({"title": ""}, "missing required field(s): title"),
    ({"repository": "javascript:alert(1)"}, "repository 'javascript:alert(1)' must be owner/name or an http(s):// URL"),
])  # fmt: skip
def test_bad_settings_are_refused(tmp_path, changes, message):
    with pytest.raises(ConfigError) as info:
        load_settings(site_yaml(tmp_path, **changes))
    assert str(info.value).endswith(message)


def norway_signs_the_declaration():
    """The small corpus, with Norway also signing the CSTO declaration of the second document:
    it speaks in 4 paragraphs of A/67/131 (its reply) and 3 of the declaration."""
    corpus = small_corpus()
    cd = corpus.documents[1]
    declaration = cd.parts[1]
    declaration = dataclasses.replace(declaration, statements=declaration.statements + (Statement("norvege", "signatory"),))
    cd = dataclasses.replace(cd, parts=(cd.parts[0], declaration))
    return dataclasses.replace(corpus, documents=(corpus.documents[0], cd))


def pages(corpus, settings):
    views = build_views(corpus)
    files = render_site(views, settings, small_report(), TEMPLATES, export_data(corpus, small_report(), views))
    return {path: data.decode("utf-8") for path, data in files.items() if path.endswith(".html")}


def more_documents(page: str) -> list[tuple[str, str]]:
    """The documents a page links to instead of showing them: (symbol, number of paragraphs)."""
    listed = page.split('<ul class="more-documents">', 1)[1].split("</ul>", 1)[0] if "more-documents" in page else ""
    return re.findall(r'<li><a href="[^"]+">([^<]+)</a> \((\d+)\)</li>', listed)


def test_the_full_text_limit_of_site_yaml_decides_what_a_page_shows_in_full(tmp_path):
    corpus = norway_signs_the_declaration()
    # The limit is reached with the first document's paragraphs: the next one is a link.
    limited = pages(corpus, load_settings(site_yaml(tmp_path, lists={"full_text": 4})))
    state = limited["etats/norvege/index.html"]
    assert more_documents(state) == [("A/66/823-S/2012/405", "3")]
    assert "La mise en place d’un système multipolaire" not in state  # declaration § 1, not shown
    assert "Réduire le recours aux armes classiques;" in state  # its reply, whole
    topic = limited["themes/desarmement-nucleaire/index.html"]
    assert more_documents(topic) == []  # 3 paragraphs in all: under the limit
    # A limit of 2 on the topic: A/67/131's two paragraphs, then the declaration as a link.
    two = pages(corpus, load_settings(site_yaml(tmp_path, lists={"full_text": 2})))
    assert more_documents(two["themes/desarmement-nucleaire/index.html"]) == [("A/66/823-S/2012/405", "1")]
    # The default (100): everything in full.
    everything = pages(corpus, load_settings(DATA / "site.yaml"))
    assert more_documents(everything["etats/norvege/index.html"]) == []
    assert "La mise en place d’un système multipolaire" in everything["etats/norvege/index.html"]
    assert more_documents(everything["themes/desarmement-nucleaire/index.html"]) == []
