"""CSI parameters and SGR (``CSI ... m``): parsing as tmux 3.3a does.

A CSI parameter string (``"1;38;5;208"``) becomes a list of *values*: an int,
``None`` for an empty parameter (the command's default applies) or, for a
parameter with colons (``"38:2::255:0:0"``, ``"4:3"``), the raw string. As in
tmux's ``input_split``, a number above ``INT_MAX``, more than ``PARAM_COUNT``
parameters or a string longer than ``PARAM_LIMIT`` invalidates the whole
sequence (``parse_params`` returns None) - this is what caps a parameter of
thousands of digits.

A pen is a style ``(fg, bg, flags)`` in ``tmux_py.style`` encoding;
``sgr_style`` applies SGR values to it: 0 reset, 1-9 and 21 set attributes,
22-29 clear them, 30-37/90-97 and 40-47/100-107 palette colours, 39/49
default, ``38;5;N`` / ``48;5;N`` 256 colours (an invalid N means default),
``38;2;R;G;B`` true colour (invalid means the parameters are skipped, as
tmux), and the colon forms. Unknown codes (53 overline, 58 underline colour,
...) are ignored.
"""

from __future__ import annotations

import re

from tmux_py.style import (
    BLINK,
    BOLD,
    DEFAULT,
    DIM,
    HIDDEN,
    ITALIC,
    REVERSE,
    STRIKE,
    UNDERLINE,
    rgb,
)

#: Longest CSI parameter string (tmux discards the sequence beyond 64 bytes).
PARAM_LIMIT = 63
#: Most CSI parameters (tmux's ``param_list``); more invalidates the sequence.
PARAM_COUNT = 24

INT_MAX = 2**31 - 1

DEFAULT_STYLE = (DEFAULT, DEFAULT, 0)

_PARAMS = re.compile(r"[0-9:;]*\Z")

_SGR_FLAGS = {1: BOLD, 2: DIM, 3: ITALIC, 4: UNDERLINE, 5: BLINK, 6: BLINK, 7: REVERSE,
              8: HIDDEN, 9: STRIKE, 21: UNDERLINE}
_SGR_CLEAR = {22: BOLD | DIM, 23: ITALIC, 24: UNDERLINE, 25: BLINK, 27: REVERSE,
              28: HIDDEN, 29: STRIKE}


def parse_params(params: str) -> list | None:
    """Values of a CSI parameter string (private marker removed), or None if invalid."""
    if len(params) > PARAM_LIMIT or not _PARAMS.match(params):
        return None
    values: list[int | str | None] = []
    if params:
        for item in params.split(";"):
            if not item:
                values.append(None)
            elif ":" in item:
                values.append(item)
            elif len(item) > 10 or int(item) > INT_MAX:
                return None
            else:
                values.append(int(item))
        if len(values) > PARAM_COUNT:
            return None
    return values


def sgr_params(style: tuple[int, int, int], params: str) -> tuple[int, int, int]:
    """The pen after ``CSI params m`` (unchanged if the parameters are invalid)."""
    values = parse_params(params)
    if values is None:
        return style
    return sgr_style(style, values)


def param(values: list, index: int, minimum: int, default: int) -> int:
    """tmux's input_get: missing -> default, colon string -> -1, else >= minimum."""
    if index >= len(values):
        return default
    value = values[index]
    if value is None:
        return default
    if isinstance(value, str):
        return -1
    return max(value, minimum)


def sgr_style(style: tuple[int, int, int], values: list) -> tuple[int, int, int]:
    """The pen after SGR ``values`` (tmux's input_csi_dispatch_sgr)."""
    fg, bg, flags = style
    if not values:
        return DEFAULT_STYLE
    count = len(values)
    i = 0
    while i < count:
        value = values[i]
        if isinstance(value, str):
            fg, bg, flags = _colon(value, fg, bg, flags)
            i += 1
            continue
        n = 0 if value is None else value
        if n in (38, 48):
            i += 1
            kind = param(values, i, 0, -1)
            colour = None
            if kind == 5:
                c = param(values, i + 1, 0, -1)
                colour = DEFAULT if c == -1 or c > 255 else c
                i += 1
            elif kind == 2:
                r, g, b = (param(values, i + k, 0, -1) for k in (1, 2, 3))
                if 0 <= r <= 255 and 0 <= g <= 255 and 0 <= b <= 255:
                    colour = rgb(r, g, b)
                    i += 3
            if colour is not None:
                if n == 38:
                    fg = colour
                else:
                    bg = colour
        elif n == 0:
            fg, bg, flags = DEFAULT_STYLE
        elif n in _SGR_FLAGS:
            flags |= _SGR_FLAGS[n]
        elif n in _SGR_CLEAR:
            flags &= ~_SGR_CLEAR[n]
        elif 30 <= n <= 37:
            fg = n - 30
        elif n == 39:
            fg = DEFAULT
        elif 40 <= n <= 47:
            bg = n - 40
        elif n == 49:
            bg = DEFAULT
        elif 90 <= n <= 97:
            fg = n - 82
        elif 100 <= n <= 107:
            bg = n - 92
        i += 1
    return fg, bg, flags


def _colon(value: str, fg: int, bg: int, flags: int) -> tuple[int, int, int]:
    """One colon-separated SGR parameter (``4:3``, ``38:2::R:G:B``, ``38:5:N``)."""
    parts = value.split(":")
    if len(parts) >= 8 or any(len(p) > 10 for p in parts):
        return fg, bg, flags
    p = [int(x) if x else -1 for x in parts]
    if p[0] == 4:
        if len(p) == 2 and 0 <= p[1] <= 5:
            flags = flags | UNDERLINE if p[1] else flags & ~UNDERLINE
        return fg, bg, flags
    if len(p) < 3 or p[0] not in (38, 48):
        return fg, bg, flags
    colour = None
    if p[1] == 2:
        start = 2 if len(p) == 5 else 3
        if len(p) >= start + 3:
            r, g, b = p[start : start + 3]
            if 0 <= r <= 255 and 0 <= g <= 255 and 0 <= b <= 255:
                colour = rgb(r, g, b)
    elif p[1] == 5:
        colour = DEFAULT if p[2] == -1 or p[2] > 255 else p[2]
    if colour is not None:
        if p[0] == 38:
            fg = colour
        else:
            bg = colour
    return fg, bg, flags
