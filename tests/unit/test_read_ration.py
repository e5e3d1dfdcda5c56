"""The read budget flooding panes share per event-loop turn, and their holds (server/pane.py)."""

from __future__ import annotations

import asyncio
import time

from tmux_py.server.pane import HOLD_LIMIT, TURN_BUDGET, ReadRation


def test_flooding_panes_share_one_turns_budget() -> None:
    ration = ReadRation()
    assert ration.budget() == TURN_BUDGET, "a pane alone may use the whole budget"
    ration.throttled.update({"%1", "%2", "%3", "%4"})
    assert ration.budget() == TURN_BUDGET / 4, "four floods cost a turn what one does"
    ration.throttled.difference_update({"%2", "%3", "%4"})
    assert ration.budget() == TURN_BUDGET


def test_throttled_panes_step_aside_while_a_request_is_held() -> None:
    async def scenario() -> None:
        ration = ReadRation()
        ration.throttled.add("%1")
        resumed: list[str] = []
        assert not ration.step_aside("%1", lambda: resumed.append("%1")), "no hold: read as usual"
        first, second = ration.hold(), ration.hold()
        assert not ration.step_aside("%2", lambda: resumed.append("%2")), "a quiet pane is never held"
        assert ration.step_aside("%1", lambda: resumed.append("%1"))
        first()
        first()  # a second release of the same hold changes nothing
        assert resumed == [], "the other hold is still on"
        second()
        assert resumed == ["%1"]
        assert not ration.step_aside("%1", lambda: None)

    asyncio.run(scenario())


def test_a_hold_nobody_releases_ends_by_itself() -> None:
    async def scenario() -> None:
        ration = ReadRation()
        ration.throttled.add("%1")
        resumed = asyncio.Event()
        ration.hold()
        started = time.monotonic()
        assert ration.step_aside("%1", resumed.set)
        await asyncio.wait_for(resumed.wait(), 5)
        assert time.monotonic() - started >= HOLD_LIMIT * 0.9

    asyncio.run(scenario())
