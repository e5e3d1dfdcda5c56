"""Every scenario, run against tmux and tmuxpy: tmuxpy's transcript must equal tmux's.

tmux's transcript has tmuxpy's declared, deliberate differences put in first (each with its
reason, in the scenario); a scenario that still differs for a known tmuxpy bug is an xfail
whose reason starts "tmuxpy differs:", strict, so the fix that makes it pass says so.
"""

from __future__ import annotations

import difflib

import pytest

from .scenarios import SCENARIOS


def params():
    for case in SCENARIOS:
        marks = [pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else []
        yield pytest.param(case, id=case.name, marks=marks)


@pytest.mark.parametrize("case", params())
def test_same_as_tmux(case, compat_runs):
    comparison = compat_runs[case.name].result()
    if comparison.actual != comparison.expected:
        diff = difflib.unified_diff(comparison.expected.splitlines(keepends=True),
                                    comparison.actual.splitlines(keepends=True), "tmux", "tmuxpy")
        pytest.fail(f"tmuxpy differs from tmux in {case.name}:\n{''.join(diff)}", pytrace=False)
