"""A pane's program and its output: respawn-pane, respawn-window, clear-history, pipe-pane."""

from __future__ import annotations

from tmux_py.commands.entry import CommandEntry

ENTRIES: tuple[CommandEntry, ...] = ()
