"""The prompt on the status line: tmux's command-prompt (``:``, answers, search) and y/n.

``ask(kind, questions, mode, context)`` shows the first of ``questions``
(label and initial text, as the daemon expanded them) and takes the focus;
Enter answers it and shows the next, as tmux asks ``-p "a,b"``; after the last
the prompt hands an :class:`Answer` to the app's callback (called at once, not
through a message: with ``-N`` the key that ended the prompt must act after
the answer and before any key typed next). Escape answers None. The app hands
the prompt its keys one at a time (:meth:`PromptInput.take`), each done before
the next.

``mode`` is tmux 3.3a's way of taking keys (status.c's ``status_prompt_key``):

- ``single`` (``-1``): the first character typed is the answer; other keys
  edit as usual (Enter answers what is there);
- ``numeric`` (``-N``): digits are typed; any other key answers what is
  there and is then handed back as a key (``3j``: the count, then ``j``);
- ``key`` (``-k``): the name of the first key is the answer (``C-b``, ``Enter``);
- ``incremental`` (``-i``): each change hands over the text so far after
  ``=`` (``+`` for C-s, ``-`` for C-r), as a non-final answer; Enter and
  Escape only close it.

For ``confirm``, y answers and any other key cancels. In a command prompt Tab
completes the first word from the command names the daemon sent at attach, and Up and
Down walk the history of the prompt's type (the daemon's, sent with the prompt); a line
entered goes into it (:class:`Prompt.Entered`, for the app to tell the daemon).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import events
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label

from tmux_py.client.keymap import tmux_key

#: The keys of a numeric (-N) prompt that are typed; any other ends it.
_DIGITS = frozenset("0123456789")


@dataclass
class Answer:
    """What the prompt hands the app: ``answers`` (one for each question; None when cancelled),
    ``final`` False for an incremental prompt's text so far, ``key`` (Textual's key and
    character) for a key that ended a numeric prompt and must act next."""

    kind: str
    answers: list[str] | None
    context: dict
    final: bool = True
    key: tuple[str, str | None] | None = None


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
    """An Input that takes keys as the prompt's mode says; Tab completes, Escape cancels.

    The app hands it each key (:meth:`take`) and awaits it: a key is done, Enter's answer run,
    before the next one is read, as tmux's status_prompt_key. Keys are never routed to it by
    Textual's focus, which follows a step later."""

    def __init__(self) -> None:
        # Not selected on focus (Textual's default): a key types after an -I input, as in tmux.
        super().__init__(id="prompt-input", select_on_focus=False)
        self.names: list[str] = []

    async def take(self, event: events.Key | events.Paste) -> None:
        """One key (or a paste: its first line) typed at the prompt."""
        prompt: Prompt = self.parent
        before = self.value
        if isinstance(event, events.Paste):
            self._on_paste(event)
        else:
            await self._take_key(event, prompt)
        if prompt.mode == "incremental" and self.value != before:
            prompt.changed()

    async def _take_key(self, event: events.Key, prompt: Prompt) -> None:
        if prompt.kind == "confirm":
            prompt.finish(["y"] if event.character in ("y", "Y") else None)
            return
        if prompt.mode == "key":
            name = tmux_key(event.key, event.character)
            if name is not None:
                prompt.answer(name)
            return
        if prompt.mode == "numeric" and event.key not in _DIGITS:
            prompt.answer(self.value, key=(event.key, event.character))
            return
        if event.key == "escape":
            prompt.finish(None)
        elif event.key == "enter":
            prompt.entered(self.value)
            prompt.answer(self.value)
        elif event.key in ("up", "down") and prompt.kind == "command":
            prompt.recall(older=event.key == "up")
        elif event.key == "tab":
            if prompt.kind == "command" and not prompt.mode:
                self.value = complete(self.value, self.names)
                self.cursor_position = len(self.value)
        elif prompt.mode == "incremental" and event.key in ("ctrl+r", "ctrl+s"):
            prompt.changed("-" if event.key == "ctrl+r" else "+")
        elif event.key in self._bindings.key_to_bindings:
            # Input's editing keys (Backspace, Left, C-u...), run here and now.
            await self.run_action(self._bindings.key_to_bindings[event.key][0].action)
        else:
            await self._on_key(event)  # Input's own: a printable character is typed
            if prompt.mode == "single" and event.is_printable:
                # tmux: the character is typed, then the prompt ends with it, or is cancelled
                # when it joined other text (an -I input).
                if len(self.value) == 1:
                    prompt.answer(self.value)
                else:
                    prompt.finish(None)


