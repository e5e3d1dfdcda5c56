"""The status line as tmux 3.3a draws it from its options, for a client that asks for it.

By default the client draws its own themed bar. Once any of :data:`STATUS_OPTIONS` has a
value of its own (globally, on the session, or on one of its windows), the daemon draws
tmux's line instead: each ``status-format[N]`` (one per status line) is expanded with
strftime for the client's session and window (``#{T;=/N:status-left}``, ``#{W:...}`` over
the windows...), and the result is drawn as tmux's format_draw does (:func:`draw`):

- text goes, cell by cell, to one of eight *sections*: ``left``, ``centre``, ``right``,
  ``absolute-centre`` (chosen by ``#[align=...]``), the window ``list`` (``#[list=on]``),
  its two markers (``list=left-marker``, ``right-marker``: the ``<`` and ``>`` shown where
  the list is cut) and ``after`` (what follows the list with the list's own alignment);
- ``#[list=focus]`` marks the current window: a list too wide is cut around it;
- ``#[range=...]`` marks what a click selects (``window|N``, ``left``, ``right``...);
- ``#[fill=colour]`` paints the whole line; ``push-default`` / ``pop-default`` make the
  style at that point what ``default`` means until popped;
- the sections are then placed on the line: the left at 0, the right at the end, the centre
  between; when they do not fit, the centre is cut first, then the list, the right, after,
  the left (the order differs a little with the list's alignment, as tmux's).

``#(command)`` in these formats runs the command in the background (:class:`Jobs`, one set per
client, as tmux's format_job_get): the line shows its last output line, nothing until it
has one, and is drawn again when the output changes.

The result is one list of runs (:mod:`tmux_py.style`) per status line, and the ranges
``[line, kind, argument, start, end]`` (cells ``start`` to ``end``, exclusive; tmux's range
takes the cell after the text too, so the separator after a window selects it).
"""

from __future__ import annotations

import asyncio
import logging
import subprocess
import time
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from tmux_py.commands.variables import variables
from tmux_py.format import cell_width, expand
from tmux_py.options import status_lines as status_line_count
from tmux_py.style import DEFAULT, Style, parse_colour, parse_style

if TYPE_CHECKING:
    from tmux_py.commands.context import Context
    from tmux_py.server.model import Session, Window

#: tmux's options for the status line: a value of its own in any of them and the client is
#: sent tmux's line instead of drawing its themed bar.
STATUS_OPTIONS = (
    "status-bg", "status-fg", "status-format", "status-justify", "status-left", "status-left-length",
    "status-left-style", "status-right", "status-right-length", "status-right-style", "status-style",
    "window-status-activity-style", "window-status-bell-style", "window-status-current-format",
    "window-status-current-style", "window-status-format", "window-status-last-style", "window-status-separator",
    "window-status-style",
)

log = logging.getLogger(__name__)

#: A cell: its text ("" for the second half of a wide character), fg, bg, flags.
Cell = tuple[str, int, int, int]


def configured(session: Session) -> bool:
    """Whether the user gave any of :data:`STATUS_OPTIONS` a value: globally, on ``session``,
    or on one of its windows."""
    stores = [session.options, session.options.parent,
              *(window.options for window in session.windows.values())]
    return any(store is not None and store.local(name) for store in stores for name in STATUS_OPTIONS)


def status_line(ctx: Context, session: Session, window: Window, columns: int) -> tuple[list[list], list[list]]:
    """tmux's status lines for a client of ``session`` showing ``window``, ``columns`` wide:
    the runs of each line and the ranges (the module docstring says what they hold)."""
    values = variables(ctx, session, window, window.active)
    base = parse_style(expand(session.options.get("status-style"), values), Style(), Style()) or Style()
    # tmux still honours the older status-fg and status-bg, over status-style, unless default.
    fg, bg = (parse_colour(str(session.options.get(name))) for name in ("status-fg", "status-bg"))
    base = replace(base, fg=base.fg if fg in (None, DEFAULT) else fg, bg=base.bg if bg in (None, DEFAULT) else bg)
    formats = dict(session.options.get("status-format"))
    lines, ranges = [], []
    for number in range(status_line_count(session.options.get("status"))):
        runs, spans = draw(expand(formats.get(number, ""), values, timed=True), columns, base)
        lines.append(runs)
        ranges.extend([number, *span] for span in spans)
    return lines, ranges


