"""Scroll mode (tmux's copy mode) of one pane: history by range, search, selection.

Lines are numbered absolutely: ``0 .. history_size - 1`` are the scrollback
(0 the oldest), then the screen as it was when the mode began (the mode shows
a frozen screen, as tmux does). ``offset`` is how many lines the view is
scrolled up from the live screen; the top row shows line
``history_size - offset``. History lines are fetched from the daemon in
chunks of :data:`CHUNK` as the view needs them (``History`` requests), kept
in a cache, never all at once; a search fetches chunk by chunk from the cursor
until it finds a match.

The mode's cursor moves with vi keys or arrows; Space/v starts a selection;
Enter/y copies it (the app puts it on the system clipboard with OSC 52 and in
a paste buffer) and leaves; q/Escape leaves.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

#: History lines per request.
CHUNK = 200

_MARK_STYLE = Style(reverse=True)


def line_text(runs: list) -> str:
    return "".join(run[0] for run in runs)


class CopyMode:
    """The state of scroll mode over one PaneView."""

    def __init__(self, view, history_size: int,
                 fetch: Callable[[int, int], Awaitable[tuple[int, list]]],
                 on_copy: Callable[[str], None], on_exit: Callable[[], None]) -> None:
        self.view = view
        self.history_size = history_size
        self.screen = [list(runs) for runs in view.rows]
        self.height = view.lines_count
        self.width = view.columns
        self.fetch = fetch
        self.on_copy = on_copy
        self.on_exit = on_exit
        self.offset = 0
        self.cursor_x, self.cursor_line = view.cursor[0], history_size + view.cursor[1]
        self.anchor: tuple[int, int] | None = None
        self.pattern = ""
        self.message = ""
        self._cache: dict[int, list] = {}
        self._loading: set[int] = set()
        self._tasks: set[asyncio.Task] = set()

    @property
    def total(self) -> int:
        return self.history_size + self.height

    @property
    def top(self) -> int:
        return self.history_size - self.offset

    # --- lines -------------------------------------------------------------------

    def runs(self, line: int) -> list | None:
        """Runs of absolute line ``line``; None while its history chunk is on its way."""
        if line >= self.history_size:
            y = line - self.history_size
            return self.screen[y] if 0 <= y < len(self.screen) else []
        found = self._cache.get(line)
        if found is None:
            self._load(line - line % CHUNK)
        return found

    def _load(self, start: int) -> None:
        if start in self._loading:
            return
        self._loading.add(start)

        async def load() -> None:
            try:
                first, lines = await self.fetch(start, min(start + CHUNK, self.history_size))
            except Exception as error:  # the daemon went away or refused: say so, keep the mode
                self.message = f"history: {error}"
                return
            finally:
                self._loading.discard(start)
            for index, runs in enumerate(lines):
                self._cache[first + index] = runs
            self.view.refresh()

        task = asyncio.get_running_loop().create_task(load())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def text_of(self, line: int) -> str:
        runs = self.runs(line)
        while runs is None:
            first, lines = await self.fetch(line - line % CHUNK, min(line - line % CHUNK + CHUNK, self.history_size))
            for index, fetched in enumerate(lines):
                self._cache[first + index] = fetched
            runs = self._cache.get(line, [])
        return line_text(runs)

    def screen_changed(self, lines: list[int]) -> None:
        """The pane drew while in scroll mode: the mode keeps its frozen screen (as tmux's copy
        mode does); the pane's rows are already updated for when the mode ends."""

    # --- drawing ------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        line = self.top + y
        palette = self.view.palette
        runs = self.runs(line)
        strip = palette.strip(runs or [], self.width)
        text = line_text(runs or [])
        highlights = self._highlights(line, text)
        for start, end, style in highlights:
            strip = _restyle(strip, start, end, style, self.width)
        if line == self.cursor_line and 0 <= self.cursor_x < self.width:
            strip = self.view.with_cursor(strip, self.cursor_x)
        if y == 0:
            mark = f"[{self.offset}/{self.history_size}]"
            if self.message:
                mark = f"{self.message} {mark}"
            mark = mark[-self.width:]
            left = strip.crop(0, self.width - len(mark))
            strip = Strip.join([left, Strip([Segment(mark, palette.default + _MARK_STYLE)], len(mark))])
        return strip

    def _highlights(self, line: int, text: str) -> list[tuple[int, int, Style]]:
        palette = self.view.palette
        spans = []
        if self.pattern:
            start = text.find(self.pattern)
            while start >= 0:
                spans.append((start, start + len(self.pattern), palette.search))
                start = text.find(self.pattern, start + 1)
        selection = self.selection()
        if selection is not None:
            (sx, sl), (ex, el) = selection
            if sl <= line <= el:
                begin = sx if line == sl else 0
                end = ex + 1 if line == el else self.width
                spans.append((begin, end, palette.selection))
        return spans

    def selection(self) -> tuple[tuple[int, int], tuple[int, int]] | None:
        if self.anchor is None:
            return None
        a = (self.anchor[1], self.anchor[0])
        b = (self.cursor_line, self.cursor_x)
        first, last = sorted((a, b))
        return (first[1], first[0]), (last[1], last[0])

    # --- moving -----------------------------------------------------------------

    def _show_cursor(self) -> None:
        """Scroll so the cursor's line is in view."""
        if self.cursor_line < self.top:
            self.offset = self.history_size - self.cursor_line
        elif self.cursor_line >= self.top + self.height:
            self.offset = self.history_size - (self.cursor_line - self.height + 1)
        self.offset = max(0, min(self.offset, self.history_size))

    def move(self, lines: int) -> None:
        self.cursor_line = max(0, min(self.total - 1, self.cursor_line + lines))
        self._show_cursor()
        self.view.refresh()

    def scroll(self, lines: int) -> None:
        """Scroll the view up (positive) or down, the cursor staying on screen."""
        self.offset = max(0, min(self.history_size, self.offset + lines))
        self.cursor_line = max(self.top, min(self.top + self.height - 1, self.cursor_line))
        self.view.refresh()

    def goto(self, line: int) -> None:
        self.cursor_line = max(0, min(self.total - 1, line))
        self._show_cursor()
        self.view.refresh()

    def key(self, name: str, prompt: Callable[[str], None]) -> None:
        """One key in scroll mode (tmux names); ``prompt(kind)`` asks for a search string."""
        page = max(1, self.height - 1)
        moves = {"Up": -1, "k": -1, "Down": 1, "j": 1}
        pages = {"PageUp": page, "C-b": page, "PageDown": -page, "C-f": -page,
                 "C-u": page // 2 or 1, "C-d": -(page // 2 or 1)}
        self.message = ""
        if name in moves:
            self.move(moves[name])
        elif name in pages:
            self.scroll(pages[name])
        elif name in ("Left", "h"):
            self.cursor_x = max(0, self.cursor_x - 1)
            self.view.refresh()
        elif name in ("Right", "l"):
            self.cursor_x = min(self.width - 1, self.cursor_x + 1)
            self.view.refresh()
        elif name == "0":
            self.cursor_x = 0
            self.view.refresh()
        elif name == "$":
            self.cursor_x = self.width - 1
            self.view.refresh()
        elif name == "g":
            self.goto(0)
        elif name == "G":
            self.goto(self.total - 1)
        elif name in ("/", "?"):
            prompt("search-down" if name == "/" else "search-up")
        elif name in ("n", "N") and self.pattern:
            self.search(self.pattern, forward=(name == "n") == self._forward)
        elif name in ("Space", "v"):
            self.anchor = (self.cursor_x, self.cursor_line)
            self.view.refresh()
        elif name in ("Enter", "y"):
            self.copy_selection()
        elif name in ("q", "Escape", "C-c"):
            self.on_exit()

    # --- search and copy ------------------------------------------------------

    _forward = False

    def search(self, pattern: str, forward: bool) -> None:
        if not pattern:
            return
        self.pattern = pattern
        self._forward = forward
        task = asyncio.get_running_loop().create_task(self._search(pattern, forward))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _search(self, pattern: str, forward: bool) -> None:
        step = 1 if forward else -1
        line = self.cursor_line + step
        while 0 <= line < self.total:
            column = (await self.text_of(line)).find(pattern)
            if column >= 0:
                self.cursor_x = column
                self.goto(line)
                return
            line += step
        self.message = "Search failed"
        self.view.refresh()

    def copy_selection(self) -> None:
        selection = self.selection()
        if selection is None:
            self.on_exit()
            return
        task = asyncio.get_running_loop().create_task(self._copy(selection))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _copy(self, selection) -> None:
        (sx, sl), (ex, el) = selection
        parts = []
        for line in range(sl, el + 1):
            text = await self.text_of(line)
            begin = sx if line == sl else 0
            end = ex + 1 if line == el else len(text)
            parts.append(text[begin:end].rstrip() if line != el else text[begin:end])
        self.on_copy("\n".join(parts))
        self.on_exit()


def _restyle(strip: Strip, start: int, end: int, style: Style, width: int) -> Strip:
    """``strip`` with cells [start, end) drawn in ``style`` on top of their own."""
    start, end = max(0, start), min(width, end)
    if start >= end:
        return strip
    left, middle, right = strip.divide([start, end, width])
    # post_style: the highlight wins over the cells' own colours.
    middle = Strip(Segment.apply_style(list(middle), post_style=style), middle.cell_length)
    return Strip.join([left, middle, right])
