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
panes with their sizes on the second line, nothing on the others), which the themed bar
does not. An open prompt takes the first line's place (``covered``), as tmux's;
the lines after it stay.

That is the themed bar. Once the user sets one of tmux's status options, the daemon draws
tmux's lines itself and sends them (:class:`~tmux_py.protocol.StatusLine`): ``drawn`` holds
their runs, coloured through the theme's palette as pane content is, and ``ranges`` what a
click selects (a window's range selects it). Over them the bar keeps its own overlays where
tmux would show something: a message replaces the first line (as tmux's display-message, in
tmux's default message-style, black on yellow); the throttle and flow marks and the prefix
mark take the right end of the first line.
"""

from __future__ import annotations

import time

from rich.style import Style
from rich.text import Text
from textual import events
from textual.reactive import reactive
from textual.widget import Widget

from tmux_py.client.messages import StatusLeftClicked, WindowClicked
from tmux_py.client.palette import Palette


#: Colours of the backpressure levels that show (green shows nothing).
FLOW_COLOURS = {"yellow": "yellow", "red": "red"}
#: tmux's default message-style (bg=yellow,fg=black), for a message over tmux's line.
MESSAGE_STYLE = Style(color="black", bgcolor="yellow")
#: Textual's number for the right mouse button (it counts from 1).
TEXTUAL_RIGHT_BUTTON = 3


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
        #: tmux's lines as the daemon drew them (runs per line); none: the themed bar.
        self.drawn: list[list] = []
        #: What a click on the drawn lines selects: [line, kind, argument, start, end].
        self.ranges: list[list] = []
        self.palette: Palette | None = None

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
        if self.drawn and self.palette is not None:
            return self._render_drawn(self.size.width, self.palette)
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
        self._marks(right)
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

    def _marks(self, right: Text) -> Text:
        """The bar's own marks, added to ``right``: throttled panes, this client's lag, the prefix."""
        if self.throttled:
            # The daemon is rationing these panes' output: their programs are faster than it.
            right.append(f"⏸ {','.join(self.throttled)} ", Style(color="yellow", bold=True))
        if self.flow != "green":
            # This client is behind: the daemon holds its updates until the socket drains.
            right.append(f"● {self.flow} {self.behind} behind ", Style(color=FLOW_COLOURS.get(self.flow), bold=True))
        if self.prefix:
            right.append(f"{self.prefix} ", Style(color=self.colours["prefix"], bold=True, reverse=True))
        return right

    def _render_drawn(self, width: int, palette: Palette) -> Text:
        """tmux's lines as the daemon drew them, the bar's overlays on the first."""
        lines = []
        for number in range(1 if self.covered else 0, self.lines):
            line = Text(no_wrap=True, overflow="crop")
            for text, fg, bg, flags in self.drawn[number] if number < len(self.drawn) else ():
                line.append(text, palette.style(fg, bg, flags))
            line.pad_right(width - line.cell_len)
            if number == 0 and self.message:
                line = Text(self.message, MESSAGE_STYLE, no_wrap=True)
                line.pad_right(width - line.cell_len)
            elif number == 0:
                marks = self._marks(Text(style=palette.style(-1, -1, 0)))
                if marks:
                    line.truncate(max(0, width - marks.cell_len))
                    line.append_text(marks)
            line.truncate(width)
            lines.append(line)
        return Text("\n", no_wrap=True).join(lines)

    def on_click(self, event: events.Click) -> None:
        if self.drawn:
            line = event.y + self.covered
            for number, kind, argument, start, end in self.ranges:
                if number == line and start <= event.x < end:
                    if kind == "window":
                        self.post_message(WindowClicked(argument, right=event.button == TEXTUAL_RIGHT_BUTTON))
                    return
            return
        if event.y > 0:
            return  # the window list is on the first line only
        for start, end, window_id in self._spans:
            if start <= event.x < end:
                self.post_message(WindowClicked(window_id, right=event.button == TEXTUAL_RIGHT_BUTTON))
                return
        if event.button == TEXTUAL_RIGHT_BUTTON and self._spans and event.x < self._spans[0][0]:
            self.post_message(StatusLeftClicked())
