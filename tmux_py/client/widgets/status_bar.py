"""The status line: ``[session] 0:bash* 1:vim-  "title"   <message> <flow> <C-b> 12:30 23-Nov-26``.

Left, the session name and the window list with tmux's flags as the daemon
sends them (``#`` activity, ``!`` bell, ``*`` current, ``-`` last, ``Z``
zoomed; a window with an alert is drawn reversed, tmux's
window-status-activity-style and -bell-style); then the active pane's title. Right: ``⏸ %3`` for
panes whose programs the daemon is throttling (they write faster than it
emulates); ``● yellow 120 behind`` while this client lags (the daemon's
``Flow`` level and the lines it owes; nothing when green); the prefix mark
while a prefix is pending; a message when there is one; and the clock (the
``status-right`` option, strftime). Clicking a window's name selects it.

The ``status`` option says how many lines it takes (tmux's status_line_size: on is one, 2 to 5
that many; off hides it, which the app does). The lines after the first are blank, in the
status line's colours: tmux draws ``status-format[1]`` and on there (by default the window's
panes with their sizes on the second line, nothing on the others), and tmuxpy draws no
status-format yet. An open prompt takes the first line's place (``covered``), as tmux's;
the lines after it stay.
"""

from __future__ import annotations

import time

from rich.style import Style
from rich.text import Text
from textual import events
from textual.reactive import reactive
from textual.widget import Widget

from tmux_py.client.messages import WindowClicked


#: Colours of the backpressure levels that show (green shows nothing).
FLOW_COLOURS = {"yellow": "yellow", "red": "red"}


class StatusBar(Widget):
    DEFAULT_CSS = """
    StatusBar { dock: bottom; height: 1; width: 100%; }
    """

    #: Lines the status line takes: the status option's count (1 for on, 2 to 5).
    lines = reactive(1)
    #: The prompt is open over the first line: only the lines after it are drawn here.
    covered = reactive(False)

    def __init__(self) -> None:
        super().__init__(id="status")
        self.session = ""
        self.windows: list[dict] = []
        self.title = ""
        self.prefix = ""  # the prefix key's name while a binding is awaited
        self.flow = "green"
        self.behind = 0
        self.throttled: list[str] = []
        self.message = ""
        self.clock_format = "%H:%M %d-%b-%y"
        self.colours = {"background": "#00875f", "foreground": "#000000", "current": "#ffffff",
                        "prefix": "#ffd700", "message": "#ffd700"}
        self._spans: list[tuple[int, int, str]] = []  # (start, end, window id) for clicks

    def on_mount(self) -> None:
        self.set_interval(1.0, self.refresh)

    def watch_lines(self) -> None:
        self.styles.height = max(1, self.lines - self.covered)

    watch_covered = watch_lines

    def update(self, **fields) -> None:
        for name, value in fields.items():
            setattr(self, name, value)
        self.refresh()

    def render(self) -> Text:
        colours = self.colours
        base = Style(color=colours["foreground"], bgcolor=colours["background"])
        width = self.size.width
        if self.covered:
            self._spans = []
            return Text("\n".join(" " * width for _ in range(1, self.lines)), style=base, no_wrap=True)
        text = Text(style=base, no_wrap=True, overflow="crop")
        text.append(f"[{self.session}] ")
        self._spans = []
        for window in self.windows:
            flags = window["flags"]
            label = f"{window['index']}:{window['name']}{flags}"
            start = text.cell_len
            if window["active"]:
                style = Style(color=colours["current"], bold=True)
            else:
                style = Style(reverse=True) if "#" in flags or "!" in flags else None
            text.append(label, style)
            self._spans.append((start, text.cell_len, window["id"]))
            text.append(" ")
        if self.title:
            text.append(f' "{self.title}"')
        right = Text(style=base, no_wrap=True)
        if self.message:
            right.append(self.message + " ", Style(color=colours["message"], bold=True))
        if self.throttled:
            # The daemon is rationing these panes' output: their programs are faster than it.
            right.append(f"⏸ {','.join(self.throttled)} ", Style(color="yellow", bold=True))
        if self.flow != "green":
            # This client is behind: the daemon holds its updates until the socket drains.
            right.append(f"● {self.flow} {self.behind} behind ", Style(color=FLOW_COLOURS.get(self.flow), bold=True))
        if self.prefix:
            right.append(f"{self.prefix} ", Style(color=colours["prefix"], bold=True, reverse=True))
        if self.clock_format:
            right.append(time.strftime(self.clock_format))
        gap = width - text.cell_len - right.cell_len
        if gap > 0:
            text.append(" " * gap)
        text.append_text(right)
        text.truncate(width)
        for _ in range(1, self.lines):
            text.append("\n" + " " * width)
        return text

    def on_click(self, event: events.Click) -> None:
        if event.y > 0:
            return  # the window list is on the first line only
        for start, end, window_id in self._spans:
            if start <= event.x < end:
                self.post_message(WindowClicked(window_id))
                return
