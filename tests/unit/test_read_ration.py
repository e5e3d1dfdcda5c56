"""The read budget flooding panes share per event-loop turn (server/pane.py)."""

from __future__ import annotations

from tmux_py.server.pane import TURN_BUDGET, ReadRation


def test_flooding_panes_share_one_turns_budget() -> None:
    ration = ReadRation()
    assert ration.budget() == TURN_BUDGET, "a pane alone may use the whole budget"
    ration.throttled.update({"%1", "%2", "%3", "%4"})
    assert ration.budget() == TURN_BUDGET / 4, "four floods cost a turn what one does"
    ration.throttled.difference_update({"%2", "%3", "%4"})
    assert ration.budget() == TURN_BUDGET
