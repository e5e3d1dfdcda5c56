"""Textual key names -> tmux key names -> the bytes a program gets (keymap.py with keys.py)."""

from __future__ import annotations

import pytest

from tmux_py.client.keymap import DEFAULT_BINDINGS, tmux_key
from tmux_py.cmdline import split_command
from tmux_py.keys import KeyModes, encode_key, is_key_name


@pytest.mark.parametrize(("key", "character", "name", "sent"), [
    ("a", "a", "a", "a"),
    ("A", "A", "A", "A"),
    ("percent_sign", "%", "%", "%"),
    ("space", " ", "Space", " "),
    ("ctrl+c", "\x03", "C-c", "\x03"),
    ("ctrl+b", "\x02", "C-b", "\x02"),
    ("ctrl+@", "\x00", "C-Space", "\x00"),
    ("ctrl+backslash", "\x1c", "C-\\", "\x1c"),
    ("tab", "\t", "Tab", "\t"),
    ("shift+tab", None, "BTab", "\x1b[Z"),
    ("escape", "\x1b", "Escape", "\x1b"),
    ("enter", "\r", "Enter", "\r"),
    ("backspace", "\x7f", "BSpace", "\x7f"),
    ("f1", None, "F1", "\x1bOP"),
    ("f12", None, "F12", "\x1b[24~"),
    ("alt+x", "x", "M-x", "\x1bx"),
    ("alt+shift+x", "X", "M-X", "\x1bX"),
    ("ctrl+up", None, "C-Up", "\x1b[1;5A"),
    ("alt+left", None, "M-Left", "\x1b[1;3D"),
    ("ctrl+shift+right", None, "C-S-Right", "\x1b[1;6C"),
    ("home", None, "Home", "\x1b[1~"),
    ("pagedown", None, "PageDown", "\x1b[6~"),
    ("insert", None, "IC", "\x1b[2~"),
    ("delete", None, "DC", "\x1b[3~"),
    ("é", "é", "é", "é"),
])
def test_textual_keys_become_tmux_names_and_bytes(key, character, name, sent):
    assert tmux_key(key, character) == name
    assert encode_key(name, KeyModes()) == sent


def test_application_cursor_mode_is_the_daemons_business():
    assert encode_key(tmux_key("up", None), KeyModes(app_cursor=True)) == "\x1bOA"


def test_default_bindings_are_tmux_names_and_commands():
    assert DEFAULT_BINDINGS["%"] == "split-window -h" and DEFAULT_BINDINGS['"'] == "split-window"
    for key, command in DEFAULT_BINDINGS.items():
        assert is_key_name(key), key
        assert split_command(command), command
    assert split_command(DEFAULT_BINDINGS[","])[:3] == ["command-prompt", "-I", "#W"]


def test_every_default_binding_parses_against_the_command_table():
    from tmux_py import commands

    for key, command in DEFAULT_BINDINGS.items():
        commands.parse(split_command(command))  # raises on an unknown command or bad flags
