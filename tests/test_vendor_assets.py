"""The search bundle: made by esbuild from static/js/search/ and the npm packages, the same bytes
for the same sources, a clear error when it cannot be made; the modules are not served alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from undocs import analysis
from undocs.errors import ConfigError
from undocs.render import static_files
from undocs.vendor_assets import SEARCH_ENTRY, search_bundle

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / "node_modules"


@pytest.fixture(scope="module")
def bundle() -> str:
    return search_bundle(NODE_MODULES).decode("utf-8")


def test_the_bundle_is_the_same_for_the_same_sources(bundle):
    assert search_bundle(NODE_MODULES).decode("utf-8") == bundle
    assert str(ROOT) not in bundle  # no path of this machine


def test_the_bundle_holds_the_analysis_data_and_the_licences(bundle):
    head, data_line = bundle.splitlines()[:2]
    assert head.startswith("self.performance") and "undocs-search-bundle" in head
    assert json.loads(data_line.removeprefix("self.undocsAnalysisData = ").removesuffix(";")) == analysis.analysis_data()
    assert "lunr (MIT)" in bundle and "porter2 (MIT)" in bundle and "licences in assets/vendor/" in bundle
    assert "@license MIT" in bundle and "Copyright (C) 2020 Oliver Nightingale" in bundle  # lunr's own


def test_the_bundle_is_minified(bundle):
    """Smaller than its sources, the comments of our modules gone."""
    ours = [*(ROOT / "static" / "js" / "search").glob("*.mjs"), ROOT / "static" / "js" / "analysis.js"]
    lunr = (NODE_MODULES / "lunr" / "lunr.js").stat().st_size
    assert len(bundle.encode()) < 0.6 * (sum(p.stat().st_size for p in ours) + lunr)
    assert "What a planning pass found missing" not in bundle  # a comment of files.mjs


def test_a_module_that_does_not_parse_is_a_config_error_naming_the_entry(tmp_path):
    project = tmp_path / "project"
    (project / "static" / "js" / "search").mkdir(parents=True)
    (project / "node_modules").symlink_to(NODE_MODULES)
    (project / SEARCH_ENTRY).write_text('import { x } from "./missing.mjs";\nx(\n', encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        search_bundle(project / "node_modules")
    assert raised.value.path == str(project / SEARCH_ENTRY)
    assert "esbuild could not bundle" in str(raised.value)


def test_without_esbuild_the_error_says_to_run_npm_ci(tmp_path):
    (tmp_path / "node_modules").mkdir()
    with pytest.raises(ConfigError, match="npm ci"):
        search_bundle(tmp_path / "node_modules")


def test_the_modules_are_sources_not_served():
    served = static_files(ROOT / "static")
    assert "assets/js/analysis.js" in served
    assert not [name for name in served if name.endswith(".mjs")]
