"""Key names as tmux 3.3a reads and prints them, and the bytes they send: tables recorded from
tmux 3.3a (``bind -T t NAME`` then ``list-keys -T t``; send-keys into a raw-mode reader)."""

from __future__ import annotations

import pytest

from tmux_py.keys import KeyModes, UnknownKey, canonical_key, encode_key, encode_typed_key, is_key_name, parse_key

#: Modifiers in the order of a row below: the key alone, C-, M-, S-, C-M-, C-S-, M-S-, C-M-S-.
MODIFIERS = ("", "C-", "M-", "S-", "C-M-", "C-S-", "M-S-", "C-M-S-")
#: tmux typed the key's name as text (its send-keys does so for a key it has no bytes for).
TEXT = None

# What tmux 3.3a sent for each key under each set of modifiers, in its default mode (send-keys
# NAME, then a 0xff byte, into a raw reader). Not ; (the CLI takes a trailing ; as a separator).
TMUX_SENT_MATRIX = {
    "a": ("a", "\x01", "\x1ba", TEXT, "\x1b\x01", TEXT, TEXT, TEXT),
    "z": ("z", "\x1a", "\x1bz", TEXT, "\x1b\x1a", TEXT, TEXT, TEXT),
    "A": ("A", "\x01", "\x1bA", TEXT, "\x1b\x01", TEXT, TEXT, TEXT),
    "i": ("i", "\t", "\x1bi", TEXT, "\x1b\t", TEXT, TEXT, TEXT),
    "m": ("m", "\r", "\x1bm", TEXT, "\x1b\r", TEXT, TEXT, TEXT),
    "h": ("h", "\x08", "\x1bh", TEXT, "\x1b\x08", TEXT, TEXT, TEXT),
    "j": ("j", "\n", "\x1bj", TEXT, "\x1b\n", TEXT, TEXT, TEXT),
    "@": ("@", "\x00", "\x1b@", TEXT, "\x1b\x00", TEXT, TEXT, TEXT),
    "0": ("0", "", "\x1b0", TEXT, TEXT, TEXT, TEXT, TEXT),
    "1": ("1", "", "\x1b1", TEXT, TEXT, TEXT, TEXT, TEXT),
    "2": ("2", "\x00", "\x1b2", TEXT, TEXT, TEXT, TEXT, TEXT),
    "3": ("3", "", "\x1b3", TEXT, TEXT, TEXT, TEXT, TEXT),
    "4": ("4", "", "\x1b4", TEXT, TEXT, TEXT, TEXT, TEXT),
    "5": ("5", "", "\x1b5", TEXT, TEXT, TEXT, TEXT, TEXT),
    "6": ("6", "\x1e", "\x1b6", TEXT, TEXT, TEXT, TEXT, TEXT),
    "7": ("7", "", "\x1b7", TEXT, TEXT, TEXT, TEXT, TEXT),
    "8": ("8", "", "\x1b8", TEXT, TEXT, TEXT, TEXT, TEXT),
    "9": ("9", "", "\x1b9", TEXT, TEXT, TEXT, TEXT, TEXT),
    "!": ("!", "", "\x1b!", TEXT, TEXT, TEXT, TEXT, TEXT),
    '"': ('"', TEXT, '\x1b"', TEXT, TEXT, TEXT, TEXT, TEXT),
    "#": ("#", "", "\x1b#", TEXT, TEXT, TEXT, TEXT, TEXT),
    "$": ("$", TEXT, "\x1b$", TEXT, TEXT, TEXT, TEXT, TEXT),
    "%": ("%", TEXT, "\x1b%", TEXT, TEXT, TEXT, TEXT, TEXT),
    "&": ("&", TEXT, "\x1b&", TEXT, TEXT, TEXT, TEXT, TEXT),
    "'": ("'", "", "\x1b'", TEXT, TEXT, TEXT, TEXT, TEXT),
    "(": ("(", "", "\x1b(", TEXT, TEXT, TEXT, TEXT, TEXT),
    ")": (")", "", "\x1b)", TEXT, TEXT, TEXT, TEXT, TEXT),
    "*": ("*", TEXT, "\x1b*", TEXT, TEXT, TEXT, TEXT, TEXT),
    "+": ("+", "", "\x1b+", TEXT, TEXT, TEXT, TEXT, TEXT),
    ",": (",", "", "\x1b,", TEXT, TEXT, TEXT, TEXT, TEXT),
    "-": ("-", "\x1f", "\x1b-", TEXT, TEXT, TEXT, TEXT, TEXT),
    ".": (".", "", "\x1b.", TEXT, TEXT, TEXT, TEXT, TEXT),
    "/": ("/", "\x1f", "\x1b/", TEXT, TEXT, TEXT, TEXT, TEXT),
    ":": (":", "", "\x1b:", TEXT, TEXT, TEXT, TEXT, TEXT),
    "<": ("<", "", "\x1b<", TEXT, TEXT, TEXT, TEXT, TEXT),
    "=": ("=", "", "\x1b=", TEXT, TEXT, TEXT, TEXT, TEXT),
    ">": (">", "", "\x1b>", TEXT, TEXT, TEXT, TEXT, TEXT),
    "?": ("?", "\x7f", "\x1b?", TEXT, "\x1b\x7f", TEXT, TEXT, TEXT),
    "[": ("[", "\x1b", "\x1b[", TEXT, "\x1b\x1b", TEXT, TEXT, TEXT),
    "\\": ("\\", "\x1c", "\x1b\\", TEXT, "\x1b\x1c", TEXT, TEXT, TEXT),
    "]": ("]", "\x1d", "\x1b]", TEXT, "\x1b\x1d", TEXT, TEXT, TEXT),
    "^": ("^", "\x1e", "\x1b^", TEXT, "\x1b\x1e", TEXT, TEXT, TEXT),
    "_": ("_", "\x1f", "\x1b_", TEXT, "\x1b\x1f", TEXT, TEXT, TEXT),
    "`": ("`", "", "\x1b`", TEXT, TEXT, TEXT, TEXT, TEXT),
    "{": ("{", TEXT, "\x1b{", TEXT, TEXT, TEXT, TEXT, TEXT),
    "|": ("|", TEXT, "\x1b|", TEXT, TEXT, TEXT, TEXT, TEXT),
    "}": ("}", TEXT, "\x1b}", TEXT, TEXT, TEXT, TEXT, TEXT),
    "~": ("~", TEXT, "\x1b~", TEXT, TEXT, TEXT, TEXT, TEXT),
    "é": ("é", "é", "\x1bé", "é", "\x1bé", "é", "\x1bé", "\x1bé"),
    "É": ("É", "É", "\x1bÉ", "É", "\x1bÉ", "É", "\x1bÉ", "\x1bÉ"),
    "€": ("€", "€", "\x1b€", "€", "\x1b€", "€", "\x1b€", "\x1b€"),
    "日": ("日", "日", "\x1b日", "日", "\x1b日", "日", "\x1b日", "\x1b日"),
    "Tab": ("\t", "", "\x1b\t", TEXT, TEXT, TEXT, TEXT, TEXT),
    "Space": (" ", "\x00", "\x1b ", TEXT, "\x1b\x00", TEXT, TEXT, TEXT),
    "Enter": ("\r", "", "\x1b\r", TEXT, TEXT, TEXT, TEXT, TEXT),
    "BSpace": ("\x7f", "", "\x1b\x7f", TEXT, TEXT, TEXT, TEXT, TEXT),
    "Escape": ("\x1b", "", "\x1b\x1b", TEXT, TEXT, TEXT, TEXT, TEXT),
    "BTab": ("\x1b[Z", "", "\x1b\x1b[Z", TEXT, TEXT, TEXT, TEXT, TEXT),
    "Up": ("\x1b[A", "\x1b[1;5A", "\x1b[1;3A", "\x1b[1;2A", "\x1b[1;7A", "\x1b[1;6A", "\x1b[1;4A", "\x1b[1;8A"),
    "Down": ("\x1b[B", "\x1b[1;5B", "\x1b[1;3B", "\x1b[1;2B", "\x1b[1;7B", "\x1b[1;6B", "\x1b[1;4B", "\x1b[1;8B"),
    "Left": ("\x1b[D", "\x1b[1;5D", "\x1b[1;3D", "\x1b[1;2D", "\x1b[1;7D", "\x1b[1;6D", "\x1b[1;4D", "\x1b[1;8D"),
    "Right": ("\x1b[C", "\x1b[1;5C", "\x1b[1;3C", "\x1b[1;2C", "\x1b[1;7C", "\x1b[1;6C", "\x1b[1;4C", "\x1b[1;8C"),
    "F1": ("\x1bOP", "\x1b[1;5P", "\x1b[1;3P", "\x1b[1;2P", "\x1b[1;7P", "\x1b[1;6P", "\x1b[1;4P", "\x1b[1;8P"),
    "F4": ("\x1bOS", "\x1b[1;5S", "\x1b[1;3S", "\x1b[1;2S", "\x1b[1;7S", "\x1b[1;6S", "\x1b[1;4S", "\x1b[1;8S"),
    "F5": (
        "\x1b[15~", "\x1b[15;5~", "\x1b[15;3~", "\x1b[15;2~",
        "\x1b[15;7~", "\x1b[15;6~", "\x1b[15;4~", "\x1b[15;8~",
    ),
    "F12": (
        "\x1b[24~", "\x1b[24;5~", "\x1b[24;3~", "\x1b[24;2~",
        "\x1b[24;7~", "\x1b[24;6~", "\x1b[24;4~", "\x1b[24;8~",
    ),
    "Home": ("\x1b[1~", "\x1b[1;5H", "\x1b[1;3H", "\x1b[1;2H", "\x1b[1;7H", "\x1b[1;6H", "\x1b[1;4H", "\x1b[1;8H"),
    "End": ("\x1b[4~", "\x1b[1;5F", "\x1b[1;3F", "\x1b[1;2F", "\x1b[1;7F", "\x1b[1;6F", "\x1b[1;4F", "\x1b[1;8F"),
    "PPage": ("\x1b[5~", "\x1b[5;5~", "\x1b[5;3~", "\x1b[5;2~", "\x1b[5;7~", "\x1b[5;6~", "\x1b[5;4~", "\x1b[5;8~"),
    "NPage": ("\x1b[6~", "\x1b[6;5~", "\x1b[6;3~", "\x1b[6;2~", "\x1b[6;7~", "\x1b[6;6~", "\x1b[6;4~", "\x1b[6;8~"),
    "IC": ("\x1b[2~", "\x1b[2;5~", "\x1b[2;3~", "\x1b[2;2~", "\x1b[2;7~", "\x1b[2;6~", "\x1b[2;4~", "\x1b[2;8~"),
    "DC": ("\x1b[3~", "\x1b[3;5~", "\x1b[3;3~", "\x1b[3;2~", "\x1b[3;7~", "\x1b[3;6~", "\x1b[3;4~", "\x1b[3;8~"),
    "KP0": ("0", "", "\x1b0", TEXT, TEXT, TEXT, TEXT, TEXT),
    "KP5": ("5", "", "\x1b5", TEXT, TEXT, TEXT, TEXT, TEXT),
    "KP/": ("/", "", "\x1b/", TEXT, TEXT, TEXT, TEXT, TEXT),
    "KP*": ("*", "", "\x1b*", TEXT, TEXT, TEXT, TEXT, TEXT),
    "KP-": ("-", "", "\x1b-", TEXT, TEXT, TEXT, TEXT, TEXT),
    "KP+": ("+", "", "\x1b+", TEXT, TEXT, TEXT, TEXT, TEXT),
    "KP.": (".", "", "\x1b.", TEXT, TEXT, TEXT, TEXT, TEXT),
    "KPEnter": ("\n", "", "\x1b\n", TEXT, TEXT, TEXT, TEXT, TEXT),
}
# ... and in application cursor keys and keypad modes (CSI ? 1 h, ESC =), where it differs.
TMUX_APPLICATION_MATRIX = {
    "Up": ("\x1bOA", "\x1b[1;5A", "\x1b[1;3A", "\x1b[1;2A", "\x1b[1;7A", "\x1b[1;6A", "\x1b[1;4A", "\x1b[1;8A"),
    "Down": ("\x1bOB", "\x1b[1;5B", "\x1b[1;3B", "\x1b[1;2B", "\x1b[1;7B", "\x1b[1;6B", "\x1b[1;4B", "\x1b[1;8B"),
    "Left": ("\x1bOD", "\x1b[1;5D", "\x1b[1;3D", "\x1b[1;2D", "\x1b[1;7D", "\x1b[1;6D", "\x1b[1;4D", "\x1b[1;8D"),
    "Right": ("\x1bOC", "\x1b[1;5C", "\x1b[1;3C", "\x1b[1;2C", "\x1b[1;7C", "\x1b[1;6C", "\x1b[1;4C", "\x1b[1;8C"),
    "KP0": ("\x1bOp", "", "\x1b\x1bOp", TEXT, TEXT, TEXT, TEXT, TEXT),
    "KP5": ("\x1bOu", "", "\x1b\x1bOu", TEXT, TEXT, TEXT, TEXT, TEXT),
    "KP/": ("\x1bOo", "", "\x1b\x1bOo", TEXT, TEXT, TEXT, TEXT, TEXT),
    "KP*": ("\x1bOj", "", "\x1b\x1bOj", TEXT, TEXT, TEXT, TEXT, TEXT),
    "KP-": ("\x1bOm", "", "\x1b\x1bOm", TEXT, TEXT, TEXT, TEXT, TEXT),
    "KP+": ("\x1bOk", "", "\x1b\x1bOk", TEXT, TEXT, TEXT, TEXT, TEXT),
    "KP.": ("\x1bOn", "", "\x1b\x1bOn", TEXT, TEXT, TEXT, TEXT, TEXT),
    "KPEnter": ("\x1bOM", "", "\x1b\x1bOM", TEXT, TEXT, TEXT, TEXT, TEXT),
}


