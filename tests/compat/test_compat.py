"""Every scenario, run against tmux and tmuxpy: tmuxpy's transcript must equal tmux's.

tmux's transcript has tmuxpy's declared, deliberate differences put in first (each with its
reason, in the scenario); a scenario that still differs for a known tmuxpy bug is an xfail
whose reason starts "tmuxpy differs:", strict, so the fix that makes it pass says so.

Scenarios run eight at a time on two cores, so a program's timing (a shell's prompt not drawn
yet, tmux renaming a window on activity, tmux's own races) can make one run differ. A scenario
that differs is run once more, alone; it passes only if that run is the same as tmux's, and
the first difference is reported as a warning, so flaky scenarios stay visible.
"""

from __future__ import annotations

import difflib
import shutil
import tempfile
import warnings
from pathlib import Path

import pytest

from .runner import Comparison, run_scenario
from .scenarios import SCENARIOS


def params():
    for case in SCENARIOS:
        marks = [pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else []
        yield pytest.param(case, id=case.name, marks=marks)


def _diff(comparison: Comparison) -> str:
    return "".join(difflib.unified_diff(comparison.expected.splitlines(keepends=True),
                                        comparison.actual.splitlines(keepends=True), "tmux", "tmuxpy"))


@pytest.mark.xdist_group("compat")  # one worker runs them all: compat_runs is one session-wide run
@pytest.mark.parametrize("case", params())
def test_same_as_tmux(case, compat_runs):
    comparison = compat_runs[case.name].result()
    if comparison.actual == comparison.expected:
        return
    first = _diff(comparison)
    root = Path(tempfile.mkdtemp(prefix="tmuxpy-rerun-", dir="/tmp"))  # short: socket paths max out at 107
    try:
        again = run_scenario(case, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if again.actual != again.expected:
        pytest.fail(f"tmuxpy differs from tmux in {case.name}:\n{_diff(again)}", pytrace=False)
    warnings.warn(f"{case.name} differed once and was the same alone (timing?):\n{first}", stacklevel=1)
