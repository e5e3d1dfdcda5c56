"""Moving panes and windows: break-pane, join-pane, move-pane, move-window, swap-window,
rotate-window.

The moves themselves are the model's (:class:`~tmux_py.server.model.Server`); these
handlers resolve the second target (``-s``, by default the marked pane for join-pane,
move-pane and swap-window, as tmux; and a ``-t`` that may name a free window index), then size the sessions a window left or joined for their attached clients, as
tmux's recalculate_sizes does.
"""

from __future__ import annotations

from tmux_py.commands.context import Context
from tmux_py.commands.entry import NO_TARGET, PANE, SESSION, WINDOW, Args, CommandEntry, Result
from tmux_py.commands.pane import size_argument
from tmux_py.commands.variables import variables
from tmux_py.format import expand

BREAK_PANE_FORMAT = "#{session_name}:#{window_index}.#{pane_index}"


def _fit(ctx: Context, *sessions) -> None:
    """A window that changed session takes its clients' size (a session nobody sees keeps sizes)."""
    for session in {session for session in sessions if session.id in ctx.server.sessions}:
        ctx.daemon.attachments.resize_session(session)


def _destination(ctx: Context, args: Args):
    """-t as a place for a window: (session, index or None); with -a just after the window
    there (a free index names none: the current window, as tmux), with -b just before it,
    moving the windows in the way up."""
    session, index = ctx.server.resolve_index(args.value("t"), ctx.current)
    if args.has("a") or args.has("b"):
        anchor = session.windows.get(index, session.current).index
        index = session.make_room(anchor if args.has("b") else anchor + 1)
    return session, index


def break_pane(ctx: Context, args: Args) -> Result:
    found = ctx.server.resolve(args.value("s"), PANE, ctx.current)
    pane, source, source_session = found.pane, found.window, found.session
    session, index = _destination(ctx, args)
    window = ctx.server.break_pane(pane, session, index, name=args.value("n"), select=not args.has("d"))
    _fit(ctx, source_session, session)
    # tmux 3.3a prints -P only for a new window: a window's only pane moves with it, silently.
    if args.has("P") and window is not source:
        template = args.value("F", BREAK_PANE_FORMAT)
        return Result([expand(template, variables(ctx, session, window, pane))])
    return Result()


def join_pane(ctx: Context, args: Args) -> None:
    target = ctx.require_target()
    pane = ctx.server.resolve_source(args.value("s"), PANE, ctx.current).pane
    size, percent = None, None
    if (given := size_argument(args, "l", "size")) is not None:
        size, percent = (None, given[0]) if given[1] else (given[0], None)
    ctx.server.join_pane(pane, target.pane, horizontal=args.has("h"), size=size, percent=percent,
                         before=args.has("b"), select=not args.has("d"))


def move_window(ctx: Context, args: Args) -> None:
    if args.has("r"):
        session = ctx.server.resolve(args.value("t"), SESSION, ctx.current).session
        session.renumber()
        ctx.server.changed(session.current)
        return
    window = ctx.server.resolve(args.value("s"), WINDOW, ctx.current).window  # never the marked one, as tmux
    source = window.session
    session, index = _destination(ctx, args)
    ctx.server.move_window(window, session, index, kill=args.has("k"), select=not args.has("d"))
    # tmux 3.3a renumbers the session left behind only when -s was not given (cmd-move-window.c).
    if not args.has("s") and source.id in ctx.server.sessions and source.options.get("renumber-windows"):
        source.renumber()
    _fit(ctx, source, session)


def swap_window(ctx: Context, args: Args) -> None:
    target = ctx.require_target()
    window = ctx.server.resolve_source(args.value("s"), WINDOW, ctx.current).window
    # tmux 3.3a selects the swapped places only *with* -d (its cmd-swap-window.c tests the
    # flag the other way round from its manual); scripts written against it rely on that.
    ctx.server.swap_windows(window, target.window, select=args.has("d"))
    _fit(ctx, window.session, target.window.session)


def rotate_window(ctx: Context, args: Args) -> None:
    ctx.require_target().window.rotate(downward=args.has("D"), keep_zoom=args.has("Z"))


#: What join-pane and move-pane both take.
_JOIN = dict(flags="bdhvl:s:t:", target=PANE, usage="[-bdhv] [-l size] [-s src-pane] [-t dst-pane]")

ENTRIES = (
    CommandEntry(
        "break-pane", break_pane, aliases=("breakp",), flags="abdPF:n:s:t:", target=NO_TARGET,
        usage="[-abdP] [-F format] [-n window-name] [-s src-pane] [-t dst-window]",
        help="move a pane into a window of its own",
    ),
    CommandEntry("join-pane", join_pane, aliases=("joinp",), help="move a pane beside another", **_JOIN),
    # tmux's move-pane is join-pane under another name (one cmd_entry each, one exec function).
    CommandEntry("move-pane", join_pane, aliases=("movep",), help="move a pane beside another (join-pane)", **_JOIN),
    CommandEntry(
        "move-window", move_window, aliases=("movew",), flags="abdkrs:t:", target=NO_TARGET,
        usage="[-abdkr] [-s src-window] [-t dst-window]",
        help="move a window to another index or session (-r: renumber a session's windows)",
    ),
    CommandEntry(
        "swap-window", swap_window, aliases=("swapw",), flags="ds:t:", target=WINDOW,
        usage="[-d] [-s src-window] [-t dst-window]", help="swap two windows",
    ),
    CommandEntry(
        "rotate-window", rotate_window, aliases=("rotatew",), flags="DUZt:", target=WINDOW,
        usage="[-DUZ] [-t target-window]", help="move every pane of a window round one place",
    ),
)
