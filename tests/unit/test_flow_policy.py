"""Flow policy: pacing and backpressure levels, with a clock the test moves."""

from __future__ import annotations

import pytest

from tmux_py.server.flow import FRAME_INTERVAL, GREEN, RED, RED_AFTER, SMALL_UPDATE, YELLOW, Flow


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


def test_first_update_after_quiet_goes_at_once_then_paced(clock):
    flow = Flow(1000, 10_000, False, clock)
    assert flow.delay(30) == 0
    flow.sent(1, 100)
    assert flow.delay(30) == pytest.approx(FRAME_INTERVAL)
    clock.now += FRAME_INTERVAL / 2
    assert flow.delay(30) == pytest.approx(FRAME_INTERVAL / 2)
    clock.now += FRAME_INTERVAL
    assert flow.delay(30) == 0


def test_small_updates_are_never_held_back(clock):
    flow = Flow(1000, 10_000, False, clock)
    flow.sent(1, 100)
    assert flow.delay(SMALL_UPDATE) == 0  # a keystroke's echo right after another
    assert flow.delay(SMALL_UPDATE + 1) > 0
    assert (flow.updates_sent, flow.bytes_sent) == (1, 100)


def test_levels_follow_the_queue(clock):
    flow = Flow(1000, 10_000, False, clock)
    assert flow.observe(500) is None and flow.level == GREEN and not flow.congested
    assert flow.observe(1500) == YELLOW and flow.congested
    assert flow.observe(5000) is None
    assert flow.observe(10_000) == RED and flow.resyncs == 1
    assert flow.observe(5000) is None and flow.level == RED  # red holds until drained
    assert flow.observe(800) == GREEN and not flow.congested
    assert flow.level_changes == 3


def test_a_client_that_never_drains_turns_red(clock):
    flow = Flow(1000, 10_000, False, clock)
    flow.observe(2000)
    clock.now += RED_AFTER - 0.1
    assert flow.observe(2000) is None and flow.level == YELLOW
    clock.now += 0.2
    assert flow.observe(2000) == RED


def test_auto_disconnect_only_when_red(clock):
    flow = Flow(1000, 10_000, True, clock)
    flow.observe(2000)
    assert not flow.too_slow
    flow.observe(20_000)
    assert flow.too_slow


def test_stats_report_counters(clock):
    flow = Flow(1000, 10_000, False, clock)
    flow.sent(3, 300)
    flow.merged(7)
    flow.observe(1500)
    assert flow.stats() == {"level": YELLOW, "queued": 1500, "updates_sent": 3, "bytes_sent": 300,
                            "coalesced": 7, "resyncs": 0}
