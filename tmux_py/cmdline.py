"""Command strings, as key bindings, the ``:`` prompt and config files write them.

``split-window -h -c '#{pane_current_path}'`` becomes the argv the command
table parses. Quoting follows the shell's rules, which tmux's own parser
shares for the cases bindings use. Pure: the client and the daemon both use it.
"""

from __future__ import annotations

import shlex


class CommandLineError(ValueError):
    """A command string that cannot be split (an unclosed quote, ...)."""


def split_command(command: str) -> list[str]:
    """The argv of one command string."""
    try:
        return shlex.split(command)
    except ValueError as error:
        raise CommandLineError(f"{command!r}: {error}") from None
