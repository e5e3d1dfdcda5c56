"""A pane's history: the lines that scrolled off the top of its screen.

Data model. A history line is a *record* ``(text, runs, wrapped)``:

- ``text``: the line's characters, a wide character once, a combining mark
  after its base character; trailing default blanks are not stored;
- ``runs``: a flat tuple ``(length, fg, bg, flags, length, fg, ...)``, one
  group of four per style run, ``length`` counted in characters of ``text``
  and the colours and flags in the encoding of ``tmux_py.style``;
- ``wrapped``: True if the line was soft-wrapped into the next one (the
  program wrote past the right margin), which ``capture-pane -J`` and reflow
  need; ``WRAPPED_SHORT`` if it wrapped a cell early because a wide
  character did not fit in its last cell.

A line takes ``text_width(text)`` cells: a wide character two, a combining
mark none.

(A line that came through the emulator's fast path is a *chunk record*
instead, six items long; ``fastpath.decode`` lays it out. This module stores
records without looking inside them.)

Lines are kept compactly: the newest ``BLOCK`` to ``2 * BLOCK`` records stay
as Python tuples (the *hot tail*, cheap to append to and to read back while
a program is scrolling); every older group of ``BLOCK`` lines becomes a
*block*, first a plain list (*cold*), later ``marshal``-led and
``zlib``-compressed into one ``bytes`` by :meth:`Scrollback.compress`, which
the pane calls once its program has been quiet for a moment. Compressing as
lines scroll off cost a third of the daemon's time under a flood such as
``base64 /dev/urandom``, and most of those lines were dropped again soon
after; cold blocks are bounded by the history limit all the same. Coloured
terminal output repeats itself a great deal, so a compressed block costs a
few tens of bytes per line, a tenth of tmux's grid. Reading a range
decompresses the blocks it touches; the last block read is cached, so paging
through history decompresses each block once.

As in tmux's ``grid_collect_history``, a full history (``limit`` lines, tmux's
``history-limit``) drops its oldest tenth before taking a new line, so the
size moves between 90% and 100% of the limit. Dropping part of a block only moves ``_skip``,
the number of dead records at the front of the first block.
"""

from __future__ import annotations

import marshal
import sys
import zlib
from collections import deque

from wcwidth import wcwidth

#: Lines per compressed block.
BLOCK = 128

#: zlib level: 1 is 3-4x faster than 6 and terminal output still shrinks 5-10x.
LEVEL = 1

#: A record: (text, flat runs, wrapped).
Record = tuple

#: ``wrapped`` of a line that wrapped early because a wide character did not
#: fit in its last cell (left unused, so capture -J does not pad it).
WRAPPED_SHORT = 2

_width_cache: dict[str, int] = {}


def char_width(char: str) -> int:
    """Cells taken by ``char``: 0 (combining), 1 or 2; as tmux, unknown is 1."""
    width = _width_cache.get(char)
    if width is None:
        width = wcwidth(char)
        if width < 0:
            width = 1
        elif width > 2:
            width = 2
        if len(_width_cache) > 65536:
            _width_cache.clear()
        _width_cache[char] = width
    return width


def text_width(text: str) -> int:
    """Cells taken by ``text``."""
    if text.isascii():
        return len(text)
    return sum(char_width(char) for char in text)


