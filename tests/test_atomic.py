"""Atomic and safe output: a build that fails at any stage leaves the previous site as it was.

Each failure is simulated in-process (``undocs.cli.main``) on top of a good previous build:
the exit status is 1, stderr is one line, the previous output is byte-identical, no staging
folder is left beside it and nothing else appeared or changed in the folder around it. And
``--out`` is refused, before any work, for folders a build must never replace.
"""

from __future__ import annotations

import errno
import hashlib
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS
from undocs import cli, fidelity, output, pipeline
from undocs.errors import SourceError


def snapshot(folder: Path) -> dict[str, str]:
    """Every path under ``folder`` (sorted) with the digest of each file's bytes."""
    found = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        found[name] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A good build in a folder of its own: {parent}/site."""
    parent = tmp_path_factory.mktemp("atomic")
    out = parent / "site"
    assert cli.main(["--out", str(out)]) == 0
    return out


@pytest.fixture
def site(built, tmp_path):
    """A fresh copy of the good build, with a neighbour file that must not be touched."""
    out = tmp_path / "site"
    shutil.copytree(built, out)
    (tmp_path / "neighbour.txt").write_text("not ours")
    return out


def fails_cleanly(out: Path, capsys, argv: list[str] | None = None) -> str:
    """Run a build expected to fail; check everything a failure must leave as it was."""
    before = snapshot(out.parent)
    status = cli.main(["--out", str(out)] + (argv or []))
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert status == 1
    assert len(lines) == 1 and lines[0].startswith("error: "), captured.err
    assert "Traceback" not in captured.err
    assert snapshot(out.parent) == before  # previous output byte-identical, no staging, nothing new
    return lines[0]


def _raise(exc):
    def fail(*args, **kwargs):
        raise exc
    return fail


# --- a failure at each stage ----------------------------------------------------------------

STAGES = {
    "rendering (OSError)": ("render_pages", OSError(errno.EACCES, "Permission denied", "templates/document.html")),
    "rendering (UndocsError)": ("render_pages", SourceError("cannot render", "x.fr.txt", 3)),
    "data export": ("export_data", OSError(errno.EIO, "Input/output error", "data/corpus.json")),
    "static files": ("static_files", OSError(errno.ENOENT, "No such file or directory", "static/css/style.css")),
    "reading sources": ("discover", SourceError("not valid UTF-8", "x.fr.txt", 1)),
}


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_failure_in_a_stage_leaves_previous_output(stage, site, capsys, monkeypatch):
    name, exc = STAGES[stage]
    monkeypatch.setattr(pipeline, name, _raise(exc))
    line = fails_cleanly(site, capsys)
    assert (exc.filename if isinstance(exc, OSError) else exc.path) in line


def test_a_failure_after_some_pages_are_written_leaves_previous_output(site, capsys, monkeypatch):
    """Pages are written as they are rendered: a page that fails to render after others were
    written (into the staging folder) still leaves the previous site whole."""
    real = pipeline.render_pages
    written: list[str] = []

    def some_then_fail(*args, **kwargs):
        for n, (name, data) in enumerate(real(*args, **kwargs)):
            if n == 5:
                raise SourceError("cannot render", "x.fr.txt", 9)
            written.append(name)
            yield name, data

    monkeypatch.setattr(pipeline, "render_pages", some_then_fail)
    line = fails_cleanly(site, capsys)
    assert len(written) == 5 and "x.fr.txt:9" in line


def test_fidelity_loss_under_strict_leaves_previous_output(site, capsys, monkeypatch):
    monkeypatch.setattr(fidelity, "check", lambda document, text, page: fidelity.Loss(document.source_file, 7, "mot"))
    line = fails_cleanly(site, capsys, ["--strict"])
    assert line == "error: a-67-131.fr.txt:7: the word 'mot' of the source is missing from its page"


def _fail_on_call(monkeypatch, owner, attribute: str, call: int, exc: BaseException) -> list[int]:
    """Make ``owner.attribute`` raise ``exc`` on its ``call``-th call (1-based); returns the counter."""
    real = getattr(owner, attribute)
    count = [0]

    def wrapper(*args, **kwargs):
        count[0] += 1
        if count[0] == call:
            raise exc
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, attribute, wrapper)
    return count


def _files_in(out: Path) -> int:
    return sum(1 for p in out.rglob("*") if p.is_file())


@pytest.mark.parametrize("when", ["first", "second", "tenth", "middle", "last", "marker"])
def test_write_error_after_n_files_leaves_previous_output(when, site, capsys, monkeypatch):
    total = _files_in(site)  # the same build writes the same files, the marker last
    call = {"first": 1, "second": 2, "tenth": 10, "middle": total // 2, "last": total - 1, "marker": total}[when]
    count = _fail_on_call(monkeypatch, Path, "write_bytes", call, OSError(errno.ENOSPC, "No space left on device", "x"))
    # one process, so that one counter sees every write (with --jobs 2 the search files are
    # written by the second process: the next test)
    line = fails_cleanly(site, capsys, ["--jobs", "1"])
    assert count[0] == call
    assert "No space left on device" in line


@pytest.mark.parametrize("nth", [1, 5])
def test_write_error_in_the_search_process_leaves_previous_output(nth, site, capsys, monkeypatch):
    # The search files are written by the build's second process as they are made: a failure
    # there fails the build, and nothing is left behind (the staging folder, with what either
    # process wrote, is deleted only once the second process is stopped).
    real = output.write_into
    written: list[str] = []

    def failing(folder: Path, name: str, data: bytes) -> None:
        written.append(name)  # in the forked process: its own copy of the list
        if len(written) == nth:
            raise OSError(errno.ENOSPC, "No space left on device", name)
        real(folder, name, data)

    monkeypatch.setattr(pipeline, "write_into", failing)  # the writer the search step is given
    line = fails_cleanly(site, capsys, ["--jobs", "2"])
    assert "No space left on device" in line and "assets/search/" in line
    assert written == []  # the first process wrote none of them: the second did


def test_mkdir_error_leaves_previous_output(site, capsys, monkeypatch):
    _fail_on_call(monkeypatch, Path, "mkdir", 3, PermissionError(errno.EACCES, "Permission denied", "etats"))
    assert "Permission denied" in fails_cleanly(site, capsys)


@pytest.mark.parametrize("call", [1, 2], ids=["moving the old site aside", "moving the new site in"])
def test_rename_error_leaves_previous_output(call, site, capsys, monkeypatch):
    # write_site renames twice: the previous site aside, then the new one in its place; when
    # the second fails, the first is undone (the third call, which must succeed).
    count = _fail_on_call(monkeypatch, Path, "rename", call, OSError(errno.EXDEV, "Invalid cross-device link", "site"))
    assert "Invalid cross-device link" in fails_cleanly(site, capsys)
    assert count[0] == {1: 1, 2: 3}[call]


def test_interrupted_build_leaves_previous_output(site, monkeypatch):
    """Ctrl-C while writing: not one line (Python reports it), but the previous site is intact."""
    before = snapshot(site.parent)
    _fail_on_call(monkeypatch, Path, "write_bytes", 5, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        cli.main(["--out", str(site)])
    assert snapshot(site.parent) == before


def test_a_failure_on_the_first_build_leaves_nothing(tmp_path, capsys, monkeypatch):
    out = tmp_path / "site"
    _fail_on_call(monkeypatch, Path, "write_bytes", 4, OSError(errno.ENOSPC, "No space left on device", "x"))
    assert cli.main(["--out", str(out)]) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_a_good_build_writes_only_out(site, capsys):
    """Success: the site is replaced whole; beside it, nothing appeared or remained."""
    neighbours = {p.name for p in site.parent.iterdir()}
    assert cli.main(["--out", str(site)]) == 0
    assert {p.name for p in site.parent.iterdir()} == neighbours
    assert (site / output.MARKER).is_file()


# --- --out refusals -------------------------------------------------------------------------

def refused(out: Path, capsys, pattern: str, watch: Path) -> None:
    before = snapshot(watch) if watch.is_dir() else None
    status = cli.main(["--out", str(out)])
    err = capsys.readouterr().err
    assert status == 1, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and pattern in lines[0], err
    if before is not None:
        assert snapshot(watch) == before


def test_out_refuses_a_fake_home(tmp_path, capsys, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    assert Path.home() == home
    refused(home, capsys, "home directory", tmp_path)  # even empty: it is the home directory
    (home / ".bashrc").write_text("# mine")
    refused(home, capsys, "home directory", tmp_path)
    refused(tmp_path, capsys, "home directory", tmp_path)  # a folder that holds the home directory


def test_out_refuses_the_real_home(capsys):
    home = Path.home()
    if not home.is_dir() or (home / output.MARKER).exists():
        pytest.skip("no usable home directory")
    with pytest.raises(Exception):
        output.check_target(home)  # checked first, so that a regression cannot wipe it below
    status = cli.main(["--out", str(home)])
    assert status == 1 and "refusing" in capsys.readouterr().err


@pytest.mark.parametrize("target", ["repository root", "seeds", "a parent of seeds", "data", "templates", "filesystem root"])
def test_out_refuses_the_project_folders(target, capsys):
    out = {"repository root": ROOT, "seeds": SEEDS, "a parent of seeds": ROOT.parent, "data": ROOT / "data",
           "templates": ROOT / "templates", "filesystem root": Path("/")}[target]
    refused(out, capsys, "refusing to write the site", SEEDS)


def test_out_refuses_a_folder_inside_the_seeds(capsys):
    refused(SEEDS / "site", capsys, "refusing to write the site in or over", SEEDS)


def test_out_refuses_a_file_and_a_path_through_a_file(tmp_path, capsys):
    afile = tmp_path / "notes.txt"
    afile.write_text("keep me")
    refused(afile, capsys, "exists and is not a folder", tmp_path)
    refused(afile / "site", capsys, "notes.txt", tmp_path)
    assert afile.read_text() == "keep me"


def test_out_refuses_a_folder_that_is_not_a_previous_build(tmp_path, capsys):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.tex").write_text("years of work")
    refused(precious, capsys, "not a previous build output", tmp_path)


def test_no_file_is_written_outside_out(tmp_path):
    with pytest.raises(Exception, match="outside the output folder"):
        output.write_site({"a.html": b"a", "../escape.html": b"x", "/etc/x": b"x"}, tmp_path / "site")
    assert list(tmp_path.iterdir()) == []
