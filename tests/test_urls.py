"""The URL layout and relative links between pages."""

from __future__ import annotations

import posixpath

import pytest

from undocs import urls
from undocs.model import Paragraph, SourceSpan


def test_clean_urls():
    assert urls.document_url("a-67-131") == "documents/a-67-131/"
    assert urls.state_url("norvege") == "etats/norvege/"
    assert urls.topic_url("multilateralisme") == "themes/multilateralisme/"
    assert (urls.HOME, urls.STATES, urls.TOPICS, urls.MATRIX, urls.ABOUT, urls.SEARCH) == (
        "", "etats/", "themes/", "etats-themes/", "a-propos/", "recherche/",
    )  # fmt: skip


def test_paragraph_url():
    p = Paragraph("norvege-3", "a-67-131", "norvege", "paragraph", 3, None, ("x",), SourceSpan("f", 1, 1))
    assert urls.paragraph_url(p) == "documents/a-67-131/#norvege-3"


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("", "index.html"),
        ("etats/", "etats/index.html"),
        ("documents/a-67-131/#x", "documents/a-67-131/index.html"),
        ("data/documents.json", "data/documents.json"),
        ("404.html", "404.html"),
    ],
)
def test_page_path(url, path):
    assert urls.page_path(url) == path


@pytest.mark.parametrize(
    ("page", "prefix"),
    [("", ""), ("index.html", ""), ("etats/", "../"), ("etats/norvege/index.html", "../../")],
)
def test_root_prefix(page, prefix):
    assert urls.root_prefix(page) == prefix


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("etats/norvege/index.html", "documents/a-67-131/#norvege-3", "../../documents/a-67-131/index.html#norvege-3"),
        ("etats/norvege/", "documents/a-67-131/#norvege-3", "../../documents/a-67-131/index.html#norvege-3"),
        ("index.html", "etats/", "etats/index.html"),
        ("", "", "index.html"),
        ("etats/index.html", "", "../index.html"),
        ("etats/index.html", "etats/cuba/", "cuba/index.html"),
        ("etats/cuba/index.html", "etats/", "../index.html"),
        ("documents/a-67-131/index.html", "documents/a-67-131/#cuba-1", "#cuba-1"),
        ("a-propos/index.html", "data/paragraphs.csv", "../data/paragraphs.csv"),
        ("themes/x/index.html", "https://example.org/a", "https://example.org/a"),
    ],
)
def test_href(source, target, expected):
    assert urls.href(source, target) == expected


@pytest.mark.parametrize("source", ["index.html", "etats/index.html", "etats/norvege/index.html", "documents/d/index.html"])
@pytest.mark.parametrize("target", ["", "etats/", "themes/t/", "documents/d/#p-1", "data/documents.json"])
def test_href_resolves_to_the_target_file(source, target):
    link = urls.href(source, target)
    path, _, fragment = link.partition("#")
    resolved = urls.page_path(source) if not path else posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
    assert resolved == urls.page_path(target)
    assert fragment == target.partition("#")[2]
    assert not link.startswith("/")


def test_absolute_url():
    assert urls.absolute_url("https://u.github.io/r/", "etats/") == "https://u.github.io/r/etats/"
    assert urls.absolute_url("https://u.github.io/r", "") == "https://u.github.io/r/"
