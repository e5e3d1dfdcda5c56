"""A window's layout: tmux's split tree and the geometry tmux 3.3a computes.

Data model (after tmux's ``layout.c``). The layout is a tree of *cells*.
A cell is either a *leaf*, holding exactly one pane, or a *node*, holding
two or more child cells laid out in one direction:

* ``LR`` (tmux ``LAYOUT_LEFTRIGHT``): children side by side, as made by
  ``split-window -h``;
* ``TB`` (tmux ``LAYOUT_TOPBOTTOM``): children stacked, as made by
  ``split-window`` (``-v``).

Every cell has a size (``sx`` columns by ``sy`` lines) and an offset
(``xoff``, ``yoff``) in window cells, 0-based. Children of a node span the
node's full size across the split and share its size along it: between two
neighbouring children there is exactly one border cell, which belongs to no
cell. So in an ``LR`` node the children's widths plus ``len(children) - 1``
equal the node's width. Sizes are the truth; offsets are derived from them
(``_fix_offsets``) after every change, exactly as tmux does.

The root cell always has the window's size. Every pane keeps at least one
cell each way, so a window cannot be made smaller than its layout needs:
like tmux's ``resize_window`` (and ``window_resize`` after ``select-layout``),
the window is kept at least as large as the root cell.

tmux also keeps the window's pane *list* (``w->panes``), which gives pane
indexes, preset order and tie-breaks. Every operation keeps it equal to the
tree's depth-first order (a split inserts next to its target in both, ``-f``
at the head or tail of both, swap exchanges both), so it is not stored
separately: ``panes()`` walks the tree.

The module is pure: no I/O, standard library only. Pane ids are opaque
hashables; only ``dump`` looks inside them, for their number.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterator, Sequence

__all__ = ["Layout", "LayoutError", "PRESETS"]

#: Smallest pane size in either direction (tmux ``PANE_MINIMUM``).
PANE_MINIMUM = 1

LR = "LR"
TB = "TB"
PANE = "PANE"

#: Preset names in the order ``next-layout`` (C-b space) cycles them.
PRESETS: tuple[str, ...] = (
    "even-horizontal",
    "even-vertical",
    "main-horizontal",
    "main-vertical",
    "tiled",
)

_DIRECTIONS = ("L", "R", "U", "D")
_UINT = 1 << 32  # tmux does this arithmetic in u_int; wraps matter at the edges


class LayoutError(Exception):
    """A layout operation tmux would refuse, with tmux's message where it has one."""


class _Cell:
    __slots__ = ("type", "parent", "children", "pane", "sx", "sy", "xoff", "yoff")

    def __init__(self, parent: _Cell | None = None) -> None:
        self.type = PANE
        self.parent = parent
        self.children: list[_Cell] = []
        self.pane: Hashable | None = None
        self.sx = self.sy = self.xoff = self.yoff = 0

    def set_size(self, sx: int, sy: int, xoff: int, yoff: int) -> None:
        self.sx, self.sy, self.xoff, self.yoff = sx, sy, xoff, yoff

    def size(self, kind: str) -> int:
        return self.sx if kind == LR else self.sy

    def grow(self, kind: str, change: int) -> None:
        if kind == LR:
            self.sx += change
        else:
            self.sy += change

    def leaves(self) -> Iterator[_Cell]:
        if self.type == PANE:
            yield self
        else:
            for child in self.children:
                yield from child.leaves()


def _leaf(parent: _Cell | None, pane: Hashable, sx: int, sy: int) -> _Cell:
    cell = _Cell(parent)
    cell.pane = pane
    cell.set_size(sx, sy, 0, 0)
    return cell


def _node(parent: _Cell | None, kind: str, sx: int, sy: int) -> _Cell:
    cell = _Cell(parent)
    cell.type = kind
    cell.set_size(sx, sy, 0, 0)
    return cell


# --- the size arithmetic of tmux's layout.c -------------------------------


