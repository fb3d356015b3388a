"""Atomic output: all or nothing, and never over a folder that is not a previous build."""

from __future__ import annotations

import pytest

from undocs.errors import OutputError
from undocs.output import MARKER, write_site


def test_writes_files_and_marker(tmp_path):
    out = tmp_path / "site"
    write_site({"index.html": b"a", "etats/x/index.html": b"b"}, out)
    assert (out / "index.html").read_bytes() == b"a"
    assert (out / "etats/x/index.html").read_bytes() == b"b"
    assert (out / MARKER).is_file()


def test_replaces_a_previous_build_whole(tmp_path):
    out = tmp_path / "site"
    write_site({"old.html": b"old"}, out)
    write_site({"new.html": b"new"}, out)
    assert sorted(p.name for p in out.iterdir()) == sorted([MARKER, "new.html"])
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no staging folder left behind


def test_refuses_a_folder_that_is_not_a_build_output(tmp_path):
    out = tmp_path / "precious"
    out.mkdir()
    (out / "thesis.tex").write_text("years of work")
    with pytest.raises(OutputError, match="not a previous build output"):
        write_site({"index.html": b"a"}, out)
    assert (out / "thesis.tex").read_text() == "years of work"


def test_refuses_protected_folders_and_their_parents(tmp_path):
    seeds = tmp_path / "project" / "seeds"
    seeds.mkdir(parents=True)
    for target in (seeds, tmp_path / "project"):
        with pytest.raises(OutputError, match="refusing to write the site over"):
            write_site({"index.html": b"a"}, target, protected=(seeds,))


def test_failure_while_writing_leaves_previous_output_intact(tmp_path):
    out = tmp_path / "site"
    write_site({"index.html": b"v1"}, out)
    with pytest.raises(OutputError, match="outside the output folder"):
        write_site({"index.html": b"v2", "../escape.html": b"x"}, out)
    assert (out / "index.html").read_bytes() == b"v1"
    assert not (tmp_path / "escape.html").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_refuses_to_write_inside_the_build_inputs(tmp_path):
    seeds = tmp_path / "project" / "seeds"
    seeds.mkdir(parents=True)
    for target in (seeds / "site", seeds, tmp_path / "project"):
        with pytest.raises(OutputError, match="one of the build's inputs"):
            write_site({"index.html": b"a"}, target, sources=(seeds,))
    assert list(seeds.iterdir()) == []
