"""The pane emulator: a pane's PTY output bytes in, screen state out.

Why not pyte. Stock pyte 0.8.2 builds one ``Char`` tuple per printed cell,
wraps every attribute access of ``HistoryScreen``, raises on a dozen short
inputs and lacks the alternate screen, SU/SD and tmux's wide-character wrap;
it parsed 0.03-0.4 MB/s here against tmux's 5-15 MB/s. Patching it would keep
its per-character model, so this module owns the screen outright and follows
tmux 3.3a (``input.c``, ``screen-write.c``, ``grid-view.c``) as the reference
for every behaviour; pyte's good ideas are kept: a table of escape handlers,
per-line dirty sets, golden tests from real programs.

Parsing. ``feed()`` decodes UTF-8 incrementally and cuts the text with one
regular expression (``_TOKEN``) into printable runs, C0 controls, complete
``CSI`` / ``ESC`` sequences and string introducers (``OSC``, ``DCS``, ``APC``,
``PM``, ``SOS``, and screen's ``ESC k`` title). Anything the expression cannot take whole - a sequence split
across two reads, a C0 control inside a ``CSI`` - goes to a small state
machine (``_escape``) that follows tmux's transition tables, so malformed input
is consumed exactly as tmux consumes it and the byte after it is never lost.
CSI sequences are decoded once each and dispatched through ``csi.py``'s
table. String bodies are counted up to ``STRING_LIMIT`` (1 MiB) and dropped
beyond it; only their first ``STRING_KEEP`` characters are kept.

Screen model. ``_rows`` holds one ``_Row`` per visible line. A row is *packed*
(``chars is None``): ``text`` plus style ``runs`` ``[[length, style_id], ...]``
and a ``fill`` style for the cells after the text - the form printable runs
are appended to, and the form in which a line that scrolls straight through
reaches the history without ever being split into cells. Any edit that is not
an append turns the row into *cells*: ``chars`` (one string per cell, ``''``
for the second half of a wide character, base plus combining marks
otherwise) and ``styles`` (one style id per cell). Style ids index
``_styles``, a table of ``(fg, bg, flags)`` tuples in ``tmux_py.style``
encoding, interned so that a cell's style is one small int. ``wrapped`` marks
a row that was soft-wrapped into the next. A row the fast path left on the
screen is *lazy* (``lazy`` holds its chunk record) until first drawn or
edited. Cells printed under DEC Special Graphics hold the line-drawing glyph
and carry ``style.CHARSET``, so ``capture`` can print the ASCII as tmux does.

Coordinates are tmux's: ``cursor_x`` may equal ``columns`` when a wrap is
pending (the next printable character goes to the next line).

History. A row leaving the top of the screen or of a scroll region (as in
tmux, on the primary screen only - the corpus's scroll_region case records
tmux keeping the lines a region scrolls out) becomes a record in
``Scrollback`` (``scrollback.py``), compressed in blocks. ``ED 2`` on the
primary screen first scrolls the used lines into the history, as tmux 3.3a's
``scroll-on-clear`` does.

Resize. As tmux's screen_resize_cursor: heights change first (lines below
the cursor go first, then the top ones into the history; growing takes
scrolled-out lines back), then a new width rewraps the primary screen and its
history as one (``reflow.py``), the cursor staying on its character. The
alternate screen is cut instead, and the primary screen it hides is reflowed
when it comes back.

Fast path. A run of whole lines of text and SGR arriving at the bottom of
the screen is applied in one step (``fastpath.py``): lines that scroll
straight through are stored as slices of the input, laid out only if the
history is read; lines left on the screen are laid out when first drawn.

For the daemon:

- replies (CPR, DSR, DA1, DA2, and as tmux also CSI 18 t and XTVERSION)
  are passed to ``on_reply`` synchronously,
  during ``feed()``, in the order the queries arrived; a callback that
  raises is ignored;
- BELs and ``ESC k name ST`` window names wait to be taken after a feed
  (``take_bells``, ``take_rename``), as the dirty lines do;
- ``feed()`` never raises, keeps a split UTF-8 character or escape sequence
  for the next call, and is fastest fed whole PTY reads (4 KiB or more);
- the cycle collector costs the emulator nothing measurable (history is
  tuples of str and int, which the collector stops tracking, and compressed
  bytes; 13 MB/s with or without ``gc.freeze()`` beside 300,000 live
  objects), unlike pyte's per-cell objects (22-29% in PERFORMANCE.md).
  ``gc.freeze()`` after start-up is still harmless for the daemon's own
  objects.
"""

from __future__ import annotations

import codecs
import re
from typing import Callable

from tmux_py.server import csi, fastpath, reflow
from tmux_py.server.sanitize import clean_label
from tmux_py.server.scrollback import WRAPPED_SHORT, Scrollback, char_width
from tmux_py.server.sgr import DEFAULT_STYLE as _DEFAULT_STYLE
from tmux_py.server.sgr import PARAM_LIMIT, parse_params, sgr_style
from tmux_py.style import CHARSET, DEFAULT, sgr_transition

#: Longest OSC/DCS/APC/PM/SOS body kept, in characters; the rest is discarded.
STRING_LIMIT = 1 << 20
#: Characters of a string body kept for its handler (titles and paths are
#: cut far shorter); the rest is only counted against ``STRING_LIMIT``.
STRING_KEEP = 4096
#: UTF-8 bytes per cell, base character and combining marks (tmux UTF8_SIZE).
CELL_BYTES = 21
#: Style table size that triggers renumbering the styles in use.
STYLE_TABLE_LIMIT = 1 << 16
#: Longest incomplete escape sequence carried over to the next feed.
PENDING_LIMIT = 4096

#: DEC Special Graphics (``ESC ( 0``): ASCII to line drawing.
_DEC_GRAPHICS = str.maketrans(
    dict(
        zip(
            "`abcdefghijklmnopqrstuvwxyz{|}~_",
            "◆▒␉␌␍␊°±␤␋┘┐┌└┼⎺⎻─⎼⎽├┤┴┬│≤≥π≠£· ",
        )
    )
)

#: Line-drawing glyphs back to the ASCII tmux's capture-pane prints.
_DEC_ASCII = {ord(glyph): code for code, glyph in _DEC_GRAPHICS.items()}

