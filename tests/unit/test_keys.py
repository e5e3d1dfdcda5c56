"""Key names as tmux 3.3a reads and prints them, and the bytes they send: tables recorded from
tmux 3.3a (``bind -T t NAME`` then ``list-keys -T t``; send-keys into a raw-mode reader)."""

from __future__ import annotations

import pytest

from tmux_py.keys import KeyModes, canonical_key, encode_key, is_key_name, parse_key

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


# What tmux 3.3a's list-keys printed for a key bound under each spelling.
TMUX_NAMES = {
    "END": "End", "end": "End", "HOME": "Home", "PageUp": "PPage", "PgUp": "PPage", "pageup": "PPage",
    "ppage": "PPage", "PageDown": "NPage", "PgDn": "NPage", "npage": "NPage", "Insert": "IC", "ic": "IC",
    "Delete": "DC", "delete": "DC", "bspace": "BSpace", "btab": "BTab", "space": "Space", "enter": "Enter",
    "escape": "Escape", "tab": "Tab", "f1": "F1", "f12": "F12", "kp0": "KP0", "KP*": "KP*", "kpenter": "KPEnter",
    "C-M-a": "M-C-a", "M-C-a": "M-C-a", "S-C-M-a": "M-S-C-a", "M-S-Up": "M-S-Up", "S-M-C-Up": "C-M-S-Up",
    "c-x": "C-x", "m-x": "M-x", "s-x": "S-x", "C-C": "C-c", "C-up": "C-Up", "UP": "Up",
    "^a": "C-a", "^A": "C-a", "^[": "Escape", "^?": "C-?", "^@": "C-Space", "^ ": "C-Space", "^^": "C-^", "^": "^",
    "C-?": "C-?", "C-@": "C-Space", "C-Space": "C-Space", "M-C-Space": "M-C-@", "C-M-Space": "M-C-@",
    "C-i": "Tab", "C-m": "Enter", "C-h": "C-h", "C-[": "Escape", "C-\\": "C-\\", "C-]": "C-]", "C-_": "C-_",
    "C-Tab": "C-Tab", "C-Enter": "C-Enter", "C-Escape": "C-Escape", "S-Tab": "S-Tab", "S-Space": "S-Space",
    "C-1": "C-1", "C-/": "C-/", "C--": "C--", "C-#": "C-#", "C-`": "C-`", "M--": "M--", "-": "-", "S-A": "S-A",
    "C-A": "C-a", "M-A": "M-A", "é": "é", "C-é": "C-é", "0x41": "A", "0x1": "C-a", "0xe9": "é",
    "mousedown1pane": "MouseDown1Pane", "wheeluppane": "WheelUpPane", "C-WheelUpPane": "C-WheelUpPane",
    "M-DoubleClick1Status": "M-DoubleClick1Status", "any": "Any", "User0": "User0", "S-BSpace": "S-BSpace",
    "M-KP1": "M-KP1",
}
# What tmux 3.3a's bind answered "unknown key" to.
TMUX_NOT_KEYS = ("Backspace", "Return", "Esc", "F13", "None", "C-Any", "M-None", "C-", "M-", "X-a", "Ctrl-a",
                 "C-a-b", "MouseMovePane", "WheelUp", "FocusIn", "C-{", "C-~", "C-$", "hello")


@pytest.mark.parametrize("spelling, name", sorted(TMUX_NAMES.items()))
def test_names_read_and_print_as_tmux(spelling, name):
    assert canonical_key(spelling) == name
    assert canonical_key(name) == name  # the printed name reads back as the same key


@pytest.mark.parametrize("spelling", TMUX_NOT_KEYS)
def test_what_tmux_does_not_take_is_no_key(spelling):
    assert parse_key(spelling) is None
    assert canonical_key(spelling) == spelling


def test_order_is_tmux_key_code_order():
    # tmux 3.3a, list-keys of a table holding these keys, in its order (it prints ~ as \~).
    tmux = ("C-Space C-a C-h Tab Enter Escape Space 0 a ~ C-? Any MouseDown1Pane WheelUpPane BSpace F1 IC DC "
            "Home End NPage PPage BTab Up Down Left Right KP/ KP1 KPEnter KP0 KP. User0 User5 é M-C-@ M-C-a M-Tab "
            "M-Space M-1 M-a M-C-? M-WheelUpPane M-BSpace M-F1 M-Home M-Up M-Down M-KP1 M-é C-Tab C-Escape C-1 "
            "C-F1 C-Up C-KP1 C-é C-M-1 S-Tab S-a S-F1 S-Up S-Left M-S-Left C-S-Left C-M-S-Left").split()
    assert sorted(reversed(tmux), key=lambda name: parse_key(name).order) == tmux


# What tmux 3.3a's send-keys sent for names the table above does not cover: a word that names
# no key a pane can get (an alias tmux lacks, a mouse key, Any, None) goes as text.
TMUX_SENT = {
    "^a": "\x01", "^[": "\x1b", "C-i": "\t", "0x41": "A", "0x1": "\x01", "M-KP1": "\x1b1", "M-Tab": "\x1b\t",
    "M-BTab": "\x1b\x1b[Z", "C-M-Space": "\x1b\x00", "^?": "\x7f", "m-x": "\x1bx", "PGUP": "\x1b[5~",
    "c-UP": "\x1b[1;5A", "User0": "", "M-é": "\x1bé",
}


@pytest.mark.parametrize("name, expected", sorted(TMUX_SENT.items()))
def test_sent_as_tmux_sends(name, expected):
    assert encode_key(name) == expected


@pytest.mark.parametrize("word", ["Return", "Esc", "Backspace", "MouseDown1Pane", "Any", "None", "C-~"])
def test_sent_as_text_as_tmux_sends_it(word):
    assert not is_key_name(word)
