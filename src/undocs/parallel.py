"""One build step in a second process, while the first process goes on with the others.

The search index (lunr.py weighing every term of every paragraph) and the pages (rendering,
fidelity check) need only the enriched corpus and do not depend on each other: on a machine
with two cores, a large archive then builds in about the time of the longer of the two. The
worker is a ``fork`` of the build (it inherits the corpus, nothing is pickled on the way in);
only its result comes back. Without ``fork`` (not Linux/macOS) or with ``jobs=1``, the step
simply runs in the same process when its result is asked for.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from .errors import UndocsError

T = TypeVar("T")


class Deferred(Generic[T]):
    """``fn(*args)``, started now in a forked process (``jobs > 1``), or later in this one."""

    def __init__(self, fn: Callable[..., T], *args: Any, jobs: int = 1):
        self._fn, self._args = fn, args
        self._process: Any = None
        if jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            self._receive, send = context.Pipe(duplex=False)
            self._process = context.Process(target=_run, args=(send, fn, args), daemon=True)
            self._process.start()
            send.close()

    def result(self) -> T:
        """The step's value, or its exception raised here."""
        if self._process is None:
            return self._fn(*self._args)
        try:
            ok, value = self._receive.recv()
        except EOFError:
            raise UndocsError(f"the build step {self._fn.__name__} stopped without a result") from None
        finally:
            self._process.join()
        if ok:
            return value
        raise value


    def cancel(self) -> None:
        """Stop the worker (the build failed elsewhere): no orphan left computing or blocked."""
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()


def _run(send: Any, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    try:
        send.send((True, fn(*args)))
    except BaseException as e:  # noqa: BLE001 -- every failure goes back to the build, as itself
        try:
            send.send((False, e))
        except Exception:  # noqa: BLE001 -- an exception that cannot be pickled: its text
            send.send((False, UndocsError(f"{fn.__name__}: {e}")))
    finally:
        send.close()
