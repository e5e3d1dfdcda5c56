"""Server and client commands: kill-server, start-server, server-status,
list-clients, detach-client, display-message, list-commands."""

from __future__ import annotations

import json
import time

from tmux_py.commands.context import Context
from tmux_py.commands.client import choose, find_client, target_client
from tmux_py.commands.entry import PANE, SESSION, Args, CommandEntry, CommandError, Result
from tmux_py.commands.variables import variables
from tmux_py.format import Variables, expand

LIST_COMMANDS_FORMAT = "#{command_list_name}#{?command_list_alias, (#{command_list_alias}),} #{command_list_usage}"
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
    """Every attached client, or with -t those of one session."""
    template = args.value("F", LIST_CLIENTS_FORMAT)
    clients = ctx.daemon.clients_of(ctx.require_target().session) if args.has("t") else ctx.daemon.attached_clients()
    return Result([_client_line(ctx, client, template) for client in clients])


def _client_line(ctx: Context, client, template: str) -> str:
    values = variables(ctx, client.session)
    values.add(client.format_getters())
    return expand(template, values)


def show_messages(ctx: Context, args: Args) -> Result:
    """The message log, newest first, each line ``HH:MM: text`` (tmux's ``#{t/p:message_time}``
    for a daemon up less than a day; then ``%a%d``). As tmux, it needs a client attached, and
    the log holds what clients ran and were shown. -J and -T (tmux's jobs and terminal
    descriptions) list nothing: tmuxpy keeps neither."""
    target_client(ctx)  # as tmux, it wants a client, though it prints to the caller
    if args.has("J") or args.has("T"):
        return Result()
    now = time.time()
    return Result([f"{time.strftime('%H:%M' if now - when < 86400 else '%a%d', time.localtime(when))}: {text}"
                   for when, text in reversed(ctx.daemon.messages)])


def choose_client(ctx: Context, args: Args) -> None:
    """The attached clients to pick one from; picking runs the template with ``%%`` its name
    (tmux's default detaches it)."""
    choices = [(_client_line(ctx, client, LIST_CLIENTS_FORMAT), client.name)
               for client in ctx.daemon.attached_clients()]
    choose(ctx, "clients", args.positional[0] if args.positional else "detach-client -t '%%'",
           choices[::-1] if args.has("r") else choices)


def detach_client(ctx: Context, args: Args) -> None:
    """-t names a client (list-clients' name: its tty, or client-PID) as tmux's target-client,
    or, tmuxpy's leniency, a session whose clients all go; -s a session, -a all clients but this."""
    named = find_client(ctx, args.value("t")) if args.has("t") else None
    if named is not None and not args.has("s"):
        named.detach("detached")
        return
    if ctx.target is None:
        raise CommandError(ctx.target_error)
    if args.has("s"):
        ctx.daemon.detach_clients(ctx.require_target().session, reason="detached")
    elif ctx.client is not None:
        ctx.client.detach("detached")
    else:
        ctx.daemon.detach_clients(ctx.require_target().session, reason="detached")


def display_message(ctx: Context, args: Args) -> Result:
    """Print (-p) or show a message; with no session, formats expand for the server alone,
    as tmux's ``display -p '#{pid}'`` works on a server with no sessions."""
    target = ctx.target
    template = args.value("F") or (" ".join(args.positional) if args.positional else None)
    if template is None:
        template = "[#{session_name}] #{window_index}:#{window_name}, current pane #{pane_index} - (%H:%M %d-%b-%y)"
    # As tmux's format_expand_time: strftime first, so a % in a variable's value stays.
    scope = (target.session, target.window, target.pane) if target else ()
    text = expand(template, variables(ctx, *scope), timed=True)
    client = None if args.has("p") else ctx.attached_client()
    if client is None:  # no client to show it on: the caller gets it (tmux prints nothing)
        return Result([text])
    client.show_message(text)
    return Result()


def command_list(template: str | None, wanted: str | None) -> list[str]:
    """Every command (or the one whose name or alias is exactly ``wanted``), by name, as tmux.

    Needs no daemon: the CLI answers list-commands itself when none is running, as tmux does.
    """
    from tmux_py.commands import COMMANDS

    lines = []
    for entry in sorted(COMMANDS, key=lambda entry: entry.name):
        if wanted is None or wanted == entry.name or wanted in entry.aliases:
            values = Variables({
                "command_list_name": lambda entry=entry: entry.name,
                "command_list_alias": lambda entry=entry: ", ".join(entry.aliases),
                "command_list_usage": lambda entry=entry: entry.usage,
            })
            lines.append(expand(template or LIST_COMMANDS_FORMAT, values).rstrip())
    return lines


def list_commands(ctx: Context, args: Args) -> Result:
    return Result(command_list(args.value("F"), args.positional[0] if args.positional else None))


ENTRIES = (
    CommandEntry("kill-server", kill_server, help="end every session and the daemon"),
    CommandEntry("start-server", start_server, aliases=("start",), starts_server=True,
                 help="start the daemon if it is not running"),
    CommandEntry("server-status", server_status, long_flags=("json",), usage="[--json]",
                 help="the daemon's pid, version, state, uptime, sessions, clients, memory"),
    CommandEntry("list-clients", list_clients, aliases=("lsc",), flags="F:t:", target=SESSION,
                 usage="[-F format] [-t target-session]", help="list attached clients"),
    CommandEntry("choose-client", choose_client, flags="NrZt:", target=PANE, max_args=1,
                 usage="[-NrZ] [-t target-pane] [template]", help="pick an attached client (and detach it)"),
    CommandEntry("detach-client", detach_client, aliases=("detach",), flags="as:t:", target=SESSION,
                 target_may_fail=True,
                 usage="[-a] [-s target-session] [-t target-client]", help="detach clients"),
    CommandEntry("show-messages", show_messages, aliases=("showmsgs",), flags="JTt:", target=SESSION,
                 usage="[-JT] [-t target-client]", help="the messages clients were shown and the commands they ran"),
    CommandEntry("display-message", display_message, aliases=("display",), flags="pF:t:", target=PANE,
                 target_may_fail=True, max_args=1, usage="[-p] [-F format] [-t target-pane] [message]",
                 help="print a message, with formats expanded"),
    CommandEntry("list-commands", list_commands, aliases=("lscm",), flags="F:", max_args=1,
                 usage="[-F format] [command]", help="list commands and their usage"),
)
