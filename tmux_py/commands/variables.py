"""Format variables of a target: the ``#{...}`` names of tmux's FORMATS section.

Each value is computed only when a format asks for it (see
:class:`tmux_py.format.Variables`), so listing 100 panes does not read /proc
100 times for a variable nobody printed.
"""

from __future__ import annotations

import os
import pwd
from typing import TYPE_CHECKING

from tmux_py import __version__
from tmux_py.cmdline import escape_argument
from tmux_py.format import Variables, expand
from tmux_py.options import OPTION_DEFS, OptionError, Options, user_option

if TYPE_CHECKING:
    from tmux_py.commands.context import Context
    from tmux_py.server.model import Session, Window
    from tmux_py.server.pane import Pane


def _marked_here(window: Window) -> bool:
    """The marked pane is in ``window``, as its session holds it (tmux's marked winlink)."""
    marked = window.server.marked
    return marked is not None and marked.window is window and marked.session is window.session


def window_flags(window: Window) -> str:
    """tmux's flags, in its order: ``#`` activity, ``!`` bell, ``*`` current, ``-`` last,
    ``M`` the marked pane's, ``Z`` zoomed (#{window_raw_flags}; #{window_flags} doubles the ``#``, as tmux 3.3a)."""
    session = window.session
    flags = ("#" if window.activity_flag else "") + ("!" if window.bell_flag else "")
    if window is session.current:
        flags += "*"
    elif window is session.last_window:
        flags += "-"
    if _marked_here(window):
        flags += "M"
    if window.zoomed:
        flags += "Z"
    return flags


#: Mouse tracking modes (DECSET numbers) as tmux's #{mouse_*_flag} names them.
MOUSE_FLAGS = {"mouse_standard_flag": 1000, "mouse_button_flag": 1002, "mouse_any_flag": 1003}


def start_command(pane: Pane) -> str:
    """The command a pane started with, as tmux shows it: the words given, each quoted, and
    nothing for the default shell. tmuxpy keeps the argv it ran: ``shell -c word`` for one word."""
    argv = pane.argv
    if len(argv) == 1:
        return ""
    words = argv[2:] if len(argv) == 3 and argv[1] == "-c" else argv
    return " ".join(escape_argument(word) for word in words)


def pane_mode(ctx: Context, pane: Pane) -> str:
    """The mode an attached client shows ``pane`` in (``copy-mode``, ``clock-mode``), else ``""``:
    modes live in the client, which tells the daemon (protocol.Mode)."""
    shown = ctx.daemon.in_mode(pane.id)
    return shown[1] if shown else ""


def dead_status(pane: Pane, signalled: bool) -> int | None:
    """A dead pane's exit status, or the signal that ended it (tmux's pane_dead_status/_signal)."""
    status = pane.exit_status
    if status is None or (status < 0) != signalled:
        return None
    return -status if signalled else status


