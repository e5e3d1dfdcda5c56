"""Options: each defined once, with its type, default and tmux name.

An :class:`OptionDef` says what values an option takes; :class:`Options`
holds the values set on top of the defaults. Values are checked on the way
in, so everything that reads an option gets the right type. Environment
variables named in a definition (``TMUXPY_...``) override the default, so a
daemon started by a test or a script can be tuned without a config file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


class OptionError(ValueError):
    """An unknown option or a value it does not take (tmux's wording)."""


@dataclass(frozen=True)
class OptionDef:
    name: str
    kind: type  # int, bool, str
    default: object
    minimum: int | None = None
    maximum: int | None = None
    env: str | None = None
    help: str = ""

    def parse(self, value: object) -> object:
        """The typed value of ``value`` (a string from a command line, or already typed)."""
        if self.kind is bool:
            if isinstance(value, bool):
                return value
            text = str(value).lower()
            if text in ("on", "yes", "1", "true"):
                return True
            if text in ("off", "no", "0", "false"):
                return False
            raise OptionError(f"value is invalid: {value}")
        if self.kind is int:
            try:
                number = int(value)
            except (TypeError, ValueError):
                raise OptionError(f"value is invalid: {value}") from None
            if self.minimum is not None and number < self.minimum:
                raise OptionError(f"value is too small: {value}")
            if self.maximum is not None and number > self.maximum:
                raise OptionError(f"value is too large: {value}")
            return number
        return str(value)


OPTION_DEFS = {
    option.name: option
    for option in (
        OptionDef("history-limit", int, 10_000, 0, 10_000_000, "TMUXPY_HISTORY_LIMIT",
                  "scrollback lines kept per pane"),
        OptionDef("default-shell", str, "", help="shell for new panes (else $SHELL, else /bin/sh)"),
        OptionDef("default-command", str, "", help="command for new panes (else the shell)"),
        OptionDef("default-terminal", str, "xterm-256color", help="TERM inside panes"),
        OptionDef("base-index", int, 0, 0, 10_000, help="index of a session's first window"),
        OptionDef("pane-base-index", int, 0, 0, 10_000, help="index of a window's first pane"),
        OptionDef("exit-empty", bool, True, help="the daemon exits when no session is left"),
        OptionDef("kill-grace", int, 5, 0, 3600, "TMUXPY_KILL_GRACE",
                  "seconds between SIGHUP and SIGKILL for a pane's processes on shutdown"),
        OptionDef("flow-threshold", int, 64 * 1024, 1024, 1 << 30, "TMUXPY_FLOW_THRESHOLD",
                  "bytes queued to a client before its updates pause and coalesce (yellow)"),
        OptionDef("flow-max-queue", int, 1024 * 1024, 1024, 1 << 30, "TMUXPY_FLOW_MAX_QUEUE",
                  "bytes queued to a client at which it is resynchronised (red)"),
        OptionDef("flow-auto-disconnect", bool, False, env="TMUXPY_FLOW_AUTO_DISCONNECT",
                  help="disconnect a red client (\"too slow\") instead of resynchronising it"),
        # Read by attached clients: set-option sends them the new values, applied live.
        OptionDef("prefix", str, "C-b", help="the key that starts a key binding"),
        OptionDef("mouse", bool, True, help="clicks select panes, the wheel scrolls, borders drag"),
        OptionDef("status", bool, True, help="show the status line"),
        OptionDef("status-right", str, "%H:%M %d-%b-%y", help="strftime text at the right of the status line"),
        OptionDef("theme", str, "dark", "TMUXPY_THEME", help="client colour theme (dark, light, nord, gruvbox, ...)"),
    )
}


class Options:
    """Option values: defaults, then environment overrides, then what was set."""

    def __init__(self) -> None:
        self._values: dict[str, object] = {}
        for option in OPTION_DEFS.values():
            if option.env and os.environ.get(option.env):
                self.set(option.name, os.environ[option.env])

    @staticmethod
    def definition(name: str) -> OptionDef:
        try:
            return OPTION_DEFS[name]
        except KeyError:
            raise OptionError(f"invalid option: {name}") from None

    def get(self, name: str) -> object:
        return self._values.get(name, self.definition(name).default)

    def set(self, name: str, value: object) -> None:
        self._values[name] = self.definition(name).parse(value)
