"""Scroll mode (tmux's copy mode) of one pane: history by range, search, selection.

Lines are numbered absolutely: ``0 .. history_size - 1`` are the scrollback
(0 the oldest), then the screen as it was when the mode began (the mode shows
a frozen screen, as tmux does). ``offset`` is how many lines the view is
scrolled up from the live screen; the top row shows line
``history_size - offset``. History lines are fetched from the daemon in
chunks of :data:`CHUNK` as the view needs them (``History`` requests), kept
in a cache, never all at once; a search fetches chunk by chunk from the cursor
until it finds a match.

Keys are looked up in the daemon's copy-mode key tables, the one the
``mode-keys`` option chooses (``copy-mode-vi`` or ``copy-mode``), as tmux's
copy mode does (:func:`binding`): ``bind -T copy-mode-vi v send -X
begin-selection`` rebinds a key, ``unbind`` makes it do nothing. A bound
``send-keys -X name`` (:func:`send_x`) runs one of tmux's copy-mode commands
here (:meth:`CopyMode.run`, :attr:`CopyMode.COMMANDS`); anything else runs in
the daemon, as the client's other bindings do (tmux's own search keys are
``command-prompt`` whose answer comes back as ``send-keys -X search-forward
TEXT``). Copying puts the selection on the system clipboard (OSC 52) and in a
paste buffer.

Repeat counts and jumps are tmux's own bindings too: a digit opens a
``command-prompt -N`` whose answer, ``send-keys -N COUNT`` with no key, sets
:attr:`CopyMode.prefix`, the count the next command runs with (tmux's
``wme->prefix``); ``f``/``t``/``F``/``T`` open a ``command-prompt -1`` whose one
character is the jump's (:meth:`CopyMode.jump`). C-s/C-r are ``command-prompt
-i``: each change of the answer runs ``search-*-incremental`` with tmux's
``=``/``+``/``-`` prefix (:meth:`CopyMode.search_incremental`). Not done yet:
marks, brackets, paragraphs, and copy-pipe's command (the selection is copied,
not piped).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from tmux_py.bindings import COPY_MODE_TABLES, canonical_key
from tmux_py.cmdline import CommandLineError, split_commands

#: History lines per request.
CHUNK = 200

_MARK_STYLE = Style(reverse=True)



def binding(tables: dict[str, dict[str, str]], mode_keys: str, key: str) -> str | None:
    """What ``key`` (a tmux name) is bound to in copy mode: the command string of the table
    ``mode-keys`` chooses among the daemon's ``tables``; None for an unbound key."""
    return tables.get(COPY_MODE_TABLES.get(mode_keys, "copy-mode"), {}).get(canonical_key(key))


def copy_action(argv: list[str]) -> tuple[str | None, list[str], int | None] | None:
    """What a ``send-keys`` does to copy mode, as (command, arguments, count): ``send-keys -X [-N
    count] command [argument ...]``, or (None, [], count) for ``send-keys -N count`` with no key
    (tmux: the count for the next copy-mode command); count None without -N. None for any other
    command, for a count that is no count, and for -F or -t, which only the daemon can expand and
    resolve."""
    if not argv or argv[0] not in ("send-keys", "send"):
        return None
    flags: set[str] = set()
    count = None
    index = 1
    while index < len(argv) and argv[index].startswith("-") and argv[index] != "-":
        letters = argv[index][1:]
        index += 1
        if letters == "-":
            break
        for position, letter in enumerate(letters):
            flags.add(letter)
            if letter in "Nt":  # getopt: the value is the rest of the word, else the next word
                value = letters[position + 1:]
                if not value and index < len(argv):
                    value, index = argv[index], index + 1
                count = value if letter == "N" else count
                break
    if flags & {"F", "t"} or (count is not None and not (count.isdigit() and int(count) >= 1)):
        return None
    number = int(count) if count is not None else None
    if "X" in flags and index < len(argv):
        return argv[index], argv[index + 1:], number
    if flags == {"N"} and index == len(argv):
        return None, [], number
    return None


