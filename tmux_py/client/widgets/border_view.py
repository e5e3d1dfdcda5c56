"""The lines between panes: box-drawing borders under the pane widgets.

Every window cell no pane covers is a border cell (tmux leaves exactly one
cell between neighbours). Its character joins the border cells around it
(``│ ─ ┼ ├ ┤ ┬ ┴ ┌ ┐ └ ┘``); cells touching the active pane are drawn in the
theme's ``border.active`` colour, the rest in ``border.normal``. The rows are
computed once per layout and kept as Strips.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

#: (up, down, left, right) border neighbours -> character.
_BOX = {
    (True, True, False, False): "│", (False, False, True, True): "─",
    (True, True, True, True): "┼", (True, True, False, True): "├", (True, True, True, False): "┤",
    (False, True, True, True): "┬", (True, False, True, True): "┴",
    (False, True, False, True): "┌", (False, True, True, False): "┐",
    (True, False, False, True): "└", (True, False, True, False): "┘",
    (True, False, False, False): "│", (False, True, False, False): "│",
    (False, False, True, False): "─", (False, False, False, True): "─",
    (False, False, False, False): " ",
}


def border_cells(columns: int, lines: int, panes: list[dict]) -> list[bytearray]:
    """Per row, 1 where a pane covers the cell, 0 on borders."""
    covered = [bytearray(columns) for _ in range(lines)]
    for pane in panes:
        x, width = pane["x"], pane["columns"]
        for row in range(pane["y"], min(lines, pane["y"] + pane["lines"])):
            covered[row][x : x + width] = b"\x01" * len(covered[row][x : x + width])
    return covered


def border_rows(columns: int, lines: int, panes: list[dict], active: dict | None) -> list[list[tuple[str, bool]]]:
    """Per row, runs of (text, is_active) covering the row; pane cells are blanks."""
    covered = border_cells(columns, lines, panes)

    def border(x: int, y: int) -> bool:
        return 0 <= x < columns and 0 <= y < lines and not covered[y][x]

    if active is not None:
        left, top = active["x"] - 1, active["y"] - 1
        right, bottom = active["x"] + active["columns"], active["y"] + active["lines"]
    else:
        left = top = right = bottom = -2
    rows = []
    for y in range(lines):
        runs: list[tuple[str, bool]] = []
        for x in range(columns):
            if covered[y][x]:
                char, hot = " ", False
            else:
                char = _BOX[(border(x, y - 1), border(x, y + 1), border(x - 1, y), border(x + 1, y))]
                hot = left <= x <= right and top <= y <= bottom
            if runs and runs[-1][1] == hot:
                runs[-1] = (runs[-1][0] + char, hot)
            else:
                runs.append((char, hot))
        rows.append(runs)
    return rows


class BorderView(Widget):
    """Borders of the window's panes (the bottom layer of a WindowView)."""

    DEFAULT_CSS = """
    BorderView { layer: borders; width: 100%; height: 100%; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._strips: list[Strip] = []
        self.normal = Style()
        self.hot = Style()
        self._layout: tuple[int, int, list[dict]] = (0, 0, [])

    def set_colours(self, normal: Style, hot: Style) -> None:
        self.normal, self.hot = normal, hot
        self.set_layout(*self._layout)

    def set_layout(self, columns: int, lines: int, panes: list[dict]) -> None:
        self._layout = (columns, lines, panes)
        active = next((pane for pane in panes if pane.get("active")), None)
        self._strips = [
            Strip([Segment(text, self.hot if hot else self.normal) for text, hot in runs], columns)
            for runs in border_rows(columns, lines, panes, active if len(panes) > 1 else None)
        ]
        self.refresh()

    def render_line(self, y: int) -> Strip:
        if 0 <= y < len(self._strips):
            return self._strips[y]
        return Strip.blank(self.size.width, self.normal)