def sent(name: str, modes: KeyModes = KeyModes()) -> str | None:
    """What tmuxpy's send-keys writes for ``name``: its bytes, or TEXT when it types the name."""
    try:
        return encode_key(name, modes)
    except UnknownKey:
        return TEXT


@pytest.mark.parametrize("key, row", TMUX_SENT_MATRIX.items())
def test_normal_mode_matches_tmux(key, row):
    assert tuple(sent(modifiers + key) for modifiers in MODIFIERS) == row


@pytest.mark.parametrize("key, row", TMUX_APPLICATION_MATRIX.items())
def test_application_modes_match_tmux(key, row):
    modes = KeyModes(app_cursor=True, app_keypad=True)
    assert tuple(sent(modifiers + key, modes) for modifiers in MODIFIERS) == row


def test_application_modes_change_only_cursor_and_keypad_keys():
    modes = KeyModes(app_cursor=True, app_keypad=True)
    for key in TMUX_SENT_MATRIX.keys() - TMUX_APPLICATION_MATRIX.keys():
        assert [sent(modifiers + key, modes) for modifiers in MODIFIERS] == list(TMUX_SENT_MATRIX[key]), key


def test_key_names_ignore_case_as_in_tmux():
    assert encode_key("END") == encode_key("end") == "\x1b[4~"
    assert encode_key("C-UP") == "\x1b[1;5A"
    assert encode_key("A") == "A"  # one character is itself


