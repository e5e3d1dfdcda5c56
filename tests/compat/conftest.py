"""Fixtures for the compatibility suite: every selected scenario run in the background, in parallel.

A scenario needs two servers of its own, and tmuxpy's cost is Python's: most of a second to
start the daemon and about 0.1 s of start-up for every CLI call, where tmux takes milliseconds.
Run one after the other, the suite would take minutes; so the first compat test to run submits
every scenario this pytest run selected to a thread pool (the work is in subprocesses, so
threads overlap), and each test then waits for its own scenario's result. Each scenario runs
under its own directory, stops both its servers in a ``finally`` and leaves no process behind.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from .runner import Comparison, Scenario, run_scenario

#: Scenarios run at once: CLI calls are CPU-bound Python start-ups, polls and daemon starts wait.
WORKERS = max(2, min(8, 2 * (os.cpu_count() or 1)))


@pytest.fixture(scope="session")
def compat_runs(request) -> dict[str, Future[Comparison]]:
    """Scenario name -> the future of its comparison, for every scenario this run selected."""
    params = (getattr(getattr(item, "callspec", None), "params", {}) for item in request.session.items)
    selected = [value for param in params for value in param.values() if isinstance(value, Scenario)]
    root = Path(tempfile.mkdtemp(prefix="tmuxpy-compat-", dir="/tmp"))  # short: socket paths max out at 107
    pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="compat")
    futures = {case.name: pool.submit(run_scenario, case, root / str(number))
               for number, case in enumerate(selected)}
    try:
        yield futures
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(root, ignore_errors=True)