class Scrollback:
    """Up to ``limit`` history records, oldest first."""

    __slots__ = ("_blocks", "_tail", "_skip", "_count", "_limit", "_cache", "_cold")

    def __init__(self, limit: int = 10000) -> None:
        self._blocks: deque[bytes | list[Record]] = deque()
        self._cold = 0
        self._tail: list[Record] = []
        self._skip = 0
        self._count = 0
        self._limit = max(0, int(limit))
        self._cache: tuple[bytes | None, list[Record]] = (None, [])

    def __len__(self) -> int:
        return self._count

    @property
    def limit(self) -> int:
        return self._limit

    @limit.setter
    def limit(self, value: int) -> None:
        self._limit = max(0, int(value))
        self._drop(self._count - self._limit)

    def append(self, record: Record) -> None:
        """Add the newest line."""
        if self._count >= self._limit:
            if self._limit == 0:
                return
            self._drop(max(1, self._limit // 10))
        tail = self._tail
        tail.append(record)
        self._count += 1
        if len(tail) >= 2 * BLOCK:
            self._pack()

    def extend(self, records: list[Record]) -> None:
        """Add several lines, oldest first."""
        if len(records) + self._count < self._limit:
            self._count += len(records)
            tail = self._tail
            tail.extend(records)
            while len(tail) >= 2 * BLOCK:
                self._pack()
            return
        for record in records:
            self.append(record)

    def pop_newest(self) -> Record | None:
        """Remove and return the newest line (a screen growing taller takes it back)."""
        if self._count == 0:
            return None
        if not self._tail:
            block = self._blocks.pop()
            if isinstance(block, list):
                self._cold -= 1
            self._tail = list(self._decode(block))
            if not self._blocks:
                del self._tail[: self._skip]
                self._skip = 0
        self._count -= 1
        return self._tail.pop()

    def clear(self) -> None:
        self._blocks.clear()
        self._cold = 0
        self._tail = []
        self._skip = 0
        self._count = 0
        self._cache = (None, [])

    def lines(self, start: int, stop: int) -> list[Record]:
        """Records ``[start, stop)``, 0 being the oldest; the range is clipped."""
        start = max(0, start)
        stop = min(self._count, stop)
        out: list[Record] = []
        index = start + self._skip
        end = stop + self._skip
        packed = len(self._blocks) * BLOCK
        while index < end:
            if index >= packed:
                base = packed
                chunk = self._tail
            else:
                number = index // BLOCK
                base = number * BLOCK
                chunk = self._decode(self._blocks[number])
            upto = min(end, base + len(chunk))
            out.extend(chunk[index - base : upto - base])
            index = upto
        return out

    def nbytes(self) -> int:
        """Approximate memory held, in bytes (blocks, tail and containers)."""
        size = sys.getsizeof(self._blocks) + sys.getsizeof(self._tail)
        seen: set[int] = set()
        cold = [record for block in self._blocks if isinstance(block, list) for record in block]
        size += sum(sys.getsizeof(block) for block in self._blocks)
        for record in (*cold, *self._tail):
            size += sys.getsizeof(record)
            for item in record:
                if id(item) not in seen:
                    seen.add(id(item))
                    size += sys.getsizeof(item)
        return size

    @property
    def cold(self) -> int:
        """Blocks not compressed yet."""
        return self._cold

    def compress(self, most: int) -> None:
        """Compress up to ``most`` cold blocks, oldest first."""
        blocks = self._blocks
        for index in range(len(blocks)):
            if most <= 0 or not self._cold:
                return
            block = blocks[index]
            if isinstance(block, list):
                blocks[index] = zlib.compress(marshal.dumps(block), LEVEL)
                self._cold -= 1
                most -= 1

    def _pack(self) -> None:
        """Move the oldest ``BLOCK`` lines of the hot tail into a cold block."""
        tail = self._tail
        self._blocks.append(tail[:BLOCK])
        self._cold += 1
        del tail[:BLOCK]

    def _decode(self, block: bytes | list[Record]) -> list[Record]:
        if isinstance(block, list):
            return block
        cached_block, cached = self._cache
        if cached_block is block:
            return cached
        records = marshal.loads(zlib.decompress(block))
        self._cache = (block, records)
        return records

    def _drop(self, excess: int) -> None:
        """Forget the ``excess`` oldest lines."""
        while excess > 0:
            if self._blocks:
                alive = BLOCK - self._skip
                if excess >= alive:
                    if isinstance(self._blocks.popleft(), list):
                        self._cold -= 1
                    self._skip = 0
                    self._count -= alive
                    excess -= alive
                else:
                    self._skip += excess
                    self._count -= excess
                    excess = 0
            else:
                del self._tail[:excess]
                self._count -= excess
                excess = 0
