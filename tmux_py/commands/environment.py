"""The global and session environments: set-environment, show-environment."""

from __future__ import annotations

from tmux_py.commands.entry import CommandEntry

ENTRIES: tuple[CommandEntry, ...] = ()
