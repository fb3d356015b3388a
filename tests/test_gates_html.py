"""Gate: the Nu Html Checker (vnu-jar, run with Java) finds zero errors on every page of a build."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest


from site_server import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_is_valid_html(site):
    java = shutil.which("java")
    assert java, "Java is required for the Nu Html Checker (apt-get install default-jre-headless)"
    assert VNU.is_file(), f"{VNU} is missing: run npm ci"
    pages = sorted(site.root.rglob("*.html"))
    assert len(pages) > 40
    assert (site.root / "404.html") in pages
    proc = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True, text=True, timeout=300,
    )
    try:
        messages = json.loads(proc.stderr or proc.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu did not answer in JSON (exit {proc.returncode}): {proc.stderr[:2000]}")
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    lines = [
        f"{m.get('url', '').split(str(site.root))[-1]}:{m.get('lastLine', '?')}: {m.get('message')}"
        for m in errors
    ]
    assert not errors, f"{len(errors)} HTML errors in {len(pages)} pages:\n" + "\n".join(lines)
    assert proc.returncode == 0, proc.stderr[:2000]
