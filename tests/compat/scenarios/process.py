"""A pane's program and environment: respawn-pane/-window, clear-history, pipe-pane, set/show-environment."""

from __future__ import annotations

from ..runner import scenario
from .common import NEW

SCENARIOS: list = []
