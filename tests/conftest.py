"""Shared fixtures: the project's folders and the real corpus, loaded once per session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from undocs.pipeline import load_corpus

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = ROOT / "data"


def shared(scope: str) -> str:
    """The scope of a fixture that runs the code under test: ``scope``, or each test's own
    under mutation testing (``bench/mutation.py`` sets ``UNDOCS_MUTATION``). mutmut ties a
    function to the tests during which it ran; a fixture shared by many tests runs once, so
    it would be tied to the first of them only, and a mutant it reveals to a later test
    would pass for a survivor."""
    return "function" if os.environ.get("UNDOCS_MUTATION") else scope


if os.environ.get("UNDOCS_MUTATION"):
    # The same for the fixtures of test modules that do not say ``shared(...)`` (a search
    # index built once per module, say): under mutation testing every fixture is each test's
    # own, so a mutant is run against every test that would see it. Test modules are imported
    # after this file, so their ``@pytest.fixture(scope=...)`` is this one.
    _fixture = pytest.fixture

    def _per_test_fixture(fixture_function=None, *, scope="function", **kwargs):
        return _fixture(fixture_function, scope="function", **kwargs)

    pytest.fixture = _per_test_fixture


@pytest.fixture(scope=shared("session"))
def loaded():
    """(corpus, report, texts) for the real seeds."""
    return load_corpus(SEEDS, DATA)


@pytest.fixture(scope=shared("session"))
def corpus(loaded):
    return loaded[0]


@pytest.fixture(scope=shared("session"))
def report(loaded):
    return loaded[1]


@pytest.fixture
def seeds(tmp_path):
    """A copy of the real seeds, to break on purpose."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def edit(path, old, new):
    """Replace the first ``old`` in a file by ``new`` (and fail if it is not there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def doc(corpus, doc_id):
    return next(d for d in corpus.documents if d.id == doc_id)


def part(document, key):
    return next(p for p in document.parts if p.key == key)


# --------------------------------------------------------------------------------------------
# The built site, served over HTTP under a sub-path (as GitHub Pages serves a project site),
# and the session's one Chromium: built, served and launched once per test session.

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]  # fmt: skip


@pytest.fixture(scope="session")
def site():
    """The real seeds built with ``--base-url`` for a reserved port and served under ``/undocs/``
    (``tests/site_server.py``): ``site.url("documents/a-67-131/")``, ``site.root``."""
    from site_server import serve_built_site

    with serve_built_site() as served:
        yield served


@pytest.fixture(scope="session")
def built_site(site):
    """The folder of that build."""
    return site.root


@pytest.fixture(scope="session")
def playwright_driver():
    """Playwright, once per session (one sync driver per process: a second one fails). Missing
    Chromium is a failure, not a skip: the browser tests must run in CI."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is required and missing at {CHROMIUM}: run `apt-get install chromium` (scripts/test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_driver):
    """Headless Debian Chromium driven by Playwright."""
    instance = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    try:
        yield instance
    finally:
        instance.close()
