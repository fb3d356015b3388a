"""The search bundle: the stemmers made classic scripts, and our JavaScript stripped of its
comments and indentation (``vendor_assets.strip_js``) without a change to what it does."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from undocs import analysis
from undocs.errors import ConfigError
from undocs.vendor_assets import BUNDLE_SOURCES, search_bundle, strip_js

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / "node_modules"

#: Prints, for each file given, acorn's syntax tree without positions (ESTree, as JSON).
AST_SCRIPT = r"""
const acorn = require(process.argv[1]);
const fs = require("fs");
function strip(node) {
  if (Array.isArray(node)) return node.map(strip);
  if (node && typeof node === "object") {
    const out = {};
    for (const key of Object.keys(node)) {
      if (key === "start" || key === "end" || key === "loc" || key === "range" || key === "raw") continue;
      out[key] = key === "value" && node.regex ? null : strip(node[key]);
    }
    return out;
  }
  return node;
}
const trees = process.argv.slice(2).map(f => strip(acorn.parse(fs.readFileSync(f, "utf8"), {ecmaVersion: 2020, sourceType: "script"})));
process.stdout.write(JSON.stringify(trees));
"""


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed: the bundle cannot be checked")
    if not (NODE_MODULES / "acorn" / "package.json").exists():
        pytest.fail("node_modules/acorn missing: run `npm ci`")
    return node


def _trees(paths: list[Path]) -> list:
    result = subprocess.run(
        [_node(), "-e", AST_SCRIPT, str(NODE_MODULES / "acorn"), *map(str, paths)],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("name", [s.removeprefix("static/js/") for s in BUNDLE_SOURCES if s.startswith("static/js/")])
def test_strip_js_keeps_the_syntax_tree(name, tmp_path):
    """The stripped file parses to the same program as the source (acorn's tree, positions
    aside): no statement joined or split by a removed line break, no string or regular
    expression touched, and it is smaller."""
    source = (ROOT / "static" / "js" / name).read_text(encoding="utf-8")
    stripped = strip_js(source, name)
    (tmp_path / "stripped.js").write_text(stripped, encoding="utf-8")
    original, after = _trees([ROOT / "static" / "js" / name, tmp_path / "stripped.js"])
    assert after == original
    assert len(stripped) < 0.8 * len(source)
    assert "/*" not in stripped.replace('"/*"', "") and "\n  " not in stripped


def test_strip_js_tricky_cases(tmp_path):
    source = (
        'var a = "// not a remark", b = \'/* nor this */\';\n'
        "var r = /[/]\\/*x/g, d = 4 / 2 / 1; // a comment\n"
        "/* a comment\n   over lines */ var c = a\n"
        "  ++b\n"
        "return_ = typeof /x/ === 'object';\n"
    )
    stripped = strip_js(source)
    assert "a comment" not in stripped and "not a remark" in stripped and "nor this" in stripped
    (tmp_path / "a.js").write_text(source, encoding="utf-8")
    (tmp_path / "b.js").write_text(stripped, encoding="utf-8")
    original, after = _trees([tmp_path / "a.js", tmp_path / "b.js"])
    assert after == original


def test_strip_js_refuses_what_it_cannot_read():
    with pytest.raises(ConfigError, match="template literal"):
        strip_js("var a = `x`;\n", "t.js")
    with pytest.raises(ConfigError, match="string running past its line"):
        strip_js('var a = "x\n";\n', "t.js")


def test_the_bundle_runs_both_stemmers_and_the_stripped_analysis(tmp_path):
    """The bundle's first four parts (lunr, the two stemmers as classic scripts, analysis.js
    stripped) run in Node as in a page, and analyse as Python does, in both languages."""
    bundle = search_bundle(NODE_MODULES).decode("utf-8")
    head = bundle[: bundle.index("/* ---- static/js/search.js ---- */")]
    (tmp_path / "head.js").write_text(head, encoding="utf-8")
    words = ["Norway’s", "weapons", "proliferation", "désarmement", "l’interdiction", "nucléaires", "skies"]
    script = (
        "const vm = require('vm'); const page = {performance}; page.self = page;"
        "vm.runInNewContext(require('fs').readFileSync(process.argv[1], 'utf8'), page);"
        "const A = page.undocsAnalysis;"
        "A.load({data: page.undocsAnalysisData}).then(() => process.stdout.write(JSON.stringify("
        "JSON.parse(process.argv[2]).map(w => [A.analyze(w, 'fr'), A.analyze(w, 'en')]))));"
    )
    result = subprocess.run(
        [_node(), "-e", script, str(tmp_path / "head.js"), json.dumps(words)],
        capture_output=True, text=True, encoding="utf-8", timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [[analysis.analyze(w, "fr"), analysis.analyze(w, "en")] for w in words]
