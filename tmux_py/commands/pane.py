"""Pane commands: split-window, list-panes, select-pane, kill-pane, resize-pane,
send-keys, capture-pane."""

from __future__ import annotations

import json

from tmux_py.commands.context import Context
from tmux_py.commands.entry import PANE, WINDOW, Args, CommandEntry, CommandError, Result
from tmux_py.commands.environment import from_flags
from tmux_py.commands.variables import expand_here, variables
from tmux_py.format import expand
from tmux_py.server.layout import LayoutError

#: tmux's list-panes formats: the pane, then who it is (-s adds the window, -a the session too).
PANE_DESCRIPTION = (
    "[#{pane_width}x#{pane_height}] [history #{history_size}/#{history_limit}, #{history_bytes} bytes] "
    "#{pane_id}#{?pane_active, (active),}#{?pane_dead, (dead),}"
)
LIST_PANES_FORMAT = "#{pane_index}: " + PANE_DESCRIPTION
LIST_SESSION_PANES_FORMAT = "#{window_index}.#{pane_index}: " + PANE_DESCRIPTION
LIST_ALL_PANES_FORMAT = "#{session_name}:#{window_index}.#{pane_index}: " + PANE_DESCRIPTION
DIRECTIONS = "LRUD"


def _count(text: str, name: str) -> int:
    """A whole number from 0 up, as tmux's strtonum reads one; errors ``<name> invalid`` and
    ``<name> too small``."""
    try:
        value = int(text)
    except ValueError:
        raise CommandError(f"{name} invalid") from None
    if value < 0:
        raise CommandError(f"{name} too small")
    return value


def size_argument(args: Args, flag: str, name: str) -> tuple[int, bool] | None:
    """A size flag as tmux's args_percentage reads it: (cells, False), or (N, True) for ``N%``.
    Errors are tmux's: ``<name> invalid``, ``<name> too small``, ``<name> too large``."""
    text = args.value(flag)
    if text is None:
        return None
    percent = text.endswith("%")
    value = _count(text[:-1] if percent else text, name)
    if percent and value > 100:
        raise CommandError(f"{name} too large")
    return value, percent


def _cells(size: tuple[int, bool], extent: int) -> int:
    """A :func:`size_argument` in cells, a percentage taken of ``extent``."""
    value, percent = size
    return extent * value // 100 if percent else value


def split_window(ctx: Context, args: Args) -> Result:
    target = ctx.require_target()
    # tmux 3.3a's split-window reads its sizes itself (not as resize-pane does): -l wins over
    # -p, and a percentage over 100 is taken (the new pane gets all but a cell).
    size = percent = None
    text = args.value("l")
    if text is not None and text.endswith("%"):
        percent = _count(text[:-1], "percentage")
    elif text is not None:
        size = _count(text, "lines")
    elif args.has("p"):
        percent = _count(args.value("p"), "create pane failed: -p")
    pane = target.window.split(
        target.pane, ctx.server.shell_argv(args.positional, target.session), args.value("c", ctx.cwd),
        horizontal=args.has("h"), size=size, percent=percent, before=args.has("b"), full=args.has("f"),
        environment=from_flags(args),
    )
    if args.has("d"):
        target.window.select(target.pane)
    if args.has("P"):
        template = args.value("F", "#{session_name}:#{window_index}.#{pane_index}")
        return Result([expand(template, variables(ctx, target.session, target.window, pane))])
    return Result()


def pane_record(ctx: Context, window, pane) -> dict:
    x, y, columns, lines = window.place(pane)
    return {
        "id": pane.id,
        "index": window.pane_number(pane),
        "session": window.session.name,
        "window": window.index,
        "pid": pane.pid,
        "x": x, "y": y, "width": columns, "height": lines,
        "active": pane is window.active,
        "title": pane.title,
        "command": pane.current_command(),
        "history_size": pane.emulator.history_size,
        "bytes_read": pane.bytes_read,
    }


def list_panes(ctx: Context, args: Args) -> Result:
    target = ctx.require_target()
    if args.has("a"):
        windows = [window for session in ctx.server.ordered_sessions() for window in session.ordered_windows()]
        default = LIST_ALL_PANES_FORMAT
    elif args.has("s"):
        windows = target.session.ordered_windows()
        default = LIST_SESSION_PANES_FORMAT
    else:
        windows = [target.window]
        default = LIST_PANES_FORMAT
    pairs = [(window, pane) for window in windows for pane in window.ordered_panes()]
    if args.has("json"):
        return Result([json.dumps([pane_record(ctx, window, pane) for window, pane in pairs])])
    template = args.value("F", default)
    return Result([expand(template, variables(ctx, window.session, window, pane)) for window, pane in pairs])


def select_pane(ctx: Context, args: Args) -> None:
    """Make a pane active: the target, the last one (-l), or the target's neighbour (-DLRU).
    -m marks the target instead (or clears the mark, if it is the marked one; a pane a zoom
    hides is left alone), -M clears the mark: neither selects, as tmux 3.3a."""
    target = ctx.require_target()
    window, pane = target.window, target.pane
    if args.has("l"):
        pane = window.pane_to_go_back_to()
        if pane is None:
            raise CommandError("no last pane")
    elif args.has("m") or args.has("M"):
        if args.has("m") and window.zoomed and pane is not window.active:
            return
        marked = ctx.server.marked
        if args.has("M") or (marked is not None and (marked.session, marked.pane) == (target.session, pane)):
            ctx.server.mark(None)
        else:
            ctx.server.mark(target)
        return
    for direction in DIRECTIONS:
        if args.has(direction):
            neighbour = window.layout.neighbour(pane.id, direction,
                                                recent=ctx.server.most_recent_first(window.ordered_panes()))
            if neighbour is None:
                return
            pane = window.panes[neighbour]
    window.select(pane)


