"""The current window: its panes where the daemon's Layout puts them, over the borders.

The view is exactly the window's size (``columns`` x ``lines`` from the
Layout); when this terminal is larger than the window (another attached
client is smaller) the rest of the screen shows as filler around it.

Mouse events are turned into window cells here and sent up as messages: over
a pane, a :class:`~tmux_py.client.messages.PaneMouse`; a press on a border
starts a drag that sends :class:`~tmux_py.client.messages.BorderDragged` as
the pointer moves.
"""

from __future__ import annotations

from textual import events
from textual.containers import Container

from tmux_py import protocol
from tmux_py.client.messages import BorderDragged, PaneMouse
from tmux_py.client.palette import Palette
from tmux_py.client.widgets.border_view import BorderView
from tmux_py.client.widgets.pane_view import PaneView

#: Textual's mouse button numbers are xterm's plus one (0 is none).
_SHIFT, _META, _CTRL = 4, 8, 16


def _modifiers(event: events.MouseEvent) -> int:
    return (_SHIFT if event.shift else 0) | (_META if event.meta else 0) | (_CTRL if event.ctrl else 0)


class WindowView(Container):
    """Pane widgets positioned by the daemon's geometry, with a border layer beneath."""

    DEFAULT_CSS = """
    WindowView { layers: borders panes; width: 80; height: 24; }
    """
    #: Holds the focus when the prompt is closed (the app takes the keys itself, whatever has it).
    can_focus = True

    def __init__(self, palette: Palette) -> None:
        super().__init__(id="window")
        self.palette = palette
        self.borders = BorderView()
        self.panes: dict[str, PaneView] = {}
        self.geometry: dict[str, tuple[int, int, int, int]] = {}
        self.active: str | None = None
        self._drag: tuple[str, str, int] | None = None  # (pane id, axis "x"/"y", last position)

    def compose(self):
        yield self.borders

    # --- layout ---------------------------------------------------------------

    def set_layout(self, layout: protocol.Layout) -> None:
        self.styles.width = layout.columns
        self.styles.height = layout.lines
        wanted = {pane["id"] for pane in layout.panes}
        for pane_id in list(self.panes):
            if pane_id not in wanted:
                self.panes.pop(pane_id).remove()
        new = []
        self.geometry = {}
        for pane in layout.panes:
            view = self.panes.get(pane["id"])
            if view is None:
                view = self.panes[pane["id"]] = PaneView(pane["id"], self.palette)
                new.append(view)
            view.place(pane["x"], pane["y"], pane["columns"], pane["lines"], pane["active"])
            self.geometry[pane["id"]] = (pane["x"], pane["y"], pane["columns"], pane["lines"])
            if pane["active"]:
                self.active = pane["id"]
        if new:
            self.mount(*new)
        self.borders.set_layout(layout.columns, layout.lines, layout.panes)

    def set_palette(self, palette: Palette) -> None:
        self.palette = palette
        for view in self.panes.values():
            view.set_palette(palette)

    def active_view(self) -> PaneView | None:
        return self.panes.get(self.active) if self.active else None

    def pane_at(self, x: int, y: int) -> str | None:
        for pane_id, (px, py, columns, lines) in self.geometry.items():
            if px <= x < px + columns and py <= y < py + lines:
                return pane_id
        return None

    def _border_pane(self, x: int, y: int) -> tuple[str, str] | None:
        """The pane left of (vertical border) or above (horizontal border) cell (x, y), and the axis."""
        for pane_id, (px, py, columns, lines) in self.geometry.items():
            if px + columns == x and py <= y < py + lines:
                return pane_id, "x"
            if py + lines == y and px <= x < px + columns:
                return pane_id, "y"
        return None

    # --- mouse ------------------------------------------------------------------

    def _cell(self, event: events.MouseEvent) -> tuple[int, int]:
        return event.screen_x - self.region.x, event.screen_y - self.region.y

    def _send(self, event: events.MouseEvent, kind: str) -> None:
        x, y = self._cell(event)
        pane_id = self.pane_at(x, y)
        if pane_id is not None:
            self.post_message(PaneMouse(pane_id, kind, max(0, event.button - 1), x, y, _modifiers(event)))

    def on_mouse_down(self, event: events.MouseDown) -> None:
        x, y = self._cell(event)
        if self.pane_at(x, y) is None:
            found = self._border_pane(x, y)
            if found:
                self._drag = (found[0], found[1], x if found[1] == "x" else y)
                self.capture_mouse()
            return
        self._send(event, "press")

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._drag is not None:
            self._drag = None
            self.release_mouse()
            return
        self._send(event, "release")

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._drag is not None:
            pane_id, axis, last = self._drag
            x, y = self._cell(event)
            now = x if axis == "x" else y
            if now != last:
                grow = now > last
                direction = ("R" if grow else "L") if axis == "x" else ("D" if grow else "U")
                self.post_message(BorderDragged(pane_id, direction, abs(now - last)))
                self._drag = (pane_id, axis, now)
            return
        if event.button:
            self._send(event, "drag")

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self._send(event, "wheel-up")

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self._send(event, "wheel-down")
