"""From wire runs to Rich styles and Strips: how a pane's colours reach the screen.

A run is ``[text, fg, bg, flags]`` (:mod:`tmux_py.style`). Colours become
exact 24-bit colours so that the outer terminal's own palette never changes
them: the default colours and the 16 ANSI colours through the theme's
``terminal`` table, 16-255 through the xterm cube and grey ramp, true colour
as it is. Styles are interned per (fg, bg, flags): a screen has few.
"""

from __future__ import annotations

import copy

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from tmux_py import style as cell_style
from tmux_py.client.theme import Theme

_CUBE = (0, 95, 135, 175, 215, 255)


def xterm_rgb(index: int) -> tuple[int, int, int]:
    """RGB of xterm palette colours 16-255 (6x6x6 cube, then 24 greys)."""
    if index >= 232:
        level = 8 + 10 * (index - 232)
        return level, level, level
    index -= 16
    return _CUBE[index // 36], _CUBE[(index // 6) % 6], _CUBE[index % 6]


class Palette:
    """One theme's colours for pane content, with interned Rich styles."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        terminal = theme.terminal
        self.foreground = Color.parse(terminal["foreground"])
        self.background = Color.parse(terminal["background"])
        self.ansi = [Color.parse(colour) for colour in theme.palette]
        self.default = Style(color=self.foreground, bgcolor=self.background)
        self.cursor = Style(color=self.background, bgcolor=Color.parse(terminal["cursor"]))
        self.selection = Style(bgcolor=Color.parse(terminal["selection"]))
        self.search = Style(color=Color.parse("#000000"), bgcolor=Color.parse(terminal["search"]))
        self._styles: dict[tuple[int, int, int], Style] = {}

    def over(self, fg: int, bg: int) -> Palette:
        """This palette with other default colours (cell colours; DEFAULT keeps the theme's), for
        a popup's popup-style: what its program draws in the default colours takes them."""
        if fg < 0 and bg < 0:
            return self
        other = copy.copy(self)
        other.foreground = self.colour(fg, self.foreground)
        other.background = self.colour(bg, self.background)
        other.default = Style(color=other.foreground, bgcolor=other.background)
        other._styles = {}
        return other

    def colour(self, value: int, default: Color) -> Color:
        if value == cell_style.DEFAULT or value < 0:
            return default
        if value < 16:
            return self.ansi[value]
        if value < 256:
            return Color.from_rgb(*xterm_rgb(value))
        return Color.from_rgb(*cell_style.rgb_components(value))

    def style(self, fg: int, bg: int, flags: int) -> Style:
        key = (fg, bg, flags)
        found = self._styles.get(key)
        if found is None:
            found = self._styles[key] = Style(
                color=self.colour(fg, self.foreground),
                bgcolor=self.colour(bg, self.background),
                bold=bool(flags & cell_style.BOLD),
                dim=bool(flags & cell_style.DIM),
                italic=bool(flags & cell_style.ITALIC),
                underline=bool(flags & cell_style.UNDERLINE),
                blink=bool(flags & cell_style.BLINK),
                reverse=bool(flags & cell_style.REVERSE),
                conceal=bool(flags & cell_style.HIDDEN),
                strike=bool(flags & cell_style.STRIKE),
            )
        return found

    def strip(self, runs: list, width: int) -> Strip:
        """One line of ``width`` cells: its runs, then blanks in the default colours."""
        style = self.style
        segments = [Segment(text, style(fg, bg, flags)) for text, fg, bg, flags in runs if text]
        text = "".join(segment.text for segment in segments)
        # ASCII (most lines) is one cell per character: no per-segment width lookup.
        length = len(text) if text.isascii() else Strip(segments).cell_length
        if length < width:
            segments.append(Segment(" " * (width - length), self.default))
            return Strip(segments, width)
        if length > width:
            return Strip(segments, length).crop(0, width)
        return Strip(segments, width)
