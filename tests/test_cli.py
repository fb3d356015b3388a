"""The command line on bad input: one clear line naming the file, exit 1, no traceback,
previous output untouched. And bad usage: exit 2."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, edit


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def previous(tmp_path_factory):
    """A good build, whose output every bad build below must leave byte-identical."""
    out = tmp_path_factory.mktemp("prev") / "site"
    result = run("--out", str(out))
    assert result.returncode == 0, result.stderr
    return out, tree_digest(out)


def break_sidecar_missing(s):
    (s / "a-67-131.fr.yaml").unlink()


def break_yaml_syntax(s):
    edit(s / "a-67-131.fr.yaml", "body: Assemblée générale", "body: [Assemblée générale")


def break_required_field(s):
    edit(s / "cd-2012-kazakhstan-otsc.fr.yaml", "format: markdown\n", "")


def break_format(s):
    edit(s / "a-67-131.fr.yaml", "format: plaintext", "format: docx")


def break_empty(s):
    (s / "cd-2012-kazakhstan-otsc.fr.md").write_text("", encoding="utf-8")


def break_latin1(s):
    (s / "a-67-131.fr.txt").write_bytes((s / "a-67-131.fr.txt").read_text(encoding="utf-8").encode("latin-1", "replace"))


def break_duplicate_symbol(s):
    edit(s / "cd-2012-kazakhstan-otsc.fr.yaml", "symbol: null", "symbol: A/67/131")


def break_unknown_role_state(s):
    edit(s / "cd-2012-kazakhstan-otsc.fr.yaml", "states: [kazakhstan]", "states: [norvege]")


BAD = {
    "missing sidecar": (break_sidecar_missing, r"a-67-131.fr.txt: no metadata sidecar"),
    "yaml syntax": (break_yaml_syntax, r"a-67-131.fr.yaml:\d+: YAML syntax error"),
    "required field": (break_required_field, r"cd-2012-kazakhstan-otsc.fr.yaml: missing required field\(s\): format"),
    "unknown format": (break_format, r"a-67-131.fr.yaml:\d+: unknown format 'docx'"),
    "empty source": (break_empty, r"cd-2012-kazakhstan-otsc.fr.md: the document is empty"),
    "non-utf8": (break_latin1, r"a-67-131.fr.txt:\d+: not valid UTF-8"),
    "duplicate symbol": (break_duplicate_symbol, r"duplicate symbol 'A/67/131'"),
    "invented role": (break_unknown_role_state, r"'norvege' is given the role 'sender' but the document never names it"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_one_clear_line_and_previous_output_intact(case, seeds, previous):
    breaker, message = BAD[case]
    breaker(seeds)
    out, digest = previous
    result = run("--seeds", str(seeds), "--out", str(out))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert re.search(message, lines[0]), lines[0]
    assert tree_digest(out) == digest


def test_unknown_state_heading_warns_and_fails_under_strict(seeds, tmp_path):
    edit(seeds / "a-67-131.fr.txt", "  Qatar \n", "  Atlantide \n")
    result = run("--seeds", str(seeds), "--out", str(tmp_path / "site"))
    assert result.returncode == 0
    assert "warning: a-67-131.fr.txt:322: state heading 'Atlantide' is not in the gazetteer" in result.stderr
    strict = run("--seeds", str(seeds), "--out", str(tmp_path / "site"), "--strict")
    assert strict.returncode == 1
    assert strict.stderr.strip() == "error: a-67-131.fr.txt:322: state heading 'Atlantide' is not in the gazetteer (data/states.yaml)"


def test_out_that_is_not_a_build_output_is_refused(tmp_path, previous):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "notes.txt").write_text("keep me")
    result = run("--out", str(precious))
    assert result.returncode == 1 and "not a previous build output" in result.stderr
    assert (precious / "notes.txt").read_text() == "keep me"
    for protected in (ROOT, SEEDS):
        result = run("--out", str(protected))
        assert result.returncode == 1 and "refusing" in result.stderr


def test_bad_usage_exits_2():
    assert run("--no-such-option").returncode == 2
    assert run("--base-url", "not-a-url").returncode == 2


def test_success_prints_one_summary_line(previous):
    out, _ = previous
    result = run("--out", str(out))
    assert result.returncode == 0
    summary = result.stdout.strip().splitlines()[-1]
    assert re.match(
        r"Built 2 documents, \d+ statements, \d+ paragraphs, \d+ states, \d+ topics: \d+ pages \(\d+ files\) written to .* in [\d.]+ s$",
        summary), summary
