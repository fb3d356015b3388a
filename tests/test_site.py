"""The built site as a whole: every data `url` resolves to a page and an anchor, every
paragraph id is unique and is an anchor of its document page, every internal link resolves."""

from __future__ import annotations

import json
import lzma
import re
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name) and not (tag == "link" and attrs.get("rel") == "canonical"):
                self.links.append(attrs[name])


def parse(path: Path) -> _Anchors:
    parser = _Anchors()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_file(site: Path, url: str) -> Path:
    """The file a clean site URL (``documents/x/``) or file URL (``…/index.html``) serves."""
    path = site / urllib.parse.unquote(url)
    return path / "index.html" if url == "" or url.endswith("/") else path


def test_every_paragraph_id_is_unique_and_an_anchor_of_its_page(built_site):
    paragraphs = json.loads(lzma.decompress((built_site / "data/paragraphs.json.xz").read_bytes()))
    ids = [p["id"] for p in paragraphs]
    assert len(ids) == len(set(ids)) == 94
    for p in paragraphs:
        anchors = parse(page_file(built_site, p["url"].split("#")[0])).ids
        assert p["url"].endswith("#" + p["id"])
        assert anchors.count(p["id"]) == 1, p["id"]


def test_every_url_in_the_data_resolves(built_site):
    checked = 0
    for name in ("documents", "paragraphs", "states", "topics"):
        for record in json.loads(lzma.decompress((built_site / f"data/{name}.json.xz").read_bytes())):
            url, _, fragment = record["url"].partition("#")
            target = page_file(built_site, url)
            assert target.is_file(), record["url"]
            if fragment:
                assert fragment in parse(target).ids, record["url"]
            checked += 1
    assert checked > 94 + 2


def test_every_internal_link_and_fragment_resolves(built_site):
    pages = sorted(built_site.rglob("*.html"))
    ids = {page: set(parse(page).ids) for page in pages}
    broken = []
    for page in pages:
        if page.name == "404.html":
            continue  # its links are absolute to the site root or computed (see templates/404.html)
        for link in parse(page).links:
            parts = urllib.parse.urlsplit(link)
            if parts.scheme or link.startswith("//") or link.startswith("mailto:"):
                continue
            target = page if not parts.path else (page.parent / urllib.parse.unquote(parts.path))
            target = Path(str(PurePosixPath(*target.parts)))
            target = target.resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(built_site)} -> {link}")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in ids.get(target, parse(target).ids):
                broken.append(f"{page.relative_to(built_site)} -> {link} (no such anchor)")
    assert not broken, "\n".join(broken[:20])


def test_no_absolute_site_paths_in_pages(built_site):
    for page in built_site.rglob("*.html"):
        if page.name == "404.html":
            continue
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'(?:href|src)="/(?!/)', html), page


def test_nojekyll_for_github_pages(built_site):
    assert (built_site / ".nojekyll").is_file()