def test_words_are_not_keys():
    assert not is_key_name("hello")
    assert not is_key_name("C-hello")
    assert is_key_name("C-c")


@pytest.mark.parametrize("name", ["S-Tab", "C-1", "C-é", "MouseDown1Pane", "Any", "User0", "0x0"])
def test_keys_without_bytes_are_still_keys(name):
    # tmux 3.3a's `set -g prefix NAME` took each (bind-key too): send-keys types some as text.
    assert is_key_name(name)


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
    "C-A": "C-a", "M-A": "M-A", "é": "é", "C-é": "C-é", "0x41": "A", "0x1": "C-a", "0xe9": "é", "0x0": "C-Space",
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
    assert not is_key_name(spelling)


def test_order_is_tmux_key_code_order():
    # tmux 3.3a, list-keys of a table holding these keys, in its order (it prints ~ as \~).
    tmux = ("C-Space C-a C-h Tab Enter Escape Space 0 a ~ C-? Any MouseDown1Pane WheelUpPane BSpace F1 IC DC "
            "Home End NPage PPage BTab Up Down Left Right KP/ KP1 KPEnter KP0 KP. User0 User5 é M-C-@ M-C-a M-Tab "
            "M-Space M-1 M-a M-C-? M-WheelUpPane M-BSpace M-F1 M-Home M-Up M-Down M-KP1 M-é C-Tab C-Escape C-1 "
            "C-F1 C-Up C-KP1 C-é C-M-1 S-Tab S-a S-F1 S-Up S-Left M-S-Left C-S-Left C-M-S-Left").split()
    assert sorted(reversed(tmux), key=lambda name: parse_key(name).order) == tmux


