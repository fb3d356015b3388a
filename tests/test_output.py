"""Atomic output: all or nothing, and never over a folder that is not a previous build."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from undocs.errors import OutputError
from undocs.output import MARKER, Staging, write_into, write_site


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


# --- where and how: every refusal names the folder; the site is made beside --out ----------

def refusal(out, **kwargs) -> OutputError:
    with pytest.raises(OutputError) as info:
        write_site({"index.html": b"a"}, out, **kwargs)
    return info.value


def test_each_refusal_names_the_folder_refused(tmp_path, monkeypatch):
    project = tmp_path / "project"
    seeds = project / "seeds"
    seeds.mkdir(parents=True)
    error = refusal(project, protected=(project,))
    assert (error.path, error.message) == (str(project), f"refusing to write the site over {project} (it holds the project's sources)")
    error = refusal(seeds / "site", sources=(seeds,))
    assert (error.path, error.message) == (str(seeds / "site"), f"refusing to write the site in or over {seeds} (one of the build's inputs)")
    afile = tmp_path / "notes.txt"
    afile.write_text("keep me")
    error = refusal(afile)
    assert (error.path, error.message) == (str(afile), "exists and is not a folder")
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.tex").write_text("years of work")
    error = refusal(precious)
    assert (error.path, error.message) == (str(precious), f"refusing to replace a folder that is not a previous build output (no {MARKER} in it)")
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: home))
    for target in (home, tmp_path):
        error = refusal(target)
        assert (error.path, error.message) == (str(target), f"refusing to write the site over the home directory {home}")


def test_an_absolute_name_is_refused(tmp_path):
    with pytest.raises(OutputError, match="refusing to write outside the output folder: '/"):
        write_site({str(tmp_path / "escape.html"): b"x"}, tmp_path / "site")
    assert not (tmp_path / "escape.html").exists() and list(tmp_path.iterdir()) == []


def test_the_folders_above_out_are_made(tmp_path):
    out = tmp_path / "a" / "b" / "site"
    write_site({"index.html": b"a"}, out)
    assert (out / "index.html").read_bytes() == b"a"


def test_the_new_site_is_written_beside_out_and_swapped_in(tmp_path, monkeypatch):
    """Written into a hidden folder beside --out (the same file system: renames are atomic),
    the previous site moved aside beside it, then deleted; the site's folder readable by all."""
    out = tmp_path / "site"
    write_site({"old.html": b"old"}, out)
    written, renamed = [], []
    real_write, real_rename = Path.write_bytes, Path.rename
    monkeypatch.setattr(Path, "write_bytes", lambda self, data: written.append(self) or real_write(self, data))
    monkeypatch.setattr(Path, "rename", lambda self, target: renamed.append((self, Path(target))) or real_rename(self, target))
    write_site({"index.html": b"new"}, out)
    staging = written[0].parent
    assert staging.parent == tmp_path and staging.name.startswith(".site.new-")
    (aside, moved), (swapped, into) = renamed
    assert (aside, swapped, into) == (out, staging, out)
    assert moved.parent == tmp_path and moved.name.startswith(".site.old-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert (out.stat().st_mode & 0o777) == 0o755


def test_a_previous_site_that_cannot_be_deleted_fails_nothing(tmp_path, monkeypatch):
    """The new site is in place: a file of the old one that cannot be deleted is left behind,
    the build is not failed for it. And a failed build reports its own error, not that of
    cleaning up after it."""
    out = tmp_path / "site"
    write_site({"stuck.html": b"old"}, out)
    real_unlink = os.unlink

    def unlink(path, *args, **kwargs):
        if str(path).endswith("stuck.html"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", unlink)
    write_site({"index.html": b"new", "stuck.html": b"new"}, out)
    assert (out / "index.html").read_bytes() == b"new"
    with pytest.raises(OutputError, match="outside the output folder"):
        write_site({"stuck.html": b"x", "zz/../../escape.html": b"x"}, out)  # after stuck.html is written
    assert (out / "index.html").read_bytes() == b"new"


def test_a_failed_swap_puts_the_previous_site_back(tmp_path, monkeypatch):
    out = tmp_path / "site"
    write_site({"index.html": b"v1"}, out)
    real_rename = Path.rename

    def rename(self, target):
        if Path(target) == out and self.name.startswith(".site.new-"):
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OSError, match="cross-device"):
        write_site({"index.html": b"v2"}, out)
    assert (out / "index.html").read_bytes() == b"v1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_file_written_twice_is_refused_and_nothing_replaced(tmp_path):
    """Two stages that would write the same path (a page and a data file) fail the build
    with the path named; the previous site stays."""
    out = tmp_path / "site"
    write_site({"index.html": b"v1"}, out)
    with pytest.raises(OutputError, match="two files would be written to data/x.json"):
        with Staging(out) as site:
            site.write("data/x.json", b"a")
            site.write("data/x.json", b"b")
    assert (out / "index.html").read_bytes() == b"v1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_files_another_process_wrote_are_adopted_once_each(tmp_path):
    """The search step writes its files into the staging folder itself (``write_into``) and
    says which: each must be there, and no name may be written twice over the whole site."""
    out = tmp_path / "site"
    with Staging(out) as site:
        write_into(site.folder, "assets/search/meta.json", b"{}")
        write_into(site.folder, "assets/search/t/0.json.gz", b"gz")
        site.adopt(["assets/search/meta.json", "assets/search/t/0.json.gz"])
        assert site.written == {"assets/search/meta.json", "assets/search/t/0.json.gz"}
        assert site.read("assets/search/meta.json") == b"{}"
        with pytest.raises(OutputError, match="two files would be written to assets/search/meta.json"):
            site.adopt(["assets/search/meta.json"])
        with pytest.raises(OutputError, match="a build step said it wrote assets/search/p/0.json.gz, which is not there"):
            site.adopt(["assets/search/p/0.json.gz"])
        with pytest.raises(OutputError, match="a.html is not written yet"):
            site.read("a.html")
        write_into(site.folder, "b.html", b"b")  # written there, but not adopted: not the site's yet
        with pytest.raises(OutputError, match="b.html is not written yet"):
            site.read("b.html")
    assert (out / "assets" / "search" / "t" / "0.json.gz").read_bytes() == b"gz"


def test_an_adopted_folder_is_not_a_file(tmp_path):
    with pytest.raises(OutputError, match="said it wrote assets, which is not there"):
        with Staging(tmp_path / "site") as site:
            write_into(site.folder, "assets/x.json", b"{}")
            site.adopt(["assets"])
