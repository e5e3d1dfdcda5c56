"""display-popup: a program in a box floating over one attached client's window.

Data model. A :class:`Popup` belongs to one :class:`~tmux_py.server.attached.AttachedClient`
(``client.popup``; one at a time, as tmux's overlay). Its program runs in a
:class:`~tmux_py.server.pane.Pane` of its own, outside every window's layout, sized to
the box's inside. The client is told where the box is (the ``popup`` client action, in
the client's terminal cells) and is sent the program's screen as ``PaneUpdate`` messages
for the popup's pane id, like a pane it shows; ``popup-close`` takes the box away.

Its life, as tmux 3.3a's popup.c: keys the client types go to the program; Escape and
C-c close the box instead unless -E waits for the program (and when the program is gone).
When the program exits, -E closes the box, -EE only on exit status 0; otherwise the box
stays, showing the last screen, until Escape, C-c or ``display-popup -C``. Closing hangs
up whatever still runs in it (as a killed pane), and so does the client leaving. The CLI
that opened it waits until it goes, then exits with the program's status (``waiters``).
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from typing import TYPE_CHECKING

from dataclasses import dataclass, field

from tmux_py import protocol
from tmux_py.style import Style

if TYPE_CHECKING:
    from tmux_py.server.pane import Pane

#: The keys that close a popup whose program is not waited for (tmux's popup_key_cb).
CLOSE_KEYS = ("Escape", "C-c")


@dataclass(frozen=True)
class Box:
    """Where the popup goes in the client's terminal, border included: ``lines`` is tmux's
    popup-border-lines (``none``: no border), ``border_fg`` its colour (a cell colour), and
    ``style`` the inside's default colours (popup-style)."""

    x: int
    y: int
    width: int
    height: int
    lines: str
    title: str
    border_fg: int = -1
    style: Style = field(default_factory=Style)

    @property
    def border(self) -> bool:
        return self.lines != "none"

    @property
    def inside(self) -> tuple[int, int]:
        """The program's screen size: the box less its border, at least one cell."""
        edge = 2 if self.border else 0
        return max(1, self.width - edge), max(1, self.height - edge)


def place(size: tuple[int, int], client: tuple[int, int], x: str | None, y: str | None) -> tuple[int, int]:
    """tmux 3.3a's popup position for a box of ``size`` on a terminal of ``client`` cells:
    x and y default to C (centred: tmux's popup_centre_x/y); x may be R (flush right); y
    names the box's *bottom* line, as tmux's does. A number is a cell; the box stays on the
    terminal."""
    width, height = size
    columns, lines = client
    if x in (None, "C"):
        left = (columns - 1) // 2 - width // 2
    elif x == "R":
        left = columns - width
    else:
        left = int(x)
    bottom = (lines - 1) // 2 + height // 2 if y in (None, "C") else int(y)
    top = max(0, bottom - height)
    return max(0, min(left, columns - width)), max(0, min(top, lines - height))


class Popup:
    """One client's popup: its box, its program, and how its program's end closes it.

    ``close_on_exit``: 0 keeps the box when the program ends, 1 (-E) closes it, 2 (-EE)
    closes it when the program succeeded. ``send`` delivers a message to the client;
    ``closed`` tells the owner the popup is gone (the client's ``popup`` is cleared).
    """

    def __init__(self, box: Box, pane: Pane, close_on_exit: int, grace: float,
                 send: Callable[[protocol.Message], None], closed: Callable[[Popup], None]) -> None:
        self.box = box
        self.pane = pane
        self.close_on_exit = close_on_exit
        self._grace = grace
        self._send = send
        self._closed = closed
        self.gone = False
        #: What the CLI that opened it exits with (tmux's): the program's exit status, or the
        #: signal that killed it; 129 (128 + SIGHUP) if the box went before the program ended.
        self.status = 128 + int(signal.SIGHUP)
        #: Futures given the status when the box goes (the CLI that opened it waits on one).
        self.waiters: list = []
        columns, lines = box.inside
        send(protocol.ClientAction(action="popup", args={
            "pane": pane.id, "x": box.x, "y": box.y, "width": box.width, "height": box.height,
            "columns": columns, "lines": lines, "border": box.border, "title": box.title,
            "border_lines": box.lines, "border_fg": box.border_fg, "fg": box.style.fg, "bg": box.style.bg,
        }))

    def program_exited(self) -> None:
        """The program ended and its output was read: -E (-EE) closes the box, else it stays."""
        status = self.pane.exit_status
        self.status = abs(status or 0)  # negative: the signal that killed it
        if self.close_on_exit == 1 or (self.close_on_exit == 2 and status == 0):
            self.close()
        else:
            self.pane.close()

    def keys(self, names: list[str]) -> None:
        """Keys typed in the client (the module docstring says which close the box)."""
        for name in names:
            if self.gone:
                return
            if name in CLOSE_KEYS and (not self.close_on_exit or self.pane.closed):
                self.close()
            elif not self.pane.closed:
                self.pane.send_keys([name], typed=True)

    def paste(self, text: str) -> None:
        self.pane.write(text.encode())

    def close(self) -> None:
        """Take the box away: what still runs in it is hung up (reaped by the daemon)."""
        if self.gone:
            return
        self.gone = True
        if not self.pane.closed:
            self.pane.terminate(self._grace)
        self.pane.close()
        self._send(protocol.ClientAction(action="popup-close", args={"pane": self.pane.id}))
        self._closed(self)
        for waiter in self.waiters:
            if not waiter.done():
                waiter.set_result(self.status)
