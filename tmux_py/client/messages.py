"""Messages the client's widgets send up to the app (all of them, in one place).

Widgets only say what the user did, in window cells or names; the app turns
that into protocol messages or commands.
"""

from __future__ import annotations

from textual.message import Message


class PaneMouse(Message):
    """A mouse event over pane ``pane_id``, at window cell (x, y); kind as in ``protocol.Mouse``."""

    def __init__(self, pane_id: str, kind: str, button: int, x: int, y: int, modifiers: int) -> None:
        super().__init__()
        self.pane_id = pane_id
        self.kind = kind
        self.button = button
        self.x = x
        self.y = y
        self.modifiers = modifiers


class BorderDragged(Message):
    """A border beside ``pane_id`` was dragged: resize it, direction L/R/U/D by ``amount`` cells."""

    def __init__(self, pane_id: str, direction: str, amount: int) -> None:
        super().__init__()
        self.pane_id = pane_id
        self.direction = direction
        self.amount = amount


class WindowClicked(Message):
    """A window's name in the status line was clicked (``right``: with the right button)."""

    def __init__(self, window_id: str, right: bool = False) -> None:
        super().__init__()
        self.window_id = window_id
        self.right = right


class StatusLeftClicked(Message):
    """The status line left of the window list was right-clicked."""
