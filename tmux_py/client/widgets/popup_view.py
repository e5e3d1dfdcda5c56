"""display-popup's box: a program's screen in a border, floating over the window.

The daemon says where the box goes (the ``popup`` client action, in this terminal's
cells, border included) and sends the program's screen as ``PaneUpdate`` messages for
the popup's pane id; the inside is a :class:`PaneView` like any pane's, with its cursor.
The border is drawn in tmux's popup-border-lines (-b) as Textual's nearest border, in the
-S style's colour (the theme's active border colour by default), the title (-T) in its top
edge; -B leaves it out. Inside, the -s style's colours are the program's default ones.
"""

from __future__ import annotations

from rich.color import Color
from textual.widget import Widget

from tmux_py.client.palette import Palette
from tmux_py.client.widgets.pane_view import PaneView


#: tmux's popup-border-lines as Textual's border types.
BORDERS = {"single": "solid", "rounded": "round", "double": "double", "heavy": "heavy", "simple": "ascii",
           "padded": "blank"}


class PopupView(Widget):
    """The popup of pane ``pane_id`` at (x, y), ``width`` x ``height`` cells with its border."""

    DEFAULT_CSS = """
    PopupView { position: absolute; layers: panes; border-title-align: left; }
    """

    def __init__(self, args: dict, palette: Palette) -> None:
        super().__init__(id="popup")
        self.args = args
        self.pane = PaneView(args["pane"], palette)
        self.pane.place(0, 0, args["columns"], args["lines"], True)
        self.styles.offset = (args["x"], args["y"])
        self.styles.width = args["width"]
        self.styles.height = args["height"]
        self.border_title = args.get("title") or None if args["border"] else None
        self.set_palette(palette)

    def set_palette(self, palette: Palette) -> None:
        """The theme's colours (at first, and when the theme changes), under the popup's styles."""
        args = self.args
        self.pane.set_palette(palette.over(args.get("fg", -1), args.get("bg", -1)))
        if args["border"]:
            colour = palette.colour(args.get("border_fg", -1), Color.parse(palette.theme.border["active"]))
            self.styles.border = (BORDERS.get(args.get("border_lines", "single"), "solid"),
                                  colour.get_truecolor().hex)

    def compose(self):
        yield self.pane
