"""Writing the site: all or nothing, and never over something that is not ours.

The new site is written to a temporary folder beside ``--out`` and swapped in with two
renames only once every file is written, so a failed build leaves the previous output as it
was. A folder is replaced only if it is empty or carries the marker file a previous build
wrote: ``--out ~`` or ``--out seeds`` is refused, not wiped.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath

from .errors import OutputError

MARKER = ".undocs-build"
MARKER_TEXT = b"This folder is the output of an undocs build; the next build replaces it whole.\n"


def check_target(out: Path, protected: tuple[Path, ...] = (), sources: tuple[Path, ...] = ()) -> None:
    """Refuse an output folder that a build must not replace (before any work is done).

    Refused: a ``protected`` folder (the project, the working directory) or a folder that
    contains one; a folder inside, equal to or containing one of ``sources`` (seeds, data,
    templates: a build must not write among its own inputs); the home directory or a folder
    that contains it; a file; a non-empty folder without the marker of a previous build.
    """
    out = out.resolve()
    for path in protected:
        path = path.resolve()
        if out == path or out in path.parents:
            raise OutputError(f"refusing to write the site over {path} (it holds the project's sources)", out)
    for path in sources:
        path = path.resolve()
        if out == path or out in path.parents or path in out.parents:
            raise OutputError(f"refusing to write the site in or over {path} (one of the build's inputs)", out)
    home = _home()
    if home is not None and (out == home or out in home.parents):
        raise OutputError(f"refusing to write the site over the home directory {home}", out)
    if out.exists() and not out.is_dir():
        raise OutputError("exists and is not a folder", out)
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise OutputError(f"refusing to replace a folder that is not a previous build output (no {MARKER} in it)", out)


def _home() -> Path | None:
    try:
        return Path.home().resolve()
    except (KeyError, RuntimeError, OSError):  # no HOME and no passwd entry
        return None


def _safe_relative(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or not path.parts or any(part in ("", ".", "..") for part in path.parts):
        raise OutputError(f"refusing to write outside the output folder: {name!r}")
    return path


def _target(folder: Path, name: str) -> Path:
    """Where the site file ``name`` (a relative POSIX path, never outside it) is under ``folder``."""
    return folder.joinpath(*_safe_relative(name).parts)


def write_into(folder: Path, name: str, data: bytes) -> None:
    """Write one file under ``folder`` at ``name`` (a relative POSIX path, never outside it)."""
    target = _target(folder, name)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


class Staging:
    """The new site, written file by file into a hidden folder beside ``out`` as the build makes
    it (no page is held in memory once written), then swapped in by :meth:`commit`.

    Use it as a context manager: leaving the block normally commits; an exception (a failed
    stage, Ctrl-C) deletes the staging folder and leaves the previous output as it was.
    """

    def __init__(self, out: Path, protected: tuple[Path, ...] = (), sources: tuple[Path, ...] = ()) -> None:
        check_target(out, protected, sources)
        self.out = out.resolve()
        self._guard = (protected, sources)
        self.written: set[str] = set()  # every file written (relative path), once
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.folder = Path(tempfile.mkdtemp(prefix=f".{self.out.name}.new-", dir=self.out.parent))

    def write(self, name: str, data: bytes) -> None:
        """Write one file of the site (a relative POSIX path; each name once)."""
        if name in self.written:
            raise OutputError(f"two files would be written to {name}")
        write_into(self.folder, name, data)
        self.written.add(name)

    def adopt(self, names: list[str]) -> None:
        """Count as written the files another process wrote into :attr:`folder` with
        :func:`write_into` (the build's search step), each name once over the whole site."""
        for name in names:
            if name in self.written:
                raise OutputError(f"two files would be written to {name}")
            if not _target(self.folder, name).is_file():
                raise OutputError(f"a build step said it wrote {name}, which is not there")
            self.written.add(name)

    def read(self, name: str) -> bytes:
        """A file already written to the new site."""
        if name not in self.written:
            raise OutputError(f"{name} is not written yet")
        return _target(self.folder, name).read_bytes()

    def commit(self) -> None:
        """Put the new site in place of ``out`` (two renames; the old site is then deleted)."""
        check_target(self.out, *self._guard)  # the folder may have changed during the build
        (self.folder / MARKER).write_bytes(MARKER_TEXT)
        os.chmod(self.folder, 0o755)
        out = self.out
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
            old.rmdir()
            out.rename(old)
            try:
                self.folder.rename(out)
            except BaseException:
                old.rename(out)  # put the previous site back before reporting the failure
                raise
            # The new site is in place: failing to delete the old one is not a failed build.
            shutil.rmtree(old, ignore_errors=True)
        else:
            self.folder.rename(out)

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is not None:
            self.discard()
            return
        try:
            self.commit()
        except BaseException:
            self.discard()
            raise


def write_site(
    files: dict[str, bytes], out: Path, protected: tuple[Path, ...] = (), sources: tuple[Path, ...] = ()
) -> None:
    """Write ``files`` (relative path -> bytes) as the whole content of ``out``, atomically."""
    with Staging(out, protected, sources) as site:
        for name in sorted(files):
            site.write(name, files[name])
