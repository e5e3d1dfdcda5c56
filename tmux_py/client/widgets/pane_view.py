"""One pane's screen, drawn with Textual's Line API.

The widget keeps the pane's visible lines as the daemon sent them (runs) and
a cache of one :class:`~textual.strip.Strip` per line. A ``PaneUpdate``
replaces the changed lines, drops their Strips and refreshes only those rows;
``render_line`` rebuilds a Strip only when it is missing. The cursor is drawn
over its cell (reverse colours) in the active pane while the program shows it.

In scroll mode (:class:`~tmux_py.client.copy_mode.CopyMode`) the rows show the
mode's view of history and screen instead; in clock mode
(:class:`~tmux_py.client.clock_mode.ClockMode`), the time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from tmux_py import protocol
from tmux_py.client.palette import Palette

if TYPE_CHECKING:
    from tmux_py.client.clock_mode import ClockMode
    from tmux_py.client.copy_mode import CopyMode


class PaneView(Widget):
    """The screen of pane ``pane_id``, ``columns`` x ``lines`` cells."""

    DEFAULT_CSS = """
    PaneView { position: absolute; layer: panes; }
    """

    def __init__(self, pane_id: str, palette: Palette) -> None:
        super().__init__(id="pane-" + pane_id.lstrip("%"))
        self.pane_id = pane_id
        self.palette = palette
        self.columns = 1
        self.lines_count = 1
        self.rows: list[list] = [[]]
        self._strips: dict[int, Strip] = {}
        self.cursor = (0, 0)
        self.cursor_visible = True
        self.active = False
        self.title = ""
        self.modes: dict = {}
        self._mode = ""  # the mode the daemon was last told of (ModeChanged)
        self._copy: CopyMode | None = None
        self._clock: ClockMode | None = None
        self.label = ""  # display-panes: the pane's index, drawn over its middle row
        self.label_style = Style(reverse=True, bold=True)

    class ModeChanged(Message):
        """The pane entered a mode (``copy-mode``, ``clock-mode``) or left it (``""``): the
        daemon is told, for #{pane_in_mode} and #{pane_mode}."""

        def __init__(self, pane_id: str, mode: str) -> None:
            super().__init__()
            self.pane_id = pane_id
            self.mode = mode

    @property
    def copy(self) -> CopyMode | None:
        """Copy mode, while the pane is in it."""
        return self._copy

    @copy.setter
    def copy(self, mode: CopyMode | None) -> None:
        self._copy = mode
        self._mode_changed()

    @property
    def clock(self) -> ClockMode | None:
        """Clock mode, while the pane is in it."""
        return self._clock

    @clock.setter
    def clock(self, mode: ClockMode | None) -> None:
        self._clock = mode
        self._mode_changed()

    def _mode_changed(self) -> None:
        mode = "copy-mode" if self._copy is not None else "clock-mode" if self._clock is not None else ""
        if mode != self._mode:
            self._mode = mode
            self.post_message(self.ModeChanged(self.pane_id, mode))

    # --- state from the daemon --------------------------------------------

    def place(self, x: int, y: int, columns: int, lines: int, active: bool) -> None:
        """Geometry from a Layout message (window cells)."""
        if (columns, lines) != (self.columns, self.lines_count):
            self.columns, self.lines_count = columns, lines
            self.rows = (self.rows + [[] for _ in range(lines)])[:lines]
            self._strips.clear()
        self.styles.offset = (x, y)
        self.styles.width = columns
        self.styles.height = lines
        if active != self.active:
            self.active = active
            self.refresh_row(self.cursor[1])

    def apply(self, update: protocol.PaneUpdate) -> None:
        rows, strips = self.rows, self._strips
        changed = []
        for y, runs in update.lines:
            if 0 <= y < len(rows):
                rows[y] = runs
                strips.pop(y, None)
                changed.append(y)
        old_cursor = self.cursor
        self.cursor = (update.cursor[0], update.cursor[1]) if len(update.cursor) == 2 else (0, 0)
        self.cursor_visible = update.cursor_visible
        self.modes = update.modes
        self.title = update.title
        if self.copy is not None:
            self.copy.screen_changed(changed)
            return
        if update.full:
            self.refresh()
            return
        for y in changed:
            self.refresh_row(y)
        if old_cursor != self.cursor:
            self.refresh_row(old_cursor[1])
            self.refresh_row(self.cursor[1])

    def refresh_row(self, y: int) -> None:
        self.refresh(Region(0, y, self.columns, 1))

    def set_palette(self, palette: Palette) -> None:
        self.palette = palette
        self._strips.clear()
        self.refresh()

    # --- drawing -------------------------------------------------------------

    def line_strip(self, y: int) -> Strip:
        """Screen line y without the cursor (cached until the line changes)."""
        strip = self._strips.get(y)
        if strip is None:
            runs = self.rows[y] if 0 <= y < len(self.rows) else []
            strip = self._strips[y] = self.palette.strip(runs, self.columns)
        return strip

    def render_line(self, y: int) -> Strip:
        if self.clock is not None:
            return self.clock.render_line(y, self.columns, self.lines_count)
        if self.copy is not None:
            return self.copy.render_line(y)
        strip = self.line_strip(y)
        cursor_x, cursor_y = self.cursor
        if y == cursor_y and self.active and self.cursor_visible and 0 <= cursor_x < self.columns:
            strip = self.with_cursor(strip, cursor_x)
        if self.label and y == self.lines_count // 2:
            text = f" {self.label} "[: self.columns]
            start = max(0, (self.columns - len(text)) // 2)
            left, _, right = strip.divide([start, start + len(text), self.columns])
            strip = Strip.join([left, Strip([Segment(text, self.label_style)], len(text)), right])
        return strip

    def show_label(self, label: str, style: Style) -> None:
        self.label, self.label_style = label, style
        self.refresh()

    def with_cursor(self, strip: Strip, x: int) -> Strip:
        """``strip`` with the cell at x drawn as the cursor (reverse of its colours)."""
        left, cell, right = strip.divide([x, x + 1, self.columns])
        segments = list(cell)
        text = "".join(segment.text for segment in segments) or " "
        style = segments[0].style if segments else None
        if style is None:
            cursor_style = self.palette.cursor
        else:  # the cell's own colours swapped; a reversed cell shows un-reversed
            cursor_style = style + Style(reverse=not style.reverse)
        return Strip.join([left, Strip([Segment(text, cursor_style)], 1), right])
