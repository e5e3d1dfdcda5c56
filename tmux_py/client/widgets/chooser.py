"""``choose-tree`` (C-b s, C-b w): a list of sessions or windows; Enter picks, q/Escape closes."""

from __future__ import annotations

from textual import events
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class Chooser(ModalScreen[dict | None]):
    """Dismisses with the picked item (``label``, ``command``; customize-mode's ``edit``), or None."""

    DEFAULT_CSS = """
    Chooser { align: center middle; }
    Chooser OptionList { width: 80%; height: auto; max-height: 80%; border: round $accent; }
    """

    def __init__(self, title: str, items: list[dict]) -> None:
        super().__init__()
        self.title_text = title
        self.items = items

    def compose(self):
        options = OptionList(*[Option(item["label"], id=str(index)) for index, item in enumerate(self.items)],
                             markup=False)  # labels are names and values: [x] is text, not markup
        options.border_title = self.title_text
        yield options

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.items[int(event.option.id)])

    def on_key(self, event: events.Key) -> None:
        if event.key in ("q", "escape"):
            event.stop()
            self.dismiss(None)