# What tmux 3.3a's send-keys sent for other spellings: ^x, 0xNN, aliases and case, user keys, and
# words that name no key a pane can get (an alias tmux lacks, a mouse key, Any, None).
TMUX_SENT = {
    "^a": "\x01", "^?": "\x7f", "^@": "\x00", "^[": "\x1b", "^ ": "\x00", "^1": "", "0x41": "A", "0x1": "\x01",
    "0xe9": "é", "0x7f": "\x7f", "0x0": "\x00", "Any": TEXT, "None": TEXT, "MouseDown1Pane": TEXT, "User0": "",
    "hello": TEXT, "C-hello": TEXT, "Return": TEXT, "Esc": TEXT, "C-": TEXT, "M-": TEXT, "F13": TEXT,
    "C-Any": TEXT, "M-None": TEXT, "M-User0": "\x1b", "C-MouseDown1Pane": TEXT, "s-TAB": TEXT,
    "c-SPACE": "\x00", "m-enter": "\x1b\r", "KP1": "1", "C-KP1": "", "M-KP1": "\x1b1", "S-KP1": TEXT,
    "C-User0": "", "S-User0": "", "C-M-User0": "\x1b", "M-Any": TEXT, "M-MouseDown1Pane": TEXT, "0x1b": "\x1b",
    "0x20": " ", "0xff": "ÿ", "C-0x41": TEXT, "M-0x41": TEXT, "PageUp": "\x1b[5~", "PGUP": "\x1b[5~",
    "PageDown": "\x1b[6~", "end": "\x1b[4~", "c-UP": "\x1b[1;5A", "M-BTab": "\x1b\x1b[Z",
    "C-M-Space": "\x1b\x00", "M-é": "\x1bé", "Backspace": TEXT, "C-~": TEXT,
}


