"""The CSI command table: one handler per final byte, as tmux's input_csi_table.

A CSI sequence ``ESC [ <marker><params><intermediates><final>`` is looked
up by ``marker + intermediates + final`` (``"H"``, ``"?h"``, ``" q"``,
``">c"``) in ``HANDLERS``; each handler takes the emulator and the decoded
parameter values (``sgr.parse_params``) and acts on the emulator's screen.
``entry`` decodes a sequence once into ``(handler, values)`` and the
emulator keeps the result in ``CACHE`` by the sequence's text, so a
full-screen program's repeated ``CSI 12;40 H`` or ``CSI K`` costs one dict
look-up. SGR is only marked here (``sgr``): the emulator applies it with its
own cache of pen transitions. Sequences tmux ignores have no handler.
Handlers follow tmux 3.3a's ``input_csi_dispatch`` in their defaults and
limits (``param``: missing means the default, a colon parameter means
ignore), and clamp every count to the screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from tmux_py import __version__
from tmux_py.server.sgr import param as _get
from tmux_py.server.sgr import parse_params

if TYPE_CHECKING:
    from tmux_py.server.emulator import Emulator


def _cuu(self: "Emulator", values: list) -> None:
    n = _get(values, 0, 1, 1)
    if n == -1:
        return
    y = self.cursor_y
    limit = y if y < self._top else y - self._top
    self.cursor_x = min(self.cursor_x, self.columns - 1)
    self.cursor_y = y - min(n, limit)


def _cud(self: "Emulator", values: list) -> None:
    n = _get(values, 0, 1, 1)
    if n == -1:
        return
    y = self.cursor_y
    limit = self.lines - 1 - y if y > self._bottom else self._bottom - y
    self.cursor_x = min(self.cursor_x, self.columns - 1)
    self.cursor_y = y + max(0, min(n, limit))


def _cuf(self: "Emulator", values: list) -> None:
    """CUF: right, stopping at the last column (a pending wrap lands there too, as in tmux)."""
    n = _get(values, 0, 1, 1)
    if n != -1:
        self.cursor_x = min(self.cursor_x + n, self.columns - 1)


def _cub(self: "Emulator", values: list) -> None:
    n = _get(values, 0, 1, 1)
    if n == -1:
        return
    self.cursor_x -= min(n, self.cursor_x)


def _cnl(self: "Emulator", values: list) -> None:
    if _get(values, 0, 1, 1) != -1:
        self.cursor_x = 0
        _cud(self, values)


def _cpl(self: "Emulator", values: list) -> None:
    if _get(values, 0, 1, 1) != -1:
        self.cursor_x = 0
        _cuu(self, values)


def _hpa(self: "Emulator", values: list) -> None:
    n = _get(values, 0, 1, 1)
    if n != -1:
        self._move_to(n - 1, None)


def _vpa(self: "Emulator", values: list) -> None:
    n = _get(values, 0, 1, 1)
    if n != -1:
        self._move_to(None, n - 1)


def _cup(self: "Emulator", values: list) -> None:
    n = _get(values, 0, 1, 1)
    m = _get(values, 1, 1, 1)
    if n != -1 and m != -1:
        self._move_to(m - 1, n - 1)


def _cbt(self: "Emulator", values: list) -> None:
    x = min(self.cursor_x, self.columns - 1)
    n = _get(values, 0, 1, 1)
    if n == -1:
        return
    while x > 0 and n > 0:
        n -= 1
        x -= 1
        while x > 0 and x not in self._tabs:
            x -= 1
    self.cursor_x = x


def _ed(self: "Emulator", values: list) -> None:
    n = _get(values, 0, 0, 0)
    fill = self._erase_style()
    x, y = self.cursor_x, self.cursor_y
    if n == 0:
        if x == 0 and y == 0:
            self._clear_screen(fill)
            return
        self._clear_cells(y, x, self.columns, fill)
        self._clear_rows(y + 1, self.lines, fill)
    elif n == 1:
        self._clear_rows(0, y, fill)
        self._clear_cells(y, 0, x + 1, fill)
    elif n == 2:
        self._clear_screen(fill)
    elif n == 3:
        if _get(values, 1, 0, 0) == 0:
            self.history.clear()
            self._hscrolled = 0


def _el(self: "Emulator", values: list) -> None:
    n = _get(values, 0, 0, 0)
    fill = self._erase_style()
    x, y = self.cursor_x, self.cursor_y
    if n == 0:
        self._clear_cells(y, x, self.columns, fill)
    elif n == 1:
        self._clear_cells(y, 0, x + 1, fill)
    elif n == 2:
        self._clear_cells(y, 0, self.columns, fill)


def _lines_op(self: "Emulator", values: list, insert: bool) -> None:
    n = _get(values, 0, 1, 1)
    if n == -1:
        return
    y = self.cursor_y
    fill = self._erase_style()
    if y < self._top or y > self._bottom:
        if insert:
            self._insert_lines_outside(y, n, fill)
            return
        top, bottom = y, self.lines - 1
    else:
        top, bottom = y, self._bottom
    if insert:
        self._scroll_down(top, bottom, n, fill)
    else:
        self._delete_lines(top, bottom, n, fill)


def _il(self: "Emulator", values: list) -> None:
    _lines_op(self, values, True)


def _dl(self: "Emulator", values: list) -> None:
    _lines_op(self, values, False)


def _ich(self: "Emulator", values: list) -> None:
    n = _get(values, 0, 1, 1)
    x = self.cursor_x
    if n == -1 or x >= self.columns:
        return
    chars, styles = self._rows[self.cursor_y].cells(self.columns)
    self._insert_cells(chars, styles, x, n, self._erase_style())
    self._dirty.add(self.cursor_y)


def _dch(self: "Emulator", values: list) -> None:
    n = _get(values, 0, 1, 1)
    x = self.cursor_x
    columns = self.columns
    if n == -1 or x >= columns:
        return
    n = min(n, columns - x)
    row = self._rows[self.cursor_y]
    chars, styles = row.cells(columns)
    row.used = max(row.used, columns - n)  # tmux counts the moved cells as written
    del chars[x : x + n]
    del styles[x : x + n]
    chars += [" "] * n
    styles += [self._erase_style()] * n
    self._dirty.add(self.cursor_y)


def _ech(self: "Emulator", values: list) -> None:
    n = _get(values, 0, 1, 1)
    if n != -1:
        self._clear_cells(self.cursor_y, self.cursor_x, self.cursor_x + n, self._erase_style())


def _su(self: "Emulator", values: list) -> None:
    n = _get(values, 0, 1, 1)
    if n != -1:
        self._scroll_up(self._top, self._bottom, n, self._erase_style())


def _sd(self: "Emulator", values: list) -> None:
    n = _get(values, 0, 1, 1)
    if n != -1:
        self._scroll_down(self._top, self._bottom, n, self._erase_style())


def _rep(self: "Emulator", values: list) -> None:
    n = _get(values, 0, 1, 1)
    char = self._last_char
    if n == -1 or not char:
        return
    n = min(n, max(0, self.columns - self.cursor_x))
    if n:
        self._print(char * n)


def _da(self: "Emulator", values: list) -> None:
    if _get(values, 0, 0, 0) == 0:
        self._reply("\x1b[?1;2c")


def _da2(self: "Emulator", values: list) -> None:
    if _get(values, 0, 0, 0) == 0:
        self._reply("\x1b[>84;0;0c")


def _dsr(self: "Emulator", values: list) -> None:
    n = _get(values, 0, 0, 0)
    if n == 5:
        self._reply("\x1b[0n")
    elif n == 6:
        self._reply(f"\x1b[{self.cursor_y + 1};{self.cursor_x + 1}R")


def _winops(self: "Emulator", values: list) -> None:
    """Window operations: only ``CSI 18 t`` (text area size) is answered, as tmux does.

    The rest are ignored - a pane's output never resizes or moves anything -
    and the title reports (``CSI 20 t`` / ``CSI 21 t``) are never answered:
    they would type a title the program chose into the shell.
    """
    if _get(values, 0, 0, -1) == 18:
        self._reply(f"\x1b[8;{self.lines};{self.columns}t")


def _xtversion(self: "Emulator", values: list) -> None:
    """XTVERSION (``CSI > q``): the name and version, as tmux answers its own."""
    if _get(values, 0, 0, 0) == 0:
        self._reply(f"\x1bP>|tmuxpy {__version__}\x1b\\")


def _tbc(self: "Emulator", values: list) -> None:
    n = _get(values, 0, 0, 0)
    if n == 0:
        self._tabs.discard(self.cursor_x)
    elif n == 3:
        self._tabs.clear()


def _decstbm(self: "Emulator", values: list) -> None:
    n = _get(values, 0, 1, 1)
    m = _get(values, 1, 1, self.lines)
    if n == -1 or m == -1:
        return
    top = min(n - 1, self.lines - 1)
    bottom = min(m - 1, self.lines - 1)
    if top >= bottom:
        return
    self._top, self._bottom = top, bottom
    self.cursor_x = self.cursor_y = 0


def _decscusr(self: "Emulator", values: list) -> None:
    n = _get(values, 0, 0, 0)
    if 0 <= n <= 6:
        self.cursor_shape = n


def _scp(self: "Emulator", values: list) -> None:
    self._save_cursor()


def _rcp(self: "Emulator", values: list) -> None:
    self._restore_cursor()


def _sm(self: "Emulator", values: list) -> None:
    for value in values:
        if value == 4:
            self._insert = True


def _rm(self: "Emulator", values: list) -> None:
    for value in values:
        if value == 4:
            self._insert = False


def _private_mode(self: "Emulator", values: list, on: bool) -> None:
    for value in values:
        if value == 1:
            self._app_cursor = on
        elif value == 3:  # DECCOLM: the size never changes; tmux clears and homes
            self._move_to(0, 0)
            self._clear_screen(self._erase_style())
        elif value == 6:
            self._origin = on
            self._move_to(0, 0)
        elif value == 7:
            self._autowrap = on
        elif value == 25:
            self.cursor_visible = on
        elif value in (1000, 1002, 1003):
            self._mouse = value if on else 0
        elif value == 1001 and not on:
            self._mouse = 0
        elif value == 1004:
            self._focus_events = on
        elif value == 1006:
            self._mouse_sgr = on
        elif value == 1015:
            self._mouse_urxvt = on
        elif value in (47, 1047):
            if on:
                self._alternate_on(False)
            else:
                self._alternate_off(False)
        elif value == 1049:
            if on:
                self._alternate_on(True)
            else:
                self._alternate_off(True)
        elif value == 2004:
            self._bracketed_paste = on
        elif value == 2026:
            self._sync_output = on


def _decset(self: "Emulator", values: list) -> None:
    _private_mode(self, values, True)


def _decrst(self: "Emulator", values: list) -> None:
    _private_mode(self, values, False)


def sgr(self: "Emulator", values: list) -> None:
    """Marker for SGR: the emulator applies it inline with its pen cache (values is the parameter string)."""


def _cup_to(self: "Emulator", target: tuple[int, int]) -> None:
    """CUP with its parameters already decoded to (y, x)."""
    y, x = target
    self._move_to(x, y)


#: Decoded CSI sequences: the sequence text -> (handler, values); shared by
#: all panes (the decoding is pure), bounded.
CACHE: dict[str, tuple] = {}


def entry(params: str, inter: str, final: str) -> tuple:
    """(handler, values) for one CSI sequence; (None, None) to ignore it."""
    marker = ""
    if params and params[0] in "<=>?":
        marker = params[0]
        params = params[1:]
    if final == "m" and not marker and not inter:
        return sgr, params
    values = parse_params(params)
    if values is None:
        return None, None
    key = marker + inter + final
    if key in ("H", "f"):
        n = _get(values, 0, 1, 1)
        m = _get(values, 1, 1, 1)
        if n == -1 or m == -1:
            return None, None
        return _cup_to, (n - 1, m - 1)
    return HANDLERS.get(key), values


HANDLERS: dict[str, Callable[["Emulator", list], None]] = {
    "@": _ich,
    "A": _cuu,
    "B": _cud,
    "C": _cuf,
    "D": _cub,
    "E": _cnl,
    "F": _cpl,
    "G": _hpa,
    "H": _cup,
    "J": _ed,
    "K": _el,
    "L": _il,
    "M": _dl,
    "P": _dch,
    "S": _su,
    "T": _sd,
    "X": _ech,
    "Z": _cbt,
    "`": _hpa,
    "b": _rep,
    "c": _da,
    ">c": _da2,
    "d": _vpa,
    "f": _cup,
    "g": _tbc,
    "h": _sm,
    "?h": _decset,
    "l": _rm,
    "?l": _decrst,
    "n": _dsr,
    "t": _winops,
    ">q": _xtversion,
    " q": _decscusr,
    "r": _decstbm,
    "s": _scp,
    "u": _rcp,
}