def _resize_check(cell: _Cell, kind: str) -> int:
    """How much `cell` can shrink in direction `kind` (layout_resize_check)."""
    if cell.type == PANE:
        return max(cell.size(kind) - PANE_MINIMUM, 0)
    if cell.type == kind:
        # Children along the split can each give up their slack.
        return sum(_resize_check(c, kind) for c in cell.children)
    # Children across the split all shrink together: the tightest one rules.
    return min(_resize_check(c, kind) for c in cell.children)


def _resize_adjust(cell: _Cell, kind: str, change: int) -> None:
    """Grow or shrink `cell` by `change`, spreading it over its children.

    Callers bound `change` to what `_resize_check` allows (layout_resize_adjust).
    """
    cell.grow(kind, change)
    if cell.type == PANE:
        return
    if cell.type != kind:
        for child in cell.children:
            _resize_adjust(child, kind, change)
        return
    # Along the split: one cell at a time, round-robin from the first child,
    # which is why the first children get the odd cells when growing.
    while change != 0:
        moved = False
        for child in cell.children:
            if change == 0:
                break
            if change > 0:
                _resize_adjust(child, kind, 1)
                change -= 1
                moved = True
            elif _resize_check(child, kind) > 0:
                _resize_adjust(child, kind, -1)
                change += 1
                moved = True
        if not moved:  # tmux would loop forever here; callers never get here
            break


def _new_pane_size(previous: int, cell: _Cell, kind: str, size: int,
                   count_left: int, size_left: int) -> int:
    """Proportional new size of a child when its parent is resized (layout_new_pane_size)."""
    if count_left == 1:
        return size_left
    available = _resize_check(cell, kind)
    minimum = (PANE_MINIMUM + 1) * (count_left - 1)
    old = cell.size(kind)
    if old - available > minimum:
        minimum = old - available
    new_size = (old * size) // previous
    maximum = (size_left - minimum) % _UINT  # u_int: an underflow means "no limit"
    if new_size > maximum:
        new_size = maximum
    if new_size < PANE_MINIMUM:
        new_size = PANE_MINIMUM
    return new_size


def _set_size_check(cell: _Cell, kind: str, size: int) -> bool:
    """Can `cell` and its subtree be resized to `size`? (layout_set_size_check)."""
    if cell.type == PANE:
        return size >= PANE_MINIMUM
    available = size
    count = len(cell.children)
    if cell.type == kind:
        if available < count * 2 - 1:
            return False
        previous = cell.size(kind)
        for idx, child in enumerate(cell.children):
            new_size = _new_pane_size(previous, child, kind, size, count - idx, available)
            need = new_size if idx == count - 1 else new_size + 1
            if need > available:
                return False
            available -= need
            if not _set_size_check(child, kind, new_size):
                return False
        return True
    return all(_set_size_check(c, kind, size) for c in cell.children if c.type != PANE)


def _resize_child_cells(cell: _Cell) -> None:
    """Fit the children of `cell` proportionally into its (new) size (layout_resize_child_cells)."""
    if cell.type == PANE:
        return
    kind = cell.type
    count = len(cell.children)
    previous = sum(c.size(kind) for c in cell.children) + count - 1
    available = cell.size(kind)
    for idx, child in enumerate(cell.children):
        if kind == TB:
            child.sx, child.xoff = cell.sx, cell.xoff
            child.sy = _new_pane_size(previous, child, kind, cell.sy, count - idx, available)
            available = (available - child.sy - 1) % _UINT
        else:
            child.sy, child.yoff = cell.sy, cell.yoff
            child.sx = _new_pane_size(previous, child, kind, cell.sx, count - idx, available)
            available = (available - child.sx - 1) % _UINT
        _resize_child_cells(child)


