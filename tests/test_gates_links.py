"""Gate: a crawl of the site served under /undocs/, from the home page.

Every page is reachable; every href and src of every page resolves (same-site targets answer
200, fragments name an element of their target page); the site links nowhere outside itself
but to the few external references it declares; sitemap.xml lists exactly the pages and each
page's canonical link is its own address.
"""

from __future__ import annotations

import html.parser
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import pytest


from site_server import Site

#: External references a page may carry (never loaded by the browser, only linked).
EXTERNAL_PREFIXES = ("http://metadata.un.org/thesaurus/", "https://github.com/")


class Links(html.parser.HTMLParser):
    """The URLs a page references and the ids it defines."""

    ATTRS = {"href", "src", "action", "poster", "data"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.ids: set[str] = set()
        self.canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if a.get(name):
                self.ids.add(a[name] or "")
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        for name, value in attrs:
            if name in self.ATTRS and value is not None:
                self.refs.append((tag, name, value))
            if name == "srcset" and value:
                for candidate in value.split(","):
                    self.refs.append((tag, name, candidate.strip().split(" ")[0]))


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.headers.get_content_type(), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get_content_type(), e.read()


def page_key(url: str) -> str:
    """A page's address without query, fragment or trailing ``index.html``."""
    parts = urllib.parse.urlsplit(url)
    path = parts.path[: -len("index.html")] if parts.path.endswith("/index.html") else parts.path
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


class Crawl:
    def __init__(self, site: Site):
        self.site = site
        self.pages: dict[str, Links] = {}  # page key -> parsed page
        self.status: dict[str, tuple[int, str]] = {}  # resource url -> (status, type)
        self.problems: list[str] = []
        self.external: set[str] = set()

    def resource(self, url: str) -> tuple[int, str, bytes]:
        status, ctype, body = fetch(url)
        self.status[url] = (status, ctype)
        return status, ctype, body

    def run(self, start: str) -> None:
        queue = [start]
        self.referrer = {start: "(start)"}
        seen = {page_key(start)}
        fragments: list[tuple[str, str, str]] = []  # (from page, target page key, fragment)
        while queue:
            url = queue.pop(0)
            status, ctype, body = self.resource(url)
            if status != 200:
                self.problems.append(f"{url}: HTTP {status} (linked from {self.referrer[url]})")
                continue
            if ctype != "text/html":
                continue
            parser = Links()
            parser.feed(body.decode("utf-8"))
            self.pages[page_key(url)] = parser
            for tag, attr, value in parser.refs:
                self.check_ref(url, tag, attr, value, queue, seen, fragments)
        for source, key, fragment in fragments:
            target = self.pages.get(key)
            if target is None:
                continue  # a non-HTML target: reported above if missing
            if fragment not in target.ids:
                self.problems.append(f"{source}: #{fragment} is not an id of {key}")

    def check_ref(self, page: str, tag: str, attr: str, value: str, queue: list[str],
                  seen: set[str], fragments: list[tuple[str, str, str]]) -> None:  # fmt: skip
        if value.startswith(("mailto:", "data:")):
            return
        absolute = urllib.parse.urljoin(page, value)
        parts = urllib.parse.urlsplit(absolute)
        if parts.scheme not in ("http", "https"):
            self.problems.append(f"{page}: {tag}[{attr}] {value!r} has scheme {parts.scheme!r}")
            return
        if not absolute.startswith(self.site.base_url):
            if absolute.startswith(self.site.origin):
                self.problems.append(f"{page}: {tag}[{attr}] {value!r} leaves the site's sub-path")
            elif tag != "a" or not absolute.startswith(EXTERNAL_PREFIXES):
                self.problems.append(f"{page}: {tag}[{attr}] {value!r} is an undeclared external reference")
            else:
                self.external.add(absolute)
            return
        if tag == "form":
            # A GET form: its target page must exist (the query is the user's).
            absolute = urllib.parse.urlunsplit(parts._replace(query="", fragment=""))
        key = page_key(absolute)
        if parts.fragment:
            fragments.append((page, key, urllib.parse.unquote(parts.fragment)))
        if key not in seen:
            seen.add(key)
            target = urllib.parse.urlunsplit(urllib.parse.urlsplit(absolute)._replace(fragment=""))
            self.referrer[target] = page
            queue.append(target)


@pytest.fixture(scope="module")
def crawl(site):
    c = Crawl(site)
    c.run(site.url())
    return c


def built_pages(site: Site) -> set[str]:
    """Every HTML page of the build, as its served address (404.html excepted)."""
    out = set()
    for path in site.root.rglob("*.html"):
        rel = path.relative_to(site.root).as_posix()
        if rel != "404.html":
            out.add(page_key(site.url(rel)))
    return out


def test_every_reference_resolves(crawl):
    assert not crawl.problems, f"{len(crawl.problems)} broken references:\n" + "\n".join(crawl.problems)


def test_every_page_is_reachable_from_home(crawl, site):
    missing = built_pages(site) - set(crawl.pages)
    assert not missing, "pages no link leads to:\n" + "\n".join(sorted(missing))


def test_sitemap_lists_exactly_the_pages(crawl, site):
    status, ctype, body = fetch(site.url("sitemap.xml"))
    assert status == 200
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [el.text or "" for el in ET.fromstring(body).findall("s:url/s:loc", ns)]
    assert len(locs) == len(set(locs))
    assert set(locs) == built_pages(site)
    assert set(locs) == set(crawl.pages)
    for loc in locs:
        assert crawl.pages[loc].canonical == loc, f"{loc}: canonical is {crawl.pages[loc].canonical}"
    status, _, robots = fetch(site.url("robots.txt"))
    assert status == 200 and f"Sitemap: {site.url('sitemap.xml')}" in robots.decode()


def test_the_404_page_works_at_any_depth(site):
    for path in ("nulle-part", "documents/a-67-131/inexistant/", "a/b/c/d.html"):
        url = site.url(path)
        status, ctype, body = fetch(url)
        assert status == 404 and ctype == "text/html"
        parser = Links()
        parser.feed(body.decode("utf-8"))
        assert parser.refs
        for tag, attr, value in parser.refs:
            if value.startswith("#"):
                assert value[1:] in parser.ids, f"{path}: {value} names no element"
                continue
            target = urllib.parse.urljoin(url, value)
            assert target.startswith(site.base_url), f"{path}: {value} leaves the site"
            if tag == "form":
                target = target.split("?")[0]
            got = fetch(target.split("#")[0])[0]
            assert got == 200, f"from {path}: {tag}[{attr}]={value} -> {target}: HTTP {got}"
