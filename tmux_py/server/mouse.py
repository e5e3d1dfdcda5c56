"""Mouse events as the bytes a pane's program asked for (tmux's ``input_key_mouse``).

A program turns mouse reporting on with DECSET 1000 (presses and releases),
1002 (also motion while a button is held) or 1003 (all motion), and picks the
encoding with 1006 (SGR: ``CSI < b ; x ; y M``/``m``), 1015 (urxvt:
``CSI b ; x ; y M``) or neither (X10: ``CSI M`` and three bytes, coordinates
up to 222). Coordinates here are 0-based pane cells; the wire is 1-based.

Button codes (xterm): 0 left, 1 middle, 2 right, 3 release (X10/urxvt),
64/65 wheel up/down; +32 for motion; modifiers add 4 (shift), 8 (meta),
16 (ctrl). This module is pure.
"""

from __future__ import annotations

PRESS, RELEASE, DRAG, MOVE, WHEEL_UP, WHEEL_DOWN = "press", "release", "drag", "move", "wheel-up", "wheel-down"
KINDS = (PRESS, RELEASE, DRAG, MOVE, WHEEL_UP, WHEEL_DOWN)

#: Largest 0-based coordinate X10 can carry (32 + 1 + 222 = 255).
X10_LIMIT = 222


def wanted(kind: str, mode: int) -> bool:
    """Whether a program in mouse ``mode`` (0, 1000, 1002, 1003) gets this kind of event."""
    if not mode:
        return False
    if kind == MOVE:
        return mode == 1003
    if kind == DRAG:
        return mode in (1002, 1003)
    return True


def encode_mouse(kind: str, button: int, x: int, y: int, modifiers: int, mode: int, encoding: str) -> bytes:
    """The report for one event, or b"" when the program did not ask for it (or cannot take it)."""
    if kind not in KINDS or not wanted(kind, mode) or x < 0 or y < 0:
        return b""
    if kind == WHEEL_UP:
        code = 64
    elif kind == WHEEL_DOWN:
        code = 65
    else:
        code = max(0, min(button, 2))
        if kind in (DRAG, MOVE):
            code += 32
            if kind == MOVE:
                code = 35  # motion with no button held
    code += modifiers & (4 | 8 | 16)
    if encoding == "sgr":
        final = "m" if kind == RELEASE else "M"
        return f"\x1b[<{code};{x + 1};{y + 1}{final}".encode()
    if kind == RELEASE:
        code = 3 + (modifiers & (4 | 8 | 16))
    if encoding == "urxvt":
        return f"\x1b[{32 + code};{x + 1};{y + 1}M".encode()
    if x > X10_LIMIT or y > X10_LIMIT:
        return b""
    return b"\x1b[M" + bytes((32 + code, 33 + x, 33 + y))
