"""Resize as tmux does it: wrapped lines reflow after resize-window, lines ended by a newline never join."""

from __future__ import annotations

from ..runner import scenario
from .common import NEW

SCENARIOS: list = []
