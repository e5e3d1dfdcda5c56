"""Key names to bytes: the table recorded from tmux 3.3a send-keys into `cat -v`."""

from __future__ import annotations

import pytest

from tmux_py.keys import KeyModes, encode_key, is_key_name

# What tmux 3.3a sent for each key (send-keys KEY into `stty raw; cat -v`).
TMUX_NORMAL = {
    "Enter": "\r", "Escape": "\x1b", "Tab": "\t", "BTab": "\x1b[Z", "BSpace": "\x7f", "Space": " ",
    "Up": "\x1b[A", "Down": "\x1b[B", "Left": "\x1b[D", "Right": "\x1b[C",
    "Home": "\x1b[1~", "End": "\x1b[4~", "PageUp": "\x1b[5~", "PageDown": "\x1b[6~", "PPage": "\x1b[5~",
    "NPage": "\x1b[6~", "IC": "\x1b[2~", "DC": "\x1b[3~",
    "F1": "\x1bOP", "F2": "\x1bOQ", "F5": "\x1b[15~", "F12": "\x1b[24~",
    "C-a": "\x01", "C-Space": "\x00", "C-Up": "\x1b[1;5A", "M-x": "\x1bx", "M-Up": "\x1b[1;3A",
    "S-Up": "\x1b[1;2A", "C-S-Left": "\x1b[1;6D", "M-Enter": "\x1b\r", "C-[": "\x1b", "C-?": "\x7f",
    "C-/": "\x1f", "KP1": "1", "KPEnter": "\n", "S-F5": "\x1b[15;2~", "C-F1": "\x1b[1;5P", "M-a": "\x1ba",
    "C-M-a": "\x1b\x01", "M-BSpace": "\x1b\x7f", "a": "a", "%": "%",
}
# With application cursor keys (CSI ? 1 h) and keypad (ESC =).
TMUX_APPLICATION = {
    "Up": "\x1bOA", "Down": "\x1bOB", "Home": "\x1b[1~", "End": "\x1b[4~", "C-Up": "\x1b[1;5A",
    "S-Up": "\x1b[1;2A", "KP1": "\x1bOq", "KPEnter": "\x1bOM", "KP/": "\x1bOo", "F1": "\x1bOP",
    "M-Up": "\x1b[1;3A",
}


@pytest.mark.parametrize("name, expected", sorted(TMUX_NORMAL.items()))
def test_normal_mode_matches_tmux(name, expected):
    assert encode_key(name) == expected


@pytest.mark.parametrize("name, expected", sorted(TMUX_APPLICATION.items()))
def test_application_modes_match_tmux(name, expected):
    assert encode_key(name, KeyModes(app_cursor=True, app_keypad=True)) == expected


def test_better_than_tmux():
    # tmux sends "S-Tab" literally and nothing for C-Enter; a terminal sends these.
    assert encode_key("S-Tab") == "\x1b[Z"
    assert encode_key("C-Enter") == "\r"


def test_key_names_ignore_case_as_in_tmux():
    assert encode_key("END") == encode_key("end") == "\x1b[4~"
    assert encode_key("C-UP") == "\x1b[1;5A"
    assert encode_key("A") == "A"  # one character is itself


def test_words_are_not_keys():
    assert not is_key_name("hello")
    assert not is_key_name("C-hello")
    assert is_key_name("C-c")