def _spread_cell(parent: _Cell) -> bool:
    """Share a node's size evenly among its children (layout_spread_cell, 3.3a).

    3.3a gives the whole remainder to the last child (later tmux spreads it).
    """
    number = len(parent.children)
    if number <= 1 or parent.type == PANE:
        return False
    size = parent.size(parent.type)
    if size < number - 1:
        return False
    each = (size - (number - 1)) // number
    if each == 0:
        return False
    changed = False
    for idx, child in enumerate(parent.children):
        if idx == number - 1:
            each = size - (each + 1) * (number - 1)
        change = each - child.size(parent.type)
        _resize_adjust(child, parent.type, change)
        changed = changed or change != 0
    return changed


def _fix_offsets(cell: _Cell) -> None:
    """Recompute children's offsets from sizes (layout_fix_offsets1)."""
    if cell.type == LR:
        xoff = cell.xoff
        for child in cell.children:
            child.xoff, child.yoff = xoff, cell.yoff
            _fix_offsets(child)
            xoff += child.sx + 1
    elif cell.type == TB:
        yoff = cell.yoff
        for child in cell.children:
            child.xoff, child.yoff = cell.xoff, yoff
            _fix_offsets(child)
            yoff += child.sy + 1


def _percentage(value: int | str, maxval: int, curval: int) -> int | None:
    """tmux's args_string_percentage for the main-pane options; None if refused."""
    text = str(value)
    try:
        if text.endswith("%"):
            pct = int(text[:-1])
            if not 0 <= pct <= 100:
                return None
            result = curval * pct // 100
        else:
            result = int(text)
    except ValueError:
        return None
    return result if 0 <= result <= maxval else None


def _checksum(text: str) -> int:
    """tmux's layout_checksum: a 16-bit rotate-and-add."""
    csum = 0
    for char in text.encode():
        csum = (csum >> 1) + ((csum & 1) << 15)
        csum = (csum + char) & 0xFFFF
    return csum


def _pane_number(pane: Hashable) -> int:
    if isinstance(pane, int):
        return pane
    match = re.search(r"\d+", str(pane))
    if match is None:
        raise LayoutError(f"pane id has no number: {pane!r}")
    return int(match.group())