def variables(ctx: Context, session: Session | None = None, window: Window | None = None,
              pane: Pane | None = None) -> Variables:
    """Variables for a session, window and pane (each optional; narrower implies wider)."""
    daemon = ctx.daemon
    getters = {
        "pid": os.getpid,
        "version": lambda: __version__,
        "socket_path": lambda: ctx.server.socket_path,
        "host": lambda: ctx.server.hostname,
        "host_short": lambda: ctx.server.hostname.split(".")[0],
        "start_time": lambda: int(daemon.started),
        "uid": os.getuid,
        "user": lambda: pwd.getpwuid(os.getuid()).pw_name,
    }
    if ctx.client is not None:
        getters.update(ctx.client.format_getters())
    getters.update({name: (lambda value=value: value) for name, value in ctx.formats.items()})
    if session is not None:
        getters.update(
            session_name=lambda: session.name,
            session_id=lambda: session.id,
            session_windows=lambda: len(session.windows),
            session_created=lambda: int(session.created),
            session_activity=lambda: int(session.activity),
            session_attached=lambda: daemon.attached_count(session),
            session_many_attached=lambda: daemon.attached_count(session) > 1,
            session_width=lambda: session.columns,
            session_height=lambda: session.lines,
        )
    if window is not None:
        getters.update(
            window_index=lambda: window.index,
            window_id=lambda: window.id,
            window_name=lambda: window.name,
            window_width=lambda: window.columns,
            window_height=lambda: window.lines,
            window_panes=lambda: len(window.panes),
            window_active=lambda: window is window.session.current,
            window_flags=lambda: window_flags(window).replace("#", "##"),
            window_raw_flags=lambda: window_flags(window),
            window_activity_flag=lambda: window.activity_flag,
            window_bell_flag=lambda: window.bell_flag,
            window_silence_flag=lambda: False,
            window_zoomed_flag=lambda: window.zoomed,
            window_marked_flag=lambda: _marked_here(window),
            window_layout=lambda: window.layout.dump(),
            window_visible_layout=lambda: window.layout.dump(),
            window_activity=lambda: int(max([pane.activity for pane in window.panes.values()], default=window.created)),
            window_last_flag=lambda: window is window.session.last_window,
            window_start_flag=lambda: window is window.session.ordered_windows()[0],
            window_end_flag=lambda: window is window.session.ordered_windows()[-1],
        )
    if pane is not None:
        emulator = pane.emulator

        def box() -> tuple[int, int, int, int]:
            """The pane's left, top, width and height in its window (a pane a zoom hides: its
            place in the layout, as tmux lists it)."""
            return window.place(pane)

        getters.update(
            pane_id=lambda: pane.id,
            pane_index=lambda: window.pane_number(pane),
            pane_pid=lambda: pane.pid,
            pane_tty=pane.tty_name,
            pane_width=lambda: pane.columns,
            pane_height=lambda: pane.lines,
            pane_left=lambda: box()[0],
            pane_top=lambda: box()[1],
            pane_right=lambda: box()[0] + box()[2] - 1,
            pane_bottom=lambda: box()[1] + box()[3] - 1,
            pane_at_left=lambda: box()[0] == 0,
            pane_at_top=lambda: box()[1] == 0,
            pane_at_right=lambda: box()[0] + box()[2] == window.columns,
            pane_at_bottom=lambda: box()[1] + box()[3] == window.lines,
            pane_active=lambda: pane is window.active,
            pane_last=lambda: pane is window.last_pane,
            pane_marked=lambda: (marked := ctx.server.marked) is not None and marked.pane is pane,
            pane_marked_set=lambda: ctx.server.marked is not None,
            pane_mode=lambda: pane_mode(ctx, pane),
            pane_in_mode=lambda: bool(pane_mode(ctx, pane)),
            pane_dead=lambda: pane.closed,
            pane_dead_status=lambda: dead_status(pane, signalled=False),
            pane_dead_signal=lambda: dead_status(pane, signalled=True),
            pane_dead_time=lambda: int(pane.dead_time) if pane.dead_time else None,
            pane_pipe=lambda: pane.pipe is not None,
            pane_synchronized=lambda: bool(pane.options and pane.options.get("synchronize-panes")),
            pane_path=lambda: emulator.cwd,
            pane_title=lambda: emulator.title or ctx.server.hostname,
            pane_current_command=pane.current_command,
            pane_current_path=pane.current_path,
            pane_start_command=lambda: start_command(pane),
            cursor_flag=lambda: emulator.cursor_visible,
            keypad_cursor_flag=lambda: emulator.modes()["app_cursor"],
            keypad_flag=lambda: emulator.modes()["app_keypad"],
            mouse_sgr_flag=lambda: emulator.modes()["mouse_encoding"] == "sgr",
            **{name: (lambda mode=mode: emulator.modes()["mouse"] == mode) for name, mode in MOUSE_FLAGS.items()},
            cursor_x=lambda: emulator.cursor_x,
            cursor_y=lambda: emulator.cursor_y,
            alternate_on=lambda: emulator.alternate_on,
            history_size=lambda: emulator.history_size,
            # What tmuxpy's compact history holds, so not tmux's number for the same lines.
            history_bytes=lambda: emulator.history.nbytes() if emulator.history_size else 0,
            history_limit=lambda: emulator.history_limit,
        )
    stores = [scope.options for scope in (pane, window, session) if scope is not None and scope.options]
    return Variables(getters, lambda name: option_value(stores, ctx.server.options, name), _loops(ctx, session, window),
                     ctx.client.jobs.output if ctx.client is not None else None)


def _loops(ctx: Context, session: Session | None, window: Window | None) -> dict:
    """What ``#{S:}``, ``#{W:}`` and ``#{P:}`` walk, as tmux's format_loop_*: every session
    (by name), the session's windows, the window's panes; each with its own variables."""
    loops = {"S": lambda: [(variables(ctx, each, each.current, each.current.active if each.current else None),
                            each is session) for each in ctx.server.ordered_sessions()]}
    if session is not None:
        loops["W"] = lambda: [(variables(ctx, session, each, each.active), each is session.current)
                              for each in session.ordered_windows()]
    if window is not None:
        loops["P"] = lambda: [(variables(ctx, session, window, each), each is window.active)
                              for each in window.ordered_panes()]
    return loops


def option_value(stores: list[Options], global_options: Options, name: str) -> object:
    """``#{NAME}`` for an option (tmux's format_find, after the variables): the pane's, the
    window's or the session's own value, else the global one; flags as 1 or 0; None for a name
    that is no option (or an array's). The session comes last but counts: a session option is
    in no window's chain (``set -t a status 2`` then ``#{status}`` in a is 2, as tmux)."""
    if not user_option(name):
        option = OPTION_DEFS.get(name)
        if option is None or option.array:
            return None
    owner = next((store for store in stores if store.local(name)), global_options)
    try:
        return owner.get(name)
    except OptionError:
        return None


def expand_here(ctx: Context, text: str) -> str:
    """``text`` expanded for the command's target, else the running client's pane; with
    neither (no session exists), for the server alone: a session's variables are empty then,
    as in tmux (``setenv -g -F X '#{session_name}x'`` sets ``x``)."""
    target = ctx.target or (ctx.client.current_target() if ctx.client else None)
    if target is None:
        return expand(text, variables(ctx))
    return expand(text, variables(ctx, target.session, target.window, target.pane))
