"""Server and client commands: kill-server, start-server, server-status,
list-clients, detach-client, display-message."""

from __future__ import annotations

import json

from tmux_py.commands.context import Context
from tmux_py.commands.entry import PANE, SESSION, Args, CommandEntry, Result
from tmux_py.commands.variables import variables
from tmux_py.format import expand

LIST_CLIENTS_FORMAT = "#{client_name}: #{session_name} [#{client_width}x#{client_height} #{client_termname}] (utf8)"


def kill_server(ctx: Context, args: Args) -> Result:
    ctx.daemon.request_shutdown("server exited")
    return Result(shutdown=True)


def start_server(ctx: Context, args: Args) -> None:
    """The CLI started the daemon (if needed) before sending this: nothing is left to do."""


def server_status(ctx: Context, args: Args) -> Result:
    status = ctx.daemon.status()
    if args.has("json"):
        return Result([json.dumps(status)])
    return Result([f"{key}: {value}" for key, value in status.items() if not isinstance(value, (list, dict))])


def list_clients(ctx: Context, args: Args) -> Result:
    template = args.value("F", LIST_CLIENTS_FORMAT)
    lines = []
    for client in ctx.daemon.attached_clients():
        values = variables(ctx, client.session)
        values.add(client.format_getters())
        lines.append(expand(template, values))
    return Result(lines)


def detach_client(ctx: Context, args: Args) -> None:
    if args.has("s"):
        ctx.daemon.detach_clients(ctx.require_target().session, reason="detached")
    elif ctx.client is not None:
        ctx.client.detach("detached")
    else:
        ctx.daemon.detach_clients(ctx.require_target().session, reason="detached")


def display_message(ctx: Context, args: Args) -> Result:
    target = ctx.require_target()
    template = args.value("F") or (" ".join(args.positional) if args.positional else None)
    if template is None:
        template = "[#{session_name}] #{window_index}:#{window_name}, current pane #{pane_index} - (%H:%M %d-%b-%y)"
    text = expand(template, variables(ctx, target.session, target.window, target.pane))
    if args.has("p") or ctx.client is None:
        return Result([text])
    ctx.client.show_message(text)
    return Result()


ENTRIES = (
    CommandEntry("kill-server", kill_server, help="end every session and the daemon"),
    CommandEntry("start-server", start_server, aliases=("start",), starts_server=True,
                 help="start the daemon if it is not running"),
    CommandEntry("server-status", server_status, long_flags=("json",), usage="[--json]",
                 help="the daemon's pid, version, state, uptime, sessions, clients, memory"),
    CommandEntry("list-clients", list_clients, aliases=("lsc",), flags="F:t:", target=SESSION,
                 usage="[-F format] [-t target-session]", help="list attached clients"),
    CommandEntry("detach-client", detach_client, aliases=("detach",), flags="as:t:", target=SESSION,
                 usage="[-a] [-s target-session] [-t target-client]", help="detach clients"),
    CommandEntry("display-message", display_message, aliases=("display",), flags="pF:t:", target=PANE,
                 max_args=1, usage="[-p] [-F format] [-t target-pane] [message]",
                 help="print a message, with formats expanded"),
)
