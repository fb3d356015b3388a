"""A build step in a forked process (``undocs.parallel``): its value, or its error, comes back."""

from __future__ import annotations

import signal
import time

import pytest

from undocs.errors import SourceError
from undocs.parallel import Deferred


def _square_pid(n):
    import os

    return n * n, os.getpid()


def _fail(path):
    raise SourceError("a broken sidecar", path, 3)


def _sleep():
    time.sleep(60)


def test_value_comes_back_from_a_second_process():
    import os

    value, pid = Deferred(_square_pid, 7, jobs=2).result()
    assert value == 49 and pid != os.getpid()


def test_one_job_runs_in_this_process_when_asked():
    import os

    assert Deferred(_square_pid, 3, jobs=1).result() == (9, os.getpid())


def test_error_comes_back_as_itself():
    with pytest.raises(SourceError) as info:
        Deferred(_fail, "seeds/x.yaml", jobs=2).result()
    assert str(info.value) == "seeds/x.yaml:3: a broken sidecar"


def test_cancel_stops_the_worker():
    """The worker is stopped, not waited for: it ends by the signal ``cancel`` sends, long
    before its minute of sleep would be over."""
    step = Deferred(_sleep, jobs=2)
    step.cancel()
    assert not step._process.is_alive()
    assert step._process.exitcode == -signal.SIGTERM