_TOKEN = re.compile(
    r"([^\x00-\x1f\x7f-\x9f]+)"  # 1: printable run
    r"|([\x00-\x1a\x1c-\x1f])"  # 2: C0 control (not ESC)
    r"|\x1b\[([\x30-\x3f]*)([\x20-\x2f]*)([\x40-\x7e])"  # 3-5: CSI
    r"|\x1b([\]PX^_k])"  # 6: string introducer
    r"|\x1b([\x20-\x2f]+[\x30-\x7e])"  # 7: ESC with intermediates
    r"|\x1b([\x30-\x4f\x51-\x57\x59\x5a\x5c\x60-\x6a\x6c-\x7e])"  # 8: ESC final
    r"|([\x7f-\x9f])"  # 9: DEL, C1: ignored
    r"|(\x1b)"  # 10: anything else after ESC: the state machine
)
_T_TEXT, _T_C0, _T_CSI, _T_STRING, _T_ESC_I, _T_ESC, _T_IGNORE, _T_SLOW = 1, 2, 5, 6, 7, 8, 9, 10

#: Terminators of a string body: BEL, ESC, CAN, SUB (DCS: only ESC \, CAN, SUB).
_STRING_END = re.compile(r"[\x07\x18\x1a\x1b]")
_DCS_END = re.compile(r"\x1b\\|[\x18\x1a]")

class _Row:
    """One visible line: packed (text + runs) or cells (chars + styles)."""

    __slots__ = ("text", "runs", "fill", "chars", "styles", "wrapped", "lazy", "used")

    def __init__(self, fill: int = 0) -> None:
        #: Cells written (tmux's cellused) of a row in cells form; a packed
        #: row's are its text. capture-pane prints no further.
        self.used = 0
        self.text = ""
        self.runs: list[list[int]] = []
        self.fill = fill
        self.chars: list[str] | None = None
        self.styles: list[int] | None = None
        self.wrapped = False
        #: (chunk record, style_id function) of a fast-path line not laid
        #: out yet (see ``fastpath``), else None.
        self.lazy: tuple | None = None

    def unlazy(self) -> None:
        """Lay out a fast-path line into the packed form."""
        lazy = self.lazy
        if lazy is None:
            return
        self.lazy = None
        record, style_id = lazy
        text, flat, wrapped, fill = fastpath.decode_row(record)
        self.wrapped = wrapped
        if fill != DEFAULT:
            self.fill = style_id((DEFAULT, fill, 0))
        self.text = text
        self.runs = [
            [flat[i], style_id((flat[i + 1], flat[i + 2], flat[i + 3]))] for i in range(0, len(flat), 4)
        ]

    def cells(self, columns: int) -> tuple[list[str], list[int]]:
        """The row as cells (converting a packed row)."""
        if self.lazy is not None:
            self.unlazy()
        chars = self.chars
        if chars is not None:
            return chars, self.styles  # type: ignore[return-value]
        text = self.text
        chars = list(text)
        styles: list[int] = []
        for length, style in self.runs:
            styles += [style] * length
        blank = columns - len(chars)
        if blank > 0:
            chars += [" "] * blank
            styles += [self.fill] * blank
        elif blank < 0:
            del chars[columns:]
            del styles[columns:]
        self.chars = chars
        self.styles = styles
        self.used = min(len(text), columns)
        self.text = ""
        self.runs = []
        return chars, styles

    def in_use(self) -> bool:
        """True if any cell was written (tmux's cellused is not 0)."""
        if self.lazy is not None:
            self.unlazy()
        if self.chars is None:
            return bool(self.text)
        return self.used > 0


def _cell_runs(chars: list[str], styles: list[int], end: int | None = None) -> list[tuple[str, int]]:
    """(text, style id) runs of cells [0, end); without ``end``, up to the last non-default cell."""
    if end is None:
        end = len(chars)
        while end and chars[end - 1] == " " and styles[end - 1] == 0:
            end -= 1
    if end == 0:
        return []
    first = styles[0]
    if styles.count(first) >= end and max(styles[:end]) == min(styles[:end]):
        return [("".join(chars[:end]), first)]
    runs = []
    start = 0
    current = first
    for index in range(1, end):
        style = styles[index]
        if style != current:
            runs.append(("".join(chars[start:index]), current))
            start = index
            current = style
    runs.append(("".join(chars[start:end]), current))
    return runs


