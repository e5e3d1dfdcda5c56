"""A pane's program and its output: respawn-pane, respawn-window, clear-history, pipe-pane.

Respawning keeps the pane (its id, place and history) and starts a program in
it again: the one given, else the one it started with, in its start directory
unless ``-c`` names another. A pane whose program still runs is refused
without ``-k``, as tmux; a dead pane (remain-on-exit) needs no ``-k``.
"""

from __future__ import annotations

from tmux_py.commands.context import Context
from tmux_py.commands.entry import PANE, WINDOW, Args, CommandEntry, CommandError
from tmux_py.commands.environment import from_flags
from tmux_py.commands.variables import variables
from tmux_py.format import expand


def _respawn(ctx: Context, args: Args, pane) -> None:
    """Start the pane's program again, or the command given, with -c and -e applied."""
    target = ctx.require_target()
    argv = ctx.server.shell_argv(args.positional, target.session) if args.positional else pane.argv
    ctx.daemon.respawn_pane(target.session, pane, argv, args.value("c", pane.start_cwd), from_flags(args))
    ctx.server.changed(target.window)


def respawn_pane(ctx: Context, args: Args) -> None:
    target = ctx.require_target()
    if not target.pane.closed and not args.has("k"):
        raise CommandError(f"respawn pane failed: pane {target.session.name}:{target.window.index}."
                           f"{target.window.pane_number(target.pane)} still active")
    _respawn(ctx, args, target.pane)


def respawn_window(ctx: Context, args: Args) -> None:
    """As tmux: every pane but the first goes, and the first starts again, filling the window."""
    target = ctx.require_target()
    panes = target.window.ordered_panes()
    if not args.has("k") and any(not pane.closed for pane in panes):
        raise CommandError(f"respawn window failed: window {target.session.name}:{target.window.index} "
                           "still active")
    first, *others = panes
    for pane in others:
        ctx.server.kill_pane(pane)
    _respawn(ctx, args, first)


def clear_history(ctx: Context, args: Args) -> None:
    """The lines scrolled off the top are forgotten; the screen stays. (-H is tmux 3.4's: it
    also forgets hyperlinks, which tmuxpy does not keep.)"""
    ctx.require_target().pane.emulator.clear_history()


def pipe_pane(ctx: Context, args: Args) -> None:
    """Close the pane's pipe, then open the new one: its command (formats expanded) gets the
    pane's output (-O, the default), and/or what it prints is typed into the pane (-I). With -o
    a pane that had a pipe is left without one: one key binding toggles logging, as tmux."""
    target = ctx.require_target()
    pane = target.pane
    if pane.closed:
        raise CommandError("target pane has exited")
    had_pipe = pane.pipe is not None
    pane.set_pipe(None)
    command = args.positional[0] if args.positional else ""
    if not command or (args.has("o") and had_pipe):
        return
    command = expand(command, variables(ctx, target.session, target.window, pane))
    ctx.daemon.open_pipe(target.session, pane, command, output=args.has("O") or not args.has("I"),
                         input=args.has("I"))


ENTRIES = (
    CommandEntry("respawn-pane", respawn_pane, aliases=("respawnp",), flags="kc:e:t:", target=PANE, max_args=None,
                 usage="[-k] [-c start-directory] [-e environment] [-t target-pane] [shell-command]",
                 help="start a pane's program again (-k: even if it still runs)"),
    CommandEntry("respawn-window", respawn_window, aliases=("respawnw",), flags="kc:e:t:", target=WINDOW,
                 max_args=None, usage="[-k] [-c start-directory] [-e environment] [-t target-window] [shell-command]",
                 help="start a window's first pane again, closing the others (-k: even if they still run)"),
    CommandEntry("clear-history", clear_history, aliases=("clearhist",), flags="Ht:", target=PANE,
                 usage="[-H] [-t target-pane]", help="forget a pane's scrollback"),
    CommandEntry("pipe-pane", pipe_pane, aliases=("pipep",), flags="IOot:", target=PANE, max_args=1,
                 usage="[-IOo] [-t target-pane] [shell-command]",
                 help="send a pane's output to a shell command (no command: stop; -o: toggle)"),
)
