"""The conformance corpus: real programs' output renders exactly as tmux 3.3a showed it.

Each case in tests/conformance is fed to a fresh emulator of the recorded size
(history limit 2000, tmux's default when the cases were recorded). Screen text,
cursor, alternate screen and history must match exactly (trailing spaces
stripped); colours and attributes are compared cell by cell against ``styled``
after parsing both sides, not as escape bytes (tmux writes ``38;5;1`` where it
was given it, the emulator's colour model keeps palette colours as one int).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tmux_py import style
from tmux_py.server.emulator import _DEC_ASCII, Emulator, char_width

CORPUS = Path(__file__).resolve().parents[1] / "conformance"
CASES = sorted(path.stem for path in CORPUS.glob("*.raw"))

_SGR = re.compile(r"\x1b\[([0-9;]*)m")


def _styled_cells(lines: list[str]) -> list[list[tuple]]:
    """Cells (char, fg, bg, flags) of capture-pane -e output; the style carries across lines."""
    fg, bg, flags = style.DEFAULT, style.DEFAULT, 0
    bits = {1: style.BOLD, 2: style.DIM, 3: style.ITALIC, 4: style.UNDERLINE, 5: style.BLINK,
            7: style.REVERSE, 8: style.HIDDEN, 9: style.STRIKE}
    out = []
    for line in lines:
        cells = []
        for index, part in enumerate(_SGR.split(line)):
            if index % 2 == 0:
                for char in part:
                    if char in "\x0e\x0f":  # SO / SI: tmux marks line-drawing cells so
                        flags = flags | style.CHARSET if char == "\x0e" else flags & ~style.CHARSET
                        continue
                    if char_width(char) == 0 and cells:
                        continue
                    cells.append((char, fg, bg, flags))
                continue
            codes = [int(c) if c else 0 for c in part.split(";")]
            while codes:
                code = codes.pop(0)
                if code == 0:
                    fg, bg, flags = style.DEFAULT, style.DEFAULT, flags & style.CHARSET
                elif code in bits:
                    flags |= bits[code]
                elif 30 <= code <= 37 or 90 <= code <= 97:
                    fg = code - 30 if code < 90 else code - 82
                elif 40 <= code <= 47 or 100 <= code <= 107:
                    bg = code - 40 if code < 100 else code - 92
                elif code in (39, 49):
                    fg, bg = (style.DEFAULT, bg) if code == 39 else (fg, style.DEFAULT)
                elif code in (38, 48):
                    if codes.pop(0) == 5:
                        colour = codes.pop(0)
                    else:
                        colour = style.rgb(codes.pop(0), codes.pop(0), codes.pop(0))
                    fg, bg = (colour, bg) if code == 38 else (fg, colour)
        out.append(cells)
    return out


def _run_cells(runs: list[list]) -> list[tuple]:
    cells = []
    for text, fg, bg, flags in runs:
        if flags & style.CHARSET:
            text = text.translate(_DEC_ASCII)
        for char in text:
            if char_width(char) == 0 and cells:
                continue
            cells.append((char, fg, bg, flags))
    return cells


def _trim(cells: list[tuple]) -> list[tuple]:
    while cells and cells[-1] == (" ", style.DEFAULT, style.DEFAULT, 0):
        cells = cells[:-1]
    return cells


def _load(name: str) -> tuple[dict, Emulator]:
    expected = json.loads((CORPUS / f"{name}.json").read_text())
    emulator = Emulator(expected["columns"], expected["lines"], history_limit=2000)
    emulator.feed((CORPUS / f"{name}.raw").read_bytes())
    return expected, emulator


@pytest.mark.parametrize("name", CASES)
def test_screen_cursor_and_history(name: str) -> None:
    expected, emulator = _load(name)
    assert [line.rstrip() for line in emulator.capture()] == [line.rstrip() for line in expected["screen"]]
    assert [emulator.cursor_x, emulator.cursor_y] == expected["cursor"]
    assert emulator.alternate_on == expected["alternate_screen"]
    history = emulator.capture(-emulator.history_size, -1) if emulator.history_size else []
    assert [line.rstrip() for line in history] == [line.rstrip() for line in expected["history"]]


@pytest.mark.parametrize("name", CASES)
def test_colours_and_attributes(name: str) -> None:
    expected, emulator = _load(name)
    want = [_trim(cells) for cells in _styled_cells(expected["styled"])]
    got = [_trim(_run_cells(emulator.line_runs(y))) for y in range(emulator.lines)]
    for y, (ours, theirs) in enumerate(zip(got, want)):
        assert ours == theirs, f"line {y}"


@pytest.mark.parametrize("name", CASES)
def test_fed_byte_by_byte(name: str) -> None:
    """Splitting the stream anywhere (mid-UTF-8, mid-sequence) changes nothing."""
    expected, whole = _load(name)
    raw = (CORPUS / f"{name}.raw").read_bytes()[:6000]
    whole = Emulator(expected["columns"], expected["lines"], history_limit=2000)
    whole.feed(raw)
    split = Emulator(expected["columns"], expected["lines"], history_limit=2000)
    for index in range(0, len(raw), 7):
        split.feed(raw[index : index + 7])
    assert split.capture(-split.history_size) == whole.capture(-whole.history_size)
    assert [split.line_runs(y) for y in range(split.lines)] == [whole.line_runs(y) for y in range(whole.lines)]
    assert (split.cursor_x, split.cursor_y) == (whole.cursor_x, whole.cursor_y)


@pytest.mark.parametrize("name", [case for case in CASES if case != "sgr_colors"])
def test_escapes_are_tmux_bytes(name: str) -> None:
    """capture(escapes=True) is byte for byte tmux's capture-pane -e (trailing spaces trimmed).

    sgr_colors is left out: it sets palette colours 0-15 as ``48;5;N``, which
    tmux echoes back as given and the emulator writes as ``40``-``47``/``100``-``107``.
    """
    expected, emulator = _load(name)
    assert emulator.capture(escapes=True) == [line.rstrip(" ") for line in expected["styled"]]
