"""Moving panes and windows: break-pane, join-pane, move-window, swap-window, rotate-window."""

from __future__ import annotations

from ..runner import scenario
from .common import NEW

SCENARIOS: list = []