class Layout:
    """The panes of one window and where tmux 3.3a puts them."""

    PRESETS = PRESETS

    def __init__(self, pane_id: Hashable, columns: int, lines: int) -> None:
        if columns < 1 or lines < 1:
            raise LayoutError("window size too small")
        self.columns = columns
        self.lines = lines
        self._wanted = (columns, lines)  # the size last asked for
        #: Options tmux reads for the main-* presets (int or "N%"), 3.3a defaults.
        self.main_pane_width: int | str = 80
        self.main_pane_height: int | str = 24
        self.other_pane_width: int | str = 0
        self.other_pane_height: int | str = 0
        self._root = _leaf(None, pane_id, columns, lines)
        self._cells: dict[Hashable, _Cell] = {pane_id: self._root}
        self._last_preset = -1  # tmux w->lastlayout

    # --- queries ------------------------------------------------------------

    def panes(self) -> list:
        """Pane ids in tmux's pane-index order (the window's pane list)."""
        return [cell.pane for cell in self._root.leaves()]

    def geometry(self) -> dict:
        """pane_id -> (x, y, columns, lines) as tmux's pane_left/top/width/height."""
        return {p: (c.xoff, c.yoff, c.sx, c.sy) for p, c in self._cells.items()}

    def dump(self) -> str:
        """The #{window_layout} string, checksum first (layout_dump)."""
        body = self._append(self._root)
        return f"{_checksum(body):04x},{body}"

    def _append(self, cell: _Cell) -> str:
        head = f"{cell.sx}x{cell.sy},{cell.xoff},{cell.yoff}"
        if cell.type == PANE:
            return f"{head},{_pane_number(cell.pane)}"
        opening, closing = ("{", "}") if cell.type == LR else ("[", "]")
        return head + opening + ",".join(self._append(c) for c in cell.children) + closing

    def _cell(self, pane: Hashable) -> _Cell:
        try:
            return self._cells[pane]
        except (KeyError, TypeError):
            raise LayoutError(f"can't find pane: {pane!r}") from None

    def _fix(self) -> None:
        self._root.xoff = self._root.yoff = 0
        _fix_offsets(self._root)

    def _replace(self, old: _Cell, new: _Cell) -> None:
        """Put `new` where `old` sits in the tree."""
        new.parent = old.parent
        if old.parent is None:
            self._root = new
        else:
            siblings = old.parent.children
            siblings[siblings.index(old)] = new

    # --- split and remove ---------------------------------------------------

    def split(self, target: Hashable, new_pane: Hashable, *, horizontal: bool,
              size: int | None = None, percent: int | None = None,
              before: bool = False, full: bool = False) -> None:
        """split-window [-h] [-l size | -p percent] [-b] [-f] -t target.

        `size`/`percent` are the new pane's size; `size` wins if both are given,
        as -l does in tmux. Raises LayoutError("no space for new pane") where
        tmux refuses, and for an unknown target or an id already in use.
        """
        pane_cell = self._cell(target)
        if new_pane in self._cells:
            raise LayoutError(f"pane already in layout: {new_pane!r}")
        kind = LR if horizontal else TB

        want = -1
        if size is not None or percent is not None:
            # The reference is the target pane, or the window for -f.
            if full:
                curval = self.columns if horizontal else self.lines
            else:
                curval = pane_cell.size(kind)
            if size is not None:
                if size < 0:
                    raise LayoutError("size too small")
                want = size
            else:
                if percent < 0:
                    raise LayoutError("percentage too small")
                want = curval * percent // 100  # over 100%: the clamp below, as tmux 3.3a

        cell = self._root if full else pane_cell
        sx, sy, xoff, yoff = cell.sx, cell.sy, cell.xoff, cell.yoff
        saved = cell.size(kind)
        if saved < PANE_MINIMUM * 2 + 1:
            raise LayoutError("no space for new pane")

        # size2 is the right/bottom cell, size1 the left/top one.
        if want < 0:
            size2 = (saved + 1) // 2 - 1
        elif before:
            # u_int in tmux: a size larger than the pane wraps round and is
            # clamped below to the largest size2, leaving the new pane 1 cell.
            size2 = (saved - want - 1) % _UINT
        else:
            size2 = want
        if size2 < PANE_MINIMUM:
            size2 = PANE_MINIMUM
        elif size2 > saved - 2:
            size2 = saved - 2
        size1 = saved - 1 - size2
        old_size = size2 if before else size1  # what the existing cell keeps

        if full and not _set_size_check(cell, kind, old_size):
            raise LayoutError("no space for new pane")

        resize_first = False
        if cell.parent is not None and cell.parent.type == kind:
            # Same direction as the parent: a new sibling, no new node.
            parent = cell.parent
            new = _Cell(parent)
            index = parent.children.index(cell)
            parent.children.insert(index if before else index + 1, new)
        elif full and cell.parent is None and cell.type == kind:
            # -f along the root's own direction: squeeze the existing children
            # first, then add the new cell at the window edge.
            if kind == LR:
                cell.sx = old_size
                _resize_child_cells(cell)
                cell.sx = saved
            else:
                cell.sy = old_size
                _resize_child_cells(cell)
                cell.sy = saved
            resize_first = True
            new = _Cell(cell)
            rest = saved - 1 - old_size
            if kind == LR:
                new.set_size(rest, sy, 0, 0)
            else:
                new.set_size(sx, rest, 0, 0)
            if before:
                cell.children.insert(0, new)
            else:
                cell.children.append(new)
        else:
            # Otherwise the cell is replaced by a new node holding it and the new cell.
            parent = _node(None, kind, sx, sy)
            parent.xoff, parent.yoff = xoff, yoff
            self._replace(cell, parent)
            cell.parent = parent
            new = _Cell(parent)
            parent.children = [new, cell] if before else [cell, new]

        new.pane = new_pane
        if not resize_first:
            first, second = (new, cell) if before else (cell, new)
            if kind == LR:
                first.set_size(size1, sy, xoff, yoff)
                second.set_size(size2, sy, xoff + size1 + 1, yoff)
            else:
                first.set_size(sx, size1, xoff, yoff)
                second.set_size(sx, size2, xoff, yoff + size1 + 1)
            if full:
                _resize_child_cells(cell)
        self._fix()
        self._cells[new_pane] = new

    def remove(self, pane_id: Hashable) -> None:
        """kill-pane: the space goes to the previous sibling (the next one if first)."""
        cell = self._cell(pane_id)
        parent = cell.parent
        if parent is None:
            raise LayoutError("can't remove the last pane")
        index = parent.children.index(cell)
        other = parent.children[1] if index == 0 else parent.children[index - 1]
        _resize_adjust(other, parent.type, cell.size(parent.type) + 1)
        parent.children.remove(cell)
        if len(parent.children) == 1:
            # A node with one child is replaced by that child.
            only = parent.children[0]
            self._replace(parent, only)
        self._fix()
        del self._cells[pane_id]
        self._settle()  # fewer panes may now fit a window that was too small

    # --- resizing -----------------------------------------------------------

    def resize(self, columns: int, lines: int) -> None:
        """The window was resized: spread the change as layout_resize does.

        Panes never shrink below one cell. If the layout cannot shrink that
        far the window stays as large as the layout (resize_window), and it
        goes down to the asked size as soon as the layout allows, as tmux
        re-applies the window size after every command.
        """
        if columns < 1 or lines < 1:
            raise LayoutError("window size too small")
        self._wanted = (columns, lines)
        self._settle()

    def _settle(self) -> None:
        """Bring the window to the asked size as far as the layout allows."""
        columns, lines = self._wanted
        root = self._root
        if (root.sx, root.sy) != (columns, lines):
            for kind, new in ((LR, columns), (TB, lines)):
                change = new - root.size(kind)
                # Do not shrink below the minimum (more than resize_check allows).
                change = max(change, -_resize_check(root, kind))
                if change != 0:
                    _resize_adjust(root, kind, change)
            self._fix()
        self.columns = max(columns, root.sx)
        self.lines = max(lines, root.sy)

    def resize_pane(self, pane_id: Hashable, direction: str, amount: int = 1) -> None:
        """resize-pane -L/-R/-U/-D amount: move the pane's right or bottom border."""
        if direction not in _DIRECTIONS:
            raise LayoutError(f"bad direction: {direction!r}")
        if amount < 0:
            raise LayoutError("adjustment may not be negative")
        kind = LR if direction in ("L", "R") else TB
        change = -amount if direction in ("L", "U") else amount
        self._resize_pane(self._cell(pane_id), kind, change)

    def set_pane_size(self, pane_id: Hashable, columns: int | None = None,
                      lines: int | None = None) -> None:
        """resize-pane -x/-y: as close to the size as the neighbours allow."""
        cell = self._cell(pane_id)
        for kind, new_size in ((LR, columns), (TB, lines)):
            if new_size is None:
                continue
            if new_size < 0:
                raise LayoutError("size too small")
            # layout_resize_pane_to: turn an absolute size into a change of
            # the border tmux will move.
            top, parent = cell, cell.parent
            while parent is not None and parent.type != kind:
                top, parent = parent, parent.parent
            if parent is None:
                continue
            current = top.size(kind)
            if top is parent.children[-1]:
                change = current - new_size
            else:
                change = new_size - current
            self._resize_pane(cell, kind, change)

    def _resize_pane(self, cell: _Cell, kind: str, change: int) -> None:
        # layout_resize_pane: find the nearest ancestor split in this
        # direction; the border moved is the one after the cell, or the one
        # before it for the last cell (so -R on a rightmost pane shrinks it).
        parent = cell.parent
        while parent is not None and parent.type != kind:
            cell, parent = parent, parent.parent
        if parent is None:
            return
        siblings = parent.children
        if cell is siblings[-1]:
            cell = siblings[-2]
        needed = change
        while needed != 0:
            if change > 0:
                moved = self._grow(siblings, cell, kind, needed)
                needed -= moved
            else:
                moved = self._shrink(siblings, cell, kind, needed)
                needed += moved
            if moved == 0:
                break
        self._fix()

    @staticmethod
    def _grow(siblings: list[_Cell], cell: _Cell, kind: str, needed: int) -> int:
        """layout_resize_pane_grow with opposite=1: take from after, else before."""
        index = siblings.index(cell)
        donor, size = None, 0
        for other in siblings[index + 1:]:
            size = _resize_check(other, kind)
            if size > 0:
                donor = other
                break
        if donor is None:
            for other in reversed(siblings[:index]):
                size = _resize_check(other, kind)
                if size > 0:
                    donor = other
                    break
        if donor is None:
            return 0
        size = min(size, needed)
        _resize_adjust(cell, kind, size)
        _resize_adjust(donor, kind, -size)
        return size

    @staticmethod
    def _shrink(siblings: list[_Cell], cell: _Cell, kind: str, needed: int) -> int:
        """layout_resize_pane_shrink: take from this cell or earlier, give to the next."""
        index = siblings.index(cell)
        donor, size = None, 0
        for other in reversed(siblings[:index + 1]):
            size = _resize_check(other, kind)
            if size != 0:
                donor = other
                break
        if donor is None or index + 1 >= len(siblings):
            return 0
        size = min(size, -needed)
        _resize_adjust(siblings[index + 1], kind, size)
        _resize_adjust(donor, kind, -size)
        return size

    # --- navigation and swapping --------------------------------------------

    def neighbour(self, pane_id: Hashable, direction: str, *, wrap: bool = True,
                  recent: Sequence = ()) -> Hashable | None:
        """The pane select-pane -L/-R/-U/-D would pick, or None.

        Candidates touch the pane's edge (across the border, or the far edge
        of the window when wrapping) and overlap it. tmux picks the most
        recently active; `recent` lists pane ids most recent first. Panes not
        in it tie, and a tie goes to the first in pane order.
        """
        if direction not in _DIRECTIONS:
            raise LayoutError(f"bad direction: {direction!r}")
        self._cell(pane_id)
        geometry = self.geometry()
        # Work on one axis: `along` is the direction of travel, `across` the other.
        horizontal = direction in ("L", "R")
        backward = direction in ("L", "U")

        def along(g: tuple) -> tuple[int, int]:
            return (g[0], g[2]) if horizontal else (g[1], g[3])

        def across(g: tuple) -> tuple[int, int]:
            return (g[1], g[3]) if horizontal else (g[0], g[2])

        extent = self.columns if horizontal else self.lines
        pos, length = along(geometry[pane_id])
        low, span = across(geometry[pane_id])
        high = low + span
        # window_pane_find_*: the line a neighbour must end before (backward)
        # or start at (forward); past the window edge it wraps to the far side.
        if backward:
            edge = pos if pos != 0 else extent + 1
        else:
            edge = pos + length + 1
            if edge >= extent:
                edge = 0
        if not wrap and edge in (0, extent + 1):
            return None
        candidates = []
        for other in self.panes():
            if other == pane_id:
                continue
            opos, olength = along(geometry[other])
            if (opos + olength + 1 if backward else opos) != edge:
                continue
            start, olength = across(geometry[other])
            end = start + olength - 1
            # tmux's overlap test; it also counts a pane that starts on the
            # border cell just past this pane's far side.
            if (start < low and end > high) or low <= start <= high or low <= end <= high:
                candidates.append(other)
        if not candidates:
            return None
        rank = {p: len(recent) - i for i, p in enumerate(recent)}
        best = candidates[0]
        for other in candidates[1:]:
            if rank.get(other, 0) > rank.get(best, 0):
                best = other
        return best

    def move(self, pane_id: Hashable, target: Hashable, *, horizontal: bool, size: int | None = None,
             percent: int | None = None, before: bool = False) -> None:
        """move-pane inside one window: split ``target`` for the pane, then close its old cell.

        tmux splits first, so the target is measured before the pane leaves; the new
        cell stands in under a placeholder until the old one is gone.
        """
        self._cell(pane_id)
        if pane_id == target:
            raise LayoutError("source and target panes must be different")
        placeholder = object()
        self.split(target, placeholder, horizontal=horizontal, size=size, percent=percent, before=before)
        self.remove(pane_id)
        self.replace(placeholder, pane_id)

    def rotate(self, *, downward: bool) -> None:
        """rotate-window: every pane takes the next one's cell (-U, the default) or the previous
        one's (-D); the cells stay, so the geometry does too."""
        cells = list(self._root.leaves())
        panes = [cell.pane for cell in cells]
        panes = panes[-1:] + panes[:-1] if downward else panes[1:] + panes[:1]
        for cell, pane in zip(cells, panes):
            cell.pane = pane
            self._cells[pane] = cell

    def replace(self, pane_id: Hashable, new_pane: Hashable) -> None:
        """Another pane takes this one's cell (swap-pane across two windows)."""
        cell = self._cell(pane_id)
        if new_pane in self._cells:
            raise LayoutError(f"pane already in layout: {new_pane!r}")
        cell.pane = new_pane
        del self._cells[pane_id]
        self._cells[new_pane] = cell

    def swap(self, a: Hashable, b: Hashable) -> None:
        """swap-pane: a and b exchange places in the tree and in pane order."""
        cell_a, cell_b = self._cell(a), self._cell(b)
        if a == b:
            return
        cell_a.pane, cell_b.pane = b, a
        self._cells[a], self._cells[b] = cell_b, cell_a

    def spread_out(self, pane_id: Hashable) -> None:
        """select-layout -E (layout_spread_out): share the pane's parent cell evenly among its
        cells; if they are even already, the grandparent's, and so on up to the root."""
        parent = self._cell(pane_id).parent
        while parent is not None:
            if _spread_cell(parent):
                self._fix()
                return
            parent = parent.parent

    # --- presets --------------------------------------------------------------

    def select_preset(self, name: str) -> None:
        """select-layout NAME: rebuild the tree as tmux's layout-set.c does.

        Panes keep their pane order. With one pane nothing changes. A window
        too small for the preset grows, as in tmux.
        """
        matches = [p for p in PRESETS if p == name] or [p for p in PRESETS if p.startswith(name)]
        if len(matches) != 1 or not name:
            raise LayoutError(f"unknown layout: {name}")
        index = PRESETS.index(matches[0])
        if len(self._cells) > 1:
            builder = {
                "even-horizontal": lambda: self._even(LR),
                "even-vertical": lambda: self._even(TB),
                "main-horizontal": lambda: self._main(TB),
                "main-vertical": lambda: self._main(LR),
                "tiled": self._tiled,
            }[PRESETS[index]]
            builder()
            self._fix()
            self._cells = {c.pane: c for c in self._root.leaves()}
            # window_resize(w, root size) makes the window the preset's
            # size; tmux then re-applies the asked size where it fits.
            self._settle()
        self._last_preset = index

    @property
    def last_preset(self) -> str | None:
        """The preset chosen last (select-layout with no name applies it again), if any."""
        return PRESETS[self._last_preset] if self._last_preset >= 0 else None

    def next_preset(self) -> str:
        """next-layout (C-b space): the preset after the last one chosen, else the first."""
        index = (self._last_preset + 1) % len(PRESETS)
        self.select_preset(PRESETS[index])
        return PRESETS[index]

    def previous_preset(self) -> str:
        """previous-layout (select-layout -p): the preset before the last one chosen, else the last."""
        index = (max(self._last_preset, 0) - 1) % len(PRESETS)
        self.select_preset(PRESETS[index])
        return PRESETS[index]

    def _even(self, kind: str) -> None:
        order = self.panes()
        n = len(order)
        need = n * (PANE_MINIMUM + 1) - 1
        if kind == LR:
            root = _node(None, LR, max(need, self.columns), self.lines)
        else:
            root = _node(None, TB, self.columns, max(need, self.lines))
        root.children = [_leaf(root, p, self.columns, self.lines) for p in order]
        self._root = root
        _spread_cell(root)

    def _main(self, kind: str) -> None:
        """main-horizontal (kind TB: main on top) or main-vertical (kind LR: main left)."""
        order = self.panes()
        n = len(order) - 1
        across = LR if kind == TB else TB
        if kind == TB:
            space = self.lines - 1
            main_opt, other_opt, fallback = self.main_pane_height, self.other_pane_height, 24
            breadth = self.columns
        else:
            space = self.columns - 1
            main_opt, other_opt, fallback = self.main_pane_width, self.other_pane_width, 80
            breadth = self.lines
        main = _percentage(main_opt, space, space)
        if main is None:
            main = fallback
        if main + PANE_MINIMUM >= space:
            main = PANE_MINIMUM if space <= PANE_MINIMUM * 2 else space - PANE_MINIMUM
            other = PANE_MINIMUM
        else:
            other = _percentage(other_opt, space, space)
            if not other:
                other = space - main
            elif other > space or space - other < main:
                other = space - main
            else:
                main = space - other
        breadth = max(n * (PANE_MINIMUM + 1) - 1, breadth)

        def dims(along: int, span: int) -> tuple[int, int]:
            # (sx, sy) from a size along the main split and one across it.
            return (span, along) if kind == TB else (along, span)

        root = _node(None, kind, *dims(main + other + 1, breadth))
        main_cell = _leaf(root, order[0], *dims(main, breadth))
        if n == 1:
            other_cell = _leaf(root, order[1], *dims(other, breadth))
        else:
            other_cell = _node(root, across, *dims(other, breadth))
            other_cell.children = [
                _leaf(other_cell, pane, *dims(other, PANE_MINIMUM)) for pane in order[1:]]
            _spread_cell(other_cell)
        root.children = [main_cell, other_cell]
        self._root = root

    def _tiled(self) -> None:
        order = self.panes()
        n = len(order)
        rows = columns = 1
        while rows * columns < n:
            rows += 1
            if rows * columns < n:
                columns += 1
        width = max((self.columns - (columns - 1)) // columns, PANE_MINIMUM)
        height = max((self.lines - (rows - 1)) // rows, PANE_MINIMUM)
        root = _node(None, TB, max((width + 1) * columns - 1, self.columns),
                     max((height + 1) * rows - 1, self.lines))
        panes = iter(order)
        left = n
        for _ in range(rows):
            if left == 0:
                break
            if left == 1 or columns == 1:
                root.children.append(_leaf(root, next(panes), self.columns, height))
                left -= 1
                continue
            row = _node(root, LR, self.columns, height)
            root.children.append(row)
            for _ in range(min(columns, left)):
                row.children.append(_leaf(row, next(panes), width, height))
                left -= 1
            # The last pane of the row takes what is left of the width.
            used = len(row.children) * (width + 1) - 1
            if self.columns > used:
                _resize_adjust(row.children[-1], LR, self.columns - used)
        used = rows * height + rows - 1
        if self.lines > used:
            _resize_adjust(root.children[-1], TB, self.lines - used)
        self._root = root