class Jobs:
    """One client's ``#()`` commands: each runs through ``/bin/sh -c`` in the background, one
    at a time and at most once a second, again whenever a format asks after that (so every
    status-interval on the status line); :meth:`output` is the last line of its last output
    ("" until it has one, as tmux 3.3a shows it), and ``changed`` is called when that changes."""

    def __init__(self, loop: asyncio.AbstractEventLoop, changed: Callable[[], None]) -> None:
        self._loop = loop
        self._changed = changed
        self._outputs: dict[str, str] = {}
        self._started: dict[str, int] = {}
        self._running: dict[str, asyncio.Task] = {}
        self._processes: dict[str, asyncio.subprocess.Process] = {}

    def output(self, command: str) -> str:
        second = int(time.time())
        if command not in self._running and self._started.get(command) != second:
            self._started[command] = second
            self._running[command] = self._loop.create_task(self._run(command))
        return self._outputs.get(command, "")

    async def _run(self, command: str) -> None:
        try:
            process = self._processes[command] = await asyncio.create_subprocess_shell(
                command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                start_new_session=True)
            data, _ = await process.communicate()
        except OSError as error:
            log.warning("#(%s): %s", command, error)
            data = b""
        finally:
            self._running.pop(command, None)
            self._processes.pop(command, None)
        text = data.decode(errors="replace")
        text = text[:-1] if text.endswith("\n") else text
        last = text.rpartition("\n")[2]
        if self._outputs.get(command) != last:
            self._outputs[command] = last
            self._changed()

    def close(self) -> None:
        """The client left: its commands still running are killed (at once: the daemon may be
        exiting, its loop not running the tasks again)."""
        for process in self._processes.values():
            if process.returncode is None:
                process.kill()
        for task in list(self._running.values()):
            task.cancel()


# --- tmux's format_draw ------------------------------------------------------------

SECTIONS = ("left", "centre", "right", "absolute-centre", "list", "list-left", "list-right", "after")


class _Drawing:
    """The sections being filled and the ranges found (tmux's format_range: a section and
    cells in it, moved to line cells when the section is placed)."""

    def __init__(self, width: int, base: Style) -> None:
        self.sections: dict[str, list[Cell]] = {name: [] for name in SECTIONS}
        self.ranges: list[list] = []  # [section, kind, argument, start, end, placed]
        blank = (" ", base.fg, base.bg, base.flags)
        self.line: list[Cell] = [blank] * width

    def put_text(self, section: str, text: str, style: Style) -> None:
        cells = self.sections[section]
        for char in text:
            if ord(char) < 0x20 or ord(char) == 0x7F:
                continue  # tmux ignores what it cannot print
            width = cell_width(char)
            if width == 0:
                if cells:
                    cells[-1] = (cells[-1][0] + char, *cells[-1][1:])
                continue
            cells.append((char, style.fg, style.bg, style.flags))
            if width == 2:
                cells.append(("", style.fg, style.bg, style.flags))

    def put(self, section: str, offset: int, start: int, width: int) -> None:
        """Cells ``start`` to ``start + width`` of a section at line cell ``offset``, its ranges
        clipped and moved with it (tmux's format_draw_put and format_update_ranges)."""
        width = max(0, min(width, len(self.line) - offset))
        source = self.sections[section]
        cells = source[start : start + width]
        # Half a wide character is a blank.
        if cells and cells[0][0] == "":
            cells[0] = (" ", *cells[0][1:])
        if cells and start + len(cells) < len(source) and source[start + len(cells)][0] == "":
            cells[-1] = (" ", *cells[-1][1:])
        self.line[offset : offset + len(cells)] = cells
        for span in self.ranges:
            if span[0] != section or span[5]:
                continue
            span[5] = True
            low, high = max(span[3], start), min(span[4], start + width)
            if high <= low:
                span[5] = None  # off the line
                continue
            span[3], span[4] = low - start + offset, high - start + offset

    def put_list(self, offset: int, width: int, focus_start: int, focus_end: int) -> None:
        """The window list in ``width`` cells at ``offset``: whole if it fits, else the part
        around the focus with the markers where it is cut (tmux's format_draw_put_list)."""
        size = len(self.sections["list"])
        if width >= size:
            self.put("list", offset, 0, width)
            return
        centre = focus_start + (focus_end - focus_start) // 2
        start = 0 if centre < width // 2 else centre - width // 2
        if start + width > size:
            start = size - width
        left, right = self.sections["list-left"], self.sections["list-right"]
        if start != 0 and width > len(left):
            self.line[offset : offset + len(left)] = left
            offset += len(left)
            start += len(left)
            width -= len(left)
        if start + width < size and width > len(right):
            self.line[offset + width - len(right) : offset + width] = right
            width -= len(right)
        self.put("list", offset, start, width)

    def runs(self) -> list[list]:
        runs: list[list] = []
        for text, fg, bg, flags in self.line:
            if runs and runs[-1][1:] == [fg, bg, flags]:
                runs[-1][0] += text
            else:
                runs.append([text, fg, bg, flags])
        return runs


