"""Window commands: new-window, list-windows, select-window, kill-window, resize-window."""

from __future__ import annotations

import json

from tmux_py.commands.context import Context
from tmux_py.commands.entry import SESSION, WINDOW, Args, CommandEntry, CommandError, Result
from tmux_py.commands.environment import from_flags
from tmux_py.commands.variables import variables
from tmux_py.format import expand
from tmux_py.protocol import MAX_DIMENSION

LIST_WINDOWS_FORMAT = (
    "#{window_index}: #{window_name}#{window_flags} (#{window_panes} panes) "
    "[#{window_width}x#{window_height}] [layout #{window_layout}] #{window_id}"
    "#{?window_active, (active),}"
)
LIST_ALL_WINDOWS_FORMAT = (
    "#{session_name}:#{window_index}: #{window_name}#{window_flags} (#{window_panes} panes) "
    "[#{window_width}x#{window_height}] "
)


def new_window(ctx: Context, args: Args) -> Result:
    target = ctx.require_target()
    index = None
    spec = args.value("t", "")
    if ":" in spec and spec.rpartition(":")[2].isdigit():
        index = int(spec.rpartition(":")[2])
    window = target.session.new_window(
        ctx.server.shell_argv(args.positional, target.session), args.value("c", ctx.cwd), index=index,
        name=args.value("n"), select=not args.has("d"), environment=from_flags(args),
    )
    if args.has("P"):
        template = args.value("F", "#{session_name}:#{window_index}.#{pane_index}")
        return Result([expand(template, variables(ctx, target.session, window, window.active))])
    return Result()


def window_record(window) -> dict:
    return {
        "id": window.id,
        "index": window.index,
        "name": window.name,
        "session": window.session.name,
        "panes": len(window.panes),
        "width": window.columns,
        "height": window.lines,
        "active": window is window.session.current,
        "zoomed": window.zoomed,
        "layout": window.layout.dump(),
    }


def list_windows(ctx: Context, args: Args) -> Result:
    if args.has("a"):
        windows = [window for session in ctx.server.ordered_sessions() for window in session.ordered_windows()]
        default = LIST_ALL_WINDOWS_FORMAT
    else:
        windows = ctx.require_target().session.ordered_windows()
        default = LIST_WINDOWS_FORMAT
    if args.has("json"):
        return Result([json.dumps([window_record(window) for window in windows])])
    template = args.value("F", default)
    return Result([expand(template, variables(ctx, window.session, window, window.active)) for window in windows])


def select_window(ctx: Context, args: Args) -> None:
    target = ctx.require_target()
    session = target.session
    window = target.window
    if args.has("l"):
        window = session.last_window
        if window is None:
            raise CommandError("no last window")
    elif args.has("n") or args.has("p"):
        ordered = session.ordered_windows()
        step = 1 if args.has("n") else -1
        window = ordered[(ordered.index(session.current) + step) % len(ordered)]
    session.select(window)


def kill_window(ctx: Context, args: Args) -> None:
    target = ctx.require_target()
    if args.has("a"):
        for window in target.session.ordered_windows():
            if window is not target.window:
                ctx.server.kill_window(window)
        return
    ctx.server.kill_window(target.window)


def resize_window(ctx: Context, args: Args) -> None:
    """The window keeps the size given: tmux sets its window-size to manual."""
    window = ctx.require_target().window
    columns = args.number("x", window.columns, minimum=1, maximum=MAX_DIMENSION)
    lines = args.number("y", window.lines, minimum=1, maximum=MAX_DIMENSION)
    window.options.set("window-size", "manual")
    window.resize(columns, lines)


ENTRIES = (
    CommandEntry(
        "new-window", new_window, aliases=("neww",), flags="dPc:e:F:n:t:", target=SESSION, max_args=None,
        usage="[-dP] [-c start-directory] [-e environment] [-F format] [-n window-name] [-t target-window] "
              "[shell-command [argument ...]]",
        help="create a window",
    ),
    CommandEntry(
        "list-windows", list_windows, aliases=("lsw",), flags="aF:t:", long_flags=("json",), target=SESSION,
        usage="[-a] [-F format] [-t target-session] [--json]", help="list windows",
    ),
    CommandEntry(
        "select-window", select_window, aliases=("selectw",), flags="lnpt:", target=WINDOW,
        usage="[-lnp] [-t target-window]", help="make a window current",
    ),
    CommandEntry(
        "kill-window", kill_window, aliases=("killw",), flags="at:", target=WINDOW,
        usage="[-a] [-t target-window]", help="end a window and its panes",
    ),
    CommandEntry(
        "resize-window", resize_window, aliases=("resizew",), flags="t:x:y:", target=WINDOW,
        usage="[-t target-window] [-x width] [-y height]", help="set a window's size",
    ),
)
