"""The global and session environments: set-environment, show-environment.

An environment maps a name to a value, or to None: the variable is *removed*
(tmux's ``-NAME``), so new panes do not get it even if a wider environment
has it. A :class:`Hidden` value (``-h``) is kept for ``showenv -h`` and given
to no new process. The global environment is the daemon's own (``server.environment``,
what it started with); each session has its own over it
(``session.environment``); a new pane gets the global one, then the
session's. :func:`from_client` is tmux's update-environment: on new-session
and attach, the client's values of the names the option lists go to the
session.
"""

from __future__ import annotations

import fnmatch

from tmux_py.commands.context import Context
from tmux_py.commands.entry import SESSION, Args, CommandEntry, CommandError, Result
from tmux_py.commands.variables import expand_here

Environment = dict[str, "str | None"]


class Hidden(str):
    """A value set with -h: shown only by showenv -h, given to no new process (tmux's ENVIRON_HIDDEN)."""


def visible(environment: dict[str, str]) -> dict[str, str]:
    """What a new process gets of an environment: its values that are not hidden."""
    return {name: value for name, value in environment.items() if not isinstance(value, Hidden)}


def from_flags(args) -> dict[str, str]:
    """The command's ``-e NAME=value`` flags (new-session, new-window, split-window, respawn-pane);
    a word without ``=`` sets nothing, as tmux's environ_put."""
    return dict(item.split("=", 1) for item in args.values("e") if "=" in item)


def from_client(patterns: tuple[tuple[int, str], ...], client: dict[str, str]) -> Environment:
    """update-environment: the client's variables each pattern (fnmatch) names; a pattern that
    names none is marked removed, as tmux's environ_update. Nothing without a client environment
    (a config file or a key binding ran the command)."""
    update: Environment = {}
    if not client:
        return update
    for _, pattern in patterns:
        matched = {name: value for name, value in client.items() if fnmatch.fnmatchcase(name, pattern)}
        update.update(matched or {pattern: None})
    return update


def _environment(ctx: Context, args: Args) -> Environment:
    return ctx.server.environment if args.has("g") else ctx.require_target().session.environment


def set_environment(ctx: Context, args: Args) -> None:
    name = args.positional[0]
    value = args.positional[1] if len(args.positional) > 1 else None
    if not name:
        raise CommandError("empty variable name")
    if "=" in name:
        raise CommandError("variable name contains =")
    environment = _environment(ctx, args)
    if args.has("u"):
        if value is not None:
            raise CommandError("can't specify a value with -u")
        environment.pop(name, None)
    elif args.has("r"):
        if value is not None:
            raise CommandError("can't specify a value with -r")
        environment[name] = None
    elif value is None:
        raise CommandError("no value specified")
    else:
        if args.has("F"):
            value = expand_here(ctx, value)
        environment[name] = Hidden(value) if args.has("h") else value


def _shell_quoted(value: str) -> str:
    """A value inside double quotes for ``showenv -s``: tmux escapes ``$ ` " \\``."""
    return "".join("\\" + char if char in '$`"\\' else char for char in value)


def _line(name: str, value: str | None, shell: bool) -> str:
    if shell:
        return f"unset {name};" if value is None else f'{name}="{_shell_quoted(value)}"; export {name};'
    return f"-{name}" if value is None else f"{name}={value}"


def show_environment(ctx: Context, args: Args) -> Result:
    """The variables (or the one named), hidden ones only with -h and only then, as tmux."""
    environment = _environment(ctx, args)
    if args.positional and args.positional[0] not in environment:
        raise CommandError(f"unknown variable: {args.positional[0]}")
    names = args.positional or sorted(environment)
    return Result([_line(name, environment[name], args.has("s")) for name in names
                   if isinstance(environment[name], Hidden) == args.has("h")])


ENTRIES = (
    CommandEntry("set-environment", set_environment, aliases=("setenv",), flags="Fhgrut:", target=SESSION,
                 target_may_fail=True, min_args=1, max_args=2, usage="[-Fhgru] [-t target-session] name [value]",
                 help="set a variable for new panes, global (-g) or a session's (-u unset, -r removed, -h hidden)"),
    CommandEntry("show-environment", show_environment, aliases=("showenv",), flags="hgst:", target=SESSION,
                 target_may_fail=True, max_args=1, usage="[-hgs] [-t target-session] [name]",
                 help="print the global (-g) or a session's environment (-s: as shell commands)"),
)