def _trim(widths: dict[str, int], available: int, order: tuple[str, ...], counted: tuple[str, ...]) -> None:
    """Narrow the ``counted`` sections, in ``order``, until they fit in ``available``."""
    excess = sum(widths[name] for name in counted) - available
    for name in order:
        if excess <= 0:
            return
        cut = min(widths[name], excess)
        widths[name] -= cut
        excess -= cut


def _place_none(drawing: _Drawing, widths: dict[str, int], available: int) -> None:
    """No list: left at 0, right at the end, centre between them, absolute-centre in the middle."""
    _trim(widths, available, ("centre", "right", "left"), ("left", "centre", "right"))
    left, centre, right = widths["left"], widths["centre"], widths["right"]
    sections = drawing.sections
    drawing.put("left", 0, 0, left)
    drawing.put("right", available - right, len(sections["right"]) - right, right)
    drawing.put("centre", left + ((available - right) - left) // 2 - centre // 2,
                len(sections["centre"]) // 2 - centre // 2, centre)
    absolute = min(widths["absolute-centre"], available)
    drawing.put("absolute-centre", (available - absolute) // 2, 0, absolute)


def _place(drawing: _Drawing, align: str, available: int, focus: tuple[int, int]) -> None:
    """The sections on the line for a list aligned ``align`` (tmux's format_draw_left,
    _centre, _right and _absolute_centre)."""
    sections = drawing.sections
    widths = {name: len(cells) for name, cells in sections.items()}
    everything = ("left", "centre", "right", "list", "after")
    if align == "absolute-centre":
        _trim(widths, available, ("centre", "right", "left"), ("left", "centre", "right"))
        _trim(widths, available, ("list", "after", "absolute-centre"), ("list", "after", "absolute-centre"))
    elif align == "centre":
        _trim(widths, available, ("list", "after", "centre", "right", "left"), everything)
    else:
        _trim(widths, available, ("centre", "list", "right", "after", "left"), everything)
    left, centre, right, size, after = (widths[name] for name in everything)
    if size == 0 and align != "absolute-centre":
        # No room for the list: what follows it joins the section it is aligned with.
        sections[align].extend(sections["after"][:after])
        widths[align] = len(sections[align])
        _place_none(drawing, widths, available)
        return
    focus_start, focus_end = focus
    if align == "left":
        drawing.put("left", 0, 0, left)
        drawing.put("right", available - right, len(sections["right"]) - right, right)
        drawing.put("after", left + size, 0, after)
        start = left + size + after
        drawing.put("centre", start + ((available - right) - start) // 2 - centre // 2,
                    len(sections["centre"]) // 2 - centre // 2, centre)
        drawing.put_list(left, size, *((0, 0) if focus_start < 0 or focus_end < 0 else focus))
    elif align == "centre":
        drawing.put("left", 0, 0, left)
        drawing.put("right", available - right, len(sections["right"]) - right, right)
        middle = left + ((available - right) - left) // 2
        drawing.put("centre", middle - size // 2 - centre, 0, centre)
        drawing.put("after", middle - size // 2 + size, 0, after)
        whole = len(sections["list"]) // 2
        drawing.put_list(middle - size // 2, size, *((whole, whole) if focus_start < 0 or focus_end < 0 else focus))
    elif align == "right":
        drawing.put("left", 0, 0, left)
        drawing.put("after", available - after, len(sections["after"]) - after, after)
        drawing.put("right", available - right - size - after, 0, right)
        end = available - right - size - after
        drawing.put("centre", left + (end - left) // 2 - centre // 2, len(sections["centre"]) // 2 - centre // 2,
                    centre)
        drawing.put_list(available - size - after, size, *((0, 0) if focus_start < 0 or focus_end < 0 else focus))
    else:
        drawing.put("left", 0, 0, left)
        drawing.put("right", available - right, len(sections["right"]) - right, right)
        middle = left + ((available - right) - left) // 2
        drawing.put("centre", middle - centre, 0, centre)
        whole = len(sections["list"]) // 2
        absolute = widths["absolute-centre"]
        offset = (available - size - absolute) // 2
        drawing.put("absolute-centre", offset, 0, absolute)
        drawing.put_list(offset + absolute, size, *((whole, whole) if focus_start < 0 or focus_end < 0 else focus))
        drawing.put("after", offset + absolute + size, 0, after)
    if align != "absolute-centre":
        absolute = min(widths["absolute-centre"], available)
        drawing.put("absolute-centre", (available - absolute) // 2, 0, absolute)


def _hashes(text: str, index: int) -> tuple[str, int]:
    """A run of ``#`` at ``index`` not starting a style: the text it draws and where it ends
    (tmux: ``##`` is one ``#``; before ``[``, an odd count ends with a style's ``#``)."""
    count = 1
    while text[index + count : index + count + 1] == "#":
        count += 1
    if text[index + count : index + count + 1] != "[":
        return "#" * ((count + 1) // 2), index + count
    if count % 2 == 0:
        return "#" * (count // 2) + "[", index + count + 1
    return "#" * (count // 2), index + count - 1


def draw(expanded: str, width: int, base: Style) -> tuple[list[list], list[list]]:
    """An expanded format drawn on a line ``width`` cells wide over ``base`` (status-style):
    its runs and its ranges ``[kind, argument, start, end]``, as tmux's format_draw."""
    drawing = _Drawing(width, base)
    style = base_default = current_default = base
    aligns = {"": "left", "left": "left", "centre": "centre", "right": "right", "absolute-centre": "absolute-centre"}
    current, list_state, list_align, fill = "left", -1, "", None
    focus_start = focus_end = -1
    opened: list | None = None  # the range being drawn: [section, kind, argument, start]
    index = 0
    while index < len(expanded):
        if expanded[index] == "#" and expanded[index + 1 : index + 2] not in ("[", ""):
            text, index = _hashes(expanded, index)
            drawing.put_text(current, text, style)
            continue
        if not expanded.startswith("#[", index):
            end = expanded.find("#", index + 1)
            end = len(expanded) if end == -1 else end
            drawing.put_text(current, expanded[index:end], style)
            index = end
            continue
        end = expanded.find("]", index + 2)
        if end == -1:  # tmux draws nothing of a format with an unterminated style
            return drawing.runs(), []
        saved = style
        parsed = parse_style(expanded[index + 2 : end], style, current_default)
        index = end + 1
        if parsed is None:
            continue  # tmux skips a style it cannot read
        style = parsed
        if style.fill is not None:
            fill = style.fill
        plain = replace(saved, align="", list="", range=None, fill=None, default_op="")
        if style.default_op == "push":
            current_default = plain
        elif style.default_op == "pop":
            current_default = base_default
        elif style.default_op == "set":
            base_default = current_default = plain
        style = replace(style, default_op="")
        cells = drawing.sections["list"]
        if style.list == "on":
            if list_state != 0:
                opened, list_state, list_align = None, 0, style.align
            if focus_start != -1 and focus_end == -1:
                focus_end = len(cells)
            current = "list"
        elif style.list == "focus":
            if list_state == 0 and focus_start == -1:
                focus_start = len(cells)
        elif style.list == "":
            if list_state == 0:
                opened = None
                if focus_start != -1 and focus_end == -1:
                    focus_end = len(cells)
                aligns[list_align] = "after"
                if list_align == "left":
                    aligns[""] = "after"
                list_state = 1
            current = aligns[style.align]
        elif list_state == 0 and not drawing.sections[f"list-{style.list.partition('-')[0]}"]:
            opened = None
            if focus_start != -1 and focus_end == -1:
                focus_start = focus_end = -1
            current = f"list-{style.list.partition('-')[0]}"
        if opened is not None and (opened[1], opened[2]) != (style.range or (None, None)):
            here = len(drawing.sections[current])
            if here != opened[3]:
                drawing.ranges.append([*opened, here + 1, False])
            opened = None
        if opened is None and style.range is not None:
            opened = [current, *style.range, len(drawing.sections[current])]
    if fill is not None:
        drawing.line = [(" ", DEFAULT, fill, 0)] * width
    if list_align:
        _place(drawing, list_align, width, (focus_start, focus_end))
    else:
        _place_none(drawing, {name: len(cells) for name, cells in drawing.sections.items()}, width)
    ranges = [[kind, argument, start, end] for _, kind, argument, start, end, placed in drawing.ranges if placed]
    return drawing.runs(), ranges
