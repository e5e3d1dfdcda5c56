"""Reflow: a primary screen's lines rewrapped to a new width, as tmux 3.3a's ``grid_reflow``.

Data model. The input is the whole primary screen as one list of records, the
oldest history line first and the visible rows last, each ``(text, runs,
wrapped)`` as ``scrollback.py`` describes (a fast-path chunk record is laid
out with ``fastpath.decode``). A *logical line* is a run of records each
wrapped into the next, ended by one that is not: what the program wrote
between two newlines. Reflow joins each logical line's written cells and cuts
them again at the new width, filling every line before moving on, so:

- a line ended by a newline never joins the next one;
- a wide character never splits across a line end: the line before it ends
  a cell short (``WRAPPED_SHORT``), as when it was first printed;
- combining marks stay with their base character, and style runs are cut
  with the text;
- where tmux's join stops short of a logical line's last line (it is empty,
  or its first character is wide and one cell is left), that line stays a
  line of its own, and the logical line may split there (``_join_end``);
- a record that is a logical line by itself and fits the new width is passed
  through as the same object, so the caller can keep what it holds beside it
  (a screen row's fill, a chunk record's shared text).

Positions move as tmux's ``grid_wrap_position`` / ``grid_unwrap_position``
move the cursor: a position is an offset in cells into its logical line, or,
if it sits at or after the last written cell of its line, "the end of its
logical line", which lands after the last written cell of the last line.
"""

from __future__ import annotations

from typing import NamedTuple

from tmux_py.server.fastpath import decode
from tmux_py.server.scrollback import WRAPPED_SHORT, char_width, text_width


class Reflowed(NamedTuple):
    """The rewrapped lines and where the positions given went."""

    records: list[tuple]
    #: (line index, x in cells) of the cursor.
    cursor: tuple[int, int]
    #: History lines a taller screen may take back, adjusted as tmux adjusts
    #: its hscrolled (a count it compares with line indices).
    scrolled: int


def reflow(records: list[tuple], columns: int, cursor: tuple[int, int] = (0, 0), scrolled: int = 0) -> Reflowed:
    """Rewrap ``records`` to ``columns``; carry the cursor (line index, x) and ``scrolled`` along."""
    rows = [decode(record) for record in records]
    count = len(rows)
    logical = wrap_position(rows, *cursor)
    out: list[tuple] = []
    laid: list[tuple] = []  # ``out`` decoded
    index = 0
    while index < count:
        text, _runs, wrapped = rows[index]
        if not wrapped or index == count - 1:
            if text_width(text) <= columns:
                out.append(records[index])
                laid.append(rows[index])
                index += 1
                continue
        last = index
        while rows[last][2] and last + 1 < count:
            last += 1
        group = rows[index : last + 1]
        pieces = _cut("".join(row[0] for row in group), columns)
        tail = group[-1][2]
        if last > index and not tail:
            end = _join_end(group, pieces, columns)
            if end is not None:
                group.pop()
                del pieces[end[0] :]
                tail = end[1]
        if len(group) == 1 and not tail:  # a split alone, the common case
            scrolled += len(pieces) - 1 if index <= scrolled else 0
        else:
            scrolled = _scrolled(scrolled, group, index, len(out), columns)
        made = _records(group, pieces, columns, tail)
        out.extend(made)
        laid.extend(made)
        index += len(group)
    return Reflowed(out, unwrap_position(laid, *logical), scrolled)


def _scrolled(scrolled: int, group: list[tuple], source: int, target: int, columns: int) -> int:
    """hscrolled after tmux rewraps a logical line (its first line at ``source``, first piece at ``target``).

    tmux moves hscrolled as it goes and compares it with line indices:
    grid_reflow_split adds the lines a split makes when the split line is at
    or above it, grid_reflow_join takes off the lines a join swallows below
    it. The cut in ``reflow`` makes the same lines by other steps, so tmux's
    steps are replayed here on the lines' cells, for hscrolled alone.
    """
    rows: list[list[int] | None] = [_cells(row[0]) for row in group]
    to = target
    for index, cells in enumerate(rows):
        if cells is None:  # swallowed by a join
            continue
        width = sum(cells)
        if width > columns:
            pieces, width = _split(cells, columns)
            if source + index <= scrolled:
                scrolled += pieces - 1
            to += pieces
        else:
            to += 1
        if width < columns and group[index][2]:
            scrolled = _join(rows, group, index, width, to - 1, columns, scrolled)
    return scrolled


def _cells(text: str) -> list[int]:
    """The widths of a line's cells as tmux's grid holds them: a wide character and its padding cell."""
    if text.isascii():
        return [1] * len(text)
    cells: list[int] = []
    for char in text:
        width = char_width(char)
        if width == 2:
            cells += (2, 0)
        elif width:
            cells.append(1)
    return cells