def send_x(argv: list[str]) -> tuple[str, list[str], int] | None:
    """``send-keys -X [-N count] command [argument ...]`` as (command, arguments, count); None for
    anything else (:func:`copy_action`)."""
    action = copy_action(argv)
    if action is None or action[0] is None:
        return None
    name, arguments, count = action
    return name, arguments, count or 1


def copy_command(command: str | None) -> str | None:
    """The copy-mode command a binding runs when it is one ``send-keys -X``, else None."""
    try:
        argvs = split_commands(command or "")
    except CommandLineError:
        return None
    found = send_x(argvs[0]) if len(argvs) == 1 else None
    return found[0] if found else None


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
        self.ended = False  # cancelled: the rest of a repeated (-N) command does nothing
        self.prefix = 1  # the count the next command runs with (send-keys -N with no key)
        self.jump_kind = ""  # the last jump (a key of _JUMP_REVERSE) and its character, for ; and ,
        self.jump_character = ""
        self.search_origin: tuple[int, int, int] | None = None  # where an incremental search began
        self._search_task: asyncio.Task | None = None
        self.offset = 0
        self.cursor_x, self.cursor_line = view.cursor[0], history_size + view.cursor[1]
        self.anchor: tuple[int, int] | None = None
        self.rectangle = False
        self.line_selection = False
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
        columns = self._selected_columns(line)
        if columns is not None:
            spans.append((*columns, palette.selection))
        return spans

    def selection(self) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """The selection's first and last cells as (x, line), in reading order; whole lines
        after select-line."""
        if self.anchor is None:
            return None
        a = (self.anchor[1], self.anchor[0])
        b = (self.cursor_line, self.cursor_x)
        first, last = sorted((a, b))
        if self.line_selection:
            return (0, first[0]), (self.width - 1, last[0])
        return (first[1], first[0]), (last[1], last[0])

    def _selected_columns(self, line: int) -> tuple[int, int] | None:
        """Columns [begin, end) of ``line`` in the selection; None outside it."""
        selection = self.selection()
        return None if selection is None else self._columns(selection, self.rectangle, line)

    def _columns(self, selection, rectangle: bool, line: int) -> tuple[int, int] | None:
        """Columns [begin, end) of ``line`` in ``selection`` (a :meth:`selection`); None outside it."""
        (sx, sl), (ex, el) = selection
        if not sl <= line <= el:
            return None
        if rectangle:
            return min(sx, ex), max(sx, ex) + 1
        return (sx if line == sl else 0), (ex + 1 if line == el else self.width)

    # --- moving -----------------------------------------------------------------

    def _show_cursor(self) -> None:
        """Scroll so the cursor's line is in view."""
        if self.cursor_line < self.top:
            self.offset = self.history_size - self.cursor_line
        elif self.cursor_line >= self.top + self.height:
            self.offset = self.history_size - (self.cursor_line - self.height + 1)
        self.offset = max(0, min(self.offset, self.history_size))

    def move(self, lines: int) -> None:
        self.set_cursor(self.cursor_x, self.cursor_line + lines)

    def scroll(self, lines: int) -> None:
        """Scroll the view up (positive) or down, the cursor staying on screen."""
        self.offset = max(0, min(self.history_size, self.offset + lines))
        self.cursor_line = max(self.top, min(self.top + self.height - 1, self.cursor_line))
        self.view.refresh()

    def set_cursor(self, x: int, line: int) -> None:
        """The cursor to column ``x`` of ``line`` (kept in the history), scrolled into view."""
        self.cursor_x, self.cursor_line = x, max(0, min(self.total - 1, line))
        self._show_cursor()
        self.view.refresh()

    def loaded_text(self, line: int) -> str:
        """The text of a line; empty while its history chunk is on its way."""
        return line_text(self.runs(line) or [])

    def _class(self, x: int, line: int, spaces_only: bool) -> int:
        """0 for a blank cell, else the kind of word it is in: 1 letters, digits and _ (or any
        non-blank with ``spaces_only``, vi's W/B/E), 2 other characters."""
        text = self.loaded_text(line)
        character = text[x] if x < len(text) else " "
        if character.isspace():
            return 0
        return 1 if spaces_only or character.isalnum() or character == "_" else 2

    def _step(self, x: int, line: int, direction: int) -> tuple[int, int] | None:
        """The next (or previous) cell in reading order, None past either end; a line's end
        joins the next line's start, as words wrap."""
        x += direction
        if x >= self.width:
            x, line = 0, line + 1
        elif x < 0:
            x, line = self.width - 1, line - 1
        return (x, line) if 0 <= line < self.total else None

    def next_word(self, spaces_only: bool = False) -> None:
        """vi's w: the start of the next word."""
        position: tuple[int, int] | None = (self.cursor_x, self.cursor_line)
        kind = self._class(*position, spaces_only)
        while position and kind and self._class(*position, spaces_only) == kind:
            position = self._step(*position, 1)
        while position and not self._class(*position, spaces_only):
            position = self._step(*position, 1)
        if position:
            self.set_cursor(*position)

    def next_word_end(self, spaces_only: bool = False) -> None:
        """vi's e, emacs's M-f: the last character of this or the next word."""
        position = self._step(self.cursor_x, self.cursor_line, 1)
        while position and not self._class(*position, spaces_only):
            position = self._step(*position, 1)
        if position is None:
            return
        kind = self._class(*position, spaces_only)
        while (after := self._step(*position, 1)) and self._class(*after, spaces_only) == kind:
            position = after
        self.set_cursor(*position)

    def previous_word(self, spaces_only: bool = False) -> None:
        """vi's b, emacs's M-b: the start of this or the previous word."""
        position = self._step(self.cursor_x, self.cursor_line, -1)
        while position and not self._class(*position, spaces_only):
            position = self._step(*position, -1)
        if position is None:
            return
        kind = self._class(*position, spaces_only)
        while (before := self._step(*position, -1)) and self._class(*before, spaces_only) == kind:
            position = before
        self.set_cursor(*position)

    def end_of_line(self) -> None:
        self.set_cursor(min(self.width - 1, max(0, len(self.loaded_text(self.cursor_line).rstrip()) - 1)),
                         self.cursor_line)

    def back_to_indentation(self) -> None:
        text = self.loaded_text(self.cursor_line)
        self.set_cursor(len(text) - len(text.lstrip()) if text.strip() else 0, self.cursor_line)

    def screen_line(self, row: int) -> None:
        """top-line, middle-line, bottom-line: the cursor to a row of the view."""
        self.set_cursor(self.cursor_x, min(self.total - 1, self.top + row))

    def begin_selection(self, line_selection: bool = False) -> None:
        self.anchor = (self.cursor_x, self.cursor_line)
        self.line_selection = line_selection
        self.view.refresh()

    def clear_selection(self) -> None:
        self.anchor = None
        self.line_selection = False
        self.view.refresh()

    def set_rectangle(self, on: bool) -> None:
        self.rectangle = on
        self.view.refresh()

    def other_end(self) -> None:
        """The cursor to the selection's other end (the anchor to where the cursor was)."""
        if self.anchor is not None:
            (x, line), self.anchor = self.anchor, (self.cursor_x, self.cursor_line)
            self.set_cursor(x, line)

    def jump(self, kind: str, character: str) -> None:
        """f, F, t, T: the cursor to the next (``forward``) or previous (``backward``) ``character``
        on its line, or (``to-``) to the cell before it; nothing if there is none. An empty
        character does nothing and is not kept for ``;``."""
        if character:
            self.jump_kind, self.jump_character = kind, character[0]
            self._jump(kind)

    def jump_again(self, reverse: bool) -> None:
        """``;`` the last jump again, ``,`` the same jump the other way."""
        if self.jump_kind:
            self._jump(_JUMP_REVERSE[self.jump_kind] if reverse else self.jump_kind)

    def _jump(self, kind: str) -> None:
        # tmux starts a jump-to one cell further out, so that ; after t moves on to the next one.
        text, x, character = self.loaded_text(self.cursor_line), self.cursor_x, self.jump_character
        if kind == "forward":
            found = text.find(character, x + 1)
        elif kind == "to-forward":
            found = text.find(character, x + 2)
            found = found - 1 if found >= 0 else found
        elif kind == "backward":
            found = text.rfind(character, 0, max(0, x))
        else:
            found = text.rfind(character, 0, max(0, x - 1))
            found = found + 1 if found >= 0 else found
        if 0 <= found < self.width:
            self.set_cursor(found, self.cursor_line)

    def copy_end_of_line(self, then: str) -> asyncio.Task:
        """From the cursor to the end of its line, copied; ``then`` as :meth:`copy_selection`'s,
        the selection and cursor left as they were."""
        return self._start_copy(((self.cursor_x, self.cursor_line), (self.width - 1, self.cursor_line)), False, then)

    def goto_line(self, text: str) -> None:
        """tmux's goto-line: the view scrolled ``text`` lines up from the bottom of the history."""
        if text.strip().isdigit():
            self.scroll(int(text) - self.offset)

    @property
    def page(self) -> int:
        return max(1, self.height - 1)

    def leave(self) -> None:
        self.ended = True
        self.on_exit()

    #: tmux's copy-mode commands (``send-keys -X`` names): each takes the mode and the command's
    #: arguments (a search's text, goto-line's number; copy-pipe's command is not run).
    COMMANDS: dict[str, Callable[[CopyMode, list[str]], None]] = {
        "cursor-up": lambda mode, _: mode.move(-1),
        "cursor-down": lambda mode, _: mode.move(1),
        "cursor-left": lambda mode, _: mode.set_cursor(max(0, mode.cursor_x - 1), mode.cursor_line),
        "cursor-right": lambda mode, _: mode.set_cursor(min(mode.width - 1, mode.cursor_x + 1), mode.cursor_line),
        "next-word": lambda mode, _: mode.next_word(),
        "next-space": lambda mode, _: mode.next_word(spaces_only=True),
        "next-word-end": lambda mode, _: mode.next_word_end(),
        "next-space-end": lambda mode, _: mode.next_word_end(spaces_only=True),
        "previous-word": lambda mode, _: mode.previous_word(),
        "previous-space": lambda mode, _: mode.previous_word(spaces_only=True),
        "start-of-line": lambda mode, _: mode.set_cursor(0, mode.cursor_line),
        "back-to-indentation": lambda mode, _: mode.back_to_indentation(),
        "end-of-line": lambda mode, _: mode.end_of_line(),
        "history-top": lambda mode, _: mode.set_cursor(0, 0),
        "history-bottom": lambda mode, _: mode.set_cursor(mode.cursor_x, mode.total - 1),
        "top-line": lambda mode, _: mode.screen_line(0),
        "middle-line": lambda mode, _: mode.screen_line((mode.height - 1) // 2),
        "bottom-line": lambda mode, _: mode.screen_line(mode.height - 1),
        "page-up": lambda mode, _: mode.scroll(mode.page),
        "page-down": lambda mode, _: mode.scroll(-mode.page),
        "halfpage-up": lambda mode, _: mode.scroll(mode.page // 2 or 1),
        "halfpage-down": lambda mode, _: mode.scroll(-(mode.page // 2 or 1)),
        "scroll-up": lambda mode, _: mode.scroll(1),
        "scroll-down": lambda mode, _: mode.scroll(-1),
        "search-forward": lambda mode, args: mode.search(" ".join(args), forward=True),
        "search-backward": lambda mode, args: mode.search(" ".join(args), forward=False),
        # tmuxpy's prompt runs its template once, on Enter: an incremental search is a whole one.
        "search-forward-incremental": lambda mode, args: mode.search_incremental(" ".join(args), forward=True),
        "search-backward-incremental": lambda mode, args: mode.search_incremental(" ".join(args), forward=False),
        "search-again": lambda mode, _: mode.search_again(reverse=False),
        "search-reverse": lambda mode, _: mode.search_again(reverse=True),
        "goto-line": lambda mode, args: mode.goto_line(args[0] if args else ""),
        "jump-forward": lambda mode, args: mode.jump("forward", args[0] if args else ""),
        "jump-backward": lambda mode, args: mode.jump("backward", args[0] if args else ""),
        "jump-to-forward": lambda mode, args: mode.jump("to-forward", args[0] if args else ""),
        "jump-to-backward": lambda mode, args: mode.jump("to-backward", args[0] if args else ""),
        "jump-again": lambda mode, _: mode.jump_again(reverse=False),
        "jump-reverse": lambda mode, _: mode.jump_again(reverse=True),
        "begin-selection": lambda mode, _: mode.begin_selection(),
        "select-line": lambda mode, _: mode.begin_selection(line_selection=True),
        "rectangle-toggle": lambda mode, _: mode.set_rectangle(not mode.rectangle),
        "rectangle-on": lambda mode, _: mode.set_rectangle(True),
        "rectangle-off": lambda mode, _: mode.set_rectangle(False),
        "clear-selection": lambda mode, _: mode.clear_selection(),
        "other-end": lambda mode, _: mode.other_end(),
        "copy-selection": lambda mode, _: mode.copy_selection("clear"),
        "copy-selection-no-clear": lambda mode, _: mode.copy_selection("keep"),
        "copy-selection-and-cancel": lambda mode, _: mode.copy_selection("cancel"),
        "copy-pipe": lambda mode, _: mode.copy_selection("clear"),
        "copy-pipe-no-clear": lambda mode, _: mode.copy_selection("keep"),
        "copy-pipe-and-cancel": lambda mode, _: mode.copy_selection("cancel"),
        "copy-end-of-line": lambda mode, _: mode.copy_end_of_line("clear"),
        "copy-end-of-line-and-cancel": lambda mode, _: mode.copy_end_of_line("cancel"),
        "copy-pipe-end-of-line": lambda mode, _: mode.copy_end_of_line("clear"),
        "copy-pipe-end-of-line-and-cancel": lambda mode, _: mode.copy_end_of_line("cancel"),
        "cancel": lambda mode, _: mode.leave(),
    }

    #: Commands tmux runs once whatever the count (they do not read its ``wme->prefix``).
    ONCE = frozenset({
        "start-of-line", "back-to-indentation", "end-of-line", "history-top", "history-bottom", "top-line",
        "middle-line", "bottom-line", "search-forward-incremental", "search-backward-incremental", "goto-line",
        "begin-selection", "select-line", "rectangle-toggle", "rectangle-on", "rectangle-off", "clear-selection",
        "copy-selection", "copy-selection-no-clear", "copy-selection-and-cancel", "copy-pipe", "copy-pipe-no-clear",
        "copy-pipe-and-cancel", "copy-end-of-line", "copy-end-of-line-and-cancel", "copy-pipe-end-of-line",
        "copy-pipe-end-of-line-and-cancel", "cancel",
    })

    def run(self, name: str, args: list[str], count: int | None = None) -> asyncio.Task | None:
        """``send-keys -X [-N count] name args`` on this mode: ``count`` times, else as many as the
        last ``send-keys -N`` with no key said (:attr:`prefix`, used up by any command), once for
        the commands in :attr:`ONCE`; a cancel ends the repeat. Any command but an incremental
        search forgets where such a search began. tmux ignores a command it does not know; tmuxpy
        says it has none by that name. A search or a copy that has history to fetch first is
        still under way when this returns: its task, for what runs after it to wait for (tmux's
        are done at once); None otherwise."""
        count, self.prefix = count or self.prefix, 1
        if not name.endswith("-incremental"):
            self.search_origin = None
        command = self.COMMANDS.get(name)
        self.message = "" if command else f"no copy-mode command {name}"
        if command is None:
            self.view.refresh()
            return None
        under_way = None
        for _ in range(1 if name in self.ONCE else count):
            if self.ended:
                break
            under_way = command(self, args) or under_way
        return under_way

    # --- search and copy ------------------------------------------------------

    _forward = False

    def search(self, pattern: str, forward: bool) -> asyncio.Task | None:
        if not pattern:
            return None
        self.pattern = pattern
        self._forward = forward
        return self._start_search(forward)

    def search_incremental(self, text: str, forward: bool) -> asyncio.Task | None:
        """tmux's search-forward-incremental and search-backward-incremental: ``text`` is a
        ``command-prompt -i`` answer so far after a prefix: ``=`` (typed or deleted: searched again
        from where the search began, the cursor put back there when the text is new), ``+`` (C-s:
        the next match down) or ``-`` (C-r: the next match up). An empty text clears the pattern."""
        prefix, pattern = text[:1], text[1:]
        if self.search_origin is None:
            self.search_origin = (self.cursor_x, self.cursor_line, self.offset)
        elif pattern != self.pattern:
            self.cursor_x, self.cursor_line, self.offset = self.search_origin
        if not pattern:
            self.pattern = ""
            self.view.refresh()
            return None
        self.pattern = pattern
        self._forward = {"+": True, "-": False}.get(prefix, forward)
        return self._start_search(self._forward)

    def search_again(self, reverse: bool) -> asyncio.Task | None:
        """n and N: the last search again, the same way or (N) the other way, which is not kept."""
        return self._start_search(self._forward != reverse) if self.pattern else None

    def _start_search(self, forward: bool) -> asyncio.Task:
        # A search still fetching history is for an older pattern (an incremental search typed on).
        if self._search_task is not None:
            self._search_task.cancel()
        task = self._search_task = asyncio.get_running_loop().create_task(self._search(self.pattern, forward))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _search(self, pattern: str, forward: bool) -> None:
        step = 1 if forward else -1
        line = self.cursor_line + step
        while 0 <= line < self.total:
            column = (await self.text_of(line)).find(pattern)
            if column >= 0:
                self.set_cursor(column, line)
                return
            line += step
        self.message = "Search failed"
        self.view.refresh()

    def copy_selection(self, then: str) -> asyncio.Task | None:
        """tmux's copy-selection commands: the selection copied, then the mode ends (``cancel``),
        the selection goes (``clear``) or stays (``keep``). With no selection nothing is copied;
        ``cancel`` still leaves."""
        selection = self.selection()
        if selection is not None:
            return self._start_copy(selection, self.rectangle, then)
        if then == "cancel":
            self.leave()
        return None

    def _start_copy(self, selection, rectangle: bool, then: str) -> asyncio.Task:
        if then == "cancel":
            self.ended = True  # at once: the rest of a -N repeat is not run while the copy awaits
        task = asyncio.get_running_loop().create_task(self._copy(selection, rectangle, then))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _copy(self, selection, rectangle: bool, then: str) -> None:
        """The selection's text copied (its history lines fetched first); then the mode ends
        (``cancel``), even when the fetch failed, or the selection goes (``clear``)."""
        (_, sl), (_, el) = selection
        parts = []
        try:
            for line in range(sl, el + 1):
                text = await self.text_of(line)
                begin, end = self._columns(selection, rectangle, line)
                # A part running to the line's end loses the blanks the screen pads it with.
                parts.append(text[begin:end].rstrip() if end >= self.width else text[begin:end])
        except Exception as error:  # the daemon went away or refused: say so, copy nothing
            self.message = f"copy: {error}"
            self.view.refresh()
        else:
            self.on_copy("\n".join(parts))
        finally:
            if then == "cancel":
                self.leave()
        if then == "clear":
            self.clear_selection()


#: Each jump and the jump that goes the other way (``,``).
_JUMP_REVERSE = {"forward": "backward", "backward": "forward", "to-forward": "to-backward",
                 "to-backward": "to-forward"}


def _restyle(strip: Strip, start: int, end: int, style: Style, width: int) -> Strip:
    """``strip`` with cells [start, end) drawn in ``style`` on top of their own."""
    start, end = max(0, start), min(width, end)
    if start >= end:
        return strip
    left, middle, right = strip.divide([start, end, width])
    # post_style: the highlight wins over the cells' own colours.
    middle = Strip(Segment.apply_style(list(middle), post_style=style), middle.cell_length)
    return Strip.join([left, middle, right])
