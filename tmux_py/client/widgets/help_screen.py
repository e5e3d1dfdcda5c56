"""Command output shown over the window: list-keys (C-b ?) and any command printing several lines.

tmux 3.3a shows such output in the pane's view mode, a copy mode over the text:
the keys are those of the ``mode-keys`` table, and its ``cancel`` commands
leave (emacs: q, Escape, C-c; vi: q, C-c, Enter). This screen reads the same
table the daemon sent (:func:`~tmux_py.client.copy_mode.binding`): the scrolling commands
scroll it, the leaving ones close it, the rest do nothing (there is nothing to
select or copy here).
"""

from __future__ import annotations

from textual import events
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tmux_py.client.copy_mode import binding, copy_command
from tmux_py.client.keymap import tmux_key

#: Copy-mode commands that move the view, as calls on the scrolled container.
_SCROLLS = {
    "cursor-up": lambda view: view.scroll_relative(y=-1, animate=False),
    "scroll-up": lambda view: view.scroll_relative(y=-1, animate=False),
    "cursor-down": lambda view: view.scroll_relative(y=1, animate=False),
    "scroll-down": lambda view: view.scroll_relative(y=1, animate=False),
    "halfpage-up": lambda view: view.scroll_relative(y=-(view.size.height // 2), animate=False),
    "halfpage-down": lambda view: view.scroll_relative(y=view.size.height // 2, animate=False),
    "page-up": lambda view: view.scroll_page_up(animate=False),
    "page-down": lambda view: view.scroll_page_down(animate=False),
    "history-top": lambda view: view.scroll_home(animate=False),
    "history-bottom": lambda view: view.scroll_end(animate=False),
}


class HelpScreen(ModalScreen):
    """``lines`` in a scrollable box; ``tables`` are the copy-mode tables and ``mode_keys`` the
    option's value when it opened."""

    def __init__(self, lines: list[str], tables: dict[str, dict[str, str]], mode_keys: str) -> None:
        super().__init__()
        self.lines = lines
        self.tables = tables
        self.mode_keys = mode_keys

    def compose(self):
        with VerticalScroll():
            yield Static("\n".join(self.lines), markup=False, id="help-text")

    def on_key(self, event: events.Key) -> None:
        event.stop()
        name = tmux_key(event.key, event.character)
        command = copy_command(binding(self.tables, self.mode_keys, name)) if name else None
        if command is None:
            return
        if command == "cancel" or command.endswith("-and-cancel"):
            self.dismiss()
        elif command in _SCROLLS:
            _SCROLLS[command](self.query_one(VerticalScroll))
