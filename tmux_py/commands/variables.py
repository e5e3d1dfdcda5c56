"""Format variables of a target: the ``#{...}`` names of tmux's FORMATS section.

Each value is computed only when a format asks for it (see
:class:`tmux_py.format.Variables`), so listing 100 panes does not read /proc
100 times for a variable nobody printed.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from tmux_py import __version__
from tmux_py.format import Variables

if TYPE_CHECKING:
    from tmux_py.commands.context import Context
    from tmux_py.server.model import Session, Window
    from tmux_py.server.pane import Pane


def window_flags(window: Window) -> str:
    session = window.session
    flags = ""
    if window is session.current:
        flags += "*"
    elif window is session.last_window:
        flags += "-"
    if window.zoomed:
        flags += "Z"
    return flags


def variables(ctx: Context, session: Session | None = None, window: Window | None = None,
              pane: Pane | None = None) -> Variables:
    """Variables for a session, window and pane (each optional; narrower implies wider)."""
    daemon = ctx.daemon
    getters = {
        "pid": os.getpid,
        "version": lambda: __version__,
        "socket_path": lambda: ctx.server.socket_path,
        "host": lambda: ctx.server.hostname,
    }
    if session is not None:
        getters.update(
            session_name=lambda: session.name,
            session_id=lambda: session.id,
            session_windows=lambda: len(session.windows),
            session_created=lambda: int(session.created),
            session_activity=lambda: int(session.activity),
            session_attached=lambda: daemon.attached_count(session),
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
            window_flags=lambda: window_flags(window),
            window_raw_flags=lambda: window_flags(window),
            window_zoomed_flag=lambda: window.zoomed,
            window_layout=lambda: window.layout.dump(),
        )
    if pane is not None:
        emulator = pane.emulator
        getters.update(
            pane_id=lambda: pane.id,
            pane_index=lambda: window.pane_number(pane),
            pane_pid=lambda: pane.pid,
            pane_tty=pane.tty_name,
            pane_width=lambda: pane.columns,
            pane_height=lambda: pane.lines,
            pane_left=lambda: window.geometry().get(pane.id, (0, 0, 0, 0))[0],
            pane_top=lambda: window.geometry().get(pane.id, (0, 0, 0, 0))[1],
            pane_active=lambda: pane is window.active,
            pane_dead=lambda: pane.closed,
            pane_title=lambda: emulator.title or ctx.server.hostname,
            pane_current_command=pane.current_command,
            pane_current_path=pane.current_path,
            pane_start_command=lambda: " ".join(pane.argv),
            cursor_x=lambda: emulator.cursor_x,
            cursor_y=lambda: emulator.cursor_y,
            alternate_on=lambda: emulator.alternate_on,
            history_size=lambda: emulator.history_size,
            history_limit=lambda: emulator.history_limit,
        )
    return Variables(getters)
