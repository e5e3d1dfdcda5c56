"""display-menu's box: the daemon's items where it placed them; a shortcut, or Enter, picks one.

Keys as tmux 3.3a's menu_key_cb: an item's shortcut first (so an item may take ``q``), then
Up/Down or k/j move, Enter picks, q, Escape and C-c close. Dismissed with the picked
item's command, or None.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tmux_py.client.keymap import tmux_key

_CLOSE_KEYS = ("q", "Escape", "C-c")


class MenuView(ModalScreen[str | None]):
    DEFAULT_CSS = """
    MenuView { background: transparent; }
    MenuView OptionList, MenuView OptionList:focus { border: solid $accent; padding: 0 1; scrollbar-size: 0 0; }
    MenuView OptionList > .option-list--option-disabled { text-style: dim; }
    """

    def __init__(self, menu: dict) -> None:
        super().__init__()
        self.menu = menu
        self.items: list[dict] = menu.get("items", [])

    def compose(self):
        inside = self.menu.get("width", 10) - 4
        options = []
        for index, item in enumerate(self.items):
            if item["separator"]:
                options.append(None)
                continue
            shortcut = f"({item['key']})" if item["key"] else ""
            label = item["label"] + " " * max(0, inside - cell_len(item["label"]) - len(shortcut)) + shortcut
            options.append(Option(label, id=str(index), disabled=item["disabled"]))
        menu = OptionList(*options, markup=False)
        menu.border_title = self.menu.get("title", "")
        menu.styles.border_title_align = self.menu.get("title_align", "left")
        menu.styles.width = self.menu.get("width", 10)
        menu.styles.height = self.menu.get("height", 3)
        menu.styles.offset = (self.menu.get("x", 0), self.menu.get("y", 0))
        yield menu

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.items[int(event.option.id)]["command"])

    def on_key(self, event: events.Key) -> None:
        name = tmux_key(event.key, event.character)
        picked = next((item for item in self.items
                       if not item["separator"] and not item["disabled"] and item["key"] and item["key"] == name), None)
        menu = self.query_one(OptionList)
        if picked is not None:
            self.dismiss(picked["command"])
        elif name in _CLOSE_KEYS:
            self.dismiss(None)
        elif name == "k":
            menu.action_cursor_up()
        elif name == "j":
            menu.action_cursor_down()
        else:
            return  # the list's own keys: Up, Down, Home, End, Enter
        event.stop()