@pytest.mark.parametrize("name, expected", TMUX_SENT.items())
def test_sent_as_tmux_sends(name, expected):
    assert sent(name) == expected


# Keys typed at a client whose terminal reports every modifier (the kitty keyboard protocol):
# what a legacy terminal would have sent tmux instead, or nothing; never the key's name as text.
TYPED = {
    "S-Enter": "\r", "C-Enter": "\r", "C-S-Enter": "\r", "C-M-Enter": "\x1b\r", "S-Space": " ",
    "S-Tab": "\x1b[Z", "C-S-Tab": "\x1b[Z", "M-S-Tab": "\x1b\x1b[Z", "C-Tab": "\t", "C-M-Tab": "\x1b\t",
    "S-BSpace": "\x7f", "C-BSpace": "\x7f", "S-Escape": "\x1b", "C-Escape": "\x1b", "C-1": "1",
    "C-M-1": "\x1b1", "S-a": "A", "M-S-a": "\x1bA", "C-S-a": "\x01", "C-é": "é",
    # Keys with bytes of their own keep them.
    "C-a": "\x01", "C-2": "\x00", "S-Up": "\x1b[1;2A", "M-Enter": "\x1b\r", "BTab": "\x1b[Z", "a": "a",
    # No bytes however it is sent: dropped.
    "MouseDown1Pane": "", "Any": "", "hello": "",
}


@pytest.mark.parametrize("name, expected", TYPED.items())
def test_a_typed_key_is_sent_as_a_legacy_terminal_sends_it(name, expected):
    assert encode_typed_key(name) == expected
