"""The prompt on the status line: commands (``:``), answers (``,`` rename), y/n, search.

``open(kind, label, initial, context)`` shows it and takes the focus; Enter
(or ``y`` for a confirmation) sends :class:`~tmux_py.client.messages.PromptDone`
with the answer, Escape sends it with ``None``. For commands, Tab completes
the first word from the command names the daemon sent at attach.
"""

from __future__ import annotations

from textual import events
from textual.containers import Horizontal
from textual.widgets import Input, Label

from tmux_py.client.messages import PromptDone


def complete(text: str, names: list[str]) -> str:
    """``text`` with its first word completed as far as the names agree."""
    if " " in text.strip():
        return text
    word = text.strip()
    matches = sorted(name for name in names if name.startswith(word))
    if not matches:
        return text
    common = matches[0]
    for name in matches[1:]:
        while not name.startswith(common):
            common = common[:-1]
    return common + (" " if len(matches) == 1 else "")


class PromptInput(Input):
    """An Input whose Tab completes and whose Escape cancels (nothing else is bound)."""

    def __init__(self) -> None:
        super().__init__(id="prompt-input")
        self.names: list[str] = []
        self.kind = "command"

    async def _on_key(self, event: events.Key) -> None:
        prompt = self.parent
        if event.key == "escape":
            event.stop()
            event.prevent_default()
            prompt.finish(None)
            return
        if self.kind == "confirm":
            event.stop()
            event.prevent_default()
            prompt.finish("y" if event.character in ("y", "Y") else None)
            return
        if event.key == "tab":
            event.stop()
            event.prevent_default()
            if self.kind == "command":
                self.value = complete(self.value, self.names)
                self.cursor_position = len(self.value)
            return
        await super()._on_key(event)


class Prompt(Horizontal):
    DEFAULT_CSS = """
    Prompt { dock: bottom; height: 1; display: none; }
    Prompt Label { width: auto; }
    Prompt Input, Prompt Input:focus { border: none; height: 1; padding: 0; width: 1fr; }
    """

    def __init__(self) -> None:
        super().__init__(id="prompt")
        self.label = Label("")
        self.input = PromptInput()
        self.kind = "command"
        self.context: dict = {}

    def compose(self):
        yield self.label
        yield self.input

    def open(self, kind: str, label: str, initial: str = "", context: dict | None = None) -> None:
        self.kind = self.input.kind = kind
        self.context = context or {}
        self.label.update(label + " ")
        self.input.value = initial
        self.input.cursor_position = len(initial)
        self.display = True
        self.input.focus()

    @property
    def is_open(self) -> bool:
        return bool(self.display)

    def finish(self, value: str | None) -> None:
        self.display = False
        self.post_message(PromptDone(self.kind, value, self.context))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.finish(event.value)