def kill_pane(ctx: Context, args: Args) -> None:
    target = ctx.require_target()
    if args.has("a"):
        for pane in target.window.ordered_panes():
            if pane is not target.pane:
                ctx.server.kill_pane(pane)
        return
    ctx.server.kill_pane(target.pane)


def resize_pane(ctx: Context, args: Args) -> None:
    target = ctx.require_target()
    window, pane = target.window, target.pane
    if args.has("Z"):
        window.zoomed = not window.zoomed and len(window.panes) > 1
        if window.zoomed:
            window.active = pane
        window.apply_geometry()
        return
    adjustment = 1
    if args.positional:
        adjustment = _count(args.positional[0], "adjustment")
        if adjustment < 1:
            raise CommandError("adjustment too small")
    try:
        # As tmux: -x takes effect before -y is read, and N% is of the window.
        width = size_argument(args, "x", "width")
        if width is not None:
            window.layout.set_pane_size(pane.id, columns=_cells(width, window.columns))
        height = size_argument(args, "y", "height")
        if height is not None:
            window.layout.set_pane_size(pane.id, lines=_cells(height, window.lines))
        for direction in DIRECTIONS:
            if args.has(direction):
                window.layout.resize_pane(pane.id, direction, adjustment)
    except LayoutError as error:
        raise CommandError(str(error)) from None
    window.apply_geometry()


def _to_copy_mode(ctx: Context, pane, args: Args) -> None:
    """send-keys -X: the command to the copy mode a client shows ``pane`` in."""
    shown = ctx.daemon.in_mode(pane.id, "copy-mode")
    if shown is None:
        raise CommandError("not in a mode")
    client = shown[0]
    words = [expand_here(ctx, word) for word in args.positional] if args.has("F") else list(args.positional)
    count = ["-N", args.value("N")] if args.has("N") else []
    client.ui("copy-command", pane=pane.id, argv=["send-keys", "-X", *count, *words])


def send_keys(ctx: Context, args: Args) -> None:
    """Keys to a pane (-N times), and to the rest of its window with synchronize-panes (as tmux 3.3a).

    ``-X`` commands act on copy mode, which runs in tmuxpy's client: they go to a client that
    shows the pane in copy mode (it said so: protocol.Mode), with -F's formats expanded here."""
    pane = ctx.require_target().pane
    count = args.number("N", 1, minimum=1)
    if args.has("X"):
        _to_copy_mode(ctx, pane, args)
        return
    if args.has("H"):
        try:
            data = bytes(int(word, 16) for word in args.positional)
        except ValueError:
            raise CommandError("invalid hex: " + " ".join(args.positional)) from None
    elif args.has("l"):
        data = "".join(args.positional).encode()
    else:
        pane.send_keys(args.positional * count)
        return
    for each in (pane, *pane.sync_peers()):
        each.write(data * count)


def _line_number(text: str | None, flag: str) -> int | None:
    if text is None:
        return None
    try:
        return int(text)
    except ValueError:
        raise CommandError(f"invalid {flag} line: {text}") from None


def capture_pane(ctx: Context, args: Args) -> Result:
    pane = ctx.require_target().pane
    emulator = pane.emulator
    # "-" is the start of the scrollback for -S, the end of the screen for -E.
    start = -emulator.history_size if args.value("S") == "-" else _line_number(args.value("S"), "start")
    end = None if args.value("E") == "-" else _line_number(args.value("E"), "end")
    lines = emulator.capture(
        start, end, escapes=args.has("e"), join=args.has("J"), keep_trailing=args.has("N"),
    )
    if args.has("p"):
        return Result(lines)
    ctx.server.add_buffer("\n".join(lines) + "\n")
    return Result()


ENTRIES = (
    CommandEntry(
        "split-window", split_window, aliases=("splitw",), flags="bdfhvPc:e:F:l:p:t:", target=PANE, max_args=None,
        usage="[-bdfhvP] [-c start-directory] [-e environment] [-F format] [-l size] [-p percentage] [-t target-pane] "
              "[shell-command [argument ...]]",
        help="split a pane in two",
    ),
    CommandEntry(
        "list-panes", list_panes, aliases=("lsp",), flags="asF:t:", long_flags=("json",), target=WINDOW,
        usage="[-as] [-F format] [-t target-window] [--json]", help="list panes",
    ),
    CommandEntry(
        "select-pane", select_pane, aliases=("selectp",), flags="DLRUlmMt:", target=PANE,
        usage="[-DLRUlMm] [-t target-pane]", help="make a pane active (-m: mark it, -M: clear the mark)",
    ),
    CommandEntry(
        "kill-pane", kill_pane, aliases=("killp",), flags="at:", target=PANE,
        usage="[-a] [-t target-pane]", help="end a pane and its processes",
    ),
    CommandEntry(
        "resize-pane", resize_pane, aliases=("resizep",), flags="DLRUZt:x:y:", target=PANE, max_args=1,
        usage="[-DLRUZ] [-t target-pane] [-x width] [-y height] [adjustment]", help="resize or zoom a pane",
    ),
    CommandEntry(
        "send-keys", send_keys, aliases=("send",), flags="HlN:t:X", target=PANE, max_args=None,
        usage="[-HlX] [-N repeat-count] [-t target-pane] key ...", help="send keys (tmux key names) or text to a pane",
    ),
    CommandEntry(
        "capture-pane", capture_pane, aliases=("capturep",), flags="eJNpE:S:t:", target=PANE,
        usage="[-eJNp] [-E end-line] [-S start-line] [-t target-pane]", help="print a pane's screen and scrollback",
    ),
)
