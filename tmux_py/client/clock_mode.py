"""Clock mode (tmux's clock-mode, C-b t): a pane shows the time in large digits until a key.

The time is drawn centred in the pane, each character five cells wide and five lines tall
(painted in the ``clock-mode-colour`` option's colour as a background), one blank column
between characters; ``clock-mode-style`` 12 adds AM or PM. A pane too small for the large
digits shows the time as plain text, centred, in that colour, as tmux does. The mode only
changes what this client draws; any key leaves it (the client takes the key, the pane
never sees it).
"""

from __future__ import annotations

import time

from typing import TYPE_CHECKING

from rich.segment import Segment
from textual.strip import Strip

from tmux_py.style import DEFAULT

if TYPE_CHECKING:
    from tmux_py.client.palette import Palette

#: The large characters, five rows of five cells each ("#" painted).
FONT = {
    "0": ("#####", "#   #", "#   #", "#   #", "#####"),
    "1": ("    #", "    #", "    #", "    #", "    #"),
    "2": ("#####", "    #", "#####", "#    ", "#####"),
    "3": ("#####", "    #", "#####", "    #", "#####"),
    "4": ("#   #", "#   #", "#####", "    #", "    #"),
    "5": ("#####", "#    ", "#####", "    #", "#####"),
    "6": ("#####", "#    ", "#####", "#   #", "#####"),
    "7": ("#####", "    #", "    #", "    #", "    #"),
    "8": ("#####", "#   #", "#####", "#   #", "#####"),
    "9": ("#####", "#   #", "#####", "    #", "#####"),
    ":": ("     ", "  #  ", "     ", "  #  ", "     "),
    "A": ("#####", "#   #", "#####", "#   #", "#   #"),
    "P": ("#####", "#   #", "#####", "#    ", "#    "),
    "M": ("#   #", "## ##", "# # #", "#   #", "#   #"),
}
GLYPH_WIDTH, GLYPH_HEIGHT = 5, 5


def clock_text(style: str, now: float | None = None) -> str:
    """The time shown: ``HH:MM``, or with style 12 ``H:MM`` and AM/PM (tmux's %l:%M %p)."""
    moment = time.localtime(now)
    if style == "12":
        return time.strftime("%l:%M", moment).strip() + ("PM" if moment.tm_hour >= 12 else "AM")
    return time.strftime("%H:%M", moment)


def clock_lines(text: str, columns: int, lines: int) -> list[str]:
    """The pane's rows, ``#`` where the colour goes: the large digits if they fit, else the
    plain text, both centred."""
    rows = [" " * columns] * lines
    if fits(text, columns, lines):
        width = len(text) * (GLYPH_WIDTH + 1) - 1
        top, left = (lines - GLYPH_HEIGHT) // 2, (columns - width) // 2
        for y in range(GLYPH_HEIGHT):
            row = " ".join(FONT[char][y] for char in text)
            rows[top + y] = (" " * left + row).ljust(columns)
        return rows
    shown = text[:columns]
    rows[lines // 2] = shown.center(columns)
    return rows


def fits(text: str, columns: int, lines: int) -> bool:
    """Whether the large characters fit the pane."""
    return len(text) * (GLYPH_WIDTH + 1) - 1 <= columns and GLYPH_HEIGHT <= lines


class ClockMode:
    """Clock mode of one pane view: what its rows show, redrawn when the minute turns.
    ``colour`` is the clock-mode-colour option as a cell colour (:mod:`tmux_py.style`)."""

    def __init__(self, palette: Palette, colour: int, style: str) -> None:
        self.palette = palette
        self.colour = colour
        self.style = style
        self.text = clock_text(style)
        self._rows_for: tuple[str, int, int] | None = None
        self._rows: list[str] = []

    def tick(self) -> bool:
        """True when the time shown has changed (the view redraws)."""
        text = clock_text(self.style)
        changed, self.text = text != self.text, text
        return changed

    def render_line(self, y: int, columns: int, lines: int) -> Strip:
        if self._rows_for != (self.text, columns, lines):  # once per minute or resize, not per row
            self._rows_for, self._rows = (self.text, columns, lines), clock_lines(self.text, columns, lines)
        row = self._rows[y] if y < lines else " " * columns
        plain = self.palette.default
        if fits(self.text, columns, lines):
            painted = self.palette.style(DEFAULT, self.colour, 0)
            segments = [Segment(" ", painted if char == "#" else plain) for char in row]
        else:
            painted = self.palette.style(self.colour, DEFAULT, 0)
            segments = [Segment(char, plain if char == " " else painted) for char in row]
        return Strip(segments, columns).simplify()