class Emulator:
    """A pane's terminal: feed it PTY output, read back its screen and history."""

    def __init__(
        self,
        columns: int,
        lines: int,
        *,
        history_limit: int = 10000,
        on_reply: Callable[[bytes], None] | None = None,
    ) -> None:
        self.columns = max(1, int(columns))
        self.lines = max(1, int(lines))
        self.on_reply = on_reply
        self.history = Scrollback(history_limit)
        self._decoder = codecs.getincrementaldecoder("utf-8")("ignore")
        self._styles: list[tuple[int, int, int]] = [_DEFAULT_STYLE]
        self._style_ids: dict[tuple[int, int, int], int] = {_DEFAULT_STYLE: 0}
        self._sgr_cache: dict[tuple[int, str], int] = {}
        self.title = ""
        self.cwd = ""
        #: BELs (0x07 outside strings) not yet taken (:meth:`take_bells`): tmux's bell alert.
        self._bells = 0
        #: The window name the program last asked for with ``ESC k name ST`` (screen's title
        #: sequence), not yet taken (:meth:`take_rename`); ``""`` asks for automatic naming.
        self._rename: str | None = None
        #: Exceptions caught inside feed() (a bug if ever non-zero).
        self.errors = 0
        self._pending = ""
        self._string_kind: str | None = None
        self._string_parts: list[str] = []
        self._string_size = 0
        self._csi_discard = False
        self._dirty: set[int] = set()
        self._dirty_all = True
        self._alt_rows: list[_Row] | None = None
        #: (columns, lines) of the primary screen ``_alt_rows`` holds: it is
        #: reflowed to the pane's size only when it comes back, as in tmux.
        self._alt_size = (self.columns, self.lines)
        self._alt_cursor: tuple[int, int] | None = None
        self._alt_pen = 0
        #: History lines that scrolling or a shrink pushed out and a taller
        #: screen may take back (tmux's hscrolled).
        self._hscrolled = 0
        self._reset_state()
        self._rows = [_Row() for _ in range(self.lines)]

    # ------------------------------------------------------------------ state

    def _reset_state(self) -> None:
        """Modes, pen, charsets, margins, tabs and saved cursor to power-on values."""
        self.cursor_x = 0
        self.cursor_y = 0
        self.cursor_visible = True
        self.cursor_shape = 0
        self._pen = 0
        self._g0_graphics = False
        self._g1_graphics = False
        self._shift_out = False
        self._top = 0
        self._bottom = self.lines - 1
        self._tabs = set(range(8, self.columns, 8))
        self._autowrap = True
        self._origin = False
        self._insert = False
        self._app_cursor = False
        self._app_keypad = False
        self._bracketed_paste = False
        self._mouse = 0
        self._mouse_sgr = False
        self._mouse_urxvt = False
        self._focus_events = False
        self._sync_output = False
        self._saved = (0, 0, _DEFAULT_STYLE, False, False, False, False)
        self._last_char = ""

    @property
    def alternate_on(self) -> bool:
        return self._alt_rows is not None

    @property
    def history_size(self) -> int:
        return len(self.history)

    @property
    def history_limit(self) -> int:
        return self.history.limit

    @history_limit.setter
    def history_limit(self, value: int) -> None:
        self.history.limit = value

    def modes(self) -> dict:
        """Terminal modes the key encoder and the client need."""
        if self._mouse_sgr:
            encoding = "sgr"
        elif self._mouse_urxvt:
            encoding = "urxvt"
        else:
            encoding = "x10"
        return {
            "app_cursor": self._app_cursor,
            "app_keypad": self._app_keypad,
            "bracketed_paste": self._bracketed_paste,
            "mouse": self._mouse,
            "mouse_encoding": encoding,
            "focus_events": self._focus_events,
            "sync_output": self._sync_output,
            "cursor_visible": self.cursor_visible,
            "cursor_shape": self.cursor_shape,
            "alternate_on": self.alternate_on,
        }

    def take_dirty(self) -> set[int]:
        """Visible lines changed since the last call (all of them after a full redraw)."""
        if self._dirty_all:
            self._dirty_all = False
            self._dirty = set()
            return set(range(self.lines))
        dirty = self._dirty
        self._dirty = set()
        return dirty

    def take_bells(self) -> int:
        """BELs since the last call: the owner flags the window (monitor-bell)."""
        bells, self._bells = self._bells, 0
        return bells

    def take_rename(self) -> str | None:
        """The name the last ``ESC k ... ST`` since the last call asked for (None: no request);
        the owner renames the window if allow-rename lets it."""
        name, self._rename = self._rename, None
        return name

    def clear_history(self) -> None:
        """clear-history: the scrolled-off lines are forgotten, and with them what a taller
        screen could take back (tmux's grid_clear_history zeroes hsize and hscrolled)."""
        self.history.clear()
        self._hscrolled = 0

    # ---------------------------------------------------------------- styles

    def _style_id(self, style: tuple[int, int, int]) -> int:
        sid = self._style_ids.get(style)
        if sid is None:
            if len(self._styles) >= STYLE_TABLE_LIMIT:
                self._compact_styles()
            sid = len(self._styles)
            self._styles.append(style)
            self._style_ids[style] = sid
        return sid

    def _compact_styles(self) -> None:
        """Renumber the style table keeping only the styles in use."""
        old = self._styles
        new: list[tuple[int, int, int]] = [_DEFAULT_STYLE]
        ids = {_DEFAULT_STYLE: 0}

        def remap(sid: int) -> int:
            style = old[sid]
            nid = ids.get(style)
            if nid is None:
                nid = ids[style] = len(new)
                new.append(style)
            return nid

        rows = list(self._rows) + list(self._alt_rows or ())
        for row in rows:
            row.fill = remap(row.fill)
            if row.lazy is not None:
                continue
            if row.chars is None:
                for run in row.runs:
                    run[1] = remap(run[1])
            else:
                row.styles = [remap(s) for s in row.styles]  # type: ignore[union-attr]
        self._pen = remap(self._pen)
        self._alt_pen = remap(self._alt_pen)
        self._styles = new
        self._style_ids = ids
        self._sgr_cache.clear()

    def _erase_style(self) -> int:
        """Style of erased cells: the pen's background only (as tmux)."""
        bg = self._styles[self._pen][1]
        if bg == DEFAULT:
            return 0
        return self._style_id((DEFAULT, bg, 0))

    # ----------------------------------------------------------------- input

    def feed(self, data: bytes) -> None:
        """Process raw PTY output. Never raises; partial sequences are kept.

        A bug that raises inside the parser is counted in ``errors`` (tests
        assert it stays 0) and the parser restarts in its ground state, so
        the rest of the pane's output is still shown.
        """
        try:
            text = self._decoder.decode(bytes(data))
            if self._pending:
                text = self._pending + text
                self._pending = ""
            if text:
                self._process(text)
        except Exception:  # noqa: BLE001 - a pane must outlive an emulator bug
            self.errors += 1
            self._pending = ""
            self._string_kind = None
            self._string_parts = []
            self._csi_discard = False
            self._dirty_all = True
            self.cursor_x = max(0, min(self.cursor_x, self.columns))
            self.cursor_y = max(0, min(self.cursor_y, self.lines - 1))

    def _process(self, text: str) -> None:
        pos = 0
        end = len(text)
        if self._string_kind is not None:
            pos = self._string_body(text, 0)
        elif self._csi_discard:
            pos = self._discard_csi(text, 0)
        match = _TOKEN.match
        csi_cache = csi.CACHE
        sgr_cache = self._sgr_cache
        while pos < end:
            m = match(text, pos)
            kind = m.lastindex  # type: ignore[union-attr]
            if kind == _T_TEXT:
                chunk = m.group(1)  # type: ignore[union-attr]
                pos = m.end()  # type: ignore[union-attr]
                x = self.cursor_x
                n = len(chunk)
                if x + n < self.columns and chunk.isascii() and not (self._g0_graphics or self._g1_graphics):
                    # The common case, inline: ASCII that fits on the line.
                    self._write(x, chunk)
                    self.cursor_x = x + n
                    self._last_char = chunk[-1]
                else:
                    self._print(chunk)
                continue
            if kind == _T_CSI:
                seq = m.group()  # type: ignore[union-attr]
                pos = m.end()  # type: ignore[union-attr]
                entry = csi_cache.get(seq)
                if entry is None:
                    entry = csi.entry(*m.group(3, 4, 5))  # type: ignore[union-attr]
                    if len(csi_cache) > 4096:
                        csi_cache.clear()
                    csi_cache[seq] = entry
                handler, values = entry
                if handler is csi.sgr:
                    pen = sgr_cache.get((self._pen, values))
                    self._pen = self._sgr_pen(self._pen, values) if pen is None else pen
                elif handler is not None:
                    handler(self, values)
            elif kind == _T_C0:
                ch = text[pos]
                pos += 1
                if ch == "\r":
                    self.cursor_x = 0
                elif ch != "\n":
                    self._control(ch)
                else:
                    self._linefeed(0 if self._styles[self._pen][1] == DEFAULT else self._erase_style())
                    if self.cursor_x == 0 and self._at_fast_start():
                        block = fastpath.LINE_BLOCK.match(text, pos)
                        if block is not None:
                            pos = self._fast_block(text, pos, block.end())
            elif kind == _T_STRING:
                self._string_kind = m.group(6)  # type: ignore[union-attr]
                self._string_parts = []
                self._string_size = 0
                pos = self._string_body(text, m.end())  # type: ignore[union-attr]
            elif kind == _T_ESC:
                self._esc("", m.group(8))  # type: ignore[union-attr]
                pos = m.end()  # type: ignore[union-attr]
            elif kind == _T_ESC_I:
                seq = m.group(7)  # type: ignore[union-attr]
                self._esc(seq[:-1], seq[-1])
                pos = m.end()  # type: ignore[union-attr]
            elif kind == _T_IGNORE:
                pos += 1
            else:
                pos = self._escape(text, pos)
                if pos < 0:
                    self._last_char = ""
                    return
            self._last_char = ""

    # ------------------------------------------------------------- fast path

    def _at_fast_start(self) -> bool:
        """True if the cursor is at the start of a blank bottom line that scrolls."""
        y = self.cursor_y
        if y != self.lines - 1 or self._bottom != y or self._top != 0:
            return False
        row = self._rows[y]
        return (
            row.chars is None
            and row.lazy is None
            and not row.text
            and not row.fill
            and self._alt_rows is None
            and self._autowrap
            and not self._insert
            and not self._g0_graphics
            and not self._g1_graphics
        )

    def _fast_block(self, text: str, start: int, stop: int) -> int:
        """Apply a run of whole lines in chunks of at most ``fastpath.CHUNK_LIMIT``."""
        limit = fastpath.CHUNK_LIMIT
        while stop - start > limit:
            cut = text.rfind("\r\n", start, start + limit) + 2
            if cut <= start:
                cut = text.find("\r\n", start + limit, stop) + 2
            start = self._fast_lines(text, start, cut)
            if start >= stop or not self._at_fast_start():
                return start
        return self._fast_lines(text, start, stop)

    def _fast_lines(self, text: str, start: int, stop: int) -> int:
        """Apply the whole lines text[start:stop] (see ``fastpath``); return stop."""
        block = text[start:stop]
        columns = self.columns
        count = fastpath.count_rows(block, columns)
        first = self._styles[self._pen]
        reset, params = fastpath.end_params(block)
        pen = 0 if reset else self._pen
        cache = self._sgr_cache
        for item in params:
            new = cache.get((pen, item))
            pen = self._sgr_pen(pen, item) if new is None else new
        self._pen = pen
        self._last_char = ""
        chunk = (block, *first, columns)
        screen = self._rows
        keep = self.lines - 1
        history = self.history
        for row in screen[: min(count, keep)]:
            history.append(self._record(row))
        pushed = count - keep
        if pushed > 0:
            history.extend([(*chunk, index) for index in range(pushed)])
        self._hscrolled += count
        rows = screen[count:keep] if count < keep else []
        style_id = self._style_id
        for index in range(max(0, pushed), count):
            row = _Row()
            row.lazy = ((*chunk, index), style_id)
            rows.append(row)
        rows.append(_Row(self._erase_style()))
        self._rows = rows
        self._dirty_all = True
        return stop

    # ---------------------------------------------------- escape state machine

    def _escape(self, text: str, pos: int) -> int:
        """Consume one escape sequence the token expression could not take whole.

        Follows tmux's states: C0 controls inside a sequence are executed, DEL
        and bytes above 0x7e are ignored, ESC restarts, CAN and SUB abort.
        Returns the position after it, or -1 if the text ended first (the rest
        is kept for the next feed).
        """
        start = pos
        end = len(text)
        pos += 1
        inter = ""
        params: list[str] = []
        csi = ignore = False
        while pos < end:
            ch = text[pos]
            code = ord(ch)
            if code == 0x1B:
                return pos
            if code in (0x18, 0x1A):
                return pos + 1
            if code < 0x20:
                self._control(ch)
            elif ignore and code <= 0x3F:
                pass
            elif code <= 0x2F:
                inter += ch
            elif csi and code <= 0x3F:
                if inter or (params and ch in "<=>?"):
                    ignore = True
                params.append(ch)
            elif code <= 0x7E:
                if csi:
                    if not ignore:
                        self._csi("".join(params), inter, ch)
                    return pos + 1
                if not inter and ch == "[":
                    csi = True
                elif not inter and ch in "]PX^_k":
                    self._string_kind = ch
                    self._string_parts = []
                    self._string_size = 0
                    return self._string_body(text, pos + 1)
                else:
                    if not ignore:
                        self._esc(inter, ch)
                    return pos + 1
            if len(params) + len(inter) > PARAM_LIMIT:
                ignore = True
                params = []
                inter = ""
            pos += 1
        if ignore or pos - start > PENDING_LIMIT:
            # Already invalid: skip to its final byte instead of keeping it,
            # so a sequence fed one byte at a time is not rescanned each time.
            self._csi_discard = True
            return end
        return self._keep(text, start)

    def _keep(self, text: str, start: int) -> int:
        """Carry an incomplete sequence over to the next feed."""
        rest = text[start:]
        if len(rest) > PENDING_LIMIT:
            self._csi_discard = True
        else:
            self._pending = rest
        return -1

    def _discard_csi(self, text: str, pos: int) -> int:
        """Skip the rest of an over-long CSI sequence, up to its final byte."""
        end = len(text)
        while pos < end:
            code = ord(text[pos])
            if 0x40 <= code <= 0x7E or code in (0x18, 0x1A, 0x1B):
                self._csi_discard = False
                return pos + 1 if code != 0x1B else pos
            pos += 1
        return end

    def _string_body(self, text: str, pos: int) -> int:
        """Gather an OSC/DCS/APC/PM/SOS body; dispatch it once terminated."""
        kind = self._string_kind
        finder = _DCS_END if kind == "P" else _STRING_END
        m = finder.search(text, pos)
        stop = m.start() if m else len(text)
        if m is None and kind == "P" and text.endswith("\x1b"):
            stop -= 1
            self._pending = "\x1b"
        if self._string_size < STRING_KEEP:
            self._string_parts.append(text[pos : min(stop, pos + STRING_KEEP - self._string_size)])
        self._string_size += stop - pos
        if m is None:
            return len(text)
        body = "".join(self._string_parts)
        self._string_kind = None
        self._string_parts = []
        terminator = text[stop]
        if self._string_size <= STRING_LIMIT and terminator != "\x18" and terminator != "\x1a":
            self._dispatch_string(kind, body)  # type: ignore[arg-type]
        if terminator == "\x1b":
            return stop + 2 if kind == "P" else stop
        return stop + 1

    def _dispatch_string(self, kind: str, body: str) -> None:
        if kind == "]":
            number, _, value = body.partition(";")
            if number in ("0", "2"):
                self._set_title(value)
            elif number == "7":
                label = clean_label(value)
                if label is not None:
                    self.cwd = label
            # OSC 4/10/11/12/52/104/110-112 queries and sets are ignored:
            # answering would echo attacker-chosen bytes back as input.
        elif kind == "_":
            self._set_title(body)  # tmux: APC sets the pane title
        elif kind == "k":
            # ESC k name ST (screen's title sequence): a window name, for the owner to allow.
            self._rename = clean_label(body)

    def _set_title(self, value: str) -> None:
        label = clean_label(value)
        if label is not None:
            self.title = label

    def _reply(self, data: str) -> None:
        if self.on_reply is not None:
            try:
                self.on_reply(data.encode())
            except Exception:  # noqa: BLE001 - the daemon's callback must not break parsing
                pass

    # ------------------------------------------------------------- C0 and ESC

    def _control(self, ch: str) -> None:
        if ch == "\n" or ch == "\x0b" or ch == "\x0c":
            self._linefeed(self._erase_style())
        elif ch == "\r":
            self.cursor_x = 0
        elif ch == "\x08":
            self._backspace()
        elif ch == "\t":
            self._tab()
        elif ch == "\x07":
            self._bells += 1
        elif ch == "\x0e":
            self._shift_out = True
        elif ch == "\x0f":
            self._shift_out = False

    def _esc(self, inter: str, final: str) -> None:
        if not inter:
            if final == "7":
                self._save_cursor()
            elif final == "8":
                self._restore_cursor()
            elif final == "D":
                self._linefeed(self._erase_style())
            elif final == "E":
                self.cursor_x = 0
                self._linefeed(self._erase_style())
            elif final == "M":
                self._reverse_index()
            elif final == "H":
                if self.cursor_x < self.columns:
                    self._tabs.add(self.cursor_x)
            elif final == "=":
                self._app_keypad = True
            elif final == ">":
                self._app_keypad = False
            elif final == "c":
                self._full_reset()
        elif inter == "(" and final in "0B":
            self._g0_graphics = final == "0"
        elif inter == ")" and final in "0B":
            self._g1_graphics = final == "0"
        elif inter == "#" and final == "8":
            self._alignment_test()

    # ------------------------------------------------------------------- CSI

    def _csi(self, params: str, inter: str, final: str) -> None:
        handler, values = csi.entry(params, inter, final)
        if handler is csi.sgr:
            self._pen = self._sgr_pen(self._pen, values)
        elif handler is not None:
            handler(self, values)

    def _sgr_pen(self, pen: int, params: str) -> int:
        """The pen (style id) after ``CSI params m`` from ``pen``, cached."""
        key = (pen, params)
        new = self._sgr_cache.get(key)
        if new is None:
            values = parse_params(params)
            if values is None:
                return pen
            new = self._style_id(sgr_style(self._styles[pen], values))
            if len(self._sgr_cache) > 4096:
                self._sgr_cache.clear()
            self._sgr_cache[key] = new
        return new

    # ---------------------------------------------------------------- output

    def _print(self, text: str) -> None:
        if self._g1_graphics if self._shift_out else self._g0_graphics:
            pen = self._pen
            fg, bg, flags = self._styles[pen]
            self._pen = self._style_id((fg, bg, flags | CHARSET))
            try:
                self._print_text(text.translate(_DEC_GRAPHICS))
            finally:
                self._pen = pen
        else:
            self._print_text(text)
        # REP repeats the last character only if it was ASCII (tmux's
        # input_print; UTF-8 goes another way and REP then does nothing).
        last = text[-1]
        self._last_char = last if last < "\x7f" else ""

    def _print_text(self, text: str) -> None:
        if text.isascii():
            self._put_narrow(text)
            return
        narrow: list[str] = []
        for char in text:
            width = char_width(char)
            if width == 1:
                narrow.append(char)
                continue
            if narrow:
                self._put_narrow("".join(narrow))
                narrow = []
            if width == 0:
                self._combine(char)
            else:
                self._put_wide(char)
        if narrow:
            self._put_narrow("".join(narrow))

    def _put_narrow(self, text: str) -> None:
        """Write characters of width 1 at the cursor, wrapping as tmux does."""
        columns = self.columns
        autowrap = self._autowrap
        x = self.cursor_x
        if x + len(text) <= columns:
            self._write(x, text)
            x += len(text)
            self.cursor_x = x if autowrap or x < columns else columns - 1
            return
        while text:
            x = self.cursor_x
            if x >= columns:
                if autowrap:
                    self._wrap()
                    x = 0
                else:
                    x = columns - 1
            room = columns - x
            if len(text) <= room:
                chunk = text
                text = ""
            else:
                chunk = text[:room]
                text = text[room:]
                if not autowrap:
                    chunk = chunk[:-1] + text[-1]
                    text = ""
            self._write(x, chunk)
            x += len(chunk)
            if not autowrap and x >= columns:
                x = columns - 1
            self.cursor_x = x

    def _write(self, x: int, chunk: str) -> None:
        """Put ``chunk`` (width-1 characters, fitting the line) at column x."""
        y = self.cursor_y
        row = self._rows[y]
        pen = self._pen
        n = len(chunk)
        if row.lazy is not None:
            row.unlazy()
        if row.chars is None and not self._insert:
            length = len(row.text)
            if x >= length:
                if x > length:
                    chunk = " " * (x - length) + chunk
                    row.runs.append([x - length, row.fill])
                row.text += chunk
                runs = row.runs
                if runs and runs[-1][1] == pen:
                    runs[-1][0] += n
                else:
                    runs.append([n, pen])
                if not self._dirty_all:
                    self._dirty.add(y)
                return
        chars, styles = row.cells(self.columns)
        if self._insert:
            self._insert_cells(chars, styles, x, n, 0)
        end = x + n
        if chars[x] == "":
            # Writing over the right half of a wide character blanks it. tmux
            # 3.3a's ASCII-run path looks back only while x > 0, so a wide
            # character in column 0 keeps its left half (checked against tmux).
            if self._insert or not self._autowrap or not chunk.isascii() or x > 1:
                self._clear_lead(chars, styles, x)
        if end < self.columns and chars[end] == "":
            chars[end] = " "
            styles[end] = 0
        chars[x:end] = chunk
        styles[x:end] = [pen] * n
        if end > row.used:
            row.used = end
        if not self._dirty_all:
            self._dirty.add(y)

    @staticmethod
    def _clear_lead(chars: list[str], styles: list[int], x: int) -> None:
        """Writing over the right half of a wide character: blank its left half."""
        lead = x - 1
        while lead > 0 and chars[lead] == "":
            lead -= 1
        for index in range(lead, x):
            chars[index] = " "
            styles[index] = 0

    def _put_wide(self, char: str) -> None:
        columns = self.columns
        x = self.cursor_x
        if not self._autowrap and (columns < 2 or (x != columns and x > columns - 2)):
            return
        if self._autowrap and x > columns - 2:
            self._wrap(short=x < columns)
            x = 0
        if x > columns - 2:
            return
        y = self.cursor_y
        chars, styles = self._rows[y].cells(columns)
        if self._insert:
            self._insert_cells(chars, styles, x, 2, 0)
        if chars[x] == "":
            self._clear_lead(chars, styles, x)
        if x + 2 < columns and chars[x + 2] == "":
            chars[x + 2] = " "
            styles[x + 2] = 0
        chars[x] = char
        chars[x + 1] = ""
        styles[x] = styles[x + 1] = self._pen
        row = self._rows[y]
        if x + 2 > row.used:
            row.used = x + 2
        if self._autowrap or x <= columns - 3:
            self.cursor_x = x + 2
        else:
            self.cursor_x = columns - 1
        if not self._dirty_all:
            self._dirty.add(y)

    def _combine(self, mark: str) -> None:
        """Add a zero-width character to the cell before the cursor (tmux drops it at x 0)."""
        x = min(self.cursor_x, self.columns)
        if x == 0:
            return
        y = self.cursor_y
        chars, _styles = self._rows[y].cells(self.columns)
        x -= 1
        while x > 0 and chars[x] == "":
            x -= 1
        cell = chars[x]
        if cell == "":
            return
        if len(cell.encode("utf-8", "replace")) + len(mark.encode("utf-8", "replace")) > CELL_BYTES:
            return
        chars[x] = cell + mark
        row = self._rows[y]
        if x + 1 > row.used:
            row.used = x + 1
        if not self._dirty_all:
            self._dirty.add(y)

    def _wrap(self, short: bool = False) -> None:
        """Soft wrap: mark the line wrapped and move to the start of the next.

        ``short``: a wide character did not fit in the last cell, which stays
        unused (``wrapped`` is then ``WRAPPED_SHORT``, still true).
        """
        self._rows[self.cursor_y].wrapped = WRAPPED_SHORT if short else True
        self._linefeed(0)
        self.cursor_x = 0

    # --------------------------------------------------------------- motion

    def _linefeed(self, fill: int) -> None:
        y = self.cursor_y
        if y == self._bottom:
            self._scroll_up(self._top, self._bottom, 1, fill)
        elif y < self.lines - 1:
            self.cursor_y = y + 1

    def _reverse_index(self) -> None:
        if self.cursor_y == self._top:
            self._scroll_down(self._top, self._bottom, 1, self._erase_style())
        elif self.cursor_y > 0:
            self.cursor_y -= 1

    def _backspace(self) -> None:
        x = self.cursor_x
        if x == 0:
            y = self.cursor_y
            if y > 0 and self._rows[y - 1].wrapped:
                self.cursor_y = y - 1
                self.cursor_x = self.columns - 1
        else:
            self.cursor_x = x - 1

    def _tab(self) -> None:
        x = self.cursor_x
        last = self.columns - 1
        if x >= last:
            return
        tabs = self._tabs
        x += 1
        while x < last and x not in tabs:
            x += 1
        self.cursor_x = x

    def _move_to(self, x: int | None, y: int | None, origin: bool = True) -> None:
        """tmux's screen_write_cursormove: absolute, origin-relative if DECOM."""
        if y is not None and origin and self._origin:
            if y > self._bottom - self._top:
                y = self._bottom
            else:
                y += self._top
        if x is not None:
            self.cursor_x = max(0, min(x, self.columns - 1))
        if y is not None:
            self.cursor_y = max(0, min(y, self.lines - 1))

    # ------------------------------------------------------------- scrolling

    def _record(self, row: _Row) -> tuple:
        """A row as a history record (text, flat runs, wrapped): its written cells only.

        Cells an erase or a line feed only coloured are left out, as tmux
        keeps a line's cells only up to its last written one (cellused).
        """
        if row.lazy is not None:
            return row.lazy[0]
        styles = self._styles
        flat: list[int] = []
        if row.chars is None:
            text = row.text
            for length, sid in row.runs:
                flat.append(length)
                flat.extend(styles[sid])
        else:
            parts = []
            for piece, sid in _cell_runs(row.chars, row.styles, row.used):  # type: ignore[arg-type]
                parts.append(piece)
                flat.append(len(piece))
                flat.extend(styles[sid])
            text = "".join(parts)
        return (text, tuple(flat), row.wrapped)

    def _scroll_up(self, top: int, bottom: int, count: int, fill: int) -> None:
        rows = self._rows
        count = min(count, bottom - top + 1)
        keep = self._alt_rows is None
        history = self.history
        for _ in range(count):
            row = rows.pop(top)
            if keep:
                history.append(self._record(row))
                self._hscrolled += 1
            rows.insert(bottom, _Row(fill))
        self._mark(top, bottom)

    def _scroll_down(self, top: int, bottom: int, count: int, fill: int) -> None:
        rows = self._rows
        count = min(count, bottom - top + 1)
        for _ in range(count):
            del rows[bottom]
            rows.insert(top, _Row(fill))
        self._mark(top, bottom)

    def _insert_lines_outside(self, y: int, count: int, fill: int) -> None:
        """IL with the cursor outside the scroll region, exactly as tmux 3.3a.

        tmux moves the lines from y down by ``count`` but blanks only the
        moved lines' old places: lines between keep their text, and an IL
        of every remaining line changes nothing (checked against tmux).
        """
        rows = self._rows
        count = min(count, self.lines - y)
        moved = self.lines - y - count
        source = rows[y : y + moved]
        rows[y + count : y + count + moved] = source
        for index in range(y, min(y + moved, y + count)):
            rows[index] = _Row(fill)
        self._mark(y, self.lines - 1)

    def _delete_lines(self, top: int, bottom: int, count: int, fill: int) -> None:
        """DL: lines [top, bottom] move up ``count``, blank lines come in below; no history."""
        rows = self._rows
        for _ in range(min(count, bottom - top + 1)):
            del rows[top]
            rows.insert(bottom, _Row(fill))
        self._mark(top, bottom)

    def _mark(self, top: int, bottom: int) -> None:
        if self._dirty_all:
            return
        if top == 0 and bottom == self.lines - 1:
            self._dirty_all = True
        else:
            self._dirty.update(range(top, bottom + 1))

    # ---------------------------------------------------------------- erasing

    def _clear_cells(self, y: int, start: int, stop: int, fill: int) -> None:
        """Blank cells [start, stop) of row y with style ``fill``."""
        start = max(0, start)
        stop = min(self.columns, stop)
        if start >= stop:
            return
        row = self._rows[y]
        row.unlazy()
        if start == 0 and stop == self.columns:
            if fill or row.fill or row.in_use():  # tmux leaves an empty line be
                self._unwrap_above(y)
            self._rows[y] = _Row(fill)  # not wrapped; a partial erase keeps the flag, as in tmux
        elif row.chars is None and start >= len(row.text) and fill == row.fill:
            pass
        else:
            chars, styles = row.cells(self.columns)
            chars[start:stop] = [" "] * (stop - start)
            styles[start:stop] = [fill] * (stop - start)
        if not self._dirty_all:
            self._dirty.add(y)

    def _clear_rows(self, start: int, stop: int, fill: int) -> None:
        start = max(0, start)
        if start < min(self.lines, stop):
            self._unwrap_above(start)
        for y in range(start, min(self.lines, stop)):
            self._rows[y] = _Row(fill)
            if not self._dirty_all:
                self._dirty.add(y)

    def _unwrap_above(self, y: int) -> None:
        """Whole lines cleared from y: as tmux's grid_clear_lines, the line above is not wrapped any more.

        Above the top row is the newest history line (tmux's grid holds both).
        """
        if y > 0:
            row = self._rows[y - 1]
            row.unlazy()
            row.wrapped = False
            return
        history = self.history
        size = len(history)
        if size:
            text, runs, wrapped = fastpath.decode(history.lines(size - 1, size)[0])
            if wrapped:
                history.pop_newest()
                history.append((text, runs, False))

    def _clear_screen(self, fill: int) -> None:
        """ED 2: as tmux with scroll-on-clear, used lines go to the history first."""
        if self._alt_rows is None:
            last = 0
            for y, row in enumerate(self._rows):
                if row.in_use():
                    last = y + 1
            for y in range(last):
                self.history.append(self._record(self._rows[y]))
            self._hscrolled = 0
        self._rows = [_Row(fill) for _ in range(self.lines)]
        self._dirty_all = True

    def _insert_cells(self, chars: list[str], styles: list[int], x: int, count: int, fill: int) -> None:
        """ICH / insert mode at x on the cursor's row (tmux moves the rest, so all become used)."""
        columns = len(chars)
        if x + count < columns:
            self._rows[self.cursor_y].used = columns
        count = min(count, columns - x)
        chars[x:x] = [" "] * count
        styles[x:x] = [fill] * count
        del chars[columns:]
        del styles[columns:]

    # ------------------------------------------------------- saved / alternate

    def _save_cursor(self) -> None:
        self._saved = (
            self.cursor_x,
            self.cursor_y,
            self._styles[self._pen],
            self._g0_graphics,
            self._g1_graphics,
            self._shift_out,
            self._origin,
        )

    def _restore_cursor(self) -> None:
        x, y, style, g0, g1, shift, origin = self._saved
        self._pen = self._style_id(style)
        self._g0_graphics, self._g1_graphics, self._shift_out = g0, g1, shift
        self._origin = origin
        self._move_to(x, y, origin=False)

    def _alternate_on(self, cursor: bool) -> None:
        if self._alt_rows is not None:
            return
        if cursor:
            self._alt_cursor = (self.cursor_x, self.cursor_y)
        self._alt_pen = self._pen
        self._alt_rows = self._rows
        self._alt_size = (self.columns, self.lines)
        self._rows = [_Row() for _ in range(self.lines)]
        self._unwrap_above(0)  # tmux clears its grid's screen lines for the alternate screen
        self._dirty_all = True

    def _alternate_off(self, cursor: bool) -> None:
        """Back to the primary screen, as tmux's screen_alternate_off.

        The alternate screen first takes the primary's old size, then the
        primary screen comes back and is resized (and reflowed) to the pane.
        """
        columns, lines = self.columns, self.lines
        if self._alt_rows is not None:
            self.resize(*self._alt_size)
        if cursor and self._alt_cursor is not None:
            self.cursor_x, self.cursor_y = self._alt_cursor
            self._pen = self._alt_pen
        if self._alt_rows is not None:
            self._rows = self._alt_rows
            self._alt_rows = None
            self.resize(columns, lines)
        self.cursor_x = min(self.cursor_x, self.columns - 1)
        self.cursor_y = min(self.cursor_y, self.lines - 1)
        self._dirty_all = True

    def _clip_row(self, row: _Row) -> None:
        columns = self.columns
        row.unlazy()
        if row.chars is None:
            if len(row.text) > columns:
                row.cells(columns)
            return
        row.used = min(row.used, columns)
        if len(row.chars) > columns:
            del row.chars[columns:]
            del row.styles[columns:]  # type: ignore[union-attr]
            if char_width(row.chars[-1][:1] or " ") == 2:
                row.chars[-1] = " "  # its right half was cut off
        elif len(row.chars) < columns:
            blank = columns - len(row.chars)
            row.chars += [" "] * blank
            row.styles += [0] * blank  # type: ignore[operator]

    def _full_reset(self) -> None:
        """RIS (ESC c): modes, pen, margins and tabs reset; screen cleared."""
        title, cwd = self.title, self.cwd
        if self._alt_rows is not None:
            self._alternate_off(False)
        self._reset_state()
        self.title, self.cwd = title, cwd
        self._clear_screen(0)

    def _alignment_test(self) -> None:
        """DECALN (ESC # 8): fill the screen with E; margins reset; cursor home."""
        for y in range(self.lines):
            row = _Row()
            row.text = "E" * self.columns
            row.runs = [[self.columns, 0]]
            self._rows[y] = row
        self._top, self._bottom = 0, self.lines - 1
        self.cursor_x = self.cursor_y = 0
        self._dirty_all = True

    # ----------------------------------------------------------------- resize

    def resize(self, columns: int, lines: int) -> None:
        """Change the pane size as tmux 3.3a's screen_resize_cursor.

        Lines first: shrinking deletes lines below the cursor, then (on the
        primary screen) moves lines from the top into the history; growing
        takes back lines that scrolling or an earlier shrink put into the
        history, then adds blank lines. Then a new width reflows the primary
        screen and its history as one (``reflow.py``), the cursor staying on
        its character. The alternate screen is cut or padded instead (tmux
        does not reflow it: the program redraws), and the primary screen it
        hides keeps its size until it comes back.
        """
        columns = max(1, int(columns))
        lines = max(1, int(lines))
        primary = self._alt_rows is None
        self._resize_lines(lines, primary)
        if primary and columns != self.columns:
            self._reflow(columns)
        else:
            self.cursor_x = min(self.cursor_x, columns)  # tmux leaves it; past the margin it wraps
        self.columns = columns
        for row in self._rows:
            self._clip_row(row)
        self.cursor_y = max(0, min(self.cursor_y, lines - 1))
        self._top, self._bottom = 0, lines - 1
        self._tabs = {x for x in self._tabs if x < columns} | set(range(8, columns, 8))
        self._dirty_all = True

    def _resize_lines(self, lines: int, primary: bool) -> None:
        """tmux's screen_resize_y: shrink below the cursor, then into the history; grow from it."""
        rows = self._rows
        old = len(rows)
        if lines < old:
            needed = old - lines
            below = min(needed, max(0, old - 1 - self.cursor_y))
            if below:
                del rows[old - below :]
                needed -= below
            if needed:
                if primary:
                    for row in rows[:needed]:
                        self.history.append(self._record(row))
                    self._hscrolled += needed
                del rows[:needed]
                self.cursor_y -= needed
        elif lines > old and primary:
            back = min(lines - old, self._hscrolled, len(self.history))
            for _ in range(back):
                rows.insert(0, self._row_from_record(self.history.pop_newest()))
            self._hscrolled -= back
            self.cursor_y += back
        while len(rows) < lines:
            rows.append(_Row())
        self.lines = lines

    def _reflow(self, columns: int) -> None:
        """Rewrap history and screen to ``columns`` (tmux's screen_reflow).

        Rows left as they were are kept, fill and all; the history is
        rewritten, and its limit still holds.
        """
        history = self.history
        size = len(history)
        screen = [self._record(row) for row in self._rows]
        kept = {id(record): row for record, row in zip(screen, self._rows)}
        done = reflow.reflow(
            history.lines(0, size) + screen, columns, (size + self.cursor_y, self.cursor_x), self._hscrolled
        )
        records = done.records
        size = max(0, len(records) - self.lines)
        history.clear()
        history.extend(records[:size])
        self.columns = columns
        rows = [kept.get(id(record)) or self._row_from_record(record) for record in records[size:]]
        rows += [_Row() for _ in range(self.lines - len(rows))]
        self._rows = rows
        self._hscrolled = min(done.scrolled, len(history))
        y, x = done.cursor
        # A wide character alone on a line narrower than itself ends past the margin.
        self.cursor_x, self.cursor_y = (min(x, columns), y - size) if y >= size else (0, 0)

    def _row_from_record(self, record: tuple | None) -> _Row:
        """A screen row rebuilt from a history record."""
        row = _Row()
        if record is None:
            return row
        text, flat, wrapped = fastpath.decode(record)
        row.wrapped = wrapped
        style_id = self._style_id
        runs = [[flat[i], style_id((flat[i + 1], flat[i + 2], flat[i + 3]))] for i in range(0, len(flat), 4)]
        if text.isascii():
            row.text = text
            row.runs = runs
            return row
        chars: list[str] = []
        styles: list[int] = []
        pos = 0
        for length, sid in runs:
            for char in text[pos : pos + length]:
                width = char_width(char)
                if width == 0 and chars:
                    chars[-1 if chars[-1] else -2] += char
                    continue
                chars.append(char)
                styles.append(sid)
                if width == 2:
                    chars.append("")
                    styles.append(sid)
            pos += length
        blank = self.columns - len(chars)
        row.chars = chars[: self.columns] + [" "] * max(0, blank)
        row.styles = styles[: self.columns] + [0] * max(0, blank)
        row.used = min(len(chars), self.columns)
        return row

    # ----------------------------------------------------------------- output

    def _row_runs(self, row: _Row) -> list[list]:
        styles = self._styles
        out: list[list] = []
        row.unlazy()
        if row.chars is None:
            text = row.text
            pos = 0
            for length, sid in row.runs:
                out.append([text[pos : pos + length], *styles[sid]])
                pos += length
            if row.fill:
                blank = self.columns - len(text)
                if blank > 0:
                    out.append([" " * blank, *styles[row.fill]])
        else:
            for piece, sid in _cell_runs(row.chars, row.styles):  # type: ignore[arg-type]
                out.append([piece, *styles[sid]])
        return out

    def line_runs(self, y: int) -> list[list]:
        """Visible line y as runs ``[[text, fg, bg, flags], ...]``."""
        if not 0 <= y < self.lines:
            return []
        return self._row_runs(self._rows[y])

    def line_wrapped(self, y: int) -> bool:
        """True if visible line y is soft-wrapped into the next."""
        return 0 <= y < self.lines and bool(self._rows[y].wrapped)

    def history_runs(self, start: int, stop: int) -> list[list[list]]:
        """History lines ``[start, stop)`` (0 = oldest) as runs."""
        return [_record_runs(fastpath.decode(r)) for r in self.history.lines(start, stop)]

    def _records(self, start: int, end: int) -> list[tuple]:
        """Records of lines start..end inclusive (negative = history), none wider than the screen."""
        hsize = len(self.history)
        out: list[tuple] = []
        if start < 0:
            columns = self.columns
            for record in self.history.lines(hsize + start, hsize + min(end, -1) + 1):
                out.append(reflow.clip(fastpath.decode(record), columns))
        for y in range(max(0, start), min(end, self.lines - 1) + 1):
            out.append(fastpath.decode(self._record(self._rows[y])))
        return out

    def capture(
        self,
        start: int | None = None,
        end: int | None = None,
        *,
        escapes: bool = False,
        join: bool = False,
        keep_trailing: bool = False,
    ) -> list[str]:
        """Lines as tmux ``capture-pane -p`` prints them (one string per line).

        ``start``/``end``: 0 is the top visible line, negative numbers are
        history (-1 the newest); ``escapes`` is ``-e``, ``join`` is ``-J``,
        ``keep_trailing`` is ``-N``.
        """
        hsize = len(self.history)
        top = 0 if start is None else start
        bottom = self.lines - 1 if end is None else end
        top = max(-hsize, min(top, self.lines - 1))
        bottom = max(-hsize, min(bottom, self.lines - 1))
        if bottom < top:
            top, bottom = bottom, top
        out: list[str] = []
        last = _DEFAULT_STYLE
        pending = ""
        trim = not join and not keep_trailing
        for text, runs, wrapped in self._records(top, bottom):
            if escapes or any(runs[index] & CHARSET for index in range(3, len(runs), 4)):
                parts = []
                pos = 0
                for index in range(0, len(runs), 4):
                    style = (runs[index + 1], runs[index + 2], runs[index + 3])
                    length = runs[index]
                    if escapes and style != last:
                        parts.append(sgr_transition(last, style))
                        last = style
                    piece = text[pos : pos + length]
                    if style[2] & CHARSET:
                        piece = piece.translate(_DEC_ASCII)
                    parts.append(piece)
                    pos += length
                line = "".join(parts)
            else:
                line = text
            if trim:
                line = line.rstrip(" ")
            if join and wrapped:
                pending += line
                continue
            out.append(pending + line)
            pending = ""
        if pending:
            out.append(pending)
        return out


def _record_runs(record: tuple) -> list[list]:
    text, runs, _wrapped = record
    out = []
    pos = 0
    for index in range(0, len(runs), 4):
        length = runs[index]
        out.append([text[pos : pos + length], runs[index + 1], runs[index + 2], runs[index + 3]])
        pos += length
    return out
