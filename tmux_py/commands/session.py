"""Session commands: new-session, attach-session, list-sessions, has-session,
kill-session, rename-session."""

from __future__ import annotations

import json

from tmux_py.commands.context import Context
from tmux_py.commands.entry import PANE, SESSION, Args, CommandEntry, CommandError, Result
from tmux_py.commands.environment import from_client, from_flags
from tmux_py.commands.variables import variables
from tmux_py.format import ctime, expand
from tmux_py.protocol import MAX_DIMENSION

LIST_SESSIONS_FORMAT = (
    "#{session_name}: #{session_windows} windows (created #{t:session_created})"
    "#{?session_attached, (attached),}"
)


def attach_result(ctx: Context, session) -> Result:
    if not ctx.tty:
        raise CommandError("open terminal failed: not a terminal")
    session.environment.update(from_client(session.options.get("update-environment"), ctx.environment))
    return Result(attach=session.id)


def new_session(ctx: Context, args: Args) -> Result:
    name = args.value("s")
    if args.has("A") and name is not None:
        existing = ctx.server.session_named(name)
        if existing is not None:
            return attach_result(ctx, existing)
    if not args.has("d") and not ctx.tty:
        raise CommandError("open terminal failed: not a terminal")
    session = ctx.server.new_session(
        name,
        args.positional,
        args.value("c", ctx.cwd),
        args.number("x", minimum=1, maximum=MAX_DIMENSION),
        args.number("y", minimum=1, maximum=MAX_DIMENSION),
        window_name=args.value("n"),
        # -e goes into the session's environment, as tmux's new-session (showenv -t lists it).
        environment={**from_client(ctx.server.options.get("update-environment"), ctx.environment),
                     **from_flags(args)},
    )
    result = Result()
    if args.has("P"):
        template = args.value("F", "#{session_name}:")
        window = session.current
        result.output.append(expand(template, variables(ctx, session, window, window.active)))
    if not args.has("d"):
        result.attach = session.id
    return result


def attach_session(ctx: Context, args: Args) -> Result:
    if not ctx.server.sessions:
        raise CommandError("no sessions")
    spec = args.value("t") or (args.positional[0] if args.positional else None)
    target = ctx.server.resolve(spec, SESSION, ctx.current)
    if args.has("d"):
        ctx.daemon.detach_clients(target.session, reason="detached")
    return attach_result(ctx, target.session)


def session_record(ctx: Context, session) -> dict:
    return {
        "id": session.id,
        "name": session.name,
        "windows": len(session.windows),
        "created": int(session.created),
        "created_text": ctime(session.created),
        "attached": ctx.daemon.attached_count(session),
        "width": session.columns,
        "height": session.lines,
    }


def list_sessions(ctx: Context, args: Args) -> Result:
    sessions = ctx.server.ordered_sessions()
    if args.has("json"):
        return Result([json.dumps([session_record(ctx, session) for session in sessions])])
    template = args.value("F", LIST_SESSIONS_FORMAT)
    # As tmux, a session's formats include its current window and pane.
    return Result([
        expand(template, variables(ctx, session, session.current, session.current.active)) for session in sessions
    ])


def has_session(ctx: Context, args: Args) -> None:
    """Nothing to print: resolving the target is the whole check; a window or pane it names
    must exist too (``has -t a:5``), as tmux looks them up."""
    spec = args.value("t")
    if spec and ":" in spec:
        ctx.server.resolve(spec, PANE, ctx.current)


def kill_session(ctx: Context, args: Args) -> None:
    target = ctx.require_target()
    if args.has("a"):
        for session in list(ctx.server.sessions.values()):
            if session is not target.session:
                ctx.server.kill_session(session)
        return
    ctx.server.kill_session(target.session)


def rename_session(ctx: Context, args: Args) -> None:
    ctx.server.rename_session(ctx.require_target().session, args.positional[0])


ENTRIES = (
    CommandEntry(
        "new-session", new_session, aliases=("new",), flags="AdPc:e:F:n:s:x:y:", max_args=None,
        usage="[-AdP] [-c start-directory] [-e environment] [-F format] [-n window-name] [-s session-name] "
              "[-x width] [-y height] [shell-command [argument ...]]",
        starts_server=True, help="create a session (and attach unless -d)",
    ),
    CommandEntry(
        "attach-session", attach_session, aliases=("attach", "a"), flags="dt:", max_args=1,
        usage="[-d] [-t target-session]", help="attach this terminal to a session",
    ),
    CommandEntry(
        "list-sessions", list_sessions, aliases=("ls",), flags="F:", long_flags=("json",),
        usage="[-F format] [--json]", help="list sessions",
    ),
    CommandEntry(
        "has-session", has_session, aliases=("has",), flags="t:", target=SESSION,
        usage="[-t target-session]", help="exit 0 if the session exists",
    ),
    CommandEntry(
        "kill-session", kill_session, flags="at:", target=SESSION,
        usage="[-a] [-t target-session]", help="end a session and every process in it",
    ),
    CommandEntry(
        "rename-session", rename_session, aliases=("rename",), flags="t:", target=SESSION,
        min_args=1, max_args=1, usage="[-t target-session] new-name", help="rename a session",
    ),
)