def _split(cells: list[int], columns: int) -> tuple[int, int]:
    """(lines, cells on the last) of a line cut at ``columns``."""
    if max(cells) == 1:
        lines = -(-len(cells) // columns)
        return lines, len(cells) - (lines - 1) * columns
    lines, width = 1, 0
    for cell in cells:
        if width + cell > columns:
            lines += 1
            width = 0
        width += cell
    return lines, width


def _join(rows: list, group: list[tuple], index: int, width: int, to: int, columns: int, scrolled: int) -> int:
    """hscrolled after grid_reflow_join fills line ``to`` (``width`` cells so far) from the lines after ``index``."""
    lines = 0
    wrapped = True
    last = taken = 0
    line = index + 1
    while line < len(rows):
        wrapped = wrapped and bool(group[line][2])
        cells = rows[line]
        if not cells:
            if not wrapped:
                break
            lines += 1
            line += 1
            continue
        if width + cells[0] > columns:
            break
        if max(cells) == 1:
            taken = min(len(cells), columns - width)
            width += taken
        else:
            width += cells[0]
            taken = 1
            while taken < len(cells) and width + cells[taken] <= columns:
                width += cells[taken]
                taken += 1
        last = line
        lines += 1
        if not wrapped or taken != len(cells) or width == columns:
            break
        line += 1
    if not lines:
        return scrolled
    if last and taken < len(rows[last]):
        rows[last] = rows[last][taken:]  # the rest is a line of its own
        lines -= 1
    for swallowed in range(index + 1, index + 1 + lines):
        rows[swallowed] = None
    if scrolled > to + lines:
        return scrolled - lines
    return min(scrolled, to)


def clip(record: tuple, columns: int) -> tuple:
    """A decoded record cut to its first ``columns`` cells: what tmux shows of a line wider than the screen.

    Only a screen that was not reflowed (the alternate one) has such lines.
    """
    text = record[0]
    if text_width(text) <= columns:
        return record
    return _records([record], _cut(text, columns)[:1], columns, record[2])[0]


def _join_end(group: list[tuple], pieces: list[tuple[int, int, int]], columns: int) -> tuple[int, bool] | None:
    """Where tmux's join ends a logical line's last line apart: (pieces kept, last kept wrapped), or None.

    tmux 3.3a's grid_reflow_join stops at the last line when it is empty or
    its first character is too wide for the cells left, and leaves it a
    line of its own. If that join had taken in the whole line before it, it
    also drops the wrapped flag, splitting the logical line in two (so a
    cursor after it lands a logical line early, as in tmux).
    """
    sizes = [len(row[0]) for row in group]
    start = sum(sizes[:-2])  # where the line before the last begins
    boundary = start + sizes[-2]  # and ends
    empty = not sizes[-1]
    for number, (first, end, cells) in enumerate(pieces):
        if (end == boundary and cells < columns) or (empty and number == len(pieces) - 1):
            joined = first < start
            if not empty and not joined:
                return None  # the join stopped on its own line: nothing is dropped
            return number + 1, not (joined and cells < columns)
        if end > boundary:
            return None
    return None


def wrap_position(rows: list[tuple], y: int, x: int) -> tuple[int, int | None]:
    """(logical line, cells into it) of line y, cell x; None for x at or after its last written cell."""
    logical = 0
    start = 0
    for index in range(min(y, len(rows))):
        if not rows[index][2]:
            logical += 1
            start = index + 1
    if y >= len(rows) or x >= text_width(rows[y][0]):
        return logical, None
    return logical, sum(text_width(row[0]) for row in rows[start:y]) + x


def unwrap_position(rows: list[tuple], logical: int, offset: int | None) -> tuple[int, int]:
    """(line, x) of a wrap_position in rewrapped lines, as tmux's grid_unwrap_position."""
    line = 0
    count = 0
    while line < len(rows) - 1 and count != logical:
        if not rows[line][2]:
            count += 1
        line += 1
    if offset is None:
        while line < len(rows) - 1 and rows[line][2]:
            line += 1
        return line, text_width(rows[line][0]) if rows else 0
    while line < len(rows) - 1 and rows[line][2]:
        width = text_width(rows[line][0])
        if offset < width:
            break
        offset -= width
        line += 1
    return line, offset


def _cut(text: str, columns: int) -> list[tuple[int, int, int]]:
    """``(start, end, cells)`` of each line ``text`` fills at ``columns``: as many characters as fit."""
    if text.isascii():
        if not text:
            return [(0, 0, 0)]
        size = len(text)
        return [(start, min(start + columns, size), min(columns, size - start)) for start in range(0, size, columns)]
    pieces = []
    start = cells = 0
    for position, char in enumerate(text):
        width = char_width(char)
        if cells + width > columns and cells:
            pieces.append((start, position, cells))
            start = position
            cells = 0
        cells += width
    pieces.append((start, len(text), cells))
    return pieces


def _records(group: list[tuple], pieces: list[tuple[int, int, int]], columns: int, tail: bool) -> list[tuple]:
    """Records of a logical line's cut pieces, each with its share of the runs; the last wrapped if ``tail``."""
    text = "".join(row[0] for row in group)
    runs = _join_runs([row[1] for row in group])
    style = tuple(runs[1:]) if len(runs) == 4 else None  # one style throughout: the common case
    out = []
    position = 0  # index into runs
    left = runs[0] if runs else 0  # characters of that run not yet given out
    last = len(pieces) - 1
    for number, (start, end, cells) in enumerate(pieces):
        if style is not None:
            flat = [end - start, *style] if end > start else []
        else:
            flat = []
            need = end - start
            while need and position < len(runs):
                take = min(left, need)
                if take:
                    flat.extend((take, runs[position + 1], runs[position + 2], runs[position + 3]))
                need -= take
                left -= take
                if not left:
                    position += 4
                    left = runs[position] if position < len(runs) else 0
        if number < last:
            wrapped = True if cells >= columns else WRAPPED_SHORT
        else:
            wrapped = tail
        out.append((text[start:end], tuple(flat), wrapped))
    return out


def _join_runs(parts: list[tuple]) -> list[int]:
    """Flat style runs one after another, a run continuing across a line end merged into one."""
    flat: list[int] = []
    for runs in parts:
        if flat and runs and tuple(flat[-3:]) == tuple(runs[1:4]):
            flat[-4] += runs[0]
            flat.extend(runs[4:])
        else:
            flat.extend(runs)
    return flat
