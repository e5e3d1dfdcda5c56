"""display-popup's box: a program's screen in a border, floating over the window.

The daemon says where the box goes (the ``popup`` client action, in this terminal's
cells, border included) and sends the program's screen as ``PaneUpdate`` messages for
the popup's pane id; the inside is a :class:`PaneView` like any pane's, with its cursor.
The border is a single line in the theme's active border colour, the title (-T) in its
top edge; -B leaves it out.
"""

from __future__ import annotations

from textual.widget import Widget

from tmux_py.client.palette import Palette
from tmux_py.client.widgets.pane_view import PaneView


class PopupView(Widget):
    """The popup of pane ``pane_id`` at (x, y), ``width`` x ``height`` cells with its border."""

    DEFAULT_CSS = """
    PopupView { position: absolute; layers: panes; border-title-align: left; }
    """

    def __init__(self, args: dict, palette: Palette) -> None:
        super().__init__(id="popup")
        self.pane = PaneView(args["pane"], palette)
        self.pane.place(0, 0, args["columns"], args["lines"], True)
        self.styles.offset = (args["x"], args["y"])
        self.styles.width = args["width"]
        self.styles.height = args["height"]
        if args["border"]:
            self.styles.border = ("solid", palette.theme.border["active"])
            self.border_title = args.get("title") or None

    def compose(self):
        yield self.pane
