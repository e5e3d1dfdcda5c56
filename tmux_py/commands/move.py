"""Moving panes and windows: break-pane, join-pane, move-pane, move-window, swap-window,
rotate-window."""

from __future__ import annotations

from tmux_py.commands.entry import CommandEntry

ENTRIES: tuple[CommandEntry, ...] = ()
