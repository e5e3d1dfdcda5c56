"""Flow control for one attached client: pacing, backpressure levels, counters.

What a client is owed is screen *state* (dirty line numbers per pane, kept by
``attached.py``), so nothing here queues: this module only decides *when* to
send and how to describe the client's health.

- Pacing: at most :data:`MAX_RATE` large updates a second. A small change
  (a keystroke's echo, a progress line: at most :data:`SMALL_UPDATE` lines)
  or any change after a quiet moment goes out at once; during a flood,
  changes made within one frame interval leave as one update with the
  latest lines.
- Levels, from the bytes queued on the client's socket (the transport's write
  buffer): **green** below the threshold; **yellow** above it (updates pause,
  lines stay marked and coalesce); **red** when the queue reaches its maximum
  or the client has not drained for :data:`RED_AFTER` seconds. Red drops the
  per-line marks for a full redraw once the client drains (a *resync*), or,
  with auto-disconnect on, ends the client with the reason "too slow".

Thresholds come from the options table (``flow-threshold``,
``flow-max-queue``, ``flow-auto-disconnect``, also settable through
``TMUXPY_FLOW_THRESHOLD``, ``TMUXPY_FLOW_MAX_QUEUE``, ``TMUXPY_FLOW_AUTO_DISCONNECT``).
"""

from __future__ import annotations

import time
from collections.abc import Callable

#: Most screen updates a client is sent per second.
MAX_RATE = 60
FRAME_INTERVAL = 1.0 / MAX_RATE
#: Updates of at most this many lines are never held back: echo latency matters more.
SMALL_UPDATE = 4
#: A client that has not drained below the threshold for this long is red.
RED_AFTER = 2.0

GREEN, YELLOW, RED = "green", "yellow", "red"


class Flow:
    """Pacing and backpressure state of one client."""

    def __init__(self, threshold: int, max_queue: int, auto_disconnect: bool,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.threshold = threshold
        self.max_queue = max(max_queue, threshold)
        self.auto_disconnect = auto_disconnect
        self._clock = clock
        self.level = GREEN
        self.queued = 0
        self.updates_sent = 0
        self.bytes_sent = 0
        self.coalesced = 0
        self.resyncs = 0
        self.level_changes = 0
        self._last_send = float("-inf")
        self._congested_since: float | None = None

    # --- pacing ---------------------------------------------------------------

    def delay(self, lines_owed: int) -> float:
        """Seconds to wait before an update of ``lines_owed`` lines may go (0: now)."""
        if lines_owed <= SMALL_UPDATE:
            return 0.0
        return max(0.0, self._last_send + FRAME_INTERVAL - self._clock())

    def sent(self, updates: int, size: int) -> None:
        self._last_send = self._clock()
        self.updates_sent += updates
        self.bytes_sent += size

    def merged(self, lines: int) -> None:
        """``lines`` changes landed on lines already waiting to be sent: coalesced."""
        self.coalesced += lines

    # --- levels ---------------------------------------------------------------

    def observe(self, queued: int) -> str | None:
        """Take the socket's queued bytes; the new level if it changed, else None."""
        self.queued = queued
        now = self._clock()
        if queued <= self.threshold:
            self._congested_since = None
            level = GREEN
        else:
            if self._congested_since is None:
                self._congested_since = now
            stuck = now - self._congested_since >= RED_AFTER
            level = RED if queued >= self.max_queue or stuck or self.level == RED else YELLOW
        if level == RED and self.level != RED:
            self.resyncs += 1
        if level != self.level:
            self.level = level
            self.level_changes += 1
            return level
        return None

    @property
    def congested(self) -> bool:
        """Screen updates must wait (marks stay and coalesce)."""
        return self.level != GREEN

    @property
    def too_slow(self) -> bool:
        """Red with auto-disconnect on: the client is to be dropped."""
        return self.level == RED and self.auto_disconnect

    def stats(self) -> dict:
        return {
            "level": self.level,
            "queued": self.queued,
            "updates_sent": self.updates_sent,
            "bytes_sent": self.bytes_sent,
            "coalesced": self.coalesced,
            "resyncs": self.resyncs,
        }
