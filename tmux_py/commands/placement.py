"""Where display-menu and display-popup put their box on a client's terminal (tmux 3.3a's
cmd_display_menu_get_position, shared by both)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tmux_py.commands.context import Context
from tmux_py.commands.entry import Args, CommandError
from tmux_py.commands.variables import window_flags
from tmux_py.format import cell_width
from tmux_py.server.popup import place

if TYPE_CHECKING:
    from tmux_py.server.model import Window


def box_position(ctx: Context, client, args: Args, size: tuple[int, int]) -> tuple[int, int]:
    """The top-left cell of a box of ``size`` (a menu, a popup) on the client's terminal, from
    -x and -y as tmux's: C centred (the default), R flush right, P the target pane (its left
    edge; its bottom line), M the mouse, W and S the status line (W's x: where the target
    window's name starts on it); a number is a cell, and -y names the box's *bottom* line
    (:func:`~tmux_py.server.popup.place`). Checked against tmux 3.3a drawn in an outer tmux."""
    width, height = size
    columns, lines = client.columns, client.lines
    status, on_top = client.status_at
    target = ctx.require_target()
    pane_x, pane_y, _, pane_lines = target.window.geometry().get(target.pane.id, (0, 0, 0, 0))
    mouse_x, mouse_y = client.mouse_at or ((columns - 1) // 2, (lines - 1) // 2)
    status_bottom = status + height if on_top else lines - status
    x = {"P": pane_x, "M": mouse_x - width // 2, "W": status_x(target.window), "S": 0}.get(args.value("x"),
                                                                                            args.value("x"))
    y = {"P": (status if on_top else 0) + pane_y + pane_lines, "M": mouse_y + height,
         "W": status_bottom, "S": status_bottom}.get(args.value("y"), args.value("y"))
    try:
        return place(size, (columns, lines), str(x) if x is not None else None, str(y) if y is not None else None)
    except ValueError:
        raise CommandError("position must be a number, or one of C R P M W S") from None


def status_x(window: Window) -> int:
    """Where ``window``'s entry starts on the default status line, tmux's and the client's own
    alike: ``[session] `` then ``index:name`` and the flags of each window, a space apart."""
    before = [other for other in window.session.ordered_windows() if other.index < window.index]
    return (text_width(f"[{window.session.name}] ")
            + sum(text_width(f"{other.index}:{other.name}{window_flags(other)} ") for other in before))


def text_width(text: str) -> int:
    """Terminal cells ``text`` takes."""
    return sum(cell_width(char) for char in text)
