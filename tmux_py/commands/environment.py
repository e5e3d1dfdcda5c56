"""The global and session environments: set-environment, show-environment.

An environment maps a name to a value, or to None: the variable is *removed*
(tmux's ``-NAME``), so new panes do not get it even if a wider environment
has it. The global environment is the daemon's own (``server.environment``,
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
from tmux_py.commands.variables import variables
from tmux_py.format import expand

Environment = dict[str, "str | None"]


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


def _hidden(args: Args) -> None:
    if args.has("h"):
        raise CommandError("hidden variables (-h) are not supported")


def set_environment(ctx: Context, args: Args) -> None:
    _hidden(args)
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
            target = ctx.require_target()
            value = expand(value, variables(ctx, target.session, target.window, target.pane))
        environment[name] = value


def _shell_quoted(value: str) -> str:
    """A value inside double quotes for ``showenv -s``: tmux escapes ``$ ` " \\``."""
    return "".join("\\" + char if char in '$`"\\' else char for char in value)


def _line(name: str, value: str | None, shell: bool) -> str:
    if shell:
        return f"unset {name};" if value is None else f'{name}="{_shell_quoted(value)}"; export {name};'
    return f"-{name}" if value is None else f"{name}={value}"


def show_environment(ctx: Context, args: Args) -> Result:
    if args.has("h"):
        return Result()  # tmuxpy keeps no hidden variables
    environment = _environment(ctx, args)
    if args.positional:
        name = args.positional[0]
        if name not in environment:
            raise CommandError(f"unknown variable: {name}")
        names = [name]
    else:
        names = sorted(environment)
    return Result([_line(name, environment[name], args.has("s")) for name in names])


ENTRIES = (
    CommandEntry("set-environment", set_environment, aliases=("setenv",), flags="Fhgrut:", target=SESSION,
                 min_args=1, max_args=2, usage="[-Fhgru] [-t target-session] name [value]",
                 help="set (-u unset, -r mark removed) a variable for new panes, global (-g) or a session's"),
    CommandEntry("show-environment", show_environment, aliases=("showenv",), flags="hgst:", target=SESSION,
                 max_args=1, usage="[-hgs] [-t target-session] [name]",
                 help="print the global (-g) or a session's environment (-s: as shell commands)"),
)
