"""Pure parts of the widgets: border characters, prompt completion, mouse reports."""

from __future__ import annotations

from tmux_py.client.widgets.border_view import border_rows
from tmux_py.client.widgets.prompt import complete
from tmux_py.server.mouse import encode_mouse


def _text(rows):
    return ["".join(text for text, _ in runs) for runs in rows]


def test_borders_join_and_the_active_side_is_marked():
    panes = [
        {"id": "%0", "x": 0, "y": 0, "columns": 4, "lines": 5, "active": False},
        {"id": "%1", "x": 5, "y": 0, "columns": 4, "lines": 2, "active": True},
        {"id": "%2", "x": 5, "y": 3, "columns": 4, "lines": 2, "active": False},
    ]
    rows = border_rows(9, 5, panes, panes[1])
    assert _text(rows) == ["    │    ", "    │    ", "    ├────", "    │    ", "    │    "]
    hot = [x for x, (text, is_hot) in enumerate(rows[2]) if is_hot]
    assert hot, "the border under the active pane is in the accent colour"
    assert not any(is_hot for _, is_hot in rows[4])


def test_completion_of_command_names():
    names = ["select-layout", "select-pane", "select-window", "split-window"]
    assert complete("sel", names) == "select-"
    assert complete("sp", names) == "split-window "
    assert complete("zz", names) == "zz"
    assert complete("split-window -h", names) == "split-window -h"


def test_mouse_reports_follow_the_program_modes():
    assert encode_mouse("press", 0, 4, 2, 0, 1000, "sgr") == b"\x1b[<0;5;3M"
    assert encode_mouse("release", 0, 4, 2, 0, 1000, "sgr") == b"\x1b[<0;5;3m"
    assert encode_mouse("wheel-up", 0, 0, 0, 0, 1000, "sgr") == b"\x1b[<64;1;1M"
    assert encode_mouse("press", 2, 0, 0, 0, 1000, "x10") == b"\x1b[M\x22!!"
    assert encode_mouse("release", 0, 0, 0, 0, 1000, "x10") == b"\x1b[M#!!"
    assert encode_mouse("press", 0, 9, 9, 0, 1000, "urxvt") == b"\x1b[32;10;10M"
    assert encode_mouse("drag", 0, 1, 1, 0, 1000, "sgr") == b"", "1000 reports no motion"
    assert encode_mouse("drag", 0, 1, 1, 0, 1002, "sgr") == b"\x1b[<32;2;2M"
    assert encode_mouse("press", 0, 300, 1, 0, 1000, "x10") == b"", "x10 cannot carry column 301"
    assert encode_mouse("press", 0, 1, 1, 0, 0, "sgr") == b"", "no reporting asked"
