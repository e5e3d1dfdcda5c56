"""``list-keys`` (C-b ?): every binding, in a scrollable screen; q or Escape closes it."""

from __future__ import annotations

from textual import events
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.containers import VerticalScroll


class HelpScreen(ModalScreen):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen VerticalScroll { width: 90%; height: 90%; border: round $accent; background: $surface; }
    """

    def __init__(self, lines: list[str]) -> None:
        super().__init__()
        self.lines = lines

    def compose(self):
        with VerticalScroll():
            yield Static("\n".join(self.lines), markup=False, id="help-text")

    def on_key(self, event: events.Key) -> None:
        event.stop()
        if event.key in ("q", "escape", "enter"):
            self.dismiss()
        elif event.key in ("down", "j"):
            self.query_one(VerticalScroll).scroll_relative(y=1, animate=False)
        elif event.key in ("up", "k"):
            self.query_one(VerticalScroll).scroll_relative(y=-1, animate=False)
        elif event.key in ("pagedown", "space"):
            self.query_one(VerticalScroll).scroll_page_down(animate=False)
        elif event.key == "pageup":
            self.query_one(VerticalScroll).scroll_page_up(animate=False)