class Prompt(Horizontal):
    class Entered(Message):
        """A line entered at a prompt of type ``kind``, for the prompts' history."""

        def __init__(self, kind: str, text: str) -> None:
            super().__init__()
            self.kind = kind
            self.text = text

    DEFAULT_CSS = """
    Prompt { dock: bottom; height: 1; display: none; }
    Prompt Label { width: auto; }
    Prompt Input, Prompt Input:focus { border: none; height: 1; padding: 0; width: 1fr; }
    """

    def __init__(self, answered: Callable[[Answer], None]) -> None:
        super().__init__(id="prompt")
        self.answered = answered
        self.label = Label("")
        self.input = PromptInput()
        self.kind = "command"
        self.mode = ""
        self.context: dict = {}
        self.questions: list[tuple[str, str]] = []
        self.answers: list[str] = []
        #: The history of this prompt's type, oldest first, and how far Up has walked back.
        self.history: list[str] = []
        self.recalled = 0

    def compose(self):
        yield self.label
        yield self.input

    def ask(self, kind: str, questions: list[tuple[str, str]], mode: str = "", context: dict | None = None,
            history: list[str] | None = None) -> None:
        """Show the first question (label, initial text); ``kind`` is ``command`` or ``confirm``;
        ``history`` the lines of the prompt's type (``context["type"]``)."""
        self.kind, self.mode = kind, mode
        self.context = context or {}
        self.history = list(history or ())
        self.questions = [tuple(question) for question in questions] or [(":", "")]
        self.answers = []
        self._show(*self.questions[0])
        self.display = True
        self.input.focus()
        self.changed()  # tmux runs an incremental prompt's template as it opens

    def _show(self, label: str, initial: str) -> None:
        self.recalled = 0  # each question walks the history from its newest line
        self.label.update(label)
        self.input.value = initial
        self.input.cursor_position = len(initial)

    @property
    def is_open(self) -> bool:
        return bool(self.display)

    def answer(self, value: str, key: tuple[str, str | None] | None = None) -> None:
        """One question answered: the next one shown, or (the last) every answer handed over."""
        self.answers.append(value)
        if len(self.answers) < len(self.questions):
            self._show(*self.questions[len(self.answers)])
            return
        # An incremental prompt ran its template as it changed: its Enter only closes it, as tmux's.
        self.finish(None if self.mode == "incremental" else self.answers, key)

    def entered(self, text: str) -> None:
        """Enter at a command prompt: the line joins the history of its type, whatever the
        prompt then does with it (tmux's status_prompt_add_history)."""
        kind = self.context.get("type")
        if kind is None or not text:
            return
        if not self.history or self.history[-1] != text:
            self.history.append(text)
        self.post_message(self.Entered(kind, text))

    def recall(self, older: bool) -> None:
        """Up (``older``) or Down: the history line before or after the one shown, newest
        first; below the newest is an empty line (tmux's status_prompt_up/down_history)."""
        if older and self.recalled < len(self.history):
            self.recalled += 1
        elif not older and self.recalled > 0:
            self.recalled -= 1
        else:
            return
        line = self.history[-self.recalled] if self.recalled else ""
        self.input.value = line
        self.input.cursor_position = len(line)

    def finish(self, answers: list[str] | None, key: tuple[str, str | None] | None = None) -> None:
        self.display = False
        self.answered(Answer(self.kind, answers, self.context, key=key))

    def changed(self, prefix: str = "=") -> None:
        """An incremental prompt's text so far, after tmux's prefix, for the app to run."""
        if self.is_open and self.mode == "incremental":
            self.answered(Answer(self.kind, [prefix + self.input.value], self.context, final=False))
