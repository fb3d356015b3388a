"""The 404 page as written (``undocs.pages.not_found``); in a browser: ``test_not_found_browser.py``.

A build that does not know the site's root writes the page's stylesheet and scripts into it,
each allowed by its SHA-256 hash in the Content Security Policy and nothing else: no
``'unsafe-inline'``, no external stylesheet or script that would resolve under the missing
page's folder. A build that knows the root links them absolutely and keeps the policy of
every other page.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from corpus_fixture import settings, small_corpus, small_report
from test_hostile import _Page, csp_of, page_problems
from undocs.export import export_data
from undocs.pages.not_found import csp_hash, inline_blocks, site_root_path
from undocs.render import render_site
from undocs.views import build_views

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "templates"
STATIC = ROOT / "static"
#: The policy of every page (templates/base.html).
BASE_POLICY = {"default-src": ["'self'"], "script-src": ["'self'"], "style-src": ["'self'"], "img-src": ["'self'"],
               "object-src": ["'none'"], "base-uri": ["'self'"], "form-action": ["'self'"]}


class Parsed(_Page):
    """A page parsed as the hostile-text tests do, with the text of its ``<style>`` blocks too."""

    def __init__(self, text: str):
        super().__init__()
        self.styles: list[str] = []
        self._in_style = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        if tag == "style":
            self._in_style = True
            self.styles.append("")

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        self._in_style = self._in_style and tag != "style"

    def handle_data(self, data):
        if self._in_style:
            self.styles[-1] += data
        else:
            super().handle_data(data)


def parse_page(text: str) -> Parsed:
    return Parsed(text)


def not_found(base_url: str | None = None, repository: str | None = None) -> str:
    corpus, report = small_corpus(), small_report()
    views = build_views(corpus)
    site = dataclasses.replace(settings(base_url), repository=repository)
    return render_site(views, site, report, TEMPLATES, export_data(corpus, report, views))["404.html"].decode("utf-8")


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


@pytest.fixture(scope="module")
def unrooted():
    return parse_page(not_found())


def test_without_a_root_the_stylesheet_and_scripts_are_in_the_page(unrooted):
    styles = unrooted.styles
    scripts = [text for attrs, text in unrooted.scripts]
    assert styles == [(STATIC / "css/style.css").read_text(encoding="utf-8")]
    assert scripts == [(STATIC / "js/shortcuts.js").read_text(encoding="utf-8"),
                       (STATIC / "js/404.js").read_text(encoding="utf-8")]
    # Nothing loaded relative to the page's folder: it is served at any depth.
    assert not [a for tag, a in unrooted.tags if tag == "link" and a.get("rel") == "stylesheet"]
    assert not [a for a, _ in unrooted.scripts if a.get("src")]


def test_without_a_root_the_policy_allows_exactly_those_blocks(unrooted):
    [policy] = csp_of(unrooted)
    scripts = [text for _, text in unrooted.scripts]
    styles = unrooted.styles
    assert policy["script-src"] == ["'self'", *map(sha256, scripts)]
    assert policy["style-src"] == ["'self'", *map(sha256, styles)]
    # Everything else is the policy of every page.
    assert {k: v for k, v in policy.items() if k not in ("script-src", "style-src")} == {
        k: v for k, v in BASE_POLICY.items() if k not in ("script-src", "style-src")}
    assert not any(s.startswith("'unsafe-") for sources in policy.values() for s in sources)


def test_without_a_root_the_links_are_relative_to_the_root_and_left_to_the_script(unrooted):
    home = [a for tag, a in unrooted.tags if a.get("id") == "home-link"]
    assert home == [{"id": "home-link", "href": "index.html", "data-compute-root": None}]
    links = [a.get("href") or a.get("action") for tag, a in unrooted.tags if tag in ("a", "form")]
    assert "documents/index.html" in links and "a-propos/index.html" in links
    assert all(not link.startswith(("/", "../")) and "://" not in link for link in links), links


@pytest.mark.parametrize("base_url, repository, root", [
    ("https://u.github.io/undocs/", None, "https://u.github.io/undocs/"),
    (None, "someone/undocs", "/undocs/"),
])
def test_with_a_root_the_page_links_absolutely_and_keeps_the_common_policy(base_url, repository, root):
    page = parse_page(not_found(base_url, repository))
    assert csp_of(page) == [BASE_POLICY]
    assert [a.get("src") for a, _ in page.scripts] == [f"{root}assets/js/shortcuts.js",
                                                                                 f"{root}assets/js/404.js"]
    assert not [t for t in page.scripts if t[1].strip()] and not page.styles
    stylesheets = [a["href"] for tag, a in page.tags if tag == "link" and a.get("rel") == "stylesheet"]
    assert stylesheets == [f"{root}assets/css/style.css"]
    home = [a for tag, a in page.tags if a.get("id") == "home-link"]
    assert home == [{"id": "home-link", "href": root}]


def test_the_404_page_passes_the_hostile_text_checks_but_for_its_allowed_inline_scripts(unrooted):
    [policy] = csp_of(unrooted)
    problems = page_problems(unrooted, "https://u.github.io/undocs/")
    allowed = {f"inline script: {text[:80]!r}" for _, text in unrooted.scripts if sha256(text) in policy["script-src"]}
    allowed |= {f"script without a same-origin src: {attrs}" for attrs, text in unrooted.scripts
                if not attrs.get("src") and sha256(text) in policy["script-src"]}
    assert [p for p in problems if p not in allowed] == []


@pytest.mark.parametrize("base_url, repository, root", [
    ("https://u.github.io/undocs/", None, "/undocs/"),
    ("https://example.org", None, "/"),
    ("https://example.org/a/b", None, "/a/b/"),
    (None, "someone/undocs", "/undocs/"),
    (None, "https://github.com/someone/undocs.git", "/undocs/"),
    (None, "someone/someone.github.io", "/"),
    (None, None, None),
])
def test_site_root_path(base_url, repository, root):
    assert site_root_path(dataclasses.replace(settings(base_url), repository=repository)) == root


def test_csp_hash_is_the_base64_sha256_of_the_exact_text():
    # The CSP Level 2 example (https://www.w3.org/TR/CSP2/#script-src-hash-usage).
    assert csp_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


@pytest.mark.parametrize("kind, name, text", [
    ("script", "js/404.js", "var s = '</script><script>alert(1)';"),
    ("script", "js/shortcuts.js", "// <!-- a comment opener"),
    ("style", "css/style.css", "p::after { content: '</STYLE>'; }"),
])
def test_a_static_file_that_would_end_its_block_early_is_refused(tmp_path, kind, name, text):
    for rel in ("css/style.css", "js/shortcuts.js", "js/404.js"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("/* fine */", encoding="utf-8")
    assert inline_blocks(tmp_path)["script_hashes"] == [sha256("/* fine */")] * 2
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=f"static/{name} cannot be written inside a <{kind}>"):
        inline_blocks(tmp_path)



def test_the_page_without_a_root_is_valid_html(tmp_path):
    """The Nu Html Checker, as ``test_gates_html.py`` runs it on the site built with a root."""
    from test_gates_html import VNU

    java = shutil.which("java")
    assert java and VNU.is_file(), "Java and node_modules/vnu-jar are required (see test_gates_html.py)"
    page = tmp_path / "404.html"
    page.write_text(not_found(), encoding="utf-8")
    proc = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", str(page)],
                          capture_output=True, text=True, timeout=300)
    messages = json.loads(proc.stderr or proc.stdout)["messages"]
    errors = [m.get("message") for m in messages if m.get("type") in ("error", "non-document-error")]
    # The checker's CSS part does not know SVG's presentation properties; the figures' styles
    # use vector-effect (SVG 2), which every current browser supports.
    assert [e for e in errors if not e.startswith("CSS: “vector-effect”: Property “vector-effect” doesn't exist")] == []
