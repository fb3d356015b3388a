"""Reproducible builds: the same input gives the same bytes, wherever and whenever it is built.

Two builds of the real seeds, in different folders, from different working directories, with
different time zones, hash seeds and clocks (a pause of more than a second between them),
must give byte-identical trees: the same list of files, the same bytes in each. Likewise
with ``SOURCE_DATE_EPOCH`` set (the only way a date may enter the output).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT


def build(out: Path, cwd: Path, *options: str, **env: str) -> None:
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    environment.update(env)
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--out", str(out), *options],
        cwd=cwd, env=environment, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_identical(a: Path, b: Path) -> None:
    first, second = tree(a), tree(b)
    assert sorted(first) == sorted(second), set(first) ^ set(second)
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, f"{len(differing)} files differ, e.g. {differing[:5]}"


@pytest.mark.parametrize("epoch", [None, "1338508800"], ids=["no SOURCE_DATE_EPOCH", "SOURCE_DATE_EPOCH"])
def test_two_builds_are_byte_identical(epoch, tmp_path):
    extra = {"SOURCE_DATE_EPOCH": epoch} if epoch else {}
    (tmp_path / "one" / "cwd").mkdir(parents=True)
    (tmp_path / "elsewhere" / "two" / "cwd").mkdir(parents=True)
    a = tmp_path / "one" / "A"
    b = tmp_path / "elsewhere" / "two" / "B"
    build(a, tmp_path / "one" / "cwd", TZ="UTC", PYTHONHASHSEED="1", LC_ALL="C.UTF-8", **extra)
    time.sleep(1.1)
    build(b, tmp_path / "elsewhere" / "two" / "cwd", TZ="Pacific/Kiritimati", PYTHONHASHSEED="4242", LC_ALL="C", **extra)
    assert_identical(a, b)


def test_a_rebuild_in_place_is_byte_identical(tmp_path):
    out = tmp_path / "site"
    build(out, ROOT, PYTHONHASHSEED="7")
    first = tree(out)
    time.sleep(1.1)
    build(out, tmp_path, PYTHONHASHSEED="8", TZ="America/St_Johns")
    assert tree(out) == first


def test_one_process_or_two_build_the_same_site(tmp_path):
    """``--jobs 2`` (the default: the search index in a second process) and ``--jobs 1``."""
    build(tmp_path / "two", ROOT, "--jobs", "2")
    build(tmp_path / "one", ROOT, "--jobs", "1")
    assert_identical(tmp_path / "two", tmp_path / "one")
